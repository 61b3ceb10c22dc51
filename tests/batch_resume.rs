//! `bitext batch --resume` against inputs that changed since their pair was done
//! (content hashes, and the modification times of records an earlier version wrote),
//! and the files of editors and of the system that a folder of pairs leaves out.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const A_ZH: &str = "今天天气很好。\n我们去公园散步。\n";
const A_EN: &str = "The weather is nice today.\nWe go for a walk in the park.\n";
const B_ZH: &str = "数据保护很重要。\n政府发布了新规定。\n";
const B_EN: &str = "Data protection matters.\nThe government issued new rules.\n";

/// A folder with zh/ and en/ holding the pairs a.txt and b.txt.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    for side in ["zh", "en"] {
        std::fs::create_dir_all(root.join(side)).unwrap();
    }
    for (name, zh, en) in [("a.txt", A_ZH, A_EN), ("b.txt", B_ZH, B_EN)] {
        std::fs::write(root.join("zh").join(name), zh).unwrap();
        std::fs::write(root.join("en").join(name), en).unwrap();
    }
    root
}

/// `bitext batch CORPUS --presplit --out-dir OUT EXTRA...`: (exit code, stderr).
fn batch(corpus: &Path, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let result = bitext()
        .arg("batch")
        .arg(corpus)
        .arg("--presplit")
        .arg("--out-dir")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    (result.status.code(), stderr)
}

fn append(path: &Path, text: &str) {
    let old = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, old + text).unwrap();
}

fn set_modified(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_pair_whose_inputs_changed_is_aligned_again_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("out");
    let (code, stderr) = batch(&corpus, &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !std::fs::read_to_string(out.join("a.tsv"))
            .unwrap()
            .contains("happy")
    );

    append(&corpus.join("zh/a.txt"), "他们很高兴。\n");
    append(&corpus.join("en/a.txt"), "They are happy.\n");
    let (code, stderr) = batch(&corpus, &out, &["--resume"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "resuming: 1 of 2 pairs were done before; 1 pair was aligned again because its inputs changed"
        ),
        "{stderr}"
    );
    let a = std::fs::read_to_string(out.join("a.tsv")).unwrap();
    assert!(a.contains("他们很高兴。\tThey are happy."), "{a}");

    // Touched, the same text: nothing to do.
    set_modified(
        &corpus.join("zh/b.txt"),
        SystemTime::now() + Duration::from_secs(60),
    );
    let (_, stderr) = batch(&corpus, &out, &["--resume"]);
    assert!(
        stderr.contains("resuming: 2 of 2 pairs were done before\n"),
        "{stderr}"
    );

    // Edited to the same size with its modification time put back: still seen.
    let zh_b = corpus.join("zh/b.txt");
    let time = modified(&zh_b);
    std::fs::write(&zh_b, B_ZH.replace('新', "旧")).unwrap();
    set_modified(&zh_b, time);
    let (_, stderr) = batch(&corpus, &out, &["--resume"]);
    assert!(
        stderr.contains("1 pair was aligned again because its inputs changed"),
        "{stderr}"
    );
    let b = std::fs::read_to_string(out.join("b.tsv")).unwrap();
    assert!(b.contains("旧规定"), "{b}");
}

#[test]
fn records_without_hashes_are_checked_by_modification_time() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("out");
    let (code, stderr) = batch(&corpus, &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");

    // The records as the version before content hashes wrote them: the inputs an hour
    // older than the records.
    let now = SystemTime::now();
    let state = out.join(".bitext-batch");
    for name in ["a", "b"] {
        let path = state.join(format!("{name}.json"));
        let mut record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(record.as_object_mut().unwrap().remove("inputs").is_some());
        std::fs::write(&path, record.to_string()).unwrap();
        set_modified(&path, now - Duration::from_secs(3600));
        for side in ["zh", "en"] {
            let input = corpus.join(side).join(format!("{name}.txt"));
            set_modified(&input, now - Duration::from_secs(7200));
        }
    }
    // b is edited after its record was written.
    append(&corpus.join("en/b.txt"), "It takes effect today.\n");
    append(&corpus.join("zh/b.txt"), "规定今天生效。\n");

    let (code, stderr) = batch(&corpus, &out, &["--resume"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("2 pairs recorded by an earlier version"),
        "{stderr}"
    );
    assert!(
        stderr.contains("resuming: 1 of 2 pairs were done before; 1 pair was aligned again"),
        "{stderr}"
    );
    let b = std::fs::read_to_string(out.join("b.tsv")).unwrap();
    assert!(b.contains("It takes effect today."), "{b}");
    // Both records now carry hashes: the next resume compares contents.
    for name in ["a", "b"] {
        let text = std::fs::read_to_string(state.join(format!("{name}.json"))).unwrap();
        assert!(text.contains("\"inputs\""), "{name}: {text}");
    }
    let (_, stderr) = batch(&corpus, &out, &["--resume"]);
    assert!(!stderr.contains("earlier version"), "{stderr}");
    assert!(
        stderr.contains("resuming: 2 of 2 pairs were done before\n"),
        "{stderr}"
    );
}

#[test]
fn with_a_pooled_lexicon_a_changed_input_has_every_pair_aligned_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("out");
    let (code, stderr) = batch(&corpus, &out, &["--pool-lexicon"]);
    assert_eq!(code, Some(0), "{stderr}");
    append(&corpus.join("zh/a.txt"), "他们很高兴。\n");
    append(&corpus.join("en/a.txt"), "They are happy.\n");
    let (code, stderr) = batch(&corpus, &out, &["--pool-lexicon", "--resume"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("the lexicon is learned again"), "{stderr}");
    assert!(
        stderr.contains("resuming: 0 of 2 pairs were done before; 1 pair was aligned again"),
        "{stderr}"
    );
}

#[test]
fn office_owner_files_and_editor_backups_are_not_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let out = dir.path().join("out");
    let names = || -> Vec<String> {
        let summary = std::fs::read_to_string(out.join("summary.tsv")).unwrap();
        summary
            .lines()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    // What Word keeps beside an open document: not a zip archive.
    std::fs::write(corpus.join("zh/~$a.docx"), b"\x0cowner\x00\x00").unwrap();
    let (code, stderr) = batch(&corpus, &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(names(), ["a", "b"]);

    for side in ["zh", "en"] {
        let folder = corpus.join(side);
        std::fs::write(folder.join("~$b.docx"), b"\x0cowner\x00\x00").unwrap();
        std::fs::copy(folder.join("a.txt"), folder.join("a.txt~")).unwrap();
        std::fs::copy(folder.join("a.txt"), folder.join("#a.txt#")).unwrap();
        std::fs::copy(folder.join("a.txt"), folder.join(".#a.txt")).unwrap();
        std::fs::write(folder.join(".DS_Store"), b"\x00\x00\x00\x01Bud1").unwrap();
        std::fs::write(folder.join("Thumbs.db"), b"\xd0\xcf\x11\xe0").unwrap();
        std::fs::write(folder.join("desktop.ini"), "[.ShellClassInfo]\n").unwrap();
    }
    let (code, stderr) = batch(&corpus, &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("no Chinese file"), "{stderr}");
    assert_eq!(names(), ["a", "b"]);
}
