//! Bilingual term extraction: aligned beads -> [`TermPair`]s.
//!
//! Term candidates are found on each side ([`candidates`]), then every Chinese
//! candidate is paired with the English candidates of the beads it occurs in
//! ([`pairing`]): association over the bead collection (Dice, reported as logDice) and
//! word-level evidence (dictionary glosses, the glossary) pick the best rendering; the
//! other renderings the translation used are kept with counts and bead ids. [`crate::formats::glossary`]
//! prints the result as TSV, CSV, TBX (v2 martif and v3), or JSON.
//!
//! ```
//! use bitext::pairs::AlignedPair;
//! use bitext::glossary::{GlossaryOptions, extract};
//! use bitext::lexicon::Resources;
//! let pairs = [
//!     AlignedPair::new(0, "推进数字治理。", "Advance digital governance."),
//!     AlignedPair::new(1, "完善数字治理。", "Improve digital governance."),
//!     AlignedPair::new(2, "数字治理很重要。", "Digital governance matters."),
//! ];
//! let terms = extract(&pairs, &Resources::default_embedded()?, &GlossaryOptions::default());
//! assert!(terms.iter().any(|t| t.zh == "数字治理" && t.en == "digital governance"));
//! # Ok::<(), bitext::Error>(())
//! ```

mod boundaries;
pub mod candidates;
mod case;
mod names;
pub mod pairing;
mod params;

use serde::Serialize;

use crate::pairs::AlignedPair;
pub use candidates::opens_sentence;
pub use pairing::{Paired, extract, extract_explained, pair};
pub use params::Params;

/// What the extraction keeps.
#[derive(Clone, Debug)]
pub struct GlossaryOptions {
    /// A Chinese term must occur at least this often (and co-occur this often with its
    /// rendering) when only association pairs it.
    pub min_freq: usize,
    /// The same for a term with word-level support: the whole term is a dictionary or
    /// glossary entry and its rendering is what the entry's glosses say.
    pub min_freq_supported: usize,
    /// Keep only the best N pairs.
    pub top: Option<usize>,
    /// Thresholds and weights of the extraction itself.
    pub params: Params,
}

impl Default for GlossaryOptions {
    fn default() -> Self {
        GlossaryOptions {
            min_freq: 2,
            min_freq_supported: 1,
            top: None,
            params: Params::default(),
        }
    }
}

/// Another English rendering of a term, as the translation used it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendering {
    pub en: String,
    /// Beads where it renders the term.
    pub count: usize,
    pub beads: Vec<usize>,
    /// The shipped glossary or a `--glossary` file approves it for the term.
    pub known: bool,
}

/// A Chinese term and its English rendering, found in the aligned text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermPair {
    pub zh: String,
    /// The best rendering.
    pub en: String,
    /// Ranking score: association and word-level evidence weighed by termhood.
    pub score: f64,
    /// logDice of the pair over the beads (14 = always together).
    pub log_dice: f64,
    /// Occurrences of the Chinese term.
    pub frequency: usize,
    /// Beads where the term and the best rendering occur together.
    pub cooccurrence: usize,
    /// Other renderings, most used first.
    pub renderings: Vec<Rendering>,
    /// The pair is in the shipped glossary or a `--glossary` file.
    pub known: bool,
    /// Some bead ids where the term and the best rendering occur together.
    pub examples: Vec<usize>,
}

#[cfg(test)]
impl TermPair {
    /// A pair seen twice, in two beads with the rendering `en`: what tests start from.
    pub(crate) fn seen_twice(zh: &str, en: &str) -> TermPair {
        TermPair {
            zh: zh.into(),
            en: en.into(),
            score: 1.0,
            log_dice: 14.0,
            frequency: 2,
            cooccurrence: 2,
            renderings: Vec::new(),
            known: false,
            examples: Vec::new(),
        }
    }
}

/// What became of a Chinese term candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// In the glossary.
    Kept,
    /// Seen fewer than `min_freq` times, and no dictionary or glossary entry (or noun
    /// compound of dictionary words rendered word for word) vouches for it.
    Rare,
    /// The translation shows no rendering with enough evidence: weak association and
    /// too little word-level support.
    NoRendering,
    /// Its rendering says it is no term: a verb rendered as a verb, a verb and its
    /// object, a clause, a part of a name that ends in a modifier.
    NotATerm,
    /// Part of a longer term with the same rendering, or a longer phrase around a term
    /// whose rendering it takes (C-value and the renderings decide which).
    Fragment,
    /// Kept, but below the `top` best.
    BelowTop,
}

impl Fate {
    /// A short name for tables and reports.
    pub fn name(self) -> &'static str {
        match self {
            Fate::Kept => "kept",
            Fate::Rare => "rare",
            Fate::NoRendering => "no-rendering",
            Fate::NotATerm => "not-a-term",
            Fate::Fragment => "fragment",
            Fate::BelowTop => "below-top",
        }
    }
}

/// A Chinese candidate, what became of it, and the best rendering it was given (when
/// it got that far).
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    pub zh: String,
    pub fate: Fate,
    /// Occurrences of the candidate.
    pub frequency: usize,
    /// Its C-value: occurrences of its own, outside longer candidates, weighed by length
    /// (`None` for a name the word links added, which was never a candidate).
    pub own: Option<f64>,
    /// The pair as it stood when the candidate was dropped, or as kept.
    pub pair: Option<TermPair>,
}

/// The zh and en texts of `pairs`, for callers that have their own beads.
pub fn texts(pairs: &[AlignedPair]) -> (Vec<&str>, Vec<&str>) {
    pairs.iter().map(|p| (p.zh.as_str(), p.en.as_str())).unzip()
}
