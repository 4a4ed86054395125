#!/usr/bin/env bash
# Run every test: formatting, lints, the Rust test suite (unit, fixtures,
# snapshots, property tests, corpus calibration), then the editor tests (which
# install what they need: neovim, emacs, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export PROPTEST_CASES=${PROPTEST_CASES:-48}
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
