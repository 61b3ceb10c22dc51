//! Number, date and percentage mentions in any text, both languages: spans stay inside
//! the text, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for mention in bitext::numbers::extract_zh(text)
        .into_iter()
        .chain(bitext::numbers::extract_en(text))
    {
        assert!(mention.start <= mention.end && mention.end <= text.len());
        assert!(text.is_char_boundary(mention.start) && text.is_char_boundary(mention.end));
    }
});
