#!/bin/sh
# The HTML compilation of `unlsp diff` looked at in headless Chromium (not run by CI):
# two real GA 80 draft → adopted pairs rendered and screenshot into
# .test-artifacts/diff-html/. Needs Debian's chromium (scripts/install-editor-deps.sh)
# and the corpus beside the checkout (../shared/corpus).
set -eu
cd "$(dirname "$0")/.."
cargo build --profile fast --bin unlsp
out=.test-artifacts/diff-html
mkdir -p "$out"
texts=../shared/corpus/texts/en
for pair in "A_C.2_80_L.10 A_RES_80_120" "A_C.3_80_L.13 A_RES_80_183"; do
  set -- $pair
  html="$out/$1-$2.html"
  ./target/fast/unlsp diff "$texts/$1.txt" "$texts/$2.txt" --format html --out "$html" || [ $? -eq 1 ]
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1100,1500 \
    --screenshot="$PWD/$out/$1-$2.png" "file://$PWD/$html" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$out/$1-$2.png"
done
