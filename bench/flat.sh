#!/usr/bin/env bash
# Flat-folder benchmark (issue 19): N pages in ONE folder (no chapters), built with the release
# binary. Loading, ordering, slugs and navigation must stay linear: the time per page at 100k
# should be about the time per page at 10k. Prints wall time, peak memory and µs per page.
# bench/chapter.sh does the same for N pages inside one chapter folder (and flat, side by side).
#
# Usage: bench/flat.sh [--sizes "10000 100000"]
# Needs: python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="10000 100000"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
work=$(cd "$work" && pwd)
# The release binary, unless HANDBOOK_BIN names another (a debug build, to try the script).
if [ -z "${HANDBOOK_BIN:-}" ]; then
  cargo build --release --quiet
  HANDBOOK_BIN="$PWD/target/release/handbook"
fi
hb="$HANDBOOK_BIN"

for n in $sizes; do
  dir="$work/flat-$n"
  if [ ! -d "$dir" ]; then
    python3 - "$dir" "$n" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{d}/content", exist_ok=True)
open(f"{d}/content/_index.md", "w").write("# Home\n\nWelcome.\n")
for i in range(n):
    with open(f"{d}/content/p{i:06d}.md", "w") as f:
        f.write(f"# Page {i}\n\nSome text about page {i} with a [link](p{(i + 1) % n:06d}.md).\n")
PY
  fi
  rm -rf "$work/out-flat-$n"
  /usr/bin/time -o "$work/time.txt" -f "%e %M" "$hb" build --quiet --root "$dir" --out "$work/out-flat-$n"
  t=$(tail -n1 "$work/time.txt")
  secs="${t% *}" kb="${t#* }"
  printf 'flat %7s pages  %7.2f s  %6.0f MiB  %6.1f µs/page\n' "$n" "$secs" "$(echo "$kb / 1024" | bc -l)" "$(echo "$secs * 1000000 / $n" | bc -l)"
done
