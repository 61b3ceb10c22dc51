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
}

impl Side {
    /// Plain text under a name.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Side {
        Side {
            name: name.into(),
            text: text.into(),
            format: TextFormat::Plain,
        }
    }

    /// Read and decode a document (`-` for stdin); .docx and Markdown keep their
    /// headings ([`read::read_document`]).
    pub fn read(path: &str) -> Result<Side> {
        let (text, format) = read::read_document(path)?;
        Ok(Side {
            name: path.to_string(),
            text,
            format,
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
        let mean = self.mean_confidence();
        (mean < UNRELATED_MEAN_CONFIDENCE).then(|| {
            format!(
                "mean bead confidence is {mean:.2}: these documents may not be translations of each other"
            )
        })
    }
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
    let mut input_notes = Vec::new();
    match (Lang::detect(&zh.text), Lang::detect(&en.text)) {
        (Lang::En, Lang::Zh) => {
            return Err(Error::usage(format!(
                "{} looks English and {} Chinese: the Chinese document comes first (ZH EN)",
                zh.name, en.name
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
    observe(Stage::Segmenting);
    let words = &resources.words;
    let presplit = options.presplit;
    let cut = move |side: Side, lang| match presplit {
        true => segment::presplit(side.text, lang, words),
        false => segment::segment(side.text, lang, side.format, words),
    };
    let (zh_name, en_name) = (zh.name.clone(), en.name.clone());
    // One side per thread: tokenising is most of the work.
    let (zh_doc, en_doc) = std::thread::scope(|s| {
        let zh_doc = s.spawn(move || cut(zh, Lang::Zh));
        let en_doc = cut(en, Lang::En);
        (zh_doc.join().expect("segmenter thread"), en_doc)
    });
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
