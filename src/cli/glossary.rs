//! `bitext glossary ZH EN | --aligned FILE [--format tsv|csv|tbx|tbx3|json]
//!                  [--top N] [--min-freq N] [-o OUT]`

use std::io::Write;

use anyhow::{Result, bail};
use clap::ValueEnum;

use super::align::AlignInput;
use super::{Outcome, output};
use bitext::formats::glossary as write;
use bitext::glossary::{self, GlossaryOptions};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AlignInput,
    /// Read pairs `bitext align` wrote (TSV, JSONL or TMX) instead of aligning ZH EN.
    #[arg(long, value_name = "FILE")]
    aligned: Option<String>,
    /// Output format [default: from the output file's extension (.csv, .tbx, .json),
    /// else tsv].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Keep only the best N term pairs.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    top: Option<usize>,
    /// A term must occur at least N times [default: 2, or 1 for a term of three
    /// characters or more that is a dictionary or glossary entry rendered as its
    /// glosses say; a two-character entry seen once is mostly an everyday word].
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    min_freq: Option<usize>,
    /// Output file (written atomically).
    #[arg(short, long)]
    output: Option<String>,
    /// Also write every Chinese term candidate to FILE (TSV) with what became of it:
    /// kept, below-top, rare, no-rendering, not-a-term or fragment (README: "Why is a
    /// term missing?").
    #[arg(long, value_name = "FILE")]
    explain: Option<String>,
}

/// A count of 1 or more: 0 would ask for an empty glossary, or mean 1.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Tsv,
    Csv,
    /// TBX-Basic, martif (TBX v2) form, as OmegaT and translate-toolkit read it.
    Tbx,
    /// TBX v3 (ISO 30042:2019).
    Tbx3,
    Json,
}

pub fn run(args: Args) -> Result<Outcome> {
    output::refuse_binary_extension(args.output.as_deref(), args.format.is_some())?;
    let mut inputs = args.input.input_paths();
    inputs.extend(args.aligned.as_deref());
    let outputs: Vec<String> = args.output.iter().chain(&args.explain).cloned().collect();
    output::refuse_overwriting(&outputs, &inputs)?;
    if let Some(explain) = &args.explain {
        let out = args.output.as_deref();
        let both_stdout = output::is_stdout(Some(explain)) && output::is_stdout(out);
        if both_stdout || out.is_some_and(|out| output::same_file(out, explain)) {
            bail!(bitext::Error::usage(format!(
                "--explain {explain} is where the glossary itself goes: give it a file of its own"
            )));
        }
    }
    if args.aligned.is_some() && (args.input.zh.is_some() || args.input.en.is_some()) {
        bail!(bitext::Error::usage(
            "give either ZH EN or --aligned FILE, not both"
        ));
    }
    // Loaded once: aligning and pairing use the same dictionary and glossaries.
    let resources = args.input.resources()?;
    let pairs = match &args.aligned {
        Some(path) => super::align::read_aligned_pairs(path)?,
        None => args.input.run_with(&resources)?.pairs(),
    };
    let defaults = GlossaryOptions::default();
    let opts = GlossaryOptions {
        min_freq: args.min_freq.unwrap_or(defaults.min_freq),
        min_freq_supported: args.min_freq.unwrap_or(defaults.min_freq_supported),
        top: args.top,
        ..defaults
    };
    let (terms, fates) = if args.explain.is_some() {
        glossary::extract_explained(&pairs, &resources, &opts)
    } else {
        (glossary::extract(&pairs, &resources, &opts), Vec::new())
    };
    let format = args
        .format
        .or_else(|| {
            output::extension_of(args.output.as_deref()).and_then(|e| match e.as_str() {
                "tsv" | "txt" => Some(Format::Tsv),
                "csv" => Some(Format::Csv),
                "tbx" => Some(Format::Tbx),
                "json" => Some(Format::Json),
                _ => None,
            })
        })
        .unwrap_or(Format::Tsv);
    let writer = match format {
        Format::Tsv => write::write_tsv,
        Format::Csv => write::write_csv,
        Format::Tbx => write::write_tbx,
        Format::Tbx3 => write::write_tbx3,
        Format::Json => write::write_json,
    };
    // First: an --explain path that cannot be written leaves the glossary unwritten too.
    if let Some(path) = &args.explain {
        output::write_output(Some(path), |w: &mut dyn Write| {
            Ok(write::write_explain_tsv(&fates, w)?)
        })?;
    }
    output::write_output(args.output.as_deref(), |w: &mut dyn Write| {
        Ok(writer(&terms, w)?)
    })?;
    Ok(Outcome::Ok)
}
