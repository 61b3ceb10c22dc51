#!/usr/bin/env bash
# Alignment time and peak memory at 1k, 10k and 100k sentences a side: the dev
# corpora concatenated (repeated as needed) into one pre-split document pair.
# usage: scripts/bench-scale.sh [BITEXT_BINARY] [SIZES...]
set -euo pipefail
bin=${1:-target/release/bitext}; shift || true
sizes=${*:-1000 10000 100000}
shared=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One pool of parallel documents; each copy keeps zh and en documents in step.
for n in $sizes; do
  : > "$work/pool.zh" ; : > "$work/pool.en"
  while [ "$(wc -l < "$work/pool.zh")" -lt "$n" ]; do
    for f in "$shared"/corpora/*/zh/*; do
      cat "$f" >> "$work/pool.zh"; cat "${f/\/zh\//\/en\/}" >> "$work/pool.en"
    done
  done
  head -n "$n" "$work/pool.zh" > "$work/zh"; head -n "$n" "$work/pool.en" > "$work/en"
  zn=$(wc -l < "$work/zh"); en=$(wc -l < "$work/en")
  /usr/bin/time -v "$bin" align --presplit --format beads "$work/zh" "$work/en" -o "$work/out" 2> "$work/time"
  secs=$(grep "Elapsed (wall clock)" "$work/time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time" | awk '{print $NF}')
  printf 'zh=%-7s en=%-7s wall=%-9s peak_rss_mb=%s\n' "$zn" "$en" "$secs" "$((rss / 1024))"
done
