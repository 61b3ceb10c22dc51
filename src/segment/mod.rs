//! Segmenter: text -> [`Document`], a tree of sections holding paragraphs holding
//! sentences, each unit with its byte span in the source text and its word tokens.
//!
//! Headings are units of their own (`UnitKind::Heading`) so that the aligner can pair
//! them like sentences; each heading opens a [`Section`] with a normalised numbering
//! [`Label`] (一 -> 1, iv -> 4, (c) -> 3) and a level that follows the nesting order of
//! numbering styles in the document, so that 一、 and I. land at the same depth.
//!
//! ```
//! use bitext::segment::{segment, Lang, TextFormat};
//! let doc = segment("一、总体要求\n我们坚持开放合作。我们反对保护主义。\n".into(), Lang::Zh, TextFormat::Plain);
//! assert!(doc.units.len() >= 2);
//! ```

pub mod words;

use serde::Serialize;

/// Language of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Guess the language from the script: Han characters against Latin letters.
    pub fn detect(text: &str) -> Lang {
        let (mut han, mut latin) = (0usize, 0usize);
        for c in text.chars().take(20_000) {
            if words::is_han(c) {
                han += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        // A Chinese character carries about as much as a 3-4 letter English word.
        if han * 3 >= latin { Lang::Zh } else { Lang::En }
    }
}

/// How the decoded text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    /// Markdown: `#` headings give section levels.
    Markdown,
}

/// A segmented document. `units` (headings and sentences) are in document order and
/// are what the aligner pairs; `sections[0]` is the root (the whole document).
#[derive(Clone, Debug)]
pub struct Document {
    pub lang: Lang,
    /// The decoded text (line breaks normalised to LF). Spans index into it.
    pub text: String,
    pub sections: Vec<Section>,
    pub units: Vec<Unit>,
}

/// A numbered (or titled) part of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub parent: Option<usize>,
    /// 0 for the root; 1 for top-level parts, and so on.
    pub level: usize,
    pub label: Option<Label>,
    /// Index into `Document::units` of the heading that opened the section.
    pub heading: Option<usize>,
}

/// A numbering label as written (`（三）`, `(iii)`) and its value (3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub raw: String,
    /// Numbering style, e.g. `zh-num-dun` for 一、 or `roman-dot` for I.; levels are
    /// assigned per style in the order styles first nest in the document.
    pub style: String,
    pub number: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Heading,
    Sentence,
}

/// A heading or a sentence: the unit of alignment.
#[derive(Clone, Debug)]
pub struct Unit {
    pub kind: UnitKind,
    /// Byte span in `Document::text`.
    pub start: usize,
    pub end: usize,
    /// Index into `Document::sections` of the innermost section holding the unit.
    pub section: usize,
    /// 0-based paragraph number in the document.
    pub paragraph: usize,
    pub tokens: Vec<words::Token>,
}

impl Document {
    /// The exact source text of unit `i`.
    pub fn unit_text(&self, i: usize) -> &str {
        let u = &self.units[i];
        &self.text[u.start..u.end]
    }

    /// The token's source text.
    pub fn token_text(&self, t: &words::Token) -> &str {
        &self.text[t.start..t.end]
    }

    /// Labels (raw) of the sections from the root down to `section`, root excluded.
    pub fn section_path(&self, section: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = Some(section);
        while let Some(s) = cur {
            let sec = &self.sections[s];
            if sec.parent.is_some() {
                let name = match (&sec.label, sec.heading) {
                    (Some(l), _) => l.raw.trim().to_string(),
                    (None, Some(h)) => self.unit_text(h).chars().take(24).collect(),
                    (None, None) => String::new(),
                };
                path.push(name);
            }
            cur = sec.parent;
        }
        path.reverse();
        path
    }
}

/// Segment running text into sections, paragraphs and sentences.
pub fn segment(text: String, lang: Lang, _format: TextFormat) -> Document {
    let mut units = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if !body.trim().is_empty() {
            for (s, e) in split_sentences_simple(body, lang) {
                let (start, end) = (offset + s, offset + e);
                units.push(Unit {
                    kind: UnitKind::Sentence,
                    start,
                    end,
                    section: 0,
                    paragraph,
                    tokens: words::tokenize(&text[start..end], start, lang),
                });
            }
            paragraph += 1;
        }
        offset += line.len();
    }
    Document {
        lang,
        text,
        sections: vec![Section::default()],
        units,
    }
}

fn split_sentences_simple(line: &str, lang: Lang) -> Vec<(usize, usize)> {
    let enders: &[char] = match lang {
        Lang::Zh => &['。', '！', '？', '!', '?'],
        Lang::En => &['.', '!', '?'],
    };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if enders.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '”' | '"' | '’' | '」' | '）' | ')') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let boundary = lang == Lang::Zh || chars.peek().is_none_or(|&(_, d)| d == ' ');
            if boundary {
                push_trimmed(line, start, end, &mut spans);
                start = end;
            }
        }
    }
    push_trimmed(line, start, line.len(), &mut spans);
    spans
}

fn push_trimmed(line: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push((start + lead, end - trail));
    }
}

/// Pre-split input: line i is sentence i (empty lines included), one root section.
pub fn presplit(text: String, lang: Lang) -> Document {
    let mut units = Vec::new();
    let mut offset = 0;
    let body = text.strip_suffix('\n').unwrap_or(&text);
    let lines: Vec<&str> = if body.is_empty() {
        Vec::new()
    } else {
        body.split('\n').collect()
    };
    for (i, line) in lines.iter().enumerate() {
        let (start, end) = (offset, offset + line.len());
        units.push(Unit {
            kind: UnitKind::Sentence,
            start,
            end,
            section: 0,
            paragraph: i,
            tokens: words::tokenize(line, start, lang),
        });
        offset = end + 1;
    }
    Document {
        lang,
        text,
        sections: vec![Section::default()],
        units,
    }
}
