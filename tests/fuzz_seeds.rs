//! The fuzz targets' inputs we keep (fuzz/corpus/TARGET/seed-*: the seeds we wrote and
//! any crash a fuzzer found, once fixed) run through the same library calls as the
//! targets in fuzz/fuzz_targets, so `cargo test` keeps them fixed without a nightly
//! toolchain or cargo-fuzz. Fuzzing itself: see the README.

use std::path::Path;

use bitext::read::{InputFormat, ReadOptions, TextFormat};
use bitext::segment::{self, Lang, words::WordSegmenter};

fn seeds(target: &str) -> Vec<Vec<u8>> {
    seed_files(target)
        .into_iter()
        .map(|(_, data)| data)
        .collect()
}

/// The seeds of a target by file name, in name order.
fn seed_files(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(p).unwrap())
        })
        .collect()
}

#[test]
fn read_seeds() {
    let mut read = 0;
    for data in seeds("read") {
        let Some((&choice, bytes)) = data.split_first() else {
            continue;
        };
        let format = match choice & 7 {
            0 => Some(InputFormat::Text),
            1 => Some(InputFormat::Markdown),
            2 => Some(InputFormat::Html),
            _ => None,
        };
        let encoding = match (choice >> 3) & 7 {
            0 => Some(encoding_rs::BIG5),
            1 => Some(encoding_rs::GB18030),
            2 => Some(encoding_rs::UTF_16LE),
            _ => None,
        };
        let options = ReadOptions {
            format,
            encoding,
            ..ReadOptions::default()
        };
        if let Ok((text, _)) = bitext::read::document_from_bytes(bytes, "seed", &options) {
            assert!(!text.contains('\r'));
            read += 1;
        }
    }
    assert!(read >= 5, "the seeds we wrote are readable documents");
}

#[test]
fn docx_seeds() {
    let limits = bitext::docx::Limits {
        max_entries: 64,
        max_total_bytes: 1 << 20,
    };
    let read = seeds("docx")
        .iter()
        .filter(|d| bitext::docx::docx_to_markdown(d, "seed.docx", limits).is_ok())
        .count();
    assert!(read >= 2);
}

fn segment_seed(data: &[u8], format: Option<TextFormat>) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let lang = if choice & 1 == 0 { Lang::Zh } else { Lang::En };
    let words = WordSegmenter::plain();
    let doc = match format {
        Some(format) => segment::segment(text.to_string(), lang, format, words),
        None if choice & 2 == 0 => {
            segment::segment(text.to_string(), lang, TextFormat::Plain, words)
        }
        None => segment::presplit(text.to_string(), lang, words),
    };
    for (i, unit) in doc.units.iter().enumerate() {
        assert!(unit.start <= unit.end && unit.end <= doc.text.len());
        let _ = doc.unit_text(i);
        let _ = doc.section_path(unit.section);
    }
}

#[test]
fn segment_and_markdown_seeds() {
    for data in seeds("segment") {
        segment_seed(&data, None);
    }
    for data in seeds("markdown") {
        segment_seed(&data, Some(TextFormat::Markdown));
    }
}

#[test]
fn aligned_and_glossary_seeds() {
    for data in seeds("aligned") {
        let pairs = bitext::formats::aligned::parse_aligned(&data, "seed");
        assert!(
            pairs.is_ok_and(|p| !p.is_empty()),
            "our seeds are valid aligned files"
        );
    }
    for data in seeds("glossary") {
        let text = String::from_utf8(data).unwrap();
        assert!(bitext::lexicon::parse_glossary_tsv(&text, "seed.tsv").is_ok());
    }
}

/// Every PDF seed ends promptly, and the seeds we wrote read. Two seeds are inputs the
/// fuzz target timed out on (over 10 s with its sanitizer): a page of 90,000 short lines
/// and 90,000 spaces (each space was compared with every glyph: some 10 s in a release
/// build, 0.1 s now), and a form of 20 bytes that draws itself four times, twelve deep
/// (each draw read it again until the operations ran out; now the cap on forms
/// drawn refuses it).
#[test]
fn pdf_seeds() {
    let mut read = Vec::new();
    let mut forms_refused = false;
    for (file, data) in seed_files("pdf") {
        let start = std::time::Instant::now();
        let result = bitext::pdf::pdf_to_markdown(&data, &file, bitext::pdf::Limits::small());
        let took = start.elapsed();
        assert!(took.as_secs_f32() < 3.0, "{file} took {took:?}");
        match result {
            Ok(pdf) => {
                assert!(!pdf.markdown.trim().is_empty());
                assert!(pdf.damaged_pages <= pdf.pages);
                read.push(file);
            }
            Err(e) if file == "seed-timeout-forms" => {
                assert!(e.to_string().contains("more than 10000 times"), "{e}");
                forms_refused = true;
            }
            Err(_) => {}
        }
    }
    for file in ["seed-en", "seed-zh", "seed-form", "seed-timeout-spaces"] {
        assert!(read.iter().any(|f| f == file), "{file} reads");
    }
    assert!(
        forms_refused,
        "seed-timeout-forms is refused by the cap on forms"
    );
}

#[test]
fn numbers_seeds() {
    for data in seeds("numbers") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        for m in bitext::numbers::extract_zh(text)
            .into_iter()
            .chain(bitext::numbers::extract_en(text))
        {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
}
