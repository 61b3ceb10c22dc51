//! What the aligner scores: per unit, its content tokens (ids with IDF weights) and
//! its length; across the pair, the translation relation from Chinese token ids to
//! English stem ids (dictionary, glossary, identical Latin tokens and numbers, and
//! what the aligner learns from the document pair itself).

use std::collections::HashMap;

use crate::lexicon::{self, Resources, is_zh_function_word};
use crate::numbers;
use crate::segment::{Document, Lang, UnitKind, words};

/// At most this many content items per unit take part in lexical matching (the
/// highest-IDF ones): enough for any real sentence, and one `u64` mask per cell.
pub const MAX_ITEMS: usize = 64;

/// The most units one side of a bead may hold.
pub const MAX_RUN: usize = 5;

/// A unit's features: content item ids, their weights, and its length in characters.
#[derive(Clone, Debug, Default)]
pub struct UnitFeatures {
    pub items: Vec<u32>,
    pub weights: Vec<f32>,
    pub total_weight: f32,
    pub len: f32,
    /// Whether the unit ends inside a quotation, when its quotation marks say so (the
    /// last one that opens or closes); None when it has none.
    pub quote: Option<bool>,
    /// Quotations the unit opens (turns of dialogue).
    pub turns: u8,
    /// A heading: it is never merged with other units into one bead.
    pub heading: bool,
    /// The first sentence of a numbered paragraph (第七条, Article 7, （三）, 3.): a bead
    /// rarely runs into it from the text before.
    pub numbered: bool,
    /// Ends like a sentence (a full stop, question or exclamation mark, closers aside):
    /// body text, which a heading does not translate.
    pub sentence_end: bool,
}

/// Both documents' features plus the translation relation between their items.
pub struct PairFeatures {
    pub zh: Vec<UnitFeatures>,
    pub en: Vec<UnitFeatures>,
    /// zh item id -> sorted English item ids it may translate to.
    pub trans: Vec<Vec<u32>>,
    pub zh_vocab: Vec<String>,
    pub en_vocab: Vec<String>,
}

/// Interner for item strings: ids in order of first sight (word alignment uses it too).
#[derive(Default)]
pub(crate) struct Vocab {
    ids: rustc_hash::FxHashMap<String, u32>,
    pub(crate) words: Vec<String>,
}

impl Vocab {
    pub(crate) fn id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(w.to_string(), id);
        self.words.push(w.to_string());
        id
    }
    pub(crate) fn get(&self, w: &str) -> Option<u32> {
        self.ids.get(w).copied()
    }
}

fn number_key(v: f64) -> String {
    format!("#{v}")
}

fn is_latin_or_digit(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Item ids of each unit: its words (as `word_item` maps them; None drops a word),
/// then one item per number (normalised value) and per question/quotation mark. Words
/// inside a number are left to the number item.
fn unit_items(
    doc: &Document,
    vocab: &mut Vocab,
    mut word_item: impl FnMut(&words::Token, &mut Vocab) -> Option<u32>,
) -> Vec<Vec<u32>> {
    doc.units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let text = doc.unit_text(i);
            let nums = match doc.lang {
                Lang::Zh => numbers::extract_zh(text),
                Lang::En => numbers::extract_en(text),
            };
            let in_number = |t: &words::Token| {
                nums.iter()
                    .any(|n| t.start - u.start < n.end && t.end - u.start > n.start)
            };
            let mut items: Vec<u32> = Vec::with_capacity(u.tokens.len());
            for t in u.tokens.iter().filter(|t| !in_number(t)) {
                items.extend(word_item(t, vocab));
            }
            items.extend(nums.iter().map(|n| vocab.id(&number_key(n.value))));
            items.extend(
                punctuation_items(text, doc.lang)
                    .iter()
                    .map(|p| vocab.id(p)),
            );
            items
        })
        .collect()
}

/// Chinese units: jieba words, function words left out.
fn zh_items(doc: &Document, vocab: &mut Vocab) -> Vec<Vec<u32>> {
    unit_items(doc, vocab, |t, vocab| {
        (!is_zh_function_word(&t.key)).then(|| vocab.id(&t.key))
    })
}

/// English units: stems of content words.
fn en_items(doc: &Document, vocab: &mut Vocab) -> Vec<Vec<u32>> {
    // Word key -> stem id (None for stop words), computed once per distinct word.
    let mut stem_cache: HashMap<String, Option<u32>> = HashMap::new();
    unit_items(doc, vocab, |t, vocab| {
        if let Some(&id) = stem_cache.get(&*t.key) {
            return id;
        }
        let stem = lexicon::english_stem(&t.key);
        let content = !lexicon::is_english_stopword(&t.key)
            && !stem.is_empty()
            && !lexicon::is_english_stopword(&stem);
        let id = content.then(|| vocab.id(&stem));
        stem_cache.insert(t.key.to_string(), id);
        id
    })
}

/// Questions, exclamations and quotations survive translation: each becomes an item
/// that matches its counterpart on the other side (`#?`, `#!`, `#"`).
fn punctuation_items(text: &str, lang: Lang) -> Vec<String> {
    let mut items = Vec::new();
    let has = |cs: &[char]| text.contains(cs);
    if has(&['?', '？']) {
        items.push("#?".to_string());
    }
    if has(&['!', '！']) {
        items.push("#!".to_string());
    }
    let quoted = match lang {
        Lang::Zh => has(&['“', '”', '「', '」', '『', '』', '"']),
        // A single quote opens a quotation only at a word's start (not it's, Parties').
        Lang::En => {
            has(&['“', '”', '"'])
                || text.char_indices().any(|(i, c)| {
                    matches!(c, '\'' | '‘')
                        && text[..i]
                            .chars()
                            .next_back()
                            .is_none_or(|p| p.is_whitespace())
                })
        }
    };
    if quoted {
        items.push("#\"".to_string());
    }
    items
}

/// Whether `text` ends inside a quotation: decided by its last quotation mark that
/// clearly opens or closes. English single quotes double as apostrophes, so a quote
/// counts only where the characters around it say which it is (not it's, Parties').
pub fn quote_state(text: &str, lang: Lang) -> Option<bool> {
    quote_marks(text, lang).last().copied()
}

/// The quotation marks of `text` that clearly open (true) or close (false), in order.
fn quote_marks(text: &str, lang: Lang) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut marks = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|p| chars[p]);
        let after = chars.get(k + 1).copied();
        let opens_here = before.is_none_or(|b| b.is_whitespace() || "([—–-:：，,".contains(b))
            && after.is_some_and(|a| !a.is_whitespace());
        let closes_here = before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]—–-".contains(a));
        let mark = match c {
            '“' | '「' | '『' => Some(true),
            '”' | '」' | '』' => Some(false),
            // Chinese single quotes nest inside double ones or mark a single word.
            '‘' | '’' if lang == Lang::Zh => None,
            '‘' => Some(true),
            '’' | '\'' => {
                let after_punct = before.is_some_and(|b| ".,;:!?…—–-".contains(b));
                if c == '\'' && opens_here {
                    Some(true)
                } else if closes_here && (after_punct || after.is_none_or(|a| a != ' ')) {
                    Some(false)
                } else {
                    None
                }
            }
            '"' => {
                if opens_here {
                    Some(true)
                } else if closes_here {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        };
        marks.extend(mark);
    }
    marks
}

/// Whether a unit's last mark, closing quotes and brackets aside, ends a sentence.
fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| crate::segment::sentence::is_closer(c))
        .ends_with(['。', '！', '？', '.', '!', '?'])
}

/// Characters that count for length: all but whitespace.
pub fn char_len(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as f32
}

/// Turn item strings into weighted, deduplicated id lists (IDF over the document's units).
fn weigh(items: Vec<Vec<u32>>, lens: Vec<f32>) -> Vec<UnitFeatures> {
    let ids: Vec<Vec<u32>> = items
        .into_iter()
        .map(|mut v| {
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for v in &ids {
        for &id in v {
            *df.entry(id).or_default() += 1;
        }
    }
    let n = ids.len().max(1) as f32;
    ids.into_iter()
        .zip(lens)
        .map(|(mut v, len)| {
            let idf = |id: u32| (1.0 + n / df[&id] as f32).ln();
            if v.len() > MAX_ITEMS {
                v.sort_by(|a, b| idf(*b).total_cmp(&idf(*a)));
                v.truncate(MAX_ITEMS);
            }
            let weights: Vec<f32> = v.iter().map(|&id| idf(id)).collect();
            UnitFeatures {
                total_weight: weights.iter().sum(),
                items: v,
                weights,
                len,
                quote: None,
                turns: 0,
                heading: false,
                numbered: false,
                sentence_end: false,
            }
        })
        .collect()
}

/// English stems that a Chinese word may translate to, from the dictionary (the word
/// itself, or failing that its longest dictionary sub-words) and the glossary (as [`glossary_stems`] gives it).
pub fn dictionary_stems(
    word: &str,
    resources: &Resources,
    glossary: &HashMap<&str, Vec<String>>,
) -> Vec<String> {
    let mut stems = Vec::new();
    if let Some(g) = glossary.get(word) {
        stems.extend(g.iter().cloned());
    }
    if is_latin_or_digit(word) {
        stems.push(lexicon::english_stem(word));
        return stems;
    }
    let Some(dict) = &resources.dictionary else {
        return stems;
    };
    let nchars = word.chars().count();
    let mut add = |w: &str| {
        for gloss in dict.glosses(w) {
            stems.extend(lexicon::gloss_stems(gloss));
        }
    };
    if dict.contains(word) {
        add(word);
    }
    if nchars > 1 && !dict.contains(word) {
        // Unknown compound: its longest known parts, left to right.
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let mut taken = 1;
            let longest = if k == 0 && chars.len() <= 4 {
                chars.len() - 1
            } else {
                4
            };
            for len in (1..=longest.min(chars.len() - k)).rev() {
                let s = chars[k].0;
                let e = chars.get(k + len).map_or(word.len(), |c| c.0);
                if dict.contains(&word[s..e]) {
                    add(&word[s..e]);
                    taken = len;
                    break;
                }
            }
            k += taken;
        }
    }
    stems
}

/// Approved glossary terms -> the content stems of their renderings.
pub fn glossary_stems(resources: &Resources) -> HashMap<&str, Vec<String>> {
    resources
        .glossary
        .iter()
        .filter(|g| g.status == "approved")
        .map(|g| {
            (
                g.zh.as_str(),
                g.en.iter().flat_map(|r| lexicon::gloss_stems(r)).collect(),
            )
        })
        .collect()
}

impl PairFeatures {
    /// Features of two documents and the translation relation from the resources.
    pub fn new(zh: &Document, en: &Document, resources: &Resources) -> PairFeatures {
        debug_assert!(zh.lang == Lang::Zh && en.lang == Lang::En);
        // The two sides are independent: one thread each.
        let side = |doc: &Document, items: fn(&Document, &mut Vocab) -> Vec<Vec<u32>>| {
            let mut vocab = Vocab::default();
            let raw = items(doc, &mut vocab);
            let lens = (0..doc.units.len())
                .map(|i| char_len(doc.unit_text(i)))
                .collect();
            let mut units = weigh(raw, lens);
            for (i, u) in units.iter_mut().enumerate() {
                let marks = quote_marks(doc.unit_text(i), doc.lang);
                u.quote = marks.last().copied();
                u.turns = marks.iter().filter(|&&m| m).count().min(255) as u8;
                u.heading = doc.units[i].kind == UnitKind::Heading;
                u.sentence_end = ends_like_a_sentence(doc.unit_text(i));
            }
            for (i, heading) in super::sections::anchor_units(doc) {
                units[i].numbered = !heading;
            }
            (units, vocab)
        };
        let ((zf, zv), (ef, ev)) = std::thread::scope(|s| {
            let zh_side = s.spawn(|| side(zh, zh_items));
            let en_side = side(en, en_items);
            (zh_side.join().expect("feature thread"), en_side)
        });
        let glossary = glossary_stems(resources);
        let translate = |words: &[String]| -> Vec<Vec<u32>> {
            words
                .iter()
                .map(|w| {
                    let mut t: Vec<u32> = if w.starts_with('#') {
                        ev.get(w).into_iter().collect()
                    } else {
                        dictionary_stems(w, resources, &glossary)
                            .iter()
                            .filter_map(|s| ev.get(s))
                            .collect()
                    };
                    t.sort_unstable();
                    t.dedup();
                    t
                })
                .collect()
        };
        // Dictionary look-ups for the vocabulary, in two halves on two threads.
        let (first, second) = zv.words.split_at(zv.words.len() / 2);
        let trans = std::thread::scope(|s| {
            let a = s.spawn(|| translate(first));
            let mut b = translate(second);
            let mut t = a.join().expect("dictionary thread");
            t.append(&mut b);
            t
        });
        PairFeatures {
            zh: zf,
            en: ef,
            trans,
            zh_vocab: zv.words,
            en_vocab: ev.words,
        }
    }

    /// Add learned translation pairs (zh item id, en item id).
    pub fn add_translations(&mut self, pairs: impl IntoIterator<Item = (u32, u32)>) {
        for (z, e) in pairs {
            let t = &mut self.trans[z as usize];
            if let Err(pos) = t.binary_search(&e) {
                t.insert(pos, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_state_follows_the_last_mark_that_opens_or_closes() {
        assert_eq!(quote_state("他说：“走吧。”", Lang::Zh), Some(false));
        assert_eq!(
            quote_state("刘老老说道：“谁叫你去打劫呢?", Lang::Zh),
            Some(true)
        );
        assert_eq!(quote_state("没有引号。", Lang::Zh), None);
        // Chinese single quotes nest or mark one word: no state.
        assert_eq!(quote_state("形成‘余烬’。", Lang::Zh), None);
        assert_eq!(quote_state("'Which Mrs Zhou?", Lang::En), Some(true));
        assert_eq!(quote_state("Go out and rob?'", Lang::En), Some(false));
        assert_eq!(quote_state("'a shame', and he said", Lang::En), Some(false));
        assert_eq!(quote_state("\"What I mean is ...", Lang::En), Some(true));
        assert_eq!(quote_state("he said, \"fine.\"", Lang::En), Some(false));
        // Apostrophes are neither.
        assert_eq!(quote_state("It's the Parties' rights.", Lang::En), None);
        assert_eq!(quote_state("‘Yes’, she said.", Lang::En), Some(false));
    }
}
