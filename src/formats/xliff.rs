//! Reading the bilingual files of CAT tools, XLIFF 1.2 and 2.0, as aligned pairs.
//!
//! Each translation unit (1.2 `trans-unit`) or segment (2.0 `segment` of a `unit`)
//! becomes one pair, its id kept as [`AlignedPair::segment`] (2.0: the segment's own
//! id, `unit/segment` when it repeats in another unit; without one, the unit's id, or
//! `unit#n` for the n-th segment when several of the unit's segments have none) and
//! its state (1.2 `target/@state`, or `approved="yes"`; 2.0 `segment/@state`) as
//! [`AlignedPair::state`]. The sentence-level segments of a 1.2 unit
//! (`<mrk mtype="seg">`) are read as one text, the English with a space between them.
//! A unit without a target, or with an empty one, is a pair whose target side is
//! empty: a segment not translated ([`AlignedPair::zh_is_target`] says which side that
//! is). Which side is Chinese follows the file's languages (`source-language`/
//! `target-language`, `srcLang`/`trgLang`), so an English-to-Chinese file reads as well
//! as a Chinese-to-English one; where they name no Chinese (missing, or po2xliff's
//! default `en-US`), the side written in Chinese characters is the Chinese one. Units
//! marked `translate="no"` and a PO file's header unit are left out.
//!
//! Inline markup keeps its text (`g`, `mrk`, `pc`); inline codes are native markup of
//! the original file, not text, and are left out (`x`, `bx`, `ex`, `ph`, `bpt`, `ept`,
//! `it`, `sc`, `ec`, `sm`, `em`); the tags (`g`, `x`, `ph`, `pc`... by element and id)
//! are kept beside the texts ([`AlignedPair::inline_tags`]) for `check` to compare. The file
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
//! assert_eq!(pairs[0].segment.as_deref(), Some("s1"));
//! assert_eq!(pairs[0].state.as_deref(), Some("translated"));
//! ```

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};
use crate::pairs::AlignedPair;
use crate::script::is_wide;

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

/// Inline elements that stand for the original file's tags (formatting, links,
/// placeholders): a translation keeps each of them, which `check` compares.
const TAGS: &[&[u8]] = &[
    b"g", b"x", b"bx", b"ex", b"bpt", b"ept", b"ph", b"it", b"pc", b"sc", b"ec",
];

/// An inline tag as compared between the sides: its element and id (`ph#2`). XLIFF
/// 2.0's `sc`/`ec` pair marks the span a `pc` does, and counts as one (its `ec` not at
/// all); None for a tag the file says may be deleted.
fn tag_key(e: &BytesStart) -> Option<String> {
    if attr(e, b"canDelete").as_deref() == Some("yes") {
        return None;
    }
    let name = match e.local_name().as_ref() {
        b"ec" => return None,
        b"sc" => "pc".to_string(),
        other => String::from_utf8_lossy(other).into_owned(),
    };
    match attr(e, b"id")
        .or_else(|| attr(e, b"rid"))
        .or_else(|| attr(e, b"startRef"))
    {
        Some(id) => Some(format!("{name}#{id}")),
        None => Some(name),
    }
}

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

/// The unit (1.2) or segment (2.0) being read, kept until the end of the file, where
/// the languages say which side is Chinese and the ids are known.
#[derive(Default)]
struct Unit {
    /// The id of its `trans-unit`/`unit`, and for 2.0 the segment's own id.
    unit: Option<String>,
    segment: Option<String>,
    /// Which unit of the file it belongs to (counted from 1), and which segment of it.
    unit_no: usize,
    position: usize,
    source: String,
    target: Option<String>,
    /// The inline tags of each side ([`tag_key`]).
    source_tags: Vec<String>,
    target_tags: Vec<String>,
    /// `xml:space="preserve"` holds for the side (said there or on an element around
    /// it): its spaces at either end are the translator's, not the file's layout.
    source_preserved: bool,
    target_preserved: bool,
    /// Where a sentence-level segment (1.2 `<mrk mtype="seg">`) begins in each side.
    source_joins: Vec<usize>,
    target_joins: Vec<usize>,
    /// The file's languages when it was read: is the target Chinese?
    zh_target: bool,
    state: Option<String>,
    approved: bool,
}

/// Read XLIFF 1.2 or 2.0 (see the module documentation); `name` is used in errors.
pub fn read_xliff(text: &str, name: &str) -> Result<Vec<AlignedPair>> {
    let mut reader = crate::xml::XmlReader::new(text, name);
    let mut read = Vec::new();
    let mut version2 = false;
    // Which side is Chinese: the source unless the file says the target is.
    let mut zh_is_target = None::<bool>;
    let mut unit_id = None::<String>;
    let mut units = 0usize;
    let mut unit: Option<Unit> = None;
    let mut side = None::<Side>;
    // Depth inside native code within source/target (its text is left out).
    let mut in_code = 0usize;
    // Depth inside a unit marked translate="no".
    let mut skipped = 0usize;
    let mut segments_in_unit = 0usize;
    // Per open element outside the segments' text: does xml:space preserve there?
    let mut spaces: Vec<bool> = Vec::new();
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
                    if in_code == 0
                        && TAGS.contains(&tag)
                        && let Some(u) = unit.as_mut()
                    {
                        push_tag(u, side, tag_key(&e));
                    }
                    if in_code > 0 || CODE.contains(&tag) {
                        in_code += 1;
                    } else if tag == b"mrk"
                        && attr(&e, b"mtype").as_deref() == Some("seg")
                        && let Some(u) = unit.as_mut()
                    {
                        mark_join(u, side);
                    }
                    continue;
                }
                // xml:space holds for the element's content, down to the segments.
                if !matches!(tag, b"source" | b"target") {
                    spaces.push(preserved(&e, &spaces));
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
                        unit_id = attr(&e, b"id").filter(|id| !id.is_empty());
                        units += 1;
                        segments_in_unit = 0;
                        if !version2 {
                            unit = Some(Unit {
                                unit: unit_id.clone(),
                                unit_no: units,
                                position: 1,
                                approved: attr(&e, b"approved").as_deref() == Some("yes"),
                                ..Unit::default()
                            });
                        }
                    }
                    b"segment" if version2 => {
                        segments_in_unit += 1;
                        unit = Some(Unit {
                            unit: unit_id.clone(),
                            segment: attr(&e, b"id").filter(|id| !id.is_empty()),
                            unit_no: units,
                            position: segments_in_unit,
                            state: attr(&e, b"state"),
                            ..Unit::default()
                        });
                    }
                    b"source" if unit.is_some() => {
                        side = Some(Side::Source);
                        in_code = 0;
                        if let Some(u) = unit.as_mut() {
                            u.source_preserved = preserved(&e, &spaces);
                        }
                    }
                    b"target" if unit.is_some() => {
                        side = Some(Side::Target);
                        in_code = 0;
                        if let Some(u) = unit.as_mut() {
                            u.target_preserved = preserved(&e, &spaces);
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
                if skipped == 0
                    && in_code == 0
                    && TAGS.contains(&e.local_name().as_ref())
                    && let Some(u) = unit.as_mut()
                {
                    push_tag(u, side, tag_key(&e));
                }
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
                    let s = t.unescape().map_err(|e| reader.text_error(e))?;
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
                    if skipped == 0 {
                        spaces.pop();
                    }
                    continue;
                }
                if side.is_some() {
                    match tag {
                        b"source" | b"target" if in_code == 0 => side = None,
                        _ => in_code = in_code.saturating_sub(1),
                    }
                    continue;
                }
                spaces.pop();
                let done = match tag {
                    b"trans-unit" => !version2,
                    b"segment" => version2,
                    _ => false,
                };
                if done && let Some(mut u) = unit.take() {
                    u.zh_target = zh_is_target.unwrap_or(false);
                    read.push(u);
                }
                if tag == b"unit" || tag == b"trans-unit" {
                    unit_id = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if zh_is_target.is_none() && !read.is_empty() {
        // Languages missing or mislabelled (po2xliff writes `en-US` as every file's
        // source): the side written in Chinese is the Chinese one.
        let han = |s: &str| s.chars().any(crate::script::is_han);
        let in_source = read.iter().filter(|u| han(&u.source)).count();
        let in_target = read
            .iter()
            .filter(|u| u.target.as_deref().is_some_and(han))
            .count();
        if in_source == 0 && in_target == 0 {
            return Err(Error::input(
                name,
                "not a Chinese-English XLIFF file: neither side is Chinese",
            ));
        }
        for u in &mut read {
            u.zh_target = in_target > in_source;
        }
    }
    let names = segment_names(&read);
    let mut out = Vec::with_capacity(read.len());
    for (u, segment) in read.into_iter().zip(names) {
        let target_empty = u.target.as_deref().is_none_or(|t| t.trim().is_empty());
        let target = u.target.unwrap_or_default();
        let (zh, en) = if u.zh_target {
            (target, spaced(&u.source, &u.source_joins))
        } else {
            (u.source, spaced(&target, &u.target_joins))
        };
        // A target not written yet has no tags to compare.
        let tags = (!target_empty).then_some(if u.zh_target {
            (u.target_tags, u.source_tags)
        } else {
            (u.source_tags, u.target_tags)
        });
        // Spaces at the ends are the file's layout, unless the file says to keep them.
        let (zh_kept, en_kept) = if u.zh_target {
            (u.target_preserved, u.source_preserved)
        } else {
            (u.source_preserved, u.target_preserved)
        };
        let ends = |text: &str, kept: bool| {
            if kept {
                text.to_string()
            } else {
                text.trim().to_string()
            }
        };
        let mut p = AlignedPair::new(out.len(), &ends(&zh, zh_kept), &ends(&en, en_kept));
        p.segment = segment;
        p.state = u
            .state
            .or_else(|| u.approved.then(|| "approved".to_string()));
        p.zh_is_target = u.zh_target;
        p.inline_tags = tags;
        out.push(p);
    }
    Ok(out)
}

/// The id each pair is reported by: 1.2 the unit's; 2.0 the segment's own id, as
/// `unit/segment` when another unit's segment has the same one (ids are unique only
/// within a unit); without one, the unit's id, or `unit#n` for the n-th segment when
/// the unit has several segments without an id.
fn segment_names(read: &[Unit]) -> Vec<Option<String>> {
    use std::collections::HashMap;
    let mut idless = HashMap::<usize, usize>::new();
    for u in read.iter().filter(|u| u.segment.is_none()) {
        *idless.entry(u.unit_no).or_default() += 1;
    }
    let names: Vec<Option<String>> = read
        .iter()
        .map(|u| match (&u.segment, &u.unit) {
            (Some(s), _) => Some(s.clone()),
            (None, Some(id)) if idless[&u.unit_no] > 1 => Some(format!("{id}#{}", u.position)),
            (None, id) => id.clone(),
        })
        .collect();
    let mut seen = HashMap::<&str, usize>::new();
    for n in names.iter().flatten() {
        *seen.entry(n).or_default() += 1;
    }
    read.iter()
        .zip(&names)
        .map(|(u, n)| match (n, &u.segment, &u.unit) {
            (Some(n), Some(s), Some(id)) if seen[n.as_str()] > 1 => Some(format!("{id}/{s}")),
            _ => n.clone(),
        })
        .collect()
}

/// Does `xml:space` preserve in the element: its own, or that of the elements around
/// it (`spaces`, innermost last)?
fn preserved(e: &BytesStart, spaces: &[bool]) -> bool {
    match attr(e, b"xml:space").as_deref() {
        Some(value) => value == "preserve",
        None => spaces.last().copied().unwrap_or(false),
    }
}

fn push_tag(u: &mut Unit, side: Option<Side>, key: Option<String>) {
    let Some(key) = key else {
        return;
    };
    match side {
        Some(Side::Source) => u.source_tags.push(key),
        Some(Side::Target) => u.target_tags.push(key),
        None => {}
    }
}

fn push_side(u: &mut Unit, side: Option<Side>, s: &str) {
    match side {
        Some(Side::Source) => u.source.push_str(s),
        Some(Side::Target) => u.target.get_or_insert_with(String::new).push_str(s),
        None => {}
    }
}

/// A sentence-level segment begins here in this side (after text already read).
fn mark_join(u: &mut Unit, side: Option<Side>) {
    let (len, joins) = match side {
        Some(Side::Source) => (u.source.len(), &mut u.source_joins),
        Some(Side::Target) => (
            u.target.as_ref().map_or(0, String::len),
            &mut u.target_joins,
        ),
        None => return,
    };
    if len > 0 {
        joins.push(len);
    }
}

/// English text of segments written one after the other with a space between them
/// where neither has one (Chinese needs none; the joins of its side are not used).
fn spaced(text: &str, joins: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + joins.len());
    let mut last = 0;
    for &j in joins {
        if j <= last || j >= text.len() {
            continue;
        }
        out.push_str(&text[last..j]);
        let spaceless = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_wide(c));
        if !spaceless(text[..j].chars().next_back()) && !spaceless(text[j..].chars().next()) {
            out.push(' ');
        }
        last = j;
    }
    out.push_str(&text[last..]);
    out
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
        assert_eq!(pairs[0].segment.as_deref(), Some("s1"));
        assert_eq!(pairs[0].state.as_deref(), Some("final"));
        assert_eq!(pairs[1].segment.as_deref(), Some("s2"));
        assert!(pairs[0].zh_is_target);
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
