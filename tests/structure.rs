//! Raw documents end to end: the team's own documents with gold alignments (a white
//! paper, a regulation of numbered articles, a clinical trial report with note
//! references and unnumbered headings), and the structure cases a user meets when the
//! translation leaves something out: an article, the chapter headings, a subsection
//! (with the rest renumbered), or nearly everything.
//!
//! Beads are compared by their texts (the documents are split by bitext itself), as
//! scripts/bead-text-f1.py does.

mod common;
use common::*;

use std::collections::HashSet;

use bitext::eval::parse_beads;

/// A document of corpora/ with its gold sentences and beads.
struct Gold {
    dir: String,
    zh: Vec<String>,
    en: Vec<String>,
    beads: Vec<(Vec<usize>, Vec<usize>)>,
}

impl Gold {
    fn load(name: &str) -> Gold {
        let dir = format!("corpora/{name}");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
        let lines = |f: &str| read(f).lines().map(String::from).collect::<Vec<_>>();
        Gold {
            zh: lines("zh.sentences"),
            en: lines("en.sentences"),
            beads: parse_beads(&read("gold.align"), "gold").unwrap(),
            dir,
        }
    }

    /// The gold beads as texts once the English sentences `dropped` are gone: their
    /// Chinese sentences stand alone.
    fn texts_without(&self, dropped: &HashSet<usize>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (z, e) in &self.beads {
            let kept: Vec<usize> = e.iter().copied().filter(|j| !dropped.contains(j)).collect();
            if kept.is_empty() && !e.is_empty() {
                out.extend(z.iter().map(|&i| (key(&self.zh[i]), String::new())));
            } else {
                let zh: String = z.iter().map(|&i| self.zh[i].as_str()).collect();
                let en: Vec<&str> = kept.iter().map(|&j| self.en[j].as_str()).collect();
                out.push((key(&zh), key(&en.join(" "))));
            }
        }
        out
    }
}

fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Align two files end to end: the beads as texts, and what bitext said on stderr.
fn align(zh: &str, en: &str) -> (Vec<(String, String)>, String) {
    let out = bitext()
        .args(["align", "-q", "--format", "jsonl", zh, en])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pairs =
        bitext::formats::aligned::read_jsonl(&String::from_utf8(out.stdout).unwrap(), "jsonl")
            .unwrap();
    let beads = pairs.iter().map(|p| (key(&p.zh), key(&p.en))).collect();
    (beads, String::from_utf8(out.stderr).unwrap())
}

/// Bead-text F1: precision over all test beads, recall over gold beads with two sides.
fn f1(gold: &[(String, String)], test: &[(String, String)]) -> f64 {
    let gold_set: HashSet<&(String, String)> = gold.iter().collect();
    let test_set: HashSet<&(String, String)> = test.iter().collect();
    let full: Vec<_> = gold
        .iter()
        .filter(|b| !b.0.is_empty() && !b.1.is_empty())
        .collect();
    let p = test.iter().filter(|b| gold_set.contains(b)).count() as f64 / test.len() as f64;
    let r = full.iter().filter(|b| test_set.contains(*b)).count() as f64 / full.len() as f64;
    2.0 * p * r / (p + r).max(1e-9)
}

/// The English text with the lines `drop` picks left out; returns the temp file and the
/// gold sentence ids it held.
fn english_without(
    gold: &Gold,
    dir: &tempfile::TempDir,
    drop: impl Fn(&str) -> bool,
) -> (String, HashSet<usize>) {
    let text = std::fs::read_to_string(format!("{}/en.txt", gold.dir)).unwrap();
    let (dropped_lines, kept): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| drop(l));
    let dropped: HashSet<usize> = (0..gold.en.len())
        .filter(|&j| {
            dropped_lines
                .iter()
                .any(|l| l.contains(gold.en[j].as_str()))
        })
        .collect();
    let path = dir.path().join("en.txt");
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    (path.to_str().unwrap().to_string(), dropped)
}

#[test]
fn own_raw_documents_align_end_to_end() {
    // Measured 1.000 on each when this was written.
    for name in [
        "digital-governance",
        "public-data-regulation",
        "clinical-trial",
    ] {
        let gold = Gold::load(name);
        let (test, stderr) = align(
            &format!("{}/zh.txt", gold.dir),
            &format!("{}/en.txt", gold.dir),
        );
        let score = f1(&gold.texts_without(&HashSet::new()), &test);
        assert!(score >= 0.97, "{name}: bead-text F1 {score:.3}");
        assert!(
            !stderr.contains("counterpart"),
            "{name}: nothing is missing, yet: {stderr}"
        );
    }
}

#[test]
fn an_article_missing_in_the_translation_stands_alone_and_is_reported() {
    let gold = Gold::load("public-data-regulation");
    let dir = tempfile::tempdir().unwrap();
    let (en, dropped) = english_without(&gold, &dir, |l| l.starts_with("Article 7 "));
    assert_eq!(dropped.len(), 3);
    let (test, stderr) = align(&format!("{}/zh.txt", gold.dir), &en);
    let expected = gold.texts_without(&dropped);
    assert_eq!(f1(&expected, &test), 1.0, "{test:#?}");
    assert!(
        stderr.contains("numbered paragraph without an English counterpart (3 sentences): 第七条"),
        "{stderr}"
    );
}

#[test]
fn chapter_headings_missing_in_the_translation_stay_headings() {
    let gold = Gold::load("public-data-regulation");
    let dir = tempfile::tempdir().unwrap();
    let (en, dropped) = english_without(&gold, &dir, |l| l.starts_with("Chapter "));
    assert_eq!(dropped.len(), 3);
    let (test, stderr) = align(&format!("{}/zh.txt", gold.dir), &en);
    // 第一章 总则 is a bead of its own, not merged into Article 1's.
    assert!(test.contains(&("第一章总则".to_string(), String::new())));
    assert_eq!(f1(&gold.texts_without(&dropped), &test), 1.0, "{test:#?}");
    assert_eq!(
        stderr
            .matches("Chinese heading without an English counterpart")
            .count(),
        3,
        "{stderr}"
    );
}

#[test]
fn a_subsection_dropped_and_the_rest_renumbered_does_not_move_the_headings() {
    let gold = Gold::load("digital-governance");
    let text = std::fs::read_to_string(format!("{SAMPLE}/en.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let part3 = lines.iter().position(|l| l.starts_with("III.")).unwrap();
    let part4 = lines.iter().position(|l| l.starts_with("IV.")).unwrap();
    let cut = part3
        + lines[part3..]
            .iter()
            .position(|l| l.starts_with("(ii) "))
            .unwrap();
    let next = cut
        + 1
        + lines[cut + 1..]
            .iter()
            .position(|l| l.starts_with('('))
            .unwrap();
    // (iii) becomes (ii), (iv) becomes (iii) and so on until part IV.
    let renumber = |l: &str| -> String {
        for (from, to) in [("(iii) ", "(ii) "), ("(iv) ", "(iii) "), ("(v) ", "(iv) ")] {
            if let Some(rest) = l.strip_prefix(from) {
                return format!("{to}{rest}");
            }
        }
        l.to_string()
    };
    let kept: Vec<String> = lines[..cut]
        .iter()
        .map(|l| l.to_string())
        .chain(lines[next..part4].iter().map(|l| renumber(l)))
        .chain(lines[part4..].iter().map(|l| l.to_string()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    std::fs::write(&en, kept.join("\n") + "\n").unwrap();
    let dropped: HashSet<usize> = (0..gold.en.len())
        .filter(|&j| {
            lines[cut..next]
                .iter()
                .any(|l| l.contains(gold.en[j].as_str()))
        })
        .collect();
    let mut renumbered = Gold::load("digital-governance");
    let first_dropped = *dropped.iter().min().unwrap();
    let part4_sentence = renumbered
        .en
        .iter()
        .position(|s| s.starts_with("IV."))
        .unwrap();
    for s in &mut renumbered.en[first_dropped..part4_sentence] {
        *s = renumber(s);
    }
    let (test, stderr) = align(&format!("{SAMPLE}/zh.txt"), en.to_str().unwrap());
    let score = f1(&renumbered.texts_without(&dropped), &test);
    assert!(score >= 0.99, "bead-text F1 {score:.3}: {test:#?}");
    assert!(
        stderr.contains("Chinese heading without an English counterpart: （二）跨境数据流动"),
        "{stderr}"
    );
}

#[test]
fn a_long_run_without_counterpart_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let zh = dir.path().join("zh.txt");
    let en = dir.path().join("en.txt");
    std::fs::write(&zh, "我们坚持数据安全。\n").unwrap();
    let body: String = (0..40)
        .map(|k| format!("Paragraph {k} talks about the weather in spring.\n"))
        .collect();
    std::fs::write(&en, format!("We uphold data security.\n{body}")).unwrap();
    let (test, stderr) = align(zh.to_str().unwrap(), en.to_str().unwrap());
    let unpaired = test.iter().filter(|b| b.0.is_empty()).count();
    assert!(unpaired >= 30, "{test:#?}");
    assert!(
        stderr.contains(&format!(
            "{unpaired} English sentences in a row without a Chinese counterpart"
        )),
        "{stderr}"
    );
}

#[test]
fn every_subsection_heading_missing_in_the_translation_stands_alone_and_is_reported() {
    // Each English subsection heading of the sample dropped in turn: its Chinese
    // heading is a bead of its own, reported, and the beads around it stay right.
    // (Measured 23 of 23 when this was written; 20 before headings stopped pairing
    // with sentences that end in a full stop.)
    let gold = Gold::load("digital-governance");
    let en_text = std::fs::read_to_string(format!("{}/en.txt", gold.dir)).unwrap();
    let headings: Vec<&str> = en_text
        .lines()
        .filter(|l| {
            l.starts_with('(')
                && l.find(')')
                    .is_some_and(|k| l[1..k].chars().all(|c| "ivx".contains(c)))
        })
        .collect();
    assert!(headings.len() >= 10, "{headings:?}");
    let mut failed = Vec::new();
    for heading in &headings {
        let dir = tempfile::tempdir().unwrap();
        let (en, dropped) = english_without(&gold, &dir, |l| l == *heading);
        assert_eq!(dropped.len(), 1, "{heading}");
        let (test, stderr) = align(&format!("{}/zh.txt", gold.dir), &en);
        let expected = gold.texts_without(&dropped);
        let score = f1(&expected, &test);
        if score < 0.99 || !stderr.contains("Chinese heading without an English counterpart") {
            failed.push(format!("{heading}: F1 {score:.3}, {stderr}"));
        }
    }
    assert!(
        failed.len() <= 1,
        "{} of {}: {failed:#?}",
        failed.len(),
        headings.len()
    );
}
