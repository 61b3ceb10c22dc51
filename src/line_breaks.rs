//! A line break inside a paragraph (HTML `<br>`, a Word soft line break) read as plain
//! text reads a wrapped line ([`crate::segment::unwrap`]): inside a sentence it is a
//! wrap, and the lines join; where a sentence or clause ends, or where every line is
//! short (an address, a poem), the lines stay lines.
//!
//! ```
//! use bitext::line_breaks::join_line_breaks;
//! assert_eq!(
//!     join_line_breaks("在城东，一座旧厂房\n被改成了一座有三层阅览室、两百个座位的社区图书馆。", false),
//!     "在城东，一座旧厂房被改成了一座有三层阅览室、两百个座位的社区图书馆。"
//! );
//! assert_eq!(join_line_breaks("人民路1号\n东城区", false), "人民路1号\n东城区");
//! ```

use crate::script::{columns as width, is_closer, is_han, joins_without_space};

/// Wrapped prose fills at least this width (in columns; a Chinese character is two), as
/// in [`crate::segment::unwrap`]: a paragraph none of whose lines reaches it is a list
/// of short lines.
const MIN_WRAP_WIDTH: usize = 40;

/// Whether a trimmed line stops where a sentence or a clause may end: closing quotes
/// and brackets aside, on a full stop, question or exclamation mark, colon, semicolon
/// or ellipsis (a comma or a bracket at a line's end is mid-sentence). Wrapped plain
/// text is not joined there either.
pub(crate) fn ends_closed(line: &str) -> bool {
    let core = line.trim_end_matches(is_closer);
    core.chars()
        .next_back()
        .is_none_or(|c| "。！？；：….!?;:".contains(c))
}

/// One paragraph whose lines are separated by `\n` (an empty line is a paragraph break,
/// never joined), with its line breaks resolved: lines joined where the break is a wrap
/// (always, for a heading, which is one line), kept where it ends a line. Lines come
/// out trimmed, empty ones left out.
pub fn join_line_breaks(paragraph: &str, always_join: bool) -> String {
    if !paragraph.contains('\n') {
        return paragraph.trim().to_string();
    }
    let raw: Vec<&str> = paragraph.split('\n').collect();
    let short_lines = raw.iter().all(|l| width(l.trim()) < MIN_WRAP_WIDTH);
    let chinese = paragraph.chars().any(is_han);
    let mut out = String::with_capacity(paragraph.len());
    let mut line_start = 0;
    for (k, l) in raw.iter().enumerate() {
        let next = l.trim();
        if next.is_empty() {
            if out.len() > line_start {
                out.push('\n');
                line_start = out.len();
            }
            continue;
        }
        if out.len() == line_start {
            out.push_str(next);
            continue;
        }
        let prev = &out[line_start..];
        // An English sentence visibly runs on (after "e.g." or "Mr.").
        let runs_on = next.starts_with(|c: char| c.is_lowercase());
        if !always_join && (short_lines || (ends_closed(prev) && !runs_on)) {
            out.push('\n');
            line_start = out.len();
        } else {
            let spaced =
                raw[k - 1].ends_with(char::is_whitespace) || l.starts_with(char::is_whitespace);
            if glue_with_space(prev, next, chinese, spaced) {
                out.push(' ');
            }
        }
        out.push_str(next);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Whether two wrapped lines join with a space, as [`crate::segment::unwrap`] joins
/// them: Chinese runs on with nothing between; English words take a space, except after
/// a line-end hyphen; Latin inside Chinese takes one where the text shows a space at the
/// break, or between two letters (a break touching a digit is inside a number or code).
fn glue_with_space(prev: &str, next: &str, chinese: bool, spaced: bool) -> bool {
    let (Some(last), Some(first)) = (prev.chars().next_back(), next.chars().next()) else {
        return false;
    };
    if joins_without_space(prev, next) {
        return false;
    }
    let latin = |c: char| c.is_ascii_alphanumeric();
    if chinese {
        latin(last)
            && latin(first)
            && (spaced || (last.is_ascii_alphabetic() && first.is_ascii_alphabetic()))
    } else {
        !(last == '-' && latin(first))
    }
}

#[cfg(test)]
mod tests {
    use super::join_line_breaks;

    #[test]
    fn a_break_inside_a_sentence_is_a_wrap() {
        assert_eq!(
            join_line_breaks(
                "The old bakery on the corner of the square\nbecame a reading room for the neighbourhood.",
                false
            ),
            "The old bakery on the corner of the square became a reading room for the neighbourhood."
        );
        assert_eq!(
            join_line_breaks(
                "河边那座废弃的仓库\n在去年秋天变成了一家有两百个座位的社区阅览室。",
                false
            ),
            "河边那座废弃的仓库在去年秋天变成了一家有两百个座位的社区阅览室。"
        );
        // A line-end hyphen stays as written; Latin inside Chinese joins as plain text does.
        assert_eq!(
            join_line_breaks(
                "Volunteers run a weekly drop-in session for second-\nhand books and magazines of all kinds.",
                false
            ),
            "Volunteers run a weekly drop-in session for second-hand books and magazines of all kinds."
        );
        assert_eq!(
            join_line_breaks(
                "阅览室计划在203\n0年前接入全市统一的图书借还平台，并开放 open\ndata 接口。",
                false
            ),
            "阅览室计划在2030年前接入全市统一的图书借还平台，并开放 open data 接口。"
        );
    }

    #[test]
    fn a_break_after_a_sentence_or_in_short_lines_stays() {
        assert_eq!(
            join_line_breaks(
                "The reading room opened in March with two thousand books.\nIt now lends four hundred books a week.",
                false
            ),
            "The reading room opened in March with two thousand books.\nIt now lends four hundred books a week."
        );
        // An address, a poem: every line short.
        assert_eq!(
            join_line_breaks("12 Willow Lane\nEastfield\nPostcode 100200", false),
            "12 Willow Lane\nEastfield\nPostcode 100200"
        );
        assert_eq!(
            join_line_breaks("春风吹过小桥，\n细雨落在窗前，\n灯下有人读书。", false),
            "春风吹过小桥，\n细雨落在窗前，\n灯下有人读书。"
        );
        // An empty line is a paragraph break.
        assert_eq!(
            join_line_breaks(
                "The first part of a long paragraph that goes on and on\n \nand a second one",
                false
            ),
            "The first part of a long paragraph that goes on and on\nand a second one"
        );
    }

    #[test]
    fn a_heading_is_one_line_and_english_runs_on_after_an_abbreviation() {
        assert_eq!(
            join_line_breaks("社区阅读\n年度报告", true),
            "社区阅读年度报告"
        );
        assert_eq!(
            join_line_breaks("Annual Report\non Reading", true),
            "Annual Report on Reading"
        );
        assert_eq!(
            join_line_breaks(
                "Libraries lend more than books, e.g.\ntools, seeds and musical instruments to anyone.",
                false
            ),
            "Libraries lend more than books, e.g. tools, seeds and musical instruments to anyone."
        );
        assert_eq!(join_line_breaks("\n\n", false), "");
    }
}
