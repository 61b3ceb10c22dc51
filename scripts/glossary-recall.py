#!/usr/bin/env python3
"""Recall of `bitext glossary` against the reference term lists in ../shared/glossary.

Usage:
  scripts/glossary-recall.py [--bin BITEXT] [--misses] [--corpus-only] [--keep DIR (outputs and the gold pairs they were made from)] [-- GLOSSARY_ARGS...]
      runs the glossary on the gold alignment of pol-dev, aca and mac-dev and prints
      recall and the number of pairs output for each (one command, all three lists);
      --misses lists the reference pairs missed, each classified by the candidates
      `--explain` reports: absent (no such candidate), cut (right rendering, dropped by
      a step, named), wrong (another best rendering; wrong-other: a listed rendering is
      among its others); --corpus-only skips the per-document runs of mac-dev
  scripts/glossary-recall.py REFERENCE.tsv GLOSSARY.tsv [--misses]
      recall of one glossary TSV against one reference list
  scripts/glossary-recall.py --gold-tsv ZH EN GOLD.align > pairs.tsv
      the TSV `bitext align` writes, from a gold alignment

A reference pair counts as found when the glossary has its zh term with one of the
listed renderings (` | ` between them) as its en; case, hyphens and a plural -s are
ignored.

What a list covers: pol-dev and aca are one document each. The mac-dev list counts
over the whole corpus (奶奶: 106 lines = 17 in 003 + 89 in 004), so the glossary runs
once over the gold beads of all six documents, in order ("corpus"). A user glossing
one chapter runs it per document: "per document" is the recall when each reference
term is looked up in the glossary of the document of its first example.
"""
import os
import re
import subprocess
import sys
import tempfile

SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
LISTS = ["pol-dev", "aca", "mac-dev"]


def norm(s):
    words = re.split(r"[\s\-‐]+", s.lower().replace("’", "'").strip())
    out = []
    for w in words:
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w:
            out.append(w)
    return " ".join(out)


def gold_rows(zh_path, en_path, align_path):
    zh = open(zh_path, encoding="utf-8").read().split("\n")
    en = open(en_path, encoding="utf-8").read().split("\n")
    rows = []
    for line in open(align_path, encoding="utf-8"):
        if ":" not in line:
            continue
        a, b = line.strip().split(":", 1)
        ids = lambda s: [int(x) for x in s.strip("[] ").split(",") if x.strip()]
        rows.append(("".join(zh[i] for i in ids(a)), " ".join(en[i] for i in ids(b))))
    return rows


def write_pairs(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("zh\ten\tscore\tsection\n")
        for z, e in rows:
            f.write(f"{z}\t{e}\t1.000\t\n")


def read_reference(path):
    ref = []
    for line in open(path, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[0] == "zh":
            continue
        doc = cells[3].split(",")[0].split(":")[0] if len(cells) > 3 and ":" in cells[3] else None
        ref.append((cells[0], [r.strip() for r in cells[1].split(" | ")], doc))
    return ref


def read_glossary(path):
    """zh -> normalised best rendering; the header row (or `#` lines) skipped."""
    got = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[0] == "zh":
            continue
        got.setdefault(cells[0], norm(cells[1]))
    return got


def read_explain(path):
    """zh -> the explain row (dict) of every candidate `--explain` wrote."""
    rows = {}
    lines = open(path, encoding="utf-8").read().split("\n")
    head = lines[0].split("\t")
    for line in lines[1:]:
        if line:
            rows.setdefault(line.split("\t")[0], dict(zip(head, line.split("\t"))))
    return rows


def classify(zh, ens, got, explained):
    """Why a reference pair was missed: absent (no candidate), cut (a candidate with the
    right rendering that a step dropped), wrong (the best rendering is another one;
    `other` when a listed rendering is among its other renderings)."""
    wanted = {norm(e) for e in ens}
    row = explained.get(zh)
    if row is None:
        return "absent", ""
    ours = norm(row["en"])
    others = [norm(o.rsplit(" (", 1)[0]) for o in row["other_renderings"].split("; ") if o]
    detail = f"{row['en'] or '-'} [{row['fate']}; f={row['frequency']} own={row['own']} c={row['cooccurrence']}]"
    if ours in wanted:
        return "cut", detail
    if any(o in wanted for o in others):
        return "wrong-other", detail
    return "wrong", detail


def recall(ref, got_of_doc, misses, label, explained=None):
    found = 0
    kinds = {}
    for zh, ens, doc in ref:
        got = got_of_doc(doc)
        ok = zh in got and got[zh] in {norm(e) for e in ens}
        found += ok
        if not ok and misses:
            kind, detail = classify(zh, ens, got, explained) if explained is not None else ("miss", got.get(zh, "-"))
            kinds[kind] = kinds.get(kind, 0) + 1
            print(f"  {kind:11} {label}\t{zh}\t{detail}\t{' | '.join(ens)}", file=sys.stderr)
    if misses and kinds:
        print(f"  {label} misses: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), file=sys.stderr)
    return found


def run_glossary(binary, pairs, out, extra, explain=None):
    more = ["--explain", explain] if explain else []
    subprocess.run([binary, "glossary", "--aligned", pairs, "-o", out] + more + extra, check=True)
    return sum(1 for l in open(out, encoding="utf-8") if l.strip() and not l.startswith("#")) - (
        1 if open(out, encoding="utf-8").readline().startswith("zh\t") else 0)


def has_explain(binary):
    """Whether this build's glossary takes `--explain`; without it misses are listed unclassified."""
    usage = subprocess.run([binary, "glossary", "--help"], capture_output=True, text=True).stdout
    return "--explain" in usage


def run_all(argv):
    binary, misses, keep, extra = "target/release/bitext", "--misses" in argv, None, []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
    if "--keep" in argv:
        keep = argv[argv.index("--keep") + 1]
        os.makedirs(keep, exist_ok=True)
    tmp = tempfile.mkdtemp()
    out_dir = keep or tmp
    for corpus in LISTS:
        base = os.path.join(SHARED, "corpora", corpus)
        docs = sorted(os.listdir(os.path.join(base, "zh")))
        ref = read_reference(os.path.join(SHARED, "glossary", f"{corpus}.terms.tsv"))
        all_rows, per_doc = [], {}
        for d in docs:
            rows = gold_rows(os.path.join(base, "zh", d), os.path.join(base, "en", d),
                             os.path.join(base, "gold", f"{d}.align"))
            all_rows += rows
            if len(docs) > 1 and "--corpus-only" not in argv:
                p = os.path.join(tmp, f"{corpus}-{d}.pairs.tsv")
                write_pairs(rows, p)
                out = os.path.join(out_dir, f"{corpus}-{d}.glossary.tsv")
                n = run_glossary(binary, p, out, extra)
                per_doc[d] = (read_glossary(out), n)
        p = os.path.join(out_dir, f"{corpus}.pairs.tsv")
        write_pairs(all_rows, p)
        out = os.path.join(out_dir, f"{corpus}.glossary.tsv")
        explain = os.path.join(out_dir, f"{corpus}.explain.tsv") if misses and has_explain(binary) else None
        n = run_glossary(binary, p, out, extra, explain)
        got = read_glossary(out)
        found = recall(ref, lambda _: got, misses, corpus, read_explain(explain) if explain else None)
        line = f"{corpus:8} recall {found}/{len(ref)} = {found / len(ref):.3f}; pairs output: {n}"
        if per_doc:
            f2 = recall(ref, lambda d: per_doc.get(d, ({}, 0))[0], False, corpus)
            sizes = ",".join(str(per_doc[d][1]) for d in docs)
            line += (f" (corpus run); per document: recall {f2}/{len(ref)} = "
                     f"{f2 / len(ref):.3f}, pairs {sizes}")
        print(line)


def main(argv):
    if argv[1:2] == ["--gold-tsv"]:
        write_pairs(gold_rows(*argv[2:5]), "/dev/stdout")
        return
    if len(argv) < 3 or argv[1].startswith("-"):
        run_all(argv[1:])
        return
    ref = read_reference(argv[1])
    got = read_glossary(argv[2])
    found = recall(ref, lambda _: got, "--misses" in argv, os.path.basename(argv[1]))
    print(f"recall {found}/{len(ref)} = {found / max(len(ref), 1):.3f}; "
          f"glossary pairs: {len(got)}")


if __name__ == "__main__":
    main(sys.argv)
