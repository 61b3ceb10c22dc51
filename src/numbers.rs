//! Numbers, dates, years, percentages and ordinals in Chinese and English text,
//! normalised to values so that the two sides can be compared: 二〇二二 = 2022,
//! 1.2万亿 = 1.2 trillion, 百分之三十 = 30% = 30 percent, 第十八届 = 18th, 三成 = 30%.
//! The aligner uses them as anchors and the checker compares them.
//!
//! ```
//! use bitext::numbers::{extract_en, extract_zh};
//! let zh: Vec<f64> = extract_zh("2022年数字经济规模达1.2万亿元，占百分之三十").iter().map(|n| n.value).collect();
//! let en: Vec<f64> = extract_en("In 2022 the digital economy reached 1.2 trillion yuan, 30 percent").iter().map(|n| n.value).collect();
//! assert_eq!(zh, en);
//! ```

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
}

/// A number found in a text: its byte span, value and kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
    /// A hedged or rounded figure (约27亿, 近百分之三十, 5000多, "about 30", "over 40%"):
    /// compared with the other side allowing for rounding, not to the last digit.
    pub approximate: bool,
    /// Not a quantity to compare: a guess or a range in one word (三四个, 几十, 数百,
    /// "dozens of", "several"), a list or heading label (`6.`, `十二、`), or a second
    /// reading ("four decades" as 40).
    pub vague: bool,
    /// Written in Chinese numerals or English number words (not digits).
    pub spelled: bool,
    /// The values a Chinese guess spans, both ends counted: two adjacent numerals (三四
    /// 'three or four', 五六十 'fifty or sixty') or a ten and a few (二十几 'twenty-odd').
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<(f64, f64)>,
}

impl NumberMention {
    /// An exact mention; context may change its kind and make it approximate or vague.
    fn new(span: (usize, usize), value: f64, kind: NumberKind, spelled: bool) -> Self {
        NumberMention {
            start: span.0,
            end: span.1,
            value,
            kind,
            approximate: false,
            vague: false,
            spelled,
            range: None,
        }
    }

    /// Same value, allowing for float rounding.
    pub fn same_value(&self, other: &NumberMention) -> bool {
        same_value(self.value, other.value)
    }
}

pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn zh_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '０' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn zh_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// A Chinese numeral character: a digit (一, 两, 〇, 壹) or a unit (十, 百, 万, 拾).
pub fn is_zh_numeral(c: char) -> bool {
    zh_digit(c).is_some() || zh_unit(c).is_some()
}

/// Value of a run of Chinese numerals: positional (十八, 一千二百) or digit by digit
/// (二〇二二). None when the run is not a well-formed number.
pub fn parse_zh_numeral(run: &str) -> Option<f64> {
    let chars: Vec<char> = run.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.iter().all(|&c| zh_digit(c).is_some()) {
        if chars.len() == 1 {
            return zh_digit(chars[0]).map(f64::from);
        }
        // 二〇二二: digit by digit (years, codes).
        return chars.iter().try_fold(0.0, |acc, &c| {
            zh_digit(c).map(|d| acc * 10.0 + f64::from(d))
        });
    }
    let (mut total, mut section, mut digit) = (0.0f64, 0.0f64, None::<f64>);
    // Two small units in a row count nothing (千百年来 'for centuries'): a numeral puts
    // a digit before each, or a larger scale after (十万). (万千 is a word of its own.)
    let mut after_unit = false;
    for &c in &chars {
        if let Some(d) = zh_digit(c) {
            // Two digits in a row: 三四 is "three or four", not a number; after 零
            // (一百零八) the next digit is the units.
            if digit.is_some_and(|p| p != 0.0) && d != 0 {
                return None;
            }
            digit = Some(f64::from(d));
            after_unit = false;
        } else if let Some(u) = zh_unit(c) {
            if u < 1e4 && after_unit {
                return None;
            }
            after_unit = u < 1e4;
            if u >= 1e4 {
                section += digit.take().unwrap_or(0.0);
                if section == 0.0 && total == 0.0 {
                    section = 1.0;
                }
                total = (total + section) * u;
                section = 0.0;
            } else {
                // 一千零十: the 零 holds a place, the 十 is one ten.
                section += digit.take().filter(|&d| d != 0.0).unwrap_or(1.0) * u;
            }
        }
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// Words made of numeral characters that are not numbers.
const ZH_NOT_NUMBERS: &[&str] = &[
    "万一",
    "千万",
    "一一",
    "万万",
    "十分",
    "百万分",
    "一千零一",
    "亿万",
    "千千万万",
    "万千",
];

/// Counters and units that may stand between a number and 左右 (三十岁左右, 五公里左右).
const ZH_UNIT_CHARS: &[char] = &[
    '个', '岁', '年', '天', '人', '元', '米', '次', '倍', '%', '％', '万', '亿', '千', '百',
];

fn scale_after_zh(rest: &str) -> (f64, usize) {
    for (s, v) in [
        ("万亿", 1e12),
        ("亿", 1e8),
        ("万", 1e4),
        ("千", 1e3),
        ("百", 1e2),
    ] {
        if rest.starts_with(s) {
            return (v, s.len());
        }
    }
    (1.0, 0)
}

/// Numbers in Chinese text.
pub fn extract_zh(text: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes_len = text.len();
    while i < bytes_len {
        let c = text[i..].chars().next().unwrap();
        let clen = c.len_utf8();
        let is_ascii_digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if is_ascii_digit {
            // Digits with separators and decimals: 5,000 / 1.2 / ２０２２
            let mut j = i;
            let mut s = String::new();
            for d in text[i..].chars() {
                let folded = if ('０'..='９').contains(&d) {
                    char::from(b'0' + (d as u32 - '０' as u32) as u8)
                } else {
                    d
                };
                if folded.is_ascii_digit() {
                    s.push(folded);
                } else if matches!(folded, ',' | '，' | '.' | '．') {
                    let next_is_digit = text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n));
                    if !next_is_digit || (matches!(folded, '，')) {
                        break;
                    }
                    if matches!(folded, '.' | '．') {
                        s.push('.');
                    }
                } else {
                    break;
                }
                j += d.len_utf8();
            }
            // 5G, G20, W3C, 3GPP: digits inside a Latin code are names, not numbers.
            let in_code = text[..i].ends_with(|p: char| p.is_ascii_alphabetic())
                || text[j..].starts_with(|n: char| n.is_ascii_alphabetic());
            if in_code {
                i = j.max(i + clen);
                continue;
            }
            let mut value: f64 = s.parse().unwrap_or(0.0);
            let (scale, slen) = scale_after_zh(&text[j..]);
            value *= scale;
            let end = j + slen;
            let mut m = finish_zh(text, i, end, value, false);
            let end = rough_scale(text, &mut m).max(end);
            out.push(m);
            i = end.max(i + clen);
            continue;
        }
        if is_zh_numeral(c) {
            let mut run_end = text[i..]
                .char_indices()
                .find(|&(_, d)| !is_zh_numeral(d))
                .map_or(bytes_len, |(k, _)| i + k);
            // 两 after a numeral is the tael (三两银子, 二十两), or "two or three"
            // (三两个): the number ends before it.
            let mut tael_or_few = false;
            if run_end - i > '两'.len_utf8() && text[i..run_end].ends_with('两') {
                run_end -= '两'.len_utf8();
                tael_or_few = true;
            }
            let run = &text[i..run_end];
            // 拾佰仟 count only among the financial digits (壹拾贰): 收拾 is "tidy up".
            let financial_unit = run.contains(['拾', '佰', '仟']);
            if financial_unit
                && !run.contains(['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'])
            {
                i = run_end;
                continue;
            }
            // 三分之一, 四分之三: a share, compared as a percentage ('one third' = 33.3%).
            if let Some((m, end)) = zh_fraction(text, i, run) {
                out.push(m);
                i = end;
                continue;
            }
            let prev = text[..i].chars().next_back();
            let ordinal = prev == Some('第');
            let percent_prefix = text[..i].ends_with("百分之");
            // 十 alone is ten (十个, 十项) except in words like 十分 (very), 十足, 十字.
            let lone_ten = run == "十" && !text[run_end..].starts_with(['分', '足', '字', '全']);
            // 两 alone is two (两人, 两个): unlike 一 it is no article, though set phrases
            // keep it (两全其美), as they keep 三 and 四.
            let lone_one = matches!(run, "一" | "万" | "亿" | "千" | "百" | "十") && !lone_ten;
            let one_or_two = run == "一"
                && tael_or_few
                && text[run_end + '两'.len_utf8()..].starts_with(ZH_FEW_MEASURES);
            let skip = ZH_NOT_NUMBERS.contains(&run)
                || (lone_one && !ordinal && !percent_prefix && !one_or_two)
                // 百分之 itself: 百 is part of the percent sign, not a number
                || (run == "百" && text[run_end..].starts_with("分之"));
            // A guess (五六十) is no numeral: it counts from its low end.
            let guess = zh_guess(run);
            let value = parse_zh_numeral(run).or_else(|| guess.map(|r| r.0));
            if value.is_none()
                && let Some((plan, five)) = five_year_plan(text, i, run_end)
            {
                out.extend([plan, five]);
                i = run_end;
                continue;
            }
            if !skip && let Some(value) = value {
                let mut m = finish_zh(text, i, run_end, value, true);
                if ordinal {
                    m.kind = NumberKind::Ordinal;
                }
                if tael_or_few && text[run_end + '两'.len_utf8()..].starts_with('个') {
                    m.vague = true;
                }
                // 三四个, 五六十: two adjacent digits mean "three or four".
                if let Some(range) = guess {
                    m.vague = true;
                    m.range = Some(range);
                }
                // 一两个, 一两年: "one or two" (before a measure word 两 is no tael).
                if one_or_two {
                    m.vague = true;
                    m.range = Some((1.0, 2.0));
                    m.end = run_end + '两'.len_utf8();
                }
                // 十几, 二十几: a ten and a few more ('twenty-odd', 'over twenty').
                if (10.0..100.0).contains(&value)
                    && value % 10.0 == 0.0
                    && text[run_end..].starts_with('几')
                    && !text[run_end + '几'.len_utf8()..].starts_with(|c| zh_unit(c).is_some())
                {
                    m.range = Some((value, value + 9.0));
                    m.end = run_end + '几'.len_utf8();
                }
                let end = rough_scale(text, &mut m);
                out.push(m);
                if end > run_end {
                    i = end;
                    continue;
                }
            }
            i = run_end + if tael_or_few { '两'.len_utf8() } else { 0 };
            continue;
        }
        i += clen;
    }
    zh_multiples(text, &mut out);
    zh_firsts(text, &mut out);
    out
}

/// 十四五 (规划), “十三五”: the fourteenth, thirteenth Five-Year Plan, named by its
/// number and the 五 of 五年. The plan's number as an ordinal, and the five.
fn five_year_plan(text: &str, start: usize, end: usize) -> Option<(NumberMention, NumberMention)> {
    let number = text[start..end].strip_suffix('五')?;
    let value = parse_zh_numeral(number).filter(|&v| v >= 10.0)?;
    let after = &text[end..];
    if ![
        "规划", "计划", "时期", "期间", "期末", "末", "”", "\"", "」",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return None;
    }
    let five_at = end - '五'.len_utf8();
    let plan = NumberMention::new((start, five_at), value, NumberKind::Ordinal, true);
    let five = NumberMention::new((five_at, end), 5.0, NumberKind::Cardinal, true);
    Some((plan, five))
}

/// The values adjacent digits span, times a unit after them: 三四 (3, 4), 五六十 (50,
/// 60), 一二十 (10, 20).
fn zh_guess(run: &str) -> Option<(f64, f64)> {
    let digits: Vec<u32> = run.chars().filter_map(zh_digit).collect();
    let guess = digits.len() >= 2
        && digits.windows(2).any(|w| w[1] == w[0] + 1)
        && run.chars().take(2).all(|c| zh_digit(c).is_some())
        && run.chars().count() <= 3
        && !run.contains(['〇', '零']);
    let units: Vec<f64> = run.chars().filter_map(zh_unit).collect();
    if !guess || units.len() > 1 {
        return None;
    }
    let scale = units.first().copied().unwrap_or(1.0);
    let (low, high) = (digits.iter().min()?, digits.iter().max()?);
    Some((f64::from(*low) * scale, f64::from(*high) * scale))
}

/// Measure words and time units that count what 一两 'one or two' counts (一两个, 一两天);
/// before others 两 is the tael (一两银子).
const ZH_FEW_MEASURES: &[char] = &[
    '个', '次', '回', '位', '天', '年', '月', '日', '句', '声', '步', '下', '种', '件', '只', '张',
    '家', '人', '遍', '趟', '周', '点', '条', '本', '把',
];

/// Measure words and event nouns after which 首 means "first" (首次 "the first time",
/// 首个 "the first", 首届 "the first session").
const ZH_FIRST_OF: &[char] = &[
    '个', '次', '届', '批', '位', '家', '例', '部', '款', '座', '项', '轮', '份', '篇', '场', '期',
    '条', '台', '架', '艘', '辆', '本',
];

/// 首 before a measure word: the ordinal "first", as 第一 is.
fn zh_firsts(text: &str, out: &mut Vec<NumberMention>) {
    for (at, mark) in text.match_indices('首') {
        let end = at + mark.len();
        if !text[end..].starts_with(ZH_FIRST_OF) || out.iter().any(|o| o.start < end && o.end > at)
        {
            continue;
        }
        let m = NumberMention::new((at, end), 1.0, NumberKind::Ordinal, true);
        let k = out.partition_point(|o| o.start < m.start);
        out.insert(k, m);
    }
}

/// Verbs of increase: "增长了N倍" is an increase by N times, N+1 times the base
/// (增长了一倍 'doubled', 增加了两倍 'tripled'); "是……的N倍" is N times.
const ZH_INCREASE: &[&str] = &["增长", "增加", "提高", "扩大", "上升", "上涨", "增"];

/// Multiples compared as the factor they name: 翻N番 doubles N times (翻一番 2, 翻两番
/// 4) and an increase by N倍 is N+1 times the base. Other N倍 stay N.
fn zh_multiples(text: &str, out: &mut Vec<NumberMention>) {
    let numeral_before = |end: usize| {
        let start = text[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_zh_numeral(c) || c.is_ascii_digit() || c == '.')
            .last()
            .map_or(end, |(k, _)| k);
        (start < end).then_some(start)
    };
    let mut found = Vec::new();
    for (at, mark) in text.match_indices(['番', '倍']) {
        let Some(start) = numeral_before(at) else {
            continue;
        };
        let run = &text[start..at];
        let Some(n) = run.parse::<f64>().ok().or_else(|| parse_zh_numeral(run)) else {
            continue;
        };
        let before = text[..start].strip_suffix('了').unwrap_or(&text[..start]);
        let (from, value) = if mark == "番" {
            let Some(verb) = before.strip_suffix('翻') else {
                continue;
            };
            (verb.len(), 2f64.powf(n))
        } else if let Some(verb) = ZH_INCREASE.iter().find(|v| before.ends_with(*v)) {
            (before.len() - verb.len(), n + 1.0)
        } else {
            continue;
        };
        found.push(NumberMention::new(
            (from, at + mark.len()),
            value,
            NumberKind::Cardinal,
            !run.starts_with(|c: char| c.is_ascii_digit()),
        ));
    }
    for m in found {
        out.retain(|o| o.end <= m.start || o.start >= m.end);
        let k = out.partition_point(|o| o.start < m.start);
        out.insert(k, m);
    }
}

/// The largest denominator read as a fraction: 百分之 is a percentage already, and
/// 千分之 or 万分之 are rates ('5 per thousand') more than shares.
const MAX_FRACTION_DENOMINATOR: f64 = 10.0;

/// A fraction whose denominator is the numeral `run` at `start` (三分之一): the share
/// as a percentage, and where the mention ends.
fn zh_fraction(text: &str, start: usize, run: &str) -> Option<(NumberMention, usize)> {
    let den = parse_zh_numeral(run)?;
    let after = text[start + run.len()..].strip_prefix("分之")?;
    let num_len = after
        .char_indices()
        .find(|&(_, c)| !is_zh_numeral(c))
        .map_or(after.len(), |(k, _)| k);
    let num = parse_zh_numeral(&after[..num_len])?;
    if !(2.0..=MAX_FRACTION_DENOMINATOR).contains(&den) || num <= 0.0 || num >= den {
        return None;
    }
    let end = text.len() - after.len() + num_len;
    Some((fraction_mention((start, end), num, den), end))
}

/// A share written as a fraction, as a percentage: rounded on the other side when
/// it has no whole percentage (1/3 = 33.3%, written '33%').
fn fraction_mention(span: (usize, usize), num: f64, den: f64) -> NumberMention {
    let mut m = NumberMention::new(span, num / den * 100.0, NumberKind::Percent, true);
    m.approximate = m.value.fract() != 0.0;
    m
}

/// 一百多亿, 5000余万: a rough count of a scale word after 多 or 余 scales the mention
/// (一百多亿 = over 10 billion). Returns where the mention now ends.
fn rough_scale(text: &str, m: &mut NumberMention) -> usize {
    let after = &text[m.end..];
    let Some(rest) = after.strip_prefix(['多', '余']) else {
        return m.end;
    };
    let (scale, len) = scale_after_zh(rest);
    if scale < 1e4 {
        return m.end;
    }
    m.value *= scale;
    m.approximate = true;
    m.end += after.len() - rest.len() + len;
    m.end
}

/// A list or heading label (`6. 片厂`, `十二、`, `3. Scope`) numbers the text, it is
/// not a quantity the translation must keep.
fn is_label(before: &str, after: &str) -> bool {
    before.trim().is_empty()
        && (after.starts_with(['、', '．'])
            || after.starts_with(". ")
            || (after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit())))
}

/// Kind and vagueness from the context around a Chinese number.
fn finish_zh(text: &str, start: usize, end: usize, value: f64, spelled: bool) -> NumberMention {
    let before = &text[..start];
    let after = &text[end..];
    let mut m = NumberMention::new((start, end), value, NumberKind::Cardinal, spelled);
    if before.ends_with("百分之") {
        m.kind = NumberKind::Percent;
        m.start = start - "百分之".len();
    } else if after.starts_with('%') || after.starts_with('％') {
        m.kind = NumberKind::Percent;
        m.end = end + after.chars().next().unwrap().len_utf8();
    } else if spelled && after.starts_with('成') && value < 10.0 {
        m.kind = NumberKind::Percent;
        m.value = value * 10.0;
        m.end = end + '成'.len_utf8();
    } else if before.ends_with('第') {
        m.kind = NumberKind::Ordinal;
    } else if after.starts_with("年代") {
        // 八十年代 / 1980年代 = the 1980s = the eighties: compared as 80.
        m.value %= 100.0;
    }
    // ... and the denominator of a fraction (百万分之五: five in a million).
    if is_label(before, after)
        || after.starts_with('几')
        || before.ends_with(['几', '数'])
        || after.starts_with("分之")
    {
        m.vague = true;
    }
    // 5000多, 百余, 近三成, 约27亿, 大约, 将近, 左右 after: a figure given roughly.
    if after.starts_with(['多', '余'])
        || after.trim_start_matches(ZH_UNIT_CHARS).starts_with("左右")
        || before.ends_with(['近', '约'])
        || before.ends_with("大概")
        || before.ends_with("超过")
    {
        m.approximate = true;
    }
    m
}

/// The last `n` bytes of `text` or fewer, cut at a character boundary.
fn window_before(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `n` bytes of `text` or fewer, cut at a character boundary.
fn window_after(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

const EN_SMALL: &[(&str, u32)] = &[
    ("zero", 0),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("centenary", 100),
    ("centennial", 100),
];

/// Words that name a multiple ('doubled' for 增长了一倍 or 翻一番).
const EN_MULTIPLES: &[(&str, u32)] = &[
    ("doubled", 2),
    ("doubling", 2),
    ("twofold", 2),
    ("tripled", 3),
    ("tripling", 3),
    ("trebled", 3),
    ("threefold", 3),
    ("quadrupled", 4),
    ("quadrupling", 4),
    ("fourfold", 4),
    ("fivefold", 5),
    ("tenfold", 10),
];

const EN_ORDINAL: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("hundredth", 100),
];

/// Decades in words: "the eighties" = 八十年代.
const EN_DECADES: &[(&str, u32)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// English month names, January first.
pub const EN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn en_scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Denominators of English fractions ('a third', 'three quarters'); 'second' is
/// never one ('half' is, but alone it is as often a time or an amount).
const EN_FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

/// A fraction at word `k`: a count and a denominator ('one third', 'two-thirds', 'a
/// quarter of'): numerator, denominator and where it ends. 'a' counts only with 'of'
/// after ('a third round' is an ordinal).
fn en_fraction(words: &[(usize, usize, String)], k: usize) -> Option<(f64, f64, usize)> {
    let (_, _, w) = words.get(k)?;
    let (_, e2, d) = words.get(k + 1)?;
    let num = if w == "a" || w == "one" {
        1.0
    } else {
        f64::from(EN_SMALL.iter().find(|(n, _)| n == w)?.1)
    };
    let singular = d.strip_suffix('s').filter(|_| num > 1.0 || d == "halves");
    let den = EN_FRACTIONS
        .iter()
        .find(|(n, _)| n == d || Some(*n) == singular)?
        .1;
    let of_follows = words.get(k + 2).is_some_and(|(_, _, n)| n == "of");
    (num < den && (w != "a" || of_follows)).then_some((num, den, *e2))
}

/// An English number in words of several parts joined under 'hundred' or 'thousand':
/// 'a hundred and twenty', 'one hundred twenty', 'two thousand three hundred and
/// five', 'three hundred sixty-five'. Its value and how many words it takes (three at
/// least: 'two hundred' alone is read word by word).
fn en_compound(text: &str, words: &[(usize, usize, String)], k: usize) -> Option<(f64, usize)> {
    let below_hundred = |w: &str| match w {
        "one" => Some(1.0),
        _ => EN_SMALL
            .iter()
            .find(|(n, v)| *n == w && *v < 100)
            .map(|&(_, v)| f64::from(v)),
    };
    // Parts of one number stand next to each other: a space, or a hyphen in 'sixty-five'.
    let joined = |i: usize| {
        let between = &text[words[i].1..words[i + 1].0];
        between == "-" || (!between.is_empty() && between.chars().all(char::is_whitespace))
    };
    let (mut total, mut current) = (0.0, 0.0);
    let mut i = k;
    // 'a' counts one only before 'hundred' or 'thousand'.
    if words[k].2 == "a" {
        if !(words.len() > k + 1
            && joined(k)
            && matches!(words[k + 1].2.as_str(), "hundred" | "thousand"))
        {
            return None;
        }
        current = 1.0;
        i += 1;
    }
    let (mut last, mut scaled, mut units_open) = (None, false, true);
    while i < words.len() {
        let w = words[i].2.as_str();
        if let Some(v) = below_hundred(w) {
            // 'twenty' then 'five' as 'twenty-five', or after a scale word as 'one
            // hundred twenty five'; else two counts in a row are two numbers.
            let tens_units = last.is_some_and(|l| l + 1 == i)
                && current % 100.0 >= 20.0
                && current % 10.0 == 0.0
                && v < 10.0
                && (&text[words[i - 1].1..words[i].0] == "-" || scaled);
            if !(units_open || tens_units) {
                break;
            }
            // 'between one hundred and two hundred': the count after 'and' takes a scale
            // word of its own, so it starts another number.
            let scale_next = i + 1 < words.len()
                && joined(i)
                && matches!(words[i + 1].2.as_str(), "hundred" | "thousand");
            if i > k && words[i - 1].2 == "and" && scale_next {
                break;
            }
            current += v;
            units_open = false;
        } else if w == "hundred" && current < 100.0 {
            current = current.max(1.0) * 100.0;
            scaled = true;
            units_open = true;
        } else if w == "thousand" && total == 0.0 && current < 1000.0 {
            total = current.max(1.0) * 1000.0;
            current = 0.0;
            scaled = true;
            units_open = true;
        } else if w == "and"
            && scaled
            && units_open
            && last.is_some_and(|l| l + 1 == i)
            && words
                .get(i + 1)
                .is_some_and(|n| below_hundred(&n.2).is_some())
        {
            // British 'a hundred and twenty'.
        } else {
            break;
        }
        if w != "and" {
            last = Some(i);
        }
        if i + 1 >= words.len() || !joined(i) {
            break;
        }
        i += 1;
    }
    let taken = last? + 1 - k;
    (scaled && taken >= 3).then_some((total + current, taken))
}

/// Numbers in English text.
pub fn extract_en(text: &str) -> Vec<NumberMention> {
    // Word-ish pieces with byte offsets: digits keep their separators (5,000 / 1.2).
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric()
            || ((c == ',' || c == '.')
                && start.is_some()
                && text[i + 1..].starts_with(|n: char| n.is_ascii_digit())
                && text[..i].ends_with(|p: char| p.is_ascii_digit()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len(), text[s..].to_lowercase()));
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (s, e, w) = &words[k];
        let (s, mut e) = (*s, *e);
        let mut consumed = 1;
        let mut m = None;
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty()
            && digits.chars().next().unwrap().is_ascii_digit()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            let suffix = &w[digits.len()..];
            let value: f64 = digits.replace(',', "").parse().unwrap_or(0.0);
            let kind = if matches!(suffix, "st" | "nd" | "rd" | "th") {
                NumberKind::Ordinal
            } else {
                NumberKind::Cardinal
            };
            // '10pm': an hour.
            if suffix.is_empty() || kind == NumberKind::Ordinal || matches!(suffix, "am" | "pm") {
                m = Some(NumberMention::new((s, e), value, kind, false));
            } else if suffix == "s" && digits.ends_with('0') {
                // The 1980s, the '80s: a decade, compared as 80 (八十年代).
                m = Some(NumberMention::new((s, e), value % 100.0, kind, false));
            }
        } else if let Some((value, taken)) = en_compound(text, &words, k) {
            e = words[k + taken - 1].1;
            m = Some(NumberMention::new(
                (s, e),
                value,
                NumberKind::Cardinal,
                true,
            ));
            consumed = taken;
        } else if let Some((num, den, e2)) = en_fraction(&words, k) {
            m = Some(fraction_mention((s, e2), num, den));
            consumed = 2;
        } else if (w == "one" || w == "a")
            && words.get(k + 1).is_some_and(|(_, _, n)| {
                matches!(n.as_str(), "million" | "billion" | "trillion")
                    || (w == "one" && matches!(n.as_str(), "percent" | "per"))
            })
            // "one and five percent", "one or two": coordinated with a number, a count.
            || (w == "one"
                && words
                    .get(k + 1)
                    .is_some_and(|(_, _, n)| matches!(n.as_str(), "and" | "or" | "to"))
                && words.get(k + 2).is_some_and(|(_, _, n)| {
                    EN_SMALL.iter().any(|(x, _)| x == n)
                        || n.chars().next().is_some_and(|c| c.is_ascii_digit())
                }))
        {
            // "one percent": the percent sign below makes this 1 a percentage.
            // "one billion", "a million": the scale word below multiplies this 1.
            m = Some(NumberMention::new((s, e), 1.0, NumberKind::Cardinal, true));
        } else if let Some(&(_, v)) = EN_SMALL.iter().find(|(n, _)| n == w) {
            // twenty-one, two hundred, twenty-first
            let mut value = f64::from(v);
            let mut kind = NumberKind::Cardinal;
            if let Some((_, e2, w2)) = words.get(k + 1) {
                // "one" alone is a pronoun, but in twenty-one or one hundred it is a number.
                let v2 = if w2 == "one" {
                    Some(1)
                } else {
                    EN_SMALL.iter().find(|(n, _)| n == w2).map(|&(_, v)| v)
                };
                let ord = EN_ORDINAL.iter().find(|(n, _)| n == w2).map(|&(_, v)| v);
                if let Some(o) = ord.filter(|&o| v >= 20 && o < 10 && text[e..].starts_with('-')) {
                    value += f64::from(o);
                    kind = NumberKind::Ordinal;
                    e = *e2;
                    consumed = 2;
                } else if let Some(v2) = v2 {
                    if v >= 20 && v2 < 10 && text[e..].starts_with('-') {
                        value += f64::from(v2);
                        e = *e2;
                        consumed = 2;
                    } else if w2 == "hundred" && v < 10 {
                        value *= 100.0;
                        e = *e2;
                        consumed = 2;
                    }
                }
            }
            m = Some(NumberMention::new((s, e), value, kind, true));
        } else if let Some(&(_, v)) = EN_MULTIPLES.iter().find(|(n, _)| n == w) {
            m = Some(NumberMention::new(
                (s, e),
                f64::from(v),
                NumberKind::Cardinal,
                true,
            ));
        } else if let Some((v, kind)) = EN_DECADES
            .iter()
            .find(|(n, _)| n == w)
            .map(|&(_, v)| (v, NumberKind::Cardinal))
            // "second" as a verb or "a second time" is rare in this domain; keep it.
            .or_else(|| {
                EN_ORDINAL
                    .iter()
                    .find(|(n, _)| n == w)
                    .map(|&(_, v)| (v, NumberKind::Ordinal))
            })
        {
            m = Some(NumberMention::new((s, e), f64::from(v), kind, true));
        } else if let Some(mi) = EN_MONTHS.iter().position(|n| n == w) {
            // A month name counts only in a date: next to a day or a year.
            let next_is_num = words
                .get(k + 1)
                .is_some_and(|(_, _, n)| n.chars().all(|c| c.is_ascii_digit() || c == ','));
            if next_is_num && (w != "may" || text[s..].starts_with('M')) {
                m = Some(NumberMention::new(
                    (s, e),
                    (mi + 1) as f64,
                    NumberKind::Cardinal,
                    true,
                ));
            }
        }
        if let Some(mut mention) = m {
            let idx = k + consumed;
            // Scale words: 1.2 trillion, 300 million, ten thousand
            if mention.kind == NumberKind::Cardinal
                && let Some((_, e2, w2)) = words.get(idx)
                && let Some(scale) = en_scale(w2)
                && (mention.value != 1000.0 || w2 != "thousand")
            {
                mention.value *= scale;
                mention.end = *e2;
                consumed += 1;
            }
            let after = &text[mention.end..];
            // Only the words next to the number matter: look at a few dozen bytes, so
            // that a long text is read once, not once per number.
            let after_trim = window_after(after, 40).trim_start().to_lowercase();
            if after.starts_with('%') {
                mention.kind = NumberKind::Percent;
                mention.end += 1;
            } else if after_trim.starts_with("percent") || after_trim.starts_with("per cent") {
                mention.kind = NumberKind::Percent;
                let skip = after.len() - after.trim_start().len()
                    + if after_trim.starts_with("percent") {
                        7
                    } else {
                        8
                    };
                mention.end += skip;
            }
            if is_label(&text[..mention.start], &text[mention.end..]) {
                mention.vague = true;
            }
            let before = window_before(&text[..mention.start], 40).to_lowercase();
            let before = before.trim_end();
            let word_before = |w: &str| {
                before.ends_with(w)
                    && !before[..before.len() - w.len()].ends_with(char::is_alphanumeric)
            };
            if [
                "about",
                "some",
                "nearly",
                "almost",
                "around",
                "approximately",
                "over",
                "more than",
                "less than",
                "fewer than",
                "under",
                "roughly",
                "close to",
                "upwards of",
            ]
            .iter()
            .any(|w| word_before(w))
                || after_trim.starts_with("-odd")
                || after_trim.starts_with("or so")
                || text[..mention.start].ends_with('~')
            {
                mention.approximate = true;
            }
            if ["dozens of", "several", "few"]
                .iter()
                .any(|w| word_before(w))
            {
                mention.vague = true;
            }
            // "four decades" is also 40 years (四十年): an approximate second reading.
            let decades = words
                .get(k + consumed)
                .is_some_and(|(_, _, n)| n == "decades" || n == "decade");
            let mut tens = mention.clone();
            out.push(mention);
            if decades {
                tens.value *= 10.0;
                tens.vague = true;
                out.push(tens);
            }
        }
        k += consumed;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(text: &str) -> Vec<f64> {
        extract_zh(text).iter().map(|m| m.value).collect()
    }
    fn en(text: &str) -> Vec<f64> {
        extract_en(text).iter().map(|m| m.value).collect()
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_zh_numeral("十八"), Some(18.0));
        assert_eq!(parse_zh_numeral("二〇二二"), Some(2022.0));
        assert_eq!(parse_zh_numeral("一千二百三十四"), Some(1234.0));
        assert_eq!(parse_zh_numeral("三万"), Some(30000.0));
        assert_eq!(parse_zh_numeral("十二亿"), Some(1.2e9));
        // 零 holds an empty place: the digit after it is the units.
        assert_eq!(parse_zh_numeral("一百零八"), Some(108.0));
        assert_eq!(parse_zh_numeral("两千零五"), Some(2005.0));
        assert_eq!(parse_zh_numeral("一千零二十"), Some(1020.0));
        assert_eq!(parse_zh_numeral("一千零十"), Some(1010.0));
        // Units side by side are a figure of speech, not a number.
        assert_eq!(parse_zh_numeral("千百"), None);
        assert!(zh("气象万千").is_empty());
        assert_eq!(parse_zh_numeral("十万"), Some(1e5));
        assert_eq!(parse_zh_numeral("三千万"), Some(3e7));
        assert_eq!(zh("第十八届中央委员会"), [18.0]);
        // A Five-Year Plan named by its number: the 14th, and the five.
        let plan = extract_zh("“十四五”规划");
        assert_eq!(
            plan.iter().map(|m| m.value).collect::<Vec<_>>(),
            [14.0, 5.0]
        );
        assert_eq!(plan[0].kind, NumberKind::Ordinal);
        assert_eq!(zh("十三五时期"), [13.0, 5.0]);
        // Not before another word: no plan.
        assert!(zh("十四五个").is_empty());
        assert_eq!(extract_zh("第十八届")[0].kind, NumberKind::Ordinal);
    }

    #[test]
    fn chinese_scales_percent_and_dates() {
        assert_eq!(zh("1.2万亿美元"), [1.2e12]);
        assert_eq!(zh("3亿人"), [3e8]);
        assert_eq!(zh("2012年11月15日"), [2012.0, 11.0, 15.0]);
        let p = extract_zh("占百分之三十");
        assert_eq!((p[0].value, p[0].kind), (30.0, NumberKind::Percent));
        assert_eq!(extract_zh("增长三成")[0].value, 30.0);
        assert_eq!(extract_zh("30%")[0].kind, NumberKind::Percent);
        assert_eq!(zh("５，０００"), [5.0, 0.0]); // full-width comma is Chinese punctuation
        assert_eq!(zh("5,000年"), [5000.0]);
        assert_eq!(zh("２０２２年"), [2022.0]);
    }

    #[test]
    fn chinese_words_that_are_not_numbers() {
        assert!(zh("一些国家一起努力").is_empty());
        assert!(zh("万一").is_empty());
        assert!(extract_zh("三四个国家")[0].vague);
        assert!(extract_zh("5000多年")[0].approximate);
        assert!(extract_zh("约27亿人")[0].approximate);
        assert!(extract_zh("三十岁左右")[0].approximate);
        let rough = extract_zh("一百多亿年前");
        assert_eq!((rough[0].value, rough[0].approximate), (1e10, true));
        assert_eq!(zh("5000余万人"), [5e7]);
        assert!(extract_zh("百万分之五")[0].vague);
        assert!(extract_en("a few hundred steps")[0].vague);
        assert!(!extract_zh("5000年")[0].approximate);
    }

    #[test]
    fn english_numbers() {
        assert_eq!(en("November 15, 2012"), [11.0, 15.0, 2012.0]);
        assert_eq!(en("5,000 years"), [5000.0]);
        assert_eq!(en("the 18th National Congress"), [18.0]);
        assert_eq!(en("US$5.5 trillion"), [5.5e12]);
        assert_eq!(en("300 million people"), [3e8]);
        assert_eq!(en("twenty-one countries"), [21.0]);
        let p = extract_en("30 percent of firms and 45% of users");
        assert_eq!(
            p.iter().map(|m| m.kind).collect::<Vec<_>>(),
            [NumberKind::Percent, NumberKind::Percent]
        );
        assert!(en("one of the may").is_empty());
        assert_eq!(en("the fifth meeting"), [5.0]);
        assert!(extract_en("about 30 countries")[0].approximate);
        assert!(!extract_en("about 30 countries")[0].vague);
        assert!(extract_en("several 100 tons")[0].vague);
        // 'some' ends 'handsome': only the word counts.
        assert!(!extract_en("handsome 30")[0].approximate);
        assert_eq!(en("one billion users"), [1e9]);
        assert!(en("a few").is_empty());
    }

    #[test]
    fn taels_financial_numerals_decades_and_labels() {
        // 两 after a numeral is the tael, or "two or three" before 个.
        assert_eq!(zh("他拿出三两银子"), vec![3.0]);
        // 'one' is a number when coordinated with one, else a pronoun.
        let en = |t: &str| extract_en(t).iter().map(|m| m.value).collect::<Vec<_>>();
        assert_eq!(en("between one and five percent"), [1.0, 5.0]);
        assert_eq!(en("one or two days"), [1.0, 2.0]);
        assert!(en("one and all came").is_empty());
        assert_eq!(zh("借了二十两给他们"), vec![20.0]);
        assert!(extract_zh("三两个妇人")[0].vague);
        assert_eq!(extract_zh("三四个国家")[0].range, Some((3.0, 4.0)));
        assert_eq!(extract_zh("五六十人")[0].range, Some((50.0, 60.0)));
        assert_eq!(extract_zh("一两天")[0].range, Some((1.0, 2.0)));
        assert_eq!(extract_zh("二十几本书")[0].range, Some((20.0, 29.0)));
        assert_eq!(extract_zh("借了二十几两")[0].range, Some((20.0, 29.0)));
        assert_eq!(extract_zh("二十几万人")[0].range, None);
        assert!(extract_zh("一两银子").is_empty());
        assert_eq!(zh("一千两百人"), vec![1200.0]);
        // 拾 is a numeral only among financial digits.
        assert!(zh("在地上收拾东西").is_empty());
        assert_eq!(zh("人民币壹拾贰元"), vec![12.0]);
        // Decades on both sides compare as 80.
        assert_eq!(zh("上世纪八十年代末"), vec![80.0]);
        assert_eq!(zh("1980年代"), vec![80.0]);
        assert_eq!(en("in the late 1980s"), vec![80.0]);
        assert_eq!(en("in the early nineties"), vec![90.0]);
        assert_eq!(en("in excess of one percent"), vec![1.0]);
        assert_eq!(en("four decades of change"), vec![4.0, 40.0]);
        // Labels number the text; they are not quantities.
        assert!(extract_zh("6. 片厂")[0].vague);
        assert!(extract_zh("十二、加强合作")[0].vague);
        assert!(extract_en("3. Scope of work")[0].vague);
        assert!(!extract_zh("2022年，经济增长")[0].vague);
        assert!(!extract_en("3.5 percent growth")[0].vague);
    }

    #[test]
    fn codes_and_lone_ten() {
        assert!(zh("5G网络和G20峰会、W3C").is_empty());
        assert_eq!(zh("十个工作组"), [10.0]);
        assert!(zh("十分重要").is_empty());
        // Numbers of names are numbers: the checker accounts for them through the
        // name's rendering ('Two Centenary Goals', '14th Five-Year Plan').
        assert_eq!(zh("实现“两个一百年”奋斗目标"), [2.0, 100.0]);
        // 十四五 is no well-formed numeral, but before 规划 it names the 14th plan.
        assert_eq!(zh("十四五规划"), [14.0, 5.0]);
        assert!(zh("亿万人民").is_empty());
        assert_eq!(en("the centenary of the CPC"), [100.0]);
        assert_eq!(en("the Two Centenary Goals"), [2.0, 100.0]);
        assert_eq!(en("two hundred"), [200.0]);
        // Several parts under 'hundred' or 'thousand' make one number.
        assert_eq!(en("a hundred and twenty yuan"), [120.0]);
        assert_eq!(en("one hundred twenty"), [120.0]);
        assert_eq!(en("one hundred and eighteen lanterns"), [118.0]);
        assert_eq!(en("three hundred sixty-five days"), [365.0]);
        assert_eq!(en("two thousand three hundred and five"), [2305.0]);
        assert_eq!(en("one hundred thousand people"), [100_000.0]);
        assert_eq!(en("two hundred and fifty million"), [250e6]);
        assert_eq!(en("a hundred and one nights"), [101.0]);
        // Two numbers side by side stay two; an 'and' before no count joins nothing.
        assert_eq!(en("two hundred, three hundred"), [200.0, 300.0]);
        assert_eq!(en("two hundred and more"), [200.0]);
        assert_eq!(
            en("between one hundred and two hundred people"),
            [100.0, 200.0]
        );
        assert_eq!(en("One hundred twenty five people"), [125.0]);
        let t = extract_en("my twenty-first birthday");
        assert_eq!(
            (t.len(), t[0].value, t[0].kind),
            (1, 21.0, NumberKind::Ordinal)
        );
    }

    #[test]
    fn fractions_are_shares() {
        let third = extract_zh("三分之一的人口");
        assert_eq!(third.len(), 1);
        assert_eq!(third[0].kind, NumberKind::Percent);
        assert!((third[0].value - 100.0 / 3.0).abs() < 1e-9 && third[0].approximate);
        let quarters = extract_zh("四分之三");
        assert_eq!((quarters[0].value, quarters[0].approximate), (75.0, false));
        // 百分之 is a percentage already; 千分之五 is a rate, not a share.
        assert_eq!(zh("百分之三十"), [30.0]);
        assert_ne!(zh("千分之五"), [0.5]);
        for (text, value) in [
            ("one third of the land", 100.0 / 3.0),
            ("two-thirds of members", 200.0 / 3.0),
            ("a quarter of them", 25.0),
            ("three quarters", 75.0),
            ("one half", 50.0),
        ] {
            let m = extract_en(text);
            assert_eq!(m.len(), 1, "{text}");
            assert_eq!(m[0].kind, NumberKind::Percent, "{text}");
            assert!((m[0].value - value).abs() < 1e-9, "{text}");
        }
        // An ordinal after 'a', and 'one second', are no fractions.
        assert_eq!(extract_en("a third round")[0].kind, NumberKind::Ordinal);
        assert!(
            extract_en("one second")
                .iter()
                .all(|m| m.kind != NumberKind::Percent)
        );
    }

    #[test]
    fn multiples_are_the_factor_they_name() {
        // An increase by N倍 is N+1 times the base; 翻N番 doubles N times.
        assert_eq!(zh("收入增长了一倍"), [2.0]);
        assert_eq!(zh("产量增加了两倍"), [3.0]);
        assert_eq!(zh("投资增长3倍"), [4.0]);
        assert_eq!(zh("到2020年翻一番"), [2020.0, 2.0]);
        assert_eq!(zh("比2010年翻两番"), [2010.0, 4.0]);
        // 是……的N倍 is N times; 倍 without a verb of increase keeps its number.
        assert_eq!(zh("是去年的三倍"), [3.0]);
        // 一番 without 翻 is "a bit": no number.
        assert!(zh("温存了一番").is_empty());
        assert_eq!(en("Incomes doubled"), [2.0]);
        assert_eq!(en("a threefold rise"), [3.0]);
        assert!(en("double standards").is_empty());
    }

    #[test]
    fn shou_before_a_measure_word_is_the_ordinal_first() {
        assert_eq!(zh("全球首个框架"), [1.0]);
        assert_eq!(extract_zh("首次举办")[0].kind, NumberKind::Ordinal);
        assert_eq!(
            extract_zh("通过了首份年度报告")[0].kind,
            NumberKind::Ordinal
        );
        assert_eq!(zh("第一次会议"), [1.0]);
        // 首都, 首先, 首要: no measure word after it.
        assert!(zh("首都北京").is_empty());
        assert!(zh("首先要看到").is_empty());
    }
}
