#!/usr/bin/env bash
# Many pairs: bitext batch in one process against one process per pair (bitext align,
# and hunalign with CC-CEDICT as the shared baselines ran it), on the literary dev
# chapters repeated to 24 pairs (mac-dev x4). Prints wall and CPU seconds and strict F1.
#
# usage: scripts/bench-batch.sh BITEXT HUNALIGN PYTHON_WITH_JIEBA [COPIES]
#   HUNALIGN: a hunalign binary (built from its source; not part of bitext), or - to skip
#   PYTHON_WITH_JIEBA: a python that imports jieba (hunalign needs tokenised Chinese)
set -euo pipefail
bin=$(realpath "$1"); hun=$2; py=$3; copies=${4:-4}
shared=$(realpath "${SHARED:-../shared}")
src=$shared/corpora/mac-dev
dict=$shared/dict/cedict_1_0_ts_utf-8_mdbg.txt.gz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/set/zh" "$work/set/en" "$work/gold"
for c in $(seq 1 "$copies"); do
  for f in "$src"/zh/*; do n=$(basename "$f")
    cp "$f" "$work/set/zh/c$c-$n"; cp "$src/en/$n" "$work/set/en/c$c-$n"
    cp "$src/gold/$n.align" "$work/gold/c$c-$n.align"
  done
done
pairs=$(ls "$work/set/zh" | wc -l)
echo "set: $pairs pairs, $(cat "$work"/set/zh/* | wc -l) zh / $(cat "$work"/set/en/* | wc -l) en sentences"

timed() { # label command...: wall and user+sys seconds of the command
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@"
  read -r wall user sys < "$work/time"
  printf '%-34s wall %6.2f s  cpu %6.2f s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)"
}

mkdir -p "$work/alone"
timed "bitext align, one process a pair" bash -c '
  for f in "$1"/set/zh/*; do n=$(basename "$f")
    "$2" align --presplit --format beads "$f" "$1/set/en/$n" -o "$1/alone/$n.align" 2>/dev/null
  done' _ "$work" "$bin"
echo "  $("$bin" eval "$work/gold" "$work/alone")"
timed "bitext batch, one process" "$bin" batch "$work/set" --presplit --format beads \
  --out-dir "$work/batch" --quiet 2>/dev/null
echo "  $("$bin" eval "$work/gold" "$work/batch")"
cmp -s <(cat "$work"/alone/*.align) <(cat "$work"/batch/c*.align) \
  && echo "  batch beads identical to one process a pair" || echo "  batch beads DIFFER"

[ "$hun" = - ] && exit 0
# hunalign: jieba-tokenised Chinese, lower-cased English, CC-CEDICT as `en @ zh` lines.
"$py" - "$work" "$dict" <<'PY'
import gzip, os, re, sys, jieba
work, dict_path = sys.argv[1], sys.argv[2]
jieba.setLogLevel(60)
os.makedirs(f"{work}/tok", exist_ok=True)
for n in os.listdir(f"{work}/set/zh"):
    with open(f"{work}/set/zh/{n}") as f, open(f"{work}/tok/{n}.zh", "w") as out:
        for line in f:
            out.write(" ".join(w for w in jieba.cut(line.strip()) if w.strip()) + "\n")
    with open(f"{work}/set/en/{n}") as f, open(f"{work}/tok/{n}.en", "w") as out:
        for line in f:
            out.write(" ".join(re.findall(r"\w+|[^\w\s]", line.lower())) + "\n")
with gzip.open(dict_path, "rt") as f, open(f"{work}/hun.dic", "w") as out:
    for line in f:
        if line.startswith("#"): continue
        m = re.match(r"(\S+) (\S+) \[[^]]*\] /(.*)/", line)
        if not m: continue
        for gloss in m.group(3).split("/"):
            gloss = re.sub(r"\([^)]*\)", "", gloss).lower().strip()
            if gloss and len(gloss.split()) <= 3 and not re.search(r"[^a-z '\-]", gloss):
                out.write(f"{gloss} @ {m.group(2)}\n")
PY
mkdir -p "$work/hun"
# hunalign writes a translate.txt into the folder it runs in: run it in the scratch one.
timed "hunalign + CC-CEDICT, one a pair" bash -c 'cd "$1"
  for f in "$1"/tok/*.zh; do n=$(basename "$f" .zh)
    "$2" -onebyteencoding "$1/hun.dic" "$f" "$1/tok/$n.en" > "$1/hun/$n.ladder" 2>/dev/null
  done' _ "$work" "$hun"
# Ladder rungs (i j score) to beads between consecutive rungs.
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
for f in os.listdir(f"{work}/hun"):
    rungs = [tuple(map(int, l.split()[:2])) for l in open(f"{work}/hun/{f}") if l.strip()]
    with open(f"{work}/hun/{f[:-len('.ladder')]}.align", "w") as out:
        for (i, j), (k, l) in zip(rungs, rungs[1:]):
            fmt = lambda a, b: "[" + ", ".join(map(str, range(a, b))) + "]"
            out.write(f"{fmt(i, k)}:{fmt(j, l)}\n")
PY
echo "  $("$bin" eval "$work/gold" "$work/hun")"
