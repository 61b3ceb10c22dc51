//! Checking a translation: aligned pairs + glossaries -> [`Finding`]s.
//!
//! Per bead: glossary terms not rendered as approved (`glossary-miss`), forbidden or
//! deprecated renderings (`forbidden`), numbers that disagree (`number-mismatch`),
//! empty or untranslated English, full-width punctuation in English. Per document:
//! one term rendered several ways (`inconsistent`) and unmatched sections (`structure`).
//!
//! ```
//! use bitext::check::{check, terms::TermSet, CheckOptions, FindingType};
//! use bitext::formats::aligned::AlignedPair;
//! let mut terms = TermSet::default();
//! terms.add("数字经济", &["digital economy"], &[]);
//! let terms = terms.build();
//! let pairs = [AlignedPair::new(0, "数字经济增长了30%。", "The data economy grew by 20%.")];
//! let found = check(&pairs, &terms, &[], &CheckOptions::default());
//! assert!(found.iter().any(|f| f.kind == FindingType::GlossaryMiss));
//! assert!(found.iter().any(|f| f.kind == FindingType::NumberMismatch));
//! ```

pub mod report;
pub mod terms;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::formats::aligned::AlignedPair;
use crate::numbers::{self, NumberKind, NumberMention};
use terms::{EnglishText, TermSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingType {
    Empty,
    Untranslated,
    GlossaryMiss,
    Forbidden,
    NumberMismatch,
    Punctuation,
    Inconsistent,
    Structure,
}

impl FindingType {
    pub fn name(self) -> &'static str {
        match self {
            FindingType::Empty => "empty",
            FindingType::Untranslated => "untranslated",
            FindingType::GlossaryMiss => "glossary-miss",
            FindingType::Forbidden => "forbidden",
            FindingType::NumberMismatch => "number-mismatch",
            FindingType::Punctuation => "punctuation",
            FindingType::Inconsistent => "inconsistent",
            FindingType::Structure => "structure",
        }
    }
}

/// One rendering of a term and the beads it was seen in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RenderingUse {
    pub en: String,
    pub beads: Vec<usize>,
}

/// A problem found: where (bead, or None for the whole document), what and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(rename = "type")]
    pub kind: FindingType,
    pub severity: Severity,
    pub bead: Option<usize>,
    pub zh: Option<String>,
    pub en: Option<String>,
    /// The offending term, rendering or number.
    pub term: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh_term: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renderings: Vec<RenderingUse>,
}

impl Finding {
    fn bead(kind: FindingType, severity: Severity, p: &AlignedPair, message: String) -> Self {
        Finding {
            kind,
            severity,
            bead: Some(p.id),
            zh: Some(p.zh.clone()),
            en: Some(p.en.clone()),
            term: None,
            message,
            hint: None,
            zh_term: None,
            renderings: Vec::new(),
        }
    }

    fn document(kind: FindingType, severity: Severity, message: String) -> Self {
        Finding {
            kind,
            severity,
            bead: None,
            zh: None,
            en: None,
            term: None,
            message,
            hint: None,
            zh_term: None,
            renderings: Vec::new(),
        }
    }
}

/// What to check beyond the defaults.
#[derive(Default)]
pub struct CheckOptions<'a> {
    /// Is this Chinese string a word (dictionary look-up)? Keeps a term from matching
    /// inside a longer word (人民 in 人民币).
    pub is_word: Option<&'a (dyn Fn(&str) -> bool + Sync)>,
}

/// Check aligned pairs against the terms; `structure` are the aligner's warnings about
/// unmatched headings. Findings come sorted by bead, document-level ones last.
pub fn check(
    pairs: &[AlignedPair],
    terms: &TermSet,
    structure: &[String],
    opts: &CheckOptions,
) -> Vec<Finding> {
    let mut out = Vec::new();
    // term index -> rendering key -> (display text, beads)
    let mut usage: BTreeMap<usize, BTreeMap<String, (String, Vec<usize>)>> = BTreeMap::new();
    for p in pairs {
        if p.zh.trim().is_empty() {
            continue; // an English-only bead (1-0) is an addition, not a mistranslation
        }
        if p.en.trim().is_empty() {
            out.push(Finding::bead(
                FindingType::Empty,
                Severity::Error,
                p,
                "the English side is empty".into(),
            ));
            continue;
        }
        if let Some(f) = check_untranslated(p) {
            out.push(f);
            continue;
        }
        check_punctuation(p, &mut out);
        let en = EnglishText::new(&p.en);
        check_terms(p, &en, terms, opts, &mut usage, &mut out);
        check_numbers(p, &mut out);
    }
    out.extend(inconsistent(terms, &usage));
    for w in structure {
        out.push(Finding::document(
            FindingType::Structure,
            Severity::Warning,
            w.clone(),
        ));
    }
    out
}

fn is_han(c: char) -> bool {
    crate::segment::words::is_han(c)
}

fn check_untranslated(p: &AlignedPair) -> Option<Finding> {
    let same = p.en.trim() == p.zh.trim();
    let han: String = p.en.chars().filter(|&c| is_han(c)).collect();
    if !same && han.is_empty() {
        return None;
    }
    let mut f = Finding::bead(
        FindingType::Untranslated,
        Severity::Error,
        p,
        if same {
            "the English side is the Chinese text".into()
        } else {
            format!("the English side contains Chinese characters: {han}")
        },
    );
    f.term = Some(if same { p.en.trim().to_string() } else { han });
    Some(f)
}

fn check_punctuation(p: &AlignedPair, out: &mut Vec<Finding>) {
    let found: String =
        p.en.chars()
            .filter(|c| "，。；：（）、！？".contains(*c))
            .fold(String::new(), |mut s, c| {
                if !s.contains(c) {
                    s.push(c);
                }
                s
            });
    if !found.is_empty() {
        let mut f = Finding::bead(
            FindingType::Punctuation,
            Severity::Warning,
            p,
            format!("full-width punctuation in the English: {found}"),
        );
        f.term = Some(found);
        out.push(f);
    }
}

fn check_terms(
    p: &AlignedPair,
    en: &EnglishText,
    terms: &TermSet,
    opts: &CheckOptions,
    usage: &mut BTreeMap<usize, BTreeMap<String, (String, Vec<usize>)>>,
    out: &mut Vec<Finding>,
) {
    let hits = match opts.is_word {
        Some(is_word) => terms.find_terms_in_words(&p.zh, is_word),
        None => terms.find_terms(&p.zh),
    };
    let mut seen = Vec::new();
    for h in hits {
        if seen.contains(&h.term) {
            continue;
        }
        seen.push(h.term);
        let term = &terms.terms[h.term];
        let bad: Vec<&terms::Rendering> = term
            .forbidden
            .iter()
            .filter(|r| en.find_exact(r).is_some())
            .collect();
        for r in &bad {
            let mut f = Finding::bead(
                FindingType::Forbidden,
                Severity::Error,
                p,
                if term.approved.is_empty() {
                    format!("'{}' is not to be used for {}", r.text, term.zh)
                } else {
                    format!(
                        "'{}' is not to be used for {}; use {}",
                        r.text,
                        term.zh,
                        quoted_list(&term.approved)
                    )
                },
            );
            f.term = Some(r.text.clone());
            f.zh_term = Some(term.zh.clone());
            out.push(f);
        }
        if term.approved.is_empty() {
            continue;
        }
        // The longest approved rendering found stands for this occurrence.
        let found = term
            .approved
            .iter()
            .filter(|r| en.find_span(r).is_some())
            .max_by_key(|r| r.text.len());
        match found {
            Some(r) => {
                let e = usage
                    .entry(h.term)
                    .or_default()
                    .entry(r.key())
                    .or_insert_with(|| (r.text.clone(), Vec::new()));
                e.1.push(p.id);
            }
            None if bad.is_empty() => {
                // A longer term whose glossary-listed core is rendered as approved
                // (中国特色社会主义 inside 坚持和发展中国特色社会主义) is rendered in
                // part: worth a look, not an error.
                let core = terms.terms.iter().find(|t| {
                    t.zh.len() < term.zh.len()
                        && term.zh.contains(t.zh.as_str())
                        && t.approved.iter().any(|r| en.find_span(r).is_some())
                });
                let (severity, note) = match core {
                    Some(t) => (Severity::Warning, format!(" (its part {} is)", t.zh)),
                    None => (Severity::Error, String::new()),
                };
                let mut f = Finding::bead(
                    FindingType::GlossaryMiss,
                    severity,
                    p,
                    format!(
                        "{} is not rendered as {}{note}",
                        term.zh,
                        quoted_list(&term.approved)
                    ),
                );
                f.term = Some(term.zh.clone());
                f.zh_term = Some(term.zh.clone());
                f.hint = term
                    .approved
                    .iter()
                    .find_map(|r| en.near(r))
                    .map(|s| format!("near: '{s}'"));
                out.push(f);
            }
            None => {}
        }
    }
}

fn quoted_list(rs: &[terms::Rendering]) -> String {
    rs.iter()
        .map(|r| format!("'{}'", r.text))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Terms that `bitext glossary` finds in this document (beyond the glossaries) and
/// that the translation renders in more than one way, each way at least twice: the
/// same distribution as for glossary terms, once per term.
pub fn inconsistent_extracted(
    extracted: &[crate::glossary::TermPair],
    terms: &TermSet,
) -> Vec<Finding> {
    let known: std::collections::HashSet<&str> =
        terms.terms.iter().map(|t| t.zh.as_str()).collect();
    let mut out = Vec::new();
    for tp in extracted {
        // Single general words (技术, 经济) vary with grammar, not with terminology.
        if known.contains(tp.zh.as_str()) || tp.cooccurrence < 2 || tp.zh.chars().count() < 3 {
            continue;
        }
        // economy / economic, technology / technical: one word family, not two renderings.
        let family = |en: &str| -> Vec<String> {
            en.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| crate::lexicon::english_stem(w).chars().take(5).collect())
                .collect()
        };
        let best = family(&tp.en);
        // A rendering that is a run of the other's words is a partial match of one
        // rendering ('Chinese characteristics' in 'socialism with Chinese
        // characteristics'), not a second way to translate the term.
        let is_run = |short: &[String], long: &[String]| {
            !short.is_empty() && long.windows(short.len()).any(|w| w == short)
        };
        let others: Vec<&crate::glossary::Rendering> = tp
            .renderings
            .iter()
            .filter(|r| {
                let f = family(&r.en);
                r.count >= 2 && f != best && !is_run(&f, &best) && !is_run(&best, &f)
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        let mut renderings = vec![RenderingUse {
            en: tp.en.clone(),
            beads: tp.examples.clone(),
        }];
        renderings.extend(others.iter().map(|r| RenderingUse {
            en: r.en.clone(),
            beads: r.beads.clone(),
        }));
        let dist = std::iter::once(format!("'{}' ×{}", tp.en, tp.cooccurrence))
            .chain(others.iter().map(|r| format!("'{}' ×{}", r.en, r.count)))
            .collect::<Vec<_>>()
            .join(", ");
        let mut f = Finding::document(
            FindingType::Inconsistent,
            Severity::Warning,
            format!(
                "{} (found in this document) is rendered {} ways: {dist}",
                tp.zh,
                renderings.len()
            ),
        );
        f.term = Some(tp.zh.clone());
        f.zh_term = Some(tp.zh.clone());
        f.renderings = renderings;
        out.push(f);
    }
    out
}

/// Terms seen with more than one rendering across the document, once per term.
fn inconsistent(
    terms: &TermSet,
    usage: &BTreeMap<usize, BTreeMap<String, (String, Vec<usize>)>>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&t, uses) in usage {
        if uses.len() < 2 {
            continue;
        }
        let mut renderings: Vec<RenderingUse> = uses
            .values()
            .map(|(en, beads)| RenderingUse {
                en: en.clone(),
                beads: beads.clone(),
            })
            .collect();
        renderings.sort_by(|a, b| b.beads.len().cmp(&a.beads.len()).then(a.en.cmp(&b.en)));
        let dist = renderings
            .iter()
            .map(|r| format!("'{}' ×{}", r.en, r.beads.len()))
            .collect::<Vec<_>>()
            .join(", ");
        let zh = &terms.terms[t].zh;
        let mut f = Finding::document(
            FindingType::Inconsistent,
            Severity::Warning,
            format!("{zh} is rendered {} ways: {dist}", renderings.len()),
        );
        f.term = Some(zh.clone());
        f.zh_term = Some(zh.clone());
        f.renderings = renderings;
        out.push(f);
    }
    out
}

/// A number worth a finding when it has no counterpart: digits, values ≥ 10,
/// percentages. A lone spelled-out small number is weak evidence ("a", "both", "dual").
fn is_strong(m: &NumberMention) -> bool {
    !m.approximate && (!m.spelled || m.value >= 10.0 || m.kind == NumberKind::Percent)
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn check_numbers(p: &AlignedPair, out: &mut Vec<Finding>) {
    let zh = numbers::extract_zh(&p.zh);
    let en = numbers::extract_en(&p.en);
    // Any mention of a value on the other side, approximate or not, accounts for it,
    // and so does the value written inside a code there (二十国集团 = G20).
    let has = |ms: &[NumberMention], v: f64, other: &str| {
        ms.iter().any(|m| numbers::same_value(m.value, v)) || in_code(other, v)
    };
    let en_lower = p.en.to_lowercase();
    let zh_only: Vec<&NumberMention> = zh
        .iter()
        .filter(|m| is_strong(m) && !has(&en, m.value, &p.en))
        .filter(|m| !month_named(&p.zh[m.end..], m.value, &en_lower))
        .collect();
    let en_only: Vec<&NumberMention> = en
        .iter()
        .filter(|m| is_strong(m) && !has(&zh, m.value, &p.zh))
        .collect();
    if zh_only.is_empty() && en_only.is_empty() {
        return;
    }
    let list = |ms: &[&NumberMention], text: &str| {
        ms.iter()
            .map(|m| format!("{} ({})", show(m.value), &text[m.start..m.end]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let message = match (zh_only.is_empty(), en_only.is_empty()) {
        (false, false) => format!(
            "Chinese has {}; English has {}",
            list(&zh_only, &p.zh),
            list(&en_only, &p.en)
        ),
        (false, true) => format!("Chinese has {} not in the English", list(&zh_only, &p.zh)),
        _ => format!("English has {} not in the Chinese", list(&en_only, &p.en)),
    };
    let term = zh_only
        .iter()
        .map(|m| &p.zh[m.start..m.end])
        .chain(en_only.iter().map(|m| &p.en[m.start..m.end]))
        .collect::<Vec<_>>()
        .join(" / ");
    // A translator often spells out a year the Chinese leaves implicit (成立后 -> "after
    // it was founded in 1921"); that alone is worth a note, not an error.
    let is_year = |m: &&NumberMention| {
        !m.spelled && m.kind == NumberKind::Cardinal && (1800.0..=2100.0).contains(&m.value)
    };
    let zh_has_year = zh.iter().any(|m| is_year(&m));
    let severity = if zh_only.is_empty() && !zh_has_year && en_only.iter().all(is_year) {
        Severity::Info
    } else {
        Severity::Error
    };
    let mut f = Finding::bead(FindingType::NumberMismatch, severity, p, message);
    f.term = Some(term);
    out.push(f);
}

/// 12月 against "December" with no day next to it (the English extractor only takes
/// month names in dates).
fn month_named(after: &str, v: f64, en_lower: &str) -> bool {
    after.starts_with('月')
        && (1.0..=12.0).contains(&v)
        && v.fract() == 0.0
        && en_lower.contains(crate::numbers::EN_MONTHS[v as usize - 1])
}

/// The integer `v` written inside an alphanumeric code of `text` (G20, 5G, W3C).
fn in_code(text: &str, v: f64) -> bool {
    if v.fract() != 0.0 || !(0.0..1e6).contains(&v) {
        return false;
    }
    let digits = show(v);
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()))
        .any(|t| t.split(|c: char| !c.is_ascii_digit()).any(|d| d == digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Rendering, TermPair};

    fn pair(zh: &str, en: &str, co: usize, others: &[(&str, usize)]) -> TermPair {
        TermPair {
            zh: zh.into(),
            en: en.into(),
            score: 1.0,
            log_dice: 14.0,
            frequency: co,
            cooccurrence: co,
            renderings: others
                .iter()
                .map(|&(en, count)| Rendering {
                    en: en.into(),
                    count,
                    beads: (0..count).collect(),
                })
                .collect(),
            known: false,
            examples: vec![0, 1],
        }
    }

    #[test]
    fn a_long_term_rendered_through_its_listed_core_is_a_warning() {
        let glossary = crate::lexicon::parse_glossary_tsv(
            "数据安全\tdata security\n维护数据安全\tsafeguard data security\n",
            "g.tsv",
        )
        .unwrap();
        let terms = TermSet::from_glossary(&glossary);
        let pairs = [
            AlignedPair::new(
                0,
                "各国应维护数据安全。",
                "Countries should protect data security.",
            ),
            AlignedPair::new(
                1,
                "各国应维护数据安全。",
                "Countries should protect their information.",
            ),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let miss = |bead| {
            found
                .iter()
                .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(bead))
                .unwrap()
        };
        assert_eq!(miss(0).severity, Severity::Warning, "{found:#?}");
        assert_eq!(miss(1).severity, Severity::Error, "{found:#?}");
    }

    #[test]
    fn extracted_terms_report_real_alternatives_only() {
        let terms = TermSet::from_glossary(&[]);
        let found = inconsistent_extracted(
            &[
                // a second rendering used twice: reported, with both ways
                pair(
                    "数据安全法",
                    "Data Security Law",
                    5,
                    &[("data protection law", 2)],
                ),
                // a partial match of the same rendering, a word-family variant, a rare one
                pair(
                    "跨境数据流动",
                    "cross-border data flows",
                    4,
                    &[
                        ("data flows", 3),
                        ("cross-border data flow", 2),
                        ("free flow", 1),
                    ],
                ),
                // a general word: grammar, not terminology
                pair("经济", "economy", 9, &[("growth", 4)]),
            ],
            &terms,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].zh_term.as_deref(), Some("数据安全法"));
        assert_eq!(found[0].renderings.len(), 2);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].bead, None);
    }
}
