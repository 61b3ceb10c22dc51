//! .docx archives of any bytes: zip structure, size and entry limits, the XML parts.
#![no_main]

use bitext::docx::{Limits, docx_to_markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_entries: 64,
        max_total_bytes: 1 << 20,
    };
    let _ = docx_to_markdown(data, "fuzz.docx", limits);
});
