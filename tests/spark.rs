//! examples/spark_align.py with a `local[2]` Spark master on the dev corpora: the beads
//! it writes through `bitext batch --stdio` equal those of a plain `bitext batch` run.
//! Needs pyspark in target/spark-venv (`.ci/install-pyspark.sh`) and Java.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python with pyspark: BITEXT_SPARK_PYTHON, or the venv .ci/install-pyspark.sh makes.
fn spark_python() -> Option<PathBuf> {
    let python = std::env::var_os("BITEXT_SPARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/spark-venv/bin/python")
        });
    let works = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    (works && java).then_some(python)
}

#[test]
fn spark_example_beads_equal_a_batch_run() {
    let Some(python) = spark_python() else {
        skip(
            "pyspark (with Java)",
            "bash .ci/install-pyspark.sh, and a Java 17 runtime",
        );
        return;
    };
    let corpora = shared_dir().join("corpora");
    if !corpora.is_dir() {
        skip("../shared/corpora", SHARED_HINT);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // One manifest over the three dev corpora, for both runs.
    let corpora = std::fs::canonicalize(corpora).unwrap();
    // A spreadsheet's header first: both runs skip it.
    let mut manifest = String::from("zh\ten\tname\n");
    for corpus in ["pol-dev", "aca", "mac-dev"] {
        let mut names: Vec<String> = std::fs::read_dir(corpora.join(corpus).join("zh"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let path = |side: &str| corpora.join(corpus).join(side).join(&name);
            manifest.push_str(&format!(
                "{}\t{}\t{corpus}-{name}\n",
                path("zh").display(),
                path("en").display()
            ));
        }
    }
    std::fs::write(dir.path().join("pairs.tsv"), &manifest).unwrap();

    let batch_out = dir.path().join("batch");
    run_ok(&[
        "batch",
        &dir.path().join("pairs.tsv").display().to_string(),
        "--presplit",
        "--format",
        "beads",
        "--out-dir",
        &batch_out.display().to_string(),
    ]);

    let spark_out = dir.path().join("spark");
    let bin = assert_cmd::cargo::cargo_bin("bitext");
    let out = Command::new(&python)
        .current_dir(dir.path())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark_align.py"))
        .args([
            "pairs.tsv",
            "spark",
            "--master",
            "local[2]",
            "--presplit",
            "--bitext",
        ])
        .arg(&bin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "spark_align.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Run again into the same output: refused before any work, in one line.
    let again = Command::new(&python)
        .current_dir(dir.path())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark_align.py"))
        .args(["pairs.tsv", "spark", "--master", "local[2]"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success());
    assert!(stderr.contains("spark: exists already"), "{stderr}");
    assert!(!stderr.contains("Exception"), "{stderr}");

    // Beads by document, in order, from Spark's part files.
    let mut beads: BTreeMap<String, String> = BTreeMap::new();
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&spark_out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    for part in parts {
        for line in std::fs::read_to_string(part).unwrap().lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let ids = |v: &serde_json::Value| -> Vec<usize> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect()
            };
            let bead = bitext::formats::format_bead(&ids(&row["zh"]), &ids(&row["en"]));
            let doc = row["doc"].as_str().unwrap().to_string();
            beads.entry(doc).or_default().push_str(&format!("{bead}\n"));
        }
    }
    assert_eq!(beads.len(), manifest.lines().count() - 1);
    for (doc, spark) in &beads {
        let batch = std::fs::read_to_string(batch_out.join(format!("{doc}.align"))).unwrap();
        assert_eq!(spark, &batch, "{doc}: Spark's beads differ from batch's");
    }
}
