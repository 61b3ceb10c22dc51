//! Hard-wrapped text (as PDF converters and e-mail write it) joined back into one line
//! per paragraph, so that a line break inside a sentence does not cut the sentence.
//!
//! A document counts as wrapped when most of its full-width lines end in the middle of
//! a sentence. Then a line is joined to the next when it is full-width and ends open;
//! a short line (a heading, a title, a paragraph's last line) never is.

use super::Lang;
use crate::line_breaks::ends_closed;
use crate::script::{columns as width, joins_without_space};

/// Lines at least this share of the document's wide-line length count as full-width.
const FULL_WIDTH: f64 = 0.75;
/// A document is wrapped when at least this share of its full-width lines end open...
const OPEN_SHARE: f64 = 0.5;
/// ...and at least this many of them do.
const MIN_OPEN_LINES: usize = 3;
/// Wrapped English prose fills at least this width (in columns): shorter lines are
/// lists, verse or addresses, whose lower-case lines would read as open. Chinese is
/// wrapped at any width (by hand, a dozen characters a line), and its short titles
/// and items are told by their form, not their width.
const MIN_WRAP_WIDTH_EN: f64 = 40.0;

/// Whether a line ends in a number's point that the next line's digits continue
/// (4.|2万): Chinese is wrapped at any character, and its sentences end in 。, not `.`.
fn cuts_a_number(line: &str, next: &str) -> bool {
    line.strip_suffix('.')
        .is_some_and(|l| l.ends_with(|c: char| c.is_ascii_digit()))
        && next.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether an English line ends on a word that cannot end a sentence or a title.
fn ends_with_joining_word(line: &str) -> bool {
    const JOINING: &[&str] = &[
        "a", "an", "the", "and", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "into", "as", "than", "that", "which",
    ];
    line.rsplit(' ')
        .next()
        .is_some_and(|w| JOINING.contains(&w.to_ascii_lowercase().as_str()))
}

/// The text with wrapped lines joined, or None when it does not look wrapped.
pub fn unwrap(text: &str, lang: Lang) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| width(l.trim()))
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < MIN_OPEN_LINES {
        return None;
    }
    widths.sort_unstable();
    // The width wrapped lines fill: the 90th percentile, so that a few over-long lines
    // (tables, URLs) do not set it.
    let wide = widths[(widths.len() - 1) * 9 / 10] as f64;
    if lang == Lang::En && wide < MIN_WRAP_WIDTH_EN {
        return None;
    }
    // A tab separates the cells of a table row, which no wrapping writes.
    let full = |l: &str| width(l) as f64 >= FULL_WIDTH * wide && !l.contains('\t');
    let numbering = super::heading::Numbering::default();
    let heading = |l: &str| {
        super::heading::parse_label(l, lang, &numbering)
            .is_some_and(|m| super::heading::is_heading_text(&l[m.len..], lang))
    };
    // Evidence: full-width prose lines (not headings or titles) followed by more text,
    // and how many of them stop mid-sentence.
    let (mut full_lines, mut open) = (0usize, 0usize);
    for (k, l) in lines.iter().enumerate() {
        let l = l.trim();
        let next_has_text = lines.get(k + 1).is_some_and(|n| !n.trim().is_empty());
        if !l.is_empty()
            && full(l)
            && next_has_text
            && !heading(l)
            && !super::heading::is_title_line(l, lang)
        {
            full_lines += 1;
            open += usize::from(!ends_closed(l));
        }
    }
    if open < MIN_OPEN_LINES || (open as f64) < OPEN_SHARE * full_lines as f64 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut joined_into = false;
    for (k, l) in lines.iter().enumerate() {
        let t = l.trim();
        // A continuation loses its indent; any other line keeps it.
        out.push_str(if joined_into { t } else { l.trim_end() });
        let next = lines.get(k + 1).map(|n| n.trim()).unwrap_or("");
        let first = next.chars().next();
        // A numbered line that reads as a heading stays one, and a line ending like a
        // sentence ends one, unless an English sentence visibly runs on into the next
        // line (after "i.e." or "Mr.").
        let runs_on = lang == Lang::En
            && (first.is_some_and(char::is_lowercase) || ends_with_joining_word(t));
        // A full-width heading followed by a title-like line is one heading wrapped.
        let heading_runs_on = heading(t) && super::heading::is_title_line(next, lang);
        joined_into = !t.is_empty()
            && full(t)
            && (!ends_closed(t) || runs_on || (lang == Lang::Zh && cuts_a_number(t, next)))
            && !next.is_empty()
            && !next.contains('\t')
            && !heading(next)
            && (runs_on || heading_runs_on || !heading(t));
        if !joined_into {
            out.push('\n');
            continue;
        }
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let last = t.chars().next_back();
        let hyphenated = t.ends_with('-') && latin(first);
        // Chinese runs on with nothing between. Words take a space, except after a
        // line-end hyphen, which stays as written, and before a percent sign or Chinese
        // quoted in English (joins_without_space). Latin inside Chinese takes one where
        // the text shows a space at the break, or between two letters (words); a break
        // touching a digit without a space is inside a number or code (203|0年, G|20).
        let spaced_break = l.ends_with(char::is_whitespace)
            || lines
                .get(k + 1)
                .is_some_and(|n| n.starts_with(char::is_whitespace));
        let latin_space =
            latin(last) && latin(first) && (spaced_break || (letter(last) && letter(first)));
        let english_space = lang == Lang::En && !joins_without_space(t, next);
        if !hyphenated && (english_space || latin_space) {
            out.push(' ');
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_chinese_document_runs_on_and_headings_stay_lines() {
        let text = "一、总体要求\n\
                    当前，世界百年未有之大变局加速演进，新一轮科技革命\n\
                    和产业变革深入发展，数字技术正以前所未有的速度融入\n\
                    经济社会发展各领域全过程。数据成为新的关键生产要素\n\
                    ，各国纷纷出台战略。\n\
                    二、主要任务\n\
                    我们坚持开放合作，反对保护主义，推动建设开放、公平\n\
                    、非歧视的数字发展环境，促进数字技术惠及各国人民。\n";
        let out = unwrap(text, Lang::Zh).expect("wrapped");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "一、总体要求");
        assert!(lines[1].starts_with("当前，") && lines[1].ends_with("各国纷纷出台战略。"));
        assert!(lines[1].contains("科技革命和产业变革"));
        assert_eq!(lines[2], "二、主要任务");
        assert!(lines[3].contains("开放、公平、非歧视"));
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn a_number_cut_at_a_chinese_line_end_is_joined_without_a_space() {
        let text = "当前，新一轮科技革命和产业变革深入发展，我们提出到203\n\
                    0年基本建成数字社会，二十国集团成员普遍支持，G\n\
                    20成员支持这一目标，各国应当进一步加强数字经济\n\
                    领域的合作，推动数据跨境流动，共同建设开放的 digital \n\
                    economy 市场，让发展成果惠及各国人民和各国企业。\n";
        let out = unwrap(text, Lang::Zh).expect("wrapped");
        assert!(out.contains("到2030年"), "{out}");
        assert!(out.contains("G20成员"), "{out}");
        assert!(out.contains("开放的 digital economy 市场"), "{out}");
    }

    #[test]
    fn chinese_wrapped_by_hand_at_a_dozen_characters_runs_on() {
        let text = "我们今天召开全体会议，\n\
                    讨论明年的预算。总额为5\n\
                    6亿元，比今年同期增长3.\n\
                    5%。会议认为“开源软件\n\
                    ”很重要。新系统名为Data\n\
                    Hub平台。\n";
        assert_eq!(
            unwrap(text, Lang::Zh).as_deref(),
            Some(
                "我们今天召开全体会议，讨论明年的预算。总额为56亿元，比今年同期增长3.5%。\
                 会议认为“开源软件”很重要。新系统名为Data Hub平台。\n"
            )
        );
    }

    #[test]
    fn a_number_alone_on_a_line_and_table_rows_are_no_breaks_of_their_own() {
        let text = "The committee met on Monday to review the yearly figures, which are set\n\
                    out in some detail in the summary that follows this part, chiefly in Table\n\
                    1.\n\
                    \n\
                    The members agreed that the figures were sound and that the budget for\n\
                    the coming year should grow a little faster than in the past, that is by 12\n\
                    % over the current one, as the branches had asked in their letters.\n\
                    \n\
                    Spending in the year\tThousands\tShare of the whole budget (percent)\n\
                    Books\t120\t30\n";
        let out = unwrap(text, Lang::En).expect("wrapped");
        let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
        assert!(lines[0].ends_with("chiefly in Table 1."), "{out}");
        assert!(lines[1].contains("that is by 12% over"), "{out}");
        assert_eq!(
            lines[2],
            "Spending in the year\tThousands\tShare of the whole budget (percent)"
        );
        assert_eq!(lines[3], "Books\t120\t30");
    }

    #[test]
    fn a_wrapped_english_document_joins_with_spaces_and_keeps_hyphens() {
        let text = "I. General Requirements\n\
                    The world is undergoing profound changes unseen in a\n\
                    century, and a new round of technological revolution is\n\
                    deepening. Digital technology is being integrated into\n\
                    all fields of economic and social development with cross-\n\
                    border data flows growing fast.\n";
        let out = unwrap(text, Lang::En).expect("wrapped");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "I. General Requirements");
        assert!(lines[1].contains("unseen in a century, and"));
        assert!(lines[1].contains("with cross-border data flows"));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = "一、总体要求\n\
                    当前，世界百年未有之大变局加速演进，新一轮科技革命和产业变革深入发展。\n\
                    数据成为新的关键生产要素，各国纷纷出台战略。\n\
                    我们坚持开放合作，反对保护主义。\n\
                    二、主要任务\n";
        assert_eq!(unwrap(text, Lang::Zh), None);
        let sample = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpora/digital-governance/zh.txt"
        ))
        .unwrap();
        assert_eq!(unwrap(&sample, Lang::Zh), None);
        let sample = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpora/digital-governance/en.txt"
        ))
        .unwrap();
        assert_eq!(unwrap(&sample, Lang::En), None);
    }

    /// Our sample pair hard-wrapped as a PDF converter would (paragraphs only: Chinese
    /// every 30 characters, English at 72 columns) segments into the same sentences.
    #[test]
    fn the_wrapped_sample_segments_like_the_original() {
        use crate::{read::TextFormat, segment::segment};
        let wrap_zh = |line: &str| -> String {
            let chars: Vec<char> = line.chars().collect();
            let mut out = String::new();
            let mut k = 0;
            while k < chars.len() {
                let mut end = (k + 30).min(chars.len());
                // Converters keep a Latin word on one line.
                while end < chars.len()
                    && chars[end - 1].is_ascii_alphanumeric()
                    && chars[end].is_ascii_alphanumeric()
                {
                    end += 1;
                }
                out.extend(&chars[k..end]);
                out.push('\n');
                k = end;
            }
            out
        };
        let wrap_en = |line: &str| -> String {
            let mut out = String::new();
            let mut col = 0;
            for w in line.split(' ') {
                if col > 0 && col + 1 + w.len() > 72 {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(w);
                col += w.len();
            }
            out.push('\n');
            out
        };
        for (name, lang) in [("zh.txt", Lang::Zh), ("en.txt", Lang::En)] {
            let path = format!(
                "{}/corpora/digital-governance/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).unwrap();
            let wrapped: String = text
                .lines()
                .map(|l| match (l.chars().count() > 80, lang) {
                    (true, Lang::Zh) => wrap_zh(l),
                    (true, Lang::En) => wrap_en(l),
                    _ => format!("{l}\n"),
                })
                .collect();
            assert!(
                wrapped.lines().count() > text.lines().count() * 2,
                "{name} was wrapped"
            );
            let units = |t: String| {
                let doc = segment(
                    t,
                    lang,
                    TextFormat::Plain,
                    crate::segment::words::WordSegmenter::plain(),
                );
                (0..doc.units.len())
                    .map(|i| doc.unit_text(i).to_string())
                    .collect::<Vec<_>>()
            };
            let (got, want) = (units(wrapped), units(text));
            // The first difference, not two walls of text.
            if let Some(k) = (0..got.len().min(want.len())).find(|&k| got[k] != want[k]) {
                panic!("{name}: unit {k} is {:?}, not {:?}", got[k], want[k]);
            }
            assert_eq!(got.len(), want.len(), "{name}");
        }
    }
}
