#!/usr/bin/env bash
# Installs what building and testing need, at pinned versions, skipping what is already
# present. Safe to run again: when everything is there it takes a second or two.
#   scripts/setup.sh           tools to build and serve the app
#   scripts/setup.sh --test    also headless Chromium, its driver and the end-to-end packages
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/versions.env

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$root/.tools/node_modules/.bin:$PATH"

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
trunk_pin=$(awk -F'"' '/^wasm_bindgen *=/ {print $2}' Trunk.toml)
opt_pin=$(awk -F'"' '/^wasm_opt *=/ {print $2}' Trunk.toml)
if [ "$trunk_pin" != "$wasm_bindgen_version" ] || [ "$opt_pin" != "$WASM_OPT_VERSION" ]; then
  echo "Trunk.toml pins wasm_bindgen=$trunk_pin wasm_opt=$opt_pin, but Cargo.lock has wasm-bindgen $wasm_bindgen_version and scripts/versions.env wants $WASM_OPT_VERSION: make them agree." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 2 minutes, once)"
  # No --locked: the CLI's own lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# The CLI has no --version: ask cargo which version it installed.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "$WASM_OPT_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_NPM_VERSION) into .tools/"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"private": true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund --silent "binaryen@$BINARYEN_NPM_VERSION"
fi

if [ "$want_test" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
  e2e="tests/e2e"
  if [ ! -d "$e2e/node_modules/@playwright/test" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
    say "installing the end-to-end test packages (never a browser download)"
    (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $wasm_bindgen_version, wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version | head -1)"
