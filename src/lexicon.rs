//! Lexical resources shared by the aligner, the glossary extractor and the checker:
//!
//! - [`Dictionary`]: Chinese word -> English glosses, either CC-CEDICT compiled into the
//!   binary (dict/cedict-2024-06-07.txt.gz, turned by build.rs into a table read in
//!   place, so starting costs nothing) or a CC-CEDICT file given with `--dict` /
//!   `BITEXT_DICT` (plain or `.gz`).
//! - [`GlossaryEntry`]: curated term pairs, TSV `zh<TAB>en[<TAB>note...]` with several
//!   renderings in one cell separated by ` | `; the shipped glossary is compiled in.
//! - [`english_stem`] and [`is_english_stopword`]: the match keys of English words.
//!
//! ```
//! use bitext::lexicon::{english_stem, gloss_stems};
//! assert_eq!(english_stem("governance"), english_stem("governing"));
//! assert!(gloss_stems("to govern; to administer (sth)").contains(&english_stem("administer")));
//! ```

use std::io::{BufRead, Read};
use std::sync::{Arc, LazyLock};

use rust_stemmers::{Algorithm, Stemmer};

use crate::error::{Error, Result};
use crate::segment::words::WordSegmenter;

mod embedded;

/// Which CC-CEDICT release is compiled in: `CC-CEDICT 2024-06-07, 122,584 entries`.
pub const EMBEDDED_DICTIONARY: &str = embedded::DESCRIPTION;

/// The glossary shipped with bitext (glossary/governance.tsv), compiled in.
pub const DEFAULT_GLOSSARY_TSV: &str = include_str!("../glossary/governance.tsv");
const DEFAULT_GLOSSARY_NAME: &str = "glossary/governance.tsv";

/// Chinese terms of the shipped glossary (for the jieba user dictionary).
pub fn default_glossary_terms() -> impl Iterator<Item = &'static str> {
    DEFAULT_GLOSSARY_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|t| !t.is_empty() && *t != "zh")
}

/// A bilingual dictionary: simplified (or traditional) Chinese word -> English glosses.
#[derive(Debug)]
pub enum Dictionary {
    /// CC-CEDICT compiled into the binary.
    Embedded,
    /// Loaded from CC-CEDICT files.
    File(FileDictionary),
}

/// CC-CEDICT files as loaded: their text kept whole, and the entries as spans into it
/// sorted by word. A few large allocations instead of one per word and gloss: building
/// and freeing a hash map of 300,000 strings was most of a `--dict` run.
#[derive(Debug, Default)]
pub struct FileDictionary {
    /// Every file's text, one after the other.
    text: String,
    /// (word, glosses between `/`) as byte spans of `text`; by word, then file and
    /// line order. A line whose traditional form differs gives two entries.
    entries: Vec<(Span, Span)>,
    /// (character, toneless syllable), sorted and without repeats: the readings of
    /// single-character entries (for transliterated names).
    readings: Vec<(char, compact_str::CompactString)>,
}

type Span = (u32, u32);

impl FileDictionary {
    fn at(&self, (start, end): Span) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// The entries of `word`.
    fn entries_of(&self, word: &str) -> &[(Span, Span)] {
        let start = self.entries.partition_point(|e| self.at(e.0) < word);
        let len = self.entries[start..].partition_point(|e| self.at(e.0) == word);
        &self.entries[start..start + len]
    }

    /// Add one file's text; `name` is used in error messages.
    fn add_text(&mut self, text: &str, name: &str) -> Result<()> {
        let base = self.text.len();
        if base + text.len() > u32::MAX as usize {
            return Err(Error::input(
                name,
                "dictionaries larger than 4 GB are not supported",
            ));
        }
        self.text.push_str(text);
        let span = |s: &str| {
            let start = base + (s.as_ptr() as usize - text.as_ptr() as usize);
            (start as u32, (start + s.len()) as u32)
        };
        let mut entries = Vec::new();
        let mut bad = 0usize;
        let mut first_bad = 0usize;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match parse_cedict_line(line) {
                Some((trad, simp, pinyin, defs)) => {
                    let mut chars = simp.chars();
                    if let (Some(ch), None) = (chars.next(), chars.next()) {
                        self.readings.extend(
                            toneless(pinyin)
                                .filter(|s| !s.is_empty())
                                .map(|s| (ch, s.into())),
                        );
                    }
                    if trad != simp {
                        entries.push((span(trad), span(defs)));
                    }
                    entries.push((span(simp), span(defs)));
                }
                None => {
                    bad += 1;
                    if first_bad == 0 {
                        first_bad = n + 1;
                    }
                }
            }
        }
        // Stable: a word's glosses stay in line order.
        entries.sort_by(|a, b| self.at(a.0).cmp(self.at(b.0)));
        let mut words = entries.len();
        words -= entries
            .windows(2)
            .filter(|w| self.at(w[0].0) == self.at(w[1].0))
            .count();
        if words == 0 {
            let line = if first_bad > 0 { first_bad } else { 1 };
            return Err(Error::input_at(
                name,
                line,
                "no CC-CEDICT entries found (expected `繁 简 [pin1 yin1] /gloss/`)",
            ));
        }
        if bad > 0 && bad * 10 > words {
            return Err(Error::input_at(
                name,
                first_bad,
                "not in CC-CEDICT format (expected `繁 简 [pin1 yin1] /gloss/`)",
            ));
        }
        self.entries.extend(entries);
        Ok(())
    }

    /// Sort what several files added (each file's entries are sorted already).
    fn finish(mut self) -> FileDictionary {
        let text = &self.text;
        let at = |(start, end): Span| &text[start as usize..end as usize];
        self.entries.sort_by(|a, b| at(a.0).cmp(at(b.0)));
        self.readings.sort();
        self.readings.dedup();
        self
    }
}

/// Decompressed size above which a dictionary file is refused, unless the caller
/// raises it ([`ResourceOptions::max_dictionary_bytes`]). CC-CEDICT is about 10 MB; a
/// small .gz that inflates without end would otherwise run for minutes.
pub const DEFAULT_MAX_DICTIONARY_BYTES: u64 = 256 << 20;

/// Toneless, lower-case syllables of a CC-CEDICT reading: `Wang1 miao3` -> [wang, miao].
fn toneless(pinyin: &str) -> impl Iterator<Item = String> + '_ {
    pinyin.split_whitespace().map(|syl| {
        syl.trim_end_matches(|c: char| c.is_ascii_digit())
            .replace("u:", "v")
            .to_lowercase()
    })
}

impl Dictionary {
    /// Every gloss of `word` (all readings), in dictionary order.
    pub fn glosses(&self, word: &str) -> Vec<&str> {
        match self {
            Dictionary::Embedded => embedded::TABLE.glosses(word),
            Dictionary::File(d) => d
                .entries_of(word)
                .iter()
                .flat_map(|&(_, defs)| d.at(defs).split('/').filter(|g| !g.is_empty()))
                .collect(),
        }
    }

    /// The readings of one character, toneless and sorted (`单` -> [dan, shan]).
    pub fn readings(&self, ch: &str) -> Vec<String> {
        match self {
            Dictionary::Embedded => embedded::TABLE
                .readings(ch)
                .into_iter()
                .map(str::to_string)
                .collect(),
            Dictionary::File(d) => {
                let mut chars = ch.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return Vec::new();
                };
                let start = d.readings.partition_point(|r| r.0 < c);
                d.readings[start..]
                    .iter()
                    .take_while(|r| r.0 == c)
                    .map(|r| r.1.to_string())
                    .collect()
            }
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        match self {
            Dictionary::Embedded => embedded::TABLE.contains(word),
            Dictionary::File(d) => !d.entries_of(word).is_empty(),
        }
    }

    /// Load CC-CEDICT files and merge them: the glosses and readings of a word are
    /// those of every file, in order.
    pub fn from_cedict_files(paths: &[String]) -> Result<Dictionary> {
        Self::from_cedict_files_limited(paths, DEFAULT_MAX_DICTIONARY_BYTES)
    }

    /// [`Dictionary::from_cedict_files`], refusing a file whose text (decompressed)
    /// is longer than `max_bytes`.
    pub fn from_cedict_files_limited(paths: &[String], max_bytes: u64) -> Result<Dictionary> {
        if paths.is_empty() {
            return Err(Error::usage("no dictionary file given"));
        }
        let mut dictionary = FileDictionary::default();
        for path in paths {
            let text = read_dictionary_text(path, max_bytes)?;
            dictionary.add_text(&text, path)?;
        }
        Ok(Dictionary::File(dictionary.finish()))
    }

    /// Load a CC-CEDICT file (`繁 简 [pin1 yin1] /gloss/gloss/`), plain or gzip.
    pub fn from_cedict_file(path: &str) -> Result<Dictionary> {
        Self::from_cedict_files(&[path.to_string()])
    }

    /// Parse CC-CEDICT text; `name` is used in error messages.
    pub fn from_cedict_text(text: &str, name: &str) -> Result<Dictionary> {
        let mut dictionary = FileDictionary::default();
        dictionary.add_text(text, name)?;
        Ok(Dictionary::File(dictionary.finish()))
    }
}

/// The text of a dictionary file, plain or gzip, at most `max_bytes` of it.
fn read_dictionary_text(path: &str, max_bytes: u64) -> Result<String> {
    let too_large = || {
        Error::input(
            path,
            format!(
                "more than {} MB of text{}: too large for a dictionary (BITEXT_DICT_MAX_MB raises the limit)",
                max_bytes >> 20,
                if path.ends_with(".gz") {
                    " once decompressed"
                } else {
                    ""
                },
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut input = std::io::BufReader::new(file);
    let gzip = input
        .fill_buf()
        .map_err(|e| Error::io(path, e))?
        .starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn Read> = match gzip {
        true => Box::new(flate2::read::MultiGzDecoder::new(input)),
        false => Box::new(input),
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| match gzip {
            true => Error::input(path, format!("not a readable gzip file: {e}")),
            false => Error::io(path, e),
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    match gzip {
        true => String::from_utf8(bytes)
            .map_err(|_| Error::input(path, "not a readable gzip file of UTF-8 text")),
        false => String::from_utf8(bytes)
            .map_err(|_| Error::input(path, "a CC-CEDICT file must be UTF-8")),
    }
}

fn parse_cedict_line(line: &str) -> Option<(&str, &str, &str, &str)> {
    let (head, rest) = line.split_once(" [")?;
    let (trad, simp) = head.split_once(' ')?;
    let (pinyin, defs) = rest.split_once("] /")?;
    let defs = defs.trim_end().strip_suffix('/')?;
    Some((trad, simp, pinyin, defs))
}

/// How an English word of a name is compared with a reading: its letters in lower
/// case, hyphens and apostrophes dropped (Bao-yu -> baoyu, Zhan'ao -> zhanao). None
/// for a word that is not all letters (COVID-19).
pub fn name_spelling(word: &str) -> Option<String> {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let letters: String = core
        .chars()
        .filter(|&c| !matches!(c, '-' | '\'' | '’' | '‐'))
        .flat_map(char::to_lowercase)
        .collect();
    (!letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase())).then_some(letters)
}

/// Whether the Chinese name `zh` is spelled, by the pinyin of its characters (any of
/// their readings, tones dropped), as the English words `en` written one after the
/// other: 汪淼 and [Wang, Miao], 宝玉 and [Bao-yu], 余占鳌 and [Yu, Zhan'ao]. The words
/// are what the name became in an English text; their case is not checked here.
///
/// ```
/// use bitext::lexicon::{name_matches_reading, Dictionary};
/// let dict = Dictionary::Embedded;
/// assert!(name_matches_reading("汪淼", &["Wang", "Miao"], &dict));
/// assert!(name_matches_reading("余占鳌", &["Yu", "Zhan'ao"], &dict));
/// assert!(name_matches_reading("宝玉", &["Bao-yu"], &dict));
/// assert!(!name_matches_reading("汪淼", &["Wang"], &dict));
/// ```
pub fn name_matches_reading(zh: &str, en: &[&str], dict: &Dictionary) -> bool {
    let Some(target) = en
        .iter()
        .map(|w| name_spelling(w))
        .collect::<Option<Vec<String>>>()
        .map(|parts| parts.concat())
    else {
        return false;
    };
    let mut partial = vec![String::new()];
    for ch in zh.chars() {
        let readings = dict.readings(ch.encode_utf8(&mut [0; 4]));
        partial = partial
            .iter()
            .flat_map(|p| readings.iter().map(move |r| format!("{p}{r}")))
            .filter(|p| target.starts_with(p.as_str()))
            .collect();
        if partial.is_empty() {
            return false;
        }
    }
    partial.contains(&target)
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The match key of an English word: lower case, possessive dropped, Porter2 stem.
pub fn english_stem(word: &str) -> String {
    let lower = word.to_lowercase().replace('’', "'");
    let base = lower
        .strip_suffix("'s")
        .unwrap_or(&lower)
        .trim_matches('\'');
    STEMMER.stem(base).into_owned()
}

/// Chinese function words (particles, pronouns, prepositions, conjunctions, modal and
/// degree words): they carry no translation evidence and head or end no term.
pub fn is_zh_function_word(word: &str) -> bool {
    ZH_FUNCTION_WORDS.binary_search(&word).is_ok()
}

// Sorted, for binary search.
const ZH_FUNCTION_WORDS: &[&str] = &[
    "一个",
    "一些",
    "一定",
    "上",
    "下",
    "不",
    "不断",
    "与",
    "且",
    "並",
    "个",
    "中",
    "为",
    "之",
    "也",
    "了",
    "于",
    "什么",
    "从",
    "他",
    "他们",
    "以",
    "以及",
    "们",
    "会",
    "但",
    "但是",
    "作为",
    "你",
    "你们",
    "使",
    "其",
    "再",
    "到",
    "即",
    "去",
    "又",
    "及",
    "可以",
    "各",
    "各种",
    "同",
    "同时",
    "向",
    "吗",
    "吧",
    "呀",
    "呢",
    "和",
    "啊",
    "因为",
    "在",
    "地",
    "大家",
    "她",
    "她们",
    "如何",
    "如果",
    "它",
    "对",
    "对于",
    "将",
    "就",
    "已",
    "已经",
    "并",
    "并且",
    "应当",
    "很",
    "得",
    "必须",
    "我",
    "我们",
    "我国",
    "或",
    "或者",
    "所",
    "所以",
    "把",
    "按",
    "方面",
    "是",
    "更",
    "最",
    "有",
    "来",
    "每",
    "没有",
    "由",
    "的",
    "着",
    "等",
    "等等",
    "给",
    "而",
    "能",
    "自己",
    "被",
    "要",
    "让",
    "跟",
    "过",
    "还",
    "这",
    "这个",
    "这些",
    "这样",
    "进一步",
    "进行",
    "通过",
    "那",
    "那个",
    "那些",
    "都",
    "里",
];

/// Function words that carry no translation evidence.
pub fn is_english_stopword(word: &str) -> bool {
    ENGLISH_STOPWORDS.binary_search(&word).is_ok()
}

// Sorted, for binary search.
const ENGLISH_STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "one's",
    "oneself",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "same",
    "sb",
    "she",
    "should",
    "so",
    "some",
    "sth",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Content-word stems of a dictionary gloss or glossary rendering. Bracketed asides,
/// pinyin, classifiers and cross-references carry no translation and are skipped.
pub fn gloss_stems(gloss: &str) -> Vec<String> {
    let g = gloss.trim();
    // "surname Chen": the name is how the word appears in English.
    if let Some(name) = g.strip_prefix("surname ") {
        return name
            .split_whitespace()
            .next()
            .map(|n| vec![english_stem(n)])
            .unwrap_or_default();
    }
    if g.starts_with("CL:")
        || g.contains("variant of")
        || g.starts_with("see ")
        || g.starts_with("used in ")
        || g.starts_with("abbr. for")
        || g.starts_with("pr. ")
    {
        return Vec::new();
    }
    let mut cleaned = String::with_capacity(g.len());
    let mut depth = 0i32;
    for c in g.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth <= 0 && !crate::script::is_han(c) && c != '|' => cleaned.push(c),
            _ => {}
        }
    }
    // Long encyclopedic glosses: the head before the first comma is the translation.
    let head = if cleaned.split_whitespace().count() > 4 {
        cleaned.split([',', ';']).next().unwrap_or("")
    } else {
        &cleaned
    };
    let mut stems = Vec::new();
    for word in head.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let w = word.trim_matches('\'').to_lowercase();
        if w.is_empty() || is_english_stopword(&w) || w == "lit" || w == "fig" {
            continue;
        }
        let s = english_stem(&w);
        if !stems.contains(&s) {
            stems.push(s);
        }
    }
    stems
}

/// One glossary line: a Chinese term and its approved English renderings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub zh: String,
    pub en: Vec<String>,
    pub note: String,
    /// `approved` unless a `status` column says `forbidden` or `deprecated`.
    pub status: String,
    /// File the entry came from and its 1-based line.
    pub source: String,
    pub line: usize,
}

/// Parse a glossary TSV: `zh<TAB>en[<TAB>note...]`; `#` comments, blank lines and a
/// header row starting with `zh` are skipped; ` | ` separates renderings in one cell.
/// A header with a `status` column marks renderings `forbidden`/`deprecated`.
pub fn parse_glossary_tsv(text: &str, name: &str) -> Result<Vec<GlossaryEntry>> {
    let mut entries = Vec::new();
    let mut status_col = None;
    let mut note_col = Some(2);
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        // A header row: the first data-looking row whose first cell is `zh`.
        if entries.is_empty() && cells[0].eq_ignore_ascii_case("zh") {
            status_col = cells.iter().position(|c| c.eq_ignore_ascii_case("status"));
            note_col = cells.iter().position(|c| c.eq_ignore_ascii_case("note"));
            continue;
        }
        if cells.len() < 2 || cells[0].is_empty() || cells[1].is_empty() {
            return Err(Error::input_at(
                name,
                n + 1,
                "expected `zh<TAB>en` (two tab-separated cells)",
            ));
        }
        let en: Vec<String> = cells[1]
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let status = status_col
            .and_then(|c| cells.get(c))
            .map(|s| s.to_lowercase())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "approved".to_string());
        entries.push(GlossaryEntry {
            zh: cells[0].to_string(),
            en,
            note: note_col
                .and_then(|c| cells.get(c))
                .unwrap_or(&"")
                .to_string(),
            status,
            source: name.to_string(),
            line: n + 1,
        });
    }
    Ok(entries)
}

/// The shipped glossary, parsed.
pub fn default_glossary() -> Vec<GlossaryEntry> {
    parse_glossary_tsv(DEFAULT_GLOSSARY_TSV, DEFAULT_GLOSSARY_NAME)
        .expect("the shipped glossary parses")
}

/// Load a glossary file (TSV).
pub fn load_glossary(path: &str) -> Result<Vec<GlossaryEntry>> {
    let text = crate::read::read_path(path)?;
    parse_glossary_tsv(&text, path)
}

/// Everything the aligner, the glossary and the checker may use as translation
/// evidence, and the word segmenter the documents are cut with.
pub struct Resources {
    pub dictionary: Option<Dictionary>,
    pub glossary: Vec<GlossaryEntry>,
    /// jieba with the shipped glossary's terms as user words when that glossary is
    /// used, so that its multi-word terms stay whole; plain jieba otherwise.
    pub words: Arc<WordSegmenter>,
}

/// Which bilingual dictionary to use.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DictionaryChoice {
    /// CC-CEDICT compiled into the binary.
    #[default]
    Embedded,
    /// CC-CEDICT-format files (plain or .gz), merged in order.
    Files(Vec<String>),
    /// No dictionary: length, numbers and the learned lexicon only.
    None,
}

/// What [`Resources::load`] loads.
#[derive(Clone, Debug)]
pub struct ResourceOptions {
    pub dictionary: DictionaryChoice,
    /// Glossary files (TSV); an entry here replaces the shipped glossary's entry for
    /// the same term.
    pub glossaries: Vec<String>,
    /// Use the glossary shipped with bitext.
    pub default_glossary: bool,
    /// A dictionary file whose text is longer than this is refused (the command line
    /// reads it from BITEXT_DICT_MAX_MB).
    pub max_dictionary_bytes: u64,
}

impl Default for ResourceOptions {
    fn default() -> Self {
        ResourceOptions {
            dictionary: DictionaryChoice::Embedded,
            glossaries: Vec::new(),
            default_glossary: true,
            max_dictionary_bytes: DEFAULT_MAX_DICTIONARY_BYTES,
        }
    }
}

impl Resources {
    /// The embedded CC-CEDICT and the shipped glossary.
    pub fn default_embedded() -> Result<Resources> {
        Resources::load(&ResourceOptions::default())
    }

    /// Load the dictionary and glossaries `opts` name.
    pub fn load(opts: &ResourceOptions) -> Result<Resources> {
        let with_default = opts.default_glossary;
        // jieba's dictionary loads on another core while this one reads the rest.
        let words = std::thread::spawn(move || segmenter(with_default));
        let dictionary = match &opts.dictionary {
            DictionaryChoice::None => None,
            DictionaryChoice::Files(paths) => Some(Dictionary::from_cedict_files_limited(
                paths,
                opts.max_dictionary_bytes,
            )?),
            DictionaryChoice::Embedded => Some(Dictionary::Embedded),
        };
        let mut glossary = if opts.default_glossary {
            default_glossary()
        } else {
            Vec::new()
        };
        let mut user = Vec::new();
        for g in &opts.glossaries {
            user.extend(load_glossary(g)?);
        }
        // The user's entry for a term replaces the shipped one: their approved
        // renderings are the ones to check against.
        let overridden: std::collections::HashSet<&str> =
            user.iter().map(|e| e.zh.as_str()).collect();
        glossary.retain(|e| !overridden.contains(e.zh.as_str()));
        glossary.extend(user);
        let words = words.join().expect("the segmenter thread does not panic");
        Ok(Resources {
            dictionary,
            glossary,
            words,
        })
    }
}

/// The word segmenter for documents: one per process and kind, built on first use.
pub fn segmenter(with_default_glossary: bool) -> Arc<WordSegmenter> {
    static GOVERNANCE: LazyLock<Arc<WordSegmenter>> =
        LazyLock::new(|| Arc::new(WordSegmenter::with_words(default_glossary_terms())));
    static PLAIN: LazyLock<Arc<WordSegmenter>> =
        LazyLock::new(|| Arc::new(WordSegmenter::plain().clone()));
    if with_default_glossary {
        GOVERNANCE.clone()
    } else {
        PLAIN.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedict_lines_parse_and_index_both_scripts() {
        let d = Dictionary::from_cedict_text("# c\n治理 治理 [zhi4 li3] /to govern/governance/\n國家 国家 [guo2 jia1] /country/nation/\n", "t").unwrap();
        assert_eq!(d.glosses("治理"), ["to govern", "governance"]);
        assert_eq!(d.glosses("國家"), d.glosses("国家"));
        assert!(d.glosses("人民").is_empty());
    }

    #[test]
    fn files_merge_in_order_with_readings() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.u8"), dir.path().join("b.u8"));
        std::fs::write(&a, "單 单 [dan1] /single/\n單 单 [Shan4] /surname Shan/\n").unwrap();
        std::fs::write(
            &b,
            "單 单 [chan2] /Chanyu/\n数据 数据 [shu4 ju4] //data//\n",
        )
        .unwrap();
        let paths = [a, b].map(|p| p.display().to_string());
        let d = Dictionary::from_cedict_files(&paths).unwrap();
        assert_eq!(d.glosses("单"), ["single", "surname Shan", "Chanyu"]);
        assert_eq!(d.glosses("單"), d.glosses("单"));
        assert_eq!(d.readings("单"), ["chan", "dan", "shan"]);
        assert!(d.readings("数据").is_empty());
        assert_eq!(d.glosses("数据"), ["data"]);
        assert!(d.contains("單") && d.contains("数据") && !d.contains("数"));
    }

    #[test]
    fn a_dictionary_bomb_stops_at_the_limit() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.u8.gz");
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&path).unwrap(),
            flate2::Compression::best(),
        );
        let line = "數據 数据 [shu4 ju4] /data/\n".repeat(1000);
        for _ in 0..200 {
            gz.write_all(line.as_bytes()).unwrap();
        }
        gz.finish().unwrap();
        let path = path.display().to_string();
        let err = Dictionary::from_cedict_files_limited(std::slice::from_ref(&path), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(&path), "{err}");
        assert!(err.contains("more than 1 MB"), "{err}");
        assert!(Dictionary::from_cedict_files_limited(&[path], 16 << 20).is_ok());
    }

    #[test]
    fn garbage_is_not_a_dictionary() {
        let err = Dictionary::from_cedict_text("hello world\nfoo\n", "x.txt").unwrap_err();
        assert!(err.to_string().contains("x.txt: line 1"), "{err}");
    }

    #[test]
    fn embedded_dictionary_knows_governance() {
        let glosses = Dictionary::Embedded.glosses("治理");
        assert!(glosses.contains(&"governance"), "{glosses:?}");
    }

    #[test]
    fn gloss_stems_drop_noise() {
        assert!(gloss_stems("CL:個|个[ge4]").is_empty());
        assert_eq!(gloss_stems("the people"), vec![english_stem("people")]);
        let long =
            gloss_stems("Belt and Road Initiative, Chinese government plan to provide finance");
        assert_eq!(long, ["belt", "road", "initi"]);
    }

    #[test]
    fn glossary_tsv_with_status_column() {
        let text = "zh\ten\tstatus\n# c\n数据\tdata\t\n网络\tnet\tforbidden\n";
        let g = parse_glossary_tsv(text, "g.tsv").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].status, "forbidden");
        assert_eq!(g[0].line, 3);
        assert!(
            parse_glossary_tsv("数据\n", "g.tsv")
                .unwrap_err()
                .to_string()
                .contains("g.tsv: line 1")
        );
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(ZH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_zh_function_word("的") && !is_zh_function_word("治理"));
    }

    #[test]
    fn shipped_glossary_parses() {
        assert!(!default_glossary().is_empty());
    }
}
