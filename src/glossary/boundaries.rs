//! Fitting a rendering's boundaries to the word links.
//!
//! Co-occurrence finds the English phrase that comes and goes with a term, but its
//! edges are a guess: 'Delta' for 珠江三角洲 where the text says 'Pearl River Delta'.
//! In each bead holding the term and its rendering, the rendering grows by neighbour
//! words linked only into the term's own words (the phrase-extraction rule: no link
//! leaves the box). The form most of those beads agree on replaces the rendering.
//! Edge words linked outside the term are not cut: the links of names and function
//! words are too loose for that (measured in the README).

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::candidates::english_word_key;
use super::{Params, TermPair};
use crate::lexicon::{is_english_stopword, is_zh_function_word};
use crate::pairs::AlignedPair;
use crate::segment::words::Token;
use crate::wordalign::WordLinks;

/// Word keys of each bead's English (`links[i]` are bead i's), worked out once for all
/// the terms looked for in it.
pub fn en_keys(links: &[WordLinks]) -> Vec<Vec<String>> {
    links
        .iter()
        .map(|l| {
            l.en_tokens
                .iter()
                .map(|t| english_word_key(&t.key))
                .collect()
        })
        .collect()
}

/// Refit the rendering of every pair where at least two beads, and most of those that
/// show the term and its rendering with links, agree on other edges (`en_keys` from
/// [`en_keys`]).
pub fn fit(
    terms: &mut [TermPair],
    beads: &[AlignedPair],
    links: &[WordLinks],
    en_keys: &[Vec<String>],
    params: &Params,
) {
    for term in terms.iter_mut() {
        if let Some(en) = refit(term, beads, links, en_keys, params) {
            term.en = en;
        }
    }
}

/// The pairs whose rendering the word links widen (北方港口 'harbour' to 'northern
/// harbour'), with the wider rendering; the others are left out.
pub fn widened(
    terms: Vec<TermPair>,
    beads: &[AlignedPair],
    links: &[WordLinks],
    en_keys: &[Vec<String>],
    params: &Params,
) -> Vec<TermPair> {
    terms
        .into_iter()
        .filter_map(|mut term| {
            let en = refit(&term, beads, links, en_keys, params)?;
            let (old, new) = (word_keys(&term.en), word_keys(&en));
            let widens = new.len() > old.len() && starts_of(&new, &old).next().is_some();
            (widens && renders_every_word(&term.zh, &new, beads, links, en_keys)).then(|| {
                term.en = en;
                term
            })
        })
        .collect()
}

/// Do the word links tie each content word (two characters or more) of the term into
/// the rendering, in most beads that show both? A rendering widened by some words may
/// still leave others out ('green harbour' of a list of three qualities).
fn renders_every_word(
    zh_term: &str,
    rendering: &[String],
    beads: &[AlignedPair],
    links: &[WordLinks],
    en_keys: &[Vec<String>],
) -> bool {
    let (mut seen, mut covered) = (0, 0);
    for ((bead, bead_links), keys) in beads.iter().zip(links).zip(en_keys) {
        if !bead.zh.contains(zh_term) {
            continue;
        }
        let n = rendering.len();
        let Some(start) = starts_of(keys, rendering).next() else {
            continue;
        };
        seen += 1;
        let tokens = term_tokens(zh_term, bead, bead_links);
        // One character (者 'one who', a particle) often has no English word of its own.
        let content = tokens.iter().filter(|&&z| {
            let t = &bead_links.zh_tokens[z as usize];
            let word = &bead.zh[t.start..t.end];
            word.chars().count() > 1 && !is_zh_function_word(word)
        });
        let linked_in = |z: &u32| {
            bead_links
                .links
                .iter()
                .any(|&(i, e)| i == *z && (start..start + n).contains(&(e as usize)))
        };
        // With no content word found (jieba cut the bead across the term), nothing
        // vouches for the rendering.
        if content.clone().next().is_some() && content.clone().all(linked_in) {
            covered += 1;
        }
    }
    seen > 0 && 2 * covered > seen
}

fn refit(
    term: &TermPair,
    beads: &[AlignedPair],
    links: &[WordLinks],
    en_keys: &[Vec<String>],
    params: &Params,
) -> Option<String> {
    let rendering: Vec<String> = word_keys(&term.en);
    if rendering.is_empty() {
        return None;
    }
    // Per agreed form (stemmed word keys): its count and surface forms seen.
    let mut forms: HashMap<Vec<String>, (usize, Vec<String>)> = HashMap::default();
    let mut seen = 0;
    for ((bead, bead_links), keys) in beads.iter().zip(links).zip(en_keys) {
        if !bead.zh.contains(term.zh.as_str()) {
            continue;
        }
        let Some(span) = fitted_span(&term.zh, &rendering, bead, bead_links, keys, params) else {
            continue;
        };
        seen += 1;
        let tokens = &bead_links.en_tokens[span.clone()];
        let key = keys[span.clone()].to_vec();
        let surface = bead.en[tokens[0].start..tokens[tokens.len() - 1].end].to_string();
        let entry = forms.entry(key).or_default();
        entry.0 += 1;
        // A sentence's first word is capitalised whatever it is: its form says nothing.
        if span.start > 0 {
            entry.1.push(surface);
        }
    }
    let (key, (count, surfaces)) = forms
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
    if key == rendering || count < 2 || 2 * count <= seen {
        return None;
    }
    Some(most_frequent(surfaces).unwrap_or_else(|| key.join(" ")))
}

/// Where a term occurs without any rendering it was given, the English the word links
/// tie to it, when no link leaves that box (the phrase-extraction rule), is one more
/// way the translation rendered it once it recurs (twice or more): counted with the
/// others, so that a term rendered two ways shows both where no dictionary knows the
/// second.
pub fn linked_renderings(
    terms: &mut [TermPair],
    beads: &[AlignedPair],
    links: &[WordLinks],
    en_keys: &[Vec<String>],
) {
    for term in terms.iter_mut() {
        let mut known: Vec<Vec<String>> = vec![word_keys(&term.en)];
        known.extend(term.renderings.iter().map(|r| word_keys(&r.en)));
        if known[0].is_empty() {
            continue;
        }
        // Per new form (word keys): its beads and surface forms.
        let mut found: HashMap<Vec<String>, (Vec<usize>, Vec<String>)> = HashMap::default();
        for ((bead, bead_links), keys) in beads.iter().zip(links).zip(en_keys) {
            let counted = term.renderings.iter().any(|r| r.beads.contains(&bead.id));
            if counted || !bead.zh.contains(term.zh.as_str()) {
                continue;
            }
            if known
                .iter()
                .any(|form| starts_of(keys, form).next().is_some())
            {
                continue;
            }
            let Some(span) = linked_span(&term.zh, bead, bead_links) else {
                continue;
            };
            let tokens = &bead_links.en_tokens[span.clone()];
            if tokens.iter().all(is_stop) {
                continue;
            }
            let surface = bead.en[tokens[0].start..tokens[tokens.len() - 1].end].to_string();
            let entry = found.entry(keys[span].to_vec()).or_default();
            entry.0.push(bead.id);
            entry.1.push(surface);
        }
        // Seen once, a span may be the catch-all links of a rare word: a way of
        // rendering recurs.
        for (_, (ids, surfaces)) in found.into_iter().filter(|(_, (ids, _))| ids.len() >= 2) {
            term.renderings.push(super::Rendering {
                en: most_frequent(surfaces).unwrap_or_default(),
                count: ids.len(),
                beads: ids,
                known: false,
            });
        }
        term.renderings
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.en.cmp(&b.en)));
    }
}

/// Where `form` (word keys) starts among a bead's word keys; nowhere when it is empty.
fn starts_of<'k>(keys: &'k [String], form: &'k [String]) -> impl Iterator<Item = usize> + 'k {
    keys.windows(form.len().max(1))
        .enumerate()
        .filter(move |(_, w)| *w == form)
        .map(|(s, _)| s)
}

/// The English tokens the word links tie to the term in this bead, when none of them is
/// also tied outside it and the words between are unlinked or tied into it.
fn linked_span(zh_term: &str, bead: &AlignedPair, links: &WordLinks) -> Option<Range<usize>> {
    let term_tokens = term_tokens(zh_term, bead, links);
    if term_tokens.is_empty() {
        return None;
    }
    let linked: Vec<usize> = links
        .links
        .iter()
        .filter(|(z, _)| term_tokens.contains(z))
        .map(|&(_, e)| e as usize)
        .collect();
    let (from, to) = (*linked.iter().min()?, *linked.iter().max()? + 1);
    let inside =
        (from..to).all(|e| matches!(side(e, links, &term_tokens), Side::Inside | Side::Unlinked));
    let phrase =
        (from + 1..to).all(|e| joined(&bead.en, &links.en_tokens[e - 1], &links.en_tokens[e]));
    (inside && phrase).then_some(from..to)
}

/// The Chinese tokens of the term's occurrences in the bead.
fn term_tokens(zh_term: &str, bead: &AlignedPair, links: &WordLinks) -> Vec<u32> {
    bead.zh
        .match_indices(zh_term)
        .flat_map(|(at, _)| {
            let end = at + zh_term.len();
            (0..links.zh_tokens.len() as u32).filter(move |&i| {
                let t = &links.zh_tokens[i as usize];
                t.start >= at && t.end <= end
            })
        })
        .collect()
}

/// The English tokens the rendering should cover in this bead, or `None` when the bead
/// does not hold the rendering or no word of it is linked into the term.
fn fitted_span(
    zh_term: &str,
    rendering: &[String],
    bead: &AlignedPair,
    links: &WordLinks,
    en_keys: &[String],
    params: &Params,
) -> Option<Range<usize>> {
    let term_tokens = term_tokens(zh_term, bead, links);
    let n = rendering.len();
    let link_side = |e: usize| -> Side { side(e, links, &term_tokens) };
    let start = starts_of(en_keys, rendering)
        .find(|&s| (s..s + n).any(|e| link_side(e) == Side::Inside))?;
    let (mut from, mut to) = (start, start + n);
    let max_gap = params.boundary_max_unlinked_gap;
    for _ in 0..params.boundary_max_steps {
        let before = (from, to);
        if let Some(f) = grow_left(from, bead, links, &link_side, max_gap) {
            from = f;
        }
        if let Some(t) = grow_right(to, bead, links, &link_side, max_gap) {
            to = t;
        }
        if (from, to) == before {
            break;
        }
    }
    Some(from..to)
}

/// Where a word's links go, as seen from a term's box.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Unlinked,
    /// All its links go to the term's words.
    Inside,
    /// None of its links goes to the term's words.
    Outside,
    Both,
}

fn side(e: usize, links: &WordLinks, term_tokens: &[u32]) -> Side {
    let (mut inside, mut outside) = (false, false);
    for &(z, j) in &links.links {
        if j as usize == e {
            if term_tokens.contains(&z) {
                inside = true;
            } else {
                outside = true;
            }
        }
    }
    match (inside, outside) {
        (false, false) => Side::Unlinked,
        (true, false) => Side::Inside,
        (false, true) => Side::Outside,
        (true, true) => Side::Both,
    }
}

/// The new start when the words before `from` (over at most `max_gap` unlinked stop
/// words) are linked only into the term.
fn grow_left(
    from: usize,
    bead: &AlignedPair,
    links: &WordLinks,
    link_side: &dyn Fn(usize) -> Side,
    max_gap: usize,
) -> Option<usize> {
    let mut at = from;
    for _ in 0..=max_gap {
        if at == 0 || !joined(&bead.en, &links.en_tokens[at - 1], &links.en_tokens[at]) {
            return None;
        }
        at -= 1;
        if at + 1 == from
            && opens_title(bead, &links.en_tokens, at)
            && link_side(at) != Side::Outside
        {
            return Some(at);
        }
        match link_side(at) {
            Side::Inside if !is_stop(&links.en_tokens[at]) => return Some(at),
            Side::Unlinked | Side::Inside if is_stop(&links.en_tokens[at]) => continue,
            _ => return None,
        }
    }
    None
}

/// Is token `at` a capitalised possessive inside a sentence before a capitalised word
/// ('His Majesty', 'Her Ladyship')? A title is written with it.
fn opens_title(bead: &AlignedPair, tokens: &[Token], at: usize) -> bool {
    let word = &bead.en[tokens[at].start..tokens[at].end];
    let before = bead.en[..tokens[at].start].trim_end();
    matches!(word, "His" | "Her" | "Your" | "Their")
        && !before.is_empty()
        && !before.ends_with(['.', '!', '?', '"', '“', '‘', '\'', ':', '—'])
        && tokens
            .get(at + 1)
            .is_some_and(|t| bead.en[t.start..].starts_with(|c: char| c.is_uppercase()))
}

/// The new end when the words after `to` (over at most `max_gap` unlinked stop words)
/// are linked only into the term.
fn grow_right(
    to: usize,
    bead: &AlignedPair,
    links: &WordLinks,
    link_side: &dyn Fn(usize) -> Side,
    max_gap: usize,
) -> Option<usize> {
    let mut at = to;
    for _ in 0..=max_gap {
        let tokens = &links.en_tokens;
        if at >= tokens.len() || !joined(&bead.en, &tokens[at - 1], &tokens[at]) {
            return None;
        }
        // A particle linked into the term closes a phrasal verb ('opening up').
        let closes = at == to && !is_stop(&tokens[at - 1]) && is_particle(&tokens[at]);
        match link_side(at) {
            Side::Inside if closes || !is_stop(&tokens[at]) => return Some(at + 1),
            Side::Unlinked | Side::Inside if is_stop(&tokens[at]) => at += 1,
            _ => return None,
        }
    }
    None
}

/// Two words of one phrase: only spaces or a hyphen between them.
fn joined(text: &str, left: &Token, right: &Token) -> bool {
    text[left.end..right.start]
        .chars()
        .all(|c| c.is_whitespace() || c == '-' || c == '‐')
}

fn is_particle(token: &Token) -> bool {
    super::candidates::EN_PARTICLES.contains(&token.key.as_str())
}

fn is_stop(token: &Token) -> bool {
    is_english_stopword(&token.key)
}

/// The word keys of an English text, in order.
pub(super) fn word_keys(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bounds()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(english_word_key)
        .collect()
}

/// The most frequent of the surface forms (ties: the smallest).
pub(super) fn most_frequent(surfaces: Vec<String>) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::default();
    for s in surfaces {
        *counts.entry(s).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bead from its words (Chinese joined without spaces, English with) and links
    /// as (Chinese word, English word) index pairs.
    fn bead(zh: &[&str], en: &[&str], links: &[(u32, u32)]) -> (AlignedPair, WordLinks) {
        fn tokens(words: &[&str], sep: &str) -> (String, Vec<Token>) {
            let mut text = String::new();
            let mut out = Vec::new();
            for w in words {
                if !text.is_empty() {
                    text.push_str(sep);
                }
                out.push(Token {
                    start: text.len(),
                    end: text.len() + w.len(),
                    key: w.to_lowercase().into(),
                });
                text.push_str(w);
            }
            (text, out)
        }
        let (zh_text, zh_tokens) = tokens(zh, "");
        let (en_text, en_tokens) = tokens(en, " ");
        let pair = AlignedPair::new(0, &zh_text, &en_text);
        let links = WordLinks {
            zh_tokens,
            en_tokens,
            links: links.to_vec(),
        };
        (pair, links)
    }

    /// The rendering of `zh` after the refit, starting from `en`.
    fn refitted(zh: &str, en: &str, beads: &[(AlignedPair, WordLinks)]) -> String {
        let (pairs, links): (Vec<_>, Vec<_>) = beads.iter().cloned().unzip();
        let mut terms = vec![TermPair::seen_twice(zh, en)];
        fit(
            &mut terms,
            &pairs,
            &links,
            &en_keys(&links),
            &Params::default(),
        );
        terms.remove(0).en
    }

    #[test]
    fn a_rendering_is_widened_only_over_every_word_of_the_term() {
        let widen = |zh: &str, beads: &[(AlignedPair, WordLinks)]| {
            let (pairs, links): (Vec<_>, Vec<_>) = beads.iter().cloned().unzip();
            widened(
                vec![TermPair::seen_twice(zh, "harbour")],
                &pairs,
                &links,
                &en_keys(&links),
                &Params::default(),
            )
            .into_iter()
            .map(|t| t.en)
            .collect::<Vec<_>>()
        };
        // Each word linked into 'northern harbour': the longer term is back with it.
        let north = bead(
            &["北方", "港口"],
            &["the", "northern", "harbour"],
            &[(0, 1), (1, 2)],
        );
        assert_eq!(
            widen("北方港口", &[north.clone(), north]),
            ["northern harbour"]
        );
        // 深水 is linked nowhere in it: 'northern harbour' says too little of the term.
        let deep = bead(
            &["北方", "深水", "港口"],
            &["the", "northern", "harbour"],
            &[(0, 1), (2, 2)],
        );
        assert!(widen("北方深水港口", &[deep.clone(), deep]).is_empty());
    }

    #[test]
    fn a_second_way_of_rendering_that_recurs_is_counted_from_the_links() {
        let boxed = bead(
            &["处理", "厨余垃圾"],
            &["kitchen", "treatment", "waste"],
            &[(1, 0), (0, 1), (1, 2)],
        );
        let beads = [
            bead(
                &["分出", "厨余垃圾"],
                &["separate", "food", "waste"],
                &[(0, 0), (1, 1), (1, 2)],
            ),
            bead(
                &["厨余垃圾", "增加"],
                &["kitchen", "waste", "grew"],
                &[(0, 0), (0, 1), (1, 2)],
            ),
            bead(
                &["收集", "厨余垃圾"],
                &["collect", "kitchen", "waste"],
                &[(0, 0), (1, 1), (1, 2)],
            ),
            // Seen once: no way of rendering yet.
            bead(
                &["厨余垃圾", "减少"],
                &["kitchen", "scraps", "fell"],
                &[(0, 0), (0, 1), (1, 2)],
            ),
            // Twice, but a link leaves the box: 'treatment' inside the span is 处理's.
            boxed.clone(),
            boxed,
        ];
        let (mut pairs, links): (Vec<_>, Vec<_>) = beads.iter().cloned().unzip();
        for (i, p) in pairs.iter_mut().enumerate() {
            p.id = i;
        }
        let mut terms = vec![TermPair {
            frequency: 5,
            cooccurrence: 1,
            examples: vec![0],
            ..TermPair::seen_twice("厨余垃圾", "food waste")
        }];
        linked_renderings(&mut terms, &pairs, &links, &en_keys(&links));
        let found: Vec<(&str, usize, &[usize])> = terms[0]
            .renderings
            .iter()
            .map(|r| (r.en.as_str(), r.count, r.beads.as_slice()))
            .collect();
        assert_eq!(found, [("kitchen waste", 2, &[1usize, 2][..])]);
    }

    #[test]
    fn a_rendering_grows_by_words_linked_into_the_term() {
        let beads = [
            bead(
                &["珠江", "三角洲", "发展"],
                &["the", "Pearl", "River", "Delta", "grew"],
                &[(0, 1), (0, 2), (1, 3), (2, 4)],
            ),
            bead(
                &["离开", "珠江", "三角洲"],
                &["they", "left", "the", "Pearl", "River", "Delta"],
                &[(0, 1), (1, 3), (1, 4), (2, 5)],
            ),
        ];
        assert_eq!(refitted("珠江三角洲", "Delta", &beads), "Pearl River Delta");
        // One bead alone changes nothing.
        assert_eq!(refitted("珠江三角洲", "Delta", &beads[..1]), "Delta");
    }

    #[test]
    fn it_steps_over_an_unlinked_stop_word_and_a_particle_may_close_it() {
        let beads = [
            bead(
                &["科学", "技术"],
                &["science", "and", "technology"],
                &[(0, 0), (1, 2)],
            ),
            bead(
                &["发展", "科学", "技术"],
                &["develop", "science", "and", "technology"],
                &[(0, 0), (1, 1), (2, 3)],
            ),
            bead(
                &["清理", "房间"],
                &["clean", "up", "the", "room"],
                &[(0, 0), (0, 1), (1, 3)],
            ),
            bead(
                &["马上", "清理"],
                &["at", "once", "clean", "up"],
                &[(0, 1), (1, 2), (1, 3)],
            ),
        ];
        assert_eq!(
            refitted("科学技术", "technology", &beads),
            "science and technology"
        );
        // 'up' is linked into 清理: it closes the phrasal verb, as no other stop word would.
        assert_eq!(refitted("清理", "clean", &beads), "clean up");
    }

    #[test]
    fn a_title_keeps_its_possessive() {
        let beads = [
            bead(
                &["拜见", "女王"],
                &["we", "visited", "Her", "Majesty"],
                &[(0, 1), (1, 3)],
            ),
            bead(
                &["女王", "来", "了"],
                &["then", "Her", "Majesty", "came"],
                &[(1, 3), (0, 2)],
            ),
            // At a sentence's start 'Her' is capitalised whatever follows.
            bead(&["她", "笑"], &["Her", "Smile"], &[(1, 1)]),
        ];
        assert_eq!(refitted("女王", "Majesty", &beads), "Her Majesty");
        // Lower case is no title.
        let plain = [
            bead(
                &["拜见", "女王"],
                &["we", "visited", "her", "Majesty"],
                &[(0, 1), (1, 3)],
            ),
            bead(
                &["拜见", "女王"],
                &["they", "visited", "her", "Majesty"],
                &[(0, 1), (1, 3)],
            ),
        ];
        assert_eq!(refitted("女王", "Majesty", &plain), "Majesty");
    }

    #[test]
    fn words_linked_outside_the_term_change_nothing() {
        let beads = [
            bead(&["东部", "沿海"], &["eastern", "coast"], &[(0, 0), (1, 1)]),
            bead(
                &["东部", "沿海", "城市"],
                &["eastern", "coast", "cities"],
                &[(0, 0), (1, 1), (2, 2)],
            ),
        ];
        assert_eq!(refitted("沿海", "coast", &beads), "coast");
    }

    #[test]
    fn a_term_inside_a_longer_chinese_word_gives_no_evidence() {
        // 机场 inside the one word 国际机场: 'international' is linked to the longer word.
        let beads = [
            bead(
                &["国际机场"],
                &["international", "airport"],
                &[(0, 0), (0, 1)],
            ),
            bead(
                &["前往", "国际机场"],
                &["to", "the", "international", "airport"],
                &[(0, 0), (1, 2), (1, 3)],
            ),
        ];
        assert_eq!(refitted("机场", "airport", &beads), "airport");
    }
}
