//! A termbase writes a term in lower case unless it is a name. A rendering taken from
//! the start of a sentence or from a title-cased heading ('Hazardous waste',
//! 'Collection and Transport System') has capitals that say nothing of the word: the
//! text itself says how it writes the word elsewhere.

use rustc_hash::FxHashSet as HashSet;

use super::TermPair;
use super::candidates::opens_sentence;
use super::pairing::title_cased;
use crate::pairs::AlignedPair;

/// How the document's English writes its words: in lower case somewhere, and
/// capitalised inside a sentence (where a capital marks a name).
struct WordCase {
    lower: HashSet<String>,
    capital_inside: HashSet<String>,
    /// ... and of those, the words capitalised with no capitalised word beside them:
    /// a one-word name's ('Riverside'), not only a longer name's ('Half Moon
    /// Teahouse', whose 'teahouse' alone is a common noun).
    capital_alone: HashSet<String>,
}

impl WordCase {
    fn of(pairs: &[AlignedPair]) -> WordCase {
        let (mut lower, mut capital_inside) = (HashSet::default(), HashSet::default());
        let mut capital_alone = HashSet::default();
        for p in pairs {
            let heading = title_cased(&p.en);
            let all: Vec<(usize, &str)> = words(&p.en).collect();
            for (k, &(at, word)) in all.iter().enumerate() {
                if is_lower(word) {
                    lower.insert(word.to_string());
                } else if is_capitalised(word) && !heading && !opens_sentence(&p.en[..at]) {
                    capital_inside.insert(word.to_lowercase());
                    // A neighbour only across spaces: 'Grace.' ends a sentence.
                    let capital = |j: Option<usize>| {
                        j.and_then(|j| all.get(j)).is_some_and(|&(at2, w)| {
                            let (a, b) = if at2 < at {
                                (at2 + w.len(), at)
                            } else {
                                (at + word.len(), at2)
                            };
                            w.starts_with(char::is_uppercase)
                                && p.en[a..b].chars().all(char::is_whitespace)
                        })
                    };
                    if !capital(k.checked_sub(1)) && !capital(Some(k + 1)) {
                        capital_alone.insert(word.to_lowercase());
                    }
                }
            }
        }
        WordCase {
            lower,
            capital_inside,
            capital_alone,
        }
    }

    /// `text` in lower case when its capitals say nothing: every capitalised word of it
    /// is written in lower case somewhere in the document, and none is capitalised
    /// inside a sentence (a name's word: then the whole may be a name, 'Pearl River
    /// Delta'). Otherwise `text` as it is, never half lowered.
    fn as_written(&self, text: &str) -> String {
        let capitals: Vec<String> = words(text)
            .filter(|(_, w)| is_capitalised(w))
            .map(|(_, w)| w.to_lowercase())
            .collect();
        // One word alone is a name only where the text capitalises it alone.
        let one_word = words(text).count() == 1;
        let lower = !capitals.is_empty()
            && capitals.iter().all(|w| {
                self.lower.contains(w)
                    && !if one_word {
                        &self.capital_alone
                    } else {
                        &self.capital_inside
                    }
                    .contains(w)
            });
        if !lower {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (at, word) in words(text) {
            out.push_str(&text[last..at]);
            match is_capitalised(word) {
                true => out.push_str(&word.to_lowercase()),
                false => out.push_str(word),
            }
            last = at + word.len();
        }
        out.push_str(&text[last..]);
        out
    }
}

/// The words of `text` (letters, inner apostrophes and hyphens cut them) with their
/// byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

fn is_lower(word: &str) -> bool {
    word.chars().all(char::is_lowercase)
}

/// A capital, then lower case only: 'Waste', not 'CPC' or 'iPhone'.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Every rendering that is not a glossary's own (cited as the glossary writes it) in
/// the case the document writes its words in.
pub(super) fn as_written(terms: &mut [TermPair], pairs: &[AlignedPair]) {
    let case = WordCase::of(pairs);
    for t in terms.iter_mut() {
        if !t.known {
            t.en = case.as_written(&t.en);
        }
        for r in t.renderings.iter_mut().filter(|r| !r.known) {
            r.en = case.as_written(&r.en);
        }
        let best = t.en.clone();
        t.renderings.retain(|r| r.en != best);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: usize, en: &str) -> AlignedPair {
        AlignedPair::new(id, "甲。", en)
    }

    #[test]
    fn capitals_of_a_sentence_start_or_a_heading_give_way_to_the_texts_own_case() {
        let pairs = [
            pair(0, "Sorting and Recycling Points"),
            pair(
                1,
                "Hazardous waste goes to the recycling points once a month.",
            ),
            pair(
                2,
                "Each district keeps hazardous waste apart, as the Waste Office asks.",
            ),
            pair(3, "Residents of Riverside sort at home."),
        ];
        let case = WordCase::of(&pairs);
        assert_eq!(case.as_written("Hazardous waste"), "hazardous waste");
        assert_eq!(case.as_written("Recycling Points"), "recycling points");
        // A word the text capitalises inside a sentence may be a name's: the whole is
        // left as it is, not half lowered. So is a word never seen in lower case (a
        // place), and acronyms are no capitalised words.
        assert_eq!(case.as_written("Waste Office"), "Waste Office");
        assert_eq!(case.as_written("Hazardous Waste"), "Hazardous Waste");
        assert_eq!(case.as_written("Riverside"), "Riverside");
        assert_eq!(
            case.as_written("Sorting and Recycling Points"),
            "Sorting and Recycling Points"
        );
        assert_eq!(case.as_written("EPR rules"), "EPR rules");
        // A word capitalised only inside a longer name is a common noun on its own.
        let pairs = [
            pair(0, "They met at the Half Moon Teahouse."),
            pair(1, "The teahouse was full."),
            pair(2, "Every teahouse in Riverside closed."),
            pair(3, "He left Riverside, and the riverside path."),
        ];
        let case = WordCase::of(&pairs);
        assert_eq!(case.as_written("Teahouse"), "teahouse");
        assert_eq!(case.as_written("Half Moon Teahouse"), "Half Moon Teahouse");
        assert_eq!(case.as_written("Riverside"), "Riverside");
        // A name at a sentence's end stands alone.
        let pairs = [
            pair(0, "He turned to Grace. She smiled."),
            pair(1, "She moved with grace."),
        ];
        assert_eq!(WordCase::of(&pairs).as_written("Grace"), "Grace");
    }

    #[test]
    fn a_heading_number_opens_a_sentence() {
        let pairs = [
            pair(0, "3.2 Efficacy"),
            pair(1, "The efficacy was the same in both groups."),
            pair(2, "By 2030 Riverside will sort all its waste."),
        ];
        let case = WordCase::of(&pairs);
        assert_eq!(case.as_written("Efficacy"), "efficacy");
        // A year inside a sentence is no heading number.
        assert!(case.capital_inside.contains("riverside"));
    }
}
