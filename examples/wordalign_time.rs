//! Time of word alignment alone on document pairs (sentence alignment done first and
//! not counted).
//!
//! `cargo run --release --example wordalign_time -- [--repeat=N] [KEY=VALUE]... ZH EN [ZH EN]...`
//!
//! Each pair's files are one sentence per line (as `../shared/corpora/*/{zh,en}/NAME`)
//! and are read with `--presplit`. Prints, per pair and in total, the beads, the words
//! and the time of [`bitext::wordalign::align_bitext`]: wall clock and the CPU time of
//! the process's threads together (from `/proc/self/stat`, in 10 ms ticks), the best
//! of `--repeat` runs (default 3). `--repeat=0` stops after the sentence alignment:
//! under `valgrind --tool=callgrind`, the instruction count with `--repeat=1` minus
//! that with `--repeat=0` is word alignment's, a measure independent of the machine's
//! load (`scripts/wordalign-cost.sh` does this).

use std::time::Instant;

use bitext::align::{AlignOptions, align};
use bitext::lexicon::Resources;
use bitext::segment::{Lang, presplit};
use bitext::wordalign::{Params, align_bitext};

/// User + system CPU time of the whole process so far, in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut params = Params::default();
    let mut repeat = 3;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--repeat=") {
            repeat = n.parse().expect("--repeat=N");
        } else if let Some((k, v)) = arg.split_once('=') {
            params.set(k, v).unwrap_or_else(|e| panic!("{e}"));
        } else {
            files.push(arg);
        }
    }
    assert!(
        !files.is_empty() && files.len() % 2 == 0,
        "usage: wordalign_time [--repeat=N] [KEY=VALUE]... ZH EN [ZH EN]..."
    );
    let resources = Resources::default_embedded().expect("resources");
    let (mut total_wall, mut total_cpu) = (0.0, 0.0);
    for pair in files.chunks(2) {
        let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let zh = presplit(read(&pair[0]), Lang::Zh, &resources.words);
        let en = presplit(read(&pair[1]), Lang::En, &resources.words);
        let bitext = align(zh, en, &resources, &AlignOptions::default());
        if repeat == 0 {
            continue;
        }
        let (mut best_wall, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
        let mut links = Vec::new();
        for _ in 0..repeat {
            let (wall, cpu) = (Instant::now(), cpu_seconds());
            links = align_bitext(&bitext, &resources, &params);
            best_wall = best_wall.min(wall.elapsed().as_secs_f64());
            best_cpu = best_cpu.min(cpu_seconds() - cpu);
        }
        let words: usize = links
            .iter()
            .map(|b| b.zh_tokens.len() + b.en_tokens.len())
            .sum();
        let longest = links
            .iter()
            .map(|b| b.zh_tokens.len().max(b.en_tokens.len()))
            .max()
            .unwrap_or(0);
        let cells: usize = links
            .iter()
            .map(|b| b.zh_tokens.len() * b.en_tokens.len())
            .sum();
        let linked: usize = links.iter().map(|b| b.links.len()).sum();
        println!(
            "{}: {} beads, {words} words (longest side {longest}, {cells} word pairs), {linked} links; wall {best_wall:.3} s, CPU {best_cpu:.2} s",
            pair[0],
            links.len()
        );
        total_wall += best_wall;
        total_cpu += best_cpu;
    }
    println!("total: wall {total_wall:.3} s, CPU {total_cpu:.2} s");
}
