#!/usr/bin/env bash
# Align the dev corpora in ../shared/corpora (gold sentence splits, --presplit) and
# score them against gold with `bitext eval`. Extra arguments go to `bitext align`.
# usage: scripts/eval-dev.sh [BITEXT_BINARY] [-- ALIGN_ARGS...]
set -euo pipefail
bin=${1:-target/release/bitext}; shift || true
[ "${1:-}" = "--" ] && shift
shared=${SHARED:-../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in pol-dev aca mac-dev; do
  mkdir -p "$out/$corpus"
  for f in "$shared/corpora/$corpus/zh/"*; do
    name=$(basename "$f")
    "$bin" align --presplit --format beads "$@" "$f" "$shared/corpora/$corpus/en/$name" \
      -o "$out/$corpus/$name.align" 2>/dev/null
  done
  printf '%-8s %s\n' "$corpus" "$("$bin" eval "$shared/corpora/$corpus/gold" "$out/$corpus")"
done
