//! The Markdown reader (headings, lists, inline markup) on any text, both languages.
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
    let doc = segment::segment(text.to_string(), lang, TextFormat::Markdown, WordSegmenter::plain());
    for (i, unit) in doc.units.iter().enumerate() {
        let _ = doc.unit_text(i);
        let _ = doc.section_path(unit.section);
    }
});
