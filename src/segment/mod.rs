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

pub mod heading;
pub mod sentence;
pub mod words;

use std::sync::LazyLock;

use regex::Regex;
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

/// Segment running text into sections, paragraphs and sentences. Each non-empty line
/// is a paragraph; a heading is always one whole line.
pub fn segment(text: String, lang: Lang, format: TextFormat) -> Document {
    let mut b = Builder {
        lang,
        sections: vec![Section::default()],
        open: Vec::new(),
        units: Vec::new(),
        numbering: heading::Numbering::default(),
        paragraph: 0,
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = offset + (body.len() - body.trim_start().len());
            b.line(&text, start, start + trimmed.len(), format);
            b.paragraph += 1;
        }
        offset += line.len();
    }
    Document {
        lang,
        text,
        sections: b.sections,
        units: b.units,
    }
}

/// Label styles that name a division (Chapter 2, Part I): never a numbered paragraph.
const DIVISION_STYLES: &[&str] = &["part", "chapter", "section", "book", "appendix"];

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})(?:\s+|$)").expect("valid regex"));
static MD_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:>\s*)*(?:[-*+]\s+)?").expect("valid regex"));

struct Builder {
    lang: Lang,
    sections: Vec<Section>,
    /// Open sections, outermost first.
    open: Vec<usize>,
    units: Vec<Unit>,
    numbering: heading::Numbering,
    paragraph: usize,
}

impl Builder {
    fn depth(&self) -> usize {
        self.open.last().map_or(0, |&s| self.sections[s].level)
    }

    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// Open a section at `level`, closing those at that level or deeper.
    fn open_section(&mut self, level: usize, label: Option<Label>, heading: Option<usize>) {
        while self
            .open
            .last()
            .is_some_and(|&s| self.sections[s].level >= level)
        {
            self.open.pop();
        }
        if let Some(l) = &label {
            self.numbering.note(l);
        }
        self.sections.push(Section {
            parent: Some(self.current()),
            level,
            label,
            heading,
        });
        self.open.push(self.sections.len() - 1);
    }

    fn push_unit(&mut self, text: &str, kind: UnitKind, start: usize, end: usize) {
        self.units.push(Unit {
            kind,
            start,
            end,
            section: self.current(),
            paragraph: self.paragraph,
            tokens: words::tokenize(&text[start..end], start, self.lang),
        });
    }

    fn heading(&mut self, text: &str, start: usize, end: usize, level: usize, label: Option<Label>) {
        self.open_section(level, label, Some(self.units.len()));
        self.push_unit(text, UnitKind::Heading, start, end);
    }

    fn sentences(&mut self, text: &str, start: usize, end: usize) {
        for (s, e) in sentence::split(&text[start..end], self.lang) {
            self.push_unit(text, UnitKind::Sentence, start + s, start + e);
        }
    }

    /// One non-empty line, `text[start..end]`, trimmed.
    fn line(&mut self, text: &str, start: usize, end: usize, format: TextFormat) {
        let lang = self.lang;
        let mut start = start;
        if format == TextFormat::Markdown {
            let line = &text[start..end];
            if let Some(c) = MD_HEADING.captures(line) {
                let level = c[1].len();
                let inner = line[c[0].len()..].trim_end_matches('#').trim_end();
                if inner.is_empty() {
                    return;
                }
                let s = start + c[0].len();
                let label = heading::parse_label(inner, lang, &self.numbering).map(|m| m.label);
                self.heading(text, s, s + inner.len(), level, label);
                return;
            }
            // Block quotes and bullets are markup, not text.
            let marker = MD_MARKER.find(line).map_or(0, |m| m.end());
            if marker == line.len() {
                return;
            }
            start += marker;
        }
        let line = &text[start..end];
        if heading::is_date_line(line) || heading::is_byline(line, lang) {
            self.push_unit(text, UnitKind::Sentence, start, end);
            return;
        }
        let label = heading::parse_label(line, lang, &self.numbering).or_else(|| {
            // "1 Academic Freedom": a bare number only before a title.
            (lang == Lang::En)
                .then(|| heading::parse_bare_number(line))
                .flatten()
                .filter(|m| heading::is_title_line(&line[m.len..], lang))
        });
        if let Some(m) = label {
            let rest = &line[m.len..];
            if format == TextFormat::Plain && heading::is_heading_text(rest, lang) {
                let level = self.numbering.level(&m.label.style, self.depth());
                self.heading(text, start, end, level, Some(m.label));
                return;
            }
            // A numbered paragraph (list item): its text stays sentences, its label
            // still opens a section so that the aligner can match numbers.
            if !DIVISION_STYLES.contains(&m.label.style.as_str()) {
                let level = self.numbering.level(&m.label.style, self.depth());
                self.open_section(level, Some(m.label), None);
            }
            self.sentences(text, start, end);
            return;
        }
        if format == TextFormat::Plain && heading::is_title_line(line, lang) {
            let level = self.numbering.level("title", self.depth());
            self.heading(text, start, end, level, None);
            return;
        }
        self.sentences(text, start, end);
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
