//! Compiles the embedded CC-CEDICT (dict/cedict-*.txt.gz) into the compact table that
//! `lexicon::embedded` reads in place, so that no start of bitext parses dictionary
//! text. The table answers exactly what the first version (the `haoxue-dict` crate's
//! index over the same file) answered: for every word, its glosses and the toneless
//! readings in the order that index gave them, and whether the word is a simplified
//! headword.
//!
//! Layout (all integers u32 little-endian; see src/lexicon/embedded.rs):
//! `BXCEDIC1`, then the counts n_words, n_strings, n_gloss_refs, n_reading_refs, then
//! word_offsets[n_words+1], gloss_starts[n_words+1], reading_starts[n_words+1],
//! headword flags (one byte per word, padded to 4), gloss_refs[n_gloss_refs],
//! reading_refs[n_reading_refs], string_offsets[n_strings+1], the word bytes, the
//! string bytes. Words are sorted bytewise; refs index the string table.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

const CEDICT: &str = "dict/cedict-2024-06-07.txt.gz";

fn main() {
    println!("cargo:rerun-if-changed={CEDICT}");
    println!("cargo:rerun-if-changed=build.rs");
    let file = std::fs::File::open(CEDICT).unwrap_or_else(|e| panic!("{CEDICT}: {e}"));
    let lines: Vec<String> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| l.unwrap_or_else(|e| panic!("{CEDICT}: {e}")))
        .collect();
    let meta = |key: &str| {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix("#! "))
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or("?")
            .to_string()
    };
    let date: String = meta("date").chars().take(10).collect();
    let entries: Vec<cedict::DictEntry<&str>> = lines
        .iter()
        .filter(|l| !cedict::is_comment(l))
        .filter_map(|l| cedict::parse_dict_entry(l.as_str()))
        // As haoxue-dict did: entries whose headword is all ASCII are left out.
        .filter(|e| !e.simplified().is_ascii())
        .collect();
    println!(
        "cargo:rustc-env=BITEXT_CEDICT=CC-CEDICT {date}, {} entries",
        group_thousands(entries.len())
    );
    let table = compile(&entries);
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("cedict.bin");
    std::fs::File::create(&out)
        .and_then(|mut f| f.write_all(&table))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Toneless, lower-case syllables of a reading: `Wang1 miao3` -> [wang, miao].
fn toneless(pinyin: &str) -> impl Iterator<Item = String> + '_ {
    pinyin.split_whitespace().map(|syl| {
        syl.trim_end_matches(|c: char| c.is_ascii_digit())
            .replace("u:", "v")
            .to_lowercase()
    })
}

/// What the old index answered for `word`: the entries met while walking the prefixes
/// of `word` through the headwords (stopping at the first prefix no headword starts
/// with), keeping those whose simplified or traditional form is `word`.
fn entries_for<'a>(
    index: &'a BTreeMap<&'a str, Vec<&'a cedict::DictEntry<&'a str>>>,
    word: &str,
) -> Vec<&'a cedict::DictEntry<&'a str>> {
    let mut out = Vec::new();
    let prefixes = word
        .char_indices()
        .skip(1)
        .map(|(n, _)| &word[..n])
        .chain(std::iter::once(word));
    for prefix in prefixes {
        let Some((key, group)) = index.range(prefix..).next() else {
            break;
        };
        if !key.starts_with(prefix) {
            break;
        }
        if *key == prefix {
            out.extend(
                group
                    .iter()
                    .filter(|e| e.simplified() == word || e.traditional() == word),
            );
        }
    }
    out
}

fn compile(entries: &[cedict::DictEntry<&str>]) -> Vec<u8> {
    // Headwords in order, each with its entries in file order.
    let mut index: BTreeMap<&str, Vec<&cedict::DictEntry<&str>>> = BTreeMap::new();
    for e in entries {
        index.entry(e.simplified()).or_default().push(e);
    }
    let words: BTreeSet<&str> = entries
        .iter()
        .flat_map(|e| [e.simplified(), e.traditional()])
        .collect();

    let mut strings: Vec<String> = Vec::new();
    let mut string_ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: String| -> u32 {
        if let Some(&id) = string_ids.get(&s) {
            return id;
        }
        let id = strings.len() as u32;
        strings.push(s.clone());
        string_ids.insert(s, id);
        id
    };
    let (mut word_offsets, mut gloss_starts, mut reading_starts) = (vec![0], vec![0], vec![0]);
    let (mut word_bytes, mut headword) = (Vec::new(), Vec::new());
    let (mut gloss_refs, mut reading_refs) = (Vec::new(), Vec::new());
    for word in words {
        let found = entries_for(&index, word);
        let is_headword = index.contains_key(word);
        if found.is_empty() && !is_headword {
            continue;
        }
        for e in &found {
            for gloss in e.definitions() {
                gloss_refs.push(intern(gloss.to_string()));
            }
        }
        let mut readings: Vec<String> = found.iter().flat_map(|e| toneless(e.pinyin())).collect();
        readings.sort();
        readings.dedup();
        reading_refs.extend(readings.into_iter().map(&mut intern));
        word_bytes.extend_from_slice(word.as_bytes());
        word_offsets.push(word_bytes.len() as u32);
        gloss_starts.push(gloss_refs.len() as u32);
        reading_starts.push(reading_refs.len() as u32);
        headword.push(is_headword as u8);
    }
    let n_words = headword.len();
    while !headword.len().is_multiple_of(4) {
        headword.push(0);
    }
    let mut string_offsets = vec![0u32];
    let mut string_bytes = Vec::new();
    for s in &strings {
        string_bytes.extend_from_slice(s.as_bytes());
        string_offsets.push(string_bytes.len() as u32);
    }

    let mut out = b"BXCEDIC1".to_vec();
    let put = |out: &mut Vec<u8>, values: &[u32]| {
        for v in values {
            out.extend_from_slice(&v.to_le_bytes());
        }
    };
    put(
        &mut out,
        &[
            n_words as u32,
            strings.len() as u32,
            gloss_refs.len() as u32,
            reading_refs.len() as u32,
        ],
    );
    put(&mut out, &word_offsets);
    put(&mut out, &gloss_starts);
    put(&mut out, &reading_starts);
    out.extend_from_slice(&headword);
    put(&mut out, &gloss_refs);
    put(&mut out, &reading_refs);
    put(&mut out, &string_offsets);
    out.extend_from_slice(&word_bytes);
    out.extend_from_slice(&string_bytes);
    out
}
