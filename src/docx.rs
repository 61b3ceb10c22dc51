//! Reader for Word documents (.docx): paragraphs, their heading styles and tables, as
//! Markdown text that the segmenter reads with [`TextFormat::Markdown`].
//!
//! A .docx file is a zip archive of XML parts. [`docx_to_markdown`] opens `word/document.xml`
//! and resolves each paragraph's style through `word/styles.xml`: a style named
//! "heading 1".."heading 6" (any case, as Word writes it), a Chinese "标题 1".."标题 6",
//! or one with an outline level (`w:outlineLvl`, also when inherited through
//! `w:basedOn`) makes the paragraph a heading, written as `#`, `##`, `###`... by level,
//! so the section levels come from the styles. Other paragraphs become one line each
//! (a line break inside a sentence is read as a wrapped line of plain text is:
//! [`crate::line_breaks`]); a table becomes one line per row, cells separated by a tab.
//!
//! Untrusted input: the archive may hold at most [`Limits::max_entries`] entries, and at
//! most [`Limits::max_total_bytes`] are decompressed in all, counted while reading (the
//! sizes in the zip headers are not trusted). The XML parts may not carry a DTD
//! (`<!DOCTYPE`), so no entity, external or internal, is ever resolved or expanded;
//! quick-xml itself only knows the five predefined entities and character references.
//!
//! [`crate::read::read_document`] calls it for .docx files (and zip data on stdin).
//!
//! ```no_run
//! use bitext::docx::{docx_to_markdown, Limits};
//! let bytes = std::fs::read("report.docx").unwrap();
//! let markdown = docx_to_markdown(&bytes, "report.docx", Limits::default())?;
//! assert!(markdown.lines().any(|l| l.starts_with('#')));
//! # Ok::<(), bitext::Error>(())
//! ```

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};
use crate::line_breaks::join_line_breaks;

/// How much of an archive bitext is willing to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive (Word writes a dozen or so; images add one each).
    pub max_entries: usize,
    /// Bytes decompressed over all parts read.
    pub max_total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_total_bytes: 64 << 20,
        }
    }
}

/// The first bytes of every zip archive (a local file header).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Whether bytes look like a zip archive (and so possibly a .docx).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// What a zip archive without `word/document.xml` is, from the parts it holds.
fn not_a_word_archive(archive: &zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let has = |archive: &zip::ZipArchive<Cursor<&[u8]>>, part: &str| {
        archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(part)))
    };
    let kind = if has(archive, "xl/workbook.xml") {
        "an Excel workbook (.xlsx)"
    } else if has(archive, "ppt/presentation.xml") {
        "a PowerPoint presentation (.pptx)"
    } else if has(archive, "content.xml") && has(archive, "mimetype") {
        "an OpenDocument file (.odt/.ods): save it as .docx"
    } else if has(archive, "META-INF/container.xml") {
        "an EPUB book"
    } else {
        "a zip archive"
    };
    format!("this is {kind}, not a Word document (no word/document.xml)")
}

/// One paragraph of a document: its text and, for headings, its level (1 = top).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub level: Option<usize>,
}

/// The paragraphs of a .docx archive as Markdown: headings as `#` lines by level, every
/// other paragraph and every table row one line. `name` is used in error messages.
pub fn docx_to_markdown(bytes: &[u8], name: &str, limits: Limits) -> Result<String> {
    let paragraphs = docx_paragraphs(bytes, name, limits)?;
    let mut out = String::new();
    for p in &paragraphs {
        if let Some(level) = p.level {
            out.push_str(&"#".repeat(level.clamp(1, 6)));
            out.push(' ');
        }
        out.push_str(&p.text);
        out.push('\n');
    }
    if out.trim().is_empty() {
        return Err(Error::input(name, "the .docx document has no text"));
    }
    Ok(out)
}

/// The paragraphs (and table rows) of a .docx archive, in document order, empty ones
/// left out.
pub fn docx_paragraphs(bytes: &[u8], name: &str, limits: Limits) -> Result<Vec<Paragraph>> {
    let bad = |msg: String| Error::input(name, format!("not a readable .docx file: {msg}"));
    if let Some(kind) = crate::signatures::ole2_kind(bytes) {
        return Err(Error::input(name, format!("this is {kind}")));
    }
    if !is_zip(bytes) {
        if bytes.is_empty() {
            return Err(Error::input(name, "the file is empty"));
        }
        return Err(match crate::signatures::binary_kind(bytes) {
            Some(kind) => bad(format!("this is {kind}")),
            None => bad("not a zip archive".into()),
        });
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("broken zip: {e}")))?;
    if archive.len() > limits.max_entries {
        return Err(Error::input(
            name,
            format!(
                "the .docx archive has {} entries, more than the {} allowed",
                archive.len(),
                limits.max_entries
            ),
        ));
    }
    let mut budget = limits.max_total_bytes;
    let Some(document) = read_part(&mut archive, "word/document.xml", &mut budget, name)? else {
        return Err(Error::input(name, not_a_word_archive(&archive)));
    };
    let styles = match read_part(&mut archive, "word/styles.xml", &mut budget, name)? {
        Some(xml) => parse_styles(&xml, name)?,
        None => Styles::default(),
    };
    let mut paragraphs = parse_part(&document, &styles, name, "word/document.xml")?;
    // Footnotes and endnotes after the body, as the PDF reader puts a page's footnotes:
    // a translation has them too, and the aligner pairs them there.
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = read_part(&mut archive, part, &mut budget, name)? {
            paragraphs.extend(parse_part(&xml, &styles, name, part)?);
        }
    }
    Ok(paragraphs)
}

/// Decompress one part, counting its bytes against `budget` as they come, and decode it.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    part: &str,
    budget: &mut u64,
    name: &str,
) -> Result<Option<String>> {
    // Part names are case-insensitive in OPC packages.
    let Some(index) = archive.index_for_name(part).or_else(|| {
        archive
            .file_names()
            .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(part)))
    }) else {
        return Ok(None);
    };
    let file = archive
        .by_index(index)
        .map_err(|e| Error::input(name, format!("not a readable .docx file: {part}: {e}")))?;
    let mut buf = Vec::new();
    // One byte more than the budget tells an oversized part from one that just fits.
    file.take(budget.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::input(name, format!("not a readable .docx file: {part}: {e}")))?;
    if buf.len() as u64 > *budget {
        return Err(Error::input(
            name,
            format!(
                "the .docx archive decompresses to more than {} MiB (at {part}); refused as a possible zip bomb",
                (*budget + (1 << 20) - 1) >> 20
            ),
        ));
    }
    *budget -= buf.len() as u64;
    decode_xml(&buf)
        .map(Some)
        .ok_or_else(|| Error::input(name, format!("{part} is not UTF-8 or UTF-16 text")))
}

/// XML parts are UTF-8, or UTF-16 with a byte-order mark.
fn decode_xml(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (!had_errors).then(|| text.into_owned());
    }
    String::from_utf8(bytes.to_vec()).ok()
}

/// Paragraph styles: style id -> heading level, and the parent of each style.
#[derive(Default, Debug)]
struct Styles {
    own_level: HashMap<String, usize>,
    based_on: HashMap<String, String>,
}

impl Styles {
    /// The heading level of a style id, through its `basedOn` chain (cycles end it).
    fn level(&self, id: &str) -> Option<usize> {
        let mut id = id;
        for _ in 0..16 {
            if let Some(&l) = self.own_level.get(id) {
                return Some(l);
            }
            id = self.based_on.get(id)?;
        }
        None
    }

    /// A paragraph's level from its style id; without styles.xml, ids like `Heading1`
    /// still count.
    fn level_of_id(&self, id: &str) -> Option<usize> {
        self.level(id).or_else(|| {
            if self.own_level.is_empty() && self.based_on.is_empty() {
                heading_level_from_name(id)
            } else {
                None
            }
        })
    }
}

/// "heading 1", "Heading2", "标题 3", "heading1" -> level.
fn heading_level_from_name(name: &str) -> Option<usize> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let level: usize = rest.parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

/// `w:val` (or `val`) of an element.
fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

/// An attribute by local name, unescaped.
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

/// `w:outlineLvl w:val="0"` is the top level; 9 means body text.
fn outline_level(e: &BytesStart) -> Option<usize> {
    let v: usize = val(e)?.trim().parse().ok()?;
    (v < 9).then_some(v + 1)
}

fn xml_error(
    name: &str,
    part: &str,
    reader: &quick_xml::Reader<&[u8]>,
    e: impl std::fmt::Display,
) -> Error {
    Error::input(
        name,
        format!(
            "not a readable .docx file: {part}: at byte {}: {e}",
            reader.buffer_position()
        ),
    )
}

fn no_dtd(name: &str, part: &str) -> Error {
    Error::input(
        name,
        format!(
            "not a readable .docx file: {part} has a DTD (<!DOCTYPE>), which Word never writes; refused"
        ),
    )
}

fn parse_styles(xml: &str, name: &str) -> Result<Styles> {
    const PART: &str = "word/styles.xml";
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut styles = Styles::default();
    // The style being read: id, whether it is a paragraph style, name level, outline level.
    let mut current: Option<(String, Option<usize>, Option<usize>)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(name, PART, &reader, e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    let is_para = attr(e, b"type").is_none_or(|t| t == "paragraph");
                    current = match (is_para, attr(e, b"styleId")) {
                        (true, Some(id)) => Some((id, None, None)),
                        _ => None,
                    };
                    if matches!(event, Event::Empty(_)) {
                        current = None;
                    }
                }
                b"name" => {
                    if let Some((_, name_level, _)) = &mut current {
                        *name_level = val(e).as_deref().and_then(heading_level_from_name);
                    }
                }
                b"basedOn" => {
                    if let (Some((id, _, _)), Some(parent)) = (&current, val(e)) {
                        styles.based_on.insert(id.clone(), parent);
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, _, outline)) = &mut current {
                        *outline = outline_level(e);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, name_level, outline)) = current.take()
                    && let Some(level) = name_level.or(outline)
                {
                    styles.own_level.insert(id, level);
                }
            }
            Event::DocType(_) => return Err(no_dtd(name, PART)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// One open paragraph while reading `document.xml`.
#[derive(Default)]
struct OpenParagraph {
    text: String,
    style: Option<String>,
    outline: Option<usize>,
}

/// One open table row: its cells' texts.
#[derive(Default)]
struct OpenRow {
    cells: Vec<String>,
}

/// The paragraphs of a part of paragraphs (the document, its footnotes or endnotes;
/// their separators hold no text and are left out with the other empty paragraphs).
fn parse_part(xml: &str, styles: &Styles, name: &str, part: &str) -> Result<Vec<Paragraph>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    // Paragraphs nest (a text box inside a run holds paragraphs of its own).
    let mut paragraphs: Vec<OpenParagraph> = Vec::new();
    let mut rows: Vec<OpenRow> = Vec::new();
    let mut in_text = false;
    let mut in_ppr = 0usize;
    // In a run whose text is a note's own reference mark (`customMarkFollows`): Word
    // writes other marks as a bare `w:footnoteReference`, which has no text.
    let mut custom_mark = false;
    // Depth inside a subtree whose text is not document text: the fallback copy of
    // drawn content, deleted text, field instructions.
    let mut skip = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(name, part, &reader, e))?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match local.as_ref() {
                    b"Fallback" | b"delText" | b"instrText" | b"del" => skip = 1,
                    b"p" => paragraphs.push(OpenParagraph::default()),
                    b"pPr" => in_ppr += 1,
                    b"t" => in_text = true,
                    b"tr" => rows.push(OpenRow::default()),
                    b"tc" => {
                        if let Some(row) = rows.last_mut() {
                            row.cells.push(String::new());
                        }
                    }
                    _ => paragraph_property(&e, in_ppr, &mut paragraphs),
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                match e.local_name().as_ref() {
                    b"tab" if in_ppr == 0 => push_text(&mut paragraphs, "\t"),
                    // A page or column break starts the text anew; a line break (the
                    // default type) is resolved with the paragraph (crate::line_breaks).
                    b"br"
                        if in_ppr == 0
                            && attr(&e, b"type").is_some_and(|t| t == "page" || t == "column") =>
                    {
                        push_text(&mut paragraphs, "\n\n")
                    }
                    b"br" | b"cr" if in_ppr == 0 => push_text(&mut paragraphs, "\n"),
                    b"noBreakHyphen" => push_text(&mut paragraphs, "\u{2011}"),
                    b"footnoteReference" | b"endnoteReference" => {
                        custom_mark = attr(&e, b"customMarkFollows")
                            .is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"));
                    }
                    b"tc" => {
                        if let Some(row) = rows.last_mut() {
                            row.cells.push(String::new());
                        }
                    }
                    _ => paragraph_property(&e, in_ppr, &mut paragraphs),
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"r" => custom_mark = false,
                    b"pPr" => in_ppr = in_ppr.saturating_sub(1),
                    b"p" => {
                        if let Some(p) = paragraphs.pop() {
                            close_paragraph(p, styles, &mut rows, &mut out);
                        }
                    }
                    b"tr" => {
                        if let Some(row) = rows.pop() {
                            let cells: Vec<&str> = row
                                .cells
                                .iter()
                                .map(|c| c.trim())
                                .filter(|c| !c.is_empty())
                                .collect();
                            if !cells.is_empty() {
                                out.push(Paragraph {
                                    text: cells.join("\t"),
                                    level: None,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 && !custom_mark => {
                let s = t
                    .unescape()
                    .map_err(|e| xml_error(name, part, &reader, e))?;
                push_text(&mut paragraphs, &s);
            }
            Event::CData(t) if in_text && skip == 0 && !custom_mark => {
                push_text(&mut paragraphs, &String::from_utf8_lossy(&t));
            }
            Event::DocType(_) => return Err(no_dtd(name, part)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Note a paragraph's style or outline level (`w:pStyle`, `w:outlineLvl` in `w:pPr`).
fn paragraph_property(e: &BytesStart, in_ppr: usize, paragraphs: &mut [OpenParagraph]) {
    if in_ppr == 0 {
        return;
    }
    let Some(p) = paragraphs.last_mut() else {
        return;
    };
    match e.local_name().as_ref() {
        b"pStyle" => p.style = val(e),
        b"outlineLvl" => p.outline = outline_level(e),
        _ => {}
    }
}

fn push_text(paragraphs: &mut [OpenParagraph], s: &str) {
    if let Some(p) = paragraphs.last_mut() {
        p.text.push_str(s);
    }
}

/// A finished paragraph goes into the open table cell, or out as a line of its own.
fn close_paragraph(
    p: OpenParagraph,
    styles: &Styles,
    rows: &mut [OpenRow],
    out: &mut Vec<Paragraph>,
) {
    let level = p
        .outline
        .or_else(|| p.style.as_deref().and_then(|s| styles.level_of_id(s)));
    // A heading is one line; in body text a line break inside a sentence is a wrap.
    let text = join_line_breaks(&p.text, level.is_some())
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if text.is_empty() {
        return;
    }
    if let Some(cell) = rows.last_mut().and_then(|r| r.cells.last_mut()) {
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&text.replace('\n', " "));
        return;
    }
    out.push(Paragraph { text, level });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs of a `word/document.xml` with default styles.
    fn document(xml: &str) -> Vec<Paragraph> {
        parse_part(xml, &Styles::default(), "x.docx", "word/document.xml").unwrap()
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_level_from_name("heading 1"), Some(1));
        assert_eq!(heading_level_from_name("Heading2"), Some(2));
        assert_eq!(heading_level_from_name("标题 3"), Some(3));
        assert_eq!(heading_level_from_name("标题"), None);
        assert_eq!(heading_level_from_name("Normal"), None);
        assert_eq!(heading_level_from_name("heading 0"), None);
    }

    #[test]
    fn styles_resolve_names_outline_levels_and_inheritance() {
        let xml = r#"<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My head"/><w:basedOn w:val="a3"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>"#;
        let s = parse_styles(xml, "x.docx").unwrap();
        assert_eq!(s.level_of_id("1"), Some(1));
        assert_eq!(s.level_of_id("a3"), Some(2));
        assert_eq!(s.level_of_id("Part"), Some(3));
        assert_eq!(s.level_of_id("MyHead"), Some(2));
        assert_eq!(s.level_of_id("Loop1"), None);
        assert_eq!(s.level_of_id("Heading1Char"), None);
        // With styles.xml present, unknown ids are not guessed from their spelling.
        assert_eq!(s.level_of_id("Heading1"), None);
        assert_eq!(Styles::default().level_of_id("Heading1"), Some(1));
    }

    #[test]
    fn document_paragraphs_tables_and_skipped_text() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、总体</w:t></w:r><w:r><w:t xml:space="preserve"> 要求</w:t></w:r></w:p>
<w:p><w:r><w:t>第一句。</w:t><w:br/><w:t>第二行 &amp; more</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc/><w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p><w:p><w:r><w:t>年</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>"#;
        let ps = document(xml);
        let got: Vec<(&str, Option<usize>)> =
            ps.iter().map(|p| (p.text.as_str(), p.level)).collect();
        assert_eq!(
            got,
            vec![
                ("一、总体 要求", Some(1)),
                ("第一句。\n第二行 & more", None),
                ("Direct", Some(2)),
                ("项目\t2024 年", None),
                ("框", None),
            ]
        );
    }

    #[test]
    fn note_reference_marks_are_not_text() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>The district built twelve pitches</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> last year.</w:t></w:r></w:p>
<w:p><w:r><w:t>全区新建了四座泳池</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r><w:r><w:t>。</w:t></w:r><w:r><w:endnoteReference w:id="3"/></w:r></w:p>
</w:body></w:document>"#;
        let ps = document(xml);
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The district built twelve pitches last year.",
                "全区新建了四座泳池。"
            ]
        );
    }

    #[test]
    fn a_line_break_inside_a_sentence_is_a_wrap() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>The old grain store on the river road</w:t><w:br/></w:r><w:r><w:t xml:space="preserve"> now houses a library with three reading rooms.</w:t></w:r></w:p>
<w:p><w:r><w:t>在河西区，一座停用多年的粮仓</w:t><w:br w:type="textWrapping"/><w:t>变成了一座有三层阅览室、两百个座位的社区图书馆。</w:t></w:r></w:p>
<w:p><w:r><w:t>河西区图书馆</w:t><w:br/><w:t>柳树路12号</w:t></w:r></w:p>
<w:p><w:r><w:t>The first chapter of the report ends in the middle of</w:t><w:br w:type="page"/><w:t>a line that the writer broke by hand.</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>河西区</w:t><w:br/><w:t>社区图书馆</w:t></w:r></w:p>
</w:body></w:document>"#;
        let ps = document(xml);
        let got: Vec<(&str, Option<usize>)> =
            ps.iter().map(|p| (p.text.as_str(), p.level)).collect();
        assert_eq!(
            got,
            [
                (
                    "The old grain store on the river road now houses a library with three reading rooms.",
                    None
                ),
                (
                    "在河西区，一座停用多年的粮仓变成了一座有三层阅览室、两百个座位的社区图书馆。",
                    None
                ),
                ("河西区图书馆\n柳树路12号", None),
                (
                    "The first chapter of the report ends in the middle of\na line that the writer broke by hand.",
                    None
                ),
                ("河西区社区图书馆", Some(1)),
            ]
        );
    }

    #[test]
    fn dtd_and_unknown_entities_are_refused() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
        let err = parse_part(xml, &Styles::default(), "x.docx", "word/document.xml").unwrap_err();
        assert!(err.to_string().contains("DTD"), "{err}");
        let xml =
            r#"<w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
        let err = parse_part(xml, &Styles::default(), "x.docx", "word/document.xml").unwrap_err();
        assert!(err.to_string().starts_with("x.docx"), "{err}");
    }

    #[test]
    fn not_a_zip() {
        let err = docx_to_markdown(b"hello", "x.docx", Limits::default()).unwrap_err();
        assert!(err.to_string().contains("not a zip"), "{err}");
        let err = docx_to_markdown(b"PK\x03\x04junk", "x.docx", Limits::default()).unwrap_err();
        assert!(err.to_string().starts_with("x.docx"), "{err}");
    }
}
