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
    /// The English words of the glosses, lower-case, with the number of entries whose
    /// glosses use them; gathered on first use.
    english: std::sync::OnceLock<EnglishWordCounts>,
}

type Span = (u32, u32);

/// English gloss word (lower case) -> how many entries use it.
type EnglishWordCounts = rustc_hash::FxHashMap<String, u32>;

/// The lower-case words of each entry's glosses, each counted once per entry.
fn english_word_counts<'g, E, G>(entries: E) -> EnglishWordCounts
where
    E: Iterator<Item = G>,
    G: Iterator<Item = &'g str>,
{
    let mut counts = EnglishWordCounts::default();
    // An entry has a handful of words: a list beats hashing, and the lower-case key is
    // allocated only for a word not counted before (the build runs over every entry).
    let mut seen: Vec<&str> = Vec::new();
    let mut lower = String::new();
    for glosses in entries {
        seen.clear();
        for word in glosses.flat_map(|g| g.split(|c: char| !c.is_ascii_alphabetic())) {
            if word.len() < 2 || seen.iter().any(|s| s.eq_ignore_ascii_case(word)) {
                continue;
            }
            seen.push(word);
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            match counts.get_mut(lower.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(lower.clone(), 1);
                }
            }
        }
    }
    counts
}

/// The English words of the embedded dictionary's glosses.
static EMBEDDED_ENGLISH: LazyLock<EnglishWordCounts> =
    LazyLock::new(|| english_word_counts(embedded::TABLE.entries()));

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

    /// Is `word` (any case) an English word of some gloss? A word the dictionary
    /// uses is a word of the language, not a slip of the keyboard.
    pub fn knows_english_word(&self, word: &str) -> bool {
        self.english_entries(word) > 0
    }

    /// How many entries use the English `word` (any case) in their glosses: an
    /// everyday word ('path', 'people') renders hundreds of Chinese words, a term few.
    pub fn english_entries(&self, word: &str) -> usize {
        let counts = match self {
            Dictionary::Embedded => &*EMBEDDED_ENGLISH,
            Dictionary::File(d) => d.english.get_or_init(|| {
                // A traditional and a simplified headword share one gloss span.
                let mut defs: Vec<Span> = d.entries.iter().map(|&(_, defs)| defs).collect();
                defs.sort_unstable();
                defs.dedup();
                english_word_counts(defs.into_iter().map(|s| d.at(s).split('/')))
            }),
        };
        counts
            .get(&word.to_ascii_lowercase())
            .map_or(0, |&n| n as usize)
    }

    /// The content stems of every gloss the dictionary gives `word`, in order.
    pub fn word_gloss_stems(&self, word: &str) -> Vec<String> {
        self.glosses(word)
            .into_iter()
            .flat_map(gloss_stems)
            .collect()
    }

    /// Is the first sense the dictionary gives `word` a verb ("to understand")?
    pub fn first_sense_is_verb(&self, word: &str) -> bool {
        self.glosses(word)
            .first()
            .is_some_and(|g| g.starts_with("to "))
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
/// case, hyphens and apostrophes dropped (Xiu-ying -> xiuying, Xi'an -> xian). None
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
/// other: 周海燕 and [Zhou, Haiyan], 秀英 and [Xiu-ying], 西安 and [Xi'an]. The words
/// are what the name became in an English text; their case is not checked here.
///
/// ```
/// use bitext::lexicon::{name_matches_reading, Dictionary};
/// let dict = Dictionary::Embedded;
/// assert!(name_matches_reading("周海燕", &["Zhou", "Haiyan"], &dict));
/// assert!(name_matches_reading("西安", &["Xi'an"], &dict));
/// assert!(name_matches_reading("秀英", &["Xiu-ying"], &dict));
/// assert!(!name_matches_reading("周海燕", &["Zhou"], &dict));
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

/// The base of an English irregular past form ('said' -> 'say'), for the common verbs.
///
/// ```
/// assert_eq!(bitext::lexicon::irregular_past_base("said"), Some("say"));
/// assert_eq!(bitext::lexicon::irregular_past_base("laughed"), None);
/// ```
pub fn irregular_past_base(word: &str) -> Option<&'static str> {
    const PAST: &[(&str, &str)] = &[
        ("said", "say"),
        ("told", "tell"),
        ("went", "go"),
        ("came", "come"),
        ("saw", "see"),
        ("thought", "think"),
        ("took", "take"),
        ("gave", "give"),
        ("knew", "know"),
        ("got", "get"),
        ("made", "make"),
        ("found", "find"),
        ("stood", "stand"),
        ("sat", "sit"),
        ("heard", "hear"),
        ("felt", "feel"),
        ("left", "leave"),
        ("ran", "run"),
        ("brought", "bring"),
        ("began", "begin"),
        ("kept", "keep"),
        ("held", "hold"),
        ("wrote", "write"),
        ("spoke", "speak"),
        ("met", "meet"),
        ("fell", "fall"),
        ("lost", "lose"),
        ("rose", "rise"),
        ("shook", "shake"),
        ("struck", "strike"),
        ("caught", "catch"),
        ("fought", "fight"),
        ("taught", "teach"),
        ("bought", "buy"),
        ("sold", "sell"),
        ("won", "win"),
        ("broke", "break"),
        ("chose", "choose"),
        ("drew", "draw"),
        ("drove", "drive"),
        ("ate", "eat"),
        ("drank", "drink"),
        ("threw", "throw"),
        ("grew", "grow"),
        ("flew", "fly"),
        ("wore", "wear"),
        ("woke", "wake"),
        ("hid", "hide"),
        ("led", "lead"),
        ("slept", "sleep"),
        ("swore", "swear"),
        ("sang", "sing"),
        ("stole", "steal"),
        ("hung", "hang"),
        ("sent", "send"),
        ("spent", "spend"),
        ("built", "build"),
        ("meant", "mean"),
        ("paid", "pay"),
        ("laid", "lay"),
        ("sought", "seek"),
        ("understood", "understand"),
    ];
    PAST.iter()
        .find(|(past, _)| *past == word)
        .map(|&(_, base)| base)
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The match key of an English word: lower case, possessive dropped, British spelling
/// made American, Porter2 stem.
pub fn english_stem(word: &str) -> String {
    // The glossary and the checker stem the same words (a text's, the dictionary's
    // glosses) tens of thousands of times; a lookup costs a fiftieth of a stemming.
    thread_local! {
        static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::default();
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(word) {
            return stem.clone();
        }
        // A bound on what a long batch run keeps.
        if stems.len() >= 1 << 18 {
            stems.clear();
        }
        let stem = stem_uncached(word);
        stems.insert(word.to_string(), stem.clone());
        stem
    })
}

fn stem_uncached(word: &str) -> String {
    let lower = word.to_lowercase().replace('’', "'");
    let base = lower
        .strip_suffix("'s")
        .unwrap_or(&lower)
        .trim_matches('\'');
    STEMMER.stem(&american_spelling(base)).into_owned()
}

/// A British spelling in its American form (localisation, colour, centre, defence,
/// travelled, analyse, programme), so one rendering matches in either. Only what
/// spelling alone decides: both sides of a comparison go through it, so a word it
/// changes needlessly (promise -> promize) still matches itself.
fn american_spelling(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // What follows -ise or -yse: organise, organises, organised, organiser(s).
    const ENDINGS: &[&str] = &["", "s", "d", "r", "rs"];
    let ascii = word.is_ascii();
    // word = stem + middle + ending, the ending one a word takes after a root.
    let split = |middle: &str, min_stem: usize| -> Option<(usize, usize)> {
        ENDINGS.iter().find_map(|end| {
            let rest = word.strip_suffix(end)?;
            let stem = rest.strip_suffix(middle)?;
            (stem.len() >= min_stem).then_some((stem.len(), rest.len()))
        })
    };
    let swap = |at: (usize, usize), to: &str| -> Cow<'_, str> {
        Cow::Owned(format!("{}{to}{}", &word[..at.0], &word[at.1..]))
    };
    if !ascii || word.len() < 5 {
        return Cow::Borrowed(word);
    }
    if let Some(i) = word.find("isation") {
        return Cow::Owned(format!("{}ization{}", &word[..i], &word[i + 7..]));
    }
    for (british, american) in [("ise", "ize"), ("yse", "yze")] {
        // -ise/-ised/-ising: 'rise', 'wise', 'raise' keep too short a stem.
        if let Some(at) = split(british, 3) {
            return swap(at, american);
        }
        if let Some(stem) = word
            .strip_suffix("ing")
            .and_then(|r| r.strip_suffix(&british[..2]))
            && stem.len() >= 3
        {
            return Cow::Owned(format!("{stem}{}ing", &american[..2]));
        }
    }
    // colour, labourers, favourable; not four, hour, your, tour.
    for end in [
        "", "s", "ed", "ing", "er", "ers", "able", "ably", "ite", "ites",
    ] {
        if let Some(stem) = word.strip_suffix(end).and_then(|r| r.strip_suffix("our"))
            && stem.len() >= 3
        {
            return Cow::Owned(format!("{stem}or{end}"));
        }
    }
    // centre, centred, fibres; metre.
    for (british, american) in [("tre", "ter"), ("bre", "ber")] {
        for end in ["", "s", "d"] {
            if let Some(stem) = word.strip_suffix(end).and_then(|r| r.strip_suffix(british))
                && stem.len() >= 2
            {
                let end = if end == "d" { "ed" } else { end };
                return Cow::Owned(format!("{stem}{american}{end}"));
            }
        }
    }
    // travelled, modelling, labellers; not filled, called (too short a stem).
    for end in ["ed", "ing", "er", "ers"] {
        if let Some(stem) = word.strip_suffix(end).and_then(|r| r.strip_suffix("ll"))
            && stem.len() >= 4
            && stem.ends_with(['a', 'e', 'o', 'u'])
        {
            return Cow::Owned(format!("{stem}l{end}"));
        }
    }
    match word {
        "defence" | "defences" | "offence" | "offences" | "licence" | "licences" | "pretence" => {
            Cow::Owned(word.replacen("ence", "ense", 1))
        }
        "programme" | "programmes" => Cow::Owned(word.replacen("programme", "program", 1)),
        _ => Cow::Borrowed(word),
    }
}

/// Do two English stems name the same word family? Equal, an irregular form of the
/// same verb (made/make), or one the other's start (work ~ worker), or the two
/// differing in one final letter of the shorter only: a vowel after four letters in
/// common (china ~ chines), any letter after six (democrat ~ democraci); not model ~
/// modern, nation ~ natur(e). The one loose stem comparison of the glossary and the
/// checker (the checker's test of a misspelling or another form of an approved word,
/// `check::terms`, compares whole words, not stems).
pub fn stems_match(a: &str, b: &str) -> bool {
    // Every rule below needs the same first letter (the irregular forms keep theirs);
    // most pairs compared differ there, and this is a hot path of the glossary.
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    if a == b || irregular_base(a) == irregular_base(b) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let mut tail = short.chars().skip(common);
    common >= 4
        && match (tail.next(), tail.next()) {
            (None, _) => true,
            (Some(c), None) => common >= 6 || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
            _ => false,
        }
}

/// The base form of an irregular past or participle Porter stemming leaves apart.
fn irregular_base(x: &str) -> &str {
    match x {
        "made" => "make",
        "built" => "build",
        "held" => "hold",
        "led" => "lead",
        "taken" | "took" => "take",
        "given" | "gave" => "give",
        "brought" => "bring",
        "drawn" | "drew" => "draw",
        "laid" => "lay",
        "sought" => "seek",
        "won" => "win",
        "kept" => "keep",
        "met" => "meet",
        "ran" => "run",
        "grown" | "grew" => "grow",
        "chosen" | "chose" => "choos",
        "thought" => "think",
        "taught" => "teach",
        "fought" => "fight",
        "spoken" | "spoke" => "speak",
        "written" | "wrote" => "write",
        _ => x,
    }
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
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
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
    "shall",
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

/// Names a header row may give the Chinese column and the English one.
const ZH_HEADERS: &[&str] = &[
    "zh", "zh-cn", "zh_cn", "zh-hans", "chinese", "中文", "source", "src", "term",
];
const EN_HEADERS: &[&str] = &[
    "en",
    "en-us",
    "en_us",
    "en-gb",
    "english",
    "英文",
    "target",
    "tgt",
    "translation",
    "rendering",
    "renderings",
];

/// A status value as the checker reads it: `approved` (also `preferred`, `admitted`,
/// and an empty cell), `deprecated` (also `superseded`, `obsolete`) or `forbidden`
/// (also `rejected`, `do not use`); None for anything else.
fn normalise_status(value: &str) -> Option<&'static str> {
    let v = value.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match v.as_str() {
        "" | "approved" | "preferred" | "admitted" | "standard" | "ok" => "approved",
        "deprecated" | "superseded" | "obsolete" => "deprecated",
        "forbidden" | "rejected" | "do not use" | "prohibited" => "forbidden",
        _ => return None,
    })
}

/// Parse a glossary TSV. Rows are `zh<TAB>en` (` | ` between renderings in one cell);
/// blank lines and lines starting with `#` are skipped.
///
/// The columns: with a header row (first row, or a first `#` line as OmegaT writes
/// it, whose first two cells name the Chinese and the English: `zh`/`en`,
/// `source`/`target`, `Chinese`/`English`...), a `status` column gives each row's
/// status and a `note` or `comment` column its note. Without a header, the first
/// column is Chinese, the second English, a later cell holding a status word
/// (`approved`, `preferred`, `admitted`, `deprecated`, `superseded`, `forbidden`...)
/// is the status, and the other later cells are the note (OmegaT's comment column).
/// An unknown word in a status column is an error naming its line.
pub fn parse_glossary_tsv(text: &str, name: &str) -> Result<Vec<GlossaryEntry>> {
    glossary_rows(text, name, "`zh<TAB>en` (two tab-separated cells)")
}

/// [`parse_glossary_tsv`], saying what a row should be in the file's own terms.
fn glossary_rows(text: &str, name: &str, row_form: &str) -> Result<Vec<GlossaryEntry>> {
    let mut entries = Vec::new();
    // Columns of status and notes, once a header names them.
    let mut header: Option<(Option<usize>, Vec<usize>)> = None;
    let mut first_row = true;
    let is_header = |cells: &[&str]| {
        cells.len() >= 2
            && ZH_HEADERS.contains(&cells[0].to_lowercase().as_str())
            && EN_HEADERS.contains(&cells[1].to_lowercase().as_str())
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let commented = line.starts_with('#');
        let body = line.trim_start_matches('#').trim_start();
        let cells: Vec<&str> = body.split('\t').map(str::trim).collect();
        if first_row && is_header(&cells) {
            let find = |names: &[&str]| {
                cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| names.contains(&c.to_lowercase().as_str()))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            };
            let status = find(&["status", "administrative status"]).first().copied();
            let notes = find(&["note", "notes", "comment", "comments", "definition"]);
            header = Some((status, notes));
            first_row = false;
            continue;
        }
        if commented {
            continue;
        }
        first_row = false;
        if cells.len() < 2 || cells[0].is_empty() || cells[1].is_empty() {
            return Err(Error::input_at(name, n + 1, format!("expected {row_form}")));
        }
        let en: Vec<String> = cells[1]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let (status, note) = match &header {
            Some((status_col, note_cols)) => {
                let value = status_col.and_then(|c| cells.get(c)).copied().unwrap_or("");
                let status = normalise_status(value).ok_or_else(|| {
                    Error::input_at(
                        name,
                        n + 1,
                        format!(
                            "unknown status '{value}' (approved, preferred, admitted, \
                             deprecated, superseded or forbidden)"
                        ),
                    )
                })?;
                let note: Vec<&str> = note_cols
                    .iter()
                    .filter_map(|&c| cells.get(c).copied())
                    .filter(|c| !c.is_empty())
                    .collect();
                (status, note.join("; "))
            }
            None => {
                // No header: a status word is the status, the rest is the note.
                let mut status = "approved";
                let mut note = Vec::new();
                for cell in cells[2..].iter().filter(|c| !c.is_empty()) {
                    match normalise_status(cell) {
                        Some(s) if !cell.is_empty() => status = s,
                        _ => note.push(*cell),
                    }
                }
                (status, note.join("; "))
            }
        };
        entries.push(GlossaryEntry {
            zh: cells[0].to_string(),
            en,
            note,
            status: status.to_string(),
            source: name.to_string(),
            line: n + 1,
        });
    }
    Ok(entries)
}

/// Parse a TBX glossary (TBX v2 `martif`, TBX-Basic, and TBX v3 `tbx`, as bitext and
/// other tools write them): for each entry, its Chinese terms with its English ones.
/// An English term whose `administrativeStatus` is deprecated or superseded is a
/// deprecated rendering (`termNote`, or `descrip` in older files); preferred and
/// admitted ones are approved. A DTD is allowed but never read: no external entity is
/// resolved and no user-defined one expanded (an undeclared entity is an error).
pub fn parse_glossary_tbx(text: &str, name: &str) -> Result<Vec<GlossaryEntry>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let line_of = |pos: u64| {
        1 + text.as_bytes()[..(pos as usize).min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    let err = |reader: &quick_xml::Reader<&[u8]>, e: String| {
        Error::input_at(
            name,
            line_of(reader.buffer_position()),
            format!("not valid TBX: {e}"),
        )
    };
    /// One term of an entry being read.
    #[derive(Default)]
    struct Term {
        lang: Option<crate::segment::Lang>,
        text: String,
        status: String,
    }
    let mut entries = Vec::new();
    let mut entry_line = 0;
    let mut terms: Vec<Term> = Vec::new();
    let mut note = String::new();
    let mut lang = None;
    let mut in_entry = false;
    let mut in_term = false;
    let mut in_status = false;
    let mut in_note = false;
    let mut saw_root = false;
    // Elements open: a file that ends inside one was cut short.
    let mut open: Vec<String> = Vec::new();
    let lang_of = |e: &quick_xml::events::BytesStart| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"xml:lang" || a.key.as_ref() == b"lang")
            .and_then(|a| lang_of_code(&String::from_utf8_lossy(&a.value)))
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(&reader, e.to_string()))?;
        match &event {
            Event::Start(e) => open.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"martif" | b"tbx" => saw_root = true,
                b"termEntry" | b"conceptEntry" => {
                    in_entry = true;
                    entry_line = line_of(reader.buffer_position());
                    terms.clear();
                    note.clear();
                }
                b"langSet" | b"langSec" => lang = lang_of(&e),
                b"term" if in_entry => {
                    in_term = true;
                    terms.push(Term {
                        lang,
                        ..Term::default()
                    });
                }
                b"termNote" | b"descrip" => {
                    in_status = e.attributes().flatten().any(|a| {
                        a.key.as_ref() == b"type" && a.value.as_ref() == b"administrativeStatus"
                    });
                    // A definition or other description of the entry is its note.
                    in_note = !in_status && in_entry && e.local_name().as_ref() == b"descrip";
                }
                b"note" if in_entry => in_note = true,
                _ => {}
            },
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                if in_term {
                    if let Some(term) = terms.last_mut() {
                        term.text.push_str(&s);
                    }
                } else if in_status {
                    if let Some(term) = terms.last_mut() {
                        term.status.push_str(s.trim());
                    }
                } else if in_note && terms.is_empty() {
                    note.push_str(s.trim());
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"term" => in_term = false,
                b"termNote" | b"descrip" => {
                    in_status = false;
                    in_note = false;
                }
                b"note" => in_note = false,
                b"termEntry" | b"conceptEntry" => {
                    in_entry = false;
                    tbx_entries(&terms, &note, name, entry_line, &mut entries);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(Error::input(
            name,
            "not a TBX file (no martif or tbx element)",
        ));
    }
    if let Some(element) = open.last() {
        return Err(err(
            &reader,
            format!("the file ends inside <{element}> (cut short?)"),
        ));
    }
    if entries.is_empty() {
        return Err(Error::input(
            name,
            "no term entry with a Chinese and an English term",
        ));
    }
    /// Glossary entries of one TBX entry: its Chinese terms with the English ones,
    /// approved and deprecated apart.
    fn tbx_entries(
        terms: &[Term],
        note: &str,
        name: &str,
        line: usize,
        out: &mut Vec<GlossaryEntry>,
    ) {
        use crate::segment::Lang;
        let deprecated = |t: &Term| {
            let s = t.status.to_lowercase();
            s.starts_with("deprecated") || s.starts_with("superseded")
        };
        let english = |bad: bool| -> Vec<String> {
            terms
                .iter()
                .filter(|t| t.lang == Some(Lang::En) && deprecated(t) == bad)
                .map(|t| t.text.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        };
        for zh in terms.iter().filter(|t| t.lang == Some(Lang::Zh)) {
            let zh = zh.text.trim();
            if zh.is_empty() {
                continue;
            }
            for (en, status) in [(english(false), "approved"), (english(true), "deprecated")] {
                if !en.is_empty() {
                    out.push(GlossaryEntry {
                        zh: zh.to_string(),
                        en,
                        note: note.to_string(),
                        status: status.to_string(),
                        source: name.to_string(),
                        line,
                    });
                }
            }
        }
    }
    Ok(entries)
}

/// A term a glossary lists again with other renderings of the same status: both
/// lines count (their renderings are all approved, or all forbidden), which may not be
/// what was meant. One message per repeated line, naming the file and both lines.
pub fn repeated_terms(entries: &[GlossaryEntry]) -> Vec<String> {
    let mut first: std::collections::HashMap<(&str, &str), &GlossaryEntry> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for e in entries {
        match first.entry((e.zh.as_str(), e.status.as_str())) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(e);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let earlier = o.get();
                if earlier.en != e.en {
                    out.push(format!(
                        "{}: line {}: {} is listed again (first at {} line {}) with other \
                         renderings; all are taken as {}",
                        e.source, e.line, e.zh, earlier.source, earlier.line, e.status
                    ));
                }
            }
        }
    }
    out
}

/// The language of a language code as files write it (`zh-CN`, `zh-Hans`, `ZH`, `zho`,
/// `en_US`, `EN-GB`, `eng`); other languages give None.
pub fn lang_of_code(code: &str) -> Option<crate::segment::Lang> {
    let primary = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "zh" | "zho" | "chi" | "cmn" => Some(crate::segment::Lang::Zh),
        "en" | "eng" => Some(crate::segment::Lang::En),
        _ => None,
    }
}

/// The shipped glossary, parsed.
pub fn default_glossary() -> Vec<GlossaryEntry> {
    parse_glossary_tsv(DEFAULT_GLOSSARY_TSV, DEFAULT_GLOSSARY_NAME)
        .expect("the shipped glossary parses")
}

/// Parse a glossary CSV (as `bitext glossary --format csv` writes it, or a CAT tool
/// exports it): its rows read as the TSV rows of [`parse_glossary_tsv`], on the
/// lines they start on. Cells are separated by commas, or by semicolons where the first
/// row has a semicolon and no comma (Excel's CSV where the comma is the decimal mark).
pub fn parse_glossary_csv(text: &str, name: &str) -> Result<Vec<GlossaryEntry>> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut tsv = String::new();
    let mut lines = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::input_at(name, line, format!("not valid CSV: {e}"))
        })?;
        let line = record.position().map_or(lines + 1, |p| p.line() as usize);
        // Blank lines keep each row on its own line number for error messages.
        while lines + 1 < line {
            tsv.push('\n');
            lines += 1;
        }
        let cells: Vec<String> = record
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        tsv.push_str(&cells.join("\t"));
        tsv.push('\n');
        lines += 1;
    }
    let row_form = format!(
        "`zh{0}en` (two cells separated by '{0}')",
        delimiter as char
    );
    glossary_rows(&tsv, name, &row_form)
}

/// Load a glossary file: TBX (an XML file: a `martif` or `tbx` document, with or
/// without an XML declaration or DOCTYPE), CSV (a `.csv` file) or TSV.
pub fn load_glossary(path: &str) -> Result<Vec<GlossaryEntry>> {
    let text = crate::read::read_path(path)?;
    if path.to_ascii_lowercase().ends_with(".csv") {
        return parse_glossary_csv(&text, path);
    }
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        parse_glossary_tbx(&text, path)
    } else {
        parse_glossary_tsv(&text, path)
    }
}

/// Everything the aligner, the glossary and the checker may use as translation
/// evidence, and the word segmenter the documents are cut with.
pub struct Resources {
    pub dictionary: Option<Dictionary>,
    pub glossary: Vec<GlossaryEntry>,
    /// jieba with the glossaries' terms as user words (the shipped glossary's when it
    /// is used, and those of the user's glossaries), so that terms stay whole.
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
        let mut user = Vec::new();
        for g in &opts.glossaries {
            user.extend(load_glossary(g)?);
        }
        // The glossaries' terms are words to jieba: a name of the user's glossary
        // (方小川) stays whole instead of being cut across (叶文 + 洁身). Its dictionary
        // builds on another core while this one reads the rest.
        let words = if user.is_empty() {
            segmenter(with_default)
        } else {
            let mut all: Vec<&str> = user.iter().map(|e| e.zh.as_str()).collect();
            if with_default {
                all.extend(default_glossary_terms().map(|t| -> &str { t }));
            }
            Arc::new(WordSegmenter::with_words(all))
        };
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
        // The user's entry for a term replaces the shipped one: their approved
        // renderings are the ones to check against. A shipped term that holds theirs
        // and words it otherwise (数据出境安全评估 'security assessment for outbound
        // data transfers' around their 数据出境 'cross-border data transfer') goes too:
        // the longer term would be matched first, against wording not theirs. One
        // whose wording holds theirs (数据安全 'data security' around 数据 'data') stays.
        let replaced: std::collections::HashSet<&str> =
            user.iter().map(|e| e.zh.as_str()).collect();
        glossary.retain(|e| {
            let words_it_otherwise = |u: &GlossaryEntry| {
                !u.en.is_empty()
                    && !e.en.iter().any(|r| {
                        let r = r.to_lowercase();
                        u.en.iter().any(|mine| r.contains(&mine.to_lowercase()))
                    })
            };
            !replaced.contains(e.zh.as_str())
                && !user
                    .iter()
                    .any(|u| e.zh.contains(u.zh.as_str()) && words_it_otherwise(u))
        });
        glossary.extend(user);
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
        LazyLock::new(|| Arc::new(WordSegmenter::with_words([])));
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
    fn glossary_tsv_headers_and_status_words() {
        // OmegaT's form: a `#` header, a comment column.
        let g = parse_glossary_tsv(
            "# source\ttarget\tcomment\n网络空间\tcyberspace\tfrequency 3\n",
            "g.tsv",
        )
        .unwrap();
        assert_eq!(
            (g[0].status.as_str(), g[0].note.as_str()),
            ("approved", "frequency 3")
        );
        // No header: a status word in a later column is the status, never dropped.
        let g = parse_glossary_tsv(
            "网络空间\tcyber space\tforbidden\n数据\tdata\tseen twice\n",
            "g.tsv",
        )
        .unwrap();
        assert_eq!(g[0].status, "forbidden");
        assert_eq!(
            (g[1].status.as_str(), g[1].note.as_str()),
            ("approved", "seen twice")
        );
        // Synonyms of the statuses; an unknown one names its line.
        let g = parse_glossary_tsv(
            "zh\ten\tstatus\n甲\ta\tpreferred\n乙\tb\tsuperseded\n",
            "g.tsv",
        )
        .unwrap();
        assert_eq!(
            (g[0].status.as_str(), g[1].status.as_str()),
            ("approved", "deprecated")
        );
        let err = parse_glossary_tsv("zh\ten\tstatus\n甲\ta\tmaybe\n", "g.tsv").unwrap_err();
        assert!(err.to_string().contains("g.tsv: line 2"), "{err}");
    }

    #[test]
    fn tbx_glossaries_with_statuses() {
        let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="t1"><descrip type="definition">the online world</descrip>
 <langSet xml:lang="zh-CN"><tig><term>网络空间</term></tig></langSet>
 <langSet xml:lang="en-US">
  <tig><term>cyberspace</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>cyber space</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
 </langSet></termEntry>
</body></text></martif>"#;
        let g = parse_glossary_tbx(tbx, "g.tbx").unwrap();
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!(
            (g[0].zh.as_str(), g[0].en[0].as_str()),
            ("网络空间", "cyberspace")
        );
        assert_eq!(
            (g[1].en[0].as_str(), g[1].status.as_str()),
            ("cyber space", "deprecated")
        );
        assert_eq!(g[0].note, "the online world");
        // TBX v3, and entities never expanded.
        let v3 = r#"<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">
<langSec xml:lang="zh"><termSec><term>数据</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>data</term></termSec></langSec></conceptEntry></body></text></tbx>"#;
        assert_eq!(parse_glossary_tbx(v3, "g.tbx").unwrap()[0].en, ["data"]);
        let evil = r#"<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>"#;
        let err = parse_glossary_tbx(evil, "evil.tbx")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("evil.tbx: line 2"), "{err}");
        // Cut short, or holding no Chinese-English entry: an error, not an empty glossary.
        for bad in [
            "<martif><text><body><termEntry>",
            &tbx[..tbx.len() - "</body></text></martif>".len()],
            "<martif><text><body></body></text></martif>",
        ] {
            let err = parse_glossary_tbx(bad, "bad.tbx").unwrap_err().to_string();
            assert!(err.starts_with("bad.tbx"), "{err}");
        }
    }

    #[test]
    fn glossary_csv_as_bitext_writes_it() {
        let text = "zh,en,score,frequency,other_renderings,known,examples\n\
                    数字经济,\"digital economy|data economy\",1.4,2,,yes,\"0,3\"\n\
                    数据,,1.0,4,,yes,1\n";
        let err = parse_glossary_csv(text, "g.csv").unwrap_err().to_string();
        assert!(err.starts_with("g.csv: line 3"), "{err}");
        let g = parse_glossary_csv(&text.replace(",,1.0", ",data,1.0"), "g.csv").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].en, ["digital economy", "data economy"]);
        assert_eq!((g[1].zh.as_str(), g[1].line), ("数据", 3));
        assert!(
            err.contains("`zh,en` (two cells separated by ',')"),
            "{err}"
        );
        // Excel's CSV where the comma is the decimal mark.
        let semi = "zh;en;note\n数字经济;digital economy;1,5 %\n网络;\n";
        let err = parse_glossary_csv(semi, "s.csv").unwrap_err().to_string();
        assert!(err.starts_with("s.csv: line 3: expected `zh;en`"), "{err}");
        let g = parse_glossary_csv(&semi.replace("网络;", "网络;network"), "s.csv").unwrap();
        assert_eq!(g[0].en, ["digital economy"]);
        assert_eq!((g[1].zh.as_str(), g[1].en[0].as_str()), ("网络", "network"));
    }

    #[test]
    fn glossary_tsv_with_status_column() {
        let text = "zh\ten\tstatus\n# c\n数据\tdata\t\n网络\tnet\tforbidden\n";
        let g = parse_glossary_tsv(text, "g.tsv").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].status, "forbidden");
        assert_eq!(g[0].line, 3);
        // A trailing separator leaves no empty rendering and no stray bar.
        assert_eq!(
            parse_glossary_tsv("数据\tdata | \n", "g.tsv").unwrap()[0].en,
            ["data"]
        );
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
    fn british_and_american_spellings_share_a_stem() {
        for (british, american) in [
            ("localisation", "localization"),
            ("industrialisations", "industrializations"),
            ("organised", "organized"),
            ("organising", "organizing"),
            ("analyse", "analyze"),
            ("colour", "color"),
            ("labourers", "laborers"),
            ("favourable", "favorable"),
            ("centre", "center"),
            ("centred", "centered"),
            ("fibres", "fibers"),
            ("travelled", "traveled"),
            ("modelling", "modeling"),
            ("defence", "defense"),
            ("programmes", "programs"),
        ] {
            assert_eq!(english_stem(british), english_stem(american), "{british}");
        }
        // Words that only look British keep apart from their look-alikes.
        for (a, b) in [
            ("four", "for"),
            ("our", "or"),
            ("filled", "filed"),
            ("rise", "riz"),
        ] {
            assert_ne!(english_stem(a), english_stem(b), "{a}");
        }
    }

    #[test]
    fn one_stem_comparison() {
        assert!(stems_match("china", "chines"));
        assert!(stems_match("work", "worker"));
        assert!(stems_match("made", "make"));
        assert!(!stems_match("nation", "natur"));
        assert!(!stems_match("model", "modern"));
        assert!(stems_match("democrat", "democraci"));
        assert!(!stems_match("communist", "communiti"));
        assert!(!stems_match("reform", "refus"));
    }

    #[test]
    fn shipped_glossary_parses() {
        assert!(!default_glossary().is_empty());
        assert!(repeated_terms(&default_glossary()).is_empty());
    }

    #[test]
    fn a_term_listed_twice_with_other_renderings_is_noted() {
        let g = parse_glossary_tsv(
            "数字政府\tdigital government\n数据\tdata\n数字政府\te-government\n",
            "g.tsv",
        )
        .unwrap();
        let notes = repeated_terms(&g);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("g.tsv: line 3: 数字政府"),
            "{}",
            notes[0]
        );
        assert!(notes[0].contains("line 1"), "{}", notes[0]);
    }
}
