#!/usr/bin/env python3
"""Alignment error rate (Och & Ney 2003) of Pharaoh word links against a gold file
with sure and possible links (`i-j` sure, `i-j-P` possible), one sentence per line.

    python3 scripts/aer.py GOLD TEST [--zh ZH --en EN --show N]

Prints AER, precision (test links that are possible) and recall (sure links found).
With --zh/--en (the tokenized sentences) and --show N, prints the first N sentences'
missed sure links and wrong links as words.
"""
import argparse
import sys


def parse(line, gold):
    sure, possible = set(), set()
    for item in line.split():
        is_possible = gold and item.endswith(("-P", "-p"))
        if is_possible:
            item = item[:-2]
        i, j = item.split("-")[:2]
        link = (int(i), int(j))
        possible.add(link)
        if not is_possible:
            sure.add(link)
    return sure, possible


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("test")
    ap.add_argument("--zh")
    ap.add_argument("--en")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    gold = [parse(l, True) for l in open(args.gold, encoding="utf-8")]
    test = [parse(l, False)[0] for l in open(args.test, encoding="utf-8")]
    if len(gold) != len(test):
        sys.exit(f"aer.py: {args.gold} has {len(gold)} lines, {args.test} has {len(test)}")
    zh = [l.split() for l in open(args.zh, encoding="utf-8")] if args.zh else None
    en = [l.split() for l in open(args.en, encoding="utf-8")] if args.en else None
    a = s = a_s = a_p = 0
    for k, ((sure, possible), links) in enumerate(zip(gold, test)):
        a += len(links)
        s += len(sure)
        a_s += len(links & sure)
        a_p += len(links & possible)
        if zh and en and k < args.show:
            word = lambda l: f"{zh[k][l[0]]}-{en[k][l[1]]}"
            print(f"# {k}: {' '.join(zh[k])}\n#    {' '.join(en[k])}")
            print("  missed:", " ".join(word(l) for l in sorted(sure - links)))
            print("  wrong: ", " ".join(word(l) for l in sorted(links - possible)))
    aer = 1 - (a_s + a_p) / max(a + s, 1)
    print(f"AER {aer:.3f}  P {a_p / max(a, 1):.3f}  R {a_s / max(s, 1):.3f}  "
          f"({len(gold)} sentences, {a} test links, {s} sure links)")


if __name__ == "__main__":
    main()
