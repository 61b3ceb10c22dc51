//! Reader: bytes -> text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
//! GB18030/GBK without BOM; CRLF and CR become LF. Binary, empty and undecodable
//! input are refused with an error naming the file.

use std::io::Read;

use crate::error::{Error, Result};
use crate::segment::TextFormat;

/// Read a file (or stdin for `-`) and decode it.
pub fn read_path(path: &str) -> Result<String> {
    let bytes = read_bytes(path)?;
    decode(&bytes, path)
}

/// Raw bytes of a file, or of stdin for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, e))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, e))
    }
}

/// The markup of a file, from its extension.
pub fn text_format(path: &str) -> TextFormat {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        TextFormat::Markdown
    } else {
        TextFormat::Plain
    }
}

/// Decode bytes to text with LF line ends. `name` is used in error messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::input(name, "the file is empty"));
    }
    let text = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::input(name, format!("not valid {} text", enc.name())));
        }
        text.into_owned()
    } else {
        if bytes.contains(&0) {
            return Err(Error::input(
                name,
                "binary data (NUL bytes), not a text file",
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(utf8_err) => {
                let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
                if had_errors {
                    let line = 1 + bytes[..utf8_err.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                    return Err(Error::input_at(
                        name,
                        line,
                        "invalid UTF-8, and not GB18030/GBK either",
                    ));
                }
                text.into_owned()
            }
        }
    };
    if text.contains('\0') {
        return Err(Error::input(
            name,
            "binary data (NUL characters), not a text file",
        ));
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(Error::input(name, "the file has no text"));
    }
    Ok(text)
}
