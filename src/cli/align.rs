//! `bitext align ZH EN [--presplit] [--dict FILE]... [--glossary FILE]...
//!                     [--format tsv|jsonl|tmx|moses|beads|html|links] [-o OUT] [--min-score X]`

use std::io::Write;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;

use super::{Outcome, output};
use bitext::align::{AlignOptions, Bitext};
use bitext::lexicon::{DictionaryChoice, ResourceOptions, Resources};
use bitext::pipeline::{PairOptions, Side, Stage, align_texts_observed};

/// Inputs and resources shared by `align`, `glossary` and `check`.
#[derive(clap::Args, Clone)]
pub struct AlignInput {
    /// Chinese document (`-` for stdin).
    pub zh: Option<String>,
    /// English document (`-` for stdin).
    pub en: Option<String>,
    /// Inputs are already one sentence per line: line i is sentence i.
    #[arg(long)]
    pub presplit: bool,
    /// CC-CEDICT dictionary file (plain or .gz) instead of the embedded one; repeatable.
    /// Also read from the BITEXT_DICT environment variable. Files over 256 MB of text
    /// are refused (BITEXT_DICT_MAX_MB raises the limit).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<String>,
    /// Align without any bilingual dictionary (length, numbers and a learned lexicon only).
    #[arg(long)]
    pub no_dict: bool,
    /// Glossary: TSV (`zh<TAB>en`, ` | ` between renderings, an optional status
    /// column), CSV or TBX; repeatable.
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<String>,
    /// Do not load the glossary shipped with bitext.
    #[arg(long)]
    pub no_default_glossary: bool,
    /// Do not learn a lexicon from the document pair (one pass only).
    #[arg(long)]
    pub no_learn: bool,
    /// Do not match sections by their headings first.
    #[arg(long)]
    pub no_structure: bool,
    /// No progress display on stderr (it is only drawn when stderr is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: super::input::ReadArgs,
    /// Scoring parameter for experiments, KEY=VALUE (see align::dp::Params::set).
    #[arg(long = "param", value_name = "KEY=VALUE", hide = true)]
    pub params: Vec<String>,
}

impl AlignInput {
    /// Dictionary and glossaries as the options ask.
    pub fn resources(&self) -> Result<Resources> {
        let env_dict = std::env::var("BITEXT_DICT").ok().filter(|s| !s.is_empty());
        let dictionary = if self.no_dict {
            output::note("aligning without a dictionary, as --no-dict asks");
            DictionaryChoice::None
        } else if !self.dicts.is_empty() {
            DictionaryChoice::Files(self.dicts.clone())
        } else if let Some(path) = env_dict {
            DictionaryChoice::Files(vec![path])
        } else {
            DictionaryChoice::Embedded
        };
        let resources = Resources::load(&ResourceOptions {
            dictionary,
            glossaries: self.glossaries.clone(),
            default_glossary: !self.no_default_glossary,
            max_dictionary_bytes: max_dictionary_bytes()?,
        })?;
        for repeated in bitext::lexicon::repeated_terms(&resources.glossary) {
            output::note(repeated);
        }
        Ok(resources)
    }

    /// Every file this run reads (documents, dictionaries, glossaries).
    pub fn input_paths(&self) -> Vec<&str> {
        let docs = self.zh.iter().chain(self.en.iter());
        docs.chain(&self.dicts)
            .chain(&self.glossaries)
            .map(String::as_str)
            .collect()
    }

    pub fn options(&self) -> Result<AlignOptions> {
        let mut opts = AlignOptions {
            learn_lexicon: !self.no_learn,
            use_structure: !self.no_structure,
            ..AlignOptions::default()
        };
        for kv in &self.params {
            let (k, v) = kv.split_once('=').ok_or_else(|| {
                bitext::Error::usage(format!("--param wants KEY=VALUE, not {kv}"))
            })?;
            let v: f32 = v
                .parse()
                .map_err(|_| bitext::Error::usage(format!("--param {k}: not a number: {v}")))?;
            opts.params.set(k, v).map_err(bitext::Error::usage)?;
        }
        Ok(opts)
    }

    /// Read, segment and align the two documents with resources already loaded
    /// (callers keep them for what follows: HTML marks, glossary, check).
    pub fn run_with(&self, resources: &Resources) -> Result<Bitext> {
        let (Some(zh_path), Some(en_path)) = (&self.zh, &self.en) else {
            bail!(bitext::Error::usage("two documents are needed: ZH EN"));
        };
        if zh_path == "-" && en_path == "-" {
            bail!(bitext::Error::usage(
                "only one of ZH and EN can be stdin (-)"
            ));
        }
        if zh_path != "-" && same_file(zh_path, en_path) {
            bail!(bitext::Error::usage(format!(
                "ZH and EN are the same file ({zh_path}): give the Chinese document and its English translation"
            )));
        }
        let options = PairOptions {
            presplit: self.presplit,
            align: self.options()?,
        };
        let read = self.read.options()?;
        let progress = super::output::Progress::new(self.quiet);
        progress.stage("reading");
        let zh = Side::read_with(zh_path, &read)?;
        let en = Side::read_with(en_path, &read)?;
        let aligned =
            align_texts_observed(zh, en, resources, &options, &mut |stage| match stage {
                Stage::Segmenting => progress.stage("segmenting"),
                Stage::Aligning(z, e) => progress.stage(&format!("aligning {z} and {e} sentences")),
            })?;
        progress.finish();
        for note in &aligned.input_notes {
            output::note(note);
        }
        print_warnings(&aligned.bitext.warnings);
        if let Some(note) = aligned.unrelated_note() {
            output::note(note);
        }
        Ok(aligned.bitext)
    }
}

/// Do two paths name the same file (also through links or `./`)? Unreadable paths are
/// left to the reading, which names them.
fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The size limit of a dictionary file: BITEXT_DICT_MAX_MB, or the library's default.
fn max_dictionary_bytes() -> Result<u64> {
    match std::env::var("BITEXT_DICT_MAX_MB") {
        Ok(mb) if !mb.trim().is_empty() => match mb.trim().parse::<u64>() {
            Ok(mb) if mb > 0 => Ok(mb.saturating_mul(1 << 20)),
            _ => bail!(bitext::Error::usage(format!(
                "BITEXT_DICT_MAX_MB must be a number of megabytes, not {mb}"
            ))),
        },
        _ => Ok(bitext::lexicon::DEFAULT_MAX_DICTIONARY_BYTES),
    }
}

/// The alignment's warnings on stderr, the first few of them.
/// The pairs of an `--aligned` file, refused with an error naming it when it holds
/// none, or none with Chinese in it.
pub fn read_aligned_pairs(path: &str) -> Result<Vec<bitext::pairs::AlignedPair>> {
    let pairs = bitext::formats::aligned::read_aligned(path)?;
    if pairs.is_empty() {
        bail!(bitext::Error::input(
            path,
            "no aligned pairs found (a TMX unit needs a Chinese and an English tuv, an \
             XLIFF unit a source and a target)"
        ));
    }
    // An English-to-Chinese file not translated yet has no Chinese, and is checkable.
    if !pairs
        .iter()
        .any(|p| p.zh_is_target || p.zh.chars().any(bitext::script::is_han))
    {
        bail!(bitext::Error::input(
            path,
            "no Chinese text in any pair: is it a Chinese-English file?"
        ));
    }
    Ok(pairs)
}

pub fn print_warnings(warnings: &[String]) {
    const SHOWN: usize = 8;
    for w in warnings.iter().take(SHOWN) {
        output::note(w);
    }
    if warnings.len() > SHOWN {
        output::note(format!("… and {} more such notes", warnings.len() - SHOWN));
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AlignInput,
    /// Output format [default: from -o's extension (.tsv, .jsonl, .tmx, .html, .align
    /// for beads, .links), else tsv].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Output file (for moses: a prefix; PREFIX.zh and PREFIX.en are written).
    #[arg(short, long)]
    output: Option<String>,
    /// Leave out beads whose confidence is below this (0..1).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    min_score: Option<f64>,
    #[command(flatten)]
    langs: output::LangArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Tsv,
    Jsonl,
    Tmx,
    Moses,
    Beads,
    Html,
    /// Word links per bead (Pharaoh `i-j` over the bead's word tokens).
    Links,
}

impl Format {
    /// The format an output file's extension names, if any.
    fn of_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "tsv" => Format::Tsv,
            "jsonl" => Format::Jsonl,
            "tmx" => Format::Tmx,
            "align" => Format::Beads,
            "html" | "htm" => Format::Html,
            "links" => Format::Links,
            _ => return None,
        })
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    output::refuse_binary_extension(args.output.as_deref(), args.format.is_some())?;
    let format = args
        .format
        .or_else(|| {
            output::extension_of(args.output.as_deref()).and_then(|e| Format::of_extension(&e))
        })
        .unwrap_or(Format::Tsv);
    let outputs: Vec<String> = match (&args.output, format) {
        (Some(p), Format::Moses) => vec![format!("{p}.zh"), format!("{p}.en")],
        (Some(p), _) => vec![p.clone()],
        (None, _) => Vec::new(),
    };
    output::refuse_overwriting(&outputs, &args.input.input_paths())?;
    if let Some(x) = args.min_score
        && !(0.0..=1.0).contains(&x)
    {
        bail!(bitext::Error::usage(format!(
            "--min-score must be between 0 and 1, not {x}"
        )));
    }
    if matches!(format, Format::Moses) && args.output.is_none() {
        bail!(bitext::Error::usage(
            "--format moses needs -o PREFIX (it writes PREFIX.zh and PREFIX.en)"
        ));
    }
    let tags = args.langs.tags()?;
    let resources = args.input.resources()?;
    let mut bitext = args.input.run_with(&resources)?;
    if let Some(x) = args.min_score {
        bitext.beads.retain(|b| b.score >= x);
    }
    let out = args.output.as_deref();
    match format {
        Format::Tsv => output::write_output(out, |w: &mut dyn Write| {
            Ok(bitext::formats::write_tsv(&bitext, w)?)
        })?,
        Format::Jsonl => output::write_output(out, |w: &mut dyn Write| {
            Ok(bitext::formats::write_jsonl(&bitext, w)?)
        })?,
        Format::Tmx => output::write_output(out, |w: &mut dyn Write| {
            Ok(bitext::formats::write_tmx(&bitext, &tags, w)?)
        })?,
        Format::Beads => output::write_output(out, |w: &mut dyn Write| {
            Ok(bitext::formats::write_beads(&bitext, w)?)
        })?,
        Format::Html => output::write_output(out, |w: &mut dyn Write| {
            Ok(bitext::formats::html::write_html(
                &bitext,
                &resources.glossary,
                &[],
                w,
            )?)
        })?,
        Format::Links => {
            let links = bitext::wordalign::align_bitext(&bitext, &resources, &Default::default());
            output::write_output(out, |w: &mut dyn Write| {
                Ok(bitext::formats::links::write_bead_links(&links, w)?)
            })?
        }
        Format::Moses => {
            let prefix = out.expect("checked above");
            let mut en_buf = Vec::new();
            let mut zh_buf = Vec::new();
            bitext::formats::write_moses(&bitext, &mut zh_buf, &mut en_buf)?;
            let zh_path = format!("{prefix}.zh");
            let en_path = format!("{prefix}.en");
            output::write_output(
                Some(&zh_path),
                |w: &mut dyn Write| Ok(w.write_all(&zh_buf)?),
            )
            .context("writing Moses output")?;
            output::write_output(
                Some(&en_path),
                |w: &mut dyn Write| Ok(w.write_all(&en_buf)?),
            )
            .context("writing Moses output")?;
        }
    }
    Ok(Outcome::Ok)
}
