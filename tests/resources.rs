//! The dictionary end to end: `--version` names the embedded one, and a `--dict` file
//! that inflates without end is refused at a size limit with an error naming it.

mod common;
use common::*;

use std::io::Write;

#[test]
fn version_names_the_embedded_dictionary() {
    let out = run_ok(&["--version"]);
    assert!(out.starts_with("bitext "), "{out}");
    assert!(out.contains("CC-CEDICT 20"), "{out}");
    assert!(out.contains("entries"), "{out}");
}

/// A small .gz whose text is far larger than any dictionary.
fn dictionary_bomb(dir: &std::path::Path, megabytes: usize) -> String {
    let path = dir.join("bomb.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::best(),
    );
    let block = "數據 数据 [shu4 ju4] /data/\n".repeat(1 << 15);
    let mut written = 0;
    while written < megabytes << 20 {
        gz.write_all(block.as_bytes()).unwrap();
        written += block.len();
    }
    gz.finish().unwrap();
    path.display().to_string()
}

#[test]
fn a_dictionary_bomb_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    // 24 MB of text in a few kB; the limit is set to 4 MB so the test stays quick (the
    // default, 256 MB, stops a billion-line bomb the same way).
    let bomb = dictionary_bomb(dir.path(), 24);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    std::fs::write(dir.path().join("zh.txt"), "我们坚持多边主义。\n").unwrap();
    std::fs::write(dir.path().join("en.txt"), "We uphold multilateralism.\n").unwrap();
    let align = |limit: &str| {
        bitext()
            .current_dir(dir.path())
            .env("BITEXT_DICT_MAX_MB", limit)
            .args(["align", "--dict", &bomb, "zh.txt", "en.txt"])
            .output()
            .unwrap()
    };
    let out = align("4");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&bomb), "{err}");
    assert!(
        err.contains("more than 4 MB of text once decompressed"),
        "{err}"
    );
    assert!(err.contains("BITEXT_DICT_MAX_MB"), "{err}");

    // Raised above its size, the same file loads (and is a dictionary of one word).
    let out = align("64");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = align("lots");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("BITEXT_DICT_MAX_MB must be"), "{err}");
}
