//! What a file is from its first bytes, which the readers of every format share to
//! say what they were given instead of their format.

/// The first bytes of an OLE2 compound file: old Word/Excel files (.doc, .xls), and
/// every password-protected (encrypted) .docx/.xlsx, which Office wraps in one.
pub const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What an OLE2 compound file is: an encrypted Office document holds an
/// `EncryptedPackage` stream (its name in UTF-16 in the directory), anything else is an
/// old binary Office file. `None` for other bytes.
pub fn ole2_kind(bytes: &[u8]) -> Option<&'static str> {
    if !bytes.starts_with(OLE2_MAGIC) {
        return None;
    }
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    if bytes.windows(name.len()).any(|w| w == name) {
        Some(
            "a password-protected (encrypted) Word or Office file: save it without a password first",
        )
    } else {
        Some("an old-style Word .doc (or other binary Office) file: save it as .docx")
    }
}

/// Known formats that are not text, by their first bytes (zip archives are .docx
/// files to the readers and not listed).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\xFD7zXZ\0", "xz-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x7FELF", "a program (ELF), not a document"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"{\\rtf", "an RTF document: save it as .docx or plain text"),
];

/// What a file of a known non-text format is ("a PDF document", "a PNG image", "a
/// password-protected Office file..."), from its first bytes; `None` for anything else.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = ole2_kind(bytes) {
        return Some(kind);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}
