//! Symmetrisation: one link set from the two directions' link posteriors. Each
//! direction alone lets a word of its target side link to at most what its model
//! allows (one source word, or NULL); the combination recovers many-to-many links.
//!
//! - `ZhToEn`, `EnToZh`: one direction's links alone (for comparison).
//! - `Intersection`, `Union` of the two directions' links.
//! - `GrowDiagFinalAnd` (Koehn et al. 2003, as in Moses and fast_align's atools):
//!   start from the intersection, add union links next to (also diagonally) an existing
//!   link while one of their words is still unlinked, then links of either direction
//!   whose two words are both still unlinked.
//! - `Average`: a link wherever the mean of the two posteriors reaches the threshold
//!   (soft union, as in Liang et al. 2006 and DeNero & Macherey 2011).

use serde::Serialize;

/// How the two directions' links are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Symmetrization {
    ZhToEn,
    EnToZh,
    Intersection,
    Union,
    GrowDiagFinalAnd,
    Average,
}

impl std::str::FromStr for Symmetrization {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "zh-en" => Symmetrization::ZhToEn,
            "en-zh" => Symmetrization::EnToZh,
            "intersection" => Symmetrization::Intersection,
            "union" => Symmetrization::Union,
            "grow-diag-final-and" | "gdfa" => Symmetrization::GrowDiagFinalAnd,
            "average" => Symmetrization::Average,
            _ => return Err(format!("unknown symmetrization {s}")),
        })
    }
}

/// Link posteriors of one bead in both directions, zh-major: `p[i * en_len + j]` is
/// the probability of a link between Chinese word i and English word j.
pub struct BothPosteriors<'a> {
    pub zh_len: usize,
    pub en_len: usize,
    pub zh_to_en: &'a [f32],
    pub en_to_zh: &'a [f32],
}

/// Combine the directions; links sorted by (zh, en).
pub fn symmetrize(
    post: &BothPosteriors,
    method: Symmetrization,
    threshold: f64,
) -> Vec<(u32, u32)> {
    let (n, m) = (post.zh_len, post.en_len);
    let threshold = threshold as f32;
    let fwd = |k: usize| post.zh_to_en[k] >= threshold;
    let bwd = |k: usize| post.en_to_zh[k] >= threshold;
    let cells = 0..n * m;
    let chosen: Vec<bool> = match method {
        Symmetrization::ZhToEn => cells.map(fwd).collect(),
        Symmetrization::EnToZh => cells.map(bwd).collect(),
        Symmetrization::Intersection => cells.map(|k| fwd(k) && bwd(k)).collect(),
        Symmetrization::Union => cells.map(|k| fwd(k) || bwd(k)).collect(),
        Symmetrization::Average => cells
            .map(|k| post.zh_to_en[k] + post.en_to_zh[k] >= 2.0 * threshold)
            .collect(),
        Symmetrization::GrowDiagFinalAnd => {
            let a: Vec<bool> = cells.clone().map(fwd).collect();
            let b: Vec<bool> = cells.map(bwd).collect();
            grow_diag_final_and(n, m, &a, &b)
        }
    };
    let mut links = Vec::new();
    for i in 0..n {
        for j in 0..m {
            if chosen[i * m + j] {
                links.push((i as u32, j as u32));
            }
        }
    }
    links
}

/// grow-diag-final-and over two directional link grids (zh-major, n x m).
pub fn grow_diag_final_and(n: usize, m: usize, a: &[bool], b: &[bool]) -> Vec<bool> {
    let mut chosen: Vec<bool> = a.iter().zip(b).map(|(&x, &y)| x && y).collect();
    let mut zh_linked = vec![false; n];
    let mut en_linked = vec![false; m];
    for i in 0..n {
        for j in 0..m {
            if chosen[i * m + j] {
                zh_linked[i] = true;
                en_linked[j] = true;
            }
        }
    }
    const NEIGHBOURS: [(i64, i64); 8] = [
        (-1, 0),
        (0, -1),
        (1, 0),
        (0, 1),
        (-1, -1),
        (-1, 1),
        (1, -1),
        (1, 1),
    ];
    let mut grew = true;
    while grew {
        grew = false;
        for i in 0..n {
            for j in 0..m {
                if !chosen[i * m + j] {
                    continue;
                }
                for (di, dj) in NEIGHBOURS {
                    let (ni, nj) = (i as i64 + di, j as i64 + dj);
                    if ni < 0 || nj < 0 || ni >= n as i64 || nj >= m as i64 {
                        continue;
                    }
                    let (ni, nj) = (ni as usize, nj as usize);
                    let k = ni * m + nj;
                    if !chosen[k] && (a[k] || b[k]) && (!zh_linked[ni] || !en_linked[nj]) {
                        chosen[k] = true;
                        zh_linked[ni] = true;
                        en_linked[nj] = true;
                        grew = true;
                    }
                }
            }
        }
    }
    // final-and: a directional link whose two words are both still unlinked.
    for grid in [a, b] {
        for i in 0..n {
            for j in 0..m {
                if grid[i * m + j] && !zh_linked[i] && !en_linked[j] {
                    chosen[i * m + j] = true;
                    zh_linked[i] = true;
                    en_linked[j] = true;
                }
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(n: usize, m: usize, links: &[(usize, usize)]) -> Vec<bool> {
        let mut g = vec![false; n * m];
        for &(i, j) in links {
            g[i * m + j] = true;
        }
        g
    }

    #[test]
    fn grow_diag_final_and_grows_from_the_intersection() {
        // zh->en links 0-0, 1-1, 1-2; en->zh links 0-0, 1-1, 2-3. Intersection 0-0, 1-1;
        // 1-2 neighbours 1-1 and en 2 is unlinked: grows; 2-3 is isolated but both its
        // words are unlinked: final-and adds it.
        let a = grid(3, 4, &[(0, 0), (1, 1), (1, 2)]);
        let b = grid(3, 4, &[(0, 0), (1, 1), (2, 3)]);
        let got = grow_diag_final_and(3, 4, &a, &b);
        assert_eq!(got, grid(3, 4, &[(0, 0), (1, 1), (1, 2), (2, 3)]));
    }

    #[test]
    fn a_union_link_between_two_linked_words_is_not_added() {
        let a = grid(2, 2, &[(0, 0), (1, 1), (0, 1)]);
        let b = grid(2, 2, &[(0, 0), (1, 1)]);
        assert_eq!(
            grow_diag_final_and(2, 2, &a, &b),
            grid(2, 2, &[(0, 0), (1, 1)])
        );
    }

    #[test]
    fn average_links_where_the_mean_posterior_reaches_the_threshold() {
        let post = BothPosteriors {
            zh_len: 1,
            en_len: 2,
            zh_to_en: &[0.9, 0.3],
            en_to_zh: &[0.2, 0.3],
        };
        assert_eq!(symmetrize(&post, Symmetrization::Average, 0.5), [(0, 0)]);
        assert_eq!(symmetrize(&post, Symmetrization::Union, 0.5), [(0, 0)]);
        assert!(symmetrize(&post, Symmetrization::Intersection, 0.5).is_empty());
    }
}
