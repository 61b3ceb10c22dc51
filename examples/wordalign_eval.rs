//! Word-alignment AER on a hand-aligned set in fast_align layout: `DIR/train.zh`,
//! `DIR/train.en` (one pre-tokenized sentence per line) and `DIR/train.align` (Pharaoh
//! `i-j`, `-P` = possible).
//!
//! `cargo run --release --example wordalign_eval -- ../shared/word-align/denero [KEY=VALUE]...`
//!
//! Prints AER, precision and recall of the dictionary-only baseline and of the model
//! (Model 1 alone and with the HMM; each direction and symmetrised) under the default
//! parameters changed by the KEY=VALUE arguments (see `wordalign::Params::set`);
//! `--only` prints just the configured model's row; `--dump=FILE` writes its links;
//! `--extra=DIR` trains on one of our own sample pairs as well (see `extra_pairs`);
//! `--limit=N` trains and scores on the first N pairs only (little data).

use std::time::Instant;

use bitext::lexicon::Resources;
use bitext::wordalign::aer::{AerCounts, GoldLinks, aer, parse_gold_line};
use bitext::wordalign::{Params, Symmetrization, align_tokenized, dictionary_links};

fn read_lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(String::from)
        .collect()
}

fn row(name: &str, c: AerCounts) {
    println!(
        "{name:<40} AER {:.3}  P {:.3}  R {:.3}",
        c.aer(),
        c.precision(),
        c.recall()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .expect("usage: wordalign_eval DIR [KEY=VALUE]...");
    let mut params = Params::default();
    let mut only = false;
    let mut dump = None;
    let mut extra = None;
    let mut limit = usize::MAX;
    for kv in &args[1..] {
        if kv == "--only" {
            only = true;
            continue;
        }
        if let Some(path) = kv.strip_prefix("--extra=") {
            extra = Some(path.to_string());
            continue;
        }
        if let Some(n) = kv.strip_prefix("--limit=") {
            limit = n.parse().expect("--limit=N");
            continue;
        }
        if let Some(path) = kv.strip_prefix("--dump=") {
            dump = Some(path.to_string());
            continue;
        }
        let (k, v) = kv.split_once('=').expect("KEY=VALUE");
        params.set(k, v).unwrap_or_else(|e| panic!("{e}"));
    }
    let zh = read_lines(&format!("{dir}/train.zh"));
    let en = read_lines(&format!("{dir}/train.en"));
    let gold: Vec<GoldLinks> = read_lines(&format!("{dir}/train.align"))
        .iter()
        .map(|l| parse_gold_line(l).expect("gold line"))
        .collect();
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    let pairs: Vec<(Vec<String>, Vec<String>)> = zh
        .iter()
        .zip(&en)
        .map(|(z, e)| (words(z), words(e)))
        .collect();
    let resources = Resources::default_embedded().expect("resources");
    let mut pairs = pairs;
    pairs.truncate(limit);
    let tested = pairs.len();
    if let Some(dir) = &extra {
        pairs.extend(extra_pairs(dir, &resources));
    }

    let start = Instant::now();
    let mut links = align_tokenized(&pairs, &resources, &params);
    links.truncate(tested);
    let elapsed = start.elapsed();
    row(
        &format!("model ({:?})", params.symmetrization),
        aer(&links, &gold),
    );
    eprintln!("{} sentence pairs in {:.2?}", pairs.len(), elapsed);
    if let Some(path) = dump {
        let text: String = links
            .iter()
            .map(|l| format!("{}\n", bitext::wordalign::aer::format_links(l)))
            .collect();
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    if only {
        return;
    }
    row(
        "dictionary only",
        aer(&dictionary_links(&pairs, &resources), &gold),
    );
    for (name, hmm) in [("Model 1", 0), ("HMM", params.hmm_iterations)] {
        for sym in [
            Symmetrization::ZhToEn,
            Symmetrization::EnToZh,
            Symmetrization::Intersection,
            Symmetrization::Union,
            Symmetrization::GrowDiagFinalAnd,
            Symmetrization::Average,
        ] {
            let p = Params {
                hmm_iterations: hmm,
                symmetrization: sym,
                ..params.clone()
            };
            row(
                &format!("{name}, {sym:?}"),
                aer(&align_tokenized(&pairs, &resources, &p)[..tested], &gold),
            );
        }
    }
}

/// The beads of one of our own sample pairs (`zh.sentences`, `en.sentences` and a
/// gold `gold.align`), cut into words, as more training text.
fn extra_pairs(dir: &str, resources: &Resources) -> Vec<(Vec<String>, Vec<String>)> {
    use bitext::segment::Lang;
    let zh = read_lines(&format!("{dir}/zh.sentences"));
    let en = read_lines(&format!("{dir}/en.sentences"));
    let cut = |ids: &str, lines: &[String], lang| -> Vec<String> {
        let text: Vec<&str> = ids
            .split(',')
            .filter_map(|i| i.trim().parse::<usize>().ok())
            .map(|i| lines[i].as_str())
            .collect();
        let text = text.join(" ");
        resources
            .words
            .tokenize(&text, 0, lang)
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    };
    read_lines(&format!("{dir}/gold.align"))
        .iter()
        .filter_map(|l| {
            let (z, e) = l.split_once("]:[")?;
            let z = z.trim_start_matches('[');
            let e = e.trim_end_matches(']');
            Some((cut(z, &zh, Lang::Zh), cut(e, &en, Lang::En)))
        })
        .collect()
}
