//! Print a document pair's word links as words, for reading them.
//!
//! `cargo run --release --example wordalign_show -- ZH EN [N] [TEXT]` (inputs one
//! sentence per line): the first N beads (default 10) whose Chinese holds TEXT (any,
//! when not given), each link as `zh=en`.

use bitext::align::{AlignOptions, align};
use bitext::lexicon::Resources;
use bitext::segment::{Lang, presplit};
use bitext::wordalign::{Params, align_bitext};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [zh_path, en_path] = [&args[0], &args[1]];
    let shown: usize = args.get(2).map_or(10, |n| n.parse().expect("N"));
    let holding = args.get(3).map_or("", String::as_str);
    let resources = Resources::default_embedded().expect("resources");
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let zh = presplit(read(zh_path), Lang::Zh, &resources.words);
    let en = presplit(read(en_path), Lang::En, &resources.words);
    let bitext = align(zh, en, &resources, &AlignOptions::default());
    let links = align_bitext(&bitext, &resources, &Params::default());
    let held = bitext
        .beads
        .iter()
        .zip(&links)
        .filter(|(bead, _)| bitext.zh_text(bead).contains(holding));
    for (bead, found) in held.take(shown) {
        let (zh_text, en_text) = (bitext.zh_text(bead), bitext.en_text(bead));
        println!("{zh_text}\n{en_text}");
        let words: Vec<String> = found
            .links
            .iter()
            .map(|&(i, j)| {
                let (z, e) = (&found.zh_tokens[i as usize], &found.en_tokens[j as usize]);
                format!("{}={}", &zh_text[z.start..z.end], &en_text[e.start..e.end])
            })
            .collect();
        println!("  {}\n", words.join(" "));
    }
}
