//! Output and interchange formats: aligned pairs as TSV, JSONL, TMX 1.4b, Moses text
//! and gold-style beads; reading aligned files back ([`aligned`]) and the bilingual
//! files of CAT tools ([`xliff`]).

pub mod aligned;
pub mod glossary;
pub mod html;
pub mod links;
pub mod xliff;

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use crate::align::Bitext;
use crate::script::{escape_controls, is_unsafe_control};
use crate::segment::Lang;

/// Text with the characters XML 1.0 forbids replaced (section 2.2, `Char`): C0
/// controls but tab, LF and CR become spaces, U+FFFE and U+FFFF become U+FFFD. (A Rust
/// string holds no unpaired surrogate.) Every text written into XML passes here, or an
/// XML parser rejects the whole file.
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    let forbidden = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !s.chars().any(forbidden) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
                c if forbidden(c) => ' ',
                c => c,
            })
            .collect(),
    )
}

/// Escape text for XML content and attribute values (characters XML forbids replaced,
/// see [`xml_chars`]).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in xml_chars(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A TSV cell (or Moses line): tabs and line breaks would break the row, so they become
/// spaces (the Unicode ones too, which Python's `splitlines` and others break at), and
/// control characters are written visibly ([`escape_controls`]): TSV has no escape
/// of its own, and a terminal showing the file must not run what a document smuggled in.
pub fn tsv_cell(s: &str) -> String {
    const BREAKS: [char; 8] = [
        '\t', '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
    ];
    escape_controls(&s.replace(BREAKS, " ")).into_owned()
}

/// serde_json's formatter, also writing C1 controls, DEL and the bidirectional controls
/// as `\uXXXX` (serde_json escapes only C0 ones): the line stays the same JSON, and
/// no longer steers a terminal that shows it.
struct TerminalSafeJson;

impl serde_json::ser::Formatter for TerminalSafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe_control(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// One JSON value on one line, every control character escaped (see
/// [`TerminalSafeJson`]).
pub fn write_json_line<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut json = serde_json::Serializer::with_formatter(&mut *out, TerminalSafeJson);
    value.serialize(&mut json).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The language tags written into interchange files (TMX, TBX, XLIFF) and which
/// document is the original (TMX `srclang`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangTags {
    pub zh: String,
    pub en: String,
    /// The original document's language; the other is the translation.
    pub source: Lang,
}

impl Default for LangTags {
    fn default() -> Self {
        LangTags {
            zh: "zh-CN".into(),
            en: "en-US".into(),
            source: Lang::Zh,
        }
    }
}

impl LangTags {
    /// Tags checked: each a language tag (`zh-TW`, `en-GB`, `zh-Hans-CN`) of its own
    /// language, so the file reads back ([`aligned::tmx_lang`]).
    pub fn new(zh: &str, en: &str, source: Lang) -> crate::Result<LangTags> {
        for (tag, lang, what) in [(zh, Lang::Zh, "Chinese"), (en, Lang::En, "English")] {
            let well_formed = !tag.is_empty()
                && tag.split('-').all(|part| {
                    (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
                });
            if !well_formed || aligned::tmx_lang(tag) != Some(lang) {
                return Err(crate::Error::usage(format!(
                    "{tag:?} is not a language tag for {what} (like zh-CN, zh-TW / en-US, en-GB)"
                )));
            }
        }
        Ok(LangTags {
            zh: zh.to_string(),
            en: en.to_string(),
            source,
        })
    }

    /// The original document's tag.
    pub fn source_tag(&self) -> &str {
        match self.source {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// `zh  en  score  section`, one row per bead, with a header row.
pub fn write_tsv(bt: &Bitext, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "zh\ten\tscore\tsection")?;
    for b in &bt.beads {
        writeln!(
            out,
            "{}\t{}\t{:.3}\t{}",
            tsv_cell(&bt.zh_text(b)),
            tsv_cell(&bt.en_text(b)),
            b.score,
            tsv_cell(&b.section.join(" > "))
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonBead<'a> {
    id: usize,
    zh_ids: &'a [usize],
    en_ids: &'a [usize],
    zh: String,
    en: String,
    score: f64,
    section: &'a [String],
}

/// One JSON object per bead.
pub fn write_jsonl(bt: &Bitext, out: &mut dyn Write) -> io::Result<()> {
    for (id, b) in bt.beads.iter().enumerate() {
        let rec = JsonBead {
            id,
            zh_ids: &b.zh,
            en_ids: &b.en,
            zh: bt.zh_text(b),
            en: bt.en_text(b),
            score: (b.score * 1000.0).round() / 1000.0,
            section: &b.section,
        };
        write_json_line(&rec, out)?;
    }
    Ok(())
}

/// Format one bead as the gold files do: `[0, 1]:[2]`.
pub fn format_bead(zh: &[usize], en: &[usize]) -> String {
    let list = |v: &[usize]| {
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]", list(zh), list(en))
}

/// The gold format: `[0, 1]:[2]`, one bead per line.
pub fn write_beads(bt: &Bitext, out: &mut dyn Write) -> io::Result<()> {
    for b in &bt.beads {
        writeln!(out, "{}", format_bead(&b.zh, &b.en))?;
    }
    Ok(())
}

/// Moses parallel text: line-aligned Chinese and English, beads with one side empty left out.
pub fn write_moses(bt: &Bitext, zh_out: &mut dyn Write, en_out: &mut dyn Write) -> io::Result<()> {
    for b in bt
        .beads
        .iter()
        .filter(|b| !b.zh.is_empty() && !b.en.is_empty())
    {
        writeln!(zh_out, "{}", tsv_cell(&bt.zh_text(b)))?;
        writeln!(en_out, "{}", tsv_cell(&bt.en_text(b)))?;
    }
    Ok(())
}

/// TMX 1.4b: one `tu` per bead with both sides, score and section as `prop`s, the
/// languages as `tags` say (`srclang` is the original's). Written with quick-xml (which
/// escapes markup), every text through [`xml_chars`].
pub fn write_tmx(bt: &Bitext, tags: &LangTags, out: &mut dyn Write) -> io::Result<()> {
    let mut x = IndentedXml {
        xml: quick_xml::Writer::new(out),
    };
    x.xml
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.open(0, "tmx", &[("version", "1.4")])?;
    x.line(2)?;
    let version = env!("CARGO_PKG_VERSION");
    x.xml
        .write_event(Event::Empty(BytesStart::new("header").with_attributes([
            ("creationtool", "bitext"),
            ("creationtoolversion", version),
            ("segtype", "sentence"),
            ("o-tmf", "bitext"),
            ("adminlang", "en-US"),
            ("srclang", &xml_chars(tags.source_tag())),
            ("datatype", "plaintext"),
        ])))?;
    x.open(2, "body", &[])?;
    for (id, b) in bt
        .beads
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.zh.is_empty() && !b.en.is_empty())
    {
        x.open(4, "tu", &[("tuid", id.to_string().as_str())])?;
        let score = format!("{:.3}", b.score);
        x.leaf(6, "prop", &[("type", "x-bitext-score")], &score)?;
        if !b.section.is_empty() {
            let section = b.section.join(" > ");
            x.leaf(6, "prop", &[("type", "x-bitext-section")], &section)?;
        }
        for (tag, text) in [(&tags.zh, bt.zh_text(b)), (&tags.en, bt.en_text(b))] {
            x.open(6, "tuv", &[("xml:lang", tag.as_str())])?;
            x.element("seg", &[], &text)?;
            x.xml.write_event(Event::End(BytesEnd::new("tuv")))?;
        }
        x.close(4, "tu")?;
    }
    x.close(2, "body")?;
    x.close(0, "tmx")?;
    x.line(0)
}

/// A quick-xml writer laying XML (TMX, TBX) out one element per line, indented as
/// people read it.
pub(crate) struct IndentedXml<'w> {
    pub(crate) xml: quick_xml::Writer<&'w mut dyn Write>,
}

impl IndentedXml<'_> {
    /// A line break and `indent` spaces: quick-xml's own indenting would also break
    /// `<sourceDesc><p>`.
    pub(crate) fn line(&mut self, indent: usize) -> io::Result<()> {
        write!(self.xml.get_mut(), "\n{:indent$}", "")
    }

    pub(crate) fn open(
        &mut self,
        indent: usize,
        name: &str,
        attributes: &[(&str, &str)],
    ) -> io::Result<()> {
        self.line(indent)?;
        self.xml.write_event(Event::Start(
            BytesStart::new(name).with_attributes(attributes.iter().copied()),
        ))
    }

    pub(crate) fn close(&mut self, indent: usize, name: &str) -> io::Result<()> {
        self.line(indent)?;
        self.xml.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attributes>text</name>`, the text escaped by quick-xml (and its
    /// characters XML forbids replaced, [`xml_chars`]).
    pub(crate) fn element(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.xml.write_event(Event::Start(
            BytesStart::new(name).with_attributes(attributes.iter().copied()),
        ))?;
        self.xml
            .write_event(Event::Text(BytesText::new(&xml_chars(text))))?;
        self.xml.write_event(Event::End(BytesEnd::new(name)))
    }

    /// [`IndentedXml::element`] on a line of its own.
    pub(crate) fn leaf(
        &mut self,
        indent: usize,
        name: &str,
        attributes: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.line(indent)?;
        self.element(name, attributes, text)
    }
}

#[cfg(test)]
mod tests {
    use super::tsv_cell;

    #[test]
    fn a_cell_keeps_to_one_line_for_every_reader() {
        // Python's splitlines breaks at all of these; a Moses line must not.
        let cell = tsv_cell("a\tb\nc\u{85}d\u{2028}e\u{2029}f\u{0b}g\u{0c}h\u{1b}[31m");
        assert_eq!(cell, "a b c d e f g h<U+001B>[31m");
    }
}
