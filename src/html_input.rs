//! Reader for HTML pages: the text a browser shows, as Markdown for the segmenter.
//!
//! html5gum (a WHATWG tokenizer) reads the tags, so character references (`&nbsp;`,
//! `&ldquo;`, `&#x4E2D;`), comments, CDATA and unclosed or broken markup are handled as
//! a browser would; what is inside `script`, `style`, `head`, `template`, `noscript`
//! and `svg` is not text and is left out. Block elements (`p`, `div`, `li`, `tr`...)
//! end a line, a `br` inside a sentence is read as a wrapped line of plain text is
//! ([`crate::line_breaks`]), table cells are separated by a tab, and `h1`-`h6` become
//! `#`-`######` lines, so the section levels come from the page. Runs of white space
//! collapse to one space as in a browser, and a line break between two Chinese
//! characters disappears (CSS Text: no space is shown there).
//!
//! Only the page's text is read, not the site around it: when the page marks its
//! content (`main`, `role="main"`, or one `article`), that alone; and menus (`nav`),
//! the site's `header` and `footer`, sidebars (`aside`), forms, buttons, dialogs and
//! the parts ARIA landmark roles name as such are left out (see [`html_to_markdown`]).
//! A note's reference mark (a `sup` of links to anchors on the page, or of a bracketed
//! or circled number) and the arrow linking a note back to it are not text either.
//!
//! ```
//! let md = bitext::html_input::html_to_markdown(
//!     "<h2>一、总体要求</h2><p>数据&nbsp;治理<script>x()</script>。</p>",
//! );
//! assert_eq!(md, "## 一、总体要求\n数据 治理。\n");
//! ```

use std::collections::HashMap;

use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};

use crate::line_breaks::join_line_breaks;
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

/// Elements that hold no content of their own: never open, so never closed.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"keygen", b"link",
    b"meta", b"param", b"source", b"track", b"wbr",
];

/// Elements around the page rather than in its text: site menus, sidebars, controls
/// and pop-ups. (`header` and `footer` only outside an `article` or `main`: inside one
/// they head or close its text.)
const LEFT_OUT: &[&[u8]] = &[b"nav", b"aside", b"button", b"dialog", b"search"];

/// ARIA roles that mark the same parts, whatever the element.
const LEFT_OUT_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    // A note's reference mark, and the link from the note back to it (DPUB-ARIA).
    "doc-noteref",
    "doc-backlink",
];

/// The visible text of an HTML page as Markdown: one line per block, `#` headings.
///
/// When the page marks its content (a `main` element or `role="main"`, or else exactly
/// one `article`), only that is read; the page's own header and footer, menus (`nav`),
/// sidebars (`aside`), forms, buttons and the parts ARIA roles name as such are left
/// out everywhere. A page that keeps no text that way is read whole.
pub fn html_to_markdown(html: &str) -> String {
    let survey = Survey::of(html);
    let scope = if survey.mains > 0 {
        Scope::Main
    } else if survey.articles == 1 {
        Scope::Article
    } else {
        Scope::Page
    };
    [(scope, true), (Scope::Page, true), (Scope::Page, false)]
        .into_iter()
        .map(|(scope, leave_out)| read_page(html, &survey, scope, leave_out))
        .find(|md| !md.trim().is_empty())
        .unwrap_or_default()
}

/// Where the text of a page is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Inside `main` (or `role="main"`) elements.
    Main,
    /// Inside the page's one `article`.
    Article,
    Page,
}

fn tokens(html: &str) -> impl Iterator<Item = Token> + '_ {
    let mut emitter = DefaultEmitter::default();
    // Script and style contents are raw text to a browser, not markup.
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).flatten()
}

fn has_role(tag: &StartTag<()>, roles: &[&str]) -> bool {
    tag.attributes.get(b"role".as_slice()).is_some_and(|v| {
        String::from_utf8_lossy(v)
            .split_ascii_whitespace()
            .any(|r| roles.iter().any(|want| r.eq_ignore_ascii_case(want)))
    })
}

/// What the reader noted of an open element.
#[derive(Clone, Copy, Default)]
struct Noted {
    /// Never shown: [`HIDDEN`] elements, those with the `hidden` attribute, and all
    /// inside them.
    hidden: bool,
    left_out: bool,
    in_scope: bool,
    main: bool,
    /// An `article` not inside another.
    article: bool,
    /// A `form` not inside another (browsers ignore a nested form's tag).
    form: bool,
}

/// How many open elements carry each mark of [`Noted`].
#[derive(Default)]
struct Depths {
    hidden: usize,
    left_out: usize,
    in_scope: usize,
    main: usize,
    article: usize,
    form: usize,
}

impl Depths {
    fn count(&mut self, noted: Noted, opened: bool) {
        for (depth, mark) in [
            (&mut self.hidden, noted.hidden),
            (&mut self.left_out, noted.left_out),
            (&mut self.in_scope, noted.in_scope),
            (&mut self.main, noted.main),
            (&mut self.article, noted.article),
            (&mut self.form, noted.form),
        ] {
            if mark {
                *depth = if opened { *depth + 1 } else { *depth - 1 };
            }
        }
    }
}

/// A browser's stack of open elements, simplified: an end tag closes the innermost open
/// element of its name and every element opened inside it; one with no open element of
/// its name is ignored. Each element carries what the reader noted of it.
struct Elements {
    stack: Vec<(Vec<u8>, Noted)>,
    /// How many elements of each name are open, so that a stray end tag costs nothing.
    open: HashMap<Vec<u8>, usize>,
    depth: Depths,
    scope: Scope,
    leave_out: bool,
    /// Per outermost form, in order: whether it is the page itself (see [`Survey`]).
    forms_are_pages: Vec<bool>,
    forms_seen: usize,
}

impl Elements {
    fn new(scope: Scope, leave_out: bool, forms_are_pages: Vec<bool>) -> Self {
        Elements {
            stack: Vec::new(),
            open: HashMap::new(),
            depth: Depths::default(),
            scope,
            leave_out,
            forms_are_pages,
            forms_seen: 0,
        }
    }

    /// Open the element of a start tag; what was noted of it (nothing for a void one).
    fn start(&mut self, name: &[u8], tag: &StartTag<()>) -> Option<Noted> {
        let hidden_element = HIDDEN.contains(&name);
        if VOID.contains(&name) || (hidden_element && tag.self_closing) {
            return None;
        }
        let noted = if self.depth.hidden > 0
            || hidden_element
            || tag.attributes.contains_key(b"hidden".as_slice())
        {
            Noted {
                hidden: true,
                ..Noted::default()
            }
        } else {
            let main = name == b"main" || has_role(tag, &["main"]);
            let form = name == b"form" && self.depth.form == 0;
            let page_form = form && self.forms_are_pages.get(self.forms_seen) == Some(&true);
            self.forms_seen += usize::from(form);
            let page_part = matches!(name, b"header" | b"footer")
                && self.depth.main == 0
                && self.depth.article == 0;
            Noted {
                hidden: false,
                left_out: self.leave_out
                    && (LEFT_OUT.contains(&name)
                        || has_role(tag, LEFT_OUT_ROLES)
                        || page_part
                        || (form && !page_form)),
                in_scope: match self.scope {
                    Scope::Main => main,
                    Scope::Article => name == b"article",
                    Scope::Page => false,
                },
                main,
                article: name == b"article" && self.depth.article == 0,
                form,
            }
        };
        *self.open.entry(name.to_vec()).or_default() += 1;
        self.stack.push((name.to_vec(), noted));
        self.depth.count(noted, true);
        Some(noted)
    }

    /// Close the innermost open `name`, and all inside it.
    fn end(&mut self, name: &[u8]) {
        if self.open.get(name).is_none_or(|&n| n == 0) {
            return;
        }
        while let Some((open, noted)) = self.stack.pop() {
            if let Some(n) = self.open.get_mut(&open) {
                *n -= 1;
            }
            self.depth.count(noted, false);
            if open == name {
                break;
            }
        }
    }

    fn hidden(&self) -> bool {
        self.depth.hidden > 0
    }

    /// Whether text here is read.
    fn shows_text(&self) -> bool {
        self.depth.hidden == 0
            && self.depth.left_out == 0
            && (self.scope == Scope::Page || self.depth.in_scope > 0)
    }
}

/// What a first reading of the page finds: where its content is marked, and how much
/// of its text each outermost `form` holds.
#[derive(Default)]
struct Survey {
    mains: usize,
    /// `article` elements not inside another.
    articles: usize,
    /// Visible characters inside each outermost `form`, in document order.
    form_chars: Vec<usize>,
    chars: usize,
}

impl Survey {
    fn of(html: &str) -> Survey {
        let mut survey = Survey::default();
        let mut elements = Elements::new(Scope::Page, false, Vec::new());
        for token in tokens(html) {
            match token {
                Token::StartTag(tag) => {
                    let name = tag.name.to_ascii_lowercase();
                    if let Some(noted) = elements.start(&name, &tag) {
                        survey.mains += usize::from(noted.main);
                        survey.articles += usize::from(noted.article);
                        if noted.form {
                            survey.form_chars.push(0);
                        }
                    }
                }
                Token::EndTag(tag) => elements.end(&tag.name.to_ascii_lowercase()),
                Token::String(text) if !elements.hidden() => {
                    let n = String::from_utf8_lossy(&text)
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .count();
                    survey.chars += n;
                    if elements.depth.form > 0
                        && let Some(form) = survey.form_chars.last_mut()
                    {
                        *form += n;
                    }
                }
                _ => {}
            }
        }
        survey
    }

    /// Per outermost form: whether it holds most of the page's text. A page built on
    /// one form (as ASP.NET pages are) is not a form to fill in.
    fn forms_are_pages(&self) -> Vec<bool> {
        self.form_chars
            .iter()
            .map(|&n| 2 * n > self.chars)
            .collect()
    }
}

/// The page's text in `scope`, with the page's clutter left out when `leave_out`.
fn read_page(html: &str, survey: &Survey, scope: Scope, leave_out: bool) -> String {
    let mut page = Page::default();
    let mut elements = Elements::new(scope, leave_out, survey.forms_are_pages());
    for token in tokens(html) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                elements.start(&name, &tag);
                if !elements.shows_text() {
                    continue;
                }
                if name == b"br" {
                    page.line_break();
                } else if name == b"sup" {
                    page.open_sup();
                } else if name == b"a" {
                    let href = tag.attributes.get(b"href".as_slice());
                    page.open_link(href.is_some_and(|h| h.trim_ascii_start().starts_with(b"#")));
                } else if let Some(level) = heading_level(&name) {
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
                let name = tag.name.to_ascii_lowercase();
                let was_hidden = elements.hidden();
                elements.end(&name);
                if was_hidden {
                    continue;
                }
                if name == b"br" {
                    // A browser reads </br> as <br>.
                    page.line_break();
                } else if name == b"sup" {
                    page.close_sup();
                } else if name == b"a" {
                    page.close_link();
                } else if heading_level(&name).is_some() || BLOCKS.contains(&name.as_slice()) {
                    page.end_line();
                }
            }
            Token::String(text) if elements.shows_text() => {
                page.text(&String::from_utf8_lossy(&text));
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
    /// The open `sup`, which may be a note's reference mark.
    sup: Option<Mark>,
    /// The open link, and whether it goes to an anchor on the page.
    link: Option<(Mark, bool)>,
    /// Where the text after the line's last `<br>` starts, and what it holds: text, and
    /// text outside links.
    since_break: usize,
    since_break_text: bool,
    since_break_unlinked: bool,
}

/// Where an inline element began on the line, to take it out again.
struct Mark {
    start: usize,
    space: Option<bool>,
    /// Whether it holds text outside a link to an anchor on the page.
    text_off_page_links: bool,
}

impl Page {
    fn mark(&self) -> Mark {
        Mark {
            start: self.line.len(),
            space: self.space,
            text_off_page_links: false,
        }
    }

    /// Take the text since `mark` off the line, and forget a mark that began in it
    /// (`<a>↩<sup>↩</a></sup>`).
    fn take_back(&mut self, mark: Mark) {
        self.line.truncate(mark.start);
        self.space = mark.space;
        let len = self.line.len();
        if self.sup.as_ref().is_some_and(|m| m.start > len) {
            self.sup = None;
        }
        if self.link.as_ref().is_some_and(|(m, _)| m.start > len) {
            self.link = None;
        }
    }

    fn open_sup(&mut self) {
        if self.sup.is_none() {
            self.sup = Some(self.mark());
        }
    }

    /// A superscript of nothing but links to anchors on the page, or of a note number
    /// ([1], ［2］, ③), is a note's reference mark, not text of the sentence.
    fn close_sup(&mut self) {
        let Some(sup) = self.sup.take() else {
            return;
        };
        let Some(text) = self.line.get(sup.start..).map(str::trim) else {
            return;
        };
        if !text.is_empty() && (!sup.text_off_page_links || is_note_number(text)) {
            self.take_back(sup);
        }
    }

    fn open_link(&mut self, same_page: bool) {
        self.link = Some((self.mark(), same_page));
    }

    /// A link to an anchor on the page shown as an arrow (↩, ↑) leads back from a note
    /// to its mark: not text.
    fn close_link(&mut self) {
        let Some((link, same_page)) = self.link.take() else {
            return;
        };
        let Some(text) = self.line.get(link.start..).map(str::trim) else {
            return;
        };
        if same_page && !text.is_empty() && text.chars().all(is_arrow) {
            self.take_back(link);
        }
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            if let Some(sup) = &mut self.sup
                && !self.link.as_ref().is_some_and(|&(_, same_page)| same_page)
            {
                sup.text_off_page_links = true;
            }
            self.since_break_text = true;
            self.since_break_unlinked |= self.link.is_none();
        }
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

    /// A `<br>`: a line break inside the block, resolved when the block ends.
    fn line_break(&mut self) {
        if !self.at_line_start() {
            if self.space.take().is_some() {
                self.line.push(' ');
            }
            let link_line = self.link_line();
            self.line.push_str(if link_line { "\n\n" } else { "\n" });
            self.since_break = self.line.len();
            self.since_break_text = false;
            self.since_break_unlinked = false;
        }
        self.space = None;
    }

    /// Whether the text since the last `<br>` is all link text: a title or a menu item
    /// that stands alone, not part of a sentence. The break before it is then made a
    /// paragraph break (an empty line), as the caller makes the one after it.
    fn link_line(&mut self) -> bool {
        let link_line = self.since_break_text
            && !self.since_break_unlinked
            && !self.heading
            && self.link.is_none()
            && self.sup.is_none();
        if link_line && self.since_break > 0 {
            self.line.insert(self.since_break, '\n');
        }
        link_line
    }

    fn end_line(&mut self) {
        self.space = None;
        // A mark cannot span lines: a block inside it makes it text.
        self.sup = None;
        self.link = None;
        if self.since_break > 0 {
            self.link_line();
        }
        self.since_break = 0;
        self.since_break_text = false;
        self.since_break_unlinked = false;
        let joined;
        let mut text = self.line.trim_end();
        if text.contains('\n') {
            joined = join_line_breaks(text, self.heading);
            text = &joined;
        }
        let empty = text.is_empty() || (self.heading && text.trim_start_matches('#').is_empty());
        if !empty {
            self.out.push_str(text);
            self.out.push('\n');
        }
        self.line.clear();
        self.heading = false;
    }
}

/// A note number: digits (a range or list of them) in square brackets, or a circled
/// number.
fn is_note_number(text: &str) -> bool {
    let circled = |c: char| matches!(c, '\u{2460}'..='\u{2473}' | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}');
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return circled(c);
    }
    let inner = [('[', ']'), ('［', '］'), ('〔', '〕'), ('【', '】')]
        .iter()
        .find_map(|&(open, close)| text.strip_prefix(open)?.strip_suffix(close));
    inner.is_some_and(|inner| {
        inner.chars().any(|c| c.is_ascii_digit())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '，' | '、' | '-' | '–' | ' '))
    })
}

/// An arrow (the Unicode arrow blocks), or the variation selector that asks for text
/// rather than emoji style (↩︎).
fn is_arrow(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{27F0}'..='\u{27FF}' | '\u{2900}'..='\u{297F}' | '\u{2B00}'..='\u{2B2F}' | '\u{FE0E}' | '\u{FE0F}')
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
            "# 全球数字治理\n第一段文字，“数字”&治理。\nAn English sentence.\nNext line.\n项目\t数值\n"
        );
    }

    /// A site's page around an article: banner, menus, breadcrumb, sidebar, search form
    /// and footer, none of it the article's text.
    const SITE_PAGE: &str = r#"<!DOCTYPE html><html><body>
<div class="notice">我们使用小甜饼记录访问。<button>知道了</button></div>
<header><div>河西区教育局</div><form><input name="q"><button>查找</button></form></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li></ul></nav>
<div class="path">位置：首页 &gt; 新闻</div>
<aside><h3>友情链接</h3><a href="/x">区政府</a></aside>
<div role="navigation"><a href="/a">上一页</a></div>
MAIN
<footer><p>河西区教育局 版权所有</p></footer>
</body></html>"#;

    #[test]
    fn only_the_main_content_is_read_when_the_page_marks_it() {
        let article = r#"<article><header><h1>春季运动会</h1></header>
<p>四月十日，全区三十所小学参加了春季运动会。</p><footer><p>作者：王平</p></footer></article>"#;
        let want = "# 春季运动会\n四月十日，全区三十所小学参加了春季运动会。\n作者：王平\n";
        for main in [
            format!("<main>{article}</main>"),
            format!(r#"<div role="main">{article}</div>"#),
            article.to_string(),
        ] {
            assert_eq!(
                html_to_markdown(&SITE_PAGE.replace("MAIN", &main)),
                want,
                "{main}"
            );
        }
    }

    #[test]
    fn without_marked_content_the_page_parts_are_left_out() {
        // Two articles: neither is the page's content alone.
        let body = r#"<div><article><header><h2>春季运动会</h2></header><p>运动会在四月举行。</p></article>
<article><h2>读书月</h2><p>读书月在五月举行。</p><aside>相关：去年的读书月</aside></article></div>"#;
        assert_eq!(
            html_to_markdown(&SITE_PAGE.replace("MAIN", body)),
            "我们使用小甜饼记录访问。\n位置：首页 > 新闻\n## 春季运动会\n运动会在四月举行。\n## 读书月\n读书月在五月举行。\n"
        );
    }

    #[test]
    fn a_page_built_on_one_form_and_a_page_of_nothing_but_parts_are_read() {
        let aspnet = r#"<html><body><form id="form1" action="page.aspx"><div class="top">教育局</div>
<h1>招生通知</h1><p>今年秋季全区小学计划招收新生四千二百人，报名从七月一日开始。</p>
<p>家长可以在各校门口查看招生范围和报名所需的材料。</p>
<div><input name="q"><button>查找</button></div></form></body></html>"#;
        assert_eq!(
            html_to_markdown(aspnet),
            "教育局\n# 招生通知\n今年秋季全区小学计划招收新生四千二百人，报名从七月一日开始。\n家长可以在各校门口查看招生范围和报名所需的材料。\n"
        );
        // Nothing outside the page's parts, or an empty <main>: read whole rather than empty.
        assert_eq!(
            html_to_markdown("<header><p>只有页眉里有字。</p></header><main></main>"),
            "只有页眉里有字。\n"
        );
    }

    #[test]
    fn hidden_elements_and_stray_end_tags() {
        assert_eq!(
            html_to_markdown(
                "<p>看得见<span hidden>看不见<span>也看不见</span>还是看不见</span>。</p>"
            ),
            "看得见。\n"
        );
        // An end tag closes its element and those left open inside; a stray one is ignored.
        assert_eq!(
            html_to_markdown("<main><div><p>正文</span></div></main><p>页外</p>"),
            "正文\n"
        );
        let deep = format!("{}正文{}", "<div>".repeat(50_000), "</span>".repeat(50_000));
        assert_eq!(html_to_markdown(&deep), "正文\n");
    }

    #[test]
    fn note_marks_and_back_links_are_not_text() {
        let html = r##"<p>全区去年新建了十二座球场<sup><a href="#n1" id="r1">[1]</a></sup>，比前年多一倍。</p>
<p>The district built twelve pitches<sup><a href="#n1">1</a></sup> last year, and four pools <a href="#n2" role="doc-noteref"><sup>2</sup></a> too.</p>
<p>多数球场对外开放<sup>［2］</sup>，部分晚上也开<sup>③</sup><sup>[3-5]</sup>。每座球场有2 000 m<sup>2</sup>，见<sup><a href="https://example.org/">地图</a></sup>。<a href="#top">回到顶部</a></p>
<ol><li id="n1">不含学校球场。 <a href="#r1">↩</a></li><li id="n2">Indoor pools only. <a href="#r2" role="doc-backlink">back</a> <a href="#r2">↩︎</a></li></ol>"##;
        assert_eq!(
            html_to_markdown(html),
            "全区去年新建了十二座球场，比前年多一倍。\n\
             The district built twelve pitches last year, and four pools too.\n\
             多数球场对外开放，部分晚上也开。每座球场有2 000 m2，见地图。回到顶部\n\
             不含学校球场。\n\
             Indoor pools only.\n"
        );
    }

    #[test]
    fn a_br_inside_a_sentence_is_a_wrap_and_short_or_linked_lines_stay_lines() {
        let html = r#"<p>在河西区，一座停用多年的粮仓<br>
变成了一座有三层阅览室的社区图书馆，每天开放十二小时。</p>
<p>In Hexi District, a grain store closed for years<br>
now houses a library with three reading rooms.<br>It opens twelve hours a day.</p>
<p>河西区图书馆<br>柳树路12号<br>邮编100200</p>
<h2>河西区<br>社区图书馆</h2>
<div>相关文件：<br><a href="/a">关于延长河西区各社区图书馆周末和节假日开放时间的通知</a><br>
<a href="/b">关于在全区中小学开展课后一小时阅读活动的实施意见</a></div>"#;
        assert_eq!(
            html_to_markdown(html),
            "在河西区，一座停用多年的粮仓变成了一座有三层阅览室的社区图书馆，每天开放十二小时。\n\
             In Hexi District, a grain store closed for years now houses a library with three reading rooms.\n\
             It opens twelve hours a day.\n\
             河西区图书馆\n柳树路12号\n邮编100200\n\
             ## 河西区社区图书馆\n\
             相关文件：\n\
             关于延长河西区各社区图书馆周末和节假日开放时间的通知\n\
             关于在全区中小学开展课后一小时阅读活动的实施意见\n"
        );
    }

    proptest::proptest! {
        /// Any soup of the tags the reader acts on, misnested and unclosed, is read
        /// without a panic, and no tag reaches the text.
        #[test]
        fn any_tag_soup_is_read(parts in proptest::collection::vec(0usize..PARTS.len(), 0..40)) {
            let html: String = parts.iter().map(|&i| PARTS[i]).collect();
            let md = html_to_markdown(&html);
            proptest::prop_assert!(!md.contains('<'), "{html:?} -> {md:?}");
        }
    }

    const PARTS: &[&str] = &[
        "<p>",
        "</p>",
        "<br>",
        "</br>",
        "<sup>",
        "</sup>",
        "<a href=\"#n\">",
        "<a href=\"/x\">",
        "</a>",
        "↩",
        "[1]",
        "字",
        "a word",
        " ",
        "。",
        "<main>",
        "</main>",
        "<nav>",
        "</nav>",
        "<h2>",
        "</h2>",
        "<td>",
        "<form>",
        "</form>",
        "<div hidden>",
        "</div>",
        "<script>",
        "</script>",
        "<article>",
        "</article>",
        "<header>",
        "</header>",
    ];

    #[test]
    fn broken_markup_is_read_as_a_browser_would() {
        assert_eq!(
            html_to_markdown("<p>文字<a href=\"#n\">↩<sup>↩</a></sup>。</p>"),
            "文字。\n"
        );
        assert_eq!(html_to_markdown("<p>a <b>b</p><p>c"), "a b\nc\n");
        assert_eq!(
            html_to_markdown("<div><svg><text>x</text></svg>y</div>"),
            "y\n"
        );
        assert_eq!(html_to_markdown("<p>1 &lt; 2 &#x4E2D;</p>"), "1 < 2 中\n");
        assert_eq!(html_to_markdown("<style>unclosed"), "");
    }
}
