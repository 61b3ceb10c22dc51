//! .docx input end to end: documents built here with the zip crate, read by the real
//! binary (`segment`, `align`), and hostile archives (zip bombs, too many entries,
//! DTDs with entities) refused with exit code 2 and the file's name.

mod common;
use common::*;

use std::io::{Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

/// Styles as a Chinese Word writes them (ids "1", "2", names "heading 1"...), plus the
/// English names and a Chinese-named style.
fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 3"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>"#
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph in WordprocessingML, its text split over two runs.
fn paragraph(style: Option<&str>, text: &str) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    let mid = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let (a, b) = text.split_at(mid);
    format!(
        r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(a),
        xml_escape(b)
    )
}

fn table(rows: &[&[&str]]) -> String {
    let mut s = String::from("<w:tbl><w:tblPr/>");
    for row in rows {
        s.push_str("<w:tr>");
        for cell in *row {
            s.push_str(&format!("<w:tc>{}</w:tc>", paragraph(None, cell)));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A zip archive of the given parts, deflated.
fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", document_xml(body).as_bytes()),
        ("word/styles.xml", styles_xml().as_bytes()),
    ])
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

/// The sample's Chinese text as a Word document: parts (一、) in "heading 1", sections
/// ((一)) in "Heading 2", the title in "Title", the rest body paragraphs.
fn sample_as_docx() -> Vec<u8> {
    let zh = std::fs::read_to_string(format!("{SAMPLE}/zh.txt")).unwrap();
    let part = regex::Regex::new(r"^[一二三四五六七八九十]+、").unwrap();
    let section = regex::Regex::new(r"^（[一二三四五六七八九十]+）").unwrap();
    let mut body = String::new();
    for (i, line) in zh.lines().enumerate() {
        let style = if i == 0 {
            Some("Title")
        } else if part.is_match(line) {
            Some("1")
        } else if section.is_match(line) && line.chars().count() < 40 {
            Some("Heading2")
        } else {
            None
        };
        body.push_str(&paragraph(style, line));
    }
    docx(&body)
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn heading_styles_give_section_levels() {
    let dir = tempfile::tempdir().unwrap();
    let body = [
        paragraph(Some("1"), "总体要求"),
        paragraph(None, "我们坚持开放合作。我们反对保护主义。"),
        paragraph(Some("Heading2"), "数据安全"),
        paragraph(None, "数据是新的生产要素。"),
        paragraph(Some("a5"), "跨境流动"),
        paragraph(None, "规则正在形成。"),
        table(&[&["项目", "2023年"], &["规模", "38.6万亿美元"]]),
        paragraph(Some("1"), "保障措施"),
        paragraph(None, "加强组织领导。"),
    ]
    .concat();
    let path = write(dir.path(), "doc.docx", &docx(&body));
    let out = bitext()
        .args(["segment", "--format", "jsonl", &path])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let units = jsonl(&out.stdout);
    let got: Vec<(String, String, u64)> = units
        .iter()
        .map(|u| {
            (
                u["text"].as_str().unwrap().to_string(),
                u["kind"].as_str().unwrap().to_string(),
                u["level"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("总体要求", "heading", 1),
        ("我们坚持开放合作。", "sentence", 1),
        ("我们反对保护主义。", "sentence", 1),
        ("数据安全", "heading", 2),
        ("数据是新的生产要素。", "sentence", 2),
        ("跨境流动", "heading", 3),
        ("规则正在形成。", "sentence", 3),
        ("项目\t2023年", "sentence", 3),
        ("规模\t38.6万亿美元", "sentence", 3),
        ("保障措施", "heading", 1),
        ("加强组织领导。", "sentence", 1),
    ];
    let got_ref: Vec<(&str, &str, u64)> = got
        .iter()
        .map(|(t, k, l)| (t.as_str(), k.as_str(), *l))
        .collect();
    assert_eq!(got_ref, want);
}

#[test]
fn a_docx_aligns_against_a_txt_like_the_txt_does() {
    let dir = tempfile::tempdir().unwrap();
    let zh_docx = write(dir.path(), "zh.docx", &sample_as_docx());
    let en = format!("{SAMPLE}/en.txt");
    // Levels come from styles on one side and from numbering order on the other;
    // section matching compares depths, so structure is used here as by default.
    let run = |zh: &str| {
        let out = bitext()
            .args(["align", "--format", "jsonl", zh, &en])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        jsonl(&out.stdout)
    };
    let from_docx = run(&zh_docx);
    let from_txt = run(&format!("{SAMPLE}/zh.txt"));
    // The text is the same, so the pairs should be nearly all the same.
    let pairs = |beads: &[serde_json::Value]| -> std::collections::HashSet<(String, String)> {
        beads
            .iter()
            .map(|b| (b["zh"].to_string(), b["en"].to_string()))
            .collect()
    };
    let (a, b) = (pairs(&from_docx), pairs(&from_txt));
    let common = a.intersection(&b).count();
    assert!(
        common * 10 >= b.len() * 9,
        "only {common} of {} pairs agree",
        b.len()
    );
    // Part headings come from the heading 1 style and pair with the English parts.
    let part3 = from_docx
        .iter()
        .find(|b| b["zh"].as_str().unwrap().starts_with("三、"))
        .expect("a bead for part 三");
    assert!(part3["en"].as_str().unwrap().starts_with("III."), "{part3}");
}

/// `bitext segment -` on a .docx's bytes: its units, one per line.
fn segment_stdin(bytes: Vec<u8>) -> String {
    let out = assert_cmd::Command::cargo_bin("bitext")
        .unwrap()
        .args(["segment", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_docx_on_stdin_is_recognised_by_its_content() {
    let bytes = docx(&paragraph(None, "标准化工作。"));
    assert_eq!(segment_stdin(bytes), "标准化工作。\n");
}

#[test]
fn a_soft_line_break_inside_a_sentence_does_not_cut_it() {
    let body = r#"<w:p><w:r><w:t>The river clean-up has now reached every village of the county</w:t><w:br/></w:r><w:r><w:t xml:space="preserve"> and serves forty thousand people.</w:t></w:r></w:p>"#;
    assert_eq!(
        segment_stdin(docx(body)),
        "The river clean-up has now reached every village of the county and serves forty thousand people.\n"
    );
}

/// Footnotes and endnotes come after the body, in order, without their separators
/// (as the PDF reader puts a page's footnotes after its text).
#[test]
fn footnotes_and_endnotes_follow_the_body() {
    let notes = |kind: &str, texts: &[&str]| {
        let mut xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:{kind}s xmlns:w="{W}"><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>"#
        );
        for (i, t) in texts.iter().enumerate() {
            xml.push_str(&format!(
                r#"<w:{kind} w:id="{}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t></w:r></w:p></w:{kind}>"#,
                i + 1
            ));
        }
        xml.push_str(&format!("</w:{kind}s>"));
        xml
    };
    let body = paragraph(None, "标准化工作有序推进。") + &paragraph(None, "数据安全得到保障。");
    let bytes = zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", document_xml(&body).as_bytes()),
        ("word/styles.xml", styles_xml().as_bytes()),
        (
            "word/footnotes.xml",
            notes("footnote", &["资料来源：本文作者整理。", "下同。"]).as_bytes(),
        ),
        (
            "word/endnotes.xml",
            notes("endnote", &["全文完。"]).as_bytes(),
        ),
    ]);
    assert_eq!(
        segment_stdin(bytes),
        "标准化工作有序推进。\n数据安全得到保障。\n资料来源：本文作者整理。\n下同。\n全文完。\n"
    );
}

/// Run `segment` on a hostile file: exit 2, an error naming the file, no panic.
fn assert_refused(name: &str, bytes: &[u8], reason: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    let out = bitext().args(["segment", &path]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert!(stderr.contains(name), "{name}: {stderr}");
    assert!(stderr.contains(reason), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_zip_bomb_is_refused() {
    // 70 MiB of spaces inside one text run deflate to well under 100 KiB.
    let mut doc = document_xml("<w:p><w:r><w:t>").into_bytes();
    doc.truncate(doc.len() - "<w:sectPr/></w:body></w:document>".len());
    doc.extend(std::iter::repeat_n(b' ', 70 << 20));
    doc.extend_from_slice(b"x</w:t></w:r></w:p></w:body></w:document>");
    let bomb = zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", &doc),
    ]);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    assert_refused("bomb.docx", &bomb, "zip bomb");

    // The same with the sizes in its headers lowered to 1 KiB: the count is kept while
    // decompressing, so a lying header does not get the data through.
    let mut lying = bomb.clone();
    let mut patched = 0;
    for sig_at in 0..lying.len().saturating_sub(4) {
        let (size_at, name_len_at, name_at) = match &lying[sig_at..sig_at + 4] {
            b"PK\x03\x04" => (sig_at + 22, sig_at + 26, sig_at + 30),
            b"PK\x01\x02" => (sig_at + 24, sig_at + 28, sig_at + 46),
            _ => continue,
        };
        let name_len = u16::from_le_bytes([lying[name_len_at], lying[name_len_at + 1]]) as usize;
        if &lying[name_at..name_at + name_len] == b"word/document.xml" {
            lying[size_at..size_at + 4].copy_from_slice(&1024u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "local and central headers");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "lying.docx", &lying);
    let out = bitext().args(["segment", &path]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "patched {patched}: {stderr}");
    assert!(stderr.contains("lying.docx"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn too_many_entries_are_refused() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(document_xml(&paragraph(None, "正文。")).as_bytes())
        .unwrap();
    for i in 0..10_001 {
        w.start_file(format!("word/media/x{i}"), opts).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert_refused("many.docx", &bytes, "entries");
}

#[test]
fn dtds_and_entities_are_never_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", b"TOP-SECRET-MARKER");
    let xxe = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>
<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let laughs = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"#
    );
    for (name, part, xml) in [
        ("xxe.docx", "word/document.xml", xxe.as_str()),
        ("laughs.docx", "word/document.xml", laughs.as_str()),
    ] {
        let bytes = zip_parts(&[(part, xml.as_bytes())]);
        assert_refused(name, &bytes, "DTD");
    }
    // A DTD in styles.xml is refused too.
    let styles = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "x">]><w:styles xmlns:w="{W}"/>"#
    );
    let bytes = zip_parts(&[
        (
            "word/document.xml",
            document_xml(&paragraph(None, "正文。")).as_bytes(),
        ),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    assert_refused("styles-dtd.docx", &bytes, "DTD");
    // Without a DTD an undeclared entity is an error, not an empty string.
    let bytes = zip_parts(&[(
        "word/document.xml",
        document_xml("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>").as_bytes(),
    )]);
    assert_refused("entity.docx", &bytes, "entity.docx");
}

#[test]
fn broken_docx_files_are_refused() {
    assert_refused("text.docx", "只是文本。".as_bytes(), "not a zip");
    assert_refused(
        "photo.docx",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "not a readable .docx file: this is a PNG image",
    );
    assert_refused("nothing.docx", b"", "the file is empty");
    assert_refused("junk.docx", b"PK\x03\x04\x00\x00garbage", "junk.docx");
    let no_document = zip_parts(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
    assert_refused("empty.docx", &no_document, "word/document.xml");
    let empty_body = zip_parts(&[("word/document.xml", document_xml("<w:p/>").as_bytes())]);
    assert_refused("blank.docx", &empty_body, "no text");
    let broken_xml = zip_parts(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    assert_refused("broken.docx", &broken_xml, "broken.docx");
}
