#!/usr/bin/env python3
"""Align a corpus of document pairs on a Spark cluster with `bitext batch --stdio`.

    spark_align.py MANIFEST OUT [--bitext PATH] [--master URL] [--presplit]
                   [--format jsonl|parquet] [--partitions N] [-- BITEXT_OPTIONS...]

MANIFEST is the TSV `bitext batch` reads: `zh_path<TAB>en_path[<TAB>name]`, paths
relative to the manifest, `#` comments, a first row `zh<TAB>en[<TAB>name]` skipped as a
header; names must be unique. The paths must be readable from every worker (a shared
file system, or local paths with a `local[N]` master). Each partition pipes its pairs
as JSON requests naming the files through one `bitext batch --stdio` process
(resources are loaded once per partition, pairs aligned in parallel inside it), which
reads each file as `bitext batch` does (any encoding and format it knows) and answers
with one JSON response per pair. The beads are written to OUT: JSON lines
(one bead per line: doc, bead, zh, en, score, zh_text, en_text), or Parquet with the
same columns. Pairs that fail are listed on stderr with their error.

bitext must be installed on the workers (`--bitext` names it; default: `bitext` on the
PATH). Options after `--` go to bitext, e.g. `-- --dict /shared/cedict.txt.gz`.
"""

import argparse
import json
import os
import shlex
import sys


def read_manifest(path):
    """(name, zh_path, en_path) of each line of a manifest, paths made absolute."""
    base = os.path.dirname(os.path.abspath(path))
    pairs = []
    first = True
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            # A spreadsheet's header row, as `bitext batch` skips it.
            header = first and line in ("zh\ten", "zh\ten\tname")
            first = False
            if header:
                continue
            cells = line.split("\t")
            if len(cells) not in (2, 3) or not cells[0].strip() or not cells[1].strip():
                sys.exit(f"{path}: line {number}: expected zh_path<TAB>en_path[<TAB>name]")
            zh, en = (os.path.join(base, c.strip()) for c in cells[:2])
            name = cells[2].strip() if len(cells) == 3 and cells[2].strip() else None
            pairs.append((name or os.path.splitext(os.path.basename(zh))[0], zh, en))
    # Each name is a document of the output: two of one name would merge.
    seen = {}
    for name, zh, _ in pairs:
        if name in seen:
            sys.exit(
                f"{path}: two pairs are named {name} ({seen[name]} and {zh}): "
                "name them apart in the third column"
            )
        seen[name] = zh
    return pairs


def request(pair, presplit):
    """The JSON request line for one pair: bitext reads its files on the worker."""
    name, zh_path, en_path = pair
    return json.dumps(
        {"id": name, "zh_path": zh_path, "en_path": en_path, "presplit": presplit},
        ensure_ascii=False,
    )


def beads(response_line):
    """Bead rows of one response, or a single row carrying the pair's error."""
    response = json.loads(response_line)
    doc = response["id"]
    if response["error"] is not None:
        return [{"doc": doc, "bead": None, "error": response["error"]}]
    return [
        {
            "doc": doc,
            "bead": k,
            "zh": b["zh"],
            "en": b["en"],
            "score": b["score"],
            "zh_text": b["zh_text"],
            "en_text": b["en_text"],
            "error": None,
        }
        for k, b in enumerate(response["beads"])
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest")
    parser.add_argument("out")
    parser.add_argument("--bitext", default="bitext", help="the bitext binary on the workers")
    parser.add_argument("--master", default=None, help="Spark master URL (default: spark-submit's)")
    parser.add_argument("--presplit", action="store_true", help="one sentence per line")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("bitext_options", nargs="*", help="after --: options for bitext")
    args = parser.parse_args()

    # Checked before Spark starts: a bad manifest is said at once, in one line.
    pairs = read_manifest(args.manifest)
    if not pairs:
        sys.exit(f"{args.manifest}: no document pairs found")
    # Spark refuses an existing output only after the work, with a Java stack trace.
    if "://" not in args.out and os.path.exists(args.out):
        sys.exit(f"{args.out}: exists already; give a new output path")

    from pyspark.sql import Row, SparkSession

    builder = SparkSession.builder.appName("bitext-align")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    partitions = args.partitions or max(1, min(len(pairs), sc.defaultParallelism))
    command = " ".join(
        shlex.quote(a) for a in [args.bitext, "batch", "--stdio", "--quiet", *args.bitext_options]
    )
    presplit = args.presplit
    rows = (
        sc.parallelize(pairs, partitions)
        .map(lambda pair: request(pair, presplit))
        .pipe(command, checkCode=True)
        .flatMap(beads)
        .cache()
    )
    failed = rows.filter(lambda r: r["error"] is not None).collect()
    for r in failed:
        print(f"spark_align: {r['doc']}: {r['error']}", file=sys.stderr)
    good = rows.filter(lambda r: r["error"] is None).map(
        lambda r: {k: v for k, v in r.items() if k != "error"}
    )
    if args.format == "jsonl":
        good.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(args.out)
    else:
        spark.createDataFrame(good.map(lambda r: Row(**r))).write.parquet(args.out)
    print(
        f"spark_align: {len(pairs) - len(failed)} of {len(pairs)} pairs aligned into {args.out}",
        file=sys.stderr,
    )
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
