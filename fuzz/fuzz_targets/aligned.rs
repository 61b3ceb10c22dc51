//! Aligned files of any bytes: TSV, JSONL and TMX (chosen by content, as
//! `--aligned FILE` does), in any encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = bitext::formats::aligned::parse_aligned(data, "fuzz.tmx");
});
