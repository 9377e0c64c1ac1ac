#!/usr/bin/env bash
# Search benchmark (issue 7): index size, indexing time and search latency in the real page.
#
# Builds the bundled handbook and the 10,000-page corpus of bench/gen_corpus.py
# (--format plain) with the release binary, printing for each the indexing time (best of N
# builds, from HANDBOOK_SEARCH_STATS), the whole build's wall time and peak memory, then runs
# bench/search-latency.js (headless Chromium via playwright-core): total index bytes, bytes the
# first search downloads, latency from keystroke to results rendered (cold: a fresh page; warm:
# the index loaded), median and p95 over the queries (a stemmed query, a typo, several words,
# a prefix).
#
# Usage: bench/search.sh [--sizes "bundled 10000"] [--runs N]
# Needs: python3, GNU time (/usr/bin/time), node, /usr/bin/chromium, node_modules
# (npm ci --ignore-scripts). BENCH_DIR (default target/bench) holds corpora and sites.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="bundled 10000"
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
  HANDBOOK_BIN="${CARGO_TARGET_DIR:-target}/release/handbook"
fi
hb="$HANDBOOK_BIN"

# build NAME ROOT: best-of-N indexing time, then the site in $work/search-NAME
build() {
  local name="$1" root="$2" out="$work/search-$1" best="" line t
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    line=$(HANDBOOK_SEARCH_STATS=1 /usr/bin/time -o "$work/time.txt" -f "%e %M" \
      "$hb" build --quiet --root "$root" --out "$out" 2>&1 >/dev/null | grep '^search:' || true)
    t=$(echo "$line" | sed -n 's/.*indexed in \([0-9]*\) ms, files in \([0-9]*\) ms.*/\1 \2/p')
    local ms=$(( ${t% *} + ${t#* } ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then
      best="$ms"; best_line="$line"; best_time=$(tail -n1 "$work/time.txt")
    fi
  done
  echo "$name: $best_line"
  printf '%s: index built in %s ms (best of %s); whole build %s s, peak %s MiB\n' \
    "$name" "$best" "$runs" "${best_time% *}" "$(( ${best_time#* } / 1024 ))"
}

for n in $sizes; do
  if [ "$n" = bundled ]; then
    build bundled .
    queries="validating;valdation ;rupture repair;supervision shared language;bond;supervis"
  else
    corpus="$work/corpus-plain-$n"
    [ -d "$corpus" ] || python3 "$gen" --pages "$n" --format plain --out "$corpus" >/dev/null
    build "$n" "$corpus"
    printf '%s: Markdown %s bytes\n' "$n" "$(find "$corpus/" -name '*.md' -print0 | xargs -0 cat | wc -c)"
    queries="escalating;escalaton ;shift handover;maintenance schedul;feedback;hazard"
  fi
  node bench/search-latency.js --site "$work/search-$n" --label "$n" --runs "$runs" --queries "$queries"
  echo
done
