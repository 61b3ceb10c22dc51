//! Numbers that disagree between the two sides of a bead (`number-mismatch`).
//!
//! Every number, date, percentage and ordinal of the Chinese should have its value in
//! the English and the other way round ([`crate::numbers`] reads both). What good
//! translation does to numbers is a note, not an error: a hedged figure rounded
//! (约1576万 as 'almost 16 million'), a count given as the range it counts (6条 as
//! 'Parts 2 to 7'), an ordinal of a name referred to by a word ('the session'), a
//! round hyperbole (一万个不放心), converted units, a year the English adds. Figures that
//! disagree beyond rounding (约27亿 as 'some 2.7 million') are errors, hedged or not.
//!
//! ```
//! use bitext::check::{check, terms::TermSet, CheckOptions, FindingType, Severity};
//! use bitext::pairs::AlignedPair;
//! let terms = TermSet::default().build();
//! let pairs = [
//!     AlignedPair::new(0, "全球约27亿人没有上网。", "Some 2.7 billion people are offline."),
//!     AlignedPair::new(1, "全球约27亿人没有上网。", "Some 2.7 million people are offline."),
//! ];
//! let found = check(&pairs, &terms, &[], &CheckOptions::default());
//! let numbers: Vec<_> = found.iter().filter(|f| f.kind == FindingType::NumberMismatch).collect();
//! assert_eq!(numbers.len(), 1);
//! assert_eq!((numbers[0].bead, numbers[0].severity), (Some(1), Severity::Error));
//! ```

use std::ops::Range;

use super::{CheckOptions, Finding, FindingType, Severity};
use crate::lexicon::Dictionary;
use crate::numbers::{self, NumberKind, NumberMention};
use crate::pairs::AlignedPair;
use crate::segment::words::WordSegmenter;

/// The share of the price a discount asks (九折 90%, 八五折 85%, 7.5折 75%): a number
/// before 折 names tenths of the price, unless 折 starts another word (三折叠 'tri-fold',
/// 折算 'convert').
fn discount_paid(zh: &str, m: &NumberMention, words: &WordSegmenter) -> Option<f64> {
    let after = &zh[m.end..];
    if !after.starts_with('折') || m.kind != NumberKind::Cardinal || m.vague {
        return None;
    }
    let word: String = after.chars().take(2).collect();
    if word != "折扣" && word.chars().count() == 2 && words.jieba().has_word(&word) {
        return None;
    }
    match m.value {
        v if v > 0.0 && v < 10.0 => Some(v * 10.0),
        v if (10.0..100.0).contains(&v) => Some(v),
        _ => None,
    }
}

/// Does the English say the share is taken off ('10% off', '10% discount', 'a
/// discount of 10%')?
fn share_off(en: &str, m: &NumberMention) -> bool {
    let after = en[m.end..].trim_start().to_lowercase();
    let before = en[..m.start].trim_end().to_lowercase();
    after.starts_with("off") || after.starts_with("discount") || before.ends_with("discount of")
}

/// A number worth a finding when it has no counterpart: digits, values ≥ 10,
/// percentages. A lone spelled-out small number is weak evidence ("a", "both", "dual"),
/// and so is a lone 十, which set phrases use for 'all' (十指, 十有九次).
fn is_strong(m: &NumberMention, text: &str) -> bool {
    let lone_ten = &text[m.start..m.end] == "十";
    // A count of years, months or days (三年, 两个月) is a time limit or a span, said
    // in any translation; a small number alone may be a figure of speech.
    let after = &text[m.end..];
    let span_of_time = m.value >= 2.0
        && m.range.is_none()
        && ["年", "个月", "天", "日内", "小时", "个小时", "周内", "个星期", "分钟", "秒"]
            .iter()
            .any(|u| after.starts_with(u))
        // 三年级 is a school year, 五十年代 a decade.
        && !after.starts_with("年级")
        && !after.starts_with("年代");
    !m.vague
        && !lone_ten
        && (!m.spelled || m.value >= 10.0 || m.kind == NumberKind::Percent || span_of_time)
}

pub(super) fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        // A share such as 1/3 runs on: two decimals say it (33.33).
        let decimals = s.split_once('.').map_or(0, |(_, d)| d.len());
        if decimals >= 5 {
            format!("{v:.2}")
        } else {
            s.to_string()
        }
    }
}

/// The unit of the last significant digit of `v`: 1e6 for 16 million, 1e4 for 1576万,
/// 0.1 for 2.7, 1 for 13.
fn precision(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 {
        return 1.0;
    }
    let mut unit = 10f64.powi(v.log10().floor() as i32);
    // Down from the leading digit until v is a whole number of units.
    for _ in 0..12 {
        let q = v / unit;
        if (q - q.round()).abs() < 1e-6 {
            return unit;
        }
        unit /= 10.0;
    }
    unit
}

/// Do two figures agree once the finer one is rounded to the coarser one's last digit
/// (1576万 and 16 million; 42% and 'over 40%'; not 1.6 and 1.7 million)? A half is
/// either way: 1250 is 'more than 1,200', 2.7255 is 2.726.
pub(super) fn agrees_rounded(a: f64, b: f64) -> bool {
    let unit = precision(a).max(precision(b));
    (a - b).abs() <= unit / 2.0 + 1e-9 * a.abs().max(b.abs())
}

/// Is the mention at `start..end` part of an idiom or proverb of the dictionary
/// (千里之行，始于足下; 说一千道一万): a figure of speech, not a quantity.
fn in_idiom(text: &str, start: usize, end: usize, d: &Dictionary) -> bool {
    let starts: Vec<usize> = text[..start]
        .char_indices()
        .rev()
        .take(8)
        .map(|(i, _)| i)
        .chain(std::iter::once(start))
        .collect();
    let ends: Vec<usize> = text[end..]
        .char_indices()
        .skip(1)
        .take(8)
        .map(|(i, _)| end + i)
        .chain([end, text.len().min(end + 8 * 4)])
        .filter(|&e| text.is_char_boundary(e))
        .collect();
    // An idiom, or a fixed expression whose translation has no number (十万八千里
    // 'light-years apart', 十有八九 'most likely', 一带一路 'Belt and Road').
    let figurative = |glosses: &[&str]| {
        glosses
            .iter()
            .any(|g| g.contains("idiom") || g.starts_with("lit.") || g.starts_with("fig."))
            || glosses.first().is_some_and(|g| {
                !g.chars().any(|c| c.is_ascii_digit()) && numbers::extract_en(g).is_empty()
            })
    };
    starts.iter().any(|&s| {
        ends.iter().any(|&e| {
            e > s && text[s..e].chars().count() >= 4 && figurative(&d.glosses(&text[s..e]))
        })
    })
}

/// A round hundred, thousand or ten thousand written in Chinese numerals (一千, 一万,
/// 万): in Chinese as often a figure of speech ('a thousand times') as a count.
fn is_round_hyperbole(m: &NumberMention) -> bool {
    m.spelled && m.kind == NumberKind::Cardinal && [100.0, 1e3, 1e4, 1e8].contains(&m.value)
}

/// The ordinal of a name (第三次, 十八届, 十八大, 三中全会): the English may name the body
/// or event by a word instead ('the session', 'the congress'). N中全会 is the Nth plenary
/// session; N大 the Nth congress when N is above ten or nothing follows 大, while a small
/// number before 大 and a noun counts (三大任务 'three major tasks').
fn is_name_ordinal(zh: &str, m: &NumberMention) -> bool {
    let after = &zh[m.end..];
    m.kind == NumberKind::Ordinal
        || after.starts_with(['届', '次', '期'])
        || after.starts_with("中全会")
        || (after.starts_with('大')
            && (m.value > 10.0 || !after[3..].starts_with(crate::script::is_han)))
}

/// Does the Chinese guess `m` (三四, 二十几) span the value `v`?
fn spans(m: &NumberMention, v: f64) -> bool {
    m.range
        .is_some_and(|(low, high)| low - 1e-9 <= v && v <= high + 1e-9)
}

/// A Chinese guess (五六岁 'five or six') the English gives another value near it ('four
/// or six', 'three years' for 一两年): the English number outside the guess that
/// answers no other Chinese number, when the English has none inside the guess or
/// joins it to one that is ('one or three'). 'One' is as often 'a' as a count.
fn guess_missed<'m>(
    p: &AlignedPair,
    zh: &'m [NumberMention],
    en: &'m [NumberMention],
) -> Option<(&'m NumberMention, (f64, f64), &'m NumberMention)> {
    let exact: Vec<f64> = zh
        .iter()
        .filter(|m| m.range.is_none())
        .map(|m| m.value)
        .collect();
    zh.iter().filter(|z| z.range.is_some()).find_map(|z| {
        let (low, high) = z.range?;
        let counted = |e: &&NumberMention| !e.vague && e.kind != NumberKind::Percent;
        let inside: Vec<&NumberMention> = en
            .iter()
            .filter(counted)
            .filter(|e| spans(z, e.value))
            .collect();
        let joined = |i: &NumberMention, e: &NumberMention| {
            let (a, b) = if i.end <= e.start { (i, e) } else { (e, i) };
            a.end <= b.start
                && matches!(
                    p.en[a.end..b.start].trim().to_lowercase().as_str(),
                    "or" | "to" | "-" | "–"
                )
        };
        let beside = en
            .iter()
            .filter(counted)
            .filter(|e| {
                e.value != 1.0
                    && !spans(z, e.value)
                    && (low / 2.0..=high * 2.0).contains(&e.value)
                    && !exact.iter().any(|&v| numbers::same_value(v, e.value))
            })
            .find(|e| inside.is_empty() || inside.iter().any(|i| joined(i, e)));
        // One value said twice for the guess ('four or four' for 三四).
        let repeated = || {
            inside.iter().enumerate().find_map(|(k, a)| {
                inside[k + 1..]
                    .iter()
                    .find(|b| numbers::same_value(a.value, b.value) && joined(a, b))
                    .copied()
            })
        };
        beside
            .or_else(|| (low < high).then(repeated).flatten())
            .map(|e| (z, (low, high), e))
    })
}

/// A warning that the Chinese number `z` (its value shown as `zh_value`) and the English
/// number `e` disagree.
fn disagreement(p: &AlignedPair, z: &NumberMention, zh_value: &str, e: &NumberMention) -> Finding {
    let (zh_text, en_text) = (&p.zh[z.start..z.end], &p.en[e.start..e.end]);
    let mut f = Finding::bead(
        FindingType::NumberMismatch,
        Severity::Warning,
        p,
        format!(
            "Chinese has {zh_value} ({zh_text}); English has {} ({en_text})",
            show(e.value)
        ),
    );
    f.term = Some(format!("{zh_text} / {en_text}"));
    f.set_spans(Some(z.start..z.end), Some(e.start..e.end), &p.en);
    f
}

/// Ranges (low, high) written in `text`: two numbers joined by 至/到/-/– or 'to',
/// 'through', 'between ... and'.
fn ranges(text: &str, ms: &[NumberMention]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for w in ms.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.end > b.start {
            continue;
        }
        let between = text[a.end..b.start]
            .trim()
            .trim_start_matches(['部', '条', '章']);
        let between = between.trim_end_matches('第').trim();
        let joined = matches!(
            between.to_lowercase().as_str(),
            "至" | "到" | "-" | "–" | "—" | "～" | "~" | "to" | "through" | "and"
        ) || between.to_lowercase().starts_with("to ");
        if joined && a.value < b.value {
            out.push((a.value, b.value));
        }
    }
    out
}

/// Percent against percentage points, the same figure in another unit (增长3.5个百分点
/// 'rose 3.5 percentage points', not '3.5 percent'; 3.5% not '3.5 points').
fn percent_or_points(
    p: &AlignedPair,
    zh: &[NumberMention],
    en: &[NumberMention],
) -> Option<Finding> {
    let zh_points =
        |m: &NumberMention| p.zh[m.end..].trim_start_matches('个').starts_with("百分点");
    // 'percentage points' reads as a percent up to 'percent'.
    let en_points = |m: &NumberMention| {
        let after = p.en[m.end..].to_lowercase();
        after.starts_with("age point") || after.trim_start().starts_with("point")
    };
    let en_unit = |m: &NumberMention| {
        if en_points(m) {
            Some(true)
        } else {
            (m.kind == NumberKind::Percent).then_some(false)
        }
    };
    for z in zh {
        let points = if zh_points(z) {
            true
        } else if z.kind == NumberKind::Percent && !z.approximate {
            false
        } else {
            continue;
        };
        let same: Vec<&NumberMention> = en
            .iter()
            .filter(|e| numbers::same_value(e.value, z.value))
            .collect();
        let (Some(wrong), false) = (
            same.iter().find(|e| en_unit(e) == Some(!points)),
            same.iter().any(|e| en_unit(e) == Some(points)),
        ) else {
            continue;
        };
        let (zh_name, en_name) = if points {
            ("percentage points", "percent")
        } else {
            ("percent", "percentage points")
        };
        let zh_end = if points {
            z.end + p.zh[z.end..].find("百分点")? + "百分点".len()
        } else {
            z.end
        };
        let zh_text = &p.zh[z.start..zh_end];
        let mut f = Finding::bead(
            FindingType::NumberMismatch,
            Severity::Warning,
            p,
            format!(
                "Chinese has {} {zh_name} ({zh_text}), English {} {en_name} ({})",
                show(z.value),
                show(wrong.value),
                &p.en[wrong.start..wrong.end]
            ),
        );
        f.term = Some(zh_text.to_string());
        f.set_spans(Some(z.start..zh_end), Some(wrong.start..wrong.end), &p.en);
        return Some(f);
    }
    None
}

/// Spans the number comparison leaves alone: where a glossary term and its rendering
/// account for their numbers, or a URL or code carries them.
pub(super) struct Skip<'a> {
    pub zh: &'a [Range<usize>],
    pub en: &'a [Range<usize>],
    /// English numbers a measure of the Chinese took as its value (7cm: 'seven
    /// centimetres'): they answer no other number (七层 is not 'seven').
    pub en_used: &'a [Range<usize>],
}

pub(super) fn check_numbers(
    p: &AlignedPair,
    skip: &Skip,
    opts: &CheckOptions,
    out: &mut Vec<Finding>,
) {
    let inside = |spans: &[Range<usize>], m: &NumberMention| {
        spans.iter().any(|r| r.start <= m.start && m.end <= r.end)
    };
    let mut zh_all = numbers::extract_zh(&p.zh);
    // A discount is a share of the price (九折: 90%), which English gives as the share
    // off (10%): either answers it. An English that gives no share but the count
    // itself reads 折 as a measure word (四折 'four acts' of a play).
    let en_numbers = numbers::extract_en(&p.en);
    let counted = |v: f64| {
        !en_numbers.iter().any(|e| e.kind == NumberKind::Percent)
            && en_numbers.iter().any(|e| numbers::same_value(e.value, v))
    };
    let mut off: Vec<(usize, f64)> = Vec::new();
    for m in &mut zh_all {
        if let Some(pay) = discount_paid(&p.zh, m, opts.words).filter(|_| !counted(m.value)) {
            m.end += '折'.len_utf8();
            m.value = pay;
            m.kind = NumberKind::Percent;
            m.spelled = false;
            off.push((m.start, 100.0 - pay));
        }
    }
    let off_of = |m: &NumberMention| off.iter().find(|(s, _)| *s == m.start).map(|&(_, v)| v);
    let mut zh = zh_all.clone();
    zh.retain(|m| !inside(skip.zh, m));
    if let Some(d) = opts.dictionary {
        zh.retain(|m| !in_idiom(&p.zh, m.start, m.end, d));
    }
    let mut en_all = en_numbers;
    en_all.retain(|m| !inside(skip.en_used, m));
    // Against a discount, a share the English says is off ('10% off', 'a discount of
    // 10%') is turned into the share paid, and answers the discount in that reading
    // only: '90% off' for 九折 is wrong.
    let mut said_off: Vec<usize> = Vec::new();
    if !off.is_empty() {
        for m in en_all.iter_mut().filter(|m| m.kind == NumberKind::Percent) {
            if share_off(&p.en, m) {
                m.value = 100.0 - m.value;
                said_off.push(m.start);
            }
        }
    }
    let en_unmarked: Vec<NumberMention> = en_all
        .iter()
        .filter(|m| !said_off.contains(&m.start))
        .cloned()
        .collect();
    let mut en = en_all.clone();
    en.retain(|m| !inside(skip.en, m));

    // Any mention of a value on the other side accounts for it, and so does the value
    // written inside a code there (二十国集团 = G20) or a value inside a range there.
    let zh_ranges = ranges(&p.zh, &zh);
    let en_ranges = ranges(&p.en, &en);
    out.extend(percent_or_points(p, &zh, &en));
    // A Chinese guess (三四 'three or four') accounts for the English values it spans.
    let has = |ms: &[NumberMention], ranges: &[(f64, f64)], v: f64, other: &str| {
        ms.iter()
            .any(|m| numbers::same_value(m.value, v) || spans(m, v))
            || in_code(other, v)
            || ranges
                .iter()
                .any(|&(a, b)| a < v && v < b && v.fract() == 0.0)
    };
    // A count of the numbers a range spans (6条: 'Parts 2 to 7').
    let counts_a_range = |v: f64| {
        zh_ranges
            .iter()
            .chain(&en_ranges)
            .any(|&(a, b)| numbers::same_value(b - a + 1.0, v))
    };
    if let Some((z, (low, high), e)) = guess_missed(p, &zh, &en) {
        out.push(disagreement(
            p,
            z,
            &format!("{} to {}", show(low), show(high)),
            e,
        ));
        let at = e.start;
        en.retain(|m| m.start != at);
    }
    let en_lower = p.en.to_lowercase();
    let en_words: Vec<&str> = en_lower.split(|c: char| !c.is_ascii_alphabetic()).collect();
    // A number a term's rendering carries still answers the same number said again
    // outside the term (《三十六计》 ... “三十六”: 'Thirty-Six' once).
    let mut zh_only: Vec<&NumberMention> = zh
        .iter()
        .filter(|m| is_strong(m, &p.zh) && !has(&en_all, &en_ranges, m.value, &p.en))
        .filter(|m| !off_of(m).is_some_and(|v| has(&en_unmarked, &en_ranges, v, &p.en)))
        .filter(|m| !month_named(&p.zh[m.end..], m.value, &en_lower))
        .filter(|m| !counts_a_range(m.value))
        .collect();
    if !zh_only.is_empty() {
        let names = name_spans(&p.zh, opts.words);
        zh_only.retain(|m| !names.iter().any(|r| r.start <= m.start && m.end <= r.end));
    }
    let mut en_only: Vec<&NumberMention> = en
        .iter()
        .filter(|m| is_strong(m, &p.en) && !has(&zh_all, &zh_ranges, m.value, &p.zh))
        .filter(|m| {
            said_off.contains(&m.start)
                || !off.iter().any(|&(_, v)| numbers::same_value(v, m.value))
        })
        .filter(|m| !counts_a_range(m.value))
        .collect();
    // An hour of the 24-hour clock the English gives on the 12-hour one (22时 against
    // '10 p.m.').
    let afternoon: Vec<(usize, usize)> = zh_only
        .iter()
        .filter(|z| {
            // 24时 is midnight, not '12 p.m.' (noon).
            (13.0..=23.0).contains(&z.value)
                && z.value.fract() == 0.0
                && p.zh[z.end..].starts_with(['时', '点', ':', '：'])
        })
        .filter_map(|z| {
            let e = en.iter().find(|e| {
                numbers::same_value(e.value, z.value - 12.0) && says_pm(&p.en[e.start..])
            })?;
            Some((z.start, e.start))
        })
        .collect();
    zh_only.retain(|z| !afternoon.iter().any(|&(at, _)| at == z.start));
    en_only.retain(|e| !afternoon.iter().any(|&(_, at)| at == e.start));
    // The '00' of a whole hour (22:00) is no number of its own.
    let minutes = |m: &NumberMention, text: &str| {
        m.value == 0.0
            && text[..m.start]
                .strip_suffix([':', '：'])
                .is_some_and(|hour| hour.ends_with(|c: char| c.is_ascii_digit()))
    };
    zh_only.retain(|z| !minutes(z, &p.zh));
    en_only.retain(|e| !minutes(e, &p.en));
    // 五成 is said 'half' (约五成 'about half'); a 50% stays a figure ('the first half'
    // of a year says nothing of it).
    let fifty = |z: &NumberMention| {
        p.zh[z.start..z.end].ends_with('成') && numbers::same_value(z.value, 50.0)
    };
    if en_words.iter().any(|&w| w == "half" || w == "halved") {
        zh_only.retain(|z| !fifty(z));
    }
    // 'one' is read as a count only next to another number (it is as often a pronoun),
    // but it answers a 1 of the Chinese (1个 'one', 'a single'), each word one 1.
    let one =
        |z: &NumberMention| numbers::same_value(z.value, 1.0) && z.kind == NumberKind::Cardinal;
    if zh_only.iter().any(|z| one(z)) {
        let mut ones = counted_ones(&en_lower);
        zh_only.retain(|z| {
            if one(z) && ones > 0 {
                ones -= 1;
                return false;
            }
            true
        });
    }
    // A hedged figure against one it rounds to, or from: a note.
    let mut rounded: Vec<(&NumberMention, &NumberMention)> = Vec::new();
    zh_only.retain(|z| {
        let partner = en.iter().find(|e| {
            !e.vague && (z.approximate || e.approximate) && agrees_rounded(z.value, e.value)
        });
        match partner {
            Some(e) => {
                rounded.push((z, e));
                false
            }
            None => true,
        }
    });
    en_only.retain(|e| !rounded.iter().any(|(_, r)| std::ptr::eq(*r, *e)));
    en_only.retain(|e| {
        !(e.approximate
            && zh
                .iter()
                .any(|z| !z.vague && agrees_rounded(z.value, e.value)))
    });
    // Small numbers in words are weak evidence alone ('a', 'both'), but one on each
    // side that disagree (三 against 'four') are worth a look.
    // Counted as many times as said: 'second ... second' against 第二 ... 第一 leaves
    // one 'second' unanswered.
    let weak = |ms: &'_ [NumberMention], other: &[NumberMention]| -> Vec<usize> {
        (0..ms.len())
            .filter(|&k| {
                let m = &ms[k];
                let same = |o: &&NumberMention| numbers::same_value(o.value, m.value);
                let said_before = ms[..k].iter().filter(same).count();
                !m.vague
                    && m.spelled
                    && (1.0..10.0).contains(&m.value)
                    && other.iter().filter(same).count() <= said_before
            })
            .collect()
    };
    // 'one' and 'first' are as often 'a' or 'at first' as a count, so a 1 takes an
    // ordinal on both sides (第一 against 'second'). An order and a count do not
    // translate each other: 'the second part' does not answer 五个字, nor 'Second,'
    // (其次) the 三 of 三级医院.
    let disagree = |z: &NumberMention, e: &NumberMention| {
        // 三次 and 三期 count times and phases; 十八届, 三中全会 and 第三 are orders.
        let zh_ordinal = z.kind == NumberKind::Ordinal
            || (is_name_ordinal(&p.zh, z) && !p.zh[z.end..].starts_with(['次', '期']));
        let ordinals = zh_ordinal && e.kind == NumberKind::Ordinal;
        zh_ordinal == (e.kind == NumberKind::Ordinal)
            && (ordinals || (z.value != 1.0 && e.value != 1.0))
    };
    let (zw, ew) = (weak(&zh, &en), weak(&en, &zh));
    // Of several, the two that stand at the same place in their sentences.
    let place = |m: &NumberMention, text: &str| m.start as f64 / text.len().max(1) as f64;
    let pair = zw
        .iter()
        .flat_map(|&z| ew.iter().map(move |&e| (z, e)))
        .filter(|&(z, e)| disagree(&zh[z], &en[e]))
        .min_by(|&(z1, e1), &(z2, e2)| {
            let d1 = (place(&zh[z1], &p.zh) - place(&en[e1], &p.en)).abs();
            let d2 = (place(&zh[z2], &p.zh) - place(&en[e2], &p.en)).abs();
            d1.total_cmp(&d2)
        });
    if zh_only.is_empty() && en_only.is_empty() {
        if rounded.is_empty()
            && let Some((z, e)) = pair
        {
            let (z, e) = (&zh[z], &en[e]);
            out.push(disagreement(p, z, &show(z.value), e));
            return;
        }
        if let Some((z, e)) = rounded.first() {
            let mut f = Finding::bead(
                FindingType::NumberMismatch,
                Severity::Info,
                p,
                format!(
                    "Chinese has {} ({}), English {} ({}): rounded",
                    show(z.value),
                    &p.zh[z.start..z.end],
                    show(e.value),
                    &p.en[e.start..e.end]
                ),
            );
            f.term = Some(p.zh[z.start..z.end].to_string());
            f.set_spans(Some(z.start..z.end), Some(e.start..e.end), &p.en);
            out.push(f);
        }
        return;
    }
    // A small number that disagrees goes with the others (四层 against 'six').
    if let Some((z, e)) = pair {
        if !zh_only.iter().any(|m| std::ptr::eq(*m, &zh[z])) {
            zh_only.push(&zh[z]);
            zh_only.sort_by_key(|m| m.start);
        }
        if !en_only.iter().any(|m| std::ptr::eq(*m, &en[e])) {
            en_only.push(&en[e]);
            en_only.sort_by_key(|m| m.start);
        }
    }
    // A month of the Chinese (1月) is shown with its name, and so are the months the
    // English names instead ('February').
    let capitalised = |name: &str| {
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let month_of = |m: &NumberMention| {
        let month = p.zh.get(m.end..).is_some_and(|a| a.starts_with('月'))
            && (1.0..=12.0).contains(&m.value)
            && m.value.fract() == 0.0;
        month.then(|| capitalised(numbers::EN_MONTHS[m.value as usize - 1]))
    };
    let list = |ms: &[&NumberMention], text: &str, zh_side: bool| {
        ms.iter()
            .map(|m| {
                let said = &text[m.start..m.end];
                match month_of(m).filter(|_| zh_side) {
                    Some(name) => format!("{} ({said}月, {name})", show(m.value)),
                    None if !zh_side && said_off.contains(&m.start) => {
                        format!("{}% paid ({said} off)", show(m.value))
                    }
                    None => format!("{} ({said})", show(m.value)),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Capitalised only: 'may' and 'march' are words too.
    let other_months: Vec<String> = if zh_only.iter().any(|m| month_of(m).is_some()) {
        numbers::EN_MONTHS
            .iter()
            .map(|name| capitalised(name))
            .filter(|name| p.en.split(|c: char| !c.is_alphabetic()).any(|w| w == name))
            .collect()
    } else {
        Vec::new()
    };
    let months_note = if other_months.is_empty() {
        String::new()
    } else {
        format!("; the English names {}", other_months.join(", "))
    };
    let message = match (zh_only.is_empty(), en_only.is_empty()) {
        (false, false) => format!(
            "Chinese has {}; English has {}",
            list(&zh_only, &p.zh, true),
            list(&en_only, &p.en, false)
        ),
        (false, true) => format!(
            "Chinese has {} not in the English",
            list(&zh_only, &p.zh, true)
        ),
        _ => format!(
            "English has {} not in the Chinese",
            list(&en_only, &p.en, false)
        ),
    } + &months_note;
    let term = zh_only
        .iter()
        .map(|m| &p.zh[m.start..m.end])
        .chain(en_only.iter().map(|m| &p.en[m.start..m.end]))
        .collect::<Vec<_>>()
        .join(" / ");
    // A translator often spells out what the Chinese leaves implicit (成立后 -> "after
    // it was founded in 1921", 改革开放以来 -> "in the past 30 years"): numbers only
    // in the English of a bead whose Chinese has none (or years, where it has no year)
    // are a note, not a disagreement.
    // Years and decades ('the 1950s') date what the Chinese leaves implicit.
    let is_year = |m: &&NumberMention| {
        !m.spelled && m.kind == NumberKind::Cardinal && (1800.0..=2100.0).contains(&m.value)
    };
    let is_decade = |m: &&NumberMention| p.en[m.start..m.end].ends_with("0s");
    let added = !zh.iter().any(|m| is_strong(m, &p.zh))
        || (en_only.iter().all(|m| is_year(m) || is_decade(m)) && !zh.iter().any(|m| is_year(&m)));
    // 一米六零 -> "five feet four inches": a measure converted to other units is the
    // translator's choice, not a disagreement of numbers.
    // Not when the English keeps the Chinese unit (1万公里 against '1,000 kilometers').
    let converted = zh_only.iter().all(|m| {
        (measure_after(&p.zh[m.end..]) || measure_before(&p.zh[..m.start]))
            && !same_unit_in(&p.zh[m.end..], &en_words)
    }) && en_words.iter().any(|w| EN_MEASURES.contains(w));
    let only_zh = en_only.is_empty();
    let (severity, message) = if converted && !zh_only.is_empty() {
        (Severity::Info, format!("{message} (units converted?)"))
    } else if zh_only.is_empty() && added {
        (Severity::Info, message)
    } else if only_zh && zh_only.iter().all(|m| is_name_ordinal(&p.zh, m)) {
        (Severity::Info, format!("{message} (named by a word?)"))
    } else if only_zh && zh_only.iter().all(|m| is_round_hyperbole(m)) {
        (Severity::Info, format!("{message} (a figure of speech?)"))
    } else {
        (Severity::Error, message)
    };
    let mut f = Finding::bead(FindingType::NumberMismatch, severity, p, message);
    f.term = Some(term);
    f.set_spans(
        zh_only.first().map(|m| m.start..m.end),
        en_only.first().map(|m| m.start..m.end),
        &p.en,
    );
    out.push(f);
}

/// Add measures of the Chinese the English lacks (`missing`, byte spans: 0.4m) to
/// the bead's number finding `f`: one finding for the numbers of a bead.
pub(super) fn add_missing_measures(f: &mut Finding, p: &AlignedPair, missing: &[Range<usize>]) {
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|r| format!("'{}'", &p.zh[r.clone()]))
        .collect::<Vec<_>>()
        .join(", ");
    f.message = format!("{}; {list} of the Chinese not in the English", f.message);
    f.severity = f.severity.max(Severity::Warning);
}

/// Byte spans of the words jieba tags as person or place names: the numerals of
/// 十堰 or a nickname like 马十六 name, they do not count.
fn name_spans(zh: &str, segmenter: &WordSegmenter) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for t in segmenter.jieba().tag(zh, true) {
        let start = zh[at..].find(t.word).map_or(at, |k| at + k);
        let end = start + t.word.len();
        let numeral_only = t.word.chars().all(numbers::is_zh_numeral);
        if (t.tag.starts_with("nr") || t.tag.starts_with("ns")) && !numeral_only {
            spans.push(start..end);
        }
        at = end;
    }
    spans
}

/// Chinese measure units a translation may convert (metric and traditional).
const ZH_MEASURES: &[&str] = &[
    "公里", "千米", "厘米", "毫米", "米", "公斤", "千克", "克", "斤", "里", "尺", "寸", "丈", "亩",
    "公顷", "吨", "英尺", "英寸", "英里", "磅", "度",
];

/// English units of measure, imperial and metric.
const EN_MEASURES: &[&str] = &[
    "feet",
    "foot",
    "inch",
    "inches",
    "pound",
    "pounds",
    "mile",
    "miles",
    "yard",
    "yards",
    "acre",
    "acres",
    "ounce",
    "ounces",
    "meter",
    "meters",
    "metre",
    "metres",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "centimeter",
    "centimeters",
    "centimetre",
    "centimetres",
    "hectare",
    "hectares",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "gram",
    "grams",
    "mu",
    "li",
    "degrees",
    "fahrenheit",
    "celsius",
];

/// The English names of the metric units a Chinese number may stand before.
const SAME_UNITS: &[(&str, &[&str])] = &[
    (
        "公里",
        &["kilometer", "kilometers", "kilometre", "kilometres", "km"],
    ),
    (
        "千米",
        &["kilometer", "kilometers", "kilometre", "kilometres", "km"],
    ),
    ("公斤", &["kilogram", "kilograms", "kilo", "kilos", "kg"]),
    ("千克", &["kilogram", "kilograms", "kilo", "kilos", "kg"]),
    ("公顷", &["hectare", "hectares"]),
    ("吨", &["ton", "tons", "tonne", "tonnes"]),
    (
        "厘米",
        &[
            "centimeter",
            "centimeters",
            "centimetre",
            "centimetres",
            "cm",
        ],
    ),
    (
        "毫米",
        &[
            "millimeter",
            "millimeters",
            "millimetre",
            "millimetres",
            "mm",
        ],
    ),
    ("米", &["meter", "meters", "metre", "metres", "m"]),
    ("克", &["gram", "grams", "g"]),
    ("亩", &["mu"]),
    ("斤", &["jin"]),
];

/// Does the English name the unit that follows the Chinese number (`after`), so that
/// nothing was converted?
fn same_unit_in(after: &str, en_words: &[&str]) -> bool {
    // A scale may stand between (1万公里), but 千 of 千克 is the unit's.
    let after = after.trim_start_matches(['万', '亿']);
    SAME_UNITS
        .iter()
        .find(|(zh, _)| after.starts_with(zh))
        .is_some_and(|(_, en)| en_words.iter().any(|w| en.contains(w)))
}

/// Whether a measure unit follows a Chinese number (六十公斤, 一米六零 has 米 inside).
fn measure_after(after: &str) -> bool {
    ZH_MEASURES.iter().any(|u| after.starts_with(u))
}

/// ... or comes between a number and its digits after the unit (一米六零 = 1.60 m).
fn measure_before(before: &str) -> bool {
    let numeral =
        |c: char| c.is_ascii_digit() || numbers::parse_zh_numeral(&c.to_string()).is_some();
    ZH_MEASURES.iter().any(|u| {
        before
            .strip_suffix(u)
            .is_some_and(|rest| rest.ends_with(numeral))
    })
}

/// Does the hour (the text from its digits on) say it is in the afternoon or evening
/// ('10 p.m.', '10pm')?
fn says_pm(hour: &str) -> bool {
    let after = hour.trim_start_matches(|c: char| c.is_ascii_digit());
    // Minutes may follow the hour: '10:30 p.m.', '10.30pm'.
    let after = after
        .strip_prefix([':', '.'])
        .filter(|m| m.len() >= 2 && m.as_bytes()[..2].iter().all(u8::is_ascii_digit))
        .map_or(after, |m| &m[2..]);
    let after = after.trim_start().to_lowercase();
    after.starts_with("p.m") || after.starts_with("pm")
}

/// How many times the (lower-case) English says a count of one in words: 'one',
/// 'single', 'once', but not the pronoun ('no one', 'one of them', 'one another').
fn counted_ones(en_lower: &str) -> usize {
    let words: Vec<&str> = en_lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let pronoun_before = [
        "no", "any", "some", "every", "each", "this", "that", "which", "the",
    ];
    (0..words.len())
        .filter(|&i| match words[i] {
            "single" | "once" => true,
            "one" => {
                (i == 0 || !pronoun_before.contains(&words[i - 1]))
                    && !words
                        .get(i + 1)
                        .is_some_and(|w| ["of", "another", "by"].contains(w))
            }
            _ => false,
        })
        .count()
}

/// 12月 against "December" with no day next to it (the English extractor only takes
/// month names in dates).
fn month_named(after: &str, v: f64, en_lower: &str) -> bool {
    after.starts_with('月')
        && (1.0..=12.0).contains(&v)
        && v.fract() == 0.0
        && en_lower.contains(numbers::EN_MONTHS[v as usize - 1])
}

/// The integer `v` written inside an alphanumeric code of `text` (G20, 5G, W3C).
fn in_code(text: &str, v: f64) -> bool {
    if v.fract() != 0.0 || !(0.0..1e6).contains(&v) {
        return false;
    }
    let digits = show(v);
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()))
        .any(|t| t.split(|c: char| !c.is_ascii_digit()).any(|d| d == digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check, terms::TermSet};

    /// The number findings of one bead, with the term spans `zh_terms` / `en_terms`
    /// skipped.
    fn numbers_found(
        zh: &str,
        en: &str,
        zh_terms: &[Range<usize>],
        en_terms: &[Range<usize>],
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        let skip = Skip {
            zh: zh_terms,
            en: en_terms,
            en_used: &[],
        };
        check_numbers(
            &AlignedPair::new(0, zh, en),
            &skip,
            &CheckOptions::default(),
            &mut out,
        );
        out
    }

    fn severities(zh: &str, en: &str) -> Vec<Severity> {
        numbers_found(zh, en, &[], &[])
            .iter()
            .map(|f| f.severity)
            .collect()
    }

    #[test]
    fn a_discount_is_the_share_of_the_price_or_the_share_off() {
        assert!(severities("会员购物一律九折。", "Members get a 10% discount.").is_empty());
        assert!(severities("会员购物一律九折。", "Members pay 90% of the price.").is_empty());
        assert!(severities("周末商品打八五折。", "Goods are 15% off at weekends.").is_empty());
        assert!(severities("周末商品打八五折。", "A discount of 15% at weekends.").is_empty());
        for en in ["Older ones are 20% off.", "Older ones are 90% off."] {
            let wrong = numbers_found("旧款打九折。", en, &[], &[]);
            assert_eq!(wrong.len(), 1, "{en}");
            assert_eq!(wrong[0].severity, Severity::Error);
            assert!(
                wrong[0].message.contains("90 (九折)"),
                "{}",
                wrong[0].message
            );
        }
        // An English with the count and no share reads 折 as a measure word: acts.
        assert!(severities("这出戏一共四折。", "The drama runs to four acts.").is_empty());
        assert!(!severities("这出戏一共四折。", "The drama runs to five acts.").is_empty());
        assert!(!severities("全场打四折。", "Everything is 4% off.").is_empty());
        // 折 that starts another word is no discount: a tri-fold phone, a rate converted.
        assert!(severities("这款三折叠手机很薄。", "This tri-fold phone is thin.").is_empty());
        assert!(severities("按1比7折算。", "Converted at one to seven.").is_empty());
    }

    #[test]
    fn a_measure_takes_its_english_number_and_no_other_number_may() {
        let terms = TermSet::default().build();
        let found = |zh: &str, en: &str| {
            check(
                &[AlignedPair::new(0, zh, en)],
                &terms,
                &[],
                &CheckOptions::default(),
            )
            .into_iter()
            .filter(|f| f.kind == FindingType::NumberMismatch)
            .map(|f| f.term.unwrap_or_default())
            .collect::<Vec<_>>()
        };
        // 'four' is the 4 of 4cm: 四 (a count of coats) is left against 'six'.
        assert_eq!(
            found(
                "墙上刷了四层漆，每层厚4cm。",
                "The wall got six coats of paint, each four centimetres thick."
            ),
            ["四 / six"]
        );
        assert!(
            found(
                "墙上刷了四层漆，每层厚4cm。",
                "The wall got four coats of paint, each 4cm thick."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_hour_may_be_given_on_the_twelve_hour_clock() {
        for en in [
            "The gate is locked from 11 p.m. to 5 a.m.",
            "The gate is locked from 11pm to 5am.",
            "The gate is locked from 23:00 to 05:00.",
        ] {
            assert!(
                severities("大门晚上23时至早上5时上锁。", en).is_empty(),
                "{en}"
            );
        }
        assert!(severities("会议下午2时开始。", "The meeting starts at 2 p.m.").is_empty());
        // The wrong hour, or a morning hour for an evening one, is still wrong.
        for en in [
            "The gate is locked at 10 p.m.",
            "The gate is locked at 11 a.m.",
        ] {
            assert_eq!(severities("大门23时上锁。", en), [Severity::Error], "{en}");
        }
    }

    #[test]
    fn minutes_after_the_hour_and_midnight() {
        assert!(severities("晚上22时30分闭馆。", "It closes at 10:30 p.m.").is_empty());
        assert!(severities("晚上22:00闭馆。", "It closes at 10:00 p.m.").is_empty());
        // 24时 is midnight: '12 p.m.' is noon.
        assert_eq!(
            severities("活动24时结束。", "It ends at 12 p.m."),
            [Severity::Error]
        );
        // A 0 after a label's colon is a number.
        assert_eq!(
            severities("死亡人数：0。", "Deaths were reported."),
            [Severity::Error]
        );
    }

    #[test]
    fn one_in_words_answers_a_chinese_1() {
        assert!(
            severities(
                "每层至少设1个灭火器。",
                "Each floor has at least one extinguisher."
            )
            .is_empty()
        );
        assert!(
            severities(
                "每层至少设1个灭火器。",
                "Each floor has a single extinguisher."
            )
            .is_empty()
        );
        assert_eq!(
            severities(
                "每层至少设1个灭火器。",
                "Each floor has at least two extinguishers."
            ),
            [Severity::Error]
        );
        // The pronoun is no count.
        for en in [
            "No one knows why each floor has two extinguishers.",
            "Each floor has two extinguishers, one of them red.",
        ] {
            assert!(!severities("每层设1个灭火器。", en).is_empty(), "{en}");
        }
    }

    #[test]
    fn a_chinese_guess_spans_its_values() {
        // 五六 'five or six', 一二十 'ten or twenty', 二十几 'twenty-odd': fine.
        assert!(severities("她有五六岁了", "she is five or six").is_empty());
        assert!(
            severities(
                "门口站着一二十个学生",
                "ten or twenty students stood at the gate"
            )
            .is_empty()
        );
        assert!(severities("他买了二十几本书", "he bought over twenty books").is_empty());
        assert!(severities("一两个月", "a month or two").is_empty());
        // One value said twice for the guess: a warning.
        assert_eq!(
            severities("等了三四天", "waited four or four days"),
            [Severity::Warning]
        );
        // A value beside the guess, alone or joined to one inside it: a warning.
        assert_eq!(
            severities("她有五六岁了", "she is four or six"),
            [Severity::Warning]
        );
        assert_eq!(
            severities("他一两年回来一次", "he comes back every three years"),
            [Severity::Warning]
        );
        assert_eq!(
            severities("他买了二十几本书", "he bought over thirty books"),
            [Severity::Warning]
        );
        // 一两银子 is a tael of silver, no guess.
        assert!(severities("一两银子", "a tael of silver").is_empty());
    }

    #[test]
    fn rounding_precision() {
        assert_eq!(
            (show(2.726), show(100.0 / 3.0), show(2.0)),
            ("2.726".into(), "33.33".into(), "2".into())
        );
        assert_eq!(precision(16e6), 1e6);
        assert_eq!(precision(15.76e6), 1e4);
        assert_eq!(precision(2.7), 0.1);
        assert_eq!(precision(13.0), 1.0);
        assert!(agrees_rounded(15.76e6, 16e6));
        assert!(agrees_rounded(42.0, 40.0));
        assert!(!agrees_rounded(1.6e6, 1.7e6));
        assert!(!agrees_rounded(2.7e9, 2.7e6));
        assert!(!agrees_rounded(13.0, 31.0));
        assert!(agrees_rounded(2e10, 2.4e10));
        assert!(agrees_rounded(2.726, 2.7255));
        assert!(agrees_rounded(1200.0, 1250.0));
        assert!(agrees_rounded(1200.0, 1250.0));
    }

    #[test]
    fn approximate_figures_are_compared_allowing_for_rounding() {
        // Same figure, hedged on both sides: fine.
        assert!(severities("约27亿人", "some 2.7 billion people").is_empty());
        // A hedged figure off by a factor of a thousand is an error all the same.
        assert_eq!(
            severities("约27亿人", "some 2.7 million people"),
            [Severity::Error]
        );
        assert_eq!(
            severities("约占百分之十三", "about 31 percent"),
            [Severity::Error]
        );
        // Rounded: a note.
        assert_eq!(
            severities("共有1576万人", "almost 16 million people"),
            [Severity::Info]
        );
        // Two exact figures that merely round alike still disagree.
        assert_eq!(
            severities("有100个国家", "120 countries"),
            [Severity::Error]
        );
    }

    #[test]
    fn percent_is_no_percentage_point() {
        assert_eq!(
            severities("比重提高3.5个百分点", "its share rose 3.5 percent"),
            [Severity::Warning]
        );
        assert_eq!(
            severities("比重提高3.5%", "its share rose 3.5 percentage points"),
            [Severity::Warning]
        );
        for en in [
            "its share rose 3.5 percentage points",
            "its share rose by 3.5 points",
        ] {
            assert!(severities("比重提高3.5个百分点", en).is_empty(), "{en}");
        }
        assert!(severities("比重为3.5%", "a share of 3.5 percent").is_empty());
    }

    #[test]
    fn a_month_is_named_on_both_sides() {
        let found = numbers_found(
            "会议于2023年1月召开。",
            "The meeting was held in February 2023.",
            &[],
            &[],
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("January") && found[0].message.ends_with("names February"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn fractions_are_compared_as_shares() {
        for en in ["one-third of the land", "a third of the land"] {
            assert!(severities("三分之一的土地", en).is_empty(), "{en}");
        }
        // A third written as a rounded percentage: a rounding note at most.
        assert!(
            severities("三分之一的土地", "about 33 percent of the land")
                .iter()
                .all(|s| *s == Severity::Info)
        );
        assert_eq!(
            severities("三分之一的土地", "one half of the land"),
            [Severity::Error]
        );
        assert_eq!(
            severities("四分之三的人口", "a quarter of the population"),
            [Severity::Error]
        );
    }

    #[test]
    fn ranges_names_and_figures_of_speech_are_notes() {
        // A count of the range it spans.
        assert!(
            severities(
                "经济方面开6条（第二至第七部分）",
                "The economy from Part 2 to Part 7"
            )
            .is_empty()
        );
        assert!(severities("第二至第五部分", "Parts 2, 3, 4 and 5").is_empty());
        // The ordinal of a name, referred to by a word.
        assert_eq!(
            severities("十八届三中全会作出决定。", "The session made a decision."),
            [Severity::Info]
        );
        // A round thousand as hyperbole, with no number in the English.
        assert_eq!(
            severities("一万个不放心。", "We cannot be too careful."),
            [Severity::Info]
        );
        // Small numbers in words that disagree.
        assert_eq!(
            severities("他有三个孩子。", "He has four children."),
            [Severity::Warning]
        );
        assert!(severities("他有三个孩子。", "He has three children.").is_empty());
        // Ordinals that disagree, a first included.
        assert_eq!(
            severities("他第一句话就问我。", "The second thing he did was ask me."),
            [Severity::Warning]
        );
        // ... but a cardinal one is too loose ('a').
        assert!(severities("他说了一句话。", "He said two words.").is_empty());
        // A span of time is said in any translation, small or not.
        assert_eq!(
            severities("记录至少保存三年。", "Records are kept."),
            [Severity::Error]
        );
        assert!(severities("记录至少保存三年。", "Records are kept for three years.").is_empty());
        assert_eq!(
            severities("会议开了三个小时。", "The meeting went on."),
            [Severity::Error]
        );
        assert_eq!(
            severities(
                "过了大约三分钟，他才开口。",
                "After about ten minutes he spoke."
            ),
            [Severity::Error]
        );
        assert!(severities("他读三年级。", "He is in the third grade.").is_empty());
        // A count of times against another count still disagrees.
        assert_eq!(
            severities("他来了三次。", "He came four times."),
            [Severity::Warning]
        );
        // An order does not answer a count: 'Second,' is 其次, not the 三 of 三级.
        assert!(
            severities(
                "其次，病人多来自三级医院。",
                "Second, most patients came from tertiary hospitals."
            )
            .is_empty()
        );
        // 两 alone is two.
        assert_eq!(
            severities("两个学生走进教室。", "Three students walked in."),
            [Severity::Warning]
        );
        assert!(severities("两个学生走进教室。", "Two students walked in.").is_empty());
        // Said twice in one language, once in the other: one is unanswered.
        assert_eq!(
            severities(
                "第二次考试比第一次容易。",
                "The second exam was easier than the second."
            ),
            [Severity::Warning]
        );
        assert!(
            severities(
                "第二次考试比第一次容易。",
                "The second exam was easier than the first."
            )
            .is_empty()
        );
        // ... but a dropped count is an error.
        assert_eq!(
            severities("他们有30个项目。", "They have several projects."),
            [Severity::Error]
        );
    }

    #[test]
    fn a_number_in_a_rendered_term_answers_the_same_number_again() {
        // The term and its rendering carry 36 (skipped spans); 36 said again outside
        // the term is answered by the rendering's 'Thirty-Six'.
        let zh = "他读《三十六计》，记住了“三十六”。";
        let en = "He read the Thirty-Six Stratagems and knew the number.";
        let t = zh.find('《').unwrap()..zh.find('》').unwrap();
        let findings = |en: &str| {
            let r = en.find("the ").unwrap() + 4..en.find(" and").unwrap();
            numbers_found(zh, en, std::slice::from_ref(&t), &[r])
        };
        let out = findings(en);
        assert!(out.is_empty(), "{out:#?}");
        // Without the rendering's number the repeated 36 is missing.
        let out = findings("He read the Stratagems and knew the number.");
        assert_eq!(out.len(), 1, "{out:#?}");
    }

    #[test]
    fn numerals_in_names_and_converted_measures_are_not_errors() {
        // 十堰 is a place, not ten.
        assert!(severities("他在十堰住过三年。", "He lived in Shiyan for three years.").is_empty());
        // Heights and weights converted to feet and pounds are a note.
        assert_eq!(
            severities(
                "奶奶那年身高一米六零，体重六十公斤。",
                "Grandma was five feet four inches tall and weighed 130 pounds."
            ),
            vec![Severity::Info]
        );
        // A harvest in 斤 given in tonnes (a note); a Five-Year Plan named by its
        // number is its ordinal; the same unit on both sides excuses nothing; 五成
        // said 'half'; units side by side are no number; a figure far from a rounding;
        // 'half' of the year is no fifty percent; a unit kept is no conversion.
        let cases: [(&str, &str, &[Severity]); 8] = [
            (
                "粮食产量稳定在690亿斤以上。",
                "Grain output stayed above 34.5 million tonnes.",
                &[Severity::Info],
            ),
            (
                "“十四五”规划顺利收官。",
                "The 14th Five-Year Plan was completed.",
                &[],
            ),
            (
                "铁路全长1万公里。",
                "The railway is 1,000 kilometers long.",
                &[Severity::Error],
            ),
            ("能耗降低约五成。", "Energy use fell by about half.", &[]),
            (
                "千百年来，人们这样生活。",
                "For centuries people lived so.",
                &[],
            ),
            (
                "贸易额近200亿美元。",
                "Trade reached nearly 30 billion US dollars.",
                &[Severity::Error],
            ),
            (
                "上半年利润增长了50%。",
                "In the first half of the year profit rose sharply.",
                &[Severity::Error],
            ),
            (
                "这块金子重500克。",
                "The gold weighs 50 grams.",
                &[Severity::Error],
            ),
        ];
        for (zh, en, want) in cases {
            assert_eq!(severities(zh, en), want, "{zh} / {en}");
        }
        // A converted unit does not excuse a plain wrong number.
        assert_eq!(
            severities(
                "他买了六十本书。",
                "He bought 16 books, weighing 20 pounds."
            ),
            vec![Severity::Error]
        );
    }

    #[test]
    fn numbers_in_idioms_and_added_years_are_not_errors() {
        let dict = Dictionary::from_cedict_text(
            "一石二鳥 一石二鸟 [yi1 shi2 er4 niao3] /lit. one stone, two birds (idiom)/\n",
            "t",
        )
        .unwrap();
        let opts = CheckOptions {
            dictionary: Some(&dict),
            ..CheckOptions::default()
        };
        let terms = TermSet::default().build();
        let pairs = [
            AlignedPair::new(0, "这是一石二鸟。", "This kills several birds at once."),
            // the English dates what the Chinese leaves implicit
            AlignedPair::new(1, "改革开放以来变化很大。", "Much has changed since 1978."),
            // a year that disagrees stays an error
            AlignedPair::new(2, "2022年变化很大。", "Much changed in 2021."),
        ];
        let found = check(&pairs, &terms, &[], &opts);
        let nums: Vec<(usize, Severity)> = found
            .iter()
            .filter(|f| f.kind == FindingType::NumberMismatch)
            .map(|f| (f.bead.unwrap(), f.severity))
            .collect();
        assert_eq!(
            nums,
            [(1, Severity::Info), (2, Severity::Error)],
            "{found:#?}"
        );
    }
}
