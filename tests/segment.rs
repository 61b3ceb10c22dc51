//! `bitext segment`: both output formats, stdin, encodings, and bad input.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/segment")
        .join(name)
}

fn bitext() -> Command {
    Command::cargo_bin("bitext").expect("binary built")
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8 output")
}

const ZH_UNITS: &[&str] = &[
    "城市数据治理报告",
    "（2024年3月）",
    "一、总体情况",
    "（一）基本原则",
    "我们坚持开放合作。",
    "我们反对数据孤岛！",
    "“为什么要共享？”",
    "因为数据是关键生产要素。",
    "1. 统一标准",
    "二、重点任务",
];

#[test]
fn text_format_prints_one_unit_per_line() {
    let out = stdout_of(bitext().arg("segment").arg(fixture("zh.txt")));
    assert_eq!(out.lines().collect::<Vec<_>>(), ZH_UNITS);
}

#[test]
fn english_abbreviations_and_detection() {
    let out = stdout_of(bitext().arg("segment").arg(fixture("en.txt")));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[4..7],
        [
            "We uphold open cooperation.",
            "Mr. Li of the U.S. office agreed, e.g. on standards.",
            "Why share data?"
        ]
    );
    assert_eq!(lines.len(), 10);
}

#[test]
fn jsonl_has_kind_section_spans_and_tokens() {
    let path = fixture("zh.txt");
    let source = std::fs::read_to_string(&path).expect("fixture");
    let out = stdout_of(
        bitext()
            .args(["segment", "--format", "jsonl", "--lang", "zh"])
            .arg(&path),
    );
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(records.len(), ZH_UNITS.len());
    for (rec, want) in records.iter().zip(ZH_UNITS) {
        assert_eq!(rec["text"], *want);
        let (s, e) = (
            rec["start"].as_u64().unwrap() as usize,
            rec["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[s..e], *want);
        assert!(rec["tokens"].is_array());
        assert!(rec["paragraph"].is_u64());
    }
    assert_eq!(records[2]["kind"], "heading");
    assert_eq!(records[4]["kind"], "sentence");
    assert_eq!(
        records[4]["section"],
        serde_json::json!(["城市数据治理报告", "一、", "（一）"])
    );
    assert_eq!(
        records[9]["section"],
        serde_json::json!(["城市数据治理报告", "二、"])
    );
}

#[test]
fn markdown_headings() {
    let out = stdout_of(bitext().arg("segment").arg(fixture("notes.md")));
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "Data Rules",
            "1. Scope",
            "These rules apply to cities.",
            "They are binding.",
            "Each city keeps a register."
        ]
    );
}

/// What a Markdown file holds beside prose: front matter, a table, a code block and
/// HTML. Only the prose is segmented; each table cell is a unit of its own.
#[test]
fn markdown_front_matter_tables_and_code_are_not_prose() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.md");
    std::fs::write(
        &path,
        "---\ntitle: 城市数据报告\ndate: 2026-01-05\n---\n\n# 一、总体情况\n\n\
         我们建成了数据平台。\n平台已经开放。\n\n\
         | 指标 | 数值 |\n| --- | --- |\n| 开放数据集 | 1200个 |\n\n\
         ```\nselect * from datasets;\n```\n\n<div class=\"note\">页脚</div>\n",
    )
    .unwrap();
    let out = stdout_of(bitext().arg("segment").arg(&path));
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "一、总体情况",
            "我们建成了数据平台。",
            "平台已经开放。",
            "指标",
            "数值",
            "开放数据集",
            "1200个"
        ]
    );
}

#[test]
fn stdin_as_dash() {
    let out = stdout_of(
        bitext()
            .args(["segment", "-"])
            .write_stdin("我们坚持开放。我们反对保护主义。\n"),
    );
    assert_eq!(out, "我们坚持开放。\n我们反对保护主义。\n");
}

#[test]
fn gb18030_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gbk.txt");
    let (bytes, _, _) =
        encoding_rs::GB18030.encode("一、总体情况\r\n我们坚持开放。我们反对保护主义。\r\n");
    std::fs::write(&path, &bytes).expect("write");
    let out = stdout_of(bitext().arg("segment").arg(&path));
    assert_eq!(out, "一、总体情况\n我们坚持开放。\n我们反对保护主义。\n");
}

#[test]
fn utf16_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bom, le) in [
        ("le.txt", [0xFF, 0xFE], true),
        ("be.txt", [0xFE, 0xFF], false),
    ] {
        let path = dir.path().join(name);
        let mut bytes = bom.to_vec();
        for u in "We met. They left.\n".encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        std::fs::write(&path, &bytes).expect("write");
        let out = stdout_of(bitext().arg("segment").arg(&path));
        assert_eq!(out, "We met.\nThey left.\n");
    }
}

fn assert_bad_input(name: &str, bytes: Option<&[u8]>, message: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    if let Some(bytes) = bytes {
        std::fs::write(&path, bytes).expect("write");
    }
    bitext()
        .arg("segment")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(name).and(predicate::str::contains(message)));
}

#[test]
fn empty_input_is_refused() {
    assert_bad_input("empty.txt", Some(b""), "empty");
    assert_bad_input("blank.txt", Some(b"  \n\n"), "no text");
}

#[test]
fn binary_input_is_refused() {
    assert_bad_input(
        "image.png",
        Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "a PNG image, not a text file",
    );
}

#[test]
fn undecodable_input_is_refused() {
    assert_bad_input(
        "latin1.txt",
        Some(b"caf\xe9 \xff\xfe\x80 ok\n"),
        "invalid UTF-8",
    );
}

#[test]
fn missing_file_is_refused() {
    assert_bad_input("no-such-file.txt", None, "no-such-file.txt");
}

#[test]
fn empty_stdin_names_stdin() {
    bitext()
        .args(["segment", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>").and(predicate::str::contains("empty")));
}
