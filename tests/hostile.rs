//! Hostile and unusual files and outputs, each a reproducer of a problem found by an
//! outside probe of the release binary: `-o` naming a device, FIFO, symlink or
//! read-only file; signals during the write; terminal escape sequences and bidi
//! controls in documents; characters XML forbids; cut-off and ill-formed TMX; Big5 and
//! BOM-less UTF-16; closed pipes and full disks on every subcommand; encrypted Word
//! files, HTML and Markdown on stdin. All documents are written here.

mod common;
use common::*;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::prelude::*;
use predicates::prelude::*;

const ZH: &str = "一、总体要求\n各方应当加强数据治理合作。\n我们在会议上讨论了国际合作。\n";
const EN: &str = "I. General Requirements\nAll parties should strengthen cooperation on data governance.\nWe discussed international cooperation at the meeting.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A folder holding zh.txt and en.txt.
fn pair() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(dir.path(), "zh.txt", ZH);
    let en = write(dir.path(), "en.txt", EN);
    (dir, zh, en)
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".bitext-"))
        .collect()
}

// ---- -o: what it names is written into, never replaced ----

#[cfg(unix)]
#[test]
fn output_to_a_character_device_writes_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, zh, _) = pair();
    // Our own null device, so that a failure cannot replace the machine's /dev/null.
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return skip(
            "permission to make a device node (mknod, as root)",
            "run as root",
        );
    }
    bitext()
        .arg("segment")
        .arg(&zh)
        .arg("-o")
        .arg(&device)
        .assert()
        .success();
    let kind = std::fs::symlink_metadata(&device).unwrap().file_type();
    assert!(
        kind.is_char_device(),
        "the device was replaced by a {kind:?}"
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn output_to_dev_full_is_a_clear_error() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, zh, _) = pair();
    let device = dir.path().join("full");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "7"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return skip(
            "permission to make a device node (mknod, as root)",
            "run as root",
        );
    }
    bitext()
        .arg("segment")
        .arg(&zh)
        .arg("-o")
        .arg(&device)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("full").and(predicate::str::contains("No space left")));
    assert!(
        std::fs::metadata(&device)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_reaches_its_reader() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, zh, _) = pair();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // The reader is a process: one blocked opening a FIFO that was replaced can be killed.
    let reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn();
    let mut reader = reader.unwrap();
    bitext()
        .arg("segment")
        .arg(&zh)
        .arg("-o")
        .arg(&fifo)
        .assert()
        .success();
    let still_a_fifo = std::fs::metadata(&fifo).unwrap().file_type().is_fifo();
    if !still_a_fifo {
        reader.kill().unwrap();
    }
    let got = String::from_utf8(reader.wait_with_output().unwrap().stdout).unwrap();
    assert!(still_a_fifo, "the FIFO was replaced by a file");
    assert!(got.contains("各方应当加强数据治理合作。"), "{got:?}");
}

#[test]
fn output_to_dev_stdout_goes_to_stdout() {
    let (_dir, zh, _) = pair();
    let out = bitext()
        .arg("segment")
        .arg(&zh)
        .args(["-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("一、总体要求"));
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let (dir, zh, _) = pair();
    let target = write(dir.path(), "real.txt", "old content\n");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    bitext()
        .arg("segment")
        .arg(&zh)
        .arg("-o")
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let content = std::fs::read_to_string(&target).unwrap();
    assert!(content.contains("一、总体要求"), "{content}");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, zh, _) = pair();
    let target = write(dir.path(), "locked.txt", "keep me\n");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    bitext()
        .arg("segment")
        .arg(&zh)
        .arg("-o")
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked.txt").and(predicate::str::contains("read-only")));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
}

#[test]
fn an_output_in_a_missing_folder_names_the_path_given() {
    let (_dir, zh, _) = pair();
    bitext()
        .arg("segment")
        .arg(&zh)
        .args(["-o", "/no-such-folder/x.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("/no-such-folder/x.txt")
                .and(predicate::str::contains(".bitext-").not()),
        );
}

/// A signal while the output is written removes the temporary file: run `segment`
/// on a long document, and signal it as soon as the temporary file appears.
#[cfg(unix)]
#[test]
fn a_signal_during_the_write_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..20_000)
        .map(|i| format!("Sentence number {i} is here, with a few more words.\n"))
        .collect();
    let input = write(dir.path(), "long.txt", long);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let mut tested = 0;
    for signal in ["TERM", "INT", "HUP"] {
        let target = out_dir.join("out.jsonl");
        let mut child = bitext()
            .arg("segment")
            .arg(&input)
            .args(["--format", "jsonl", "-o"])
            .arg(&target)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut signalled = false;
        while child.try_wait().unwrap().is_none() {
            if !leftovers(&out_dir).is_empty() {
                let kill = Command::new("kill")
                    .args([format!("-{signal}"), child.id().to_string()])
                    .status();
                signalled = kill.unwrap().success();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let status = child.wait().unwrap();
        if !signalled {
            // The write was over before the file was seen: nothing to test this time.
            std::fs::remove_file(&target).ok();
            continue;
        }
        assert!(
            status.signal().is_some() || !status.success(),
            "SIG{signal}: {status:?}"
        );
        assert_eq!(leftovers(&out_dir), Vec::<String>::new(), "SIG{signal}");
        assert!(!target.exists(), "SIG{signal}: a half-written output");
        tested += 1;
    }
    assert!(
        tested > 0,
        "the write was always over before it could be signalled"
    );
}

// ---- what reaches a terminal ----

#[test]
fn escape_sequences_in_a_document_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(
        dir.path(),
        "zh.txt",
        "一、总体\n内容一。\n二、其他\x1b]0;pwned\x07\n内容\u{202e}二\u{9b}31m。\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "I. General\nContent one.\nContent two.\n",
    );
    let seg = bitext().arg("segment").arg(&zh).output().unwrap();
    let text = String::from_utf8(seg.stdout).unwrap();
    assert!(text.contains("二、其他<U+001B>]0;pwned<U+0007>"), "{text}");
    assert!(text.contains("内容<U+202E>二<U+009B>31m。"), "{text}");
    // Warnings on stderr (shown with -q too) and the TSV on stdout.
    let out = bitext()
        .arg("align")
        .arg("-q")
        .arg(&zh)
        .arg(&en)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    for (what, s) in [("stdout", &stdout), ("stderr", &stderr)] {
        assert!(
            !s.chars()
                .any(|c| matches!(c, '\x1b' | '\x07' | '\u{9b}' | '\u{202e}')),
            "{what}: {s:?}"
        );
    }
    assert!(stderr.contains("<U+001B>]0;pwned"), "{stderr}");
    assert!(stdout.contains("<U+202E>"), "{stdout}");
    // JSONL keeps the text exactly, as JSON escapes.
    let out = bitext()
        .arg("align")
        .args(["-q", "--format", "jsonl"])
        .arg(&zh)
        .arg(&en)
        .output()
        .unwrap();
    let jsonl = String::from_utf8(out.stdout).unwrap();
    assert!(
        !jsonl
            .chars()
            .any(|c| matches!(c, '\x1b' | '\u{9b}' | '\u{202e}')),
        "{jsonl:?}"
    );
    let texts: String = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["zh"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(texts.contains("内容\u{202e}二\u{9b}31m。"), "{texts:?}");
}

#[test]
fn a_file_name_with_escapes_is_shown_escaped() {
    let out = bitext()
        .args(["segment", "missing-\x1b[2J.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("missing-<U+001B>[2J.txt") && !stderr.contains('\x1b'),
        "{stderr:?}"
    );
}

// ---- XML out and in ----

#[test]
fn characters_xml_forbids_are_never_written_into_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(
        dir.path(),
        "zh.txt",
        "各方应当加强\u{fffe}合作。\n我们讨论了\u{ffff}问题\x0b。\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "All parties should \u{fffe}cooperate.\nWe discussed the \x01problem.\n",
    );
    let tmx_path = dir.path().join("out.tmx");
    bitext()
        .args(["align", "-q", "--format", "tmx", "-o"])
        .arg(&tmx_path)
        .arg(&zh)
        .arg(&en)
        .assert()
        .success();
    let tmx = std::fs::read_to_string(&tmx_path).unwrap();
    assert!(
        !tmx.chars()
            .any(|c| matches!(c, '\u{fffe}' | '\u{ffff}' | '\x0b' | '\x01')),
        "{tmx}"
    );
    assert!(tmx.contains("\u{fffd}"));
    // An XML parser reads it (Python's expat, as the probe did), and so does bitext.
    let expat = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])",
        ])
        .arg(&tmx_path)
        .output();
    match expat {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => skip(
            "python3 (its expat parser checks the TMX)",
            "apt-get install python3",
        ),
    }
    bitext()
        .args(["check", "--no-dict", "--aligned"])
        .arg(&tmx_path)
        .assert()
        .code(predicate::in_iter([0, 1]));
}

fn own_tmx(dir: &Path) -> String {
    let (zh, en) = (write(dir, "zh.txt", ZH), write(dir, "en.txt", EN));
    let out = bitext()
        .args(["align", "-q", "--format", "tmx"])
        .arg(&zh)
        .arg(&en)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn assert_tmx_refused(name: &str, tmx: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, tmx);
    bitext()
        .args(["glossary", "--no-dict", "--aligned"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(name).and(predicate::str::contains(message)));
}

#[test]
fn a_cut_off_tmx_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = own_tmx(dir.path());
    let mut half = tmx.len() / 2;
    while !tmx.is_char_boundary(half) {
        half += 1;
    }
    assert_tmx_refused("half.tmx", &tmx[..half], "line");
    assert_tmx_refused("half.tmx", &tmx[..half], "not well-formed XML");
    let unclosed = tmx.replace("</tmx>", "");
    assert_tmx_refused("unclosed.tmx", &unclosed, "ends inside <tmx>");
}

#[test]
fn repeated_attributes_in_tmx_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = own_tmx(dir.path()).replacen("<tu tuid=\"0\">", "<tu tuid=\"0\" tuid=\"7\">", 1);
    assert!(tmx.contains("tuid=\"7\""));
    assert_tmx_refused("twice.tmx", &tmx, "line 5: not well-formed XML");
}

// ---- encodings and formats ----

/// Big5 bytes of our own traditional Chinese sentences.
fn big5_text() -> (&'static str, Vec<u8>) {
    let text = "我們在這個會議上討論了數據治理與國際合作的問題。\n各國應當共同維護網絡空間的和平與安全。\n";
    (text, encode_big5(text))
}

/// Big5 through Python's codec: the test must not use the decoder it tests.
fn encode_big5(text: &str) -> Vec<u8> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('big5'))",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .expect("python3 encodes Big5");
    out.stdout
}

#[test]
fn big5_is_decoded_as_big5() {
    let dir = tempfile::tempdir().unwrap();
    let (text, bytes) = big5_text();
    let path = write(dir.path(), "big5.txt", bytes);
    let out = run_ok(&["segment", path.to_str().unwrap()]);
    assert_eq!(out, text);
}

#[test]
fn undecodable_text_names_the_encoding_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "odd.txt", b"ok\n\x80\xff\xfe\x81\x30\x01");
    bitext().arg("segment").arg(&path).assert().code(2).stderr(
        predicate::str::contains("odd.txt: line 2").and(predicate::str::contains("--encoding")),
    );
    let (text, bytes) = big5_text();
    let path = write(dir.path(), "short.txt", bytes);
    let out = run_ok(&["segment", "--encoding", "big5", path.to_str().unwrap()]);
    assert_eq!(out, text);
    // The file is not in the encoding named: the hint says so, not "name one".
    let path = write(dir.path(), "utf8.txt", "数据安全\n".as_bytes()); // 13 bytes
    bitext()
        .args(["segment", "--encoding", "utf-16le"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not valid UTF-16LE")
                .and(predicate::str::contains("not in that encoding")),
        );
}

#[test]
fn utf16_without_a_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = ZH.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let path = write(dir.path(), "utf16.txt", le);
    assert_eq!(run_ok(&["segment", path.to_str().unwrap()]), ZH);
}

#[test]
fn non_text_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    encrypted.resize(512, 0);
    encrypted.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    for (name, bytes, what) in [
        ("secret.docx", encrypted, "password-protected"),
        (
            "photo.txt",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec(),
            "a JPEG image",
        ),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0".to_vec(),
            ".doc",
        ),
    ] {
        let path = write(dir.path(), name, bytes);
        bitext()
            .arg("segment")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(name).and(predicate::str::contains(what)));
    }
}

#[test]
fn html_is_read_as_text_with_its_headings() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>页</title><script>alert(1)</script></head>\
        <body><h2>一、总体要求</h2><p>各方应当<b>加强</b>合作。</p></body></html>";
    let path = write(dir.path(), "page.html", page);
    let out = run_ok(&["segment", "--format", "jsonl", path.to_str().unwrap()]);
    assert!(!out.contains('<') && !out.contains("alert"), "{out}");
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["text"], "一、总体要求");
    assert_eq!(first["kind"], "heading");
    assert!(out.contains("各方应当加强合作。"), "{out}");
}

#[test]
fn markdown_on_stdin_is_read_as_markdown_when_asked() {
    let markdown = "# 全球数字治理\n\n各方应当合作。\n";
    let run = |extra: &[&str]| {
        let mut child = bitext()
            .args(["segment", "--format", "jsonl", "-"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(markdown.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = run(&[]);
    let md = run(&["--input-format", "md"]);
    assert!(plain.contains("# 全球数字治理"), "{plain}");
    let first: serde_json::Value = serde_json::from_str(md.lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["text"].as_str(), first["kind"].as_str()),
        (Some("全球数字治理"), Some("heading"))
    );
}

// ---- closed pipes and full disks ----

fn sample_args(sub: &str) -> Vec<String> {
    let (zh, en) = (format!("{SAMPLE}/zh.txt"), format!("{SAMPLE}/en.txt"));
    match sub {
        "segment" => vec![sub.into(), zh],
        _ => vec![sub.into(), zh, en],
    }
}

/// Run with stdout (and stderr when `close_stderr`) a pipe whose reader is gone.
fn run_with_closed_pipe(args: &[String], close_stderr: bool) -> Output {
    let mut child = bitext()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    if close_stderr {
        drop(child.stderr.take());
    } else {
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
    }
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr: stderr.into_bytes(),
    }
}

#[test]
fn a_closed_pipe_ends_every_subcommand_quietly_with_its_own_status() {
    for sub in ["segment", "align", "glossary", "check"] {
        let args = sample_args(sub);
        let expected = bitext().args(&args).output().unwrap().status.code();
        let out = run_with_closed_pipe(&args, false);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), expected, "{sub}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{sub}: {stderr}"
        );
        let out = run_with_closed_pipe(&args, true);
        assert_eq!(out.status.code(), expected, "{sub} with stderr closed too");
    }
    // Notes on a closed stderr (`2>&1 | true`) are no reason to panic.
    let mut args = sample_args("align");
    args.push("--no-dict".into());
    assert_eq!(run_with_closed_pipe(&args, true).status.code(), Some(0));
}

#[test]
fn a_full_disk_is_a_clear_error_on_every_subcommand() {
    if !Path::new("/dev/full").exists() {
        return skip("/dev/full", "a Linux machine has it");
    }
    for sub in [
        "segment",
        "align",
        "glossary",
        "check",
        "completions",
        "man",
    ] {
        let mut args = sample_args(sub);
        if sub == "completions" {
            args = vec![sub.into(), "bash".into()];
        }
        if sub == "man" {
            args = vec![sub.into()];
        }
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bitext().args(&args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{sub}: {stderr}");
        assert!(
            stderr.contains("writing to standard output") && stderr.contains("No space left"),
            "{sub}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{sub}: {stderr}");
    }
}

// ---- small things ----

#[test]
fn segment_accepts_quiet() {
    let (_dir, zh, _) = pair();
    bitext()
        .arg("segment")
        .arg("-q")
        .arg(&zh)
        .assert()
        .success();
}

#[test]
fn no_dict_does_not_suggest_a_dictionary() {
    let (_dir, zh, en) = pair();
    bitext()
        .args(["align", "--no-dict"])
        .arg(&zh)
        .arg(&en)
        .assert()
        .success()
        .stderr(predicate::str::contains("--dict FILE").not());
}

#[test]
fn completions_and_a_man_page_are_printed() {
    let bash = run_ok(&["completions", "bash"]);
    assert!(
        bash.contains("bitext") && bash.contains("--input-format"),
        "{bash}"
    );
    let man = run_ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH bitext"),
        "{man}"
    );
    // The footer is the program and its version, not the dictionary's description.
    let th = man.lines().find(|l| l.starts_with(".TH")).unwrap();
    assert!(!th.contains("dictionary"), "{th}");
    // Each subcommand has its page, the one the main page's SEE ALSO names.
    assert!(man.contains("bitext\\-align(1)"), "{man}");
    let align = run_ok(&["man", "align"]);
    assert!(align.contains(".TH bitext-align"), "{align}");
    assert!(align.contains("presplit"), "{align}");
    bitext()
        .args(["man", "nosuch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such command"));
}

#[test]
fn tmx_language_tags_and_the_original_side() {
    let (_dir, zh, en) = pair();
    let tmx = run_ok(&[
        "align",
        "-q",
        "--format",
        "tmx",
        "--langs",
        "zh-TW,en-GB",
        "--source-lang",
        "en",
        zh.to_str().unwrap(),
        en.to_str().unwrap(),
    ]);
    assert!(tmx.contains(r#"srclang="en-GB""#), "{tmx}");
    assert!(tmx.contains(r#"<tuv xml:lang="zh-TW">"#) && tmx.contains(r#"<tuv xml:lang="en-GB">"#));
    bitext()
        .args(["align", "--format", "tmx", "--langs", "fr-FR,en-US"])
        .arg(&zh)
        .arg(&en)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fr-FR"));
}

// ---- input size: refused at a named limit, before it fills memory ----

#[test]
fn input_over_the_size_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let line = "我们在会议上讨论了国际合作。\n".repeat(30_000); // about 1.3 MB
    let zh = write(dir.path(), "zh.txt", &line);
    let en = write(dir.path(), "en.txt", EN);
    let out = dir.path().join("out.tsv");
    for cmd in ["align", "glossary", "check"] {
        bitext()
            .args([cmd, "--max-input-mb", "1", "-o"])
            .arg(&out)
            .arg(&zh)
            .arg(&en)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("zh.txt"))
            .stderr(predicate::str::contains("input limit of 1 MB"))
            .stderr(predicate::str::contains("--max-input-mb"));
        assert!(!out.exists(), "{cmd} wrote an output");
    }
    // A pipe has no size to look at: it is read up to the limit, then refused.
    assert_cmd::Command::cargo_bin("bitext")
        .unwrap()
        .args(["segment", "--max-input-mb", "1", "-"])
        .write_stdin(line.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("input limit of 1 MB"));
    // Under a raised limit the same file is read.
    Command::cargo_bin("bitext")
        .unwrap()
        .args(["segment", "--max-input-mb", "2", "-q"])
        .arg(&zh)
        .assert()
        .success();
}

#[test]
fn segment_says_when_it_cut_an_overlong_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(dir.path(), "long.txt", "数据".repeat(2_000));
    bitext()
        .arg("segment")
        .arg(&zh)
        .assert()
        .success()
        .stderr(predicate::str::contains("long.txt"))
        .stderr(predicate::str::contains("sentence length cap"));
    bitext()
        .args(["segment", "-q"])
        .arg(&zh)
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn the_output_file_extension_chooses_the_format_when_none_is_given() {
    let (dir, zh, en) = pair();
    let out = |name: &str, args: &[&str]| {
        let path = dir.path().join(name);
        bitext()
            .args(args)
            .arg("-q")
            .arg("-o")
            .arg(&path)
            .arg(&zh)
            .arg(&en)
            .assert()
            .code(predicate::in_iter([0, 1]));
        std::fs::read_to_string(&path).unwrap()
    };
    assert!(out("a.tmx", &["align"]).contains("<tmx"));
    assert!(out("a.JSONL", &["align"]).starts_with('{'));
    assert!(out("a.html", &["align"]).contains("<html"));
    // An explicit --format wins over the name; an unknown extension keeps the default.
    assert!(!out("b.tmx", &["align", "--format", "tsv"]).contains("<tmx"));
    assert!(!out("a.out", &["align"]).contains("<tmx"));
    assert!(
        out("c.json", &["check"])
            .trim_start()
            .starts_with(['[', '{'])
    );
    assert!(out("c.html", &["check"]).contains("<html"));
}
