//! Reader: bytes -> text. UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or
//! recognised by where its NUL bytes fall), and the legacy Chinese encodings without
//! BOM: GB18030/GBK, or Big5 when more of the text's characters fall in Big5's block of
//! frequent characters than in GB2312's; CRLF and CR become LF. A caller that knows the
//! encoding names it ([`ReadOptions::encoding`]). Binary, empty and undecodable input
//! are refused with an error naming the file, and a file of a known non-text format
//! (PDF, images, archives, old or encrypted Office files) is named as such.
//!
//! Documents come as plain text, Markdown, HTML ([`crate::html_input`]), .docx
//! ([`crate::docx`]) or PDF ([`crate::pdf`]); [`read_document`] tells them apart by
//! content and extension.

use std::io::Read;

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// How the decoded text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    /// Markdown: `#` headings give section levels.
    Markdown,
}

/// What a document file is, and so how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl InputFormat {
    /// The format a file name's extension names (`.md`, `.html`, `.docx`...); `None`
    /// when it names none (`.txt`, no extension, `-` for stdin).
    pub fn from_extension(path: &str) -> Option<InputFormat> {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "md" | "markdown" => Some(InputFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "docx" => Some(InputFormat::Docx),
            "pdf" => Some(InputFormat::Pdf),
            "txt" | "text" => Some(InputFormat::Text),
            _ => None,
        }
    }
}

/// How to read a document; the defaults find everything out from the file.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions {
    /// The document's format, found from its content and extension when `None`.
    pub format: Option<InputFormat>,
    /// The text's encoding (not used for .docx), detected when `None`.
    pub encoding: Option<&'static Encoding>,
    /// The largest input accepted, in bytes; [`DEFAULT_MAX_INPUT_BYTES`] when `None`.
    pub max_bytes: Option<u64>,
}

/// The largest document read by default (256 MB). Memory grows with the text (tens of
/// bytes per input byte in `check`), so a larger file is refused before it is read
/// rather than left to exhaust the machine.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 << 20;

/// Read a file (or stdin for `-`) and decode it.
pub fn read_path(path: &str) -> Result<String> {
    let bytes = read_bytes(path)?;
    decode(&bytes, path)
}

/// Read a document for segmenting, finding its format and encoding from the file:
/// see [`read_document_with`].
pub fn read_document(path: &str) -> Result<(String, TextFormat)> {
    read_document_with(path, &ReadOptions::default())
}

/// Read a document for segmenting (a file, or stdin for `-`): see [`document_from_bytes`].
pub fn read_document_with(path: &str, options: &ReadOptions) -> Result<(String, TextFormat)> {
    read_document_noted(path, options).map(|(text, format, _)| (text, format))
}

/// [`read_document_with`], with what the reader should know of the text: a PDF's pages
/// that could not be read, or the file cut short.
pub fn read_document_noted(
    path: &str,
    options: &ReadOptions,
) -> Result<(String, TextFormat, Vec<String>)> {
    let bytes = read_bytes_limited(path, options.max_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES))?;
    document_from_bytes_noted(&bytes, path, options)
}

/// A document's text and markup: a PDF (by extension or signature) as Markdown with
/// headings found by font ([`crate::pdf`]); a .docx file (by extension, or any zip
/// archive) as Markdown with its heading styles as `#` levels ([`crate::docx`]); an HTML page (by
/// extension, or a `<!DOCTYPE html>`/`<html>` start) as Markdown with its `h1`-`h6` as
/// `#` levels ([`crate::html_input`]); a `.md` file as Markdown; anything else as plain
/// text. `options.format` overrides what the name and content say (stdin has no name).
/// `name` is used in error messages.
pub fn document_from_bytes(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
) -> Result<(String, TextFormat)> {
    document_from_bytes_noted(bytes, name, options).map(|(text, format, _)| (text, format))
}

/// [`document_from_bytes`], with notes on what may be missing from the text (see
/// [`read_document_noted`]).
pub fn document_from_bytes_noted(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
) -> Result<(String, TextFormat, Vec<String>)> {
    let format = match options.format {
        Some(format) => format,
        None if crate::pdf::is_pdf(bytes) => InputFormat::Pdf,
        None if crate::docx::is_zip(bytes) => InputFormat::Docx,
        None => InputFormat::from_extension(name)
            .or_else(|| looks_like_html(bytes).then_some(InputFormat::Html))
            .unwrap_or(InputFormat::Text),
    };
    let (text, text_format, notes) = read_format(bytes, name, options, format)?;
    // Lines of plain text are as written; the readers' lines are blocks.
    let text = without_soft_hyphens(text, format == InputFormat::Text);
    if text.trim().is_empty() {
        return Err(Error::input(name, "the file has no text"));
    }
    Ok((text, text_format, notes))
}

/// The text without its soft hyphens (U+00AD), which are invisible: a reader sees one
/// only where a line breaks at it, and in `wrapped` text that joins the two halves of
/// a word (fol-|lows).
fn without_soft_hyphens(text: String, wrapped: bool) -> String {
    if !text.contains('\u{AD}') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\u{AD}') {
        out.push_str(&rest[..at]);
        rest = &rest[at + '\u{AD}'.len_utf8()..];
        let next_line = rest
            .strip_prefix('\n')
            .map(|l| l.trim_start_matches([' ', '\t']));
        let word_goes_on = wrapped
            && out.ends_with(char::is_alphabetic)
            && next_line.is_some_and(|l| l.starts_with(char::is_alphabetic));
        if let (true, Some(next_line)) = (word_goes_on, next_line) {
            rest = next_line;
        }
    }
    out.push_str(rest);
    out
}

/// A document of a known format as text and markup (see [`document_from_bytes`]).
fn read_format(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
    format: InputFormat,
) -> Result<(String, TextFormat, Vec<String>)> {
    if format == InputFormat::Pdf {
        let pdf = crate::pdf::pdf_to_markdown(bytes, name, crate::pdf::Limits::default())?;
        let format = if pdf.headings {
            TextFormat::Markdown
        } else {
            TextFormat::Plain
        };
        let mut notes = Vec::new();
        if pdf.damaged_pages > 0 {
            notes.push(format!(
                "{name}: {} of the PDF's {} pages could not be read and are left out",
                pdf.damaged_pages, pdf.pages
            ));
        }
        if pdf.cut_short {
            notes.push(format!(
                "{name}: the PDF file is cut short (no %%EOF at its end): pages may be missing"
            ));
        }
        return Ok((pdf.markdown, format, notes));
    }
    if format == InputFormat::Docx {
        let text = crate::docx::docx_to_markdown(bytes, name, crate::docx::Limits::default())?;
        return Ok((text, TextFormat::Markdown, Vec::new()));
    }
    let text = decode_with(bytes, name, options.encoding)?;
    Ok(match format {
        InputFormat::Html => {
            let markdown = crate::html_input::html_to_markdown(&text);
            if markdown.trim().is_empty() {
                return Err(Error::input(name, "the HTML page has no text"));
            }
            (markdown, TextFormat::Markdown)
        }
        InputFormat::Markdown => (
            crate::markdown_input::markdown_to_lines(&text),
            TextFormat::Markdown,
        ),
        InputFormat::Text | InputFormat::Docx | InputFormat::Pdf => (text, TextFormat::Plain),
    })
    .map(|(text, format)| (text, format, Vec::new()))
}

/// An HTML page announces itself in its first bytes: `<!DOCTYPE html` or `<html`.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Raw bytes of a file, or of stdin for `-`, up to [`DEFAULT_MAX_INPUT_BYTES`].
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    read_bytes_limited(path, DEFAULT_MAX_INPUT_BYTES)
}

/// Raw bytes of a file, or of stdin for `-`; more than `max_bytes` is an error naming
/// the limit. Reads at most one byte past it, so a pipe without end cannot fill memory.
pub fn read_bytes_limited(path: &str, max_bytes: u64) -> Result<Vec<u8>> {
    let too_large = || {
        Error::input(
            path,
            format!(
                "larger than the input limit of {} MB (--max-input-mb raises it)",
                max_bytes.div_ceil(1 << 20)
            ),
        )
    };
    let mut buf = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, e))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        // A regular file says its size: refuse it before reading a byte.
        if file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > max_bytes)
        {
            return Err(too_large());
        }
        file.take(max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, e))?;
    }
    if buf.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(buf)
}

/// The markup of a file, from its extension.
pub fn text_format(path: &str) -> TextFormat {
    match InputFormat::from_extension(path) {
        Some(InputFormat::Markdown) => TextFormat::Markdown,
        _ => TextFormat::Plain,
    }
}

fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

/// Decode bytes to text with LF line ends, detecting the encoding. `name` is used in
/// error messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<String> {
    decode_with(bytes, name, None)
}

/// Decode bytes to text with LF line ends: in `encoding` when given (a byte-order mark
/// of that encoding is dropped), else as the module doc says.
pub fn decode_with(
    bytes: &[u8],
    name: &str,
    encoding: Option<&'static Encoding>,
) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::input(name, "the file is empty"));
    }
    let text = match encoding {
        Some(enc) => decode_strictly(enc, bytes, name)?,
        None => detect_and_decode(bytes, name)?,
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

/// Decode in one named encoding; a malformed sequence is an error naming its line.
fn decode_strictly(enc: &'static Encoding, bytes: &[u8], name: &str) -> Result<String> {
    let (text, had_errors) = enc.decode_with_bom_removal(bytes);
    if had_errors {
        let line = text
            .split('\u{FFFD}')
            .next()
            .map_or(1, |before| 1 + before.matches('\n').count());
        return Err(Error::encoding(
            name,
            line,
            format!("not valid {} text", enc.name()),
        ));
    }
    Ok(text.into_owned())
}

fn detect_and_decode(bytes: &[u8], name: &str) -> Result<String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::input(name, format!("not valid {} text", enc.name())));
        }
        return Ok(text.into_owned());
    }
    if let Some(kind) = crate::signatures::binary_kind(bytes) {
        return Err(Error::input(
            name,
            format!("this is {kind}, not a text file"),
        ));
    }
    if let Some(text) = utf16_without_bom(bytes) {
        return Ok(text);
    }
    if bytes.contains(&0) {
        return Err(Error::input(
            name,
            "binary data (NUL bytes), not a text file",
        ));
    }
    let utf8_err = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e,
    };
    let candidates = match more_big5_than_gb(bytes) {
        true => [encoding_rs::BIG5, encoding_rs::GB18030],
        false => [encoding_rs::GB18030, encoding_rs::BIG5],
    };
    for enc in candidates {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        // Both accept most byte pairs: binary data that happens to decode still shows
        // control characters, which Chinese text never has.
        if !had_errors && !text.chars().any(is_binary_control) {
            return Ok(text.into_owned());
        }
    }
    let line = 1 + bytes[..utf8_err.valid_up_to()]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    Err(Error::encoding(
        name,
        line,
        "invalid UTF-8, and not GB18030/GBK or Big5 either",
    ))
}

/// UTF-16 text without a byte-order mark, little- or big-endian: its line ends and
/// other ASCII characters bring NUL bytes (which UTF-8 and GB18030 text never has), and
/// read in the right byte order nearly every character is one of a Chinese or English
/// text (ASCII, Latin-1, Han, CJK punctuation, full-width forms), where the wrong order
/// scatters them over the whole plane. Binary data decodes to errors or controls.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    let textual = |c: char| {
        matches!(c as u32, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x2000..=0x206F
            | 0x3000..=0x303F | 0xFF00..=0xFFEF)
            || crate::script::is_han(c)
    };
    [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .filter_map(|enc| {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if had_errors || text.chars().any(|c| is_binary_control(c) || c == '\0') {
                return None;
            }
            let share = text.chars().filter(|&c| textual(c)).count() as f64
                / text.chars().count().max(1) as f64;
            (share >= 0.9).then(|| (share, text.into_owned()))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, text)| text)
}

/// Whether legacy Chinese bytes read better as Big5 than as GB18030/GBK. Each encoding
/// puts its frequent characters in one block: GB2312's 6,763 characters at lead bytes
/// B0-F7 with trail A1-FE; Big5's 5,401 frequent characters at A440-C67E. Real text
/// in one encoding falls mostly in its own block and far less in the other's (a Big5
/// trail byte below A1 is outside GB2312; GB2312 leads above C6 are outside Big5's).
fn more_big5_than_gb(bytes: &[u8]) -> bool {
    let (mut gb, mut big5) = (0usize, 0usize);
    let mut i = 0;
    while i + 1 < bytes.len() {
        let (lead, trail) = (bytes[i], bytes[i + 1]);
        if lead < 0x80 {
            i += 1;
            continue;
        }
        if trail.is_ascii_digit() {
            // GB18030's four-byte form; Big5 has none.
            gb += 1;
            i += 4;
            continue;
        }
        if (0xB0..=0xF7).contains(&lead) && (0xA1..=0xFE).contains(&trail) {
            gb += 1;
        }
        let big5_trail = matches!(trail, 0x40..=0x7E | 0xA1..=0xFE);
        if big5_trail && ((0xA4..=0xC5).contains(&lead) || (lead == 0xC6 && trail <= 0x7E)) {
            big5 += 1;
        }
        i += 2;
    }
    big5 > gb
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
    fn big5_is_told_from_gb18030() {
        // Our own sentences, traditional and simplified.
        let traditional = "我們在這個會議上討論了數據治理與國際合作的問題。\n各國應當共同維護網絡空間的和平與安全。\n";
        let simplified = "我们在这个会议上讨论了数据治理与国际合作的问题。\n各国应当共同维护网络空间的和平与安全。\n";
        let (big5, _, lossy) = encoding_rs::BIG5.encode(traditional);
        assert!(!lossy);
        assert_eq!(decode(&big5, "a").unwrap(), traditional);
        let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
        assert_eq!(decode(&gbk, "a").unwrap(), simplified);
        let (gb_traditional, _, _) = encoding_rs::GBK.encode(traditional);
        assert_eq!(decode(&gb_traditional, "a").unwrap(), traditional);
    }

    #[test]
    fn utf16_without_bom() {
        let text = "一、总体要求\n数据治理 2024 年。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le, "a").unwrap(), text);
        assert_eq!(decode(&be, "a").unwrap(), text);
        // Long Chinese lines: few ASCII characters, and some Han characters (U+4E00)
        // have a NUL byte of their own.
        let long = "一是加强合作".repeat(50) + "\n" + &"上下一心".repeat(40);
        let le: Vec<u8> = long.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le, "a").unwrap(), long);
        // Binary data with NULs on both sides stays refused.
        let err = decode(b"ab\0\0cd\0e", "a").unwrap_err().to_string();
        assert!(err.contains("binary"), "{err}");
    }

    #[test]
    fn a_named_encoding_is_used_and_checked() {
        let (big5, _, _) = encoding_rs::BIG5.encode("國際合作。\n");
        let big5_enc = Some(encoding_rs::BIG5);
        assert_eq!(decode_with(&big5, "a", big5_enc).unwrap(), "國際合作。\n");
        let err = decode_with(b"ok\nok\n\xff\xff", "a.txt", Some(encoding_rs::UTF_8)).unwrap_err();
        assert!(matches!(err, Error::Encoding { .. }));
        assert_eq!(err.to_string(), "a.txt: line 3: not valid UTF-8 text");
    }

    #[test]
    fn known_binary_formats_are_named() {
        for (bytes, kind) in [
            (&b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"[..], "a PDF document"),
            (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "a PNG image"),
            (&b"\xff\xd8\xff\xe0\0\x10JFIF"[..], "a JPEG image"),
            (
                &b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0"[..],
                "old-style Word .doc",
            ),
            (&b"{\\rtf1\\ansi hello}"[..], "an RTF document"),
        ] {
            let err = decode(bytes, "f").unwrap_err().to_string();
            assert!(err.contains(kind), "{err}");
        }
        let mut encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
        encrypted.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        let err = document_from_bytes(&encrypted, "secret.docx", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("password-protected"), "{err}");
    }

    #[test]
    fn html_and_named_formats() {
        let page = b"<!DOCTYPE html><h1>Title</h1><p>Body &amp; text.</p>";
        let read = |name, format| {
            let options = ReadOptions {
                format,
                ..ReadOptions::default()
            };
            document_from_bytes(page, name, &options).unwrap()
        };
        let markdown = ("# Title\nBody & text.\n".to_string(), TextFormat::Markdown);
        assert_eq!(read("-", None), markdown);
        assert_eq!(read("page.htm", None), markdown);
        assert_eq!(read("-", Some(InputFormat::Text)).1, TextFormat::Plain);
        let md = document_from_bytes(
            b"# A\n",
            "-",
            &ReadOptions {
                format: Some(InputFormat::Markdown),
                ..ReadOptions::default()
            },
        );
        assert_eq!(md.unwrap().1, TextFormat::Markdown);
    }

    #[test]
    fn soft_hyphens_are_dropped_in_every_format() {
        let read = |bytes: &[u8], name: &str| {
            document_from_bytes(bytes, name, &ReadOptions::default())
                .unwrap()
                .0
        };
        // In plain text a line broken at one joins the word's halves.
        assert_eq!(
            read(
                "The rule fol\u{AD}\n  lows from the act. A second\u{AD}ary point\u{AD}\n\nNext.\n"
                    .as_bytes(),
                "a.txt"
            ),
            "The rule follows from the act. A secondary point\n\nNext.\n"
        );
        assert_eq!(read("数据\u{AD}治理\n".as_bytes(), "a.txt"), "数据治理\n");
        assert_eq!(
            read("A rule fol\u{AD}lows.\n".as_bytes(), "a.md"),
            "A rule follows.\n"
        );
        assert_eq!(
            read(b"<!DOCTYPE html><p>A rule fol&shy;lows.</p>", "a.html"),
            "A rule follows.\n"
        );
        let docx = {
            use std::io::Write;
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            w.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            let body = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>A rule fol\u{AD}lows.</w:t></w:r></w:p></w:body></w:document>";
            w.write_all(body.as_bytes()).unwrap();
            w.finish().unwrap().into_inner()
        };
        assert_eq!(read(&docx, "a.docx"), "A rule follows.\n");
        let err = document_from_bytes("\u{AD}\n".as_bytes(), "a.txt", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no text"), "{err}");
    }

    #[test]
    fn formats_from_extension() {
        assert_eq!(text_format("a.MD"), TextFormat::Markdown);
        assert_eq!(text_format("a.txt"), TextFormat::Plain);
        assert_eq!(text_format("-"), TextFormat::Plain);
    }
}
