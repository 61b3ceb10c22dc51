#!/usr/bin/env bash
# A long structured document pair for scaling measurements: the bundled sample
# (corpora/digital-governance) repeated K times, each copy under its own part heading
# (第K部分 / Part K.), written to OUT/zh.txt and OUT/en.txt.
# usage: scripts/repeat-sample.sh K OUT
# e.g.   scripts/repeat-sample.sh 400 /tmp/k400 &&
#        /usr/bin/time -v target/release/bitext align /tmp/k400/zh.txt /tmp/k400/en.txt -o /dev/null
set -euo pipefail
k=${1:?usage: repeat-sample.sh K OUT}; out=${2:?usage: repeat-sample.sh K OUT}
sample=$(dirname "$0")/../corpora/digital-governance
mkdir -p "$out"
: > "$out/zh.txt"; : > "$out/en.txt"
for ((i = 1; i <= k; i++)); do
  { printf '第%d部分\n' "$i"; cat "$sample/zh.txt"; } >> "$out/zh.txt"
  { printf 'Part %d.\n' "$i"; cat "$sample/en.txt"; } >> "$out/en.txt"
done
printf '%s: %d paragraphs a side\n' "$out" "$(grep -c . "$out/zh.txt")" >&2
