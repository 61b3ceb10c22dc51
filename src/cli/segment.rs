//! `bitext segment FILE [--lang zh|en] [--format text|jsonl]`

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;
use serde::Serialize;

use super::{Outcome, output};
use bitext::script::escape_controls;
use bitext::segment::{self, Lang, UnitKind};

#[derive(clap::Args)]
pub struct Args {
    /// Input file (`-` for stdin).
    file: String,
    /// Language of the document (detected from the script when absent).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    output: Option<String>,
    /// No progress display (segment draws none; accepted as by every subcommand).
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    read: super::input::ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Jsonl,
}

#[derive(Serialize)]
struct UnitRecord<'a> {
    id: usize,
    text: &'a str,
    kind: UnitKind,
    section: Vec<String>,
    level: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    tokens: Vec<&'a str>,
    keys: Vec<&'a str>,
}

pub fn run(args: Args) -> Result<Outcome> {
    output::refuse_overwriting(
        &args.output.iter().cloned().collect::<Vec<_>>(),
        &[&args.file],
    )?;
    let (text, format, notes) =
        bitext::read::read_document_noted(&args.file, &args.read.options()?)?;
    for note in &notes {
        output::note(note);
    }
    let lang = args
        .lang
        .map(Lang::from)
        .unwrap_or_else(|| Lang::detect(&text));
    // The documents `align` segments are cut with the shipped glossary's terms whole.
    let doc = segment::segment(text, lang, format, &bitext::lexicon::segmenter(true));
    if !args.quiet {
        for warning in &doc.warnings {
            output::note(format!("{}: {warning}", args.file));
        }
    }
    output::write_output(args.output.as_deref(), |out: &mut dyn Write| {
        for (i, unit) in doc.units.iter().enumerate() {
            match args.format {
                Format::Text => writeln!(out, "{}", escape_controls(doc.unit_text(i)))?,
                Format::Jsonl => {
                    let rec = UnitRecord {
                        id: i,
                        text: doc.unit_text(i),
                        kind: unit.kind,
                        section: doc.section_path(unit.section),
                        level: doc.sections[unit.section].level,
                        paragraph: unit.paragraph,
                        start: unit.start,
                        end: unit.end,
                        tokens: unit.tokens.iter().map(|t| doc.token_text(t)).collect(),
                        keys: unit.tokens.iter().map(|t| &*t.key).collect(),
                    };
                    serde_json::to_writer(&mut *out, &rec)?;
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
