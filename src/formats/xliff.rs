//! Reading the bilingual files of CAT tools, XLIFF 1.2 and 2.0, as aligned pairs.
//!
//! Each translation unit (1.2 `trans-unit`) or segment (2.0 `segment` of a `unit`)
//! becomes one pair, its id kept as [`AlignedPair::segment`] and its state (1.2
//! `target/@state`, or `approved="yes"`; 2.0 `segment/@state`) as
//! [`AlignedPair::state`]. A unit without a target, or with an empty one, is a pair
//! with empty English: a segment not translated. Which side is Chinese follows the
//! file's languages (`source-language`/`target-language`, `srcLang`/`trgLang`), so an
//! English-to-Chinese file reads as well as a Chinese-to-English one; where they name
//! no Chinese (missing, or po2xliff's default `en-US`), the side written in Chinese
//! characters is the Chinese one. Units marked `translate="no"` and a PO file's header
//! unit are left out.
//!
//! Inline markup keeps its text (`g`, `mrk`, `pc`); inline codes are native markup of
//! the original file, not text, and are left out (`x`, `bx`, `ex`, `ph`, `bpt`, `ept`,
//! `it`, `sc`, `ec`, `sm`, `em`), so tags are not compared for XLIFF input. The file
//! must be well-formed ([`crate::xml::XmlReader`]: a cut-off file is an error naming
//! the line). A DTD is allowed but never read: no external entity is resolved, no user-defined one
//! expanded (an undeclared entity reference is an error).
//!
//! ```
//! use bitext::formats::xliff::read_xliff;
//! let xlf = r#"<xliff version="2.0" srcLang="zh-CN" trgLang="en"><file id="f">
//!   <unit id="u1"><segment id="s1" state="translated">
//!     <source>数据治理</source><target>Data governance</target></segment></unit>
//! </file></xliff>"#;
//! let pairs = read_xliff(xlf, "a.xlf").unwrap();
//! assert_eq!((pairs[0].zh.as_str(), pairs[0].en.as_str()), ("数据治理", "Data governance"));
//! assert_eq!(pairs[0].segment.as_deref(), Some("u1"));
//! assert_eq!(pairs[0].state.as_deref(), Some("translated"));
//! ```

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};
use crate::pairs::AlignedPair;

/// Does this text look like an XLIFF document (its root element is `xliff`)?
pub fn is_xliff(text: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                return e.local_name().as_ref() == b"xliff";
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// Inline elements whose content is native code, not text.
const CODE: &[&[u8]] = &[
    b"bpt",
    b"ept",
    b"it",
    b"ph",
    b"sub",
    b"originalData",
    b"data",
];

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Source,
    Target,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name || a.key.as_ref() == name)
        .map(|a| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

/// The unit being read.
#[derive(Default)]
struct Unit {
    id: Option<String>,
    source: String,
    target: Option<String>,
    state: Option<String>,
    approved: bool,
}

/// Read XLIFF 1.2 or 2.0 (see the module documentation); `name` is used in errors.
pub fn read_xliff(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    let mut reader = crate::xml::XmlReader::new(text, name);
    let mut out = Vec::new();
    let mut version2 = false;
    // Which side is Chinese: the source unless the file says the target is.
    let mut zh_is_target = None::<bool>;
    let mut unit_id = None::<String>;
    let mut unit: Option<Unit> = None;
    let mut side = None::<Side>;
    // Depth inside native code within source/target (its text is left out).
    let mut in_code = 0usize;
    // Depth inside a unit marked translate="no".
    let mut skipped = 0usize;
    let mut segments_in_unit = 0usize;
    loop {
        let event = reader.read_event()?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let tag = local.as_ref();
                if skipped > 0 {
                    skipped += 1;
                    continue;
                }
                if side.is_some() {
                    if in_code > 0 || CODE.contains(&tag) {
                        in_code += 1;
                    }
                    continue;
                }
                match tag {
                    // Earlier and machine translations offered for the unit, notes.
                    b"alt-trans" | b"matches" | b"note" | b"notes" => skipped = 1,
                    b"xliff" => {
                        version2 = attr(&e, b"version").is_some_and(|v| v.starts_with('2'));
                        if version2 {
                            zh_is_target = languages(&e, b"srcLang", b"trgLang");
                        }
                    }
                    b"file" if !version2 => {
                        zh_is_target =
                            languages(&e, b"source-language", b"target-language").or(zh_is_target);
                    }
                    b"trans-unit" | b"unit" => {
                        // Not for translation, or a PO file's header (po2xliff).
                        if attr(&e, b"translate").as_deref() == Some("no")
                            || attr(&e, b"restype").as_deref() == Some("x-gettext-domain-header")
                        {
                            skipped = 1;
                            continue;
                        }
                        unit_id = attr(&e, b"id");
                        segments_in_unit = 0;
                        if !version2 {
                            unit = Some(Unit {
                                id: unit_id.clone(),
                                approved: attr(&e, b"approved").as_deref() == Some("yes"),
                                ..Unit::default()
                            });
                        }
                    }
                    b"segment" if version2 => {
                        segments_in_unit += 1;
                        let id = match (&unit_id, attr(&e, b"id")) {
                            (Some(u), Some(s)) if segments_in_unit > 1 => Some(format!("{u}/{s}")),
                            (Some(u), _) => Some(u.clone()),
                            (None, s) => s,
                        };
                        unit = Some(Unit {
                            id,
                            state: attr(&e, b"state"),
                            ..Unit::default()
                        });
                    }
                    b"source" if unit.is_some() => {
                        side = Some(Side::Source);
                        in_code = 0;
                    }
                    b"target" if unit.is_some() => {
                        side = Some(Side::Target);
                        in_code = 0;
                        if let Some(u) = unit.as_mut() {
                            u.target = Some(String::new());
                            if !version2 {
                                u.state = attr(&e, b"state");
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skipped > 0 || side.is_some() {
                    // An empty inline element: a code (x, ph, sc...) or a code point.
                    if side.is_some()
                        && in_code == 0
                        && e.local_name().as_ref() == b"cp"
                        && let Some(c) = attr(&e, b"hex")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32)
                        && let Some(u) = unit.as_mut()
                    {
                        push_side(u, side, &c.to_string());
                    }
                    continue;
                }
                if e.local_name().as_ref() == b"target"
                    && let Some(u) = unit.as_mut()
                {
                    u.target = Some(String::new());
                    if !version2 {
                        u.state = attr(&e, b"state");
                    }
                }
            }
            Event::Text(t) => {
                if skipped > 0 || in_code > 0 {
                    continue;
                }
                if let (Some(_), Some(u)) = (side, unit.as_mut()) {
                    let s = t.unescape().map_err(|e| reader.error(e))?;
                    push_side(u, side, &s);
                }
            }
            Event::CData(t) => {
                if skipped == 0
                    && in_code == 0
                    && let (Some(_), Some(u)) = (side, unit.as_mut())
                {
                    push_side(u, side, &String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                let tag = local.as_ref();
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                if side.is_some() {
                    match tag {
                        b"source" | b"target" if in_code == 0 => side = None,
                        _ => in_code = in_code.saturating_sub(1),
                    }
                    continue;
                }
                let done = match tag {
                    b"trans-unit" => !version2,
                    b"segment" => version2,
                    _ => false,
                };
                if done && let Some(u) = unit.take() {
                    let zh_target = zh_is_target.unwrap_or(false);
                    let target = u.target.unwrap_or_default();
                    let (zh, en) = if zh_target {
                        (target, u.source)
                    } else {
                        (u.source, target)
                    };
                    let mut p = AlignedPair::new(out.len(), zh.trim(), en.trim());
                    p.segment = u.id;
                    p.state = u
                        .state
                        .or_else(|| u.approved.then(|| "approved".to_string()));
                    out.push(p);
                }
                if tag == b"unit" || tag == b"trans-unit" {
                    unit_id = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if zh_is_target.is_none() && !out.is_empty() {
        // Languages missing or mislabelled (po2xliff writes `en-US` as every file's
        // source): the side written in Chinese is the Chinese one.
        let han = |s: &str| s.chars().any(crate::script::is_han);
        let in_source = out.iter().filter(|p| han(&p.zh)).count();
        let in_target = out.iter().filter(|p| han(&p.en)).count();
        if in_source == 0 && in_target == 0 {
            return Err(Error::input(
                name,
                "not a Chinese-English XLIFF file: neither side is Chinese",
            ));
        }
        if in_target > in_source {
            for p in &mut out {
                std::mem::swap(&mut p.zh, &mut p.en);
            }
        }
    }
    Ok(out)
}

fn push_side(u: &mut Unit, side: Option<Side>, s: &str) {
    match side {
        Some(Side::Source) => u.source.push_str(s),
        Some(Side::Target) => u.target.get_or_insert_with(String::new).push_str(s),
        None => {}
    }
}

/// Some(true) when the target language is Chinese, Some(false) when the source is,
/// None when neither is.
fn languages(e: &BytesStart, source: &[u8], target: &[u8]) -> Option<bool> {
    use crate::segment::Lang;
    let lang = |a: &[u8]| attr(e, a).and_then(|c| crate::lexicon::lang_of_code(&c));
    match (lang(source), lang(target)) {
        (Some(Lang::Zh), _) => Some(false),
        (_, Some(Lang::Zh)) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff_12_units_states_and_inline_markup() {
        let xlf = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext">
  <body>
   <group id="g1">
    <trans-unit id="1" approved="yes">
      <source>数据<g id="1">治理</g><x id="2"/>。</source>
      <target>Data <g id="1">governance</g><x id="2"/>.</target>
    </trans-unit>
   </group>
   <trans-unit id="2"><source>网络<bpt id="3">&lt;b&gt;</bpt>安全<ept id="3">&lt;/b&gt;</ept></source>
      <target state="needs-review-translation">Cyber<bpt id="3">&lt;b&gt;</bpt>security<ept id="3">&lt;/b&gt;</ept></target></trans-unit>
   <trans-unit id="3"><source>没有译文。</source></trans-unit>
   <trans-unit id="4" translate="no"><source>ABC</source><target>ABC</target></trans-unit>
  </body>
 </file>
</xliff>"#;
        let pairs = read_xliff(xlf, "a.xlf").unwrap();
        let got: Vec<(&str, &str, Option<&str>, Option<&str>)> = pairs
            .iter()
            .map(|p| {
                (
                    p.zh.as_str(),
                    p.en.as_str(),
                    p.segment.as_deref(),
                    p.state.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "数据治理。",
                    "Data governance.",
                    Some("1"),
                    Some("approved")
                ),
                (
                    "网络安全",
                    "Cybersecurity",
                    Some("2"),
                    Some("needs-review-translation")
                ),
                ("没有译文。", "", Some("3"), None),
            ]
        );
    }

    #[test]
    fn xliff_20_segments_and_english_to_chinese() {
        let xlf = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-Hans">
 <file id="f1">
  <unit id="u1">
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment id="s1" state="final"><source>Data <pc id="1">governance</pc>.</source><target>数据<pc id="1">治理</pc>。</target></segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2"><source>Second<ph id="2" dataRef="d1"/> one.</source><target>第二个。</target></segment>
  </unit>
 </file>
</xliff>"#;
        let pairs = read_xliff(xlf, "b.xlf").unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(
            (pairs[0].zh.as_str(), pairs[0].en.as_str()),
            ("数据治理。", "Data governance.")
        );
        assert_eq!(pairs[0].segment.as_deref(), Some("u1"));
        assert_eq!(pairs[0].state.as_deref(), Some("final"));
        assert_eq!(pairs[1].segment.as_deref(), Some("u1/s2"));
        assert_eq!(pairs[1].en, "Second one.");
    }

    #[test]
    fn entities_are_not_expanded_and_other_languages_refused() {
        let evil = r#"<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="zh" target-language="en"><body>
<trans-unit id="1"><source>&xxe;</source><target>x</target></trans-unit></body></file></xliff>"#;
        let err = read_xliff(evil, "evil.xlf").unwrap_err().to_string();
        assert!(err.starts_with("evil.xlf: line 4"), "{err}");
        let french = r#"<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>"#;
        let err = read_xliff(french, "fr.xlf").unwrap_err().to_string();
        assert!(err.contains("not a Chinese-English XLIFF"), "{err}");
        // Mislabelled languages: the Chinese side is the one in Chinese.
        let mislabelled = r#"<xliff version="1.1"><file source-language="en-US"><body>
<trans-unit id="1"><source>Data</source><target>数据</target></trans-unit></body></file></xliff>"#;
        let pairs = read_xliff(mislabelled, "m.xlf").unwrap();
        assert_eq!(
            (pairs[0].zh.as_str(), pairs[0].en.as_str()),
            ("数据", "Data")
        );
        assert!(is_xliff(french));
        assert!(!is_xliff("<tmx version=\"1.4\"/>"));
    }
}
