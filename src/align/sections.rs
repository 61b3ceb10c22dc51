//! Structure matching: pair the anchors of the two documents by numbering label, text
//! and position. Anchors are headings and the first sentences of numbered paragraphs
//! (第二十条 / Article 20, （3） / (3), 4. / 4.). A matched pair of headings becomes a
//! fixed 1-1 bead; a matched pair of numbered paragraphs starts a bead on both sides.
//! Either way the pair cuts the documents into regions aligned independently, so a
//! part missing on one side cannot make the rest drift.
//!
//! The best set of pairs is the heaviest chain of candidate pairs increasing on both
//! sides, found with a Fenwick tree of prefix maxima: the cost grows with the number of
//! candidate pairs, not with the product of the anchor counts. Short documents offer
//! every pair; long ones only the pairs near where a first alignment of the whole text
//! (the `guide`) puts each Chinese anchor.

use crate::segment::{Document, UnitKind};

use super::dp::{self, RawBead};
use super::features::PairFeatures;

/// A matched pair of anchors (unit ids).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnchorPair {
    pub zh: usize,
    pub en: usize,
    /// Both are headings (a fixed 1-1 bead); otherwise both start numbered paragraphs.
    pub heading: bool,
}

struct Anchor {
    unit: usize,
    heading: bool,
    /// Depth among the numbered anchors of the document (0 = outermost).
    level: usize,
    /// What the label names when it says so in words (第三条 / Article 3: "article").
    family: Option<&'static str>,
    number: Option<u32>,
    /// Relative position in the document, 0..1.
    pos: f32,
}

/// Label styles that name their kind of division, the same in both languages.
fn family(style: &str) -> Option<&'static str> {
    match style {
        "zh-di-article" | "article" => Some("article"),
        "zh-di-chapter" | "chapter" => Some("chapter"),
        "zh-di-section" | "section" => Some("section"),
        "zh-di-part" | "part" => Some("part"),
        "appendix" => Some("appendix"),
        _ => None,
    }
}

/// Units that start a section: headings, and the first sentence of each numbered
/// paragraph (a section opened by a label, with no heading line). Pre-split text has no
/// sections, hence no anchors (its heading lines are only kept whole).
pub fn anchor_units(doc: &Document) -> Vec<(usize, bool)> {
    let mut seen = vec![false; doc.sections.len()];
    let mut out = Vec::new();
    for (i, u) in doc.units.iter().enumerate() {
        let first = !std::mem::replace(&mut seen[u.section], true);
        let sec = &doc.sections[u.section];
        match u.kind {
            UnitKind::Heading if sec.heading == Some(i) => out.push((i, true)),
            UnitKind::Heading => {}
            UnitKind::Sentence if first && sec.heading.is_none() && sec.label.is_some() => {
                out.push((i, false))
            }
            UnitKind::Sentence => {}
        }
    }
    out
}

fn anchors(doc: &Document) -> Vec<Anchor> {
    let n = doc.units.len().max(1) as f32;
    let mut out: Vec<Anchor> = anchor_units(doc)
        .into_iter()
        .map(|(i, heading)| {
            let sec = &doc.sections[doc.units[i].section];
            let label = sec.label.as_ref();
            Anchor {
                unit: i,
                heading,
                level: sec.level,
                family: label.and_then(|l| family(&l.style)),
                number: label.and_then(|l| l.number),
                pos: i as f32 / n,
            }
        })
        .collect();
    // Compare depths, not raw levels: a title line, or Markdown/.docx heading styles,
    // shift every level of one side, so levels become ranks among numbered anchors.
    let mut numbered_levels: Vec<usize> = out
        .iter()
        .filter(|a| a.number.is_some())
        .map(|a| a.level)
        .collect();
    numbered_levels.sort_unstable();
    numbered_levels.dedup();
    for a in &mut out {
        a.level = numbered_levels.partition_point(|&l| l < a.level);
    }
    out
}

/// Every pair is scored when there are at most this many; beyond, only pairs near the
/// guide's path.
const FULL_PAIRS: usize = 1 << 20;

/// How far (in English units) from where the guide puts a Chinese anchor its
/// counterpart is looked for.
const GUIDE_WINDOW: usize = 24;

/// How well two anchors match: numbering labels, text and position. `sim` is their
/// lexical similarity, `rival` the best similarity either has with any other anchor.
/// Pairs scoring `MIN_PAIR_SCORE` or less are never matched.
///
/// Numbers are strong evidence, but a translation may drop a part and renumber the
/// rest: equal numbers count only when the texts do not point elsewhere, and different
/// numbers cost nothing when the texts match each other better than anything else.
fn pair_score(a: &Anchor, b: &Anchor, sim: f32, rival: f32) -> f32 {
    let label = match (a.number, b.number) {
        (Some(x), Some(y)) => {
            let same_kind = match (a.family, b.family) {
                (Some(f), Some(g)) => f == g,
                _ => a.level == b.level,
            };
            if x == y && same_kind {
                if sim + TEXT_DISAGREES >= rival {
                    2.0
                } else {
                    0.0
                }
            } else if same_kind && sim >= RENUMBERED_SIM && sim >= rival {
                0.0
            } else {
                -2.0
            }
        }
        _ => 0.0,
    };
    label + 4.0 * sim - 6.0 * (a.pos - b.pos).abs()
}

/// Equal numbers are a coincidence when another anchor's text matches one of the pair
/// better by this much.
const TEXT_DISAGREES: f32 = 0.3;

/// Similarity at which two anchors whose texts match best (each other's best) pair
/// though their numbers differ.
const RENUMBERED_SIM: f32 = 0.5;

const MIN_PAIR_SCORE: f32 = 1.0;

/// Anchor pairs, in order, that match with confidence. `guide` gives a first alignment
/// of the whole pair; it is asked for only when the documents have too many anchors to
/// score every pair.
pub fn match_anchors(
    zh: &Document,
    en: &Document,
    feats: &PairFeatures,
    guide: impl FnOnce() -> Vec<RawBead>,
) -> Vec<AnchorPair> {
    let az = anchors(zh);
    let ae = anchors(en);
    if az.is_empty() || ae.is_empty() {
        return Vec::new();
    }
    // For each Chinese anchor, the English anchors it may pair with.
    let windows: Vec<std::ops::Range<usize>> = if az.len() * ae.len() <= FULL_PAIRS {
        vec![0..ae.len(); az.len()]
    } else {
        let path = guide();
        let mut en_at = vec![0usize; zh.units.len()];
        for b in &path {
            for i in b.zh.clone() {
                en_at[i] = b.en.start;
            }
        }
        az.iter()
            .map(|a| {
                let center = en_at[a.unit];
                let lo = center.saturating_sub(GUIDE_WINDOW);
                let hi = center + GUIDE_WINDOW;
                ae.partition_point(|b| b.unit < lo)..ae.partition_point(|b| b.unit <= hi)
            })
            .collect()
    };
    // Similarity of every pair of the same kind in the windows, then each anchor's best.
    let mut sims: Vec<(usize, usize, f32)> = Vec::new();
    for (i, a) in az.iter().enumerate() {
        let za = &feats.zh[a.unit];
        let targets = dp::Targets::new(za, &feats.trans);
        for j in windows[i].clone() {
            let b = &ae[j];
            if a.heading == b.heading {
                sims.push((i, j, targets.similarity(za, &feats.en[b.unit])));
            }
        }
    }
    let mut best_zh = vec![0.0f32; az.len()];
    let mut best_en = vec![0.0f32; ae.len()];
    for &(i, j, sim) in &sims {
        best_zh[i] = best_zh[i].max(sim);
        best_en[j] = best_en[j].max(sim);
    }
    let candidates: Vec<(usize, usize, f32)> = sims
        .into_iter()
        .filter_map(|(i, j, sim)| {
            let s = pair_score(&az[i], &ae[j], sim, best_zh[i].max(best_en[j]));
            (s > MIN_PAIR_SCORE).then_some((i, j, s))
        })
        .collect();
    heaviest_chain(&candidates, ae.len())
        .into_iter()
        .map(|k| {
            let (i, j, _) = candidates[k];
            AnchorPair {
                zh: az[i].unit,
                en: ae[j].unit,
                heading: az[i].heading,
            }
        })
        .collect()
}

/// The heaviest chain of `candidates` (i, j, weight), sorted by i, whose i and j both
/// strictly increase; returns candidate indices in order. `m` bounds j.
fn heaviest_chain(candidates: &[(usize, usize, f32)], m: usize) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    // tree[p] = (best chain weight, its last candidate) over a range of j ending at p.
    let mut tree = vec![(0.0f32, NONE); m + 1];
    let query = |tree: &[(f32, usize)], mut p: usize| {
        let mut best = (0.0f32, NONE);
        while p > 0 {
            if tree[p].0 > best.0 {
                best = tree[p];
            }
            p &= p - 1;
        }
        best
    };
    let mut value = vec![0.0f32; candidates.len()];
    let mut prev = vec![NONE; candidates.len()];
    let mut start = 0;
    while start < candidates.len() {
        let i = candidates[start].0;
        let end = start + candidates[start..].partition_point(|c| c.0 == i);
        // All pairs of one Chinese anchor read the tree before any of them enters it.
        for k in start..end {
            let (_, j, w) = candidates[k];
            let (v, p) = query(&tree, j);
            value[k] = v + w;
            prev[k] = p;
        }
        for k in start..end {
            let mut p = candidates[k].1 + 1;
            while p <= m {
                if value[k] > tree[p].0 {
                    tree[p] = (value[k], k);
                }
                p += p & p.wrapping_neg();
            }
        }
        start = end;
    }
    let mut best = query(&tree, m).1;
    let mut chain = Vec::new();
    while best != NONE {
        chain.push(best);
        best = prev[best];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chain the full dynamic programme over every (i, j) finds.
    fn full_dp(candidates: &[(usize, usize, f32)], n: usize, m: usize) -> f32 {
        let mut best = vec![vec![0.0f32; m + 1]; n + 1];
        for i in 1..=n {
            for j in 1..=m {
                let mut v = best[i - 1][j].max(best[i][j - 1]);
                if let Some(c) = candidates.iter().find(|c| c.0 == i - 1 && c.1 == j - 1) {
                    v = v.max(best[i - 1][j - 1] + c.2);
                }
                best[i][j] = v;
            }
        }
        best[n][m]
    }

    #[test]
    fn heaviest_chain_is_monotone_and_as_heavy_as_the_full_search() {
        // A deterministic scatter of candidates, some crossing, some sharing a row.
        let mut candidates = Vec::new();
        let mut x = 7u32;
        for i in 0..30 {
            for j in 0..30 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if (x >> 16).is_multiple_of(5) {
                    candidates.push((i, j, 1.0 + ((x >> 8) % 100) as f32 / 25.0));
                }
            }
        }
        let chain = heaviest_chain(&candidates, 30);
        for w in chain.windows(2) {
            let (a, b) = (candidates[w[0]], candidates[w[1]]);
            assert!(a.0 < b.0 && a.1 < b.1, "{a:?} then {b:?}");
        }
        let weight: f32 = chain.iter().map(|&k| candidates[k].2).sum();
        assert!((weight - full_dp(&candidates, 30, 30)).abs() < 1e-3);
    }
}
