//! Builds the default dictionary's tables at compile time (bitext's change to
//! jieba-rs, see VENDORED.md): records, log-frequencies, tags and the trie, by
//! the same steps `Jieba::load_default_dict` takes on an empty instance, with
//! the crate's own trie code. They are written to OUT_DIR as native-endian
//! bytes that the library reads in place, so `Jieba::new` neither decompresses
//! nor parses nor inserts anything.
//!
//! Only when the target is the host: the tables are laid out in the host's
//! byte order and word size, and the log-frequencies are computed by the
//! host's `ln`. Any other build loads the dictionary at run time, as upstream.

use std::collections::HashMap;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/trie.rs"]
mod trie;

const DICT: &str = "src/data/dict.txt";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/trie.rs");
    println!("cargo::rerun-if-changed={DICT}");
    println!("cargo::rustc-check-cfg=cfg(jieba_prebuilt_dict)");

    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let same_target = env("TARGET") == env("HOST") && env("CARGO_CFG_TARGET_POINTER_WIDTH") == "64";
    if env("CARGO_FEATURE_DEFAULT_DICT").is_empty() || !same_target {
        return;
    }

    let dict = std::fs::read_to_string(DICT).expect("reading the default dictionary");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out_dir);

    // As `load_default_dict` on an empty instance: reserve for the line count,
    // then one record per line, in order, with no duplicate check.
    let lines = dict.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut records = Vec::with_capacity(lines * 16);
    let mut log_freqs = Vec::with_capacity(lines * 8);
    let mut tags: Vec<&str> = Vec::new();
    let mut tag_ids: HashMap<&str, u32> = HashMap::new();
    let mut trie = trie::CharTrie::new();
    trie.reserve(lines);
    let mut count: usize = 0;
    let mut total: usize = 0;
    for line in dict.lines() {
        let mut iter = line.split_ascii_whitespace();
        let Some(word) = iter.next() else { continue };
        let freq = iter
            .next()
            .map_or(0, |x| x.parse::<usize>().expect("invalid frequency in default dict"));
        let tag = iter.next().unwrap_or("");
        let tag = *tag_ids.entry(tag).or_insert_with(|| {
            tags.push(tag);
            tags.len() as u32 - 1
        });
        // `Record { freq: usize, tag: u32 }`, `repr(C)`: 16 bytes on a 64-bit target.
        records.extend_from_slice(&(freq as u64).to_ne_bytes());
        records.extend_from_slice(&tag.to_ne_bytes());
        records.extend_from_slice(&[0; 4]);
        log_freqs.extend_from_slice(&(freq as f64).ln().to_ne_bytes());
        trie.insert(word, i32::try_from(count).expect("word id fits i32"));
        count += 1;
        total += freq;
    }

    let (root, slots, trie_len, next_node) = trie.to_bytes();
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).expect("writing OUT_DIR");
    write("records.bin", &records);
    write("log_freqs.bin", &log_freqs);
    write("trie_root.bin", &root);
    write("trie_slots.bin", &slots);
    write(
        "default_dict.rs",
        format!(
            "pub(crate) const RECORDS: usize = {count};\n\
             pub(crate) const TOTAL: usize = {total};\n\
             pub(crate) const TRIE_LEN: usize = {trie_len};\n\
             pub(crate) const TRIE_NEXT_NODE: u32 = {next_node};\n\
             pub(crate) const TAGS: &[&str] = &{tags:?};\n"
        )
        .as_bytes(),
    );
    println!("cargo::rustc-cfg=jieba_prebuilt_dict");
}
