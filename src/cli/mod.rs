//! The command line: parses arguments (clap), calls the library, writes results.
//! One module per subcommand; errors are printed once as a chain, exit code 2.

pub(crate) mod align;
mod batch;
mod check;
mod eval;
mod glossary;
mod input;
pub(crate) mod output;
mod segment;
mod wordalign;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `bitext man > bitext.1`.
    Man,
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
        Command::Completions { shell } => output::write_output(None, |w| {
            // clap_complete panics on a write error: it writes into memory first.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "bitext", &mut script);
            Ok(w.write_all(&script)?)
        })
        .map(|()| Outcome::Ok),
        Command::Man => output::write_output(None, |w| {
            Ok(clap_mangen::Man::new(Cli::command()).render(w)?)
        })
        .map(|()| Outcome::Ok),
        Command::Wordalign(args) => wordalign::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::note(format!("{e:#}"));
            let encoding = e
                .chain()
                .any(|c| matches!(c.downcast_ref(), Some(bitext::Error::Encoding { .. })));
            if encoding {
                output::note("name the encoding with --encoding (e.g. big5, gbk, utf-16le)");
            }
            ExitCode::from(2)
        }
    }
}
