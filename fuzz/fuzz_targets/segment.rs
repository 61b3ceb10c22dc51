//! The segmenter on any text, both languages, as prose and pre-split: sentence spans
//! stay inside the text and on character boundaries.
#![no_main]

use bitext::read::TextFormat;
use bitext::segment::{self, Lang, words::WordSegmenter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let lang = if choice & 1 == 0 { Lang::Zh } else { Lang::En };
    let words = WordSegmenter::plain();
    let doc = if choice & 2 == 0 {
        segment::segment(text.to_string(), lang, TextFormat::Plain, words)
    } else {
        segment::presplit(text.to_string(), lang, words)
    };
    for (i, unit) in doc.units.iter().enumerate() {
        assert!(unit.start <= unit.end && unit.end <= doc.text.len());
        let _ = doc.unit_text(i);
        for t in &unit.tokens {
            let _ = doc.token_text(t);
        }
        let _ = doc.section_path(unit.section);
    }
});
