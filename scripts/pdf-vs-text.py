#!/usr/bin/env python3
"""How much of aligning the text survives aligning the PDFs: the share of the beads
of `bitext align ZH.txt EN.txt` that `bitext align ZH.pdf EN.pdf` reproduces exactly
(texts compared with white space removed), and whether the section trees of
`bitext segment` agree (headings' levels and section paths).

    python3 scripts/pdf-vs-text.py BITEXT ZH.txt EN.txt ZH.pdf EN.pdf
"""
import json
import subprocess
import sys


def run(bitext, *args):
    out = subprocess.run([bitext, *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def beads(bitext, zh, en):
    key = lambda s: "".join(s.split())
    return {(key(b["zh"]), key(b["en"])) for b in run(bitext, "align", zh, en, "--format", "jsonl", "-q")}


def tree(bitext, path):
    return [(u["level"], u["section"]) for u in run(bitext, "segment", path, "--format", "jsonl")
            if u["kind"] == "heading"]


def main():
    bitext, zh_txt, en_txt, zh_pdf, en_pdf = sys.argv[1:6]
    text = beads(bitext, zh_txt, en_txt)
    pdf = beads(bitext, zh_pdf, en_pdf)
    kept = len(text & pdf) / len(text)
    print(f"beads: {len(text)} from text, {len(pdf)} from PDF, {kept:.3f} of the text's reproduced")
    for t, p in ((zh_txt, zh_pdf), (en_txt, en_pdf)):
        a, b = tree(bitext, t), tree(bitext, p)
        print(f"section tree {p}: {len(b)} headings, {'same as' if a == b else 'DIFFERS from'} {t}")


if __name__ == "__main__":
    main()
