//! Writing term pairs: TSV and CSV (one row per pair, header row), TBX-Basic in the
//! martif / TBX v2 form that OmegaT and translate-toolkit read, ISO 30042:2019 TBX v3
//! (`conceptEntry/langSec/termSec`), and JSON. Every text is escaped in the XML forms.

use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, Event};

use super::{IndentedXml, tsv_cell};
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
    root: &'static str,
    /// Attributes of the root element.
    root_attributes: &'static [(&'static str, &'static str)],
    header: &'static str,
    entry: &'static str,
    entry_id: &'static str,
    lang: &'static str,
    term: &'static str,
}

/// TBX-Basic, martif form (TBX v2): one `termEntry` per pair, the best rendering first,
/// other renderings after it with their counts. Only a rendering a glossary approved
/// (`known`) is marked `preferredTerm-admn-sts`; a machine-extracted one carries no
/// `administrativeStatus`: it is a candidate for review, which no terminologist approved.
pub fn write_tbx(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    let names = TbxNames {
        root: "martif",
        root_attributes: &[("type", "TBX-Basic"), ("xml:lang", "en")],
        header: "martifHeader",
        entry: "termEntry",
        entry_id: "t",
        lang: "langSet",
        term: "tig",
    };
    write_tbx_with(terms, &names, out)
}

/// TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style; statuses as [`write_tbx`].
pub fn write_tbx3(terms: &[TermPair], out: &mut dyn Write) -> io::Result<()> {
    let names = TbxNames {
        root: "tbx",
        root_attributes: &[
            ("type", "TBX-Basic"),
            ("style", "dca"),
            ("xml:lang", "en"),
            ("xmlns", "urn:iso:std:iso:30042:ed-2"),
        ],
        header: "tbxHeader",
        entry: "conceptEntry",
        entry_id: "c",
        lang: "langSec",
        term: "termSec",
    };
    write_tbx_with(terms, &names, out)
}

fn write_tbx_with(terms: &[TermPair], n: &TbxNames, out: &mut dyn Write) -> io::Result<()> {
    let mut x = IndentedXml {
        xml: quick_xml::Writer::new(out),
    };
    x.xml
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.open(0, n.root, n.root_attributes)?;
    x.open(2, n.header, &[])?;
    x.open(4, "fileDesc", &[])?;
    x.open(6, "sourceDesc", &[])?;
    let source = format!(
        "Extracted by bitext {} from aligned text",
        env!("CARGO_PKG_VERSION")
    );
    x.element("p", &[], &source)?;
    x.xml.write_event(Event::End(BytesEnd::new("sourceDesc")))?;
    x.close(4, "fileDesc")?;
    x.close(2, n.header)?;
    x.open(2, "text", &[])?;
    x.open(4, "body", &[])?;
    for (i, t) in terms.iter().enumerate() {
        let id = format!("{}{}", n.entry_id, i + 1);
        x.open(6, n.entry, &[("id", &id)])?;
        x.leaf(8, "note", &[], &pair_note(t))?;
        x.open(8, n.lang, &[("xml:lang", "zh")])?;
        x.open(10, n.term, &[])?;
        x.leaf(12, "term", &[], &t.zh)?;
        x.close(10, n.term)?;
        x.close(8, n.lang)?;
        x.open(8, n.lang, &[("xml:lang", "en")])?;
        let best = (t.en.as_str(), t.known, None);
        let others = t
            .renderings
            .iter()
            .map(|r| (r.en.as_str(), r.known, Some(rendering_note(r))));
        for (en, known, note) in std::iter::once(best).chain(others) {
            x.open(10, n.term, &[])?;
            x.leaf(12, "term", &[], en)?;
            if known {
                x.leaf(
                    12,
                    "termNote",
                    &[("type", "administrativeStatus")],
                    "preferredTerm-admn-sts",
                )?;
            }
            if let Some(note) = note {
                x.leaf(12, "note", &[], &note)?;
            }
            x.close(10, n.term)?;
        }
        x.close(8, n.lang)?;
        x.close(6, n.entry)?;
    }
    x.close(4, "body")?;
    x.close(2, "text")?;
    x.close(0, n.root)?;
    x.line(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_glossary_tbx;

    type WriteTbx = fn(&[TermPair], &mut dyn Write) -> io::Result<()>;

    const FORMS: [(&str, WriteTbx); 2] = [("tbx", write_tbx), ("tbx3", write_tbx3)];

    fn written(write: WriteTbx, terms: &[TermPair]) -> String {
        let mut out = Vec::new();
        write(terms, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn rendering(en: &str, known: bool) -> Rendering {
        Rendering {
            en: en.into(),
            count: 1,
            beads: vec![7],
            known,
        }
    }

    /// Each English term of the file with its administrative status, if it has one.
    fn english_statuses(xml: &str) -> Vec<(String, Option<String>)> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut english, mut field) = (false, None);
        let mut out: Vec<(String, Option<String>)> = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"langSet" | b"langSec" => {
                        english = e.attributes().flatten().any(|a| a.value.as_ref() == b"en");
                    }
                    b"term" if english => field = Some("term"),
                    b"termNote" if english => field = Some("status"),
                    _ => {}
                },
                Event::Text(t) => {
                    let text = t.unescape().unwrap().into_owned();
                    match field.take() {
                        Some("term") => out.push((text, None)),
                        Some(_) => out.last_mut().unwrap().1 = Some(text),
                        None => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn only_what_a_glossary_approves_is_a_preferred_term() {
        // Machine output: no rendering carries a status.
        let mut machine = TermPair::seen_twice("风力涡轮", "wind turbine");
        machine.renderings = vec![rendering("windmill", false)];
        // The glossary approves the best rendering and one other, not the third.
        let mut known = TermPair::seen_twice("潮汐能", "tidal energy");
        known.known = true;
        known.renderings = vec![
            rendering("tidal power", true),
            rendering("sea power", false),
        ];
        let preferred = Some("preferredTerm-admn-sts".to_string());
        for (form, write) in FORMS {
            let xml = written(write, &[machine.clone(), known.clone()]);
            assert_eq!(
                english_statuses(&xml),
                [
                    ("wind turbine".to_string(), None),
                    ("windmill".to_string(), None),
                    ("tidal energy".to_string(), preferred.clone()),
                    ("tidal power".to_string(), preferred.clone()),
                    ("sea power".to_string(), None),
                ],
                "{form}: {xml}"
            );
            assert!(!xml.contains("admittedTerm"), "{form}");
            // The notes stay, the other renderings' counts with them.
            assert!(xml.contains("known: no; example beads"), "{form}");
            assert!(xml.contains("known: yes; example beads"), "{form}");
            assert_eq!(xml.matches("other rendering used 1 times").count(), 3);
        }
    }

    #[test]
    fn markup_in_a_term_is_escaped_and_reads_back() {
        let zh = "甲&乙<丙>“丁”";
        let en = r#"salt & pepper <grinder> "deluxe" 'mini'"#;
        let mut t = TermPair::seen_twice(zh, en);
        t.known = true;
        // A character XML forbids becomes a space.
        t.renderings = vec![rendering("pepper\u{1}mill & co", false)];
        for (form, write) in FORMS {
            let xml = written(write, &[t.clone()]);
            assert!(
                xml.contains(
                    "salt &amp; pepper &lt;grinder&gt; &quot;deluxe&quot; &apos;mini&apos;"
                ),
                "{form}: {xml}"
            );
            assert!(
                xml.contains("<term>甲&amp;乙&lt;丙&gt;“丁”</term>"),
                "{form}"
            );
            let entries = parse_glossary_tbx(&xml, "t.tbx").unwrap();
            assert_eq!(entries.len(), 1, "{form}");
            assert_eq!(entries[0].zh, zh, "{form}");
            assert_eq!(entries[0].en, [en, "pepper mill & co"], "{form}");
            assert_eq!(entries[0].status, "approved", "{form}");
        }
    }
}
