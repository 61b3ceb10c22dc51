//! Terminology checks: which glossary terms occur in a bead's Chinese (longest match
//! over all terms at once, independent of word segmentation) and whether an approved,
//! forbidden or other rendering appears in its English.
//!
//! Main types: [`TermSet`] (terms with approved and forbidden renderings, built from
//! glossaries or from extracted terms through [`TermSet::add`]) and [`EnglishText`]
//! (a sentence as a sequence of word stems for inflection-tolerant matching).
//!
//! ```
//! use bitext::check::terms::{EnglishText, TermSet};
//! let mut terms = TermSet::default();
//! terms.add("数据跨境流动", &["cross-border data flow"], &[]);
//! let terms = terms.build();
//! let en = EnglishText::new("Cross border data flows are regulated.");
//! assert!(terms.find_rendering(&en, &terms.terms[0].approved[0]).is_some());
//! ```

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::{GlossaryEntry, english_stem, is_english_stopword};
use crate::script::is_han;
use crate::segment::words::WordSegmenter;

/// See [`EnglishText::is_heading`].
fn looks_like_heading(text: &str) -> bool {
    let closed = text
        .trim_end()
        .ends_with(['.', '!', '?', ';', ':', '"', '”', '’', ')']);
    let long: Vec<&str> = split_words(text)
        .into_iter()
        .map(|(_, _, w)| w)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    !closed && !long.is_empty() && long.len() <= 20 && 2 * capital >= long.len()
}

/// An English rendering as a match pattern.
#[derive(Clone, Debug)]
pub struct Rendering {
    pub text: String,
    /// Stems of every word, in order.
    stems: Vec<String>,
    /// Stems of content words only (articles and prepositions may vary).
    content: Vec<String>,
    /// All words lower-cased and joined: "cross-border" also matches "crossborder".
    joined: String,
    /// Punctuation between its words ('one central task, two basic points').
    punctuated: bool,
}

impl Rendering {
    pub fn new(text: &str) -> Rendering {
        let words = split_words(text);
        let stems: Vec<String> = words.iter().map(|(_, _, w)| term_stem(w)).collect();
        let content: Vec<String> = words
            .iter()
            .zip(&stems)
            .filter(|((_, _, w), _)| !is_english_stopword(&w.to_lowercase()))
            .map(|(_, s)| s.clone())
            .collect();
        let joined = words.iter().map(|(_, _, w)| w.to_lowercase()).collect();
        let punctuated = words
            .windows(2)
            .any(|w| is_punctuation(&text[w[0].1..w[1].0]));
        Rendering {
            text: text.to_string(),
            stems,
            content,
            joined,
            punctuated,
        }
    }

    /// Key under which renderings differing only by inflection count as one.
    pub fn key(&self) -> String {
        self.stems.join(" ")
    }

    /// Key under which renderings of one word family, in any order and with any
    /// function words, count as one: 'socialism' / 'socialist', 'Party's leadership' /
    /// 'leadership of the Party', 'central collective leadership' / 'collective
    /// central leadership'.
    pub fn family(&self) -> Vec<String> {
        // A proper name and its adjective share less ('China' / 'Chinese').
        let mut f: Vec<String> = split_words(&self.text)
            .iter()
            .filter(|(_, _, w)| !is_english_stopword(&w.to_lowercase()))
            .map(|(_, _, w)| {
                let n = if w.starts_with(char::is_uppercase) {
                    4
                } else {
                    5
                };
                english_stem(w).chars().take(n).collect()
            })
            .collect();
        f.sort();
        f
    }

    /// One of the two is a form of the other that `inconsistent` does not count as a
    /// second rendering: same word family, shortened, or abbreviated.
    pub fn is_variant_of(&self, other: &Rendering) -> bool {
        self.family() == other.family()
            || self.is_shortening_of(other)
            || other.is_shortening_of(self)
            || self.is_acronym_of(other)
            || other.is_acronym_of(self)
    }

    /// `self` is `other` with some of its words written as their initials ('PRC' for
    /// 'People's Republic of China', 'AI ethics' for 'ethics of artificial
    /// intelligence'): the usual short form, not a second rendering.
    pub fn is_acronym_of(&self, other: &Rendering) -> bool {
        let words = split_words(&other.text);
        split_words(&self.text).iter().any(|&(_, _, written)| {
            // A plural acronym ('SOEs') spells the initials of a plural ('enterprises').
            let x = written
                .strip_suffix('s')
                .filter(|x| x.len() >= 2 && x.chars().all(|c| c.is_ascii_uppercase()))
                .unwrap_or(written);
            let n = x.chars().count();
            if !(2..=6).contains(&n) || !x.chars().all(|c| c.is_ascii_uppercase()) {
                return false;
            }
            // A run of the other's words whose initials, function words aside, spell it.
            (0..words.len()).any(|i| {
                let mut initials = String::new();
                for (k, &(_, end, w)) in words.iter().enumerate().skip(i) {
                    if !is_english_stopword(&w.to_lowercase()) || k == i {
                        initials.extend(w.chars().next().map(|c| c.to_ascii_uppercase()));
                    }
                    if initials.len() >= n {
                        let text = format!(
                            "{}{written}{}",
                            &other.text[..words[i].0],
                            &other.text[end..]
                        );
                        return initials == x && Rendering::new(&text).family() == self.family();
                    }
                }
                false
            })
        })
    }

    /// `self` is `other` with words left out: its content words are some of the
    /// other's, in the same order ('18th National Congress' of '18th CPC National
    /// Congress of the Party', 'cause of Chinese socialism' of 'cause of building
    /// Chinese socialism'), not a second way of saying it.
    pub fn is_shortening_of(&self, other: &Rendering) -> bool {
        let (a, b) = (&self.content, &other.content);
        // Without the other's head it says something else ('governance' is no
        // shortening of 'government activities').
        let keeps_head = other.head().is_some_and(|h| a.iter().any(|x| x == h));
        if a.is_empty() || a.len() >= b.len() || !keeps_head {
            return false;
        }
        let mut rest = b.iter();
        a.iter().all(|x| rest.any(|y| y == x))
    }

    /// Stem of the head noun: the last content word before the first of/for/with/in
    /// ('rejuvenation of the Chinese nation' -> rejuvenation, 'Chinese nation' ->
    /// nation, 'Communist Party of China' -> party).
    pub fn head(&self) -> Option<&str> {
        let words = split_words(&self.text);
        let cut = words
            .iter()
            .position(|(_, _, w)| matches!(w.to_lowercase().as_str(), "of" | "for" | "with" | "in"))
            .unwrap_or(words.len());
        words[..cut]
            .iter()
            .zip(&self.stems)
            .rev()
            .find(|((_, _, w), _)| !is_english_stopword(&w.to_lowercase()))
            .map(|(_, s)| s.as_str())
    }

    /// Stems of the content words.
    pub fn content(&self) -> &[String] {
        &self.content
    }

    /// Number of words.
    pub fn stems_len(&self) -> usize {
        self.stems.len()
    }
}

/// A Chinese term with its renderings.
#[derive(Clone, Debug)]
pub struct Term {
    pub zh: String,
    pub approved: Vec<Rendering>,
    pub forbidden: Vec<Rendering>,
    /// The glossary file and line the term comes from (its first entry), for a
    /// reviewer who has several glossaries.
    pub source: Option<String>,
}

/// Terms to check, merged by Chinese form, with a longest-match automaton over them.
#[derive(Default)]
pub struct TermSet {
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
    matcher: Option<AhoCorasick>,
}

/// The stem a rendering's words are matched by. -ism names a doctrine, not its
/// root: 'socialism' (and 'socialism's') is not 'social', which Porter makes it.
fn term_stem(word: &str) -> String {
    let stem = english_stem(word);
    let lower = word.to_lowercase().replace('’', "'");
    let base = lower
        .strip_suffix("'s")
        .unwrap_or(&lower)
        .trim_matches('\'');
    if (base.ends_with("ism") || base.ends_with("isms")) && !stem.ends_with("ism") {
        return stem + "ism";
    }
    stem
}

/// How many words a rendering's content words may spread over, in any order, and
/// still be taken for it.
pub fn loose_window(r: &Rendering) -> usize {
    2 * r.content.len() + 3
}

/// Does the gap between two words hold punctuation (a hyphen joins, it does not part)?
fn is_punctuation(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() && c != '-')
}

/// Words of an English text with byte spans: runs of letters, digits and apostrophes.
fn split_words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || ((c == '\'' || c == '’') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out
}

/// How loosely [`EnglishText::find_match`] found a rendering: its words divided
/// otherwise ('cyber space' for 'cyberspace'), a spelling to report.
pub const JOINED_SPELLING: u8 = 3;
/// The match tier of a rendering's content words found in any order, close together.
pub const ANY_ORDER: u8 = 2;

/// Words around a term's expected place that a long bead is searched in (see
/// [`EnglishText::around`]).
const VIEW_RADIUS: usize = 150;

/// An English sentence prepared for rendering matches.
#[derive(Clone)]
pub struct EnglishText<'a> {
    pub text: &'a str,
    words: Vec<(usize, usize, String, String, bool)>, // start, end, lower, stem, stopword
    heading: bool,
}

impl<'a> EnglishText<'a> {
    pub fn new(text: &'a str) -> Self {
        let words = split_words(text)
            .into_iter()
            .map(|(s, e, w)| {
                let lower = w.to_lowercase();
                let stop = is_english_stopword(&lower);
                (s, e, term_stem(&lower), lower, stop)
            })
            .map(|(s, e, stem, lower, stop)| (s, e, lower, stem, stop))
            .collect();
        EnglishText {
            text,
            words,
            heading: looks_like_heading(text),
        }
    }

    /// The words around the place `fraction` (0 to 1) of the way through a long text
    /// (a few hundred words), or None when the text is short enough to search whole.
    /// A bead holding a whole document is searched near where a term's counterpart
    /// should be, which keeps checking linear in the length of the bead.
    pub fn around(&self, fraction: f64) -> Option<EnglishText<'a>> {
        let n = self.words.len();
        if n <= 2 * VIEW_RADIUS {
            return None;
        }
        let centre = ((fraction.clamp(0.0, 1.0) * n as f64) as usize).min(n - 1);
        let start = centre.saturating_sub(VIEW_RADIUS);
        let end = (centre + VIEW_RADIUS).min(n);
        Some(EnglishText {
            text: self.text,
            words: self.words[start..end].to_vec(),
            heading: self.heading,
        })
    }

    /// The text without the words inside `spans` (renderings other terms claim).
    pub fn without(&self, spans: &[std::ops::Range<usize>]) -> EnglishText<'a> {
        EnglishText {
            text: self.text,
            words: self
                .words
                .iter()
                .filter(|x| !spans.iter().any(|r| r.start <= x.0 && x.1 <= r.end))
                .cloned()
                .collect(),
            heading: self.heading,
        }
    }

    /// The words that end before byte `upto`.
    pub fn before(&self, upto: usize) -> EnglishText<'a> {
        EnglishText {
            text: self.text,
            words: self
                .words
                .iter()
                .take_while(|x| x.1 <= upto)
                .cloned()
                .collect(),
            heading: self.heading,
        }
    }

    /// Byte span in the text of a slice of it (as the finders here return them).
    pub fn span_of(&self, s: &str) -> Range<usize> {
        let start = (s.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let start = start.min(self.text.len());
        start..(start + s.len()).min(self.text.len())
    }

    /// Span of the first content word of this stem (or a loose variant of it).
    pub fn stem_span(&self, stem: &str) -> Option<Range<usize>> {
        self.words
            .iter()
            .find(|x| !x.4 && loose_eq(stem, &x.3))
            .map(|x| x.0..x.1)
    }

    /// The content words inside `span`, with their stems.
    pub fn content_words_in(&self, span: &Range<usize>) -> Vec<(&'a str, &str)> {
        self.words
            .iter()
            .filter(|x| !x.4 && x.0 >= span.start && x.1 <= span.end)
            .map(|x| (&self.text[x.0..x.1], x.3.as_str()))
            .collect()
    }

    /// Span of the first content word of exactly this stem.
    pub fn exact_stem_span(&self, stem: &str) -> Option<Range<usize>> {
        self.words
            .iter()
            .find(|x| !x.4 && x.3 == stem)
            .map(|x| x.0..x.1)
    }

    /// The words around a word where a rendering's other words would stand: up to
    /// `before` content words before it and `after` after it, within the clause (a
    /// word of 'Party building' found, 'Party affairs' is what stands there).
    pub fn phrase_around(&self, span: Range<usize>, before: usize, after: usize) -> Range<usize> {
        let w = &self.words;
        let Some(k) = w.iter().position(|x| x.0 == span.start) else {
            return span;
        };
        let mut first = k;
        while first > 0
            && k - first < before
            && !w[first - 1].4
            && !self.punctuation_between(first - 1)
        {
            first -= 1;
        }
        let mut last = k;
        while last + 1 < w.len()
            && last - k < after
            && !w[last + 1].4
            && !self.punctuation_between(last)
        {
            last += 1;
        }
        w[first].0..w[last].1
    }

    /// Is there punctuation between word `k` and the next?
    fn punctuation_between(&self, k: usize) -> bool {
        self.words
            .get(k + 1)
            .is_some_and(|next| is_punctuation(&self.text[self.words[k].1..next.0]))
    }

    /// All these stems somewhere in the text: the span from the first to the last.
    pub fn all_anywhere(&self, stems: &[String]) -> Option<Range<usize>> {
        if stems.is_empty() {
            return None;
        }
        let mut span: Option<Range<usize>> = None;
        for s in stems {
            let r = self.words.iter().find(|x| !x.4 && x.3 == *s)?;
            span = Some(match span {
                None => r.0..r.1,
                Some(sp) => sp.start.min(r.0)..sp.end.max(r.1),
            });
        }
        span
    }

    /// Is one of these (lower-case) words in the text?
    pub fn has_any_word(&self, words: &[&str]) -> bool {
        self.words.iter().any(|x| words.contains(&x.2.as_str()))
    }

    /// Byte span of `r` written as it is (any case, hyphen or space, a plural -s/-es/-ies
    /// on the last word): the strict test for forbidden renderings, where stem matching
    /// would confuse 'sustained' with 'sustainable'.
    pub fn find_exact(&self, r: &Rendering) -> Option<(usize, usize)> {
        let target = lowercase_words(&r.text);
        let w = &self.words;
        if target.is_empty() || target.len() > w.len() {
            return None;
        }
        (0..=w.len() - target.len()).find_map(|i| {
            let last = target.len() - 1;
            let same = target.iter().enumerate().all(|(k, t)| {
                let x = &w[i + k].2;
                x == t
                    || (k == last
                        && (x.strip_suffix('s') == Some(t.as_str())
                            || x.strip_suffix("es") == Some(t.as_str())
                            || (t.ends_with('y') && x.strip_suffix("ies") == t.strip_suffix('y'))))
            });
            same.then(|| (w[i].0, w[i + last].1))
        })
    }

    /// Byte span of the first occurrence of `r`: the full stem sequence, else the
    /// content-word sequence with function words skipped, else the joined spelling.
    pub fn find_span(&self, r: &Rendering) -> Option<(usize, usize)> {
        self.find_match(r).map(|(_, span)| span)
    }

    /// Like [`EnglishText::find_span`], with how loosely it matched: 0 the words
    /// themselves, 1 content words in order, 2 content words in any order, 3 the
    /// joined spelling. Of two renderings found, the stricter match is the one used
    /// ('all Party members' is not 'all other members of the Party').
    pub fn find_match(&self, r: &Rendering) -> Option<(u8, (usize, usize))> {
        let w = &self.words;
        if !r.stems.is_empty() && r.stems.len() <= w.len() {
            for i in 0..=w.len() - r.stems.len() {
                if r.stems.iter().zip(&w[i..]).all(|(s, x)| *s == x.3) {
                    return Some((0, (w[i].0, w[i + r.stems.len() - 1].1)));
                }
            }
        }
        if !r.content.is_empty() && r.content.len() < r.stems.len() {
            let content: Vec<usize> = (0..w.len()).filter(|&k| !w[k].4).collect();
            if r.content.len() <= content.len() {
                for i in 0..=content.len() - r.content.len() {
                    let idx = &content[i..i + r.content.len()];
                    // The content words must stay close: at most two function words between.
                    let tight = idx.windows(2).all(|p| p[1] - p[0] <= 3);
                    if tight && r.content.iter().zip(idx).all(|(s, &k)| *s == w[k].3) {
                        return Some((1, (w[idx[0]].0, w[idx[idx.len() - 1]].1)));
                    }
                }
            }
        }
        if let Some(span) = self.find_loose(r) {
            return Some((ANY_ORDER, span));
        }
        // The same letters with the words divided otherwise: 'cyber space' or
        // 'cyber-space' for 'cyberspace', 'cybersecurity' for 'cyber security'.
        let joined = |x: &str| x == r.joined || x.strip_suffix('s') == Some(r.joined.as_str());
        if r.stems.len() > 1 {
            for x in w {
                if joined(&x.2) {
                    return Some((JOINED_SPELLING, (x.0, x.1)));
                }
            }
        } else if r.joined.len() >= 6 {
            for pair in w.windows(2).chain(w.windows(3)) {
                if r.joined.starts_with(&pair[0].2) {
                    let glued: String = pair.iter().map(|x| x.2.as_str()).collect();
                    let last = &pair[pair.len() - 1];
                    if joined(&glued) && !self.text[pair[0].1..pair[1].0].contains([',', '.']) {
                        return Some((JOINED_SPELLING, (pair[0].0, last.1)));
                    }
                }
            }
        }
        None
    }

    /// Is a word of this stem (or a loose variant of it) in the text?
    pub fn has_stem(&self, stem: &str) -> bool {
        self.words.iter().any(|x| !x.4 && loose_eq(stem, &x.3))
    }

    /// The head word of `r` used as a short reference: after a determiner or
    /// possessive, with nothing between but other words of `r` ('our nation', 'this
    /// path', 'its leadership', 'the guiding principles'). Returns the phrase.
    pub fn short_reference(&self, r: &Rendering) -> Option<&'a str> {
        const DETERMINERS: &[&str] = &[
            "the", "this", "that", "these", "those", "its", "our", "their", "his", "her", "an",
            "a", "such",
        ];
        let head = r.head()?;
        let w = &self.words;
        (1..w.len()).find_map(|k| {
            if w[k].4 || !loose_eq(head, &w[k].3) {
                return None;
            }
            let mut j = k - 1;
            while j > 0 && !w[j].4 && r.content.contains(&w[j].3) {
                j -= 1;
            }
            DETERMINERS
                .contains(&w[j].2.as_str())
                .then(|| &self.text[w[j].0..w[k].1])
        })
    }

    /// Are all the stems found within a window of a few words?
    pub fn all_close(&self, stems: &[String]) -> bool {
        self.all_close_span(stems).is_some()
    }

    /// [`EnglishText::all_close`], with the span of the words found.
    pub fn all_close_span(&self, stems: &[String]) -> Option<Range<usize>> {
        if stems.is_empty() {
            return None;
        }
        let alternatives: Vec<Vec<String>> = stems.iter().map(|s| vec![s.clone()]).collect();
        let found = self.one_of_each_close(&alternatives)?;
        let spans: Vec<Range<usize>> = found.iter().map(|s| self.span_of(s)).collect();
        let start = spans.iter().map(|r| r.start).min()?;
        let end = spans.iter().map(|r| r.end).max()?;
        Some(start..end)
    }

    /// One word for a stem of each set, all within a window of a few words: the
    /// words found.
    pub fn one_of_each_close(&self, sets: &[Vec<String>]) -> Option<Vec<&'a str>> {
        let w = &self.words;
        let window = 2 * sets.len() + 3;
        (0..w.len()).find_map(|i| {
            let end = (i + window).min(w.len());
            sets.iter()
                .map(|set| {
                    (i..end)
                        .find(|&k| !w[k].4 && set.iter().any(|s| loose_eq(s, &w[k].3)))
                        .map(|k| &self.text[w[k].0..w[k].1])
                })
                .collect()
        })
    }

    /// A heading rather than a sentence: no closing punctuation and its longer words
    /// capitalised ('Realize Youthful Dreams'). Headings are worded freely.
    pub fn is_heading(&self) -> bool {
        self.heading
    }

    /// `r` written with one word misspelt: same words but one, which is at most two
    /// edits from the rendering's (of six letters or more): 'properous' for
    /// 'prosperous'. Returns the English words.
    /// A word `is_word` knows (a dictionary's English) is another word, not a slip:
    /// 'socialist' for 'socialism'.
    pub fn misspelt(&self, r: &Rendering, is_word: impl Fn(&str) -> bool) -> Option<&'a str> {
        self.window_where(r, |target, window| {
            let differ: Vec<(&String, &String)> = target
                .iter()
                .zip(window)
                .filter(|(t, x)| **t != x.2 && term_stem(t) != x.3)
                .map(|(t, x)| (t, &x.2))
                .collect();
            // One slip in a word of six letters or more, two in one of ten or more:
            // 'devlopment', 'properous'; not 'granddad' for 'grandma'.
            let typo = |(t, x): (&String, &String)| {
                let n = t.chars().count();
                let allowed = if n >= 10 { 2 } else { 1 };
                n >= 6 && strsim::levenshtein(t, x) <= allowed
            };
            differ.len() == 1
                && typo(differ[0])
                && !is_word(differ[0].1)
                && !another_form(differ[0].0, differ[0].1)
        })
        .map(|span| &self.text[span])
    }

    /// `r` with a word in another form by its ending ('hypoglycaemic events' for
    /// 'hypoglycaemia' before 事件): the approved wording made to fit the sentence.
    pub fn other_form(&self, r: &Rendering) -> Option<Range<usize>> {
        self.window_where(r, |target, window| {
            let mut changed = false;
            for (t, x) in target.iter().zip(window) {
                if *t == x.2 || term_stem(t) == x.3 {
                    continue;
                }
                if !another_form(t, &x.2) || t.chars().count() < 6 {
                    return false;
                }
                changed = true;
            }
            changed
        })
    }

    /// The first run of as many words as `r` has that `fits` its lower-case words.
    fn window_where(
        &self,
        r: &Rendering,
        fits: impl Fn(&[String], &[(usize, usize, String, String, bool)]) -> bool,
    ) -> Option<Range<usize>> {
        let target = lowercase_words(&r.text);
        let w = &self.words;
        if target.is_empty() || target.len() > w.len() {
            return None;
        }
        (0..=w.len() - target.len()).find_map(|i| {
            let window = &w[i..i + target.len()];
            fits(&target, window).then(|| window[0].0..window[window.len() - 1].1)
        })
    }

    /// Content words of a multi-word rendering in any order within a short window,
    /// stems compared loosely: "standards development" ~ "developing ... standards",
    /// "International Organization for Standardization" ~ "international standards
    /// organizations", "rule-making" ~ "rules can be made".
    fn find_loose(&self, r: &Rendering) -> Option<(usize, usize)> {
        let n = r.content.len();
        if n < 2 {
            return None;
        }
        let w = &self.words;
        let window = loose_window(r);
        for i in 0..w.len() {
            let end = (i + window).min(w.len());
            let mut used = vec![false; end - i];
            let mut last = i;
            let all = r.content.iter().all(|s| {
                let k = (i..end).find(|&k| !used[k - i] && !w[k].4 && loose_eq(s, &w[k].3));
                if let Some(k) = k {
                    used[k - i] = true;
                    last = last.max(k);
                }
                k.is_some()
            });
            if all && used[0] {
                return Some((w[i].0, w[last].1));
            }
        }
        None
    }

    /// The window of words most similar to `r` (normalised Levenshtein ≥ 0.6, one word in
    /// common), as a
    /// hint for a near miss.
    pub fn near(&self, r: &Rendering) -> Option<String> {
        self.nearest(r).map(|(_, s)| self.text[s].to_string())
    }

    /// [`EnglishText::near`] with its similarity and span.
    pub fn nearest(&self, r: &Rendering) -> Option<(f64, Range<usize>)> {
        self.nearest_sharing(r, 1)
    }

    /// A near wording that keeps the rendering's head word or two of its content
    /// words ('data economy' for 'digital economy', 'new development philosophy' for
    /// 'new development concept'): another wording of the term, not a window that
    /// happens to share 'the Party'.
    pub fn near_variant(&self, r: &Rendering) -> Option<Range<usize>> {
        let (_, span) = self.nearest_sharing(r, 2).or_else(|| {
            let head = r.head()?;
            self.nearest(r).filter(|(_, span)| {
                self.words
                    .iter()
                    .any(|x| x.0 >= span.start && x.1 <= span.end && x.3 == head)
            })
        })?;
        Some(span)
    }

    /// `r` written with one of its words changed for a content word, the rest word for
    /// word (same stems) and within a clause ('Party affairs' for 'Party building',
    /// 'socialism with Chinese activities'): the span and the changed word of each. A wrong
    /// word in a rendering keeps the rest of it in place; two changed words are
    /// another wording, not a slip.
    pub fn swapped(&self, r: &Rendering) -> Vec<(Range<usize>, &'a str)> {
        let (n, w) = (r.stems.len(), &self.words);
        if n < 2 || n > w.len() {
            return Vec::new();
        }
        (0..=w.len() - n)
            .filter_map(|i| {
                let window = &w[i..i + n];
                let mut differ = window
                    .iter()
                    .zip(&r.stems)
                    .enumerate()
                    .filter(|(_, (x, s))| **s != x.3);
                let (k, (x, _)) = differ.next()?;
                let content = !x.4 && !x.2.chars().all(|c| c.is_numeric());
                // Punctuation the rendering has itself ('one central task, two basic
                // points') does not end the clause.
                let clause = r.punctuated || (i..i + n - 1).all(|j| !self.punctuation_between(j));
                // What is kept must hold a content word: 'Her brother' is not 'Her Ladyship'.
                let kept = window.iter().enumerate().any(|(j, x)| j != k && !x.4);
                (differ.next().is_none() && content && kept && clause).then(|| {
                    (
                        window[0].0..window[n - 1].1,
                        &self.text[w[i + k].0..w[i + k].1],
                    )
                })
            })
            .collect()
    }

    /// Does `r` occur in the English overlapping `span` (stems compared)?
    pub fn renders_at(&self, span: &Range<usize>, r: &Rendering) -> bool {
        let n = r.stems.len();
        n > 0
            && self.words.windows(n).any(|w| {
                w[0].0 < span.end
                    && w[n - 1].1 > span.start
                    && w.iter().zip(&r.stems).all(|(x, s)| x.3 == *s)
            })
    }

    /// The window most similar to `r` (normalised Levenshtein ≥ 0.6) among those
    /// sharing at least `shared` content words with it.
    fn nearest_sharing(&self, r: &Rendering, shared: usize) -> Option<(f64, Range<usize>)> {
        let n = r.stems.len().max(1);
        let target = r.text.to_lowercase().replace('-', " ");
        let mut best: Option<(f64, Range<usize>)> = None;
        for len in n.saturating_sub(1).max(1)..=n + 1 {
            if len > self.words.len() {
                continue;
            }
            for i in 0..=self.words.len() - len {
                // A window sharing no word with the rendering is a coincidence.
                let shares = self.words[i..i + len]
                    .iter()
                    .filter(|x| !x.4 && r.stems.contains(&x.3))
                    .count()
                    >= shared;
                if !shares {
                    continue;
                }
                let span = &self.text[self.words[i].0..self.words[i + len - 1].1];
                let cand = span.to_lowercase().replace('-', " ");
                let sim = strsim::normalized_levenshtein(&cand, &target);
                if sim >= 0.6 && best.as_ref().is_none_or(|(b, _)| sim > *b) {
                    best = Some((sim, self.words[i].0..self.words[i + len - 1].1));
                }
            }
        }
        best
    }
}

/// Many renderings looked up at once, by their words' stems (any case, inflection,
/// hyphenation): every place in a text where one of them is written, the longest at
/// each place. The HTML report marks glossary renderings with it.
#[derive(Default)]
pub struct RenderingIndex {
    /// First stem -> (all stems, payload), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl RenderingIndex {
    /// Add a rendering with a payload returned with its matches.
    pub fn add(&mut self, text: &str, payload: usize) {
        let r = Rendering::new(text);
        let Some(first) = r.stems.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((r.stems, payload));
        list.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    }

    /// Non-overlapping matches in `en`, left to right, longest at each word: byte span
    /// and payload.
    pub fn find_all(&self, en: &EnglishText) -> Vec<(Range<usize>, usize)> {
        let w = &en.words;
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let hit = self.by_first.get(&w[i].3).and_then(|list| {
                list.iter().find(|(stems, _)| {
                    stems.len() <= w.len() - i && stems.iter().zip(&w[i..]).all(|(s, x)| *s == x.3)
                })
            });
            match hit {
                Some((stems, payload)) => {
                    out.push((w[i].0..w[i + stems.len() - 1].1, *payload));
                    i += stems.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Abbreviations a document defines in brackets after the words they abbreviate
/// ('State-owned enterprises (SOEs)'): the abbreviation is a way of writing the
/// rendering, not a second rendering of the term.
#[derive(Default, Debug)]
pub struct Abbreviations {
    /// Abbreviation as written, and what it stands for.
    defined: Vec<(String, Rendering)>,
}

impl Abbreviations {
    pub fn from_texts<'t>(texts: impl IntoIterator<Item = &'t str>) -> Abbreviations {
        let mut defined: Vec<(String, Rendering)> = Vec::new();
        for text in texts {
            let words = split_words(text);
            for (k, &(start, end, abbr)) in words.iter().enumerate() {
                let bracketed = text[..start].trim_end().ends_with('(')
                    && text[end..].trim_start().starts_with(')');
                let letters = abbr.trim_end_matches('s');
                if !bracketed
                    || !(2..=8).contains(&letters.len())
                    || !letters.chars().all(|c| c.is_ascii_uppercase())
                {
                    continue;
                }
                let short = Rendering::new(abbr);
                // The words just before the bracket whose initials spell it.
                let before = &words[..k];
                let found = (1..=before.len().min(2 * letters.len() + 2))
                    .map(|n| &before[before.len() - n..])
                    .find_map(|run| {
                        let long = &text[run[0].0..run[run.len() - 1].1];
                        let long = Rendering::new(long);
                        short.is_acronym_of(&long).then_some(long)
                    });
                if let Some(long) = found
                    && !defined.iter().any(|(a, _)| a == abbr)
                {
                    defined.push((abbr.to_string(), long));
                }
            }
        }
        Abbreviations { defined }
    }

    /// An abbreviation in `en` that stands for one of `approved`: its index and span.
    pub fn find_for(
        &self,
        en: &EnglishText,
        approved: &[Rendering],
    ) -> Option<(usize, Range<usize>)> {
        self.defined.iter().find_map(|(abbr, long)| {
            let k = approved.iter().position(|r| r.is_variant_of(long))?;
            let singular = abbr.strip_suffix('s').unwrap_or(abbr);
            let at = en.words.iter().find(|x| {
                let w = &en.text[x.0..x.1];
                w == abbr || w == singular || w.strip_suffix('s') == Some(singular)
            })?;
            Some((k, at.0..at.1))
        })
    }
}

/// jieba knows the shipped glossary's terms as words: those are our additions, not
/// evidence that a shorter term inside them is another word.
static SHIPPED_TERMS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::default_glossary_terms().collect());

/// Where a term occurs in a Chinese text.
#[derive(Clone)]
pub struct TermHit {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

impl TermSet {
    /// Terms from glossary entries: rows of the same zh merge; rows whose status is
    /// `forbidden` or `deprecated` give forbidden renderings.
    pub fn from_glossary(entries: &[GlossaryEntry]) -> TermSet {
        let mut set = TermSet::default();
        for e in entries {
            let en: Vec<&str> = e.en.iter().map(String::as_str).collect();
            if matches!(e.status.as_str(), "forbidden" | "deprecated") {
                set.add(&e.zh, &[], &en);
            } else {
                set.add(&e.zh, &en, &[]);
            }
            if let Some(&k) = set.index.get(e.zh.trim()) {
                let source = &mut set.terms[k].source;
                if source.is_none() && !e.source.is_empty() {
                    *source = Some(format!("{} line {}", e.source, e.line));
                }
            }
        }
        set.build()
    }

    /// Add a term (from a glossary or from term extraction); call [`TermSet::build`]
    /// before matching.
    pub fn add(&mut self, zh: &str, approved: &[&str], forbidden: &[&str]) {
        let zh = zh.trim();
        if zh.is_empty() {
            return;
        }
        let k = *self.index.entry(zh.to_string()).or_insert_with(|| {
            self.terms.push(Term {
                zh: zh.to_string(),
                approved: Vec::new(),
                forbidden: Vec::new(),
                source: None,
            });
            self.terms.len() - 1
        });
        let term = &mut self.terms[k];
        for (list, texts) in [
            (&mut term.approved, approved),
            (&mut term.forbidden, forbidden),
        ] {
            for t in texts {
                let r = Rendering::new(t);
                if !r.stems.is_empty() && !list.iter().any(|x| x.text == r.text) {
                    list.push(r);
                }
            }
        }
        self.matcher = None;
    }

    /// The term written `zh`.
    pub fn get(&self, zh: &str) -> Option<&Term> {
        self.index.get(zh).map(|&k| &self.terms[k])
    }

    /// Build the longest-match automaton over all Chinese terms.
    pub fn build(mut self) -> TermSet {
        let patterns: Vec<&str> = self.terms.iter().map(|t| t.zh.as_str()).collect();
        self.matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .ok();
        self
    }

    /// Non-overlapping term occurrences, longest first at each position: 改革 does not
    /// occur inside 改革开放 when that is itself a term.
    pub fn find_terms(&self, zh: &str) -> Vec<TermHit> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.find_iter(zh)
            .map(|h| TermHit {
                term: h.pattern().as_usize(),
                start: h.start(),
                end: h.end(),
            })
            .collect()
    }

    /// Split off hits that are part of a longer word: a jieba token of `zh` (cut knowing the
    /// glossaries' terms) that holds the whole term and more (党员 in 党员干部), one the
    /// term starts inside (国则 in 美国则: 美国 + 则), one that runs a single character
    /// past its end, or three of the term's last characters and the next one forming a
    /// word of jieba's dictionary (中国共产党 in 中国共产党人: 共产党人). Returns the
    /// hits kept and those inside longer words, each with the span of the word.
    pub fn split_inside_words(
        &self,
        zh: &str,
        hits: Vec<TermHit>,
        words: &WordSegmenter,
    ) -> (Vec<TermHit>, Vec<(TermHit, Range<usize>)>) {
        if hits.is_empty() {
            return (hits, Vec::new());
        }
        let tokens = words.tokenize(zh, 0, crate::segment::Lang::Zh);
        // Glossary terms are jieba's words by our doing: no evidence of another word.
        let added = |w: &str| SHIPPED_TERMS.contains(w) || self.index.contains_key(w);
        let is_word = |w: &str| words.jieba().has_word(w) && !added(w);
        let mut kept = Vec::new();
        let mut inside = Vec::new();
        for h in hits {
            // Tokens are in text order: only those overlapping the hit matter.
            let first = tokens.partition_point(|t| t.end <= h.start);
            let holder = tokens[first..]
                .iter()
                .take_while(|t| t.start < h.end)
                .find(|t| {
                    let ours = added(&zh[t.start..t.end]);
                    let holds = t.start <= h.start
                        && t.end >= h.end
                        && t.end - t.start > h.end - h.start
                        && !ours;
                    let starts_inside = t.start < h.start && t.end > h.start && !ours;
                    let suffix = t.start > h.start
                        && t.start < h.end
                        && t.end > h.end
                        && zh[h.end..t.end].chars().count() == 1;
                    holds || starts_inside || suffix
                })
                .map(|t| t.start..t.end);
            let next = zh[h.end..].chars().next().filter(|&c| is_han(c));
            // Three of the term's characters in it at least: a shorter word
            // across the end (小川笑 of 方小川笑道) is a coincidence.
            let suffix_word = || {
                let end = h.end + next?.len_utf8();
                zh[h.start..h.end]
                    .char_indices()
                    .skip(1)
                    .map(|(i, _)| h.start + i..end)
                    .find(|w| zh[w.clone()].chars().count() >= 4 && is_word(&zh[w.clone()]))
            };
            match holder.or_else(suffix_word) {
                Some(word) => inside.push((h, word)),
                None => kept.push(h),
            }
        }
        (kept, inside)
    }

    pub fn find_rendering(&self, en: &EnglishText, r: &Rendering) -> Option<(usize, usize)> {
        en.find_span(r)
    }
}

impl TermSet {
    /// Like [`TermSet::find_terms`], dropping a hit that is only part of a longer
    /// word of the text (`is_word`, e.g. a dictionary look-up): 人民 inside 人民币.
    pub fn find_terms_in_words(&self, zh: &str, is_word: impl Fn(&str) -> bool) -> Vec<TermHit> {
        self.find_terms(zh)
            .into_iter()
            .filter(|h| {
                let after: Vec<usize> = zh[h.end..]
                    .char_indices()
                    .skip(1)
                    .take(2)
                    .map(|(i, _)| h.end + i)
                    .chain(std::iter::once(zh.len()))
                    .take(2)
                    .collect();
                let right = after.iter().any(|&e| e > h.end && is_word(&zh[h.start..e]));
                let left = zh[..h.start]
                    .char_indices()
                    .next_back()
                    .is_some_and(|(i, _)| is_word(&zh[i..h.end]));
                !(right || left)
            })
            .collect()
    }
}

fn loose_eq(a: &str, b: &str) -> bool {
    crate::lexicon::stems_match(a, b)
}

/// English makes one word from another by its ending (hypoglycaemia, hypoglycaemic;
/// economy, economic; socialism, socialist): a word that is `word` with one such
/// ending swapped for its partner is another form of it, not a slip of the pen. Only
/// these pairs: any final letter swapped ('polics' for 'policy') is a slip.
fn another_form(word: &str, other: &str) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("ia", "ic"),
        ("y", "ic"),
        ("y", "ical"),
        ("ic", "ical"),
        ("ics", "ic"),
        ("ism", "ist"),
        ("ence", "ent"),
        ("ance", "ant"),
        ("ion", "ive"),
    ];
    let swapped = |a: &str, b: &str, x: &str, y: &str| {
        a.strip_suffix(x)
            .zip(b.strip_suffix(y))
            .is_some_and(|(ra, rb)| ra == rb && !ra.is_empty())
    };
    PAIRS
        .iter()
        .any(|&(x, y)| swapped(word, other, x, y) || swapped(word, other, y, x))
}

/// The words of `text`, lower-cased: a rendering as the window searches compare it.
fn lowercase_words(text: &str) -> Vec<String> {
    split_words(text)
        .into_iter()
        .map(|(_, _, w)| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(terms: &[(&str, &str)]) -> TermSet {
        let mut s = TermSet::default();
        for (zh, en) in terms {
            s.add(zh, &[en], &[]);
        }
        s.build()
    }

    fn found(s: &TermSet, zh: &str) -> Vec<String> {
        s.find_terms(zh)
            .iter()
            .map(|h| s.terms[h.term].zh.clone())
            .collect()
    }

    #[test]
    fn longest_term_wins() {
        let s = set(&[("改革", "reform"), ("改革开放", "reform and opening up")]);
        assert_eq!(found(&s, "坚持改革开放，深化改革"), ["改革开放", "改革"]);
    }

    #[test]
    fn term_inside_a_longer_word_is_dropped() {
        let s = set(&[("人民", "people")]);
        let words = |w: &str| w == "人民币";
        assert!(s.find_terms_in_words("人民币汇率", words).is_empty());
        assert_eq!(s.find_terms_in_words("人民群众", words).len(), 1);
    }

    #[test]
    fn renderings_match_across_inflection_case_and_hyphens() {
        let m = |r: &str, t: &str| EnglishText::new(t).find_span(&Rendering::new(r)).is_some();
        assert!(m("cross-border data flow", "Cross border data flows grew."));
        assert!(m("platform company", "Platform companies"));
        assert!(m("e-government", "egovernment services"));
        assert!(m(
            "governance of the digital economy",
            "governance of digital economies"
        ));
        assert!(!m("digital economy", "the data economy"));
        assert!(!m("reform", "reformist"));
    }

    #[test]
    fn one_word_changed_keeps_the_rest_word_for_word() {
        let r = Rendering::new("Pearl River Delta");
        let at = |en: &str| -> Vec<String> {
            EnglishText::new(en)
                .swapped(&r)
                .into_iter()
                .map(|(_, word)| word.to_string())
                .collect()
        };
        assert_eq!(
            at("the Pearl River Outlook and the Great River Delta"),
            ["Outlook", "Great"]
        );
        // Two words changed, a clause break, or only a function word kept: no swap.
        assert!(at("the Pearl Valley Outlook").is_empty());
        assert!(at("the Pearl River. Outlook").is_empty());
        let her = Rendering::new("Her Ladyship");
        assert!(
            EnglishText::new("Her brother came")
                .swapped(&her)
                .is_empty()
        );
        assert!(
            EnglishText::new("Her Ladyship came")
                .swapped(&her)
                .is_empty()
        );
    }

    #[test]
    fn near_miss_hint() {
        let en = EnglishText::new("Rules on cross border data flowing apply.");
        let r = Rendering::new("cross-border data flows");
        assert!(en.near(&r).is_some());
    }

    #[test]
    fn a_term_inside_a_longer_jieba_word_is_dropped() {
        let s = set(&[("党员", "Party member"), ("中国共产党", "CPC")]);
        let kept = |zh: &str| -> Vec<String> {
            s.split_inside_words(zh, s.find_terms(zh), WordSegmenter::plain())
                .0
                .iter()
                .map(|h| s.terms[h.term].zh.clone())
                .collect()
        };
        // 党员干部 is one word; 中国共产党人 has a one-character suffix.
        assert!(kept("一些党员干部存在问题").is_empty());
        assert!(kept("几代中国共产党人的理想").is_empty());
        assert_eq!(kept("每个党员都要学习"), ["党员"]);
        assert_eq!(kept("中国共产党的领导"), ["中国共产党"]);
    }

    #[test]
    fn short_references_misspellings_and_heads() {
        let r = Rendering::new("rejuvenation of the Chinese nation");
        assert_eq!(r.head(), Some("rejuven"));
        let nation = Rendering::new("Chinese nation");
        let en = EnglishText::new("Our nation has come a long way.");
        assert_eq!(en.short_reference(&nation), Some("Our nation"));
        // Words of the rendering itself may stand between: 'the Chinese nation'.
        let en = EnglishText::new("The Chinese nation stood up.");
        assert!(en.short_reference(&nation).is_some());
        // Another modifier is another wording, not a short reference.
        let en = EnglishText::new("The data economy grew.");
        assert!(
            en.short_reference(&Rendering::new("digital economy"))
                .is_none()
        );
        let en = EnglishText::new("a moderately properous society in all respects");
        let r = Rendering::new("moderately prosperous society in all respects");
        assert!(en.misspelt(&r, |_| false).is_some());
        // A different short word is a different word, not a typo.
        let en = EnglishText::new("an important part of this road");
        let no_word = |_: &str| false;
        assert!(
            en.misspelt(&Rendering::new("path of this road"), no_word)
                .is_none()
        );
        // ... and so is a word of the language.
        let en = EnglishText::new("a socialisn country");
        let r = Rendering::new("socialism country");
        assert!(en.misspelt(&r, no_word).is_some());
        assert!(en.misspelt(&r, |w| w == "socialisn").is_none());
        // Another form of the word, by its ending, is no slip either; a last letter
        // swapped is.
        let en_slip = EnglishText::new("the security polics");
        assert!(
            en_slip
                .misspelt(&Rendering::new("security policy"), no_word)
                .is_some()
        );
        let en = EnglishText::new("no hypoglycaemic events");
        let r = Rendering::new("hypoglycaemia events");
        assert!(en.misspelt(&r, no_word).is_none());
        let en = EnglishText::new("a socialist country");
        assert!(
            en.misspelt(&Rendering::new("socialism country"), no_word)
                .is_none()
        );
    }

    #[test]
    fn rendering_variants_of_one_family_shortening_or_acronym() {
        let r = Rendering::new;
        assert_eq!(r("socialism").family(), r("socialist").family());
        assert_eq!(
            r("Party's leadership").family(),
            r("leadership of the Party").family()
        );
        assert_ne!(
            r("common prosperity").family(),
            r("shared prosperity").family()
        );
        assert!(r("18th National Congress").is_shortening_of(&r("18th CPC National Congress")));
        assert!(
            !r("Chinese socialism").is_shortening_of(&r("socialism with Chinese characteristics"))
        );
        // Dropping the head is another rendering, not a shorter one.
        assert!(!r("peaceful development").is_shortening_of(&r("path of peaceful development")));
        assert!(r("PRC").is_acronym_of(&r("People's Republic of China")));
        assert!(!r("PRC").is_acronym_of(&r("Chinese Republic")));
        assert!(r("AI ethics").is_acronym_of(&r("ethics of artificial intelligence")));
        assert!(!r("AI ethics").is_acronym_of(&r("ethics of applied informatics law")));
    }
}
