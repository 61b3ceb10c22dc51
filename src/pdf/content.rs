//! Page content streams -> positioned glyphs: a small interpreter of the PDF text
//! operators (text and graphics state, `Tj`/`TJ`, form XObjects), with each font's
//! encoding (its `/ToUnicode` CMap first, as ISO 32000 advises for text extraction)
//! and glyph widths (`/Widths`, or `/W` and `/DW` of a CID font) so that every glyph
//! gets its place, advance and size on the page.
//!
//! Parsing, decompression and the CMaps themselves are lopdf's; this module only keeps
//! the text state. Decompression is counted against a per-document budget.

use std::collections::HashMap;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::layout::{Glyph, Page};
use super::{Budget, Failure};

/// An affine transform `[a b c d e f]`: (x, y) -> (a x + c y + e, b x + d y + f).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self` applied first, then `then`.
    fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let v = numbers(ops)?;
        let m: [f32; 6] = v.get(..6)?.try_into().ok()?;
        m.iter().all(|x| x.is_finite()).then_some(Matrix(m))
    }
}

fn numbers(ops: &[Object]) -> Option<Vec<f32>> {
    ops.iter().map(|o| o.as_float().ok()).collect()
}

fn number(ops: &[Object], i: usize) -> Option<f32> {
    ops.get(i)
        .and_then(|o| o.as_float().ok())
        .filter(|x| x.is_finite())
}

/// What the extractor needs of a font: how to cut a string into codes, each code's
/// text and advance, and whether it is bold or set vertically.
struct Font<'a> {
    /// The `/ToUnicode` map (or the encoding when there is none).
    primary: Option<Encoding<'a>>,
    /// The `/Encoding`, asked when the `/ToUnicode` map lacks a code.
    fallback: Option<Encoding<'a>>,
    /// How a string is cut into codes (and, for legacy Chinese CMaps, decoded).
    codes: Codes,
    widths: Widths,
    /// Glyph space to text space: 1/1000, or a Type3 font's `/FontMatrix`.
    scale: f32,
    bold: bool,
    /// The typeface family (subset prefix and style suffix left out), as a number.
    family: u32,
    vertical: bool,
}

enum Widths {
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    Cid {
        widths: HashMap<u32, f32>,
        default: f32,
    },
}

impl Widths {
    fn of(&self, code: u32) -> f32 {
        match self {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize).copied())
                .unwrap_or(*missing),
            Widths::Cid { widths, default } => widths.get(&code).copied().unwrap_or(*default),
        }
    }
}

/// Caps on a CID font's `/W` array, so that a range like `0 4294967295 500` cannot
/// make a map of billions of entries.
const MAX_CID_WIDTHS: usize = 200_000;

impl<'a> Font<'a> {
    fn load(
        doc: &'a Document,
        dict: &'a Dictionary,
        budget: &mut Budget,
    ) -> Result<Font<'a>, Failure> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let composite = subtype == b"Type0";
        let descendant = composite
            .then(|| {
                let arr = dict
                    .get_deref(b"DescendantFonts", doc)
                    .ok()?
                    .as_array()
                    .ok()?;
                doc.dereference(arr.first()?).ok()?.1.as_dict().ok()
            })
            .flatten();
        let limit = budget.per_stream();
        // The /ToUnicode map decides the text when there is one.
        let has_to_unicode = dict.get(b"ToUnicode").is_ok();
        let primary = if has_to_unicode {
            let mut only_map = dict.clone();
            only_map.remove(b"Encoding");
            match only_map.get_font_encoding_with_limit(doc, limit) {
                Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
                Ok(_) => None,
                Err(lopdf::Error::Decompress(_)) => return Err(Failure::TooLarge),
                Err(_) => None,
            }
        } else {
            None
        };
        let fallback = match dict.get_font_encoding_with_limit(doc, limit) {
            Ok(Encoding::UnicodeMapEncoding(_)) if primary.is_some() => None,
            Ok(e) => Some(e),
            Err(lopdf::Error::Decompress(_)) => return Err(Failure::TooLarge),
            Err(_) => None,
        };
        let (primary, fallback) = match primary {
            Some(p) => (Some(p), fallback),
            None => (fallback, None),
        };
        let encoding_name = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let vertical = composite && encoding_name.ends_with(b"-V");
        // A composite font without a /ToUnicode map may still use a predefined CMap
        // whose codes are GBK, GB18030, Big5 or UTF-16 text (as older Chinese producers
        // write): then the codes themselves are the text.
        // Without a map, Identity codes are glyph numbers: no text (lopdf would read
        // them as Standard Encoding, which gives letters at random).
        let (primary, fallback) = if composite && !has_to_unicode {
            (None, None)
        } else {
            (primary, fallback)
        };
        let widths = if let Some(d) = descendant {
            cid_widths(doc, d)
        } else {
            simple_widths(doc, dict)
        };
        let scale = if subtype == b"Type3" {
            dict.get_deref(b"FontMatrix", doc)
                .ok()
                .and_then(|m| number(m.as_array().ok()?, 0))
                .map_or(0.001, f32::abs)
        } else {
            0.001
        };
        let descriptor = descendant
            .unwrap_or(dict)
            .get_deref(b"FontDescriptor", doc)
            .ok()
            .and_then(|d| d.as_dict().ok());
        let mut font = Font {
            primary,
            fallback,
            codes: if !composite {
                Codes::Bytes
            } else {
                Codes::of_cmap(encoding_name)
            },
            widths,
            scale,
            bold: is_bold(doc, dict, descriptor),
            family: family(dict),
            vertical,
        };
        // A standard font may come without widths: a reader is to know its metrics.
        if let (Widths::Simple { widths, .. }, Some(afm)) = (&font.widths, core14_metrics(dict))
            && widths.is_empty()
            && let Some(known) = core14_widths(&font, afm)
        {
            font.widths = known;
        }
        Ok(font)
    }

    /// The text of one code: the /ToUnicode map's, else the encoding's (or the
    /// legacy CMap's character set); empty when none knows it.
    fn text(&self, code: &[u8]) -> String {
        if let (None, Codes::Legacy(charset)) = (&self.primary, &self.codes) {
            let (text, bad) = charset.decode_without_bom_handling(code);
            return if bad {
                String::new()
            } else {
                text.into_owned()
            };
        }
        let decode = |e: &Encoding| {
            e.bytes_to_string(code)
                .ok()
                .filter(|s| !s.is_empty() && !s.contains('\u{fffd}'))
        };
        self.primary
            .as_ref()
            .and_then(decode)
            .or_else(|| self.fallback.as_ref().and_then(decode))
            .unwrap_or_default()
    }
}

/// How the bytes of a shown string split into character codes.
enum Codes {
    /// One byte a code (simple fonts).
    Bytes,
    /// Two bytes a code (Identity-H/V and the Unicode CMaps).
    Pairs,
    /// A multi-byte character set of a predefined Chinese CMap: one byte below 0x80,
    /// else two (four for GB18030's four-byte codes).
    Legacy(&'static encoding_rs::Encoding),
}

impl Codes {
    fn of_cmap(name: &[u8]) -> Codes {
        let name = String::from_utf8_lossy(name);
        let gb = ["GB-EUC", "GBpc-EUC", "GBK-EUC", "GBKp-EUC", "GBK2K"];
        let big5 = ["B5pc", "ETen-B5", "HKscs-B5", "ETenms-B5"];
        if gb.iter().any(|p| name.starts_with(p)) {
            Codes::Legacy(encoding_rs::GB18030)
        } else if big5.iter().any(|p| name.starts_with(p)) {
            Codes::Legacy(encoding_rs::BIG5)
        } else if name.starts_with("Uni") && (name.contains("-UCS2-") || name.contains("-UTF16-")) {
            Codes::Legacy(encoding_rs::UTF_16BE)
        } else {
            Codes::Pairs
        }
    }

    /// The codes of a string, in order.
    fn split<'s>(&self, bytes: &'s [u8]) -> Vec<&'s [u8]> {
        match self {
            Codes::Bytes => bytes.chunks(1).collect(),
            Codes::Pairs => bytes.chunks(2).collect(),
            Codes::Legacy(charset) => {
                let mut out = Vec::new();
                let mut rest = bytes;
                while !rest.is_empty() {
                    let len = if *charset == encoding_rs::UTF_16BE {
                        2
                    } else if rest[0] < 0x80 {
                        1
                    } else if *charset == encoding_rs::GB18030
                        && rest.get(1).is_some_and(|b| b.is_ascii_digit())
                    {
                        4
                    } else {
                        2
                    };
                    let (code, tail) = rest.split_at(len.min(rest.len()));
                    out.push(code);
                    rest = tail;
                }
                out
            }
        }
    }
}

/// The Adobe metrics (AFM) of a standard Latin font by its /BaseFont (Helvetica, Times,
/// Courier and their styles; Symbol and ZapfDingbats have encodings of their own).
fn core14_metrics(dict: &Dictionary) -> Option<&'static str> {
    use pdf_core_14_font_afms as afm;
    Some(match base_font(dict) {
        b"Helvetica" => afm::HELVETICA,
        b"Helvetica-Bold" => afm::HELVETICA_BOLD,
        b"Helvetica-Oblique" => afm::HELVETICA_OBLIQUE,
        b"Helvetica-BoldOblique" => afm::HELVETICA_BOLD_OBLIQUE,
        b"Times-Roman" => afm::TIMES_ROMAN,
        b"Times-Bold" => afm::TIMES_BOLD,
        b"Times-Italic" => afm::TIMES_ITALIC,
        b"Times-BoldItalic" => afm::TIMES_BOLD_ITALIC,
        b"Courier" => afm::COURIER,
        b"Courier-Bold" => afm::COURIER_BOLD,
        b"Courier-Oblique" => afm::COURIER_OBLIQUE,
        b"Courier-BoldOblique" => afm::COURIER_BOLD_OBLIQUE,
        _ => return None,
    })
}

/// The width of each one-byte code of `font` from its AFM metrics: the AFM gives widths
/// by Standard Encoding code, so both sides meet at the character; an accented letter
/// the AFM lists unencoded takes its base letter's width, anything else half an em.
fn core14_widths(font: &Font, afm: &str) -> Option<Widths> {
    use unicode_normalization::UnicodeNormalization;
    // A font dictionary naming no encoding reads as Standard Encoding.
    let standard_dict = lopdf::dictionary! { "Type" => "Font" };
    let empty = Document::new();
    let standard = standard_dict.get_font_encoding(&empty).ok()?;
    let mut by_char: HashMap<char, f32> = HashMap::new();
    for line in afm.lines().filter(|l| l.starts_with("C ")) {
        let field = |key: &str| {
            line.split(';')
                .find_map(|f| f.trim().strip_prefix(key).map(str::trim))
        };
        let (Some(code), Some(width)) = (
            field("C ").and_then(|c| c.parse::<u8>().ok()),
            field("WX ").and_then(|w| w.parse::<f32>().ok()),
        ) else {
            continue;
        };
        if let Some(c) = standard
            .bytes_to_string(&[code])
            .ok()
            .and_then(|s| s.chars().next())
        {
            by_char.entry(c).or_insert(width);
        }
    }
    let widths = (0..=255u8)
        .map(|code| {
            let c = font.text(&[code]).chars().next()?;
            by_char
                .get(&c)
                .or_else(|| c.nfd().next().and_then(|base| by_char.get(&base)))
                .copied()
        })
        .map(|w| w.unwrap_or(500.0))
        .collect();
    Some(Widths::Simple {
        first: 0,
        widths,
        missing: 500.0,
    })
}

/// A font's /BaseFont without the subset tag ("ABCDEF+SimHei" is SimHei).
fn base_font(dict: &Dictionary) -> &[u8] {
    let name = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    name.splitn(2, |&b| b == b'+').last().unwrap_or(name)
}

/// The family of a font by its /BaseFont: "ABCDEF+SimHei" and "SimHei,Bold" are
/// one family, "FangSong_GB2312" another.
fn family(dict: &Dictionary) -> u32 {
    use std::hash::{Hash, Hasher};
    let name = base_font(dict);
    let name = name
        .split(|&b| b == b'-' || b == b',')
        .next()
        .unwrap_or(name);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut h);
    h.finish() as u32
}

/// A bold face by its name (Bold, Black, Heavy, Semibold, Demi), its descriptor's
/// weight (600 and up) or its ForceBold flag.
fn is_bold(doc: &Document, dict: &Dictionary, descriptor: Option<&Dictionary>) -> bool {
    let style = String::from_utf8_lossy(base_font(dict)).to_ascii_lowercase();
    if ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| style.contains(w))
    {
        return true;
    }
    let Some(desc) = descriptor else {
        return false;
    };
    let weight = desc
        .get_deref(b"FontWeight", doc)
        .ok()
        .and_then(|w| w.as_float().ok());
    let flags = desc
        .get_deref(b"Flags", doc)
        .ok()
        .and_then(|f| f.as_i64().ok());
    weight.is_some_and(|w| w >= 600.0) || flags.is_some_and(|f| f & (1 << 18) != 0)
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let first = dict
        .get_deref(b"FirstChar", doc)
        .ok()
        .and_then(|o| o.as_i64().ok())
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(0);
    let widths: Vec<f32> = dict
        .get_deref(b"Widths", doc)
        .ok()
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .take(256)
                .map(|w| {
                    doc.dereference(w)
                        .ok()
                        .and_then(|(_, w)| w.as_float().ok())
                        .unwrap_or(0.0)
                })
                .collect()
        })
        .unwrap_or_default();
    let missing = dict
        .get_deref(b"FontDescriptor", doc)
        .ok()
        .and_then(|d| d.as_dict().ok())
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(|w| w.as_float().ok())
        // Without widths (the standard 14 fonts), half an em is an average glyph.
        .unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
    Widths::Simple {
        first,
        widths,
        missing,
    }
}

fn cid_widths(doc: &Document, descendant: &Dictionary) -> Widths {
    let default = descendant
        .get_deref(b"DW", doc)
        .ok()
        .and_then(|o| o.as_float().ok())
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let w = descendant
        .get_deref(b"W", doc)
        .ok()
        .and_then(|o| o.as_array().ok());
    if let Some(w) = w {
        let val = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok());
        let mut i = 0;
        while i < w.len() && widths.len() < MAX_CID_WIDTHS {
            let Some(first) = val(&w[i]).filter(|v| *v >= 0.0) else {
                break;
            };
            let first = first as u32;
            match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
                Some(Ok(Object::Array(list))) => {
                    for (k, v) in list.iter().enumerate().take(MAX_CID_WIDTHS) {
                        widths.insert(first.saturating_add(k as u32), val(v).unwrap_or(default));
                    }
                    i += 2;
                }
                Some(Ok(last)) => {
                    let (Some(last), Some(width)) =
                        (last.as_float().ok(), w.get(i + 2).and_then(val))
                    else {
                        break;
                    };
                    let last =
                        (last.max(0.0) as u32).min(first.saturating_add(MAX_CID_WIDTHS as u32));
                    for c in first..=last {
                        widths.insert(c, width);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }
    Widths::Cid { widths, default }
}

/// The text state between `BT` and `ET`, and the graphics state it sits in.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Nesting of form XObjects (a form drawing a form...) followed at most.
const MAX_FORM_DEPTH: usize = 12;
/// Saved graphics states (`q`) kept at most; deeper saves are counted, not stored.
const MAX_SAVED_STATES: usize = 256;

/// One page's glyphs, with what the page draws besides text (images).
pub struct PageContent {
    pub page: Page,
    pub images: usize,
    /// Glyphs drawn whose font maps them to no character.
    pub unmapped: usize,
}

/// Fonts loaded so far, by object: pages share them, so a CJK font's ToUnicode map
/// is parsed once per document rather than once per page.
#[derive(Default)]
pub struct Fonts<'a> {
    by_id: HashMap<ObjectId, Option<Font<'a>>>,
}

/// Interpret the content of one page.
pub fn page_content<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    fonts: &mut Fonts<'a>,
    budget: &mut Budget,
) -> Result<PageContent, Failure> {
    let page_dict = doc
        .get_dictionary(page_id)
        .map_err(|_| Failure::Damaged("a page is not a dictionary".into()))?;
    let (width, height, origin) = page_box(doc, page_id, page_dict);
    let limit = budget.per_stream();
    let content = match doc.get_page_content_with_limit(page_id, limit) {
        Ok(c) => c,
        Err(lopdf::Error::Decompress(_)) => return Err(Failure::TooLarge),
        Err(_) => Vec::new(),
    };
    budget.spend(content.len())?;
    let resources = page_resources(doc, page_id);
    let mut run = Interpreter {
        doc,
        fonts,
        inline_fonts: HashMap::new(),
        glyphs: Vec::new(),
        images: 0,
        unmapped: 0,
        budget,
        // Page space with the origin at the media box's lower left corner.
        base: Matrix::translate(-origin.0, -origin.1),
    };
    run.run(&content, &resources, Matrix::IDENTITY, 0)?;
    Ok(PageContent {
        page: Page {
            width,
            height,
            glyphs: run.glyphs,
        },
        images: run.images,
        unmapped: run.unmapped,
    })
}

/// Width, height and lower-left corner of the page's crop box (or media box), looked
/// up through the page tree.
fn page_box(doc: &Document, page_id: ObjectId, page: &Dictionary) -> (f32, f32, (f32, f32)) {
    let mut node = Some((page_id, page));
    let mut seen = 0;
    while let Some((_, dict)) = node {
        for key in [&b"CropBox"[..], b"MediaBox"] {
            if let Some(r) = dict
                .get_deref(key, doc)
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|a| numbers(a))
                .filter(|v| v.len() == 4 && v.iter().all(|x| x.is_finite()))
            {
                let (x0, x1) = (r[0].min(r[2]), r[0].max(r[2]));
                let (y0, y1) = (r[1].min(r[3]), r[1].max(r[3]));
                if x1 > x0 && y1 > y0 {
                    return (x1 - x0, y1 - y0, (x0, y0));
                }
            }
        }
        seen += 1;
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()
            .filter(|_| seen < 64)
            .and_then(|id| Some((id, doc.get_dictionary(id).ok()?)));
    }
    (612.0, 792.0, (0.0, 0.0))
}

/// The resource dictionaries of a page, nearest first.
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page_id) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a Object)> {
    resources.iter().find_map(|r| {
        let cat = r.get_deref(category, doc).ok()?.as_dict().ok()?;
        let entry = cat.get(name).ok()?;
        doc.dereference(entry).ok()
    })
}

struct Interpreter<'a, 'b> {
    doc: &'a Document,
    fonts: &'b mut Fonts<'a>,
    /// Fonts written into a resource dictionary (no object of their own), by name.
    inline_fonts: HashMap<Vec<u8>, Option<Font<'a>>>,
    glyphs: Vec<Glyph>,
    images: usize,
    unmapped: usize,
    budget: &'b mut Budget,
    base: Matrix,
}

impl<'a> Interpreter<'a, '_> {
    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), Failure> {
        let mut state = State {
            ctm,
            ..State::default()
        };
        let mut saved: Vec<State> = Vec::new();
        let mut unsaved_depth = 0usize;
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in lopdf::content::Content::decode_iter(content) {
            // A damaged stream keeps what was read before the damage.
            let Ok(op) = op else { break };
            self.budget.operation()?;
            let Operation { operator, operands } = op;
            let ops = operands.as_slice();
            match operator.as_str() {
                "q" => {
                    if saved.len() < MAX_SAVED_STATES {
                        saved.push(state.clone());
                    } else {
                        unsaved_depth += 1;
                    }
                }
                "Q" => {
                    if unsaved_depth > 0 {
                        unsaved_depth -= 1;
                    } else if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        state.ctm = m.then(&state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = ops
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    state.font_size = number(ops, 1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = number(ops, 0).unwrap_or(0.0),
                "Tw" => state.word_spacing = number(ops, 0).unwrap_or(0.0),
                "Tz" => state.horizontal_scale = number(ops, 0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = number(ops, 0).unwrap_or(0.0),
                "Ts" => state.rise = number(ops, 0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (number(ops, 0).unwrap_or(0.0), number(ops, 1).unwrap_or(0.0));
                    if operator == "TD" {
                        state.leading = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if operator != "Tj" {
                        if operator == "\"" {
                            state.word_spacing = number(ops, 0).unwrap_or(state.word_spacing);
                            state.char_spacing = number(ops, 1).unwrap_or(state.char_spacing);
                        }
                        tlm = Matrix::translate(0.0, -state.leading).then(&tlm);
                        tm = tlm;
                    }
                    if let Some(Ok(s)) = ops.last().map(Object::as_str) {
                        self.show(s, &state, &mut tm, resources)?;
                    }
                }
                "TJ" => {
                    let Some(Ok(items)) = ops.first().map(Object::as_array) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s, &state, &mut tm, resources)?,
                            other => {
                                if let Ok(adjust) = other.as_float() {
                                    let shift = -adjust / 1000.0 * state.font_size;
                                    let vertical =
                                        self.font(&state, resources).is_some_and(|f| f.vertical);
                                    tm = if vertical {
                                        Matrix::translate(0.0, shift)
                                    } else {
                                        Matrix::translate(shift * state.horizontal_scale, 0.0)
                                    }
                                    .then(&tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let Some(Ok(name)) = ops.first().map(Object::as_name) else {
                        continue;
                    };
                    self.draw_xobject(name, resources, &state, depth)?;
                }
                "BI" | "EI" => self.images += 1,
                _ => {}
            }
        }
        Ok(())
    }

    fn draw_xobject(
        &mut self,
        name: &[u8],
        resources: &[&'a Dictionary],
        state: &State,
        depth: usize,
    ) -> Result<(), Failure> {
        let Some((_, Object::Stream(stream))) = lookup(self.doc, resources, b"XObject", name)
        else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.images += 1,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                // Each draw decompresses and interprets the form again: counted, since
                // a few bytes of forms drawing forms can ask for millions of draws.
                self.budget.form()?;
                let content = match stream.get_plain_content_with_limit(self.budget.per_stream()) {
                    Ok(c) => c,
                    Err(lopdf::Error::Decompress(_)) => return Err(Failure::TooLarge),
                    Err(_) => return Ok(()),
                };
                self.budget.spend(content.len())?;
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| Matrix::from_operands(m.as_array().ok()?))
                    .unwrap_or(Matrix::IDENTITY);
                let mut inner: Vec<&'a Dictionary> = Vec::new();
                if let Ok(r) = stream
                    .dict
                    .get_deref(b"Resources", self.doc)
                    .and_then(Object::as_dict)
                {
                    inner.push(r);
                }
                inner.extend_from_slice(resources);
                self.run(&content, &inner, matrix.then(&state.ctm), depth + 1)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn font(&mut self, state: &State, resources: &[&'a Dictionary]) -> Option<&Font<'a>> {
        let name = state.font.as_ref()?;
        let (id, obj) = lookup(self.doc, resources, b"Font", name)?;
        let doc = self.doc;
        let load = |budget: &mut Budget| {
            obj.as_dict()
                .ok()
                .and_then(|d| Font::load(doc, d, budget).ok())
        };
        match id {
            Some(id) => {
                if !self.fonts.by_id.contains_key(&id) {
                    let font = load(self.budget);
                    self.fonts.by_id.insert(id, font);
                }
                self.fonts.by_id.get(&id)?.as_ref()
            }
            None => {
                if !self.inline_fonts.contains_key(name) {
                    let font = load(self.budget);
                    self.inline_fonts.insert(name.clone(), font);
                }
                self.inline_fonts.get(name)?.as_ref()
            }
        }
    }

    /// Show a string: one glyph per code, each advancing the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State,
        tm: &mut Matrix,
        resources: &[&'a Dictionary],
    ) -> Result<(), Failure> {
        let base = self.base;
        let Some(font) = self.font(state, resources) else {
            return Ok(());
        };
        let mut out = Vec::new();
        let (scale, vertical, bold, family) = (font.scale, font.vertical, font.bold, font.family);
        let legacy = matches!(font.codes, Codes::Legacy(_));
        let mut unmapped = 0;
        let size = state.font_size;
        let th = state.horizontal_scale;
        for code in font.codes.split(bytes) {
            let value = code.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
            let text = font.text(code);
            // A legacy CMap's codes are not CIDs, so /W does not apply: Chinese
            // characters are an em wide, the one-byte (ASCII) ones half.
            let w0 = if legacy {
                if code.len() == 1 { 500.0 } else { 1000.0 }
            } else {
                font.widths.of(value)
            } * scale;
            let word = if code.len() == 1 && value == 32 {
                state.word_spacing
            } else {
                0.0
            };
            let to_page = tm.then(&state.ctm).then(&base);
            let (x, y) = to_page.apply(0.0, state.rise);
            let (tx, ty) = if vertical {
                (0.0, -(size + state.char_spacing + word))
            } else {
                ((w0 * size + state.char_spacing + word) * th, 0.0)
            };
            let (x1, y1) = to_page.apply(tx, ty + state.rise);
            // The font's size on the page: the text space's unit vertical, scaled.
            let [_, _, c, d, _, _] = to_page.0;
            let page_size = size * (c * c + d * d).sqrt();
            *tm = Matrix::translate(tx, ty).then(tm);
            if text.is_empty() {
                unmapped += 1;
                continue;
            }
            if !(x.is_finite() && y.is_finite() && page_size.is_finite()) {
                continue;
            }
            out.push(Glyph {
                text,
                x,
                y,
                dx: x1 - x,
                dy: y1 - y,
                size: page_size,
                bold,
                font: family,
            });
        }
        self.unmapped += unmapped;
        self.budget.glyphs(out.len() + unmapped)?;
        self.glyphs.extend(out);
        Ok(())
    }
}
