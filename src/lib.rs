//! bitext: align a Chinese document with its English translation, extract its
//! bilingual terminology and check it.
//!
//! The pipeline is one library module per stage, each taking and returning plain data:
//!
//! ```text
//! read (bytes -> text) -> segment (text -> Document) -> align (Documents -> Bitext)
//!                                                    -> glossary / check
//! ```
//!
//! ```no_run
//! use bitext::{align, lexicon::Resources, read::TextFormat, segment::{self, Lang}};
//! let resources = Resources::default_embedded()?;
//! let zh = segment::segment(bitext::read::read_path("zh.txt")?, Lang::Zh, TextFormat::Plain, &resources.words);
//! let en = segment::segment(bitext::read::read_path("en.txt")?, Lang::En, TextFormat::Plain, &resources.words);
//! let bitext = align::align(zh, en, &resources, &align::AlignOptions::default());
//! for bead in &bitext.beads {
//!     println!("{:?} {:?} {:.2}", bead.zh, bead.en, bead.score);
//! }
//! # Ok::<(), bitext::Error>(())
//! ```

pub mod align;
pub mod check;
pub mod docx;
pub mod error;
pub mod eval;
pub mod formats;
pub mod glossary;
pub mod html_input;
pub mod lexicon;
pub mod line_breaks;
pub mod markdown_input;
pub mod numbers;
pub mod pairs;
pub mod pdf;
pub mod pipeline;
pub mod read;
pub mod script;
pub mod segment;
pub mod signatures;
pub mod wordalign;
pub mod xml;

pub use error::{Error, Result};
