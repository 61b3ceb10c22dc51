//! Reading what `bitext align` wrote (TSV, JSONL or TMX) back as pairs of texts, for
//! `glossary --aligned` and `check --aligned`.

use serde::Deserialize;

use crate::error::{Error, Result};

/// One aligned pair read from a file: bead id (0-based), both texts, and what else
/// the file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedPair {
    pub id: usize,
    pub zh: String,
    pub en: String,
    pub score: Option<f64>,
    pub section: String,
}

impl AlignedPair {
    pub fn new(id: usize, zh: &str, en: &str) -> Self {
        AlignedPair {
            id,
            zh: zh.to_string(),
            en: en.to_string(),
            score: None,
            section: String::new(),
        }
    }
}

/// The pairs of a bitext as `AlignedPair`s, bead id = bead index.
pub fn pairs_of(bt: &crate::align::Bitext) -> Vec<AlignedPair> {
    bt.beads
        .iter()
        .enumerate()
        .map(|(id, b)| AlignedPair {
            id,
            zh: bt.zh_text(b),
            en: bt.en_text(b),
            score: Some(b.score),
            section: b.section.join(" > "),
        })
        .collect()
}

/// Read an aligned file, choosing the format from its content.
pub fn read_aligned(path: &str) -> Result<Vec<AlignedPair>> {
    let text = crate::read::read_path(path)?;
    let head = text.trim_start();
    if head.starts_with('<') {
        read_tmx(&text, path)
    } else if head.starts_with('{') {
        read_jsonl(&text, path)
    } else {
        read_tsv(&text, path)
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

/// TMX: each `tu` with a Chinese and an English `tuv`; inline markup keeps its text.
/// External entities are never resolved (quick-xml does not read DTDs).
pub fn read_tmx(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    let (mut lang, mut in_seg, mut seg) = (String::new(), 0usize, String::new());
    let (mut zh, mut en, mut score) = (None::<String>, None::<String>, None::<f64>);
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
                b"tu" => {
                    zh = None;
                    en = None;
                    score = None;
                }
                b"tuv" => {
                    lang.clear();
                    for a in e.attributes().flatten() {
                        let key = a.key.as_ref();
                        if key == b"xml:lang" || key == b"lang" {
                            lang = String::from_utf8_lossy(&a.value).to_lowercase();
                        }
                    }
                }
                b"seg" => {
                    in_seg = 1;
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
                _ if in_seg > 0 => in_seg += 1,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"seg" => {
                    in_seg = 0;
                    if lang.starts_with("zh") {
                        zh = Some(seg.clone());
                    } else if lang.starts_with("en") {
                        en = Some(seg.clone());
                    }
                }
                b"prop" => {
                    if prop_type.as_deref() == Some("x-bitext-score") {
                        score = prop_text.trim().parse().ok();
                    }
                    prop_type = None;
                }
                b"tu" => {
                    if let (Some(z), Some(e)) = (zh.take(), en.take()) {
                        let mut p = AlignedPair::new(out.len(), &z, &e);
                        p.score = score;
                        out.push(p);
                    }
                }
                _ if in_seg > 1 => in_seg -= 1,
                _ => {}
            },
            Ok(Event::Text(t)) => {
                let s = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                if in_seg > 0 {
                    seg.push_str(&s);
                } else if prop_type.is_some() {
                    prop_text.push_str(&s);
                }
            }
            Ok(Event::CData(t)) if in_seg > 0 => seg.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::Eof) => break,
            Err(e) => return Err(err(&reader, e.to_string())),
            _ => {}
        }
    }
    Ok(out)
}
