//! Checking a translation: aligned pairs + glossaries -> [`Finding`]s.
//!
//! Per bead: glossary terms not rendered as approved (`glossary-miss`), forbidden or
//! deprecated renderings (`forbidden`), numbers that disagree (`number-mismatch`),
//! empty or untranslated English, full-width punctuation in English. Per document:
//! one term rendered several ways (`inconsistent`) and unmatched sections (`structure`).
//!
//! Severity follows the evidence: a glossary term with no trace in the English is an
//! error, a different wording of it a warning, and what good style allows (a short
//! reference such as 'the Party', a pronoun after the term was just named, other
//! dictionary words for it) an info note, as is a year the English adds.
//!
//! ```
//! use bitext::check::{check, terms::TermSet, CheckOptions, FindingType};
//! use bitext::pairs::AlignedPair;
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

use crate::lexicon::{Dictionary, Resources, gloss_stems};
use crate::numbers::{self, NumberKind, NumberMention};
use crate::pairs::AlignedPair;
use crate::segment::words::WordSegmenter;
use terms::{EnglishText, TermSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
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
pub struct CheckOptions<'a> {
    /// A bilingual dictionary: keeps a term from matching inside a longer word (人民
    /// in 人民币) and tells a term rendered in other words from one left out.
    pub dictionary: Option<&'a Dictionary>,
    /// Chinese word segmentation, as the text was segmented for alignment.
    pub words: &'a WordSegmenter,
}

impl Default for CheckOptions<'_> {
    fn default() -> Self {
        CheckOptions {
            dictionary: None,
            words: WordSegmenter::plain(),
        }
    }
}

/// Everything `bitext check` looks for, at every severity: the glossary's terms,
/// numbers, empty and untranslated segments, and the document's own terms (as
/// [`crate::glossary::extract`] finds them) rendered in several ways. `structure` are
/// the aligner's warnings about unmatched headings.
pub fn check_document(
    pairs: &[AlignedPair],
    structure: &[String],
    resources: &Resources,
) -> Vec<Finding> {
    let terms = TermSet::from_glossary(&resources.glossary);
    let opts = CheckOptions {
        dictionary: resources.dictionary.as_ref(),
        words: &resources.words,
    };
    let mut findings = check(pairs, &terms, structure, &opts);
    let extracted = crate::glossary::extract(
        pairs,
        resources,
        &crate::glossary::GlossaryOptions::default(),
    );
    findings.extend(inconsistent_extracted(
        &extracted,
        &terms,
        pairs,
        opts.dictionary,
        opts.words,
    ));
    findings
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
    let mut usage = Usage::new();
    for (i, p) in pairs.iter().enumerate() {
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
        // The Chinese of the beads just before: a term they mention may come back
        // as 'it' or 'the Party'.
        let before = &pairs[i.saturating_sub(ANAPHORA_BEADS)..i];
        check_terms(p, before, &en, terms, opts, &mut usage, &mut out);
        check_numbers(p, opts, &mut out);
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
    crate::script::is_han(c)
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

/// How many beads back a term counts as mentioned already (so that 'it' may stand
/// for it).
const ANAPHORA_BEADS: usize = 2;

/// Term index -> (approved rendering index, bead id) for each occurrence rendered.
type Usage = BTreeMap<usize, Vec<(usize, usize)>>;

fn check_terms(
    p: &AlignedPair,
    before: &[AlignedPair],
    en: &EnglishText,
    terms: &TermSet,
    opts: &CheckOptions,
    usage: &mut Usage,
    out: &mut Vec<Finding>,
) {
    let hits = match opts.dictionary {
        Some(d) => terms.find_terms_in_words(&p.zh, |w| d.contains(w)),
        None => terms.find_terms(&p.zh),
    };
    let hits = terms.drop_inside_words(&p.zh, hits, opts.words);
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
        // The strictest match, then the longest rendering, stands for this occurrence.
        let found = term
            .approved
            .iter()
            .enumerate()
            .filter_map(|(k, r)| en.find_match(r).map(|(tier, _)| (tier, k)))
            .min_by_key(|&(tier, k)| (tier, std::cmp::Reverse(term.approved[k].text.len())));
        match found {
            Some((_, k)) => usage.entry(h.term).or_default().push((k, p.id)),
            None if bad.is_empty() => {
                let mentioned = before.iter().any(|b| b.zh.contains(&term.zh))
                    || p.zh[..h.start].contains(&term.zh);
                out.push(miss(p, mentioned, en, terms, term, opts));
            }
            None => {}
        }
    }
}

/// A dictionary gloss without its bracketed asides, as a rendering.
fn gloss_rendering(gloss: &str) -> Option<terms::Rendering> {
    let mut text = String::new();
    let mut depth = 0i32;
    for c in gloss.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth <= 0 && !is_han(c) => text.push(c),
            _ => {}
        }
    }
    let r = terms::Rendering::new(text.trim());
    (!r.content().is_empty() && r.content().len() <= 4).then_some(r)
}

/// How the English carries a term that none of its approved renderings covers, if it
/// does: the evidence, most telling first.
enum Trace {
    /// An approved rendering with one word misspelt.
    Misspelt(String),
    /// Its head noun right after a determiner: 'our nation', 'this path', 'the Party'.
    ShortReference(String),
    /// A glossary term making up most of it is rendered as approved.
    Core(String),
    /// A wording close to an approved rendering.
    Near(String),
    /// A dictionary translation of it, or of each of its words.
    OtherWords(String),
    /// The head word of an approved rendering, with other words around it ('data
    /// economy' for 'digital economy').
    OtherModifier(String),
    /// Only some word of an approved rendering or of the dictionary's translations.
    Weak(String),
}

fn trace(
    en: &EnglishText,
    terms: &TermSet,
    term: &terms::Term,
    dict: Option<&Dictionary>,
    segmenter: &WordSegmenter,
) -> Option<Trace> {
    if let Some(s) = term.approved.iter().find_map(|r| en.misspelt(r)) {
        return Some(Trace::Misspelt(s.to_string()));
    }
    let glosses: Vec<terms::Rendering> = dict
        .map(|d| {
            d.glosses(&term.zh)
                .into_iter()
                .filter_map(gloss_rendering)
                .collect()
        })
        .unwrap_or_default();
    if let Some(s) = term
        .approved
        .iter()
        .chain(&glosses)
        .find_map(|r| en.short_reference(r))
    {
        return Some(Trace::ShortReference(s.to_string()));
    }
    // 中国特色社会主义 inside 坚持和发展中国特色社会主义, rendered as approved.
    let chars = term.zh.chars().count();
    if let Some(t) = terms.terms.iter().find(|t| {
        t.zh.len() < term.zh.len()
            && 2 * t.zh.chars().count() >= chars
            && term.zh.contains(t.zh.as_str())
            && t.approved.iter().any(|r| en.find_span(r).is_some())
    }) {
        return Some(Trace::Core(t.zh.clone()));
    }
    // A wording close to an approved one, in the same place ('new development
    // philosophy' for 'new development concept').
    if let Some(s) = term.approved.iter().find_map(|r| en.near_variant(r)) {
        return Some(Trace::Near(s));
    }
    if let Some(g) = glosses.iter().find(|g| en.all_close(g.content())) {
        return Some(Trace::OtherWords(g.text.clone()));
    }
    // Translations of the term's words, one per word: jieba's words, a word of three
    // characters or more cut into the dictionary words it is made of (理想信念: 理想 +
    // 信念).
    let mut words: Vec<&str> = Vec::new();
    for t in segmenter.tokenize(&term.zh, 0, crate::segment::Lang::Zh) {
        let w = &term.zh[t.start..t.end];
        let parts = match dict {
            Some(d) if w.chars().count() >= 3 => dictionary_words(w, d),
            _ => Vec::new(),
        };
        if parts.len() >= 2 {
            words.extend(parts);
        } else {
            words.push(w);
        }
    }
    let rendered = |w: &str| -> Vec<String> {
        dict.map(|d| {
            d.glosses(w)
                .iter()
                .flat_map(|g| gloss_stems(g))
                .filter(|s| en.has_stem(s))
                .collect()
        })
        .unwrap_or_default()
    };
    let per_word: Vec<Vec<String>> = words.iter().map(|w| rendered(w)).collect();
    if words.len() >= 2
        && per_word.iter().all(|s| !s.is_empty())
        && let Some(found) = en.one_of_each_close(&per_word)
    {
        return Some(Trace::OtherWords(found.join(" ")));
    }
    if let Some(h) = term
        .approved
        .iter()
        .filter_map(|r| r.head())
        .find(|h| en.has_stem(h))
    {
        return Some(Trace::OtherModifier(h.to_string()));
    }
    term.approved
        .iter()
        .flat_map(|r| r.content())
        .chain(per_word.iter().flatten())
        .find(|s| en.has_stem(s))
        .map(|s| Trace::Weak(s.clone()))
}

/// `w` cut greedily into the longest dictionary words of two characters or more
/// (single characters are left out: too ambiguous to count as a translation).
fn dictionary_words<'w>(w: &'w str, d: &Dictionary) -> Vec<&'w str> {
    let ends: Vec<usize> = w
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain(std::iter::once(w.len()))
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < w.len() {
        let end = ends
            .iter()
            .rev()
            .copied()
            .filter(|&e| e > start && e - start < w.len())
            .find(|&e| w[start..e].chars().count() >= 2 && d.contains(&w[start..e]));
        match end {
            Some(e) => {
                out.push(&w[start..e]);
                start = e;
            }
            None => start += w[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The finding for a term none of whose approved renderings is in the English.
fn miss(
    p: &AlignedPair,
    mentioned: bool,
    en: &EnglishText,
    terms: &TermSet,
    term: &terms::Term,
    opts: &CheckOptions,
) -> Finding {
    // Info: the English most likely carries the term in a way good style allows
    // (a short reference, a pronoun, other words for it, part of it); warning: a
    // wording of its own close to the approved one.
    let (mut severity, note, hint) = match trace(en, terms, term, opts.dictionary, opts.words) {
        Some(Trace::Misspelt(s)) => (
            Severity::Error,
            " (misspelt?)".into(),
            Some(format!("near: '{s}'")),
        ),
        Some(Trace::ShortReference(s)) => {
            (Severity::Info, format!(" (referred to as '{s}')"), None)
        }
        Some(Trace::Core(zh)) => (Severity::Info, format!(" (its part {zh} is)"), None),
        Some(Trace::Near(s)) => (
            Severity::Warning,
            " (worded differently)".into(),
            Some(format!("near: '{s}'")),
        ),
        Some(Trace::OtherWords(s)) => (
            Severity::Info,
            format!(" (rendered in other words: '{s}'?)"),
            None,
        ),
        Some(Trace::OtherModifier(s)) => (
            Severity::Warning,
            format!(" ('{s}' with other words)"),
            None,
        ),
        Some(Trace::Weak(s)) => (Severity::Info, format!(" (in part: '{s}'?)"), None),
        // Named just before: a pronoun may well stand for it.
        None if mentioned => (Severity::Info, " (mentioned just before)".into(), None),
        None => (Severity::Error, String::new(), None),
    };
    // A heading is reworded freely; only a term missing altogether is worth a look.
    if severity == Severity::Warning && en.is_heading() {
        severity = Severity::Info;
    }
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
    f.hint = hint.or_else(|| {
        term.approved
            .iter()
            .find_map(|r| en.near(r))
            .map(|s| format!("near: '{s}'"))
    });
    f
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
///
/// Extraction is noisy, so more is asked of these than of glossary terms: the
/// Chinese must be whole words where it occurs (not 党的十八 of 党的十八大), and with a
/// dictionary each rendering must translate the term, not one of its words (人民群众 as
/// 'people' and as 'masses' are two halves, not two ways).
pub fn inconsistent_extracted(
    extracted: &[crate::glossary::TermPair],
    terms: &TermSet,
    pairs: &[AlignedPair],
    dict: Option<&Dictionary>,
    segmenter: &WordSegmenter,
) -> Vec<Finding> {
    let known: std::collections::HashSet<&str> =
        terms.terms.iter().map(|t| t.zh.as_str()).collect();
    let mut out = Vec::new();
    for tp in extracted {
        // Single general words (技术, 经济) vary with grammar, not with terminology.
        if known.contains(tp.zh.as_str()) || tp.cooccurrence < 2 || tp.zh.chars().count() < 3 {
            continue;
        }
        // An adverb ('resolutely' / 'firmly' for 坚定不移) is a manner of saying,
        // not terminology.
        let adverb = |en: &str| !en.contains(' ') && en.ends_with("ly");
        if !mostly_whole_words(&tp.zh, pairs, segmenter)
            || adverb(&tp.en)
            || tp.renderings.iter().any(|r| adverb(&r.en))
        {
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
        // One rendering with words added ('Party committees and governments at all
        // levels' for 'Party committees at all levels') is the same rendering.
        let subset = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
        let support = |en: &str| dict.map(|d| translated_parts(&tp.zh, en, d, segmenter));
        let best_support = support(&tp.en);
        let others: Vec<&crate::glossary::Rendering> = tp
            .renderings
            .iter()
            .filter(|r| {
                let f = family(&r.en);
                r.count >= 2
                    && f != best
                    && !is_run(&f, &best)
                    && !is_run(&best, &f)
                    && !subset(&f, &best)
                    && !subset(&best, &f)
            })
            .filter(|r| match (&best_support, support(&r.en)) {
                (Some(a), Some(b)) => !b.is_empty() && a.iter().any(|p| b.contains(p)),
                _ => true,
            })
            .collect();
        if others.is_empty() || best_support.as_ref().is_some_and(|s| s.is_empty()) {
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

/// Does `zh` start and end on jieba word boundaries in most of its occurrences?
fn mostly_whole_words(zh: &str, pairs: &[AlignedPair], segmenter: &WordSegmenter) -> bool {
    let (mut whole, mut all) = (0, 0);
    for p in pairs.iter().filter(|p| p.zh.contains(zh)) {
        let tokens = segmenter.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
        for (start, _) in p.zh.match_indices(zh) {
            let end = start + zh.len();
            let cut = |b: usize| tokens.iter().any(|t| t.start < b && b < t.end);
            all += 1;
            if !cut(start) && !cut(end) {
                whole += 1;
            }
        }
    }
    all == 0 || 2 * whole > all
}

/// Which words of `zh` (jieba words and the dictionary words inside them) the
/// English `en` translates as the dictionary has it; a gloss of the whole term counts
/// for every word.
fn translated_parts(zh: &str, en: &str, d: &Dictionary, segmenter: &WordSegmenter) -> Vec<usize> {
    let text = EnglishText::new(en);
    let has = |w: &str| {
        d.glosses(w)
            .iter()
            .flat_map(|g| gloss_stems(g))
            .any(|s| text.has_stem(&s))
    };
    let mut parts: Vec<&str> = segmenter
        .tokenize(zh, 0, crate::segment::Lang::Zh)
        .iter()
        .map(|t| &zh[t.start..t.end])
        .collect();
    let inner: Vec<&str> = parts
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .flat_map(|w| dictionary_words(w, d))
        .collect();
    parts.extend(inner);
    // A single character has too many glosses (党: party, society, ...) to count.
    parts.retain(|w| w.chars().count() >= 2);
    if has(zh) {
        return (0..parts.len()).collect();
    }
    (0..parts.len()).filter(|&i| has(parts[i])).collect()
}

/// Terms seen with more than one rendering across the document, once per term.
/// Renderings of one word family count as one ('socialism' / 'socialist'), and so
/// does a shortened form with the full one ('18th National Congress' with '18th CPC
/// National Congress').
fn inconsistent(terms: &TermSet, usage: &Usage) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&t, uses) in usage {
        let term = &terms.terms[t];
        let used: Vec<usize> = {
            let mut u: Vec<usize> = uses.iter().map(|&(k, _)| k).collect();
            u.sort();
            u.dedup();
            u
        };
        let r = |k: usize| &term.approved[k];
        // Each rendering counts under the longest used one it is a shortened form or
        // the acronym of.
        let stands_for = |k: usize| {
            used.iter()
                .copied()
                .filter(|&o| r(k).is_shortening_of(r(o)) || r(k).is_acronym_of(r(o)))
                .max_by_key(|&o| r(o).stems_len())
                .unwrap_or(k)
        };
        let mut groups: BTreeMap<Vec<String>, (usize, Vec<usize>)> = BTreeMap::new();
        for &(k, bead) in uses {
            let main = stands_for(k);
            let g = groups.entry(r(main).family()).or_insert((main, Vec::new()));
            g.1.push(bead);
        }
        if groups.len() < 2 {
            continue;
        }
        let mut renderings: Vec<RenderingUse> = groups
            .values()
            .map(|(k, beads)| RenderingUse {
                en: r(*k).text.clone(),
                beads: beads.clone(),
            })
            .collect();
        renderings.sort_by(|a, b| b.beads.len().cmp(&a.beads.len()).then(a.en.cmp(&b.en)));
        let dist = renderings
            .iter()
            .map(|r| format!("'{}' ×{}", r.en, r.beads.len()))
            .collect::<Vec<_>>()
            .join(", ");
        let zh = &term.zh;
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

/// Is the mention at `start..end` part of an idiom or proverb of the dictionary
/// (千里之行，始于足下; 行百里者半九十): a figure of speech, not a quantity.
fn in_idiom(text: &str, start: usize, end: usize, d: &Dictionary) -> bool {
    let starts: Vec<usize> = text[..start]
        .char_indices()
        .rev()
        .take(8)
        .map(|(i, _)| i)
        .chain(std::iter::once(start))
        .collect();
    let ends: Vec<usize> = text[end..]
        .char_indices()
        .skip(1)
        .take(8)
        .map(|(i, _)| end + i)
        .chain([end, text.len()])
        .collect();
    starts.iter().any(|&s| {
        ends.iter().any(|&e| {
            e > s
                && text[s..e].chars().count() >= 4
                && d.glosses(&text[s..e])
                    .iter()
                    .any(|g| g.contains("idiom") || g.starts_with("lit.") || g.starts_with("fig."))
        })
    })
}

fn check_numbers(p: &AlignedPair, opts: &CheckOptions, out: &mut Vec<Finding>) {
    let mut zh = numbers::extract_zh(&p.zh);
    if let Some(d) = opts.dictionary {
        zh.retain(|m| !in_idiom(&p.zh, m.start, m.end, d));
    }
    let en = numbers::extract_en(&p.en);
    // Any mention of a value on the other side, approximate or not, accounts for it,
    // and so does the value written inside a code there (二十国集团 = G20).
    let has = |ms: &[NumberMention], v: f64, other: &str| {
        ms.iter().any(|m| numbers::same_value(m.value, v)) || in_code(other, v)
    };
    let en_lower = p.en.to_lowercase();
    let mut zh_only: Vec<&NumberMention> = zh
        .iter()
        .filter(|m| is_strong(m) && !has(&en, m.value, &p.en))
        .filter(|m| !month_named(&p.zh[m.end..], m.value, &en_lower))
        .collect();
    if !zh_only.is_empty() {
        let names = name_spans(&p.zh, opts.words);
        zh_only.retain(|m| !names.iter().any(|r| r.start <= m.start && m.end <= r.end));
    }
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
    // A translator often spells out what the Chinese leaves implicit (成立后 -> "after
    // it was founded in 1921", 改革开放以来 -> "in the past 30 years"): numbers only
    // in the English of a bead whose Chinese has none (or years, where it has no year)
    // are a note, not a disagreement.
    let is_year = |m: &&NumberMention| {
        !m.spelled && m.kind == NumberKind::Cardinal && (1800.0..=2100.0).contains(&m.value)
    };
    let added = !zh.iter().any(is_strong)
        || (en_only.iter().all(is_year) && !zh.iter().any(|m| is_year(&m)));
    // 一米六零 -> "five feet four inches": a measure converted to other units is the
    // translator's choice, not a disagreement of numbers.
    let converted = zh_only
        .iter()
        .all(|m| measure_after(&p.zh[m.end..]) || measure_before(&p.zh[..m.start]))
        && en_lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| EN_MEASURES.contains(&w));
    let (severity, message) = if converted && !zh_only.is_empty() {
        (Severity::Info, format!("{message} (units converted?)"))
    } else if zh_only.is_empty() && added {
        (Severity::Info, message)
    } else {
        (Severity::Error, message)
    };
    let mut f = Finding::bead(FindingType::NumberMismatch, severity, p, message);
    f.term = Some(term);
    out.push(f);
}

/// Byte spans of the words jieba tags as person or place names: the numerals of
/// 茅十八 or 十堰 name, they do not count.
fn name_spans(zh: &str, segmenter: &WordSegmenter) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for t in segmenter.jieba().tag(zh, true) {
        let start = zh[at..].find(t.word).map_or(at, |k| at + k);
        let end = start + t.word.len();
        let numeral_only = t.word.chars().all(numbers::is_zh_numeral);
        if (t.tag.starts_with("nr") || t.tag.starts_with("ns")) && !numeral_only {
            spans.push(start..end);
        }
        at = end;
    }
    spans
}

/// Chinese measure units a translation may convert (metric and traditional).
const ZH_MEASURES: &[&str] = &[
    "公里", "千米", "厘米", "毫米", "米", "公斤", "千克", "克", "斤", "里", "尺", "寸", "丈", "亩",
    "公顷", "英尺", "英寸", "英里", "磅", "度",
];

/// English units of measure, imperial and metric.
const EN_MEASURES: &[&str] = &[
    "feet",
    "foot",
    "inch",
    "inches",
    "pound",
    "pounds",
    "mile",
    "miles",
    "yard",
    "yards",
    "acre",
    "acres",
    "ounce",
    "ounces",
    "meter",
    "meters",
    "metre",
    "metres",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "centimeter",
    "centimeters",
    "centimetre",
    "centimetres",
    "hectare",
    "hectares",
    "li",
    "degrees",
    "fahrenheit",
    "celsius",
];

/// Whether a measure unit follows a Chinese number (六十公斤, 一米六零 has 米 inside).
fn measure_after(after: &str) -> bool {
    ZH_MEASURES.iter().any(|u| after.starts_with(u))
}

/// ... or comes between a number and its digits after the unit (一米六零 = 1.60 m).
fn measure_before(before: &str) -> bool {
    let numeral =
        |c: char| c.is_ascii_digit() || numbers::parse_zh_numeral(&c.to_string()).is_some();
    ZH_MEASURES.iter().any(|u| {
        before
            .strip_suffix(u)
            .is_some_and(|rest| rest.ends_with(numeral))
    })
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

    fn inconsistent_extracted(
        extracted: &[TermPair],
        terms: &TermSet,
        pairs: &[AlignedPair],
        dict: Option<&Dictionary>,
    ) -> Vec<Finding> {
        super::inconsistent_extracted(
            extracted,
            terms,
            pairs,
            dict,
            &crate::lexicon::segmenter(true),
        )
    }
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
    fn a_long_term_rendered_through_its_listed_core_is_a_note() {
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
                "Countries should protect their information.",
            ),
            // The core term is rendered as approved; 维护 carried by another verb.
            AlignedPair::new(
                1,
                "各国应维护数据安全。",
                "Countries should protect data security.",
            ),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let miss = |bead| {
            found
                .iter()
                .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(bead))
                .unwrap()
        };
        assert_eq!(miss(0).severity, Severity::Error, "{found:#?}");
        assert_eq!(miss(1).severity, Severity::Info, "{found:#?}");
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
            &[],
            None,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].zh_term.as_deref(), Some("数据安全法"));
        assert_eq!(found[0].renderings.len(), 2);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].bead, None);
    }

    fn one_term(zh: &str, en: &str) -> TermSet {
        let mut t = TermSet::default();
        t.add(zh, &[en], &[]);
        t.build()
    }

    fn misses(found: &[Finding]) -> Vec<(usize, Severity)> {
        found
            .iter()
            .filter(|f| f.kind == FindingType::GlossaryMiss)
            .map(|f| (f.bead.unwrap(), f.severity))
            .collect()
    }

    #[test]
    fn a_miss_is_graded_by_what_the_english_shows() {
        let terms = one_term("数字经济", "digital economy");
        let pairs = [
            // another modifier on the same head: a different wording to look at
            AlignedPair::new(0, "数字经济增长很快。", "The data economy grew fast."),
            // the head after a possessive: a short reference, fine
            AlignedPair::new(1, "数字经济增长很快。", "Our economy grew fast."),
            // nothing at all, named in the bead before: a pronoun may stand for it
            AlignedPair::new(2, "数字经济增长很快。", "It grew fast."),
            AlignedPair::new(3, "今天天气很好。", "The weather is fine today."),
            AlignedPair::new(4, "今天天气很好。", "The weather is fine today."),
            // nothing, and not named before: left out
            AlignedPair::new(5, "我们今天讨论数字经济。", "We talk about farming today."),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(
            misses(&found),
            [
                (0, Severity::Warning),
                (1, Severity::Info),
                (2, Severity::Info),
                (5, Severity::Error),
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_misspelling_is_an_error_with_a_hint() {
        let terms = one_term("可持续发展", "sustainable development");
        let pairs = [AlignedPair::new(
            0,
            "推动可持续发展。",
            "Promote sustainable devlopment.",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Error)], "{found:#?}");
        assert!(found[0].hint.as_deref().unwrap().contains("devlopment"));
    }

    #[test]
    fn dictionary_translations_of_the_words_are_a_note() {
        let dict = Dictionary::from_cedict_text(
            "數據 数据 [shu4 ju4] /data/\n治理 治理 [zhi4 li3] /governance/to govern/\n",
            "t",
        )
        .unwrap();
        let terms = one_term("数据治理", "data management");
        let pairs = [AlignedPair::new(
            0,
            "加强数据治理。",
            "Strengthen the governance of data.",
        )];
        let opts = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        let found = check(&pairs, &terms, &[], &opts);
        assert_eq!(misses(&found), [(0, Severity::Info)], "{found:#?}");
        assert!(
            found[0].message.contains("other words: 'data governance'"),
            "{found:#?}"
        );
        // Without a dictionary only the shared word 'data' shows.
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Info)], "{found:#?}");
        assert!(found[0].message.contains("in part"), "{found:#?}");
    }

    #[test]
    fn a_reworded_heading_is_a_note() {
        let terms = one_term("数字经济", "digital economy");
        let pairs = [
            AlignedPair::new(0, "发展数字经济", "Growing the Data Economy"),
            AlignedPair::new(1, "发展数字经济。", "Growing the data economy."),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(
            misses(&found),
            [(0, Severity::Info), (1, Severity::Warning)],
            "{found:#?}"
        );
    }

    #[test]
    fn inflection_order_shortening_and_acronyms_are_not_inconsistent() {
        let mut t = TermSet::default();
        t.add("新中国", &["People's Republic of China", "PRC"], &[]);
        t.add(
            "党的领导",
            &["Party's leadership", "leadership of the Party"],
            &[],
        );
        t.add(
            "十八大",
            &["18th National Congress", "18th CPC National Congress"],
            &[],
        );
        t.add("共同富裕", &["common prosperity", "shared prosperity"], &[]);
        let terms = t.build();
        let pairs = [
            AlignedPair::new(
                0,
                "新中国成立。党的领导。十八大。共同富裕。",
                "The People's Republic of China was founded. The Party's leadership. The 18th National Congress. Common prosperity.",
            ),
            AlignedPair::new(
                1,
                "新中国发展。党的领导。十八大。共同富裕。",
                "The PRC developed. The leadership of the Party. The 18th CPC National Congress. Shared prosperity.",
            ),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let incons: Vec<&str> = found
            .iter()
            .filter(|f| f.kind == FindingType::Inconsistent)
            .filter_map(|f| f.zh_term.as_deref())
            .collect();
        assert_eq!(incons, ["共同富裕"], "{found:#?}");
    }

    #[test]
    fn numerals_in_names_and_converted_measures_are_not_errors() {
        let found = |zh: &str, en: &str| {
            let mut out = Vec::new();
            check_numbers(
                &AlignedPair::new(0, zh, en),
                &CheckOptions::default(),
                &mut out,
            );
            out.iter().map(|f| f.severity).collect::<Vec<_>>()
        };
        // 茅十八 is a name (Whiskers in one translation), not eighteen.
        assert!(
            found(
                "韦小宝想起茅十八在酒馆中的手法。",
                "Trinket recalled Whiskers' fight."
            )
            .is_empty()
        );
        // Heights and weights converted to feet and pounds are a note.
        assert_eq!(
            found(
                "奶奶那年身高一米六零，体重六十公斤。",
                "Grandma was five feet four inches tall and weighed 130 pounds."
            ),
            vec![Severity::Info]
        );
        // A converted unit does not excuse a plain wrong number.
        assert_eq!(
            found(
                "他买了六十本书。",
                "He bought 16 books, weighing 20 pounds."
            ),
            vec![Severity::Error]
        );
    }

    #[test]
    fn numbers_in_idioms_and_added_years_are_not_errors() {
        let dict = Dictionary::from_cedict_text(
            "一石二鳥 一石二鸟 [yi1 shi2 er4 niao3] /lit. one stone, two birds (idiom)/\n",
            "t",
        )
        .unwrap();
        let opts = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        let terms = TermSet::default().build();
        let pairs = [
            AlignedPair::new(0, "这是一石二鸟。", "This kills several birds at once."),
            // the English dates what the Chinese leaves implicit
            AlignedPair::new(1, "改革开放以来变化很大。", "Much has changed since 1978."),
            // a year that disagrees stays an error
            AlignedPair::new(2, "2022年变化很大。", "Much changed in 2021."),
        ];
        let found = check(&pairs, &terms, &[], &opts);
        let nums: Vec<(usize, Severity)> = found
            .iter()
            .filter(|f| f.kind == FindingType::NumberMismatch)
            .map(|f| (f.bead.unwrap(), f.severity))
            .collect();
        assert_eq!(
            nums,
            [(1, Severity::Info), (2, Severity::Error)],
            "{found:#?}"
        );
    }

    #[test]
    fn extracted_terms_need_whole_words_and_whole_translations() {
        let dict = Dictionary::from_cedict_text(
            "人民 人民 [ren2 min2] /the people/\n群眾 群众 [qun2 zhong4] /the masses/\n",
            "t",
        )
        .unwrap();
        let terms = TermSet::from_glossary(&[]);
        // 'people' and 'masses' each translate one half of 人民群众.
        let halves = pair("人民群众", "people", 5, &[("masses", 3)]);
        let found = inconsistent_extracted(std::slice::from_ref(&halves), &terms, &[], Some(&dict));
        assert!(found.is_empty(), "{found:#?}");
        // An adverb is no term.
        let adverbs = pair("坚定不移", "firmly", 4, &[("resolutely", 3)]);
        assert!(inconsistent_extracted(&[adverbs], &terms, &[], None).is_empty());
        // A candidate cut out of a longer word where it occurs (深化 of 深化改革).
        let cut = pair("全面深化", "comprehensive", 4, &[("deepen", 3)]);
        let pairs = [AlignedPair::new(
            0,
            "全面深化改革开放。",
            "Deepen reform and opening up in all respects.",
        )];
        assert!(
            inconsistent_extracted(std::slice::from_ref(&cut), &terms, &pairs, None).is_empty()
        );
        assert_eq!(inconsistent_extracted(&[cut], &terms, &[], None).len(), 1);
    }
}
