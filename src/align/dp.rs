//! Sentence alignment by dynamic programming over beads (0-1, 1-0, 1-1, 1-2, 2-1, 2-2,
//! 1-3, 3-1, 1-4, 4-1) inside a band of allowed cells.
//!
//! Small regions are searched whole; larger ones coarse-to-fine (as Vecalign does):
//! neighbouring units are merged in pairs, the coarse document pair is aligned, and
//! the fine search is confined to a band around the projected coarse path, so time and
//! memory grow linearly with the document length.
//!
//! Lexical evidence is computed once per cell as two bit masks (which content items of
//! the Chinese unit the English unit translates, and the reverse); a bead of several
//! units ORs its cells' masks, so merged sentences are scored on their union without
//! double counting. Bead scores do not depend on the DP, so each block of rows is
//! scored in parallel before the maximisation runs over it.
//!
//! Bead boundaries also answer to quotations: a boundary after which one side is
//! inside a quotation and the other is not costs `w_quote`, and a bead whose two sides
//! open different numbers of quotations (turns of dialogue) costs `w_turns` per turn
//! (dialogue is where length and words alone most often put a sentence in the wrong
//! bead).

use rayon::prelude::*;

use super::features::{MAX_ITEMS, MAX_RUN, UnitFeatures};

/// Bead shapes (zh units, en units).
pub const BEADS: [(usize, usize); 12] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (1, 5),
    (5, 1),
];

/// Scoring parameters. Scores are log-domain-like: higher is better.
#[derive(Clone, Debug)]
pub struct Params {
    /// Weight of lexical similarity (per unit in the bead).
    pub w_sim: f32,
    /// Similarity expected of unrelated sentences: below it a pairing costs.
    pub base: f32,
    /// Weight of the length log-probability.
    pub w_len: f32,
    /// Cost of a bead boundary where one side is inside a quotation and the other not.
    pub w_quote: f32,
    /// Cost of a bead that holds the start of a numbered paragraph after other text.
    pub w_numbered: f32,
    /// Cost per quotation opened on one side of a bead and not on the other.
    pub w_turns: f32,
    /// Cost of pairing a heading with a unit that ends like a sentence (body text).
    pub w_heading_body: f32,
    /// English characters per Chinese character.
    pub ratio: f32,
    /// Variance of English length around `ratio * zh length`, per character.
    pub var: f32,
    /// Log prior of each bead shape in `BEADS` order.
    pub prior: [f32; 12],
    /// Cells above which a region is aligned coarse-to-fine.
    pub max_cells: usize,
    /// Half-width (in units) of the band around a coarse path.
    pub band: usize,
    /// Learned pairs need this Dice coefficient and this many co-occurrences.
    pub learn_dice: f32,
    pub learn_count: u32,
    /// Refit the length model on the first pass (1) or keep it (0).
    pub refit: u8,
    /// How far bead priors move toward the shape frequencies of the first pass.
    pub prior_fit: f32,
    /// Alignment passes: each after the first learns from the one before.
    pub passes: usize,
    /// How many of `BEADS` (in order) the search tries.
    pub shapes: usize,
    /// Coarsening levels above the sentence level (set by the search itself).
    pub depth: u8,
}

/// Coarse units merge at most 2^MAX_DEPTH sentences: deeper ones would keep too few of
/// their words to be compared.
const MAX_DEPTH: u8 = 5;

/// Sentences a quotation may run on without a quotation mark before its state counts
/// as unknown.
const QUOTE_SPAN: usize = 6;

/// DP rows whose bead scores are computed together (in parallel) before the
/// maximisation runs over them: enough work per block, little memory.
const BLOCK_ROWS: usize = 512;

impl Params {
    /// Set a parameter by name (`prior` takes shape names like `p12`), for experiments.
    pub fn set(&mut self, key: &str, value: f32) -> Result<(), String> {
        match key {
            "w_sim" => self.w_sim = value,
            "base" => self.base = value,
            "w_len" => self.w_len = value,
            "w_quote" => self.w_quote = value,
            "w_numbered" => self.w_numbered = value,
            "w_turns" => self.w_turns = value,
            "w_heading_body" => self.w_heading_body = value,
            "var" => self.var = value,
            "band" => self.band = value as usize,
            "max_cells" => self.max_cells = value as usize,
            "learn_dice" => self.learn_dice = value,
            "learn_count" => self.learn_count = value as u32,
            "refit" => self.refit = value as u8,
            "prior_fit" => self.prior_fit = value,
            "passes" => self.passes = (value as usize).max(1),
            _ => {
                let shape = key.strip_prefix('p').and_then(|s| {
                    let d: Vec<usize> = s
                        .chars()
                        .filter_map(|c| c.to_digit(10))
                        .map(|d| d as usize)
                        .collect();
                    (d.len() == 2)
                        .then(|| BEADS.iter().position(|&b| b == (d[0], d[1])))
                        .flatten()
                });
                match shape {
                    Some(k) => self.prior[k] = value,
                    None => return Err(format!("unknown parameter {key}")),
                }
            }
        }
        Ok(())
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            w_sim: 3.5,
            base: 0.12,
            w_len: 0.4,
            w_quote: 1.25,
            w_numbered: 3.0,
            w_turns: 0.5,
            w_heading_body: 3.0,
            ratio: 3.0,
            var: 9.0,
            prior: [
                0.0, -3.0, -3.0, -1.6, -1.6, -4.0, -3.0, -3.0, -3.5, -3.5, -5.5, -5.5,
            ],
            max_cells: 20_000,
            band: 6,
            learn_dice: 0.6,
            learn_count: 3,
            refit: 1,
            prior_fit: 0.5,
            passes: 2,
            shapes: BEADS.len(),
            depth: 0,
        }
    }
}

/// An aligned bead inside a region: unit ranges (relative to the region) and evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct RawBead {
    pub zh: std::ops::Range<usize>,
    pub en: std::ops::Range<usize>,
    /// Two-sided weighted lexical coverage in [0, 1].
    pub sim: f32,
    /// Length log-probability (0 is a perfect ratio).
    pub len_lp: f32,
    /// `sim` as the least explained unit of a side of several units sees it (`sim`
    /// itself for a 1-1 bead): a sentence with nothing of it on the other side.
    pub weakest: f32,
}

/// Complementary error function (Numerical Recipes erfc, |error| < 1.2e-7).
fn erfc(x: f32) -> f32 {
    let z = x.abs() as f64;
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    (if x >= 0.0 { r } else { 2.0 - r }) as f32
}

/// How far `le` (en chars) lies from the length `lz` (zh chars) predicts, in standard
/// deviations (negative: shorter).
pub fn length_deviation(lz: f32, le: f32, p: &Params) -> f32 {
    let mean = (p.ratio * lz + le) / 2.0;
    (le - p.ratio * lz) / (p.var * mean.max(1.0)).sqrt()
}

/// Log-probability that lengths `lz` (zh chars) and `le` (en chars) are translations.
pub fn length_logprob(lz: f32, le: f32, p: &Params) -> f32 {
    let delta = length_deviation(lz, le, p);
    erfc(delta.abs() / std::f32::consts::SQRT_2).max(1e-12).ln()
}

/// Beads needed before their lengths replace the ratio and variance `p` holds.
pub const MIN_BEADS_TO_FIT_LENGTH: usize = 20;

/// Fit `p.ratio` and `p.var` to the (zh, en) character lengths of beads taken as
/// translations, the variance kept within half to four times what `p` had.
pub fn fit_length(lens: &[(f32, f32)], p: &mut Params) {
    if lens.len() < MIN_BEADS_TO_FIT_LENGTH {
        return;
    }
    let ratio =
        lens.iter().map(|g| g.1).sum::<f32>() / lens.iter().map(|g| g.0).sum::<f32>().max(1.0);
    let var = lens
        .iter()
        .map(|&(z, e)| (e - ratio * z).powi(2) / ((ratio * z + e) / 2.0).max(1.0))
        .sum::<f32>()
        / lens.len() as f32;
    p.ratio = ratio.clamp(0.5, 8.0);
    p.var = var.clamp(p.var * 0.5, p.var * 4.0);
}

/// Lexical masks of one Chinese unit against a range of English units.
struct RowMasks {
    first_col: usize,
    /// (zh mask, en mask) per English unit from `first_col`.
    cells: Vec<(u64, u64)>,
}

/// `targets` is scratch space indexed by English item id, all zero between calls: it
/// holds, while a row is computed, which bits of the Chinese unit each English item
/// translates (a direct look-up per English item, not a search).
fn row_masks(
    z: &UnitFeatures,
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    cols: std::ops::Range<usize>,
    targets: &mut Vec<u64>,
) -> RowMasks {
    let mut any = false;
    for (k, &item) in z.items.iter().enumerate() {
        for &e in &trans[item as usize] {
            let e = e as usize;
            if e >= targets.len() {
                targets.resize(e + 1, 0);
            }
            targets[e] |= 1 << k;
            any = true;
        }
    }
    let cells = cols
        .clone()
        .map(|c| {
            let (mut zm, mut em) = (0u64, 0u64);
            if any {
                for (l, &item) in en[c].items.iter().enumerate() {
                    let bits = targets.get(item as usize).copied().unwrap_or(0);
                    if bits != 0 {
                        zm |= bits;
                        em |= 1 << l;
                    }
                }
            }
            (zm, em)
        })
        .collect();
    // Leave the scratch clean for the next row.
    for &item in &z.items {
        for &e in &trans[item as usize] {
            targets[e as usize] = 0;
        }
    }
    RowMasks {
        first_col: cols.start,
        cells,
    }
}

/// Which bits of one Chinese unit each English item translates, as (English item, bits)
/// sorted by item: a compact form of the `row_masks` scratch for scoring a unit against
/// a few English units (bead evidence, heading pairs) without a vocabulary-sized table.
pub struct Targets(Vec<(u32, u64)>);

impl Targets {
    pub fn new(z: &UnitFeatures, trans: &[Vec<u32>]) -> Targets {
        let mut t: Vec<(u32, u64)> = z
            .items
            .iter()
            .enumerate()
            .flat_map(|(k, &item)| trans[item as usize].iter().map(move |&e| (e, 1u64 << k)))
            .collect();
        t.sort_unstable_by_key(|x| x.0);
        t.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 |= later.1;
            }
            same
        });
        Targets(t)
    }

    /// (Chinese bits translated by `e`, bits of `e` that translate the Chinese unit).
    fn masks(&self, e: &UnitFeatures) -> (u64, u64) {
        let (mut zm, mut em) = (0u64, 0u64);
        if self.0.is_empty() {
            return (0, 0);
        }
        for (l, item) in e.items.iter().enumerate() {
            if let Ok(k) = self.0.binary_search_by_key(item, |x| x.0) {
                zm |= self.0[k].1;
                em |= 1 << l;
            }
        }
        (zm, em)
    }

    /// Lexical similarity of the Chinese unit `z` these targets were made from and the
    /// English unit `e`: what a 1-1 bead of the two scores as `sim`.
    pub fn similarity(&self, z: &UnitFeatures, e: &UnitFeatures) -> f32 {
        let (zm, em) = self.masks(e);
        coverage(
            masked_weight(z, zm),
            z.total_weight,
            masked_weight(e, em),
            e.total_weight,
        )
    }
}

/// Harmonic mean of the two coverages (covered weight over total weight): a bead must
/// explain both sides.
fn coverage(zc: f32, zt: f32, ec: f32, et: f32) -> f32 {
    let (zs, es) = (zc / zt.max(1e-6), ec / et.max(1e-6));
    if zs + es > 0.0 {
        2.0 * zs * es / (zs + es)
    } else {
        0.0
    }
}

fn masked_weight(f: &UnitFeatures, mut mask: u64) -> f32 {
    let mut w = 0.0;
    while mask != 0 {
        let k = mask.trailing_zeros() as usize;
        w += f.weights[k];
        mask &= mask - 1;
    }
    w
}

/// Allowed columns per DP row: row i (i zh units consumed) may end at columns lo[i]..=hi[i].
#[derive(Clone, Debug)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// The band around a path of beads, widened by `w` units, made monotone.
    pub fn around(path: &[RawBead], n: usize, m: usize, w: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for b in path {
            for i in b.zh.start..=b.zh.end.min(n) {
                lo[i] = lo[i].min(b.en.start.saturating_sub(w));
                hi[i] = hi[i].max((b.en.end + w).min(m));
            }
        }
        Band::monotone(lo, hi, m)
    }

    /// Make row ranges usable by the DP: the corners reachable, both bounds
    /// non-decreasing, and no empty row.
    fn monotone(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        Band { lo, hi }
    }
    /// Columns within `w` of where the English side has covered as much text (in
    /// proportion) as the Chinese side has at each row.
    pub fn diagonal(zh: &[UnitFeatures], en: &[UnitFeatures], w: usize) -> Band {
        let (n, m) = (zh.len(), en.len());
        let cum = |units: &[UnitFeatures]| -> Vec<f64> {
            let mut acc = 0.0;
            std::iter::once(0.0)
                .chain(units.iter().map(|u| {
                    acc += u.len.max(1.0) as f64;
                    acc
                }))
                .collect()
        };
        let (cz, ce) = (cum(zh), cum(en));
        let scale = ce[m] / cz[n].max(1.0);
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for &c in &cz {
            let j = ce.partition_point(|&x| x < c * scale).min(m);
            lo.push(j.saturating_sub(w));
            hi.push((j + w).min(m));
        }
        Band::monotone(lo, hi, m)
    }
}

/// Score of a bead of zh units `zr` and en units `er` given the masks of the rows.
struct Evaluator<'a> {
    zh: &'a [UnitFeatures],
    en: &'a [UnitFeatures],
    p: &'a Params,
}

impl Evaluator<'_> {
    /// `masks[r - masks_first]` holds the masks of Chinese unit r; `shape` indexes `BEADS`.
    fn bead(
        &self,
        masks: &[RowMasks],
        masks_first: usize,
        shape: usize,
        zr: std::ops::Range<usize>,
        er: std::ops::Range<usize>,
    ) -> (f32, f32, f32) {
        let (a, b) = (zr.len(), er.len());
        if a == 0 || b == 0 {
            return (self.p.prior[shape], 0.0, 0.0);
        }
        // A heading pairs with one unit or none: it is never merged with body text.
        if (a > 1 || b > 1)
            && (self.zh[zr.clone()].iter().any(|u| u.heading)
                || self.en[er.clone()].iter().any(|u| u.heading))
        {
            return (f32::NEG_INFINITY, 0.0, 0.0);
        }
        let (mut zc, mut zt, mut ec, mut et, mut lz, mut le) =
            (0.0f32, 0.0f32, 0.0f32, 0.0f32, 0.0f32, 0.0f32);
        let mut en_masks = [0u64; MAX_RUN];
        for r in zr.clone() {
            let rm = &masks[r - masks_first];
            let mut zm = 0u64;
            for (k, c) in er.clone().enumerate() {
                let (z, e) = rm.cells[c - rm.first_col];
                zm |= z;
                en_masks[k] |= e;
            }
            zc += masked_weight(&self.zh[r], zm);
            zt += self.zh[r].total_weight;
            lz += self.zh[r].len;
        }
        for (k, c) in er.clone().enumerate() {
            ec += masked_weight(&self.en[c], en_masks[k]);
            et += self.en[c].total_weight;
            le += self.en[c].len;
        }
        let sim = coverage(zc, zt, ec, et);
        let len_lp = length_logprob(lz, le, self.p);
        // A bead that runs from one numbered paragraph into the next (第六条's last
        // sentence with 第七条's first) crosses a boundary both texts mark.
        let crosses = self.zh[zr.start + 1..zr.end].iter().any(|u| u.numbered)
            || self.en[er.start + 1..er.end].iter().any(|u| u.numbered);
        // A heading translates a heading: one side's heading against the other's
        // sentence (a full stop) is a heading whose counterpart is missing.
        let heading_body = (a == 1 && b == 1)
            && ((self.zh[zr.start].heading && self.en[er.start].sentence_end)
                || (self.en[er.start].heading && self.zh[zr.start].sentence_end));
        let turns = |units: &[UnitFeatures]| units.iter().map(|u| u.turns as f32).sum::<f32>();
        let turn_gap = (turns(&self.zh[zr.clone()]) - turns(&self.en[er.clone()])).abs();
        let score = self.p.w_sim * (a + b) as f32 * (sim - self.p.base)
            + self.p.w_len * len_lp
            + self.p.prior[shape]
            - if crosses { self.p.w_numbered } else { 0.0 }
            - self.p.w_turns * turn_gap
            - if heading_body {
                self.p.w_heading_body
            } else {
                0.0
            };
        (score, sim, len_lp)
    }
}

/// Align `zh` against `en` (whole region) and return the beads in order. With a
/// `guide` (the beads of an earlier pass) the search stays in a band around it.
pub fn align(
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    p: &Params,
    guide: Option<&[RawBead]>,
) -> Vec<RawBead> {
    let (n, m) = (zh.len(), en.len());
    if n == 0 || m == 0 {
        let mut out: Vec<RawBead> = (0..n)
            .map(|i| RawBead {
                zh: i..i + 1,
                en: 0..0,
                sim: 0.0,
                len_lp: 0.0,
                weakest: 0.0,
            })
            .collect();
        out.extend((0..m).map(|j| RawBead {
            zh: n..n,
            en: j..j + 1,
            sim: 0.0,
            len_lp: 0.0,
            weakest: 0.0,
        }));
        return out;
    }
    let band = if let Some(g) = guide {
        Band::around(g, n, m, p.band)
    } else if (n + 1) * (m + 1) <= p.max_cells || n < 8 || m < 8 {
        Band::full(n, m)
    } else if p.depth >= MAX_DEPTH {
        // Still too large at the coarsest useful level: a wide band around the diagonal
        // of cumulative lengths (a sixteenth of the document either side: at 100k
        // sentences, ±6k; as good as an eighth on the scale benchmark, at half the cost).
        Band::diagonal(zh, en, p.band.max(n.max(m) / 16))
    } else {
        let coarse_zh = coarsen(zh);
        let coarse_en = coarsen(en);
        // The coarse path only guides the fine search: the simple shapes suffice.
        let coarse_params = Params {
            shapes: 6,
            depth: p.depth + 1,
            ..p.clone()
        };
        let coarse = align(&coarse_zh, &coarse_en, trans, &coarse_params, None);
        let projected: Vec<RawBead> = coarse
            .iter()
            .map(|b| RawBead {
                zh: (b.zh.start * 2).min(n)..(b.zh.end * 2).min(n),
                en: (b.en.start * 2).min(m)..(b.en.end * 2).min(m),
                sim: b.sim,
                len_lp: b.len_lp,
                weakest: b.weakest,
            })
            .collect();
        Band::around(&projected, n, m, p.band)
    };
    align_in_band(zh, en, trans, p, &band)
}

/// Merge neighbouring units in pairs: the next coarser level of the search.
fn coarsen(units: &[UnitFeatures]) -> Vec<UnitFeatures> {
    units
        .chunks(2)
        .map(|pair| {
            let mut items: Vec<(u32, f32)> = pair
                .iter()
                .flat_map(|u| u.items.iter().copied().zip(u.weights.iter().copied()))
                .collect();
            items.sort_by_key(|x| x.0);
            items.dedup_by_key(|x| x.0);
            if items.len() > MAX_ITEMS {
                items.sort_by(|a, b| b.1.total_cmp(&a.1));
                items.truncate(MAX_ITEMS);
            }
            let weights: Vec<f32> = items.iter().map(|x| x.1).collect();
            UnitFeatures {
                items: items.iter().map(|x| x.0).collect(),
                total_weight: weights.iter().sum(),
                weights,
                len: pair.iter().map(|u| u.len).sum(),
                quote: pair.iter().rev().find_map(|u| u.quote),
                turns: pair.iter().map(|u| u.turns).fold(0, u8::saturating_add),
                heading: false,
                numbered: false,
                sentence_end: pair.iter().any(|u| u.sentence_end),
            }
        })
        .collect()
}

/// The DP proper, over the cells of `band`.
pub fn align_in_band(
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    p: &Params,
    band: &Band,
) -> Vec<RawBead> {
    let (n, m) = (zh.len(), en.len());
    let eval = Evaluator { zh, en, p };
    // Inside a quotation or not after each prefix of units: a bead boundary should
    // leave both sides in the same state (a quotation is not cut across beads). A state
    // no quotation mark has confirmed for QUOTE_SPAN units is unknown: a stray mark
    // must not mislead the rest of the region.
    let inside = |units: &[UnitFeatures]| -> Vec<Option<bool>> {
        let (mut state, mut since) = (false, 0usize);
        std::iter::once(Some(false))
            .chain(units.iter().map(|u| {
                match u.quote {
                    Some(q) => (state, since) = (q, 0),
                    None => since += 1,
                }
                (!state || since <= QUOTE_SPAN).then_some(state)
            }))
            .collect()
    };
    let (zh_inside, en_inside) = (inside(zh), inside(en));
    let shapes = &BEADS[..p.shapes];
    let mut score: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    let get = |score: &Vec<Vec<f32>>, i: usize, j: usize| -> f32 {
        let (lo, hi) = (band.lo[i], band.hi[i]);
        if j < lo || j > hi {
            f32::NEG_INFINITY
        } else {
            score[i][j - lo]
        }
    };
    // Bead scores do not depend on the DP, only the maximisation does: each block of
    // rows is scored in parallel first, then maximised in order.
    for block_start in (0..=n).step_by(BLOCK_ROWS) {
        let rows = block_start..(block_start + BLOCK_ROWS).min(n + 1);
        // Row i's beads use the masks of Chinese units i - MAX_RUN .. i.
        let masks_first = rows.start.saturating_sub(MAX_RUN);
        let masks: Vec<RowMasks> = (masks_first..rows.end - 1)
            .into_par_iter()
            .map_init(Vec::new, |targets, r| {
                let cols =
                    band.lo[r + 1].saturating_sub(MAX_RUN)..band.hi[(r + MAX_RUN).min(n)].min(m);
                row_masks(&zh[r], en, trans, cols, targets)
            })
            .collect();
        // Per row, per column of the band, per shape: the score, or -inf where the
        // bead would start outside the band.
        let scored: Vec<Vec<f32>> = rows
            .clone()
            .into_par_iter()
            .map(|i| {
                let (lo, hi) = (band.lo[i], band.hi[i]);
                let mut out = vec![f32::NEG_INFINITY; (hi - lo + 1) * shapes.len()];
                for j in lo..=hi {
                    for (k, &(a, b)) in shapes.iter().enumerate() {
                        if a > i || b > j {
                            continue;
                        }
                        let (pi, pj) = (i - a, j - b);
                        if pj < band.lo[pi] || pj > band.hi[pi] {
                            continue;
                        }
                        out[(j - lo) * shapes.len() + k] =
                            eval.bead(&masks, masks_first, k, pi..i, pj..j).0;
                    }
                }
                out
            })
            .collect();
        for (i, row_scored) in rows.zip(scored) {
            let (lo, hi) = (band.lo[i], band.hi[i]);
            let mut row_score = vec![f32::NEG_INFINITY; hi - lo + 1];
            let mut row_back = vec![u8::MAX; hi - lo + 1];
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    row_score[0] = 0.0;
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut best_k = u8::MAX;
                let cell = &row_scored[(j - lo) * shapes.len()..(j - lo + 1) * shapes.len()];
                for (k, (&(a, b), &s)) in shapes.iter().zip(cell).enumerate() {
                    if s == f32::NEG_INFINITY {
                        continue;
                    }
                    let prev = if a == 0 {
                        row_score[j - b - lo]
                    } else {
                        get(&score, i - a, j - b)
                    };
                    if prev + s > best {
                        best = prev + s;
                        best_k = k as u8;
                    }
                }
                if let (Some(z), Some(e)) = (zh_inside[i], en_inside[j])
                    && z != e
                {
                    best -= p.w_quote;
                }
                row_score[j - lo] = best;
                row_back[j - lo] = best_k;
            }
            score.push(row_score);
            back.push(row_back);
        }
    }
    // Trace back; the masks of old rows are gone, so bead evidence is recomputed.
    let mut shapes = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[i][j - band.lo[i]];
        if k == u8::MAX {
            break; // unreachable corner: cannot happen with a monotone band
        }
        let (a, b) = BEADS[k as usize];
        shapes.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    shapes.reverse();
    shapes
        .into_iter()
        .map(|(zr, er)| {
            // Both from one set of masks: the bead's evidence and its weakest unit.
            let masks = bead_masks(zh, en, trans, zr.clone(), er.clone());
            let (sim, len_lp) = match zr.is_empty() || er.is_empty() {
                true => (0.0, 0.0),
                false => evidence_of(&masks, zh, en, p, zr.clone(), er.clone()),
            };
            let weakest =
                weakest_of(&masks, zh, en, zr.clone(), er.clone()).map_or(sim, |w| w.min(sim));
            RawBead {
                zh: zr,
                en: er,
                sim,
                len_lp,
                weakest,
            }
        })
        .collect()
}

/// The similarity of a bead of several units on a side, as its least explained unit
/// sees it: that unit's covered share against the other side's (None for 1-1).
pub fn weakest_unit(
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    zr: std::ops::Range<usize>,
    er: std::ops::Range<usize>,
) -> Option<f32> {
    weakest_of(
        &bead_masks(zh, en, trans, zr.clone(), er.clone()),
        zh,
        en,
        zr,
        er,
    )
}

/// [`weakest_unit`] from the bead's masks.
fn weakest_of(
    masks: &[RowMasks],
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    zr: std::ops::Range<usize>,
    er: std::ops::Range<usize>,
) -> Option<f32> {
    if zr.is_empty() || er.is_empty() || (zr.len() == 1 && er.len() == 1) {
        return None;
    }
    let mut en_masks = vec![0u64; er.len()];
    let mut zh_cover = Vec::new();
    for (r, rm) in zr.clone().zip(masks) {
        let mut zm = 0u64;
        for (k, &(z, e)) in rm.cells.iter().enumerate() {
            zm |= z;
            en_masks[k] |= e;
        }
        zh_cover.push((masked_weight(&zh[r], zm), zh[r].total_weight));
    }
    let en_cover: Vec<(f32, f32)> = er
        .zip(&en_masks)
        .map(|(c, &m)| (masked_weight(&en[c], m), en[c].total_weight))
        .collect();
    let side = |v: &[(f32, f32)]| v.iter().fold((0.0, 0.0), |a, x| (a.0 + x.0, a.1 + x.1));
    let (zc, zt) = side(&zh_cover);
    let (ec, et) = side(&en_cover);
    let mut weakest = f32::INFINITY;
    if zh_cover.len() > 1 {
        for &(c, t) in zh_cover.iter().filter(|x| x.1 > 0.0) {
            weakest = weakest.min(coverage(c, t, ec, et));
        }
    }
    if en_cover.len() > 1 {
        for &(c, t) in en_cover.iter().filter(|x| x.1 > 0.0) {
            weakest = weakest.min(coverage(zc, zt, c, t));
        }
    }
    weakest.is_finite().then_some(weakest)
}

/// Per Chinese unit of a bead, its masks against each English unit of it.
fn bead_masks(
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    zr: std::ops::Range<usize>,
    er: std::ops::Range<usize>,
) -> Vec<RowMasks> {
    zr.map(|r| {
        let targets = Targets::new(&zh[r], trans);
        RowMasks {
            first_col: er.start,
            cells: er.clone().map(|c| targets.masks(&en[c])).collect(),
        }
    })
    .collect()
}

/// Similarity and length log-probability of one bead, computed from scratch.
pub fn bead_evidence(
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    trans: &[Vec<u32>],
    p: &Params,
    zr: std::ops::Range<usize>,
    er: std::ops::Range<usize>,
) -> (f32, f32) {
    if zr.is_empty() || er.is_empty() {
        return (0.0, 0.0);
    }
    evidence_of(
        &bead_masks(zh, en, trans, zr.clone(), er.clone()),
        zh,
        en,
        p,
        zr,
        er,
    )
}

/// [`bead_evidence`] from the bead's masks.
fn evidence_of(
    masks: &[RowMasks],
    zh: &[UnitFeatures],
    en: &[UnitFeatures],
    p: &Params,
    zr: std::ops::Range<usize>,
    er: std::ops::Range<usize>,
) -> (f32, f32) {
    let shape = BEADS
        .iter()
        .position(|&s| s == (zr.len(), er.len()))
        .expect("a bead of a known shape");
    let eval = Evaluator { zh, en, p };
    let (_, sim, lp) = eval.bead(masks, zr.start, shape, zr, er);
    (sim, lp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(len: f32, quote: Option<bool>) -> UnitFeatures {
        UnitFeatures {
            len,
            quote,
            ..UnitFeatures::default()
        }
    }

    /// A unit with items of weight 1; `trans` maps Chinese item k to English item k.
    fn worded(items: &[u32]) -> UnitFeatures {
        UnitFeatures {
            items: items.to_vec(),
            weights: vec![1.0; items.len()],
            total_weight: items.len() as f32,
            len: 10.0 * items.len() as f32,
            ..UnitFeatures::default()
        }
    }

    /// Two Chinese sentences against one English: when one of them has nothing on the
    /// English side, the bead is only as good as that sentence, however well the
    /// other is translated.
    #[test]
    fn a_bead_is_as_good_as_its_least_translated_sentence() {
        let trans: Vec<Vec<u32>> = (0..8).map(|k| vec![k]).collect();
        let en = [worded(&[0, 1, 2, 3])];
        let both = [worded(&[0, 1]), worded(&[2, 3])];
        let one = [worded(&[0, 1, 2, 3]), worded(&[4, 5, 6, 7])];
        let p = Params::default();
        let (sim_both, _) = bead_evidence(&both, &en, &trans, &p, 0..2, 0..1);
        let (sim_one, _) = bead_evidence(&one, &en, &trans, &p, 0..2, 0..1);
        assert!(sim_one > 0.5, "{sim_one}");
        assert_eq!(weakest_unit(&both, &en, &trans, 0..2, 0..1), Some(sim_both));
        assert_eq!(weakest_unit(&one, &en, &trans, 0..2, 0..1), Some(0.0));
        assert_eq!(weakest_unit(&one[..1], &en, &trans, 0..1, 0..1), None);
    }

    /// Lengths alone cannot choose between 1-1 + 1-2 and 1-2 + 1-1 here (they are
    /// mirror images); where the quotations end decides.
    #[test]
    fn a_bead_boundary_does_not_cut_a_quotation() {
        let p = Params::default();
        let shapes = |zh: &[UnitFeatures], en: &[UnitFeatures]| -> Vec<(usize, usize)> {
            align(zh, en, &[], &p, None)
                .iter()
                .map(|b| (b.zh.len(), b.en.len()))
                .collect()
        };
        // The first Chinese sentence ends inside a quotation, as does the second English one.
        let zh = [unit(10.0, Some(true)), unit(10.0, Some(false))];
        let en = [
            unit(27.0, None),
            unit(6.0, Some(true)),
            unit(27.0, Some(false)),
        ];
        assert_eq!(shapes(&zh, &en), vec![(1, 2), (1, 1)]);
        // Here the quotation opens in the first English sentence and closes in the second.
        let en = [
            unit(27.0, Some(true)),
            unit(6.0, Some(false)),
            unit(27.0, None),
        ];
        assert_eq!(shapes(&zh, &en), vec![(1, 1), (1, 2)]);
    }

    /// The same mirror images, told apart by where a turn of dialogue opens.
    #[test]
    fn a_turn_of_dialogue_opens_on_both_sides_of_a_bead() {
        let p = Params::default();
        let turn = |len: f32, turns: u8| UnitFeatures {
            turns,
            ..unit(len, None)
        };
        let shapes = |en: &[UnitFeatures]| -> Vec<(usize, usize)> {
            let zh = [turn(10.0, 0), turn(10.0, 1)];
            align(&zh, en, &[], &p, None)
                .iter()
                .map(|b| (b.zh.len(), b.en.len()))
                .collect()
        };
        assert_eq!(
            shapes(&[turn(27.0, 0), turn(6.0, 1), turn(27.0, 0)]),
            vec![(1, 1), (1, 2)]
        );
        assert_eq!(
            shapes(&[turn(27.0, 0), turn(6.0, 0), turn(27.0, 1)]),
            vec![(1, 2), (1, 1)]
        );
    }
}
