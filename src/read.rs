//! Reader: bytes -> text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
//! GB18030/GBK without BOM; CRLF and CR become LF. Binary, empty and undecodable
//! input are refused with an error naming the file.

use std::io::Read;

use crate::error::{Error, Result};

/// How the decoded text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    /// Markdown: `#` headings give section levels.
    Markdown,
}

/// Read a file (or stdin for `-`) and decode it.
pub fn read_path(path: &str) -> Result<String> {
    let bytes = read_bytes(path)?;
    decode(&bytes, path)
}

/// Read a document for segmenting: a .docx file (by extension, or a zip archive on
/// stdin) as Markdown with its heading styles as `#` levels ([`crate::docx`]); a PDF
/// (by extension or signature) as Markdown with headings found by font
/// ([`crate::pdf`]); any other file decoded as text, its format from the extension
/// ([`text_format`]).
pub fn read_document(path: &str) -> Result<(String, TextFormat)> {
    let bytes = read_bytes(path)?;
    if path.to_ascii_lowercase().ends_with(".pdf") || crate::pdf::is_pdf(&bytes) {
        let pdf = crate::pdf::pdf_to_markdown(&bytes, path, crate::pdf::Limits::default())?;
        let format = if pdf.headings {
            TextFormat::Markdown
        } else {
            TextFormat::Plain
        };
        return Ok((pdf.markdown, format));
    }
    if path.to_ascii_lowercase().ends_with(".docx") || crate::docx::is_zip(&bytes) {
        let text = crate::docx::docx_to_markdown(&bytes, path, crate::docx::Limits::default())?;
        return Ok((text, TextFormat::Markdown));
    }
    Ok((decode(&bytes, path)?, text_format(path)))
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

fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
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
                // GB18030 accepts most byte pairs: binary data that happens to decode
                // still shows control characters, which Chinese text never has.
                if had_errors || text.chars().any(is_binary_control) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("数据\r\n治理\r".as_bytes(), "a").unwrap(),
            "数据\n治理\n"
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("数据".as_bytes());
        assert_eq!(decode(&bom, "a").unwrap(), "数据");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "数据 ok\r\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, "a").unwrap(), "数据 ok\n");
        assert_eq!(decode(&be, "a").unwrap(), "数据 ok\n");
    }

    #[test]
    fn gb18030_without_bom() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("全球数字治理白皮书。\n");
        assert_eq!(decode(&bytes, "a").unwrap(), "全球数字治理白皮书。\n");
    }

    #[test]
    fn bad_input_names_the_file() {
        for (bytes, what) in [
            (&b""[..], "empty"),
            (&b"   \n"[..], "no text"),
            (&b"ab\0cd"[..], "binary"),
            (&b"ok\n\x80\xff\xfe"[..], "not GB18030"),
            (&b"\x81\x30\x01\x02\x03"[..], "not GB18030"),
        ] {
            let err = decode(bytes, "doc.txt").unwrap_err().to_string();
            assert!(err.starts_with("doc.txt"), "{err}");
            assert!(err.contains(what), "{err}");
        }
    }

    #[test]
    fn formats_from_extension() {
        assert_eq!(text_format("a.MD"), TextFormat::Markdown);
        assert_eq!(text_format("a.txt"), TextFormat::Plain);
        assert_eq!(text_format("-"), TextFormat::Plain);
    }
}
