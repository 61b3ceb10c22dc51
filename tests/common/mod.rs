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
