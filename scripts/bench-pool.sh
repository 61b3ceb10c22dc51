#!/usr/bin/env bash
# Effect of `batch --pool-lexicon`: each dev corpus cut into short pairs of W gold beads
# (many short documents of one domain), aligned with and without the pooled lexicon,
# strict F1 against the gold beads of each piece. Also the whole documents.
# usage: scripts/bench-pool.sh BITEXT [W]
set -euo pipefail
bin=$(realpath "$1"); width=${2:-8}
shared=$(realpath "${SHARED:-../shared}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for corpus in pol-dev aca mac-dev; do
  python3 - "$shared/corpora/$corpus" "$work/$corpus" "$width" <<'PY'
import os, sys
src, out, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
for d in ("zh", "en", "gold"): os.makedirs(f"{out}/{d}")
ids = lambda s: [int(x) for x in s.strip("[] ").split(",") if x.strip()]
for name in sorted(os.listdir(f"{src}/zh")):
    zh = open(f"{src}/zh/{name}").read().splitlines()
    en = open(f"{src}/en/{name}").read().splitlines()
    beads = [tuple(map(ids, l.strip().split(":"))) for l in open(f"{src}/gold/{name}.align")]
    for k in range(0, len(beads) - width + 1, width):
        window = beads[k:k + width]
        z0 = min((i for b in window for i in b[0]), default=0)
        e0 = min((j for b in window for j in b[1]), default=0)
        piece = f"{name}-{k:04d}"
        open(f"{out}/zh/{piece}", "w").writelines(zh[i] + "\n" for b in window for i in b[0])
        open(f"{out}/en/{piece}", "w").writelines(en[j] + "\n" for b in window for j in b[1])
        fmt = lambda v, o: "[" + ", ".join(str(x - o) for x in v) + "]"
        open(f"{out}/gold/{piece}.align", "w").writelines(
            f"{fmt(b[0], z0)}:{fmt(b[1], e0)}\n" for b in window)
PY
  pieces=$(ls "$work/$corpus/zh" | wc -l)
  for pool in "" --pool-lexicon; do
    "$bin" batch "$work/$corpus" --presplit --format beads --out-dir "$work/out$pool-$corpus" \
      --quiet $pool 2>/dev/null || true
    printf '%-8s %4d pieces of %d beads %-15s %s\n' "$corpus" "$pieces" "$width" "${pool:-(alone)}" \
      "$("$bin" eval "$work/$corpus/gold" "$work/out$pool-$corpus" | cut -d' ' -f1-3)"
  done
  for pool in "" --pool-lexicon; do
    "$bin" batch "$shared/corpora/$corpus" --presplit --format beads --quiet $pool \
      --out-dir "$work/whole$pool-$corpus" 2>/dev/null || true
    printf '%-8s whole documents          %-15s %s\n' "$corpus" "${pool:-(alone)}" \
      "$("$bin" eval "$shared/corpora/$corpus/gold" "$work/whole$pool-$corpus" | cut -d' ' -f1-3)"
  done
done
