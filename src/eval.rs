//! Alignment evaluation against gold: strict and lax precision, recall and F1, the
//! metric of the published aligner comparisons (Vecalign, Bertalign) and of
//! `shared/tools/align_score.py`, whose numbers this module reproduces exactly.
//!
//! A test bead is a strict hit when it equals a gold bead, a lax hit when it shares a
//! Chinese and an English sentence with some gold bead. Precision counts deletion
//! beads (1-0/0-1) of the test; recall ignores deletions. Counts add up over documents.
//!
//! ```
//! use bitext::eval::{parse_beads, score};
//! let gold = parse_beads("[0]:[0]\n[1]:[1, 2]\n", "gold").unwrap();
//! let test = parse_beads("[0]:[0]\n[1]:[1]\n[]:[2]\n", "test").unwrap();
//! let s = score(&[(gold, test)]);
//! assert_eq!(s.p_strict, 1.0 / 3.0);
//! ```

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};

/// A bead as (zh ids, en ids).
pub type BeadIds = (Vec<usize>, Vec<usize>);

fn parse_ids(s: &str) -> Option<Vec<usize>> {
    let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|x| x.trim().parse().ok()).collect()
}

/// Parse the gold format: one bead per line, `[0, 1]:[2]`.
pub fn parse_beads(text: &str, name: &str) -> Result<Vec<BeadIds>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bead = line
            .split_once(':')
            .and_then(|(a, b)| Some((parse_ids(a)?, parse_ids(b)?)));
        match bead {
            Some(b) => out.push(b),
            None => {
                return Err(Error::input_at(
                    name,
                    n + 1,
                    format!("not a bead `[zh ids]:[en ids]`: {}", excerpt(line)),
                ));
            }
        }
    }
    Ok(out)
}

/// The start of a line for an error message: at most 60 characters, control
/// characters shown as escapes (a bad line may be megabytes long, or binary).
fn excerpt(line: &str) -> String {
    const SHOWN: usize = 60;
    let mut out: String = line
        .chars()
        .take(SHOWN)
        .flat_map(|c| match c.is_control() || c == '\u{feff}' {
            true => c.escape_unicode().collect::<Vec<_>>(),
            false => vec![c],
        })
        .collect();
    if line.chars().nth(SHOWN).is_some() {
        out.push('…');
    }
    out
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    pub p_strict: f64,
    pub r_strict: f64,
    pub f1_strict: f64,
    pub p_lax: f64,
    pub r_lax: f64,
    pub f1_lax: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p_strict={:.3} r_strict={:.3} f1_strict={:.3} p_lax={:.3} r_lax={:.3} f1_lax={:.3}",
            self.p_strict, self.r_strict, self.f1_strict, self.p_lax, self.r_lax, self.f1_lax
        )
    }
}

/// (strict tp, strict fp, lax tp, lax fp) of `test` judged against `gold`.
fn hits(gold: &[BeadIds], test: &[BeadIds]) -> [usize; 4] {
    let gold: HashSet<&BeadIds> = gold
        .iter()
        .filter(|b| !b.0.is_empty() || !b.1.is_empty())
        .collect();
    let test: HashSet<&BeadIds> = test
        .iter()
        .filter(|b| !b.0.is_empty() || !b.1.is_empty())
        .collect();
    let mut links: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in &gold {
        for &i in s {
            links.entry(i).or_default().extend(t.iter().copied());
        }
    }
    let mut h = [0usize; 4];
    for b in test {
        if gold.contains(b) {
            h[0] += 1;
            h[2] += 1;
            continue;
        }
        h[1] += 1;
        let linked = b.0.iter().any(|i| {
            links
                .get(i)
                .is_some_and(|l| b.1.iter().any(|j| l.contains(j)))
        });
        if linked { h[2] += 1 } else { h[3] += 1 }
    }
    h
}

/// Scores summed over documents, each given as (gold beads, test beads).
pub fn score(docs: &[(Vec<BeadIds>, Vec<BeadIds>)]) -> Scores {
    let (mut p, mut r) = ([0usize; 4], [0usize; 4]);
    let full = |v: &[BeadIds]| -> Vec<BeadIds> {
        v.iter()
            .filter(|b| !b.0.is_empty() && !b.1.is_empty())
            .cloned()
            .collect()
    };
    for (gold, test) in docs {
        for (k, v) in hits(gold, test).into_iter().enumerate() {
            p[k] += v;
        }
        for (k, v) in hits(&full(test), &full(gold)).into_iter().enumerate() {
            r[k] += v;
        }
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |a: f64, b: f64| {
        if a + b == 0.0 {
            0.0
        } else {
            2.0 * a * b / (a + b)
        }
    };
    let (ps, pl) = (div(p[0], p[0] + p[1]), div(p[2], p[2] + p[3]));
    let (rs, rl) = (div(r[0], r[0] + r[1]), div(r[2], r[2] + r[3]));
    Scores {
        p_strict: ps,
        r_strict: rs,
        f1_strict: f1(ps, rs),
        p_lax: pl,
        r_lax: rl,
        f1_lax: f1(pl, rl),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_lax_hits() {
        let gold = parse_beads("[0]:[0]\n[1]:[1, 2]\n[2]:[]\n", "g").unwrap();
        assert_eq!(score(&[(gold.clone(), gold.clone())]).f1_strict, 1.0);
        let test = parse_beads("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n", "t").unwrap();
        let s = score(&[(gold, test)]);
        assert_eq!((s.p_strict, s.p_lax), (0.5, 0.75));
        assert_eq!((s.r_strict, s.r_lax), (0.5, 1.0));
    }

    #[test]
    fn a_long_bad_line_is_cut_and_controls_shown() {
        let long = format!("x\u{1b}{}", "y".repeat(4_000_000));
        let e = parse_beads(&long, "x.align").unwrap_err().to_string();
        assert!(e.len() < 200, "{} bytes", e.len());
        assert!(e.contains("x\\u{1b}yyy") && e.ends_with('…'), "{e}");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = parse_beads("[0]:[0]\nnonsense\n", "x.align").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.align: line 2: not a bead `[zh ids]:[en ids]`: nonsense"
        );
    }
}
