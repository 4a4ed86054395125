#!/usr/bin/env bash
# Run every fuzz target for a fixed budget: scripts/fuzz.sh [seconds-per-target] [target...]
# (default 30 s, all five targets: parse incremental_edit recognisers lsp_message fmt).
#
# With libFuzzer (cargo-fuzz; installed with `cargo install cargo-fuzz --locked`
# when missing) on a nightly toolchain, or on stable with RUSTC_BOOTSTRAP=1.
# UNLSP_FUZZ_DRIVER=plain (or a failing cargo-fuzz build) uses the plain driver
# instead: same targets, seeded random mutations, `cargo run --release`.
# Exit 1 when any target found a crash; reproducers land in fuzz/artifacts/.
set -uo pipefail
secs="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse incremental_edit recognisers lsp_message fmt)
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo/fuzz"
./make_corpus.sh
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

mode="${UNLSP_FUZZ_DRIVER:-libfuzzer}"
tc=()
if [ "$mode" = libfuzzer ]; then
  if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked || mode=plain
  fi
fi
if [ "$mode" = libfuzzer ]; then
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    tc=(+nightly)
  else
    export RUSTC_BOOTSTRAP=1   # -Zsanitizer and friends on the stable compiler
  fi
  if ! cargo "${tc[@]}" fuzz build -O -a 2>fuzz-build.log; then
    echo "cargo fuzz build failed (see fuzz/fuzz-build.log); using the plain driver"
    mode=plain
  fi
fi
if [ "$mode" = plain ]; then
  cargo build --release --no-default-features --bin drive || exit 2
fi

status=0
summary=()
for t in "${targets[@]}"; do
  echo "== $t ($secs s, $mode)"
  if [ "$mode" = libfuzzer ]; then
    mkdir -p "artifacts/$t"
    log="fuzz-$t.log"
    # -rss_limit_mb: the documents are small; -timeout: 10 s for one input is a hang
    cargo "${tc[@]}" fuzz run -O -a "$t" "corpus/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 >"$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    tail -n 3 "$log" | sed 's/^/   /'
    if [ $rc -ne 0 ]; then
      status=1
      grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/   /'
      summary+=("$t: CRASH (exit $rc), ${execs:-?} execs; see fuzz/$log and fuzz/artifacts/$t/")
    else
      summary+=("$t: ${execs:-?} execs in $secs s, 0 crashes")
    fi
  else
    out=$(target/release/drive "$t" "$secs" 2>&1)
    rc=$?
    echo "$out" | tail -n 3 | sed 's/^/   /'
    [ $rc -eq 0 ] || status=1
    summary+=("$(echo "$out" | tail -n 2 | head -n 1)")
  fi
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
