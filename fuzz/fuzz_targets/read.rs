//! Documents of any bytes: encoding detection (UTF-8, UTF-16 with and without BOM,
//! GB18030, Big5), a named encoding, HTML, Markdown and plain text. The first byte
//! chooses the options, so one corpus reaches every path.
#![no_main]

use bitext::read::{InputFormat, ReadOptions, document_from_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let format = match choice & 7 {
        0 => Some(InputFormat::Text),
        1 => Some(InputFormat::Markdown),
        2 => Some(InputFormat::Html),
        _ => None,
    };
    let encoding = match (choice >> 3) & 7 {
        0 => Some(encoding_rs::BIG5),
        1 => Some(encoding_rs::GB18030),
        2 => Some(encoding_rs::UTF_16LE),
        _ => None,
    };
    let options = ReadOptions {
        format,
        encoding,
        ..ReadOptions::default()
    };
    if let Ok((text, _)) = document_from_bytes(bytes, "fuzz.txt", &options) {
        assert!(!text.contains('\r'), "line ends are normalised");
    }
});
