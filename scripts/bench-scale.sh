#!/usr/bin/env bash
# Alignment time, peak memory and quality at about 1k, 10k and 100k sentences a side:
# the dev corpora's documents concatenated (repeated as needed, whole documents only,
# so both sides stay parallel) into one pre-split pair, with the gold alignments
# concatenated the same way so that strict F1 at scale is measured too.
# usage: scripts/bench-scale.sh [BITEXT_BINARY] [SIZES...]
# Extra `bitext align` arguments may be given in the environment: ALIGN_ARGS="--param band=4".
set -euo pipefail
bin=${1:-target/release/bitext}; shift || true
sizes=${*:-1000 10000 100000}
shared=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in $sizes; do
  : > "$work/zh"; : > "$work/en"; : > "$work/gold.align"
  oz=0; oe=0
  while [ "$oz" -lt "$n" ]; do
    for f in "$shared"/corpora/*/zh/*; do
      [ "$oz" -ge "$n" ] && break
      e=${f/\/zh\//\/en\/}; g=${f/\/zh\//\/gold\/}.align
      cat "$f" >> "$work/zh"; cat "$e" >> "$work/en"
      # Shift the document's gold bead ids by the lines already written.
      awk -v oz="$oz" -v oe="$oe" -F: '
        function shift(s, o,   inner, parts, i, out) {
          inner = s; gsub(/[\[\] ]/, "", inner)
          if (inner == "") return "[]"
          split(inner, parts, ","); out = ""
          for (i = 1; i in parts; i++) out = out (i > 1 ? ", " : "") (parts[i] + o)
          return "[" out "]"
        }
        NF { print shift($1, oz) ":" shift($2, oe) }' "$g" >> "$work/gold.align"
      oz=$((oz + $(wc -l < "$f"))); oe=$((oe + $(wc -l < "$e")))
    done
  done
  /usr/bin/time -v "$bin" align --presplit --format beads ${ALIGN_ARGS:-} "$work/zh" "$work/en" -o "$work/out.align" 2> "$work/time"
  wall=$(grep "Elapsed (wall clock)" "$work/time" | awk '{print $NF}')
  user=$(grep "User time" "$work/time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time" | awk '{print $NF}')
  f1=$("$bin" eval "$work/gold.align" "$work/out.align" | tr ' ' '\n' | grep f1_strict)
  printf 'zh=%-7s en=%-7s wall=%-8s user_s=%-6s peak_rss_mb=%-5s %s\n' "$oz" "$oe" "$wall" "$user" "$((rss / 1024))" "$f1"
done
