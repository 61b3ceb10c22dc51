//! Reader for Markdown files: the text a reader sees, one line per block, as the
//! simple Markdown the segmenter reads (`#` headings, one paragraph per line).
//!
//! Parsed by pulldown-cmark (CommonMark with tables): YAML front matter, code blocks
//! and HTML are no prose and are left out; each table cell, list item and quoted
//! paragraph is a line of its own; links and images keep their text; a line break
//! inside a paragraph joins Chinese without a space and English with one.
//!
//! ```
//! let md = "---\ntitle: x\n---\n# 标题\n\n第一行\n第二行。\n\n| 指标 | 值 |\n|---|---|\n| 人口 | 14亿 |\n";
//! assert_eq!(
//!     bitext::markdown_input::markdown_to_lines(md),
//!     "# 标题\n第一行第二行。\n指标\n值\n人口\n14亿\n"
//! );
//! ```

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::script::is_han;

/// The prose of a Markdown document, one block per line, headings as `#` lines.
pub fn markdown_to_lines(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut out = Lines::default();
    // Inside a part whose text is not prose (code, metadata, HTML).
    let mut hidden = 0usize;
    // Per open list: the number of its next item (None: a bullet list). A numbered
    // item keeps its number: "1. 总则" numbers a part.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(markdown, options) {
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
            Event::Text(text) | Event::Code(text) if hidden == 0 => out.push(&text),
            Event::SoftBreak | Event::HardBreak if hidden == 0 => out.pending_break = true,
            _ => {}
        }
    }
    out.end_line();
    out.text
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
    /// A line break inside the block, resolved by the text that follows it.
    pending_break: bool,
}

impl Lines {
    fn push(&mut self, text: &str) {
        if self.pending_break {
            self.pending_break = false;
            let before = self.line.chars().next_back();
            let after = text.chars().next();
            // Chinese is written without spaces: a wrapped line joins as it is.
            let joins_han = before.is_some_and(is_han) && after.is_some_and(is_han);
            if !joins_han && before.is_some_and(|c| !c.is_whitespace()) {
                self.line.push(' ');
            }
        }
        self.line.push_str(text);
    }

    fn end_line(&mut self) {
        self.pending_break = false;
        let line = self.line.trim();
        let empty_heading = self.heading && line.trim_start_matches('#').is_empty();
        if !line.is_empty() && !empty_heading {
            self.text.push_str(line);
            self.text.push('\n');
        }
        self.line.clear();
        self.heading = false;
    }
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
}
