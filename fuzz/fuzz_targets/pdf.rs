//! PDF files of any bytes: lopdf's parsing (cross-reference repair, object streams,
//! decompression), the content interpreter (fonts, ToUnicode maps, widths, form
//! XObjects) and the layout. Limits are small so that the fuzzer spends its time on
//! structure rather than on filling the default budgets; every path is the one that
//! `bitext::read` takes for a .pdf file.
#![no_main]

use bitext::pdf::{Limits, pdf_to_markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pdf) = pdf_to_markdown(data, "fuzz.pdf", Limits::small()) {
        assert!(!pdf.markdown.trim().is_empty(), "a read PDF has text");
        assert!(pdf.damaged_pages <= pdf.pages);
    }
});
