//! `bitext eval GOLD TEST`: two .align files, or two folders of NAME.align.

use std::path::Path;

use anyhow::{Result, bail};

use super::Outcome;
use bitext::eval::{BeadIds, parse_beads, score};

#[derive(clap::Args)]
pub struct Args {
    /// Gold alignment: a .align file or a folder of NAME.align files.
    gold: String,
    /// Alignment to score: a file or folder like GOLD.
    test: String,
    /// Print JSON instead of `key=value` pairs.
    #[arg(long)]
    json: bool,
}

fn load(path: &Path) -> Result<Vec<BeadIds>> {
    let name = path.display().to_string();
    if path.is_dir() {
        anyhow::bail!(bitext::Error::usage(format!(
            "{name} is a folder: give two files or two folders"
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| bitext::Error::io(name.as_str(), e))?;
    let beads = parse_beads(&text, &name)?;
    if beads.is_empty() {
        anyhow::bail!(bitext::Error::input(name.as_str(), "no beads in this file"));
    }
    Ok(beads)
}

pub fn run(args: Args) -> Result<Outcome> {
    let (gold, test) = (Path::new(&args.gold), Path::new(&args.test));
    let mut docs = Vec::new();
    if gold.is_dir() {
        if !test.is_dir() {
            bail!(bitext::Error::usage(format!(
                "{} is a folder, so {} must be one too",
                args.gold, args.test
            )));
        }
        let mut names: Vec<_> = std::fs::read_dir(gold)
            .map_err(|e| bitext::Error::io(args.gold.as_str(), e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".align"))
            .collect();
        names.sort();
        if names.is_empty() {
            bail!(bitext::Error::input(
                args.gold.as_str(),
                "no NAME.align files in this folder"
            ));
        }
        for n in names {
            docs.push((load(&gold.join(&n))?, load(&test.join(&n))?));
        }
    } else {
        docs.push((load(gold)?, load(test)?));
    }
    let s = score(&docs);
    if args.json {
        println!("{}", serde_json::to_string(&s)?);
    } else {
        println!("{s}");
    }
    Ok(Outcome::Ok)
}
