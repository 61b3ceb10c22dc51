//! Reader for PDF documents: the text as a reader sees it, as Markdown that the
//! segmenter reads with section levels, like a .docx file's.
//!
//! lopdf parses the file (cross-reference repair, object streams, decryption with the
//! empty password that "protected" PDFs use, decompression with a size cap);
//! [`content`] interprets each page's text operators into positioned glyphs, through
//! each font's `/ToUnicode` CMap; [`layout`] turns the glyphs into what a reader reads:
//! lines in reading order per page (columns one after the other, tables row by row),
//! running heads, feet and page numbers dropped, footnotes kept apart, hyphenated line
//! ends rejoined, paragraphs rebuilt from line spacing and indentation, and headings
//! found by font size and weight, written as `#` lines.
//!
//! Errors say what is wrong and name the file: a scan without a text layer ("run OCR
//! first"), a password-protected file, a damaged one. Untrusted input is bounded by
//! [`Limits`]: decompressed bytes per stream and per document, objects, content
//! operators, glyphs and form XObjects drawn; lopdf itself caps nesting depth and
//! reference chains.
//!
//! ```no_run
//! use bitext::pdf::{pdf_to_markdown, Limits};
//! let bytes = std::fs::read("report.pdf")?;
//! let text = pdf_to_markdown(&bytes, "report.pdf", Limits::default())?;
//! println!("{}", text.markdown);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod content;
pub mod layout;

use std::cell::Cell;

use crate::error::{Error, Result};

/// The first bytes of every PDF file.
pub const PDF_MAGIC: &[u8] = b"%PDF-";

/// Whether bytes are a PDF file by their first bytes (how a file without a .pdf name,
/// or stdin, is recognised).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(PDF_MAGIC)
}

/// Whether the signature is within the first KiB, where readers look for it (some
/// producers put a few bytes before it).
fn has_pdf_signature(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(PDF_MAGIC.len())
        .any(|w| w == PDF_MAGIC)
}

/// How much of a PDF bitext is willing to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes one stream may decompress to.
    pub max_stream_bytes: usize,
    /// Bytes of page content (pages and the forms they draw) decompressed in all.
    pub max_total_bytes: usize,
    /// Objects in the file (a 1,000-page report has some 100,000).
    pub max_objects: usize,
    /// Content-stream operators interpreted in all.
    pub max_operations: usize,
    /// Glyphs placed in all: every glyph is kept until the layout (some 100 bytes
    /// each), so this caps memory too.
    pub max_glyphs: usize,
    /// Glyphs placed on one page. A page of 4-point type holds some 60,000; more is a
    /// file drawing text over and over (a small PDF can ask for billions).
    pub max_page_glyphs: usize,
    /// Form XObjects drawn in all, counted each time one is drawn (a report with a
    /// form on each of its 1,000 pages draws 1,000; a form of 20 bytes that draws
    /// itself four times, twelve deep, asks for 4^12).
    pub max_forms: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 64 << 20,
            max_total_bytes: 512 << 20,
            max_objects: 2_000_000,
            // A long book: 2,000 pages of 2,500 characters, at most half a GB kept.
            max_operations: 20_000_000,
            max_glyphs: 5_000_000,
            max_page_glyphs: 100_000,
            max_forms: 100_000,
        }
    }
}

impl Limits {
    /// Budgets far under the defaults (a tenth to a five-hundredth), for reading untrusted samples in
    /// bulk: the fuzz target and its seeds' replay, which should spend their time on a
    /// file's structure rather than on filling the default budgets. One page may use the
    /// whole glyph budget, so that a crowded page still tests the layout.
    pub fn small() -> Self {
        Limits {
            max_stream_bytes: 1 << 20,
            max_total_bytes: 8 << 20,
            max_objects: 100_000,
            max_operations: 1_000_000,
            max_glyphs: 200_000,
            max_page_glyphs: 200_000,
            max_forms: 10_000,
        }
    }
}

/// Why a PDF could not be read (turned into an [`Error`] naming the file).
#[derive(Debug)]
pub enum Failure {
    TooLarge,
    TooManyObjects,
    TooMuchContent,
    /// Too many glyphs on the page of this number, from 1 (see
    /// [`Limits::max_page_glyphs`]).
    PageTooFull(usize),
    TooManyForms,
    Damaged(String),
}

/// What has been spent of the [`Limits`] while reading one document.
pub struct Budget {
    limits: Limits,
    bytes: usize,
    operations: usize,
    glyphs: usize,
    /// The page being read (from 1) and its glyphs so far.
    page: usize,
    page_glyphs: usize,
    forms: usize,
}

impl Budget {
    fn new(limits: Limits) -> Self {
        Budget {
            limits,
            bytes: 0,
            operations: 0,
            glyphs: 0,
            page: 0,
            page_glyphs: 0,
            forms: 0,
        }
    }

    /// Bytes the next stream may decompress to.
    pub fn per_stream(&self) -> usize {
        self.limits
            .max_stream_bytes
            .min(self.limits.max_total_bytes.saturating_sub(self.bytes))
    }

    pub fn spend(&mut self, bytes: usize) -> std::result::Result<(), Failure> {
        charge(
            &mut self.bytes,
            bytes,
            self.limits.max_total_bytes,
            Failure::TooLarge,
        )
    }

    pub fn operation(&mut self) -> std::result::Result<(), Failure> {
        charge(
            &mut self.operations,
            1,
            self.limits.max_operations,
            Failure::TooMuchContent,
        )
    }

    /// Starts counting the glyphs of page `number` (from 1).
    fn new_page(&mut self, number: usize) {
        self.page = number;
        self.page_glyphs = 0;
    }

    pub fn glyphs(&mut self, n: usize) -> std::result::Result<(), Failure> {
        charge(
            &mut self.page_glyphs,
            n,
            self.limits.max_page_glyphs,
            Failure::PageTooFull(self.page),
        )?;
        charge(
            &mut self.glyphs,
            n,
            self.limits.max_glyphs,
            Failure::TooMuchContent,
        )
    }

    pub fn form(&mut self) -> std::result::Result<(), Failure> {
        charge(
            &mut self.forms,
            1,
            self.limits.max_forms,
            Failure::TooManyForms,
        )
    }
}

/// Add `n` to a running count; past `limit`, the failure.
fn charge(
    count: &mut usize,
    n: usize,
    limit: usize,
    failure: Failure,
) -> std::result::Result<(), Failure> {
    *count += n;
    if *count > limit {
        return Err(failure);
    }
    Ok(())
}

/// A PDF's text for the segmenter.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfText {
    /// One paragraph per line; headings as `#` lines when `headings` is true; footnotes
    /// after the body.
    pub markdown: String,
    /// Whether any heading was recognised by its font (else section structure is left
    /// to the segmenter's numbering rules, as for plain text).
    pub headings: bool,
    pub pages: usize,
    /// Pages left out because they could not be read.
    pub damaged_pages: usize,
    /// The file does not end with `%%EOF`: cut short (a download or copy broken off),
    /// so pages may be missing without being damaged.
    pub cut_short: bool,
}

thread_local! {
    /// Objects kept by the load in progress on this thread (lopdf's filter is a plain
    /// function, so the count lives here).
    static OBJECTS_LOADED: Cell<usize> = const { Cell::new(0) };
    static OBJECTS_ALLOWED: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// lopdf's load filter: keeps objects up to the limit (lopdf keeps the object it
/// passed in; what the filter returns only says yes or no).
fn count_object(
    id: (u32, u16),
    _object: &mut lopdf::Object,
) -> Option<((u32, u16), lopdf::Object)> {
    let loaded = OBJECTS_LOADED.get() + 1;
    OBJECTS_LOADED.set(loaded);
    (loaded <= OBJECTS_ALLOWED.get()).then_some((id, lopdf::Object::Null))
}

/// The text of a PDF file as Markdown. `name` is used in error messages.
pub fn pdf_to_markdown(bytes: &[u8], name: &str, limits: Limits) -> Result<PdfText> {
    let fail = |failure: Failure| -> Error {
        let message = match failure {
            Failure::TooLarge => format!(
                "the PDF decompresses to more than {} MiB per stream or {} MiB in all; refused as a possible decompression bomb",
                limits.max_stream_bytes >> 20,
                limits.max_total_bytes >> 20
            ),
            Failure::TooManyObjects => format!(
                "the PDF has more than {} objects; refused",
                limits.max_objects
            ),
            Failure::TooMuchContent => format!(
                "the PDF's pages draw more than {} operations or {} glyphs; refused",
                limits.max_operations, limits.max_glyphs
            ),
            Failure::PageTooFull(page) => format!(
                "page {page} of the PDF draws more than {} glyphs, more than a page of print holds; refused",
                limits.max_page_glyphs
            ),
            Failure::TooManyForms => format!(
                "the PDF's pages draw form XObjects more than {} times (forms drawing forms); refused",
                limits.max_forms
            ),
            Failure::Damaged(why) => format!("not a readable PDF file: {why}"),
        };
        Error::input(name, message)
    };
    if !has_pdf_signature(bytes) {
        if bytes.is_empty() {
            return Err(Error::input(name, "the file is empty"));
        }
        return Err(fail(Failure::Damaged(
            match crate::signatures::binary_kind(bytes) {
                Some(kind) => format!("this is {kind}"),
                None => "no %PDF- signature".into(),
            },
        )));
    }
    let doc = load(bytes, &limits).map_err(|e| match e {
        LoadError::Failure(f) => fail(f),
        LoadError::Encrypted => Error::input(
            name,
            "the PDF is encrypted with a password; bitext cannot open it (save an unprotected copy first)",
        ),
    })?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(fail(Failure::Damaged("no pages found".into())));
    }
    let mut budget = Budget::new(limits);
    let mut laid = Vec::with_capacity(pages.len());
    let (mut images, mut unmapped) = (0, 0);
    let mut damaged = 0;
    let mut fonts = content::Fonts::default();
    for (number, &page_id) in pages.values().enumerate() {
        budget.new_page(number + 1);
        match content::page_content(&doc, page_id, &mut fonts, &mut budget) {
            Ok(page) => {
                images += page.images;
                unmapped += page.unmapped;
                laid.push(page.page);
            }
            // One damaged page costs that page, not the document.
            Err(Failure::Damaged(_)) => damaged += 1,
            Err(f) => return Err(fail(f)),
        }
    }
    let glyphs: usize = laid
        .iter()
        .map(|p| {
            p.glyphs
                .iter()
                .filter(|g| !g.text.trim().is_empty())
                .count()
        })
        .sum();
    if glyphs == 0 && damaged > 0 {
        return Err(fail(Failure::Damaged(format!(
            "{damaged} of its {} pages cannot be read, and the others have no text",
            pages.len()
        ))));
    }
    if glyphs == 0 && unmapped > 0 {
        return Err(Error::input(
            name,
            "the PDF's fonts map their glyphs to no characters (no ToUnicode map), so its text cannot be read; run OCR on it",
        ));
    }
    if glyphs == 0 {
        let message = if images > 0 {
            "no text layer: the pages are images (a scan?); run OCR first"
        } else {
            "the PDF has no text"
        };
        return Err(Error::input(name, message));
    }
    let n_pages = pages.len();
    let layout = layout::read(laid);
    if layout.markdown.trim().is_empty() {
        return Err(Error::input(name, "the PDF has no text"));
    }
    Ok(PdfText {
        markdown: layout.markdown,
        headings: layout.headings > 0,
        pages: n_pages,
        damaged_pages: damaged,
        cut_short: !bytes[bytes.len().saturating_sub(1024)..]
            .windows(5)
            .any(|w| w == b"%%EOF"),
    })
}

enum LoadError {
    Failure(Failure),
    Encrypted,
}

fn load(bytes: &[u8], limits: &Limits) -> std::result::Result<lopdf::Document, LoadError> {
    OBJECTS_LOADED.set(0);
    OBJECTS_ALLOWED.set(limits.max_objects);
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        filter: Some(count_object),
        ..lopdf::LoadOptions::default()
    };
    let loaded = lopdf::Document::load_mem_with_options(bytes, options);
    let counted = OBJECTS_LOADED.replace(0);
    OBJECTS_ALLOWED.set(usize::MAX);
    let encrypted_trailer = || {
        // The trailer is in the last KiB or so; its /Encrypt key says a password is set.
        let tail = &bytes[bytes.len().saturating_sub(4096)..];
        tail.windows(8).any(|w| w == b"/Encrypt")
    };
    let doc = match loaded {
        Ok(doc) => doc,
        Err(lopdf::Error::Decompress(_)) => return Err(LoadError::Failure(Failure::TooLarge)),
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            return Err(LoadError::Encrypted);
        }
        Err(_) if encrypted_trailer() => return Err(LoadError::Encrypted),
        Err(e) => return Err(LoadError::Failure(Failure::Damaged(e.to_string()))),
    };
    if counted > limits.max_objects || doc.objects.len() > limits.max_objects {
        return Err(LoadError::Failure(Failure::TooManyObjects));
    }
    if doc.is_encrypted() && doc.objects.len() <= 1 {
        return Err(LoadError::Encrypted);
    }
    Ok(doc)
}
