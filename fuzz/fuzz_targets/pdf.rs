//! PDF files of any bytes: lopdf's parsing (cross-reference repair, object streams,
//! decompression), the content interpreter (fonts, ToUnicode maps, widths, form
//! XObjects) and the layout. Limits are small so that the fuzzer spends its time on
//! structure rather than on filling the default budgets; every path is the one that
//! `bitext::read` takes for a .pdf file.
#![no_main]

use bitext::pdf::{Limits, pdf_to_markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_stream_bytes: 1 << 20,
        max_total_bytes: 8 << 20,
        max_objects: 100_000,
        max_operations: 1_000_000,
        max_glyphs: 200_000,
        max_forms: 10_000,
    };
    if let Ok(pdf) = pdf_to_markdown(data, "fuzz.pdf", limits) {
        assert!(!pdf.markdown.trim().is_empty(), "a read PDF has text");
        assert!(pdf.damaged_pages <= pdf.pages);
    }
});
