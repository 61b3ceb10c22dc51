//! Line breaks inside sentences, as Markdown writers and plain-text converters leave
//! them, read back through `bitext segment`: Chinese joins without a space, a number
//! alone on a line is no heading, soft hyphens are gone.

mod common;

use common::run_ok;

fn segment(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    run_ok(&["segment", path.to_str().unwrap()])
}

#[test]
fn wrapped_chinese_markdown_has_no_spaces_at_its_breaks() {
    let md = "# 年度总结\n\n今年新建阅览室4\n5座，面积达到1.\n2万平方米，增长8\n%。\
              我们制定了*《阅览室管理办法》*，并推进**“全民阅读”**活动。\n\
              编号以`RD`\n开头。新平台叫Open\nLibrary。\n";
    assert_eq!(
        segment("r.zh.md", md),
        "年度总结\n\
         今年新建阅览室45座，面积达到1.2万平方米，增长8%。\n\
         我们制定了《阅览室管理办法》，并推进“全民阅读”活动。\n\
         编号以RD开头。\n\
         新平台叫Open Library。\n"
    );
}

#[test]
fn a_table_number_wrapped_onto_its_own_line_is_no_heading() {
    let line = "The committee met on Monday to review the figures, which are set out in";
    let text = format!(
        "I. Overview\n\n{line}\n\
         some detail in the summary that follows this part of the report, in Table\n\
         1.\n\n\
         The members agreed that the fig\u{AD}\nures were sound, and that the budget\n\
         for the coming year should grow a little faster than it did before, by 12\n\
         % over the current one, as the branches had asked in their letters.\n"
    );
    let out = segment("r.en.txt", &text);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "I. Overview");
    assert!(lines[1].ends_with("in Table 1."), "{out}");
    assert!(lines[2].contains("the figures were sound"), "{out}");
    assert!(lines[2].contains("by 12% over"), "{out}");
    assert_eq!(lines.len(), 3, "{out}");
}
