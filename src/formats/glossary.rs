//! Writing term pairs: TSV and CSV (one row per pair, header row), TBX-Basic in the
//! martif / TBX v2 form that OmegaT and translate-toolkit read, ISO 30042:2019 TBX v3
//! (`conceptEntry/langSec/termSec`), and JSON. Every text is escaped in the XML forms.

use std::io::{self, Write};

use super::{tsv_cell, xml_escape};
use crate::glossary::{Explained, Rendering, TermPair};

/// Column names of the TSV and CSV outputs.
pub const COLUMNS: [&str; 7] = [
    "zh",
    "en",
    "score",
    "frequency",
    "other_renderings",
    "known",
    "examples",
];

/// `rendering (count); rendering (count)`.
fn renderings_cell(rs: &[Rendering]) -> String {
    rs.iter()
        .map(|r| format!("{} ({})", r.en, r.count))
        .collect::<Vec<_>>()
        .join("; ")
}

fn ids_cell(ids: &[usize]) -> String {
    ids.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn row(t: &TermPair) -> [String; 7] {
    [
        t.zh.clone(),
        t.en.clone(),
        format!("{:.3}", t.score),
        t.frequency.to_string(),
        renderings_cell(&t.renderings),
        if t.known { "yes" } else { "no" }.to_string(),
        ids_cell(&t.examples),
    ]
}

pub fn write_tsv(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join("\t"))?;
    for t in terms {
        write_tsv_row(out, &row(t))?;
    }
    Ok(())
}

fn write_tsv_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| tsv_cell(c)).collect();
    writeln!(out, "{}", cells.join("\t"))
}

/// Column names of the explanation table: every Chinese candidate and what became of it.
pub const EXPLAIN_COLUMNS: [&str; 7] = [
    "zh",
    "en",
    "fate",
    "frequency",
    "own",
    "cooccurrence",
    "other_renderings",
];

/// One row per candidate: its best rendering (empty when it found none), its fate
/// ([`crate::glossary::Fate::name`]), occurrences, C-value, the beads it shares with
/// the rendering, and the other renderings.
pub fn write_explain_tsv(fates: &[Explained], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", EXPLAIN_COLUMNS.join("\t"))?;
    for e in fates {
        let (en, cooccurrence, others) = match &e.pair {
            Some(t) => (
                t.en.clone(),
                t.cooccurrence.to_string(),
                renderings_cell(&t.renderings),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        let cells = [
            e.zh.clone(),
            en,
            e.fate.name().to_string(),
            e.frequency.to_string(),
            e.own.map_or(String::new(), |own| format!("{own:.1}")),
            cooccurrence,
            others,
        ];
        write_tsv_row(out, &cells)?;
    }
    Ok(())
}

pub fn write_csv(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for t in terms {
        w.write_record(row(t))?;
    }
    w.flush()
}

pub fn write_json(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, terms)?;
    writeln!(out)
}

fn pair_note(t: &TermPair) -> String {
    format!(
        "frequency: {}; score: {:.3}; logDice: {:.3}; known: {}; example beads: {}",
        t.frequency,
        t.score,
        t.log_dice,
        if t.known { "yes" } else { "no" },
        ids_cell(&t.examples)
    )
}

fn rendering_note(r: &Rendering) -> String {
    format!(
        "other rendering used {} times; beads: {}",
        r.count,
        ids_cell(&r.beads)
    )
}

/// Element names of the two TBX forms we write; the structure is the same.
struct TbxNames {
    /// Opening tag of the root element, attributes included.
    root_open: &'static str,
    root: &'static str,
    header: &'static str,
    entry: &'static str,
    entry_id: &'static str,
    lang: &'static str,
    term: &'static str,
}

/// TBX-Basic, martif form (TBX v2): one `termEntry` per pair; the best rendering is the
/// preferred term, other renderings follow as admitted terms with their counts.
pub fn write_tbx(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    let names = TbxNames {
        root_open: r#"<martif type="TBX-Basic" xml:lang="en">"#,
        root: "martif",
        header: "martifHeader",
        entry: "termEntry",
        entry_id: "t",
        lang: "langSet",
        term: "tig",
    };
    write_tbx_with(terms, &names, out)
}

/// TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style.
pub fn write_tbx3(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    let names = TbxNames {
        root_open: r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">"#,
        root: "tbx",
        header: "tbxHeader",
        entry: "conceptEntry",
        entry_id: "c",
        lang: "langSec",
        term: "termSec",
    };
    write_tbx_with(terms, &names, out)
}

fn write_tbx_with(terms: &[TermPair], n: &TbxNames, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, "{}", n.root_open)?;
    writeln!(out, "  <{}>", n.header)?;
    writeln!(out, "    <fileDesc>")?;
    writeln!(
        out,
        "      <sourceDesc><p>Extracted by bitext {} from aligned text</p></sourceDesc>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "    </fileDesc>")?;
    writeln!(out, "  </{}>", n.header)?;
    writeln!(out, "  <text>")?;
    writeln!(out, "    <body>")?;
    for (i, t) in terms.iter().enumerate() {
        writeln!(out, r#"      <{} id="{}{}">"#, n.entry, n.entry_id, i + 1)?;
        writeln!(out, "        <note>{}</note>", xml_escape(&pair_note(t)))?;
        writeln!(out, r#"        <{} xml:lang="zh">"#, n.lang)?;
        writeln!(out, "          <{}>", n.term)?;
        writeln!(out, "            <term>{}</term>", xml_escape(&t.zh))?;
        writeln!(out, "          </{}>", n.term)?;
        writeln!(out, "        </{}>", n.lang)?;
        writeln!(out, r#"        <{} xml:lang="en">"#, n.lang)?;
        writeln!(out, "          <{}>", n.term)?;
        writeln!(out, "            <term>{}</term>", xml_escape(&t.en))?;
        writeln!(
            out,
            r#"            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>"#
        )?;
        writeln!(out, "          </{}>", n.term)?;
        for r in &t.renderings {
            writeln!(out, "          <{}>", n.term)?;
            writeln!(out, "            <term>{}</term>", xml_escape(&r.en))?;
            writeln!(
                out,
                r#"            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>"#
            )?;
            writeln!(
                out,
                "            <note>{}</note>",
                xml_escape(&rendering_note(r))
            )?;
            writeln!(out, "          </{}>", n.term)?;
        }
        writeln!(out, "        </{}>", n.lang)?;
        writeln!(out, "      </{}>", n.entry)?;
    }
    writeln!(out, "    </body>")?;
    writeln!(out, "  </text>")?;
    writeln!(out, "</{}>", n.root)?;
    Ok(())
}
