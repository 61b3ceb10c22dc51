//! `bitext eval` end to end: per-document figures, stdin, encodings, and what it does
//! with a closed pipe, a full disk and a bad line.

mod common;
use common::*;

use std::io::Write;
use std::process::Stdio;

const GOLD: &str = "[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n";
const TEST: &str = "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n";

fn files(dir: &std::path::Path) -> (String, String) {
    let (gold, test) = (dir.join("gold.align"), dir.join("test.align"));
    std::fs::write(&gold, GOLD).unwrap();
    std::fs::write(&test, TEST).unwrap();
    (gold.display().to_string(), test.display().to_string())
}

#[test]
fn per_doc_prints_each_document_and_the_total() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, test) in [("gold", GOLD), ("test", GOLD)] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.align"), GOLD).unwrap();
        std::fs::write(dir.path().join(sub).join("b.align"), test).unwrap();
    }
    std::fs::write(dir.path().join("test/b.align"), TEST).unwrap();
    let g = dir.path().join("gold").display().to_string();
    let t = dir.path().join("test").display().to_string();
    let out = run_ok(&["eval", "--per-doc", &g, &t]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("a ") && lines[0].contains("f1_strict=1.000"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("b ") && lines[1].contains("p_strict=0.500"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("total ") && lines[2].contains("p_strict=0.714"),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run_ok(&["eval", "--per-doc", "--json", &g, &t])).unwrap();
    assert_eq!(json["docs"]["a"]["f1_strict"], 1.0);
    assert_eq!(json["total"]["p_strict"], 5.0 / 7.0);
}

#[test]
fn a_closed_pipe_is_quiet_and_a_full_disk_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, test) = files(dir.path());
    let mut child = bitext()
        .args(["eval", &gold, &test])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bitext()
            .args(["eval", &gold, &test])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("writing to standard output"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn stdin_bom_and_utf16_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, _) = files(dir.path());
    let bom = dir.path().join("bom.align");
    std::fs::write(&bom, [&b"\xef\xbb\xbf"[..], GOLD.as_bytes()].concat()).unwrap();
    let utf16 = dir.path().join("utf16.align");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in GOLD.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    for test in [&bom, &utf16] {
        let out = run_ok(&["eval", &gold, &test.display().to_string()]);
        assert!(out.contains("f1_strict=1.000"), "{out}");
    }
    let mut child = bitext()
        .args(["eval", &gold, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TEST.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("p_strict=0.500"));
}

#[test]
fn a_huge_bad_line_is_named_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, _) = files(dir.path());
    let bad = dir.path().join("bad.align");
    std::fs::write(&bad, format!("[0]:[0]\n{}\n", "z".repeat(4 << 20))).unwrap();
    let out = bitext()
        .args(["eval", &gold, &bad.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 400, "{} bytes of stderr", err.len());
    assert!(err.contains("bad.align: line 2"), "{err}");
}
