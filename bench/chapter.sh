#!/usr/bin/env bash
# Navigation-scale benchmark (issue 19): N pages inside ONE chapter folder, and (for comparison)
# N pages in a flat top level, built with the release binary. Every list of the sidebar beyond
# site::NAV_INLINE_MAX is windowed, so a page's size must not depend on how many siblings it has
# and the build must grow linearly. Prints wall time, CPU time (user + system: less swayed by
# other load on a shared machine), peak memory (GNU time), µs per page (wall), the output's size
# per page, the largest sibling page's size and nav.js's size.
#
# With --browser, also opens the middle page of each chapter build in Chromium
# (bench/nav-fill.js): time to DOMContentLoaded with the sidebar filled in from nav.js.
#
# Usage: bench/chapter.sh [--sizes "10000 50000 100000"] [--layouts "chapter flat"] [--browser]
# Needs: python3, GNU time (/usr/bin/time), bc; for --browser node, playwright-core, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="10000 50000 100000"
layouts="chapter flat"
browser=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --layouts) layouts="$2"; shift 2 ;;
    --browser) browser=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
work=$(cd "$work" && pwd)
cargo build --release --quiet
hb="$PWD/target/release/handbook"

# generate DIR N LAYOUT: a home page and N short pages, in content/01-big/ (with a landing
# page) for "chapter", directly in content/ for "flat"; each page links to the next.
generate() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
d, n, layout = sys.argv[1], int(sys.argv[2]), sys.argv[3]
folder = f"{d}/content/01-big" if layout == "chapter" else f"{d}/content"
os.makedirs(folder, exist_ok=True)
open(f"{d}/content/_index.md", "w").write("# Home\n\nWelcome.\n")
if layout == "chapter":
    open(f"{folder}/_index.md", "w").write("# Big chapter\n\nEvery page of this chapter.\n")
for i in range(n):
    with open(f"{folder}/p{i:06d}.md", "w") as f:
        f.write(f"# Page {i}\n\nSome text about page {i} with a [link](p{(i + 1) % n:06d}.md).\n")
PY
}

for layout in $layouts; do
  for n in $sizes; do
    dir="$work/$layout-$n"
    [ -d "$dir" ] || generate "$dir" "$n" "$layout"
    out="$work/out-$layout-$n"
    rm -rf "$out"
    /usr/bin/time -o "$work/time.txt" -f "%e %M %U %S" "$hb" build --quiet --root "$dir" --out "$out"
    t=$(tail -n1 "$work/time.txt")
    read -r secs kb user sys <<<"$t"
    cpu=$(echo "$user + $sys" | bc -l)
    pages_dir="$out"
    [ "$layout" = chapter ] && pages_dir="$out/big"
    bytes=$(du -sb "$out" | cut -f1)
    # The largest content page among the siblings (the landing page, which lists them all, aside).
    largest=$(find "$pages_dir" -maxdepth 1 -name 'p[0-9]*.html' -printf '%s\n' | sort -n | tail -n1)
    nav=$(stat -c %s "$out/nav.js")
    printf '%-7s %7s pages  %7.2f s  (CPU %6.2f s)  %6.0f MiB  %6.1f µs/page  %5.1f KB/page out  largest page %5.1f KB  nav.js %6.0f KB\n' \
      "$layout" "$n" "$secs" "$cpu" "$(echo "$kb / 1024" | bc -l)" "$(echo "$secs * 1000000 / $n" | bc -l)" \
      "$(echo "$bytes / $n / 1000" | bc -l)" "$(echo "$largest / 1000" | bc -l)" "$(echo "$nav / 1000" | bc -l)"
    if [ -n "$browser" ] && [ "$layout" = chapter ]; then
      node bench/nav-fill.js --page "$pages_dir/p$(printf '%06d' $((n / 2))).html"
    fi
  done
done
