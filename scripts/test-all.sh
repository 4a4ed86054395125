#!/usr/bin/env bash
# Run every test: formatting, lints, the Rust test suite (unit, fixtures,
# snapshots, property tests, corpus calibration), then the editor tests (which
# install what they need: neovim, emacs, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export PROPTEST_CASES=${PROPTEST_CASES:-48}
# need_tool CMD PKG: apt-get install the Debian package PKG when CMD is absent
# (the AKN export test validates with xmllint).
need_tool() {
  command -v "$1" >/dev/null && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "installing $2 (for $1)"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
need_tool xmllint libxml2-utils
cargo fmt --all --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test --quiet              # lib, binaries and tests
cargo build --quiet
if [ -f target/conformance-sample.txt ]; then
  echo "conformance on the CI sample (every tenth AKN file; the full sweep: cargo run --release --bin conformance):"
  cat target/conformance-sample.txt
fi
if [ -x scripts/test-editors.sh ] && [ "${UNLSP_SKIP_EDITORS:-0}" != "1" ]; then
  ./scripts/test-editors.sh
fi
echo "all tests passed"
