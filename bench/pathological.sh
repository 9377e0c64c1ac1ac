#!/usr/bin/env bash
# Pathological-input benchmark (issue 19): inputs that once took quadratic time. Builds one
# handbook per case with the release binary (or $HANDBOOK_BIN) and prints the wall time of
# `handbook check` (the build stages without writing). Each case should take about a second.
#
#   links     400,000 links on one line of one page (columns are counted incrementally)
#   options   one exercise question with 100,000 options (duplicate check with a hash map)
#   ordering  one ordering question with 100,000 items
#   answers   a multiple-choice question with 100,000 options, every one a correct answer
#
# Usage: bench/pathological.sh [CASE...]   (default: all). Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HANDBOOK_BIN:-}" ]; then
  cargo build --release --quiet
  HANDBOOK_BIN="$PWD/target/release/handbook"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases="${*:-links options ordering answers}"
for c in $cases; do
  root="$work/$c"
  mkdir -p "$root/content"
  printf 'title = "Bench"\n[links]\nbroken = "warn"\n' >"$root/handbook.toml"
  python3 - "$c" "$root/content/_index.md" <<'PY'
import sys
case, path = sys.argv[1], sys.argv[2]
n = 100_000
with open(path, "w") as f:
    f.write("# Bench\n\n## X\n\n")
    if case == "links":
        f.write(" ".join("[a](#x)" for _ in range(400_000)) + "\n")
    else:
        f.write('```exercise\nid = "bench"\n[[question]]\n')
        if case == "ordering":
            f.write('type = "ordering"\nprompt = "Order"\nitems = [')
            f.write(", ".join(f'"item {i}"' for i in range(n)) + "]\n")
        else:
            kind = "multiple" if case == "answers" else "single"
            f.write(f'type = "{kind}"\nprompt = "Pick"\noptions = [')
            f.write(", ".join(f'"option {i}"' for i in range(n)) + "]\n")
            f.write("answer = " + ("[" + ", ".join(str(i + 1) for i in range(n)) + "]" if case == "answers" else "1") + "\n")
        f.write("```\n")
PY
  start=$(date +%s.%N)
  "$HANDBOOK_BIN" check --root "$root" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  printf '%-9s %6.2f s\n' "$c" "$(echo "$end - $start" | bc)"
done
