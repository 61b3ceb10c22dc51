//! `bitext glossary`: output formats (snapshots), TBX read back, options and errors.

mod common;

use assert_cmd::Command;
use common::{SHARED_HINT, shared_dir, skip};
use predicates::prelude::*;

const SMALL: &str = "tests/fixtures/glossary/small.tsv";

fn glossary(args: &[&str]) -> String {
    let out = Command::cargo_bin("bitext")
        .unwrap()
        .arg("glossary")
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn tsv_snapshot() {
    insta::assert_snapshot!(glossary(&["--aligned", SMALL]));
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(glossary(&["--aligned", SMALL, "--format", "csv"]));
}

#[test]
fn tbx_snapshot() {
    insta::assert_snapshot!(glossary(&["--aligned", SMALL, "--format", "tbx"]));
}

#[test]
fn tbx3_snapshot() {
    insta::assert_snapshot!(glossary(&["--aligned", SMALL, "--format", "tbx3"]));
}

#[test]
fn json_snapshot() {
    let text = glossary(&["--aligned", SMALL, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    insta::assert_json_snapshot!(value);
}

/// (zh term, preferred en term, other en terms) of each entry of a TBX file.
fn read_tbx(xml: &str, entry: &[u8], lang_block: &[u8]) -> Vec<(String, String, Vec<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut lang, mut in_term, mut text) = (String::new(), false, String::new());
    let mut terms: Vec<(String, String)> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.local_name().as_ref() == lang_block => {
                lang = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"xml:lang")
                    .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                    .unwrap();
            }
            Event::Start(e) if e.local_name().as_ref() == b"term" => {
                in_term = true;
                text.clear();
            }
            Event::Text(t) if in_term => text.push_str(&t.unescape().unwrap()),
            Event::End(e) if e.local_name().as_ref() == b"term" => {
                in_term = false;
                terms.push((lang.clone(), text.clone()));
            }
            Event::End(e) if e.local_name().as_ref() == entry => {
                let zh: Vec<_> = terms.iter().filter(|t| t.0 == "zh").collect();
                let en: Vec<String> = terms
                    .iter()
                    .filter(|t| t.0 == "en")
                    .map(|t| t.1.clone())
                    .collect();
                assert_eq!(zh.len(), 1);
                out.push((zh[0].1.clone(), en[0].clone(), en[1..].to_vec()));
                terms.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The TSV rows as (zh, en, other renderings cell).
fn tsv_pairs() -> Vec<(String, String, String)> {
    glossary(&["--aligned", SMALL])
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_string(), c[1].to_string(), c[4].to_string())
        })
        .collect()
}

#[test]
fn tbx_reads_back_as_the_same_pairs() {
    let expected = tsv_pairs();
    assert!(
        expected
            .iter()
            .any(|(zh, en, _)| zh == "数据安全" && en == "data security")
    );
    for (format, entry, lang) in [
        ("tbx", &b"termEntry"[..], &b"langSet"[..]),
        ("tbx3", &b"conceptEntry"[..], &b"langSec"[..]),
    ] {
        let xml = glossary(&["--aligned", SMALL, "--format", format]);
        let got = read_tbx(&xml, entry, lang);
        assert_eq!(got.len(), expected.len(), "{format}");
        for ((zh, en, others), (ezh, een, eothers)) in got.iter().zip(&expected) {
            assert_eq!((zh, en), (ezh, een), "{format}");
            for o in others {
                assert!(
                    eothers.contains(o.as_str()),
                    "{format}: {o} not in {eothers}"
                );
            }
        }
        // The apostrophe of People's is escaped, and reads back.
        assert!(xml.contains("People&apos;s"), "{format}");
        assert!(
            got.iter()
                .any(|(_, en, _)| en == "National People's Congress")
        );
    }
}

#[test]
fn top_and_min_freq_limit_the_output() {
    let all = glossary(&["--aligned", SMALL]).lines().count();
    let top = glossary(&["--aligned", SMALL, "--top", "2"]);
    assert_eq!(top.lines().count(), 3);
    assert!(all > 3);
    let strict = glossary(&["--aligned", SMALL, "--min-freq", "5"]);
    assert!(strict.lines().count() < all);
    assert!(
        strict
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(3).unwrap().parse::<usize>().unwrap() >= 5)
    );
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.csv");
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary", "--aligned", SMALL, "--format", "csv", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("zh,en,score,frequency,other_renderings,known,examples"));
    assert!(text.contains("数据安全,data security"));
}

#[test]
fn explain_tells_what_became_of_every_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("why.tsv");
    let kept = glossary(&[
        "--aligned",
        SMALL,
        "--top",
        "2",
        "--explain",
        path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("zh\ten\tfate\tfrequency\town\tcooccurrence\tother_renderings")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 7), "{text}");
    let fate = |zh: &str| rows.iter().find(|r| r[0] == zh).map(|r| r[2]);
    // The two pairs the glossary kept are `kept`, with the same rendering; the rest of
    // what would have been kept is `below-top`; candidates seen once are explained too.
    for line in kept.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let row = rows
            .iter()
            .find(|r| r[0] == cells[0])
            .expect("kept pair explained");
        assert_eq!((row[1], row[2]), (cells[1], "kept"));
    }
    assert_eq!(rows.iter().filter(|r| r[2] == "kept").count(), 2);
    assert!(rows.iter().any(|r| r[2] == "below-top"), "{text}");
    assert!(
        rows.iter().any(|r| r[2] != "kept" && r[2] != "below-top"),
        "{text}"
    );
    assert!(fate("数据安全").is_some());
    // Sorted by frequency, most frequent first.
    let freqs: Vec<usize> = rows.iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(freqs.windows(2).all(|w| w[0] >= w[1]));
    // The glossary's own output file is no place for it.
    let out = dir.path().join("terms.tsv");
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary", "--aligned", SMALL, "-o"])
        .arg(&out)
        .arg("--explain")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--explain"));
    assert!(!out.exists());
}

#[test]
fn aligns_first_when_given_two_documents() {
    let dir = "corpora/digital-governance";
    let out = glossary(&[
        "--presplit",
        &format!("{dir}/zh.sentences"),
        &format!("{dir}/en.sentences"),
    ]);
    let row = out
        .lines()
        .find(|l| l.starts_with("数字治理\t"))
        .expect("数字治理 in the glossary");
    assert!(
        row.to_lowercase().contains("\tdigital governance\t"),
        "{row}"
    );
}

#[test]
fn bad_input_names_the_file_and_exits_2() {
    Command::cargo_bin("bitext")
        .unwrap()
        .args([
            "glossary",
            "--aligned",
            "tests/fixtures/glossary/broken.tmx",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.tmx"));
    Command::cargo_bin("bitext")
        .unwrap()
        .args([
            "glossary",
            "--aligned",
            "tests/fixtures/glossary/missing.tsv",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.tsv"));
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary", "a.txt", "b.txt", "--aligned", SMALL])
        .assert()
        .code(2);
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary"])
        .assert()
        .code(2);
    for option in ["--top", "--min-freq"] {
        Command::cargo_bin("bitext")
            .unwrap()
            .args(["glossary", "--aligned", SMALL, option, "0"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("1 or more"));
    }
}

/// An English text given as the Chinese one: nothing to pair, an error, and no file.
#[test]
fn a_chinese_side_without_chinese_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (dir.path().join("zh.txt"), dir.path().join("en.txt"));
    let english = "Waste is sorted at home. Sorted waste is collected weekly.\n";
    std::fs::write(&zh, english).unwrap();
    std::fs::write(&en, english).unwrap();
    for (command, out) in [("glossary", "g.tbx"), ("align", "a.tsv")] {
        let out = dir.path().join(out);
        Command::cargo_bin("bitext")
            .unwrap()
            .args([command, zh.to_str().unwrap(), en.to_str().unwrap(), "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no Chinese character"));
        assert!(!out.exists(), "{command} wrote {}", out.display());
    }
    // Text under a spreadsheet's name would not open: refused, unless --format says so.
    let xlsx = dir.path().join("terms.xlsx");
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary", "--aligned", SMALL, "-o"])
        .arg(&xlsx)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".csv"));
    assert!(!xlsx.exists());
}

#[test]
fn resources_are_loaded_once_when_aligning() {
    let dir = "corpora/digital-governance";
    let out = Command::cargo_bin("bitext")
        .unwrap()
        .args(["glossary", "--no-dict", "--presplit"])
        .arg(format!("{dir}/zh.sentences"))
        .arg(format!("{dir}/en.sentences"))
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr.matches("without a dictionary").count(),
        1,
        "{stderr}"
    );
}

/// A dev corpus (all its documents, in order) with its gold alignment as the TSV
/// `bitext align` writes, in a fresh temporary directory kept while the guard lives;
/// `None` when ../shared is absent (an error under CI).
fn corpus_gold(corpus: &str) -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    let base = shared_dir().join("corpora").join(corpus);
    let Ok(entries) = std::fs::read_dir(base.join("zh")) else {
        skip(&base.display().to_string(), SHARED_HINT);
        return None;
    };
    let mut docs: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    docs.sort();
    let ids = |s: &str| -> Vec<usize> {
        s.trim_matches(['[', ']', ' '])
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    let mut tsv = String::from("zh\ten\tscore\tsection\n");
    for doc in &docs {
        let read = |side: &str| std::fs::read_to_string(base.join(side).join(doc)).unwrap();
        let (zh, en) = (read("zh"), read("en"));
        let gold_name = format!("{}.align", doc.to_string_lossy());
        let gold = std::fs::read_to_string(base.join("gold").join(gold_name)).unwrap();
        let (zh, en): (Vec<&str>, Vec<&str>) = (zh.split('\n').collect(), en.split('\n').collect());
        for (a, b) in gold.lines().filter_map(|l| l.split_once(':')) {
            let z: String = ids(a).iter().map(|&i| zh[i]).collect();
            let e: Vec<&str> = ids(b).iter().map(|&i| en[i]).collect();
            tsv.push_str(&format!("{z}\t{}\t1.000\t\n", e.join(" ")));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{corpus}-gold.tsv"));
    std::fs::write(&path, tsv).unwrap();
    Some((dir, path))
}

/// Precision at 100, against pairs judged by hand
/// (tests/fixtures/glossary/<corpus>-top100.verdicts.tsv, fingerprints of the pairs: the
/// corpus text stays in ../shared): the top 100 must be judged (re-judge with
/// scripts/judge-top100.py when the output changes) and a translator must accept the
/// floor's share of them.
///
/// Measured to the strict standard of the held-out judgement (everyday words of the
/// text's prose are no terms): pol-dev 47 of 100 (84 under the earlier lenient
/// verdicts), aca 84; then, with one-word renderings ranked by how everyday their word
/// is, pol-dev 55, aca 83; with renderings written as names exempt from keyness, pol-dev
/// 56, aca 83; with hyphenated words whole and pinyin names, aca 84 (of 99 judged); with
/// association weighing more, aca 83 (plural headwords judged no); with no English
/// rendering that predicates ('socialism can save China'), pol-dev 57; with CC-CEDICT's
/// semicolon-separated synonyms as glosses of their own, pol-dev 55, aca 83; with clauses
/// and verb phrases rendered as such dropped, pol-dev 56 (new pairs judged by a fresh
/// reviewer). The floors sit a few points under.
const MIN_PRECISION_AT_100: [(&str, f64); 2] = [("pol-dev", 0.53), ("aca", 0.79)];

/// The fingerprint a judged pair is kept by: FNV-1a 64 of "zh<TAB>en" (as
/// scripts/judge-top100.py computes it).
fn pair_fingerprint(zh: &str, en: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("{zh}\t{en}").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `--top 100` of a corpus (gold alignment, CC-CEDICT) against its judged fixture.
fn top_100_is_mostly_accepted(corpus: &str) {
    let Some((_dir, aligned)) = corpus_gold(corpus) else {
        return;
    };
    let dict = shared_dir().join("dict/cedict_1_0_ts_utf-8_mdbg.txt.gz");
    let dict = dict.to_str().unwrap();
    let out = glossary(&[
        "--aligned",
        aligned.to_str().unwrap(),
        "--dict",
        dict,
        "--top",
        "100",
    ]);
    let fixture = format!("tests/fixtures/glossary/{corpus}-top100.verdicts.tsv");
    let judged: std::collections::HashMap<String, bool> = std::fs::read_to_string(&fixture)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("fingerprint\t"))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 2, "{l}");
            assert!(matches!(c[1], "yes" | "no"), "{l}");
            (c[0].to_string(), c[1] == "yes")
        })
        .collect();
    let top: Vec<(String, String)> = out
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_string(), c[1].to_string())
        })
        .collect();
    assert_eq!(top.len(), 100);
    let verdict = |(zh, en): &(String, String)| judged.get(&pair_fingerprint(zh, en)).copied();
    let unjudged: Vec<_> = top.iter().filter(|p| verdict(p).is_none()).collect();
    let accepted = top.iter().filter(|p| verdict(p) == Some(true)).count();
    let n = top.len() - unjudged.len();
    assert!(
        n >= 90,
        "{corpus}: re-judge: {} of the top 100 unjudged: {unjudged:?}",
        unjudged.len()
    );
    let precision = accepted as f64 / n as f64;
    let floor = MIN_PRECISION_AT_100
        .iter()
        .find(|(c, _)| *c == corpus)
        .map(|&(_, f)| f)
        .unwrap();
    assert!(
        precision >= floor,
        "{corpus}: accepted {accepted} of {n} judged = {precision:.2}"
    );
}

#[test]
fn pol_dev_top_100_is_mostly_accepted() {
    top_100_is_mostly_accepted("pol-dev");
}

#[test]
fn aca_top_100_is_mostly_accepted() {
    top_100_is_mostly_accepted("aca");
}

/// Recall against the reference term lists (../shared/glossary), matched as the issue
/// says: one of the listed renderings, ignoring case, hyphens and a plural -s (as
/// scripts/glossary-recall.py does). The mac-dev list counts over all six documents,
/// so the glossary runs over all of them. Measured 0.748, 0.899, 0.883; the floors sit
/// a few points under (the aim is 0.8 on each).
const MIN_RECALL: [(&str, f64); 3] = [("pol-dev", 0.70), ("aca", 0.84), ("mac-dev", 0.85)];

/// A rendering as the recall measure compares it.
fn recall_key(s: &str) -> String {
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            if w.chars().count() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The share of each list's reference pairs the glossary (gold alignment) finds.
#[test]
fn recall_on_the_reference_lists_holds() {
    for (corpus, floor) in MIN_RECALL {
        let Some((_dir, aligned)) = corpus_gold(corpus) else {
            return;
        };
        let list = shared_dir().join(format!("glossary/{corpus}.terms.tsv"));
        let reference =
            std::fs::read_to_string(list).expect("the reference term list is beside the corpus");
        let out = glossary(&["--aligned", aligned.to_str().unwrap()]);
        let mut got: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
        for line in out.lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            got.entry(c[0]).or_insert_with(|| recall_key(c[1]));
        }
        let (mut found, mut total) = (0, 0);
        for line in reference.lines() {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 2 || c[0] == "zh" {
                continue;
            }
            total += 1;
            let ours = got.get(c[0]);
            found += usize::from(
                c[1].split(" | ")
                    .any(|r| ours == Some(&recall_key(r.trim()))),
            );
        }
        assert!(total > 50, "{corpus}: {total} reference pairs");
        let recall = found as f64 / total as f64;
        eprintln!("{corpus}: recall {found}/{total} = {recall:.3}");
        assert!(
            recall >= floor,
            "{corpus}: recall {found}/{total} = {recall:.3}"
        );
    }
}
