#!/usr/bin/env bash
# The test command of handbook: installs what the tests need on a Debian machine that has Rust
# and Node.js, then runs every test (`cargo test`: unit, integration, the shared text vectors
# and the browser suite). Arguments go to cargo: `./test.sh --test build` runs one target.
#
# Installs only what is missing, so a second run starts the tests at once:
#   - Debian packages (apt-get, as root or through sudo): chromium (the browser tests drive
#     /usr/bin/chromium; no browser is ever downloaded), default-jre-headless when there is no
#     Java 11+ (the Nu Html Checker), fonts-dejavu-core (text renders the same everywhere) and
#     libxml2-utils (xmllint);
#   - the npm packages of package-lock.json (`npm ci --ignore-scripts`: vnu-jar's install
#     script would fetch a Java runtime of its own), when node_modules does not hold exactly
#     the locked versions.
# Set HANDBOOK_TEST_NO_INSTALL=1 to install nothing and only say what is missing.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'test.sh: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

# ----------------------------------------------------------------------------- Rust and Node
command -v cargo >/dev/null 2>&1 || die "cargo is not on PATH: install Rust first (rustup, or Debian's cargo)"
command -v node >/dev/null 2>&1 || die "node is not on PATH: install Node.js 20 or later (Debian: apt-get install nodejs npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js 20 or later is needed, found $(node --version)"

# ----------------------------------------------------------------------------- Debian packages
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
java_major=0
if command -v java >/dev/null 2>&1; then
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  java_major=${java_major:-0}
fi
[ "$java_major" -ge 11 ] || need+=(default-jre-headless)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)

if [ "${#need[@]}" -gt 0 ]; then
  install="apt-get install -y --no-install-recommends ${need[*]}"
  [ -z "${HANDBOOK_TEST_NO_INSTALL:-}" ] || die "missing: ${need[*]}; install them with: $install"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    die "missing: ${need[*]}, and this is not root and there is no sudo; as root, run: apt-get update && $install"
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing: ${need[*]}, and there is no apt-get (this script is for Debian); install them with your package manager"
  say "installing ${need[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

# ----------------------------------------------------------------------------- npm packages
# Every package the lock file names at the top of node_modules must be installed at its locked
# version; otherwise `npm ci` installs the lock file afresh.
npm_stale=$(node -e '
  const fs = require("fs");
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages || {};
  const stale = Object.keys(lock).filter((p) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(p)).filter((p) => {
    try {
      return JSON.parse(fs.readFileSync(p + "/package.json", "utf8")).version !== lock[p].version;
    } catch {
      return true;
    }
  });
  process.stdout.write(stale.map((p) => p.slice("node_modules/".length)).join(" "));
')
if [ -n "$npm_stale" ]; then
  [ -z "${HANDBOOK_TEST_NO_INSTALL:-}" ] || die "npm packages missing or not at the locked version: $npm_stale; install them with: npm ci --ignore-scripts"
  # npm ci empties node_modules first: never through a link to a folder shared with others.
  [ ! -L node_modules ] || die "node_modules is a link ($(readlink node_modules)) and does not hold the locked packages ($npm_stale): update the folder it points to, or remove the link and run ./test.sh again"
  command -v npm >/dev/null 2>&1 || die "npm is not on PATH (Debian: apt-get install npm)"
  say "installing the npm packages of package-lock.json ($npm_stale)"
  npm ci --ignore-scripts --no-audit --no-fund
fi

# ----------------------------------------------------------------------------- the tests
exec cargo test "$@"
