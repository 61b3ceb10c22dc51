//! The HTML report end to end: `bitext align --format html` on the team's sample, the
//! library writer with findings, hostile text, and the report rendered by a real
//! browser (headless Chromium; skipped when it is absent unless `CI` is set).

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bitext::align::{AlignOptions, Bitext, align};
use bitext::formats::html::{ReportFinding, write_html};
use bitext::lexicon::{Resources, default_glossary};
use bitext::pairs::AlignedPair;
use bitext::segment::{Lang, presplit};

fn sample_report() -> String {
    run_ok(&[
        "align",
        "--format",
        "html",
        &format!("{SAMPLE}/zh.txt"),
        &format!("{SAMPLE}/en.txt"),
    ])
}

fn sample_bead_count() -> usize {
    run_ok(&[
        "align",
        "--format",
        "beads",
        &format!("{SAMPLE}/zh.txt"),
        &format!("{SAMPLE}/en.txt"),
    ])
    .lines()
    .count()
}

fn bead_rows(html: &str) -> usize {
    html.matches("<tr id=\"b").count()
}

fn report_of(zh: &str, en: &str, findings: &[ReportFinding]) -> String {
    let resources = Resources::default_embedded().unwrap();
    let bt = align(
        presplit(zh.into(), Lang::Zh, &resources.words),
        presplit(en.into(), Lang::En, &resources.words),
        &resources,
        &AlignOptions::default(),
    );
    let mut out = Vec::new();
    write_html(&bt, &default_glossary(), findings, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const HOSTILE_ZH: &str = "我们推进数字治理。\n<script>document.body.setAttribute('data-pwned','1')</script>数据安全很重要。\n<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">\n";
const HOSTILE_EN: &str = "We advance digital governance.\n<script>document.body.setAttribute('data-pwned','1')</script>Data security matters.\n<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">\n";

#[test]
fn sample_report_has_every_bead_and_is_self_contained() {
    let html = sample_report();
    assert_eq!(bead_rows(&html), sample_bead_count());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    // Self-contained: no external resources of any kind.
    for needle in ["http://", "https://", "<link", " src=", "@import", "url("] {
        assert!(!html.contains(needle), "report refers to {needle}");
    }
    // Summary and glossary terms on both sides.
    assert!(html.contains("<section id=summary>"));
    assert!(html.contains("low-confidence beads"));
    assert!(html.contains(r#"<tr><td>1-1</td>"#));
    assert!(html.contains(">数字治理</mark>"), "no Chinese term marked");
    assert!(
        html.to_lowercase().contains(">digital governance</mark>"),
        "no English term marked"
    );
}

#[test]
fn hostile_sentences_render_as_text() {
    let findings = [ReportFinding::new(
        Some(1),
        "<b>kind</b>",
        "\"><script>alert(3)</script>",
        "<script>alert(4)</script>",
    )];
    let html = report_of(HOSTILE_ZH, HOSTILE_EN, &findings);
    // The report's own script is the only one.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>kind"));
    assert!(html.contains("&lt;script&gt;document.body"));
    assert!(html.contains("&lt;img src=x onerror=&quot;"));
    assert!(html.contains("&lt;script&gt;alert(4)"));
}

#[test]
fn findings_are_summarised_and_linked_to_their_beads() {
    let findings = [
        ReportFinding::new(Some(1), "number-mismatch", "error", "2023 vs 2024"),
        ReportFinding::new(
            None,
            "unmatched-section",
            "warning",
            "section 3 has no counterpart",
        ),
        ReportFinding::new(Some(999), "number-mismatch", "error", "stale bead id"),
    ];
    let html = report_of(
        "2023年，我们推进数字治理。\n数据安全很重要。\n",
        "In 2024 we advanced digital governance.\nData security matters.\n",
        &findings,
    );
    assert!(html.contains("<h2>Findings (3)</h2>"));
    // The list links to the bead; the bead links back to the finding.
    assert!(html.contains(r##"<a href="#b1">bead 1</a>"##));
    assert!(html.contains(r##"href="#f0""##));
    assert!(html.contains(r#"<tr id="b1" class="b c"#));
    let row1 = html.split(r#"<tr id="b1""#).nth(1).unwrap();
    assert!(row1.split("</tr>").next().unwrap().contains(" f\""));
    // Out of range: listed, not linked.
    assert!(!html.contains(r##"href="#b999""##));
    assert!(html.contains("bead 999 (not in this alignment)"));
    // By type in the summary.
    assert!(html.contains("<td>number-mismatch</td><td class=num>2</td>"));
    assert!(html.contains("<td>unmatched-section</td><td class=num>1</td>"));
}

#[test]
fn low_confidence_beads_are_flagged_and_counted() {
    // An English side that is no translation at all.
    let html = report_of(
        "我们推进数字治理。\n数据安全很重要。\n",
        "Bananas are yellow.\nThe river is long and wide.\n",
        &[],
    );
    let low = html.matches(r#"<span class=flag"#).count();
    assert!(low > 0, "no bead flagged:\n{html}");
    assert_eq!(low, html.matches(" low\"").count());
    assert!(html.contains(&format!("<p id=low-share><b>{low}</b>")));
}

#[test]
fn pairs_without_scores_are_not_called_low_confidence() {
    // Pairs as a CAT tool's XLIFF or TMX gives them: no alignment score.
    let pairs = [
        AlignedPair::new(0, "我们推进数字治理。", "We advance digital governance."),
        AlignedPair::new(1, "数据安全很重要。", "Data security matters."),
    ];
    let resources = Resources::default_embedded().unwrap();
    let bt = Bitext::from_pairs(&pairs, &resources.words);
    let mut out = Vec::new();
    write_html(&bt, &default_glossary(), &[], &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert_eq!(bead_rows(&html), 2);
    assert_eq!(html.matches("<span class=flag").count(), 0, "{html}");
    assert!(!html.contains("id=low-share"), "{html}");
    assert!(html.contains("No alignment scores"), "{html}");
}

// --- the browser --------------------------------------------------------------------

/// Headless Chromium, or None (skipped) when it is not installed. Under CI it must be.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("BITEXT_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.is_file());
    if found.is_none() {
        skip("chromium", "run .ci/install-chromium.sh");
    }
    found
}

/// Run headless Chromium on `page` with `extra` arguments, within a time limit; returns
/// its stdout.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(180) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("chromium did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn browser_renders_every_bead_row_and_term() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();

    let html = sample_report();
    let page = dir.path().join("sample.html");
    std::fs::write(&page, &html).unwrap();
    let dom = run_chromium(&browser, &page, &["--dump-dom"]);
    let beads = sample_bead_count();
    assert!(beads > 50);
    assert_eq!(bead_rows(&dom), beads, "bead rows in the rendered DOM");
    let marks = html.matches("<mark class=\"term").count();
    assert!(marks > 20, "only {marks} terms marked");
    assert_eq!(dom.matches("<mark class=\"term").count(), marks);
    assert!(dom.contains("<section id=\"summary\">"));

    // Hovering a term lights up its pair: hover the first Chinese term of bead 0 (the
    // title, whose English side carries the same term).
    let hover = dir.path().join("hover.html");
    let script = "<script>document.querySelector('#b0 td[lang=zh] mark.term')\
                  .dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));</script>";
    std::fs::write(
        &hover,
        html.replacen("</body>", &format!("{script}</body>"), 1),
    )
    .unwrap();
    let dom = run_chromium(&browser, &hover, &["--dump-dom"]);
    let row0 = dom.split("<tr id=\"b0\"").nth(1).unwrap();
    let row0 = row0.split("</tr>").next().unwrap();
    let (zh, en) = row0.split_once("lang=\"en\"").unwrap();
    assert!(zh.contains("class=\"term pair\""), "{row0}");
    assert!(en.contains("class=\"term pair\""), "{row0}");
    assert_eq!(dom.matches("term pair").count(), 2);

    let png = dir.path().join("sample.png");
    run_chromium(
        &browser,
        &page,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,900",
        ],
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000);
}

#[test]
fn browser_runs_no_script_from_the_documents() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("hostile.html");
    std::fs::write(&page, report_of(HOSTILE_ZH, HOSTILE_EN, &[])).unwrap();
    let dom = run_chromium(&browser, &page, &["--dump-dom"]);
    assert!(dom.contains("&lt;script&gt;document.body"), "{dom}");
    assert!(
        !dom.contains("data-pwned=\""),
        "a document's script ran:\n{dom}"
    );
    assert!(!dom.contains("<img"));
}
