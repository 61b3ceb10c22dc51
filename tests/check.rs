//! `bitext check`: injected errors on the sample corpus are found on their beads, the
//! clean sample gives no unexplained error, and the command keeps its contract
//! (formats, exit codes 0/1/2, bad input naming file and line).

use assert_cmd::Command;
use bitext::check::{CheckOptions, Finding, FindingType, Severity, check, terms::TermSet};
use bitext::lexicon::{Dictionary, default_glossary};
use bitext::pairs::AlignedPair;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/digital-governance");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");

fn indices(s: &str) -> Vec<usize> {
    s.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect()
}

/// The sample's gold beads as aligned pairs, as `align` would write them.
fn sample_pairs() -> Vec<AlignedPair> {
    let zh = std::fs::read_to_string(format!("{CORPUS}/zh.sentences")).unwrap();
    let en = std::fs::read_to_string(format!("{CORPUS}/en.sentences")).unwrap();
    let gold = std::fs::read_to_string(format!("{CORPUS}/gold.align")).unwrap();
    let zh: Vec<&str> = zh.lines().collect();
    let en: Vec<&str> = en.lines().collect();
    gold.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(id, l)| {
            let (a, b) = l.split_once(':').unwrap();
            let z: Vec<&str> = indices(a).into_iter().map(|i| zh[i]).collect();
            let e: Vec<&str> = indices(b).into_iter().map(|i| en[i]).collect();
            AlignedPair::new(id, &z.join(" "), &e.join(" "))
        })
        .collect()
}

fn run_check(pairs: &[AlignedPair], terms: &TermSet) -> Vec<Finding> {
    let opts = CheckOptions {
        dictionary: Some(&Dictionary::Embedded),
        words: &bitext::lexicon::segmenter(true),
    };
    check(pairs, terms, &[], &opts)
}

fn on_bead(found: &[Finding], kind: FindingType, bead: usize) -> bool {
    found.iter().any(|f| f.kind == kind && f.bead == Some(bead))
}

/// Replace every occurrence of `from` in `text`, matching case-insensitively on ASCII.
fn replace_ci(text: &str, from: &str, to: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::new();
    let mut last = 0;
    for (i, _) in lower.match_indices(&from.to_lowercase()) {
        out.push_str(&text[last..i]);
        out.push_str(to);
        last = i + from.len();
    }
    out.push_str(&text[last..]);
    out
}

#[test]
fn clean_sample_has_no_unexplained_errors() {
    let pairs = sample_pairs();
    let terms = TermSet::from_glossary(&default_glossary());
    let found = run_check(&pairs, &terms);
    let unexplained: Vec<&Finding> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| match f.kind {
            // The gold has sentences the translator left out on purpose (1-0 beads):
            // a reviewer must see those, so they stay errors, and are the only ones.
            FindingType::Empty => !pairs[f.bead.unwrap()].en.is_empty(),
            _ => true,
        })
        .collect();
    assert!(unexplained.is_empty(), "{unexplained:#?}");
}

#[test]
fn injected_errors_are_found_on_their_beads() {
    let clean = sample_pairs();
    let glossary = default_glossary();
    let mut pairs = clean.clone();
    let terms = TermSet::from_glossary(&glossary);
    let mut used = Vec::new();
    let free = |pred: &dyn Fn(&AlignedPair) -> bool, used: &mut Vec<usize>| {
        let p = clean
            .iter()
            .find(|p| !used.contains(&p.id) && pred(p))
            .expect("a bead to inject into");
        used.push(p.id);
        p.id
    };

    // 1. A wrong rendering for a glossary term.
    let miss = free(
        &|p| p.zh.contains("数字经济") && p.en.to_lowercase().contains("digital economy"),
        &mut used,
    );
    pairs[miss].en = replace_ci(&pairs[miss].en, "digital economy", "data economy");

    // 2. A changed year.
    let year = free(
        &|p| p.zh.contains("2022") && p.en.contains("2022"),
        &mut used,
    );
    pairs[year].en = pairs[year].en.replace("2022", "2023");

    // 3. An emptied segment and 4. Chinese copied into the English.
    let empty = free(
        &|p| !p.en.is_empty() && p.zh.chars().count() > 10,
        &mut used,
    );
    pairs[empty].en.clear();
    let copied = free(
        &|p| !p.en.is_empty() && p.zh.chars().count() > 10,
        &mut used,
    );
    pairs[copied].en = pairs[copied].zh.clone();

    // 5. One term rendered two ways: a term with two approved renderings whose first
    // is used in at least two beads; switch the last of them to the second.
    let clean_found = run_check(&clean, &terms);
    let (two_ways, zh_term) = terms
        .terms
        .iter()
        .filter(|t| t.approved.len() >= 2 && !t.approved[0].is_variant_of(&t.approved[1]))
        .filter(|t| {
            !clean_found
                .iter()
                .any(|f| f.kind == FindingType::Inconsistent && f.zh_term.as_ref() == Some(&t.zh))
        })
        .find_map(|t| {
            let first = &t.approved[0].text;
            let beads: Vec<usize> = clean
                .iter()
                .filter(|p| p.zh.contains(&t.zh) && p.en.contains(first.as_str()))
                .filter(|p| !used.contains(&p.id))
                .map(|p| p.id)
                .collect();
            (beads.len() >= 2).then(|| {
                let b = *beads.last().unwrap();
                (b, t.zh.clone())
            })
        })
        .expect("a term used twice with an alternative rendering");
    used.push(two_ways);
    let term = terms.terms.iter().find(|t| t.zh == zh_term).unwrap();
    pairs[two_ways].en = pairs[two_ways]
        .en
        .replace(&term.approved[0].text, &term.approved[1].text);

    let found = run_check(&pairs, &terms);
    eprintln!(
        "injected: miss {miss}, year {year}, empty {empty}, copied {copied}, {zh_term} two ways on {two_ways}"
    );
    assert!(
        on_bead(&found, FindingType::GlossaryMiss, miss),
        "miss {miss}"
    );
    let hint = found
        .iter()
        .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(miss))
        .and_then(|f| f.hint.clone());
    assert!(hint.is_some_and(|h| h.to_lowercase().contains("data economy")));
    assert!(
        on_bead(&found, FindingType::NumberMismatch, year),
        "year {year}"
    );
    assert!(on_bead(&found, FindingType::Empty, empty), "empty {empty}");
    assert!(on_bead(&found, FindingType::Untranslated, copied), "copied");
    let inconsistent = found
        .iter()
        .find(|f| f.kind == FindingType::Inconsistent && f.zh_term.as_deref() == Some(&zh_term))
        .unwrap_or_else(|| panic!("inconsistent {zh_term} on bead {two_ways}: {found:#?}"));
    assert_eq!(inconsistent.bead, None);
    assert!(
        inconsistent
            .renderings
            .iter()
            .any(|r| r.en == term.approved[1].text && r.beads.contains(&two_ways))
    );
    // Nothing new fires on the beads left alone.
    let before = |b: usize, k: FindingType| on_bead(&clean_found, k, b);
    for f in found.iter().filter(|f| f.severity == Severity::Error) {
        let b = f.bead.unwrap();
        assert!(used.contains(&b) || before(b, f.kind), "{f:#?}");
    }
}

#[test]
fn forbidden_rendering_reported_instead_of_a_miss() {
    let mut terms = TermSet::default();
    terms.add("数字鸿沟", &["digital divide"], &["digital gap"]);
    let terms = terms.build();
    let pairs = [AlignedPair::new(
        0,
        "弥合数字鸿沟",
        "bridge the digital gaps",
    )];
    let found = run_check(&pairs, &terms);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, FindingType::Forbidden);
}

fn bitext() -> Command {
    Command::cargo_bin("bitext").unwrap()
}

#[test]
fn cli_text_report_and_exit_code_one() {
    let out = bitext()
        .args(["check", "--no-default-glossary", "--glossary"])
        .arg(format!("{FIXTURES}/glossary.tsv"))
        .arg("--aligned")
        .arg(format!("{FIXTURES}/pairs.tsv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("== forbidden (1) =="), "{text}");
    assert!(text.contains("== glossary-miss (1) =="), "{text}");
    assert!(text.contains("改革开放 is not rendered"), "{text}");
    // 改革 inside 改革开放 and 人民 inside 人民币 are not terms of their own here.
    assert!(!text.contains("改革 is not"), "{text}");
    assert!(!text.contains("人民 is not"), "{text}");
    assert!(text.contains("== number-mismatch (1) =="), "{text}");
}

#[test]
fn cli_json_and_severity_filter() {
    let out = bitext()
        .args(["check", "--no-default-glossary", "--format", "json"])
        .args(["--glossary", &format!("{FIXTURES}/glossary.tsv")])
        .args(["--aligned", &format!("{FIXTURES}/pairs.tsv")])
        .args(["--severity", "error"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    // The forbidden rendering and the number; 改革开放 rendered as 'opening up' only
    // is a warning.
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert_eq!(v["summary"]["errors"], 2);
    let num = findings
        .iter()
        .find(|f| f["type"] == "number-mismatch")
        .unwrap();
    assert_eq!(num["bead"], 2);
    let msg = num["message"].as_str().unwrap();
    assert!(msg.contains("2022") && msg.contains("2021"), "{msg}");
}

#[test]
fn cli_clean_exit_zero_and_bad_input_exit_two() {
    bitext()
        .args(["check", "--no-default-glossary", "--glossary"])
        .arg(format!("{FIXTURES}/glossary.tsv"))
        .args(["--aligned", &format!("{FIXTURES}/clean.tsv")])
        .assert()
        .code(0);
    let out = bitext()
        .args(["check", "--glossary"])
        .arg(format!("{FIXTURES}/bad-glossary.tsv"))
        .args(["--aligned", &format!("{FIXTURES}/clean.tsv")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad-glossary.tsv") && err.contains('2'),
        "{err}"
    );
    bitext()
        .args(["check", "--aligned", "/nonexistent/pairs.tsv"])
        .assert()
        .code(2);
}

#[test]
fn aligner_warnings_become_structure_findings() {
    let terms = TermSet::default().build();
    let pairs = [AlignedPair::new(0, "一、总体情况", "I. Overview")];
    let warning = "Chinese heading without an English counterpart: 二、主要问题".to_string();
    let found = run_check(&pairs, &terms);
    assert!(found.is_empty(), "{found:#?}");
    let found = check(&pairs, &terms, &[warning], &CheckOptions::default());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].kind, found[0].severity, found[0].bead),
        (FindingType::Structure, Severity::Warning, None)
    );
}

#[test]
fn forbidden_needs_the_words_themselves_and_user_glossary_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let zh = write("zh.txt", "我们推动可持续发展。\n");
    let good = write("good.txt", "We promote sustainable development.\n");
    let bad = write("bad.txt", "We promote sustained development.\n");
    let forbid = write(
        "f.tsv",
        "zh\ten\tstatus\n可持续发展\tsustained development\tforbidden\n",
    );
    let run = |en: &str, glossary: &str| {
        Command::cargo_bin("bitext")
            .unwrap()
            .args(["check", "--presplit", "--glossary", glossary, &zh, en])
            .output()
            .unwrap()
    };
    // 'sustainable' shares its stem with 'sustained' but is not the forbidden wording.
    assert_eq!(run(&good, &forbid).status.code(), Some(0));
    assert_eq!(run(&bad, &forbid).status.code(), Some(1));
    // A user's entry replaces the shipped one for the same term.
    let zh2 = write("zh2.txt", "坚持新发展理念。\n");
    let en2 = write("en2.txt", "Follow the new development philosophy.\n");
    let mine = write("mine.tsv", "新发展理念\tnew development concept\n");
    let out = Command::cargo_bin("bitext")
        .unwrap()
        .args(["check", "--presplit", "--glossary", &mine, &zh2, &en2])
        .output()
        .unwrap();
    // 'new development philosophy' is close to the approved wording: a warning to
    // look at, not an error.
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("new development concept"), "{text}");
    assert!(
        text.contains("[warning]") && text.contains("glossary-miss"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0));
}
