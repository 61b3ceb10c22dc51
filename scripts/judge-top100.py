#!/usr/bin/env python3
"""Verdicts on the top pairs of `bitext glossary`, kept without the text they judge.

The pairs come from a dev corpus (../shared), whose text stays out of the project, so
the verdict file holds a fingerprint of each judged pair (FNV-1a 64 of "zh<TAB>en",
UTF-8, as tests/glossary.rs computes it) and the verdict, not the pair itself.

Usage:
  scripts/judge-top100.py show VERDICTS GLOSSARY.tsv > to-judge.tsv
      the glossary's rows as `rank zh en accept`, accept filled from VERDICTS
      (yes/no) or `?` for a pair not judged yet
  scripts/judge-top100.py add VERDICTS JUDGED.tsv
      adds the yes/no rows of a `rank zh en accept` file to VERDICTS (a pair judged
      again takes the new verdict)

Make the glossary as the test does: the pol-dev gold alignment as a TSV
(`scripts/glossary-recall.py --gold-tsv ZH EN GOLD > pairs.tsv`), then
`bitext glossary --aligned pairs.tsv --dict ../shared/dict/cedict_1_0_ts_utf-8_mdbg.txt.gz --top 100`.
"""
import sys


def fingerprint(zh, en):
    h = 0xCBF29CE484222325
    for b in f"{zh}\t{en}".encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def read_verdicts(path):
    header, verdicts = [], {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("fingerprint\t"):
            header.append(line)
            continue
        key, verdict = line.rstrip("\n").split("\t")
        verdicts[key] = verdict
    return header, verdicts


def main(argv):
    if len(argv) != 4 or argv[1] not in ("show", "add"):
        sys.exit(__doc__)
    header, verdicts = read_verdicts(argv[2])
    rows = [l.rstrip("\n").split("\t") for l in open(argv[3], encoding="utf-8")
            if l.strip() and not l.startswith("#")]
    if argv[1] == "show":
        print("rank\tzh\ten\taccept")
        body = [r for r in rows if r[0] != "zh"]
        for rank, (zh, en, *_) in enumerate(body, 1):
            print(f"{rank}\t{zh}\t{en}\t{verdicts.get(fingerprint(zh, en), '?')}")
        return
    for r in rows:
        if r[0] == "rank" or len(r) < 4 or r[3] not in ("yes", "no"):
            continue
        verdicts[fingerprint(r[1], r[2])] = r[3]
    with open(argv[2], "w", encoding="utf-8") as f:
        f.writelines(header)
        for key in sorted(verdicts):
            f.write(f"{key}\t{verdicts[key]}\n")


if __name__ == "__main__":
    main(sys.argv)
