//! The training corpus of the word aligner: every bead's words as vocabulary ids, the
//! (Chinese word, English word) pair types that co-occur in some bead, and the prior
//! pseudo-counts of those pairs from the dictionary, the glossary, identical tokens
//! and equal numbers.
//!
//! Chinese words are their match keys (NFKC, lower case); English words are their
//! stems ([`lexicon::english_stem`]), so that `state` and `states` share statistics: a
//! document pair is little data, and the dictionary speaks of stems anyway.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::features::{Vocab, dictionary_stems, glossary_stems};
use crate::lexicon::{self, Resources};
use crate::numbers;
use crate::script::is_han;
use crate::segment::words::Token;

/// One bead's two sides: the text and its word tokens (byte spans into that text).
#[derive(Clone, Copy)]
pub struct BeadTokens<'a> {
    pub zh_text: &'a str,
    pub zh: &'a [Token],
    pub en_text: &'a str,
    pub en: &'a [Token],
}

/// Where a pair's prior comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PriorKind {
    /// No outside evidence.
    None,
    /// A dictionary gloss or glossary rendering of the Chinese word has the English stem.
    Dictionary,
    /// Same token on both sides (Latin words, digits, punctuation) or the same number.
    Identical,
}

/// A bead as ids: `pairs[i * en.len() + j]` is the pair type of (zh word i, en word j).
pub struct Sentence {
    pub zh: Vec<u32>,
    pub en: Vec<u32>,
    pub pairs: Vec<u32>,
}

impl Sentence {
    pub fn pair(&self, zh: usize, en: usize) -> u32 {
        self.pairs[zh * self.en.len() + en]
    }
}

pub struct Corpus {
    pub sentences: Vec<Sentence>,
    pub zh_vocab: usize,
    pub en_vocab: usize,
    /// Per pair type: its Chinese word, its English word and its prior.
    pub pair_zh: Vec<u32>,
    pub pair_en: Vec<u32>,
    pub prior: Vec<PriorKind>,
}

/// Number values of each token: the values of the number mentions its span overlaps.
fn token_numbers(text: &str, tokens: &[Token], zh: bool) -> Vec<Vec<u64>> {
    let mentions = if zh {
        numbers::extract_zh(text)
    } else {
        numbers::extract_en(text)
    };
    tokens
        .iter()
        .map(|t| {
            mentions
                .iter()
                .filter(|m| t.start < m.end && t.end > m.start)
                .map(|m| m.value.to_bits())
                .collect()
        })
        .collect()
}

impl Corpus {
    /// Intern the beads' words and find every co-occurring pair type with its prior.
    /// Cost: the sum over beads of (zh words x en words), plus one dictionary look-up
    /// per distinct Chinese word.
    pub fn build(beads: &[BeadTokens], resources: &Resources) -> Corpus {
        let mut zh_words = Vocab::default();
        let mut en_words = Vocab::default();
        let mut stem_cache: HashMap<String, u32> = HashMap::new();
        let mut sentences = Vec::with_capacity(beads.len());
        // Pair types seen with equal numbers or identical tokens in some bead.
        let mut identical: FxHashSet<(u32, u32)> = FxHashSet::default();
        for bead in beads {
            let zh: Vec<u32> = bead.zh.iter().map(|t| zh_words.id(&t.key)).collect();
            let en: Vec<u32> = bead
                .en
                .iter()
                .map(|t| {
                    if let Some(&id) = stem_cache.get(t.key.as_str()) {
                        return id;
                    }
                    let id = en_words.id(&english_key(&t.key));
                    stem_cache.insert(t.key.to_string(), id);
                    id
                })
                .collect();
            let zh_nums = token_numbers(bead.zh_text, bead.zh, true);
            let en_nums = token_numbers(bead.en_text, bead.en, false);
            for (i, zn) in zh_nums.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
                for (j, en_n) in en_nums.iter().enumerate() {
                    if zn.iter().any(|v| en_n.contains(v)) {
                        identical.insert((zh[i], en[j]));
                    }
                }
            }
            sentences.push(Sentence {
                zh,
                en,
                pairs: Vec::new(),
            });
        }

        // Dictionary and identity evidence per distinct Chinese word, against the
        // English words of the corpus.
        let glossary = glossary_stems(resources);
        let mut dictionary: FxHashSet<(u32, u32)> = FxHashSet::default();
        for (z, word) in zh_words.words.iter().enumerate() {
            let z = z as u32;
            if !word.chars().any(is_han) {
                // Latin words, digits and punctuation match themselves.
                if let Some(e) = en_words.get(&english_key(word)) {
                    identical.insert((z, e));
                }
            }
            for stem in dictionary_stems(word, resources, &glossary) {
                if let Some(e) = en_words.get(&stem) {
                    dictionary.insert((z, e));
                }
            }
        }

        let mut pair_ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let (mut pair_zh, mut pair_en, mut prior) = (Vec::new(), Vec::new(), Vec::new());
        for s in &mut sentences {
            s.pairs = Vec::with_capacity(s.zh.len() * s.en.len());
            for &z in &s.zh {
                for &e in &s.en {
                    let id = *pair_ids.entry((z, e)).or_insert_with(|| {
                        pair_zh.push(z);
                        pair_en.push(e);
                        prior.push(if identical.contains(&(z, e)) {
                            PriorKind::Identical
                        } else if dictionary.contains(&(z, e)) {
                            PriorKind::Dictionary
                        } else {
                            PriorKind::None
                        });
                        pair_zh.len() as u32 - 1
                    });
                    s.pairs.push(id);
                }
            }
        }
        Corpus {
            sentences,
            zh_vocab: zh_words.words.len(),
            en_vocab: en_words.words.len(),
            pair_zh,
            pair_en,
            prior,
        }
    }
}

/// The vocabulary key of an English token: its stem, or the token itself when
/// stemming leaves nothing (punctuation).
fn english_key(key: &str) -> String {
    let stem = lexicon::english_stem(key);
    if stem.is_empty() {
        key.to_string()
    } else {
        stem
    }
}
