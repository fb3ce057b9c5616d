#!/usr/bin/env bash
# The whole test suite, every layer, from a fresh clone:
#   1. formatting and lints (native and wasm targets, warnings denied)
#   2. native unit and content tests (`cargo test`), and the content check
#   3. browser tests (wasm-bindgen-test in headless Chromium)
#   4. end-to-end tests (Playwright in headless Chromium) against the release build
# Installs what is missing first (scripts/setup.sh --test). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all --check

step "lints, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "lints, wasm"
cargo clippy -p storewise -p academy-core --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The release build's page split (src/split.rs) compiles other code: lint it too.
cargo clippy -p storewise --target wasm32-unknown-unknown --features split --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "content check"
cargo run --quiet --locked --bin curriculum -- check

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test -p storewise --target wasm32-unknown-unknown --locked

step "release build"
# Questions go to an endpoint that the end-to-end tests intercept.
ACADEMY_QUESTIONS_ENDPOINT="https://questions.storewise.test/api" trunk build --release
# The same app for a sub-path, served under /academy/ by the end-to-end tests.
ACADEMY_BASE_PATH=/academy trunk build --release --public-url /academy/ --dist target/dist-subpath

step "release build: no locked text ships"
node --test tests/dist/

step "end-to-end tests (Playwright, headless Chromium)"
(cd tests/e2e && npx playwright test)

printf '\n\033[1mAll test layers passed.\033[0m\n'
