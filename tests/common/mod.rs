//! Helpers shared by the integration tests that run the real binary.
#![allow(dead_code)] // each test binary uses a different subset

use std::process::Command;

use assert_cmd::prelude::*;

/// The team's sample document pair.
pub const SAMPLE: &str = "corpora/digital-governance";

/// The built `bitext` binary.
pub fn bitext() -> Command {
    Command::cargo_bin("bitext").unwrap()
}

/// Run bitext, require success, return stdout.
pub fn run_ok(args: &[&str]) -> String {
    let out = bitext().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "bitext {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A test that cannot run because `what` is missing. Under CI (the `CI` variable set)
/// that is a failure; elsewhere the test passes but says so on the terminal: the test
/// harness captures `eprintln!`, so the line is written to stderr directly.
pub fn skip(what: &str, how_to_get_it: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but {what} is missing: {how_to_get_it}");
    }
    use std::io::Write;
    let line = format!("skipped: {what} is missing ({how_to_get_it})\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Where the evaluation data is: ../shared unless `SHARED` says otherwise.
pub fn shared_dir() -> std::path::PathBuf {
    std::env::var_os("SHARED")
        .map(Into::into)
        .unwrap_or_else(|| std::path::PathBuf::from("../shared"))
}

/// How to get ../shared when it is missing.
pub const SHARED_HINT: &str =
    "the evaluation data sits beside the project in ../shared, or set SHARED=DIR";
