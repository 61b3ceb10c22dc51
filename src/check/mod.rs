//! Checking a translation: aligned pairs + glossaries -> [`Finding`]s.
//!
//! Per bead: glossary terms not rendered as approved (`glossary-miss`), forbidden or
//! deprecated renderings (`forbidden`), numbers that disagree (`number-mismatch`),
//! empty or untranslated English, and the form checks of CAT tools' QA ([`qa`]: URLs,
//! e-mail addresses, tags, codes, repeated words, spacing, brackets and quotes,
//! capitals). Per document: one term rendered several ways (`inconsistent`), one
//! Chinese segment translated differently and one English segment given for different
//! Chinese ([`qa`]), and unmatched sections (`structure`).
//!
//! Severity follows the evidence: `error` is kept for forbidden renderings, misspelt
//! ones and numbers. A glossary term with no trace in an English markedly short for its
//! Chinese (the document's length model, [`length`]) is a warning, and so are words of
//! the translation's own where it stands; a warning needs evidence against the
//! translation, not only a missing approved rendering. No trace in an English as long
//! as its Chinese predicts (said in other words), a pronoun, a shortening, a word that
//! translates another word of the sentence (the dictionary says so, or the word links
//! do in more than one bead), a word linked to the term in this bead only, and a term
//! or code the translation habitually leaves out are info notes, as are a year the
//! English adds and a hedged figure rounded. A bead's numbers make one finding: a
//! measure (0.4m) whose value the English lacks joins it.
//!
//! Each finding has an `id`, a fingerprint of what it says about which texts (not of
//! bead numbers), so that a reviewer's list of false alarms ([`CheckSettings::ignore`])
//! keeps them quiet on the next run.
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
//! assert!(found.iter().all(|f| f.id.len() == 16));
//! ```

mod length;
pub mod numbers;
mod omission;
pub mod qa;
pub mod report;
pub mod terminology;
pub mod terms;

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use crate::lexicon::{Dictionary, Resources};
use crate::pairs::AlignedPair;
use crate::segment::words::WordSegmenter;
pub use crate::wordalign::{WordLinks, word_links};
use terms::TermSet;

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

/// What kind of problem a finding reports. Each can be turned off
/// ([`CheckSettings::skip`], `--skip TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingType {
    Empty,
    Untranslated,
    GlossaryMiss,
    Forbidden,
    NumberMismatch,
    Url,
    Email,
    Tag,
    Code,
    RepeatedWord,
    DoubleSpace,
    Whitespace,
    Unpaired,
    Capital,
    Punctuation,
    Inconsistent,
    SameZhDifferentEn,
    SameEnDifferentZh,
    Structure,
    Omission,
    Addition,
}

impl FindingType {
    /// Every type, in report order.
    pub const ALL: [FindingType; 21] = [
        FindingType::Empty,
        FindingType::Untranslated,
        FindingType::GlossaryMiss,
        FindingType::Forbidden,
        FindingType::NumberMismatch,
        FindingType::Url,
        FindingType::Email,
        FindingType::Tag,
        FindingType::Code,
        FindingType::RepeatedWord,
        FindingType::DoubleSpace,
        FindingType::Whitespace,
        FindingType::Unpaired,
        FindingType::Capital,
        FindingType::Punctuation,
        FindingType::Inconsistent,
        FindingType::SameZhDifferentEn,
        FindingType::SameEnDifferentZh,
        FindingType::Structure,
        FindingType::Omission,
        FindingType::Addition,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FindingType::Empty => "empty",
            FindingType::Untranslated => "untranslated",
            FindingType::GlossaryMiss => "glossary-miss",
            FindingType::Forbidden => "forbidden",
            FindingType::NumberMismatch => "number-mismatch",
            FindingType::Url => "url",
            FindingType::Email => "email",
            FindingType::Tag => "tag",
            FindingType::Code => "code",
            FindingType::RepeatedWord => "repeated-word",
            FindingType::DoubleSpace => "double-space",
            FindingType::Whitespace => "whitespace",
            FindingType::Unpaired => "unpaired",
            FindingType::Capital => "capital",
            FindingType::Punctuation => "punctuation",
            FindingType::Inconsistent => "inconsistent",
            FindingType::SameZhDifferentEn => "same-zh-different-en",
            FindingType::SameEnDifferentZh => "same-en-different-zh",
            FindingType::Structure => "structure",
            FindingType::Omission => "omission",
            FindingType::Addition => "addition",
        }
    }

    /// The type of a name as [`FindingType::name`] gives it.
    pub fn from_name(name: &str) -> Option<FindingType> {
        FindingType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What the type reports, in a line.
    pub fn description(self) -> &'static str {
        match self {
            FindingType::Empty => {
                "the English side of a bead is empty (the Chinese, when it is the translation)"
            }
            FindingType::Untranslated => {
                "Chinese left in the English, or the English is the Chinese"
            }
            FindingType::GlossaryMiss => "a glossary term not rendered as the glossary approves",
            FindingType::Forbidden => "a rendering the glossary forbids or deprecates",
            FindingType::NumberMismatch => "numbers, dates or percentages that disagree",
            FindingType::Url => "a URL of one side missing or different on the other",
            FindingType::Email => "an e-mail address missing or different",
            FindingType::Tag => "markup tags or placeholders that differ",
            FindingType::Code => {
                "a Latin code or name of the Chinese (G20, ISO 9001) not in the English"
            }
            FindingType::RepeatedWord => "a word written twice ('the the')",
            FindingType::DoubleSpace => "two spaces in a row in the English",
            FindingType::Whitespace => "leading or trailing spaces that differ between the sides",
            FindingType::Unpaired => "a bracket or quotation mark without its pair",
            FindingType::Capital => "an English sentence starting in lower case",
            FindingType::Punctuation => "full-width Chinese punctuation in the English",
            FindingType::Inconsistent => "one term rendered in several ways",
            FindingType::SameZhDifferentEn => "the same Chinese segment translated differently",
            FindingType::SameEnDifferentZh => {
                "the same English given for different Chinese segments"
            }
            FindingType::Structure => "a heading without a counterpart",
            FindingType::Omission => "a Chinese sentence of a bead the English leaves out",
            FindingType::Addition => "English without a Chinese counterpart",
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
/// The JSON fields are documented in the README (check's JSON output).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Fingerprint of the finding: type, term and bead texts (a glossary finding's
    /// English only through its evidence), 16 hex digits.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FindingType,
    pub severity: Severity,
    pub bead: Option<usize>,
    /// The segment id of a CAT tool's file (XLIFF `trans-unit`/`unit` id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// The segment's state there (XLIFF `state`: `translated`, `needs-review-translation`),
    /// for a reviewer who filters by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    pub zh: Option<String>,
    pub en: Option<String>,
    /// The offending term, rendering or number.
    pub term: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh_term: Option<String>,
    /// Byte span in `zh` of what the finding is about (the term, the number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh_span: Option<[usize; 2]>,
    /// Byte span in `en` of the evidence: what the translation has there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en_span: Option<[usize; 2]>,
    /// The English text at `en_span`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// What the glossary approves instead (its nearest approved rendering).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Where the glossary term comes from: its file and line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glossary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renderings: Vec<RenderingUse>,
    /// Other beads the finding concerns (the earlier translation of a repeated segment).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<usize>,
}

impl Finding {
    fn bead(kind: FindingType, severity: Severity, p: &AlignedPair, message: String) -> Self {
        Finding {
            bead: Some(p.id),
            segment: p.segment.clone(),
            state: p.state.clone(),
            zh: Some(p.zh.clone()),
            en: Some(p.en.clone()),
            ..Finding::document(kind, severity, message)
        }
    }

    fn document(kind: FindingType, severity: Severity, message: String) -> Self {
        Finding {
            id: String::new(),
            kind,
            severity,
            bead: None,
            segment: None,
            state: None,
            zh: None,
            en: None,
            term: None,
            message,
            hint: None,
            zh_term: None,
            zh_span: None,
            en_span: None,
            evidence: None,
            suggestion: None,
            glossary: None,
            renderings: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Record where in the bead the finding points; `en` is the bead's English.
    fn set_spans(&mut self, zh: Option<Range<usize>>, en_span: Option<Range<usize>>, en: &str) {
        self.zh_span = zh.map(|r| [r.start, r.end]);
        if let Some(r) = en_span.filter(|r| r.end <= en.len() && r.start < r.end) {
            self.en_span = Some([r.start, r.end]);
            self.evidence = Some(en[r].to_string());
        }
    }

    /// Every bead the finding concerns: its own, those of its renderings, related ones.
    pub fn beads(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.bead.into_iter().collect();
        out.extend(self.renderings.iter().flat_map(|r| r.beads.iter().copied()));
        out.extend(&self.related);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The fingerprint: FNV-1a over the type, the term, the evidence and the
    /// bead's texts (whitespace-normalised), so that it survives renumbered beads and
    /// changes elsewhere in the document but not a change of the text it is about. A
    /// glossary finding is about the term and what stands for it: the English goes in
    /// only through the evidence, so that a reviewer's edit elsewhere in the sentence
    /// keeps the id of a false alarm they set aside.
    fn fingerprint(&self) -> String {
        let mut h = Fnv::new();
        h.field(self.kind.name());
        let term = self.zh_term.as_deref().or(self.term.as_deref());
        h.field(term.unwrap_or(""));
        match (&self.zh, &self.en) {
            (None, None) => {
                // A document-level finding: what it is about, not its counts.
                let mut renderings: Vec<&str> =
                    self.renderings.iter().map(|r| r.en.as_str()).collect();
                renderings.sort_unstable();
                h.field(&renderings.join("\u{1f}"));
                if self.renderings.is_empty() {
                    h.field(&self.message);
                }
            }
            (zh, en) => {
                h.field(&normalise_space(zh.as_deref().unwrap_or("")));
                let about_term = matches!(
                    self.kind,
                    FindingType::GlossaryMiss | FindingType::Forbidden
                );
                h.field(&normalise_space(if about_term {
                    ""
                } else {
                    en.as_deref().unwrap_or("")
                }));
                h.field(self.evidence.as_deref().unwrap_or(""));
            }
        }
        format!("{:016x}", h.0)
    }
}

fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a: a fingerprint that is the same on every platform and version
/// (std's hasher promises neither).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn field(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0x1e)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
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
    /// Word links inside each pair, in pair order ([`word_links`]): where a glossary
    /// term went in the English.
    pub links: Option<&'a [WordLinks]>,
}

impl Default for CheckOptions<'_> {
    fn default() -> Self {
        CheckOptions {
            dictionary: None,
            words: WordSegmenter::plain(),
            links: None,
        }
    }
}

/// The longest bead (Chinese characters) that term extraction learns from.
const MAX_EXTRACTION_CHARS: usize = 1000;

/// Which findings a document check reports.
#[derive(Clone, Debug, Default)]
pub struct CheckSettings {
    /// Finding types not to look for.
    pub skip: HashSet<FindingType>,
    /// Ids of findings a reviewer marked as false alarms.
    pub ignore: HashSet<String>,
}

/// Everything `bitext check` looks for, at every severity: the glossary's terms,
/// numbers, empty and untranslated segments, the QA checks, and the document's own
/// terms (as [`crate::glossary::extract`] finds them) rendered in several ways.
/// `structure` are the aligner's warnings about unmatched headings. Types in
/// `settings.skip` are not looked for, ids in `settings.ignore` are left out. Returns
/// the findings and how many of them `settings.ignore` left out.
pub fn check_document(
    pairs: &[AlignedPair],
    structure: &[String],
    resources: &Resources,
    settings: &CheckSettings,
) -> (Vec<Finding>, usize) {
    let terms = TermSet::from_glossary(&resources.glossary);
    // Term pairing learns from beads of sentence size; a bead holding pages (a
    // document that failed to split) teaches it nothing and costs it more than linear
    // time, so it is left out of extraction.
    let extracting = !settings.skip.contains(&FindingType::Inconsistent);
    let sentences: Vec<usize> = (0..pairs.len())
        .filter(|_| extracting)
        .filter(|&i| pairs[i].zh.chars().count() <= MAX_EXTRACTION_CHARS)
        .filter(|&i| pairs[i].en.len() <= 4 * MAX_EXTRACTION_CHARS)
        .collect();
    // Copies only when some bead is left out, which is rare.
    let whole = sentences.len() == pairs.len();
    let sentence_pairs: std::borrow::Cow<[AlignedPair]> = if whole {
        pairs.into()
    } else {
        sentences.iter().map(|&i| pairs[i].clone()).collect()
    };
    let glossary_opts = crate::glossary::GlossaryOptions::default();
    // Word links say where a glossary term went and refit the extracted terms'
    // renderings: one model, trained while the terms are paired.
    let locating = !settings.skip.contains(&FindingType::GlossaryMiss);
    let (links, paired) = rayon::join(
        || (locating || extracting).then(|| word_links(pairs, resources)),
        || extracting.then(|| crate::glossary::pair(&sentence_pairs, resources, &glossary_opts)),
    );
    let extracted = match (paired, &links) {
        (Some(paired), Some(links)) => {
            let sentence_links: std::borrow::Cow<[WordLinks]> = if whole {
                links.as_slice().into()
            } else {
                sentences.iter().map(|&i| links[i].clone()).collect()
            };
            paired.finish(&sentence_pairs, &sentence_links, resources, &glossary_opts)
        }
        _ => Vec::new(),
    };
    let opts = CheckOptions {
        dictionary: resources.dictionary.as_ref(),
        words: &resources.words,
        links: links.as_deref().filter(|_| locating),
    };
    let mut findings = check(pairs, &terms, structure, &opts);
    if extracting {
        findings.extend(terminology::inconsistent_extracted(
            &extracted,
            &terms,
            pairs,
            opts.dictionary,
            opts.words,
        ));
    }
    for f in findings.iter_mut().filter(|f| f.id.is_empty()) {
        f.id = f.fingerprint();
    }
    findings.retain(|f| !settings.skip.contains(&f.kind));
    let found = findings.len();
    findings.retain(|f| !settings.ignore.contains(&f.id));
    let ignored = found - findings.len();
    (findings, ignored)
}

/// The aligner's warnings about headings without a counterpart, as findings: on the
/// bead of the heading when it has one. A heading the sentence alignment paired after
/// all (an unnumbered 'Trial design' against 试验设计) is no finding, and one left
/// without its English is already reported as `empty`.
fn structure_findings(pairs: &[AlignedPair], structure: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    for w in structure {
        let heading = w.split_once(": ").map(|(_, h)| h.trim()).unwrap_or("");
        let english = w.starts_with("English");
        let bead = (!heading.is_empty())
            .then(|| {
                pairs.iter().find(|p| {
                    let side = if english { &p.en } else { &p.zh };
                    side.trim() == heading || side.contains(heading)
                })
            })
            .flatten();
        match bead {
            // Paired after all, or a Chinese heading whose empty English is reported
            // as `empty`.
            Some(p) if !p.zh.trim().is_empty() && !p.en.trim().is_empty() => {}
            Some(_) if !english => {}
            Some(p) => out.push(Finding::bead(
                FindingType::Structure,
                Severity::Warning,
                p,
                w.clone(),
            )),
            None => out.push(Finding::document(
                FindingType::Structure,
                Severity::Warning,
                w.clone(),
            )),
        }
    }
    out
}

/// The median length in words of the English of the beads with both sides (the
/// translation's typical segment).
fn median_english_words(pairs: &[AlignedPair]) -> usize {
    let mut lengths: Vec<usize> = pairs
        .iter()
        .filter(|p| !p.zh.trim().is_empty())
        .map(|p| p.en.split_whitespace().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() / 2).copied().unwrap_or(0)
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
    let mut usage = terminology::Usage::new();
    let mut tally = terminology::Tally::default();
    let abbreviations = terms::Abbreviations::from_texts(pairs.iter().map(|p| p.en.as_str()));
    let length = length::LengthModel::fit(pairs);
    let trace_rate = omission::trace_rate(pairs, opts);
    let usual_words = median_english_words(pairs);
    let inside_words = terminology::InsideWords::survey(pairs, terms, &abbreviations, opts);
    for (i, p) in pairs.iter().enumerate() {
        if !p.en.trim().is_empty() {
            qa::check_form(p, i.checked_sub(1).map(|j| &pairs[j]), &mut out);
        }
        if p.zh.trim().is_empty() {
            if p.zh_is_target && !p.en.trim().is_empty() {
                out.push(Finding::bead(
                    FindingType::Empty,
                    Severity::Error,
                    p,
                    "the Chinese side is empty: the segment is not translated".into(),
                ));
            }
            // An English-only bead of Chinese text: a segment left untranslated, which
            // the aligner could not pair with its source.
            else if let Some(f) = qa::check_untranslated(p)
                .filter(|f| f.severity == Severity::Error && !p.en.trim().is_empty())
            {
                out.retain(|x| !(x.bead == Some(p.id) && x.kind == FindingType::Punctuation));
                out.push(f);
            }
            // An English-only bead: added, or its Chinese dropped; nothing to check it
            // against. One shorter than most of the translation's segments, with no
            // number, is a bridge the translator wrote ('But that was not all.'): it
            // states no fact of its own.
            else if !p.en.trim().is_empty() {
                let bridge = p.en.split_whitespace().count() < usual_words
                    && crate::numbers::extract_en(&p.en).is_empty();
                let (severity, message) = if bridge {
                    (
                        Severity::Info,
                        "the English has text without a Chinese counterpart (shorter than \
                         most of the translation's segments: a bridge the translator added?)",
                    )
                } else {
                    (
                        Severity::Warning,
                        "the English has text without a Chinese counterpart",
                    )
                };
                out.push(Finding::bead(
                    FindingType::Addition,
                    severity,
                    p,
                    message.into(),
                ));
            }
            continue;
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
        if let Some(f) = qa::check_untranslated(p) {
            // Chinese punctuation in Chinese left untranslated is the same finding.
            out.retain(|x| !(x.bead == Some(p.id) && x.kind == FindingType::Punctuation));
            out.push(f);
            continue;
        }
        omission::check_omission(p, &length, opts, trace_rate, &mut out);
        let protected = qa::check_codes(p, &mut out);
        let en = terms::EnglishText::new(&p.en);
        // The beads just before: a term they render may come back as 'it' or 'the
        // Party'.
        let before = &pairs[i.saturating_sub(terminology::ANAPHORA_BEADS)..i];
        let links = opts.links.and_then(|l| l.get(i));
        let (accounted, rendered) = terminology::check_terms(
            terminology::Bead {
                p,
                before,
                en: &en,
                links,
                doc: pairs,
                doc_links: opts.links,
                length: &length,
                inside_words: &inside_words,
                hits: inside_words.hits(i),
            },
            terms,
            &abbreviations,
            opts,
            &mut usage,
            &mut tally,
            &mut out,
        );
        let zh_skip: Vec<Range<usize>> = accounted
            .into_iter()
            .chain(protected.zh.iter().cloned())
            .collect();
        let en_skip: Vec<Range<usize>> = rendered
            .into_iter()
            .chain(protected.en.iter().cloned())
            .collect();
        let skip = numbers::Skip {
            zh: &zh_skip,
            en: &en_skip,
            en_used: &protected.en_used,
        };
        let before_numbers = out.len();
        numbers::check_numbers(p, &skip, opts, &mut out);
        // Measures whose value the English lacks: with the bead's number finding, or
        // on their own.
        if let Some(f) = out[before_numbers..]
            .iter_mut()
            .find(|f| f.kind == FindingType::NumberMismatch)
        {
            numbers::add_missing_measures(f, p, &protected.measures_missing);
        } else {
            out.extend(qa::measures_finding(p, &protected.measures_missing));
        }
    }
    tally.demote_habitual_omissions(&mut out);
    tally.promote_exceptions(terms, &mut out);
    qa::demote_codes_dropped_throughout(pairs, &mut out);
    out.extend(terminology::inconsistent(terms, &usage));
    out.extend(qa::check_repeated_segments(pairs));
    let headings = structure_findings(pairs, structure);
    // An English heading without its Chinese is a structure finding, not an addition.
    out.retain(|f| {
        f.kind != FindingType::Addition
            || !headings
                .iter()
                .any(|h| h.bead.is_some() && h.bead == f.bead)
    });
    out.extend(headings);
    for f in &mut out {
        f.id = f.fingerprint();
        if matches!(f.kind, FindingType::GlossaryMiss | FindingType::Forbidden) {
            f.glossary = f
                .zh_term
                .as_deref()
                .and_then(|zh| terms.get(zh))
                .and_then(|t| t.source.clone());
        }
    }
    out
}
