//! How long a bead's English should be, learned from the document: the aligner's
//! length model (Gale and Church: English characters grow in proportion to Chinese
//! characters, with a variance that grows with the length), fitted on the document's
//! own beads. A term with no trace in an English that is as long as its Chinese
//! predicts was most likely said in other words; in an English markedly short,
//! something was dropped.

use crate::align::dp::{self, Params};
use crate::align::features::char_len;
use crate::pairs::AlignedPair;

/// A bead whose English falls in the lower 5% tail of the learned length distribution
/// (a one-sided normal deviate of 1.645) is markedly short: shorter than nearly all
/// translations of that much Chinese in this document.
pub(super) const SHORT_TAIL_Z: f32 = 1.645;

/// English characters per Chinese character and the variance around that, per
/// character: the aligner's defaults, fitted to the document when it has enough beads.
#[derive(Clone, Debug, Default)]
pub(super) struct LengthModel(Params);

impl LengthModel {
    /// The ratio and variance of the document's beads that have both sides.
    pub(super) fn fit(pairs: &[AlignedPair]) -> LengthModel {
        let lens: Vec<(f32, f32)> = pairs
            .iter()
            .map(|p| (char_len(&p.zh), char_len(&p.en)))
            .filter(|&(z, e)| z > 0.0 && e > 0.0)
            .collect();
        let mut params = Params::default();
        dp::fit_length(&lens, &mut params);
        LengthModel(params)
    }

    /// How far the English's length lies from what the Chinese predicts, in standard
    /// deviations (negative: shorter).
    pub(super) fn deviation(&self, zh: &str, en: &str) -> f32 {
        dp::length_deviation(char_len(zh), char_len(en), &self.0)
    }

    /// Is the English markedly short for its Chinese ([`SHORT_TAIL_Z`])?
    pub(super) fn is_short(&self, zh: &str, en: &str) -> bool {
        self.deviation(zh, en) < -SHORT_TAIL_Z
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_english_is_told_from_a_full_one() {
        // A document of sentences whose English runs about three characters per Chinese
        // one.
        let pairs: Vec<AlignedPair> = (0..30)
            .map(|i| {
                let zh = "我们今天在会上讨论了很多问题".repeat(1 + i % 3);
                let en = [
                    "Today at the meeting we discussed many questions.",
                    "We discussed a great many questions at the meeting today.",
                ][i % 2]
                    .repeat(1 + i % 3);
                AlignedPair::new(i, &zh, &en)
            })
            .collect();
        let m = LengthModel::fit(&pairs);
        let zh = "我们今天在会上讨论了很多问题，也决定了明年的工作。";
        assert!(!m.is_short(
            zh,
            "Today at the meeting we discussed many questions and settled next year's work."
        ));
        assert!(m.is_short(zh, "We met today."));
        assert!(m.deviation(zh, "We met today.") < m.deviation(zh, "We met today and talked."));
    }
}
