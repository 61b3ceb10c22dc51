//! Character classes of the two scripts, shared by the segmenter, the lexicon and
//! everything above them: which characters are Han (Chinese) characters, whether a
//! line break between two pieces of text is a space, and which are controls that must
//! be escaped before text reaches a terminal or a data file.
//!
//! ```
//! assert!(bitext::script::is_han('治'));
//! assert!(!bitext::script::is_han('A'));
//! ```

/// A CJK unified ideograph (basic block, extensions A-F, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// A Chinese (or other East Asian wide) character or punctuation mark: text in them is
/// written without spaces, so a line break or a join between two of them shows none.
pub fn is_wide(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF)
}

/// Characters Chinese and English text share (digits and the marks of numbers, curly
/// quotes, the ellipsis and the dash): they do not tell which script a break is in.
fn is_shared(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Whether a line break between `before` and `after` is no space. Chinese is written
/// without spaces, so a break next to Chinese, past any digits or shared marks (a
/// number cut in two, 3|12万), joins as it is; a percent sign follows its number.
pub fn joins_without_space(before: &str, after: &str) -> bool {
    let chinese = |c: Option<char>| c.is_some_and(is_wide);
    after.starts_with(['%', '％'])
        || chinese(before.chars().rev().find(|&c| !is_shared(c)))
        || chinese(after.chars().find(|&c| !is_shared(c)))
}

/// Closing quotes and brackets, which stay with the sentence before them.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '〕' | ']' | '»'
    )
}

/// The columns a line fills: a Chinese (or other non-ASCII) character two, ASCII one.
pub fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| if is_han(c) || !c.is_ascii() { 2 } else { 1 })
        .sum()
}

/// A character that can steer a terminal or reorder what it shows, and so must not
/// reach one as it is: C0 controls but tab and line feed, DEL, C1 controls (ESC and
/// CSI start escape sequences; OSC ones can set the window title or write links), and
/// the bidirectional formatting controls that reorder a line on screen.
pub fn is_unsafe_control(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x08 | 0x0B..=0x1F | 0x7F..=0x9F
        | 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Text with every [`is_unsafe_control`] character written visibly as `<U+001B>`, for
/// messages, terminal output and data files that have no escape of their own (TSV).
/// Text without such characters comes back borrowed.
///
/// ```
/// use bitext::script::escape_controls;
/// assert_eq!(escape_controls("a\x1b]0;x\x07b"), "a<U+001B>]0;x<U+0007>b");
/// assert_eq!(escape_controls("数据\tok\n"), "数据\tok\n");
/// ```
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, is_unsafe_control)
}

/// `text` with every character `escaped` picks written as `<U+XXXX>`; borrowed when
/// there is none.
pub fn escape_where(text: &str, escaped: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_is_kept() {
        assert_eq!(
            escape_controls("\u{9b}31m\u{202e}abc\r"),
            "<U+009B>31m<U+202E>abc<U+000D>"
        );
        assert_eq!(
            escape_controls("全角　空格 «» é\t\n"),
            "全角　空格 «» é\t\n"
        );
        assert!(matches!(
            escape_controls("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_break_next_to_chinese_or_before_a_percent_sign_is_no_space() {
        for (before, after) in [
            ("达到3", "12万"),
            ("达到4.", "2万"),
            ("数量、", "藏书"),
            ("“鸿沟", "”结束"),
            ("以BJ", "开头"),
            ("grew by 12", "% a year"),
        ] {
            assert!(joins_without_space(before, after), "{before}|{after}");
        }
        for (before, after) in [
            ("Library", "Card在"),
            ("in 2023", "42 people"),
            ("he said:", "“Come in”"),
            ("said.”", "“Yes"),
        ] {
            assert!(!joins_without_space(before, after), "{before}|{after}");
        }
    }
}
