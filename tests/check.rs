//! `bitext check`: injected errors on the sample corpus are found on their beads, the
//! clean sample gives no unexplained error, and the command keeps its contract
//! (formats, exit codes 0/1/2, bad input naming file and line).

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

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

/// The checks as `bitext check` runs them, word links included.
fn run_check(pairs: &[AlignedPair], terms: &TermSet) -> Vec<Finding> {
    let resources = bitext::lexicon::Resources::default_embedded().unwrap();
    let links = bitext::check::word_links(pairs, &resources);
    let opts = CheckOptions {
        dictionary: Some(&Dictionary::Embedded),
        words: &resources.words,
        links: Some(&links),
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
    // The finding shows what the translation used there and what to use instead.
    let finding = found
        .iter()
        .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(miss))
        .unwrap();
    assert!(
        finding
            .evidence
            .as_ref()
            .is_some_and(|e| e.to_lowercase().contains("data economy")),
        "{finding:#?}"
    );
    assert_eq!(finding.suggestion.as_deref(), Some("digital economy"));
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
    // Both ways are approved by the glossary: a note, not a warning.
    assert_eq!(inconsistent.severity, Severity::Info);
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
    // A plural in -ies is the word itself too.
    let mut terms = TermSet::default();
    terms.add("数字经济", &["data economy"], &["digital economy"]);
    let terms = terms.build();
    let pairs = [AlignedPair::new(
        0,
        "数字经济发展迅速。",
        "Digital economies are growing fast.",
    )];
    let found = run_check(&pairs, &terms);
    assert!(
        found.iter().any(|f| f.kind == FindingType::Forbidden),
        "{found:#?}"
    );
}

fn bitext() -> Command {
    Command::cargo_bin("bitext").unwrap()
}

/// Write `text` to `name` in `dir`, returning its path as a string.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// Run `bitext check ARGS --format json`: exit code and findings.
fn check_json(args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = bitext()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v["findings"].as_array().unwrap().clone())
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
    let run = |zh: &str, en: &str, glossary: &str| {
        Command::cargo_bin("bitext")
            .unwrap()
            .args(["check", "--presplit", "--glossary", glossary, zh, en])
            .output()
            .unwrap()
    };
    // 'sustainable' shares its stem with 'sustained' but is not the forbidden wording.
    assert_eq!(run(&zh, &good, &forbid).status.code(), Some(0));
    assert_eq!(run(&zh, &bad, &forbid).status.code(), Some(1));
    // A user's entry replaces the shipped one for the same term.
    let zh2 = write("zh2.txt", "坚持新发展理念。\n");
    let en2 = write("en2.txt", "Follow the new development philosophy.\n");
    let mine = write("mine.tsv", "新发展理念\tnew development concept\n");
    let out = run(&zh2, &en2, &mine);
    // 'new development philosophy' is close to the approved wording: a warning to
    // look at, not an error.
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("new development concept"), "{text}");
    assert!(
        text.contains("[warning]") && text.contains("glossary-miss"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0));
    // The finding names the glossary the term comes from.
    assert!(text.contains("mine.tsv line 1)"), "{text}");
    // A shipped term holding the user's (数据出境安全评估 around 数据出境) gives way too:
    // its wording of their term is not theirs.
    let zh3 = write("zh3.txt", "企业应当开展数据出境安全评估。\n");
    let en3 = write(
        "en3.txt",
        "Enterprises shall carry out a security assessment for cross-border data transfer.\n",
    );
    let mine = write("mine2.tsv", "数据出境\tcross-border data transfer\n");
    let out = run(&zh3, &en3, &mine);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
    // ... but a shipped term whose wording holds the user's stays: 数据 'data' leaves
    // 数据安全 'data security' checked.
    let zh4 = write("zh4.txt", "企业应当履行数据安全保护义务。\n");
    let en4 = write("en4.txt", "Enterprises shall protect information safety.\n");
    let mine = write("mine3.tsv", "数据\tdata\n");
    let out = run(&zh4, &en4, &mine);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("数据安全 is not rendered"), "{text}");
}

/// translate-toolkit's Python in target/tt-venv, or None (with a message) outside CI.
fn translate_toolkit() -> Option<PathBuf> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tt-venv/bin/python");
    if python.exists() {
        return Some(python);
    }
    common::skip(
        &format!("translate-toolkit ({})", python.display()),
        "run .ci/install-translate-toolkit.sh",
    );
    None
}

#[test]
fn xliff_12_from_po2xliff_and_20_from_translate_toolkit_are_checked() {
    let Some(python) = translate_toolkit() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let po = write(
        dir.path(),
        "a.po",
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
         msgid \"我们推进数字治理。\"\nmsgstr \"We advance digital governance.\"\n\n\
         msgid \"数据安全很重要。\"\nmsgstr \"\"\n\n\
         #, fuzzy\nmsgid \"2022年增长了30%。\"\nmsgstr \"It grew by 20% in 2022.\"\n",
    );
    let xlf12 = dir.path().join("a.xlf");
    let status = std::process::Command::new(python.parent().unwrap().join("po2xliff"))
        .arg(&po)
        .arg(&xlf12)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let xlf20 = dir.path().join("b.xlf");
    let script = r#"
import sys
from translate.storage import xliff2
f = xliff2.Xliff2File(sourcelanguage="zh-CN", targetlanguage="en")
for i, (s, t) in enumerate([("我们推进数字治理。", "We advance digital governance."),
                            ("数据安全很重要。", ""),
                            ("2022年增长了30%。", "It grew by 20% in 2022.")]):
    u = f.addsourceunit(s)
    u.setid("u%d" % (i + 1))
    if t:
        u.target = t
open(sys.argv[1], "wb").write(bytes(f))
"#;
    let status = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(&xlf20)
        .status()
        .unwrap();
    assert!(status.success());
    for (file, segments) in [(&xlf12, None), (&xlf20, Some(("u2", "u3")))] {
        let (code, findings) =
            check_json(&["--no-default-glossary", "--aligned", file.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{findings:#?}");
        // Each finding names its unit's id, as the tool numbered it.
        let on = |kind: &str, zh: &str| {
            findings
                .iter()
                .find(|f| f["type"] == kind && f["zh"] == zh)
                .and_then(|f| f["segment"].as_str())
                .map(str::to_string)
        };
        // The unit without a target is empty; the 20% of the fuzzy unit disagrees.
        let empty = on("empty", "数据安全很重要。");
        let number = on("number-mismatch", "2022年增长了30%。");
        assert!(
            empty.is_some() && number.is_some(),
            "{file:?}: {findings:#?}"
        );
        if let Some((e, n)) = segments {
            assert_eq!((empty.as_deref(), number.as_deref()), (Some(e), Some(n)));
        }
        assert_eq!(findings.len(), 2, "{file:?}: {findings:#?}");
    }
}

#[test]
fn a_tbx_glossary_is_read_our_own_included() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(
        dir.path(),
        "zh.txt",
        "我们推动可持续发展。\n可持续发展很重要。\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "We promote sustainable development.\nSustainable development matters.\n",
    );
    // bitext's own TBX, fed back as a glossary.
    let tbx = dir.path().join("g.tbx");
    bitext()
        .args([
            "glossary",
            "--presplit",
            "--min-freq",
            "1",
            "--format",
            "tbx",
            "-o",
        ])
        .arg(&tbx)
        .args([&zh, &en])
        .assert()
        .success();
    bitext()
        .args(["check", "--presplit", "--no-default-glossary", "--glossary"])
        .arg(&tbx)
        .args([&zh, &en])
        .assert()
        .code(0);
    // Our own CSV too, its format taken from the output's extension.
    let csv = dir.path().join("g.csv");
    bitext()
        .args(["glossary", "--presplit", "--min-freq", "1", "-o"])
        .arg(&csv)
        .args([&zh, &en])
        .assert()
        .success();
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with("zh,en,"), "{written}");
    bitext()
        .args(["check", "--presplit", "--no-default-glossary", "--glossary"])
        .arg(&csv)
        .args([&zh, &en])
        .assert()
        .code(0);
    // A TBX with a DOCTYPE and a deprecated rendering.
    let forbid = write(
        dir.path(),
        "f.tbx",
        r#"<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic"><text><body><termEntry>
<langSet xml:lang="zh"><tig><term>可持续发展</term></tig></langSet>
<langSet xml:lang="en"><tig><term>sustainable development</term></tig>
<tig><term>sustained development</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>"#,
    );
    let bad = write(
        dir.path(),
        "bad.txt",
        "We promote sustained development.\nSustainable development matters.\n",
    );
    let (code, findings) = check_json(&[
        "--presplit",
        "--no-default-glossary",
        "--glossary",
        &forbid,
        &zh,
        &bad,
    ]);
    assert_eq!(code, Some(1));
    assert!(
        findings.iter().any(|f| f["type"] == "forbidden"),
        "{findings:#?}"
    );
}

#[test]
fn review_loop_skip_ignore_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = write(
        dir.path(),
        "p.jsonl",
        "{\"zh\": \"2022年增长了30%。\", \"en\": \"It grew by 20% in 2022.\"}\n\
         {\"zh\": \"详见www.example.cn。\", \"en\": \"See the the website.\"}\n",
    );
    let (code, findings) = check_json(&["--no-default-glossary", "--aligned", &pairs]);
    assert_eq!(code, Some(1));
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["type"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"number-mismatch") && kinds.contains(&"url"),
        "{kinds:?}"
    );
    assert!(kinds.contains(&"repeated-word"), "{kinds:?}");
    // Ids are stable from run to run.
    let (_, again) = check_json(&["--no-default-glossary", "--aligned", &pairs]);
    let ids = |fs: &[serde_json::Value]| -> Vec<String> {
        fs.iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&findings), ids(&again));
    // A reviewer's false alarms stay quiet; skipped types are not looked for.
    let number = findings
        .iter()
        .find(|f| f["type"] == "number-mismatch")
        .unwrap();
    let ignore = write(
        dir.path(),
        "ignore.txt",
        &format!(
            "# reviewed\n{} the 20% is right\n",
            number["id"].as_str().unwrap()
        ),
    );
    let (code, rest) = check_json(&[
        "--no-default-glossary",
        "--aligned",
        &pairs,
        "--ignore",
        &ignore,
        "--skip",
        "url,repeated-word",
    ]);
    assert!(rest.is_empty(), "{rest:#?}");
    assert_eq!(code, Some(0));
    // Two reviewers' lists together silence what each silences.
    let others: Vec<String> = ids(&findings)
        .into_iter()
        .filter(|id| id != number["id"].as_str().unwrap())
        .collect();
    assert!(!others.is_empty());
    let second = write(dir.path(), "second.txt", &others.join("\n"));
    let (code, rest) = check_json(&[
        "--no-default-glossary",
        "--aligned",
        &pairs,
        "--ignore",
        &ignore,
        "--ignore",
        &second,
    ]);
    assert!(rest.is_empty(), "{rest:#?}");
    assert_eq!(code, Some(0));
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--aligned",
            &pairs,
            "--skip",
            "no-such-type",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such finding type"));
    let bad_ignore = write(dir.path(), "bad.txt", "not an id\n");
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--aligned",
            &pairs,
            "--ignore",
            &bad_ignore,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt: line 1"));
    // CSV: a header and one row per finding.
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--aligned",
            &pairs,
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    assert_eq!(&reader.headers().unwrap()[0], "id");
    assert_eq!(reader.records().count(), findings.len());
    // The CSV report cut down to the false alarms is a list to ignore too, and the
    // run says how many it left out.
    let csv = String::from_utf8(out.stdout).unwrap();
    let kept: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("id,") || l.contains("number-mismatch"))
        .collect();
    let from_csv = write(dir.path(), "reviewed.csv", &(kept.join("\n") + "\n"));
    let out = bitext()
        .args(["check", "--no-default-glossary", "--aligned", &pairs])
        .args(["--format", "json", "--ignore", &from_csv])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 of the 1 ids of --ignore matched"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let left = v["findings"].as_array().unwrap();
    assert_eq!(left.len(), findings.len() - 1);
    assert!(left.iter().all(|f| f["type"] != "number-mismatch"));
}

#[test]
fn text_report_shows_control_characters_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = write(
        dir.path(),
        "p.jsonl",
        "{\"zh\": \"数字经济增长很快。\", \"en\": \"The data economy \\u001b[31mgrew\\u202e fast.\"}\n",
    );
    let glossary = write(dir.path(), "g.tsv", "数字经济\tdigital economy\n");
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--glossary",
            &glossary,
            "--aligned",
            &pairs,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(
        text.contains("<U+001B>[31m") && text.contains("<U+202E>"),
        "{text}"
    );
    // The evidence is marked in its sentence, and the approved rendering named.
    assert!(text.contains("⟦data economy⟧"), "{text}");
    assert!(text.contains("approved: digital economy"), "{text}");
}

#[test]
fn exit_status_survives_a_closed_pipe() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bitext"))
        .args(["check", "--no-default-glossary", "--glossary"])
        .arg(format!("{FIXTURES}/glossary.tsv"))
        .arg("--aligned")
        .arg(format!("{FIXTURES}/pairs.tsv"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The reader goes away before anything is written (`check ... | head -0`).
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn a_tmx_without_languages_is_an_error_for_check_and_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = write(
        dir.path(),
        "x.tmx",
        "<tmx version=\"1.4\"><body><tu><tuv><seg>数据</seg></tuv><tuv><seg>Data</seg></tuv></tu></body></tmx>",
    );
    for cmd in ["check", "glossary"] {
        let out = bitext().args([cmd, "--aligned", &tmx]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no aligned pairs found"));
    }
}

#[test]
fn a_term_starting_inside_a_word_is_no_occurrence() {
    let mut t = TermSet::default();
    t.add("国则", &["national rule"], &[]);
    let terms = t.build();
    let pairs = [AlignedPair::new(
        0,
        "美国则不同意。",
        "The United States disagrees.",
    )];
    let found = run_check(&pairs, &terms);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn html_report_links_every_finding_to_its_beads() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = write(
        dir.path(),
        "p.jsonl",
        "{\"zh\": \"我们追求共同富裕。\", \"en\": \"We pursue common prosperity.\"}\n\
         {\"zh\": \"共同富裕是目标。\", \"en\": \"Shared prosperity is the goal.\"}\n\
         {\"zh\": \"共同富裕很重要。\", \"en\": \"Common prosperity matters\\u202e.\"}\n",
    );
    let glossary = write(
        dir.path(),
        "g.tsv",
        "共同富裕\tcommon prosperity | shared prosperity\n",
    );
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--glossary",
            &glossary,
            "--aligned",
            &pairs,
            "--format",
            "html",
            "--severity",
            "info",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    // The term rendered two ways (both approved: a note) is a document-level finding
    // linked to each bead.
    let row = html
        .lines()
        .find(|l| l.contains("data-type=\"inconsistent\""))
        .unwrap_or_else(|| panic!("{html}"));
    for b in 0..3 {
        assert!(row.contains(&format!("href=\"#b{b}\"")), "{row}");
    }
    assert!(
        html.contains("<select id=ftype>"),
        "findings filter by type"
    );
    // Document text isolated, its bidi controls shown, not obeyed.
    assert!(html.contains("<bdi>"));
    assert!(!html.contains('\u{202e}') && html.contains("⟨U+202E⟩"));
}

/// A gold alignment of ../shared as JSONL pairs, joined as check-eval.py joins them.
fn gold_jsonl(corpus: &Path, name: &str) -> String {
    let read = |side: &str| std::fs::read_to_string(corpus.join(side).join(name)).unwrap();
    let (zh, en) = (read("zh"), read("en"));
    let (zh, en): (Vec<&str>, Vec<&str>) = (zh.split('\n').collect(), en.split('\n').collect());
    let gold = std::fs::read_to_string(corpus.join("gold").join(format!("{name}.align"))).unwrap();
    let mut out = String::new();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let (a, b) = line.split_once(':').unwrap();
        let z: Vec<&str> = indices(a).into_iter().map(|i| zh[i]).collect();
        let e: Vec<&str> = indices(b).into_iter().map(|i| en[i]).collect();
        let pair = serde_json::json!({"zh": z.concat(), "en": e.join(" ")});
        out.push_str(&pair.to_string());
        out.push('\n');
    }
    out
}

/// Noise on correct translations: the default findings on the clean gold alignments of
/// pol-dev and mac-dev with their reference glossaries stay near what was measured
/// (scripts/check-eval.py: 23 and 57, then 13 and 22, then 10 and 17: a term without
/// trace in an English as long as its Chinese predicts is a note; now 11 and 22: the
/// translator's four English-only sentences of mac-dev are additions, one omission
/// found is false, and 'Chinese people' for the approved 'Chinese nation' is a
/// synonym warning; then 13 and 22: a miss of a term rendered as approved nearly
/// everywhere else is a warning). Approved
/// alternatives side by side must stay notes (they were 38 of pol-dev's 61 warnings).
#[test]
fn default_findings_on_clean_dev_corpora_stay_few() {
    let shared = common::shared_dir();
    if !shared.join("corpora/pol-dev").is_dir() {
        common::skip("../shared/corpora", common::SHARED_HINT);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (corpus, ceiling) in [("pol-dev", 15), ("mac-dev", 25)] {
        let root = shared.join("corpora").join(corpus);
        let glossary = shared.join(format!("glossary/{corpus}.terms.tsv"));
        let mut names: Vec<String> = std::fs::read_dir(root.join("zh"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut default = 0;
        for name in &names {
            let pairs = write(
                dir.path(),
                &format!("{corpus}-{name}.jsonl"),
                &gold_jsonl(&root, name),
            );
            let (_, findings) = check_json(&[
                "--aligned",
                &pairs,
                "--glossary",
                glossary.to_str().unwrap(),
            ]);
            assert!(
                !findings.iter().any(|f| f["type"] == "inconsistent"
                    && f["zh_term"].as_str().is_some_and(|t| {
                        std::fs::read_to_string(&glossary)
                            .unwrap()
                            .lines()
                            .any(|l| l.split('\t').next() == Some(t))
                    })),
                "{corpus} {name}: a glossary term's approved renderings reported at default severity"
            );
            default += findings.len();
        }
        eprintln!("{corpus}: {default} default findings on the clean gold alignment");
        assert!(
            default <= ceiling,
            "{corpus}: {default} default findings (measured 11 / 22)"
        );
        assert!(
            default > 0,
            "{corpus}: no findings at all (the real omissions and misspellings are gone)"
        );
    }
}

#[test]
fn a_sentence_left_out_inside_a_bead_is_reported() {
    let pairs = sample_pairs();
    let terms = TermSet::from_glossary(&default_glossary()).build();
    let clean = run_check(&pairs, &terms);
    assert!(
        !clean.iter().any(|f| f.kind == FindingType::Omission),
        "{:#?}",
        clean
            .iter()
            .filter(|f| f.kind == FindingType::Omission)
            .collect::<Vec<_>>()
    );
    // Each sentence in turn joined to the bead before it with its English left out,
    // as the aligner joins an untranslated sentence to its neighbour.
    let sentence =
        |p: &AlignedPair| p.zh.chars().count() >= 15 && p.zh.ends_with('。') && p.en.ends_with('.');
    let (mut tried, mut found) = (0, 0);
    for k in 1..pairs.len() {
        if !sentence(&pairs[k - 1]) || !sentence(&pairs[k]) {
            continue;
        }
        let mut cut = pairs.clone();
        let dropped = cut.remove(k);
        cut[k - 1].zh.push_str(&dropped.zh);
        for (i, p) in cut.iter_mut().enumerate() {
            p.id = i;
        }
        tried += 1;
        let findings = run_check(&cut, &terms);
        found += usize::from(findings.iter().any(|f| {
            f.kind == FindingType::Omission
                && f.bead == Some(k - 1)
                && f.term.as_deref() == Some(dropped.zh.as_str())
        }));
    }
    // Measured: 48 of 81.
    eprintln!("omissions found: {found} of {tried}");
    assert!(found * 100 >= tried * 55, "{found} of {tried}");
}

#[test]
fn english_without_chinese_is_an_addition() {
    let mut pairs = sample_pairs();
    let k = pairs.len() / 2;
    pairs.insert(
        k,
        AlignedPair::new(k, "", "The province will also spend 5 million yuan on it."),
    );
    for (i, p) in pairs.iter_mut().enumerate() {
        p.id = i;
    }
    let terms = TermSet::from_glossary(&default_glossary()).build();
    let found = run_check(&pairs, &terms);
    let additions: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind == FindingType::Addition)
        .collect();
    assert_eq!(additions.len(), 1, "{additions:#?}");
    assert_eq!(additions[0].bead, Some(k));
    assert_eq!(additions[0].severity, Severity::Warning);
    // A short sentence with no fact of its own is a bridge the translator wrote: a note.
    pairs[k].en = "But that was not all.".into();
    let found = run_check(&pairs, &terms);
    let bridge: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind == FindingType::Addition)
        .collect();
    assert_eq!(bridge.len(), 1, "{bridge:#?}");
    assert_eq!(bridge[0].severity, Severity::Info);
    // As long as the translation's longer segments, it may carry a dropped passage.
    pairs[k].en = "The provincial government will also set up a special office that \
                   answers questions from companies about the new rules, trains local \
                   officials in applying them and reports regularly on how far the \
                   work has gone and what remains to be done across the province."
        .into();
    let found = run_check(&pairs, &terms);
    let long: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind == FindingType::Addition)
        .collect();
    assert_eq!(long.len(), 1, "{long:#?}");
    assert_eq!(long[0].severity, Severity::Warning);
    // Chinese left in the English, which the aligner could not pair with its source:
    // untranslated, not added.
    pairs[k].en = "Article 13 省政府对此项工作另行作出规定。".into();
    let found = run_check(&pairs, &terms);
    let here: Vec<(FindingType, Severity)> = found
        .iter()
        .filter(|f| f.bead == Some(k))
        .map(|f| (f.kind, f.severity))
        .collect();
    assert_eq!(
        here,
        [(FindingType::Untranslated, Severity::Error)],
        "{found:#?}"
    );
    // An added English sentence glossing a Chinese name in brackets is still added.
    pairs[k].en = "The provincial government will also set up a special office for the \
                   Belt and Road Initiative (一带一路), which answers questions from \
                   companies about the new rules and reports on how far the work has gone."
        .into();
    let found = run_check(&pairs, &terms);
    assert!(
        found
            .iter()
            .any(|f| f.bead == Some(k) && f.kind == FindingType::Addition),
        "{found:#?}"
    );
}

/// A glossary of one term, 数据要素市场 'data element market'.
fn data_market_terms() -> TermSet {
    let glossary =
        bitext::lexicon::parse_glossary_tsv("数据要素市场\tdata element market\n", "g.tsv")
            .unwrap();
    TermSet::from_glossary(&glossary).build()
}

/// A bead with 数据要素市场 in its Chinese and `en` for its English.
fn data_market_pair(en: &str) -> [AlignedPair; 1] {
    [AlignedPair::new(0, "加强数据要素市场建设。", en)]
}

#[test]
fn a_glossary_findings_id_survives_an_edit_elsewhere_in_the_sentence() {
    let terms = data_market_terms();
    let id = |en: &str| {
        let found: Vec<Finding> = run_check(&data_market_pair(en), &terms)
            .into_iter()
            .filter(|f| f.kind == FindingType::GlossaryMiss)
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        found[0].id.clone()
    };
    let first = id("Strengthen the building of the data factor market.");
    assert_eq!(
        first,
        id("We will strengthen the building of the data factor market.")
    );
    assert_ne!(
        first,
        id("Strengthen the building of the data resource market.")
    );
}

#[test]
fn a_synonym_in_place_of_an_approved_word_is_a_warning() {
    let terms = data_market_terms();
    let found = |en: &str| {
        run_check(&data_market_pair(en), &terms)
            .into_iter()
            .filter(|f| f.kind == FindingType::GlossaryMiss && f.severity >= Severity::Warning)
            .collect::<Vec<_>>()
    };
    let synonym = found("Strengthen the building of the data factor market.");
    assert_eq!(synonym.len(), 1, "{synonym:#?}");
    assert_eq!(synonym[0].evidence.as_deref(), Some("data factor market"));
    for en in [
        "Strengthen the building of the data element market.",
        "Strengthen the building of data elements markets.",
    ] {
        assert!(found(en).is_empty(), "{en}: {:#?}", found(en));
    }
}

#[test]
fn aligned_pairs_without_any_chinese_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = write(dir.path(), "pairs.tsv", "hello\tworld\nfine\tthanks\n");
    for command in ["check", "glossary"] {
        let out = bitext()
            .args([command, "--aligned", &pairs])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("pairs.tsv") && err.contains("no Chinese"),
            "{err}"
        );
    }
}

/// A term inside a longer word (全党 in 全党同志) is checked only for its approved
/// rendering with a word swapped out; the longer word rendered as a whole is no finding.
#[test]
fn a_term_inside_a_longer_word_with_a_swapped_word_is_a_warning() {
    let mut terms = TermSet::default();
    terms.add("全党", &["all Party members"], &[]);
    let terms = terms.build();
    let pairs = [
        AlignedPair::new(
            0,
            "全党同志必须牢记这一点。",
            "All Party efforts must bear this in mind.",
        ),
        AlignedPair::new(
            1,
            "全党同志必须牢记这一点。",
            "All Party members must bear this in mind.",
        ),
        AlignedPair::new(
            2,
            "全党同志必须牢记这一点。",
            "Every comrade must bear this in mind.",
        ),
    ];
    let all = run_check(&pairs, &terms);
    let found: Vec<&Finding> = all
        .iter()
        .filter(|f| f.kind == FindingType::GlossaryMiss && f.severity != Severity::Info)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].bead, Some(0));
    assert_eq!(found[0].evidence.as_deref(), Some("All Party efforts"));
}

#[test]
fn a_term_rendered_as_approved_everywhere_else_is_a_warning_where_it_is_missing() {
    let mut terms = TermSet::default();
    terms.add("工人阶级", &["working class"], &[]);
    let terms = terms.build();
    let sentences = [
        (
            "工人阶级是国家的领导阶级。",
            "The working class is the leading class of the state.",
        ),
        ("我们依靠工人阶级。", "We rely on the working class."),
        (
            "工人阶级创造了财富。",
            "The working class has created wealth.",
        ),
        (
            "工人阶级要学习新知识。",
            "The working class should learn new skills.",
        ),
        ("工人阶级团结一致。", "The working class stands united."),
        (
            "工人阶级是改革的主力。",
            "The working class is the main force of reform.",
        ),
        ("工人阶级支持改革。", "The working class supports reform."),
        (
            "城市工人阶级不断壮大。",
            "The urban working class keeps growing.",
        ),
        (
            "工人阶级的地位很高。",
            "The status of the working class is high.",
        ),
        ("工人阶级热爱劳动。", "The working class loves labour."),
        (
            "工人阶级要遵守纪律。",
            "Market arrangements must observe discipline.",
        ),
    ];
    let pairs: Vec<AlignedPair> = sentences
        .iter()
        .enumerate()
        .map(|(i, (zh, en))| AlignedPair::new(i, zh, en))
        .collect();
    let all = run_check(&pairs, &terms);
    let found: Vec<&Finding> = all
        .iter()
        .filter(|f| f.kind == FindingType::GlossaryMiss && f.severity != Severity::Info)
        .collect();
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(found[0].bead, Some(10));
    assert!(
        found[0]
            .message
            .contains("rendered as approved in 10 of its 11"),
        "{}",
        found[0].message
    );
    // The same miss in a document that renders the term only twice is a note.
    let few: Vec<AlignedPair> = pairs[8..].to_vec();
    let all = run_check(&few, &terms);
    assert!(
        all.iter()
            .all(|f| f.kind != FindingType::GlossaryMiss || f.severity == Severity::Info),
        "{all:#?}"
    );
}

#[test]
fn a_multiple_is_compared_as_its_factor() {
    let terms = TermSet::default().build();
    let pairs = [
        AlignedPair::new(0, "收入增长了一倍。", "Incomes tripled."),
        AlignedPair::new(1, "收入增长了一倍。", "Incomes doubled."),
        AlignedPair::new(2, "产量翻了两番。", "Output doubled."),
        AlignedPair::new(3, "产量翻了两番。", "Output quadrupled."),
        AlignedPair::new(4, "产量增加了两倍。", "Output tripled."),
    ];
    let all = run_check(&pairs, &terms);
    let beads: Vec<Option<usize>> = all
        .iter()
        .filter(|f| f.kind == FindingType::NumberMismatch && f.severity != Severity::Info)
        .map(|f| f.bead)
        .collect();
    assert_eq!(beads, [Some(0), Some(2)], "{all:#?}");
}

#[test]
fn a_rewording_in_the_terms_own_words_is_no_shortening() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(
        dir.path(),
        "zh.txt",
        "交通安全很重要。\n交通安全需要大家。\n交通安全靠你我。\n参见《交通安全管理办法》。\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "Road safety matters.\n\
         Traffic security needs everyone.\n\
         The safety depends on us.\n\
         See the Measures on Traffic Security Management.\n",
    );
    let terms = write(dir.path(), "terms.tsv", "zh\ten\n交通安全\troad safety\n");
    let (_, found) = check_json(&[
        "--presplit",
        "--no-default-glossary",
        "--glossary",
        &terms,
        "--severity",
        "info",
        &zh,
        &en,
    ]);
    let misses: Vec<(u64, &str)> = found
        .iter()
        .filter(|f| f["type"] == "glossary-miss")
        .map(|f| (f["bead"].as_u64().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    // As many words, the term's dictionary senses: a wording the glossary does not
    // approve. Fewer words once named: a shortening. A cited title keeps the work's
    // own English.
    assert_eq!(
        misses,
        [(1, "warning"), (2, "info"), (3, "info")],
        "{found:#?}"
    );
}
