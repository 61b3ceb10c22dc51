//! Alignment error rate (Och & Ney 2003) against hand alignments with sure and
//! possible links: AER = 1 - (|A∩S| + |A∩P|) / (|A| + |S|), where every sure link is
//! also possible. Gold lines are Pharaoh `i-j` links, `i-j-P` marking a possible one.

use std::collections::HashSet;

/// One sentence's gold links.
#[derive(Clone, Debug, Default)]
pub struct GoldLinks {
    pub sure: HashSet<(u32, u32)>,
    /// Sure and possible links.
    pub possible: HashSet<(u32, u32)>,
}

/// Parse one gold line (`0-0 1-2-P ...`).
pub fn parse_gold_line(line: &str) -> Result<GoldLinks, String> {
    let mut gold = GoldLinks::default();
    for item in line.split_whitespace() {
        let (pair, sure) = match item.strip_suffix("-P").or_else(|| item.strip_suffix("-p")) {
            Some(p) => (p, false),
            None => (item.strip_suffix("-S").unwrap_or(item), true),
        };
        let link = parse_link(pair).ok_or_else(|| format!("not a link `i-j`: {item}"))?;
        if sure {
            gold.sure.insert(link);
        }
        gold.possible.insert(link);
    }
    Ok(gold)
}

fn parse_link(pair: &str) -> Option<(u32, u32)> {
    let (i, j) = pair.split_once('-')?;
    Some((i.parse().ok()?, j.parse().ok()?))
}

/// Parse one line of Pharaoh test links (`0-0 1-2 ...`).
pub fn parse_links(line: &str) -> Result<Vec<(u32, u32)>, String> {
    line.split_whitespace()
        .map(|item| parse_link(item).ok_or_else(|| format!("not a link `i-j`: {item}")))
        .collect()
}

/// Links as one Pharaoh line: `i-j` separated by spaces.
pub fn format_links(links: &[(u32, u32)]) -> String {
    links
        .iter()
        .map(|(i, j)| format!("{i}-{j}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counts summed over sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AerCounts {
    pub test: usize,
    pub sure: usize,
    pub test_and_sure: usize,
    pub test_and_possible: usize,
}

impl AerCounts {
    pub fn add(&mut self, test: &[(u32, u32)], gold: &GoldLinks) {
        let test: HashSet<(u32, u32)> = test.iter().copied().collect();
        self.test += test.len();
        self.sure += gold.sure.len();
        self.test_and_sure += test.iter().filter(|l| gold.sure.contains(l)).count();
        self.test_and_possible += test.iter().filter(|l| gold.possible.contains(l)).count();
    }
    pub fn aer(&self) -> f64 {
        let den = (self.test + self.sure) as f64;
        if den == 0.0 {
            return 0.0;
        }
        1.0 - (self.test_and_sure + self.test_and_possible) as f64 / den
    }
    /// Precision against the possible links.
    pub fn precision(&self) -> f64 {
        self.test_and_possible as f64 / self.test.max(1) as f64
    }
    /// Recall of the sure links.
    pub fn recall(&self) -> f64 {
        self.test_and_sure as f64 / self.sure.max(1) as f64
    }
}

/// AER of test links against gold, summed over sentences.
pub fn aer(test: &[Vec<(u32, u32)>], gold: &[GoldLinks]) -> AerCounts {
    let mut counts = AerCounts::default();
    for (t, g) in test.iter().zip(gold) {
        counts.add(t, g);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aer_counts_sure_and_possible_links() {
        let gold = parse_gold_line("0-0 1-1 1-2-P").unwrap();
        assert_eq!(gold.sure.len(), 2);
        assert_eq!(gold.possible.len(), 3);
        // Perfect on sure links, plus a possible one: no error.
        assert_eq!(
            aer(&[vec![(0, 0), (1, 1), (1, 2)]], std::slice::from_ref(&gold)).aer(),
            0.0
        );
        // One sure link and one wrong link: 1 - (1 + 1) / (2 + 2) = 0.5.
        let c = aer(&[vec![(0, 0), (0, 1)]], &[gold]);
        assert!((c.aer() - 0.5).abs() < 1e-12);
        assert!(parse_gold_line("0-x").is_err());
    }

    #[test]
    fn links_round_trip_through_pharaoh_text() {
        let links = vec![(0, 1), (2, 3)];
        assert_eq!(parse_links(&format_links(&links)).unwrap(), links);
    }
}
