//! Reader for HTML pages: the text a browser shows, as Markdown for the segmenter.
//!
//! html5gum (a WHATWG tokenizer) reads the tags, so character references (`&nbsp;`,
//! `&ldquo;`, `&#x4E2D;`), comments, CDATA and unclosed or broken markup are handled as
//! a browser would; what is inside `script`, `style`, `head`, `template`, `noscript`
//! and `svg` is not text and is left out. Block elements (`p`, `div`, `li`, `tr`,
//! `br`...) end a line, table cells are separated by a tab, and `h1`-`h6` become
//! `#`-`######` lines, so the section levels come from the page. Runs of white space
//! collapse to one space as in a browser, and a line break between two Chinese
//! characters disappears (CSS Text: no space is shown there).
//!
//! ```
//! let md = bitext::html_input::html_to_markdown(
//!     "<h2>一、总体要求</h2><p>数据&nbsp;治理<script>x()</script>。</p>",
//! );
//! assert_eq!(md, "## 一、总体要求\n数据 治理。\n");
//! ```

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::script::is_wide;

/// Elements whose content a reader never sees.
const HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"head",
    b"template",
    b"noscript",
    b"svg",
    b"math",
    b"object",
    b"iframe",
    b"textarea",
    b"select",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"tfoot",
    b"thead",
    b"title",
    b"tr",
    b"ul",
];

/// The visible text of an HTML page as Markdown: one line per block, `#` headings.
pub fn html_to_markdown(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    // Script and style contents are raw text to a browser, not markup.
    emitter.naively_switch_states(true);
    let mut page = Page::default();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                if HIDDEN.contains(&name.as_slice()) {
                    if !tag.self_closing {
                        page.hidden.push(name);
                    }
                    continue;
                }
                if !page.hidden.is_empty() {
                    continue;
                }
                if let Some(level) = heading_level(&name) {
                    page.end_line();
                    page.line.push_str(&"#".repeat(level));
                    page.line.push(' ');
                    page.heading = true;
                } else if matches!(name.as_slice(), b"td" | b"th") {
                    page.cell();
                } else if BLOCKS.contains(&name.as_slice()) {
                    page.end_line();
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                if let Some(i) = page.hidden.iter().rposition(|h| *h == name) {
                    page.hidden.truncate(i);
                    continue;
                }
                if page.hidden.is_empty()
                    && (heading_level(&name).is_some() || BLOCKS.contains(&name.as_slice()))
                {
                    page.end_line();
                }
            }
            Token::String(text) if page.hidden.is_empty() => {
                page.text(&String::from_utf8_lossy(text.value.as_slice()));
            }
            _ => {}
        }
    }
    page.end_line();
    page.out
}

fn heading_level(name: &[u8]) -> Option<usize> {
    match name {
        [b'h', d @ b'1'..=b'6'] => Some((d - b'0') as usize),
        _ => None,
    }
}

/// The Markdown being written: finished lines, and the line being filled.
#[derive(Default)]
struct Page {
    out: String,
    line: String,
    /// White space seen since the last character of the line (collapsed on output),
    /// and whether it held a line break.
    space: Option<bool>,
    heading: bool,
    /// Open hidden elements (a stack: `svg` inside `noscript`...).
    hidden: Vec<Vec<u8>>,
}

impl Page {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            // U+00A0 (&nbsp;) shows as a space and is one.
            if c.is_whitespace() && c != '\u{3000}' {
                let newline = c == '\n' || c == '\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
                continue;
            }
            if let Some(newline) = self.space.take()
                && !self.at_line_start()
            {
                let last = self.line.chars().next_back();
                let cjk_break = newline && last.is_some_and(is_wide) && is_wide(c);
                if !cjk_break {
                    self.line.push(' ');
                }
            }
            self.line.push(c);
        }
    }

    /// Whether nothing but a heading mark is on the line yet.
    fn at_line_start(&self) -> bool {
        self.line.is_empty() || (self.heading && self.line.trim_start_matches('#') == " ")
    }

    fn cell(&mut self) {
        self.space = None;
        if !self.line.is_empty() {
            self.line.push('\t');
        }
    }

    fn end_line(&mut self) {
        self.space = None;
        let text = self.line.trim_end();
        let empty = text.is_empty() || (self.heading && text.trim_start_matches('#').is_empty());
        if !empty {
            self.out.push_str(text);
            self.out.push('\n');
        }
        self.line.clear();
        self.heading = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_blocks_tables_and_entities() {
        let html = r#"<!DOCTYPE html><html><head><title>标题</title>
<style>p { color: red }</style></head>
<body><nav><a href="/">首页</a></nav>
<h1>全球数字治理</h1>
<p>第一段
文字，&ldquo;数字&rdquo;&amp;治理。<!-- 注释 --></p>
<p>An   <b>English</b>
sentence.<br>Next line.</p>
<table><tr><th>项目</th><td>数值</td></tr></table>
<script>document.write("<p>不是文字</p>")</script>
<h3></h3>
</body></html>"#;
        assert_eq!(
            html_to_markdown(html),
            "首页\n# 全球数字治理\n第一段文字，“数字”&治理。\nAn English sentence.\nNext line.\n项目\t数值\n"
        );
    }

    #[test]
    fn broken_markup_is_read_as_a_browser_would() {
        assert_eq!(html_to_markdown("<p>a <b>b</p><p>c"), "a b\nc\n");
        assert_eq!(
            html_to_markdown("<div><svg><text>x</text></svg>y</div>"),
            "y\n"
        );
        assert_eq!(html_to_markdown("<p>1 &lt; 2 &#x4E2D;</p>"), "1 < 2 中\n");
        assert_eq!(html_to_markdown("<style>unclosed"), "");
    }
}
