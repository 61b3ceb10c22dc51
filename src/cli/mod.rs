//! The command line: parses arguments (clap), calls the library, writes results.
//! One module per subcommand; errors are printed once as a chain, exit code 2.

pub(crate) mod align;
mod batch;
mod check;
mod eval;
mod glossary;
pub(crate) mod output;
mod segment;
mod wordalign;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// `bitext --version`: the version and the dictionary compiled in.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (embedded dictionary: ",
    env!("BITEXT_CEDICT"),
    ", CC BY-SA 4.0)"
);

#[derive(Parser)]
#[command(
    name = "bitext",
    version = VERSION,
    about = "Align a Chinese document with its English translation and check its terminology"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split a document into headings and sentences.
    Segment(segment::Args),
    /// Align a Chinese document with its English translation.
    Align(align::Args),
    /// Align many document pairs in one process (a folder, a manifest, or --stdio).
    Batch(batch::Args),
    /// Score an alignment against gold (strict and lax P/R/F1).
    Eval(eval::Args),
    /// Extract a bilingual glossary of the document's terms.
    Glossary(glossary::Args),
    /// Check a translation: glossary terms, numbers, untranslated and empty segments.
    Check(check::Args),
    /// Word-align pre-tokenized parallel files (Pharaoh `i-j` lines out).
    Wordalign(wordalign::Args),
}

/// What a subcommand's run reports: success, or problems found (exit 1).
pub enum Outcome {
    Ok,
    ProblemsFound,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Align(args) => align::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Glossary(args) => glossary::run(args),
        Command::Check(args) => check::run(args),
        Command::Wordalign(args) => wordalign::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bitext: {e:#}");
            ExitCode::from(2)
        }
    }
}
