//! `bitext batch INPUT --out-dir DIR [--format F] [--jobs N] [--resume] [--combined FILE]`
//! aligns many document pairs in one process: resources are loaded once, pairs are
//! aligned in parallel, each pair's output is written as it finishes (atomically), and
//! DIR/summary.tsv (and .json) says how every pair went. A pair that fails is recorded
//! with its error and the batch goes on; the exit code is 1 when any pair failed.
//!
//! `bitext batch --stdio` is the same pipeline as a map step: one JSON request per line
//! on stdin, one JSON response per line on stdout, in the same order ([`stdio`]).
//!
//! INPUT is a folder holding `zh/` and `en/` with same-named files, or a manifest TSV
//! `zh_path<TAB>en_path[<TAB>name]` (paths relative to the manifest, `#` comments, a
//! first row `zh<TAB>en[<TAB>name]` taken for a header), or `-` for a manifest on stdin.
//!
//! Resuming: DIR/.bitext-batch/ keeps each finished pair's summary row (and, when the
//! combined file's format differs from the pairs' format, its part of that file) and
//! the settings that decide the outputs. With `--resume` and the same settings, a pair
//! whose row and outputs are there and whose two files have the size and content hash
//! the row records is not aligned again; other settings start afresh.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use super::align::AlignInput;
use super::{Outcome, output};
use bitext::align::Bitext;
use bitext::formats::LangTags;
use bitext::lexicon::Resources;
use bitext::pipeline::{CorpusFilter, FilterCounts, LexiconPool, PairOptions, Side, align_texts};
use bitext::read::ReadOptions;

mod stdio;

#[derive(clap::Args)]
#[command(
    mut_arg("zh", |a| a
        .value_name("INPUT")
        .help("A folder with zh/ and en/ holding same-named files, a manifest TSV \
               (zh_path<TAB>en_path[<TAB>name]), or - for a manifest on stdin")),
    mut_arg("en", |a| a.hide(true)),
)]
pub struct Args {
    #[command(flatten)]
    input: AlignInput,
    /// Folder for the outputs: NAME.EXT per pair, summary.tsv and summary.json.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// One JSON request per line on stdin, one JSON response per line on stdout.
    #[arg(long, conflicts_with_all = ["out_dir", "resume", "combined", "format"])]
    stdio: bool,
    #[command(flatten)]
    langs: output::LangArgs,
    /// Format of each pair's output (beads: NAME.align; moses: NAME.zh and NAME.en).
    #[arg(long, value_enum, default_value = "tsv")]
    format: Format,
    /// Pairs aligned at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Skip the pairs whose outputs an earlier run into DIR completed, unless their
    /// inputs changed since.
    #[arg(long)]
    resume: bool,
    /// Also write the whole corpus to one file: .tmx, .jsonl or .tsv by its extension,
    /// otherwise a Moses pair FILE.zh and FILE.en.
    #[arg(long, value_name = "FILE")]
    combined: Option<String>,
    /// Leave out beads whose confidence is below this (0..1).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    min_score: Option<f64>,
    /// Leave out a pair whose English/Chinese length ratio is more than X times above
    /// or below its document's median ratio.
    #[arg(long, value_name = "X")]
    max_length_ratio: Option<f64>,
    /// Leave out pairs whose two texts repeat an earlier pair (within a document, and
    /// across documents in the combined file).
    #[arg(long)]
    dedup: bool,
    /// Leave out pairs whose Chinese side has no Chinese or whose English side is not
    /// English.
    #[arg(long)]
    lang_filter: bool,
    /// Learn one lexicon over all pairs first (written to DIR/pooled-lexicon.tsv), then
    /// align every pair with it: better for many short documents of one domain.
    #[arg(long)]
    pool_lexicon: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Format {
    Tsv,
    Jsonl,
    Tmx,
    Moses,
    Beads,
}

impl Format {
    /// Extensions of the files one pair is written to.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Tsv => &["tsv"],
            Format::Jsonl => &["jsonl"],
            Format::Tmx => &["tmx"],
            Format::Moses => &["zh", "en"],
            Format::Beads => &["align"],
        }
    }

    /// Write a bitext in this format: one buffer per extension.
    fn render(self, bitext: &Bitext, tags: &LangTags) -> std::io::Result<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        match self {
            Format::Tsv => bitext::formats::write_tsv(bitext, &mut out)?,
            Format::Jsonl => bitext::formats::write_jsonl(bitext, &mut out)?,
            Format::Tmx => bitext::formats::write_tmx(bitext, tags, &mut out)?,
            Format::Beads => bitext::formats::write_beads(bitext, &mut out)?,
            Format::Moses => {
                let mut en = Vec::new();
                bitext::formats::write_moses(bitext, &mut out, &mut en)?;
                return Ok(vec![out, en]);
            }
        }
        Ok(vec![out])
    }

    fn name(self) -> &'static str {
        match self {
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Tmx => "tmx",
            Format::Moses => "moses",
            Format::Beads => "beads",
        }
    }

    /// The format of the combined file, from its name.
    fn of_combined(path: &str) -> Format {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("tmx") => Format::Tmx,
            Some("jsonl") => Format::Jsonl,
            Some("tsv") => Format::Tsv,
            _ => Format::Moses,
        }
    }
}

/// One document pair of the batch.
#[derive(Clone, Debug)]
struct Pair {
    name: String,
    zh: String,
    en: String,
    /// A folder's file that no file of the other side pairs with, and why: the pair's
    /// error.
    unpaired: Option<(String, String)>,
}

/// What happened to one pair: a row of summary.tsv.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Row {
    name: String,
    zh: String,
    en: String,
    /// `ok` or `failed`.
    status: String,
    zh_sentences: usize,
    en_sentences: usize,
    beads: usize,
    /// Beads the filters kept.
    kept: usize,
    /// Records in the pair's own output: the kept beads, less those with an empty side
    /// where the format cannot hold them (TMX, Moses).
    #[serde(default)]
    written: usize,
    /// Records of this pair in the combined file, and those left out of it as
    /// duplicates of an earlier document's (`--dedup`); None without `--combined`.
    #[serde(default)]
    combined: Option<usize>,
    #[serde(default)]
    combined_duplicates: usize,
    mean_score: f64,
    /// Share of beads with a confidence under 0.5.
    low_share: f64,
    filtered: FilterCounts,
    warnings: Vec<String>,
    seconds: f64,
    error: Option<String>,
}

/// A pair's row as the state folder keeps it: with its inputs as they were aligned.
#[derive(Serialize, Deserialize)]
struct Record {
    #[serde(flatten)]
    row: Row,
    /// None in a record of a version before content hashes.
    #[serde(default)]
    inputs: Option<Inputs>,
}

/// The two files of a pair; a side that is not a regular file (a pipe) has no stamp.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Inputs {
    zh: Option<Stamp>,
    en: Option<Stamp>,
}

/// A file's size and content hash, not its time: a `touch` or checkout of the same
/// text redoes nothing, an edit that keeps the time (`cp -p`) is still seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    /// SipHash-1-3 (std's `DefaultHasher`), 16 hex digits.
    hash: String,
}

impl Stamp {
    /// None when `path` is not a regular file or cannot be read.
    fn of(path: &str) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        Some(Stamp {
            size: bytes.len() as u64,
            hash: content_hash(&bytes),
        })
    }

    /// Whether `path` still holds what was stamped: the size first, read only if equal.
    fn matches(&self, path: &str) -> bool {
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == self.size)
            && Stamp::of(path).as_ref() == Some(self)
    }
}

impl Inputs {
    fn of(pair: &Pair) -> Inputs {
        Inputs {
            zh: Stamp::of(&pair.zh),
            en: Stamp::of(&pair.en),
        }
    }

    /// Whether both files still hold what was aligned (a side without a stamp cannot
    /// be told unchanged).
    fn match_pair(&self, pair: &Pair) -> bool {
        [(&self.zh, &pair.zh), (&self.en, &pair.en)]
            .iter()
            .all(|(stamp, path)| stamp.as_ref().is_some_and(|s| s.matches(path)))
    }
}

fn content_hash(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    // Stable while std keeps SipHash-1-3; a change would only redo pairs once.
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// What `--resume` finds of a pair in the state folder.
enum Earlier {
    /// Done, its outputs there and its inputs unchanged: not aligned again.
    /// `by_times`: a record without hashes, judged by modification times.
    Done { row: Box<Row>, by_times: bool },
    /// Done, but an input changed since.
    Changed { by_times: bool },
    /// Not done, failed, or its outputs are missing.
    NotDone,
}

/// Everything a worker needs, shared by reference.
struct Job<'a> {
    dir: &'a Path,
    state: PathBuf,
    format: Format,
    combined: Option<Format>,
    options: PairOptions,
    read: ReadOptions,
    tags: LangTags,
    filter: CorpusFilter,
}

const STATE_DIR: &str = ".bitext-batch";

/// Remove the temporary files (`.bitext-XXXXXX`) a run killed outright (SIGKILL, a
/// power cut) left in `dir` or its state folder while writing: the output they were to
/// become is written again. Said on stderr; a file that cannot be removed is left.
fn remove_temporaries(dir: &Path) {
    let mut removed = 0;
    for folder in [dir.to_path_buf(), dir.join(STATE_DIR)] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let ours = name.to_string_lossy().starts_with(".bitext-") && name != STATE_DIR;
            if ours
                && entry.file_type().is_ok_and(|t| t.is_file())
                && std::fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
    }
    if removed > 0 {
        output::note(format!(
            "removed {removed} temporary file(s) an interrupted run left in {}",
            dir.display()
        ));
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(x) = args.min_score
        && !(0.0..=1.0).contains(&x)
    {
        bail!(bitext::Error::usage(format!(
            "--min-score must be between 0 and 1, not {x}"
        )));
    }
    if args.stdio {
        if args.input.zh.is_some() {
            bail!(bitext::Error::usage(
                "--stdio reads requests from stdin: give no INPUT"
            ));
        }
        return stdio::run(&args.input, args.jobs, args.min_score);
    }
    let Some(input) = args.input.zh.clone() else {
        bail!(bitext::Error::usage(
            "batch needs INPUT (a folder with zh/ and en/, or a manifest) and --out-dir DIR, or --stdio"
        ));
    };
    if let Some(extra) = &args.input.en {
        bail!(bitext::Error::usage(format!(
            "batch takes one INPUT (a folder or a manifest), not also {extra}"
        )));
    }
    let Some(dir) = args.out_dir.clone() else {
        bail!(bitext::Error::usage("batch needs --out-dir DIR"));
    };
    if let Some(x) = args.max_length_ratio
        && (x.is_nan() || x < 1.0)
    {
        bail!(bitext::Error::usage(format!(
            "--max-length-ratio must be 1 or more, not {x}"
        )));
    }
    let pairs = list_pairs(&input)?;
    if pairs.is_empty() {
        bail!(bitext::Error::input(
            input.as_str(),
            "no document pairs found"
        ));
    }
    check_names(&pairs, args.format)?;
    let options = PairOptions {
        presplit: args.input.presplit,
        align: args.input.options()?,
    };
    if dir.exists() && !dir.is_dir() {
        bail!(bitext::Error::usage(format!(
            "{}: --out-dir names a file, not a folder",
            dir.display()
        )));
    }
    // Options and resources first: a start refused for them leaves no folder behind.
    let (_, pool) = worker_pool(args.jobs)?;
    let read = args.input.read.options()?;
    let tags = args.langs.tags()?;
    let mut resources = args.input.resources()?;
    let created = !dir.exists();
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create the output folder", dir.display()))?;
    if let Some(path) = &args.combined
        && let Err(e) = check_combined(path, &dir, &pairs, args.format)
    {
        // A refused start leaves nothing behind: the folder was made for this run.
        if created {
            let _ = std::fs::remove_dir(&dir);
        }
        return Err(e);
    }
    let filter = CorpusFilter {
        min_score: args.min_score,
        max_length_ratio: args.max_length_ratio,
        dedup: args.dedup,
        languages: args.lang_filter,
    };
    let combined = args.combined.as_deref().map(Format::of_combined);
    // Everything besides a pair's two files that decides its outputs (a pair's part
    // of the combined file is looked for by `Job::finished`).
    let settings = format!(
        "{:#?}\n",
        (
            args.format,
            &options,
            &read,
            &tags,
            &filter,
            (
                &args.input.dicts,
                args.input.no_dict,
                &args.input.glossaries
            ),
            (
                args.input.no_default_glossary,
                std::env::var("BITEXT_DICT").ok()
            ),
            args.pool_lexicon,
        )
    );
    let state = dir.join(STATE_DIR);
    let settings_path = state.join("settings.txt");
    let resume = args.resume
        && match std::fs::read_to_string(&settings_path) {
            Ok(earlier) if earlier == settings => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !state.exists() => false,
            _ => {
                output::note(format!(
                    "resuming: the options differ from those of the run that wrote {}: every pair is aligned again",
                    dir.display()
                ));
                false
            }
        };
    if !resume && state.exists() {
        std::fs::remove_dir_all(&state)
            .with_context(|| format!("{}: cannot clear it", state.display()))?;
    }
    if args.resume {
        remove_temporaries(&dir);
    }
    std::fs::create_dir_all(&state)
        .with_context(|| format!("{}: cannot create it", state.display()))?;
    let settings_path = settings_path.display().to_string();
    output::write_output(Some(&settings_path), |w: &mut dyn Write| {
        Ok(w.write_all(settings.as_bytes())?)
    })?;

    let job = Job {
        dir: &dir,
        state,
        format: args.format,
        combined,
        options,
        read,
        tags,
        filter,
    };
    let mut earlier: Vec<Earlier> = if resume {
        use rayon::prelude::*;
        pool.install(|| pairs.par_iter().map(|pair| job.earlier(pair)).collect())
    } else {
        pairs.iter().map(|_| Earlier::NotDone).collect()
    };
    let count = |earlier: &[Earlier], which: fn(&Earlier) -> bool| -> usize {
        earlier.iter().filter(|e| which(e)).count()
    };
    let changed = count(&earlier, |e| matches!(e, Earlier::Changed { .. }));
    let by_times = count(&earlier, |e| {
        matches!(
            e,
            Earlier::Done { by_times: true, .. } | Earlier::Changed { by_times: true }
        )
    });
    let mut resume_lexicon = resume;
    if args.pool_lexicon && changed > 0 {
        // The pooled lexicon was learned from the old texts too, and every pair used it.
        output::note(format!(
            "resuming: the inputs of {} changed and --pool-lexicon learns from every pair: the lexicon is learned again and every pair aligned again",
            pairs_count(changed)
        ));
        earlier.iter_mut().for_each(|e| *e = Earlier::NotDone);
        resume_lexicon = false;
    }
    if by_times > 0 {
        output::note(format!(
            "resuming: {} recorded by an earlier version of bitext without content hashes: checked by modification time, a pair whose inputs were modified after it was done is aligned again",
            pairs_count(by_times)
        ));
    }
    let resumed = count(&earlier, |e| matches!(e, Earlier::Done { .. }));

    if args.pool_lexicon {
        resources = pool.install(|| {
            pooled_resources(
                resources,
                &pairs,
                &job.options,
                &job.read,
                &dir,
                resume_lexicon,
            )
        })?;
    }

    let progress = bar(pairs.len(), args.input.quiet);
    let rows: Vec<Mutex<Option<Row>>> = earlier
        .into_iter()
        .map(|e| match e {
            Earlier::Done { row, .. } => Mutex::new(Some(*row)),
            Earlier::Changed { .. } | Earlier::NotDone => Mutex::new(None),
        })
        .collect();
    pool.install(|| {
        use rayon::prelude::*;
        pairs.par_iter().zip(&rows).for_each(|(pair, slot)| {
            let done = slot.lock().expect("no worker panics holding a row").take();
            let resumed = done.is_some();
            let row = done.unwrap_or_else(|| job.align_pair(pair, &resources));
            if let Some(error) = &row.error {
                progress.suspend(|| output::note(format!("{}: {error}", pair.name)));
            }
            // Said as `align` says them (once: not again on resuming): a batch of
            // thousands is where they are missed.
            for warning in row.warnings.iter().filter(|_| !resumed) {
                progress.suspend(|| output::note(format!("{}: {warning}", pair.name)));
            }
            progress.inc(1);
            *slot.lock().expect("no worker panics holding a row") = Some(row);
        })
    });
    progress.finish_and_clear();
    if args.resume {
        let redone = match changed {
            0 => String::new(),
            1 => "; 1 pair was aligned again because its inputs changed".to_string(),
            n => format!("; {n} pairs were aligned again because their inputs changed"),
        };
        output::note(format!(
            "resuming: {resumed} of {} pairs were done before{redone}",
            pairs.len()
        ));
    }
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|r| {
            r.into_inner()
                .expect("rows intact")
                .expect("every pair ran")
        })
        .collect();

    // The summary first: a combined file that cannot be written late (a full disk)
    // must not cost the record of what was aligned. It is written again with the
    // combined file's counts.
    write_summary(&dir, &rows)?;
    let failed = rows.iter().filter(|r| r.error.is_some()).count();
    let sum = |rows: &[Row], count: fn(&Row) -> usize| -> usize { rows.iter().map(count).sum() };
    let (beads, kept) = (sum(&rows, |r| r.beads), sum(&rows, |r| r.kept));
    let written = sum(&rows, |r| r.written);
    let one_sided = match kept - written {
        0 => String::new(),
        n => format!(
            " ({n} with an empty side left out: {} holds only pairs of two sides)",
            args.format.name()
        ),
    };
    let warned = match rows.iter().filter(|r| !r.warnings.is_empty()).count() {
        0 => String::new(),
        n => format!("; {} with warnings (summary.tsv)", pairs_count(n)),
    };
    output::note(format!(
        "{} of {} pairs aligned ({failed} failed): {beads} beads, {} left out by the filters, {written} written to {}{one_sided}{warned}",
        rows.len() - failed,
        rows.len(),
        beads - kept,
        dir.display()
    ));
    if let (Some(path), Some(format)) = (&args.combined, job.combined) {
        job.write_combined(path, format, &pairs, &mut rows, args.dedup)?;
        write_summary(&dir, &rows)?;
        let records: usize = rows.iter().filter_map(|r| r.combined).sum();
        let duplicates = match sum(&rows, |r| r.combined_duplicates) {
            0 => String::new(),
            n => format!(", {n} left out as duplicates of an earlier document's"),
        };
        output::note(format!(
            "{}: {records} records from {} documents{duplicates}",
            combined_paths(path).join(" and "),
            rows.len() - failed
        ));
    }
    Ok(if failed > 0 {
        Outcome::ProblemsFound
    } else {
        Outcome::Ok
    })
}

/// A progress bar with ETA, drawn only when stderr is a terminal.
/// The threads pairs are aligned on: `--jobs`, or one per core.
fn worker_pool(jobs: Option<usize>) -> Result<(usize, rayon::ThreadPool)> {
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("starting the worker threads")?;
    Ok((jobs, pool))
}

fn bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} pairs  {elapsed} elapsed, about {eta} left",
        )
        .expect("a valid template"),
    );
    bar
}

fn pairs_count(n: usize) -> String {
    match n {
        1 => "1 pair".to_string(),
        n => format!("{n} pairs"),
    }
}

/// The pairs of a folder (zh/ and en/) or a manifest (a file, or `-` for stdin).
fn list_pairs(input: &str) -> Result<Vec<Pair>> {
    let path = Path::new(input);
    if input != "-" && path.is_dir() {
        return folder_pairs(path);
    }
    let text = bitext::read::read_path(input)?;
    let base = match input {
        "-" => PathBuf::new(),
        _ => path.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    manifest_pairs(&text, input, &base)
}

fn utf8(path: &Path) -> Result<String> {
    match path.to_str() {
        Some(s) => Ok(s.to_string()),
        None => bail!(bitext::Error::usage(format!(
            "{}: file names must be UTF-8",
            path.display()
        ))),
    }
}

/// A pair's name from its Chinese file: the file name without its extension.
fn name_of(path: &Path) -> String {
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The pairs of a folder: each file of zh/ with the file of en/ of the same name, or
/// else of the same name without extension (`zh/x.txt` and `en/x.md`), in the same
/// subfolder (`zh/2019/x.txt` and `en/2019/x.txt`, named `2019/x`). A file of either
/// side that no file of the other pairs with is a pair that fails on the missing file.
fn folder_pairs(dir: &Path) -> Result<Vec<Pair>> {
    let (zh_dir, en_dir) = (dir.join("zh"), dir.join("en"));
    if !zh_dir.is_dir() || !en_dir.is_dir() {
        bail!(bitext::Error::usage(format!(
            "{}: a folder of pairs holds zh/ and en/ with same-named files",
            dir.display()
        )));
    }
    let zh_files = files_under(&zh_dir)?;
    let en_files = files_under(&en_dir)?;
    let mut paired = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for zh in zh_files {
        let relative = zh.strip_prefix(&zh_dir).expect("found under zh/");
        let same_name = en_dir.join(relative);
        let en = if en_files.contains(&same_name) {
            same_name
        } else {
            let same_stem: Vec<&PathBuf> = en_files
                .iter()
                .filter(|e| e.parent() == same_name.parent() && e.file_stem() == zh.file_stem())
                .collect();
            match same_stem[..] {
                [only] => only.clone(),
                // None: the pair fails on its missing English file, and says so.
                [] => same_name,
                _ => bail!(bitext::Error::usage(format!(
                    "{}: several English files could pair with it ({}): keep one, or list the pairs in a manifest",
                    zh.display(),
                    same_stem
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        };
        paired.insert(en.clone());
        let zh = utf8(&zh)?;
        let unpaired = (!en_files.contains(&en)).then(|| {
            let why = format!("no English file of its name in {}", en_dir.display());
            (zh.clone(), why)
        });
        pairs.push(Pair {
            name: relative_name(relative),
            zh,
            en: utf8(&en)?,
            unpaired,
        });
    }
    // An English file no Chinese file pairs with fails as its pair, as a Chinese one
    // does: the summary accounts for every document of the folder.
    let names: std::collections::HashSet<String> =
        pairs.iter().map(|p| p.name.to_lowercase()).collect();
    for en in en_files.iter().filter(|e| !paired.contains(*e)) {
        let relative = en.strip_prefix(&en_dir).expect("found under en/");
        let mut name = relative_name(relative);
        if names.contains(&name.to_lowercase()) {
            // x.md beside a pair x: the extension tells them apart.
            name = relative.to_string_lossy().replace('\\', "/");
        }
        pairs.push(Pair {
            name,
            zh: utf8(&zh_dir.join(relative))?,
            en: utf8(en)?,
            unpaired: Some((
                utf8(en)?,
                format!("no Chinese file of its name in {}", zh_dir.display()),
            )),
        });
    }
    Ok(pairs)
}

/// A pair's name from its Chinese file's path under zh/: the subfolders and the file
/// name without its extension, joined by `/` (`2019/x` for `2019/x.txt`).
fn relative_name(relative: &Path) -> String {
    let mut name: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    name.push(name_of(relative));
    name.join("/")
}

/// The files under a folder and its subfolders (linked ones too, each real folder
/// once: a link may loop), sorted, those of the system and of editors left out. Hidden
/// folders are not entered, nor an earlier batch's output folder (it holds
/// `.bitext-batch`) made inside the input.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let real = std::fs::canonicalize(&folder)
            .map_err(|e| bitext::Error::io(folder.display().to_string(), e))?;
        if !seen.insert(real) || (folder != dir && folder.join(STATE_DIR).is_dir()) {
            continue;
        }
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| bitext::Error::io(folder.display().to_string(), e))?;
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                if !name.starts_with('.') {
                    folders.push(path);
                }
            } else if path.is_file() && !is_not_a_document(&name) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Hidden files (`.DS_Store`, Emacs's `.#x` locks), Office owner files (`~$x.docx`,
/// kept while a document is open), editor backups and autosaves (`x~`, `#x#`), and
/// the Windows folder files `Thumbs.db` and `desktop.ini`.
fn is_not_a_document(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

fn manifest_pairs(text: &str, manifest: &str, base: &Path) -> Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    let mut first = true;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        // A spreadsheet's header row.
        if std::mem::take(&mut first) && matches!(line, "zh\ten" | "zh\ten\tname") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !(2..=3).contains(&cells.len()) || cells[..2].iter().any(|c| c.trim().is_empty()) {
            bail!(bitext::Error::input_at(
                manifest,
                n + 1,
                "expected zh_path<TAB>en_path[<TAB>name]"
            ));
        }
        let path = |c: &str| utf8(&base.join(c.trim()));
        let zh = path(cells[0])?;
        let name = match cells.get(2).map(|c| c.trim()) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => name_of(Path::new(cells[0].trim())),
        };
        if !is_safe_name(&name) {
            bail!(bitext::Error::input_at(
                manifest,
                n + 1,
                format!(
                    "{name:?} cannot name output files (no path separators, no leading dot, no control characters)"
                )
            ));
        }
        pairs.push(Pair {
            name,
            zh,
            en: path(cells[1])?,
            unpaired: None,
        });
    }
    Ok(pairs)
}

/// A name that stays a file inside the output folder.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// Names must be unique (each names its outputs) and not those of the summary files.
fn check_names(pairs: &[Pair], format: Format) -> Result<()> {
    let mut seen = std::collections::HashMap::new();
    for p in pairs {
        // Apart in case only, they are one file on macOS and Windows.
        if let Some(first) = seen.insert(p.name.to_lowercase(), p) {
            bail!(bitext::Error::usage(format!(
                "two pairs are named {}{} ({} and {}): name them apart in a manifest's third column",
                p.name,
                if first.name == p.name {
                    String::new()
                } else {
                    format!(" and {}, apart in case only,", first.name)
                },
                first.zh,
                p.zh
            )));
        }
        if p.name == "summary" && format == Format::Tsv || p.name == "pooled-lexicon" {
            bail!(bitext::Error::usage(format!(
                "a pair may not be named {}: that is a file of the batch's own",
                p.name
            )));
        }
    }
    Ok(())
}

/// The files `--combined FILE` writes: FILE, or FILE.zh and FILE.en for Moses.
fn combined_paths(path: &str) -> Vec<String> {
    match Format::of_combined(path) {
        Format::Moses => vec![format!("{path}.zh"), format!("{path}.en")],
        _ => vec![path.to_string()],
    }
}

/// Refuse, before any pair is aligned, a combined file that would replace another
/// output of the batch (a pair's file, the summary, the pooled lexicon) or that cannot
/// be written where it is asked for (no such folder, not writable).
fn check_combined(path: &str, dir: &Path, pairs: &[Pair], format: Format) -> Result<()> {
    // One JSON document per line is JSON Lines; a file named .json would be Moses text.
    let extension = Path::new(path).extension().and_then(|e| e.to_str());
    if extension.is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        bail!(bitext::Error::usage(format!(
            "--combined {path}: the combined corpus is JSON Lines: name it .jsonl (or .tmx, .tsv; no extension for Moses)"
        )));
    }
    let dir =
        std::fs::canonicalize(dir).map_err(|e| bitext::Error::io(dir.display().to_string(), e))?;
    for file in combined_paths(path) {
        let given = Path::new(&file);
        let Some(name) = given.file_name().and_then(|n| n.to_str()) else {
            bail!(bitext::Error::usage(format!(
                "--combined {file}: not a file name"
            )));
        };
        let parent = match given.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let folder = std::fs::canonicalize(parent)
            .ok()
            .filter(|f| f.is_dir())
            .ok_or_else(|| {
                bitext::Error::usage(format!(
                    "--combined {file}: the folder {} does not exist",
                    parent.display()
                ))
            })?;
        match std::fs::metadata(given) {
            Ok(meta) if meta.is_dir() => bail!(bitext::Error::usage(format!(
                "--combined {file}: this is a folder, not a file"
            ))),
            Ok(meta) if meta.permissions().readonly() => bail!(bitext::Error::usage(format!(
                "--combined {file}: the file is read-only; bitext does not replace it"
            ))),
            _ => {}
        }
        // The combined file is written like every output: a temporary file beside it,
        // then renamed. Try that now rather than after aligning every pair.
        tempfile::NamedTempFile::new_in(&folder).map_err(|e| {
            bitext::Error::usage(format!(
                "--combined {file}: cannot write in its folder: {e}"
            ))
        })?;
        if folder != dir {
            continue;
        }
        let own = ["summary.tsv", "summary.json", "pooled-lexicon.tsv"];
        let pair = pairs.iter().find(|p| {
            format
                .extensions()
                .iter()
                .any(|ext| format!("{}.{ext}", p.name) == name)
        });
        if own.contains(&name) || pair.is_some() {
            let whose = match pair {
                Some(p) => format!("the output of the pair {}", p.name),
                None => "a file of the batch's own".to_string(),
            };
            bail!(bitext::Error::usage(format!(
                "--combined {file}: that is {whose} in {}; give the combined file another name",
                dir.display()
            )));
        }
    }
    Ok(())
}

impl Job<'_> {
    fn output_paths(&self, pair: &Pair) -> Vec<String> {
        self.format
            .extensions()
            .iter()
            .map(|ext| self.dir.join(format!("{}.{ext}", pair.name)))
            .map(|p| p.display().to_string())
            .collect()
    }

    /// Where the pair's part of the combined file is: its own outputs when they are in
    /// the combined format, otherwise files in the state folder.
    fn part_paths(&self, pair: &Pair, combined: Format) -> Vec<String> {
        if combined == self.format {
            return self.output_paths(pair);
        }
        combined
            .extensions()
            .iter()
            .map(|ext| self.state.join(format!("{}.part.{ext}", pair.name)))
            .map(|p| p.display().to_string())
            .collect()
    }

    fn row_path(&self, pair: &Pair) -> PathBuf {
        self.state.join(format!("{}.json", pair.name))
    }

    /// Whether an earlier run finished the pair, its outputs are all there and its
    /// inputs are those it aligned.
    fn earlier(&self, pair: &Pair) -> Earlier {
        let row_path = self.row_path(pair);
        let Some(Record { row, inputs }) = std::fs::read_to_string(&row_path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
        else {
            return Earlier::NotDone;
        };
        let mut paths = self.output_paths(pair);
        if let Some(combined) = self.combined {
            paths.extend(self.part_paths(pair, combined));
        }
        let complete = row.error.is_none()
            && row.zh == pair.zh
            && row.en == pair.en
            && paths.iter().all(|p| Path::new(p).is_file());
        if !complete {
            return Earlier::NotDone;
        }
        match inputs {
            Some(inputs) if inputs.match_pair(pair) => Earlier::Done {
                row: Box::new(row),
                by_times: false,
            },
            Some(_) => Earlier::Changed { by_times: false },
            None => {
                // An older record: the row was written once the pair was done, so an
                // input modified since is newer than it.
                let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
                let Some(done) = modified(&row_path) else {
                    return Earlier::Changed { by_times: true };
                };
                let older = |input: &str| modified(Path::new(input)).is_some_and(|t| t < done);
                if !(older(&pair.zh) && older(&pair.en)) {
                    return Earlier::Changed { by_times: true };
                }
                // Stamped now, so the next resume compares contents. Failing to write
                // it only means the times are looked at again.
                let _ = self.write_record(pair, &row, Inputs::of(pair));
                Earlier::Done {
                    row: Box::new(row),
                    by_times: true,
                }
            }
        }
    }

    fn write_record(&self, pair: &Pair, row: &Row, inputs: Inputs) -> Result<()> {
        let json = serde_json::to_vec(&Record {
            row: row.clone(),
            inputs: Some(inputs),
        })?;
        let path = self.row_path(pair).display().to_string();
        in_its_folder(&path)?;
        output::write_output(Some(&path), |w: &mut dyn Write| Ok(w.write_all(&json)?))
    }

    /// Align one pair and write its outputs and row; any failure becomes the row's error.
    fn align_pair(&self, pair: &Pair, resources: &Resources) -> Row {
        let started = Instant::now();
        // Before reading: an edit while the pair is aligned leaves it stamped as older
        // than its files, so the next resume aligns it again.
        let inputs = Inputs::of(pair);
        let mut row = Row {
            name: pair.name.clone(),
            zh: pair.zh.clone(),
            en: pair.en.clone(),
            ..Row::default()
        };
        // A panic in one pair must not end the batch.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.align_and_write(pair, resources, &mut row)
        }));
        let error = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(format!("{e:#}")),
            Err(_) => Some("internal error (a bug in bitext): this pair was skipped".to_string()),
        };
        row.status = if error.is_some() { "failed" } else { "ok" }.to_string();
        if error.is_some() {
            self.remove_stale_outputs(pair);
        }
        row.error = error;
        row.seconds = (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
        if let Err(e) = self.write_record(pair, &row, inputs) {
            row.error.get_or_insert_with(|| format!("{e:#}"));
            row.status = "failed".to_string();
        }
        row
    }

    /// A failed pair's outputs of an earlier run go: `out/*.tmx` must not hold the
    /// alignment of inputs since changed, while the summary calls the pair failed. An
    /// output that is one of the pair's inputs stays (the failure may be just that).
    fn remove_stale_outputs(&self, pair: &Pair) {
        for path in self.output_paths(pair) {
            let input = output::same_file(&path, &pair.zh) || output::same_file(&path, &pair.en);
            if !input && Path::new(&path).is_file() {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    fn align_and_write(&self, pair: &Pair, resources: &Resources, row: &mut Row) -> Result<()> {
        let outputs = self.output_paths(pair);
        output::refuse_overwriting(&outputs, &[&pair.zh, &pair.en])?;
        if let Some((file, why)) = &pair.unpaired {
            bail!(bitext::Error::input(file.as_str(), why.as_str()));
        }
        let zh = Side::read_with(&pair.zh, &self.read)?;
        let en = Side::read_with(&pair.en, &self.read)?;
        let aligned = align_texts(zh, en, resources, &self.options)?;
        row.warnings = aligned.notes();
        row.mean_score = round3(aligned.mean_confidence());
        let mut bitext = aligned.bitext;
        row.zh_sentences = bitext.zh.units.len();
        row.en_sentences = bitext.en.units.len();
        row.beads = bitext.beads.len();
        let low = bitext.beads.iter().filter(|b| b.score < 0.5).count();
        row.low_share = round3(low as f64 / bitext.beads.len().max(1) as f64);
        row.filtered = self.filter.apply(&mut bitext);
        row.kept = bitext.beads.len();
        row.written = match self.format {
            Format::Tmx | Format::Moses => bitext
                .beads
                .iter()
                .filter(|b| !b.zh.is_empty() && !b.en.is_empty())
                .count(),
            Format::Tsv | Format::Jsonl | Format::Beads => row.kept,
        };
        write_files(&outputs, self.format.render(&bitext, &self.tags)?)?;
        if let Some(combined) = self.combined
            && combined != self.format
        {
            write_files(
                &self.part_paths(pair, combined),
                combined.render(&bitext, &self.tags)?,
            )?;
        }
        Ok(())
    }

    /// The corpus in one file, the pairs in order, from each pair's part.
    fn write_combined(
        &self,
        path: &str,
        format: Format,
        pairs: &[Pair],
        rows: &mut [Row],
        dedup: bool,
    ) -> Result<()> {
        let done: Vec<(usize, &Pair)> = pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| rows[*i].error.is_none())
            .collect();
        // Per pair: records written, records left out as duplicates.
        let mut counts = vec![(0usize, 0usize); pairs.len()];
        let mut seen = std::collections::HashSet::new();
        let mut fresh = |i: usize, key: u64| {
            let new = !dedup || seen.insert(key);
            if new {
                counts[i].0 += 1;
            } else {
                counts[i].1 += 1;
            }
            new
        };
        match format {
            Format::Moses => {
                let paths = combined_paths(path);
                let (zh_path, en_path) = (&paths[0], &paths[1]);
                // Two files written side by side: the Chinese one first, then the English
                // one with the same records kept.
                let mut kept: Vec<Vec<bool>> = Vec::new();
                output::write_output(Some(zh_path), |w: &mut dyn Write| {
                    for &(i, pair) in &done {
                        let parts = self.part_paths(pair, format);
                        let zh = read_part(&parts[0])?;
                        let en = read_part(&parts[1])?;
                        let mut keep = Vec::new();
                        for (z, e) in zh.lines().zip(en.lines()) {
                            let k = fresh(i, record_key(z, e));
                            if k {
                                writeln!(w, "{z}")?;
                            }
                            keep.push(k);
                        }
                        kept.push(keep);
                    }
                    Ok(())
                })?;
                output::write_output(Some(en_path), |w: &mut dyn Write| {
                    for ((_, pair), keep) in done.iter().zip(&kept) {
                        let en = read_part(&self.part_paths(pair, format)[1])?;
                        for (e, k) in en.lines().zip(keep) {
                            if *k {
                                writeln!(w, "{e}")?;
                            }
                        }
                    }
                    Ok(())
                })?;
            }
            Format::Jsonl => output::write_output(Some(path), |w: &mut dyn Write| {
                for &(i, pair) in &done {
                    let text = read_part(&self.part_paths(pair, format)[0])?;
                    let doc = serde_json::to_string(&pair.name)?;
                    for line in text.lines().filter(|l| l.starts_with('{')) {
                        let record: serde_json::Value = serde_json::from_str(line)?;
                        if fresh(
                            i,
                            record_key(
                                record["zh"].as_str().unwrap_or_default(),
                                record["en"].as_str().unwrap_or_default(),
                            ),
                        ) {
                            writeln!(w, "{{\"doc\":{doc},{}", &line[1..])?;
                        }
                    }
                }
                Ok(())
            })?,
            Format::Tsv => output::write_output(Some(path), |w: &mut dyn Write| {
                writeln!(w, "doc\tzh\ten\tscore\tsection")?;
                for &(i, pair) in &done {
                    let text = read_part(&self.part_paths(pair, format)[0])?;
                    let doc = bitext::formats::tsv_cell(&pair.name);
                    for line in text.lines().skip(1) {
                        let mut cells = line.split('\t');
                        let (zh, en) = (cells.next(), cells.next());
                        if fresh(
                            i,
                            record_key(zh.unwrap_or_default(), en.unwrap_or_default()),
                        ) {
                            writeln!(w, "{doc}\t{line}")?;
                        }
                    }
                }
                Ok(())
            })?,
            Format::Tmx => output::write_output(Some(path), |w: &mut dyn Write| {
                let mut footer = None;
                // Units are numbered anew across the corpus and say their document.
                let mut tuid = 0usize;
                for &(i, pair) in &done {
                    let text = read_part(&self.part_paths(pair, format)[0])?;
                    let Some(tmx) = TmxParts::of(&text) else {
                        if text.contains("<body/>") {
                            continue; // no unit in this pair
                        }
                        bail!("{}: not a TMX file bitext wrote", pair.name);
                    };
                    if footer.is_none() {
                        w.write_all(tmx.head.as_bytes())?;
                        footer = Some(tmx.foot.to_string());
                    }
                    let doc = quick_xml::escape::escape(bitext::formats::xml_chars(&pair.name));
                    for unit in tmx.units {
                        let texts = segs(unit);
                        let zh = texts.first().copied().unwrap_or_default();
                        let en = texts.get(1).copied().unwrap_or_default();
                        if fresh(i, record_key(zh, en)) {
                            let Some(unit) = with_doc(unit, tuid, &doc) else {
                                bail!("{}: not a TMX file bitext wrote", pair.name);
                            };
                            w.write_all(unit.as_bytes())?;
                            tuid += 1;
                        }
                    }
                }
                match footer {
                    Some(foot) => w.write_all(foot.as_bytes())?,
                    None => {
                        // No pair finished: an empty TMX all the same.
                        let empty = bitext::align::Bitext::from_pairs(
                            &[],
                            bitext::segment::words::WordSegmenter::plain(),
                        );
                        bitext::formats::write_tmx(&empty, &self.tags, w)?;
                    }
                }
                Ok(())
            })?,
            Format::Beads => unreachable!("the combined file is never in beads format"),
        }
        for (row, (written, duplicates)) in rows.iter_mut().zip(counts) {
            if row.error.is_none() {
                row.combined = Some(written);
                row.combined_duplicates = duplicates;
            }
        }
        Ok(())
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The key `--dedup` compares records of the combined file by: their two texts with
/// white space evened out, whatever the format wrote them in.
fn record_key(zh: &str, en: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default()
        .hash_one((bitext::pipeline::spaced(zh), bitext::pipeline::spaced(en)))
}

/// Make the folder a file goes in: a pair from a subfolder (`2019/x`) has its
/// outputs in the same subfolder of the output folder.
fn in_its_folder(path: &str) -> Result<()> {
    match Path::new(path).parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("{}: cannot create it", folder.display()))
        }
        _ => Ok(()),
    }
}

fn read_part(path: &str) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))
}

fn write_files(paths: &[String], buffers: Vec<Vec<u8>>) -> Result<()> {
    for (path, buffer) in paths.iter().zip(buffers) {
        in_its_folder(path)?;
        output::write_output(Some(path), |w: &mut dyn Write| Ok(w.write_all(&buffer)?))?;
    }
    Ok(())
}

/// A TMX document cut into what comes before its first unit, its units, and what
/// comes after the last: units of several documents go into one body.
struct TmxParts<'a> {
    head: &'a str,
    units: Vec<&'a str>,
    foot: &'a str,
}

impl<'a> TmxParts<'a> {
    /// None when there is no `<body>` element with content.
    fn of(text: &'a str) -> Option<TmxParts<'a>> {
        let body = text.find("<body>")? + "<body>".len();
        let head_end = if text[body..].starts_with('\n') {
            body + 1
        } else {
            body
        };
        let end = text.rfind("</body>")?;
        let mut units = Vec::new();
        let mut rest = head_end;
        while let Some(i) = find_unit(&text[rest..end]) {
            let start = rest + i;
            let close = start + text[start..end].find("</tu>")? + "</tu>".len();
            // A unit keeps its indentation and its line break.
            let close = if text[close..].starts_with('\n') {
                close + 1
            } else {
                close
            };
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1).max(rest);
            units.push(&text[line_start..close]);
            rest = close;
        }
        let foot_start = text[..end].rfind('\n').map_or(end, |i| i + 1).max(rest);
        Some(TmxParts {
            head: &text[..head_end],
            units,
            foot: &text[foot_start..],
        })
    }
}

/// Offset of the next `<tu>` or `<tu ...>` (not `<tuv`).
fn find_unit(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("<tu") {
        let at = from + i;
        if matches!(text.as_bytes().get(at + 3), Some(b' ' | b'>')) {
            return Some(at);
        }
        from = at + 3;
    }
    None
}

/// A unit of one document's TMX as a unit of the combined file: its `tuid` replaced
/// and a `<prop type="x-bitext-doc">` (TMX 1.4b: properties come before the variants)
/// naming its document. None when the unit has no `tuid` in its start tag.
fn with_doc(unit: &str, tuid: usize, doc: &str) -> Option<String> {
    let start = unit.find("<tu")?;
    let tag_end = start + unit[start..].find('>')? + 1;
    let at = start + unit[start..tag_end].find(" tuid=\"")? + " tuid=\"".len();
    let value_end = at + unit[at..tag_end].find('"')?;
    let after = &unit[tag_end..];
    // The doc property goes where the first child starts, with its indentation.
    let indent = &after[..after.len() - after.trim_start().len()];
    Some(format!(
        "{}{tuid}{}{indent}<prop type=\"x-bitext-doc\">{doc}</prop>{after}",
        &unit[..at],
        &unit[value_end..tag_end],
    ))
}

/// The segment texts of a unit: what makes two units the same pair.
fn segs(unit: &str) -> Vec<&str> {
    unit.split("<seg>")
        .skip(1)
        .filter_map(|s| s.split_once("</seg>").map(|(seg, _)| seg))
        .collect()
}

fn write_summary(dir: &Path, rows: &[Row]) -> Result<()> {
    let tsv = dir.join("summary.tsv").display().to_string();
    output::write_output(Some(&tsv), |w: &mut dyn Write| {
        writeln!(
            w,
            "name\tstatus\tzh_sentences\ten_sentences\tbeads\tkept\twritten\tcombined\tcombined_duplicates\tmean_score\tlow_share\twarnings\tseconds\terror\tzh\ten"
        )?;
        for r in rows {
            let cell = bitext::formats::tsv_cell;
            writeln!(
                w,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{:.3}\t{}\t{}\t{}",
                cell(&r.name),
                r.status,
                r.zh_sentences,
                r.en_sentences,
                r.beads,
                r.kept,
                r.written,
                r.combined.map(|n| n.to_string()).unwrap_or_default(),
                r.combined_duplicates,
                r.mean_score,
                r.low_share,
                r.warnings.len(),
                r.seconds,
                cell(r.error.as_deref().unwrap_or("")),
                cell(&r.zh),
                cell(&r.en),
            )?;
        }
        Ok(())
    })?;
    let json = dir.join("summary.json").display().to_string();
    output::write_output(Some(&json), |w: &mut dyn Write| {
        serde_json::to_writer_pretty(&mut *w, rows)?;
        writeln!(w)?;
        Ok(())
    })
}

/// Align every pair once, pool a lexicon from their confident beads, and return the
/// resources with it added to the glossary. The lexicon is kept in
/// DIR/pooled-lexicon.tsv; a resumed run (same options) reads it back instead of
/// learning it again.
fn pooled_resources(
    resources: Resources,
    pairs: &[Pair],
    options: &PairOptions,
    read: &ReadOptions,
    dir: &Path,
    resume: bool,
) -> Result<Resources> {
    use rayon::prelude::*;
    let path = dir.join("pooled-lexicon.tsv").display().to_string();
    let earlier = resume
        .then(|| std::fs::read_to_string(&path).ok())
        .flatten();
    let entries = match earlier {
        Some(text) => bitext::lexicon::parse_glossary_tsv(&text, &path)?,
        None => {
            let pool = Mutex::new(LexiconPool::default());
            pairs.par_iter().for_each(|pair| {
                let aligned = Side::read_with(&pair.zh, read)
                    .and_then(|zh| Ok((zh, Side::read_with(&pair.en, read)?)))
                    .and_then(|(zh, en)| align_texts(zh, en, &resources, options));
                // Pairs that fail are reported by the second pass.
                if let Ok(aligned) = aligned {
                    let mut one = LexiconPool::default();
                    one.add(&aligned.bitext, &resources);
                    pool.lock().expect("pool intact").merge(one);
                }
            });
            let params = &options.align.params;
            let entries = pool
                .into_inner()
                .expect("pool intact")
                .entries(params.learn_count, params.learn_dice);
            output::write_output(Some(&path), |w: &mut dyn Write| {
                writeln!(
                    w,
                    "# bitext batch --pool-lexicon: word pairs learned over all pairs"
                )?;
                writeln!(w, "zh\ten")?;
                for e in &entries {
                    writeln!(w, "{}\t{}", e.zh, e.en.join(" | "))?;
                }
                Ok(())
            })?;
            entries
        }
    };
    output::note(format!(
        "pooled lexicon: {} Chinese words ({path})",
        entries.len()
    ));
    let Resources {
        dictionary,
        mut glossary,
        words,
    } = resources;
    glossary.extend(entries);
    Ok(Resources {
        dictionary,
        glossary,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tmx_parts_keep_units_whole() {
        let text = "<?xml?>\n<tmx>\n  <body>\n    <tu tuid=\"0\">\n      <tuv><seg>a &lt;tu b</seg></tuv>\n    </tu>\n    <tu tuid=\"1\"><tuv><seg>c</seg></tuv></tu>\n  </body>\n</tmx>\n";
        let parts = TmxParts::of(text).unwrap();
        assert_eq!(parts.head, "<?xml?>\n<tmx>\n  <body>\n");
        assert_eq!(parts.units.len(), 2);
        assert!(parts.units[0].starts_with("    <tu tuid=\"0\">"));
        assert!(parts.units[1].ends_with("</tu>\n"));
        assert_eq!(parts.foot, "  </body>\n</tmx>\n");
        assert_eq!(segs(parts.units[0]), ["a &lt;tu b"]);
        let joined: String = [parts.head, parts.units[0], parts.units[1], parts.foot].concat();
        assert_eq!(joined, text);
    }

    /// A table row joined by tabs (JSONL keeps them) and by spaces (a TSV cell cannot
    /// hold a tab) is one record to `--dedup`, in every combined format.
    #[test]
    fn dedup_compares_texts_with_white_space_evened_out() {
        assert_eq!(
            record_key("区\t数量", "District\tCount"),
            record_key("区 数量", " District  Count")
        );
        assert_ne!(
            record_key("区 数量", "District"),
            record_key("区数量", "District")
        );
    }

    #[test]
    fn system_and_editor_files_are_not_documents() {
        for name in [
            ".DS_Store",
            ".#a.txt",
            "~$a.docx",
            "a.txt~",
            "#a.txt#",
            "Thumbs.db",
        ] {
            assert!(is_not_a_document(name), "{name}");
        }
        for name in ["a.txt", "a~b.txt", "#1.txt", "~a.docx", "$a.docx", "#"] {
            assert!(!is_not_a_document(name), "{name}");
        }
    }

    #[test]
    fn the_content_hash_is_the_one_earlier_runs_recorded() {
        // Were it to change (a new std hasher), every resumed pair would be aligned again.
        assert_eq!(
            content_hash("今天天气很好。\n我们去公园散步。\n".as_bytes()),
            "e8034dbc34d12b9a"
        );
    }

    #[test]
    fn manifest_paths_are_relative_to_it_and_names_safe() {
        let pairs = manifest_pairs(
            "# pairs\nzh/a.txt\ten/a.txt\n\nzh/b.txt\ten/b.txt\tsecond\n",
            "m.tsv",
            Path::new("corpus"),
        )
        .unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].name, "a");
        assert_eq!(pairs[0].zh, "corpus/zh/a.txt");
        assert_eq!(pairs[1].name, "second");
        let err = manifest_pairs("a\tb\t../x\n", "m.tsv", Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("m.tsv: line 1"), "{err}");
        let err = manifest_pairs("only one cell\n", "m.tsv", Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("m.tsv: line 1"), "{err}");
    }
}
