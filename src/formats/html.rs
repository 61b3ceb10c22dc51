//! The HTML report: one self-contained file (inline CSS, a few lines of inline JS, no
//! network, no external assets) showing an aligned document pair side by side.
//!
//! - a summary: beads by type (`1-1`, `2-1`, `0-1`...), confidence bands and the share
//!   of low-confidence beads, findings by type;
//! - the findings of `check` (if any), each linked to its bead row;
//! - one table row per bead, under a row per section, coloured by confidence; beads
//!   below [`LOW_CONFIDENCE`] are flagged, and two checkboxes (pure CSS) show only the
//!   low-confidence beads or only those with findings;
//! - glossary terms marked on both sides (`<mark class=term title="zh = en">`); hovering
//!   a term also lights up its counterpart in the same row.
//!
//! Every text that comes from a document or a glossary is escaped, isolated (`<bdi>`)
//! and has its control characters shown (`⟨U+202E⟩`): a right-to-left override in a
//! segment cannot show it, or the page around it, reversed. Findings link to every
//! bead they concern and can be filtered by type. The table is plain rows with a fixed
//! layout and no per-row script, so a 5,000-bead report stays usable.
//!
//! ```
//! use bitext::align::{align, AlignOptions};
//! use bitext::formats::html::{write_html, ReportFinding};
//! use bitext::lexicon::{default_glossary, Resources};
//! use bitext::segment::{presplit, Lang};
//! let resources = Resources::default_embedded().unwrap();
//! let zh = presplit("我们推进数字治理。\n".into(), Lang::Zh, &resources.words);
//! let en = presplit("We advance digital governance.\n".into(), Lang::En, &resources.words);
//! let bt = align(zh, en, &resources, &AlignOptions::default());
//! let findings = [ReportFinding::new(Some(0), "example", "warning", "just an example")];
//! let mut out = Vec::new();
//! write_html(&bt, &default_glossary(), &findings, &mut out).unwrap();
//! let html = String::from_utf8(out).unwrap();
//! assert!(html.contains(r#"<tr id="b0""#));
//! assert!(html.contains(">数字治理</mark>"));
//! assert!(html.contains(">digital governance</mark>"));
//! assert!(html.contains(r##"href="#b0""##));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use super::xml_escape;
use crate::align::{Bead, Bitext};
use crate::check::report::is_hidden_control;
use crate::check::terms::{EnglishText, RenderingIndex, TermSet};
use crate::lexicon::GlossaryEntry;
use crate::segment::{Document, UnitKind};

/// Beads whose confidence is below this are flagged as low-confidence.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// One finding to list at the top of the report (what `check` found).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportFinding {
    /// Index into `Bitext::beads` of the bead concerned, if the finding has one.
    pub bead: Option<usize>,
    /// Every bead it concerns (a term rendered several ways: where each way is used).
    pub beads: Vec<usize>,
    /// What kind of problem, e.g. `glossary-miss`, `number-mismatch`.
    pub kind: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    pub message: String,
    /// The finding's id (its fingerprint in `check`).
    pub id: String,
    /// What the translation has where the problem is.
    pub evidence: Option<String>,
    /// What to use instead.
    pub suggestion: Option<String>,
    /// The segment of a CAT tool's file the bead is, with its state (`a14, translated`):
    /// where the reviewer goes back to.
    pub segment: Option<String>,
}

impl ReportFinding {
    pub fn new(bead: Option<usize>, kind: &str, severity: &str, message: &str) -> Self {
        ReportFinding {
            bead,
            kind: kind.into(),
            severity: severity.into(),
            message: message.into(),
            ..ReportFinding::default()
        }
    }

    /// Its bead and the other beads it concerns, once each, in order.
    fn all_beads(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .bead
            .into_iter()
            .chain(self.beads.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Text from a document or glossary as HTML content: escaped, with control
/// characters and bidirectional controls shown as `⟨U+XXXX⟩`.
fn esc(s: &str) -> String {
    if !s.chars().any(is_hidden_control) {
        return xml_escape(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hidden_control(c) {
            let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
        } else {
            out.push_str(&xml_escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    out
}

/// A CSS class made of a finding type: its letters, digits and hyphens only.
fn type_class(kind: &str) -> String {
    kind.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Write the report of `bt`: glossary terms of `glossary` marked, `findings` listed at
/// the top and linked to their beads (a finding whose bead is out of range is listed
/// without a link).
pub fn write_html(
    bt: &Bitext,
    glossary: &[GlossaryEntry],
    findings: &[ReportFinding],
    out: &mut dyn Write,
) -> io::Result<()> {
    write_html_titled(bt, glossary, findings, "bitext alignment report", out)
}

/// [`write_html`] under another title (`check`'s report is not an alignment's).
pub fn write_html_titled(
    bt: &Bitext,
    glossary: &[GlossaryEntry],
    findings: &[ReportFinding],
    title: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let marker = TermMarker::new(glossary);
    let mut by_bead: Vec<Vec<usize>> = vec![Vec::new(); bt.beads.len()];
    for (i, f) in findings.iter().enumerate() {
        for b in f.all_beads().into_iter().filter(|&b| b < bt.beads.len()) {
            by_bead[b].push(i);
        }
    }

    out.write_all(
        HEAD.replacen(
            "<title>bitext alignment report</title>",
            &format!("<title>{}</title>", esc(title)),
            1,
        )
        .replacen(
            "<h1>bitext alignment report</h1>",
            &format!("<h1>{}</h1>", esc(title)),
            1,
        )
        .as_bytes(),
    )?;
    let scored = has_scores(bt);
    write_summary(bt, findings, scored, out)?;
    if !bt.warnings.is_empty() {
        writeln!(out, "<section id=warnings><h2>Warnings</h2><ul>")?;
        for w in &bt.warnings {
            writeln!(out, "<li>{}</li>", esc(w))?;
        }
        writeln!(out, "</ul></section>")?;
    }
    write_findings(bt, findings, out)?;

    writeln!(
        out,
        "<main>\n<input type=checkbox id=only-low><label for=only-low>only low-confidence beads</label>\n\
         <input type=checkbox id=only-findings><label for=only-findings>only beads with findings</label>\n\
         <table id=beads><colgroup><col class=cn><col><col><col class=cs></colgroup>\n\
         <thead><tr><th>bead</th><th lang=zh>中文</th><th>English</th><th>conf.</th></tr></thead>\n<tbody>"
    )?;
    let mut row = String::with_capacity(4096);
    let mut section: Option<&[String]> = None;
    for (i, b) in bt.beads.iter().enumerate() {
        row.clear();
        if section != Some(&b.section[..]) {
            section = Some(&b.section[..]);
            let path = if b.section.is_empty() {
                "(document start)".to_string()
            } else {
                esc(&b.section.join(" › "))
            };
            let _ = writeln!(row, "<tr class=sec><th colspan=4>{path}</th></tr>");
        }
        write_bead_row(bt, i, b, scored, &by_bead[i], findings, &marker, &mut row);
        out.write_all(row.as_bytes())?;
    }
    writeln!(out, "</tbody></table>\n</main>")?;
    out.write_all(TAIL.as_bytes())?;
    Ok(())
}

/// Whether the beads have alignment scores: pairs read from a CAT tool's file (XLIFF,
/// TMX) have none, and all stand at 0, which no alignment gives every bead.
fn has_scores(bt: &Bitext) -> bool {
    bt.beads.iter().any(|b| b.score != 0.0)
}

/// `1-1`, `2-1`, `0-1`: how many Chinese and English units a bead holds.
fn bead_type(b: &Bead) -> String {
    format!("{}-{}", b.zh.len(), b.en.len())
}

/// Confidence band 0 (lowest) to 4 (highest), the class that colours a bead.
fn band(score: f64) -> usize {
    ((score * 5.0).floor().max(0.0) as usize).min(4)
}

fn is_heading(doc: &Document, ids: &[usize]) -> bool {
    !ids.is_empty() && ids.iter().all(|&i| doc.units[i].kind == UnitKind::Heading)
}

#[allow(clippy::too_many_arguments)]
fn write_bead_row(
    bt: &Bitext,
    i: usize,
    b: &Bead,
    scored: bool,
    finding_ids: &[usize],
    findings: &[ReportFinding],
    marker: &TermMarker,
    row: &mut String,
) {
    let low = scored && b.score < LOW_CONFIDENCE;
    let mut class = if scored {
        format!("b c{}", band(b.score))
    } else {
        "b".to_string()
    };
    if low {
        class.push_str(" low");
    }
    if !finding_ids.is_empty() {
        class.push_str(" f");
    }
    if is_heading(&bt.zh, &b.zh) || is_heading(&bt.en, &b.en) {
        class.push_str(" h");
    }
    let ids = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    let _ = write!(
        row,
        r##"<tr id="b{i}" class="{class}"><td class=n title="zh {} · en {}"><a href="#b{i}">{i}</a> <small>{}</small>"##,
        ids(&b.zh),
        ids(&b.en),
        bead_type(b)
    );
    if low {
        row.push_str(r#"<br><span class=flag title="low confidence">⚠ low</span>"#);
    }
    for &f in finding_ids {
        let _ = write!(
            row,
            r##"<br><a class=fl href="#f{f}" title="{}: {}">{}</a>"##,
            esc(&findings[f].kind),
            esc(&findings[f].message),
            esc(&findings[f].severity)
        );
    }
    row.push_str("</td><td lang=zh><bdi>");
    if b.zh.is_empty() {
        row.push_str("<span class=none>—</span>");
    } else {
        marker.mark_zh(&bt.zh_text(b), row);
    }
    row.push_str("</bdi></td><td lang=en><bdi>");
    if b.en.is_empty() {
        row.push_str("<span class=none>—</span>");
    } else {
        marker.mark_en(&bt.en_text(b), row);
    }
    row.push_str("</bdi>");
    if scored {
        let _ = writeln!(row, "</td><td class=s>{:.2}</td></tr>", b.score);
    } else {
        let _ = writeln!(row, "</td><td class=s>—</td></tr>");
    }
}

fn write_summary(
    bt: &Bitext,
    findings: &[ReportFinding],
    scored: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let n = bt.beads.len();
    let mut types: HashMap<String, usize> = HashMap::new();
    let mut bands = [0usize; 5];
    let mut low = 0;
    let mut sum = 0.0;
    for b in &bt.beads {
        *types.entry(bead_type(b)).or_default() += 1;
        bands[band(b.score)] += 1;
        low += usize::from(b.score < LOW_CONFIDENCE);
        sum += b.score;
    }
    let share = |k: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * k as f64 / n as f64
        }
    };
    let mut types: Vec<(String, usize)> = types.into_iter().collect();
    types.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    writeln!(out, "<section id=summary>")?;
    writeln!(
        out,
        "<div><h2>Beads</h2><p><b>{n}</b> beads · {} Chinese and {} English units</p><table>",
        bt.zh.units.len(),
        bt.en.units.len()
    )?;
    for (t, k) in &types {
        writeln!(
            out,
            "<tr><td>{t}</td><td class=num>{k}</td><td class=num>{:.1}%</td></tr>",
            share(*k)
        )?;
    }
    writeln!(out, "</table></div>")?;

    if !scored {
        writeln!(
            out,
            "<div><h2>Confidence</h2><p>No alignment scores: the pairs come from a file that carries none (XLIFF, TMX).</p></div>"
        )?;
    } else {
        writeln!(
            out,
            "<div><h2>Confidence</h2><p id=low-share><b>{low}</b> low-confidence beads (&lt; {LOW_CONFIDENCE:.2}): <b>{:.1}%</b></p>\
         <p>mean confidence {:.2}</p><table>",
            share(low),
            if n == 0 { 0.0 } else { sum / n as f64 }
        )?;
        for k in (0..5).rev() {
            writeln!(
                out,
                "<tr><td><span class=\"sw c{k}\"></span> {:.1}–{:.1}</td><td class=num>{}</td><td class=num>{:.1}%</td></tr>",
                k as f64 / 5.0,
                (k + 1) as f64 / 5.0,
                bands[k],
                share(bands[k])
            )?;
        }
        writeln!(out, "</table></div>")?;
    }

    let mut kinds: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings {
        *kinds.entry((&f.severity, &f.kind)).or_default() += 1;
    }
    writeln!(
        out,
        "<div><h2>Findings</h2><p><b>{}</b> findings</p><table>",
        findings.len()
    )?;
    for ((sev, kind), k) in &kinds {
        writeln!(
            out,
            "<tr><td class=\"sev {}\">{}</td><td>{}</td><td class=num>{k}</td></tr>",
            severity_class(sev),
            esc(sev),
            esc(kind)
        )?;
    }
    writeln!(out, "</table></div>\n</section>")
}

/// A CSS class for a severity; unknown severities get a neutral one (and the class is
/// never taken from the input, so it cannot break out of the attribute).
fn severity_class(sev: &str) -> &'static str {
    match sev.to_ascii_lowercase().as_str() {
        "error" => "error",
        "warning" => "warning",
        _ => "info",
    }
}

/// Links to the beads of a finding: the first few, then how many more.
fn bead_links(bt: &Bitext, f: &ReportFinding) -> String {
    const SHOWN: usize = 8;
    let beads = f.all_beads();
    if beads.is_empty() {
        return "—".to_string();
    }
    let mut links: Vec<String> = beads
        .iter()
        .take(SHOWN)
        .map(|&b| {
            if b < bt.beads.len() {
                format!(r##"<a href="#b{b}">bead {b}</a>"##)
            } else {
                format!("bead {b} (not in this alignment)")
            }
        })
        .collect();
    if beads.len() > SHOWN {
        links.push(format!("+{} more", beads.len() - SHOWN));
    }
    links.join(" ")
}

fn write_findings(bt: &Bitext, findings: &[ReportFinding], out: &mut dyn Write) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    let mut kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    writeln!(
        out,
        "<section id=findings><h2>Findings ({})</h2>\n<label>type <select id=ftype><option value=\"\">all</option>",
        findings.len()
    )?;
    for k in &kinds {
        writeln!(
            out,
            "<option value=\"{}\">{}</option>",
            type_class(k),
            esc(k)
        )?;
    }
    writeln!(
        out,
        "</select></label>\n<table><thead><tr><th>#</th><th>severity</th><th>type</th><th>bead</th><th>message</th></tr></thead><tbody>"
    )?;
    for (i, f) in findings.iter().enumerate() {
        let mut detail = String::new();
        if let Some(segment) = &f.segment {
            let _ = write!(
                detail,
                "<br><small>segment <bdi>{}</bdi></small>",
                esc(segment)
            );
        }
        if let Some(e) = &f.evidence {
            let _ = write!(
                detail,
                "<br><small>the English has: <bdi>{}</bdi></small>",
                esc(e)
            );
        }
        if let Some(s) = &f.suggestion {
            let _ = write!(detail, "<br><small>approved: <bdi>{}</bdi></small>", esc(s));
        }
        if !f.id.is_empty() {
            let _ = write!(detail, "<br><small class=id>id {}</small>", esc(&f.id));
        }
        writeln!(
            out,
            "<tr id=\"f{i}\" data-type=\"{}\"><td>{i}</td><td class=\"sev {}\">{}</td><td>{}</td><td>{}</td><td><bdi>{}</bdi>{detail}</td></tr>",
            type_class(&f.kind),
            severity_class(&f.severity),
            esc(&f.severity),
            esc(&f.kind),
            bead_links(bt, f),
            esc(&f.message)
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// How a glossary term or rendering is marked: which entries it belongs to and what
/// its tooltip says.
struct Mark {
    /// Space-separated glossary entry ids, pairing the marks of both sides on hover.
    ids: String,
    /// The `title` attribute, escaped: `zh = en | en2; zh2 = en3`.
    title: String,
    /// Every entry this rendering belongs to is forbidden or deprecated.
    bad: bool,
}

/// Glossary term marking with the checker's matchers: Chinese terms by the longest
/// match of [`TermSet`], English renderings by [`RenderingIndex`] (stems: any case,
/// inflection and hyphenation).
struct TermMarker {
    terms: TermSet,
    /// Per term of `terms`, its mark.
    zh: Vec<Mark>,
    renderings: RenderingIndex,
    /// Per rendering payload of `renderings`, its mark.
    en: Vec<Mark>,
}

impl TermMarker {
    fn new(glossary: &[GlossaryEntry]) -> TermMarker {
        let mut zh_groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut en_groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (i, e) in glossary.iter().enumerate() {
            let z = e.zh.trim();
            if !z.is_empty() {
                zh_groups.entry(z).or_default().push(i);
            }
            for r in &e.en {
                let key = r.trim().to_lowercase();
                if !key.is_empty() {
                    let (_, ids) = en_groups
                        .entry(key)
                        .or_insert_with(|| (r.trim().to_string(), Vec::new()));
                    if ids.last() != Some(&i) {
                        ids.push(i);
                    }
                }
            }
        }
        let title = |ids: &[usize]| {
            let parts: Vec<String> = ids
                .iter()
                .map(|&i| {
                    let e = &glossary[i];
                    let mut s = format!("{} = {}", e.zh.trim(), e.en.join(" | "));
                    if e.status != "approved" {
                        let _ = write!(s, " [{}]", e.status);
                    }
                    s
                })
                .collect();
            esc(&parts.join("; "))
        };
        let id_list = |ids: &[usize]| {
            ids.iter()
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut terms = TermSet::default();
        let mut zh_marks = Vec::new();
        for (key, ids) in zh_groups {
            terms.add(key, &[], &[]);
            zh_marks.push(Mark {
                ids: id_list(&ids),
                title: title(&ids),
                bad: false,
            });
        }
        let mut renderings = RenderingIndex::default();
        let mut en_marks = Vec::new();
        for (_, (text, ids)) in en_groups {
            renderings.add(&text, en_marks.len());
            en_marks.push(Mark {
                bad: ids.iter().all(|&i| glossary[i].status != "approved"),
                ids: id_list(&ids),
                title: title(&ids),
            });
        }
        TermMarker {
            terms: terms.build(),
            zh: zh_marks,
            renderings,
            en: en_marks,
        }
    }

    fn push_mark(out: &mut String, mark: &Mark, text: &str) {
        let class = if mark.bad { "term bad" } else { "term" };
        let _ = write!(
            out,
            r#"<mark class="{class}" data-t="{}" title="{}">{}</mark>"#,
            mark.ids,
            mark.title,
            esc(text)
        );
    }

    /// Escape `text` into `out` with the given spans marked.
    fn mark_spans(
        text: &str,
        spans: impl Iterator<Item = (std::ops::Range<usize>, usize)>,
        marks: &[Mark],
        out: &mut String,
    ) {
        let mut plain = 0;
        for (span, k) in spans {
            out.push_str(&esc(&text[plain..span.start]));
            Self::push_mark(out, &marks[k], &text[span.clone()]);
            plain = span.end;
        }
        out.push_str(&esc(&text[plain..]));
    }

    /// Escape `text` into `out`, marking the longest glossary term at each position.
    fn mark_zh(&self, text: &str, out: &mut String) {
        let hits = self.terms.find_terms(text);
        Self::mark_spans(
            text,
            hits.into_iter().map(|h| (h.start..h.end, h.term)),
            &self.zh,
            out,
        );
    }

    /// Escape `text` into `out`, marking glossary renderings.
    fn mark_en(&self, text: &str, out: &mut String) {
        let hits = self.renderings.find_all(&EnglishText::new(text));
        Self::mark_spans(text, hits.into_iter(), &self.en, out);
    }
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang=en>
<head>
<meta charset=utf-8>
<meta name=viewport content="width=device-width, initial-scale=1">
<meta http-equiv=Content-Security-Policy content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>bitext alignment report</title>
<style>
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:0 1.5em 2em;color:#1d2125;background:#fff}
h1{font-size:1.4em;margin:.8em 0 .3em}h2{font-size:1.05em;margin:.2em 0}
#summary{display:flex;flex-wrap:wrap;gap:1em;margin:.5em 0 1em}
#summary>div{border:1px solid #d0d7de;border-radius:6px;padding:.5em .8em;min-width:14em}
#summary p{margin:.2em 0}#summary table{border-collapse:collapse}#summary td{padding:0 .6em 0 0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;border:1px solid #8884}
#warnings,#findings{margin:0 0 1em}#warnings ul{margin:.2em 0}
#findings table{border-collapse:collapse;width:100%}
#findings td,#findings th{border-bottom:1px solid #e4e7eb;padding:.15em .5em;text-align:left;vertical-align:top}
#findings tr:target{background:#fff3bf}
#findings td:last-child{width:55%}
.sev.error{color:#b42318;font-weight:600}.sev.warning{color:#9a6700}.sev.info{color:#57606a}
main>label{margin:0 1.2em 0 .2em}
#beads{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:.5em}
#beads col.cn{width:6.5em}#beads col.cs{width:4em}
#beads thead th{position:sticky;top:0;background:#f6f8fa;border-bottom:2px solid #d0d7de;text-align:left;padding:.3em .5em;z-index:1}
#beads td{border-bottom:1px solid #e4e7eb;padding:.3em .5em;vertical-align:top;overflow-wrap:anywhere}
#beads tr.sec th{background:#eef2f6;text-align:left;padding:.35em .5em;font-weight:600;color:#334}
#beads td.n{font-size:.85em;color:#57606a}#beads td.n a{color:inherit}
#beads tr.h td[lang]{font-weight:600}
#beads tr.b>td:first-child{border-left:5px solid}
#beads td.s{text-align:right;font-variant-numeric:tabular-nums}
#beads tr.b:target{outline:2px solid #0969da;outline-offset:-2px}
.flag{color:#b42318;font-weight:600}.fl{color:#b42318!important;font-weight:600}
.none{color:#8c959f}.id{color:#8c959f}
#findings label{display:block;margin:.2em 0}
.c0 td.s,.sw.c0{background:#ffd6d6}.c1 td.s,.sw.c1{background:#ffe3c2}.c2 td.s,.sw.c2{background:#fff3bf}.c3 td.s,.sw.c3{background:#dcf5d3}.c4 td.s,.sw.c4{background:#b9ebc1}
tr.c0>td:first-child{border-left-color:#d1242f!important}tr.c1>td:first-child{border-left-color:#e8730c!important}tr.c2>td:first-child{border-left-color:#d4a72c!important}tr.c3>td:first-child{border-left-color:#6cc644!important}tr.c4>td:first-child{border-left-color:#1a7f37!important}
tr.low{background:#fff8f8}
mark.term{background:#ddf4ff;border-bottom:1px dotted #0969da;color:inherit;padding:0 1px;cursor:help}
mark.term.bad{background:#ffebe9;border-bottom-color:#cf222e}
mark.term.pair{background:#ffd33d}
#only-low:checked~table tr.b:not(.low),#only-findings:checked~table tr.b:not(.f){display:none}
</style>
</head>
<body>
<h1>bitext alignment report</h1>
"#;

// Hover pairing: one delegated listener for the whole table, no per-row script; the
// findings' type filter.
const TAIL: &str = r#"<script>
(function(){var s=document.getElementById('ftype');if(s)s.addEventListener('change',function(){
document.querySelectorAll('#findings tbody tr').forEach(function(r){r.style.display=(!s.value||r.getAttribute('data-type')===s.value)?'':'none'})})})();
(function(){var lit=[];var t=document.getElementById('beads');
t.addEventListener('mouseover',function(e){
lit.forEach(function(m){m.classList.remove('pair')});lit=[];
var m=e.target.closest&&e.target.closest('mark.term');if(!m)return;
var r=m.closest('tr');m.getAttribute('data-t').split(' ').forEach(function(id){
r.querySelectorAll('mark[data-t~="'+id+'"]').forEach(function(x){x.classList.add('pair');lit.push(x)})})});})();
</script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(zh: &str, en: &[&str], status: &str) -> GlossaryEntry {
        GlossaryEntry {
            zh: zh.into(),
            en: en.iter().map(|s| s.to_string()).collect(),
            note: String::new(),
            status: status.into(),
            source: "test".into(),
            line: 1,
        }
    }

    fn zh(m: &TermMarker, s: &str) -> String {
        let mut out = String::new();
        m.mark_zh(s, &mut out);
        out
    }

    fn en(m: &TermMarker, s: &str) -> String {
        let mut out = String::new();
        m.mark_en(s, &mut out);
        out
    }

    #[test]
    fn chinese_terms_longest_match() {
        let m = TermMarker::new(&[
            entry("数字治理", &["digital governance"], "approved"),
            entry("全球数字治理", &["global digital governance"], "approved"),
        ]);
        let out = zh(&m, "推进全球数字治理和数字治理。");
        assert_eq!(out.matches("<mark").count(), 2, "{out}");
        assert!(out.contains(">全球数字治理</mark>和<mark"), "{out}");
        assert!(out.contains(r#"title="全球数字治理 = global digital governance""#));
    }

    #[test]
    fn english_renderings_whole_words_any_case_plural() {
        let m = TermMarker::new(&[
            entry("数据", &["data"], "approved"),
            entry("数字经济", &["digital economy"], "approved"),
        ]);
        let out = en(&m, "Data and database; the Digital Economies grow.");
        assert!(out.contains(">Data</mark>"), "{out}");
        assert!(!out.contains(">data</mark>base"), "{out}");
        assert!(out.contains(">Digital Economies</mark>"), "{out}");
        assert_eq!(out.matches("<mark").count(), 2, "{out}");
    }

    #[test]
    fn forbidden_renderings_marked_bad_and_shared_renderings_pair_both() {
        let m = TermMarker::new(&[
            entry("治理", &["governance"], "approved"),
            entry("治理", &["management"], "forbidden"),
            entry("管治", &["governance"], "approved"),
        ]);
        let out = en(&m, "Governance, not management.");
        assert!(out.contains(r#"class="term" data-t="t0 t2""#), "{out}");
        assert!(out.contains(r#"class="term bad" data-t="t1""#), "{out}");
        assert!(zh(&m, "治理").contains(r#"data-t="t0 t1""#));
    }

    #[test]
    fn hostile_text_and_glossary_are_escaped() {
        let m = TermMarker::new(&[entry("<b>", &["x\" onmouseover=\"alert(1)"], "approved")]);
        let out = zh(&m, "<script>alert(1)</script><b>");
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(
            out.contains(r#"title="&lt;b&gt; = x&quot; onmouseover=&quot;alert(1)""#),
            "{out}"
        );
    }

    #[test]
    fn bands_cover_the_unit_interval() {
        assert_eq!(band(0.0), 0);
        assert_eq!(band(0.49), 2);
        assert_eq!(band(1.0), 4);
        assert_eq!(band(-1.0), 0);
    }
}
