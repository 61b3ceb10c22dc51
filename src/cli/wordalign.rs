//! `bitext wordalign ZH EN [--dict FILE]... [--glossary FILE]... [-o OUT]`: word
//! alignment of pre-tokenized parallel files, as fast_align takes them: line k of each
//! file is sentence k, tokens separated by spaces. Writes one Pharaoh line (`i-j`, zh
//! token i, en token j, 0-based, every given token counted) per sentence pair.

use std::io::Write;

use anyhow::{Result, bail};

use super::align::AlignInput;
use super::{Outcome, output};
use bitext::wordalign::{self, Params};

#[derive(clap::Args)]
pub struct Args {
    /// Chinese sentences, one per line, tokens separated by spaces (`-` for stdin).
    zh: String,
    /// English sentences, one per line, tokens separated by spaces (`-` for stdin).
    en: String,
    /// CC-CEDICT dictionary file (plain or .gz) instead of the embedded one; repeatable.
    /// Also read from the BITEXT_DICT environment variable.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<String>,
    /// Align without any bilingual dictionary.
    #[arg(long)]
    no_dict: bool,
    /// Glossary: TSV (`zh<TAB>en`, ` | ` between renderings, an optional status
    /// column), CSV or TBX; repeatable.
    #[arg(long = "glossary", value_name = "FILE")]
    glossaries: Vec<String>,
    /// Do not use the glossary shipped with bitext.
    #[arg(long)]
    no_default_glossary: bool,
    /// Output file (default: stdout).
    #[arg(short, long)]
    output: Option<String>,
    /// Model parameter for experiments, KEY=VALUE (see wordalign::Params::set).
    #[arg(long = "param", value_name = "KEY=VALUE", hide = true)]
    params: Vec<String>,
}

/// Lines of a tokenized file, each split at whitespace.
fn read_tokenized(path: &str) -> Result<Vec<Vec<String>>> {
    let text = bitext::read::read_path(path)?;
    Ok(text
        .lines()
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect())
}

pub fn run(args: Args) -> Result<Outcome> {
    if args.zh == "-" && args.en == "-" {
        bail!(bitext::Error::usage(
            "only one of ZH and EN can be stdin (-)"
        ));
    }
    let input = AlignInput {
        zh: Some(args.zh.clone()),
        en: Some(args.en.clone()),
        presplit: true,
        dicts: args.dicts.clone(),
        no_dict: args.no_dict,
        glossaries: args.glossaries.clone(),
        no_default_glossary: args.no_default_glossary,
        no_learn: false,
        no_structure: false,
        quiet: true,
        params: Vec::new(),
        read: Default::default(),
    };
    let outputs: Vec<String> = args.output.iter().cloned().collect();
    output::refuse_overwriting(&outputs, &input.input_paths())?;
    let mut params = Params::default();
    for kv in &args.params {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| bitext::Error::usage(format!("--param wants KEY=VALUE, not {kv}")))?;
        params.set(k, v).map_err(bitext::Error::usage)?;
    }
    let zh = read_tokenized(&args.zh)?;
    let en = read_tokenized(&args.en)?;
    if zh.len() != en.len() {
        bail!(bitext::Error::input(
            args.en.as_str(),
            format!(
                "{} lines, but {} has {}: line k of each file must be sentence k",
                en.len(),
                args.zh,
                zh.len()
            ),
        ));
    }
    let resources = input.resources()?;
    let pairs: Vec<(Vec<String>, Vec<String>)> = zh.into_iter().zip(en).collect();
    let links = wordalign::align_tokenized(&pairs, &resources, &params);
    output::write_output(args.output.as_deref(), |w: &mut dyn Write| {
        Ok(bitext::formats::links::write_pharaoh(&links, w)?)
    })?;
    Ok(Outcome::Ok)
}
