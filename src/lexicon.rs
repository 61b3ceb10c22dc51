//! Lexical resources: the bilingual dictionary (CC-CEDICT, embedded or from a file),
//! glossaries (TSV `zh<TAB>en<TAB>note`), and English stemming shared by the aligner,
//! the glossary extractor and the checker.

/// The glossary shipped with bitext (glossary/governance.tsv), compiled in.
pub const DEFAULT_GLOSSARY_TSV: &str = include_str!("../glossary/governance.tsv");

/// Chinese terms of the shipped glossary (for the jieba user dictionary).
pub fn default_glossary_terms() -> impl Iterator<Item = &'static str> {
    DEFAULT_GLOSSARY_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|t| !t.is_empty() && *t != "zh")
}
