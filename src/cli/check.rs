//! `bitext check ZH EN | --aligned FILE [--glossary FILE]... [--format text|json|html]
//!                       [--severity error|warning|info] [-o OUT]
//!
//! Findings of warning severity and above are reported unless `--severity info`.
//!
//! Exit 1 when a finding of error severity is reported, 0 when none, 2 on bad input.

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;

use super::align::AlignInput;
use super::{Outcome, output};
use bitext::align::Bitext;
use bitext::check::{self, Severity, report};
use bitext::formats::aligned;
use bitext::formats::html::{ReportFinding, write_html};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AlignInput,
    /// Check pairs written by `bitext align` (TSV, JSONL or TMX) instead of aligning.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["zh", "en"])]
    aligned: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Report findings of this severity and above. Info findings are notes on what is
    /// most likely fine (a term referred to as 'the Party', a year the English adds).
    #[arg(long, value_enum, default_value = "warning")]
    severity: Level,
    /// Output file.
    #[arg(short, long)]
    output: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// A side-by-side report with the findings linked to their beads.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut inputs = args.input.input_paths();
    inputs.extend(args.aligned.as_deref());
    output::refuse_overwriting(&args.output.iter().cloned().collect::<Vec<_>>(), &inputs)?;
    let resources = args.input.resources()?;
    let (bitext, pairs, structure) = match &args.aligned {
        Some(path) => {
            let pairs = aligned::read_aligned(path)?;
            (
                Bitext::from_pairs(&pairs, &resources.words),
                pairs,
                Vec::new(),
            )
        }
        None => {
            let bitext = args.input.run_with(&resources)?;
            let pairs = bitext.pairs();
            let warnings = bitext.warnings.clone();
            (bitext, pairs, warnings)
        }
    };
    let min = match args.severity {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Info,
    };
    let mut findings = check::check_document(&pairs, &structure, &resources);
    findings.retain(|f| f.severity >= min);
    output::write_output(args.output.as_deref(), |w: &mut dyn Write| {
        match args.format {
            Format::Text => report::write_text(&findings, w)?,
            Format::Json => report::write_json(&findings, w)?,
            Format::Html => {
                let linked: Vec<ReportFinding> = findings
                    .iter()
                    .map(|f| ReportFinding {
                        // Bead ids of a TMX are its tuids; the report counts positions.
                        bead: f.bead.and_then(|id| pairs.iter().position(|p| p.id == id)),
                        kind: f.kind.name().to_string(),
                        severity: f.severity.name().to_string(),
                        message: f.message.clone(),
                    })
                    .collect();
                write_html(&bitext, &resources.glossary, &linked, w)?
            }
        }
        Ok(())
    })?;
    if findings.iter().any(|f| f.severity == Severity::Error) {
        Ok(Outcome::ProblemsFound)
    } else {
        Ok(Outcome::Ok)
    }
}
