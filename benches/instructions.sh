#!/usr/bin/env bash
# Instructions per call of each case of the `visitor` bench, counted by
# valgrind (cachegrind without cache simulation): (count with N calls -
# count with 0 calls) / N. Unlike times, counts do not move with the load
# of a shared machine. Needs valgrind.
#
#   bash benches/instructions.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
cargo build -q --release --manifest-path benches/Cargo.toml --target-dir "${CARGO_TARGET_DIR:-target}" --example instructions
bin="${CARGO_TARGET_DIR:-target}/release/examples/instructions"

count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$bin" "$1" "$2" 2>&1 | awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}

printf '| case | instructions per call |\n|---|---:|\n'
for case in $("$bin" list); do
    base=$(count "$case" 0)
    total=$(count "$case" "$n")
    printf '| %s | %d |\n' "$case" $(( (total - base) / n ))
done
