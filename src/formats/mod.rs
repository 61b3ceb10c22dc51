//! Output and interchange formats: aligned pairs as TSV, JSONL, TMX 1.4b, Moses text
//! and gold-style beads; reading aligned files back ([`aligned`]).

pub mod aligned;
pub mod glossary;
pub mod html;
pub mod links;

use std::io::{self, Write};

use serde::Serialize;

use crate::align::Bitext;

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A TSV cell: tabs and line breaks would break the row, so they become spaces.
pub fn tsv_cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
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
        serde_json::to_writer(&mut *out, &rec)?;
        writeln!(out)?;
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

/// TMX 1.4b: one `tu` per bead with both sides, score and section as `prop`s.
pub fn write_tmx(bt: &Bitext, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="bitext" creationtoolversion="{}" segtype="sentence" o-tmf="bitext" adminlang="en-US" srclang="zh-CN" datatype="plaintext"/>"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "  <body>")?;
    for (id, b) in bt
        .beads
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.zh.is_empty() && !b.en.is_empty())
    {
        writeln!(out, r#"    <tu tuid="{id}">"#)?;
        writeln!(
            out,
            r#"      <prop type="x-bitext-score">{:.3}</prop>"#,
            b.score
        )?;
        if !b.section.is_empty() {
            writeln!(
                out,
                r#"      <prop type="x-bitext-section">{}</prop>"#,
                xml_escape(&b.section.join(" > "))
            )?;
        }
        writeln!(
            out,
            r#"      <tuv xml:lang="zh-CN"><seg>{}</seg></tuv>"#,
            xml_escape(&bt.zh_text(b))
        )?;
        writeln!(
            out,
            r#"      <tuv xml:lang="en-US"><seg>{}</seg></tuv>"#,
            xml_escape(&bt.en_text(b))
        )?;
        writeln!(out, "    </tu>")?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")?;
    Ok(())
}
