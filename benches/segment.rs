//! Segmentation throughput (MB/s) on the largest evaluation corpus.
//!
//! `cargo bench --bench segment`. Reads the gold sentence files under
//! `../shared/corpora` (or `BITEXT_CORPORA`) and joins them into running text, one
//! paragraph per ten sentences; skips with a message when the corpora are absent.

use std::path::{Path, PathBuf};

use bitext::read::TextFormat;
use bitext::segment::{Lang, segment};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpora_dir() -> PathBuf {
    std::env::var_os("BITEXT_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"))
}

/// All documents of one language of a corpus joined into running text.
fn corpus_text(dir: &Path, lang: Lang) -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let sep = if lang == Lang::En { " " } else { "" };
    let mut text = String::new();
    for file in files {
        let raw = std::fs::read_to_string(&file).unwrap_or_default();
        let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
        for chunk in lines.chunks(10) {
            text.push_str(&chunk.join(sep));
            text.push('\n');
        }
    }
    text
}

fn bench_segment(c: &mut Criterion) {
    let root = corpora_dir();
    // The largest corpus by bytes.
    let Some((name, zh, en)) = ["pol-dev", "aca", "mac-dev"]
        .iter()
        .map(|name| {
            let dir = root.join(name);
            (
                *name,
                corpus_text(&dir.join("zh"), Lang::Zh),
                corpus_text(&dir.join("en"), Lang::En),
            )
        })
        .max_by_key(|(_, zh, en)| zh.len() + en.len())
        .filter(|(_, zh, en)| !zh.is_empty() && !en.is_empty())
    else {
        eprintln!("segment bench: no corpora under {}", root.display());
        return;
    };
    // Build the shared jieba instance outside the timing.
    let words = bitext::lexicon::segmenter(true);
    let _ = segment("预热。".into(), Lang::Zh, TextFormat::Plain, &words);
    let mut group = c.benchmark_group(format!("segment/{name}"));
    for (lang, text) in [("zh", zh), ("en", en)] {
        let l = if lang == "zh" { Lang::Zh } else { Lang::En };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(lang, |b| {
            b.iter(|| {
                segment(
                    std::hint::black_box(text.clone()),
                    l,
                    TextFormat::Plain,
                    &words,
                )
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_segment
}
criterion_main!(benches);
