//! Segmenter: text -> [`Document`], a tree of sections holding paragraphs holding
//! sentences, each unit with its byte span in the source text and its word tokens.
//!
//! Headings are units of their own (`UnitKind::Heading`) so that the aligner can pair
//! them like sentences; each heading opens a [`Section`] with a normalised numbering
//! [`Label`] (一 -> 1, iv -> 4, (c) -> 3) and a level that follows the nesting order of
//! numbering styles in the document, so that 一、 and I. land at the same depth.
//!
//! ```
//! use bitext::read::TextFormat;
//! use bitext::segment::{segment, words::WordSegmenter, Lang};
//! let words = WordSegmenter::plain();
//! let doc = segment("一、总体要求\n我们坚持开放合作。我们反对保护主义。\n".into(), Lang::Zh, TextFormat::Plain, words);
//! assert!(doc.units.len() >= 2);
//! ```

pub mod heading;
pub mod sentence;
pub mod unwrap;
pub mod words;

use std::sync::LazyLock;

use regex::Regex;

use crate::read::TextFormat;
use serde::Serialize;
use words::WordSegmenter;

/// Language of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Guess the language from the script: Han characters against Latin letters.
    pub fn detect(text: &str) -> Lang {
        let (han, latin) = Lang::script_counts(text);
        // A Chinese character carries about as much as a 3-4 letter English word.
        if han * 3 >= latin { Lang::Zh } else { Lang::En }
    }

    /// Han characters and Latin letters among the first 20,000 characters.
    pub fn script_counts(text: &str) -> (usize, usize) {
        let (mut han, mut latin) = (0usize, 0usize);
        for c in text.chars().take(20_000) {
            if crate::script::is_han(c) {
                han += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        (han, latin)
    }
}

/// A segmented document. `units` (headings and sentences) are in document order and
/// are what the aligner pairs; `sections[0]` is the root (the whole document).
#[derive(Clone, Debug)]
pub struct Document {
    pub lang: Lang,
    /// The decoded text (line breaks normalised to LF). Spans index into it.
    pub text: String,
    pub sections: Vec<Section>,
    pub units: Vec<Unit>,
    /// What the user should know about the segmentation (sentences cut for length).
    pub warnings: Vec<String>,
}

/// How text is cut into units.
#[derive(Clone, Copy, Debug)]
pub struct SegmentOptions {
    /// Sentences longer than this many characters are cut at a clause mark or a space.
    pub max_sentence_chars: usize,
    /// The same for Chinese.
    pub max_sentence_chars_zh: usize,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            max_sentence_chars: sentence::MAX_SENTENCE_CHARS,
            max_sentence_chars_zh: sentence::MAX_SENTENCE_CHARS_ZH,
        }
    }
}

/// A numbered (or titled) part of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub parent: Option<usize>,
    /// 0 for the root; 1 for top-level parts, and so on.
    pub level: usize,
    pub label: Option<Label>,
    /// Index into `Document::units` of the heading that opened the section.
    pub heading: Option<usize>,
}

/// A numbering label as written (`（三）`, `(iii)`) and its value (3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub raw: String,
    /// Numbering style, e.g. `zh-num-dun` for 一、 or `roman-dot` for I.; levels are
    /// assigned per style in the order styles first nest in the document.
    pub style: String,
    pub number: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Heading,
    Sentence,
}

/// A heading or a sentence: the unit of alignment.
#[derive(Clone, Debug)]
pub struct Unit {
    pub kind: UnitKind,
    /// Byte span in `Document::text`.
    pub start: usize,
    pub end: usize,
    /// Index into `Document::sections` of the innermost section holding the unit.
    pub section: usize,
    /// 0-based paragraph number in the document.
    pub paragraph: usize,
    pub tokens: Vec<words::Token>,
}

impl Document {
    /// The exact source text of unit `i`.
    pub fn unit_text(&self, i: usize) -> &str {
        let u = &self.units[i];
        &self.text[u.start..u.end]
    }

    /// The token's source text.
    pub fn token_text(&self, t: &words::Token) -> &str {
        &self.text[t.start..t.end]
    }

    /// Labels (raw) of the sections from the root down to `section`, root excluded.
    pub fn section_path(&self, section: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = Some(section);
        while let Some(s) = cur {
            let sec = &self.sections[s];
            if sec.parent.is_some() {
                let name = match (&sec.label, sec.heading) {
                    (Some(l), _) => l.raw.trim().to_string(),
                    (None, Some(h)) => short_label(self.unit_text(h)),
                    (None, None) => String::new(),
                };
                path.push(name);
            }
            cur = sec.parent;
        }
        path.reverse();
        path
    }
}

/// Segment running text into sections, paragraphs and sentences. Each non-empty line
/// is a paragraph (hard-wrapped plain text is first joined back into one line per
/// paragraph: the document's text is then the joined text); a heading is always one
/// whole line. Chinese words are cut by `words`.
pub fn segment(text: String, lang: Lang, format: TextFormat, words: &WordSegmenter) -> Document {
    segment_with(text, lang, format, words, &SegmentOptions::default())
}

/// [`segment`] with options.
pub fn segment_with(
    text: String,
    lang: Lang,
    format: TextFormat,
    words: &WordSegmenter,
    opts: &SegmentOptions,
) -> Document {
    let text = match format {
        TextFormat::Plain => unwrap::unwrap(&text, lang).unwrap_or(text),
        TextFormat::Markdown => strip_inline_markdown(&text),
    };
    let mut b = Builder {
        lang,
        words,
        sections: vec![Section::default()],
        open: Vec::new(),
        units: Vec::new(),
        numbering: heading::Numbering::default(),
        paragraph: 0,
        max_sentence_chars: match lang {
            Lang::Zh => opts.max_sentence_chars_zh,
            Lang::En => opts.max_sentence_chars,
        },
        cut_for_length: 0,
        pieces_for_length: 0,
    };
    // Spans of the non-empty lines, trimmed.
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = offset + (body.len() - body.trim_start().len());
            lines.push((start, start + trimmed.len()));
        }
        offset += line.len();
    }
    for (k, &(start, end)) in lines.iter().enumerate() {
        let next = lines.get(k + 1).map(|&(s, e)| &text[s..e]);
        b.line(&text, start, end, next, format);
        b.paragraph += 1;
    }
    let mut warnings = Vec::new();
    if b.cut_for_length > 0 {
        let (n, more) = (b.cut_for_length, b.pieces_for_length);
        warnings.push(format!(
            "{n} {} longer than the sentence length cap ({} characters) {} cut at clause marks or spaces into {} more {}",
            if n == 1 { "sentence" } else { "sentences" },
            b.max_sentence_chars,
            if n == 1 { "was" } else { "were" },
            more,
            if more == 1 { "unit" } else { "units" },
        ));
    }
    Document {
        lang,
        text,
        sections: b.sections,
        units: b.units,
        warnings,
    }
}

// Label styles that name a division are never a numbered paragraph.
use heading::DIVISION_STYLES;

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})(?:\s+|$)").expect("valid regex"));
static MD_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:>\s*)*(?:[-*+]\s+)?").expect("valid regex"));

/// Inline Markdown markup around text: links and images keep their text, emphasis and
/// code spans lose their markers. Underscores inside words (snake_case) and a spaced
/// `2 * 3` are not emphasis.
static MD_INLINE: LazyLock<[(Regex, &str); 6]> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("valid regex");
    [
        // A link target may hold balanced parentheses: (javascript:alert(9)).
        (re(r"!\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)"), "$1"),
        (re(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"), "$1"),
        (re(r"\*\*(\S(?:[^\n]*?\S)?)\*\*"), "$1"),
        (re(r"(^|[^\w])__(\S(?:[^\n]*?\S)?)__"), "$1$2"),
        (
            re(r"(^|[^\w*])[*_](\S(?:[^*_\n]*?\S)?)[*_]([^\w*]|$)"),
            "$1$2$3",
        ),
        (re(r"`([^`\n]+)`"), "$1"),
    ]
});

/// The text of a Markdown document without its inline markup (headings and list
/// markers are read line by line later).
fn strip_inline_markdown(text: &str) -> String {
    let mut out = text.to_string();
    for (re, with) in MD_INLINE.iter() {
        if let std::borrow::Cow::Owned(s) = re.replace_all(&out, *with) {
            out = s;
        }
    }
    out
}

struct Builder<'w> {
    lang: Lang,
    words: &'w WordSegmenter,
    sections: Vec<Section>,
    /// Open sections, outermost first.
    open: Vec<usize>,
    units: Vec<Unit>,
    numbering: heading::Numbering,
    paragraph: usize,
    max_sentence_chars: usize,
    /// Sentences cut because they were longer than `max_sentence_chars`, and the
    /// pieces this added.
    cut_for_length: usize,
    pieces_for_length: usize,
}

impl Builder<'_> {
    fn depth(&self) -> usize {
        self.open.last().map_or(0, |&s| self.sections[s].level)
    }

    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// Open a section at `level`, closing those at that level or deeper.
    fn open_section(&mut self, level: usize, label: Option<Label>, heading: Option<usize>) {
        while self
            .open
            .last()
            .is_some_and(|&s| self.sections[s].level >= level)
        {
            self.open.pop();
        }
        if let Some(l) = &label {
            self.numbering.note(l);
        }
        self.sections.push(Section {
            parent: Some(self.current()),
            level,
            label,
            heading,
        });
        self.open.push(self.sections.len() - 1);
    }

    fn push_unit(&mut self, text: &str, kind: UnitKind, start: usize, end: usize) {
        self.units.push(Unit {
            kind,
            start,
            end,
            section: self.current(),
            paragraph: self.paragraph,
            tokens: self.words.tokenize(&text[start..end], start, self.lang),
        });
    }

    fn heading(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        level: usize,
        label: Option<Label>,
    ) {
        self.open_section(level, label, Some(self.units.len()));
        self.push_unit(text, UnitKind::Heading, start, end);
    }

    fn sentences(&mut self, text: &str, start: usize, end: usize) {
        let spans = sentence::split(&text[start..end], self.lang);
        let before = spans.len();
        let (spans, cut) = sentence::cap_length(&text[start..end], spans, self.max_sentence_chars);
        if cut > 0 {
            self.cut_for_length += cut;
            self.pieces_for_length += spans.len() - before;
        }
        for (s, e) in spans {
            self.push_unit(text, UnitKind::Sentence, start + s, start + e);
        }
    }

    /// One non-empty line, `text[start..end]`, trimmed; `next` is the next one.
    fn line(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        next: Option<&str>,
        format: TextFormat,
    ) {
        let lang = self.lang;
        let mut start = start;
        // No heading, date or title is this long: an overlong line is only cut.
        if text[start..end]
            .chars()
            .nth(self.max_sentence_chars)
            .is_some()
        {
            self.sentences(text, start, end);
            return;
        }
        if format == TextFormat::Markdown {
            let line = &text[start..end];
            if let Some(c) = MD_HEADING.captures(line) {
                let level = c[1].len();
                let inner = line[c[0].len()..].trim_end_matches('#').trim_end();
                if inner.is_empty() {
                    return;
                }
                let s = start + c[0].len();
                let label = heading::parse_label(inner, lang, &self.numbering).map(|m| m.label);
                self.heading(text, s, s + inner.len(), level, label);
                return;
            }
            // Block quotes and bullets are markup, not text; so is a line of nothing
            // but markers (a thematic break `- - -`, `***`).
            let marker = MD_MARKER.find(line).map_or(0, |m| m.end());
            if marker == line.len()
                || line
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '_' | '+' | '>'))
            {
                return;
            }
            start += marker;
        }
        let line = &text[start..end];
        if heading::is_date_line(line) || heading::is_byline(line, lang) {
            self.push_unit(text, UnitKind::Sentence, start, end);
            return;
        }
        let label = heading::parse_label(line, lang, &self.numbering).or_else(|| {
            // "1 Academic Freedom": a bare number only before a title.
            (lang == Lang::En)
                .then(|| heading::parse_bare_number(line))
                .flatten()
                .filter(|m| heading::is_title_line(&line[m.len..], lang))
        });
        if let Some(m) = label {
            let rest = &line[m.len..];
            if format == TextFormat::Plain && heading::is_heading_text(rest, lang) {
                let level = self.numbering.level(&m.label.style, self.depth());
                self.heading(text, start, end, level, Some(m.label));
                return;
            }
            // A numbered paragraph (list item): its text stays sentences, its label
            // still opens a section so that the aligner can match numbers. A division
            // word opens one only as a label ("Article 20 The State", not "Section 2
            // of the Act").
            let labels_paragraph = !DIVISION_STYLES.contains(&m.label.style.as_str())
                || (m.label.number.is_some() && rest.starts_with(char::is_uppercase));
            if labels_paragraph {
                let level = self.numbering.level(&m.label.style, self.depth());
                self.open_section(level, Some(m.label), None);
            }
            self.sentences(text, start, end);
            return;
        }
        // A heading in sentence case ("Trial design") reads like a short sentence
        // without its stop: it is one when body text follows it.
        let titled = heading::is_title_line(line, lang)
            || (lang == Lang::En
                && heading::is_sentence_case_heading(line)
                && next.is_some_and(heading::ends_sentence));
        if format == TextFormat::Plain && titled {
            let level = self.numbering.level("title", self.depth());
            self.heading(text, start, end, level, None);
            return;
        }
        self.sentences(text, start, end);
    }
}

/// Pre-split input: line i is unit i (empty lines included), one root section. A line
/// that reads as a heading is a heading unit (the aligner never merges it).
pub fn presplit(text: String, lang: Lang, words: &WordSegmenter) -> Document {
    let mut units = Vec::new();
    let mut offset = 0;
    let body = text.strip_suffix('\n').unwrap_or(&text);
    let lines: Vec<&str> = if body.is_empty() {
        Vec::new()
    } else {
        body.split('\n').collect()
    };
    for (i, line) in lines.iter().enumerate() {
        let (start, end) = (offset, offset + line.len());
        let next = lines.get(i + 1).copied();
        units.push(Unit {
            kind: if heading::is_heading_line(line, next, lang) {
                UnitKind::Heading
            } else {
                UnitKind::Sentence
            },
            start,
            end,
            section: 0,
            paragraph: i,
            tokens: words.tokenize(line, start, lang),
        });
        offset = end + 1;
    }
    Document {
        lang,
        text,
        sections: vec![Section::default()],
        units,
        warnings: Vec::new(),
    }
}

/// An unnumbered heading as a section label: whole up to 40 characters, else cut there
/// (at the last space, when the heading has words) and marked with an ellipsis.
fn short_label(heading: &str) -> String {
    const MAX: usize = 40;
    let heading = heading.trim();
    let Some((cut, _)) = heading.char_indices().nth(MAX) else {
        return heading.to_string();
    };
    let head = &heading[..cut];
    let mid_word = !heading[cut..].starts_with(char::is_whitespace);
    let head = match head.rfind(' ') {
        Some(space) if space > 0 && mid_word => &head[..space],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches([' ', ',', ';', ':', '，', '、'])
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_long_unnumbered_heading_is_cut_at_a_word_and_marked() {
        assert_eq!(short_label("Trial design"), "Trial design");
        assert_eq!(
            short_label("White Paper on Global Digital Governance and Cooperation"),
            "White Paper on Global Digital Governance…"
        );
        let zh = "一项关于二甲双胍对二型糖尿病患者血糖控制的影响以及长期安全性和耐受性的多中心随机对照试验";
        assert_eq!(short_label(zh).chars().count(), 41);
        assert!(short_label(zh).ends_with('…'));
    }

    use super::*;

    fn segment(text: String, lang: Lang, format: TextFormat) -> Document {
        super::segment(text, lang, format, WordSegmenter::plain())
    }

    fn presplit(text: String, lang: Lang) -> Document {
        super::presplit(text, lang, WordSegmenter::plain())
    }
    use proptest::prelude::*;

    fn texts(doc: &Document) -> Vec<&str> {
        (0..doc.units.len()).map(|i| doc.unit_text(i)).collect()
    }

    fn headings(doc: &Document) -> Vec<(usize, Option<u32>, Vec<String>)> {
        doc.units
            .iter()
            .filter(|u| u.kind == UnitKind::Heading)
            .map(|u| {
                let sec = &doc.sections[u.section];
                (
                    sec.level,
                    sec.label.as_ref().and_then(|l| l.number),
                    doc.section_path(u.section),
                )
            })
            .collect()
    }

    const ZH: &str = "一、总体要求\n（一）基本原则\n我们坚持开放。我们反对保护主义。\n1. 第一项\n（二）主要目标\n二、重点任务\n（一）加强合作\n";
    const EN: &str = "I. General Requirements\n(i) Basic Principles\nWe uphold openness. We oppose protectionism.\n1. First Item\n(ii) Main Goals\nII. Key Tasks\n(i) Strengthen Cooperation\n";

    #[test]
    fn both_languages_build_the_same_tree() {
        let zh = segment(ZH.into(), Lang::Zh, TextFormat::Plain);
        let en = segment(EN.into(), Lang::En, TextFormat::Plain);
        let levels = |d: &Document| -> Vec<(usize, Option<u32>)> {
            headings(d).into_iter().map(|h| (h.0, h.1)).collect()
        };
        assert_eq!(levels(&zh), levels(&en));
        assert_eq!(
            levels(&zh),
            [
                (1, Some(1)),
                (2, Some(1)),
                (3, Some(1)),
                (2, Some(2)),
                (1, Some(2)),
                (2, Some(1))
            ]
        );
        assert_eq!(headings(&zh)[6 - 1].2, ["二、", "（一）"]);
        assert_eq!(headings(&en)[5].2, ["II.", "(i)"]);
        // Sentences sit in the section of the heading before them.
        let s = doc_unit(&zh, "我们坚持开放。");
        assert_eq!(zh.section_path(zh.units[s].section), ["一、", "（一）"]);
    }

    fn doc_unit(doc: &Document, text: &str) -> usize {
        (0..doc.units.len())
            .find(|&i| doc.unit_text(i) == text)
            .expect("unit present")
    }

    #[test]
    fn a_style_seen_before_returns_to_its_level() {
        let doc = segment(
            "一、甲\n（一）乙\n1. 丙\n二、丁\n1. 戊\n".into(),
            Lang::Zh,
            TextFormat::Plain,
        );
        let levels: Vec<usize> = headings(&doc).iter().map(|h| h.0).collect();
        assert_eq!(levels, [1, 2, 3, 1, 3]);
    }

    #[test]
    fn numbered_long_sentence_is_a_paragraph_not_a_heading() {
        let doc = segment(
            "1. 我们坚持开放合作，反对一切形式的保护主义。这是原则。\n".into(),
            Lang::Zh,
            TextFormat::Plain,
        );
        assert!(doc.units.iter().all(|u| u.kind == UnitKind::Sentence));
        assert_eq!(doc.units.len(), 2);
        assert_eq!(doc.section_path(doc.units[0].section), ["1."]);
        let en = segment(
            "1. We uphold openness and oppose protectionism in all its forms.\n".into(),
            Lang::En,
            TextFormat::Plain,
        );
        assert_eq!(en.units.len(), 1);
        assert_eq!(en.units[0].kind, UnitKind::Sentence);
    }

    #[test]
    fn roman_i_followed_by_lower_case_is_not_a_heading() {
        let doc = segment(
            "I. am not a heading. Really.\n".into(),
            Lang::En,
            TextFormat::Plain,
        );
        assert!(doc.units.iter().all(|u| u.kind == UnitKind::Sentence));
    }

    #[test]
    fn dates_and_titles_stand_alone() {
        let doc = segment(
            "人民对美好生活的向往\n（2012年11月15日）\n我们的民族是伟大的民族。\n".into(),
            Lang::Zh,
            TextFormat::Plain,
        );
        assert_eq!(
            texts(&doc),
            [
                "人民对美好生活的向往",
                "（2012年11月15日）",
                "我们的民族是伟大的民族。"
            ]
        );
        assert_eq!(doc.units[0].kind, UnitKind::Heading);
        assert_eq!(doc.units[1].kind, UnitKind::Sentence);
        let en = segment(
            "The People’s Wish for a Good Life Is Our Goal\nNovember 15, 2012\nOurs is a great nation.\n"
                .into(),
            Lang::En,
            TextFormat::Plain,
        );
        assert_eq!(en.units[0].kind, UnitKind::Heading);
        assert_eq!(en.units[1].kind, UnitKind::Sentence);
        assert_eq!(en.unit_text(1), "November 15, 2012");
    }

    #[test]
    fn markdown_hashes_give_levels() {
        let doc = segment(
            "# Title\n\n## 1. Scope\n\n- It applies. It is wide.\n\n### Details\n".into(),
            Lang::En,
            TextFormat::Markdown,
        );
        assert_eq!(
            texts(&doc),
            ["Title", "1. Scope", "It applies.", "It is wide.", "Details"]
        );
        let levels: Vec<usize> = headings(&doc).iter().map(|h| h.0).collect();
        assert_eq!(levels, [1, 2, 3]);
        assert_eq!(
            doc.sections[doc.units[1].section]
                .label
                .as_ref()
                .unwrap()
                .number,
            Some(1)
        );
    }

    #[test]
    fn markdown_inline_markup_is_not_text() {
        let md = "## 一、**数据**治理\n我们支持[世界贸易组织](https://wto.org)的`电子商务`谈判。\n";
        let doc = segment(md.into(), Lang::Zh, TextFormat::Markdown);
        assert_eq!(
            texts(&doc),
            ["一、数据治理", "我们支持世界贸易组织的电子商务谈判。"]
        );
        let md = "We *strongly* support __open__ data. See ![chart](c.png) and snake_case_name; 2 * 3 = 6.\n";
        let doc = segment(md.into(), Lang::En, TextFormat::Markdown);
        assert_eq!(
            texts(&doc),
            [
                "We strongly support open data.",
                "See chart and snake_case_name; 2 * 3 = 6."
            ]
        );
    }

    #[test]
    fn sentence_case_headings_stand_before_body_text() {
        let doc = segment(
            "Methods\nTrial design\nThis was a randomized trial. It ran for a year.\nData security\nPrivacy rules\n".into(),
            Lang::En,
            TextFormat::Plain,
        );
        let kinds: Vec<(&str, UnitKind)> = (0..doc.units.len())
            .map(|i| (doc.unit_text(i), doc.units[i].kind))
            .collect();
        assert_eq!(kinds[1], ("Trial design", UnitKind::Heading));
        // Short lines with no body text after them are not taken for headings.
        assert_eq!(kinds[5], ("Privacy rules", UnitKind::Sentence));
    }

    #[test]
    fn articles_are_numbered_paragraphs_in_both_languages() {
        let zh = segment(
            "第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于本市。\n".into(),
            Lang::Zh,
            TextFormat::Plain,
        );
        let en = segment(
            "Chapter I General Provisions\nArticle 1 These Regulations are made for good management.\nArticle 2 These Regulations apply to the City.\nSection 2 of the Act applies.\n".into(),
            Lang::En,
            TextFormat::Plain,
        );
        let paths = |d: &Document| -> Vec<Vec<String>> {
            d.units.iter().map(|u| d.section_path(u.section)).collect()
        };
        assert_eq!(paths(&zh)[2], ["第一章", "第二条"]);
        assert_eq!(paths(&en)[2], ["Chapter I", "Article 2"]);
        // A division named inside a sentence opens nothing.
        assert_eq!(paths(&en)[3], ["Chapter I", "Article 2"]);
    }

    #[test]
    fn markdown_link_targets_with_parentheses_and_marker_lines_are_markup() {
        let md = "我们支持[链接](javascript:alert(9))的做法。\n\n- - -\n\n* * *\n\n___\n\n正文。\n";
        let doc = segment(md.into(), Lang::Zh, TextFormat::Markdown);
        assert_eq!(texts(&doc), ["我们支持链接的做法。", "正文。"]);
    }

    #[test]
    fn the_length_cap_is_lower_for_chinese_whose_characters_carry_more() {
        // 700 characters without a sentence end in each language: the Chinese is cut
        // at its clause marks, the English (some 120 words) is a sentence of its own.
        let zh = format!("{}\n", "我们沿着河边慢慢地走，".repeat(70));
        let en = format!("{}\n", "we walked slowly, ".repeat(39));
        let segment = |text: String, lang| {
            super::segment_with(
                text,
                lang,
                TextFormat::Plain,
                WordSegmenter::plain(),
                &SegmentOptions::default(),
            )
        };
        let zh = segment(zh, Lang::Zh);
        assert!(zh.units.len() >= 2, "{}", zh.units.len());
        assert!((0..zh.units.len()).all(|i| zh.unit_text(i).chars().count() <= 500));
        assert!(zh.unit_text(0).ends_with('，'), "{}", zh.unit_text(0));
        assert_eq!(zh.warnings.len(), 1);
        let en = segment(en, Lang::En);
        assert_eq!(en.units.len(), 1);
        assert!(en.warnings.is_empty(), "{:?}", en.warnings);
    }

    #[test]
    fn an_overlong_line_is_cut_and_reported_never_a_heading() {
        let line = format!("{}\n", "Data Rules ".repeat(400));
        let doc = super::segment_with(
            line,
            Lang::En,
            TextFormat::Plain,
            WordSegmenter::plain(),
            &SegmentOptions {
                max_sentence_chars: 1000,
                max_sentence_chars_zh: 400,
            },
        );
        assert!(doc.units.len() >= 5);
        assert!(doc.units.iter().all(|u| u.kind == UnitKind::Sentence));
        assert!((0..doc.units.len()).all(|i| doc.unit_text(i).chars().count() <= 1000));
        assert_eq!(doc.warnings.len(), 1);
        assert!(
            doc.warnings[0].contains("1000 characters"),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn presplit_keeps_lines_as_units() {
        let doc = presplit("a.\n\nb. c.\n".into(), Lang::En);
        assert_eq!(texts(&doc), ["a.", "", "b. c."]);
    }

    #[test]
    fn presplit_lines_that_read_as_headings_are_headings() {
        let doc = presplit(
            "Methods\nTrial design\nThis was a trial.\n1. Scope\nIt ran a year.\nJanuary 2023\n"
                .into(),
            Lang::En,
        );
        let kinds: Vec<UnitKind> = doc.units.iter().map(|u| u.kind).collect();
        use UnitKind::{Heading as H, Sentence as S};
        assert_eq!(kinds, [H, H, S, H, S, S]);
        let doc = presplit("二、研究对象\n纳入标准如下。\n".into(), Lang::Zh);
        assert_eq!(doc.units[0].kind, H);
    }

    #[test]
    fn crlf_free_spans_have_no_surrounding_whitespace() {
        let doc = segment(
            "  我们走吧。  好的。 \n\n  Fine  \n".into(),
            Lang::Zh,
            TextFormat::Plain,
        );
        for i in 0..doc.units.len() {
            let t = doc.unit_text(i);
            assert_eq!(t, t.trim());
        }
    }

    fn any_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("。".to_string()),
            Just("！".to_string()),
            Just("”".to_string()),
            Just("“".to_string()),
            Just("……".to_string()),
            Just(". ".to_string()),
            Just("? ".to_string()),
            Just("'".to_string()),
            Just("\n".to_string()),
            Just("  ".to_string()),
            Just("U.S. ".to_string()),
            Just("Mr. ".to_string()),
            Just("1. ".to_string()),
            Just("（一）".to_string()),
            Just("I. ".to_string()),
            "[a-zA-Z ]{1,8}",
            "[一-龥]{1,6}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn units_tile_each_line_and_slice_back(text in any_text(), zh in any::<bool>()) {
            let lang = if zh { Lang::Zh } else { Lang::En };
            for format in [TextFormat::Plain, TextFormat::Markdown] {
                let doc = segment(text.clone(), lang, format);
                // Spans index the document's own text (wrapped lines joined, inline
                // Markdown dropped), which is what they must tile.
                let text = &doc.text;
                let mut prev_end = 0;
                for (i, u) in doc.units.iter().enumerate() {
                    prop_assert!(u.start < u.end && u.end <= text.len());
                    let t = doc.unit_text(i);
                    prop_assert_eq!(t, t.trim());
                    prop_assert!(!t.contains('\n'));
                    // No overlap, and only whitespace (or markup) between units.
                    prop_assert!(u.start >= prev_end);
                    let gap = &text[prev_end..u.start];
                    if format == TextFormat::Plain {
                        prop_assert!(gap.trim().is_empty(), "gap {:?}", gap);
                    }
                    for t in &u.tokens {
                        prop_assert!(t.start >= u.start && t.end <= u.end);
                        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                    }
                    prev_end = u.end;
                }
                if format == TextFormat::Plain {
                    prop_assert!(text[prev_end..].trim().is_empty());
                }
                for s in &doc.sections[1..] {
                    prop_assert!(s.parent.is_some_and(|p| doc.sections[p].level < s.level));
                }
            }
        }

        #[test]
        fn sentence_spans_tile_a_paragraph(line in "[^\n]{0,80}", zh in any::<bool>()) {
            let lang = if zh { Lang::Zh } else { Lang::En };
            let mut prev = 0;
            for (s, e) in sentence::split(&line, lang) {
                prop_assert!(line[prev..s].trim().is_empty());
                prop_assert!(s < e);
                prev = e;
            }
            prop_assert!(line[prev..].trim().is_empty());
        }
    }
}
