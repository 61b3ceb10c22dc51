//! `bitext batch --stdio`: the map step of a distributed job (Spark's `rdd.pipe`,
//! Hadoop streaming, Ray, Dataflow). One JSON request per line on stdin:
//!
//! ```text
//! {"id": 7, "zh": "...", "en": "...", "presplit": false, "min_score": 0.3}
//! {"id": 8, "zh_path": "/shared/zh/8.docx", "en_path": "/shared/en/8.pdf"}
//! ```
//!
//! (`id` required; each side's text, or the path of its file, which is read as `align`
//! reads one: any encoding and format it knows; `presplit` and `min_score` optional,
//! other fields ignored), one response per line on stdout, in the order of the
//! requests:
//!
//! ```text
//! {"id": 7, "beads": [{"zh": [0], "en": [0, 1], "score": 0.91, "zh_text": "...", "en_text": "..."}], "error": null}
//! ```
//!
//! A request that cannot be served (not a JSON object, a field missing, `min_score`
//! outside 0..1, a text without sentences) gets a response with `error` set and no beads; the process goes on.
//! Requests are aligned in parallel; at most a few per worker wait for their turn to be
//! written, so memory stays bounded however long the input.

use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::super::Outcome;
use super::super::align::AlignInput;
use bitext::lexicon::Resources;
use bitext::pipeline::{PairOptions, Side, align_texts};
use bitext::read::ReadOptions;

/// A request's fields besides `id` (read from the raw value, so that a bad request
/// keeps its id). Other fields are ignored: pipelines carry their own metadata.
#[derive(Deserialize)]
struct Request {
    zh: Option<String>,
    en: Option<String>,
    zh_path: Option<String>,
    en_path: Option<String>,
    presplit: Option<bool>,
    min_score: Option<f64>,
}

#[derive(Serialize)]
struct Response {
    id: serde_json::Value,
    beads: Vec<BeadOut>,
    error: Option<String>,
}

#[derive(Serialize)]
struct BeadOut {
    zh: Vec<usize>,
    en: Vec<usize>,
    score: f64,
    zh_text: String,
    en_text: String,
}

/// Serve requests from stdin until it ends.
pub fn run(input: &AlignInput, jobs: Option<usize>, min_score: Option<f64>) -> Result<Outcome> {
    let resources = input.resources()?;
    let options = PairOptions {
        presplit: input.presplit,
        align: input.options()?,
    };
    let read = input.read.options()?;
    let (jobs, pool) = super::worker_pool(jobs)?;
    // Requests read but not yet written: the reader waits while there are this many.
    let limit = 4 * jobs;
    let waiting = (Mutex::new(0usize), Condvar::new());
    let (done, finished) = mpsc::channel::<(usize, String)>();

    std::thread::scope(|s| -> Result<Outcome> {
        let writer = s.spawn(|| write_in_order(finished, &waiting));
        let stdin = std::io::stdin();
        let mut stdin = stdin.lock();
        let mut line = Vec::new();
        let mut seq = 0;
        pool.in_place_scope(|scope| -> Result<()> {
            loop {
                line.clear();
                let n = stdin
                    .read_until(b'\n', &mut line)
                    .context("reading requests from stdin")?;
                if n == 0 {
                    return Ok(());
                }
                {
                    let (count, turn) = &waiting;
                    let mut count = count.lock().expect("counter intact");
                    while *count >= limit {
                        count = turn.wait(count).expect("counter intact");
                    }
                    *count += 1;
                }
                let request = std::mem::take(&mut line);
                let (done, resources, options, read) = (done.clone(), &resources, &options, &read);
                let this = seq;
                scope.spawn(move |_| {
                    let served = Served {
                        resources,
                        options,
                        read,
                        min_score,
                    };
                    let response = serve(&request, this + 1, &served);
                    // The writer only stops when stdout is gone; nothing left to do then.
                    let _ = done.send((this, response));
                });
                seq += 1;
            }
        })?;
        drop(done);
        writer.join().expect("the writer does not panic")?;
        Ok(Outcome::Ok)
    })
}

/// Write responses in request order as they come in; after stdout fails, keep taking
/// them (so that no worker or the reader waits for ever) and report the failure.
fn write_in_order(
    finished: mpsc::Receiver<(usize, String)>,
    waiting: &(Mutex<usize>, Condvar),
) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut failure: Option<std::io::Error> = None;
    for (seq, response) in finished {
        pending.insert(seq, response);
        while let Some(response) = pending.remove(&next) {
            if failure.is_none()
                && let Err(e) = writeln!(out, "{response}")
            {
                failure = Some(e);
            }
            next += 1;
            let (count, turn) = waiting;
            *count.lock().expect("counter intact") -= 1;
            turn.notify_one();
        }
        if failure.is_none()
            && pending.is_empty()
            && let Err(e) = out.flush()
        {
            failure = Some(e);
        }
    }
    if failure.is_none()
        && let Err(e) = out.flush()
    {
        failure = Some(e);
    }
    match failure {
        Some(e) => Err(anyhow::Error::new(e).context("writing responses to stdout")),
        None => Ok(()),
    }
}

/// What every request is served with: the process's resources and options.
struct Served<'a> {
    resources: &'a Resources,
    options: &'a PairOptions,
    read: &'a ReadOptions,
    min_score: Option<f64>,
}

/// The response to one request line (`line_no` counts from 1), as one JSON line.
fn serve(line: &[u8], line_no: usize, served: &Served) -> String {
    let mut id = serde_json::Value::Null;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        respond(line, line_no, served, &mut id)
    }));
    let response = match result {
        Ok(Ok(beads)) => Response {
            id,
            beads,
            error: None,
        },
        Ok(Err(error)) => Response {
            id,
            beads: Vec::new(),
            error: Some(error),
        },
        Err(_) => Response {
            id,
            beads: Vec::new(),
            error: Some("internal error (a bug in bitext)".to_string()),
        },
    };
    serde_json::to_string(&response).expect("a response serialises")
}

fn respond(
    line: &[u8],
    line_no: usize,
    served: &Served,
    id: &mut serde_json::Value,
) -> std::result::Result<Vec<BeadOut>, String> {
    let (resources, options) = (served.resources, served.options);
    let at = |message: String| format!("request on line {line_no}: {message}");
    let text = std::str::from_utf8(line).map_err(|_| at("not UTF-8".to_string()))?;
    let text = text.trim();
    if text.is_empty() {
        return Err(at("empty line, not a JSON request".to_string()));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| at(format!("not JSON: {e}")))?;
    let serde_json::Value::Object(fields) = &value else {
        return Err(at(format!(
            "a request must be a JSON object ({{\"id\": ..., \"zh\": ..., \"en\": ...}}), not {}",
            json_kind(&value)
        )));
    };
    match fields.get("id") {
        None | Some(serde_json::Value::Null) => {
            return Err(at(
                "`id` is missing: each request needs one (a string or a number) to match its response".to_string(),
            ));
        }
        Some(given) => *id = given.clone(),
    }
    let request: Request = serde_json::from_value(value).map_err(|e| at(e.to_string()))?;
    if let Some(x) = request.min_score
        && !(0.0..=1.0).contains(&x)
    {
        return Err(at(format!("`min_score` must be between 0 and 1, not {x}")));
    }
    let min_score = request.min_score.or(served.min_score);
    let options = PairOptions {
        presplit: request.presplit.unwrap_or(options.presplit),
        align: options.align.clone(),
    };
    let name = |side: &str| match &*id {
        serde_json::Value::Null => format!("the {side} of the request on line {line_no}"),
        id => format!("the {side} of request {id}"),
    };
    let side = |lang: &str, text: Option<String>, path: Option<String>| match (text, path) {
        (Some(text), None) => Ok(Side::text(name(lang), text)),
        (None, Some(path)) => read_file(&path, served.read),
        (Some(_), Some(_)) => Err(at(format!("give `{lang}` or `{lang}_path`, not both"))),
        (None, None) => Err(at(format!(
            "`{lang}` (its text) or `{lang}_path` is missing"
        ))),
    };
    let zh = side("zh", request.zh, request.zh_path)?;
    let en = side("en", request.en, request.en_path)?;
    let aligned = align_texts(zh, en, resources, &options).map_err(|e| e.to_string())?;
    let bitext = &aligned.bitext;
    Ok(bitext
        .beads
        .iter()
        .filter(|b| min_score.is_none_or(|x| b.score >= x))
        .map(|b| BeadOut {
            zh: b.zh.clone(),
            en: b.en.clone(),
            score: (b.score * 1000.0).round() / 1000.0,
            zh_text: bitext.zh_text(b),
            en_text: bitext.en_text(b),
        })
        .collect())
}

/// A request's file: a regular file only. Standard input is the requests themselves,
/// and a pipe or a terminal would hold a worker for ever.
fn read_file(path: &str, read: &ReadOptions) -> std::result::Result<Side, String> {
    if path == "-" {
        return Err("-: standard input carries the requests; name a file".to_string());
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Side::read_with(path, read).map_err(|e| e.to_string()),
        Ok(_) => Err(format!("{path}: not a regular file")),
        Err(e) => Err(format!("{path}: {e}")),
    }
}

/// What a JSON value is, for a message.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
