//! Monolingual term candidates over a bead collection, for both languages:
//!
//! - Chinese ([`chinese`]): runs of 1–4 jieba tokens inside one stretch of text without
//!   punctuation (、 and 《》 included), no function word at either edge; runs of 5–8
//!   tokens when they are made of dictionary words and recur; every `《…》` title is a
//!   candidate of its own, and so is an acronym in capitals (GIS). A verb before a term
//!   of its own and a lone adjective or adverb stay tentative ([`Reading`]): the
//!   pairing decides by their rendering.
//! - English ([`english`]): runs of 1–8 words inside one stretch without punctuation,
//!   no stop word at either edge (a particle such as *up* may close a phrasal verb),
//!   grouped over case, hyphenation and word endings (a Porter2 stem per word); the
//!   most frequent surface form is shown.
//!
//! Both sides get a frequency, their bead ids and a C-value (Frantzi et al. 2000):
//! a candidate nested in longer candidates only counts the occurrences it has on its
//! own, so 深化改革 inside 全面深化改革 is not credited twice. Chinese candidates also get
//! a termhood against general language from jieba's dictionary frequencies.
//!
//! ```
//! use bitext::glossary::candidates::chinese;
//! use bitext::segment::words::WordSegmenter;
//! use bitext::glossary::Params;
//! let beads = ["全面深化改革", "全面深化改革，推进改革"];
//! let set = chinese(&beads, 1, WordSegmenter::plain(), &Params::default());
//! assert!(set.get("全面深化改革").is_some());
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use unicode_segmentation::UnicodeSegmentation;

use super::Params;

pub(crate) use crate::lexicon::is_zh_function_word;
use crate::lexicon::{Dictionary, english_stem, is_english_stopword};
use crate::script::is_han;
use crate::segment::words::{WordSegmenter, normalize_key};

/// One term candidate, counted over the beads.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Match key (Chinese: the text, NFKC; English: folded word keys joined by spaces).
    pub key: String,
    /// The most frequent surface form (ties: the first seen).
    pub display: String,
    /// Token keys; their count is the candidate's length.
    pub parts: Vec<String>,
    /// Occurrences in the text.
    pub freq: usize,
    /// Indexes of the beads it occurs in, ascending, each once.
    pub beads: Vec<usize>,
    /// C-value: log2(1 + length) × occurrences not explained by longer candidates.
    pub cvalue: f64,
    /// ln(rate in the document / rate in general language); 0 where not computed.
    pub termhood: f64,
    /// English candidates: occurrences with a content word right after, as a modifier
    /// ("young people", "Chinese characteristics", "Five-Year Plan").
    pub premodifier: usize,
    /// What the Chinese words alone suggest the candidate is when that may not be a
    /// term; the translation decides ([`Reading`]).
    pub reading: Reading,
    /// Surface forms seen and how often: few per candidate, so a list.
    surfaces: Vec<(String, usize)>,
    /// (bead, index into `surfaces`) of every occurrence: 'developing' and 'developed'
    /// share a stem key, so the form to show depends on which beads are looked at.
    /// Eight bytes an occurrence, not a copy of its text: a long document has millions.
    occurrences: Vec<(u32, u32)>,
}

impl Candidate {
    /// The most frequent surface form in `beads` (ascending bead indexes), else the
    /// overall display form. A glossary cites a verb phrase in its base form: a phrase
    /// led by a gerund ('seeking truth from facts') gives way to the same words led by
    /// the bare verb ('seek truth from facts') where the text has both.
    pub fn display_in(&self, beads: &[usize]) -> String {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for &(b, form) in &self.occurrences {
            if beads.binary_search(&(b as usize)).is_ok() {
                *counts
                    .entry(self.surfaces[form as usize].0.as_str())
                    .or_default() += 1;
            }
        }
        let gerund_led = |s: &str| {
            let mut words = s.split_whitespace();
            let first = words.next();
            words.next().is_some()
                && first.is_some_and(|w| w.len() > 5 && w.to_lowercase().ends_with("ing"))
        };
        counts
            .into_iter()
            .max_by(|a, b| {
                gerund_led(b.0)
                    .cmp(&gerund_led(a.0))
                    .then_with(|| a.1.cmp(&b.1))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map_or_else(|| self.display.clone(), |(s, _)| s.to_string())
    }
}

/// Is every content word of an English surface form capitalised ('People's Republic of
/// China', 'CPC'), as English writes names?
pub fn written_as_name(surface: &str) -> bool {
    let mut content = surface
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty() && !is_english_stopword(&w.to_lowercase()))
        .peekable();
    content.peek().is_some() && content.all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

impl Candidate {
    /// Share of the occurrences in `beads` (ascending bead indexes) written as a name.
    /// Capitals say something only inside a sentence: occurrences at the start of one,
    /// and in beads `skip` says nothing of (title-cased headings), are left out.
    pub fn name_share_in<'t>(
        &self,
        beads: &[usize],
        text: impl Fn(usize) -> &'t str,
        skip: impl Fn(usize) -> bool,
    ) -> f64 {
        let (mut named, mut all) = (0usize, 0usize);
        for &(b, form) in &self.occurrences {
            let b = b as usize;
            if beads.binary_search(&b).is_err() || skip(b) {
                continue;
            }
            let surface = self.surfaces[form as usize].0.as_str();
            let en = text(b);
            let inside = en.match_indices(surface).any(|(at, _)| {
                !opens_sentence(&en[..at]) && !inside_longer_name(en, at..at + surface.len())
            });
            if !inside {
                continue;
            }
            all += 1;
            if written_as_name(surface) {
                named += 1;
            }
        }
        if all == 0 {
            0.0
        } else {
            named as f64 / all as f64
        }
    }
}

/// Is the English at `span` part of a longer name, a capitalised word right before it
/// or after it ('Three Represents', 'CPC Central Committee', 'People's Republic of
/// China')? The capitals are the longer name's.
fn inside_longer_name(en: &str, span: std::ops::Range<usize>) -> bool {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let before = en[..span.start]
        .strip_suffix([' ', '-'])
        .and_then(|b| b.split([' ', '-']).next_back())
        .filter(|w| !opens_sentence(&en[..span.start - w.len() - 1]));
    let mut after = en[span.end..]
        .strip_prefix([' ', '-'])
        .into_iter()
        .flat_map(|a| a.split([' ', '-']));
    let next = after.next().unwrap_or_default();
    before.is_some_and(capitalised)
        || capitalised(next)
        || matches!(next, "of" | "for" | "and") && after.next().is_some_and(capitalised)
}

/// One-character suffixes that make a noun of the word before them: 者 '-er', 性
/// '-ness', 率 'rate'.
const ZH_BOUND_SUFFIXES: &[char] = &['者', '性', '率'];

/// Is `c` one of [`ZH_BOUND_SUFFIXES`]?
pub(crate) fn is_bound_suffix(c: char) -> bool {
    ZH_BOUND_SUFFIXES.contains(&c)
}

/// Does a word right after `before` open a sentence (nothing before it but quotes,
/// brackets, a list mark or a heading's number in digits ('3.2', '(2)'), back to the
/// text's start or a full stop)?
pub fn opens_sentence(before: &str) -> bool {
    let rest = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '—' | '–' | '-')
    });
    let heading_number = !rest.is_empty()
        && rest.len() <= 12
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '(' | ')' | ' '))
        && rest.starts_with(|c: char| c.is_ascii_digit() || c == '(');
    rest.is_empty() || heading_number || rest.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A Chinese candidate whose words suggest a phrase rather than a term. jieba's tags
/// come from general text: 期望 "to expect" leads 期望收益 "expected returns", 偏好
/// "preference" is tagged an adverb; so the rendering has the last word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    #[default]
    Term,
    /// A verb with a term of its own as object (实现 + 中国梦): what the text does with
    /// the term, unless the translation names one thing.
    VerbAndObject,
    /// A lone adjective or adverb (坚定 "firm"): a description, unless the
    /// translation renders it by a noun.
    Description,
    /// A word jieba tags an adverb before a noun (永久 + 基本农田): Chinese adverbs
    /// modify no noun, so the tag is wrong where one of the word's one-word dictionary
    /// glosses stands before the rendering's head ("permanent basic farmland",
    /// "protected natural areas"), and the phrase is a clause otherwise (就是 + a name).
    AdverbBeforeNoun,
    /// A time word, or a phrase ending in one (晚上 "evening", 后来 "later", 那天晚上):
    /// it points to a time of the text, as a pronoun points to a person. No term
    /// (those the text is about are read as terms: `settle_time_words`).
    Time,
}

/// All candidates of one language, with the candidates of every bead.
#[derive(Debug, Default)]
pub struct CandidateSet {
    pub list: Vec<Candidate>,
    index: HashMap<String, usize>,
    /// Per bead: ids of the candidates in it, each once.
    pub per_bead: Vec<Vec<usize>>,
    /// Tokens in the whole text (the denominator of document rates).
    pub tokens: usize,
    /// Chinese: the median termhood of the one-word candidates, what is typical of a
    /// word of this text (a phrase's general frequency is a guess from its words).
    pub median_word_termhood: f64,
}

impl CandidateSet {
    pub fn get(&self, key: &str) -> Option<&Candidate> {
        self.index.get(key).map(|&i| &self.list[i])
    }

    pub fn id(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    fn add(&mut self, bead: usize, parts: Vec<String>, key: String, surface: &str) {
        let id = match self.index.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.list.len();
                self.index.insert(key.clone(), id);
                self.list.push(Candidate {
                    key,
                    display: surface.to_string(),
                    parts,
                    freq: 0,
                    beads: Vec::new(),
                    cvalue: 0.0,
                    termhood: 0.0,
                    premodifier: 0,
                    reading: Reading::Term,
                    surfaces: Vec::new(),
                    occurrences: Vec::new(),
                });
                id
            }
        };
        let c = &mut self.list[id];
        c.freq += 1;
        if c.beads.last() != Some(&bead) {
            c.beads.push(bead);
        }
        let form = match c.surfaces.iter().position(|(s, _)| s == surface) {
            Some(form) => form,
            None => {
                c.surfaces.push((surface.to_string(), 0));
                c.surfaces.len() - 1
            }
        };
        c.surfaces[form].1 += 1;
        c.occurrences.push((bead as u32, form as u32));
    }

    /// Keep candidates seen at least `min_freq` times, pick display forms, index beads.
    fn finish(
        mut self,
        keep: impl Fn(&Candidate) -> bool,
        joiner: &str,
        beads: usize,
        dictionary: Option<&Dictionary>,
        words: Option<&WordSegmenter>,
        params: &Params,
    ) -> CandidateSet {
        self.list.retain(keep);
        self.reindex(beads);
        for c in &mut self.list {
            let best = c
                .surfaces
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
            if let Some((s, _)) = best {
                c.display = s.clone();
            }
        }
        self.compute_cvalues(joiner, dictionary, words, params);
        self
    }

    /// Rebuild the key index and the per-bead lists after candidates were dropped.
    fn reindex(&mut self, beads: usize) {
        self.index = self
            .list
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.clone(), i))
            .collect();
        self.per_bead = vec![Vec::new(); beads];
        for (id, c) in self.list.iter().enumerate() {
            for &b in &c.beads {
                self.per_bead[b].push(id);
            }
        }
    }

    /// `words`: Chinese word segmentation, to count a candidate inside the words of
    /// longer ones (English candidates need none).
    fn compute_cvalues(
        &mut self,
        joiner: &str,
        dictionary: Option<&Dictionary>,
        words: Option<&WordSegmenter>,
        params: &Params,
    ) {
        let n = self.list.len();
        let mut nested_sum = vec![0usize; n];
        let mut nested_n = vec![0usize; n];
        let mut seen = HashSet::default();
        // A phrase that may be free (a verb and its object) credits no term inside it.
        let containers = self
            .list
            .iter()
            .filter(|c| c.freq >= params.nesting_min_freq && c.reading == Reading::Term);
        for c in containers {
            seen.clear();
            let len = c.parts.len();
            for i in 0..len {
                for j in i + 1..=len {
                    if j - i == len {
                        continue;
                    }
                    let sub = c.parts[i..j].join(joiner);
                    if let Some(&a) = self.index.get(&sub)
                        && seen.insert(a)
                    {
                        nested_sum[a] += c.freq;
                        nested_n[a] += 1;
                    }
                }
            }
            if let Some(words) = words.filter(|_| joiner.is_empty()) {
                for part in &c.parts {
                    for w in inner_words(part, dictionary, words, params) {
                        if let Some(&a) = self.index.get(w)
                            && seen.insert(a)
                        {
                            nested_sum[a] += c.freq;
                            nested_n[a] += 1;
                        }
                    }
                }
            }
        }
        for (i, c) in self.list.iter_mut().enumerate() {
            let weight = (1.0 + c.parts.len() as f64).log2();
            let own = if nested_n[i] == 0 {
                c.freq as f64
            } else {
                c.freq as f64 - nested_sum[i] as f64 / nested_n[i] as f64
            };
            c.cvalue = weight * own;
        }
    }
}

/// Is `word` two words joined by a conjunction, kept whole by jieba (党和人民)? The
/// conjunction must not be part of a word on either side (文明和谐 holds 和谐).
fn joined_list(word: &str, words: &WordSegmenter) -> bool {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len().saturating_sub(1)).any(|k| {
        let c = chars[k].to_string();
        let (x, y): (String, String) =
            (chars[..k].iter().collect(), chars[k + 1..].iter().collect());
        ZH_CONJUNCTIONS.contains(&c.as_str())
            && words.jieba().has_word(&x)
            && words.jieba().has_word(&y)
            && !words.jieba().has_word(&format!("{}{c}", chars[k - 1]))
            && !words.jieba().has_word(&format!("{c}{}", chars[k + 1]))
    })
}

/// Conjunctions that join two words into a list.
const ZH_CONJUNCTIONS: &[&str] = &["和", "与", "及", "或", "同", "跟", "而"];

/// Forms of address after a name (邓小平同志 "Deng Xiaoping"): the name is the term.
const ZH_FORMS_OF_ADDRESS: &[&str] = &["同志", "先生", "女士"];

/// Total frequency of jieba's default dictionary (dict.txt): the denominator of a
/// word's general-language rate. jieba-rs keeps it private; an error here only shifts
/// every termhood by the same constant.
const JIEBA_DICT_TOTAL: f64 = 60_101_967.0;

/// Stretches of text between punctuation: Han characters, letters and digits.
fn zh_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(is_han(c) || c.is_alphanumeric()))
        .filter(|s| !s.is_empty())
}

/// The contents of every closed `《…》` (or `〈…〉`) title in `text`.
fn zh_titles(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['《', '〈']) {
        let after = &rest[open + '《'.len_utf8()..];
        match after.find(['》', '〉', '《']) {
            Some(close) if after[close..].starts_with(['》', '〉']) => {
                let title = after[..close].trim();
                if title.chars().filter(|&c| is_han(c)).count() >= 2 {
                    out.push(title);
                }
                rest = &after[close..];
            }
            Some(close) => rest = &after[close..],
            None => break,
        }
    }
    out
}

/// Dictionary words of 2+ Han characters inside a jieba token of 4+ characters: jieba's
/// words, and the dictionary's of 4+ characters.
fn inner_words<'w>(
    word: &'w str,
    dictionary: Option<&Dictionary>,
    words: &WordSegmenter,
    params: &Params,
) -> Vec<&'w str> {
    if word.chars().count() < 4 {
        return Vec::new();
    }
    inner_spans(word, 2, usize::MAX)
        .into_iter()
        .filter(|&(start, end, w)| {
            let suffixed = word.chars().nth(end).is_some_and(is_bound_suffix);
            w.chars().all(is_han)
                && !suffixed
                && !is_zh_function_word(w)
                && (words.jieba().has_word(w)
                    || end - start >= params.dictionary_inner_min_chars
                        && dictionary.is_some_and(|d| d.contains(w)))
        })
        .map(|(_, _, w)| w)
        .collect()
}

/// The substrings of `word` shorter than it, of `min..=max` characters, in order of
/// where they start and then of length, with the characters each spans.
pub(crate) fn inner_spans(word: &str, min: usize, max: usize) -> Vec<(usize, usize, &str)> {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    let chars = bounds.len() - 1;
    let mut out = Vec::new();
    for i in 0..chars {
        for j in i + min.max(1)..=chars.min(i.saturating_add(max)) {
            if j - i < chars {
                out.push((i, j, &word[bounds[i]..bounds[j]]));
            }
        }
    }
    out
}

/// A number (2.7, 1,000, 15%, or in capital Roman numerals: 'Part II'), which renders
/// a number, not a term: it neither starts nor ends an English candidate.
fn is_english_number(word: &str) -> bool {
    !word.chars().any(char::is_alphabetic)
        || (word.len() >= 2 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Chinese candidates of each bead text (`beads[i]` is bead i).
pub fn chinese<S: AsRef<str>>(
    beads: &[S],
    min_freq: usize,
    words: &WordSegmenter,
    params: &Params,
) -> CandidateSet {
    chinese_with_dictionary(beads, min_freq, None, words, params)
}

/// [`chinese`], where the dictionary's words of 4+ characters inside a jieba token are
/// candidates too (jieba keeps 香港特别行政区 whole; 特别行政区 is a term of its own).
pub fn chinese_with_dictionary<S: AsRef<str>>(
    beads: &[S],
    min_freq: usize,
    dictionary: Option<&Dictionary>,
    words: &WordSegmenter,
    params: &Params,
) -> CandidateSet {
    let mut set = CandidateSet::default();
    for (b, text) in beads.iter().enumerate() {
        let text = text.as_ref();
        for title in zh_titles(text) {
            let parts: Vec<String> = zh_runs(title)
                .flat_map(|run| words.jieba().cut(run, true))
                .map(|t| normalize_key(t.word))
                .collect();
            // A one-word title is also an ordinary candidate; counting it twice would lie.
            if parts.len() > 1 {
                set.add(b, parts, normalize_key(title), title);
            }
        }
        for run in zh_runs(text) {
            let tokens = words.jieba().cut(run, true);
            let in_dict: Vec<bool> = tokens
                .iter()
                .map(|t| words.jieba().has_word(t.word))
                .collect();
            set.tokens += tokens.len();
            for i in 0..tokens.len() {
                for n in 1..=params.zh_max_tokens {
                    let Some(gram) = tokens.get(i..i + n) else {
                        break;
                    };
                    if n > params.zh_short_max_tokens && !in_dict[i..i + n].iter().all(|&d| d) {
                        break;
                    }
                    let (first, last) = (gram[0].word, gram[n - 1].word);
                    // A bound suffix jieba left apart makes a new word with what stands
                    // before it (数据处理 + 者 'data processor', 重要 + 性): no
                    // candidate ends right before one.
                    let suffixed = tokens.get(i + n).is_some_and(|t| {
                        let mut chars = t.word.chars();
                        chars.next().is_some_and(is_bound_suffix) && chars.next().is_none()
                    });
                    if suffixed
                        || is_zh_function_word(first)
                        || is_zh_function_word(last)
                        || ZH_FORMS_OF_ADDRESS.contains(&last)
                        || is_number(first)
                        || is_number(last)
                        // 第 opens an ordinal: a run ending in it was cut before its number.
                        || last == "第"
                    {
                        continue;
                    }
                    let surface = &run[gram[0].byte_start..gram[n - 1].byte_end];
                    if surface.chars().filter(|&c| is_han(c)).count() < 2
                        && !(n == 1 && is_acronym(surface))
                    {
                        continue;
                    }
                    let parts = gram.iter().map(|t| normalize_key(t.word)).collect();
                    set.add(b, parts, normalize_key(surface), surface);
                }
                // jieba keeps some phrases whole (各级党委, 全球数字治理); the
                // dictionary words inside them are candidates too.
                for w in inner_words(tokens[i].word, dictionary, words, params) {
                    set.add(b, vec![normalize_key(w)], normalize_key(w), w);
                }
            }
        }
    }
    let (free, tentative) = free_phrases(&set, dictionary, words, params);
    for c in &mut set.list {
        if let Some(&reading) = tentative.get(&c.key) {
            c.reading = reading;
        }
    }
    let keep = |c: &Candidate| {
        let loose = c.parts.len() > params.zh_short_max_tokens || c.parts.iter().any(|p| p == "的");
        c.freq >= min_freq.max(1)
            && (!loose || c.freq >= params.zh_long_min_freq)
            && !free.contains(&c.key)
    };
    let mut set = set.finish(keep, "", beads.len(), dictionary, Some(words), params);
    let doc_tokens = set.tokens.max(1) as f64;
    for c in &mut set.list {
        // jieba's suggest_freq: the word's own count, or for a phrase the count its
        // parts would give it if they were independent.
        let general = words.jieba().suggest_freq(&c.display).max(1) as f64;
        c.termhood = ((c.freq as f64 / doc_tokens) / (general / JIEBA_DICT_TOTAL)).ln();
    }
    let mut termhoods: Vec<f64> = set
        .list
        .iter()
        .filter(|c| c.parts.len() == 1)
        .map(|c| c.termhood)
        .collect();
    termhoods.sort_by(f64::total_cmp);
    set.median_word_termhood = termhoods.get(termhoods.len() / 2).copied().unwrap_or(0.0);
    settle_time_words(&mut set);
    set
}

/// A time word names a concept only where it is more typical of this text than its
/// words mostly are (周期 "period" in physics, not 晚上 "night" in a novel); a phrase
/// ending in one is judged by it, as the words before it (张三那天晚上) say nothing
/// about the time word. Those that pass are terms; the others stay [`Reading::Time`].
fn settle_time_words(set: &mut CandidateSet) {
    let word_termhood: HashMap<String, f64> = set
        .list
        .iter()
        .filter(|c| c.parts.len() == 1)
        .map(|c| (c.key.clone(), c.termhood))
        .collect();
    let median = set.median_word_termhood;
    for c in &mut set.list {
        if c.reading != Reading::Time {
            continue;
        }
        let time_word = &c.parts[c.parts.len() - 1];
        let termhood = word_termhood.get(time_word).copied().unwrap_or(c.termhood);
        // A time word that starts with a number of months, days, hours or years is a
        // date or a clock time (九月底 "the end of September", 十年代), however rare: no
        // concept (七夕, 五一 name festivals).
        let numerals = time_word
            .chars()
            .take_while(|&c| crate::numbers::is_zh_numeral(c))
            .count();
        let dated = numerals > 0
            && time_word
                .chars()
                .nth(numerals)
                .is_some_and(|c| matches!(c, '月' | '日' | '号' | '点' | '时' | '年'));
        if termhood >= median && !dated {
            c.reading = Reading::Term;
        }
    }
}

/// Does jieba tag `word`, as one token, a noun of some kind (n, nz, ns, nt, ...)?
/// jieba keeps many verb phrases whole (热爱生活, 不怕困难): their tags say so.
pub(crate) fn is_noun(word: &str, words: &WordSegmenter) -> bool {
    matches!(words.jieba().tag(word, false).as_slice(), [t] if t.word == word && t.tag.starts_with('n'))
}

/// jieba's part-of-speech tag of one word ("" when jieba cuts it further).
pub(crate) fn zh_tag(word: &str, words: &WordSegmenter) -> &'static str {
    match words.jieba().tag(word, false).as_slice() {
        [t] if t.word == word => match t.tag {
            "v" => "v",
            "vn" => "vn",
            "d" => "d",
            "a" => "a",
            "ad" => "ad",
            "m" => "m",
            "t" => "t",
            "c" => "c",
            "z" => "z",
            "r" => "r",
            "p" => "p",
            "f" => "f",
            "i" => "i",
            "l" => "l",
            "u" => "u",
            "y" => "y",
            "e" => "e",
            _ => "",
        },
        _ => "",
    }
}

/// Keys of candidates that are free phrases rather than terms:
///
/// - anything an adverb leads (紧紧依靠人民), an adjective with 的 (新的历史), a
///   term with 的 that mostly goes without it (中华民族伟大复兴的目标);
/// - two words joined by a conjunction (党和人民, 加强和改善): a list;
/// - anything a conjunction leads (因此 "therefore", 只是 "only"), or a demonstrative
///   (这时 "at this moment"); anything a status word ends or leads (直挺挺 "bolt
///   upright"): a reference or a description;
/// - anything a one-character verb ends (老师说 "the teacher said"), anything with the
///   aspect particle 了 or 着 (跑了起来 "started running"): a clause;
///
/// and those whose translation decides ([`Reading`]):
///
/// - a verb before a term that mostly occurs without it (实现 + 中国梦, 坚持 +
///   实事求是). Verbs that modify a noun (执政 + 水平) stay, as their nouns are no
///   terms of their own;
/// - a lone adjective or adverb (坚定 "firm", 和谐 "harmonious").
fn free_phrases(
    set: &CandidateSet,
    dictionary: Option<&Dictionary>,
    words: &WordSegmenter,
    params: &Params,
) -> (HashSet<String>, HashMap<String, Reading>) {
    let mut out = HashSet::default();
    let mut tentative = HashMap::default();
    // Tagging cuts the word again: once per distinct word.
    let mut tags: HashMap<&str, &'static str> = HashMap::default();
    for c in &set.list {
        let first = *tags
            .entry(c.parts[0].as_str())
            .or_insert_with(|| zh_tag(&c.parts[0], words));
        // Two words joined by a conjunction are a list, not a name (党和人民 "the
        // Party and the people", 加强和改善): each word is a candidate of its own.
        if c.parts.len() == 3 && ZH_CONJUNCTIONS.contains(&c.parts[1].as_str())
            || c.parts.len() == 1 && joined_list(&c.key, words)
        {
            out.insert(c.key.clone());
            continue;
        }
        // A conjunction joins clauses (因为 "because", 只是 "only"): nothing it leads is
        // a term.
        if first == "c" {
            out.insert(c.key.clone());
            continue;
        }
        let last = *tags
            .entry(c.parts[c.parts.len() - 1].as_str())
            .or_insert_with(|| zh_tag(&c.parts[c.parts.len() - 1], words));
        // Head-final: a phrase ending in a time word names a time (星期天晚上 "Sunday
        // night"); one before a noun (当代建筑) modifies it.
        let time = last == "t";
        // A demonstrative points to what the text has named (这时 "at this moment", 那些
        // "those"): nothing it leads is a name.
        if first == "r" && c.key.starts_with(['这', '那']) {
            out.insert(c.key.clone());
            continue;
        }
        // A status word (直挺挺 "bolt upright", 雪白 "snow-white") describes a state: a
        // phrase it ends or leads is a description or a clause.
        let status = first == "z" || last == "z";
        if c.parts.len() == 1 {
            // A number with its measure word (一代 "a generation", 几代) or an ordinal
            // (第三) is no term either; numbers alone may be (十四五).
            let last_numeral = c
                .key
                .chars()
                .last()
                .is_some_and(crate::numbers::is_zh_numeral);
            let measured = first == "m" && (c.key.starts_with('第') || !last_numeral);
            if time {
                tentative.insert(c.key.clone(), Reading::Time);
            } else if measured || matches!(first, "p" | "r" | "u" | "y" | "e" | "f") {
                // Nor does a preposition, pronoun, particle, interjection or localizer
                // name a thing (关于 "about", 其中 "among them", 而已, 之间 "between"):
                // grammar, not a term.
                // (jieba's onomatopoeia include loans: 乒乓 "ping-pong".)
                out.insert(c.key.clone());
            } else if matches!(first, "a" | "ad" | "d" | "z") {
                tentative.insert(c.key.clone(), Reading::Description);
            }
            continue;
        }
        // A term is head-final: nothing a pronoun, particle or interjection ends is one
        // (蕴含其中 "contained in it"), nor anything a preposition, particle or
        // interjection leads (关于湿地保护 "about wetland protection"). A pronoun may
        // lead one (各级护林员), and a word jieba calls a preposition may end one as a
        // noun (法律依据 "legal basis").
        let grammar = |tag: &str| matches!(tag, "u" | "y" | "e");
        let closed = first == "p" || grammar(first) || grammar(last) || last == "r";
        // The aspect particles 了 and 着 follow a verb of a clause (住了一周 "stayed a
        // week"), and the copula 是 and the coverbs 在, 把, 被 lead one's predicate
        // (水是有脾气 "the water has a temper"): never a word of a name.
        if closed
            || status
            || c.parts
                .iter()
                .any(|p| matches!(p.as_str(), "了" | "着" | "是" | "在" | "把" | "被"))
        {
            out.insert(c.key.clone());
            continue;
        }
        // A term is head-final, and a one-character verb is never nominalised as a
        // compound's head (two-character ones are: 土壤修复): a phrase it ends is a
        // clause (老师说 "the teacher said"). jieba tags some nouns as verbs (站
        // "station"): the dictionary's first sense says which the character is, and
        // without one, a term that mostly goes without it says so.
        let last_word = c.parts[c.parts.len() - 1].as_str();
        if last_word.chars().count() == 1 && last == "v" {
            let subject = c.parts[..c.parts.len() - 1].concat();
            if dictionary.is_some_and(|d| d.first_sense_is_verb(last_word))
                || set
                    .get(&subject)
                    .is_some_and(|s| s.freq >= params.object_freq_ratio * c.freq)
            {
                out.insert(c.key.clone());
                continue;
            }
        }
        if time {
            tentative.insert(c.key.clone(), Reading::Time);
            continue;
        }
        // A one-character preposition governs what follows it (走到 "walk to"), a
        // one-character localizer ends a phrase of place or time (进山后 "after entering
        // the hills"): no noun's head. (Longer ones may be nouns: 依据 "basis".)
        if matches!(last, "p" | "f") && c.parts[c.parts.len() - 1].chars().count() == 1 {
            out.insert(c.key.clone());
            continue;
        }
        // An adverb leads a verb phrase (不断推进改革), not a term. Chinese
        // adverbs modify no noun: one the dictionary calls a verb, right before a noun,
        // was tagged wrong (偏好 "to have a special liking", of 偏好结构).
        let verb_before_noun = || {
            dictionary.is_some_and(|d| d.first_sense_is_verb(&c.parts[0]))
                && is_noun(&c.parts[1], words)
        };
        if first == "d" && !verb_before_noun() {
            let head = &c.parts[c.parts.len() - 1];
            let noun =
                is_noun(head, words) && !dictionary.is_some_and(|d| d.first_sense_is_verb(head));
            if noun && c.parts.len() == 2 {
                tentative.insert(c.key.clone(), Reading::AdverbBeforeNoun);
            } else {
                out.insert(c.key.clone());
            }
            continue;
        }
        // An adjective with 的 before a noun describes it (新的历史 "new history").
        if first == "a" && c.parts.get(1).is_some_and(|p| p == "的") {
            out.insert(c.key.clone());
            continue;
        }
        // A term with 的 before a noun that mostly goes without it is that term
        // describing the noun (中华民族伟大复兴的目标).
        if let Some(de) = c.parts.iter().position(|p| p == "的") {
            let modifier = c.parts[..de].concat();
            if modifier.chars().count() > params.object_min_chars
                && set
                    .get(&modifier)
                    .is_some_and(|m| m.freq >= params.object_freq_ratio * c.freq)
            {
                out.insert(c.key.clone());
                continue;
            }
        }
        // A verbal noun (发展, 改革) also modifies or coordinates (改革创新): only a long
        // term after it makes an object.
        let min_chars = match first {
            "v" => params.object_min_chars,
            "vn" => params.vn_object_min_chars,
            _ => continue,
        };
        let object_is_term = (1..c.parts.len()).any(|k| {
            let rest = c.parts[k..].concat();
            rest.chars().count() >= min_chars
                && set
                    .get(&rest)
                    .is_some_and(|o| o.freq >= params.object_freq_ratio * c.freq)
        });
        if object_is_term {
            tentative.insert(c.key.clone(), Reading::VerbAndObject);
        }
    }
    (out, tentative)
}

/// Capital Latin letters inside Chinese text (GIS, WTO) are an acronym or name the
/// translation keeps: a term however short.
fn is_acronym(token: &str) -> bool {
    token.chars().count() >= 2 && token.chars().all(|c| c.is_ascii_uppercase())
}

/// Arabic numbers bound no term (2012年, 15日); Chinese numerals often start one
/// (十八大, 两个一百年).
fn is_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Modal verbs the shared stop list lacks: they bound a candidate too ("young people
/// must" is no phrase). ("may" is left out: May Fourth.)
const EN_MODALS: &[&str] = &["must", "shall", "might"];

/// Words that make a clause of the words around them: auxiliary and modal verbs,
/// personal pronouns and negations. A term names; it does not predicate ("the ferryman
/// could hear", "whether they were late", "pickers never rest"), not even in a relative
/// clause ("farmers who are growing tea"). ('will' and 'may' are nouns and a month too,
/// 'I' a numeral, 'be' in "right to be forgotten", 'no' in "no-fly zone": left out.)
const EN_CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "am", "been", "can", "cannot", "could", "would", "should", "shall",
    "must", "might", "do", "does", "did", "has", "have", "had", "he", "she", "we", "they", "me",
    "him", "them", "you", "it", "not", "never", "nor", "neither",
];

/// Does this word make a clause ([`EN_CLAUSE_WORDS`]), or is it a contraction of a
/// verb ("it's", "don't", "you're")? `key` is its [`normalize_key`] (lower case,
/// apostrophes folded). Written in capitals, 'IT' is a name, so 'it' counts in lower
/// case only ('us' is left out of the list for 'US').
fn makes_clause(written: &str, key: &str) -> bool {
    (EN_CLAUSE_WORDS.contains(&key) && !(key == "it" && written != key))
        || ["n't", "'re", "'ve", "'ll", "'m", "'d"]
            .iter()
            .any(|c| key.ends_with(c))
        || matches!(key, "it's" | "he's" | "she's" | "that's" | "there's")
}

/// Particles that may close an English candidate after a content word (opening up).
pub(crate) const EN_PARTICLES: &[&str] = &["up", "out"];

/// The English match key of one word: folded, then its Porter2 stem, so that plural,
/// possessive, -ing and -ed forms group together (*developing*, *developed*, *develop*).
pub fn english_word_key(word: &str) -> String {
    english_stem(&normalize_key(word))
}

/// Words of `text` as (start, end) byte spans, split into runs at anything but spaces
/// and hyphens between two words.
fn en_runs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut runs = vec![Vec::new()];
    let mut last_end = 0;
    for (i, w) in text.split_word_bound_indices() {
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let gap = &text[last_end..i];
        let joined = gap
            .chars()
            .all(|c| c.is_whitespace() || c == '-' || c == '‐');
        if !joined && !runs.last().is_some_and(Vec::is_empty) {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push((i, i + w.len()));
        }
        last_end = i + w.len();
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// English candidates of each bead text (`beads[i]` is bead i).
pub fn english<S: AsRef<str>>(beads: &[S], min_freq: usize, params: &Params) -> CandidateSet {
    let mut set = CandidateSet::default();
    for (b, text) in beads.iter().enumerate() {
        let text = text.as_ref();
        for run in en_runs(text) {
            set.tokens += run.len();
            let lower: Vec<String> = run
                .iter()
                .map(|&(s, e)| normalize_key(&text[s..e]))
                .collect();
            let keys: Vec<String> = run
                .iter()
                .map(|&(s, e)| english_word_key(&text[s..e]))
                .collect();
            let stop: Vec<bool> = run
                .iter()
                .zip(&lower)
                .map(|(&(s, e), w)| {
                    is_english_stopword(w)
                        || EN_MODALS.contains(&w.as_str())
                        || is_english_number(&text[s..e])
                })
                .collect();
            let clause: Vec<bool> = run
                .iter()
                .zip(&lower)
                .map(|(&(s, e), key)| makes_clause(&text[s..e], key))
                .collect();
            for i in 0..run.len() {
                if stop[i] {
                    continue;
                }
                for n in 1..=params.en_max_words {
                    let j = i + n - 1;
                    if j >= run.len() {
                        break;
                    }
                    if clause[j] {
                        break;
                    }
                    let particle =
                        n > 1 && !stop[j - 1] && EN_PARTICLES.contains(&lower[j].as_str());
                    if stop[j] && !particle {
                        continue;
                    }
                    // A hyphenated word is one word ('Wen-qing', 'opening-up'): no
                    // candidate starts or ends inside it.
                    if text[..run[i].0].ends_with(['-', '‐'])
                        || text[run[j].1..].starts_with(['-', '‐'])
                    {
                        continue;
                    }
                    let surface = &text[run[i].0..run[j].1];
                    // A phrase across a stop word that ends in a possessor stops before
                    // its head ("Marxism to China's" of "... China's conditions"); a
                    // name in the possessive is still the name ("Wang Er's").
                    if stop[i..j].iter().any(|&s| s)
                        && ["'s", "’s"].iter().any(|p| surface.ends_with(p))
                    {
                        continue;
                    }
                    let key = keys[i..=j].join(" ");
                    set.add(b, keys[i..=j].to_vec(), key.clone(), surface);
                    if stop.get(j + 1) == Some(&false) {
                        let id = set.index[&key];
                        set.list[id].premodifier += 1;
                    }
                }
            }
        }
    }
    // No segmenter: asking for one would build jieba's dictionary a second time.
    set.finish(
        |c| c.freq >= min_freq.max(1),
        " ",
        beads.len(),
        None,
        None,
        params,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segmenter documents are cut with (the shipped glossary's terms whole).
    fn words() -> std::sync::Arc<WordSegmenter> {
        crate::lexicon::segmenter(true)
    }

    fn chinese<S: AsRef<str>>(beads: &[S], min_freq: usize) -> CandidateSet {
        super::chinese(beads, min_freq, &words(), &Params::default())
    }

    fn english<S: AsRef<str>>(beads: &[S], min_freq: usize) -> CandidateSet {
        super::english(beads, min_freq, &Params::default())
    }

    fn joined_list(word: &str) -> bool {
        super::joined_list(word, &words())
    }

    fn phrase(text: &str) -> String {
        crate::glossary::pairing::phrase_key(text)
    }

    #[test]
    fn names_are_capitalised_inside_a_sentence_and_whole() {
        assert!(written_as_name("People's Republic of China"));
        assert!(written_as_name("CPC"));
        assert!(!written_as_name("Social harmony"));
        let en = [
            "The Li Minghua Fund was set up by Li Minghua.",
            "Li Minghua spoke. Reform goes on.",
            "He spoke of reform.",
        ];
        let set = english(&en, 1);
        let share = |key: &str| {
            let c = set.get(key).unwrap();
            c.name_share_in(&[0, 1, 2], |b| en[b], |_| false)
        };
        // Inside 'Li Minghua Fund' the capitals are the fund's; at a sentence's start
        // they say nothing: one occurrence counts, written as a name.
        assert_eq!(share("li minghua"), 1.0);
        // 'Reform' opens a sentence; 'reform' inside one is not a name.
        assert_eq!(share(&english_word_key("reform")), 0.0);
    }

    fn sample(name: &str) -> Vec<String> {
        let path = format!(
            "{}/corpora/digital-governance/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn chinese_candidates_respect_punctuation_and_function_words() {
        let set = chinese(&["推进数字治理、数据安全的发展"], 1);
        assert!(set.get("数字治理").is_some());
        assert!(set.get("数据安全").is_some());
        // 、 is a boundary, 的 may not close a candidate.
        assert!(set.get("数字治理数据安全").is_none());
        assert!(set.get("数据安全的").is_none());
        let set = chinese(&["邓小平同志指出"], 1);
        assert!(set.get("邓小平").is_some());
        assert!(set.get("邓小平同志").is_none());
        assert!(set.list.iter().all(|c| !c.key.contains('、')));
        // A bound suffix makes a new word of what stands before it: 数据处理者 is
        // no occurrence of 数据处理, whether jieba cuts 者 off or keeps it.
        let set = chinese(
            &["数据处理者应当保护数据。", "数据处理者保护数据处理活动。"],
            1,
        );
        assert_eq!(
            set.get("数据处理").map(|c| c.freq),
            Some(1),
            "{:?}",
            set.list
        );
        // 第 opens an ordinal: no candidate ends in it, cut from its number.
        let set = chinese(&["主要终点为第24周的血压变化"], 1);
        assert!(set.get("主要终点").is_some());
        assert!(
            set.list.iter().all(|c| !c.key.ends_with('第')),
            "{:?}",
            set.list
        );
    }

    #[test]
    fn titles_are_candidates() {
        let set = chinese(
            &["根据《数据安全法》和《网络安全法》。", "《数据安全法》"],
            1,
        );
        let title = set.get("数据安全法").expect("title candidate");
        assert_eq!(title.freq, 2);
        assert_eq!(title.beads, [0, 1]);
    }

    #[test]
    fn words_inside_long_tokens_are_candidates() {
        let set = chinese(&["各级党委要按照要求"], 1);
        assert!(set.get("各级党委").is_some());
        assert!(set.get("党委").is_some());
    }

    #[test]
    fn long_candidates_need_dictionary_words_and_recurrence() {
        let phrase = "推进国家治理体系和治理能力现代化";
        assert!(words().jieba().cut(phrase, true).len() > Params::default().zh_short_max_tokens);
        let twice = chinese(&[phrase, phrase], 1);
        assert!(twice.get("国家治理体系和治理能力现代化").is_none());
        let thrice = chinese(&[phrase, phrase, phrase], 1);
        let long = thrice
            .get("国家治理体系和治理能力现代化")
            .expect("a recurring long term");
        assert_eq!(long.freq, 3);
        assert!(long.parts.len() > Params::default().zh_short_max_tokens);
    }

    #[test]
    fn one_off_containers_do_not_discount_a_term() {
        // 数字治理 is inside a different one-off phrase each time: its own term.
        let set = chinese(&["推进数字治理", "完善数字治理", "数字治理"], 1);
        let gov = set.get("数字治理").unwrap();
        assert!(gov.cvalue >= gov.freq as f64, "{gov:?}");
    }

    #[test]
    fn demonstratives_and_status_words_make_no_terms() {
        let beads = [
            "这时老船长走上甲板。",
            "这时老船长直挺挺地站着。",
            "老船长直挺挺地站着。",
            "老船长看着海面。",
            "海面白茫茫一片。",
            "海面白茫茫一片。",
        ];
        let set = chinese(&beads, 1);
        assert!(set.get("老船长").is_some());
        assert!(set.get("这时老船长").is_none());
        assert!(set.get("老船长直挺挺").is_none());
        assert!(set.get("海面白茫茫").is_none());
        assert_eq!(
            set.get("直挺挺").map(|c| c.reading),
            Some(Reading::Description)
        );
    }

    #[test]
    fn grammar_words_make_no_terms() {
        let beads = [
            "关于湿地保护，其中有三条规定。",
            "关于湿地保护的道理蕴含其中。",
            "各级护林员要重视湿地保护。",
            "各级护林员关于湿地保护的讲话。",
            "两省之间有一片湿地，湿地以外是农田。",
        ];
        let set = chinese(&beads, 1);
        // A lone preposition, pronoun or localizer; a phrase a preposition leads or a
        // pronoun ends.
        for free in ["关于", "其中", "之间", "关于湿地保护", "蕴含其中"] {
            assert!(set.get(free).is_none(), "{free}");
        }
        // A pronoun may lead a term.
        assert!(set.get("各级护林员").is_some());
    }

    #[test]
    fn a_verb_jieba_tags_an_adverb_may_lead_a_noun() {
        // jieba tags 偏好 an adverb; the dictionary says "to have a special liking", and
        // before a noun it names a kind of it. A real adverb still leads no term.
        let beads = [
            "买家的偏好结构不同。",
            "偏好结构是假设。",
            "要紧紧依靠群众。",
        ];
        let dictionary = crate::lexicon::Dictionary::Embedded;
        let set = super::chinese_with_dictionary(
            &beads,
            1,
            Some(&dictionary),
            &words(),
            &Params::default(),
        );
        assert!(set.get("偏好结构").is_some());
        assert!(set.get("紧紧依靠群众").is_none());
        assert!(set.get("紧紧依靠").is_none());
    }

    #[test]
    fn free_phrases_are_dropped_or_left_to_the_translation() {
        let beads = [
            "实现中国梦。",
            "我们要实现中国梦。",
            "中国梦是人民的梦。",
            "中国梦属于人民。",
            "提高执政水平。",
            "执政水平很重要。",
            "立场坚定。",
            "紧紧依靠人民。",
            "紧紧依靠人民。",
            "党和人民事业。",
            "开创新的历史。",
            "开创新的历史。",
            "开创新的历史。",
            "中华民族伟大复兴的目标。",
            "中华民族伟大复兴的目标。",
            "中华民族伟大复兴的目标。",
            "中华民族伟大复兴。",
            "中华民族伟大复兴。",
            "中华民族伟大复兴。",
        ];
        let set = chinese(&beads, 1);
        assert!(set.get("中国梦").is_some());
        // 中国梦 mostly occurs without 实现: the phrase may be what the text does with
        // it, which the translation decides; it credits 中国梦 nothing.
        let reading = |key: &str| set.get(key).map(|c| c.reading);
        assert_eq!(reading("实现中国梦"), Some(Reading::VerbAndObject));
        let dream = set.get("中国梦").unwrap();
        assert!(dream.cvalue >= dream.freq as f64, "{dream:?}");
        // 水平 is no term of its own here: 执政 modifies it.
        assert_eq!(reading("执政水平"), Some(Reading::Term));
        // A lone adjective may describe, an adverb leads a verb phrase.
        assert_eq!(reading("坚定"), Some(Reading::Description));
        // jieba keeps 紧紧依靠 whole, an adverb: before a noun, the translation decides.
        assert_eq!(reading("紧紧依靠人民"), Some(Reading::AdverbBeforeNoun));
        // Two words in a list; a longer term with a list inside stays.
        assert!(set.get("党和人民").is_none());
        assert!(set.get("党和人民事业").is_some());
        assert!(joined_list("党和人民"));
        assert!(!joined_list("文明和谐"));
        assert!(!joined_list("和平发展"));
        assert!(set.get("依靠人民").is_some());
        assert!(set.get("新的历史").is_none());
        // A term describing a noun with 的.
        assert!(set.get("中华民族伟大复兴").is_some());
        assert!(set.get("中华民族伟大复兴的目标").is_none());
    }

    #[test]
    fn a_term_and_a_one_character_verb_make_a_clause() {
        // "The teacher said": a clause, however often the teacher speaks.
        let beads = [
            "老师说，我们走吧。",
            "老师说，好。",
            "老师来了。",
            "老师在家。",
            "我问老师。",
            "土壤修复很慢。",
            "土壤修复变快。",
            "土壤很重要。",
            "研究土壤。",
            "土壤与健康。",
            "土壤样本。",
        ];
        let set = chinese(&beads, 1);
        assert!(set.get("老师").is_some());
        assert!(set.get("老师说").is_none());
        // A two-character verb heads noun compounds ("soil remediation").
        assert!(set.get("土壤修复").is_some());
    }

    #[test]
    fn a_phrase_ending_in_a_verb_the_dictionary_calls_one_is_a_clause() {
        // 木门 goes with 开 every time it occurs: the old test of a term that mostly
        // goes without the verb says nothing.
        let beads = [
            "他看见木门开。",
            "风吹得木门开。",
            "前面是货车站。",
            "我们到货车站。",
        ];
        let dictionary = Dictionary::Embedded;
        let set =
            chinese_with_dictionary(&beads, 1, Some(&dictionary), &words(), &Params::default());
        // "The wooden door opened": 开 is "to open" first, a clause.
        assert!(set.get("木门开").is_none());
        // jieba calls 站 a verb; the dictionary's first sense is "station".
        assert!(set.get("货车站").is_some());
        let without = chinese(&beads, 1);
        assert!(without.get("木门开").is_some());
    }

    #[test]
    fn a_time_word_names_a_time_not_a_term() {
        let beads = [
            "星期天晚上，学校很安静。",
            "星期天晚上，学校的灯亮着。",
            "晚上去学校。",
            "当代建筑的学校。",
            "当代建筑的学校。",
        ];
        let set = chinese(&beads, 1);
        let reading = |key: &str| set.get(key).map(|c| c.reading);
        assert_eq!(reading("晚上"), Some(Reading::Time));
        assert_eq!(reading("星期天晚上"), Some(Reading::Time));
        assert_eq!(reading("学校"), Some(Reading::Term));
        // A date stays a time however rare its words are.
        let dates = chinese(&["九月底桥修好了。", "到了九月底，学校开学。"], 1);
        assert_eq!(dates.get("九月底").map(|c| c.reading), Some(Reading::Time));
        // A time word before a noun modifies it: "contemporary architecture".
        assert_eq!(reading("当代建筑"), Some(Reading::Term));
    }

    #[test]
    fn a_conjunction_leads_no_term() {
        let beads = ["因此数据很重要。", "因此数据要保护。", "数据在增长。"];
        let set = chinese(&beads, 1);
        assert!(set.get("因此").is_none());
        assert!(set.get("因此数据").is_none());
        assert!(set.get("数据").is_some());
    }

    #[test]
    fn a_copula_or_coverb_inside_marks_a_clause() {
        let beads = [
            "河水是有脾气的。",
            "河水是有脾气的。",
            "他把烟斗在船边磕了磕。",
            "他把烟斗在船边磕了磕。",
        ];
        let set = chinese(&beads, 1);
        assert!(set.get("河水是有脾气").is_none());
        assert!(set.get("烟斗在船边").is_none());
        assert!(set.get("脾气").is_some());
    }

    #[test]
    fn an_aspect_particle_marks_a_clause() {
        let beads = ["他跑了起来。", "她也跑了起来。", "跑着回家。", "跑着回家。"];
        let set = chinese(&beads, 1);
        assert!(set.get("跑了起来").is_none());
        assert!(set.get("跑着回家").is_none());
        assert!(set.get("回家").is_some());
    }

    #[test]
    fn a_phrase_ending_in_a_one_character_localizer_names_a_place_or_time() {
        let beads = [
            "改革开放后经济增长。",
            "改革开放后社会进步。",
            "这是总依据。",
            "坚持总依据。",
        ];
        let set = chinese(&beads, 1);
        assert!(set.get("改革开放后").is_none());
        assert!(set.get("改革开放").is_some());
        // 依据 is a preposition and a noun ("basis"): a two-character word may head a term.
        assert!(set.get("总依据").is_some());
    }

    #[test]
    fn cvalue_discounts_nested_candidates() {
        let beads = ["全面深化改革", "全面深化改革", "全面深化改革", "深化改革"];
        let set = chinese(&beads, 1);
        let long = set.get("全面深化改革").unwrap();
        let nested = set.get("深化改革").unwrap();
        assert_eq!(nested.freq, 4);
        // 3 of the 4 occurrences belong to the longer term.
        assert!(nested.cvalue < long.cvalue, "{nested:?} {long:?}");
        assert!(nested.cvalue > 0.0);
    }

    #[test]
    fn sample_chinese_terms_are_found() {
        let set = chinese(&sample("zh.sentences"), 2);
        let gov = set.get("数字治理").expect("数字治理");
        assert!(gov.freq >= 5, "{gov:?}");
        assert!(gov.cvalue > 0.0);
        // A function word never sits at an edge.
        assert!(
            set.list
                .iter()
                .all(|c| !c.key.ends_with('的') && !c.key.starts_with('的'))
        );
        // Domain terms are rarer in general language than everyday words.
        let everyday = set.get("我们").map_or(f64::MIN, |c| c.termhood);
        assert!(gov.termhood > everyday);
    }

    #[test]
    fn english_groups_case_hyphens_and_plurals() {
        let set = english(
            &["Data flows matter.", "The data-flow rules.", "A data flow."],
            1,
        );
        let flow = set.get(&phrase("data flow")).expect("grouped");
        assert_eq!(flow.freq, 3);
        assert_eq!(flow.beads, [0, 1, 2]);
        // Stop words never at an edge, punctuation never inside.
        assert!(set.get(&phrase("the data flow")).is_none());
        assert!(set.get(&phrase("matter data")).is_none());
        let set = english(&["Young people must study."], 1);
        assert!(set.get(&phrase("young people")).is_some());
        assert!(set.get(&phrase("young people must")).is_none());
    }

    #[test]
    fn a_hyphenated_word_is_one_word() {
        let set = english(&["Wen-qing smiled at Aunt Mei's grandson."], 1);
        assert!(set.get(&phrase("wen-qing")).is_some());
        assert!(set.get(&phrase("qing")).is_none());
        assert!(set.get(&phrase("wen")).is_none());
        assert!(set.get(&phrase("qing smiled")).is_none());
    }

    #[test]
    fn an_english_candidate_names_and_does_not_predicate() {
        let set = english(
            &[
                "The ferryman could hear river otters.",
                "Tea farmers don't sell green tea cheaply.",
                "It's harvest time.",
                "Pickers never rest.",
                "Farmers who are growing tea.",
                "Hunan tea IT systems grew.",
            ],
            1,
        );
        assert!(set.get(&phrase("ferryman could hear")).is_none());
        assert!(
            set.get(&phrase("ferryman could hear river otters"))
                .is_none()
        );
        assert!(set.get(&phrase("river otters")).is_some());
        assert!(set.get(&phrase("farmers don't sell green tea")).is_none());
        assert!(set.get(&phrase("green tea")).is_some());
        assert!(set.get(&phrase("it's harvest time")).is_none());
        assert!(set.get(&phrase("harvest time")).is_some());
        assert!(set.get(&phrase("never rest")).is_none());
        assert!(set.get(&phrase("pickers")).is_some());
        assert!(set.get(&phrase("farmers who are growing tea")).is_none());
        // 'IT' in capitals is a name.
        assert!(set.get(&phrase("hunan tea it systems")).is_some());
    }

    #[test]
    fn english_phrasal_particle_may_close() {
        let set = english(&["reform and opening up, and up"], 1);
        assert!(set.get(&phrase("reform and opening up")).is_some());
        assert!(set.get(&phrase("and up")).is_none());
    }

    #[test]
    fn sample_english_terms_are_found() {
        let set = english(&sample("en.sentences"), 2);
        let gov = set
            .get(&phrase("digital governance"))
            .expect("digital governance");
        assert!(gov.freq >= 5);
        assert!(gov.cvalue > 0.0);
        assert!(
            set.list
                .iter()
                .all(|c| c.parts.len() <= Params::default().en_max_words
                    && !is_english_stopword(&c.parts[0]))
        );
    }

    #[test]
    fn word_keys() {
        assert_eq!(english_word_key("Policies"), english_word_key("policy"));
        assert_eq!(english_word_key("China’s"), "china");
        assert_eq!(english_word_key("approaches"), english_word_key("approach"));
        assert_eq!(
            english_word_key("Developing"),
            english_word_key("developed")
        );
        assert_ne!(english_word_key("process"), english_word_key("proceed"));
    }

    #[test]
    fn an_english_phrase_does_not_end_in_a_possessor() {
        let set = english(
            &[
                "adapt Marxism to China's conditions",
                "Shan Men Er’s rights",
            ],
            1,
        );
        assert!(set.get(&phrase("Marxism to China's")).is_none());
        assert!(set.get(&phrase("China's conditions")).is_some());
        let name = set.get(&phrase("Shan Men Er")).unwrap();
        assert_eq!(name.display, "Shan Men Er’s");
        assert!(set.get(&phrase("Shan Men Er’s rights")).is_some());
    }

    #[test]
    fn a_dictionary_word_inside_a_jieba_token_is_a_candidate() {
        // jieba keeps 香港特别行政区 whole; the dictionary knows 特别行政区.
        let beads = ["香港特别行政区同胞", "澳门特别行政区同胞"];
        let dictionary = Dictionary::Embedded;
        let with =
            chinese_with_dictionary(&beads, 1, Some(&dictionary), &words(), &Params::default());
        assert_eq!(with.get("特别行政区").map(|c| c.freq), Some(2));
        assert!(chinese(&beads, 1).get("特别行政区").is_none());
    }

    #[test]
    fn a_lone_quantity_is_no_candidate() {
        let set = chinese(
            &["这一代人", "一代新人", "一代人的事", "落实十四五", "第三"],
            1,
        );
        assert!(set.get("一代").is_none());
        assert!(set.get("第三").is_none());
        assert!(set.get("十四五").is_some());
    }

    #[test]
    fn english_groups_word_endings_and_shows_the_commonest_form() {
        let set = english(
            &[
                "Sharing data.",
                "Data sharing rules.",
                "Data shared.",
                "Data shared again.",
            ],
            1,
        );
        let key = format!("{} {}", english_word_key("data"), english_word_key("share"));
        let c = set.get(&key).expect("data sharing grouped");
        assert_eq!(c.freq, 3);
        assert_eq!(c.display, "Data shared");
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;

    #[test]
    fn display_form_follows_the_beads_looked_at() {
        let mut set = CandidateSet::default();
        let parts = vec!["develop".to_string(), "countri".to_string()];
        for b in [0, 1, 2] {
            set.add(
                b,
                parts.clone(),
                "develop countri".into(),
                "developed countries",
            );
        }
        for b in [3, 4] {
            set.add(
                b,
                parts.clone(),
                "develop countri".into(),
                "developing countries",
            );
        }
        let c = set.get("develop countri").unwrap();
        assert_eq!(c.display_in(&[3, 4]), "developing countries");
        assert_eq!(c.display_in(&[0, 4]), "developed countries");
        assert_eq!(c.display_in(&[9]), c.display);
    }
}
