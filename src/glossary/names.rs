//! Terms the translation writes as names.
//!
//! Co-occurrence needs a term to recur, and a dictionary vouches only for the words it
//! lists; but a phrase written with capitals inside an English sentence ('Bluestone
//! Pier', 'Ministry of Rivers', 'Eastern Sea Trading Company') names one thing, however rarely
//! the text uses it. Its Chinese is the span the word links tie to it, consistently
//! (no link leaves the box, the phrase-extraction rule), and where the name recurs the
//! span most of its occurrences agree on.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::boundaries::{most_frequent, word_keys};
use super::candidates::{english_word_key, written_as_name};
use super::pairing::round3;
use super::{GlossaryOptions, TermPair};
use crate::lexicon::{
    Resources, gloss_stems, is_english_stopword, is_zh_function_word, name_matches_reading,
};
use crate::pairs::AlignedPair;
use crate::script::is_han;
use crate::wordalign::WordLinks;

/// Add a pair for each name whose Chinese no kept term holds yet.
pub fn add(
    terms: &mut Vec<TermPair>,
    beads: &[AlignedPair],
    links: &[WordLinks],
    resources: &Resources,
    opts: &GlossaryOptions,
) {
    let params = &opts.params;
    // Per name (word keys): the Chinese span of each occurrence (None: no consistent
    // one) and the surface forms.
    let mut seen: HashMap<Vec<String>, Occurrences> = HashMap::default();
    for (b, (bead, l)) in beads.iter().zip(links).enumerate() {
        if super::pairing::title_cased(&bead.en) || !bead.en.chars().any(char::is_lowercase) {
            continue;
        }
        for run in name_runs(&bead.en, &l.en_tokens) {
            let surface = &bead.en[l.en_tokens[run.start].start..l.en_tokens[run.end - 1].end];
            let key = word_keys(surface);
            let entry = seen.entry(key).or_default();
            entry.surfaces.push(surface.to_string());
            entry
                .spans
                .push(chinese_span(bead, l, &run).map(|zh| (zh, b)));
        }
    }
    let rendered: FxHashSet<Vec<String>> = terms.iter().map(|t| word_keys(&t.en)).collect();
    let held: FxHashSet<&str> = terms.iter().map(|t| t.zh.as_str()).collect();
    let mut added = Vec::new();
    for (key, occ) in seen {
        if rendered.contains(&key) {
            continue;
        }
        let mut votes: HashMap<&str, Vec<usize>> = HashMap::default();
        for (zh, b) in occ.spans.iter().flatten() {
            votes.entry(zh.as_str()).or_default().push(*b);
        }
        let Some((zh, with)) = votes
            .into_iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
        else {
            continue;
        };
        let name = most_frequent(occ.surfaces).unwrap_or_default();
        // Most occurrences of the name must agree on its Chinese. Word-level evidence
        // vouches for the pair, so the floor is that of supported terms.
        if with.len() < opts.min_freq_supported
            || 2 * with.len() <= occ.spans.len()
            || held.contains(zh)
            || !vouched(zh, &name, resources)
        {
            continue;
        }
        let zh_beads = beads.iter().filter(|p| p.zh.contains(zh)).count();
        let dice = 2.0 * with.len() as f64 / (zh_beads + occ.spans.len()) as f64;
        if dice < params.name_min_dice {
            continue;
        }
        let mut examples: Vec<usize> = with.iter().map(|&b| beads[b].id).collect();
        examples.dedup();
        examples.truncate(params.examples);
        added.push(TermPair {
            zh: zh.to_string(),
            en: name,
            score: round3(dice * (1.0 + with.len() as f64).ln() * params.name_weight),
            log_dice: round3(14.0 + dice.log2()),
            frequency: zh_beads,
            cooccurrence: with.len(),
            renderings: Vec::new(),
            known: false,
            examples,
        });
    }
    // A part of a longer term whose rendering holds the name is its fragment (海燕
    // 'Haiyan' of 周海燕 'Zhou Haiyan').
    let keys: Vec<(String, Vec<String>)> = terms
        .iter()
        .chain(&added)
        .map(|t| (t.zh.clone(), word_keys(&t.en)))
        .collect();
    added.retain(|a| {
        let key = word_keys(&a.en);
        !keys.iter().any(|(zh, en)| {
            zh.len() > a.zh.len()
                && zh.contains(&a.zh)
                && en.windows(key.len().max(1)).any(|w| w == key.as_slice())
        })
    });
    added.sort_by(|a, b| a.zh.cmp(&b.zh));
    terms.extend(added);
}

/// A name rendered by part of its spelling (a surname the translation mostly calls a
/// person by) is rendered in full where the text spells all of it at least once: the
/// full spelling is the entry a termbase wants, the short one another rendering.
pub fn spelled_in_full(
    terms: &mut [TermPair],
    beads: &[AlignedPair],
    resources: &Resources,
    examples: usize,
) {
    let Some(dict) = resources.dictionary.as_ref() else {
        return;
    };
    for term in terms.iter_mut() {
        let chars: Vec<usize> = term.zh.char_indices().map(|(at, _)| at).collect();
        if !(2..=4).contains(&chars.len()) || !term.zh.chars().all(is_han) {
            continue;
        }
        let words: Vec<&str> = term.en.split_whitespace().collect();
        let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
        if words.is_empty() || !words.iter().all(capitalised) {
            continue;
        }
        let part = chars[1..].iter().any(|&at| {
            name_matches_reading(&term.zh[..at], &words, dict)
                || name_matches_reading(&term.zh[at..], &words, dict)
        });
        if !part {
            continue;
        }
        let mut full: HashMap<String, Vec<usize>> = HashMap::default();
        for bead in beads.iter().filter(|b| b.zh.contains(term.zh.as_str())) {
            let en: Vec<&str> = bead
                .en
                .split_whitespace()
                .map(|w| possessive_dropped(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect();
            for n in 1..=chars.len() {
                for window in en.windows(n) {
                    if window.iter().all(capitalised)
                        && name_matches_reading(&term.zh, window, dict)
                    {
                        full.entry(window.join(" ")).or_default().push(bead.id);
                    }
                }
            }
        }
        let Some((name, ids)) = full
            .into_iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(&a.0)))
        else {
            continue;
        };
        let short = std::mem::replace(&mut term.en, name);
        term.renderings.insert(
            0,
            super::Rendering {
                en: short,
                count: term.cooccurrence,
                beads: term.examples.clone(),
                known: term.known,
            },
        );
        let mut ids = ids;
        ids.dedup();
        term.cooccurrence = ids.len();
        ids.truncate(examples);
        term.examples = ids;
    }
}

/// The text without a closing possessive ('Haiyan’s', 'workers''); a lone apostrophe
/// only after an s, and not where it closes a quotation the text opened ('‘Four
/// Seasons’').
fn possessive_dropped(text: &str) -> &str {
    if let Some(kept) = ["'s", "’s"]
        .iter()
        .find_map(|p| text.strip_suffix(p).filter(|w| !w.is_empty()))
    {
        return kept;
    }
    if text.contains('‘') || text.starts_with('\'') {
        return text;
    }
    ["'", "’"]
        .iter()
        .find_map(|p| text.strip_suffix(p).filter(|w| w.ends_with('s')))
        .unwrap_or(text)
}

/// A rendering closing on a possessive ('Zhou Haiyan's') was cut from a phrase where the
/// name owned something: the term is the name without it, and so are its other
/// renderings.
pub fn possessives_dropped(terms: &mut [TermPair]) {
    let drop = |en: &mut String| {
        let kept = possessive_dropped(en);
        if kept.len() < en.len() && kept.chars().any(char::is_alphanumeric) {
            *en = kept.trim_end().to_string();
        }
    };
    for term in terms.iter_mut() {
        drop(&mut term.en);
        term.renderings.iter_mut().for_each(|r| drop(&mut r.en));
    }
}

/// Do the Chinese words say one of the name's words? A dictionary gloss of the span or
/// of a word inside it names it (海关 'Customs', 青石码头 'Bluestone Pier'), or part
/// of the span spells it in pinyin (周海燕 'Zhou Haiyan'). The links alone are not
/// enough: a name no word accounts for is as often linked to its neighbour.
fn vouched(zh: &str, name: &str, resources: &Resources) -> bool {
    let Some(dict) = resources.dictionary.as_ref() else {
        return false;
    };
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty() && !is_english_stopword(&w.to_lowercase()))
        .collect();
    let stems: Vec<String> = words.iter().map(|w| english_word_key(w)).collect();
    let mut inner: Vec<&str> = vec![zh];
    inner.extend(
        resources
            .words
            .jieba()
            .cut_for_search(zh, false)
            .into_iter()
            .map(|t| t.word),
    );
    let glossed = inner.iter().any(|w| {
        dict.glosses(w)
            .iter()
            .flat_map(|g| g.split(';'))
            .flat_map(gloss_stems)
            .any(|g| stems.contains(&g))
    });
    let chars: Vec<(usize, char)> = zh.char_indices().collect();
    glossed
        || words.iter().any(|w| {
            (0..chars.len()).any(|i| {
                (i + 1..=chars.len()).any(|j| {
                    let end = chars.get(j).map_or(zh.len(), |c| c.0);
                    name_matches_reading(&zh[chars[i].0..end], &[w], dict)
                })
            })
        })
}

#[derive(Default)]
struct Occurrences {
    spans: Vec<Option<(String, usize)>>,
    surfaces: Vec<String>,
}

/// Token ranges of the phrases written as names inside the sentences of `en`:
/// capitalised words, joined by spaces or hyphens, with 'of', 'the' or 'for' between
/// two of them; a sentence's first word and 'I' say nothing. 'and' joins two names more
/// often than it is part of one ('Hume and Kant').
fn name_runs(en: &str, tokens: &[crate::segment::words::Token]) -> Vec<Range<usize>> {
    let word = |i: usize| &en[tokens[i].start..tokens[i].end];
    let capital = |i: usize| {
        let w = word(i);
        w.starts_with(|c: char| c.is_uppercase())
            && !matches!(
                w,
                "I" | "I’m" | "I'm" | "I’ll" | "I'll" | "I’d" | "I'd" | "I’ve" | "I've"
            )
    };
    let joined = |i: usize| {
        en[tokens[i - 1].end..tokens[i].start]
            .chars()
            .all(|c| c == ' ' || c == '-')
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let before = &en[..tokens[i].start];
        // A quotation opens a sentence of its own, after a comma too.
        let quoted = before.trim_end().ends_with(['“', '‘', '"', '\'']);
        if !capital(i) || quoted || super::candidates::opens_sentence(before) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < tokens.len() && joined(end) && capital(end) {
                end += 1;
            } else if end + 1 < tokens.len()
                && joined(end)
                && joined(end + 1)
                && matches!(word(end), "of" | "the" | "for")
                && capital(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        // Two words in capitals are text set in capitals (a heading), not a name.
        let set_in_capitals = (i..end)
            .filter(|&k| {
                let w = word(k);
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            })
            .count()
            >= 2;
        // 'Euler’s' qualifies the noun after it, which its links take in.
        let possessive = word(end - 1).ends_with("’s") || word(end - 1).ends_with("'s");
        if !set_in_capitals
            && !possessive
            && written_as_name(&en[tokens[i].start..tokens[end - 1].end])
        {
            runs.push(i..end);
        }
        i = end;
    }
    runs
}

/// The Chinese the links tie to the English tokens `run`, when no link of it leaves the
/// run and no link of the run leaves it; function words at its edges are left out.
fn chinese_span(bead: &AlignedPair, l: &WordLinks, run: &Range<usize>) -> Option<String> {
    let inside = |e: u32| run.contains(&(e as usize));
    let zh: Vec<u32> = l
        .links
        .iter()
        .filter(|&&(_, e)| inside(e))
        .map(|&(z, _)| z)
        .collect();
    let (&first, &last) = (zh.iter().min()?, zh.iter().max()?);
    // Every link of the span's words stays inside the run, and the words between the
    // linked ones are linked into the run or not at all.
    if l.links
        .iter()
        .any(|&(z, e)| (first..=last).contains(&z) && !inside(e))
    {
        return None;
    }
    let tokens = &l.zh_tokens[first as usize..=last as usize];
    let mut from = 0;
    let mut to = tokens.len();
    while from < to && is_zh_function_word(&tokens[from].key) {
        from += 1;
    }
    while to > from && is_zh_function_word(&tokens[to - 1].key) {
        to -= 1;
    }
    if from == to {
        return None;
    }
    let text = &bead.zh[tokens[from].start..tokens[to - 1].end];
    (text.chars().count() >= 2 && text.chars().all(is_han)).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::words::Token;

    fn tokens(en: &str) -> Vec<Token> {
        crate::segment::words::WordSegmenter::plain().tokenize(en, 0, crate::segment::Lang::En)
    }

    fn runs(en: &str) -> Vec<String> {
        let t = tokens(en);
        name_runs(en, &t)
            .into_iter()
            .map(|r| en[t[r.start].start..t[r.end - 1].end].to_string())
            .collect()
    }

    fn extract(rows: &[(&str, &str)]) -> Vec<TermPair> {
        let pairs: Vec<AlignedPair> = rows
            .iter()
            .enumerate()
            .map(|(i, (zh, en))| AlignedPair::new(i, zh, en))
            .collect();
        let resources = Resources::default_embedded().unwrap();
        super::super::extract(
            &pairs,
            &resources,
            &super::super::GlossaryOptions::default(),
        )
    }

    const FILLER: [(&str, &str); 3] = [
        ("河边有一座小房子。", "There is a small house by the river."),
        ("孩子们在院子里玩。", "The children play in the yard."),
        ("晚上下了一场大雨。", "It rained heavily in the evening."),
    ];

    #[test]
    fn a_word_seen_once_pairs_with_the_name_its_links_tie_it_to() {
        let mut rows = FILLER.to_vec();
        rows.push((
            "那批走私货物被海关查获了。",
            "The smuggled goods were seized by Customs.",
        ));
        let terms = extract(&rows);
        assert!(
            terms.iter().any(|t| t.zh == "海关" && t.en == "Customs"),
            "{terms:?}"
        );
        // Written in lower case, the same word seen once is no term.
        let mut rows = FILLER.to_vec();
        rows.push((
            "那批走私货物被海关查获了。",
            "The smuggled goods were seized by customs.",
        ));
        assert!(!extract(&rows).iter().any(|t| t.zh == "海关"));
    }

    #[test]
    fn a_name_is_vouched_for_by_a_gloss_or_by_pinyin_not_by_links_alone() {
        let resources = Resources::default_embedded().unwrap();
        assert!(vouched("海关", "Customs", &resources));
        assert!(vouched("青石码头", "Bluestone Pier", &resources));
        assert!(vouched("周海燕", "Zhou Haiyan", &resources));
        assert!(!vouched("想起", "Plato", &resources));
        assert!(!vouched("大国", "Northern", &resources));
    }

    #[test]
    fn names_inside_sentences_are_found_and_sentence_openers_are_not() {
        assert_eq!(
            runs("Then we asked the Bank of Lhasa and I waited. Later Old Zhou came."),
            ["Bank of Lhasa", "Old Zhou"]
        );
        assert_eq!(
            runs("She read the Eastern-Sea Gazette."),
            ["Eastern-Sea Gazette"]
        );
        // A quotation's first word, a possessive before its noun, text set in capitals.
        assert!(runs("He said, “Rivers flow east.”").is_empty());
        assert!(runs("We studied Euler’s formula.").is_empty());
        assert!(runs("See the TABLE OF CONTENTS below.").is_empty());
        // 'and' parts two names.
        assert_eq!(runs("We read Hume and Kant."), ["Hume", "Kant"]);
    }

    fn pair(zh: &str, en: &str) -> TermPair {
        TermPair {
            frequency: 3,
            cooccurrence: 3,
            examples: vec![1, 2, 3],
            ..TermPair::seen_twice(zh, en)
        }
    }

    #[test]
    fn a_name_called_by_its_surname_is_entered_as_the_text_spells_it_in_full() {
        let beads = [
            AlignedPair::new(0, "周海燕走进了院子。", "Zhou Haiyan walked into the yard."),
            AlignedPair::new(1, "周海燕笑了。", "Zhou smiled."),
            AlignedPair::new(2, "周海燕的书掉了。", "Zhou Haiyan’s book fell."),
        ];
        let resources = Resources::default_embedded().unwrap();
        let mut terms = vec![pair("周海燕", "Zhou"), pair("院子", "Yard")];
        spelled_in_full(&mut terms, &beads, &resources, 3);
        assert_eq!(terms[0].en, "Zhou Haiyan");
        assert_eq!(
            (terms[0].cooccurrence, &terms[0].examples),
            (2, &vec![0, 2])
        );
        assert_eq!(terms[0].renderings[0].en, "Zhou");
        // A rendering that spells no part of the name is left alone.
        assert_eq!(terms[1].en, "Yard");
    }

    #[test]
    fn a_closing_possessive_is_no_part_of_a_rendering() {
        let mut terms = vec![
            pair("周海燕", "Zhou Haiyan’s"),
            pair("工人", "workers'"),
            pair("人民共和国", "People's Republic"),
            pair("四季酒店", "‘Four Seasons’"),
        ];
        possessives_dropped(&mut terms);
        let en: Vec<&str> = terms.iter().map(|t| t.en.as_str()).collect();
        assert_eq!(
            en,
            [
                "Zhou Haiyan",
                "workers",
                "People's Republic",
                "‘Four Seasons’"
            ]
        );
    }
}
