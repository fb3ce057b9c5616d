#!/usr/bin/env bash
# Builds the app and serves it at http://127.0.0.1:8080, rebuilding when files change.
# Installs missing pinned tools first. Pass --release to serve an optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
exec trunk serve "$@"
