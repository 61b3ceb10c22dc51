//! `bitext check ZH EN | --aligned FILE [--glossary FILE]...
//!                       [--format text|json|csv|html] [--severity error|warning|info]
//!                       [--skip TYPE]... [--ignore FILE]... [-o OUT]`
//!
//! Findings of warning severity and above are reported unless `--severity info`.
//!
//! Exit 1 when a finding of error severity is reported, 0 when none, 2 on bad input;
//! the same when the output pipe closes early (`check ... | head`).

use std::io::Write;

use anyhow::{Result, bail};
use clap::ValueEnum;

use super::align::AlignInput;
use super::{Outcome, output};
use bitext::align::Bitext;
use bitext::check::{self, CheckSettings, FindingType, Severity, report};
use bitext::formats::html::{ReportFinding, write_html_titled};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AlignInput,
    /// Check aligned pairs instead of aligning ZH EN: what `bitext align` wrote (TSV,
    /// JSONL, TMX) or a CAT tool's bilingual file (XLIFF 1.2 or 2.0, TMX).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["zh", "en"])]
    aligned: Option<String>,
    /// Report format [default: from -o's extension (.txt, .json, .csv, .html), else
    /// text].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Report findings of this severity and above. Info findings are notes on what is
    /// most likely fine (a term referred to as 'the Party' right after it was named, a
    /// year the English adds, a figure rounded).
    #[arg(long, value_enum, default_value = "warning")]
    severity: Level,
    /// Do not look for findings of this type (repeatable, or comma-separated): empty,
    /// untranslated, glossary-miss, forbidden, number-mismatch, url, email, tag, code,
    /// repeated-word, double-space, whitespace, unpaired, capital, punctuation,
    /// inconsistent, same-zh-different-en, same-en-different-zh, structure, omission, addition.
    #[arg(long, value_name = "TYPE", value_delimiter = ',')]
    skip: Vec<String>,
    /// Findings a reviewer marked as false alarms, kept quiet: a file with one finding
    /// id per line (`check --format json` gives each finding its `id`), or such a JSON
    /// report cut down to those findings. Repeatable (one list per reviewer).
    #[arg(long, value_name = "FILE")]
    ignore: Vec<String>,
    /// Output file.
    #[arg(short, long)]
    output: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// One row per finding, for spreadsheets and review lists.
    Csv,
    /// A side-by-side report with the findings linked to their beads.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

fn settings(args: &Args) -> Result<CheckSettings> {
    let mut settings = CheckSettings::default();
    for name in &args.skip {
        let name = name.trim();
        let Some(t) = FindingType::from_name(name) else {
            let known: Vec<&str> = FindingType::ALL.iter().map(|t| t.name()).collect();
            bail!(bitext::Error::usage(format!(
                "--skip {name}: no such finding type (one of {})",
                known.join(", ")
            )));
        };
        settings.skip.insert(t);
    }
    for path in &args.ignore {
        let text = bitext::read::read_path(path)?;
        let ids = report::parse_ignore_list(&text)
            .map_err(|(line, why)| bitext::Error::input_at(path.as_str(), line, why))?;
        settings.ignore.extend(ids);
    }
    Ok(settings)
}

pub fn run(args: Args) -> Result<Outcome> {
    output::refuse_binary_extension(args.output.as_deref(), args.format.is_some())?;
    let mut inputs = args.input.input_paths();
    inputs.extend(args.aligned.as_deref());
    inputs.extend(args.ignore.iter().map(String::as_str));
    output::refuse_overwriting(&args.output.iter().cloned().collect::<Vec<_>>(), &inputs)?;
    let settings = settings(&args)?;
    let resources = args.input.resources()?;
    let (bitext, pairs, structure) = match &args.aligned {
        Some(path) => {
            let pairs = super::align::read_aligned_pairs(path)?;
            warn_lost_beads(path, &pairs);
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
    let (mut findings, ignored) = check::check_document(&pairs, &structure, &resources, &settings);
    if !settings.ignore.is_empty() {
        output::note(format!(
            "{ignored} of the {} ids of --ignore matched findings of this run, left out",
            settings.ignore.len()
        ));
    }
    findings.retain(|f| f.severity >= min);
    let outcome = if findings.iter().any(|f| f.severity == Severity::Error) {
        Outcome::ProblemsFound
    } else {
        Outcome::Ok
    };
    let format = args
        .format
        .or_else(|| {
            output::extension_of(args.output.as_deref()).and_then(|e| match e.as_str() {
                "txt" => Some(Format::Text),
                "json" => Some(Format::Json),
                "csv" => Some(Format::Csv),
                "html" | "htm" => Some(Format::Html),
                _ => None,
            })
        })
        .unwrap_or(Format::Text);
    let written = output::write_output(args.output.as_deref(), |w: &mut dyn Write| {
        match format {
            Format::Text => report::write_text(&findings, w)?,
            Format::Json => report::write_json(&findings, w)?,
            Format::Csv => report::write_csv(&findings, w)?,
            Format::Html => {
                // Bead ids of a file are its own; the report counts positions.
                let position = |id: usize| pairs.iter().position(|p| p.id == id);
                let linked: Vec<ReportFinding> = findings
                    .iter()
                    .map(|f| ReportFinding {
                        bead: f.bead.and_then(position),
                        beads: f.beads().into_iter().filter_map(position).collect(),
                        kind: f.kind.name().to_string(),
                        severity: f.severity.name().to_string(),
                        message: f.message.clone(),
                        id: f.id.clone(),
                        evidence: f.evidence.clone(),
                        suggestion: f.suggestion.clone(),
                        segment: f.segment.as_ref().map(|id| match &f.state {
                            Some(state) => format!("{id}, {state}"),
                            None => id.clone(),
                        }),
                    })
                    .collect();
                write_html_titled(
                    &bitext,
                    &resources.glossary,
                    &linked,
                    "bitext check report",
                    w,
                )?
            }
        }
        Ok(())
    });
    match written {
        // The reader stopped early (`| head`): the findings still decide the exit code.
        Err(e) if output::is_broken_pipe(&e) => Ok(outcome),
        Err(e) => Err(e),
        Ok(()) => Ok(outcome),
    }
}

/// A TMX holds no bead with one side empty: say so when the file's bead ids (bitext
/// writes them as `tuid`) have gaps, which are the beads it could not carry.
fn warn_lost_beads(path: &str, pairs: &[bitext::pairs::AlignedPair]) {
    let Some(last) = pairs.iter().map(|p| p.id).max() else {
        return;
    };
    let missing = last + 1 - pairs.len().min(last + 1);
    let tmx = std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b[..b.len().min(4096)]).contains("<tmx"))
        .unwrap_or(false);
    if tmx && missing > 0 {
        output::note(format!(
            "{path}: {missing} bead(s) of the alignment are not in this TMX (TMX cannot \
             hold a sentence without its translation); check the TSV or JSONL of the same \
             alignment, or ZH EN, to see untranslated sentences"
        ));
    }
}
