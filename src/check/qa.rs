//! The form checks translators know from the QA of CAT tools (Xbench, Verifika,
//! OmegaT, memoQ, Trados): what must pass through unchanged (URLs, e-mail addresses,
//! tags and placeholders, Latin codes and names), slips of typing (a word twice, two
//! spaces, spaces at the ends, a bracket or quotation mark without its pair, a sentence
//! starting in lower case, full-width punctuation), untranslated text, and segment
//! consistency: one Chinese segment translated two ways, one English segment given
//! for two different Chinese ones.
//!
//! ```
//! use bitext::check::{qa, FindingType};
//! use bitext::pairs::AlignedPair;
//! let mut found = Vec::new();
//! qa::check_form(&AlignedPair::new(0, "见附件。", "See the the annex."), None, &mut found);
//! assert_eq!(found[0].kind, FindingType::RepeatedWord);
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, FindingType, Severity};
use crate::pairs::AlignedPair;
use crate::script::is_han;

/// Spans of each side that hold a URL, an e-mail address, a tag or a code: the number
/// comparison leaves their digits alone (these checks cover them).
#[derive(Default)]
pub struct Protected {
    pub zh: Vec<Range<usize>>,
    pub en: Vec<Range<usize>>,
    /// English numbers that a measure of the Chinese (7cm) found as its value: they
    /// answer that measure and no other number.
    pub en_used: Vec<Range<usize>>,
    /// Measures of the Chinese (0.4m) whose value the English lacks: reported with
    /// the bead's other numbers, one finding for the numbers of a bead
    /// ([`measures_finding`] when there is no other).
    pub measures_missing: Vec<Range<usize>>,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]+")
        .expect("valid regex")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?-u:\b)",
    )
    .expect("valid regex")
});
/// Markup tags and the placeholders of software strings: `<b>`, `</b>`, `<br/>`,
/// `{0}`, `{name}`, `%s`, `%1$d`.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>|\{[A-Za-z0-9_]+\}|%(?:\d+\$)?[sdif]\b")
        .expect("valid regex")
});
/// A Latin code or name in Chinese text: letters with capitals or digits (G20, 5G,
/// APEC, ISO, COVID-19, iPhone), two characters or more.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[0-9]+(?:\.[0-9]+)?[A-Za-z]+[A-Za-z0-9]*",
    )
    .expect("valid regex")
});

/// The matches of `re` in `text`, with trailing sentence punctuation left off (a URL
/// at the end of a sentence does not own its full stop).
fn spans(re: &Regex, text: &str) -> Vec<Range<usize>> {
    re.find_iter(text)
        .map(|m| {
            let s = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
            m.start()..m.start() + s.len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// What a mismatch of items that must be identical on both sides says: those of the
/// Chinese the English lacks (`missing`) and those only the English has (`extra`),
/// as the caller writes them. None when both are empty.
fn mismatch_message(what: &str, missing: &[String], extra: &[String]) -> Option<String> {
    let (missing, extra) = (missing.join(", "), extra.join(", "));
    Some(match (missing.is_empty(), extra.is_empty()) {
        (true, true) => return None,
        (false, false) => {
            format!("{what} differ: the Chinese has {missing}, the English {extra}")
        }
        (false, true) => format!("{what} of the Chinese missing in the English: {missing}"),
        (true, false) => format!("{what} in the English only: {extra}"),
    })
}

/// What must be identical on both sides, compared: the same multiset of `key`s.
fn compare_items(
    p: &AlignedPair,
    kind: FindingType,
    what: &str,
    zh: &[Range<usize>],
    en: &[Range<usize>],
    key: impl Fn(&str) -> String,
    out: &mut Vec<Finding>,
) {
    let mut counts: HashMap<String, i64> = HashMap::new();
    for r in zh {
        *counts.entry(key(&p.zh[r.clone()])).or_default() += 1;
    }
    for r in en {
        *counts.entry(key(&p.en[r.clone()])).or_default() -= 1;
    }
    let missing: Vec<&Range<usize>> = zh
        .iter()
        .filter(|r| {
            counts
                .get(&key(&p.zh[(*r).clone()]))
                .is_some_and(|&c| c > 0)
        })
        .collect();
    let extra: Vec<&Range<usize>> = en
        .iter()
        .filter(|r| {
            counts
                .get(&key(&p.en[(*r).clone()]))
                .is_some_and(|&c| c < 0)
        })
        .collect();
    let quoted = |rs: &[&Range<usize>], text: &str| -> Vec<String> {
        rs.iter()
            .map(|r| format!("'{}'", &text[(*r).clone()]))
            .collect()
    };
    let Some(message) = mismatch_message(what, &quoted(&missing, &p.zh), &quoted(&extra, &p.en))
    else {
        return;
    };
    let mut f = Finding::bead(kind, Severity::Error, p, message);
    f.term = Some(
        missing
            .first()
            .map(|r| p.zh[(*r).clone()].to_string())
            .or_else(|| extra.first().map(|r| p.en[(*r).clone()].to_string()))
            .unwrap_or_default(),
    );
    f.set_spans(
        missing.first().map(|r| (*r).clone()),
        extra.first().map(|r| (*r).clone()),
        &p.en,
    );
    out.push(f);
}

/// URLs, e-mail addresses, tags and Latin codes of a bead that differ between its
/// sides. Returns the spans they cover.
pub fn check_codes(p: &AlignedPair, out: &mut Vec<Finding>) -> Protected {
    let (zh_urls, en_urls) = (spans(&URL, &p.zh), spans(&URL, &p.en));
    let url_key = |u: &str| {
        u.trim_end_matches('/')
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_lowercase()
    };
    compare_items(
        p,
        FindingType::Url,
        "URLs",
        &zh_urls,
        &en_urls,
        url_key,
        out,
    );
    let (zh_mails, en_mails) = (spans(&EMAIL, &p.zh), spans(&EMAIL, &p.en));
    compare_items(
        p,
        FindingType::Email,
        "e-mail addresses",
        &zh_mails,
        &en_mails,
        str::to_lowercase,
        out,
    );
    let (zh_tags, en_tags) = (spans(&TAG, &p.zh), spans(&TAG, &p.en));
    // Tags compare by name and kind (opening, closing), not attributes' wording.
    let tag_key = |t: &str| {
        if let Some(rest) = t.strip_prefix('<') {
            let closing = rest.starts_with('/');
            let name: String = rest
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-'))
                .collect();
            let empty = t.ends_with("/>");
            format!(
                "<{}{}{}>",
                if closing { "/" } else { "" },
                name.to_lowercase(),
                if empty { "/" } else { "" }
            )
        } else {
            t.to_string()
        }
    };
    compare_items(
        p,
        FindingType::Tag,
        "Tags",
        &zh_tags,
        &en_tags,
        tag_key,
        out,
    );
    if let Some((zh, en)) = &p.inline_tags {
        compare_inline_tags(p, zh, en, out);
    }
    let mut protected = Protected::default();
    for r in zh_urls.iter().chain(&zh_mails).chain(&zh_tags) {
        protected.zh.push(r.clone());
    }
    for r in en_urls.iter().chain(&en_mails).chain(&en_tags) {
        protected.en.push(r.clone());
    }
    let covered = protected.zh.clone();
    check_latin_codes(p, &covered, &mut protected, out);
    protected
}

/// A CAT segment's inline tags (kept out of its text) that one side has and the other
/// lacks: a tag mismatch, as Xbench and the CAT tools' QA report it.
fn compare_inline_tags(p: &AlignedPair, zh: &[String], en: &[String], out: &mut Vec<Finding>) {
    let unmatched = |ours: &[String], theirs: &[String]| -> Vec<String> {
        let mut left: Vec<&String> = theirs.iter().collect();
        ours.iter()
            .filter(|t| match left.iter().position(|o| o == t) {
                Some(k) => {
                    left.swap_remove(k);
                    false
                }
                None => true,
            })
            .cloned()
            .collect()
    };
    let (missing, extra) = (unmatched(zh, en), unmatched(en, zh));
    let Some(message) = mismatch_message("inline tags", &missing, &extra) else {
        return;
    };
    let mut f = Finding::bead(FindingType::Tag, Severity::Error, p, message);
    f.term = missing.first().or(extra.first()).cloned();
    out.push(f);
}

/// The finding for codes of the Chinese the English lacks (`missing`: byte spans).
fn missing_codes_finding(p: &AlignedPair, missing: &[Range<usize>]) -> Option<Finding> {
    let first = missing.first()?.clone();
    let list = missing
        .iter()
        .map(|r| format!("'{}'", &p.zh[r.clone()]))
        .collect::<Vec<_>>()
        .join(", ");
    let mut f = Finding::bead(
        FindingType::Code,
        Severity::Warning,
        p,
        format!("{list} of the Chinese not in the English, as written or spelt out"),
    );
    f.term = Some(p.zh[first.clone()].to_string());
    f.set_spans(Some(first), None, &p.en);
    Some(f)
}

/// The `code` finding for measures the English lacks in a bead with no other number
/// finding.
pub(super) fn measures_finding(p: &AlignedPair, missing: &[Range<usize>]) -> Option<Finding> {
    missing_codes_finding(p, missing)
}

/// Latin codes and names in the Chinese (G20, APEC, ISO, 5G) that the English has
/// neither as written nor spelt out ('Asia-Pacific Economic Cooperation').
fn check_latin_codes(
    p: &AlignedPair,
    covered: &[Range<usize>],
    protected: &mut Protected,
    out: &mut Vec<Finding>,
) {
    let en_lower = p.en.to_lowercase();
    let en_words: Vec<&str> =
        p.en.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
    let spelt_out = |code: &str| {
        // The one code English writes as a word of its own.
        if code == "OK" && en_words.iter().any(|w| w.eq_ignore_ascii_case("okay")) {
            return true;
        }
        let letters: Vec<char> = code.chars().filter(|c| c.is_ascii_uppercase()).collect();
        if letters.len() < 2 || code.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        // Initials of a run of English words, function words skipped.
        let initials: Vec<(char, bool)> = en_words
            .iter()
            .map(|w| {
                let stop = crate::lexicon::is_english_stopword(&w.to_lowercase());
                (w.chars().next().unwrap_or(' ').to_ascii_uppercase(), stop)
            })
            .collect();
        (0..initials.len()).any(|i| {
            let mut k = 0;
            for &(c, stop) in &initials[i..] {
                if k == letters.len() {
                    break;
                }
                if c == letters[k] {
                    k += 1;
                } else if !stop || k == 0 {
                    return false;
                }
            }
            k == letters.len()
        })
    };
    let en_numbers = crate::numbers::extract_en(&p.en);
    // English numbers already taken as the value of a measure.
    let mut used: Vec<Range<usize>> = Vec::new();
    // A number with a unit symbol (7cm, 2.5m, 3K): its value must be in the English,
    // in digits or words ('seven centimetres'); the English number found answers the
    // measure (Some(None) when there is none).
    let mut measure_kept = |code: &str| -> Option<Option<Range<usize>>> {
        let digits: String = code
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let unit = &code[digits.len()..];
        let value: Option<f64> = digits.parse().ok();
        // Unit symbols: lower case (cm, kg, km), one capital (K, V, W), or bytes and
        // hertz (GB, MHz); 3GPP and 5G are names.
        let is_unit = unit.chars().all(|c| c.is_ascii_lowercase())
            || (unit.len() == 1 && unit != "G")
            || unit.ends_with('B')
            || unit.ends_with("Hz");
        (!digits.is_empty() && unit.len() <= 3 && is_unit).then(|| {
            let v = value?;
            let n = en_numbers.iter().find(|n| {
                super::numbers::agrees_rounded(n.value, v)
                    && !used.iter().any(|u| u.start == n.start)
            })?;
            used.push(n.start..n.end);
            Some(n.start..n.end)
        })
    };
    let mut missing = Vec::new();
    let mut measures = Vec::new();
    for m in CODE.find_iter(&p.zh) {
        let code = m.as_str();
        if p.zh[..m.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let inside = covered
            .iter()
            .any(|r| r.start <= m.start() && m.end() <= r.end);
        let latin_neighbour = p.zh[..m.start()].ends_with(|c: char| c.is_ascii_alphanumeric())
            || p.zh[m.end()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if code.len() < 2 || inside || latin_neighbour || code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let found = en_lower.match_indices(&code.to_lowercase()).any(|(i, _)| {
            let before = en_lower[..i].chars().next_back();
            let after = en_lower[i + code.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        // A code of the English one letter off (ITX for ITU) is a changed code, even
        // where the name is also spelt out.
        let changed = en_words.iter().any(|w| {
            w.len() == code.len()
                && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
                && w.chars().zip(code.chars()).filter(|(a, b)| a != b).count() == 1
        });
        let measure = if found || changed {
            None
        } else {
            measure_kept(code)
        };
        // In brackets after a Chinese name (世界贸易组织（WTO）, 《…协定》（DEPA）) the
        // code defines an abbreviation: the spelt-out name is the Chinese name's
        // translation, and the code must be there as written.
        let defined = p.zh[..m.start()]
            .strip_suffix(['（', '('])
            .is_some_and(|before| before.ends_with(|c| is_han(c) || c == '》'))
            && p.zh[m.end()..].starts_with(['）', ')']);
        // A name in Latin letters (Planck, not a code in capitals) the English spells one
        // letter differently is the same name, respelt or corrected ('Heisenburg').
        let name_like = code.len() >= 4
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code[1..].chars().all(|c| c.is_ascii_lowercase());
        let respelt = name_like
            && en_words
                .iter()
                .any(|w| w.starts_with(&code[..1]) && strsim::damerau_levenshtein(w, code) == 1);
        let kept = !changed
            && (respelt
                || match &measure {
                    Some(kept) => kept.is_some(),
                    None => !defined && spelt_out(code),
                });
        match measure {
            // The measure's value and its English number answer each other.
            Some(Some(_)) => protected.zh.push(m.start()..m.end()),
            Some(None) if !found => measures.push(m.start()..m.end()),
            _ if !found && !kept => missing.push(m.start()..m.end()),
            _ => {}
        }
    }
    protected.en_used.extend(used);
    if missing.is_empty() {
        // Measures alone: they go with the bead's numbers.
        protected.measures_missing = measures;
    } else {
        missing.extend(measures);
        missing.sort_by_key(|r| r.start);
        out.extend(missing_codes_finding(p, &missing));
    }
}

/// A code of the Chinese that the English leaves out in at least this many beads ...
pub const CODE_HABIT_MIN: usize = 2;

/// ... and in at least this share of the beads that have it is left out on purpose (a
/// unit the translation drops in one phrase): the same measure of a habit as for
/// glossary terms (`terminology::HABIT_MIN_SHARE`).
pub const CODE_HABIT_SHARE: f64 = 0.1;

/// Demote the `code` findings of codes the translation habitually leaves out (see
/// [`CODE_HABIT_MIN`]); a code dropped once where it is elsewhere kept stays a warning.
pub fn demote_codes_dropped_throughout(pairs: &[AlignedPair], out: &mut [Finding]) {
    // A code written with one character changed ('OX' for 'OK') is a typo, not a
    // code left out: no habit.
    let mistyped = |f: &Finding, code: &str| {
        f.en.as_deref().is_some_and(|en| {
            en.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                w.len() == code.len()
                    && w.chars().zip(code.chars()).filter(|(a, b)| a != b).count() == 1
            })
        })
    };
    let mut missing: HashMap<String, usize> = HashMap::new();
    for f in out.iter().filter(|f| f.kind == FindingType::Code) {
        if let Some(code) = &f.term
            && !mistyped(f, code)
        {
            *missing.entry(code.clone()).or_default() += 1;
        }
    }
    for (code, n) in missing {
        let occurs = pairs
            .iter()
            .filter(|p| p.zh.contains(code.as_str()))
            .count();
        if n < CODE_HABIT_MIN || (n as f64) < CODE_HABIT_SHARE * occurs as f64 {
            continue;
        }
        for f in out.iter_mut().filter(|f| {
            f.kind == FindingType::Code
                && f.term.as_deref() == Some(code.as_str())
                && !mistyped(f, &code)
        }) {
            f.severity = Severity::Info;
            f.message = format!(
                "{} (left out in {n} of the {occurs} beads that have it: the translation's habit)",
                f.message
            );
        }
    }
}

/// The English is the Chinese, or has Chinese characters in it. A segment of Latin
/// text only (a code, a name, an English title in the Chinese) may stay as it is,
/// and a Chinese word given in brackets after its translation ('the Way (道)') is a
/// note.
pub fn check_untranslated(p: &AlignedPair) -> Option<Finding> {
    let latin_only = !p.zh.chars().any(is_han);
    let same = p.en.trim() == p.zh.trim();
    // A code or a name may stand the same on both sides; a sentence is untranslated
    // (an English-to-Chinese file's target left in English).
    if same && latin_only && !is_latin_sentence(p.zh.trim()) {
        return None;
    }
    let han: String = p.en.chars().filter(|&c| is_han(c)).collect();
    if !same && han.is_empty() {
        return None;
    }
    let glossed = !same && han_only_in_brackets(&p.en) && p.en.split_whitespace().count() >= 3;
    let mut f = Finding::bead(
        FindingType::Untranslated,
        if glossed {
            Severity::Info
        } else {
            Severity::Error
        },
        p,
        if same && latin_only {
            "both sides hold the same English sentence: untranslated".into()
        } else if same {
            "the English side is the Chinese text".into()
        } else if glossed {
            format!("the English gives Chinese in brackets: {han}")
        } else {
            format!("the English side contains Chinese characters: {han}")
        },
    );
    if !same {
        let start = p.en.find(|c: char| is_han(c)).unwrap_or(0);
        let end =
            p.en.char_indices()
                .rfind(|&(_, c)| is_han(c))
                .map_or(start, |(i, c)| i + c.len_utf8());
        f.set_spans(None, Some(start..end), &p.en);
    }
    f.term = Some(if same { p.en.trim().to_string() } else { han });
    Some(f)
}

/// A sentence of Latin script: two words or more, one of them in lower case, and a
/// full stop, question or exclamation mark at the end (not 'ISO 9001', 'Jack Smith').
fn is_latin_sentence(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && text.ends_with(['.', '!', '?'])
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// Every Chinese character of `en` stands inside round brackets.
fn han_only_in_brackets(en: &str) -> bool {
    let mut depth = 0i32;
    for c in en.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            c if is_han(c) && depth <= 0 => return false,
            _ => {}
        }
    }
    true
}

/// Slips of typing in the English of a bead: a word twice, two spaces, spaces at the
/// ends that the Chinese has not, a bracket or quotation mark without its pair (where
/// the Chinese has its pairs), a sentence starting in lower case, full-width
/// punctuation. `previous` is the bead before, whose English may leave a sentence open.
pub fn check_form(p: &AlignedPair, previous: Option<&AlignedPair>, out: &mut Vec<Finding>) {
    repeated_word(p, out);
    double_space(p, out);
    end_spaces(p, out);
    unpaired(p, out);
    capital(p, previous, out);
    capital_after_stop(p, out);
    punctuation(p, out);
}

fn repeated_word(p: &AlignedPair, out: &mut Vec<Finding>) {
    let en = &p.en;
    let mut prev: Option<(usize, &str)> = None;
    let mut at = 0;
    for word in en.split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            prev = None;
            continue;
        }
        // 'had had', 'that that', 'gave her her coat' are English; a name may double
        // (Zhen Zhen), and a sound repeats on purpose (tock tock tock); a word with
        // punctuation ends a clause.
        let plain = word.chars().all(char::is_alphabetic);
        let thrice = en[at.min(en.len())..]
            .split(' ')
            .next()
            .is_some_and(|next| next.trim_end_matches(|c: char| !c.is_alphabetic()) == word);
        if let Some((s, w)) = prev
            && plain
            && w.eq_ignore_ascii_case(word)
            && !matches!(word.to_lowercase().as_str(), "had" | "that" | "her" | "is")
            // a capitalised word that is no function word is a name
            && (!word.starts_with(char::is_uppercase)
                || crate::lexicon::is_english_stopword(&word.to_lowercase()))
            && !thrice
            && !en[..s].trim_end().ends_with(word)
        {
            let mut f = Finding::bead(
                FindingType::RepeatedWord,
                Severity::Warning,
                p,
                format!("'{word}' written twice"),
            );
            f.term = Some(format!("{w} {word}"));
            f.set_spans(None, Some(s..start + word.len()), en);
            out.push(f);
            return;
        }
        prev = plain.then_some((start, word));
    }
}

fn double_space(p: &AlignedPair, out: &mut Vec<Finding>) {
    let text = p.en.trim();
    if let Some(i) = text.find("  ") {
        let offset = p.en.len() - p.en.trim_start().len();
        let start = offset + i;
        let mut f = Finding::bead(
            FindingType::DoubleSpace,
            Severity::Warning,
            p,
            "two spaces in a row in the English".into(),
        );
        f.term = Some("  ".into());
        let from = p.en[..start].rfind(' ').map_or(0, |k| k + 1).min(start);
        let to = p.en[start + 2..]
            .find(' ')
            .map_or(p.en.len(), |k| start + 2 + k);
        f.set_spans(None, Some(from..to), &p.en);
        out.push(f);
    }
}

fn end_spaces(p: &AlignedPair, out: &mut Vec<Finding>) {
    let lead = |s: &str| s.len() - s.trim_start().len() > 0;
    let trail = |s: &str| s.len() - s.trim_end().len() > 0;
    let mut which = Vec::new();
    if lead(&p.en) != lead(&p.zh) {
        which.push("leading");
    }
    if trail(&p.en) != trail(&p.zh) {
        which.push("trailing");
    }
    if which.is_empty() {
        return;
    }
    let mut f = Finding::bead(
        FindingType::Whitespace,
        Severity::Warning,
        p,
        format!(
            "{} spaces differ between the Chinese and the English",
            which.join(" and ")
        ),
    );
    f.term = Some(which.join(" and "));
    out.push(f);
}

/// Brackets and quotation marks: (open, close) pairs, the Chinese forms with theirs.
const PAIRS: &[(char, char, &[char], &[char])] = &[
    ('(', ')', &['(', '（'], &[')', '）']),
    ('[', ']', &['[', '【', '〔'], &[']', '】', '〕']),
    ('{', '}', &['{'], &['}']),
    ('“', '”', &['“', '「', '『'], &['”', '」', '』']),
];

fn unpaired(p: &AlignedPair, out: &mut Vec<Finding>) {
    let count = |text: &str, set: &[char]| text.chars().filter(|c| set.contains(c)).count() as i64;
    for &(open, close, zh_open, zh_close) in PAIRS {
        let en_balance = count(&p.en, &[open]) - count(&p.en, &[close]);
        let zh_balance = count(&p.zh, zh_open) - count(&p.zh, zh_close);
        // A quotation may run over several beads: only a difference from the Chinese.
        if en_balance == 0 || en_balance == zh_balance {
            continue;
        }
        let c = if en_balance > 0 { open } else { close };
        let at = unmatched(&p.en, open, close, en_balance > 0);
        unpaired_finding(p, c, at, out);
        return;
    }
    // Straight double quotes pair with themselves.
    let straight = count(&p.en, &['"']) % 2;
    let zh_quotes = (count(&p.zh, &['“', '"']) - count(&p.zh, &['”'])).abs() % 2;
    if straight != zh_quotes && straight == 1 {
        unpaired_finding(p, '"', p.en.rfind('"'), out);
    }
}

/// Where the bracket without its pair stands: the first opening one left open at the
/// end ('(4.4% in' of '9 (4.4% in A and 2 (1.0%)', not the last opening bracket), or
/// (`opening` false) the first closing one with none open before it.
fn unmatched(text: &str, open: char, close: char, opening: bool) -> Option<usize> {
    let mut open_at: Vec<usize> = Vec::new();
    let mut stray = None;
    for (i, c) in text.char_indices() {
        if c == open {
            open_at.push(i);
        } else if c == close && open_at.pop().is_none() && stray.is_none() {
            stray = Some(i);
        }
    }
    if opening {
        open_at.first().copied()
    } else {
        stray
    }
}

fn unpaired_finding(p: &AlignedPair, c: char, at: Option<usize>, out: &mut Vec<Finding>) {
    let mut f = Finding::bead(
        FindingType::Unpaired,
        Severity::Warning,
        p,
        format!("'{c}' without its pair in the English (the Chinese has its pairs)"),
    );
    f.term = Some(c.to_string());
    if let Some(i) = at {
        f.set_spans(None, Some(i..i + c.len_utf8()), &p.en);
    }
    out.push(f);
}

/// The text after a list label written in lower case ('(iv) ', 'b) ', 'ii. '): a
/// label, not the sentence's first word.
fn skip_list_label(text: &str) -> &str {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let label_len = inner
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(inner.len());
    let label = &inner[..label_len];
    let roman = !label.is_empty() && label.chars().all(|c| "ivxlc".contains(c));
    if !(roman || label.len() == 1) {
        return text;
    }
    let rest = &inner[label_len..];
    let closed = if inner.len() < text.len() {
        rest.strip_prefix(')')
    } else {
        rest.strip_prefix(')').or_else(|| rest.strip_prefix('.'))
    };
    match closed {
        Some(after) if after.starts_with(char::is_whitespace) => after.trim_start(),
        _ => text,
    }
}

fn capital(p: &AlignedPair, previous: Option<&AlignedPair>, out: &mut Vec<Finding>) {
    let text = skip_list_label(p.en.trim_start()).trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-' | '…')
    });
    let word: &str = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .next()
        .unwrap_or("");
    let lower_start = word.starts_with(|c: char| c.is_lowercase());
    // iPhone, eBay, e-mail, x-ray: brand and technical words start in lower case.
    let own_case = word.chars().skip(1).any(char::is_uppercase) || word.contains('-');
    // The bead before may leave the sentence open (a list, a clause cut off), unless
    // it is a heading: numbered, in capitals, ending without a mark ('(v) Useful
    // explorations begin').
    let heading = |en: &str| {
        let en = en.trim();
        let after = skip_list_label(en);
        // A clause cut off ends in a word that needs more ('shall', 'and', 'of').
        let last = en
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        after.len() < en.len()
            && after.starts_with(char::is_uppercase)
            && en.ends_with(char::is_alphanumeric)
            && !crate::lexicon::is_english_stopword(&last.to_lowercase())
    };
    let continues = previous.is_some_and(|b| {
        !b.en
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', '。', '！', '？', ':'])
            && !heading(&b.en)
    });
    let zh_latin_start =
        p.zh.trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase());
    // A phrase (a table cell, a list item, a glossary-like line) may start in lower
    // case; a sentence, which ends as one, may not.
    let sentence =
        p.en.trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?']);
    if !lower_start
        || !sentence
        || own_case
        || continues
        || zh_latin_start
        || p.zh.trim().is_empty()
    {
        return;
    }
    let mut f = Finding::bead(
        FindingType::Capital,
        Severity::Warning,
        p,
        format!("the English sentence starts in lower case: '{word}'"),
    );
    f.term = Some(word.to_string());
    let start = p.en.len() - text.len();
    f.set_spans(None, Some(start..start + word.len()), &p.en);
    out.push(f);
}

/// A word, a full stop and a word in lower case: where the stop ends a sentence.
static STOP_THEN_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\w.])(\p{L}[\p{L}.]*)\.\s+(\p{Ll}[\p{L}'’-]*)").expect("valid regex")
});

/// Abbreviations a full stop ends without ending the sentence ('etc. and', 'Fig. 3').
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "art", "aug", "ave", "bros", "ca", "cf", "ch", "cm", "co", "corp",
    "dec", "dept", "dr", "ed", "eds", "esp", "est", "etc", "feb", "fig", "figs", "ft", "gov",
    "govt", "ibid", "inc", "incl", "jan", "jr", "jul", "jun", "kg", "km", "lb", "llc", "ltd",
    "mar", "mm", "ml", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op", "oz", "para",
    "plc", "pp", "prof", "rd", "sec", "sep", "sept", "sq", "sr", "st", "univ", "viz", "vol", "vs",
];

/// A sentence inside the bead that starts in lower case, after a full stop that ends a
/// word (no abbreviation, no initial, no ellipsis): the segmenter keeps such a stop
/// inside one unit, so [`capital`] sees only the first sentence.
fn capital_after_stop(p: &AlignedPair, out: &mut Vec<Finding>) {
    let Some(m) = STOP_THEN_LOWER.captures_iter(&p.en).find(|c| {
        let word = c[1].to_lowercase();
        // iPhone, e-mail: words that start in lower case of their own.
        let own_case = c[2].chars().skip(1).any(char::is_uppercase) || c[2].contains('-');
        word.chars().count() > 1
            && !word.contains('.')
            && !ABBREVIATIONS.contains(&word.as_str())
            && !own_case
    }) else {
        return;
    };
    let next = m.get(2).expect("a group of the regex");
    let mut f = Finding::bead(
        FindingType::Capital,
        Severity::Warning,
        p,
        format!(
            "a sentence after '{}.' starts in lower case: '{}'",
            &m[1],
            next.as_str()
        ),
    );
    f.term = Some(next.as_str().to_string());
    f.set_spans(None, Some(next.range()), &p.en);
    out.push(f);
}

fn punctuation(p: &AlignedPair, out: &mut Vec<Finding>) {
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
        if let Some(i) = p.en.find(|c: char| found.contains(c)) {
            let c = p.en[i..].chars().next().expect("found above");
            f.set_spans(None, Some(i..i + c.len_utf8()), &p.en);
        }
        f.term = Some(found);
        out.push(f);
    }
}

/// A segment long enough that translating it two ways is an inconsistency, not a
/// matter of context: six Chinese characters, six English words.
const MIN_REPEATED_HAN: usize = 6;
const MIN_REPEATED_WORDS: usize = 6;

/// The text of a segment as consistency compares it: letters and digits only, in
/// lower case (spacing, punctuation and case are the form checks' business).
fn segment_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The same Chinese translated differently, and the same English given for different
/// Chinese, across the document: one finding on each later bead, naming the first.
pub fn check_repeated_segments(pairs: &[AlignedPair]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut by_zh: HashMap<String, usize> = HashMap::new();
    let mut by_en: HashMap<String, usize> = HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        if p.zh.trim().is_empty() || p.en.trim().is_empty() {
            continue;
        }
        let (zh, en) = (segment_key(&p.zh), segment_key(&p.en));
        if p.zh.chars().filter(|&c| is_han(c)).count() >= MIN_REPEATED_HAN
            && let Some(first) = first_with_other(&mut by_zh, zh.clone(), i, pairs, &en, |q| &q.en)
        {
            let message = format!(
                "the same Chinese as bead {} is translated differently there: '{}'",
                first.id,
                first.en.trim()
            );
            out.push(repeated(FindingType::SameZhDifferentEn, p, first, message));
        }
        if p.en.split_whitespace().count() >= MIN_REPEATED_WORDS
            && let Some(first) = first_with_other(&mut by_en, en, i, pairs, &zh, |q| &q.zh)
        {
            let message = format!(
                "the same English as bead {} stands for different Chinese there: '{}'",
                first.id,
                first.zh.trim()
            );
            out.push(repeated(FindingType::SameEnDifferentZh, p, first, message));
        }
    }
    out
}

/// The first bead seen with segment key `key` when its other side (`other_side`) is
/// not `other_key`; a key seen for the first time is remembered as bead `i`.
fn first_with_other<'p>(
    seen: &mut HashMap<String, usize>,
    key: String,
    i: usize,
    pairs: &'p [AlignedPair],
    other_key: &str,
    other_side: impl Fn(&AlignedPair) -> &str,
) -> Option<&'p AlignedPair> {
    match seen.get(&key) {
        Some(&j) => {
            let first = &pairs[j];
            (segment_key(other_side(first)) != other_key).then_some(first)
        }
        None => {
            seen.insert(key, i);
            None
        }
    }
}

/// A warning on bead `p` that repeats `first` with another counterpart.
fn repeated(kind: FindingType, p: &AlignedPair, first: &AlignedPair, message: String) -> Finding {
    let mut f = Finding::bead(kind, Severity::Warning, p, message);
    f.related = vec![first.id];
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(zh: &str, en: &str) -> Vec<FindingType> {
        let p = AlignedPair::new(0, zh, en);
        let mut out = Vec::new();
        check_form(&p, None, &mut out);
        check_codes(&p, &mut out);
        if let Some(f) = check_untranslated(&p) {
            out.push(f);
        }
        out.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn urls_mails_and_tags_must_pass_through() {
        use FindingType::*;
        assert!(
            kinds(
                "详见https://www.example.cn/a。",
                "See https://www.example.cn/a."
            )
            .is_empty()
        );
        assert_eq!(
            kinds(
                "详见https://www.example.cn/a。",
                "See https://www.example.cn/b."
            ),
            [Url]
        );
        assert_eq!(kinds("详见www.example.cn。", "See the website."), [Url]);
        assert_eq!(
            kinds("联系office@example.cn。", "Write to ofice@example.cn."),
            [Email]
        );
        assert!(kinds("<b>数据</b>治理", "<b>Data</b> governance").is_empty());
        assert_eq!(kinds("<b>数据</b>治理", "<b>Data governance"), [Tag]);
        assert_eq!(kinds("共{0}个文件", "{1} files"), [Tag]);
        // 《》 and a less-than sign are no tags.
        assert!(kinds("《数据安全法》规定<5%。", "The Data Security Law sets <5%.").is_empty());
    }

    #[test]
    fn latin_codes_as_written_or_spelt_out() {
        use FindingType::*;
        assert!(kinds("G20峰会", "The G20 summit").is_empty());
        assert!(kinds("APEC会议", "The Asia-Pacific Economic Cooperation meeting").is_empty());
        assert!(kinds("WTO规则", "Rules of the World Trade Organization").is_empty());
        assert_eq!(kinds("ITU标准", "ITX standards"), [Code]);
        assert_eq!(
            kinds(
                "国际电信联盟（ITU）",
                "The International Telecommunication Union (ITX)"
            ),
            [Code]
        );
        assert_eq!(kinds("3GPP标准", "3rd Generation standards"), [Code]);
        assert!(kinds("他说OK。", "He said okay.").is_empty());
        assert_eq!(kinds("他说OK。", "He said yes."), [Code]);
        // A name in Latin letters respelt or corrected by one letter is the same name;
        // a code in capitals is not, and a name two letters off is another.
        assert!(kinds("Heisenburg原理", "Heisenberg's principle").is_empty());
        assert!(kinds("Heisenburg原理", "Heisenbug's principle").is_empty());
        assert_eq!(kinds("Heisenburg原理", "Bohr's principle"), [Code]);
        assert_eq!(kinds("Kolmos常数", "Kelvin's constant"), [Code]);
        // A code defined in brackets after the Chinese name stays as written: the
        // spelt-out name translates the name.
        assert_eq!(
            kinds(
                "国际电信联盟（ITU）",
                "The International Telecommunication Union (Programme)"
            ),
            [Code]
        );
        assert_eq!(
            kinds("《伙伴关系协定》（PA）", "The Partnership Agreement"),
            [Code]
        );
        assert!(
            kinds(
                "国际电信联盟（ITU）",
                "The International Telecommunication Union (ITU)"
            )
            .is_empty()
        );
        // A number with its unit symbol: the number counts, in digits or words.
        assert!(kinds("管子长7cm。", "The pipe is seven centimeters long.").is_empty());
        let checked = |zh: &str, en: &str| -> Vec<(FindingType, String)> {
            let terms = crate::check::terms::TermSet::default().build();
            let pairs = [AlignedPair::new(0, zh, en)];
            crate::check::check(&pairs, &terms, &[], &crate::check::CheckOptions::default())
                .into_iter()
                .map(|f| (f.kind, f.message))
                .collect()
        };
        let found = checked("管子长7cm。", "The pipe is long.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Code);
        // A measure whose value differs goes with the bead's other numbers: one finding.
        let found = checked("杆长2.5±0.4m。", "The rod is 2.6±0.1m long.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, NumberMismatch);
        assert!(found[0].1.contains("'0.4m'"), "{found:?}");
    }

    #[test]
    fn a_code_the_translation_drops_in_several_beads_is_a_note() {
        let terms = crate::check::terms::TermSet::default().build();
        let opts = crate::check::CheckOptions::default();
        let code_findings = |pairs: &[AlignedPair]| -> Vec<(usize, Severity)> {
            crate::check::check(pairs, &terms, &[], &opts)
                .into_iter()
                .filter(|f| f.kind == FindingType::Code)
                .map(|f| (f.bead.unwrap(), f.severity))
                .collect()
        };
        let dropped = |id| AlignedPair::new(id, "一台5G手机。", "A new phone.");
        let kept = |id| AlignedPair::new(id, "一台5G手机。", "A 5G phone.");
        // Dropped once where it is kept elsewhere: a warning.
        assert_eq!(
            code_findings(&[kept(0), dropped(1), kept(2)]),
            [(1, Severity::Warning)]
        );
        // Dropped twice: the translation's way with it.
        assert_eq!(
            code_findings(&[dropped(0), dropped(1), kept(2)]),
            [(0, Severity::Info), (1, Severity::Info)]
        );
        // Mistyped twice ('5X'): typos, not a habit.
        let typo = |id| AlignedPair::new(id, "一台5G手机。", "A 5X phone.");
        assert_eq!(
            code_findings(&[typo(0), typo(1)]),
            [(0, Severity::Warning), (1, Severity::Warning)]
        );
    }

    #[test]
    fn slips_of_typing() {
        use FindingType::*;
        assert_eq!(kinds("数据。", "The the data."), [RepeatedWord]);
        assert!(kinds("他说的。", "He had had enough.").is_empty());
        assert!(kinds("钟声。", "A tock tock tock came.").is_empty());
        assert!(kinds("珍珍来了。", "Zhen Zhen came.").is_empty());
        assert_eq!(kinds("我来了。", "I I came."), [RepeatedWord]);
        assert_eq!(kinds("数据。", "The data  grew."), [DoubleSpace]);
        assert_eq!(kinds("数据。", "The data grew. "), [Whitespace]);
        assert!(kinds("数据。 ", "The data grew. ").is_empty());
        assert_eq!(kinds("数据（2022）。", "Data (2022."), [Unpaired]);
        // The bracket left open is marked, not the last one opened.
        assert_eq!(unmatched("A (4.4% in B) and (1.0%).", '(', ')', true), None);
        assert_eq!(
            unmatched("9 (4.4% in A and 2 (1.0%) in B.", '(', ')', true),
            Some(2)
        );
        assert_eq!(unmatched("9 4.4%) in A (1.0%).", '(', ')', false), Some(6));
        // The kind of bracket the finding names: a stray ')' before an open '('.
        assert_eq!(unmatched("Data) (2022 (x.", '(', ')', true), Some(6));
        // A quotation running over beads: unpaired on both sides alike.
        assert!(kinds("“我们走吧。", "“Let us go.").is_empty());
        assert_eq!(kinds("数据很好。", "data is good."), [Capital]);
        assert!(kinds("苹果手机很好。", "iPhones are good.").is_empty());
        // A list label in lower case is no sentence start; the word after it is.
        for en in ["(iv) Doing more.", "iv. Doing more.", "(b) Doing more."] {
            assert!(kinds("（四）做得更多。", en).is_empty(), "{en}");
        }
        assert_eq!(kinds("（四）做得更多。", "(iv) doing more."), [Capital]);
        assert_eq!(kinds("数据。", "Data，good."), [Punctuation]);
        // A second sentence in the bead, after a full stop that ends a word.
        assert_eq!(
            kinds(
                "门店有经理。门店九点开门。",
                "Each store has a manager. stores open at nine."
            ),
            [Capital]
        );
        for en in [
            "See Fig. 3 and the tables, etc. and more.",
            "Dr. Li and Mr. Wang arrived at 9 a.m. sharp.",
            "He paused... and went on.",
            "Acme Co., Ltd. and its subsidiaries, like Apple Inc. and others, grew.",
            "It covers 9.6 million sq. km of land.",
            "Apple Inc. released it. iPhone sales rose.",
        ] {
            assert!(kinds("数据。", en).is_empty(), "{en}");
        }
    }

    #[test]
    fn a_sentence_after_a_heading_starts_anew() {
        let heading = AlignedPair::new(0, "（五）有益的探索", "(v) Useful steps taken");
        let after = AlignedPair::new(1, "各国应当合作。", "countries should work together.");
        let mut out = Vec::new();
        check_form(&after, Some(&heading), &mut out);
        assert_eq!(
            out.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [FindingType::Capital]
        );
        // A list item cut off: the next bead goes on with it.
        for item in ["(a) the data controller and", "(a) Member States shall"] {
            let item = AlignedPair::new(0, "（甲）成员国应当", item);
            let mut out = Vec::new();
            check_form(&after, Some(&item), &mut out);
            assert!(out.is_empty(), "{out:?}");
        }
    }

    #[test]
    fn untranslated_and_glossed_chinese() {
        let p = AlignedPair::new(0, "道可道", "道可道");
        assert_eq!(check_untranslated(&p).unwrap().severity, Severity::Error);
        // Latin text in the Chinese may stay as it is.
        assert!(check_untranslated(&AlignedPair::new(0, "ISO 9001", "ISO 9001")).is_none());
        assert!(check_untranslated(&AlignedPair::new(0, "Jack Smith", "Jack Smith")).is_none());
        // A sentence left in English on the Chinese side (an English-to-Chinese target).
        let left = AlignedPair::new(0, "Untranslated here.", "Untranslated here.");
        assert_eq!(check_untranslated(&left).unwrap().severity, Severity::Error);
        let glossed = AlignedPair::new(0, "道可道", "The Way (道) that can be told");
        assert_eq!(
            check_untranslated(&glossed).unwrap().severity,
            Severity::Info
        );
        let left = AlignedPair::new(0, "我们要治理", "We must 治理 it");
        assert_eq!(check_untranslated(&left).unwrap().severity, Severity::Error);
    }

    #[test]
    fn repeated_segments_both_ways() {
        let pairs = [
            AlignedPair::new(
                0,
                "我们要加强数据安全治理。",
                "We must strengthen the security of data.",
            ),
            AlignedPair::new(1, "其他内容。", "Something else entirely here."),
            AlignedPair::new(
                2,
                "我们要加强数据安全治理。",
                "We must reinforce the security of data.",
            ),
            AlignedPair::new(
                3,
                "我们必须保护个人信息。",
                "We must strengthen the security of data.",
            ),
            // the same translation again, differently spaced: consistent
            AlignedPair::new(
                4,
                "我们要加强数据安全治理。",
                "We must  strengthen the security of data",
            ),
        ];
        let found = check_repeated_segments(&pairs);
        let got: Vec<(FindingType, Option<usize>, Vec<usize>)> = found
            .iter()
            .map(|f| (f.kind, f.bead, f.related.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (FindingType::SameZhDifferentEn, Some(2), vec![0]),
                (FindingType::SameEnDifferentZh, Some(3), vec![0]),
            ]
        );
    }
}
