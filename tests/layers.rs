//! The library's layers, as ../shared/DESIGN.md draws them: every `crate::` reference
//! in a library module must point to a module of a lower layer (or to itself), and the
//! library must not know the command line. A new module must be given its layer here.

use std::collections::BTreeMap;
use std::path::Path;

/// Layer of each top-level library module: a module may use only lower layers.
const LAYERS: &[(&str, u32)] = &[
    ("error", 0),
    ("script", 0),
    ("pairs", 0),
    // How a line break inside a paragraph reads, which the readers share.
    ("line_breaks", 1),
    // What a file is from its first bytes, which the readers share.
    ("signatures", 1),
    // The well-formedness check of every XML reader above docx.
    ("xml", 2),
    ("numbers", 2),
    // Readers of one format each, which `read` dispatches to.
    ("docx", 2),
    ("html_input", 2),
    ("markdown_input", 2),
    ("pdf", 2),
    ("read", 3),
    ("segment", 4),
    ("lexicon", 5),
    ("eval", 6),
    ("align", 6),
    ("wordalign", 7),
    // One pair from texts to a Bitext: what align and batch share.
    ("pipeline", 7),
    ("glossary", 8),
    // check also reports the document's own terms rendered several ways, as the
    // glossary extracts them.
    ("check", 9),
    ("formats", 10),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

/// Top-level module of a source file under src/ (src/align/dp.rs -> align).
fn module_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Modules named by `crate::NAME` in code (comments and doc examples left out).
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
        // `use crate::{a, b}` names several modules at once.
        if let Some(i) = code.find("crate::{") {
            let group = &code[i + "crate::{".len()..];
            for part in group.split([',', '}']) {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((n + 1, name));
                }
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_library_arrow_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file, &src);
        if module == "cli" || module == "main" || module == "lib" {
            continue; // the binary, and the list of modules
        }
        let Some(own) = layer(&module) else {
            panic!(
                "{}: module `{module}` has no layer in tests/layers.rs",
                file.display()
            );
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in uses(&text) {
            if used == module || used == "Error" || used == "Result" {
                continue;
            }
            if used == "cli" {
                wrong
                    .entry(module.clone())
                    .or_default()
                    .push(format!("{}:{line}: uses the command line", file.display()));
                continue;
            }
            let Some(theirs) = layer(&used) else {
                continue; // an item of lib.rs, not a module
            };
            if theirs >= own {
                wrong.entry(module.clone()).or_default().push(format!(
                    "{}:{line}: {module} (layer {own}) uses {used} (layer {theirs})",
                    file.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows against the layers:\n{}",
        wrong
            .values()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_library_does_not_declare_the_cli() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(!lib.lines().any(
        |l| l.trim_start().starts_with("pub mod cli") || l.trim_start().starts_with("mod cli")
    ));
}

#[test]
fn the_checker_finds_an_arrow_pointing_up() {
    let found = uses("use crate::align::Bitext;\nlet x = crate::{formats, read}; // crate::cli");
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["align", "formats", "read"]);
    assert!(layer("align").unwrap() > layer("segment").unwrap());
}
