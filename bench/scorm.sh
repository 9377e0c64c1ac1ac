#!/usr/bin/env bash
# SCORM export benchmark (issue 22): `handbook export scorm` of the bundled handbook, both
# versions, in a release build, against `handbook build` of the same handbook. Prints the wall
# time and CPU time of each run and the package's size; the target is under a second of wall
# time for the bundled handbook.
#
# Usage: bench/scorm.sh [--runs N]
# Needs: GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cargo build --release --quiet
hb="$PWD/target/release/handbook"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for version in 1.2 2004; do
  for i in $(seq "$runs"); do
    /usr/bin/time -f "export scorm $version: %e s wall, %U s user, %M KB peak" \
      "$hb" export scorm --root . --out "$work/p.zip" --version "$version" -q 2>&1 | grep wall
  done
  echo "package: $(stat -c %s "$work/p.zip") bytes, $(python3 -c 'import sys,zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))' "$work/p.zip" 2>/dev/null || echo '?') files"
done
for i in $(seq "$runs"); do
  /usr/bin/time -f "build (for comparison): %e s wall, %U s user" "$hb" build --root . --out "$work/site" -q 2>&1 | grep wall
done
