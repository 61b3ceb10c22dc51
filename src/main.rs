use std::process::ExitCode;

fn main() -> ExitCode {
    bitext::cli::main()
}
