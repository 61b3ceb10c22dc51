//! `bitext check --aligned FILE.xlf`: XLIFF read as a CAT tool wrote it. Untranslated
//! units are `empty` in both directions, findings name the 2.0 segment they are on,
//! and a 1.2 unit split into sentences keeps the spaces of its English.

mod common;

use std::path::{Path, PathBuf};

use common::bitext;
use serde_json::Value;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Exit code and findings of `bitext check --format json --aligned FILE`.
fn check_json(file: &Path) -> (Option<i32>, Vec<Value>) {
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--format",
            "json",
            "--aligned",
        ])
        .arg(file)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v["findings"].as_array().unwrap().clone())
}

/// (type, severity, segment) of each finding.
fn summary(findings: &[Value]) -> Vec<(String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    findings
        .iter()
        .map(|f| (s(&f["type"]), s(&f["severity"]), s(&f["segment"])))
        .collect()
}

/// [`summary`] of the findings of one type.
fn of_type(findings: &[Value], kind: &str) -> Vec<(String, String, String)> {
    summary(findings)
        .into_iter()
        .filter(|(t, _, _)| t == kind)
        .collect()
}

fn xliff12(langs: &str, units: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n\
         <file original=\"t.txt\" {langs} datatype=\"plaintext\"><body>\n{units}\n\
         </body></file></xliff>\n"
    )
}

#[test]
fn untranslated_units_are_empty_errors_in_an_english_to_chinese_file() {
    let dir = tempfile::tempdir().unwrap();
    let en_zh = r#"<trans-unit id="t1"><source>The orchard has 40 pear trees.</source><target>果园里有40棵梨树。</target></trans-unit>
<trans-unit id="t2"><source>Bees visit the blossoms in April.</source><target></target></trans-unit>
<trans-unit id="t3"><source>The harvest starts in late summer.</source></trans-unit>
<trans-unit id="t4"><source>Most pears are sold at the market.</source><target/></trans-unit>"#;
    let zh_en = r#"<trans-unit id="t1"><source>果园里有40棵梨树。</source><target>The orchard has 40 pear trees.</target></trans-unit>
<trans-unit id="t2"><source>蜜蜂四月来采花。</source><target></target></trans-unit>
<trans-unit id="t3"><source>收获从夏末开始。</source></trans-unit>
<trans-unit id="t4"><source>大多数梨在集市上卖掉。</source><target/></trans-unit>"#;
    let untranslated: Vec<(String, String, String)> = ["t2", "t3", "t4"]
        .iter()
        .map(|s| ("empty".into(), "error".into(), s.to_string()))
        .collect();
    // The Chinese-to-English file is the reference; the English-to-Chinese one, with its
    // languages named or (the target's left out) found from the Chinese text, matches it.
    for (name, text) in [
        (
            "zhen.xlf",
            xliff12(r#"source-language="zh-CN" target-language="en-US""#, zh_en),
        ),
        (
            "enzh.xlf",
            xliff12(r#"source-language="en-US" target-language="zh-CN""#, en_zh),
        ),
        (
            "enzh-unnamed.xlf",
            xliff12(r#"source-language="en-US""#, en_zh),
        ),
    ] {
        let (code, findings) = check_json(&write(dir.path(), name, &text));
        assert_eq!(summary(&findings), untranslated, "{name}: {findings:#?}");
        assert_eq!(code, Some(1), "{name}");
    }
    // XLIFF 2.0 from English into Chinese: a segment with an empty target too.
    let xlf20 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-Hans"><file id="f">
<unit id="u1"><segment id="a"><source>The well is deep.</source><target>这口井很深。</target></segment></unit>
<unit id="u2"><segment id="b"><source>Its water is cold.</source><target></target></segment></unit>
</file></xliff>"#;
    let (code, findings) = check_json(&write(dir.path(), "enzh20.xlf", xlf20));
    assert_eq!(
        summary(&findings),
        [("empty".into(), "error".into(), "b".into())],
        "{findings:#?}"
    );
    assert_eq!(code, Some(1));
    assert!(
        findings[0]["message"].as_str().unwrap().contains("Chinese"),
        "{findings:#?}"
    );
    // A finding carries its segment's state, for a reviewer who filters by it.
    let reviewed = zh_en.replace(
        r#"<target></target>"#,
        r#"<target state="needs-review-translation"></target>"#,
    );
    let text = xliff12(
        r#"source-language="zh-CN" target-language="en-US""#,
        &reviewed,
    );
    let (_, findings) = check_json(&write(dir.path(), "state.xlf", &text));
    let states: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f["segment"].as_str().unwrap(), f["state"].as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("t2", Some("needs-review-translation")),
            ("t3", None),
            ("t4", None)
        ]
    );
    // Not one unit translated yet: every unit is empty, the file is not refused.
    let none = en_zh
        .replace("<target>果园里有40棵梨树。</target>", "")
        .replace("id=\"t1\"", "id=\"t0\"");
    let text = xliff12(r#"source-language="en-US" target-language="zh-CN""#, &none);
    let (code, findings) = check_json(&write(dir.path(), "enzh-none.xlf", &text));
    let all: Vec<String> = summary(&findings).into_iter().map(|f| f.2).collect();
    assert_eq!(all, ["t0", "t2", "t3", "t4"], "{findings:#?}");
    assert_eq!(code, Some(1));
}

#[test]
fn xliff_20_findings_name_their_segment() {
    let dir = tempfile::tempdir().unwrap();
    // Each unit holds an untranslated segment; unit 1 also a number that disagrees.
    let xlf = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en"><file id="f">
<unit id="1">
 <segment id="s1"><source>塔楼有六层。</source><target>The tower has seven floors.</target></segment>
 <segment id="s2"><source>顶层是钟房。</source><target></target></segment>
</unit>
<unit id="2">
 <segment><source>钟每小时响一次。</source><target>The bell rings every hour.</target></segment>
 <segment><source>声音能传到河对岸。</source></segment>
</unit>
<unit id="3"><segment id=""><source>游客可以爬上去。</source></segment></unit>
<unit id="4"><segment id="a"><source>门票很便宜。</source></segment></unit>
<unit id="5"><segment id="a"><source>周一闭馆。</source></segment></unit>
</file></xliff>"#;
    let file = write(dir.path(), "tower.xlf", xlf);
    let (code, findings) = check_json(&file);
    assert_eq!(code, Some(1));
    let on = |zh: &str| {
        findings
            .iter()
            .filter(|f| f["zh"] == zh)
            .map(|f| f["segment"].as_str().unwrap_or("(none)").to_string())
            .collect::<Vec<_>>()
    };
    // Its own id; the unit's when it has none, or an empty one (numbered when the unit
    // has several); qualified by the unit when two units use the same segment id.
    assert_eq!(on("塔楼有六层。"), ["s1"], "{findings:#?}");
    assert_eq!(on("顶层是钟房。"), ["s2"], "{findings:#?}");
    assert_eq!(on("声音能传到河对岸。"), ["2#2"], "{findings:#?}");
    assert_eq!(on("游客可以爬上去。"), ["3"], "{findings:#?}");
    assert_eq!(on("门票很便宜。"), ["4/a"], "{findings:#?}");
    assert_eq!(on("周一闭馆。"), ["5/a"], "{findings:#?}");
    // The text report names them the same way.
    let out = bitext()
        .args(["check", "--no-default-glossary", "--aligned"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for seg in [
        "(segment s1)",
        "(segment s2)",
        "(segment 2#2)",
        "(segment 4/a)",
    ] {
        assert!(text.contains(seg), "{seg}: {text}");
    }
}

#[test]
fn xliff_12_sentence_segments_keep_the_space_of_the_english() {
    let dir = tempfile::tempdir().unwrap();
    // The tool wrote the target's sentences with nothing between them, and 3 for 2.
    let zh_en = xliff12(
        r#"source-language="zh-CN" target-language="en""#,
        r#"<trans-unit id="p9">
<source>水壶烧开了两次。然后它装了2升水。</source>
<seg-source><mrk mtype="seg" mid="1">水壶烧开了两次。</mrk><mrk mtype="seg" mid="2">然后它装了2升水。</mrk></seg-source>
<target><mrk mtype="seg" mid="1">The kettle boiled <g id="1">twice</g>.</mrk><mrk mtype="seg" mid="2">Then it held 3 litres of water.</mrk></target>
</trans-unit>
<trans-unit id="p10">
<source>灯亮了。门开了5次。</source>
<seg-source><mrk mtype="seg" mid="1">灯亮了。</mrk> <mrk mtype="seg" mid="2">门开了5次。</mrk></seg-source>
<target><mrk mtype="seg" mid="1">The lamp came on.</mrk> <mrk mtype="seg" mid="2">The door opened 6 times.</mrk></target>
</trans-unit>"#,
    );
    let (_, findings) = check_json(&write(dir.path(), "kettle.xlf", &zh_en));
    let en: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["type"] == "number-mismatch")
        .map(|f| (f["segment"].as_str().unwrap(), f["en"].as_str().unwrap()))
        .collect();
    // One pair per unit, named by the unit; a space written once.
    assert_eq!(
        en,
        [
            (
                "p9",
                "The kettle boiled twice. Then it held 3 litres of water."
            ),
            ("p10", "The lamp came on. The door opened 6 times."),
        ],
        "{findings:#?}"
    );
    assert!(
        !findings.iter().any(|f| f["type"] == "double-space"),
        "{findings:#?}"
    );
    // From English into Chinese: the Chinese sentences join with no space.
    let en_zh = xliff12(
        r#"source-language="en" target-language="zh-CN""#,
        r#"<trans-unit id="q1">
<source>The kettle boiled twice. Then it held 2 litres of water.</source>
<seg-source><mrk mtype="seg" mid="1">The kettle boiled twice.</mrk> <mrk mtype="seg" mid="2">Then it held 2 litres of water.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">水壶烧开了两次。</mrk><mrk mtype="seg" mid="2">然后它装了3升水。</mrk></target>
</trans-unit>"#,
    );
    let (_, findings) = check_json(&write(dir.path(), "kettle-enzh.xlf", &en_zh));
    let zh: Vec<&str> = findings
        .iter()
        .filter(|f| f["type"] == "number-mismatch")
        .map(|f| f["zh"].as_str().unwrap())
        .collect();
    assert_eq!(zh, ["水壶烧开了两次。然后它装了3升水。"], "{findings:#?}");
    // A file cut off inside a sentence segment: an error naming the file and line.
    let cut = &zh_en[..zh_en.find("Then it held").unwrap()];
    let file = write(dir.path(), "cut.xlf", cut);
    let out = bitext()
        .args(["check", "--aligned"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("cut.xlf") && err.contains("line"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_html_report_names_the_segment_and_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let units = r#"<trans-unit id="a14"><source>果园里有40棵梨树。</source><target state="translated">The orchard has 14 pear trees.</target></trans-unit>"#;
    let file = write(
        dir.path(),
        "t.xlf",
        &xliff12(r#"source-language="zh-CN" target-language="en-US""#, units),
    );
    let out = bitext()
        .args([
            "check",
            "--no-default-glossary",
            "--format",
            "html",
            "--aligned",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<title>bitext check report</title>")
            && html.contains("<h1>bitext check report</h1>"),
        "{html}"
    );
    let row = html
        .lines()
        .find(|l| l.contains("data-type=\"number-mismatch\""))
        .unwrap_or_else(|| panic!("{html}"));
    assert!(row.contains("segment <bdi>a14, translated</bdi>"), "{row}");
}

#[test]
fn inline_tags_a_target_drops_or_adds_are_tag_errors() {
    let dir = tempfile::tempdir().unwrap();
    let units = r#"<trans-unit id="k1"><source>请<g id="1">点击这里</g>下载<x id="2"/>。</source><target state="translated">Please <g id="1">click here</g> to download<x id="2"/>.</target></trans-unit>
<trans-unit id="k2"><source>请<g id="1">点击这里</g>下载<x id="2"/>。</source><target state="translated">Please click here to download<x id="2"/><x id="3"/>.</target></trans-unit>
<trans-unit id="k3"><source>价格<bpt id="5">&lt;b&gt;</bpt>含税<ept id="5">&lt;/b&gt;</ept>。</source><target>Prices include tax.</target></trans-unit>
<trans-unit id="k4"><source>尚未翻译<x id="1"/>。</source></trans-unit>"#;
    let file = write(
        dir.path(),
        "t12.xlf",
        &xliff12(r#"source-language="zh-CN" target-language="en-US""#, units),
    );
    let (_, findings) = check_json(&file);
    let tags = of_type(&findings, "tag");
    // k1 keeps its tags; k2 drops g#1 and adds x#3; k3 drops the bold; k4 has no
    // target (an `empty` finding, not a tag one).
    assert_eq!(
        tags,
        [
            ("tag".into(), "error".into(), "k2".into()),
            ("tag".into(), "error".into(), "k3".into())
        ],
        "{findings:#?}"
    );
    let k2 = findings
        .iter()
        .find(|f| f["segment"] == "k2" && f["type"] == "tag")
        .unwrap();
    assert!(
        k2["message"]
            .as_str()
            .unwrap()
            .contains("the Chinese has g#1, the English x#3"),
        "{k2}"
    );
    // XLIFF 2.0: pc and ph.
    let xlf = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en"><file id="f">
<unit id="u1"><segment id="s1" state="translated"><source>见<pc id="1">附件</pc><ph id="2"/>。</source><target>See the <pc id="1">attachment</pc>.</target></segment></unit>
<unit id="u2"><segment id="s2" state="translated"><source>见<sc id="3"/>附件<ec startRef="3"/><ph id="4" canDelete="yes"/>。</source><target>See the <pc id="3">attachment</pc>.</target></segment></unit>
</file></xliff>"#;
    let file = write(dir.path(), "t20.xlf", xlf);
    let (_, findings) = check_json(&file);
    let tag = findings
        .iter()
        .find(|f| f["type"] == "tag")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert!(
        tag["message"]
            .as_str()
            .unwrap()
            .contains("missing in the English: ph#2"),
        "{tag}"
    );
    // s2's sc/ec pair marks what the target's pc does; its ph may be deleted.
    assert_eq!(of_type(&findings, "tag").len(), 1, "{findings:#?}");
}

#[test]
fn end_spaces_count_where_the_file_preserves_them() {
    let dir = tempfile::tempdir().unwrap();
    let units = r#"<trans-unit id="w1" xml:space="preserve"><source>果园很安静。</source><target> The orchard is quiet. </target></trans-unit>
<trans-unit id="w2"><source>
    蜜蜂很忙。
  </source><target>Bees are busy.</target></trans-unit>"#;
    let file = write(
        dir.path(),
        "w.xlf",
        &xliff12(r#"source-language="zh-CN" target-language="en""#, units),
    );
    let (_, findings) = check_json(&file);
    let spaces = of_type(&findings, "whitespace");
    // w2's line breaks are the file's layout, not the translator's.
    assert_eq!(
        spaces,
        [("whitespace".into(), "warning".into(), "w1".into())],
        "{findings:#?}"
    );
    // Unless the file says they are the text: xml:space holds for what it contains.
    let file = write(
        dir.path(),
        "w-file.xlf",
        &xliff12(
            r#"source-language="zh-CN" target-language="en" xml:space="preserve""#,
            units,
        ),
    );
    let (_, findings) = check_json(&file);
    assert_eq!(of_type(&findings, "whitespace").len(), 2, "{findings:#?}");
}

#[test]
fn a_bare_ampersand_is_named_in_words_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let units = "<trans-unit id=\"1\"><source>果园&蜜蜂</source><target>Orchards & bees</target></trans-unit>";
    let file = write(
        dir.path(),
        "amp.xlf",
        &xliff12(r#"source-language="zh-CN" target-language="en""#, units),
    );
    let out = bitext()
        .args(["check", "--aligned"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("amp.xlf: line 4"), "{stderr}");
    assert!(stderr.contains("a '&' that starts no entity"), "{stderr}");
}
