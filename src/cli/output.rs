//! Where results go: stdout, or a file written to a temporary sibling and renamed so
//! that a failed run never leaves a truncated output behind.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// Run `write` against stdout (when `path` is None or `-`) or atomically against `path`.
pub fn write_output<F>(path: Option<&str>, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    match path {
        None | Some("-") => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
            Ok(())
        }
        Some(path) => {
            let target = Path::new(path);
            let dir = match target.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut builder = tempfile::Builder::new();
            builder.prefix(".bitext-");
            // Temporary files are private (0600); the result should be an ordinary file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(std::fs::Permissions::from_mode(0o644));
            }
            let tmp = builder
                .tempfile_in(dir)
                .with_context(|| format!("{path}: cannot create a file here"))?;
            let mut out = BufWriter::new(tmp);
            write(&mut out)?;
            let tmp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("writing {path}"))?;
            tmp.persist(target)
                .map_err(|e| e.error)
                .with_context(|| format!("writing {path}"))?;
            Ok(())
        }
    }
}

/// Refuse to write over one of the inputs: the rename would replace the user's
/// document with our output.
pub fn refuse_overwriting(outputs: &[String], inputs: &[&str]) -> Result<()> {
    for out in outputs {
        let Ok(target) = std::fs::canonicalize(out) else {
            continue;
        };
        for input in inputs.iter().filter(|i| **i != "-") {
            if std::fs::canonicalize(input).is_ok_and(|i| i == target) {
                anyhow::bail!(bitext::Error::usage(format!(
                    "{out}: this is an input file; write the output somewhere else"
                )));
            }
        }
    }
    Ok(())
}

/// A write to a closed pipe (`bitext ... | head`) is not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            // serde_json wraps the io error without exposing it as a source.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// A spinner on stderr naming the current stage of long work. indicatif draws it only
/// when stderr is a terminal, so pipes and logs stay clean; `--quiet` turns it off.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn new(quiet: bool) -> Progress {
        if quiet {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(Some(bar))
    }

    pub fn stage(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_string());
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
