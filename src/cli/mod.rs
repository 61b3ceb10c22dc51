//! The command line: parses arguments (clap), calls the library, writes results.
//! One module per subcommand; errors are printed once as a chain, exit code 2.

pub(crate) mod align;
mod batch;
mod check;
mod eval;
mod glossary;
mod hugepages;
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
    #[command(
        after_help = "Exit status: 0 when no finding is an error, 1 when one is, 2 for bad input or usage."
    )]
    Check(check::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): `bitext man > bitext.1`, or one subcommand's,
    /// `bitext man align > bitext-align.1`.
    Man {
        /// The subcommand whose page to print [default: the page of bitext itself].
        command: Option<String>,
    },
    /// Word-align pre-tokenized parallel files (Pharaoh `i-j` lines out).
    Wordalign(wordalign::Args),
}

/// The manual page of bitext or of one of its subcommands (`bitext-align`), rendered
/// into memory so that a write error is reported, not a panic.
fn man_page(command: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let cli = Cli::command();
    let cmd = match command {
        None => cli,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name) else {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                return Err(bitext::Error::usage(format!(
                    "bitext man {name}: no such command (one of {})",
                    names.join(", ")
                ))
                .into());
            };
            sub.clone().name(format!("bitext-{name}"))
        }
    };
    // The footer names the program and version only (the long version names the
    // dictionary, which does not fit a .TH line).
    let source = format!("bitext {}", env!("CARGO_PKG_VERSION"));
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .source(source)
        .render(&mut page)?;
    Ok(page)
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
        Command::Man { command } => man_page(command.as_deref()).and_then(|page| {
            output::write_output(None, |w| Ok(w.write_all(&page)?)).map(|()| Outcome::Ok)
        }),
        Command::Wordalign(args) => wordalign::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::note(format!("{e:#}"));
            let encoding = e.chain().find_map(|c| match c.downcast_ref() {
                Some(bitext::Error::Encoding { message, .. }) => Some(message.as_str()),
                _ => None,
            });
            match encoding {
                // One encoding was named (or a byte-order mark named it) and the file is not in it.
                Some(m) if m.starts_with("not valid") => output::note(
                    "the file is not in that encoding: name the right one with --encoding, or leave --encoding out to have it detected",
                ),
                Some(_) => output::note(
                    "name the encoding with --encoding (e.g. big5, gbk, utf-16le, windows-1252)",
                ),
                None => {}
            }
            ExitCode::from(2)
        }
    }
}
