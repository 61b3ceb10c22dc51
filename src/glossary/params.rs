//! The glossary extractor's tuning thresholds and weights, in one place.
//!
//! Each field was a constant beside the step it tunes ([`super::candidates`],
//! [`super::pairing`], the boundary refit); the defaults are the values measured on the
//! three reference lists (`scripts/glossary-recall.py`). Facts of a language or corpus
//! (word lists, jieba's dictionary total) stay constants where they are used.

/// Thresholds and weights of term extraction and pairing.
#[derive(Clone, Debug)]
pub struct Params {
    // Candidates (both languages).
    /// Only candidates seen this often count as containers in C-value: a one-off phrase
    /// around a term does not make the term a fragment (and Frantzi et al. compute
    /// C-value over candidates above a frequency threshold too).
    pub nesting_min_freq: usize,
    /// Dictionary words inside a jieba token count from this many characters: shorter
    /// ones are mostly jieba's words already, or noise.
    pub dictionary_inner_min_chars: usize,

    // Chinese candidates.
    /// Chinese candidates of up to this many jieba tokens are taken as they come.
    pub zh_short_max_tokens: usize,
    /// Longest Chinese candidate, in jieba tokens (坚持和发展中国特色社会主义: 6). Those
    /// beyond `zh_short_max_tokens` must be made of dictionary words and recur.
    pub zh_max_tokens: usize,
    /// How often a long candidate, or a run with 的 inside (新的实践, 有效的制度), must
    /// occur: seen once or twice, they are free phrases more often than terms.
    pub zh_long_min_freq: usize,
    /// An object of a verb phrase (or a term before 的) is a term of its own at this
    /// many characters (more than this many before 的)...
    pub object_min_chars: usize,
    /// ... and when it is this many times as frequent as the phrase.
    pub object_freq_ratio: usize,
    /// A verbal noun (发展, 改革) also modifies or coordinates (改革创新): only an object
    /// of this many characters after it makes a verb phrase.
    pub vn_object_min_chars: usize,

    // English candidates.
    /// Longest English candidate, in words: "great cause of socialism with Chinese
    /// characteristics".
    pub en_max_words: usize,

    // Pairing: which terms are paired at all.
    /// A term paired below the association `min_freq` is at least this long: two-character
    /// entries are mostly everyday words (推进 "advance", 支持 "support").
    pub rare_min_chars: usize,
    /// Lowest word-level evidence for a term paired below the association `min_freq`.
    pub supported_min_lexical: f64,
    /// ... and for a recurring term that C-value finds always inside longer candidates.
    pub nested_min_lexical: f64,
    /// A rare noun compound of dictionary words is at least this long: shorter ones are
    /// mostly free phrases (发展经济).
    pub compound_min_chars: usize,
    /// Word-level evidence a rare compound's rendering needs: nearly every word both ways.
    pub compound_min_lexical: f64,
    /// Longest dictionary word looked for inside a token.
    pub inner_entry_max_chars: usize,
    /// A gloss of this many words or more may be abbreviated to its initials (CPC):
    /// shorter runs make two-letter words ("us", "it") match by accident.
    pub acronym_min_words: usize,
    /// ... and of at most this many: longer glosses are descriptions, not names.
    pub acronym_max_words: usize,

    // Pairing: scoring a rendering.
    /// Weight of pure association against word-level evidence ((0.2 + lexical)², 0.04
    /// to 1.44). Swept over the three reference lists: 0.4 -> 0.6 found 1 aca and 1
    /// mac-dev pair more (a rendering only ever seen with the term, 'Ladyship', against
    /// the dictionary's 'wife' seen with it 6 times of 35); 0.7 is alike, from 0.85
    /// pol-dev loses one.
    pub recurrence_weight: f64,
    /// Co-occurrences beyond the first at which recurrence reaches its full weight.
    pub recurrence_full_after: f64,
    /// How much a verb phrase or a phrase ending in a modifier weighs as a rendering:
    /// the noun alone is the better one.
    pub not_a_noun_weight: f64,
    /// A word seen less often than this says nothing about what it usually does (whether
    /// it is a modifier).
    pub modifier_min_freq: usize,
    /// A word that stands before another content word this share of its occurrences is a
    /// modifier ("young" of "young people").
    pub modifier_min_share: f64,
    /// Word-level evidence that lets a rendering seen once pair a recurring term.
    pub word_for_word_lexical: f64,
    /// How many example bead ids a pair keeps.
    pub examples: usize,

    // Pairing: ranking.
    /// Ranking weight of a term seen in one bead.
    pub single_bead_weight: f64,
    /// A rendering written as a name in at least this share of its occurrences is one.
    pub name_min_share: f64,
    /// A one-word rendering whose word glosses more dictionary entries than this is an
    /// everyday word ('path' renders 100 CC-CEDICT entries, 'socialism' 6).
    pub everyday_min_entries: f64,

    // Names the word links pair (`names`).
    /// A name pairs with the Chinese its links tie it to at this Dice or more: a name
    /// seen once beside a Chinese word seen in many beads is one free rendering of it.
    pub name_min_dice: f64,
    /// Ranking weight of such a pair, per ln(1 + beads): about that of a dictionary
    /// entry seen once.
    pub name_weight: f64,

    // Pairing: growing and shrinking the rendering.
    /// A rendering of less than this share of the term's characters is a poor one.
    pub poor_rendering_below: f64,
    /// A longer English candidate must co-occur with the term this often, relative to
    /// the best one, to replace it.
    pub longer_min_share: f64,
    /// A rendering that already renders this much of the term does not grow over words
    /// no gloss explains: "moderately prosperous society" stays for 小康社会, though "in
    /// all respects" (全面 of 全面建成小康社会 around it) nearly always follows.
    pub grows_below_rendered: f64,
    /// Share of a longer phrase's beads that must hold the term for the phrase to come
    /// with it (十八大 "18th" grows to "18th National Congress")...
    pub comes_with_term_min_share: f64,
    /// ... and how often it must co-occur: a few beads do not tell a rendering from the
    /// words that happen to stand next to it (4 rather than 5: +1 on the aca and mac-dev
    /// reference lists, pol-dev unchanged, 3 loses one on pol-dev).
    pub comes_with_term_min_cooc: usize,
    /// A shorter rendering inside the best one replaces it when it renders this much of
    /// the term: the rest may be a free rendering of what it leaves out ("economic
    /// development" for 经济建设).
    pub shrinks_to_rendered: f64,

    // Pairing: fragments.
    /// Share of a term's occurrences that must fall inside a longer term before the
    /// shorter one counts as its fragment.
    pub fragment_min_share: f64,
    /// A term whose rendering is also a shorter term's and leaves this many characters
    /// more unrendered than the shorter one is that term with unexplained words around it
    /// (富强民主文明和谐的社会主义现代化国家 "modern socialist country"). Fewer may be an
    /// idiomatic rendering that leaves out a word (奢靡之风 "extravagance").
    pub fragment_min_unrendered: f64,
    /// Two terms overlap in the text when the one that is a fragment does in this share
    /// of its beads.
    pub overlap_min_share: f64,

    // Boundaries refit to word links.
    /// How far a rendering may move in one direction, in steps: a few words, as a
    /// term's are.
    pub boundary_max_steps: usize,
    /// Unlinked stop words a rendering may step over to reach a word of the term
    /// ('science and technology').
    pub boundary_max_unlinked_gap: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            nesting_min_freq: 2,
            dictionary_inner_min_chars: 4,
            zh_short_max_tokens: 4,
            zh_max_tokens: 8,
            zh_long_min_freq: 3,
            object_min_chars: 2,
            object_freq_ratio: 2,
            vn_object_min_chars: 4,
            en_max_words: 8,
            rare_min_chars: 3,
            supported_min_lexical: 0.5,
            nested_min_lexical: 0.5,
            compound_min_chars: 4,
            compound_min_lexical: 0.95,
            inner_entry_max_chars: 8,
            acronym_min_words: 3,
            acronym_max_words: 8,
            recurrence_weight: 0.6,
            recurrence_full_after: 4.0,
            not_a_noun_weight: 0.5,
            modifier_min_freq: 3,
            modifier_min_share: 0.8,
            word_for_word_lexical: 0.9,
            examples: 3,
            single_bead_weight: 0.3,
            name_min_share: 0.5,
            everyday_min_entries: 20.0,
            name_min_dice: 0.5,
            name_weight: 0.65,
            poor_rendering_below: 0.5,
            longer_min_share: 0.9,
            grows_below_rendered: 0.9,
            comes_with_term_min_share: 0.8,
            comes_with_term_min_cooc: 4,
            shrinks_to_rendered: 0.9,
            fragment_min_share: 0.85,
            fragment_min_unrendered: 3.0,
            overlap_min_share: 0.5,
            boundary_max_steps: 4,
            boundary_max_unlinked_gap: 2,
        }
    }
}
