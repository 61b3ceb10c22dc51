//! Reading what `bitext align` wrote (TSV, JSONL or TMX) back as pairs of texts, for
//! `glossary --aligned` and `check --aligned`.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::pairs::AlignedPair;

/// Read an aligned file, choosing the format from its content.
pub fn read_aligned(path: &str) -> Result<Vec<AlignedPair>> {
    let bytes = crate::read::read_bytes(path)?;
    let text = decode_aligned(&bytes, path)?;
    let head = text.trim_start();
    if head.starts_with('<') {
        read_tmx(&text, path)
    } else if head.starts_with('{') {
        read_jsonl(&text, path)
    } else {
        read_tsv(&text, path)
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

/// TSV: the first two columns are zh and en; a header row whose first cell is `zh` is
/// skipped; bead i is data row i.
pub fn read_tsv(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        if n == 0 && cells[0].trim().eq_ignore_ascii_case("zh") {
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if cells.len() < 2 {
            return Err(Error::input_at(
                name,
                n + 1,
                "expected at least two tab-separated columns (zh, en)",
            ));
        }
        let mut p = AlignedPair::new(out.len(), cells[0], cells[1]);
        p.score = cells.get(2).and_then(|s| s.trim().parse().ok());
        p.section = cells.get(3).map(|s| s.to_string()).unwrap_or_default();
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
        });
    }
    Ok(out)
}

/// The language of a TMX `xml:lang` code, as other tools write it: `zh-CN`, `zh-cn`,
/// `zh-Hans`, `ZH`, `zho`, `en_US`, `EN-GB`, `eng`. Other languages give `None`.
pub fn tmx_lang(code: &str) -> Option<crate::segment::Lang> {
    let primary = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "zh" | "zho" | "chi" | "cmn" => Some(crate::segment::Lang::Zh),
        "en" | "eng" => Some(crate::segment::Lang::En),
        _ => None,
    }
}

/// Elements whose content is native code of the source format (`<b>`, `{\b`), not
/// text: TMX inline `bpt`, `ept`, `it`, `ph`, `ut`. Their text, and that of a `sub`
/// inside them, is left out of the segment; `hi` is text and kept.
const INLINE_CODE: &[&[u8]] = &[b"bpt", b"ept", b"it", b"ph", b"ut"];

/// TMX: each `tu` with a Chinese and an English `tuv` (the first of each, language
/// codes in any case or spelling, see [`tmx_lang`]); inline markup (`hi`) keeps its
/// text, inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are left out, so the segment
/// text is what a reader sees. bitext's own `x-bitext-score` and `x-bitext-section`
/// props are read back. A DTD is allowed (TMX files often name one) but never read:
/// quick-xml resolves no external entity and expands no user-defined one, and an
/// undeclared entity reference is an error.
pub fn read_tmx(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    use crate::segment::Lang;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    let mut lang = None::<Lang>;
    // Depth inside `seg` (0 = outside) and inside inline code within it.
    let (mut in_seg, mut in_code, mut seg) = (0usize, 0usize, String::new());
    let (mut zh, mut en, mut score) = (None::<String>, None::<String>, None::<f64>);
    let mut section = String::new();
    let mut tuid = None::<usize>;
    // Written by bitext: its tuids are bead ids (other tools number units their own way).
    let mut ours = false;
    let mut prop_type = None::<String>;
    let mut prop_text = String::new();
    let err = |reader: &quick_xml::Reader<&[u8]>, e: String| {
        let line = 1 + text.as_bytes()[..(reader.buffer_position() as usize).min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Error::input_at(name, line, format!("not valid TMX: {e}"))
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                _ if in_seg > 0 => {
                    in_seg += 1;
                    if in_code > 0 || INLINE_CODE.contains(&e.local_name().as_ref()) {
                        in_code += 1;
                    }
                }
                b"tu" => {
                    zh = None;
                    en = None;
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
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"seg" if in_seg == 1 => {
                    in_seg = 0;
                    let slot = match lang {
                        Some(Lang::Zh) => &mut zh,
                        Some(Lang::En) => &mut en,
                        None => continue,
                    };
                    if slot.is_none() {
                        *slot = Some(std::mem::take(&mut seg));
                    }
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
                    if let (Some(z), Some(e)) = (zh.take(), en.take()) {
                        let id = tuid.filter(|_| ours);
                        let mut p = AlignedPair::new(id.unwrap_or(out.len()), &z, &e);
                        p.score = score;
                        p.section = std::mem::take(&mut section);
                        out.push(p);
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                let s = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                if in_seg > 0 {
                    if in_code == 0 {
                        seg.push_str(&s);
                    }
                } else if prop_type.is_some() {
                    prop_text.push_str(&s);
                }
            }
            Ok(Event::CData(t)) if in_seg > 0 && in_code == 0 => {
                seg.push_str(&String::from_utf8_lossy(&t))
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"header" => {
                ours = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"creationtool" && a.value.as_ref() == b"bitext");
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(err(&reader, e.to_string())),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn utf16_without_a_bom_is_recognised() {
        let xml = "<tmx><body/></tmx>";
        let le: Vec<u8> = xml.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = xml.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_aligned(&le, "x").unwrap(), xml);
        assert_eq!(decode_aligned(&be, "x").unwrap(), xml);
        assert_eq!(decode_aligned(xml.as_bytes(), "x").unwrap(), xml);
    }
}
