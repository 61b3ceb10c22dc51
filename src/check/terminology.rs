//! Glossary terms in the translation: each occurrence of a glossary term in a bead's
//! Chinese is looked for in its English (`glossary-miss`, `forbidden`), and a term
//! rendered several ways across the document is reported once (`inconsistent`), for
//! the glossary's terms and for the terms [`crate::glossary::extract`] finds.

use std::collections::BTreeMap;
use std::ops::Range;

use super::length::LengthModel;
use super::terms::{self, EnglishText, TermSet};
use super::{CheckOptions, Finding, FindingType, RenderingUse, Severity, WordLinks};
use crate::lexicon::{Dictionary, stems_match};
use crate::pairs::AlignedPair;
use crate::script::is_han;
use crate::segment::words::WordSegmenter;

/// How many beads back a term counts as mentioned already (so that 'it' may stand
/// for it).
pub(super) const ANAPHORA_BEADS: usize = 5;

/// Term index -> (approved rendering index, bead id) for each occurrence rendered.
/// Term index -> (approved rendering index, bead id, the words as the bead has them)
/// for each occurrence rendered.
pub(super) type Usage = BTreeMap<usize, Vec<(usize, usize, String)>>;

/// A term left without trace in at least this many of its occurrences may be one the
/// translation habitually leaves to the context (a name as 'she', a crop as 'the
/// fields'): one omission is worth a look, a pattern is a choice of style.
pub(super) const HABIT_MIN_OMISSIONS: usize = 2;

/// ... when at least one in ten of the term's occurrences is left without trace (as a
/// pronoun, a reference or nothing): a term rendered as approved nearly everywhere
/// keeps its rare omission as a finding.
pub(super) const HABIT_MIN_SHARE: f64 = 0.1;

/// Per glossary term: how often it occurs (once per bead), and the findings (indices
/// into the output) of occurrences the English shows no trace of, at any severity.
#[derive(Default)]
pub(super) struct Tally {
    occurrences: BTreeMap<usize, usize>,
    untraced: BTreeMap<usize, Vec<usize>>,
    /// Info findings of occurrences said in other words as far as the English shows (no
    /// trace in a full-length English, or only a stray link): evidence against the
    /// rendering only where the translation renders the term as approved elsewhere.
    unlocated: BTreeMap<usize, Vec<usize>>,
    /// Occurrences rendered as approved, per term.
    rendered: BTreeMap<usize, usize>,
    /// Where the word links put each term, bead by bead (for [`Context::link_seen_elsewhere`]).
    linked_stems: LinkedStems,
    /// How many beads link each Chinese word to each English stem (filled on first use).
    link_counts: std::cell::OnceCell<LinkCounts>,
    /// Per English stem, the Chinese words linked to it in at least
    /// [`LINK_SEEN_BEADS`] beads (filled on first use).
    link_sources: std::cell::OnceCell<LinkSources>,
}

/// English stem -> the Chinese words the document's links tie to it, in several beads.
pub(super) type LinkSources = std::collections::HashMap<String, Vec<String>>;

/// (Chinese word, English stem) -> the number of beads whose word links tie them.
pub(super) type LinkCounts = std::collections::HashMap<(String, String), u32>;

/// A link the document makes in at least this many beads is a translation the
/// translator uses; one made once may be the aligner's catch-all for a rare word.
const LINK_SEEN_BEADS: u32 = 2;

/// Count, over the document, the beads that link each Chinese word to each stem.
fn count_links(doc: &[AlignedPair], doc_links: &[WordLinks]) -> LinkCounts {
    let mut counts = LinkCounts::new();
    for (q, l) in doc.iter().zip(doc_links) {
        let mut seen = std::collections::HashSet::new();
        for &(z, e) in &l.links {
            let (Some(zt), Some(et)) = (l.zh_tokens.get(z as usize), l.en_tokens.get(e as usize))
            else {
                continue;
            };
            let (Some(zh), Some(en)) = (q.zh.get(zt.start..zt.end), q.en.get(et.start..et.end))
            else {
                continue;
            };
            seen.insert((
                zh.to_string(),
                crate::lexicon::english_stem(&en.to_lowercase()),
            ));
        }
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    counts
}

impl Tally {
    /// An occurrence with no rendering of the term, of a term the translation renders as
    /// approved nearly everywhere else (misses under [`HABIT_MIN_SHARE`] of its
    /// occurrences): not the translator's way with the term, so a warning, unless a
    /// word of an approved rendering is in the English (the term may be folded into
    /// it). The mirror of [`Tally::demote_habitual_omissions`].
    pub(super) fn promote_exceptions(&self, terms: &TermSet, out: &mut [Finding]) {
        for (t, found) in &self.unlocated {
            let n = self.occurrences.get(t).copied().unwrap_or(0);
            let rendered = self.rendered.get(t).copied().unwrap_or(0);
            let untraced = self.untraced.get(t).map_or(&[][..], Vec::as_slice);
            let misses = untraced.len() + found.iter().filter(|i| !untraced.contains(i)).count();
            if (misses as f64) >= HABIT_MIN_SHARE * n as f64 {
                continue;
            }
            let approved: Vec<&String> = terms.terms[*t]
                .approved
                .iter()
                .flat_map(|r| r.content())
                .collect();
            for &i in found {
                let f = &mut out[i];
                // A word of an approved rendering elsewhere in the English: the term may
                // be folded into another's rendering there ('the Party' once for two).
                let en = EnglishText::new(f.en.as_deref().unwrap_or_default());
                if en
                    .content_words_in(&(0..usize::MAX))
                    .iter()
                    .any(|(_, stem)| approved.iter().any(|k| stems_match(k, stem)))
                {
                    continue;
                }
                f.severity = Severity::Warning;
                f.message = format!(
                    "{} (rendered as approved in {rendered} of its {n} occurrences)",
                    f.message
                );
            }
        }
    }

    /// Omissions of a term the translation leaves out habitually (see
    /// [`HABIT_MIN_OMISSIONS`]) become notes: absence alone is no evidence of an error
    /// when the translator's way with the term is to leave it to the context.
    pub(super) fn demote_habitual_omissions(&self, out: &mut [Finding]) {
        for (t, found) in &self.untraced {
            let n = self
                .occurrences
                .get(t)
                .copied()
                .unwrap_or(found.len())
                .max(1);
            if found.len() < HABIT_MIN_OMISSIONS
                || (found.len() as f64) < HABIT_MIN_SHARE * n as f64
            {
                continue;
            }
            for &i in found {
                let f = &mut out[i];
                if f.severity == Severity::Info {
                    continue;
                }
                f.severity = Severity::Info;
                f.message = format!(
                    "{} (left out in {} of its {n} occurrences: the translation's habit)",
                    f.message
                        .trim_end_matches(NO_TRACE_SHORT)
                        .trim_end_matches(NO_TRACE_FULL),
                    found.len()
                );
            }
        }
    }
}

/// A bead being checked: the pair, the beads just before it (for antecedents), its
/// English prepared, and its word links.
pub(super) struct Bead<'c, 'a> {
    pub p: &'c AlignedPair,
    pub before: &'c [AlignedPair],
    pub en: &'c EnglishText<'a>,
    pub links: Option<&'c WordLinks>,
    /// The whole document and its word links (in pair order): whether the word
    /// alignment links a term to the same words elsewhere.
    pub doc: &'c [AlignedPair],
    pub doc_links: Option<&'c [WordLinks]>,
    /// How long the document's English runs for its Chinese.
    pub length: &'c LengthModel,
    /// How the document renders glossary terms inside longer words.
    pub inside_words: &'c InsideWords,
    /// The glossary terms of the bead's Chinese (see [`InsideWords::hits`]).
    pub hits: &'c BeadHits,
}

/// The glossary terms in a bead's Chinese: those standing as words, and those inside
/// longer words (with the word's span).
pub(super) type BeadHits = (Vec<terms::TermHit>, Vec<(terms::TermHit, Range<usize>)>);

fn term_hits(p: &AlignedPair, terms: &TermSet, opts: &CheckOptions) -> BeadHits {
    let hits = match opts.dictionary {
        Some(d) => terms.find_terms_in_words(&p.zh, |w| d.contains(w)),
        None => terms.find_terms(&p.zh),
    };
    terms.split_inside_words(&p.zh, hits, opts.words)
}

/// Per glossary term and longer word holding it (全党 in 全党同志): the beads with
/// the word, and those whose English has an approved rendering of the term.
pub(super) struct InsideWords {
    counts: std::collections::HashMap<(usize, String), (u32, u32)>,
    /// Each pair's term hits, in pair order: found once, for the survey and the check.
    hits: Vec<BeadHits>,
}

impl InsideWords {
    /// Count, over the document, how the terms inside longer words are rendered.
    pub(super) fn survey(
        pairs: &[AlignedPair],
        terms: &TermSet,
        abbreviations: &terms::Abbreviations,
        opts: &CheckOptions,
    ) -> InsideWords {
        let mut counts = std::collections::HashMap::new();
        let mut hits = Vec::with_capacity(pairs.len());
        for p in pairs {
            if p.zh.trim().is_empty() || p.en.trim().is_empty() {
                hits.push(BeadHits::default());
                continue;
            }
            let found = term_hits(p, terms, opts);
            if found.1.is_empty() {
                hits.push(found);
                continue;
            }
            let whole = EnglishText::new(&p.en);
            let mut seen = Vec::new();
            for (h, word) in &found.1 {
                let term = &terms.terms[h.term];
                let key = (h.term, p.zh[word.clone()].to_string());
                if term.approved.is_empty() || seen.contains(&key) {
                    continue;
                }
                let view = whole.around(h.start as f64 / p.zh.len().max(1) as f64);
                let en = view.as_ref().unwrap_or(&whole);
                let rendered = find_approved(p, h.start..h.end, en, term, abbreviations).is_some();
                let c: &mut (u32, u32) = counts.entry(key.clone()).or_default();
                c.0 += 1;
                c.1 += u32::from(rendered);
                seen.push(key);
            }
            hits.push(found);
        }
        InsideWords { counts, hits }
    }

    /// The term hits of pair `i` (empty for a pair with an empty side).
    pub(super) fn hits(&self, i: usize) -> &BeadHits {
        &self.hits[i]
    }

    /// Is the term inside `word` checked as a word of its own? Where the word's other
    /// occurrences mostly carry the term's approved rendering, the translation renders
    /// the word through the term (全党同志 'all Party members'); a word seen once that
    /// holds the whole term and that the dictionary does not know is jieba's joining of
    /// unknown characters (a name and the verb after it), no compound with a
    /// translation of its own. A term across a word's edge (国则 of 美国则) is no
    /// occurrence.
    fn checked_alone(
        &self,
        term: usize,
        word: &str,
        holds: bool,
        dictionary: Option<&Dictionary>,
    ) -> bool {
        let Some(&(beads, rendered)) = self.counts.get(&(term, word.to_string())) else {
            return false;
        };
        if !holds {
            return false;
        }
        // Asked where this occurrence misses the rendering: the rendered ones are others.
        let others = beads.saturating_sub(1);
        if others == 0 {
            return dictionary.is_some_and(|d| !d.contains(word));
        }
        2 * rendered > others
    }
}

/// Check the glossary terms of a bead. Returns the spans of the Chinese and of the
/// English whose numbers the terms and their renderings account for.
pub(super) fn check_terms(
    bead: Bead,
    terms: &TermSet,
    abbreviations: &terms::Abbreviations,
    opts: &CheckOptions,
    usage: &mut Usage,
    tally: &mut Tally,
    out: &mut Vec<Finding>,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let Bead { p, en, links, .. } = bead;
    let previous = std::cell::OnceCell::new();
    let mut rendered = Vec::new();
    let (mut hits, inside) = bead.hits.clone();
    let (alone, inside): (Vec<_>, Vec<_>) = inside.into_iter().partition(|(h, word)| {
        let holds = word.start <= h.start && h.end <= word.end;
        bead.inside_words
            .checked_alone(h.term, &p.zh[word.clone()], holds, opts.dictionary)
    });
    if !alone.is_empty() {
        hits.extend(alone.into_iter().map(|(h, _)| h));
        hits.sort_by_key(|h| (h.start, h.end));
    }
    let claims = claimed_renderings(&p.zh, &hits, terms, en);
    let mut accounted = Vec::new();
    let mut seen = Vec::new();
    for h in hits {
        let term = &terms.terms[h.term];
        // In a long bead, the English near where the term's counterpart should be.
        let view = en.around(h.start as f64 / p.zh.len().max(1) as f64);
        let en = view.as_ref().unwrap_or(en);
        // The rendering of a longer term holding this one elsewhere in the bead
        // (数据主权 and 数据主权原则) renders that occurrence, not this one.
        let claimed: Vec<Range<usize>> = claims
            .iter()
            .filter(|c| {
                c.term != h.term
                    && terms.terms[c.term].zh.contains(term.zh.as_str())
                    && !(c.zh.start <= h.start && h.end <= c.zh.end)
            })
            .map(|c| c.en.clone())
            .collect();
        let masked = (!claimed.is_empty()).then(|| en.without(&claimed));
        let en = masked.as_ref().unwrap_or(en);
        // Numbers inside a term are the term's: checked through its rendering, or not
        // expected in the English when no rendering has them (一带一路).
        let numbered = term
            .approved
            .iter()
            .any(|r| r.text.chars().any(|c| c.is_ascii_digit()) || has_number_word(&r.text));
        if seen.contains(&h.term) {
            accounted.push(h.start..h.end);
            continue;
        }
        seen.push(h.term);
        *tally.occurrences.entry(h.term).or_default() += 1;
        let bad: Vec<(&terms::Rendering, Range<usize>)> = term
            .forbidden
            .iter()
            .filter_map(|r| en.find_exact(r).map(|(s, e)| (r, s..e)))
            .collect();
        for (r, span) in &bad {
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
            f.set_spans(Some(h.start..h.end), Some(span.clone()), &p.en);
            f.suggestion = nearest_approved(term, &p.en[span.clone()]);
            out.push(f);
        }
        if term.approved.is_empty() {
            accounted.push(h.start..h.end);
            continue;
        }
        let ctx = bead.context(en, &previous, &h, usage.contains_key(&h.term), tally);
        let found = find_approved(p, h.start..h.end, en, term, abbreviations).filter(|f| {
            !(f.loose && ctx.loose_match_is_neighbours(&(h.start..h.end), f, term, opts.dictionary))
        });
        match found {
            Some(Found {
                rendering,
                span,
                spelling,
                ..
            }) => {
                usage.entry(h.term).or_default().push((
                    rendering,
                    p.id,
                    p.en[span.clone()].to_string(),
                ));
                *tally.rendered.entry(h.term).or_default() += 1;
                accounted.push(h.start..h.end);
                rendered.push(span.clone());
                if spelling {
                    let used = &p.en[span.clone()];
                    let approved = &term.approved[rendering].text;
                    let mut f = Finding::bead(
                        FindingType::GlossaryMiss,
                        Severity::Warning,
                        p,
                        format!(
                            "{} is written '{used}'; the glossary spells it '{approved}'",
                            term.zh
                        ),
                    );
                    f.term = Some(term.zh.clone());
                    f.zh_term = Some(term.zh.clone());
                    f.set_spans(Some(h.start..h.end), Some(span), &p.en);
                    f.suggestion = Some(approved.clone());
                    out.push(f);
                }
            }
            None if bad.is_empty() => {
                if !numbered {
                    accounted.push(h.start..h.end);
                }
                let f = miss(&ctx, h.start..h.end, terms, term, opts);
                if f.evidence.is_none() {
                    tally.untraced.entry(h.term).or_default().push(out.len());
                }
                if f.severity == Severity::Info
                    && (f.message.ends_with(NO_TRACE_FULL) || f.message.ends_with(WEAK_LINK))
                {
                    tally.unlocated.entry(h.term).or_default().push(out.len());
                }
                out.push(f);
            }
            None => accounted.push(h.start..h.end),
        }
    }
    // A term inside a longer word (全党 in 全党同志) may be rendered with the word as a
    // whole; only its approved rendering with a word swapped out says it went wrong.
    for (h, _) in inside {
        let term = &terms.terms[h.term];
        if seen.contains(&h.term) || term.approved.is_empty() {
            continue;
        }
        seen.push(h.term);
        let view = en.around(h.start as f64 / p.zh.len().max(1) as f64);
        let en = view.as_ref().unwrap_or(en);
        if find_approved(p, h.start..h.end, en, term, abbreviations).is_some() {
            continue;
        }
        let ctx = bead.context(en, &previous, &h, usage.contains_key(&h.term), tally);
        let words = TermWords::new(term, en, opts.dictionary, opts.words);
        let at = h.start..h.end;
        // The rest of the longer word is translated elsewhere too (干部 of 党员干部):
        // every word of the bead counts as elsewhere.
        let elsewhere = std::cell::OnceCell::new();
        let elsewhere = || -> &[String] {
            elsewhere.get_or_init(|| {
                let tokens = links.map(|l| l.zh_tokens.as_slice());
                translations_elsewhere(p, &(at.start..at.start), opts, tokens)
            })
        };
        out.extend(swapped_word(&ctx, &at, term, &words, opts, elsewhere));
    }
    (accounted, rendered)
}

impl<'c, 'a> Bead<'c, 'a> {
    /// What the findings of the term hit `h` are worked out from.
    fn context<'x>(
        &self,
        en: &'x EnglishText<'a>,
        previous: &'x std::cell::OnceCell<Vec<EnglishText<'c>>>,
        h: &terms::TermHit,
        introduced: bool,
        tally: &'x Tally,
    ) -> Context<'x, 'a, 'c>
    where
        'c: 'x,
    {
        Context {
            p: self.p,
            before: self.before,
            en,
            previous,
            introduced,
            aligned: self.links.and_then(|l| l.english_of(&(h.start..h.end))),
            links: self.links,
            doc: self.doc,
            doc_links: self.doc_links,
            term_index: h.term,
            linked_stems: &tally.linked_stems,
            link_counts: &tally.link_counts,
            link_sources: &tally.link_sources,
            length: self.length,
        }
    }
}

/// An English number word in a rendering ('Two Centenary Goals', 'Three Represents').
fn has_number_word(text: &str) -> bool {
    !crate::numbers::extract_en(text).is_empty()
}

/// An approved rendering found for a term occurrence.
struct Found {
    /// Index into the term's approved renderings.
    rendering: usize,
    span: Range<usize>,
    /// Found only with its words divided otherwise ('cyber space' for 'cyberspace').
    spelling: bool,
    /// Found only as content words in any order, close together.
    loose: bool,
}

/// The approved rendering the English has, as (match tier, index, span): the strictest
/// match, then the longest rendering. Content words in any order near the approved
/// rendering with one word changed ('Chinese socialism' in 'socialism can save China
/// and only socialism with Chinese activities') are no match: the changed wording is
/// the closer one, and it is what the English says. Near is within the window the
/// loose match itself is looked for in.
fn best_match(en: &EnglishText, term: &terms::Term) -> Option<(u8, usize, (usize, usize))> {
    term.approved
        .iter()
        .enumerate()
        .filter_map(|(k, r)| en.find_match(r).map(|(tier, span)| (tier, k, span)))
        .min_by_key(|&(tier, k, _)| (tier, std::cmp::Reverse(term.approved[k].text.len())))
        .filter(|&(tier, k, (s, e))| {
            let window = terms::loose_window(&term.approved[k]);
            tier < terms::ANY_ORDER
                || !term.approved.iter().any(|r| {
                    en.swapped(r).iter().any(|(span, _)| {
                        let gap = if span.start >= e {
                            &en.text[e..span.start]
                        } else if span.end <= s {
                            &en.text[span.end..s]
                        } else {
                            ""
                        };
                        gap.split_whitespace().count() <= window
                    })
                })
        })
}

/// The approved rendering that stands for this occurrence: the strictest match, then
/// the longest rendering; an abbreviation the document defines for one ('SOEs' after
/// 'State-owned enterprises (SOEs)'); or, in a coordination sharing its head (道路自信、
/// 理论自信、制度自信: 'confidence in our path, in our theories and in our system'), the
/// rendering's words anywhere in the sentence.
fn find_approved(
    p: &AlignedPair,
    at: Range<usize>,
    en: &EnglishText,
    term: &terms::Term,
    abbreviations: &terms::Abbreviations,
) -> Option<Found> {
    if let Some((tier, k, (s, e))) = best_match(en, term) {
        return Some(Found {
            rendering: k,
            span: s..e,
            spelling: tier == terms::JOINED_SPELLING,
            loose: tier == terms::ANY_ORDER,
        });
    }
    if let Some((k, span)) = abbreviations.find_for(en, &term.approved) {
        return Some(Found {
            rendering: k,
            span,
            spelling: false,
            loose: false,
        });
    }
    if in_shared_head_coordination(&p.zh, at) {
        for (k, r) in term.approved.iter().enumerate() {
            if let Some(span) = en.all_anywhere(r.content()) {
                return Some(Found {
                    rendering: k,
                    span,
                    spelling: false,
                    loose: false,
                });
            }
        }
    }
    None
}

/// A term hit and the English span its approved rendering takes.
struct Claim {
    term: usize,
    zh: Range<usize>,
    en: Range<usize>,
}

/// The English spans of the approved renderings of hits that hold another hit's term
/// (only those can take a shorter term's rendering away from it).
fn claimed_renderings(
    zh: &str,
    hits: &[terms::TermHit],
    terms: &terms::TermSet,
    en: &EnglishText,
) -> Vec<Claim> {
    hits.iter()
        .filter(|long| {
            let long_zh = &terms.terms[long.term].zh;
            hits.iter().any(|h| {
                h.term != long.term
                    && long_zh.contains(&zh[h.start..h.end])
                    && (h.end <= long.start || h.start >= long.end)
            })
        })
        .filter_map(|long| {
            let (_, _, (s, e)) = best_match(en, &terms.terms[long.term])?;
            Some(Claim {
                term: long.term,
                zh: long.start..long.end,
                en: s..e,
            })
        })
        .collect()
}

/// Is the term at `at` an item of a 、-list whose neighbour ends in the same character
/// (道路自信、理论自信): English factors such a shared head out ('confidence in A, in B
/// and in C').
fn in_shared_head_coordination(zh: &str, at: Range<usize>) -> bool {
    let Some(last) = zh[at.clone()].chars().next_back() else {
        return false;
    };
    let item_ends = |rest: &str| {
        rest.chars()
            .take_while(|&c| is_han(c))
            .take(8)
            .last()
            .is_some_and(|c| c == last)
    };
    let next = zh[at.end..].strip_prefix('、').is_some_and(item_ends);
    let prev = zh[..at.start]
        .strip_suffix('、')
        .is_some_and(|b| b.ends_with(last));
    next || prev
}

/// The approved rendering most like what the translation used.
fn nearest_approved(term: &terms::Term, used: &str) -> Option<String> {
    let used = used.to_lowercase();
    term.approved
        .iter()
        .max_by(|a, b| {
            let sa = strsim::normalized_levenshtein(&a.text.to_lowercase(), &used);
            let sb = strsim::normalized_levenshtein(&b.text.to_lowercase(), &used);
            sa.total_cmp(&sb)
        })
        .map(|r| r.text.clone())
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

/// Where the English carries a term that none of its approved renderings covers, as
/// far as the words show: the kind of evidence and its span in the English.
enum Trace {
    /// An approved rendering with one word misspelt.
    Misspelt,
    /// An approved rendering with a word in another form by its ending.
    OtherForm,
    /// A glossary term making up most of it is rendered as approved (中国特色社会主义
    /// of 坚持和发展中国特色社会主义).
    Core(String),
    /// A wording close to an approved rendering ('new development philosophy').
    Near,
    /// The English words the word alignment links to the term.
    Aligned,
    /// Its head noun right after a determiner: 'our nation', 'this path', 'the Party'.
    ShortReference,
    /// A dictionary translation of it, or of each of its words, close together.
    OtherWords,
    /// The head word of an approved rendering, with other words around it ('data
    /// economy' for 'digital economy').
    OtherModifier,
    /// Some word of an approved rendering, with the words next to it.
    Weak,
}

/// Content words of `span` that translate nothing of the term nor another word of the
/// bead (`elsewhere`), pronouns aside: the words of a rendering of its own.
fn unexplained<'t, 'e>(
    words: &TermWords,
    en: &EnglishText<'t>,
    span: &Range<usize>,
    elsewhere: impl Fn() -> &'e [String],
) -> Vec<&'t str> {
    words
        .foreign(en, span)
        .into_iter()
        .filter(|w| !is_pronoun(w))
        .filter(|w| {
            let stem = crate::lexicon::english_stem(&w.to_lowercase());
            !elsewhere().iter().any(|k| stems_match(k, &stem))
        })
        .collect()
}

/// What the English may say for a term: the stems of its approved renderings and of
/// the dictionary's translations of it and of its words.
struct TermWords {
    /// Per word of the term (jieba's words, long ones cut into dictionary words), the
    /// stems of its translations found in the English.
    per_word: Vec<Vec<String>>,
    /// Those words, in the same order; None for a word the dictionary does not know.
    parts: Vec<Option<String>>,
    /// Translations of the whole term, as renderings.
    glosses: Vec<terms::Rendering>,
    /// Every stem that translates the term or a part of it.
    known: Vec<String>,
}

impl TermWords {
    fn new(
        term: &terms::Term,
        en: &EnglishText,
        dict: Option<&Dictionary>,
        segmenter: &WordSegmenter,
    ) -> TermWords {
        let glosses: Vec<terms::Rendering> = dict
            .map(|d| {
                d.glosses(&term.zh)
                    .into_iter()
                    .filter_map(gloss_rendering)
                    .collect()
            })
            .unwrap_or_default();
        // Translations of the term's words, one per word: jieba's words, a word of
        // three characters or more cut into the dictionary words it is made of (理想信念:
        // 理想 + 信念), or beside the one it holds.
        let mut words: Vec<&str> = Vec::new();
        for t in segmenter.tokenize(&term.zh, 0, crate::segment::Lang::Zh) {
            let w = &term.zh[t.start..t.end];
            let parts = match dict {
                Some(d) if w.chars().count() >= 3 => dictionary_words(w, d),
                _ => Vec::new(),
            };
            match parts.len() {
                0 => words.push(w),
                // 营商环境: the word the dictionary lacks, and 环境 it knows.
                1 => {
                    words.push(w);
                    words.extend(parts);
                }
                _ => words.extend(parts),
            }
        }
        let mut known: Vec<String> = term
            .approved
            .iter()
            .flat_map(|r| r.content().iter().cloned())
            .chain(glosses.iter().flat_map(|g| g.content().iter().cloned()))
            .collect();
        let mut per_word = Vec::new();
        let mut glossed = Vec::new();
        for w in &words {
            let stems: Vec<String> = dict.map(|d| d.word_gloss_stems(w)).unwrap_or_default();
            per_word.push(stems.iter().filter(|s| en.has_stem(s)).cloned().collect());
            glossed.push(!stems.is_empty());
            known.extend(stems);
        }
        if words.len() < 2 {
            per_word.clear();
        }
        TermWords {
            per_word,
            parts: words
                .iter()
                .zip(glossed)
                .map(|(w, g)| g.then(|| w.to_string()))
                .collect(),
            glosses,
            known,
        }
    }

    /// A word of the term (of two words or more) that has a dictionary translation
    /// but none of them anywhere in the English: the part a partial rendering leaves
    /// out (改革 of 改革开放 as 'opening up').
    fn untranslated_part(&self) -> Option<&str> {
        self.per_word
            .iter()
            .zip(&self.parts)
            .find(|(found, w)| found.is_empty() && w.is_some())
            .and_then(|(_, w)| w.as_deref())
    }

    /// Content words of `span` that translate nothing of the term: what a wrong
    /// rendering puts there ('arrangements' in 'Three arrangements' for 三个代表).
    fn foreign<'t>(&self, en: &EnglishText<'t>, span: &Range<usize>) -> Vec<&'t str> {
        en.content_words_in(span)
            .into_iter()
            .filter(|(_, stem)| !self.known.iter().any(|k| stems_match(k, stem)))
            .map(|(word, _)| word)
            .collect()
    }
}

fn trace(
    en: &EnglishText,
    terms: &TermSet,
    term: &terms::Term,
    words: &TermWords,
    aligned: Option<&Range<usize>>,
    misspelt: Option<&str>,
    other_form: Option<Range<usize>>,
) -> Option<(Trace, Range<usize>)> {
    if let Some(s) = misspelt {
        return Some((Trace::Misspelt, en.span_of(s)));
    }
    if let Some(s) = other_form {
        return Some((Trace::OtherForm, s));
    }
    // 中国特色社会主义 inside 坚持和发展中国特色社会主义, rendered as approved.
    if let Some((t, span)) =
        cores(terms, term).find_map(|t| best_match(en, t).map(|(_, _, (s, e))| (t, s..e)))
    {
        return Some((Trace::Core(t.zh.clone()), span));
    }
    // A wording close to an approved one, in the same place ('new development
    // philosophy' for 'new development concept').
    if let Some(s) = term.approved.iter().find_map(|r| en.near_variant(r)) {
        return Some((Trace::Near, s));
    }
    // Where the word alignment puts it, with the words next to it where the rest of
    // an approved rendering would stand (a wrong word has no link: 'Chen' of 陈清扬
    // linked, 'Approach' after it not).
    if let Some(span) = aligned {
        // The links on the head of a short reference ('This path', 'the Party').
        if let Some(s) = term
            .approved
            .iter()
            .filter_map(|r| en.short_reference(r))
            .map(|s| en.span_of(s))
            .find(|s| s.start <= span.start && span.start < s.end)
        {
            return Some((Trace::ShortReference, s));
        }
        let words_in = en.content_words_in(span);
        for r in &term.approved {
            let n = r.content().len();
            for (k, stem) in r.content().iter().enumerate() {
                if let Some((w, _)) = words_in.iter().find(|(_, s)| stems_match(s, stem)) {
                    let around = en.phrase_around(en.span_of(w), k, n.saturating_sub(k + 1));
                    let start = around.start.min(span.start);
                    let end = around.end.max(span.end);
                    return Some((Trace::Aligned, start..end));
                }
            }
        }
        return Some((Trace::Aligned, span.clone()));
    }
    if let Some(s) = term
        .approved
        .iter()
        .chain(&words.glosses)
        .find_map(|r| en.short_reference(r))
    {
        return Some((Trace::ShortReference, en.span_of(s)));
    }
    if let Some(span) = words
        .glosses
        .iter()
        .find_map(|g| en.all_close_span(g.content()))
    {
        return Some((Trace::OtherWords, span));
    }
    if !words.per_word.is_empty()
        && words.per_word.iter().all(|s| !s.is_empty())
        && let Some(found) = en.one_of_each_close(&words.per_word)
    {
        let spans: Vec<Range<usize>> = found.iter().map(|s| en.span_of(s)).collect();
        let start = spans.iter().map(|r| r.start).min().unwrap_or(0);
        let end = spans.iter().map(|r| r.end).max().unwrap_or(0);
        return Some((Trace::OtherWords, start..end));
    }
    // The head word of an approved rendering with other words where the rest of the
    // rendering would stand, or failing that any word of one (the dictionary's
    // translations of single words are too common to locate anything).
    let around = |r: &terms::Rendering, k: usize, span: Range<usize>| {
        let n = r.content().len();
        en.phrase_around(span, k, n.saturating_sub(k + 1))
    };
    for r in &term.approved {
        if let Some(h) = r.head()
            && let Some(span) = en.stem_span(h)
        {
            let k = r.content().iter().position(|s| s == h).unwrap_or(0);
            return Some((Trace::OtherModifier, around(r, k, span)));
        }
    }
    for r in &term.approved {
        for (k, s) in r.content().iter().enumerate() {
            if let Some(span) = en.exact_stem_span(s) {
                return Some((Trace::Weak, around(r, k, span)));
            }
        }
    }
    None
}

/// Glossary terms making up most of `term` (中国特色社会主义 of 坚持和发展中国特色社会主义).
fn cores<'t>(terms: &'t TermSet, term: &terms::Term) -> impl Iterator<Item = &'t terms::Term> {
    let chars = term.zh.chars().count();
    terms.terms.iter().filter(move |t| {
        t.zh.len() < term.zh.len()
            && 2 * t.zh.chars().count() > chars
            && term.zh.contains(t.zh.as_str())
    })
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

/// A term occurrence's bead, the beads before it and the English in view.
struct Context<'c, 'a, 'b> {
    p: &'c AlignedPair,
    before: &'b [AlignedPair],
    en: &'c EnglishText<'a>,
    /// The English of the beads before (their ends, when long), prepared once per bead.
    previous: &'c std::cell::OnceCell<Vec<EnglishText<'b>>>,
    /// The term was rendered as approved earlier in the document.
    introduced: bool,
    /// Where the word links put the term in the English: span and token indices.
    aligned: Option<(Range<usize>, Vec<usize>)>,
    links: Option<&'c WordLinks>,
    doc: &'c [AlignedPair],
    doc_links: Option<&'c [WordLinks]>,
    /// The term's index in the term set, and per term the bead ids and the stems the
    /// links tie it to there (filled on first use).
    term_index: usize,
    linked_stems: &'c LinkedStems,
    link_counts: &'c std::cell::OnceCell<LinkCounts>,
    link_sources: &'c std::cell::OnceCell<LinkSources>,
    length: &'c LengthModel,
}

/// Term index -> (bead id, stems of the English words linked to the term there).
pub(super) type LinkedStems = std::cell::RefCell<BTreeMap<usize, Vec<(usize, Vec<String>)>>>;

impl Context<'_, '_, '_> {
    /// Does the English of the previous bead, or this bead's English before `upto`,
    /// render the term as approved? Then a short reference or pronoun may stand for it.
    fn antecedent_renders(&self, term: &terms::Term, upto: usize) -> bool {
        self.rendered_within(term, upto, 1)
    }

    /// May 'he' or 'she' here stand for the term? Narrative keeps a person it has
    /// named as a pronoun for as long as they stay the topic, so: a personal pronoun
    /// in the English, and the term rendered as approved earlier in the document (or
    /// in this bead's English before `upto`).
    fn person_named(&self, term: &terms::Term, upto: usize) -> bool {
        has_personal_pronoun(self.en)
            && (self.introduced || self.rendered_within(term, upto, ANAPHORA_BEADS))
    }

    /// Do the word links tie the term to one of the words they tie it to here in
    /// another bead of the document as well? A rare word links to whatever its
    /// sentence leaves unaligned (the 'garbage collector' of statistical word
    /// alignment), so a link seen once, to a word of no approved rendering, is weak.
    fn link_seen_elsewhere(&self, term: &terms::Term) -> bool {
        let (Some((_, here)), Some(links), Some(doc_links)) =
            (&self.aligned, self.links, self.doc_links)
        else {
            return false;
        };
        let stem_of = |l: &WordLinks, en: &str, k: usize| {
            let t = &l.en_tokens[k];
            crate::lexicon::english_stem(&en[t.start..t.end].to_lowercase())
        };
        let here: Vec<String> = here
            .iter()
            .filter(|&&k| {
                let t = &links.en_tokens[k];
                !crate::lexicon::is_english_stopword(&self.p.en[t.start..t.end].to_lowercase())
            })
            .map(|&k| stem_of(links, &self.p.en, k))
            .collect();
        // The stems linked to the term in each bead, worked out once per term.
        let mut cache = self.linked_stems.borrow_mut();
        let per_bead = cache.entry(self.term_index).or_insert_with(|| {
            self.doc
                .iter()
                .zip(doc_links)
                .filter_map(|(q, l)| {
                    let stems: Vec<String> =
                        q.zh.match_indices(term.zh.as_str())
                            .filter_map(|(at, _)| l.english_of(&(at..at + term.zh.len())))
                            .flat_map(|(_, ks)| ks)
                            .map(|k| stem_of(l, &q.en, k))
                            .collect();
                    (!stems.is_empty()).then_some((q.id, stems))
                })
                .collect()
        });
        per_bead.iter().any(|(id, stems)| {
            *id != self.p.id && stems.iter().any(|s| here.iter().any(|h| stems_match(h, s)))
        })
    }

    /// Is `word` out of place in this bead: a word the document ties, in other beads,
    /// to Chinese words of its own, none of which is in this bead? A translator's word
    /// comes with what it translates; one that arrives without it was put in.
    fn out_of_place(&self, word: &str) -> bool {
        let Some(doc_links) = self.doc_links else {
            return false;
        };
        let sources = self.link_sources.get_or_init(|| {
            let counts = self
                .link_counts
                .get_or_init(|| count_links(self.doc, doc_links));
            let mut by_stem = LinkSources::new();
            for ((zh, stem), &n) in counts {
                if n >= LINK_SEEN_BEADS {
                    by_stem.entry(stem.clone()).or_default().push(zh.clone());
                }
            }
            by_stem
        });
        let stem = crate::lexicon::english_stem(&word.to_lowercase());
        let Some(sources) = sources.get(&stem) else {
            return false;
        };
        // A compound shares its morphemes: 书房 in the bead is 上书房's presence.
        let in_bead = |zh: &str| {
            let chars: Vec<char> = zh.chars().collect();
            (chars.len() < 2 && self.p.zh.contains(zh))
                || chars
                    .windows(2)
                    .any(|w| self.p.zh.contains(&w.iter().collect::<String>()))
        };
        !sources.iter().any(|zh| in_bead(zh))
    }

    /// Do the word links tie `word` (a slice of the bead's English) to no Chinese word
    /// outside the term at `at`?
    fn tied_to_no_other_word(&self, at: &Range<usize>, word: &str) -> bool {
        let Some(l) = self.links else {
            return false;
        };
        let span = self.en.span_of(word);
        !l.links.iter().any(|&(z, e)| {
            let (Some(zt), Some(et)) = (l.zh_tokens.get(z as usize), l.en_tokens.get(e as usize))
            else {
                return false;
            };
            et.start < span.end && et.end > span.start && (zt.end <= at.start || zt.start >= at.end)
        })
    }

    /// Is the English word `word` (a slice of the bead's English) tied by the word links
    /// to a Chinese word of the bead outside the term at `at`, and not to the term? Then
    /// it renders that word, not the term. Only a link the document makes in other
    /// beads too, or one the dictionary gives, counts: a word the bead alone links is
    /// as likely the aligner's catch-all for a rare word (a wrong rendering's).
    fn renders_other_word(&self, at: &Range<usize>, word: &str, dict: Option<&Dictionary>) -> bool {
        let (Some(l), Some(doc_links)) = (self.links, self.doc_links) else {
            return false;
        };
        let counts = self
            .link_counts
            .get_or_init(|| count_links(self.doc, doc_links));
        let span = self.en.span_of(word);
        let stem = crate::lexicon::english_stem(&word.to_lowercase());
        let supported = |zh: &str| {
            counts
                .get(&(zh.to_string(), stem.clone()))
                .is_some_and(|&n| n >= LINK_SEEN_BEADS)
                || dict
                    .is_some_and(|d| d.word_gloss_stems(zh).iter().any(|s| stems_match(s, &stem)))
        };
        let (mut term, mut other) = (false, false);
        for &(z, e) in &l.links {
            let (Some(zt), Some(et)) = (l.zh_tokens.get(z as usize), l.en_tokens.get(e as usize))
            else {
                continue;
            };
            if et.start >= span.end || et.end <= span.start {
                continue;
            }
            if zt.start < at.end && zt.end > at.start {
                term = true;
            } else if supported(&self.p.zh[zt.start..zt.end]) {
                other = true;
            }
        }
        other && !term
    }

    /// Do the words of a loose match all translate other words of the bead ('socialism
    /// can save China' for 中国特色社会主义 beside 社会主义 and 中国)? Then the match is
    /// the neighbours', not the term's.
    fn loose_match_is_neighbours(
        &self,
        at: &Range<usize>,
        found: &Found,
        term: &terms::Term,
        dict: Option<&Dictionary>,
    ) -> bool {
        let wanted = term.approved[found.rendering].content();
        let matched: Vec<&str> = self
            .en
            .content_words_in(&found.span)
            .into_iter()
            .filter(|(_, stem)| wanted.iter().any(|s| stems_match(s, stem)))
            .map(|(w, _)| w)
            .collect();
        !matched.is_empty() && matched.iter().all(|w| self.renders_other_word(at, w, dict))
    }

    /// `span` without the content words at its edges that render another word of the
    /// bead (a neighbour's translation taken in by the phrase around a located word);
    /// None when no content word of the term's own is left.
    /// The span must keep a word of the term's own: one linked to it, or a word of
    /// what it translates to (`known`), else it was located around a neighbour's word.
    fn own_span(
        &self,
        at: &Range<usize>,
        span: &Range<usize>,
        known: &[String],
        dict: Option<&Dictionary>,
    ) -> Option<Range<usize>> {
        let content = self.en.content_words_in(span);
        let own: Vec<(&str, &str)> = content
            .iter()
            .copied()
            .filter(|(w, _)| !self.renders_other_word(at, w, dict))
            .collect();
        let anchored = own
            .iter()
            .any(|(w, stem)| known.iter().any(|k| stems_match(k, stem)) || self.linked_to(at, w));
        if !anchored {
            return None;
        }
        if own.len() == content.len() {
            return Some(span.clone());
        }
        let (first, last) = (own.first()?, own.last()?);
        Some(self.en.span_of(first.0).start..self.en.span_of(last.0).end)
    }

    /// Do the word links tie the English word `word` to the term at `at`?
    fn linked_to(&self, at: &Range<usize>, word: &str) -> bool {
        let Some(l) = self.links else {
            return false;
        };
        let span = self.en.span_of(word);
        l.links.iter().any(|&(z, e)| {
            let (Some(zt), Some(et)) = (l.zh_tokens.get(z as usize), l.en_tokens.get(e as usize))
            else {
                return false;
            };
            et.start < span.end && et.end > span.start && zt.start < at.end && zt.end > at.start
        })
    }

    /// Does this bead's English before `upto`, or one of the last `beads` beads, render
    /// the term as approved?
    fn rendered_within(&self, term: &terms::Term, upto: usize, beads: usize) -> bool {
        let earlier = self.en.before(upto);
        let previous = self.previous.get_or_init(|| {
            self.before
                .iter()
                .map(|b| {
                    let en = EnglishText::new(&b.en);
                    en.around(1.0).unwrap_or(en)
                })
                .collect()
        });
        let from = previous.len().saturating_sub(beads);
        term.approved.iter().any(|r| {
            earlier.find_span(r).is_some()
                || previous[from..].iter().any(|p| p.find_span(r).is_some())
        })
    }
}

/// The end of a note on a word the term is linked to in this bead only.
const WEAK_LINK: &str = ", a weak link)";
/// The note of a term with no trace in an English markedly short for its Chinese.
const NO_TRACE_SHORT: &str = " (no trace of it in the English, which is short for its Chinese)";
/// ... and in an English as long as its Chinese predicts.
const NO_TRACE_FULL: &str =
    " (no trace of it, in an English as long as its Chinese predicts: said in other words?)";

/// The finding for a term none of whose approved renderings is in the English.
fn miss(
    ctx: &Context,
    at: Range<usize>,
    terms: &TermSet,
    term: &terms::Term,
    opts: &CheckOptions,
) -> Finding {
    let (p, en) = (ctx.p, ctx.en);
    // Where the term went, as far as the words show, and what that says. Words there
    // that translate nothing of the term are a rendering of its own: a warning. A
    // shortened or reworded rendering made of the term's own words is benign (info)
    // once the term has been named; a pronoun only right after it was; no trace at all
    // is an error.
    let words = TermWords::new(term, en, opts.dictionary, opts.words);
    // Worked out only when a located word needs explaining (it tokenizes the bead).
    let elsewhere_cell = std::cell::OnceCell::new();
    let elsewhere = || -> &[String] {
        elsewhere_cell.get_or_init(|| {
            let tokens = ctx.links.map(|l| l.zh_tokens.as_slice());
            let mut stems = translations_elsewhere(p, &at, opts, tokens);
            stems.extend(other_terms_renderings(terms, term, &p.zh, &at));
            stems
        })
    };
    let known_word = |w: &str| opts.dictionary.is_some_and(|d| d.knows_english_word(w));
    let misspelt = term
        .approved
        .iter()
        .find_map(|r| en.misspelt(r, known_word));
    let other_form = term.approved.iter().find_map(|r| en.other_form(r));
    if let Some(f) = (misspelt.is_none() && other_form.is_none())
        .then(|| swapped_word(ctx, &at, term, &words, opts, elsewhere))
        .flatten()
    {
        return f;
    }
    let aligned = ctx.aligned.as_ref().map(|(span, _)| span);
    let traced = trace(en, terms, term, &words, aligned, misspelt, other_form);
    // Evidence is the term's own words: where the located span is made of the
    // renderings of other words of the bead, nothing of the term is located.
    let traced = traced.and_then(|(kind, span)| match kind {
        Trace::Misspelt | Trace::OtherForm | Trace::Core(_) => Some((kind, span)),
        _ => ctx
            .own_span(&at, &span, &words.known, opts.dictionary)
            .map(|s| (kind, s)),
    });
    let evidence = traced
        .as_ref()
        .map(|(_, span)| p.en[span.clone()].to_string());
    let named = |upto: usize| ctx.introduced || ctx.antecedent_renders(term, upto);
    // Words of its own that translate nothing of the term: wrong in a heading too.
    let mut untranslated_words = false;
    let (mut severity, note) = match &traced {
        Some((Trace::Misspelt, _)) => (Severity::Error, " (misspelt?)".to_string()),
        // The approved wording made to fit the sentence (an adjective for a noun).
        Some((Trace::OtherForm, span)) => (
            Severity::Info,
            format!(
                " (written '{}', another form of the approved wording)",
                &p.en[span.clone()]
            ),
        ),
        Some((Trace::Core(zh), span)) => (
            Severity::Info,
            format!(
                " (its part {zh} is, as '{}'; the rest in words of its own)",
                &p.en[span.clone()]
            ),
        ),
        // Linked to pronouns only: a pronoun for the term (see below).
        // A pronoun is a way of translating, not a wrong rendering.
        Some((Trace::Aligned, span)) if only_pronouns(&p.en[span.clone()]) => {
            if ctx.antecedent_renders(term, span.start) || ctx.person_named(term, span.start) {
                (
                    Severity::Info,
                    format!(
                        " (a pronoun, '{}', after it was named)",
                        &p.en[span.clone()]
                    ),
                )
            } else {
                (
                    Severity::Info,
                    format!(" (a pronoun here: '{}')", &p.en[span.clone()]),
                )
            }
        }
        Some((kind, span)) => {
            let used = &p.en[span.clone()];
            let in_other_name = || {
                inside_longer_name(&p.en, span, |w| {
                    let stem = crate::lexicon::english_stem(&w.to_lowercase());
                    words.known.iter().any(|k| stems_match(k, &stem))
                })
            };
            // A word that translates another word of the sentence is that word's
            // rendering, located here by a stray link: no evidence against the term.
            let mut foreign: Vec<&str> = unexplained(&words, en, span, elsewhere)
                .into_iter()
                .filter(|w| !ctx.renders_other_word(&at, w, opts.dictionary))
                .collect();
            // A word the dictionary lets another Chinese word explain, but which the
            // links (that weigh the dictionary too) tie to no other word: the term's.
            for w in words.foreign(en, span) {
                if !foreign.contains(&w) && !is_pronoun(w) && ctx.tied_to_no_other_word(&at, w) {
                    foreign.push(w);
                }
            }
            let framed = en.content_words_in(span).iter().any(|(_, stem)| {
                term.approved
                    .iter()
                    .any(|r| r.content().iter().any(|k| stems_match(k, stem)))
            });
            // English draws a neighbour's word into the compound ('maximum cell
            // temperature difference' for 电芯 + 最大温差): the approved wording still.
            let wider = en.phrase_around(span.clone(), 2, 0).start.min(span.start)..span.end;
            let woven = (!p.en[wider.clone()].contains(['.', ';', ':', '!', '?']))
                .then(|| woven_in(term, &en.content_words_in(&wider), elsewhere()))
                .flatten();
            if let Some(extra) = woven {
                (
                    Severity::Info,
                    format!(
                        " (the approved wording, with '{extra}' of the words beside it inside)"
                    ),
                )
            } else if !foreign.is_empty()
                && matches!(kind, Trace::Aligned)
                && !framed
                && !ctx.link_seen_elsewhere(term)
                && !foreign.iter().any(|w| ctx.out_of_place(w))
            {
                // Words of no approved rendering, tied to the term by a link the
                // document shows nowhere else: a stray link, not a rendering.
                (
                    Severity::Info,
                    format!(" (linked to '{used}' here only{WEAK_LINK}"),
                )
            } else if !foreign.is_empty() {
                untranslated_words = true;
                (
                    Severity::Warning,
                    format!(
                        " (the English has '{used}', where '{}' translates none of it)",
                        foreign.join(" ")
                    ),
                )
            } else if matches!(kind, Trace::OtherWords) {
                (
                    Severity::Info,
                    format!(" (rendered in other words: '{used}')"),
                )
            } else if named(span.start)
                && shortens_approved(term, &en.content_words_in(span))
                && !in_other_name()
            {
                // A shortening keeps a word of its own: 'such' or 'under' alone is not one.
                (
                    Severity::Info,
                    format!(" (shortened to '{used}' after being named)"),
                )
            } else if named(span.start) && in_other_name() {
                (
                    Severity::Warning,
                    format!(" (linked to '{used}', part of another name)"),
                )
            } else if named(span.start) && !en.content_words_in(span).is_empty() {
                // As many words as the approved wording, or words it lacks: the term's
                // dictionary senses put in place of the approved rendering.
                (
                    Severity::Warning,
                    format!(" (reworded as '{used}', not shortened)"),
                )
            } else if matches!(kind, Trace::Near)
                && en.content_words_in(span).iter().any(|(_, stem)| {
                    !term
                        .approved
                        .iter()
                        .any(|r| r.content().iter().any(|k| stems_match(k, stem)))
                        && !elsewhere().iter().any(|k| stems_match(k, stem))
                })
            {
                // The approved wording with a word changed ('new development philosophy'),
                // the word not another's translation: a variant to bring in line.
                (Severity::Warning, format!(" (only '{used}' here)"))
            } else if let Some(missing) = words
                .untranslated_part()
                .filter(|_| !en.content_words_in(span).is_empty())
            {
                // Part of the term rendered, another part nowhere in the English: a
                // rendering with something left out.
                (
                    Severity::Warning,
                    format!(" (only '{used}' here; nothing in the English for {missing})"),
                )
            } else {
                // No word of its own, and every part of the term has a translation
                // somewhere in the English: a shortening, a reference or a link astray,
                // with nothing that says the translation is wrong.
                (Severity::Info, format!(" (only '{used}' here)"))
            }
        }
        // A pronoun may stand for it when the term was just rendered as approved (in
        // the bead before), or for 'he' or 'she', who stay the topic longer, once it
        // was named at all.
        None if (has_pronoun(en) && ctx.antecedent_renders(term, p.en.len()))
            || ctx.person_named(term, p.en.len())
            || (opens_with_pronoun(&p.en)
                && ctx.rendered_within(term, p.en.len(), ANAPHORA_BEADS)) =>
        {
            (
                Severity::Info,
                " (a pronoun after it was named?)".to_string(),
            )
        }
        // The speaker of a quotation (某某道：“……”): English dialogue leaves who
        // speaks to the context.
        None if speaks(&p.zh, at.end) && p.en.contains(['"', '“', '\'', '‘']) => (
            Severity::Info,
            " (the speaker of a quotation, left to the context)".to_string(),
        ),
        // Nothing of the term in an English markedly short for its Chinese: dropped
        // with whatever else is missing. As long as its Chinese predicts: most likely
        // said in words no dictionary pairs with it.
        None if ctx.length.is_short(&p.zh, &p.en) => {
            (Severity::Warning, NO_TRACE_SHORT.to_string())
        }
        None => (Severity::Info, NO_TRACE_FULL.to_string()),
    };
    // A heading is reworded freely, and a cited title (《…》) has the English of the
    // work itself, in words of its own too: only a term missing altogether is worth a
    // look.
    let reworded = (en.is_heading() && !untranslated_words) || in_cited_title(&p.zh, &at);
    if severity == Severity::Warning && reworded && traced.is_some() {
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
    f.set_spans(Some(at), traced.map(|(_, span)| span), &p.en);
    f.suggestion = match &evidence {
        Some(used) => nearest_approved(term, used),
        None => term.approved.first().map(|r| r.text.clone()),
    };
    f.hint = term
        .approved
        .iter()
        .find_map(|r| en.near(r))
        .filter(|s| Some(s) != evidence.as_ref())
        .map(|s| format!("near: '{s}'"));
    f
}

/// Is the span part of a longer name: a capitalised content word joined to it that it
/// leaves out and that translates nothing of the term (`of_term`): 'Haiyan' of
/// 'Marten Haiyan'? A name is written whole, so that is another name, not a
/// shortening. A title before it ('President', 'Dr.') and a sentence's first word are
/// capitalised whatever they are.
fn inside_longer_name(en: &str, span: &Range<usize>, of_term: impl Fn(&str) -> bool) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "madam",
        "lady",
        "lord",
        "president",
        "premier",
        "chairman",
        "minister",
        "secretary",
        "professor",
        "comrade",
        "general",
        "colonel",
        "captain",
        "king",
        "queen",
        "prince",
        "princess",
        "master",
        "uncle",
        "aunt",
        "grandma",
        "grandpa",
        "old",
        "little",
        "young",
        "saint",
        "st",
    ];
    let name_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(|c: char| c.is_uppercase())
            && !crate::lexicon::is_english_stopword(&w.to_lowercase())
            && !of_term(w)
    };
    if !en[span.clone()].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // Only a space joins two words of one name ('Marten, Haiyan' are two).
    let before = en[..span.start].strip_suffix(' ').and_then(|b| {
        let word = b.rsplit(' ').next()?;
        let opens = crate::glossary::opens_sentence(&b[..b.len() - word.len()]);
        let title = word.ends_with('.') || TITLES.contains(&word.to_lowercase().as_str());
        (!opens && !title && word.ends_with(|c: char| c.is_alphanumeric())).then_some(word)
    });
    let after = en[span.end..]
        .strip_prefix(' ')
        .and_then(|a| a.split(' ').next());
    before.is_some_and(name_word) || after.is_some_and(name_word)
}

/// Is the span inside a title marked 《…》?
fn in_cited_title(zh: &str, at: &Range<usize>) -> bool {
    let (before, after) = (&zh[..at.start], &zh[at.end..]);
    before
        .rfind('《')
        .is_some_and(|open| !before[open..].contains('》'))
        && after
            .find('》')
            .is_some_and(|close| !after[..close].contains('《'))
}

/// The stems of the approved renderings of the other glossary terms in the bead's
/// Chinese outside the term at `at`: they translate those terms, not this one (电芯
/// 'cell' beside 最大温差).
fn other_terms_renderings<'t>(
    terms: &'t TermSet,
    term: &'t terms::Term,
    zh: &'t str,
    at: &Range<usize>,
) -> impl Iterator<Item = String> + 't {
    let outside = [&zh[..at.start], &zh[at.end..]];
    terms
        .terms
        .iter()
        .filter(move |t| t.zh != term.zh && outside.iter().any(|s| s.contains(t.zh.as_str())))
        .flat_map(|t| t.approved.iter().flat_map(|r| r.content().iter().cloned()))
}

/// The words of `content` beyond an approved rendering's, when from the first word of
/// one it holds all of its words in order and every other word among them translates
/// another word of the bead (`elsewhere`).
fn woven_in(term: &terms::Term, content: &[(&str, &str)], elsewhere: &[String]) -> Option<String> {
    term.approved.iter().find_map(|r| {
        let wanted = r.content();
        let first = wanted.first()?;
        let start = content.iter().position(|&(_, s)| stems_match(first, s))?;
        let mut next = 0;
        let mut extra = Vec::new();
        for &(word, stem) in &content[start..] {
            if next == wanted.len() {
                break;
            }
            if stems_match(&wanted[next], stem) {
                next += 1;
            } else if elsewhere.iter().any(|k| stems_match(k, stem)) {
                extra.push(word);
            } else {
                return None;
            }
        }
        (next == wanted.len() && !extra.is_empty()).then(|| extra.join(" "))
    })
}

/// Are the content words (word, stem) fewer than those of an approved rendering ('the
/// council' for 'municipal housing council'), an acronym counted as the words its
/// letters stand for ('WHO')? As many words are a rewording, not a shortening.
fn shortens_approved(term: &terms::Term, content: &[(&str, &str)]) -> bool {
    let words = |r: &terms::Rendering| match r.text.trim() {
        acronym if acronym.len() > 1 && acronym.chars().all(|c| c.is_ascii_uppercase()) => {
            acronym.len()
        }
        _ => r.content().len(),
    };
    !content.is_empty() && term.approved.iter().any(|r| content.len() < words(r))
}

/// An approved rendering with one word changed ('Party affairs' for 'Party building'),
/// when the changed word translates nothing of the term (its dictionary translations)
/// nor another word of the bead: a wrong word in the rendering, a warning (a note in a
/// heading, which is reworded freely).
fn swapped_word<'e>(
    ctx: &Context,
    at: &Range<usize>,
    term: &terms::Term,
    words: &TermWords,
    opts: &CheckOptions,
    elsewhere: impl Fn() -> &'e [String],
) -> Option<Finding> {
    let (p, en) = (ctx.p, ctx.en);
    let explained = |word: &str| {
        let stem = crate::lexicon::english_stem(&word.to_lowercase());
        words.known.iter().any(|k| stems_match(k, &stem))
            || elsewhere().iter().any(|k| stems_match(k, &stem))
            || ctx.renders_other_word(at, word, opts.dictionary)
    };
    // A word the dictionary gives for the term itself in place of the approved one is
    // a synonym the glossary does not approve ('data factor market' for 'data element
    // market'): the very deviation a termbase is kept to catch.
    // Another form of a word of the rendering ('China's socialist' for 'China's
    // socialism') is no synonym.
    let synonym = |word: &str, r: &terms::Rendering| {
        let stem = crate::lexicon::english_stem(&word.to_lowercase());
        words.known.iter().any(|k| stems_match(k, &stem))
            && !r.content().iter().any(|k| stems_match(k, &stem))
            && !ctx.renders_other_word(at, word, opts.dictionary)
    };
    let swap = |keep: &dyn Fn(&str, &terms::Rendering) -> bool| {
        term.approved.iter().find_map(|r| {
            en.swapped(r)
                .into_iter()
                // Another approved rendering is no swap ('common prosperity' beside
                // 'shared prosperity').
                .filter(|(span, _)| !term.approved.iter().any(|a| en.renders_at(span, a)))
                .find(|(_, word)| keep(word, r))
                .map(|(span, word)| (span, word, r))
        })
    };
    let (found, is_synonym) = match swap(&|w, _| !explained(w)) {
        Some(found) => (found, false),
        None => (swap(&synonym)?, true),
    };
    let (span, word, approved) = found;
    let used = &p.en[span.clone()];
    let why = if is_synonym {
        format!("one word changed from '{}'", approved.text)
    } else {
        format!("where '{word}' translates none of it")
    };
    let mut f = Finding::bead(
        FindingType::GlossaryMiss,
        // A heading is reworded freely, but not into words that translate nothing.
        if en.is_heading() && is_synonym {
            Severity::Info
        } else {
            Severity::Warning
        },
        p,
        format!(
            "{} is not rendered as {} (the English has '{used}', {why})",
            term.zh,
            quoted_list(&term.approved)
        ),
    );
    f.term = Some(term.zh.clone());
    f.zh_term = Some(term.zh.clone());
    f.set_spans(Some(at.clone()), Some(span), &p.en);
    f.suggestion = Some(approved.text.clone());
    Some(f)
}

/// Stems of the dictionary's translations of the bead's Chinese words outside the term
/// at `at`.
/// `tokens` are the bead's Chinese words when the word links already have them.
fn translations_elsewhere(
    p: &AlignedPair,
    at: &Range<usize>,
    opts: &CheckOptions,
    tokens: Option<&[crate::segment::words::Token]>,
) -> Vec<String> {
    let Some(d) = opts.dictionary else {
        return Vec::new();
    };
    let owned;
    let tokens = match tokens {
        Some(t) => t,
        None => {
            owned = opts.words.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
            &owned[..]
        }
    };
    // Long words cut into the dictionary words they are made of (全党全国).
    tokens
        .iter()
        .filter(|t| t.end <= at.start || t.start >= at.end)
        .map(|t| &p.zh[t.start..t.end])
        .flat_map(|w| {
            let parts = if w.chars().count() >= 3 {
                dictionary_words(w, d)
            } else {
                Vec::new()
            };
            std::iter::once(w).chain(parts)
        })
        .filter(|w| w.chars().count() >= 2)
        .flat_map(|w| d.word_gloss_stems(w))
        .collect()
}

/// Is the term ending at `end` the speaker of a quotation: a verb of saying within a
/// few characters, then a colon or an opening quotation mark (道：“, 笑道：, 问：)?
fn speaks(zh: &str, end: usize) -> bool {
    let next: String = zh[end..].chars().take(8).collect();
    ["道", "说", "问", "答", "叫", "喝", "骂", "嚷", "喊"]
        .iter()
        .any(|verb| {
            next.match_indices(verb)
                .any(|(i, _)| next[i + verb.len()..].starts_with(['：', ':', '“', '「', '"']))
        })
}

/// Personal, possessive and demonstrative pronouns that can stand for a term.
fn has_pronoun(en: &EnglishText) -> bool {
    en.has_any_word(&[
        "it", "its", "they", "them", "their", "this", "these", "those", "that", "such",
    ])
}

/// Does the sentence open with a third-person pronoun ('Its sufferings ...')? The
/// subject of a sentence that opens so is the topic of the sentences before, which
/// may lie a few sentences back.
fn opens_with_pronoun(en: &str) -> bool {
    en.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "it" | "its" | "they" | "their" | "this" | "these" | "he" | "his" | "she" | "her"
            )
        })
}

/// Is `text` made of pronouns only ('her', 'he ... his')?
fn only_pronouns(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(is_pronoun)
}

/// A personal, possessive or demonstrative pronoun, also with a verb contracted onto
/// it ('I'll', 'they're').
fn is_pronoun(word: &str) -> bool {
    let word = word.to_lowercase();
    matches!(
        word.split(['\'', '’']).next().unwrap_or_default(),
        "it" | "its"
            | "they"
            | "them"
            | "their"
            | "this"
            | "these"
            | "those"
            | "that"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "hers"
            | "we"
            | "our"
            | "us"
            | "i"
            | "me"
            | "my"
            | "you"
            | "your"
    )
}

/// Pronouns of persons.
fn has_personal_pronoun(en: &EnglishText) -> bool {
    en.has_any_word(&["he", "him", "his", "she", "her", "hers"])
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
    let by_id: std::collections::HashMap<usize, &AlignedPair> =
        pairs.iter().map(|p| (p.id, p)).collect();
    let tokens: Vec<std::cell::OnceCell<Vec<crate::segment::words::Token>>> =
        pairs.iter().map(|_| std::cell::OnceCell::new()).collect();
    let mut out = Vec::new();
    for tp in extracted {
        // Single general words (技术, 经济) vary with grammar, not with terminology.
        if known.contains(tp.zh.as_str()) || tp.cooccurrence < 2 || tp.zh.chars().count() < 3 {
            continue;
        }
        // An adverb ('resolutely' / 'firmly' for 坚定不移) is a manner of saying,
        // not terminology.
        let adverb = |en: &str| !en.contains(' ') && en.ends_with("ly");
        if !mostly_whole_words(&tp.zh, pairs, &tokens, segmenter)
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
        // Each way as the beads write it ('standard-setting', not the extractor's
        // 'standard setting'), and only where they do.
        let locate = |en: &str, beads: &[usize]| -> Option<RenderingUse> {
            let r = terms::Rendering::new(en);
            let mut forms: Vec<String> = Vec::new();
            let mut found = Vec::new();
            for &b in beads {
                let Some(p) = by_id.get(&b) else { continue };
                let text = EnglishText::new(&p.en);
                if let Some((s, e)) = text.find_span(&r) {
                    forms.push(p.en[s..e].to_string());
                    found.push(b);
                }
            }
            // Without the beads at hand (a caller's own term pairs), as given.
            if by_id.is_empty() {
                return Some(RenderingUse {
                    en: en.to_string(),
                    beads: beads.to_vec(),
                });
            }
            forms.sort();
            let surface = forms
                .chunk_by(|a, b| a == b)
                .max_by_key(|run| run.len())
                .map(|run| run[0].clone())?;
            Some(RenderingUse {
                en: surface,
                beads: found,
            })
        };
        let Some(main) = locate(&tp.en, &tp.examples) else {
            continue;
        };
        let mut renderings = vec![main];
        let mut counts = vec![tp.cooccurrence];
        for r in &others {
            if let Some(u) = locate(&r.en, &r.beads) {
                renderings.push(u);
                counts.push(r.count);
            }
        }
        if renderings.len() < 2 {
            continue;
        }
        let dist = renderings
            .iter()
            .zip(&counts)
            .map(|(r, n)| format!("'{}' ×{n}", r.en))
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
/// `tokens` holds each pair's tokens once cut (a long bead is cut once, not once per
/// term).
fn mostly_whole_words(
    zh: &str,
    pairs: &[AlignedPair],
    tokens: &[std::cell::OnceCell<Vec<crate::segment::words::Token>>],
    segmenter: &WordSegmenter,
) -> bool {
    let (mut whole, mut all) = (0, 0);
    for (p, cell) in pairs.iter().zip(tokens).filter(|(p, _)| p.zh.contains(zh)) {
        let tokens = cell.get_or_init(|| segmenter.tokenize(&p.zh, 0, crate::segment::Lang::Zh));
        // Inside a token: a boundary strictly between its start and end.
        let cut = |b: usize| {
            let k = tokens.partition_point(|t| t.end <= b);
            tokens.get(k).is_some_and(|t| t.start < b && b < t.end)
        };
        for (start, _) in p.zh.match_indices(zh) {
            all += 1;
            if !cut(start) && !cut(start + zh.len()) {
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
    let has = |w: &str| d.word_gloss_stems(w).iter().any(|s| text.has_stem(s));
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

/// Glossary terms seen with more than one of their approved renderings across the
/// document, once per term, as notes (the glossary allows each).
/// Renderings of one word family count as one ('socialism' / 'socialist'), and so
/// does a shortened form with the full one ('18th National Congress' with '18th CPC
/// National Congress').
pub(super) fn inconsistent(terms: &TermSet, usage: &Usage) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&t, uses) in usage {
        let term = &terms.terms[t];
        let used: Vec<usize> = {
            let mut u: Vec<usize> = uses.iter().map(|&(k, _, _)| k).collect();
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
        // Per family: its beads and the wordings the text has for it.
        let mut groups: BTreeMap<Vec<String>, (Vec<usize>, Vec<&str>)> = BTreeMap::new();
        for (k, bead, surface) in uses {
            let g = groups.entry(r(stands_for(*k)).family()).or_default();
            g.0.push(*bead);
            g.1.push(surface);
        }
        if groups.len() < 2 {
            continue;
        }
        // Each way as the text writes it most often (not as the glossary spells it).
        let most_common = |forms: &[&str]| -> String {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for f in forms {
                *counts.entry(f).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| f.to_string())
                .unwrap_or_default()
        };
        let mut renderings: Vec<RenderingUse> = groups
            .values()
            .map(|(beads, forms)| {
                let mut beads = beads.clone();
                beads.dedup();
                RenderingUse {
                    en: most_common(forms),
                    beads,
                }
            })
            .collect();
        renderings.sort_by(|a, b| b.beads.len().cmp(&a.beads.len()).then(a.en.cmp(&b.en)));
        let dist = renderings
            .iter()
            .map(|r| format!("'{}' ×{}", r.en, r.beads.len()))
            .collect::<Vec<_>>()
            .join(", ");
        // Every way is one the glossary approves: a note. A reviewer who wants one
        // rendering throughout lists only that one.
        let zh = &term.zh;
        let mut f = Finding::document(
            FindingType::Inconsistent,
            Severity::Info,
            format!(
                "{zh} is rendered {} ways, each approved by the glossary: {dist}",
                renderings.len()
            ),
        );
        f.term = Some(zh.clone());
        f.zh_term = Some(zh.clone());
        f.renderings = renderings;
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;

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
                    known: false,
                })
                .collect(),
            known: false,
            examples: vec![0, 1],
        }
    }

    #[test]
    fn a_long_term_rendered_through_its_listed_core_is_a_note() {
        let terms =
            glossary_terms("数据安全\tdata security\n维护数据安全\tsafeguard data security\n");
        let pairs = [
            // No trace, in an English far shorter than its Chinese: dropped.
            AlignedPair::new(
                0,
                "各国政府都应当认真维护本国的数据安全。",
                "Countries act.",
            ),
            // The core term is rendered as approved; 维护 carried by other words.
            AlignedPair::new(
                1,
                "各国应维护数据安全。",
                "Countries should see to their data security.",
            ),
            // No trace, in an English as long as its Chinese: said in other words.
            AlignedPair::new(
                2,
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
        assert_eq!(miss(2).severity, Severity::Info, "{found:#?}");
        // The core term as approved, the verb in words of the translator's own.
        assert_eq!(miss(1).severity, Severity::Info, "{found:#?}");
        assert_eq!(miss(1).evidence.as_deref(), Some("data security"));
    }

    #[test]
    fn a_longer_terms_rendering_does_not_render_a_separate_occurrence() {
        let terms = glossary_terms(
            "数据主权\tdata sovereignty\n数据主权原则\tprinciple of data sovereignty\n",
        );
        // The first 数据主权 is dropped; its words are only in the longer term's rendering
        // (how sure the finding is depends on what else the bead says).
        let pairs = [AlignedPair::new(
            0,
            "尊重数据主权，就要遵守数据主权原则。",
            "Respecting the matter means following the principle of data sovereignty.",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert!(
            found
                .iter()
                .any(|f| f.kind == FindingType::GlossaryMiss
                    && f.term.as_deref() == Some("数据主权")),
            "{found:#?}"
        );
        // Rendered twice: nothing to say.
        let pairs = [AlignedPair::new(
            0,
            "尊重数据主权，就要遵守数据主权原则。",
            "Respecting data sovereignty means following the principle of data sovereignty.",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert!(
            !found.iter().any(|f| f.kind == FindingType::GlossaryMiss),
            "{found:#?}"
        );
    }

    #[test]
    fn she_stands_for_a_person_named_before() {
        let terms = glossary_terms("林晓梅\tLin Xiaomei\n");
        let mut pairs = vec![AlignedPair::new(0, "林晓梅来了。", "Lin Xiaomei came.")];
        for id in 1..8 {
            pairs.push(AlignedPair::new(id, "天黑了。", "It grew dark."));
        }
        pairs.push(AlignedPair::new(
            8,
            "林晓梅整个晚上都像发热似的躺在床上。",
            "She felt feverish.",
        ));
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let miss = found.iter().find(|f| f.bead == Some(8)).expect("a miss");
        assert_eq!(miss.severity, Severity::Info, "{miss:#?}");
        // Never named before: 'she' may be anyone, and the English is short.
        let found = check(&pairs[1..], &terms, &[], &CheckOptions::default());
        let miss = found.iter().find(|f| f.bead == Some(8)).expect("a miss");
        assert_eq!(miss.severity, Severity::Warning, "{miss:#?}");
    }

    #[test]
    fn evidence_is_the_terms_own_words_not_a_neighbours() {
        let terms = one_term("数字经济", "digital economy");
        let words = WordSegmenter::plain();
        let p = AlignedPair::new(0, "贸易数字经济增长了。", "The trade economy grew.");
        let zh_tokens = words.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
        let en_tokens = words.tokenize(&p.en, 0, crate::segment::Lang::En);
        let zh_at = |w: &str| zh_tokens.iter().position(|t| &p.zh[t.start..t.end] == w);
        let en_at = |w: &str| en_tokens.iter().position(|t| &p.en[t.start..t.end] == w);
        let term = zh_at("数字").or(zh_at("数字经济")).unwrap() as u32;
        let trade = (
            zh_at("贸易").unwrap() as u32,
            en_at("trade").unwrap() as u32,
        );
        let links = |with_trade: bool| WordLinks {
            links: [(term, en_at("economy").unwrap() as u32)]
                .into_iter()
                .chain(with_trade.then_some(trade))
                .collect(),
            zh_tokens: zh_tokens.clone(),
            en_tokens: en_tokens.clone(),
        };
        let evidence = |with_trade: bool| {
            // The same links in two beads: 'trade' is how this translation says 贸易.
            let doc = [p.clone(), AlignedPair { id: 1, ..p.clone() }];
            let doc_links = [links(with_trade), links(with_trade)];
            let opts = CheckOptions {
                links: Some(&doc_links),
                ..CheckOptions::default()
            };
            check(&doc, &terms, &[], &opts)
                .into_iter()
                .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(0))
                .and_then(|f| f.evidence)
        };
        // Without the neighbour's link, the phrase around the linked word is taken in.
        assert_eq!(evidence(false).as_deref(), Some("trade economy"));
        // 'trade' renders 贸易: the evidence keeps the term's own word only.
        assert_eq!(evidence(true).as_deref(), Some("economy"));
    }

    #[test]
    fn a_loose_match_made_of_neighbours_translations_is_no_rendering() {
        let terms = glossary_terms("海洋经济\tocean economy\n");
        let dict = Dictionary::from_cedict_text(
            "海洋 海洋 [hai3 yang2] /ocean/marine/\n經濟 经济 [jing1 ji4] /economy/\n",
            "t",
        )
        .unwrap();
        let words = WordSegmenter::plain();
        // 'economy' and 'ocean' render 经济 and 海洋 of the first clause; the term's own
        // place holds 'this matter'.
        let p = AlignedPair::new(
            0,
            "经济靠海洋，海洋经济要发展。",
            "The economy lives by the ocean, and this matter must grow.",
        );
        let zh_tokens = words.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
        let en_tokens = words.tokenize(&p.en, 0, crate::segment::Lang::En);
        let zh_at = |w: &str| {
            zh_tokens
                .iter()
                .position(|t| &p.zh[t.start..t.end] == w)
                .unwrap() as u32
        };
        let en_at = |w: &str| {
            en_tokens
                .iter()
                .position(|t| &p.en[t.start..t.end] == w)
                .unwrap() as u32
        };
        let links = WordLinks {
            links: vec![
                (zh_at("经济"), en_at("economy")),
                (zh_at("海洋"), en_at("ocean")),
            ],
            zh_tokens: zh_tokens.clone(),
            en_tokens: en_tokens.clone(),
        };
        let opts = CheckOptions {
            dictionary: Some(&dict),
            links: Some(std::slice::from_ref(&links)),
            ..CheckOptions::default()
        };
        let found = check(std::slice::from_ref(&p), &terms, &[], &opts);
        assert_eq!(misses(&found).len(), 1, "{found:#?}");
        // Without the links the words are taken for the term's, as before.
        let blind = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        assert!(misses(&check(std::slice::from_ref(&p), &terms, &[], &blind)).is_empty());
    }

    #[test]
    fn a_term_is_located_through_its_word_links() {
        let terms = glossary_terms("营商环境\tbusiness environment\n");
        let words = WordSegmenter::plain();
        let p = AlignedPair::new(
            0,
            "我们优化了营商环境。",
            "We have improved the trading arrangements of the country.",
        );
        let zh_tokens = words.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
        let en_tokens = words.tokenize(&p.en, 0, crate::segment::Lang::En);
        let zh_at = |w: &str| zh_tokens.iter().position(|t| &p.zh[t.start..t.end] == w);
        let en_at = |w: &str| en_tokens.iter().position(|t| &p.en[t.start..t.end] == w);
        let term = zh_at("营商").or(zh_at("营商环境")).unwrap() as u32;
        let links = WordLinks {
            links: vec![
                (
                    zh_at("优化").unwrap() as u32,
                    en_at("improved").unwrap() as u32,
                ),
                (term, en_at("trading").unwrap() as u32),
                (term, en_at("arrangements").unwrap() as u32),
            ],
            zh_tokens: zh_tokens.clone(),
            en_tokens: en_tokens.clone(),
        };
        // The same link in two beads: the translation's own rendering, a warning.
        let doc = [p.clone(), AlignedPair { id: 1, ..p.clone() }];
        let doc_links = [links.clone(), links.clone()];
        let opts = CheckOptions {
            links: Some(&doc_links),
            ..CheckOptions::default()
        };
        let found = check(&doc, &terms, &[], &opts);
        let miss = found
            .iter()
            .find(|f| f.kind == FindingType::GlossaryMiss)
            .expect("a miss");
        assert_eq!(miss.severity, Severity::Warning, "{miss:#?}");
        // In one bead only, to words of no approved rendering: a stray link, a note.
        let one = CheckOptions {
            links: Some(std::slice::from_ref(&links)),
            ..CheckOptions::default()
        };
        let alone = check(std::slice::from_ref(&p), &terms, &[], &one);
        assert!(
            alone
                .iter()
                .any(|f| f.kind == FindingType::GlossaryMiss && f.severity == Severity::Info),
            "{alone:#?}"
        );
        assert_eq!(miss.evidence.as_deref(), Some("trading arrangements"));
        assert_eq!(miss.suggestion.as_deref(), Some("business environment"));
        assert!(
            miss.message.contains("'trading arrangements'"),
            "{}",
            miss.message
        );
    }

    /// The terms of a glossary given as TSV text.
    fn glossary_terms(tsv: &str) -> TermSet {
        TermSet::from_glossary(&crate::lexicon::parse_glossary_tsv(tsv, "g.tsv").unwrap())
    }

    /// A bead with word links from each Chinese word of `pairs` (every token it covers,
    /// however the segmenter cut it) to the English word given with it.
    fn linked_pair(
        id: usize,
        zh: &str,
        en: &str,
        pairs: &[(&str, &str)],
    ) -> (AlignedPair, WordLinks) {
        let words = WordSegmenter::plain();
        let p = AlignedPair::new(id, zh, en);
        let zh_tokens = words.tokenize(&p.zh, 0, crate::segment::Lang::Zh);
        let en_tokens = words.tokenize(&p.en, 0, crate::segment::Lang::En);
        let mut links: Vec<(u32, u32)> = pairs
            .iter()
            .flat_map(|(z, e)| {
                let at = p.zh.find(z).unwrap();
                let e = en_tokens.iter().position(|t| p.en[t.start..t.end] == **e);
                let e = e.unwrap() as u32;
                zh_tokens
                    .iter()
                    .enumerate()
                    .filter(move |(_, t)| t.start < at + z.len() && t.end > at)
                    .map(move |(i, _)| (i as u32, e))
            })
            .collect();
        links.sort_unstable();
        let l = WordLinks {
            links,
            zh_tokens,
            en_tokens,
        };
        (p, l)
    }

    #[test]
    fn a_stray_link_to_a_word_out_of_place_is_a_rendering() {
        let terms = glossary_terms("营商环境\tbusiness environment\n");
        let bead = |id: usize, zh: &str| {
            linked_pair(
                id,
                zh,
                "We have improved the arrangements.",
                &[("优化", "improved"), ("营商环境", "arrangements")],
            )
        };
        // 'arrangements' is what the document gives for 安排, twice.
        let (a, la) = linked_pair(
            1,
            "安排好了。",
            "The arrangements are made.",
            &[("安排", "arrangements")],
        );
        let (b, lb) = linked_pair(
            2,
            "安排很多。",
            "The arrangements are many.",
            &[("安排", "arrangements")],
        );
        let run = |zh: &str| {
            let (p, l) = bead(0, zh);
            let doc = [p, a.clone(), b.clone()];
            let doc_links = [l, la.clone(), lb.clone()];
            let opts = CheckOptions {
                links: Some(&doc_links),
                ..CheckOptions::default()
            };
            check(&doc, &terms, &[], &opts)
                .into_iter()
                .find(|f| f.kind == FindingType::GlossaryMiss && f.bead == Some(0))
                .expect("a miss")
                .severity
        };
        // Without 安排 in the bead the word came in without what it translates.
        assert_eq!(run("我们优化了营商环境。"), Severity::Warning);
        // With 安排 there, the link to the term may be a stray one: a note.
        assert_eq!(run("我们优化了营商环境安排。"), Severity::Info);
    }

    #[test]
    fn a_word_the_links_tie_to_no_other_word_is_the_terms() {
        let terms = glossary_terms("营商环境\tbusiness environment\n");
        let dict =
            Dictionary::from_cedict_text("安排 安排 [an1 pai2] /to arrange/arrangement/\n", "t")
                .unwrap();
        // 安排 is in the bead, and 'arrangements' may translate it.
        let run = |arrangements_to: Option<&str>| {
            let mut pairs = vec![("营商环境", "business"), ("优化", "improved")];
            pairs.extend(arrangements_to.map(|z| (z, "arrangements")));
            let (p, l) = linked_pair(
                0,
                "我们优化了营商环境，也有新安排。",
                "We improved the business arrangements, with new plans.",
                &pairs,
            );
            let opts = CheckOptions {
                dictionary: Some(&dict),
                links: Some(std::slice::from_ref(&l)),
                ..CheckOptions::default()
            };
            check(std::slice::from_ref(&p), &terms, &[], &opts)
                .into_iter()
                .find(|f| f.kind == FindingType::GlossaryMiss)
                .map(|f| f.severity)
        };
        // The links give 'arrangements' to 安排: a shortening, no warning.
        assert_ne!(run(Some("安排")), Some(Severity::Warning));
        // They give it to the term, or to nothing: the rendering has a word of its own.
        assert_eq!(run(Some("营商环境")), Some(Severity::Warning));
        assert_eq!(run(None), Some(Severity::Warning));
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
    fn a_name_part_inside_another_name_is_no_shortening() {
        let span_of = |en: &str, part: &str| {
            let at = en.find(part).unwrap();
            at..at + part.len()
        };
        let of_term = |w: &str| w == "Chinese";
        for en in [
            "Later Marten Haiyan came home.",
            "Later Haiyan Marten came home.",
        ] {
            assert!(
                inside_longer_name(en, &span_of(en, "Haiyan"), of_term),
                "{en}"
            );
        }
        // A title or a word of the term itself beside it, a sentence's first word, a
        // lower-case word, a comma between: a shortening as far as this goes.
        for (en, part) in [
            ("Later Haiyan came home.", "Haiyan"),
            ("The Haiyan we knew came home.", "Haiyan"),
            ("Everyone welcomed President Haiyan.", "Haiyan"),
            ("Then Dr. Haiyan smiled.", "Haiyan"),
            ("We met Marten, Haiyan and Lu.", "Haiyan"),
            ("The Chinese Communists met.", "Communists"),
            ("Later the Party met.", "Party"),
        ] {
            assert!(!inside_longer_name(en, &span_of(en, part), of_term), "{en}");
        }
    }

    #[test]
    fn a_miss_is_graded_by_what_the_english_shows() {
        let terms = one_term("数字经济", "digital economy");
        let pairs = [
            // the head after a possessive, the term not named before: shortened, with
            // no word that says it is wrong
            AlignedPair::new(0, "数字经济增长很快。", "Our economy grew fast."),
            // another modifier on the same head: a different wording to look at
            AlignedPair::new(1, "数字经济增长很快。", "The data economy grew fast."),
            // a pronoun with no antecedent
            AlignedPair::new(2, "数字经济增长很快。", "It grew fast."),
            AlignedPair::new(3, "数字经济很重要。", "The digital economy matters."),
            // a pronoun right after the term was rendered: fine
            AlignedPair::new(4, "数字经济增长很快。", "It grew fast."),
            AlignedPair::new(5, "今天天气很好。", "The weather is fine today."),
            // the head after a possessive once the term is named: fine
            AlignedPair::new(6, "数字经济增长很快。", "Our economy grew fast."),
            // nothing at all, in an English far short of its Chinese: left out
            AlignedPair::new(
                7,
                "我们今天上午在会上详细讨论了数字经济的发展。",
                "We met today.",
            ),
            // nothing of it, in an English as long as its Chinese: other words, a note
            AlignedPair::new(8, "我们今天讨论数字经济。", "We talk about farming today."),
        ];
        // One omission at a time (two make a habit, see below).
        let found = check(
            &[&pairs[..2], &pairs[3..7]].concat(),
            &terms,
            &[],
            &CheckOptions::default(),
        );
        assert_eq!(
            misses(&found),
            [
                (0, Severity::Info),
                (1, Severity::Warning),
                (4, Severity::Info),
                (6, Severity::Info),
            ],
            "{found:#?}"
        );
        for (omitted, severity) in [
            (&pairs[2], Severity::Info),
            (&pairs[7], Severity::Warning),
            (&pairs[8], Severity::Info),
        ] {
            let found = check(
                std::slice::from_ref(omitted),
                &terms,
                &[],
                &CheckOptions::default(),
            );
            assert_eq!(misses(&found), [(omitted.id, severity)], "{found:#?}");
        }
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let evidence = |b| {
            found
                .iter()
                .find(|f| f.bead == Some(b))
                .and_then(|f| f.evidence.clone())
        };
        assert_eq!(evidence(0).as_deref(), Some("Our economy"));
        assert_eq!(evidence(1).as_deref(), Some("data economy"));
    }

    #[test]
    fn a_term_the_translation_habitually_leaves_out_is_a_note() {
        let terms = one_term("方小川", "Fang Xiaochuan");
        let named = AlignedPair::new(0, "方小川来了。", "Fang Xiaochuan came.");
        let left_out =
            |id| AlignedPair::new(id, "方小川坐在门口的台阶上笑了很久。", "Everyone laughed.");
        let doc = |omitted: &[usize]| {
            let mut pairs: Vec<AlignedPair> = (0..12)
                .map(|id| AlignedPair {
                    id,
                    ..named.clone()
                })
                .collect();
            for &id in omitted {
                pairs[id] = left_out(id);
            }
            pairs
        };
        // Once in twelve: an omission worth a look.
        let found = check(&doc(&[5]), &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(5, Severity::Warning)], "{found:#?}");
        // Three times: the translator's way with the term, each a note.
        let found = check(&doc(&[3, 6, 9]), &terms, &[], &CheckOptions::default());
        assert_eq!(
            misses(&found),
            [
                (3, Severity::Info),
                (6, Severity::Info),
                (9, Severity::Info)
            ],
            "{found:#?}"
        );
        assert!(found[0].message.contains("3 of its 12"), "{found:#?}");
    }

    #[test]
    fn a_term_jieba_joins_to_the_next_character_once_is_checked() {
        // The segmenter cuts 小芳拿 as one word (jieba's dictionary has such joinings
        // of a name and a verb), which no dictionary knows: the name is checked as a
        // word of its own there. 中国家庭 is 中国 + 家庭: 国家 across the edge is no
        // occurrence, however often the English says 'state'.
        let dict = Dictionary::from_cedict_text("鑰匙 钥匙 [yao4 shi5] /key/\n", "t").unwrap();
        let words = WordSegmenter::with_words(["小芳拿"]);
        let opts = CheckOptions {
            dictionary: Some(&dict),
            words: &words,
            ..CheckOptions::default()
        };
        let terms = glossary_terms("小芳\tXiaofang\n国家\tstate\n");
        let mut pairs: Vec<AlignedPair> = (0..6)
            .map(|id| AlignedPair::new(id, "我们看见了小芳。", "We saw Xiaofang."))
            .collect();
        pairs.push(AlignedPair::new(
            6,
            "她叫小芳拿了钥匙。",
            "She told the girl to take the key.",
        ));
        for id in 7..12 {
            pairs.push(AlignedPair::new(
                id,
                "中国家庭的收入增加了。",
                "The income of households in the state rose.",
            ));
        }
        pairs.push(AlignedPair::new(
            12,
            "中国家庭的收入增加了。",
            "Household incomes in China rose.",
        ));
        let found = check(&pairs, &terms, &[], &opts);
        let beads: Vec<usize> = misses(&found).iter().map(|m| m.0).collect();
        assert_eq!(beads, [6], "{found:#?}");
    }

    #[test]
    fn a_pronoun_with_a_verb_contracted_onto_it_is_a_pronoun() {
        assert!(only_pronouns("I'll"));
        assert!(only_pronouns("they’re"));
        assert!(!only_pronouns("don't"));
        assert!(!only_pronouns("o'clock"));
    }

    #[test]
    fn a_term_inside_a_longer_word_is_checked_where_the_document_renders_it_there() {
        let terms = one_term("党员", "Party members");
        let doc = |en: &str, odd: &str| -> Vec<AlignedPair> {
            (0..6)
                .map(|id| {
                    let text = if id == 4 { odd } else { en };
                    AlignedPair::new(id, "党员干部要带头学习新规定。", text)
                })
                .collect()
        };
        // The other beads say 'Party members' for 党员 of 党员干部: bead 4 is checked.
        let found = check(
            &doc(
                "Party members and officials must lead in studying the new rules.",
                "Officials must lead in studying the new rules.",
            ),
            &terms,
            &[],
            &CheckOptions::default(),
        );
        assert_eq!(
            misses(&found).iter().map(|m| m.0).collect::<Vec<_>>(),
            [4],
            "{found:#?}"
        );
        // The translation renders the word as a whole throughout: no finding.
        let found = check(
            &doc(
                "Cadres must lead in studying the new rules.",
                "Officials must lead in studying the new rules.",
            ),
            &terms,
            &[],
            &CheckOptions::default(),
        );
        assert!(misses(&found).is_empty(), "{found:#?}");
    }

    #[test]
    fn a_rare_miss_is_a_warning_unless_a_word_of_the_rendering_is_there() {
        let terms = one_term("全党", "whole Party");
        // Rendered as approved in 11 of its 12 occurrences; the twelfth left untraced.
        let promoted = |en: &str| {
            let p = AlignedPair::new(5, "全党都要认真学习党的规定。", en);
            let mut out = vec![Finding::bead(
                FindingType::GlossaryMiss,
                Severity::Info,
                &p,
                format!("全党 is not rendered as 'whole Party'{NO_TRACE_FULL}"),
            )];
            let tally = Tally {
                occurrences: BTreeMap::from([(0, 12)]),
                rendered: BTreeMap::from([(0, 11)]),
                unlocated: BTreeMap::from([(0, vec![0])]),
                untraced: BTreeMap::from([(0, vec![0])]),
                ..Tally::default()
            };
            tally.promote_exceptions(&terms, &mut out);
            out[0].severity
        };
        // Nothing of it in the English: not the translator's way with it, a warning.
        assert_eq!(
            promoted("Everyone must study the rules."),
            Severity::Warning
        );
        // 'Party' there, for another word (党): the term may be folded into it.
        assert_eq!(
            promoted("Everyone must study the Party's rules."),
            Severity::Info
        );
    }

    #[test]
    fn a_located_word_that_translates_another_word_is_no_evidence() {
        let dict =
            Dictionary::from_cedict_text("全國 全国 [quan2 guo2] /whole nation/nationwide/\n", "t")
                .unwrap();
        let terms = one_term("海洋经济", "marine economy");
        let pairs = [
            // 'whole' translates 全国, not the term: the stray word is explained
            AlignedPair::new(0, "全国海洋经济", "The whole economy of the nation"),
            // 'farming' translates nothing here: a rendering of its own
            AlignedPair::new(1, "全国海洋经济", "The farming economy of the nation"),
        ];
        let opts = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        let found = check(&pairs, &terms, &[], &opts);
        assert_eq!(
            misses(&found),
            [(0, Severity::Info), (1, Severity::Warning)],
            "{found:#?}"
        );
    }

    #[test]
    fn words_that_translate_nothing_of_the_term_are_a_warning() {
        let mut t = TermSet::default();
        t.add("三个代表", &["Three Represents"], &[]);
        t.add("党的建设", &["Party building"], &[]);
        let terms = t.build();
        let pairs = [
            AlignedPair::new(
                0,
                "三个代表重要思想。",
                "The important thought of the Three Represents.",
            ),
            AlignedPair::new(
                1,
                "三个代表重要思想。",
                "The important thought of the Three arrangements.",
            ),
            AlignedPair::new(2, "加强党的建设。", "Strengthen Party affairs."),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(
            misses(&found),
            [(1, Severity::Warning), (2, Severity::Warning)],
            "{found:#?}"
        );
        assert_eq!(found[0].evidence.as_deref(), Some("Three arrangements"));
        assert!(
            found[0]
                .message
                .contains("'arrangements' translates none of it")
        );
        assert_eq!(found[1].evidence.as_deref(), Some("Party affairs"));
    }

    #[test]
    fn an_approved_rendering_with_one_word_changed_is_a_warning() {
        let mut t = TermSet::default();
        t.add(
            "生态文明",
            &[
                "ecological civilization with local roots",
                "local civilization",
            ],
            &[],
        );
        t.add("珠江三角洲", &["Pearl River Delta"], &[]);
        let terms = t.build();
        let pairs = [
            // The looser 'local civilization' ('civilization with local') is not taken
            // for the longer rendering with 'roots' changed.
            AlignedPair::new(
                0,
                "建设生态文明。",
                "Build an ecological civilization with local green.",
            ),
            AlignedPair::new(
                1,
                "珠江三角洲的城市。",
                "Cities of the Pearl River Outlook.",
            ),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let swapped: Vec<(usize, Severity, Option<&str>)> = found
            .iter()
            .filter(|f| f.message.contains("translates none of it"))
            .map(|f| {
                (
                    f.bead.unwrap_or(usize::MAX),
                    f.severity,
                    f.evidence.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            swapped,
            [
                (
                    0,
                    Severity::Warning,
                    Some("ecological civilization with local green")
                ),
                (1, Severity::Warning, Some("Pearl River Outlook"))
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_changed_word_is_found_past_punctuation_and_scattered_words() {
        let mut t = TermSet::default();
        t.add("一体两翼", &["one body, two wings"], &[]);
        t.add("海洋文明", &["local civilization"], &[]);
        t.add("个人主义", &["individualism"], &[]);
        let terms = t.build();
        let pairs = [
            // The rendering's own comma does not end the clause it is matched in.
            AlignedPair::new(0, "坚持一体两翼。", "Keep to one body, two engines."),
            // Its words scattered elsewhere in the sentence are not the rendering
            // when the wording with one word changed is there.
            AlignedPair::new(
                1,
                "文明是本地的，要建设海洋文明。",
                "Civilization is local, and we build a local outlook.",
            ),
            // 'individual' is not 'individualism'.
            AlignedPair::new(2, "反对个人主义。", "They oppose individual plans."),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let beads: Vec<usize> = found
            .iter()
            .filter(|f| f.kind == FindingType::GlossaryMiss)
            .filter_map(|f| f.bead)
            .collect();
        assert_eq!(beads, [0, 1, 2], "{found:#?}");
        let misses: Vec<&Finding> = found
            .iter()
            .filter(|f| f.kind == FindingType::GlossaryMiss)
            .collect();
        assert_eq!(misses[0].evidence.as_deref(), Some("one body, two engines"));
        assert_eq!(misses[0].severity, Severity::Warning);
        assert_eq!(misses[1].evidence.as_deref(), Some("local outlook"));
    }

    #[test]
    fn a_part_rendered_with_a_word_changed_is_no_core_rendered_as_approved() {
        let mut t = TermSet::default();
        t.add("保护海洋文明", &["protect maritime civilization"], &[]);
        t.add("海洋文明", &["maritime civilization"], &[]);
        let terms = t.build();
        let pairs = [AlignedPair::new(
            0,
            "我们一起保护海洋文明。",
            "Maritime trade built civilization, and together we guard a maritime outlook.",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Warning)], "{found:#?}");
    }

    #[test]
    fn the_speaker_of_a_quotation_may_be_left_out() {
        let terms = one_term("方小川", "Fang Xiaochuan");
        let pairs = [
            AlignedPair::new(0, "方小川笑道：“我不去。”", "'I'm not going.'"),
            AlignedPair::new(1, "方小川说什么也不肯跟他们一起去城里。", "He stays."),
        ];
        // The glossary's terms are jieba's words, as Resources::load makes them.
        let words = WordSegmenter::with_words(["方小川"]);
        let opts = CheckOptions {
            words: &words,
            ..CheckOptions::default()
        };
        let found = check(&pairs[..1], &terms, &[], &opts);
        assert_eq!(misses(&found), [(0, Severity::Info)], "{found:#?}");
        let found = check(&pairs[1..], &terms, &[], &opts);
        assert_eq!(misses(&found), [(1, Severity::Warning)], "{found:#?}");
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
        assert_eq!(
            found[0].evidence.as_deref(),
            Some("sustainable devlopment"),
            "{found:#?}"
        );
    }

    #[test]
    fn the_approved_wording_in_another_form_is_a_note() {
        let terms = one_term("低血糖", "hypoglycaemia");
        let pairs = [AlignedPair::new(
            0,
            "两组低血糖事件都很少。",
            "Hypoglycaemic events were rare in both groups.",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Info)], "{found:#?}");
        assert!(found[0].message.contains("another form"), "{found:#?}");
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
            found[0]
                .message
                .contains("other words: 'governance of data'"),
            "{found:#?}"
        );
        // Without a dictionary only the shared word 'data' shows: a part of the term,
        // nothing that says it is wrong.
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Info)], "{found:#?}");
        assert!(found[0].message.contains("only 'data' here"), "{found:#?}");
    }

    #[test]
    fn a_neighbours_word_drawn_into_the_approved_wording_is_a_note() {
        // 电芯 + 最大温差: English puts 'cell' inside the compound.
        let mut terms = TermSet::default();
        terms.add("电芯", &["cell"], &[]);
        terms.add("最大温差", &["maximum temperature difference"], &[]);
        let terms = terms.build();
        let pairs = [
            AlignedPair::new(
                0,
                "最大温差不超过5 ℃。",
                "The maximum temperature difference stays below 5 °C.",
            ),
            AlignedPair::new(
                1,
                "风冷时电芯最大温差为8 ℃。",
                "With air cooling the maximum cell temperature difference is 8 °C.",
            ),
            AlignedPair::new(
                2,
                "风冷时电芯最大温差为8 ℃。",
                "With air cooling the maximum cell voltage difference is 8 °C.",
            ),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        let of = |b: usize| {
            misses(&found)
                .into_iter()
                .filter(|&(x, _)| x == b)
                .map(|(_, s)| s)
                .collect::<Vec<_>>()
        };
        assert_eq!(of(1), [Severity::Info], "{found:#?}");
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("with 'cell' of the words beside it")),
            "{found:#?}"
        );
        // A word of its own in the compound is still a rewording.
        assert_eq!(of(2), [Severity::Warning], "{found:#?}");
    }

    #[test]
    fn a_reworded_heading_is_a_note() {
        // Shortened in the heading, a note; with a word that translates nothing of
        // the term ('Data Economy'), a warning there as in the text.
        let terms = one_term("数字经济", "digital economy");
        let pairs = [
            AlignedPair::new(0, "发展数字经济", "Growing the Economy"),
            AlignedPair::new(1, "发展数字经济", "Growing the Data Economy"),
            AlignedPair::new(2, "发展数字经济。", "Growing the data economy."),
        ];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(
            misses(&found),
            [
                (0, Severity::Info),
                (1, Severity::Warning),
                (2, Severity::Warning)
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_heading_with_a_word_that_translates_nothing_is_a_warning() {
        let terms = one_term("全国人民代表大会", "National People's Congress");
        let pairs = [AlignedPair::new(
            0,
            "关于全国人民代表大会的说明",
            "Notes on the Outlook People's Congress",
        )];
        let found = check(&pairs, &terms, &[], &CheckOptions::default());
        assert_eq!(misses(&found), [(0, Severity::Warning)], "{found:#?}");
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
