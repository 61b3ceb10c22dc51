#!/usr/bin/env python3
"""Bead-text precision, recall and F1 of an end-to-end alignment (raw documents in,
beads out) against a gold alignment of gold sentences.

Sentence ids cannot be compared when the sentences were split by the aligner itself,
so beads are compared by their texts: a test bead is a hit when its Chinese and its
English text (all whitespace removed) equal those of a gold bead. As in
align_score.py, precision counts test beads with one side empty and recall ignores
gold beads with one side empty.

usage: scripts/bead-text-f1.py ZH_SENTENCES EN_SENTENCES GOLD.align TEST.tsv [--misses]
  ZH_SENTENCES, EN_SENTENCES: one gold sentence per line; GOLD.align: `[zh ids]:[en ids]`
  per line; TEST.tsv: what `bitext align --format tsv` writes.
"""
import ast
import csv
import re
import sys


def key(text):
    return re.sub(r"\s+", "", text)


def gold_beads(zh_path, en_path, align_path):
    zs = open(zh_path, encoding="utf-8").read().split("\n")
    es = open(en_path, encoding="utf-8").read().split("\n")
    beads = []
    for line in open(align_path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        z, e = line.split(":")
        z, e = ast.literal_eval(z), ast.literal_eval(e)
        beads.append((key("".join(zs[i] for i in z)), key(" ".join(es[j] for j in e))))
    return beads


def test_beads(tsv_path):
    with open(tsv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(key(r[0]), key(r[1])) for r in rows[1:] if r]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 4:
        sys.exit(__doc__)
    gold = gold_beads(*args[:3])
    test = test_beads(args[3])
    gold_set = set(gold)
    test_set = set(test)
    hits_p = sum(1 for b in test if b in gold_set)
    full_gold = [b for b in gold if b[0] and b[1]]
    hits_r = sum(1 for b in full_gold if b in test_set)
    p = hits_p / len(test) if test else 0.0
    r = hits_r / len(full_gold) if full_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"p={p:.3f} r={r:.3f} f1={f:.3f} test={len(test)} gold={len(gold)}")
    if "--misses" in sys.argv:
        for b in test:
            if b not in gold_set:
                print("TEST ", b[0][:50], "|", b[1][:70])
        for b in full_gold:
            if b not in test_set:
                print("GOLD ", b[0][:50], "|", b[1][:70])


if __name__ == "__main__":
    main()
