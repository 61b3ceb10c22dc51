#!/usr/bin/env bash
# N short document pairs cut from the dev corpora along their gold beads (windows of
# 20 beads), aligned as one batch: time and peak memory; then the same batch killed
# halfway and resumed, compared file by file with the uninterrupted run.
# usage: scripts/bench-many.sh BITEXT [N]
set -euo pipefail
bin=$(realpath "$1"); n=${2:-1000}
shared=$(realpath "${SHARED:-../shared}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$shared/corpora" "$work/pairs" "$n" <<'PY'
import os, sys
corpora, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for corpus in ["pol-dev", "aca", "mac-dev"]:
    for name in sorted(os.listdir(f"{corpora}/{corpus}/zh")):
        zh = open(f"{corpora}/{corpus}/zh/{name}").read().splitlines()
        en = open(f"{corpora}/{corpus}/en/{name}").read().splitlines()
        beads = []
        for line in open(f"{corpora}/{corpus}/gold/{name}.align"):
            a, b = line.strip().split(":")
            ids = lambda s: [int(x) for x in s.strip("[] ").split(",") if x.strip()]
            beads.append((ids(a), ids(b)))
        docs.append((zh, en, beads))
os.makedirs(f"{out}/zh"); os.makedirs(f"{out}/en")
width, k = 20, 0
while k < n:
    for zh, en, beads in docs:
        start = (k * 7) % max(1, len(beads) - width)
        window = beads[start:start + width]
        with open(f"{out}/zh/p{k:05d}", "w") as f:
            f.writelines(zh[i] + "\n" for b in window for i in b[0])
        with open(f"{out}/en/p{k:05d}", "w") as f:
            f.writelines(en[j] + "\n" for b in window for j in b[1])
        k += 1
        if k == n: break
PY
echo "set: $n pairs, $(cat "$work"/pairs/zh/* | wc -l) zh / $(cat "$work"/pairs/en/* | wc -l) en sentences"
args=(batch "$work/pairs" --presplit --format jsonl --combined "$work/OUT/all.tmx" --quiet)
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" "${args[@]/OUT/whole}" --out-dir "$work/whole" 2>/dev/null
read -r wall user sys rss < "$work/time"
echo "one batch: wall $wall s, cpu $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MB"

"$bin" "${args[@]/OUT/cut}" --out-dir "$work/cut" 2>/dev/null &
pid=$!
while [ "$(ls "$work/cut/.bitext-batch" 2>/dev/null | grep -c '\.json$')" -lt $((n / 2)) ]; do sleep 0.05; done
kill -9 $pid; wait $pid 2>/dev/null || true
echo "killed after $(ls "$work/cut/.bitext-batch" | grep -c '\.json$') pairs"
"$bin" "${args[@]/OUT/cut}" --out-dir "$work/cut" --resume 2>&1 | grep resuming
diff -r -q -x .bitext-batch -x 'summary.*' "$work/whole" "$work/cut" \
  && echo "resumed outputs identical to the uninterrupted run ($(ls "$work/whole" | wc -l) files)"
