//! Glossary files of any text: the TSV reader (renderings, status column, comments).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bitext::lexicon::parse_glossary_tsv(text, "fuzz.tsv");
    }
});
