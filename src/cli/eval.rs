//! `bitext eval GOLD TEST [--per-doc] [--json]`: two .align files, or two folders of
//! NAME.align (`-` reads one of them from stdin).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Outcome;
use bitext::eval::{BeadIds, Scores, parse_beads, score};

#[derive(clap::Args)]
pub struct Args {
    /// Gold alignment: a .align file or a folder of NAME.align files (`-` for stdin).
    gold: String,
    /// Alignment to score: a file or folder like GOLD (`-` for stdin).
    test: String,
    /// Print JSON instead of `key=value` pairs.
    #[arg(long)]
    json: bool,
    /// Print each document's figures, then the total.
    #[arg(long)]
    per_doc: bool,
}

fn is_dir(path: &str) -> bool {
    path != "-" && Path::new(path).is_dir()
}

fn load(path: &str) -> Result<Vec<BeadIds>> {
    if is_dir(path) {
        bail!(bitext::Error::usage(format!(
            "{path} is a folder: give two files or two folders"
        )));
    }
    // Decoded as any document is: a BOM, UTF-16 and GB18030 are read, binary refused.
    let text = bitext::read::read_path(path)?;
    let beads = parse_beads(&text, path)?;
    if beads.is_empty() {
        bail!(bitext::Error::input(path, "no beads in this file"));
    }
    Ok(beads)
}

/// (document name, gold beads, test beads) of each document.
type Docs = Vec<(String, Vec<BeadIds>, Vec<BeadIds>)>;

fn documents(gold: &str, test: &str) -> Result<Docs> {
    if gold == "-" && test == "-" {
        bail!(bitext::Error::usage(
            "only one of GOLD and TEST can be stdin (-)"
        ));
    }
    if !is_dir(gold) {
        if is_dir(test) {
            bail!(bitext::Error::usage(format!(
                "{test} is a folder, so {gold} must be one too"
            )));
        }
        let name = Path::new(test)
            .file_stem()
            .map_or_else(|| test.to_string(), |s| s.to_string_lossy().into_owned());
        return Ok(vec![(name, load(gold)?, load(test)?)]);
    }
    if !is_dir(test) {
        bail!(bitext::Error::usage(format!(
            "{gold} is a folder, so {test} must be one too"
        )));
    }
    let mut names: Vec<String> = std::fs::read_dir(gold)
        .map_err(|e| bitext::Error::io(gold, e))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".align"))
        .collect();
    names.sort();
    if names.is_empty() {
        bail!(bitext::Error::input(
            gold,
            "no NAME.align files in this folder"
        ));
    }
    let mut docs = Vec::new();
    for n in names {
        let path = |dir: &str| Path::new(dir).join(&n).display().to_string();
        let name = n.trim_end_matches(".align").to_string();
        docs.push((name, load(&path(gold))?, load(&path(test))?));
    }
    Ok(docs)
}

pub fn run(args: Args) -> Result<Outcome> {
    let docs = documents(&args.gold, &args.test)?;
    let scored = |d: &(String, Vec<BeadIds>, Vec<BeadIds>)| score(&[(d.1.clone(), d.2.clone())]);
    let pairs: Vec<(Vec<BeadIds>, Vec<BeadIds>)> =
        docs.iter().map(|d| (d.1.clone(), d.2.clone())).collect();
    let total = score(&pairs);
    let mut out = Vec::new();
    if args.json {
        if args.per_doc {
            let per_doc: serde_json::Map<String, serde_json::Value> = docs
                .iter()
                .map(|d| Ok((d.0.clone(), serde_json::to_value(scored(d))?)))
                .collect::<Result<_>>()?;
            let all = serde_json::json!({ "docs": per_doc, "total": total });
            writeln!(out, "{all}")?;
        } else {
            writeln!(out, "{}", serde_json::to_string(&total)?)?;
        }
    } else if args.per_doc {
        let width = docs
            .iter()
            .map(|d| d.0.chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        let line = |name: &str, s: &Scores| format!("{name:<width$} {s}");
        for d in &docs {
            writeln!(out, "{}", line(&d.0, &scored(d)))?;
        }
        writeln!(out, "{}", line("total", &total))?;
    } else {
        writeln!(out, "{total}")?;
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&out)
        .and_then(|()| stdout.flush())
        .context("writing to standard output")?;
    Ok(Outcome::Ok)
}
