//! A Chinese sentence the English leaves out. The aligner joins a sentence left
//! untranslated to its neighbour (a 2-1 bead), so an omission hides inside a bead
//! whose other sentences are translated: one sentence none of whose words the English
//! translates (by the dictionary; words of two characters or more), beside sentences
//! whose words it does, in an English markedly short for its Chinese (the length
//! model's lower tail), or with so many words untranslated that the document's rate
//! of translated words makes it unlikely by chance. Or the aligner pairs the sentence with a neighbour's English (a
//! 1-1 bead): an English that translates none of its words, which the document's rate
//! of translated words makes unlikely by chance.

use std::collections::HashSet;
use std::ops::Range;

use super::length::LengthModel;
use super::{CheckOptions, Finding, FindingType, Severity};
use crate::lexicon::{Dictionary, english_stem, is_zh_function_word, stems_match};
use crate::pairs::AlignedPair;
use crate::script::is_han;
use crate::segment::Lang;

/// Fewer dictionary words than this in a sentence are too little evidence that
/// nothing of it was translated.
const MIN_KNOWN_WORDS: usize = 2;

/// Without the length's evidence, at least this many dictionary words untranslated:
/// at a rate of translated words near one, two would pass the chance test.
const MIN_UNLIKELY_WORDS: usize = 4;

/// The other sentences of the bead must have at least this share of their dictionary
/// words translated: the dictionary works for this translation.
const MIN_OTHERS_RENDERED: f64 = 0.5;

/// Sentences of a Chinese text: byte ranges, each ending after its final 。！？ (or at
/// the end of the text).
fn zh_sentences(zh: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in zh.char_indices() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let end = i + c.len_utf8();
            // Closing quotes and brackets belong to the sentence they close.
            let end = end
                + zh[end..]
                    .chars()
                    .take_while(|c| matches!(c, '”' | '’' | '」' | '』' | '）' | ')'))
                    .map(char::len_utf8)
                    .sum::<usize>();
            if end > start {
                out.push(start..end);
            }
            start = end;
        }
    }
    if zh[start..].chars().any(is_han) {
        out.push(start..zh.len());
    }
    out.retain(|r| zh[r.clone()].chars().any(is_han));
    out
}

/// The words of a sentence the dictionary knows, each with the English words
/// (stems) of the bead it may be translated by (none: not translated).
fn word_renderings<'w>(
    zh: &'w str,
    range: &Range<usize>,
    en_stems: &'w HashSet<String>,
    en_words: &'w [&str],
    dict: &'w Dictionary,
    opts: &CheckOptions,
) -> impl Iterator<Item = Vec<String>> + 'w {
    let tokens = opts
        .words
        .tokenize(&zh[range.clone()], range.start, Lang::Zh);
    tokens.into_iter().filter_map(move |t| {
        let word = &zh[t.start..t.end];
        // One-character words have glosses for nearly anything ('new', 'to be'):
        // no evidence either way.
        if word.chars().count() < 2 || !word.chars().all(is_han) || is_zh_function_word(word) {
            return None;
        }
        let stems = dict.word_gloss_stems(word);
        if stems.is_empty() {
            // A name the dictionary lacks is translated by its pinyin (李明华 'Li
            // Minghua').
            return spelled_name(word, en_words, dict);
        }
        Some(
            en_stems
                .iter()
                .filter(|e| stems.iter().any(|s| stems_match(s, e)))
                .cloned()
                .collect(),
        )
    })
}

/// Longest name a Chinese name becomes in English: 'Wang Xi-feng', 'Yu Zhan'ao'.
const NAME_MAX_WORDS: usize = 3;

/// The stems of capitalised English words, one after the other, that spell `word` by
/// the pinyin of its characters; None when no such words are there.
fn spelled_name(word: &str, en_words: &[&str], dict: &Dictionary) -> Option<Vec<String>> {
    (0..en_words.len())
        .filter(|&i| en_words[i].starts_with(|c: char| c.is_uppercase()))
        .find_map(|i| {
            (1..=NAME_MAX_WORDS.min(en_words.len() - i))
                .map(|n| &en_words[i..i + n])
                .find(|ws| crate::lexicon::name_matches_reading(word, ws, dict))
        })
        .map(|ws| ws.iter().map(|w| english_stem(w)).collect())
}

/// How unlikely, at the document's rate of translated words, a sentence whose English
/// translates none of its dictionary words must be to be reported (one in a hundred,
/// the usual significance level): its English is another's or says something else,
/// not a free translation. At one in thirty, free literary translation is reported.
const UNRELATED_CHANCE: f64 = 0.01;

/// Beads the rate of translated words is estimated from.
const RATE_SAMPLE_BEADS: usize = 200;

/// The share of the Chinese dictionary words of all beads that have a translation in
/// their bead's English: how far the dictionary traces this translation (a free
/// literary translation far less than a policy text).
pub(super) fn trace_rate(pairs: &[AlignedPair], opts: &CheckOptions) -> f64 {
    let Some(dict) = opts.dictionary else {
        return 0.0;
    };
    let (mut known, mut traced) = (0usize, 0usize);
    // A rate is well estimated from a few hundred beads spread over the document.
    let step = pairs.len().div_ceil(RATE_SAMPLE_BEADS).max(1);
    for p in pairs.iter().step_by(step) {
        let (en_words, en_stems) = english_words(p, opts);
        for w in word_renderings(&p.zh, &(0..p.zh.len()), &en_stems, &en_words, dict, opts) {
            known += 1;
            traced += usize::from(!w.is_empty());
        }
    }
    traced as f64 / known.max(1) as f64
}

/// The English words of a bead and their stems.
fn english_words<'p>(p: &'p AlignedPair, opts: &CheckOptions) -> (Vec<&'p str>, HashSet<String>) {
    let en_tokens = opts.words.tokenize(&p.en, 0, Lang::En);
    let en_words: Vec<&str> = en_tokens.iter().map(|t| &p.en[t.start..t.end]).collect();
    let en_stems = en_words.iter().map(|w| english_stem(w)).collect();
    (en_words, en_stems)
}

/// A one-sentence bead whose English translates none of its dictionary words, when
/// that is unlikely at the document's rate (`rate`) of translated words: the English
/// is another sentence's (its own left out), or says something else.
fn unrelated_english(
    p: &AlignedPair,
    r: &Range<usize>,
    dict: &Dictionary,
    opts: &CheckOptions,
    rate: f64,
    out: &mut Vec<Finding>,
) {
    let (en_words, en_stems) = english_words(p, opts);
    // Counted up to the first word the English translates (most beads: the first).
    let mut known: i32 = 0;
    for w in word_renderings(&p.zh, r, &en_stems, &en_words, dict, opts) {
        if !w.is_empty() {
            return;
        }
        known += 1;
    }
    if (1.0 - rate).powi(known) >= UNRELATED_CHANCE {
        return;
    }
    let mut f = Finding::bead(
        FindingType::Omission,
        Severity::Warning,
        p,
        format!(
            "the English does not seem to translate the Chinese: none of its {known} words \
             the dictionary knows has a translation in the English, where the document \
             translates {:.0}% of them",
            100.0 * rate
        ),
    );
    f.set_spans(Some(r.clone()), None, &p.en);
    out.push(f);
}

/// A sentence of a bead of several the English leaves out, or a one-sentence bead
/// whose English is not its translation, as a warning (`trace_rate`: the document's).
pub(super) fn check_omission(
    p: &AlignedPair,
    length: &LengthModel,
    opts: &CheckOptions,
    trace_rate: f64,
    out: &mut Vec<Finding>,
) {
    let Some(dict) = opts.dictionary else {
        return;
    };
    let sentences = zh_sentences(&p.zh);
    if sentences.len() == 1 {
        unrelated_english(p, &sentences[0], dict, opts, trace_rate, out);
        return;
    }
    if sentences.len() < 2 {
        return;
    }
    let short = length.is_short(&p.zh, &p.en);
    let (en_words, en_stems) = english_words(p, opts);
    let words: Vec<Vec<Vec<String>>> = sentences
        .iter()
        .map(|r| word_renderings(&p.zh, r, &en_stems, &en_words, dict, opts).collect())
        .collect();
    for (k, r) in sentences.iter().enumerate() {
        let others = || words.iter().enumerate().filter(move |&(j, _)| j != k);
        // An English word the other sentences' words account for is no trace of this
        // one (a topic word both sentences share: 'digital' for 数字 twice).
        let theirs: HashSet<&String> = others().flat_map(|(_, ws)| ws.iter().flatten()).collect();
        let known = words[k].len();
        let traced = words[k]
            .iter()
            .filter(|en| en.iter().any(|e| !theirs.contains(e)))
            .count();
        // In an English markedly short, two words untranslated say the sentence went;
        // else (a long neighbour's English hides the length a sentence leaves) as many
        // as the document's rate of translated words makes unlikely by chance, none
        // of them with a translation anywhere in the English, shared or not.
        let unlikely = known >= MIN_UNLIKELY_WORDS
            && (1.0 - trace_rate).powi(known as i32) < UNRELATED_CHANCE
            && words[k].iter().all(Vec::is_empty);
        if known < MIN_KNOWN_WORDS || traced > 0 || !(short || unlikely) {
            continue;
        }
        let (others_known, others_rendered) =
            others().flat_map(|(_, ws)| ws).fold((0, 0), |(n, r), en| {
                (n + 1, r + usize::from(!en.is_empty()))
            });
        if others_known == 0 || (others_rendered as f64) < MIN_OTHERS_RENDERED * others_known as f64
        {
            continue;
        }
        let sentence = p.zh[r.clone()].trim();
        let mut f = Finding::bead(
            FindingType::Omission,
            Severity::Warning,
            p,
            format!(
                "the English seems to leave out a sentence: {sentence} (none of its {known} \
                 words the dictionary knows has a translation of its own in the English; \
                 most of the other sentences' words have)"
            ),
        );
        f.term = Some(sentence.to_string());
        f.set_spans(Some(r.clone()), None, &p.en);
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_after_their_closing_quotes() {
        let zh = "他说：“好。”我们走吧！还有";
        let s: Vec<&str> = zh_sentences(zh).into_iter().map(|r| &zh[r]).collect();
        assert_eq!(s, ["他说：“好。”", "我们走吧！", "还有"]);
    }

    /// The omission findings (bead, sentence) of six well translated beads and `last`.
    fn omissions_after_six_good_beads(last: (&str, &str)) -> Vec<(usize, String)> {
        let mut pairs: Vec<AlignedPair> = (0..6)
            .map(|i| {
                AlignedPair::new(
                    i,
                    "我们要加强国际合作，推动经济发展和社会进步。",
                    "We must strengthen international cooperation and promote economic development and social progress.",
                )
            })
            .collect();
        pairs.push(AlignedPair::new(6, last.0, last.1));
        let dict = Dictionary::Embedded;
        let opts = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        let found =
            crate::check::check(&pairs, &crate::check::terms::TermSet::default(), &[], &opts);
        found
            .iter()
            .filter(|f| f.kind == FindingType::Omission)
            .filter_map(|f| Some((f.bead?, f.term.clone().unwrap_or_default())))
            .collect()
    }

    #[test]
    fn an_english_that_translates_nothing_of_its_sentence_is_a_warning() {
        let found = omissions_after_six_good_beads((
            "我们要加强国际合作，推动经济发展和社会进步。",
            "The weather in the mountains turned cold that night.",
        ));
        assert_eq!(
            found.iter().map(|f| f.0).collect::<Vec<_>>(),
            [6],
            "{found:#?}"
        );
    }

    #[test]
    fn a_sentence_left_out_beside_a_long_english_is_a_warning() {
        // The English of the first sentence is long enough to hide the second's length:
        // seven dictionary words untranslated at a rate near one say it went.
        let found = omissions_after_six_good_beads((
            "我们要加强国际合作，推动经济发展和社会进步。农村基础设施建设仍然相对落后。",
            "We must strengthen international cooperation in every field, with every partner and at every level, and promote economic development and social progress at home and abroad.",
        ));
        assert_eq!(
            found,
            [(6, "农村基础设施建设仍然相对落后。".to_string())],
            "{found:#?}"
        );
    }

    #[test]
    fn a_name_is_traced_by_its_pinyin() {
        let d = Dictionary::Embedded;
        let en = ["that", "Li", "Minghua", "would", "come", "back"];
        assert_eq!(
            spelled_name("李明华", &en, &d),
            Some(vec!["li".to_string(), "minghua".to_string()])
        );
        assert_eq!(spelled_name("张国强", &en, &d), None);
        // Only capitalised words start a name.
        assert_eq!(spelled_name("李明华", &["li", "minghua"], &d), None);
    }
}
