//! Headings: numbering labels (一、 （一） 1. （1） ① 第一章 附录; I. (i) (a) 1.1 (1)
//! Chapter 1 Appendix A), their values (一 -> 1, iv -> 4, ③ -> 3, (c) -> 3), unnumbered
//! title lines, and date lines / bylines.
//!
//! ```
//! use bitext::segment::heading::{parse_label, Numbering};
//! use bitext::segment::Lang;
//! let m = parse_label("（十二）数据治理", Lang::Zh, &Numbering::default()).unwrap();
//! assert_eq!((m.label.style.as_str(), m.label.number), ("zh-paren", Some(12)));
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Label, Lang};

/// A label found at the start of a line; `len` bytes cover it and the space after it.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelMatch {
    pub label: Label,
    pub len: usize,
}

/// What has been seen of each numbering style so far: the last value (to tell the
/// letter (i) after (h) from the roman numeral) and the level each style took.
#[derive(Clone, Debug, Default)]
pub struct Numbering {
    last: HashMap<String, u32>,
    levels: HashMap<String, usize>,
}

impl Numbering {
    fn last(&self, style: &str) -> Option<u32> {
        self.last.get(style).copied()
    }

    /// Record a label that was used.
    pub fn note(&mut self, label: &Label) {
        if let Some(n) = label.number {
            self.last.insert(label.style.clone(), n);
        }
    }

    /// The level of `style`: the level it took when first seen, else one below the
    /// innermost open level `depth`.
    pub fn level(&mut self, style: &str, depth: usize) -> usize {
        *self.levels.entry(style.to_string()).or_insert(depth + 1)
    }
}

/// Label styles that name a division (Chapter 2, Part I, Appendix).
pub const DIVISION_STYLES: &[&str] = &["part", "chapter", "section", "article", "book", "appendix"];

const ZH_DIGITS: &str = "零〇一二三四五六七八九十百千两";

static ZH_DI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^第\s*([0-9{ZH_DIGITS}]+)\s*(章|节|條|条|部分|编|篇|款|项|讲|回|卷)[\s:：]*"
    ))
    .expect("valid regex")
});
static ZH_DUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^([{ZH_DIGITS}]+)\s*[、．.]\s*")).expect("valid regex"));
static ZH_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[（(]\s*([{ZH_DIGITS}]+)\s*[）)]\s*")).expect("valid regex")
});
static ARABIC_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9０-９]{1,3})\s*([.．、])").expect("valid regex"));
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,3}(?:\.[0-9]{1,3}){1,3})\.?\s*").expect("valid regex"));
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]\s*([0-9０-９]{1,3}|[a-z]{1,6}|[A-Z]{1,6})\s*[）)]\s*").expect("valid regex")
});
static EN_DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(Part|PART|Chapter|CHAPTER|Section|SECTION|Article|ARTICLE|Appendix|APPENDIX|Annex|ANNEX|Book|BOOK)(?:\s+([0-9]{1,3}|[IVXLC]{1,7}|[A-Z]|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN))?(?:$|[\s.:—–-]+)",
    )
    .expect("valid regex")
});
static EN_ROMAN_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLC]{1,7})\.(?:\s+|$)").expect("valid regex"));
static EN_ALPHA_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+").expect("valid regex"));
static EN_BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2})\s+").expect("valid regex"));
static ZH_APPENDIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(附录|附件)\s*([0-9A-Z{ZH_DIGITS}]*)[\s:：]*")).expect("valid regex")
});
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[（(]?\s*(?:[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})\s*年(?:\s*[0-9{ZH_DIGITS}]{{1,3}}\s*月(?:\s*[0-9{ZH_DIGITS}]{{1,3}}\s*日)?)?\s*[）)]?$"
    ))
    .expect("valid regex")
});
const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\(?\s*(?:{MONTH}\s+(?:[0-9]{{1,2}},?\s+)?[0-9]{{4}}|[0-9]{{1,2}}\s+{MONTH},?\s+[0-9]{{4}})\s*\)?$"
    ))
    .expect("valid regex")
});

/// Parse a Chinese numeral (一 = 1, 十二 = 12, 二十三 = 23, 一百零五 = 105) or digits.
pub fn zh_number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let (mut total, mut current) = (0u32, 0u32);
    let mut any = false;
    for c in s.chars() {
        let digit = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = digit {
            current = current.checked_mul(10)?.checked_add(d)?;
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        // 十二: a bare unit means one of it.
        let n = if any && current > 0 { current % 10 } else { 1 };
        total = total.checked_add(n.checked_mul(unit)?)?;
        current = 0;
        any = true;
    }
    any.then(|| total + current)
}

/// Parse a roman numeral (either case), refusing non-canonical spellings.
pub fn roman_number(s: &str) -> Option<u32> {
    let value = |c: char| match c.to_ascii_lowercase() {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let vals: Option<Vec<u32>> = s.chars().map(value).collect();
    let vals = vals?;
    if vals.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, &v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    (to_roman(n).eq_ignore_ascii_case(s)).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn digits_number(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    ascii.parse().ok()
}

fn word_number(s: &str) -> Option<u32> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = s.to_ascii_lowercase();
    WORDS.iter().position(|w| *w == lower).map(|i| i as u32 + 1)
}

/// The value of a letter-or-roman label: `(i)` is the letter i (9) right after `(h)`,
/// the numeral 1 otherwise; `(c)` after `(b)` is 3. Returns (style suffix, value).
fn letter_or_roman(s: &str, alpha_style: &str, roman_style: &str, n: &Numbering) -> (String, u32) {
    let letter = (s.len() == 1)
        .then(|| s.chars().next())
        .flatten()
        .map(|c| (c.to_ascii_lowercase() as u32).saturating_sub('a' as u32) + 1);
    let roman = roman_number(s);
    match (letter, roman) {
        (Some(l), Some(r)) => {
            let continues_letters = n.last(alpha_style) == Some(l - 1);
            let continues_roman = n.last(roman_style) == Some(r - 1);
            if continues_letters && !continues_roman {
                (alpha_style.into(), l)
            } else if r == 1 || continues_roman {
                (roman_style.into(), r)
            } else {
                (alpha_style.into(), l)
            }
        }
        (Some(l), None) => (alpha_style.into(), l),
        (None, Some(r)) => (roman_style.into(), r),
        (None, None) => (roman_style.into(), 0),
    }
}

fn label(raw: &str, style: impl Into<String>, number: Option<u32>) -> Label {
    Label {
        raw: raw.trim().to_string(),
        style: style.into(),
        number,
    }
}

/// A numbering label at the start of `line` (already trimmed), or None. Styles are
/// shared across the two languages where they nest alike: `1.` and `1、` are both
/// `arabic-dot`, `(1)` and `（1）` both `arabic-paren`, 一、 and I. are distinct but take
/// the same level by nesting order. A number alone (`1.`, 一、) labels nothing: a
/// numbered heading has text after its label; a division word (第一章, Chapter 2,
/// Appendix) is a title in itself.
pub fn parse_label(line: &str, lang: Lang, n: &Numbering) -> Option<LabelMatch> {
    let m = label_at_start(line, lang, n)?;
    let division =
        m.label.style.starts_with("zh-di-") || DIVISION_STYLES.contains(&m.label.style.as_str());
    (division || !line[m.len..].trim().is_empty()).then_some(m)
}

fn label_at_start(line: &str, lang: Lang, n: &Numbering) -> Option<LabelMatch> {
    let found = |m: regex::Match<'_>, label: Label| {
        Some(LabelMatch {
            label,
            len: m.end(),
        })
    };
    if let Some(c) = ZH_DI.captures(line) {
        let kind = match &c[2] {
            "章" => "chapter",
            "节" => "section",
            "条" | "條" => "article",
            "部分" => "part",
            other => other,
        };
        let style = format!("zh-di-{kind}");
        return found(c.get(0)?, label(&c[0], style, zh_number(&c[1])));
    }
    if let Some(c) = ZH_APPENDIX.captures(line) {
        let num = zh_number(&c[2]).or_else(|| {
            c[2].chars()
                .next()
                .filter(char::is_ascii_uppercase)
                .map(|ch| ch as u32 - 'A' as u32 + 1)
        });
        return found(c.get(0)?, label(&c[0], "appendix", num));
    }
    if let Some(c) = ZH_DUN.captures(line) {
        return found(c.get(0)?, label(&c[0], "zh-dun", zh_number(&c[1])));
    }
    if let Some(c) = ZH_PAREN.captures(line) {
        return found(c.get(0)?, label(&c[0], "zh-paren", zh_number(&c[1])));
    }
    if let Some(first) = line.chars().next()
        && ('①'..='⑳').contains(&first)
    {
        let len = first.len_utf8();
        let rest = &line[len..];
        let len = len + (rest.len() - rest.trim_start().len());
        let number = first as u32 - '①' as u32 + 1;
        return Some(LabelMatch {
            label: label(&line[..len], "circled", Some(number)),
            len,
        });
    }
    if let Some(c) = DECIMAL.captures(line)
        && decimal_label_ends(line, c.get(0)?.end(), lang)
    {
        let depth = c[1].split('.').count();
        let last = c[1].rsplit('.').next().and_then(|s| s.parse().ok());
        return found(c.get(0)?, label(&c[0], format!("decimal-{depth}"), last));
    }
    if let Some(c) = ARABIC_DOT.captures(line) {
        let m = c.get(0)?;
        let rest = &line[m.end()..];
        let next = rest.chars().next();
        // 1.5, 1.x and 3.% are numbers, not labels; 1、 always is a label.
        let ok = &c[2] == "、"
            || next.is_none()
            || next.is_some_and(|ch| {
                ch.is_whitespace()
                    || (lang == Lang::Zh && !ch.is_ascii_alphanumeric() && ch != '%' && ch != '．')
            });
        if ok {
            let len = m.end() + (rest.len() - rest.trim_start().len());
            return Some(LabelMatch {
                label: label(&line[..len], "arabic-dot", digits_number(&c[1])),
                len,
            });
        }
    }
    if let Some(c) = PAREN.captures(line) {
        let inner = &c[1];
        let (style, number) = if inner
            .chars()
            .all(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        {
            ("arabic-paren".to_string(), digits_number(inner))
        } else if inner.chars().all(|ch| ch.is_ascii_lowercase()) {
            let (s, v) = letter_or_roman(inner, "alpha-paren", "roman-paren", n);
            (s, (v > 0).then_some(v))
        } else {
            let (s, v) = letter_or_roman(inner, "alpha-upper-paren", "roman-upper-paren", n);
            (s, (v > 0).then_some(v))
        };
        if number.is_some() {
            return found(c.get(0)?, label(&c[0], style, number));
        }
    }
    if lang == Lang::En {
        if let Some(c) = EN_DIVISION.captures(line) {
            let kind = c[1].to_ascii_lowercase();
            let number = c.get(2).and_then(|m| {
                let s = m.as_str();
                s.parse()
                    .ok()
                    .or_else(|| roman_number(s))
                    .or_else(|| word_number(s))
                    .or_else(|| {
                        s.chars()
                            .next()
                            .filter(char::is_ascii_uppercase)
                            .map(|ch| ch as u32 - 'A' as u32 + 1)
                    })
            });
            // "Section 2 of the Act provides ..." is a sentence: the division word
            // needs a number, or to stand alone (Appendix).
            if number.is_some() || line.len() == c[0].trim_end().len() {
                let style = match kind.as_str() {
                    "annex" => "appendix".to_string(),
                    k => k.to_string(),
                };
                return found(c.get(0)?, label(&c[0], style, number));
            }
        }
        if let Some(c) = EN_ROMAN_DOT.captures(line) {
            let rest = &line[c.get(0)?.end()..];
            // "I. am" is not a heading; a roman label is followed by a capital.
            if !rest.chars().next().is_some_and(char::is_lowercase) {
                let (style, v) = letter_or_roman(&c[1], "alpha-upper-dot", "roman-dot", n);
                if v > 0 {
                    return found(c.get(0)?, label(&c[0], style, Some(v)));
                }
            }
        }
        if let Some(c) = EN_ALPHA_DOT.captures(line)
            && !line[c.get(0)?.end()..].starts_with(char::is_lowercase)
        {
            let v = c[1].chars().next()? as u32 - 'A' as u32 + 1;
            return found(c.get(0)?, label(&c[0], "alpha-upper-dot", Some(v)));
        }
    }
    None
}

/// Whether a decimal label (1.2, 1.2.3) ends at `end`: a space or the end of the line,
/// a capital ("1.1.Radar"), or Chinese text ("10.1图"); "3.5 percent" and "1.25" are
/// numbers.
fn decimal_label_ends(line: &str, end: usize, lang: Lang) -> bool {
    let spaced = line[..end].ends_with(char::is_whitespace);
    match line[end..].chars().next() {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '%' || c == '.' => false,
        Some(c) if c.is_lowercase() => false,
        // 10.1图模型 is a heading, 1.5亿人口已经接入。 a sentence starting with a number.
        Some(c) if lang == Lang::Zh && crate::script::is_han(c) => {
            spaced || line[..end].matches('.').count() >= 2 || is_heading_text(&line[end..], lang)
        }
        Some(c) => spaced || c.is_uppercase(),
    }
}

/// A bare number before a title ("1 Academic Freedom"): a label only on a heading line.
pub fn parse_bare_number(line: &str) -> Option<LabelMatch> {
    let c = EN_BARE_NUMBER.captures(line)?;
    let m = c.get(0)?;
    Some(LabelMatch {
        label: label(m.as_str(), "arabic-dot", c[1].parse().ok()),
        len: m.end(),
    })
}

/// Whether a line is a date or a dateline: （2012年11月15日）, November 15, 2012.
pub fn is_date_line(line: &str) -> bool {
    ZH_DATE.is_match(line) || EN_DATE.is_match(line)
}

/// Whether a short line is a byline: ——习近平, By Li Wei.
pub fn is_byline(line: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => {
            let rest = line.trim_start_matches(['—', '－', '-']);
            rest.len() < line.len() && (1..=12).contains(&rest.chars().count())
        }
        Lang::En => line.strip_prefix("By ").is_some_and(|rest| {
            let words: Vec<&str> = rest.split_whitespace().collect();
            (1..=5).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }),
    }
}

/// Whether `text` ends with sentence-final punctuation (closing quotes aside).
pub fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| c.is_whitespace() || super::sentence::is_closer(c));
    core.ends_with(['。', '！', '？', '!', '?', '.', '．', '…'])
}

fn ends_open(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| c.is_whitespace() || super::sentence::is_closer(c));
    core.ends_with(['，', ',', '：', ':', '；', ';', '、', '—', '–', '-'])
}

/// Whether the text after a label is short enough to be a heading: numbered lines
/// longer than this, or ending like a sentence, are numbered paragraphs.
pub fn is_heading_text(rest: &str, lang: Lang) -> bool {
    if ends_open(rest) {
        return false;
    }
    match lang {
        Lang::Zh => {
            let n = rest.chars().count();
            // A full stop inside: sentences, not a title.
            n <= 50
                && !rest.trim_end().trim_end_matches('。').contains('。')
                && (!ends_sentence(rest) || (n <= 25 && rest.trim_end().ends_with(['？', '?'])))
        }
        Lang::En => {
            let words = rest.split_whitespace().count();
            words <= 25 && (!ends_sentence(rest) || (words <= 12 && rest.trim_end().ends_with('?')))
        }
    }
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "into", "onto", "over", "upon", "via", "vs", "per", "than",
];

/// Whether an unnumbered line is a title: short, no final punctuation, and (English)
/// in title case or capitals.
pub fn is_title_line(line: &str, lang: Lang) -> bool {
    if ends_sentence(line) || ends_open(line) {
        return false;
    }
    match lang {
        Lang::Zh => {
            let n = line.chars().count();
            let commas = line.matches(['，', ',']).count();
            // A comma makes a long line more likely an unpunctuated sentence; a full
            // stop inside makes it prose cut short (a title is no sentence).
            (n <= 40 && commas == 0 || n <= 24 && commas == 1)
                && line.chars().any(crate::script::is_han)
                && !line.contains('。')
        }
        Lang::En => {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.is_empty() || words.len() > 15 {
                return false;
            }
            let first = line.chars().next();
            if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                return false;
            }
            words.iter().all(|w| {
                let core: &str = w.trim_matches(|c: char| !c.is_alphanumeric());
                let lower = core.to_lowercase();
                core.is_empty()
                    || SMALL_WORDS.contains(&lower.as_str())
                    || !core.chars().next().is_some_and(char::is_lowercase)
            })
        }
    }
}

/// Whether a line of pre-split text reads as a heading: a numbering label before a
/// short title, an unnumbered title line, or (English) a short sentence-case line
/// before body text (`next` is the line after it). Dates and bylines are not.
pub fn is_heading_line(line: &str, next: Option<&str>, lang: Lang) -> bool {
    let line = line.trim();
    if line.is_empty() || is_date_line(line) || is_byline(line, lang) {
        return false;
    }
    if let Some(m) = parse_label(line, lang, &Numbering::default()) {
        return is_heading_text(&line[m.len..], lang);
    }
    is_title_line(line, lang)
        || (lang == Lang::En && is_sentence_case_heading(line) && next.is_some_and(ends_sentence))
}

/// Most words an unnumbered sentence-case heading has.
const MAX_HEADING_WORDS: usize = 10;

/// Whether an English line could be a heading in sentence case (Trial design,
/// Statistical analysis): short, capitalised, without final punctuation and without
/// the commas or verbs' objects of a clause cut short (a bracket or a colon).
pub fn is_sentence_case_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=MAX_HEADING_WORDS).contains(&words)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !ends_sentence(line)
        && !ends_open(line)
        && !line.contains([',', ';', '"', '“', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str, lang: Lang) -> Option<(String, Option<u32>, String)> {
        parse_label(line, lang, &Numbering::default())
            .map(|m| (m.label.style, m.label.number, line[m.len..].to_string()))
    }

    fn num(line: &str, lang: Lang) -> Option<u32> {
        parse(line, lang).and_then(|p| p.1)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(zh_number("一"), Some(1));
        assert_eq!(zh_number("十"), Some(10));
        assert_eq!(zh_number("十二"), Some(12));
        assert_eq!(zh_number("二十三"), Some(23));
        assert_eq!(zh_number("一百零五"), Some(105));
        assert_eq!(zh_number("甲"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_number("iv"), Some(4));
        assert_eq!(roman_number("XII"), Some(12));
        assert_eq!(roman_number("iiii"), None);
        assert_eq!(roman_number("vx"), None);
    }

    #[test]
    fn chinese_heading_styles() {
        assert_eq!(parse("一、总体要求", Lang::Zh).unwrap().0, "zh-dun");
        assert_eq!(num("十二、其他", Lang::Zh), Some(12));
        assert_eq!(parse("（三）加强合作", Lang::Zh).unwrap().0, "zh-paren");
        assert_eq!(num("(三)加强合作", Lang::Zh), Some(3));
        for l in ["1. 范围", "1．范围", "1、范围"] {
            assert_eq!(parse(l, Lang::Zh).unwrap().0, "arabic-dot", "{l}");
            assert_eq!(num(l, Lang::Zh), Some(1));
        }
        assert_eq!(parse("（2）适用", Lang::Zh).unwrap().0, "arabic-paren");
        assert_eq!(num("(2)适用", Lang::Zh), Some(2));
        assert_eq!(parse("③数据", Lang::Zh).unwrap().1, Some(3));
        assert_eq!(parse("第一章 总则", Lang::Zh).unwrap().0, "zh-di-chapter");
        assert_eq!(parse("第二章论想象", Lang::Zh).unwrap().2, "论想象");
        assert_eq!(parse("第三节 范围", Lang::Zh).unwrap().0, "zh-di-section");
        assert_eq!(num("第十二条 规定", Lang::Zh), Some(12));
        assert_eq!(parse("第一部分 论人类", Lang::Zh).unwrap().0, "zh-di-part");
        assert_eq!(parse("附录 术语", Lang::Zh).unwrap().0, "appendix");
        assert_eq!(parse("附件2 名单", Lang::Zh).unwrap().1, Some(2));
    }

    #[test]
    fn numbers_are_not_labels() {
        assert_eq!(parse("1.5亿人口已经接入互联网。", Lang::Zh), None);
        assert_eq!(parse("2022年", Lang::Zh), None);
        assert_eq!(parse("3.5 percent", Lang::En), None);
        assert_eq!(parse("I. am here", Lang::En), None);
        assert_eq!(
            parse("Section 2 of the Act applies.", Lang::En).map(|p| p.1),
            Some(Some(2))
        );
        assert_eq!(parse("Sections of the Act", Lang::En), None);
    }

    #[test]
    fn a_number_alone_labels_nothing_but_a_division_word_stands_alone() {
        for (line, lang) in [
            ("1.", Lang::En),
            ("12.", Lang::Zh),
            ("一、", Lang::Zh),
            ("（三）", Lang::Zh),
            ("(2)", Lang::En),
            ("IV.", Lang::En),
            ("②", Lang::Zh),
        ] {
            assert_eq!(parse(line, lang), None, "{line}");
        }
        assert_eq!(parse("第一章", Lang::Zh).unwrap().0, "zh-di-chapter");
        assert_eq!(parse("附录", Lang::Zh).unwrap().0, "appendix");
        assert_eq!(parse("Chapter 3", Lang::En).unwrap().0, "chapter");
        assert!(is_heading_line("一、总体要求", None, Lang::Zh));
        assert!(!is_heading_line("1.", None, Lang::En));
    }

    #[test]
    fn a_chinese_line_with_a_full_stop_inside_is_prose_not_a_title() {
        assert!(!is_title_line("会议今天开幕。代表们陆续到达", Lang::Zh));
        assert!(is_title_line("会议今天开幕", Lang::Zh));
        assert!(!is_heading_text("部分讨论结束。下面进入", Lang::Zh));
        assert!(is_heading_text("部分讨论", Lang::Zh));
    }

    #[test]
    fn english_heading_styles() {
        assert_eq!(parse("I. Background", Lang::En).unwrap().0, "roman-dot");
        assert_eq!(num("IV. Rules", Lang::En), Some(4));
        assert_eq!(parse("Part II Rules", Lang::En).unwrap().0, "part");
        assert_eq!(num("Part II Rules", Lang::En), Some(2));
        assert_eq!(parse("(ii) Concept", Lang::En).unwrap().0, "roman-paren");
        assert_eq!(num("(iv) Concept", Lang::En), Some(4));
        assert_eq!(parse("(c) Scope", Lang::En).unwrap().0, "alpha-paren");
        assert_eq!(num("(c) Scope", Lang::En), Some(3));
        assert_eq!(parse("1. Scope", Lang::En).unwrap().0, "arabic-dot");
        assert_eq!(parse("1.1 Scope", Lang::En).unwrap().0, "decimal-2");
        assert_eq!(parse("1.1.2 Scope", Lang::En).unwrap().0, "decimal-3");
        assert_eq!(
            parse("1.1.Radar Systems", Lang::En).unwrap().2,
            "Radar Systems"
        );
        assert_eq!(parse("10.1图模型", Lang::Zh).unwrap().0, "decimal-2");
        assert_eq!(parse("1.25 percent", Lang::En), None);
        assert_eq!(num("1.1.2 Scope", Lang::En), Some(2));
        assert_eq!(parse("(1) Scope", Lang::En).unwrap().0, "arabic-paren");
        assert_eq!(parse("Chapter 1 Scope", Lang::En).unwrap().0, "chapter");
        assert_eq!(num("CHAPTER II OF IMAGINATION", Lang::En), Some(2));
        assert_eq!(parse("Section 2: Scope", Lang::En).unwrap().0, "section");
        assert_eq!(parse("Article 3 Scope", Lang::En).unwrap().0, "article");
        assert_eq!(parse("Appendix A Terms", Lang::En).unwrap().1, Some(1));
        assert_eq!(parse("Annex", Lang::En).unwrap().0, "appendix");
    }

    #[test]
    fn letter_i_after_h_is_nine() {
        let mut n = Numbering::default();
        let h = parse_label("(h) Eighth", Lang::En, &n).unwrap();
        assert_eq!(h.label.number, Some(8));
        n.note(&h.label);
        let i = parse_label("(i) Ninth", Lang::En, &n).unwrap();
        assert_eq!(
            (i.label.style.as_str(), i.label.number),
            ("alpha-paren", Some(9))
        );
        // Without (h) before it, (i) is the roman one.
        let i = parse_label("(i) First", Lang::En, &Numbering::default()).unwrap();
        assert_eq!(
            (i.label.style.as_str(), i.label.number),
            ("roman-paren", Some(1))
        );
        // (v) after (iv) is roman 5.
        let mut n = Numbering::default();
        n.note(&parse_label("(iv) x", Lang::En, &n).unwrap().label);
        assert_eq!(
            parse_label("(v) y", Lang::En, &n).unwrap().label.number,
            Some(5)
        );
    }

    #[test]
    fn dates_and_bylines() {
        assert!(is_date_line("（2012年11月15日）"));
        assert!(is_date_line("2023年1月"));
        assert!(is_date_line("November 15, 2012"));
        assert!(is_date_line("January 2023"));
        assert!(is_date_line("15 March 2021"));
        assert!(!is_date_line("November was cold"));
        assert!(is_byline("——习近平", Lang::Zh));
        assert!(is_byline("By Li Wei", Lang::En));
    }

    #[test]
    fn titles() {
        assert!(is_title_line(
            "The People’s Wish for a Good Life Is Our Goal",
            Lang::En
        ));
        assert!(is_title_line("THE FIRST PART OF MAN", Lang::En));
        assert!(!is_title_line("We met today", Lang::En));
        assert!(!is_title_line("It was late.", Lang::En));
        assert!(is_title_line(
            "人民对美好生活的向往，就是我们的奋斗目标",
            Lang::Zh
        ));
        assert!(!is_title_line("各位代表：", Lang::Zh));
        assert!(!is_title_line("“物必先腐，而后虫生 。 ”", Lang::Zh));
        assert!(is_heading_text(
            "数字全球化持续深化，失衡问题呼唤包容治理",
            Lang::Zh
        ));
        assert!(!is_heading_text(
            "我们坚持开放合作，反对保护主义。",
            Lang::Zh
        ));
    }
}
