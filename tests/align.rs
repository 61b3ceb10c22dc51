//! `bitext align` and `bitext eval` end to end: the real binary on the team's sample,
//! every output format, the reference scorer's numbers, and hostile input.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

use bitext::eval::parse_beads;

/// Every sentence of both sides in exactly one bead, in order.
fn assert_covers(beads: &[(Vec<usize>, Vec<usize>)], n_zh: usize, n_en: usize) {
    let zh: Vec<usize> = beads.iter().flat_map(|b| b.0.clone()).collect();
    let en: Vec<usize> = beads.iter().flat_map(|b| b.1.clone()).collect();
    assert_eq!(zh, (0..n_zh).collect::<Vec<_>>());
    assert_eq!(en, (0..n_en).collect::<Vec<_>>());
}

fn lines(path: &str) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

#[test]
fn presplit_sample_aligns_close_to_gold() {
    let zh = format!("{SAMPLE}/zh.sentences");
    let en = format!("{SAMPLE}/en.sentences");
    let out = run_ok(&["align", "--presplit", "--format", "beads", &zh, &en]);
    let test = parse_beads(&out, "test").unwrap();
    assert_covers(&test, lines(&zh), lines(&en));
    let gold = parse_beads(
        &std::fs::read_to_string(format!("{SAMPLE}/gold.align")).unwrap(),
        "gold",
    )
    .unwrap();
    let s = bitext::eval::score(&[(gold, test)]);
    assert!(
        s.f1_strict >= 0.9,
        "strict F1 on the sample fell to {}",
        s.f1_strict
    );
}

#[test]
fn tsv_and_jsonl_and_tmx_carry_the_same_pairs() {
    let zh = format!("{SAMPLE}/zh.sentences");
    let en = format!("{SAMPLE}/en.sentences");
    let tsv = run_ok(&["align", "--presplit", &zh, &en]);
    assert!(tsv.starts_with("zh\ten\tscore\tsection\n"));
    let from_tsv = bitext::formats::aligned::read_tsv(&tsv, "tsv").unwrap();
    let jsonl = run_ok(&["align", "--presplit", "--format", "jsonl", &zh, &en]);
    let from_jsonl = bitext::formats::aligned::read_jsonl(&jsonl, "jsonl").unwrap();
    assert_eq!(from_tsv.len(), from_jsonl.len());
    for (a, b) in from_tsv.iter().zip(&from_jsonl) {
        assert_eq!((&a.zh, &a.en), (&b.zh, &b.en));
        let (sa, sb) = (a.score.unwrap(), b.score.unwrap());
        assert!((0.0..=1.0).contains(&sa) && (sa - sb).abs() < 1e-3);
    }
    let tmx = run_ok(&["align", "--presplit", "--format", "tmx", &zh, &en]);
    for attr in [
        r#"srclang="zh-CN""#,
        r#"segtype="sentence""#,
        r#"creationtool="bitext""#,
        r#"datatype="plaintext""#,
        "o-tmf=",
        "adminlang=",
    ] {
        assert!(tmx.contains(attr), "TMX header lacks {attr}");
    }
    let from_tmx = bitext::formats::aligned::read_tmx(&tmx, "tmx").unwrap();
    let both: Vec<_> = from_tsv
        .iter()
        .filter(|p| !p.zh.is_empty() && !p.en.is_empty())
        .collect();
    assert_eq!(from_tmx.len(), both.len());
    for (a, b) in both.iter().zip(&from_tmx) {
        assert_eq!((&a.zh, &a.en), (&b.zh, &b.en));
    }
}

#[test]
fn running_text_aligns_with_sections() {
    let out = run_ok(&[
        "align",
        "--format",
        "jsonl",
        &format!("{SAMPLE}/zh.txt"),
        &format!("{SAMPLE}/en.txt"),
    ]);
    let pairs = bitext::formats::aligned::read_jsonl(&out, "jsonl").unwrap();
    assert!(pairs.len() > 100);
    // Headings pair with headings: the part "三、" must sit with "III.".
    let part3 = pairs
        .iter()
        .find(|p| p.zh.starts_with("三、"))
        .expect("a bead for part 三");
    assert!(
        part3.en.starts_with("III."),
        "三、 paired with {:?}",
        part3.en
    );
}

#[test]
fn moses_writes_two_line_aligned_files_and_min_score_filters() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("corpus");
    let zh = format!("{SAMPLE}/zh.sentences");
    let en = format!("{SAMPLE}/en.sentences");
    run_ok(&[
        "align",
        "--presplit",
        "--format",
        "moses",
        "-o",
        prefix.to_str().unwrap(),
        &zh,
        &en,
    ]);
    let z = std::fs::read_to_string(dir.path().join("corpus.zh")).unwrap();
    let e = std::fs::read_to_string(dir.path().join("corpus.en")).unwrap();
    assert_eq!(z.lines().count(), e.lines().count());
    assert!(z.lines().all(|l| !l.is_empty()) && e.lines().all(|l| !l.is_empty()));
    let all = run_ok(&["align", "--presplit", &zh, &en]).lines().count();
    let confident = run_ok(&["align", "--presplit", "--min-score", "0.9", &zh, &en]);
    assert!(confident.lines().count() < all);
    assert!(
        confident
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(2).unwrap().parse::<f64>().unwrap() >= 0.9)
    );
}

#[test]
fn eval_matches_the_reference_scorer() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[3, 4]:[3]\n",
            "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[3]:[3]\n[4]:[]\n",
        ),
        (
            "[0, 1]:[0, 1]\n[]:[2]\n[2]:[3]\n",
            "[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n",
        ),
        ("[0]:[0]\n[1]:[1]\n", "[0, 1]:[0, 1]\n"),
    ];
    for (k, (gold, test)) in cases.iter().enumerate() {
        let g = dir.path().join(format!("gold{k}"));
        let t = dir.path().join(format!("test{k}"));
        std::fs::create_dir_all(&g).unwrap();
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(g.join("a.align"), gold).unwrap();
        std::fs::write(t.join("a.align"), test).unwrap();
        let ours = run_ok(&["eval", g.to_str().unwrap(), t.to_str().unwrap()]);
        let script = Path::new("../shared/tools/align_score.py");
        if !script.exists() {
            continue;
        }
        let reference = Command::new("python3")
            .arg(script)
            .arg(&g)
            .arg(&t)
            .output()
            .expect("python3 runs the reference scorer");
        assert_eq!(
            ours.trim(),
            String::from_utf8_lossy(&reference.stdout).trim(),
            "case {k}"
        );
    }
}

#[test]
fn bad_input_exits_2_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = bitext()
        .args([
            "align",
            empty.to_str().unwrap(),
            &format!("{SAMPLE}/en.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
    let out = bitext()
        .args(["align", "no/such/file.txt", &format!("{SAMPLE}/en.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let bad = dir.path().join("bad.align");
    std::fs::write(&bad, "[0]:[0]\nnot a bead\n").unwrap();
    let out = bitext()
        .args(["eval", bad.to_str().unwrap(), bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.align: line 2"));
}

#[test]
fn a_failed_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.tsv");
    let status = bitext()
        .args([
            "align",
            "missing.txt",
            &format!("{SAMPLE}/en.txt"),
            "-o",
            out_path.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    assert!(!out_path.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left behind"
    );
}

#[test]
fn hostile_documents_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let zh_sample = std::fs::read_to_string(format!("{SAMPLE}/zh.txt")).unwrap();
    let en_sample = std::fs::read_to_string(format!("{SAMPLE}/en.txt")).unwrap();
    let cases = [
        // one side ten times longer
        (
            write(
                "short.zh",
                zh_sample
                    .lines()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .as_str(),
            ),
            write("long.en", &en_sample.repeat(2)),
        ),
        // no punctuation at all
        (
            write("nopunct.zh", &zh_sample.replace(['。', '，', '、'], "")),
            write("nopunct.en", &en_sample.replace(['.', ','], "")),
        ),
        // a single 50,000-character line
        (
            write("oneline.zh", &"数字治理需要各国共同参与".repeat(4200)),
            write(
                "oneline.en",
                &"Digital governance needs everyone ".repeat(1500),
            ),
        ),
        // unrelated texts
        (
            write("unrelated.zh", "那天晚上我没走掉。她承认打我不对。\n"),
            write("unrelated.en", &en_sample),
        ),
    ];
    for (zh, en) in &cases {
        let out = bitext()
            .args(["align", "--format", "beads", zh, en])
            .output()
            .unwrap();
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(2),
            "{zh}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{zh} panicked"
        );
    }
}

#[test]
fn a_section_missing_on_one_side_does_not_make_the_rest_drift() {
    // Drop the second subsection of part II (heading and paragraphs) from the English.
    let en = std::fs::read_to_string(format!("{SAMPLE}/en.txt")).unwrap();
    let lines: Vec<&str> = en.lines().collect();
    let part2 = lines.iter().position(|l| l.starts_with("II.")).unwrap();
    let cut_start = part2
        + lines[part2..]
            .iter()
            .position(|l| l.starts_with("(ii)"))
            .unwrap();
    let cut_end = cut_start
        + lines[cut_start..]
            .iter()
            .position(|l| l.starts_with("(iii)"))
            .unwrap();
    let kept: Vec<&str> = lines[..cut_start]
        .iter()
        .chain(&lines[cut_end..])
        .copied()
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let en_cut = dir.path().join("en.txt");
    std::fs::write(&en_cut, kept.join("\n") + "\n").unwrap();

    let out = bitext()
        .args([
            "align",
            "--format",
            "jsonl",
            &format!("{SAMPLE}/zh.txt"),
            en_cut.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("without an English counterpart"),
        "the missing section is reported"
    );
    let pairs =
        bitext::formats::aligned::read_jsonl(&String::from_utf8(out.stdout).unwrap(), "jsonl")
            .unwrap();

    // Gold pairs as texts: every bead from part III on must still match one of them.
    let zs: Vec<String> = std::fs::read_to_string(format!("{SAMPLE}/zh.sentences"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let es: Vec<String> = std::fs::read_to_string(format!("{SAMPLE}/en.sentences"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let gold = parse_beads(
        &std::fs::read_to_string(format!("{SAMPLE}/gold.align")).unwrap(),
        "gold",
    )
    .unwrap();
    let gold_texts: std::collections::HashSet<(String, String)> = gold
        .iter()
        .map(|(z, e)| {
            (
                z.iter().map(|&i| zs[i].as_str()).collect(),
                e.iter()
                    .map(|&j| es[j].as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let part3 = pairs.iter().position(|p| p.zh.starts_with("三、")).unwrap();
    let after = &pairs[part3..];
    let right = after
        .iter()
        .filter(|p| gold_texts.contains(&(p.zh.clone(), p.en.clone())))
        .count();
    assert!(
        right * 100 >= after.len() * 95,
        "only {right} of {} beads after the gap match gold",
        after.len()
    );
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let zh = dir.path().join("zh.txt");
    std::fs::copy(format!("{SAMPLE}/zh.sentences"), &zh).unwrap();
    let before = std::fs::read(&zh).unwrap();
    let out = bitext()
        .args([
            "align",
            "--presplit",
            zh.to_str().unwrap(),
            &format!("{SAMPLE}/en.sentences"),
            "-o",
            zh.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input file"));
    assert_eq!(std::fs::read(&zh).unwrap(), before);
}

#[test]
fn swapped_documents_are_refused() {
    let out = bitext()
        .args([
            "align",
            &format!("{SAMPLE}/en.txt"),
            &format!("{SAMPLE}/zh.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("comes first"));
}

#[test]
fn the_chinese_document_twice_is_refused_and_mixed_text_only_noted() {
    let dir = tempfile::tempdir().unwrap();
    // A copy: the same file twice is refused before either is read.
    let zh = format!("{SAMPLE}/zh.txt");
    let zh2 = dir.path().join("copy-zh.txt");
    std::fs::copy(&zh, &zh2).unwrap();
    let out_file = dir.path().join("out.tsv");
    let out = bitext()
        .args([
            "align",
            &zh,
            zh2.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("looks Chinese") && stderr.contains("(ZH EN)"),
        "{stderr}"
    );
    assert!(!out_file.exists());
    // An English text that cites a Chinese title and a Chinese one with English in it
    // are aligned, with a note where a side looks unlike its language.
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let citing = write("en-citing.txt", "See 《数字中国建设整体布局规划》.\n");
    let mixed = write("zh-mixed.txt", "参见数据安全（data security）的规划。\n");
    let out = bitext().args(["align", &mixed, &citing]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Two English texts: not a Chinese character to pair, as batch says too.
    let english = write("en.txt", "WeChat Pay\n");
    let english2 = write("en2.txt", "WeChat Pay\n");
    let out = bitext()
        .args(["align", &english, &english2])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Chinese character"));
}

#[test]
fn the_same_file_on_both_sides_is_refused() {
    // Also when the two paths are written differently.
    let out = bitext()
        .args([
            "align",
            &format!("{SAMPLE}/zh.txt"),
            &format!("{SAMPLE}/../digital-governance/zh.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the same file"));
}

#[test]
fn tmx_read_back_keeps_the_bead_ids_of_the_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (
        format!("{SAMPLE}/zh.sentences"),
        format!("{SAMPLE}/en.sentences"),
    );
    let tmx = dir.path().join("a.tmx");
    run_ok(&[
        "align",
        "--presplit",
        "--format",
        "tmx",
        &zh,
        &en,
        "-o",
        tmx.to_str().unwrap(),
    ]);
    let from_tsv =
        bitext::formats::aligned::read_tsv(&run_ok(&["align", "--presplit", &zh, &en]), "tsv")
            .unwrap();
    let from_tmx = bitext::formats::aligned::read_aligned(tmx.to_str().unwrap()).unwrap();
    for p in &from_tmx {
        assert_eq!(
            (&from_tsv[p.id].zh, &from_tsv[p.id].en),
            (&p.zh, &p.en),
            "bead {}",
            p.id
        );
    }
}
