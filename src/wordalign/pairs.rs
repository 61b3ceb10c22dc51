//! Word links of aligned pairs (document beads), as `check` locates a glossary term's
//! rendering and `glossary` fits a rendering's boundaries with them.

use std::ops::Range;

use crate::lexicon::Resources;
use crate::pairs::AlignedPair;
use crate::segment::words::Token;

/// The word links of one pair: its tokens (byte spans into the pair's own `zh` and
/// `en`) and which are linked.
#[derive(Clone, Debug, Default)]
pub struct WordLinks {
    pub zh_tokens: Vec<Token>,
    pub en_tokens: Vec<Token>,
    /// (zh token index, en token index), sorted.
    pub links: Vec<(u32, u32)>,
}

impl WordLinks {
    /// The English linked to the Chinese bytes `at`: the span of the largest run of
    /// linked English tokens (at most two unlinked ones between), and those tokens.
    pub fn english_of(&self, at: &Range<usize>) -> Option<(Range<usize>, Vec<usize>)> {
        let zh: Vec<u32> = (0..self.zh_tokens.len() as u32)
            .filter(|&i| {
                let t = &self.zh_tokens[i as usize];
                t.start < at.end && t.end > at.start
            })
            .collect();
        let mut en: Vec<usize> = self
            .links
            .iter()
            .filter(|(z, _)| zh.contains(z))
            .map(|&(_, e)| e as usize)
            .filter(|&e| e < self.en_tokens.len())
            .collect();
        en.sort_unstable();
        en.dedup();
        // Runs of tokens close together; the longest stands for the term.
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for e in en {
            match runs.last_mut() {
                Some(run) if e - run[run.len() - 1] <= 3 => run.push(e),
                _ => runs.push(vec![e]),
            }
        }
        let run = runs.into_iter().max_by_key(|r| r.len())?;
        let span = self.en_tokens[run[0]].start..self.en_tokens[run[run.len() - 1]].end;
        Some((span, run))
    }
}

/// Word links inside each pair, trained on the pairs themselves
/// ([`crate::wordalign`]: statistical model with the dictionary and glossaries as
/// priors).
pub fn word_links(pairs: &[AlignedPair], resources: &Resources) -> Vec<WordLinks> {
    let tokens: Vec<(Vec<Token>, Vec<Token>)> = pairs
        .iter()
        .map(|p| {
            (
                resources.words.tokenize(&p.zh, 0, crate::segment::Lang::Zh),
                resources.words.tokenize(&p.en, 0, crate::segment::Lang::En),
            )
        })
        .collect();
    let beads: Vec<super::corpus::BeadTokens> = pairs
        .iter()
        .zip(&tokens)
        .map(|(p, (zh, en))| super::corpus::BeadTokens {
            zh_text: &p.zh,
            zh,
            en_text: &p.en,
            en,
        })
        .collect();
    let links = super::align_beads(&beads, resources, &super::Params::default());
    tokens
        .into_iter()
        .zip(links)
        .map(|((zh_tokens, en_tokens), links)| WordLinks {
            zh_tokens,
            en_tokens,
            links,
        })
        .collect()
}
