//! Reading what `bitext align` wrote (TSV, JSONL or TMX) back as pairs of texts, for
//! `glossary --aligned` and `check --aligned`.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::pairs::AlignedPair;

/// Read an aligned file, choosing the format from its content.
pub fn read_aligned(path: &str) -> Result<Vec<AlignedPair>> {
    let bytes = crate::read::read_bytes(path)?;
    parse_aligned(&bytes, path)
}

/// The pairs of an aligned file's bytes (see [`read_aligned`]); `name` is used in
/// error messages.
pub fn parse_aligned(bytes: &[u8], name: &str) -> Result<Vec<AlignedPair>> {
    let text = decode_aligned(bytes, name)?;
    let head = text.trim_start();
    if head.starts_with('<') && super::xliff::is_xliff(&text) {
        super::xliff::read_xliff(&text, name)
    } else if head.starts_with('<') {
        read_tmx(&text, name)
    } else if head.starts_with('{') {
        read_jsonl(&text, name)
    } else {
        read_tsv(&text, name)
    }
}

/// Decode an aligned file: as [`crate::read::decode`] does, and also UTF-16 XML
/// without a byte-order mark, recognised by its first character `<`.
fn decode_aligned(bytes: &[u8], name: &str) -> Result<String> {
    let utf16 = match bytes {
        [b'<', 0, ..] => Some(encoding_rs::UTF_16LE),
        [0, b'<', ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    match utf16 {
        Some(enc) => {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(Error::input(name, format!("not valid {} text", enc.name())));
            }
            Ok(text.replace("\r\n", "\n"))
        }
        None => crate::read::decode(bytes, name),
    }
}

/// Where the zh, en, score and section cells are in a TSV row.
struct TsvColumns {
    zh: usize,
    en: usize,
    score: Option<usize>,
    section: Option<usize>,
}

impl TsvColumns {
    /// `align`'s order, for a file without a header row.
    const ALIGN: TsvColumns = TsvColumns {
        zh: 0,
        en: 1,
        score: Some(2),
        section: Some(3),
    };

    /// The columns a header row names, when it names both `zh` and `en` (`batch
    /// --combined` puts a `doc` column first).
    fn from_header(row: &csv::StringRecord) -> Option<TsvColumns> {
        let find = |name: &str| row.iter().position(|c| c.trim().eq_ignore_ascii_case(name));
        Some(TsvColumns {
            zh: find("zh")?,
            en: find("en")?,
            score: find("score"),
            section: find("section"),
        })
    }
}

/// TSV: a header row naming `zh` and `en` says where they are (other columns, such as
/// `batch --combined`'s `doc`, are ignored); without one, the first two columns are zh
/// and en, then score and section; bead i is data row i. Cells are not quoted (`align`
/// writes none, and a sentence may begin with a quotation mark).
pub fn read_tsv(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(text.as_bytes());
    // csv counts records, not the blank lines before them (which a record's position
    // includes): lines come from offsets.
    let bytes = text.as_bytes();
    let line_at = |p: Option<&csv::Position>| {
        let mut start = p.map_or(0, |p| p.byte() as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        1 + bytes[..start].iter().filter(|&&b| b == b'\n').count()
    };
    let mut out = Vec::new();
    let mut columns = TsvColumns::ALIGN;
    for (n, row) in rows.records().enumerate() {
        let row = row.map_err(|e| {
            Error::input_at(name, line_at(e.position()), format!("not a TSV row: {e}"))
        })?;
        let line = line_at(row.position());
        if n == 0
            && line == 1
            && let Some(named) = TsvColumns::from_header(&row)
        {
            // `glossary`'s own TSV names zh and en too, but its rows are terms.
            if row.iter().any(|c| c.trim() == "other_renderings") {
                return Err(Error::input_at(
                    name,
                    line,
                    "a glossary bitext wrote (term pairs), not aligned sentences: give what `bitext align` wrote",
                ));
            }
            columns = named;
            continue;
        }
        if row.iter().all(|cell| cell.trim().is_empty()) && row.len() == 1 {
            continue;
        }
        let (Some(zh), Some(en)) = (row.get(columns.zh), row.get(columns.en)) else {
            let needed = columns.zh.max(columns.en) + 1;
            return Err(Error::input_at(
                name,
                line,
                format!("expected at least {needed} tab-separated columns (zh, en)"),
            ));
        };
        let mut p = AlignedPair::new(out.len(), zh, en);
        p.score = columns
            .score
            .and_then(|c| row.get(c))
            .and_then(|s| s.trim().parse().ok());
        p.section = columns
            .section
            .and_then(|c| row.get(c))
            .map(str::to_string)
            .unwrap_or_default();
        out.push(p);
    }
    Ok(out)
}

#[derive(Deserialize)]
struct JsonPair {
    #[serde(default)]
    id: Option<usize>,
    zh: String,
    en: String,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    section: Vec<String>,
}

/// JSONL as `align --format jsonl` writes it.
pub fn read_jsonl(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonPair = serde_json::from_str(line)
            .map_err(|e| Error::input_at(name, n + 1, format!("not a bead object: {e}")))?;
        out.push(AlignedPair {
            id: rec.id.unwrap_or(out.len()),
            zh: rec.zh,
            en: rec.en,
            score: rec.score,
            section: rec.section.join(" > "),
            ..AlignedPair::default()
        });
    }
    Ok(out)
}

/// The language of a TMX `xml:lang` code, as other tools write it: `zh-CN`, `zh-cn`,
/// `zh-Hans`, `ZH`, `zho`, `en_US`, `EN-GB`, `eng` (as glossaries and XLIFF files write
/// them too: [`crate::lexicon::lang_of_code`]). Other languages give `None`.
pub fn tmx_lang(code: &str) -> Option<crate::segment::Lang> {
    crate::lexicon::lang_of_code(code)
}

/// The Chinese and English segments of a TMX unit: the first tuv of each language, or,
/// where none names Chinese (en and en-US around a Chinese source), of the tuvs named
/// English the first written in Chinese and the first other one written in English.
fn unit_sides(tuvs: &[(Option<crate::segment::Lang>, String)]) -> Option<(&str, &str)> {
    use crate::segment::Lang;
    let tagged = |l: Lang| tuvs.iter().find(|(t, _)| *t == Some(l));
    if let (Some(z), Some(e)) = (tagged(Lang::Zh), tagged(Lang::En)) {
        return Some((&z.1, &e.1));
    }
    if tagged(Lang::Zh).is_some() {
        return None;
    }
    // Only among tuvs that name a language: one without any is no TMX of a tool.
    let english = |k: usize| tuvs[k].0 == Some(Lang::En);
    let written = |l: Lang, not: Option<usize>| {
        (0..tuvs.len()).find(|&k| english(k) && Some(k) != not && Lang::detect(&tuvs[k].1) == l)
    };
    let z = written(Lang::Zh, None)?;
    let e = written(Lang::En, Some(z))?;
    Some((&tuvs[z].1, &tuvs[e].1))
}

/// Elements whose content is native code of the source format (`<b>`, `{\b`), not
/// text: TMX inline `bpt`, `ept`, `it`, `ph`, `ut`. Their text, and that of a `sub`
/// inside them, is left out of the segment; `hi` is text and kept.
const INLINE_CODE: &[&[u8]] = &[b"bpt", b"ept", b"it", b"ph", b"ut"];

/// TMX: each `tu` with a Chinese and an English `tuv` (the first of each, language
/// codes in any case or spelling, see [`tmx_lang`]; where no `tuv` of the unit names a
/// Chinese language, as tools that assume English sources write, the one written in
/// Chinese is the Chinese one); inline markup (`hi`) keeps its
/// text, inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are left out, so the segment
/// text is what a reader sees. bitext's own `x-bitext-score` and `x-bitext-section`
/// props are read back. The file must be well-formed XML ([`crate::xml::XmlReader`]:
/// a cut-off file or a repeated attribute is an error naming the line). A DTD is
/// allowed (TMX files often name one) but never read: quick-xml resolves no external
/// entity and expands no user-defined one, and an undeclared entity reference is an
/// error.
pub fn read_tmx(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    use crate::segment::Lang;
    use quick_xml::events::Event;
    let mut reader = crate::xml::XmlReader::new(text, name);
    let mut out = Vec::new();
    let mut lang = None::<Lang>;
    // Depth inside `seg` (0 = outside) and inside inline code within it.
    let (mut in_seg, mut in_code, mut seg) = (0usize, 0usize, String::new());
    // The unit's segments with the language their tuv names.
    let mut tuvs: Vec<(Option<Lang>, String)> = Vec::new();
    let mut score = None::<f64>;
    let mut section = String::new();
    let mut tuid = None::<usize>;
    // Written by bitext: its tuids are bead ids (other tools number units their own way).
    let mut ours = false;
    let mut prop_type = None::<String>;
    let mut prop_text = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                _ if in_seg > 0 => {
                    in_seg += 1;
                    if in_code > 0 || INLINE_CODE.contains(&e.local_name().as_ref()) {
                        in_code += 1;
                    }
                }
                b"tu" => {
                    tuvs.clear();
                    score = None;
                    section.clear();
                    // bitext writes the bead index as tuid; keeping it makes bead ids
                    // agree with the TSV and JSONL of the same alignment.
                    tuid = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"tuid")
                        .and_then(|a| String::from_utf8_lossy(&a.value).trim().parse().ok());
                }
                b"tuv" => {
                    lang = e
                        .attributes()
                        .flatten()
                        .find(|a| matches!(a.key.as_ref(), b"xml:lang" | b"lang"))
                        .and_then(|a| tmx_lang(&String::from_utf8_lossy(&a.value)));
                }
                b"seg" => {
                    in_seg = 1;
                    in_code = 0;
                    seg.clear();
                }
                b"prop" => {
                    prop_type = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"type")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                    prop_text.clear();
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"seg" if in_seg == 1 => {
                    in_seg = 0;
                    tuvs.push((lang, std::mem::take(&mut seg)));
                }
                _ if in_seg > 1 => {
                    in_seg -= 1;
                    in_code = in_code.saturating_sub(1);
                }
                b"prop" => {
                    match prop_type.as_deref() {
                        Some("x-bitext-score") => score = prop_text.trim().parse().ok(),
                        Some("x-bitext-section") => section = prop_text.clone(),
                        _ => {}
                    }
                    prop_type = None;
                }
                b"tu" => {
                    if let Some((z, e)) = unit_sides(&tuvs) {
                        let id = tuid.filter(|_| ours);
                        let mut p = AlignedPair::new(id.unwrap_or(out.len()), z, e);
                        p.score = score;
                        p.section = std::mem::take(&mut section);
                        out.push(p);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| reader.text_error(e))?;
                if in_seg > 0 {
                    if in_code == 0 {
                        seg.push_str(&s);
                    }
                } else if prop_type.is_some() {
                    prop_text.push_str(&s);
                }
            }
            Event::CData(t) if in_seg > 0 && in_code == 0 => {
                seg.push_str(&String::from_utf8_lossy(&t))
            }
            Event::Empty(e) if e.local_name().as_ref() == b"header" => {
                ours = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"creationtool" && a.value.as_ref() == b"bitext");
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_is_no_alignment() {
        let text = "zh\ten\tscore\tfrequency\tother_renderings\tknown\texamples\n数据\tdata\t1.0\t3\t\tno\t1\n";
        let e = read_tsv(text, "terms.tsv").unwrap_err().to_string();
        assert!(e.contains("terms.tsv") && e.contains("glossary"), "{e}");
    }

    #[test]
    fn language_codes_in_any_spelling() {
        use crate::segment::Lang;
        for code in ["zh-CN", "zh-cn", "zh-Hans", "ZH", "zh_TW", "zho", " zh "] {
            assert_eq!(tmx_lang(code), Some(Lang::Zh), "{code}");
        }
        for code in ["en-US", "en_US", "EN", "en-gb", "eng"] {
            assert_eq!(tmx_lang(code), Some(Lang::En), "{code}");
        }
        for code in ["", "fr-FR", "enm", "zu"] {
            assert_eq!(tmx_lang(code), None, "{code}");
        }
    }

    #[test]
    fn inline_codes_are_left_out_and_highlights_kept() {
        let tmx = r#"<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="ZH-CN"/><body>
<tu tuid="a">
  <tuv lang="ZH"><seg>数据<bpt i="1" x="1">&lt;b&gt;</bpt>治理<ept i="1">&lt;/b&gt;</ept><ph x="2">{\tab}</ph>。</seg></tuv>
  <tuv xml:lang="zh-TW"><seg>數據治理。</seg></tuv>
  <tuv xml:lang="en_US"><seg>Data <hi type="b">governance</hi><it pos="begin">&lt;i<sub>alt</sub>&gt;</it>.</seg></tuv>
  <tuv xml:lang="fr"><seg>Gouvernance.</seg></tuv>
</tu>
<tu><tuv xml:lang="zh-Hans"><seg>只有中文。</seg></tuv></tu>
</body></tmx>"#;
        let pairs = read_tmx(tmx, "x.tmx").unwrap();
        assert_eq!(
            pairs,
            vec![AlignedPair::new(0, "数据治理。", "Data governance.")]
        );
    }

    #[test]
    fn a_chinese_source_under_an_english_language_code_is_the_chinese_side() {
        // What a converter that takes every source for English writes (po2tmx -l en-US).
        let tmx = r#"<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>会员卡可以在门店办理。</seg></tuv><tuv xml:lang="en-US"><seg>Membership cards are issued in stores.</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Prices include tax.</seg></tuv><tuv xml:lang="en"><seg>价格含税。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Only English.</seg></tuv><tuv xml:lang="en-US"><seg>Still English.</seg></tuv></tu>
</body></tmx>"#;
        let pairs = read_tmx(tmx, "po.tmx").unwrap();
        let sides: Vec<(&str, &str)> = pairs
            .iter()
            .map(|p| (p.zh.as_str(), p.en.as_str()))
            .collect();
        assert_eq!(
            sides,
            [
                (
                    "会员卡可以在门店办理。",
                    "Membership cards are issued in stores."
                ),
                ("价格含税。", "Prices include tax.")
            ]
        );
    }

    #[test]
    fn own_props_are_read_back() {
        let tmx = r#"<tmx><body><tu><prop type="x-bitext-score">0.875</prop><prop type="x-bitext-section">一、总体 &gt; （一）</prop>
<tuv xml:lang="zh-CN"><seg>甲。</seg></tuv><tuv xml:lang="en-US"><seg>A.</seg></tuv></tu></body></tmx>"#;
        let pairs = read_tmx(tmx, "x.tmx").unwrap();
        assert_eq!(pairs[0].score, Some(0.875));
        assert_eq!(pairs[0].section, "一、总体 > （一）");
    }

    #[test]
    fn entities_from_a_dtd_are_not_expanded() {
        let tmx = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "lol">]>
<tmx><body><tu><tuv xml:lang="zh"><seg>&xxe;&a;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>"#;
        let err = read_tmx(tmx, "evil.tmx").unwrap_err().to_string();
        assert!(err.starts_with("evil.tmx: line 3"), "{err}");
    }

    #[test]
    fn tsv_rows_header_blank_lines_and_quotes() {
        let tsv =
            "zh\ten\tscore\tsection\n\"甲\"。\t\"A\" said.\t0.5\t一、 > （一）\n\n  \n乙。\tB.\n";
        let pairs = read_tsv(tsv, "a.tsv").unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(
            (pairs[0].zh.as_str(), pairs[0].en.as_str()),
            ("\"甲\"。", "\"A\" said.")
        );
        assert_eq!(
            (pairs[0].score, pairs[0].section.as_str()),
            (Some(0.5), "一、 > （一）")
        );
        assert_eq!((pairs[1].id, pairs[1].score), (1, None));
        let err = read_tsv("甲。\tA.\n\n乙。\n", "a.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.tsv: line 3: expected at least 2 tab-separated columns (zh, en)"
        );
    }

    #[test]
    fn tsv_header_names_the_columns() {
        // As `batch --combined` writes it: a doc column first.
        let tsv = "doc\tzh\ten\tscore\tsection\nr1\t甲。\tA.\t0.9\t一、\nr2\t乙。\tB.\n";
        let pairs = read_tsv(tsv, "all.tsv").unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].zh.as_str(), pairs[0].en.as_str()), ("甲。", "A."));
        assert_eq!(
            (pairs[0].score, pairs[0].section.as_str()),
            (Some(0.9), "一、")
        );
        assert_eq!((pairs[1].zh.as_str(), pairs[1].score), ("乙。", None));
        // Any order, any case.
        let pairs = read_tsv("EN\tZH\nA.\t甲。\n", "b.tsv").unwrap();
        assert_eq!((pairs[0].zh.as_str(), pairs[0].en.as_str()), ("甲。", "A."));
        let err = read_tsv("doc\tzh\ten\nr1\t甲。\n", "c.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.tsv: line 2: expected at least 3 tab-separated columns (zh, en)"
        );
    }

    #[test]
    fn ill_formed_tmx_is_refused_with_its_line() {
        let whole = r#"<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu><tuv xml:lang="zh-CN"><seg>甲。</seg></tuv><tuv xml:lang="en-US"><seg>A.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>乙。</seg></tuv><tuv xml:lang="en-US"><seg>B.</seg></tuv></tu>
</body></tmx>"#;
        assert_eq!(read_tmx(whole, "x.tmx").unwrap().len(), 2);
        let cut = &whole[..whole.find("乙").unwrap()];
        let err = read_tmx(cut, "x.tmx").unwrap_err().to_string();
        assert!(
            err.starts_with("x.tmx: line 3: not well-formed XML: the file ends inside <seg>"),
            "{err}"
        );
        let unclosed = whole.replace("</tmx>", "");
        let err = read_tmx(&unclosed, "x.tmx").unwrap_err().to_string();
        assert!(err.contains("ends inside <tmx>"), "{err}");
        let twice = whole.replace(
            r#"<tu><tuv xml:lang="zh-CN"><seg>乙"#,
            r#"<tu tuid="1" tuid="2"><tuv xml:lang="zh-CN"><seg>乙"#,
        );
        let err = read_tmx(&twice, "x.tmx").unwrap_err().to_string();
        assert!(
            err.starts_with("x.tmx: line 3: not well-formed XML: in <tu>"),
            "{err}"
        );
        assert!(
            err.contains("duplicate") || err.contains("Duplicate") || err.contains("already"),
            "{err}"
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let xml = "<tmx><body/></tmx>";
        let le: Vec<u8> = xml.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = xml.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_aligned(&le, "x").unwrap(), xml);
        assert_eq!(decode_aligned(&be, "x").unwrap(), xml);
        assert_eq!(decode_aligned(xml.as_bytes(), "x").unwrap(), xml);
    }
}
