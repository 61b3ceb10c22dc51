//! The `bitext` command: argument parsing and output, over the `bitext` library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
