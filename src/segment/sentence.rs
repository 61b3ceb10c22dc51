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

/// Sentences longer than this many characters (some 200 words, more than real
/// sentences run to) are cut: a sentence end missing from a whole document must not
/// make units thousands of words long, as later stages are quadratic in a unit's
/// length.
pub const MAX_SENTENCE_CHARS: usize = 1200;
/// The same cap for Chinese, whose characters each carry about what two or three
/// English letters do.
pub const MAX_SENTENCE_CHARS_ZH: usize = 500;

/// `spans` with every span longer than `max_chars` characters cut into pieces of at
/// most that length, each at the last clause mark (；，：) or space of its second half,
/// or else at a character boundary. Returns the spans and how many were cut (the
/// pieces of a cut span are told apart from other spans by the caller's count).
pub fn cap_length(
    text: &str,
    spans: Vec<(usize, usize)>,
    max_chars: usize,
) -> (Vec<(usize, usize)>, usize) {
    let max_chars = max_chars.max(2);
    // A span of at most max_chars bytes has at most max_chars characters.
    if spans.iter().all(|&(s, e)| e - s <= max_chars) {
        return (spans, 0);
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut cut_spans = 0;
    for (s, e) in spans {
        let mut start = s;
        let mut was_cut = false;
        loop {
            // Byte offset of the character after the first max_chars ones.
            let Some((limit, _)) = text[start..e].char_indices().nth(max_chars) else {
                push_trimmed(text, start, e, &mut out);
                break;
            };
            let limit = start + limit;
            let half = start
                + text[start..limit]
                    .char_indices()
                    .nth(max_chars / 2)
                    .map_or(0, |(i, _)| i);
            let window = &text[half..limit];
            let clause = window
                .rfind(['；', ';', '，', ',', '：', ':'])
                .map(|i| half + i + window[i..].chars().next().map_or(1, char::len_utf8));
            let space = window.rfind(char::is_whitespace).map(|i| half + i);
            let cut = clause.or(space).filter(|&c| c > start).unwrap_or(limit);
            push_trimmed(text, start, cut, &mut out);
            start = cut;
            was_cut = true;
        }
        cut_spans += usize::from(was_cut);
    }
    (out, cut_spans)
}

/// Length of a bracketed aside at the start of `after` that is followed by a sentence
/// end (and its closers): `（注册号为NCT01358877）。`; 0 when there is none. The aside
/// holds no sentence end of its own and is short.
fn aside_len(after: &str) -> usize {
    const MAX_ASIDE: usize = 120;
    let Some(first) = after.chars().next().filter(|&c| c == '（' || c == '(') else {
        return 0;
    };
    let mut end = first.len_utf8();
    for (n, (i, c)) in after[end..].char_indices().enumerate() {
        if n > MAX_ASIDE || is_zh_ender(c) || c == '（' || c == '(' {
            return 0;
        }
        if c == '）' || c == ')' {
            end += i + c.len_utf8();
            break;
        }
    }
    if end == first.len_utf8() {
        return 0;
    }
    let rest = &after[end..];
    let stops = rest.len() - rest.trim_start_matches(is_zh_ender).len();
    if stops == 0 {
        return 0;
    }
    end += stops;
    end + (after[end..].len() - after[end..].trim_start_matches(is_closer).len())
}

/// A reference to notes or a bibliography right after a sentence's final mark: `[12]`,
/// `[3, 4]`, `[5-7]`, superscript digits, and (in English) plain digits (`epidemic.1`).
fn citation_len(after: &str, lang: Lang) -> usize {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\[［〔]\d{1,3}(?:\s?[,，–—-]\s?\d{1,3})*[\]］〕]").expect("valid regex")
    });
    static SUPERSCRIPT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[¹²³⁰⁴-⁹]+(?:[,⁻–-][¹²³⁰⁴-⁹]+)*").expect("valid regex"));
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}(?:[,–-]\d{1,3})*").expect("valid regex"));
    let found = BRACKETED
        .find(after)
        .or_else(|| SUPERSCRIPT.find(after))
        .or_else(|| (lang == Lang::En).then(|| DIGITS.find(after)).flatten());
    found.map_or(0, |m| m.end())
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

pub(crate) use crate::script::is_closer;

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
        // A Latin full stop ends a Chinese sentence when a bracket or quote closes it
        // (注册号为NCT01358877.）曲妥珠单抗): elsewhere it is inside a number or a name.
        let latin_stop = c == '.'
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|b| b.is_alphanumeric() && !crate::script::is_han(b))
            // A dotted abbreviation's last dot (（U.S.）代表团) ends nothing.
            && !text[..i]
                .rsplit(|b: char| !(b.is_ascii_alphanumeric() || b == '.'))
                .next()
                .is_some_and(|word| word.contains('.'))
            && {
                let rest = &text[i + 1..];
                let after = rest.trim_start_matches(is_closer);
                after.len() < rest.len()
                    && after
                        .chars()
                        .next()
                        .is_none_or(|d| d.is_whitespace() || crate::script::is_han(d))
            };
        if !is_zh_ender(c) && !ellipsis && !latin_stop {
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
        // A note reference after the stop belongs to the sentence (。[3]).
        let cited = citation_len(&text[end..], Lang::Zh);
        if cited > 0 {
            end += cited;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        }
        // A bracketed aside after the stop that ends with a stop of its own (完成。
        // （注册号为NCT01358877）。) belongs to the sentence before it.
        let aside = aside_len(&text[end..]);
        if aside > 0 {
            end += aside;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
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
    let cited = cited_ends(text);
    if !cited.is_empty() {
        // The reference ends the sentence: no cut inside it, one right after it.
        bounds.retain(|&b| !cited.iter().any(|&(mark, end)| mark < b && b <= end));
        bounds.extend(cited.iter().map(|&(_, end)| end));
        bounds.sort_unstable();
        bounds.dedup();
    }
    let mut cuts = Vec::with_capacity(bounds.len());
    let mut seg_start = 0;
    for &b in &bounds {
        if cited.iter().any(|&(_, end)| end == b) {
            cuts.push(b);
            seg_start = b;
            continue;
        }
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

/// English sentence ends followed by a note reference and the next sentence ("the
/// epidemic.1 The syndrome", "rose.[4] Then"): (byte offset of the final mark, byte
/// offset after the reference). The word before the mark must be a word of two or more
/// letters or a closing bracket, and no abbreviation (Fig.1, No.3, A.1 are not ends).
fn cited_ends(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let before = &text[..i];
        let closers = before.len() - before.trim_end_matches(is_closer).len();
        let word: String = before[..before.len() - closers]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let ends_word = word.chars().count() >= 2 || (closers > 0 && word.is_empty());
        let lower = word.to_lowercase();
        if !ends_word
            || ALWAYS_ABBREV.contains(&lower.as_str())
            || NUMBER_ABBREV.contains(&lower.as_str())
        {
            continue;
        }
        let mut end = i + 1;
        end += text[end..].len() - text[end..].trim_start_matches(is_closer).len();
        let cited = citation_len(&text[end..], Lang::En);
        if cited == 0 {
            continue;
        }
        end += cited;
        let rest = &text[end..];
        let next = rest.trim_start();
        let spaced = next.len() < rest.len();
        let opens = next.chars().next().is_some_and(|n| {
            n.is_uppercase() || matches!(n, '“' | '"' | '(' | '[') || crate::script::is_han(n)
        });
        if spaced && opens {
            out.push((i, end));
        }
    }
    out
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
        // A Latin stop closed by a bracket ends the sentence, unless it is the last dot
        // of a dotted abbreviation.
        assert_eq!(
            texts("编号为AB1234.）第二句。", Lang::Zh),
            ["编号为AB1234.）", "第二句。"]
        );
        assert_eq!(
            texts("美国（U.S.）代表团下午抵达。", Lang::Zh),
            ["美国（U.S.）代表团下午抵达。"]
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

    #[test]
    fn english_note_references_end_the_sentence_they_follow() {
        assert_eq!(
            texts(
                "It began with the (HIV) epidemic.1 The virus spread fast.2,3 Cases rose.[4] Others fell.[5-7] \"Why?\" Then it slowed.¹ Rates dropped.",
                Lang::En
            ),
            [
                "It began with the (HIV) epidemic.1",
                "The virus spread fast.2,3",
                "Cases rose.[4]",
                "Others fell.[5-7]",
                "\"Why?\"",
                "Then it slowed.¹",
                "Rates dropped."
            ]
        );
        // Abbreviations, labels and decimals are no sentence ends.
        for t in [
            "See Fig.1 The curve rises.",
            "It was No.1 In the list.",
            "See Appendix A.1 The table.",
            "The dose was 2.5 The next day.",
        ] {
            assert_eq!(texts(t, Lang::En).len(), 1, "{t}");
        }
    }

    #[test]
    fn chinese_note_references_and_closing_brackets_stay_with_their_sentence() {
        assert_eq!(
            texts("病毒传播很快。[1]此后病例增多。［2，3］见附表。", Lang::Zh),
            ["病毒传播很快。[1]", "此后病例增多。［2，3］", "见附表。"]
        );
        // A bracket closed after the stop, a Latin stop closed by a bracket, and an
        // aside with its own stop after the sentence end.
        assert_eq!(
            texts("试验已注册（编号为NCT01234567。）该药是抗体。", Lang::Zh),
            ["试验已注册（编号为NCT01234567。）", "该药是抗体。"]
        );
        assert_eq!(
            texts("试验已注册（编号：NCT01234567.）该药是抗体。", Lang::Zh),
            ["试验已注册（编号：NCT01234567.）", "该药是抗体。"]
        );
        assert_eq!(
            texts("试验已完成。（编号为NCT01234567）。该药是抗体。", Lang::Zh),
            ["试验已完成。（编号为NCT01234567）。", "该药是抗体。"]
        );
        // A Latin stop inside a name or a number is none.
        assert_eq!(
            texts("见ClinicalTrials.gov网站，剂量1.5毫克。", Lang::Zh).len(),
            1
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_clause_marks_or_spaces() {
        let zh = "数据，".repeat(50);
        let (spans, cut) = cap_length(&zh, split(&zh, Lang::Zh), 40);
        assert_eq!(cut, 1);
        assert!(spans.iter().all(|&(s, e)| zh[s..e].chars().count() <= 40));
        assert!(spans.iter().all(|&(s, e)| zh[s..e].ends_with('，')));
        let en = "word ".repeat(100);
        let (spans, _) = cap_length(&en, split(&en, Lang::En), 32);
        assert!(
            spans
                .iter()
                .all(|&(s, e)| en[s..e].split(' ').all(|w| w == "word"))
        );
        assert_eq!(
            spans
                .iter()
                .map(|&(s, e)| en[s..e].len() + 1)
                .sum::<usize>(),
            en.len()
        );
        // No space or clause mark at all: a hard cut at the cap.
        let run = "x".repeat(100);
        let (spans, _) = cap_length(&run, split(&run, Lang::En), 30);
        assert_eq!(spans, [(0, 30), (30, 60), (60, 90), (90, 100)]);
        // Short sentences are left alone.
        let (spans, cut) = cap_length("We met. Fine.", split("We met. Fine.", Lang::En), 30);
        assert_eq!((spans.len(), cut), (2, 0));
    }
}
