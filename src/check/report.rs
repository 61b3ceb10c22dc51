//! Writing findings: a text report grouped by type with counts and the evidence in
//! context, JSON (an object with a `findings` array and a `summary`; the fields are
//! documented in the README), or CSV (one row per finding, for spreadsheets and CAT
//! tools' review lists). Text from documents is written with control characters and
//! bidirectional controls made visible (`<U+1B>`), so that a document cannot move the
//! terminal's cursor, change its colours or show a segment reversed.
//!
//! ```
//! use bitext::check::report::{summary, write_json};
//! let mut out = Vec::new();
//! write_json(&[], &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("\"findings\": []"));
//! assert_eq!(summary(&[]).errors, 0);
//! ```

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

use serde::Serialize;

use super::{Finding, FindingType, Severity};

/// Counts by severity and by type.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub by_type: BTreeMap<&'static str, usize>,
}

pub fn summary(findings: &[Finding]) -> Summary {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let mut by_type = BTreeMap::new();
    for f in findings {
        *by_type.entry(f.kind.name()).or_insert(0) += 1;
    }
    Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        by_type,
    }
}

pub fn write_json(findings: &[Finding], w: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        findings: &'a [Finding],
        summary: Summary,
    }
    let report = Report {
        findings,
        summary: summary(findings),
    };
    serde_json::to_writer_pretty(&mut *w, &report)?;
    writeln!(w)
}

/// A character that must not reach a terminal or a cell as it is: C0 controls but tab
/// and line feed, DEL, C1 controls, and the controls of bidirectional text (which can
/// show a segment reversed) and the Unicode line and paragraph separators.
pub fn is_hidden_control(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\t' && c != '\n')
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x200e | 0x200f | 0x061c | 0x2028 | 0x2029)
        || (0x202a..=0x202e).contains(&u)
        || (0x2066..=0x2069).contains(&u)
}

/// `text` with every [`is_hidden_control`] character written as `<U+XXXX>`.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    crate::script::escape_where(text, is_hidden_control)
}

/// The offending text as shown: white space alone would show as nothing, so a space
/// is ␠ and any other blank its code point.
fn offending(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_empty() {
        "(nothing)".into()
    } else if text.trim().is_empty() {
        text.chars()
            .map(|c| match c {
                ' ' => "␠".to_string(),
                c => format!("<U+{:04X}>", u32::from(c)),
            })
            .collect::<String>()
            .into()
    } else {
        visible(text)
    }
}

/// Characters of context shown on each side of the evidence in the text report; a
/// text up to [`WHOLE`] characters is shown whole.
const CONTEXT: usize = 60;
const WHOLE: usize = 240;

/// `text` with `span` marked ⟦thus⟧, cut to some context around it when long.
fn in_context(text: &str, span: Option<[usize; 2]>) -> String {
    let text_chars = text.chars().count();
    let Some([s, e]) = span.filter(|&[s, e]| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    }) else {
        return visible(&cut(text, WHOLE)).into_owned();
    };
    let (before, mid, after) = (&text[..s], &text[s..e], &text[e..]);
    let (before, after) = if text_chars <= WHOLE {
        (before.to_string(), after.to_string())
    } else {
        let b: Vec<char> = before.chars().collect();
        let a: Vec<char> = after.chars().collect();
        let before = if b.len() > CONTEXT {
            format!("…{}", b[b.len() - CONTEXT..].iter().collect::<String>())
        } else {
            before.to_string()
        };
        let after = if a.len() > CONTEXT {
            format!("{}…", a[..CONTEXT].iter().collect::<String>())
        } else {
            after.to_string()
        };
        (before, after)
    };
    visible(&format!("{before}⟦{mid}⟧{after}")).into_owned()
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

pub fn write_text(findings: &[Finding], w: &mut dyn Write) -> io::Result<()> {
    let mut groups: BTreeMap<FindingType, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        groups.entry(f.kind).or_default().push(f);
    }
    for (kind, fs) in &groups {
        writeln!(w, "== {} ({}) ==", kind.name(), fs.len())?;
        for f in fs {
            let sev = f.severity.name();
            let segment = match (&f.segment, &f.state) {
                (Some(id), Some(state)) => {
                    format!(" (segment {}, {})", visible(id), visible(state))
                }
                (Some(id), None) => format!(" (segment {})", visible(id)),
                _ => String::new(),
            };
            match f.bead {
                Some(b) => writeln!(w, "bead {b}{segment} [{sev}]: {}", visible(&f.message))?,
                None => writeln!(w, "document [{sev}]: {}", visible(&f.message))?,
            }
            if let Some(t) = &f.term {
                writeln!(w, "    offending: {}", offending(t))?;
            }
            match (&f.suggestion, &f.glossary) {
                (Some(s), Some(g)) => writeln!(w, "    approved: {} ({g})", visible(s))?,
                (Some(s), None) => writeln!(w, "    approved: {}", visible(s))?,
                (None, Some(g)) => writeln!(w, "    glossary: {g}")?,
                (None, None) => {}
            }
            if let Some(h) = &f.hint {
                writeln!(w, "    {}", visible(h))?;
            }
            for r in &f.renderings {
                let ids: Vec<String> = r.beads.iter().map(|b| b.to_string()).collect();
                writeln!(w, "    '{}': beads {}", visible(&r.en), ids.join(", "))?;
            }
            if !f.related.is_empty() {
                let ids: Vec<String> = f.related.iter().map(|b| b.to_string()).collect();
                writeln!(w, "    see bead {}", ids.join(", "))?;
            }
            if let Some(zh) = &f.zh {
                writeln!(w, "    zh: {}", in_context(zh, f.zh_span))?;
            }
            if let Some(en) = &f.en {
                writeln!(w, "    en: {}", in_context(en, f.en_span))?;
            }
            writeln!(w, "    id: {}", f.id)?;
        }
        writeln!(w)?;
    }
    let s = summary(findings);
    writeln!(
        w,
        "{} error{}, {} warning{}, {} info",
        s.errors,
        if s.errors == 1 { "" } else { "s" },
        s.warnings,
        if s.warnings == 1 { "" } else { "s" },
        s.infos
    )
}

/// One row per finding: id, type, severity, bead, segment, its state, term, zh term, evidence,
/// suggestion, the glossary it comes from, message, hint, the beads it concerns, the
/// bead's texts.
pub fn write_csv(findings: &[Finding], w: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record([
        "id",
        "type",
        "severity",
        "bead",
        "segment",
        "state",
        "term",
        "zh_term",
        "evidence",
        "suggestion",
        "glossary",
        "message",
        "hint",
        "beads",
        "zh",
        "en",
    ])?;
    let cell = |s: &Option<String>| visible(s.as_deref().unwrap_or("")).into_owned();
    for f in findings {
        let beads: Vec<String> = f.beads().iter().map(|b| b.to_string()).collect();
        csv.write_record([
            f.id.clone(),
            f.kind.name().to_string(),
            f.severity.name().to_string(),
            f.bead.map(|b| b.to_string()).unwrap_or_default(),
            cell(&f.segment),
            cell(&f.state),
            cell(&f.term),
            cell(&f.zh_term),
            cell(&f.evidence),
            cell(&f.suggestion),
            cell(&f.glossary),
            visible(&f.message).into_owned(),
            cell(&f.hint),
            beads.join(" "),
            cell(&f.zh),
            cell(&f.en),
        ])?;
    }
    csv.flush()
}

/// The finding ids of a reviewer's list of false alarms: one id per line (16 hex
/// digits, anything after it on the line is a comment, `#` lines and blank lines
/// skipped), or the JSON or CSV report of `check` cut down to the findings to silence
/// (a spreadsheet's rows, the `id` column first). Returns the ids, or the 1-based line
/// where the list goes wrong and what is wrong there (a finding without an id would
/// silence nothing, unseen).
pub fn parse_ignore_list(text: &str) -> Result<HashSet<String>, (usize, String)> {
    const LINE: &str =
        "expected a finding id (16 hex digits) per line, or check's JSON or CSV report";
    let is_id = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let text = text.trim_start_matches('\u{feff}');
    // A spreadsheet may quote the header, and write semicolons where the comma is the
    // decimal mark.
    let delimiter = ["id,", "\"id\","]
        .iter()
        .any(|h| text.starts_with(h))
        .then_some(b',')
        .or_else(|| {
            ["id;", "\"id\";"]
                .iter()
                .any(|h| text.starts_with(h))
                .then_some(b';')
        });
    if let Some(delimiter) = delimiter {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut ids = HashSet::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(1, |p| p.line() as usize);
                (line, format!("not valid CSV: {e}"))
            })?;
            let line = record.position().map_or(1, |p| p.line() as usize);
            match record.get(0).map(str::trim).filter(|s| is_id(s)) {
                Some(id) => ids.insert(id.to_ascii_lowercase()),
                None => return Err((line, "the row's first cell is no finding id".into())),
            };
        }
        return Ok(ids);
    }
    if text.trim_start().starts_with(['{', '[']) {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| (e.line(), format!("not valid JSON: {e}")))?;
        let findings = value.get("findings").unwrap_or(&value);
        let Some(findings) = findings.as_array() else {
            return Err((
                1,
                "expected check's JSON report: no \"findings\" array".into(),
            ));
        };
        let mut ids = HashSet::new();
        for (n, f) in findings.iter().enumerate() {
            match f.get("id").and_then(|v| v.as_str()).filter(|s| is_id(s)) {
                Some(id) => ids.insert(id.to_ascii_lowercase()),
                None => {
                    return Err((
                        1,
                        format!(
                            "finding {} of the list has no id (16 hex digits): \
                             `check --format json` gives each finding one",
                            n + 1
                        ),
                    ));
                }
            };
        }
        return Ok(ids);
    }
    let mut ids = HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let first = line.split_whitespace().next().unwrap_or("");
        if !is_id(first) {
            return Err((n + 1, LINE.into()));
        }
        ids.insert(first.to_ascii_lowercase());
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(visible("a\u{1b}[31mred"), "a<U+001B>[31mred");
        assert_eq!(visible("x\u{202e}cba"), "x<U+202E>cba");
        assert_eq!(visible("tab\tand\nline"), "tab\tand\nline");
        assert_eq!(visible("\u{9b}2J"), "<U+009B>2J");
    }

    #[test]
    fn spaces_alone_are_shown() {
        assert_eq!(offending("  "), "␠␠");
        assert_eq!(offending("\u{3000}\t"), "<U+3000><U+0009>");
        assert_eq!(offending("the the"), "the the");
    }

    #[test]
    fn evidence_shown_in_context() {
        let long = format!("{}the data economy{}", "x ".repeat(200), " y".repeat(200));
        let start = long.find("data").unwrap();
        let shown = in_context(&long, Some([start, start + "data economy".len()]));
        assert!(shown.contains("⟦data economy⟧"), "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() < 2 * CONTEXT + 20);
        assert_eq!(in_context("short", Some([0, 5])), "⟦short⟧");
    }

    #[test]
    fn ignore_lists() {
        let ids = parse_ignore_list("# reviewed\n0123456789abcdef false alarm\n\n").unwrap();
        assert!(ids.contains("0123456789abcdef"));
        assert_eq!(parse_ignore_list("0123\n").unwrap_err().0, 1);
        let json = r#"{"findings": [{"id": "0123456789ABCDEF", "type": "url"}]}"#;
        assert!(
            parse_ignore_list(json)
                .unwrap()
                .contains("0123456789abcdef")
        );
        // A finding without an id would silence nothing: said, not skipped.
        let json = r#"{"findings": [{"id": "0123456789abcdef"}, {"type": "url"}]}"#;
        let (line, why) = parse_ignore_list(json).unwrap_err();
        assert_eq!(line, 1);
        assert!(why.contains("finding 2 of the list has no id"), "{why}");
        assert!(parse_ignore_list(r#"{"summary": {}}"#).is_err());
        // The CSV report as spreadsheets save it: quoted, or with semicolons.
        for csv in [
            "id,type\n0123456789abcdef,url\n",
            "\"id\",\"type\"\n\"0123456789abcdef\",\"url\"\n",
            "\u{feff}id;type\n0123456789abcdef;url\n",
        ] {
            let ids = parse_ignore_list(csv).unwrap_or_else(|e| panic!("{csv:?}: {e:?}"));
            assert!(ids.contains("0123456789abcdef"), "{csv:?}");
        }
        let (line, _) =
            parse_ignore_list("id,type\n0123456789abcdef,url\nnot-an-id,url\n").unwrap_err();
        assert_eq!(line, 3);
    }
}
