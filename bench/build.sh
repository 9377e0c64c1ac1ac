#!/usr/bin/env bash
# Build benchmark: handbook against Hugo and mdBook on the generated corpora of
# bench/gen_corpus.py (1,000 and 10,000 pages; mdBook at 1,000 only, it grows
# quadratically). Prints wall time, peak memory and output bytes per page, and the ratios the
# targets are stated in (issue 2): 10k pages <= 0.2x Hugo's time, 1k pages <= 0.5x Hugo's,
# peak memory < 1 GiB at 10k, bytes per page flat from 1k to 10k.
#
# Usage: bench/build.sh [--sizes "1000 10000"] [--runs N]
# Needs: python3, GNU time (/usr/bin/time), hugo (apt-get install hugo), mdbook
# (cargo install mdbook --locked); a missing peer is reported and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="1000 10000"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
gen="${GEN_CORPUS:-bench/gen_corpus.py}"
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
work=$(cd "$work" && pwd)
# The release binary, unless HANDBOOK_BIN names another (a debug build, to try the script).
if [ -z "${HANDBOOK_BIN:-}" ]; then
  cargo build --release --quiet
  HANDBOOK_BIN="$PWD/target/release/handbook"
fi
hb="$HANDBOOK_BIN"

corpus() { # format pages
  local dir="$work/corpus-$1-$2"
  [ -d "$dir" ] || python3 "$gen" --pages "$2" --format "$1" --out "$dir" >/dev/null
  echo "$dir"
}

# measure NAME PAGES OUTDIR CMD...: best-of-N wall time, its peak RSS, output bytes per page
measure() {
  local name="$1" pages="$2" out="$3"; shift 3
  local best="" mem="" t
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>&1
    t=$(tail -n1 "$work/time.txt")
    local secs="${t% *}" kb="${t#* }"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best="$secs"; mem="$kb"; fi
  done
  local bytes
  bytes=$(du -sb "$out" | cut -f1)
  local total_pages
  total_pages=$(find "$out" -name '*.html' | wc -l)
  printf '%-8s %6s pages  %7.2f s  %7.0f MiB  %8.0f bytes/page (%d html files)\n' \
    "$name" "$pages" "$best" "$(echo "$mem / 1024" | bc -l)" "$(echo "$bytes / $total_pages" | bc -l)" "$total_pages"
  eval "T_${name}_${pages}=$best"
  eval "M_${name}_${pages}=$mem"
  eval "B_${name}_${pages}=$(echo "$bytes / $total_pages" | bc -l)"
}

for n in $sizes; do
  plain=$(corpus plain "$n")
  measure handbook "$n" "$work/out-handbook-$n" "$hb" build --quiet --root "$plain" --out "$work/out-handbook-$n"
  if command -v hugo >/dev/null; then
    h=$(corpus hugo "$n")
    measure hugo "$n" "$work/out-hugo-$n" hugo --quiet -s "$h" -d "$work/out-hugo-$n"
  else
    echo "hugo: not installed (apt-get install hugo), skipped"
  fi
  if [ "$n" -le 1000 ]; then
    if command -v mdbook >/dev/null; then
      m=$(corpus mdbook "$n")
      measure mdbook "$n" "$work/out-mdbook-$n" mdbook build "$m" -d "$work/out-mdbook-$n"
    else
      echo "mdbook: not installed (cargo install mdbook --locked), skipped"
    fi
  fi
done

echo
echo "ratios (targets: 1k <= 0.5x hugo, 10k <= 0.2x hugo; memory < 1024 MiB at 10k; bytes/page flat)"
for n in $sizes; do
  th="T_handbook_$n"; tg="T_hugo_$n"; tm="T_mdbook_$n"
  [ -n "${!tg:-}" ] && printf '  %6s pages: handbook/hugo time   = %.3f\n' "$n" "$(echo "${!th} / ${!tg}" | bc -l)"
  [ -n "${!tm:-}" ] && printf '  %6s pages: handbook/mdbook time = %.3f\n' "$n" "$(echo "${!th} / ${!tm}" | bc -l)"
  mh="M_handbook_$n"; mg="M_hugo_$n"
  [ -n "${!mg:-}" ] && printf '  %6s pages: handbook/hugo memory = %.3f\n' "$n" "$(echo "${!mh} / ${!mg}" | bc -l)"
done
set -- $sizes
if [ $# -ge 2 ]; then
  first="B_handbook_$1"; last="B_handbook_${!#}"
  printf '  bytes/page growth %s -> %s pages: %.3fx\n' "$1" "${!#}" "$(echo "${!last} / ${!first}" | bc -l)"
fi
