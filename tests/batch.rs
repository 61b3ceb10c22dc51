//! `bitext batch` end to end: a folder and a manifest of pairs cut from the team's
//! sample (by its gold beads), outputs equal to `bitext align` pair by pair, failed pairs
//! recorded, a killed run resumed to the same outputs, the combined corpus, the filters,
//! and the `--stdio` map step.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use bitext::eval::parse_beads;

/// Pairs cut from the sample along its gold beads: pair k holds `width` beads from bead
/// `k * step`. Returns (zh text, en text) with one sentence per line.
fn sample_pairs(count: usize, width: usize, step: usize) -> Vec<(String, String)> {
    let zh: Vec<String> = std::fs::read_to_string(format!("{SAMPLE}/zh.sentences"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let en: Vec<String> = std::fs::read_to_string(format!("{SAMPLE}/en.sentences"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let gold = parse_beads(
        &std::fs::read_to_string(format!("{SAMPLE}/gold.align")).unwrap(),
        "gold",
    )
    .unwrap();
    let usable = gold.len() - width;
    (0..count)
        .map(|k| {
            let start = (k * step) % usable;
            let beads = &gold[start..start + width];
            let text = |lines: &[String], ids: Vec<usize>| -> String {
                ids.iter().map(|&i| format!("{}\n", lines[i])).collect()
            };
            (
                text(&zh, beads.iter().flat_map(|b| b.0.clone()).collect()),
                text(&en, beads.iter().flat_map(|b| b.1.clone()).collect()),
            )
        })
        .collect()
}

/// A folder with zh/ and en/ holding the pairs as p000, p001, ...
fn corpus_folder(dir: &Path, pairs: &[(String, String)]) -> PathBuf {
    let root = dir.join("corpus");
    for side in ["zh", "en"] {
        std::fs::create_dir_all(root.join(side)).unwrap();
    }
    for (k, (zh, en)) in pairs.iter().enumerate() {
        std::fs::write(root.join("zh").join(format!("p{k:03}")), zh).unwrap();
        std::fs::write(root.join("en").join(format!("p{k:03}")), en).unwrap();
    }
    root
}

/// `bitext batch CORPUS --presplit --out-dir OUT`, which must succeed; its stderr.
fn presplit_batch_ok(corpus: &Path, out: &Path) -> String {
    let result = bitext()
        .args(["batch", &s(corpus), "--presplit", "--out-dir", &s(out)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(result.status.success(), "{stderr}");
    stderr
}

/// The responses of `bitext batch --stdio` to `requests`, one per line.
fn stdio_responses(requests: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
    let result = with_stdin(bitext().args(["batch", "--stdio"]), &input);
    assert!(result.status.success(), "{result:?}");
    String::from_utf8(result.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Run a command with `input` on its stdin.
fn with_stdin(cmd: &mut std::process::Command, input: &str) -> std::process::Output {
    let mut cmd = assert_cmd::Command::from_std(std::mem::replace(cmd, bitext()));
    cmd.write_stdin(input.to_string()).output().unwrap()
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Summary rows as maps from column name to value.
fn summary(dir: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(dir.join("summary.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn a_folder_batch_writes_what_align_writes_pair_by_pair() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_folder(dir.path(), &sample_pairs(5, 12, 9));
    let out = dir.path().join("out");
    let args = [
        "batch",
        &s(&corpus),
        "--presplit",
        "--format",
        "beads",
        "--out-dir",
        &s(&out),
    ];
    run_ok(&args);
    for k in 0..5 {
        let name = format!("p{k:03}");
        let zh = s(&corpus.join("zh").join(&name));
        let en = s(&corpus.join("en").join(&name));
        let alone = run_ok(&["align", "--presplit", "--format", "beads", &zh, &en]);
        let batched = std::fs::read_to_string(out.join(format!("{name}.align"))).unwrap();
        assert_eq!(batched, alone, "{name}");
    }
    let rows = summary(&out);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["status"] == "ok"), "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r["beads"].parse::<usize>().unwrap() >= 10)
    );
    let mean: f64 = rows[0]["mean_score"].parse().unwrap();
    assert!(mean > 0.5, "{mean}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 5);
}

#[test]
fn a_failed_pair_is_recorded_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_folder(dir.path(), &sample_pairs(3, 6, 20));
    std::fs::write(corpus.join("zh/empty"), "").unwrap();
    std::fs::write(corpus.join("en/empty"), "Some text.\n").unwrap();
    std::fs::write(corpus.join("zh/binary"), b"\x00\x01\x02PK\x03").unwrap();
    std::fs::write(corpus.join("en/binary"), "Some text.\n").unwrap();
    std::fs::write(corpus.join("zh/lonely"), "只有中文。\n").unwrap();
    let out = dir.path().join("out");
    let result = bitext()
        .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("3 failed"), "{stderr}");
    let rows = summary(&out);
    assert_eq!(rows.len(), 6);
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap();
    assert_eq!(row("empty")["status"], "failed");
    assert!(row("empty")["error"].contains("zh/empty: the file is empty"));
    assert!(row("binary")["error"].contains("zh/binary"), "{rows:?}");
    assert!(
        row("lonely")["error"].contains("no English file"),
        "{rows:?}"
    );
    assert!(!out.join("empty.tsv").exists());
    for k in 0..3 {
        assert_eq!(row(&format!("p{k:03}"))["status"], "ok");
        assert!(out.join(format!("p{k:03}.tsv")).is_file());
    }
}

#[test]
fn a_manifest_names_pairs_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    corpus_folder(dir.path(), &sample_pairs(2, 6, 30));
    let manifest =
        "# two pairs\ncorpus/zh/p000\tcorpus/en/p000\tfirst\ncorpus/zh/p001\tcorpus/en/p001\n";
    std::fs::write(dir.path().join("pairs.tsv"), manifest).unwrap();
    let out = dir.path().join("out");
    run_ok(&[
        "batch",
        &s(&dir.path().join("pairs.tsv")),
        "--presplit",
        "--format",
        "moses",
        "--out-dir",
        &s(&out),
    ]);
    for name in ["first.zh", "first.en", "p001.zh", "p001.en"] {
        assert!(out.join(name).is_file(), "{name}");
    }
    // The manifest from stdin: paths relative to the working folder.
    let out2 = dir.path().join("out2");
    let result = with_stdin(
        bitext()
            .current_dir(dir.path())
            .args(["batch", "-", "--presplit", "--out-dir", "out2"]),
        manifest,
    );
    assert!(result.status.success(), "{result:?}");
    assert!(out2.join("first.tsv").is_file());

    for (bad, what) in [
        ("corpus/zh/p000\n", "line 1"),
        ("a\tb\t../escape\n", "cannot name output files"),
        ("a\tb\tsame\nc\td\tsame\n", "two pairs are named same"),
    ] {
        let result = with_stdin(
            bitext()
                .current_dir(dir.path())
                .args(["batch", "-", "--out-dir", "out3"]),
            bad,
        );
        assert_eq!(result.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains(what), "{stderr}");
    }
}

/// Every file of a folder (the state folder and the summary's timings left out).
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("summary")
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_killed_batch_resumes_to_the_same_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_folder(dir.path(), &sample_pairs(160, 10, 7));
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "batch".to_string(),
            s(&corpus),
            "--presplit".into(),
            "--jobs".into(),
            "1".into(),
            "--format".into(),
            "jsonl".into(),
            "--out-dir".into(),
            s(out),
            "--combined".into(),
            s(&out.join("all.tmx")),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        args
    };
    let whole = dir.path().join("whole");
    let result = bitext().args(run(&whole, &[])).output().unwrap();
    assert!(result.status.success(), "{result:?}");

    // The same run, killed once a quarter of the pairs are done.
    let cut = dir.path().join("cut");
    let mut child = bitext()
        .args(run(&cut, &[]))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rows = cut.join(".bitext-batch");
    loop {
        // One NAME.json row per finished pair.
        let done = std::fs::read_dir(&rows).map_or(0, |d| {
            d.filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
            .count()
        });
        if done >= 40 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before it could be killed"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!cut.join("summary.tsv").exists());
    assert!(!cut.join("all.tmx").exists());
    // A kill that cannot be caught may land while an output is being written: its
    // temporary file stays until the resumed run removes it.
    std::fs::write(cut.join(".bitext-Ab12Cd"), "half an output").unwrap();

    let result = bitext().args(run(&cut, &["--resume"])).output().unwrap();
    assert!(result.status.success(), "{result:?}");
    let stderr = String::from_utf8_lossy(&result.stderr);
    let resumed: usize = stderr
        .split("resuming: ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no resume count in {stderr}"));
    assert!((40..160).contains(&resumed), "{stderr}");
    let (a, b) = (outputs(&whole), outputs(&cut));
    assert_eq!(a.len(), 161);
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (x, y) in a.iter().zip(&b) {
        assert!(x.1 == y.1, "{} differs after resuming", x.0);
    }
    assert_eq!(summary(&cut).len(), 160);
}

#[test]
fn the_combined_corpus_reads_back_and_filters_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut pairs = sample_pairs(3, 8, 25);
    // The same document twice: its pairs are duplicates in the combined corpus.
    pairs.push(pairs[0].clone());
    let corpus = corpus_folder(dir.path(), &pairs);
    let out = dir.path().join("out");
    let combined = |name: &str, extra: &[&str]| {
        let mut args = vec![
            "batch".to_string(),
            s(&corpus),
            "--presplit".into(),
            "--out-dir".into(),
            s(&out),
            "--combined".into(),
            s(&out.join(name)),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let result = bitext().args(&args).output().unwrap();
        assert!(result.status.success(), "{result:?}");
    };
    combined("all.tmx", &[]);
    let pairs_of = |path: &Path| bitext::formats::aligned::read_aligned(&s(path)).unwrap();
    let per_doc: usize = (0..4)
        .map(|k| {
            let tsv = std::fs::read_to_string(out.join(format!("p{k:03}.tsv"))).unwrap();
            tsv.lines()
                .skip(1)
                .filter(|l| !l.starts_with('\t') && !l.split('\t').nth(1).unwrap().is_empty())
                .count()
        })
        .sum();
    assert_eq!(pairs_of(&out.join("all.tmx")).len(), per_doc);
    // The combined TSV (a doc column first) reads back as the same pairs.
    combined("all.tsv", &[]);
    let from_tsv = pairs_of(&out.join("all.tsv"));
    let from_tmx = pairs_of(&out.join("all.tmx"));
    let texts = |ps: &[bitext::pairs::AlignedPair]| -> Vec<(String, String)> {
        ps.iter()
            .filter(|p| !p.zh.is_empty() && !p.en.is_empty())
            .map(|p| (p.zh.clone(), p.en.clone()))
            .collect()
    };
    assert_eq!(texts(&from_tsv), texts(&from_tmx));

    combined("all.jsonl", &["--dedup"]);
    let jsonl = std::fs::read_to_string(out.join("all.jsonl")).unwrap();
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: std::collections::HashSet<(String, String)> = records
        .iter()
        .map(|r| (r["zh"].to_string(), r["en"].to_string()))
        .collect();
    assert_eq!(texts.len(), records.len(), "duplicates left in");
    assert!(
        records.iter().all(|r| r["doc"] != "p003"),
        "p003 repeats p000"
    );
    assert_eq!(records[0]["doc"], "p000");

    combined("all", &["--min-score", "0.9", "--lang-filter"]);
    let zh = std::fs::read_to_string(out.join("all.zh")).unwrap();
    let en = std::fs::read_to_string(out.join("all.en")).unwrap();
    assert_eq!(zh.lines().count(), en.lines().count());
    assert!(zh.lines().count() > 0);
    let kept: usize = summary(&out)
        .iter()
        .map(|r| r["kept"].parse::<usize>().unwrap())
        .sum();
    let beads: usize = summary(&out)
        .iter()
        .map(|r| r["beads"].parse::<usize>().unwrap())
        .sum();
    assert!(kept < beads, "min-score 0.9 left all {beads} beads");
    // An output folder that is a file: said so, before any work.
    let file = dir.path().join("afile");
    std::fs::write(&file, "x").unwrap();
    let result = bitext()
        .args(["batch", &s(&corpus), "--out-dir", &s(&file)])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&result.stderr).contains("names a file, not a folder"),
        "{result:?}"
    );
}

#[test]
fn stdio_answers_each_request_in_order_as_batch_would() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = sample_pairs(4, 10, 17);
    let corpus = corpus_folder(dir.path(), &pairs);
    let out = dir.path().join("out");
    run_ok(&[
        "batch",
        &s(&corpus),
        "--presplit",
        "--format",
        "beads",
        "--out-dir",
        &s(&out),
    ]);
    let mut requests = String::new();
    for (k, (zh, en)) in pairs.iter().enumerate() {
        let request =
            serde_json::json!({"id": format!("p{k:03}"), "zh": zh, "en": en, "presplit": true});
        requests.push_str(&format!("{request}\n"));
        if k == 1 {
            requests.push_str("{not json\n");
            requests.push_str("{\"id\": 9, \"zh\": \"数据\"}\n");
        }
    }
    let result = with_stdin(
        bitext().args(["batch", "--stdio", "--jobs", "2"]),
        &requests,
    );
    assert!(result.status.success(), "{result:?}");
    let responses: Vec<serde_json::Value> = String::from_utf8(result.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(responses.len(), 6);
    assert!(responses[2]["error"].as_str().unwrap().contains("line 3"));
    assert_eq!(responses[3]["id"], 9);
    assert!(
        responses[3]["error"]
            .as_str()
            .unwrap()
            .contains("`en` (its text) or `en_path` is missing")
    );
    let answered: Vec<&serde_json::Value> =
        responses.iter().filter(|r| r["error"].is_null()).collect();
    assert_eq!(answered.len(), 4);
    for (k, response) in answered.iter().enumerate() {
        assert_eq!(response["id"], format!("p{k:03}"));
        let beads: String = response["beads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let ids = |v: &serde_json::Value| -> Vec<usize> {
                    v.as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap() as usize)
                        .collect()
                };
                format!(
                    "{}\n",
                    bitext::formats::format_bead(&ids(&b["zh"]), &ids(&b["en"]))
                )
            })
            .collect();
        let batched = std::fs::read_to_string(out.join(format!("p{k:03}.align"))).unwrap();
        assert_eq!(beads, batched, "p{k:03}");
        assert!(!response["beads"][0]["zh_text"].as_str().unwrap().is_empty());
    }
}

/// A folder of `count` sample pairs plus the extra pairs `(file name, zh, en)`.
fn corpus_with(dir: &Path, count: usize, extra: &[(&str, &str, &str)]) -> PathBuf {
    let corpus = corpus_folder(dir, &sample_pairs(count, 6, 30));
    for (name, zh, en) in extra {
        std::fs::write(corpus.join("zh").join(name), zh).unwrap();
        std::fs::write(corpus.join("en").join(name), en).unwrap();
    }
    corpus
}

#[test]
fn a_combined_file_that_would_replace_another_output_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(
        dir.path(),
        2,
        &[(
            "all.txt",
            "数据保护很重要。\n",
            "Data protection matters.\n",
        )],
    );
    let batch_into_co = |args: &[&str]| {
        bitext()
            .current_dir(dir.path())
            .args(["batch", &s(&corpus), "--out-dir", "co"])
            .args(args)
            .output()
            .unwrap()
    };
    for (format, combined, what) in [
        ("tmx", "co/all.tmx", "the output of the pair all"),
        ("tmx", "./co/../co/all.tmx", "the output of the pair all"),
        ("moses", "co/all", "the output of the pair all"),
        ("tsv", "co/summary.tsv", "a file of the batch's own"),
        ("tsv", "co/pooled-lexicon.tsv", "a file of the batch's own"),
        (
            "beads",
            "/nonexistent/all.tmx",
            "/nonexistent does not exist",
        ),
    ] {
        let result = batch_into_co(&["--presplit", "--format", format, "--combined", combined]);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{combined}: {stderr}");
        assert!(stderr.contains(what), "{combined}: {stderr}");
        // Refused before any pair was aligned, and the folder made for the run gone.
        assert!(!dir.path().join("co").exists(), "{combined}");
    }
    // Nor does a start refused for a missing dictionary.
    let result = batch_into_co(&["--dict", "nowhere.tsv"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(!dir.path().join("co").exists());
    // A folder that was there before stays, as it was.
    std::fs::create_dir(dir.path().join("co")).unwrap();
    let result = batch_into_co(&["--presplit", "--combined", "co/summary.tsv"]);
    assert_eq!(result.status.code(), Some(2));
    let written: Vec<_> = std::fs::read_dir(dir.path().join("co"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".bitext-batch")
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn the_combined_format_is_told_by_its_extension_in_any_case_and_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 2, &[]);
    let out = dir.path().join("out");
    let batch = |combined: &Path| {
        bitext()
            .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
            .args(["--combined", &s(combined)])
            .output()
            .unwrap()
    };
    let result = batch(&dir.path().join("all.json"));
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("name it .jsonl"), "{stderr}");
    let tmx = dir.path().join("all.TMX");
    let result = batch(&tmx);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(std::fs::read_to_string(&tmx).unwrap().contains("<tmx "));
    // A Moses pair is named by the files it is.
    let result = batch(&dir.path().join("corpus.v1"));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("corpus.v1.zh and "), "{stderr}");
    assert!(dir.path().join("corpus.v1.en").is_file());
}

#[test]
fn the_summary_is_written_when_the_combined_file_fails_late() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 2, &[]);
    let out = dir.path().join("out");
    let args = |extra: &[&str]| {
        let mut args = vec![
            "batch".to_string(),
            s(&corpus),
            "--presplit".into(),
            "--format".into(),
            "tmx".into(),
            "--out-dir".into(),
            s(&out),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        args
    };
    run_ok(&args(&[]).iter().map(String::as_str).collect::<Vec<_>>());
    // A pair's output spoilt after it was written: the combined file cannot be made
    // from it, which is found only once every pair is done.
    std::fs::write(out.join("p000.tmx"), "not a TMX file").unwrap();
    std::fs::remove_file(out.join("summary.tsv")).unwrap();
    let combined = s(&out.join("all.tmx"));
    let result = bitext()
        .args(args(&["--resume", "--combined", &combined]))
        .output()
        .unwrap();
    assert!(!result.status.success(), "{result:?}");
    assert!(!out.join("all.tmx").exists());
    assert_eq!(summary(&out).len(), 2);
}

#[test]
fn resuming_with_other_filters_aligns_every_pair_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 3, &[]);
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "batch".to_string(),
            s(&corpus),
            "--presplit".into(),
            "--out-dir".into(),
            s(out),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let result = bitext().args(&args).output().unwrap();
        assert!(result.status.success(), "{result:?}");
        String::from_utf8_lossy(&result.stderr).into_owned()
    };
    let (plain, filtered) = (dir.path().join("plain"), dir.path().join("filtered"));
    run(&plain, &[]);
    run(&filtered, &["--min-score", "0.99"]);
    assert_ne!(
        outputs(&plain),
        outputs(&filtered),
        "--min-score 0.99 left all"
    );
    let stderr = run(&filtered, &["--resume"]);
    assert!(stderr.contains("options differ"), "{stderr}");
    assert!(stderr.contains("resuming: 0 of 3"), "{stderr}");
    assert_eq!(outputs(&plain), outputs(&filtered));
    // The same options again: nothing to do.
    let stderr = run(&filtered, &["--resume"]);
    assert!(stderr.contains("resuming: 3 of 3"), "{stderr}");
}

#[test]
fn a_pair_error_reaches_the_terminal_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 1, &[("bad\x1b[2Jname.txt", "", "Text.\n")]);
    let out = dir.path().join("out");
    let result = bitext()
        .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("bad"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}

#[test]
fn a_folder_pairs_files_by_name_without_extension_and_names_the_unpaired() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 1, &[]);
    std::fs::write(corpus.join("zh/x.txt"), "数据保护很重要。\n").unwrap();
    std::fs::write(corpus.join("en/x.md"), "Data protection matters.\n").unwrap();
    std::fs::write(corpus.join("en/orphan.txt"), "Nobody pairs with me.\n").unwrap();
    // Beside the pair sub/x (two x.txt), an unpaired x.md of en/ keeps its extension.
    std::fs::create_dir(corpus.join("zh/sub")).unwrap();
    std::fs::write(corpus.join("zh/sub/x.txt"), "数据保护很重要。\n").unwrap();
    std::fs::create_dir_all(corpus.join("en/sub")).unwrap();
    std::fs::write(corpus.join("en/sub/x.txt"), "Data protection matters.\n").unwrap();
    std::fs::write(corpus.join("en/sub/x.md"), "Nobody pairs with me.\n").unwrap();
    let out = dir.path().join("out");
    let result = bitext()
        .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    // An English file without its Chinese one fails as its pair, as the reverse does:
    // the summary accounts for every file.
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("orphan.txt: no Chinese file"), "{stderr}");
    let rows = summary(&out);
    assert_eq!(rows.len(), 5, "{rows:?}");
    let x = rows.iter().find(|r| r["name"] == "x").unwrap();
    assert_eq!(x["status"], "ok");
    assert!(x["en"].ends_with("en/x.md"), "{x:?}");
    assert_eq!(
        rows.iter().find(|r| r["name"] == "sub/x").unwrap()["status"],
        "ok"
    );
    for name in ["orphan", "sub/x.md"] {
        let row = rows.iter().find(|r| r["name"] == name).expect(name);
        assert_eq!(row["status"], "failed", "{row:?}");
        assert!(row["error"].contains("no Chinese file"), "{row:?}");
    }
    // Two English candidates for one Chinese file: which one is meant is not guessed.
    std::fs::write(
        corpus.join("en/x.html"),
        "<p>Data protection matters.</p>\n",
    )
    .unwrap();
    let result = bitext()
        .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("several English files"), "{stderr}");
}

#[test]
fn a_manifest_header_row_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    corpus_with(dir.path(), 2, &[]);
    for header in ["zh\ten\tname\n", "zh\ten\r\n"] {
        let manifest = format!("{header}corpus/zh/p000\tcorpus/en/p000\tfirst\n");
        std::fs::write(dir.path().join("pairs.tsv"), manifest).unwrap();
        let out = dir.path().join("out");
        run_ok(&[
            "batch",
            &s(&dir.path().join("pairs.tsv")),
            "--presplit",
            "--out-dir",
            &s(&out),
        ]);
        let rows = summary(&out);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0]["name"], "first");
    }
    // Only the first row can be a header: later, it is a pair (of missing files).
    let manifest = "corpus/zh/p000\tcorpus/en/p000\nzh\ten\n";
    std::fs::write(dir.path().join("pairs.tsv"), manifest).unwrap();
    let result = bitext()
        .args([
            "batch",
            &s(&dir.path().join("pairs.tsv")),
            "--presplit",
            "--out-dir",
            &s(&dir.path().join("out2")),
        ])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(summary(&dir.path().join("out2")).len(), 2);
}

/// A pair of the team's own sentences with one Chinese sentence (a figure caption) that
/// has no English counterpart: four beads, one of them with an empty English side.
const ONE_SIDED: (&str, &str) = (
    "数据保护很重要。\n图 3：本章结构示意图（略）。\n隐私是一项基本权利。\n数据控制者须说明其处理目的。\n",
    "Data protection matters.\nPrivacy is a fundamental right.\nThe controller must state the purposes of processing.\n",
);

fn tus(tmx: &str) -> usize {
    tmx.matches("<tu ").count()
}

#[test]
fn the_counts_say_what_was_written_and_what_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = ONE_SIDED;
    let corpus = corpus_with(dir.path(), 0, &[("a.txt", zh, en), ("b.txt", zh, en)]);
    let out = dir.path().join("out");
    let result = bitext()
        .args([
            "batch",
            &s(&corpus),
            "--presplit",
            "--format",
            "tmx",
            "--dedup",
            "--out-dir",
            &s(&out),
            "--combined",
            &s(&out.join("all.jsonl")),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    let tmx_units = tus(&std::fs::read_to_string(out.join("a.tmx")).unwrap());
    let rows = summary(&out);
    let a = rows.iter().find(|r| r["name"] == "a").unwrap();
    let b = rows.iter().find(|r| r["name"] == "b").unwrap();
    let kept: usize = a["kept"].parse().unwrap();
    assert_eq!(a["written"], tmx_units.to_string(), "{a:?}");
    assert!(kept > tmx_units, "no bead with an empty side in {a:?}");
    assert!(
        stderr.contains(&format!("{} written to", 2 * tmx_units)),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{} with an empty side", 2 * (kept - tmx_units))),
        "{stderr}"
    );
    // b repeats a: all its records are left out of the combined file, and said so.
    let lines = std::fs::read_to_string(out.join("all.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(lines, kept);
    assert_eq!(a["combined"], kept.to_string());
    assert_eq!(
        (
            b["combined"].as_str(),
            b["combined_duplicates"].parse().unwrap()
        ),
        ("0", kept)
    );
    assert!(
        stderr.contains(&format!(
            "{lines} records from 2 documents, {kept} left out as duplicates"
        )),
        "{stderr}"
    );
}

#[test]
fn the_combined_tmx_numbers_units_once_and_names_their_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = ONE_SIDED;
    let corpus = corpus_with(dir.path(), 0, &[("a.txt", zh, en), ("b&c.txt", zh, en)]);
    let out = dir.path().join("out");
    let combined = out.join("all.tmx");
    run_ok(&[
        "batch",
        &s(&corpus),
        "--presplit",
        "--out-dir",
        &s(&out),
        "--combined",
        &s(&combined),
    ]);
    let tmx = std::fs::read_to_string(&combined).unwrap();
    let per_doc = tus(&tmx) / 2;
    assert!(per_doc > 0);
    let tuids: Vec<&str> = tmx
        .split(" tuid=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    let expected: Vec<String> = (0..2 * per_doc).map(|n| n.to_string()).collect();
    assert_eq!(tuids, expected);
    assert_eq!(
        tmx.matches("<prop type=\"x-bitext-doc\">a</prop>").count(),
        per_doc
    );
    assert_eq!(
        tmx.matches("<prop type=\"x-bitext-doc\">b&amp;c</prop>")
            .count(),
        per_doc
    );
    // Still a TMX bitext reads: the property comes before the variants.
    let pairs = bitext::formats::aligned::read_aligned(&s(&combined)).unwrap();
    assert_eq!(pairs.len(), 2 * per_doc);
    let unit = tmx.split("<tu ").nth(1).unwrap();
    assert!(unit.find("x-bitext-doc").unwrap() < unit.find("<tuv").unwrap());
}

#[test]
fn stdio_validates_requests_as_the_command_line_does() {
    let (zh, en) = ONE_SIDED;
    let requests = [
        serde_json::json!({"id": 1, "zh": zh, "en": en, "presplit": true, "min_score": 2}),
        serde_json::json!({"zh": zh, "en": en, "presplit": true}),
        serde_json::json!({"id": 3, "zh": zh, "en": en, "presplit": true, "source": "crawl-7"}),
        serde_json::json!([1, 2]),
        serde_json::json!({"id": 5, "zh": zh, "en": en, "presplit": true, "min_score": 0.0}),
        serde_json::json!({"id": 6, "zh": en, "en": en, "presplit": true}),
    ];
    let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
    let responses = stdio_responses(&requests);
    assert_eq!(responses.len(), 6);
    let error = |k: usize| responses[k]["error"].as_str().unwrap_or("").to_string();
    assert!(
        error(0).contains("`min_score` must be between 0 and 1"),
        "{}",
        error(0)
    );
    assert_eq!(responses[0]["id"], 1);
    assert!(error(1).contains("`id` is missing"), "{}", error(1));
    // Unknown fields are a pipeline's own: ignored.
    assert!(responses[2]["error"].is_null(), "{}", error(2));
    assert_eq!(responses[2]["beads"], responses[4]["beads"]);
    assert!(!responses[2]["beads"].as_array().unwrap().is_empty());
    assert!(error(3).contains("must be a JSON object"), "{}", error(3));
    assert!(error(3).contains("an array"), "{}", error(3));
    // English on both sides is no pair of a corpus, as in a batch.
    assert!(error(5).contains("no Chinese character"), "{}", error(5));

    let result = with_stdin(
        bitext().args(["batch", "--stdio", "--min-score", "1.5"]),
        &input,
    );
    assert_eq!(result.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&result.stderr).contains("--min-score must be between 0 and 1")
    );
}

#[test]
fn a_pair_in_the_wrong_languages_fails_and_a_failed_pair_keeps_no_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let english = "The garden is quiet in the morning.\nBirds sing in the trees.\n";
    let corpus = corpus_with(dir.path(), 2, &[("both.txt", english, english)]);
    let out = dir.path().join("out");
    let batch = || {
        bitext()
            .args(["batch", &s(&corpus), "--presplit", "--out-dir", &s(&out)])
            .output()
            .unwrap()
    };
    let result = batch();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no Chinese character"), "{stderr}");
    let rows = summary(&out);
    let both = rows.iter().find(|r| r["name"] == "both").unwrap();
    assert_eq!(both["status"], "failed", "{both:?}");
    assert!(!out.join("both.tsv").exists());
    // p000 aligned, then its Chinese file emptied: its old output goes with it.
    assert!(out.join("p000.tsv").is_file());
    std::fs::write(corpus.join("zh/p000"), "").unwrap();
    let result = batch();
    assert_eq!(result.status.code(), Some(1));
    assert!(!out.join("p000.tsv").exists());
    assert!(out.join("p001.tsv").is_file());
    let rows = summary(&out);
    assert_eq!(
        rows.iter().find(|r| r["name"] == "p000").unwrap()["status"],
        "failed"
    );
}

#[test]
fn warnings_reach_the_terminal_named_by_their_pair_and_subfolders_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // 600 characters of Chinese without a sentence end: cut for length, with a warning.
    let long = format!("{}。\n", "我们沿着河边慢慢地走，".repeat(60));
    let corpus = corpus_with(
        dir.path(),
        1,
        &[("long.txt", &long, "We walked slowly along the river.\n")],
    );
    for side in ["zh", "en"] {
        std::fs::create_dir(corpus.join(side).join("deeper")).unwrap();
    }
    std::fs::write(corpus.join("zh/deeper/x.txt"), "数据保护很重要。\n").unwrap();
    std::fs::write(corpus.join("en/deeper/x.md"), "Data protection matters.\n").unwrap();
    let out = dir.path().join("out");
    let result = bitext()
        .args(["batch", &s(&corpus), "--out-dir", &s(&out)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.contains("long: "), "{stderr}");
    assert!(
        stderr.contains("long.txt: 1 sentence longer than the sentence length cap"),
        "{stderr}"
    );
    assert!(stderr.contains("1 pair with warnings"), "{stderr}");
    // A pair in a subfolder is named by its path and written in the same subfolder.
    let rows = summary(&out);
    let deeper = rows.iter().find(|r| r["name"] == "deeper/x").unwrap();
    assert_eq!(deeper["status"], "ok", "{deeper:?}");
    assert!(out.join("deeper/x.tsv").is_file());
    // Names apart in case only are one file on macOS and Windows.
    let manifest =
        "corpus/zh/p000\tcorpus/en/p000\tGarden\ncorpus/zh/long.txt\tcorpus/en/long.txt\tgarden\n";
    std::fs::write(dir.path().join("pairs.tsv"), manifest).unwrap();
    let result = bitext()
        .current_dir(dir.path())
        .args(["batch", "pairs.tsv", "--out-dir", "cased"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("apart in case only"), "{stderr}");
}

#[test]
fn stdio_reads_files_by_path_as_batch_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = ONE_SIDED;
    // The Chinese file in GBK, as Windows software in China writes it.
    let (gbk, _, _) = encoding_rs::GBK.encode(zh);
    std::fs::write(dir.path().join("zh.txt"), &gbk).unwrap();
    std::fs::write(dir.path().join("en.txt"), en).unwrap();
    let path = |name: &str| s(&dir.path().join(name));
    let requests = [
        serde_json::json!({"id": "text", "zh": zh, "en": en, "presplit": true}),
        serde_json::json!({"id": "paths", "zh_path": path("zh.txt"), "en_path": path("en.txt"), "presplit": true}),
        serde_json::json!({"id": "both", "zh": zh, "zh_path": path("zh.txt"), "en": en}),
        serde_json::json!({"id": "none", "en": en}),
        serde_json::json!({"id": "missing", "zh_path": path("nowhere.txt"), "en": en}),
        // Standard input is the requests: reading it would hold the process for ever.
        serde_json::json!({"id": "stdin", "zh_path": "-", "en": en}),
        serde_json::json!({"id": "folder", "zh_path": s(dir.path()), "en": en}),
        // A product title: more Latin letters than Chinese characters, still Chinese.
        serde_json::json!({"id": "title", "zh": "Apple iPhone 15 Pro 手机 256GB 黑色", "en": "Apple iPhone 15 Pro phone, 256 GB, black"}),
    ];
    let responses = stdio_responses(&requests);
    assert_eq!(responses.len(), 8);
    assert!(responses[1]["error"].is_null(), "{}", responses[1]);
    assert!(responses[7]["error"].is_null(), "{}", responses[7]);
    assert_eq!(responses[0]["beads"], responses[1]["beads"]);
    let error = |k: usize| responses[k]["error"].as_str().unwrap_or("").to_string();
    assert!(error(2).contains("not both"), "{}", error(2));
    assert!(
        error(3).contains("`zh` (its text) or `zh_path` is missing"),
        "{}",
        error(3)
    );
    assert!(error(4).contains("nowhere.txt"), "{}", error(4));
    assert!(
        error(5).contains("standard input carries the requests"),
        "{}",
        error(5)
    );
    assert!(error(6).contains("not a regular file"), "{}", error(6));
}

#[cfg(unix)]
#[test]
fn linked_subfolders_are_read_once_and_an_output_folder_inside_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), 1, &[]);
    for side in ["zh", "en"] {
        let data = dir.path().join("data").join(side);
        std::fs::create_dir_all(&data).unwrap();
        std::os::unix::fs::symlink(&data, corpus.join(side).join("2019")).unwrap();
    }
    let (zh, en) = ONE_SIDED;
    std::fs::write(dir.path().join("data/zh/b.txt"), zh).unwrap();
    std::fs::write(dir.path().join("data/en/b.txt"), en).unwrap();
    // A link back up: followed once, not for ever.
    std::os::unix::fs::symlink(corpus.join("zh"), dir.path().join("data/zh/up")).unwrap();
    let out = corpus.join("zh/out");
    for _ in 0..2 {
        let stderr = presplit_batch_ok(&corpus, &out);
        let mut names: Vec<String> = summary(&out)
            .into_iter()
            .map(|r| r["name"].clone())
            .collect();
        names.sort();
        assert_eq!(names, ["2019/b", "p000"], "{stderr}");
    }
}
