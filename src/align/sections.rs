//! Section matching: pair the headings of the two documents by numbering label,
//! heading text and position; matched pairs become anchors of the alignment.

use crate::segment::{Document, UnitKind};

use super::dp;
use super::features::PairFeatures;

struct Heading {
    unit: usize,
    level: usize,
    number: Option<u32>,
    /// Relative position in the document, 0..1.
    pos: f32,
}

fn headings(doc: &Document) -> Vec<Heading> {
    let n = doc.units.len().max(1) as f32;
    let mut out: Vec<Heading> = doc
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Heading)
        .map(|(i, u)| {
            let sec = &doc.sections[u.section];
            Heading {
                unit: i,
                level: sec.level,
                number: sec.label.as_ref().and_then(|l| l.number),
                pos: i as f32 / n,
            }
        })
        .collect();
    // Compare depths, not raw levels: a title line, or Markdown/.docx heading styles,
    // shift every level of one side, so levels become ranks among numbered headings.
    let mut numbered_levels: Vec<usize> = out
        .iter()
        .filter(|h| h.number.is_some())
        .map(|h| h.level)
        .collect();
    numbered_levels.sort_unstable();
    numbered_levels.dedup();
    for h in &mut out {
        h.level = numbered_levels.partition_point(|&l| l < h.level);
    }
    out
}

/// Heading pairs (zh unit, en unit), in order, that match with confidence. Headings
/// left unmatched are reported in `warnings`.
pub fn match_headings(
    zh: &Document,
    en: &Document,
    feats: &PairFeatures,
    warnings: &mut Vec<String>,
) -> Vec<(usize, usize)> {
    let hz = headings(zh);
    let he = headings(en);
    if hz.is_empty() || he.is_empty() {
        return Vec::new();
    }
    let params = dp::Params::default();
    let pair_score = |a: &Heading, b: &Heading| -> f32 {
        let (sim, _) = dp::bead_evidence(
            &feats.zh,
            &feats.en,
            &feats.trans,
            &params,
            a.unit..a.unit + 1,
            b.unit..b.unit + 1,
        );
        let label = match (a.number, b.number) {
            (Some(x), Some(y)) if x == y && a.level == b.level => 2.0,
            (Some(_), Some(_)) => -2.0,
            _ => 0.0,
        };
        label + 4.0 * sim - 6.0 * (a.pos - b.pos).abs()
    };
    // Monotone matching maximising the total score (headings are few: n*m is small).
    let (n, m) = (hz.len(), he.len());
    let mut best = vec![vec![0.0f32; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut v = f32::NEG_INFINITY;
            if i > 0 && best[i - 1][j] > v {
                v = best[i - 1][j];
                back[i][j] = 1;
            }
            if j > 0 && best[i][j - 1] > v {
                v = best[i][j - 1];
                back[i][j] = 2;
            }
            if i > 0 && j > 0 {
                let s = pair_score(&hz[i - 1], &he[j - 1]);
                if s > 1.0 && best[i - 1][j - 1] + s > v {
                    v = best[i - 1][j - 1] + s;
                    back[i][j] = 3;
                }
            }
            best[i][j] = v;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i][j] {
            3 => {
                pairs.push((hz[i - 1].unit, he[j - 1].unit));
                i -= 1;
                j -= 1;
            }
            1 => {
                warnings.push(format!(
                    "Chinese heading without an English counterpart: {}",
                    zh.unit_text(hz[i - 1].unit)
                ));
                i -= 1;
            }
            _ => {
                warnings.push(format!(
                    "English heading without a Chinese counterpart: {}",
                    en.unit_text(he[j - 1].unit)
                ));
                j -= 1;
            }
        }
    }
    pairs.reverse();
    warnings.reverse();
    pairs
}
