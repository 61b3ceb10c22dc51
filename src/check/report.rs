//! Writing findings: a text report grouped by type with counts, or JSON (an object
//! with a `findings` array and a `summary`).
//!
//! ```
//! use bitext::check::report::{summary, write_json};
//! let mut out = Vec::new();
//! write_json(&[], &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("\"findings\": []"));
//! assert_eq!(summary(&[]).errors, 0);
//! ```

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{Finding, Severity};

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

/// Shorten a long text to about `max` characters around nothing in particular.
fn snippet(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

pub fn write_text(findings: &[Finding], w: &mut dyn Write) -> io::Result<()> {
    let mut groups: BTreeMap<_, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        groups.entry(f.kind).or_default().push(f);
    }
    for (kind, fs) in &groups {
        writeln!(w, "== {} ({}) ==", kind.name(), fs.len())?;
        for f in fs {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            match f.bead {
                Some(b) => writeln!(w, "bead {b} [{sev}]: {}", f.message)?,
                None => writeln!(w, "document [{sev}]: {}", f.message)?,
            }
            if let Some(t) = &f.term {
                writeln!(w, "    offending: {t}")?;
            }
            if let Some(h) = &f.hint {
                writeln!(w, "    {h}")?;
            }
            for r in &f.renderings {
                let ids: Vec<String> = r.beads.iter().map(|b| b.to_string()).collect();
                writeln!(w, "    '{}': beads {}", r.en, ids.join(", "))?;
            }
            if let Some(zh) = &f.zh {
                writeln!(w, "    zh: {}", snippet(zh, 80))?;
            }
            if let Some(en) = &f.en {
                writeln!(w, "    en: {}", snippet(en, 160))?;
            }
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
