//! One document pair from texts to a [`Bitext`]: the steps `bitext align`, `bitext
//! batch` and `bitext batch --stdio` share. Detect each side's language, segment both
//! sides (one per thread), align, and collect what the user should be told.
//!
//! The caller reads the files (or takes texts from a request) and decides what to do
//! with the notes; nothing here prints.
//!
//! ```
//! use bitext::lexicon::Resources;
//! use bitext::pipeline::{align_texts, PairOptions, Side};
//! let resources = Resources::default_embedded().unwrap();
//! let zh = Side::text("zh", "我们坚持多边主义。\n数据安全很重要。\n");
//! let en = Side::text("en", "We uphold multilateralism.\nData security matters.\n");
//! let options = PairOptions { presplit: true, ..PairOptions::default() };
//! let aligned = align_texts(zh, en, &resources, &options).unwrap();
//! assert_eq!(aligned.bitext.beads.len(), 2);
//! ```

use crate::align::{self, AlignOptions, Bitext};
use crate::error::{Error, Result};
use crate::lexicon::Resources;
use crate::read::{self, TextFormat};
use crate::segment::{self, Lang};

/// One side of a pair: its decoded text, its markup and a name for messages (the
/// file's path, or a request's id).
#[derive(Clone, Debug)]
pub struct Side {
    pub name: String,
    pub text: String,
    pub format: TextFormat,
    /// What the reader should know of the text (a PDF's unreadable pages...).
    pub notes: Vec<String>,
}

impl Side {
    /// Plain text under a name.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Side {
        Side {
            name: name.into(),
            text: text.into(),
            format: TextFormat::Plain,
            notes: Vec::new(),
        }
    }

    /// Read and decode a document (`-` for stdin); .docx and Markdown keep their
    /// headings ([`read::read_document`]).
    pub fn read(path: &str) -> Result<Side> {
        Self::read_with(path, &read::ReadOptions::default())
    }

    /// [`Side::read`] with a given input format or encoding.
    pub fn read_with(path: &str, options: &read::ReadOptions) -> Result<Side> {
        let (text, format, notes) = read::read_document_noted(path, options)?;
        Ok(Side {
            name: path.to_string(),
            text,
            format,
            notes,
        })
    }
}

/// How to align one pair.
#[derive(Clone, Debug, Default)]
pub struct PairOptions {
    /// The texts are one sentence per line: line i is sentence i.
    pub presplit: bool,
    pub align: AlignOptions,
}

/// Where [`align_texts_observed`] is, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Segmenting,
    /// Aligning this many Chinese and English units.
    Aligning(usize, usize),
}

/// A pair's alignment and what the user should know about its inputs.
pub struct Aligned {
    pub bitext: Bitext,
    /// Notes on the inputs, before the alignment's own warnings (`bitext.warnings`): a
    /// side that does not look like its language.
    pub input_notes: Vec<String>,
}

/// Below this mean confidence of the paired beads, the two texts are probably not a
/// translation of each other.
pub const UNRELATED_MEAN_CONFIDENCE: f64 = 0.2;

impl Aligned {
    /// Mean confidence of the beads that pair two sides (0 when there are none).
    pub fn mean_confidence(&self) -> f64 {
        let paired: Vec<f64> = self
            .bitext
            .beads
            .iter()
            .filter(|b| !b.zh.is_empty() && !b.en.is_empty())
            .map(|b| b.score)
            .collect();
        paired.iter().sum::<f64>() / paired.len().max(1) as f64
    }

    /// The note to give when the mean confidence says the texts do not correspond.
    pub fn unrelated_note(&self) -> Option<String> {
        let paired = self
            .bitext
            .beads
            .iter()
            .any(|b| !b.zh.is_empty() && !b.en.is_empty());
        if !paired {
            return Some(
                "no Chinese sentence was paired with an English one: these documents may not be translations of each other".to_string(),
            );
        }
        let mean = self.mean_confidence();
        (mean < UNRELATED_MEAN_CONFIDENCE).then(|| {
            format!(
                "mean bead confidence is {mean:.2}: these documents may not be translations of each other"
            )
        })
    }

    /// Every note on this pair: the inputs', the alignment's, and the mean confidence's.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = self.input_notes.clone();
        notes.extend(self.bitext.warnings.iter().cloned());
        notes.extend(self.unrelated_note());
        notes
    }
}

/// Filters that make aligned pairs training data for machine translation. Each applies
/// to beads that pair two sides; `min_score` to every bead, as `bitext align` does.
#[derive(Clone, Debug, Default)]
pub struct CorpusFilter {
    /// Leave out beads whose confidence is below this.
    pub min_score: Option<f64>,
    /// Leave out a pair whose English/Chinese length ratio is more than this many times
    /// above or below the document's median ratio (a sentence half lost, a note added).
    pub max_length_ratio: Option<f64>,
    /// Leave out a pair whose two texts are both those of an earlier pair.
    pub dedup: bool,
    /// Leave out a pair whose Chinese side has no Chinese character or whose English
    /// side does not read as English (untranslated text, a table of numbers).
    pub languages: bool,
}

/// How many beads each filter left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FilterCounts {
    pub low_score: usize,
    pub length_ratio: usize,
    pub duplicate: usize,
    pub language: usize,
}

impl FilterCounts {
    pub fn total(&self) -> usize {
        self.low_score + self.length_ratio + self.duplicate + self.language
    }
}

/// Characters that count for length: everything but white space.
fn text_len(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

impl CorpusFilter {
    pub fn is_active(&self) -> bool {
        self.min_score.is_some() || self.max_length_ratio.is_some() || self.dedup || self.languages
    }

    /// Drop the beads the filters leave out; bead ids stay those of the documents.
    pub fn apply(&self, bitext: &mut Bitext) -> FilterCounts {
        let mut counts = FilterCounts::default();
        if !self.is_active() {
            return counts;
        }
        let texts: Vec<Option<(String, String)>> = bitext
            .beads
            .iter()
            .map(|b| {
                (!b.zh.is_empty() && !b.en.is_empty())
                    .then(|| (bitext.zh_text(b), bitext.en_text(b)))
            })
            .collect();
        let ratio = |(zh, en): &(String, String)| text_len(en) as f64 / text_len(zh).max(1) as f64;
        let mut ratios: Vec<f64> = texts.iter().flatten().map(ratio).collect();
        ratios.sort_by(f64::total_cmp);
        let median = ratios
            .get(ratios.len() / 2)
            .copied()
            .unwrap_or(1.0)
            .max(1e-3);
        let mut seen = std::collections::HashSet::new();
        let mut keep = Vec::with_capacity(texts.len());
        for (bead, text) in bitext.beads.iter().zip(&texts) {
            let verdict = if self.min_score.is_some_and(|x| bead.score < x) {
                Some(&mut counts.low_score)
            } else if let Some(pair) = text {
                let r = ratio(pair) / median;
                if self.languages && !(has_han(&pair.0) && Lang::detect(&pair.1) == Lang::En) {
                    Some(&mut counts.language)
                } else if self.max_length_ratio.is_some_and(|m| r > m || r * m < 1.0) {
                    Some(&mut counts.length_ratio)
                } else if self.dedup && !seen.insert((spaced(&pair.0), spaced(&pair.1))) {
                    Some(&mut counts.duplicate)
                } else {
                    None
                }
            } else {
                None
            };
            match verdict {
                Some(count) => {
                    *count += 1;
                    keep.push(false);
                }
                None => keep.push(true),
            }
        }
        let mut keep = keep.into_iter();
        bitext.beads.retain(|_| keep.next().unwrap_or(true));
        counts
    }
}

fn has_han(text: &str) -> bool {
    text.chars().any(crate::script::is_han)
}

/// A lexicon learned over many document pairs at once: word pairs that co-occur in
/// confident beads across the corpus far more often than chance (Dice coefficient, the
/// test the aligner applies within one pair). Short documents of one domain each see a
/// term too rarely to learn it alone; pooled, they do. Feed it to a second pass as
/// glossary entries ([`LexiconPool::entries`]).
#[derive(Default)]
pub struct LexiconPool {
    zh_ids: std::collections::HashMap<String, u32>,
    en_ids: std::collections::HashMap<String, u32>,
    zh_words: Vec<String>,
    en_words: Vec<String>,
    /// Per confident bead: its distinct Chinese and English word ids.
    beads: Vec<(Vec<u32>, Vec<u32>)>,
}

/// Beads at least this confident teach the pooled lexicon.
const POOL_MIN_SCORE: f64 = 0.5;

fn intern(
    ids: &mut std::collections::HashMap<String, u32>,
    words: &mut Vec<String>,
    w: &str,
) -> u32 {
    if let Some(&id) = ids.get(w) {
        return id;
    }
    let id = words.len() as u32;
    ids.insert(w.to_string(), id);
    words.push(w.to_string());
    id
}

impl LexiconPool {
    /// Count the content words of a pair's confident beads.
    pub fn add(&mut self, bitext: &Bitext, resources: &Resources) {
        let glossary: std::collections::HashSet<&str> =
            resources.glossary.iter().map(|g| g.zh.as_str()).collect();
        let known = |word: &str| {
            glossary.contains(word)
                || resources
                    .dictionary
                    .as_ref()
                    .is_some_and(|d| d.contains(word))
        };
        for bead in &bitext.beads {
            if bead.zh.is_empty() || bead.en.is_empty() || bead.score < POOL_MIN_SCORE {
                continue;
            }
            let zh = bitext.zh_text(bead);
            let en = bitext.en_text(bead);
            let mut z: Vec<u32> = resources
                .words
                .tokenize(&zh, 0, Lang::Zh)
                .iter()
                // Words the dictionary knows already have their evidence: as the aligner's
                // own learner does, only the unexplained ones are worth learning.
                .filter(|t| has_han(&t.key) && !crate::lexicon::is_zh_function_word(&t.key))
                .filter(|t| !known(&t.key))
                .map(|t| intern(&mut self.zh_ids, &mut self.zh_words, &t.key))
                .collect();
            let mut e: Vec<u32> = resources
                .words
                .tokenize(&en, 0, Lang::En)
                .iter()
                .filter(|t| {
                    t.key.chars().all(char::is_alphabetic)
                        && t.key.chars().count() > 1
                        && !crate::lexicon::is_english_stopword(&t.key)
                })
                .map(|t| intern(&mut self.en_ids, &mut self.en_words, &t.key))
                .collect();
            z.sort_unstable();
            z.dedup();
            e.sort_unstable();
            e.dedup();
            self.beads.push((z, e));
        }
    }

    /// Add what another pool counted (pairs counted on several threads).
    pub fn merge(&mut self, other: LexiconPool) {
        let zh: Vec<u32> = other
            .zh_words
            .iter()
            .map(|w| intern(&mut self.zh_ids, &mut self.zh_words, w))
            .collect();
        let en: Vec<u32> = other
            .en_words
            .iter()
            .map(|w| intern(&mut self.en_ids, &mut self.en_words, w))
            .collect();
        for (z, e) in other.beads {
            let mut z: Vec<u32> = z.iter().map(|&i| zh[i as usize]).collect();
            let mut e: Vec<u32> = e.iter().map(|&j| en[j as usize]).collect();
            z.sort_unstable();
            e.sort_unstable();
            self.beads.push((z, e));
        }
    }

    /// The pooled word pairs seen together in at least `min_count` beads with a Dice
    /// coefficient of at least `min_dice`, as glossary entries (one per Chinese word,
    /// its English words in order of Dice), sorted by Chinese word.
    pub fn entries(&self, min_count: u32, min_dice: f32) -> Vec<crate::lexicon::GlossaryEntry> {
        let mut fz = vec![0u32; self.zh_words.len()];
        let mut fe = vec![0u32; self.en_words.len()];
        for (z, e) in &self.beads {
            z.iter().for_each(|&i| fz[i as usize] += 1);
            e.iter().for_each(|&j| fe[j as usize] += 1);
        }
        let mut joint: std::collections::HashMap<(u32, u32), u32> = Default::default();
        for (z, e) in &self.beads {
            for &i in z.iter().filter(|&&i| fz[i as usize] >= min_count) {
                for &j in e.iter().filter(|&&j| fe[j as usize] >= min_count) {
                    *joint.entry((i, j)).or_default() += 1;
                }
            }
        }
        let mut by_zh: std::collections::BTreeMap<&str, Vec<(f32, &str)>> = Default::default();
        for ((i, j), c) in joint {
            let dice = 2.0 * c as f32 / (fz[i as usize] + fe[j as usize]) as f32;
            if c >= min_count && dice >= min_dice {
                by_zh
                    .entry(&self.zh_words[i as usize])
                    .or_default()
                    .push((dice, &self.en_words[j as usize]));
            }
        }
        by_zh
            .into_iter()
            .map(|(zh, mut en)| {
                en.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
                crate::lexicon::GlossaryEntry {
                    zh: zh.to_string(),
                    en: en.into_iter().map(|(_, w)| w.to_string()).collect(),
                    note: "pooled lexicon".to_string(),
                    status: "approved".to_string(),
                    source: "pooled lexicon".to_string(),
                    line: 0,
                }
            })
            .collect()
    }
}

/// A text with its runs of white space as one space, ends trimmed: what `--dedup`
/// compares, so that a table row joined by tabs in one output format and by spaces in
/// another is one duplicate in both.
pub fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Chinese side with no Chinese character, or an English side with no Latin letter,
/// puts one language on both sides of every bead: an error, before any output is
/// written (a side that merely looks like the other language is only noted: a product
/// title in Chinese may hold more Latin letters than Chinese characters).
pub fn require_languages(zh: &Side, en: &Side) -> Result<()> {
    let (han, latin) = Lang::script_counts(&zh.text);
    if han == 0 && latin > 0 {
        return Err(Error::input(
            zh.name.as_str(),
            "no Chinese character in the Chinese text: not aligned",
        ));
    }
    let (han, latin) = Lang::script_counts(&en.text);
    if latin == 0 && han > 0 {
        return Err(Error::input(
            en.name.as_str(),
            "no Latin letter in the English text: not aligned",
        ));
    }
    Ok(())
}

/// Segment and align two texts.
pub fn align_texts(
    zh: Side,
    en: Side,
    resources: &Resources,
    options: &PairOptions,
) -> Result<Aligned> {
    align_texts_observed(zh, en, resources, options, &mut |_| {})
}

/// [`align_texts`], telling `observe` when each stage begins.
pub fn align_texts_observed(
    zh: Side,
    en: Side,
    resources: &Resources,
    options: &PairOptions,
    observe: &mut dyn FnMut(Stage),
) -> Result<Aligned> {
    let mut input_notes: Vec<String> = zh.notes.iter().chain(&en.notes).cloned().collect();
    match (Lang::detect(&zh.text), Lang::detect(&en.text)) {
        (Lang::En, Lang::Zh) => {
            return Err(Error::usage(format!(
                "{} looks English and {} Chinese: the Chinese document comes first (ZH EN)",
                zh.name, en.name
            )));
        }
        // The Chinese document twice: nothing to align. Only where the script leaves no
        // doubt, ten Chinese characters to a Latin letter: an English text that cites
        // Chinese gets the note below.
        (Lang::Zh, Lang::Zh)
            if {
                let (han, latin) = Lang::script_counts(&en.text);
                latin * 10 < han
            } =>
        {
            return Err(Error::usage(format!(
                "{} looks Chinese, as {} does: give the Chinese document first and its \
                 English translation second (ZH EN)",
                en.name, zh.name
            )));
        }
        (Lang::En, _) => {
            input_notes.push(format!("{}: this does not look like Chinese text", zh.name))
        }
        (_, Lang::Zh) => {
            input_notes.push(format!("{}: this does not look like English text", en.name))
        }
        _ => {}
    }
    require_languages(&zh, &en)?;
    observe(Stage::Segmenting);
    let words = &resources.words;
    let presplit = options.presplit;
    let cut = move |side: Side, lang| match presplit {
        true => segment::presplit(side.text, lang, words),
        false => segment::segment(side.text, lang, side.format, words),
    };
    let (zh_name, en_name) = (zh.name.clone(), en.name.clone());
    // One side per thread: tokenising is most of the work.
    let (mut zh_doc, mut en_doc) = std::thread::scope(|s| {
        let zh_doc = s.spawn(move || cut(zh, Lang::Zh));
        let en_doc = cut(en, Lang::En);
        (zh_doc.join().expect("segmenter thread"), en_doc)
    });
    // A document's own warnings (a sentence cut for length) say which file they are of.
    for (doc, name) in [(&mut zh_doc, &zh_name), (&mut en_doc, &en_name)] {
        for w in &mut doc.warnings {
            *w = format!("{name}: {w}");
        }
    }
    if zh_doc.units.is_empty() {
        return Err(Error::input(zh_name, "no sentences found"));
    }
    if en_doc.units.is_empty() {
        return Err(Error::input(en_name, "no sentences found"));
    }
    observe(Stage::Aligning(zh_doc.units.len(), en_doc.units.len()));
    let bitext = align::align(zh_doc, en_doc, resources, &options.align);
    Ok(Aligned {
        bitext,
        input_notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_sides_are_a_usage_error() {
        let resources = Resources::default_embedded().unwrap();
        let zh = Side::text("a.txt", "We uphold multilateralism.\n");
        let en = Side::text("b.txt", "我们坚持多边主义。\n");
        let err = align_texts(zh, en, &resources, &PairOptions::default())
            .err()
            .expect("refused");
        assert!(matches!(err, Error::Usage(_)), "{err}");
        assert!(err.to_string().contains("a.txt looks English"), "{err}");
    }

    #[test]
    fn a_side_without_sentences_is_named() {
        let resources = Resources::default_embedded().unwrap();
        let zh = Side::text("zh.txt", "我们坚持多边主义。\n");
        let en = Side::text("en.txt", "");
        let options = PairOptions {
            presplit: true,
            ..PairOptions::default()
        };
        let err = align_texts(zh, en, &resources, &options)
            .err()
            .expect("refused");
        assert_eq!(err.to_string(), "en.txt: no sentences found");
    }
}
