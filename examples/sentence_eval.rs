//! Sentence-boundary evaluation against gold one-sentence-per-line corpora.
//!
//! `cargo run --release --example sentence_eval -- CORPORA_DIR [-v]`
//!
//! For each corpus folder (with `zh/NAME` and `en/NAME`) and each document, the gold
//! lines are joined back into running text (Chinese with nothing between lines,
//! English with one space; a line without sentence-final punctuation stands on its own
//! line), segmented with `segment()`, and the unit ends compared with the gold sentence
//! ends. Prints boundary precision / recall / F1 per corpus and language; `-v` also
//! prints each missed and each spurious boundary.

use std::collections::BTreeSet;
use std::path::Path;

use bitext::read::TextFormat;
use bitext::segment::{Lang, heading, segment, words::WordSegmenter};

#[derive(Default)]
struct Counts {
    gold: usize,
    test: usize,
    hit: usize,
}

/// Join gold lines into text; returns the text and the gold boundary offsets.
fn join(lines: &[&str], lang: Lang) -> (String, BTreeSet<usize>) {
    let mut text = String::new();
    let mut gold = BTreeSet::new();
    let mut in_paragraph = false;
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let own_line = !heading::ends_sentence(line);
        if own_line && in_paragraph {
            text.push('\n');
            in_paragraph = false;
        }
        if in_paragraph && lang == Lang::En {
            text.push(' ');
        }
        text.push_str(line);
        gold.insert(text.len());
        if own_line {
            text.push('\n');
        } else {
            in_paragraph = true;
        }
    }
    (text, gold)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let Some(root) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!("usage: sentence_eval CORPORA_DIR [-v]");
        std::process::exit(2);
    };
    let mut corpora: Vec<_> = match std::fs::read_dir(root) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("sentence_eval: {root}: {e}");
            std::process::exit(2);
        }
    };
    corpora.sort();
    println!(
        "{:<10} {:<4} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "corpus", "lang", "gold", "test", "P", "R", "F1"
    );
    for corpus in corpora.iter().filter(|p| p.join("zh").is_dir()) {
        for (lang, dir) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let counts = eval_dir(&corpus.join(dir), lang, verbose);
            let p = counts.hit as f64 / counts.test.max(1) as f64;
            let r = counts.hit as f64 / counts.gold.max(1) as f64;
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            let name = corpus
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            println!(
                "{name:<10} {dir:<4} {:>6} {:>6} {p:>7.4} {r:>7.4} {f:>7.4}",
                counts.gold, counts.test
            );
        }
    }
}

fn eval_dir(dir: &Path, lang: Lang, verbose: bool) -> Counts {
    let mut counts = Counts::default();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for file in files {
        let Ok(raw) = std::fs::read_to_string(&file) else {
            continue;
        };
        let lines: Vec<&str> = raw.lines().collect();
        let (text, gold) = join(&lines, lang);
        let doc = segment(text, lang, TextFormat::Plain, WordSegmenter::plain());
        let test: BTreeSet<usize> = doc.units.iter().map(|u| u.end).collect();
        counts.gold += gold.len();
        counts.test += test.len();
        counts.hit += gold.intersection(&test).count();
        if verbose {
            let context = |at: usize| {
                let s = doc.text[..at]
                    .char_indices()
                    .rev()
                    .nth(30)
                    .map_or(0, |(i, _)| i);
                let e = doc.text[at..]
                    .char_indices()
                    .nth(30)
                    .map_or(doc.text.len(), |(i, _)| at + i);
                format!("{}‖{}", &doc.text[s..at], &doc.text[at..e]).replace('\n', "¶")
            };
            for &m in gold.difference(&test) {
                println!("MISS {}: {}", file.display(), context(m));
            }
            for &x in test.difference(&gold) {
                println!("EXTRA {}: {}", file.display(), context(x));
            }
        }
    }
    counts
}
