//! Character classes of the two scripts, shared by the segmenter, the lexicon and
//! everything above them: which characters are Han (Chinese) characters.
//!
//! ```
//! assert!(bitext::script::is_han('治'));
//! assert!(!bitext::script::is_han('A'));
//! ```

/// A CJK unified ideograph (basic block, extensions A-F, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}
