//! Where results and messages go.
//!
//! Results go to stdout, or to the file of `-o`. A regular file is written to a
//! temporary sibling and renamed over the target, so a failed or interrupted run never
//! leaves a truncated output behind: the temporary file is removed on every way out,
//! SIGINT, SIGTERM and SIGHUP included. What is not a regular file is never replaced: a
//! character device or a FIFO (`-o /dev/stdout`, a named pipe) is written into; a
//! symbolic link is followed (the file it points to is replaced, the link kept); a
//! read-only file, a folder and a block device are refused.
//!
//! Messages go to stderr through [`note`], with control characters escaped (a document
//! can hold terminal escape sequences) and write errors ignored (a closed stderr is no
//! reason to panic).

use std::fmt::Display;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// Run `write` against stdout (when `path` is None, `-` or `/dev/stdout`) or against
/// the file `path` (see the module doc). A reader that goes away (`| head`) ends the
/// output quietly: the run goes on to its own exit status.
pub fn write_output<F>(path: Option<&str>, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    match path {
        None | Some("-") | Some("/dev/stdout") => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let written = write(&mut out).and_then(|()| Ok(out.flush()?));
            quiet_broken_pipe(written).context("writing to standard output")
        }
        Some("") => Err(bitext::Error::usage("an output file name is empty").into()),
        Some(path) => write_file(path, write),
    }
}

fn write_file<F>(path: &str, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let given = Path::new(path);
    // metadata follows symbolic links: what counts is what the link points to.
    match fs::metadata(given) {
        Ok(meta) if is_stream(&meta) => write_stream(path, write),
        Ok(meta) if meta.is_dir() => refuse(path, "this is a folder, not a file"),
        Ok(meta) if is_block_device(&meta) => refuse(
            path,
            "this is a block device (a disk); bitext does not write to one",
        ),
        Ok(meta) if meta.permissions().readonly() => {
            refuse(path, "the file is read-only; bitext does not replace it")
        }
        Ok(meta) => {
            let target = fs::canonicalize(given).map_err(|e| bitext::Error::io(path, e))?;
            replace(path, &target, Some(meta.permissions()), write)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(given).is_ok() {
                return refuse(path, "a symbolic link to a file that does not exist");
            }
            replace(path, given, None, write)
        }
        Err(e) => Err(bitext::Error::io(path, e).into()),
    }
}

fn refuse(path: &str, why: &str) -> Result<()> {
    Err(bitext::Error::input(path, why).into())
}

#[cfg(unix)]
fn is_stream(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_char_device() || t.is_fifo() || t.is_socket()
}

#[cfg(not(unix))]
fn is_stream(_: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn is_block_device(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_block_device()
}

#[cfg(not(unix))]
fn is_block_device(_: &fs::Metadata) -> bool {
    false
}

/// Write into a device or FIFO as it is (nothing to rename, nothing to truncate).
fn write_stream<F>(path: &str, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| bitext::Error::io(path, e))?;
    let mut out = BufWriter::new(file);
    let written = write(&mut out).and_then(|()| Ok(out.flush()?));
    quiet_broken_pipe(written).with_context(|| format!("writing {path}"))
}

/// Write a temporary file beside `target` and rename it over `target`. `path` is the
/// name the user gave (for messages); `permissions` those of the file replaced.
fn replace<F>(
    path: &str,
    target: &Path,
    permissions: Option<fs::Permissions>,
    write: F,
) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return refuse(path, &format!("no such folder: {}", dir.display()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bitext-");
    // Temporary files are private (0600); the result keeps the mode of the file it
    // replaces, or is an ordinary file (0644 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(permissions.unwrap_or_else(|| fs::Permissions::from_mode(0o644)));
    }
    #[cfg(not(unix))]
    let _ = permissions;
    let (file, temp_path, registered) = temporary::create(&builder, dir)
        .map_err(without_temporary_name)
        .with_context(|| format!("{path}: cannot create a file in {}", dir.display()))?;
    // Written through the File itself: tempfile's own writer names the temporary file
    // in its errors, which means nothing to the user.
    let mut out = BufWriter::new(file);
    write(&mut out)
        .and_then(|()| Ok(out.flush()?))
        .with_context(|| format!("writing {path}"))?;
    drop(out);
    registered
        .persist(temp_path, target)
        .with_context(|| format!("writing {path}"))?;
    Ok(())
}

/// tempfile's errors carry the temporary file's name; keep only the system's reason.
fn without_temporary_name(e: io::Error) -> io::Error {
    let inner = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<io::Error>())
        .and_then(io::Error::raw_os_error);
    match inner.or(e.raw_os_error()) {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::from(e.kind()),
    }
}

/// A closed pipe is the reader's choice, not an error.
fn quiet_broken_pipe(result: Result<()>) -> Result<()> {
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

/// Temporary files in the making, removed when a signal ends the run. The signal
/// thread is started with the first temporary file, so runs writing to stdout pay
/// nothing for it.
mod temporary {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, MutexGuard, Once, PoisonError};

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A temporary file on the list; dropping it takes it off.
    pub struct Registered(PathBuf);

    /// Create a temporary file in `dir` and put it on the list, with the list held
    /// (and the signal thread started) before the file exists: a signal at any moment
    /// finds it listed, or finds no file.
    pub fn create(
        builder: &tempfile::Builder,
        dir: &Path,
    ) -> std::io::Result<(std::fs::File, tempfile::TempPath, Registered)> {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(remove_on_signals);
        let mut list = pending();
        let (file, path) = builder.tempfile_in(dir)?.into_parts();
        list.push(path.to_path_buf());
        let registered = Registered(path.to_path_buf());
        Ok((file, path, registered))
    }

    impl Registered {
        /// Rename the file over `target` and take it off the list, with the list held
        /// so that a signal cannot remove the file half-way.
        pub fn persist(self, file: tempfile::TempPath, target: &Path) -> std::io::Result<()> {
            let mut list = pending();
            let renamed = file.persist(target).map_err(|e| e.error);
            list.retain(|p| *p != self.0);
            renamed
        }
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            pending().retain(|p| *p != self.0);
        }
    }

    #[cfg(unix)]
    fn remove_on_signals() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let list = pending();
                for path in list.iter() {
                    let _ = std::fs::remove_file(path);
                }
                // End as the signal would have without a handler, so the caller sees it.
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    }

    #[cfg(not(unix))]
    fn remove_on_signals() {}
}

/// Refuse to write over one of the inputs: the rename would replace the user's
/// document with our output.
pub fn refuse_overwriting(outputs: &[String], inputs: &[&str]) -> Result<()> {
    // Said before any work is done, not when the output is written at the end.
    if outputs.iter().any(String::is_empty) {
        anyhow::bail!(bitext::Error::usage("an output file name is empty"));
    }
    for out in outputs {
        let Ok(target) = fs::canonicalize(out) else {
            continue;
        };
        if !target.is_file() {
            continue; // /dev/stdout may well be where an input comes from too
        }
        for input in inputs.iter().filter(|i| **i != "-") {
            if fs::canonicalize(input).is_ok_and(|i| i == target) {
                anyhow::bail!(bitext::Error::usage(format!(
                    "{out}: this is an input file; write the output somewhere else"
                )));
            }
        }
    }
    Ok(())
}

/// Is `path` standard output (`-`, or no path at all)?
pub fn is_stdout(path: Option<&str>) -> bool {
    matches!(path, None | Some("-") | Some("/dev/stdout"))
}

/// Do two output paths name one file (`t.tsv` and `./t.tsv`, or through a link)? The
/// file need not exist yet: its folder is resolved.
pub fn same_file(a: &str, b: &str) -> bool {
    let resolved = |p: &str| {
        let path = Path::new(p);
        let folder = path.parent().filter(|f| !f.as_os_str().is_empty());
        let folder = fs::canonicalize(folder.unwrap_or(Path::new("."))).ok()?;
        Some(
            fs::canonicalize(path)
                .unwrap_or_else(|_| folder.join(path.file_name().unwrap_or_default())),
        )
    };
    a == b || resolved(a).is_some_and(|x| Some(x) == resolved(b))
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

/// A message on stderr, `bitext: ` first, control characters escaped; a stderr that
/// cannot be written to is ignored.
pub fn note(message: impl Display) {
    let text = message.to_string();
    let line = format!("bitext: {}\n", bitext::script::escape_controls(&text));
    let _ = io::stderr().write_all(line.as_bytes());
}

/// The language tags of interchange files (TMX here; TBX and XLIFF take the same).
#[derive(clap::Args, Clone)]
pub struct LangArgs {
    /// Language tags of the Chinese and English sides in TMX files, as ZH,EN.
    #[arg(long, value_name = "ZH,EN", default_value = "zh-CN,en-US")]
    pub langs: String,
    /// Which document is the original (TMX srclang): the other is its translation.
    #[arg(long, value_enum, value_name = "LANG", default_value = "zh")]
    pub source_lang: super::segment::LangArg,
}

impl LangArgs {
    pub fn tags(&self) -> Result<bitext::formats::LangTags> {
        let Some((zh, en)) = self.langs.split_once(',') else {
            anyhow::bail!(bitext::Error::usage(format!(
                "--langs wants two tags, ZH,EN (like zh-CN,en-US), not {}",
                self.langs
            )));
        };
        Ok(bitext::formats::LangTags::new(
            zh.trim(),
            en.trim(),
            self.source_lang.into(),
        )?)
    }
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
            bar.set_message(bitext::script::escape_controls(message).into_owned());
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
/// Without `--format`, an output named as a binary document (`terms.xlsx`,
/// `report.docx`) would get text under a name its program refuses to open: refused.
pub fn refuse_binary_extension(path: Option<&str>, format_given: bool) -> Result<()> {
    const BINARY: [&str; 9] = [
        "xlsx", "xls", "ods", "docx", "doc", "odt", "pdf", "zip", "gz",
    ];
    match extension_of(path) {
        Some(ext) if !format_given && BINARY.contains(&ext.as_str()) => {
            anyhow::bail!(bitext::Error::usage(format!(
                "{}: bitext writes text formats, not .{ext}: name the file .csv or .tsv \
                 (spreadsheets open both), or say which format with --format",
                path.unwrap_or_default()
            )))
        }
        _ => Ok(()),
    }
}

/// The lower-case extension of an output path (`out.TMX` -> `tmx`): when no
/// `--format` is given, the name the user chose says which format they meant.
pub fn extension_of(path: Option<&str>) -> Option<String> {
    let ext = std::path::Path::new(path?).extension()?.to_str()?;
    Some(ext.to_ascii_lowercase())
}
