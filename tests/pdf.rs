//! PDF input end to end: the sample document printed to PDF by headless Chromium and
//! exported by LibreOffice (tests/fixtures/pdf, made by scripts/make-pdf-fixtures.py,
//! with running heads, page numbers and a footnote) read back as the text they were
//! made from; aligning the PDFs reproduces aligning the text; and hostile or unusable
//! PDFs built here with lopdf (a scan, a password, damage, nesting, a flate bomb, a
//! broken cross-reference table) end with a clear error or a clean read, never a panic.

mod common;
use common::*;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use bitext::pdf::{Limits, pdf_to_markdown};
use lopdf::{Document, Object, Stream, dictionary};

const FIXTURES: &str = "tests/fixtures/pdf";
const FOOTNOTE_ZH: &str = "本白皮书中的统计数据均为估算值，仅供参考。";
const FOOTNOTE_EN: &str =
    "All statistics in this white paper are estimates and are given for reference only.";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn sample_lines(lang: &str) -> Vec<String> {
    std::fs::read_to_string(format!("{SAMPLE}/{lang}.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn read_pdf(path: &str) -> bitext::pdf::PdfText {
    let bytes = std::fs::read(path).unwrap();
    pdf_to_markdown(&bytes, path, Limits::default()).unwrap()
}

/// Each fixture reads back as the sample's paragraphs, one a line (running heads, page
/// numbers and note marks gone, hyphenated words rejoined, columns in order), with the
/// footnote after the body.
#[test]
fn fixtures_read_back_as_the_text_they_were_printed_from() {
    for (file, lang, chapters) in [
        ("zh.chromium.pdf", "zh", None),
        ("en.chromium.pdf", "en", None),
        ("en.chromium-2col.pdf", "en", Some(2)),
        ("zh.libreoffice.pdf", "zh", None),
        ("en.libreoffice.pdf", "en", None),
    ] {
        let pdf = read_pdf(&fixture(file));
        assert!(pdf.headings, "{file}: headings found by font");
        let got: Vec<&str> = pdf
            .markdown
            .lines()
            .map(|l| l.trim_start_matches('#').trim_start())
            .collect();
        let mut want = sample_lines(lang);
        if let Some(n) = chapters {
            let part = |l: &str| {
                l.starts_with(|c: char| "一二三四五六七八九十".contains(c)) && l.contains('、')
                    || l.split_once(". ")
                        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "IVX".contains(c)))
            };
            let cut = want
                .iter()
                .enumerate()
                .filter(|(_, l)| part(l))
                .nth(n)
                .map_or(want.len(), |(i, _)| i);
            want.truncate(cut);
        }
        want.push(
            if lang == "zh" {
                FOOTNOTE_ZH
            } else {
                FOOTNOTE_EN
            }
            .to_string(),
        );
        assert_eq!(
            got.len(),
            want.len(),
            "{file}: paragraphs\n{}",
            pdf.markdown
        );
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{file}");
        }
    }
}

/// Headings come out as `#` levels: the title, the parts (一、/ I.) and the sections
/// ((一) / (i)) one level apart, as the plain text's numbering gives them.
#[test]
fn headings_get_levels_by_font_size() {
    let pdf = read_pdf(&fixture("zh.chromium.pdf"));
    let levels: Vec<(usize, &str)> = pdf
        .markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let hashes = l.len() - l.trim_start_matches('#').len();
            (hashes, l[hashes..].trim())
        })
        .collect();
    assert_eq!(levels[0], (1, "全球数字治理白皮书（2022年）"));
    assert!(levels.iter().all(|&(n, text)| match n {
        2 => text.contains('、'),
        3 => text.starts_with('（'),
        _ => n == 1,
    }));
    assert_eq!(levels.len(), 24);
}

fn segment_tree(path: &str) -> Vec<(u64, Vec<String>)> {
    run_ok(&["segment", path, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|u| u["kind"] == "heading")
        .map(|u| {
            let path = u["section"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            (u["level"].as_u64().unwrap(), path)
        })
        .collect()
}

fn bead_texts(zh: &str, en: &str) -> HashSet<(String, String)> {
    let key = |v: &serde_json::Value| v.as_str().unwrap().split_whitespace().collect::<String>();
    run_ok(&["align", zh, en, "--format", "jsonl", "-q"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|b| (key(&b["zh"]), key(&b["en"])))
        .collect()
}

/// The bar: aligning the PDFs gives at least 98% of the beads that aligning
/// the text gives (measured: all of them, plus the footnote's), and `segment` gives
/// the same section tree.
#[test]
fn aligning_the_pdfs_reproduces_aligning_the_text() {
    let text = bead_texts(&format!("{SAMPLE}/zh.txt"), &format!("{SAMPLE}/en.txt"));
    for (zh, en) in [
        ("zh.chromium.pdf", "en.chromium.pdf"),
        ("zh.libreoffice.pdf", "en.libreoffice.pdf"),
    ] {
        let pdf = bead_texts(&fixture(zh), &fixture(en));
        let kept = text.intersection(&pdf).count() as f64 / text.len() as f64;
        assert!(kept >= 0.98, "{zh} + {en}: {kept:.3} of the text's beads");
        assert!(pdf.contains(&(
            FOOTNOTE_ZH.to_string(),
            FOOTNOTE_EN.split_whitespace().collect::<String>()
        )));
    }
    for (txt, pdf) in [
        ("zh.txt", "zh.chromium.pdf"),
        ("en.txt", "en.libreoffice.pdf"),
    ] {
        assert_eq!(
            segment_tree(&format!("{SAMPLE}/{txt}")),
            segment_tree(&fixture(pdf)),
            "{pdf}"
        );
    }
}

#[test]
fn glossary_and_check_take_pdfs() {
    let (zh, en) = (fixture("zh.chromium.pdf"), fixture("en.chromium.pdf"));
    let glossary = run_ok(&["glossary", &zh, &en]);
    assert!(glossary.lines().count() > 5, "{glossary}");
    let out = bitext().args(["check", &zh, &en]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
}

/// A PDF on stdin is known by its signature.
#[test]
fn pdf_on_stdin() {
    let bytes = std::fs::read(fixture("en.chromium.pdf")).unwrap();
    let out = assert_cmd::Command::cargo_bin("bitext")
        .unwrap()
        .args(["segment", "-", "--format", "text"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("White Paper on Global Digital Governance"));
    assert!(!text.contains("%PDF"));
}

/// With Chromium installed, fixtures printed now read the same as the committed ones
/// (so the reader keeps up with the browser users print with).
#[test]
fn freshly_printed_pdfs_read_like_the_fixtures() {
    if which("chromium").is_none() {
        skip("chromium", "bash .ci/install-chromium.sh");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("python3")
        .args(["scripts/make-pdf-fixtures.py"])
        .arg(dir.path())
        .arg("chromium")
        .status()
        .unwrap();
    assert!(status.success());
    for name in ["zh.chromium.pdf", "en.chromium.pdf", "en.chromium-2col.pdf"] {
        let fresh = read_pdf(dir.path().join(name).to_str().unwrap());
        assert_eq!(fresh.markdown, read_pdf(&fixture(name)).markdown, "{name}");
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

// ---- PDFs built here -------------------------------------------------------------

/// A one-page PDF whose page draws `content` with Helvetica as /F1 and `extra`
/// resources; returns the document for further changes.
fn one_page(content: &[u8], xobjects: Option<lopdf::Dictionary>) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    if let Some(x) = xobjects {
        resources.set("XObject", x);
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

const HELLO: &[u8] = b"BT /F1 12 Tf 72 700 Td (Digital governance needs rules.) Tj ET";

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path.to_str().unwrap().to_string()
}

/// Run `segment` on bytes; return (exit code, stdout, stderr).
fn segment_bytes(name: &str, bytes: &[u8]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), name, bytes);
    let out = bitext().args(["segment", &path]).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_refused(name: &str, bytes: &[u8], what: &str) {
    let (code, _, err) = segment_bytes(name, bytes);
    assert_eq!(code, Some(2), "{name}: {err}");
    assert!(err.contains(name), "{name}: error names the file: {err}");
    assert!(err.contains(what), "{name}: error says {what:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_pdf_built_here_reads() {
    let (code, out, err) = segment_bytes("hello.pdf", &save(&mut one_page(HELLO, None)));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Digital governance needs rules."), "{out}");
}

/// A list whose items wrap at a hanging indent and a table with a column of numbers,
/// drawn as a word processor draws them: each item one paragraph without its bullet,
/// each table row one line with its cells separated by tabs.
#[test]
fn list_items_and_table_rows_are_units() {
    let content = b"BT /F1 10 Tf 72 700 Td (The harbour board agreed on two steps:) Tj ET
BT /F1 10 Tf 76 686 Td (\\225) Tj ET
BT /F1 10 Tf 88 686 Td (dredging the inner basin so that the larger ferries can) Tj ET
BT /F1 10 Tf 88 674 Td (berth at any tide;) Tj ET
BT /F1 10 Tf 76 662 Td (\\225) Tj ET
BT /F1 10 Tf 88 662 Td (rebuilding the north quay.) Tj ET
BT /F1 9 Tf 72 620 Td (Port) Tj 128 0 Td (Ships) Tj 100 0 Td (Berths) Tj ET
BT /F1 9 Tf 72 603 Td (North Bay) Tj 128 0 Td (1,204) Tj 100 0 Td (12) Tj ET
BT /F1 9 Tf 72 586 Td (Eastmouth) Tj 128 0 Td (860) Tj 100 0 Td (9) Tj ET";
    let bytes = save(&mut one_page(content, None));
    let text = pdf_to_markdown(&bytes, "list.pdf", Limits::default()).unwrap();
    assert_eq!(
        text.markdown.lines().collect::<Vec<_>>(),
        [
            "The harbour board agreed on two steps:",
            "dredging the inner basin so that the larger ferries can berth at any tide;",
            "rebuilding the north quay.",
            "Port\tShips\tBerths",
            "North Bay\t1,204\t12",
            "Eastmouth\t860\t9",
        ],
        "{}",
        text.markdown
    );
}

#[test]
fn a_scan_without_text_layer_asks_for_ocr() {
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    );
    let mut doc = one_page(b"q 500 0 0 700 50 50 cm /Im1 Do Q", None);
    let image_id = doc.add_object(image);
    let page_id = *doc.get_pages().values().next().unwrap();
    doc.get_dictionary_mut(page_id)
        .unwrap()
        .get_mut(b"Resources")
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("XObject", dictionary! { "Im1" => image_id });
    assert_refused(
        "scan.pdf",
        &save(&mut doc),
        "no text layer: the pages are images (a scan?); run OCR first",
    );
}

#[test]
fn a_password_protected_pdf_is_refused() {
    let mut doc = one_page(HELLO, None);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ],
    );
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    assert_refused("locked.pdf", &save(&mut doc), "encrypted with a password");
}

#[test]
fn damaged_pdfs_are_refused_cleanly() {
    assert_refused(
        "garbage.pdf",
        b"%PDF-1.7\n\x00\x01garbage\n%%EOF\n",
        "not a readable PDF file",
    );
    let whole = save(&mut one_page(HELLO, None));
    assert_refused(
        "cut.pdf",
        &whole[..whole.len() / 3],
        "not a readable PDF file",
    );
    // A .pdf name on a text file: the extension decides, and says what it wanted.
    assert_refused("notes.pdf", b"just some text\n", "no %PDF- signature");
    // An image or nothing at all under a .pdf name: said for what it is.
    assert_refused(
        "scan.pdf",
        b"\xFF\xD8\xFF\xE0\0\x10JFIF",
        "not a readable PDF file: this is a JPEG image",
    );
    assert_refused("blank.pdf", b"", "the file is empty");
}

/// Cross-reference offsets that point nowhere: lopdf rebuilds the table by scanning,
/// and the text is read.
#[test]
fn a_broken_cross_reference_table_is_repaired() {
    let bytes = save(&mut one_page(HELLO, None));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let xref = text.find("xref").unwrap();
    let mut broken = bytes.clone();
    for b in &mut broken[xref..] {
        if b.is_ascii_digit() && *b != b'0' {
            *b = b'9';
        }
    }
    let (code, out, err) = segment_bytes("broken-xref.pdf", &broken);
    eprintln!("broken xref: exit {code:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        (code == Some(0) && out.contains("Digital governance needs rules."))
            || (code == Some(2) && err.contains("broken-xref.pdf")),
        "{code:?} {err}"
    );
}

/// Arrays nested a hundred thousand deep in the page's dictionary: refused or read,
/// never a stack overflow.
#[test]
fn deeply_nested_objects_do_not_overflow_the_stack() {
    let mut doc = one_page(HELLO, None);
    let page_id = *doc.get_pages().values().next().unwrap();
    let bytes = save(&mut doc);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let marker = format!("{} {} obj", page_id.0, page_id.1);
    let at = text.find(&marker).unwrap() + marker.len();
    let depth = 100_000;
    let nested = format!("\n<< /Deep {}{} >>", "[".repeat(depth), "]".repeat(depth));
    let mut hostile = bytes[..at].to_vec();
    hostile.extend_from_slice(nested.as_bytes());
    hostile.extend_from_slice(b"\nendobj\n");
    hostile.extend_from_slice(&bytes[at..]);
    assert_refused("nested.pdf", &hostile, "1 of its 1 pages cannot be read");
    // Deep nesting in a content stream's operands too.
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', depth));
    content.extend(std::iter::repeat_n(b']', depth));
    content.extend_from_slice(b" TJ (After the nesting.) Tj ET");
    let (code, _, err) = segment_bytes("nested-content.pdf", &save(&mut one_page(&content, None)));
    eprintln!("nested content: exit {code:?} {err}");
    assert!(matches!(code, Some(0 | 2)), "{code:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A page stream that inflates past the cap (80 MiB of spaces from a few hundred KB) is
/// refused as a decompression bomb.
#[test]
fn a_flate_bomb_is_refused() {
    use flate2::{Compression, write::ZlibEncoder};
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(HELLO).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        enc.write_all(&chunk).unwrap();
    }
    let packed = enc.finish().unwrap();
    assert!(packed.len() < 1_000_000, "{}", packed.len());
    let mut doc = one_page(HELLO, None);
    let page_id = *doc.get_pages().values().next().unwrap();
    let bomb = doc.add_object(
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, packed).with_compression(false),
    );
    doc.get_dictionary_mut(page_id)
        .unwrap()
        .set("Contents", bomb);
    assert_refused("bomb.pdf", &save(&mut doc), "decompression bomb");
}

/// One line of text drawn 4,000 times over on a page: 124,000 glyphs, more than a page
/// of print holds. Refused at the default limits, naming the page, before the glyphs
/// (a file of a few KB can ask for billions) fill the memory.
#[test]
fn a_page_drawing_text_over_and_over_is_refused() {
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    for _ in 0..4_000 {
        content.extend_from_slice(b"(Digital governance needs rules.) Tj 0 0 Td ");
    }
    content.extend_from_slice(b"ET");
    let mut doc = one_page(HELLO, None);
    let page_id = *doc.get_pages().values().next().unwrap();
    let packed = doc.add_object(Stream::new(dictionary! {}, content));
    doc.get_dictionary_mut(page_id)
        .unwrap()
        .set("Contents", packed);
    assert_refused(
        "overdrawn.pdf",
        &save(&mut doc),
        "page 1 of the PDF draws more than",
    );
    // The same text drawn 2,000 times, 62,000 glyphs (a page of 4-point type), reads.
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    for _ in 0..2_000 {
        content.extend_from_slice(b"(Digital governance needs rules.) Tj 0 0 Td ");
    }
    content.extend_from_slice(b"ET");
    let bytes = save(&mut one_page(&content, None));
    assert!(pdf_to_markdown(&bytes, "dense.pdf", Limits::default()).is_ok());
}

/// Helvetica without /Widths (as reportlab writes a standard font): its glyphs get their
/// Adobe widths, so two columns of narrow letters keep their gutter and read one after
/// the other. At half an em a glyph, the left lines ran into the right column.
#[test]
fn a_standard_font_without_widths_keeps_two_columns_apart() {
    let left = [
        "little lilies fill its tiny hill",
        "still it is ill if lilt is little",
        "fill it till its frill is lit",
        "list it if it is still still",
    ];
    let right = [
        "Right side text",
        "More words here",
        "Second column",
        "Ends the page",
    ];
    let mut content = String::from("BT /F1 10 Tf 12 TL ");
    for (i, (l, r)) in left.iter().zip(&right).enumerate() {
        let y = 700 - 14 * i as i32;
        content.push_str(&format!(
            "1 0 0 1 72 {y} Tm ({l}.) Tj 1 0 0 1 230 {y} Tm ({r}.) Tj "
        ));
    }
    content.push_str("ET");
    let bytes = save(&mut one_page(content.as_bytes(), None));
    let text = pdf_to_markdown(&bytes, "cols.pdf", Limits::default())
        .unwrap()
        .markdown;
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} in {text}"));
    assert!(
        at("list it if it is still still") < at("Right side text"),
        "{text}"
    );
    assert!(at("Second column") < at("Ends the page"), "{text}");
}

/// A file cut short (a download broken off) is read as far as it goes, with a note that
/// pages may be missing; the whole file gets no such note.
#[test]
fn a_pdf_cut_short_is_read_with_a_note() {
    let bytes = std::fs::read(fixture("zh.chromium.pdf")).unwrap();
    let (code, out, err) = segment_bytes("whole.pdf", &bytes);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("cut short"), "{err}");
    let end = bytes.windows(5).rposition(|w| w == b"%%EOF").unwrap();
    let (code, cut, err) = segment_bytes("cut.pdf", &bytes[..end]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("cut.pdf: the PDF file is cut short"), "{err}");
    assert_eq!(cut, out);
}

/// The library's caps, set low: objects and decompressed bytes.
#[test]
fn limits_are_enforced() {
    let bytes = save(&mut one_page(HELLO, None));
    let few_objects = Limits {
        max_objects: 2,
        ..Limits::default()
    };
    let err = pdf_to_markdown(&bytes, "many.pdf", few_objects)
        .unwrap_err()
        .to_string();
    assert!(err.contains("more than 2 objects"), "{err}");
    let tiny = Limits {
        max_total_bytes: 10,
        ..Limits::default()
    };
    let err = pdf_to_markdown(&bytes, "big.pdf", tiny)
        .unwrap_err()
        .to_string();
    assert!(err.contains("decompression bomb"), "{err}");
    assert!(pdf_to_markdown(&bytes, "ok.pdf", Limits::default()).is_ok());
}

/// A page tree whose node lists itself as its own kid ends, with an error or a read.
#[test]
fn a_page_tree_cycle_ends() {
    let mut doc = one_page(HELLO, None);
    let pages_id = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let page_id = *doc.get_pages().values().next().unwrap();
    doc.get_dictionary_mut(pages_id)
        .unwrap()
        .set("Kids", vec![page_id.into(), pages_id.into()]);
    let (code, _, err) = segment_bytes("cycle.pdf", &save(&mut doc));
    eprintln!("page tree cycle: exit {code:?} {err}");
    assert!(matches!(code, Some(0 | 2)), "{code:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Older Chinese producers write composite fonts with a predefined CMap and no
/// /ToUnicode map: the codes are GBK (or Big5, or UTF-16) text themselves.
#[test]
fn legacy_chinese_cmaps_without_tounicode() {
    for (cmap, bytes) in [
        (
            "GBK-EUC-H",
            encoding_rs::GBK
                .encode("数字治理规则2022年。")
                .0
                .into_owned(),
        ),
        (
            "ETen-B5-H",
            encoding_rs::BIG5
                .encode("數字治理規則2022年。")
                .0
                .into_owned(),
        ),
        (
            "UniGB-UCS2-H",
            "数字治理规则2022年。"
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect(),
        ),
    ] {
        let mut content = b"BT /F1 12 Tf 72 700 Td <".to_vec();
        content.extend(bytes.iter().flat_map(|b| format!("{b:02X}").into_bytes()));
        content.extend_from_slice(b"> Tj ET");
        let mut doc = one_page(&content, None);
        let font_id = doc
            .objects
            .iter()
            .find(|(_, o)| o.as_dict().is_ok_and(|d| d.has_type(b"Font")))
            .map(|(id, _)| *id)
            .unwrap();
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"), "Supplement" => 4,
            },
        });
        doc.objects.insert(
            font_id,
            Object::Dictionary(dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light",
                "Encoding" => cmap, "DescendantFonts" => vec![descendant.into()],
            }),
        );
        let pdf = pdf_to_markdown(&save(&mut doc), "legacy.pdf", Limits::default()).unwrap();
        let want = if cmap.starts_with("ETen") {
            "數字治理規則2022年。"
        } else {
            "数字治理规则2022年。"
        };
        assert_eq!(pdf.markdown.trim(), want, "{cmap}");
    }
}

/// Identity-encoded glyphs with no /ToUnicode map: the codes are glyph numbers, not
/// characters, and the error says so.
#[test]
fn glyphs_without_unicode_are_reported() {
    let mut doc = one_page(b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET", None);
    let font_id = doc
        .objects
        .iter()
        .find(|(_, o)| o.as_dict().is_ok_and(|d| d.has_type(b"Font")))
        .map(|(id, _)| *id)
        .unwrap();
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Song",
    });
    doc.objects.insert(
        font_id,
        Object::Dictionary(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Song",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
        }),
    );
    assert_refused("glyphs.pdf", &save(&mut doc), "no ToUnicode map");
}
