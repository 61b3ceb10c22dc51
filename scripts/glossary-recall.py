#!/usr/bin/env python3
"""Recall of a `bitext glossary` TSV against a reference term list.

Usage:
  scripts/glossary-recall.py REFERENCE.tsv GLOSSARY.tsv [--misses]
  scripts/glossary-recall.py --gold-tsv ZH EN GOLD.align > pairs.tsv

A reference pair counts as found when the glossary has its zh term with one of the
listed renderings (` | ` between them) as its en; case, hyphens and a plural -s are
ignored. The second form writes the TSV `bitext align` writes from a gold alignment
(zh units joined with nothing, en units with a space).
"""
import re
import sys


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


def gold_tsv(zh_path, en_path, align_path):
    zh = open(zh_path, encoding="utf-8").read().split("\n")
    en = open(en_path, encoding="utf-8").read().split("\n")
    print("zh\ten\tscore\tsection")
    for line in open(align_path, encoding="utf-8"):
        if ":" not in line:
            continue
        a, b = line.strip().split(":", 1)
        ids = lambda s: [int(x) for x in s.strip("[] ").split(",") if x.strip()]
        z = "".join(zh[i] for i in ids(a))
        e = " ".join(en[i] for i in ids(b))
        print(f"{z}\t{e}\t1.000\t")


def main(argv):
    if argv[1:2] == ["--gold-tsv"]:
        gold_tsv(*argv[2:5])
        return
    ref_path, out_path = argv[1], argv[2]
    ref = []
    for line in open(ref_path, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[0] == "zh":
            continue
        ref.append((cells[0], [r.strip() for r in cells[1].split(" | ")]))
    got = {}
    for line in open(out_path, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[0] == "zh":
            continue
        got.setdefault(cells[0], norm(cells[1]))
    found = 0
    for zh, ens in ref:
        ok = zh in got and got[zh] in {norm(e) for e in ens}
        found += ok
        if not ok and "--misses" in argv:
            print(f"miss\t{zh}\t{got.get(zh, '-')}\t{' | '.join(ens)}", file=sys.stderr)
    print(f"recall {found}/{len(ref)} = {found / max(len(ref), 1):.3f}; "
          f"glossary pairs: {len(got)}")


if __name__ == "__main__":
    main(sys.argv)
