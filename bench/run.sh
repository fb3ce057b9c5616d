#!/usr/bin/env bash
# Benchmark (not part of the test suite): builds the app and the bare-Leptos baseline with
# the same toolchain and profile, then measures first-visit bytes, interaction times and
# Lighthouse scores. Results: bench/out/results.json and a table.
#   bench/run.sh            everything (Lighthouse adds about ten minutes)
#   bench/run.sh --quick    bytes and interaction times only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
source scripts/versions.env
if [ "${1:-}" != "--quick" ] && [ ! -x bench/node_modules/.bin/lighthouse ]; then
  (cd bench && npm install --no-audit --no-fund --silent "lighthouse@${LIGHTHOUSE_VERSION}")
fi
trunk build --release
(cd bench/baseline && trunk build --release)
if [ "${1:-}" = "--quick" ]; then
  BENCH_NO_LIGHTHOUSE=1 node bench/measure.mjs
else
  node bench/measure.mjs
fi
