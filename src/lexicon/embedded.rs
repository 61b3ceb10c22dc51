//! The embedded CC-CEDICT, compiled by build.rs into a table that is read in place:
//! nothing is parsed or allocated at start, a look-up is a binary search over the
//! sorted words. The layout is described in build.rs.

use std::sync::LazyLock;

static TABLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cedict.bin"));

/// Which CC-CEDICT release is embedded, and its number of entries.
pub const DESCRIPTION: &str = env!("BITEXT_CEDICT");

/// The table's sections, as slices of the embedded bytes.
pub struct Table {
    word_offsets: &'static [u8],
    gloss_starts: &'static [u8],
    reading_starts: &'static [u8],
    headword: &'static [u8],
    gloss_refs: &'static [u8],
    reading_refs: &'static [u8],
    string_offsets: &'static [u8],
    words: &'static [u8],
    strings: &'static [u8],
    len: usize,
}

/// The i-th u32 of a section.
fn at(section: &[u8], i: usize) -> usize {
    let b = &section[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
}

pub static TABLE: LazyLock<Table> = LazyLock::new(|| Table::new(TABLE_BYTES));

impl Table {
    fn new(bytes: &'static [u8]) -> Table {
        let (magic, rest) = bytes.split_at(8);
        assert_eq!(
            magic, b"BXCEDIC1",
            "the embedded dictionary table is corrupt"
        );
        let (n_words, n_strings, n_gloss, n_reading) =
            (at(rest, 0), at(rest, 1), at(rest, 2), at(rest, 3));
        let mut rest = &rest[16..];
        let mut take = |len: usize| {
            let (section, tail) = rest.split_at(len);
            rest = tail;
            section
        };
        let word_offsets = take(4 * (n_words + 1));
        let gloss_starts = take(4 * (n_words + 1));
        let reading_starts = take(4 * (n_words + 1));
        let headword = take(n_words.div_ceil(4) * 4);
        let gloss_refs = take(4 * n_gloss);
        let reading_refs = take(4 * n_reading);
        let string_offsets = take(4 * (n_strings + 1));
        let words = take(at(word_offsets, n_words));
        let strings = take(at(string_offsets, n_strings));
        Table {
            word_offsets,
            gloss_starts,
            reading_starts,
            headword,
            gloss_refs,
            reading_refs,
            string_offsets,
            words,
            strings,
            len: n_words,
        }
    }

    fn word(&self, i: usize) -> &'static [u8] {
        &self.words[at(self.word_offsets, i)..at(self.word_offsets, i + 1)]
    }

    fn string(&self, id: usize) -> &'static str {
        let bytes = &self.strings[at(self.string_offsets, id)..at(self.string_offsets, id + 1)];
        // Written from &str by build.rs; a bad slice would be a corrupt table.
        std::str::from_utf8(bytes).expect("the embedded dictionary table is corrupt")
    }

    /// The glosses of every entry, in table order.
    pub fn entries(&self) -> impl Iterator<Item = std::vec::IntoIter<&'static str>> + '_ {
        (0..self.len).map(|i| self.refs(self.gloss_refs, self.gloss_starts, i).into_iter())
    }

    fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn refs(&self, refs: &'static [u8], starts: &[u8], i: usize) -> Vec<&'static str> {
        (at(starts, i)..at(starts, i + 1))
            .map(|k| self.string(at(refs, k)))
            .collect()
    }

    /// Every gloss of `word`, in dictionary order.
    pub fn glosses(&self, word: &str) -> Vec<&'static str> {
        self.find(word)
            .map(|i| self.refs(self.gloss_refs, self.gloss_starts, i))
            .unwrap_or_default()
    }

    /// The toneless readings of `word`, sorted.
    pub fn readings(&self, word: &str) -> Vec<&'static str> {
        self.find(word)
            .map(|i| self.refs(self.reading_refs, self.reading_starts, i))
            .unwrap_or_default()
    }

    /// Whether `word` is a simplified headword.
    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some_and(|i| self.headword[i] == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_answers() {
        let t = &*TABLE;
        assert!(t.len > 100_000, "{}", t.len);
        assert!((1..t.len).all(|i| t.word(i - 1) < t.word(i)));
        assert!(t.glosses("治理").contains(&"governance"));
        assert!(t.contains("治理") && !t.contains("not a word"));
        assert_eq!(t.readings("单"), ["dan", "shan"]);
        assert!(t.glosses("").is_empty());
    }
}
