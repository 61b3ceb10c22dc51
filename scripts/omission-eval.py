#!/usr/bin/env python3
"""Sentences left out of a translation: are they reported?

For each dev document (pre-split, one sentence a line), English sentences of 1-1 gold
beads are deleted one at a time; `bitext check --presplit` then aligns the documents
itself and checks them. A deletion counts as found when a finding at the default
severity (warning and above) sits on the bead holding the Chinese sentence whose
translation was deleted. The clean documents' findings of the same run are printed
too (by type), the noise such a check adds.

Usage: scripts/omission-eval.py [--bin BITEXT] [--shared DIR] [--per-doc N] [--seed S]
                                [--skip TYPE]...
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = {"error", "warning"}


def gold_beads(path):
    beads = []
    for line in open(path, encoding="utf-8"):
        if ":" not in line:
            continue
        zh, en = line.strip().split(":")
        parse = lambda s: [int(x) for x in s.strip("[] ").split(",") if x.strip()]
        beads.append((parse(zh), parse(en)))
    return beads


def check(binary, zh_path, en_path, skip=()):
    out = subprocess.run(
        [binary, "check", "--presplit", "--format", "json", zh_path, en_path]
        + [a for t in skip for a in ("--skip", t)],
        capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"bitext check failed on {en_path}: {out.stderr}")
    return json.loads(out.stdout)["findings"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "bitext"))
    ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip", action="append", default=[],
                    help="a finding type check does not look for (the figure without it)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    found = total = 0
    by_kind = Counter()
    noise = Counter()
    tmp = tempfile.mkdtemp(prefix="omission-eval-")
    for corpus in ("pol-dev", "aca", "mac-dev"):
        base = os.path.join(args.shared, "corpora", corpus)
        for name in sorted(os.listdir(os.path.join(base, "zh"))):
            zh_path = os.path.join(base, "zh", name)
            en_path = os.path.join(base, "en", name)
            gold = os.path.join(base, "gold", name + ".align")
            if not os.path.exists(gold):
                continue
            zh = open(zh_path, encoding="utf-8").read().splitlines()
            en = open(en_path, encoding="utf-8").read().splitlines()
            clean = check(args.bin, zh_path, en_path, args.skip)
            for f in clean:
                if f["severity"] in DEFAULT:
                    noise[(corpus, f["type"])] += 1
            one_one = [(z[0], e[0]) for z, e in gold_beads(gold)
                       if len(z) == 1 and len(e) == 1 and len(zh[z[0]]) >= 8]
            for zi, ei in rng.sample(one_one, min(args.per_doc, len(one_one))):
                cut = os.path.join(tmp, f"{corpus}-{name}-{ei}.en")
                with open(cut, "w", encoding="utf-8") as f:
                    f.write("\n".join(en[:ei] + en[ei + 1:]) + "\n")
                findings = check(args.bin, zh_path, cut, args.skip)
                sentence = zh[zi].strip()
                hits = [f for f in findings if f["severity"] in DEFAULT
                        and sentence in (f.get("zh") or "")]
                total += 1
                if hits:
                    found += 1
                    by_kind[hits[0]["type"]] += 1
                os.remove(cut)
    print(f"deleted English sentences reported at the default severity: {found} / {total}")
    print("  by the finding type that reported them:", dict(by_kind))
    print("default findings on the clean documents (aligned by bitext), by type:")
    for (corpus, kind), n in sorted(noise.items()):
        print(f"  {corpus:8} {kind:22} {n}")


if __name__ == "__main__":
    main()
