//! Reader for Markdown files: the text a reader sees, one line per block, as the
//! simple Markdown the segmenter reads (`#` headings, one paragraph per line).
//!
//! Parsed by pulldown-cmark (CommonMark with tables): YAML front matter, code blocks
//! and HTML are no prose and are left out; each table cell, list item and quoted
//! paragraph is a line of its own; links and images keep their text; a line break
//! inside a paragraph joins Chinese without a space and English with one
//! ([`joins_without_space`]); emphasis next to Chinese punctuation, which CommonMark
//! does not recognise, loses its asterisks too.
//!
//! ```
//! let md = "---\ntitle: x\n---\n# 标题\n\n第一行\n第二行。\n\n| 指标 | 值 |\n|---|---|\n| 人口 | 14亿 |\n";
//! assert_eq!(
//!     bitext::markdown_input::markdown_to_lines(md),
//!     "# 标题\n第一行第二行。\n指标\n值\n人口\n14亿\n"
//! );
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::script::{is_wide, joins_without_space};

/// The prose of a Markdown document, one block per line, headings as `#` lines.
pub fn markdown_to_lines(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let markdown = hide_stars_by_chinese(markdown);
    let mut out = Lines::default();
    // Inside a part whose text is not prose (code, metadata, HTML).
    let mut hidden = 0usize;
    // Per open list: the number of its next item (None: a bullet list). A numbered
    // item keeps its number: "1. 总则" numbers a part.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(&markdown, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                out.end_line();
                out.line.push_str(&"#".repeat(heading_depth(level)));
                out.line.push(' ');
                out.heading = true;
            }
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                out.end_line();
                hidden += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                hidden = hidden.saturating_sub(1);
            }
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                out.end_line();
                if let Some(Some(n)) = lists.last_mut() {
                    out.line.push_str(&format!("{n}. "));
                    *n += 1;
                }
            }
            Event::Start(
                Tag::Paragraph | Tag::TableCell | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_),
            )
            | Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule => out.end_line(),
            Event::Text(text) if hidden == 0 => {
                for (k, piece) in text.split(STAR_BY_CHINESE).enumerate() {
                    if k > 0 {
                        out.push_star();
                    }
                    out.line.push_str(piece);
                }
            }
            Event::Code(text) if hidden == 0 => {
                out.line.push_str(&text.replace(STAR_BY_CHINESE, "*"))
            }
            Event::SoftBreak | Event::HardBreak if hidden == 0 => out.breaks.push(out.line.len()),
            _ => {}
        }
    }
    out.end_line();
    out.text
}

/// Stands in for an asterisk next to Chinese while the parser reads the text: a
/// private-use character (a document that writes one is read as it is).
const STAR_BY_CHINESE: char = '\u{E000}';

/// The Markdown with its unescaped asterisks next to Chinese hidden from the parser:
/// CommonMark takes `*` before a punctuation mark for emphasis only after a space or
/// another mark, and Chinese writes no spaces (推进**“阅读圈”**建设), so the parser
/// leaves such marks as text or pairs them wrongly; [`cjk_emphasis`] pairs them.
fn hide_stars_by_chinese(markdown: &str) -> Cow<'_, str> {
    if markdown.contains(STAR_BY_CHINESE) || !markdown.contains('*') {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find('*') {
        let (before, from) = rest.split_at(at);
        let run = from.len() - from.trim_start_matches('*').len();
        let escaped = (before.len() - before.trim_end_matches('\\').len()) % 2 == 1;
        let by_chinese = [before.chars().next_back(), from[run..].chars().next()]
            .into_iter()
            .any(|c| c.is_some_and(is_wide));
        out.push_str(before);
        if by_chinese && !escaped {
            out.extend(std::iter::repeat_n(STAR_BY_CHINESE, run));
        } else {
            out.push_str(&from[..run]);
        }
        rest = &from[run..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn heading_depth(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The lines written so far and the one being filled.
#[derive(Default)]
struct Lines {
    text: String,
    line: String,
    heading: bool,
    /// Where line breaks inside the block fall in `line`: each is resolved when the
    /// line ends, by the text on both sides of it.
    breaks: Vec<usize>,
    /// Where the asterisks next to Chinese fall in `line`.
    stars: Vec<usize>,
}

impl Lines {
    fn push_star(&mut self) {
        self.stars.push(self.line.len());
        self.line.push('*');
    }

    fn end_line(&mut self) {
        let line = resolve_breaks(
            &self.line,
            &self.breaks,
            &cjk_emphasis(&self.line, &self.stars),
        );
        let line = line.trim();
        let empty_heading = self.heading && line.trim_start_matches('#').is_empty();
        if !line.is_empty() && !empty_heading {
            self.text.push_str(line);
            self.text.push('\n');
        }
        self.line.clear();
        self.breaks.clear();
        self.stars.clear();
        self.heading = false;
    }
}

/// Of the asterisks at `stars` in `line` (those next to Chinese), the ones that mark
/// emphasis, in order: runs of equal length pair up as openers (text after them) and
/// closers (text before them).
fn cjk_emphasis(line: &str, stars: &[usize]) -> Vec<usize> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &at in stars {
        match runs.last_mut() {
            Some((start, len)) if *start + *len == at => *len += 1,
            _ => runs.push((at, 1)),
        }
    }
    let before = |at: usize| line[..at].chars().next_back();
    let after = |at: usize| line[at..].chars().next();
    let text = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    // Open runs by length: where each starts.
    let mut open: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut emphasis = Vec::new();
    for (start, len) in runs {
        let end = start + len;
        let opener = text(before(start))
            .then(|| open.get_mut(&len).and_then(Vec::pop))
            .flatten();
        if let Some(o_start) = opener {
            emphasis.extend((o_start..o_start + len).chain(start..end));
        } else if text(after(end)) {
            open.entry(len).or_default().push(start);
        }
    }
    emphasis.sort_unstable();
    emphasis
}

/// `line` without the bytes at `drop` (single-byte marks), each of its `breaks` a space
/// or nothing as the text on its two sides says. Both lists are in order.
fn resolve_breaks(line: &str, breaks: &[usize], drop: &[usize]) -> String {
    let mut kept = String::with_capacity(line.len());
    let mut joins = Vec::new();
    let (mut breaks, mut drop) = (breaks.iter().peekable(), drop.iter().peekable());
    for (at, c) in line.char_indices().chain([(line.len(), '\n')]) {
        while breaks.next_if(|&&b| b <= at).is_some() {
            if joins.last() != Some(&kept.len()) {
                joins.push(kept.len());
            }
        }
        if drop.next_if(|&&d| d == at).is_none() && at < line.len() {
            kept.push(c);
        }
    }
    let mut out = String::with_capacity(kept.len() + joins.len());
    let mut from = 0;
    for (k, &at) in joins.iter().enumerate() {
        // Each side up to the next break: a paragraph of many breaks is read once.
        let until = joins.get(k + 1).copied().unwrap_or(kept.len());
        let (before, after) = (&kept[from..at], &kept[at..until]);
        out.push_str(before);
        from = at;
        let words_apart = !before.is_empty()
            && !after.is_empty()
            && !before.ends_with(char::is_whitespace)
            && !after.starts_with(char::is_whitespace);
        if words_apart && !joins_without_space(before, after) {
            out.push(' ');
        }
    }
    out.push_str(&kept[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::markdown_to_lines;

    #[test]
    fn code_and_html_are_left_out_and_inline_markup_keeps_its_text() {
        let md = "Intro with **bold**, `code` and a [link](http://x.org).\n\n```\nlet x = 1;\n```\n\n<div>hidden</div>\n\nAfter <b>tags</b>.\n";
        assert_eq!(
            markdown_to_lines(md),
            "Intro with bold, code and a link.\nAfter tags.\n"
        );
    }

    #[test]
    fn english_lines_of_a_paragraph_join_with_a_space() {
        assert_eq!(
            markdown_to_lines("The first line\nand the second.\n"),
            "The first line and the second.\n"
        );
    }

    #[test]
    fn lists_and_quotes_are_a_line_each_and_headings_keep_their_depth() {
        let md = "## Part I\n\n- one\n- two\n\n> quoted\n\n### (i) Sub\n\n3. third\n4. fourth\n";
        assert_eq!(
            markdown_to_lines(md),
            "## Part I\none\ntwo\nquoted\n### (i) Sub\n3. third\n4. fourth\n"
        );
    }

    #[test]
    fn a_document_without_markup_is_its_paragraphs() {
        assert_eq!(
            markdown_to_lines("一、总则\n\n第一段。\n"),
            "一、总则\n第一段。\n"
        );
        assert_eq!(markdown_to_lines(""), "");
    }

    #[test]
    fn a_line_break_next_to_chinese_is_no_space() {
        let md = "今年共建成阅览室4\n5座，比去年增长1.\n5倍，增幅3\n%。读者说“方便\n”，\n编号以`AB`\n结尾，采用Open\nSource许可。\n";
        assert_eq!(
            markdown_to_lines(md),
            "今年共建成阅览室45座，比去年增长1.5倍，增幅3%。读者说“方便”，编号以AB结尾，采用Open Source许可。\n"
        );
        // English keeps its spaces, but not before a percent sign.
        assert_eq!(
            markdown_to_lines("Sales rose 12\n% in the year, to 3\nmillion, “as\nplanned”.\n"),
            "Sales rose 12% in the year, to 3 million, “as planned”.\n"
        );
    }

    #[test]
    fn emphasis_next_to_chinese_punctuation_loses_its_asterisks() {
        assert_eq!(
            markdown_to_lines("我们遵循*《数据条例》*的规定，推进**“开放共享”**原则。\n"),
            "我们遵循《数据条例》的规定，推进“开放共享”原则。\n"
        );
        // Escaped asterisks, code, a lone mark and spaced arithmetic stay as written.
        assert_eq!(
            markdown_to_lines("公式`a*b*c`和注\\*号，注*：见附录。5 * 3 * 2\n"),
            "公式a*b*c和注*号，注*：见附录。5 * 3 * 2\n"
        );
    }
}
