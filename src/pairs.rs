//! The pair types every later stage shares: one aligned pair of texts, as `align`
//! produces it or an aligned file (TSV, JSONL, TMX, XLIFF) gives it back. It sits
//! below `align`, `glossary`, `check` and `formats`, and depends on none of them.

/// One aligned pair: bead id (0-based), both texts, and what else is known of it
/// (confidence, section path, and for a CAT tool's file the segment id and state).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlignedPair {
    pub id: usize,
    pub zh: String,
    pub en: String,
    pub score: Option<f64>,
    pub section: String,
    /// The segment's id in a CAT tool's file (XLIFF `trans-unit`/`unit` id).
    pub segment: Option<String>,
    /// The segment's state there (XLIFF `state`: `translated`, `final`, `needs-review-translation`...).
    pub state: Option<String>,
    /// The Chinese is the translation (a CAT file from English into Chinese): a pair
    /// without Chinese is a segment not translated, not English added.
    pub zh_is_target: bool,
    /// The inline tags of a CAT tool's segment, Chinese side and English side, by
    /// element and id (`ph#2`); they are not part of the texts. None where the format
    /// has none, or the target is not written yet.
    pub inline_tags: Option<(Vec<String>, Vec<String>)>,
}

impl AlignedPair {
    pub fn new(id: usize, zh: &str, en: &str) -> Self {
        AlignedPair {
            id,
            zh: zh.to_string(),
            en: en.to_string(),
            ..AlignedPair::default()
        }
    }
}
