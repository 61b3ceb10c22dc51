//! Word tokens: Chinese words by jieba-rs, English words by unicode-segmentation
//! (UAX #29). Each token keeps its byte span and a normalised match key (NFKC,
//! full-width folded, lower-cased) beside the original.
//!
//! A [`WordSegmenter`] is jieba with the user words its builder passes in (a
//! glossary's terms, so that multi-word terms stay whole); the segmenter itself knows
//! no glossary. Build one per set of words and share it: it is `Send + Sync`.
//!
//! ```
//! use bitext::segment::{Lang, words::WordSegmenter};
//! let words = WordSegmenter::with_words(["数字治理"]);
//! let text = "推进数字治理";
//! let tokens: Vec<&str> = words.tokenize(text, 0, Lang::Zh).iter().map(|t| &text[t.start..t.end]).collect();
//! assert!(tokens.contains(&"数字治理"), "{tokens:?}");
//! ```

use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

use jieba_rs::Jieba;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::Lang;
use crate::script::is_han;

/// A word token: byte span in the document text and its normalised match key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Inline up to 24 bytes (nearly every word): documents hold millions of tokens,
    /// and a heap string per token doubled their memory.
    pub key: compact_str::CompactString,
}

/// Chinese word segmentation with a set of user words; English needs none.
///
/// jieba's default dictionary is prebuilt into the binary (vendor/jieba-rs), but adding
/// the words still cuts each one (`suggest_freq`), so jieba is made on its own thread
/// from the moment the segmenter is made, and waited for only when Chinese is first cut.
pub struct WordSegmenter {
    jieba: OnceLock<Jieba>,
    building: Mutex<Option<JoinHandle<Jieba>>>,
}

/// jieba with its own dictionary only, made once when first asked for.
static PLAIN: OnceLock<WordSegmenter> = OnceLock::new();

impl WordSegmenter {
    /// jieba's own dictionary, no user words.
    pub fn plain() -> &'static WordSegmenter {
        PLAIN.get_or_init(|| WordSegmenter::build(Jieba::new))
    }

    /// jieba's dictionary plus `words` (e.g. a glossary's Chinese terms). Only pure
    /// Han words are added: set phrases with 、 or Latin letters would confuse jieba's
    /// lattice, and Latin runs never reach jieba anyway.
    pub fn with_words<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSegmenter {
        let words: Vec<String> = words
            .into_iter()
            .filter(|w| !w.is_empty() && w.chars().all(is_han))
            .map(str::to_string)
            .collect();
        WordSegmenter::build(move || {
            // A copy of the plain one when it exists, else a new one: both borrow the
            // prebuilt tables, and the words go to a small trie beside them.
            let mut jieba = PLAIN
                .get()
                .map_or_else(Jieba::new, |plain| plain.jieba().clone());
            for word in &words {
                jieba.add_word(word, None, None);
            }
            jieba
        })
    }

    /// A segmenter whose jieba `make` builds on another thread.
    fn build(make: impl FnOnce() -> Jieba + Send + 'static) -> WordSegmenter {
        WordSegmenter {
            jieba: OnceLock::new(),
            building: Mutex::new(Some(std::thread::spawn(make))),
        }
    }

    /// The jieba instance, for part-of-speech tags and dictionary look-ups (waits
    /// until it is built).
    pub fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| {
            let building = self
                .building
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .expect("a segmenter not yet built has its builder");
            building
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// Tokenise `text`, which starts at byte `offset` of its document.
    pub fn tokenize(&self, text: &str, offset: usize, lang: Lang) -> Vec<Token> {
        match lang {
            Lang::Zh => {
                let mut tokens = Vec::new();
                for (start, end, latin) in script_runs(text) {
                    let run = &text[start..end];
                    if latin {
                        tokens.extend(word_tokens(run, offset + start));
                    } else {
                        tokens.extend(
                            self.jieba()
                                .cut(run, true)
                                .into_iter()
                                .filter(|t| is_wordlike(t.word))
                                .map(|t| Token {
                                    start: offset + start + t.byte_start,
                                    end: offset + start + t.byte_end,
                                    key: normalize_key(t.word).into(),
                                }),
                        );
                    }
                }
                tokens.shrink_to_fit();
                tokens
            }
            Lang::En => {
                let mut tokens = word_tokens(text, offset);
                tokens.shrink_to_fit();
                tokens
            }
        }
    }
}

impl Clone for WordSegmenter {
    fn clone(&self) -> WordSegmenter {
        WordSegmenter {
            jieba: OnceLock::from(self.jieba().clone()),
            building: Mutex::new(None),
        }
    }
}

impl std::fmt::Debug for WordSegmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WordSegmenter")
    }
}

/// The match key of a piece of text: NFKC (folds full-width forms), lower case, and
/// curly apostrophes made straight.
pub fn normalize_key(text: &str) -> String {
    // NFKC leaves ASCII alone: skip the decomposition for the common case.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .collect()
}

fn is_wordlike(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric())
}

/// UAX #29 word tokens of `text`, which starts at byte `offset`.
fn word_tokens(text: &str, offset: usize) -> Vec<Token> {
    text.split_word_bound_indices()
        .filter(|(_, w)| is_wordlike(w))
        .map(|(i, w)| Token {
            start: offset + i,
            end: offset + i + w.len(),
            key: normalize_key(w).into(),
        })
        .collect()
}

/// Split Chinese text into runs of Latin letters and digits (full-width ones too, with
/// inner `.` `,` `-` `'` as in 38.6 or e-commerce) and runs of everything else, so that
/// jieba, which cuts ＷＴＯ into letters, only sees the Chinese. Yields (start, end, latin).
fn script_runs(text: &str) -> Vec<(usize, usize, bool)> {
    let is_latin = |c: char| c.is_alphanumeric() && !is_han(c);
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, d)| d);
        let latin = is_latin(c)
            || (matches!(c, '.' | ',' | '-' | '\'' | '．')
                && prev.is_some_and(is_latin)
                && next.is_some_and(is_latin));
        match runs.last_mut() {
            Some(run) if run.2 == latin => run.1 = i + c.len_utf8(),
            _ => runs.push((i, i + c.len_utf8(), latin)),
        }
        prev = Some(c);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize(text: &str, offset: usize, lang: Lang) -> Vec<Token> {
        WordSegmenter::plain().tokenize(text, offset, lang)
    }

    #[test]
    fn keys_fold_width_and_case_but_spans_keep_the_source() {
        let text = "ＷＴＯ与数字治理";
        let toks = tokenize(text, 0, Lang::Zh);
        assert_eq!(&*toks[0].key, "wto");
        assert_eq!(&text[toks[0].start..toks[0].end], "ＷＴＯ");
    }

    #[test]
    fn latin_and_numbers_in_chinese_stay_whole() {
        let text = "2021年规模约38.6万亿美元，WTO和e-commerce规则";
        let toks: Vec<&str> = tokenize(text, 0, Lang::Zh)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        for word in ["2021", "38.6", "WTO"] {
            assert!(toks.contains(&word), "{word} in {toks:?}");
        }
        assert!(toks.iter().all(|t| !t.contains('，')));
    }

    #[test]
    fn a_segmenter_still_building_cuts_alike_on_every_thread_and_in_copies() {
        let words = WordSegmenter::with_words(["数字治理"]);
        let text = "推进数字治理和开放合作";
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| words.tokenize(text, 0, Lang::Zh));
            let b = words.tokenize(text, 0, Lang::Zh);
            (a.join().expect("tokenizer thread"), b)
        });
        assert_eq!(a, b);
        assert!(
            a.iter().any(|t| &text[t.start..t.end] == "数字治理"),
            "{a:?}"
        );
        assert_eq!(words.clone().tokenize(text, 0, Lang::Zh), a);
    }

    #[test]
    fn english_tokens_skip_spaces_and_punctuation() {
        let toks = tokenize("Cross-border data, flows.", 10, Lang::En);
        let keys: Vec<_> = toks.iter().map(|t| &*t.key).collect();
        assert_eq!(keys, ["cross", "border", "data", "flows"]);
        assert_eq!(toks[0].start, 10);
    }
}
