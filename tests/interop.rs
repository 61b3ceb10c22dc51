//! Interoperability: the TMX that `bitext align` writes is loaded by translate-toolkit
//! (an independent implementation, installed by `.ci/install-translate-toolkit.sh` into
//! `target/tt-venv`), and TMX as other tools write it is read back by bitext.
//!
//! Without the venv the translate-toolkit checks are skipped with a message, unless the
//! environment variable `CI` is set, in which case they fail.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use bitext::formats::aligned::{read_aligned, read_jsonl};
use bitext::pairs::AlignedPair;

/// The venv's Python, or `None` (with a message) when it is absent outside CI.
fn translate_toolkit_python() -> Option<PathBuf> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tt-venv/bin/python");
    if python.exists() {
        return Some(python);
    }
    skip(
        &format!("translate-toolkit ({})", python.display()),
        "run .ci/install-translate-toolkit.sh",
    );
    None
}

/// Load a file with translate-toolkit's `translate.storage.<storage>` (`tmx` or `tbx`)
/// and return each unit's source and target text. A TBX check of the glossary output
/// can call this with `"tbx"`.
fn translate_toolkit_units(python: &Path, storage: &str, path: &Path) -> Vec<(String, String)> {
    translate_toolkit_units_in(python, storage, path, "zh-CN", "en-US")
}

/// As `translate_toolkit_units`, with the languages the reader should look for.
fn translate_toolkit_units_in(
    python: &Path,
    storage: &str,
    path: &Path,
    source: &str,
    target: &str,
) -> Vec<(String, String)> {
    const SCRIPT: &str = r#"
import json, sys
from translate.storage import tmx, tbx
storage, path, source, target = sys.argv[1:5]
cls = {"tmx": tmx.tmxfile, "tbx": tbx.tbxfile}[storage]
with open(path, "rb") as f:
    store = cls(f, sourcelanguage=source, targetlanguage=target)
units = [[u.source or "", u.target or ""] for u in store.units]
sys.stdout.write(json.dumps(units, ensure_ascii=False))
"#;
    let out = Command::new(python)
        .args(["-c", SCRIPT, storage])
        .arg(path)
        .args([source, target])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "translate-toolkit could not load {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Align a pair with `bitext align` as TMX (to a file) and as JSONL (our pairs).
fn align_both(zh: &str, en: &str, presplit: bool, dir: &Path) -> (PathBuf, Vec<AlignedPair>) {
    let tmx = dir.join("out.tmx");
    let mut args = vec!["align"];
    if presplit {
        args.push("--presplit");
    }
    let status = bitext()
        .args(&args)
        .args(["--format", "tmx", "-o"])
        .arg(&tmx)
        .args([zh, en])
        .status()
        .unwrap();
    assert!(status.success());
    let out = bitext()
        .args(&args)
        .args(["--format", "jsonl", zh, en])
        .output()
        .unwrap();
    assert!(out.status.success());
    let pairs = read_jsonl(&String::from_utf8(out.stdout).unwrap(), "jsonl").unwrap();
    (tmx, pairs)
}

/// translate-toolkit sees one unit per bead with both sides, with exactly our texts.
fn assert_translate_toolkit_reads(zh: &str, en: &str, presplit: bool) {
    let Some(python) = translate_toolkit_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (tmx, pairs) = align_both(zh, en, presplit, dir.path());
    let ours: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|p| !p.zh.is_empty() && !p.en.is_empty())
        .map(|p| (p.zh, p.en))
        .collect();
    assert!(ours.len() > 10, "{zh}: only {} pairs", ours.len());
    let theirs = translate_toolkit_units(&python, "tmx", &tmx);
    assert_eq!(theirs.len(), ours.len(), "{zh}: unit count");
    for (i, (a, b)) in theirs.iter().zip(&ours).enumerate() {
        assert_eq!(a, b, "{zh}: unit {i}");
    }
    // And our own reader agrees with both.
    let back: Vec<(String, String)> = read_aligned(tmx.to_str().unwrap())
        .unwrap()
        .into_iter()
        .map(|p| (p.zh, p.en))
        .collect();
    assert_eq!(back, ours);
}

#[test]
fn translate_toolkit_loads_our_tmx_of_the_sample() {
    assert_translate_toolkit_reads(
        &format!("{SAMPLE}/zh.txt"),
        &format!("{SAMPLE}/en.txt"),
        false,
    );
}

#[test]
fn translate_toolkit_loads_our_tmx_of_pol_dev() {
    let corpus = shared_dir().join("corpora/pol-dev");
    let Ok(entries) = std::fs::read_dir(corpus.join("zh")) else {
        skip(&corpus.display().to_string(), SHARED_HINT);
        return;
    };
    let mut names: Vec<_> = entries.flatten().map(|e| e.file_name()).collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let zh = corpus.join("zh").join(&name);
        let en = corpus.join("en").join(&name);
        assert_translate_toolkit_reads(zh.to_str().unwrap(), en.to_str().unwrap(), true);
    }
}

#[test]
fn tmx_from_other_tools_reads_back() {
    // UTF-16 LE with a BOM and CRLF, a DTD reference, language codes ZH, zh-Hans,
    // zh-cn, en_US, EN-GB, inline codes (bpt/ept/ph) and highlights (hi), an extra
    // zh-TW variant and a unit without Chinese.
    let pairs = read_aligned("tests/fixtures/interop/other-tool-utf16.tmx").unwrap();
    let got: Vec<(&str, &str)> = pairs
        .iter()
        .map(|p| (p.zh.as_str(), p.en.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "坚持共商共建共享原则。",
                "Uphold the principle of extensive consultation."
            ),
            (
                "数字经济规模达到38.6万亿美元。",
                "The digital economy reached US$38.6 trillion."
            ),
            ("数据 & 算法 <治理>", "Data & algorithms <governance>"),
        ]
    );
    assert_eq!(
        pairs.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
}

#[test]
fn translate_toolkit_reads_the_other_tool_fixture_too() {
    // A check on the fixture itself: it is TMX that an independent reader accepts.
    let Some(python) = translate_toolkit_python() else {
        return;
    };
    let units = translate_toolkit_units(
        &python,
        "tmx",
        Path::new("tests/fixtures/interop/other-tool-utf16.tmx"),
    );
    assert_eq!(units.len(), 4);
    assert!(units[2].0.contains("数据 & 算法"), "{units:?}");
}

#[test]
fn translate_toolkit_loads_our_tbx_glossary() {
    let Some(python) = translate_toolkit_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (format!("{SAMPLE}/zh.txt"), format!("{SAMPLE}/en.txt"));
    let tbx = dir.path().join("glossary.tbx");
    let run = |args: &[&str]| {
        let out = bitext()
            .args(["glossary", &zh, &en])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["--format", "tbx", "-o", tbx.to_str().unwrap()]);
    let tsv = run(&["--format", "tsv"]);
    let ours: Vec<(String, String)> = tsv
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells = l.split('\t');
            (
                cells.next().unwrap().to_string(),
                cells.next().unwrap().to_string(),
            )
        })
        .collect();
    // Our TBX tags language sets `zh` and `en`.
    let theirs = translate_toolkit_units_in(&python, "tbx", &tbx, "zh", "en");
    assert!(!ours.is_empty());
    assert_eq!(theirs, ours);
}
