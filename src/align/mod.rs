//! Aligner: two [`Document`]s -> [`Bitext`]. Sections are matched first (numbering
//! labels, heading text, position), which cuts the pair into independent regions so a
//! section missing on one side cannot make the rest drift; sentences are then aligned
//! inside each region by dynamic programming over beads ([`dp`]).
//!
//! Evidence for a bead: two-sided lexical coverage (dictionary, glossary, identical
//! Latin tokens and numbers, and a lexicon learned from a first pass over the pair),
//! Chinese/English length ratio fitted on the pair, and bead-shape priors.
//!
//! ```
//! use bitext::align::{align, AlignOptions};
//! use bitext::lexicon::Resources;
//! use bitext::segment::{presplit, Lang};
//! let resources = Resources::default_embedded().unwrap();
//! let zh = presplit("我们坚持多边主义。\n数据安全很重要。\n".into(), Lang::Zh, &resources.words);
//! let en = presplit("We uphold multilateralism.\nData security matters.\n".into(), Lang::En, &resources.words);
//! let bitext = align(zh, en, &resources, &AlignOptions::default());
//! assert_eq!(bitext.beads.len(), 2);
//! assert_eq!(bitext.beads[1].zh, vec![1]);
//! ```

pub mod dp;
pub mod features;
mod sections;

use std::collections::HashMap;

use serde::Serialize;

use crate::lexicon::Resources;
use crate::pairs::AlignedPair;
use crate::segment::words::WordSegmenter;
use crate::segment::{Document, Lang, presplit};
use features::PairFeatures;

/// One aligned bead: 0-based unit ids on each side (either may be empty).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
    /// Confidence in [0, 1].
    pub score: f64,
    /// Section labels from the root (of the Chinese side, or the English one when the
    /// bead has no Chinese unit).
    pub section: Vec<String>,
}

/// Two documents and their alignment. The documents keep their text, units and
/// sections but not their word tokens: those are most of a document's memory, and
/// nothing after the alignment features needs them (`segment` recomputes them).
pub struct Bitext {
    pub zh: Document,
    pub en: Document,
    pub beads: Vec<Bead>,
    /// What the user should know: sections without a counterpart, and the like.
    pub warnings: Vec<String>,
}

impl Bitext {
    /// The Chinese text of a bead (units joined with nothing).
    pub fn zh_text(&self, bead: &Bead) -> String {
        bead.zh.iter().map(|&i| self.zh.unit_text(i)).collect()
    }
    /// A bitext of pairs read back from a file (`--aligned`): each non-empty side of
    /// pair i becomes one unit, and pair i becomes bead i.
    pub fn from_pairs(pairs: &[AlignedPair], words: &WordSegmenter) -> Bitext {
        // One unit per non-empty side of a pair, one per line.
        let side = |text: fn(&AlignedPair) -> &str, lang| {
            let joined: String = pairs
                .iter()
                .map(text)
                .filter(|t| !t.is_empty())
                .map(|t| format!("{t}\n"))
                .collect();
            presplit(joined, lang, words)
        };
        let zh = side(|p| p.zh.as_str(), Lang::Zh);
        let en = side(|p| p.en.as_str(), Lang::En);
        let (mut zi, mut ei) = (0, 0);
        let beads = pairs
            .iter()
            .map(|p| {
                let take = |text: &str, next: &mut usize| {
                    if text.is_empty() {
                        Vec::new()
                    } else {
                        *next += 1;
                        vec![*next - 1]
                    }
                };
                Bead {
                    zh: take(&p.zh, &mut zi),
                    en: take(&p.en, &mut ei),
                    score: p.score.unwrap_or(0.0),
                    section: p
                        .section
                        .split(" > ")
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                }
            })
            .collect();
        Bitext {
            zh,
            en,
            beads,
            warnings: Vec::new(),
        }
    }

    /// The beads as pairs of texts, bead id = bead index.
    pub fn pairs(&self) -> Vec<AlignedPair> {
        self.beads
            .iter()
            .enumerate()
            .map(|(id, b)| AlignedPair {
                id,
                zh: self.zh_text(b),
                en: self.en_text(b),
                score: Some(b.score),
                section: b.section.join(" > "),
                ..AlignedPair::default()
            })
            .collect()
    }

    /// The English text of a bead (units joined with a space).
    pub fn en_text(&self, bead: &Bead) -> String {
        bead.en
            .iter()
            .map(|&i| self.en.unit_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Clone, Debug)]
pub struct AlignOptions {
    /// Learn a lexicon from a first pass and align again with it.
    pub learn_lexicon: bool,
    /// Match sections by their headings before aligning sentences.
    pub use_structure: bool,
    pub params: dp::Params,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            learn_lexicon: true,
            use_structure: true,
            params: dp::Params::default(),
        }
    }
}

/// A pair of unit ranges aligned independently of the rest.
#[derive(Clone, Debug)]
struct Region {
    zh: std::ops::Range<usize>,
    en: std::ops::Range<usize>,
}

/// Align two segmented documents.
pub fn align(
    mut zh: Document,
    mut en: Document,
    resources: &Resources,
    opts: &AlignOptions,
) -> Bitext {
    let mut feats = PairFeatures::new(&zh, &en, resources);
    // Freed before the search, which is when memory peaks.
    for unit in zh.units.iter_mut().chain(en.units.iter_mut()) {
        unit.tokens = Vec::new();
    }
    let mut params = opts.params.clone();
    fit_length_ratio(&feats, &mut params);

    // Structure: matched headings become fixed 1-1 beads, matched numbered paragraphs
    // start a bead on both sides; both cut the pair into regions.
    let anchors = if opts.use_structure {
        sections::match_anchors(&zh, &en, &feats, || {
            dp::align(&feats.zh, &feats.en, &feats.trans, &params, None)
        })
    } else {
        Vec::new()
    };
    let mut regions = Vec::new();
    let (mut zs, mut es) = (0, 0);
    for a in &anchors {
        regions.push(Region {
            zh: zs..a.zh,
            en: es..a.en,
        });
        (zs, es) = (a.zh, a.en);
        if a.heading {
            regions.push(Region {
                zh: a.zh..a.zh + 1,
                en: a.en..a.en + 1,
            });
            (zs, es) = (a.zh + 1, a.en + 1);
        }
    }
    regions.push(Region {
        zh: zs..zh.units.len(),
        en: es..en.units.len(),
    });

    let mut per_region = align_regions(&feats, &regions, &params, None);
    let mut raw = flatten(&regions, per_region.clone());
    // Later passes: what the previous pass found calibrates the next one.
    for _ in 1..params.passes {
        if opts.learn_lexicon {
            let learned = learn_lexicon(&feats, &raw, &params);
            feats.add_translations(learned);
        }
        if params.refit == 1 {
            refit_length(&raw, &feats, &mut params);
        }
        fit_priors(&raw, &opts.params.prior, &mut params);
        per_region = align_regions(&feats, &regions, &params, Some(&per_region));
        raw = flatten(&regions, per_region.clone());
    }

    let beads: Vec<Bead> = raw
        .into_iter()
        .map(|b| {
            let section = match (b.zh.start < b.zh.end, b.en.start < b.en.end) {
                (true, _) => zh.section_path(zh.units[b.zh.start].section),
                (false, true) => en.section_path(en.units[b.en.start].section),
                _ => Vec::new(),
            };
            Bead {
                zh: b.zh.clone().collect(),
                en: b.en.clone().collect(),
                score: confidence(&b),
                section,
            }
        })
        .collect();
    let mut warnings: Vec<String> = zh.warnings.iter().chain(&en.warnings).cloned().collect();
    warnings.extend(unpaired_warnings(&zh, &en, &beads));
    Bitext {
        zh,
        en,
        beads,
        warnings,
    }
}

/// Runs of unpaired sentences shorter than this are ordinary translation choices (a
/// sentence left out or added) and not reported, unless they start a section.
const MIN_UNPAIRED_RUN: usize = 3;

/// What the alignment left without a counterpart, for the user: each heading paired
/// with nothing, each numbered paragraph paired with nothing (an article or item
/// missing on the other side), and each long run of unpaired sentences. In document
/// order (by bead).
fn unpaired_warnings(zh: &Document, en: &Document, beads: &[Bead]) -> Vec<String> {
    let mut found = unpaired_runs(zh, beads, |b| (&b.zh, &b.en));
    found.extend(unpaired_runs(en, beads, |b| (&b.en, &b.zh)));
    found.sort_by_key(|f| f.0);
    found.into_iter().map(|f| f.1).collect()
}

/// The runs of units of `doc` in beads without a counterpart, as (bead index, warning).
/// `sides` gives a bead's units of `doc` and of the other document.
fn unpaired_runs(
    doc: &Document,
    beads: &[Bead],
    sides: impl Fn(&Bead) -> (&Vec<usize>, &Vec<usize>),
) -> Vec<(usize, String)> {
    let (this, other) = match doc.lang {
        Lang::Zh => ("Chinese", "an English"),
        Lang::En => ("English", "a Chinese"),
    };
    let starts: HashMap<usize, bool> = sections::anchor_units(doc).into_iter().collect();
    let sentences = |k: usize| if k == 1 { "sentence" } else { "sentences" };
    // (bead where the run starts, first unit, units, what starts it: heading or not)
    let mut runs: Vec<(usize, usize, usize, Option<bool>)> = Vec::new();
    let mut open = false;
    for (k, b) in beads.iter().enumerate() {
        let (mine, theirs) = sides(b);
        if !theirs.is_empty() {
            open = false;
            continue;
        }
        for &i in mine {
            let anchor = starts.get(&i).copied();
            match runs.last_mut() {
                Some(run) if open && anchor.is_none() => run.2 += 1,
                _ => runs.push((k, i, 1, anchor)),
            }
            open = true;
        }
    }
    runs.into_iter()
        .filter_map(|(k, first, count, anchor)| {
            let full = doc.unit_text(first);
            let mut text: String = full.chars().take(40).collect();
            if text.len() < full.len() {
                text.push('…');
            }
            let more = count - 1;
            let warning = match anchor {
                Some(true) if more == 0 => {
                    format!("{this} heading without {other} counterpart: {text}")
                }
                Some(true) => format!(
                    "{this} heading without {other} counterpart: {text} (and the {more} {} after it)",
                    sentences(more)
                ),
                Some(false) => format!(
                    "{this} numbered paragraph without {other} counterpart ({count} {}): {text}",
                    sentences(count)
                ),
                None if count >= MIN_UNPAIRED_RUN => format!(
                    "{count} {this} sentences in a row without {other} counterpart, from: {text}"
                ),
                None => return None,
            };
            Some((k, warning))
        })
        .collect()
}

/// Align each region; beads are relative to their region. A `guide` (the previous
/// pass, per region) confines the search to a band around it.
fn align_regions(
    feats: &PairFeatures,
    regions: &[Region],
    params: &dp::Params,
    guide: Option<&[Vec<dp::RawBead>]>,
) -> Vec<Vec<dp::RawBead>> {
    let align_region = |k: usize| {
        let r = &regions[k];
        dp::align(
            &feats.zh[r.zh.clone()],
            &feats.en[r.en.clone()],
            &feats.trans,
            params,
            guide.map(|g| g[k].as_slice()),
        )
    };
    // Regions are independent: two threads, one for the regions before the point
    // that halves the sentence pairs most nearly, when there are enough pairs to pay
    // for a thread.
    let pairs: Vec<usize> = regions.iter().map(|r| r.zh.len() * r.en.len()).collect();
    let total: usize = pairs.iter().sum();
    let mut behind = 0;
    let (mut split, mut imbalance) = (0, total);
    for (k, n) in pairs.iter().enumerate() {
        behind += n;
        if (2 * behind).abs_diff(total) < imbalance {
            (split, imbalance) = (k + 1, (2 * behind).abs_diff(total));
        }
    }
    if total < PARALLEL_PAIRS || split == 0 || split == regions.len() {
        return (0..regions.len()).map(align_region).collect();
    }
    std::thread::scope(|s| {
        let first = s.spawn(|| (0..split).map(align_region).collect::<Vec<_>>());
        let second: Vec<_> = (split..regions.len()).map(align_region).collect();
        let mut out = first.join().expect("alignment thread");
        out.extend(second);
        out
    })
}

/// Sentence pairs over which aligning the regions on two threads pays: starting a
/// thread costs tens of microseconds, searching 10,000 pairs milliseconds.
const PARALLEL_PAIRS: usize = 10_000;

/// Region-relative beads made absolute, in document order.
fn flatten(regions: &[Region], per_region: Vec<Vec<dp::RawBead>>) -> Vec<dp::RawBead> {
    regions
        .iter()
        .zip(per_region)
        .flat_map(|(r, beads)| {
            beads.into_iter().map(move |b| dp::RawBead {
                zh: b.zh.start + r.zh.start..b.zh.end + r.zh.start,
                en: b.en.start + r.en.start..b.en.end + r.en.start,
                ..b
            })
        })
        .collect()
}

/// English characters per Chinese character over the whole pair.
fn fit_length_ratio(feats: &PairFeatures, params: &mut dp::Params) {
    let lz: f32 = feats.zh.iter().map(|u| u.len).sum();
    let le: f32 = feats.en.iter().map(|u| u.len).sum();
    if lz > 0.0 && le > 0.0 {
        params.ratio = (le / lz).clamp(0.5, 8.0);
    }
}

/// Re-estimate the length ratio and variance from the confident 1-1 beads of a pass.
fn refit_length(raw: &[dp::RawBead], feats: &PairFeatures, params: &mut dp::Params) {
    let good: Vec<(f32, f32)> = raw
        .iter()
        .filter(|b| b.zh.len() == 1 && b.en.len() == 1 && b.sim >= 0.3)
        .map(|b| (feats.zh[b.zh.start].len, feats.en[b.en.start].len))
        .collect();
    dp::fit_length(&good, params);
}

/// Move the bead-shape priors toward the shape frequencies of the first pass: a free
/// literary translation has many more 1-2 and 1-3 beads than a speech does.
fn fit_priors(raw: &[dp::RawBead], base: &[f32], params: &mut dp::Params) {
    if params.prior_fit <= 0.0 || raw.len() < 50 {
        return;
    }
    let mut counts = [0f32; dp::BEADS.len()];
    for b in raw {
        if let Some(k) = dp::BEADS
            .iter()
            .position(|&s| s == (b.zh.len(), b.en.len()))
        {
            counts[k] += 1.0;
        }
    }
    let total: f32 = counts.iter().sum();
    let alpha = 2.0;
    let one_one = ((counts[0] + alpha) / total).ln();
    for ((prior, &base), count) in params.prior.iter_mut().zip(base).zip(counts).skip(1) {
        let observed = ((count + alpha) / total).ln() - one_one;
        *prior = base + params.prior_fit * (observed - base);
    }
}

/// Translation pairs learned from the beads of a first pass: (zh item, en item) that
/// co-occur in confident beads far more often than chance (Dice coefficient).
fn learn_lexicon(
    feats: &PairFeatures,
    raw: &[dp::RawBead],
    params: &dp::Params,
) -> Vec<(u32, u32)> {
    let mut fz = vec![0u32; feats.zh_vocab.len()];
    let mut fe = vec![0u32; feats.en_vocab.len()];
    let (mut open_fz, mut open_fe) = (fz.clone(), fe.clone());
    // Only words the current evidence leaves unexplained are worth learning.
    let mut open: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    for b in raw
        .iter()
        .filter(|b| !b.zh.is_empty() && !b.en.is_empty() && b.sim >= 0.2)
    {
        let mut zi: Vec<u32> =
            b.zh.clone()
                .flat_map(|i| feats.zh[i].items.iter().copied())
                .collect();
        let mut ei: Vec<u32> =
            b.en.clone()
                .flat_map(|j| feats.en[j].items.iter().copied())
                .collect();
        zi.sort_unstable();
        zi.dedup();
        ei.sort_unstable();
        ei.dedup();
        let mut covered_e: Vec<u32> = zi
            .iter()
            .flat_map(|&z| feats.trans[z as usize].iter().copied())
            .collect();
        covered_e.sort_unstable();
        covered_e.dedup();
        let open_z: Vec<u32> = zi
            .iter()
            .copied()
            .filter(|&z| {
                !feats.trans[z as usize]
                    .iter()
                    .any(|e| ei.binary_search(e).is_ok())
            })
            .collect();
        let open_e: Vec<u32> = ei
            .iter()
            .copied()
            .filter(|e| covered_e.binary_search(e).is_err())
            .collect();
        for &z in &zi {
            fz[z as usize] += 1;
        }
        for &e in &ei {
            fe[e as usize] += 1;
        }
        for &z in &open_z {
            open_fz[z as usize] += 1;
        }
        for &e in &open_e {
            open_fe[e as usize] += 1;
        }
        open.push((open_z, open_e));
    }
    // Pairs of words seen fewer times than required can't qualify: not counting them
    // keeps the table small on long documents.
    let min = params.learn_count;
    let mut joint: HashMap<(u32, u32), u32> = HashMap::new();
    for (open_z, open_e) in &open {
        for &z in open_z.iter().filter(|&&z| open_fz[z as usize] >= min) {
            for &e in open_e.iter().filter(|&&e| open_fe[e as usize] >= min) {
                *joint.entry((z, e)).or_default() += 1;
            }
        }
    }
    joint
        .into_iter()
        .filter(|&((z, e), c)| {
            let dice = 2.0 * c as f32 / (fz[z as usize] + fe[e as usize]) as f32;
            c >= params.learn_count && dice >= params.learn_dice
        })
        .map(|(k, _)| k)
        .collect()
}

/// Confidence of a bead in [0, 1] from its lexical coverage and length fit.
fn confidence(b: &dp::RawBead) -> f64 {
    if b.zh.is_empty() || b.en.is_empty() {
        return 0.0;
    }
    let x = 8.0 * (b.weakest - 0.2) + 0.7 * b.len_lp;
    (1.0 / (1.0 + (-x).exp())) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Lang, presplit};
    use proptest::prelude::*;

    fn resources() -> Resources {
        Resources {
            dictionary: None,
            glossary: crate::lexicon::default_glossary(),
            words: crate::lexicon::segmenter(true),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        // Whatever the input, beads are in order and every sentence of both sides is in
        // exactly one bead: the contract of `--format beads`.
        #[test]
        fn beads_are_monotone_and_cover_every_sentence_once(
            zh in prop::collection::vec("[数据治理安全合作发展。，0-9]{0,30}", 0..40),
            en in prop::collection::vec("[a-z ,.0-9]{0,60}", 0..40),
            small_cells in any::<bool>(),
        ) {
            let zh_doc = presplit(zh.iter().map(|l| format!("{l}\n")).collect(), Lang::Zh, crate::segment::words::WordSegmenter::plain());
            let en_doc = presplit(en.iter().map(|l| format!("{l}\n")).collect(), Lang::En, crate::segment::words::WordSegmenter::plain());
            let (n, m) = (zh_doc.units.len(), en_doc.units.len());
            let mut opts = AlignOptions::default();
            if small_cells {
                opts.params.max_cells = 16; // force the coarse-to-fine path
            }
            let bt = align(zh_doc, en_doc, &resources(), &opts);
            let zs: Vec<usize> = bt.beads.iter().flat_map(|b| b.zh.clone()).collect();
            let es: Vec<usize> = bt.beads.iter().flat_map(|b| b.en.clone()).collect();
            prop_assert_eq!(zs, (0..n).collect::<Vec<_>>());
            prop_assert_eq!(es, (0..m).collect::<Vec<_>>());
            prop_assert!(bt.beads.iter().all(|b| (0.0..=1.0).contains(&b.score)));
        }
    }
}
