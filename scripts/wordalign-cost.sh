#!/bin/sh
# Instructions spent in word alignment (align_bitext) on document pairs, counted by
# callgrind (independent of the machine's load): a run with word alignment minus a
# run without. Usage: scripts/wordalign-cost.sh [KEY=VALUE]... ZH EN [ZH EN]...
# Needs valgrind and `cargo build --release --example wordalign_time`.
set -e
bin="$(dirname "$0")/../target/release/examples/wordalign_time"
count() {
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>"$out" >/dev/null
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out"
    rm -f "$out"
}
with=$(count --repeat=1 "$@")
without=$(count --repeat=0 "$@")
echo "word alignment: $(( (with - without) / 1000000 )) M instructions ($with - $without)"
