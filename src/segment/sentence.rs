//! Sentence splitting inside one paragraph (one line of text).
//!
//! Chinese ends a sentence at 。！？!? (with any closing quotes and brackets that
//! follow); ；and ：do not end one. English starts from the UAX #29 sentence bounds of
//! unicode-segmentation and repairs what they get wrong: abbreviations (Mr. e.g. No. 5
//! Jan. 5), initialisms (U.S.), name initials (George W. Bush) and list markers (`1.`).
//!
//! ```
//! use bitext::segment::{sentence, Lang};
//! let spans = sentence::split("我们坚持开放。“为什么？”他问。", Lang::Zh);
//! // A quoted question ends its sentence; the speech tag that follows is its own.
//! assert_eq!(spans.len(), 3);
//! ```

use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::Lang;

/// Byte spans of the sentences of `text`, trimmed of surrounding whitespace, in order.
/// The spans tile `text` apart from whitespace between them.
pub fn split(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let cuts = match lang {
        Lang::Zh => zh_cuts(text),
        Lang::En => en_cuts(text),
    };
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        push_trimmed(text, start, cut, &mut spans);
        start = cut;
    }
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        spans.push((start + lead, start + lead + trimmed.len()));
    }
}

/// Closing quotes and brackets that stay with the sentence before them.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '〕' | ']' | '»'
    )
}

fn is_zh_ender(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '．')
}

fn is_curly_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | '》' | '】')
}

/// Byte offsets where a new Chinese sentence may start (after enders and closers).
/// An ellipsis (……) ends a sentence when a closing quote follows it or when the next
/// sentence follows it directly; "不过…… 不过" with a space carries on.
fn zh_cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let bytes_len = text.len();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ellipsis = c == '…';
        if !is_zh_ender(c) && !ellipsis {
            continue;
        }
        // A full-width stop between digits is a decimal point (1．5).
        if c == '．' && chars.peek().is_some_and(|&(_, d)| d.is_numeric()) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut closed = false;
        while let Some(&(j, d)) = chars.peek() {
            if is_zh_ender(d) || is_closer(d) || d == '…' {
                closed |= is_closer(d) || is_zh_ender(d);
                chars.next();
                end = j + d.len_utf8();
            } else {
                break;
            }
        }
        if ellipsis && !closed {
            let next = text[end..].chars().next();
            if next.is_none_or(char::is_whitespace) || text[i..end].chars().count() < 2 {
                continue;
            }
        }
        // Straight double quotes are ambiguous: a " right after an ender closes only
        // if quotes are balanced before it; an odd count means the quote opens.
        if text[..end].ends_with('"') && text[..end].matches('"').count() % 2 == 1 {
            end -= 1;
        }
        // A closing quote or a trailing ellipsis set off by spaces ("。 ”", "。 ……")
        // still belongs to the sentence.
        let rest = &text[end..];
        let after_space = rest.trim_start();
        if after_space.len() < rest.len() {
            let tail: usize = after_space
                .chars()
                .take_while(|&d| is_curly_closer(d) || d == '…')
                .map(char::len_utf8)
                .sum();
            if tail > 0 {
                end += rest.len() - after_space.len() + tail;
                while let Some(&(j, _)) = chars.peek() {
                    if j < end {
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
        }
        if end < bytes_len {
            cuts.push(end);
        }
    }
    cuts.dedup();
    cuts
}

/// Abbreviations after which a full stop never ends a sentence.
const ALWAYS_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "sgt", "rev", "hon", "messrs", "mme", "e.g", "i.e", "cf", "vs", "viz", "approx", "dept", "est",
    "fig", "figs", "eq", "eqs", "ed", "eds", "vol", "vols", "ch", "chap",
];

/// Abbreviations that end a sentence unless a number (or a lower-case word) follows.
const NUMBER_ABBREV: &[&str] = &[
    "no", "nos", "art", "arts", "sec", "secs", "p", "pp", "para", "paras", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc", "al", "inc", "ltd",
    "co", "corp", "jr", "sr", "op", "cit",
];

/// A dash that opens a list item after a finished sentence ("... nation. – To
/// realize"): UAX #29 treats the dash as a continuation.
static DASH_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?][)"'”’]*\s+([–—]\s)"#).expect("valid regex"));

/// Byte offsets where a new English sentence starts.
fn en_cuts(text: &str) -> Vec<usize> {
    let mut bounds: Vec<usize> = text
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    let dash_items: Vec<usize> = DASH_ITEM
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.start()))
        .collect();
    if !dash_items.is_empty() {
        bounds.extend(dash_items);
        bounds.sort_unstable();
        bounds.dedup();
    }
    let mut cuts = Vec::with_capacity(bounds.len());
    let mut seg_start = 0;
    for &b in &bounds {
        let before = &text[seg_start..b];
        let after = &text[b..];
        if keeps_together(before, after) {
            continue;
        }
        cuts.push(b);
        seg_start = b;
    }
    cuts
}

/// Whether the UAX #29 bound between `before` (the sentence so far) and `after` is
/// false: an abbreviation, initialism, initial or list marker, an ellipsis inside a
/// sentence, or `!`/`?` followed by lower case.
fn keeps_together(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let next = after.trim_start().chars().next();
    // "'Why?' she asked", "a loud dong! like the sound": the sentence carries on.
    let core = before.trim_end_matches(is_closer);
    if (core.ends_with('?') || core.ends_with('!')) && next.is_some_and(char::is_lowercase) {
        return true;
    }
    // "I... I've got": an ellipsis attached to a word trails off inside a sentence;
    // four dots or a spaced ". . ." end one.
    if let Some(stem) = before
        .strip_suffix("...")
        .or_else(|| before.strip_suffix('…'))
        && !stem.ends_with(['.', ' '])
        && !stem.is_empty()
    {
        return true;
    }
    // ". . . A": an ellipsis before a one-letter symbol stands inside a formula.
    let next_word = after.split_whitespace().next().unwrap_or("");
    let symbol = next_word.trim_end_matches(|c: char| c.is_ascii_punctuation());
    if (before.ends_with("...") || before.ends_with(". . .") || before.ends_with('…'))
        && symbol.chars().count() == 1
        && symbol != "I"
    {
        return true;
    }
    let Some(stem) = before.strip_suffix('.') else {
        return false;
    };
    // "Figure 1.1. Radar systems": a caption number, not a sentence end.
    let mut words = stem.split_whitespace();
    if let (Some(word), Some(num), None) = (words.next(), words.next(), words.next())
        && num.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            word.to_lowercase().as_str(),
            "figure" | "fig." | "table" | "chart" | "box" | "exhibit" | "图" | "表"
        )
    {
        return true;
    }
    let word_start = stem
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—'))
        .map_or(0, |i| {
            i + stem[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &stem[word_start..];
    if word.is_empty() {
        return false;
    }
    // The whole "sentence" is a list marker: 1. / 2.3. / a. / IV.
    if word_start == 0 && is_list_marker(word) {
        return true;
    }
    let lower = word.to_lowercase();
    if ALWAYS_ABBREV.contains(&lower.as_str()) {
        return true;
    }
    if NUMBER_ABBREV.contains(&lower.as_str()) {
        return next.is_some_and(|c| c.is_ascii_digit() || c.is_lowercase());
    }
    let upper_next = next.is_some_and(char::is_uppercase);
    // Initialisms (U.S., E.U., U.K.): a new sentence after one needs a capitalised
    // sentence opener; a name, Chinese text or lower case carries on.
    let is_initialism = word.len() >= 3
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    if is_initialism {
        return !upper_next || !opens_sentence(after);
    }
    // A single initial (George W. Bush, J. K. Rowling) follows a capitalised word or
    // precedes another initial; "a subset of A x A. We" ends a sentence.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) && word != "I" {
        let prev_capital = stem[..word_start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let next_initial = after.split_whitespace().next().is_some_and(|w| {
            w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_uppercase())
        });
        return !upper_next || prev_capital || next_initial;
    }
    false
}

/// Words that usually open a sentence: used to split after an initialism.
fn opens_sentence(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        word.as_str(),
        "The"
            | "This"
            | "These"
            | "That"
            | "Those"
            | "It"
            | "Its"
            | "In"
            | "We"
            | "They"
            | "He"
            | "She"
            | "I"
            | "But"
            | "And"
            | "However"
            | "A"
            | "An"
            | "There"
            | "As"
            | "On"
            | "At"
            | "For"
            | "Our"
            | "His"
            | "Her"
            | "Their"
            | "Some"
            | "Many"
            | "Most"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Since"
            | "Yet"
    )
}

fn is_list_marker(word: &str) -> bool {
    let w = word.trim_start_matches('(');
    (!w.is_empty()
        && w.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        || (w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
        || (w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn chinese_ends_at_stops_and_keeps_closing_quotes() {
        assert_eq!(
            texts("他说：“我们走吧。”大家都笑了！真的吗？是的", Lang::Zh),
            ["他说：“我们走吧。”", "大家都笑了！", "真的吗？", "是的"]
        );
    }

    #[test]
    fn chinese_semicolon_and_colon_do_not_end() {
        assert_eq!(
            texts("第一，坚持；第二，开放：这是原则。", Lang::Zh).len(),
            1
        );
    }

    #[test]
    fn chinese_ender_runs_and_brackets() {
        assert_eq!(
            texts("真的吗？！（笑）好。", Lang::Zh),
            ["真的吗？！", "（笑）好。"]
        );
        assert_eq!(texts("他走了……", Lang::Zh), ["他走了……"]);
        assert_eq!(
            texts("增长1．5倍。很好。", Lang::Zh),
            ["增长1．5倍。", "很好。"]
        );
    }

    #[test]
    fn english_basic_split() {
        assert_eq!(
            texts("We met. They left! Why?  Fine.", Lang::En),
            ["We met.", "They left!", "Why?", "Fine."]
        );
    }

    #[test]
    fn english_titles_never_end_a_sentence() {
        for abbr in ["Mr.", "Dr.", "Prof.", "Mrs."] {
            let t = format!("We met {abbr} Smith today. He spoke.");
            assert_eq!(texts(&t, Lang::En).len(), 2, "{t}");
        }
    }

    #[test]
    fn english_latin_abbreviations() {
        for abbr in ["e.g.", "i.e.", "cf.", "vs."] {
            let t = format!("Some rules, {abbr} The First Rule, apply. Next.");
            assert_eq!(texts(&t, Lang::En).len(), 2, "{t}");
        }
        assert_eq!(
            texts("We bought apples, pears, etc. The rest was sold.", Lang::En).len(),
            2
        );
        assert_eq!(texts("Apples, pears, etc. are sold.", Lang::En).len(), 1);
    }

    #[test]
    fn english_number_abbreviations() {
        for abbr in ["No.", "Art.", "Sec.", "Jan.", "Dec.", "pp."] {
            let t = format!("See {abbr} 5 of the law. It applies.");
            assert_eq!(texts(&t, Lang::En).len(), 2, "{t}");
        }
    }

    #[test]
    fn english_initialisms() {
        assert_eq!(
            texts(
                "The U.S. Congress and the E.U. Council met. Talks went on.",
                Lang::En
            )
            .len(),
            2
        );
        assert_eq!(texts("Trade with the U.S. 中国 grew.", Lang::En).len(), 1);
        assert_eq!(texts("George W. Bush spoke.", Lang::En).len(), 1);
        assert_eq!(
            texts("He moved to the U.S. The move was hard.", Lang::En).len(),
            2
        );
    }

    #[test]
    fn english_captions_and_formula_ellipses() {
        assert_eq!(
            texts("See below. Figure 1.2. Radar bands by letter.", Lang::En),
            ["See below.", "Figure 1.2. Radar bands by letter."]
        );
        assert_eq!(texts("for all x . . . A, x is good.", Lang::En).len(), 1);
    }

    #[test]
    fn english_list_marker_stays_with_its_text() {
        assert_eq!(
            texts("1. The principle of openness applies.", Lang::En),
            ["1. The principle of openness applies."]
        );
        assert_eq!(
            texts("2.3. Scope of the law. It is wide.", Lang::En).len(),
            2
        );
    }

    #[test]
    fn english_single_quotes_open_sentences() {
        assert_eq!(
            texts("He left. 'Why not try me?' 'On guard!' he said.", Lang::En),
            ["He left.", "'Why not try me?'", "'On guard!' he said."]
        );
        assert_eq!(
            texts("He left. ‘Why not?’ She smiled.", Lang::En),
            ["He left.", "‘Why not?’", "She smiled."]
        );
    }
}
