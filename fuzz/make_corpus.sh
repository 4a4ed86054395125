#!/usr/bin/env bash
# Build the seed corpora fuzz/corpus/<target>/ from the real documents:
# /work/shared/seeds (or $UNLSP_SEEDS), a few English texts of the shared
# corpus, the repository's test fixtures, and hand-made LSP frames.
# Existing corpus files (inputs libFuzzer found) are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
shared="${UNLSP_SHARED:-$repo/../shared}"
[ -d "$shared" ] || shared=/work/shared
seeds="${UNLSP_SEEDS:-$shared/seeds}"
texts="$shared/corpus/texts/en"
c="$here/corpus"
mkdir -p "$c/parse" "$c/incremental_edit" "$c/recognisers" "$c/lsp_message" "$c/fmt"

n=0
add_text() { # file
  local f="$1" name
  name="$(basename "$f" | tr -c 'A-Za-z0-9._\n-' _)"
  cp "$f" "$c/parse/$name"
  head -c 16384 "$f" > "$c/fmt/$name"
  # the recognisers get the first 8 KiB, the incremental target a 2-byte length
  # prefix + the first 2 KiB (see fuzz/src/lib.rs for its input layout)
  head -c 8192 "$f" > "$c/recognisers/$name"
  { printf '\x00\x08'; head -c 2048 "$f"; printf '\x00\x10\x00\x10\x00\x02\x05'; } > "$c/incremental_edit/$name"
  n=$((n + 1))
}
if [ -d "$seeds" ]; then for f in "$seeds"/*; do [ -f "$f" ] && add_text "$f"; done; fi
if [ -d "$texts" ]; then
  # a fixed, small sample: every 200th file in name order
  ls "$texts" | sort | awk 'NR % 200 == 1' | while read -r f; do echo "$texts/$f"; done > "$c/.sample"
  while read -r f; do add_text "$f"; done < "$c/.sample"
  rm -f "$c/.sample"
fi
for f in "$repo"/tests/fixtures/outline/*.txt; do [ -f "$f" ] && add_text "$f"; done

frame() { # name body
  printf 'Content-Length: %d\r\n\r\n%s' "${#2}" "$2" > "$c/lsp_message/$1"
}
frame init '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
frame notify '{"jsonrpc":"2.0","method":"initialized","params":{}}'
frame response '{"jsonrpc":"2.0","id":7,"result":null}'
frame open '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","languageId":"unres","version":1,"text":"The General Assembly,\n\n1. Decides;"}}}'
frame bad_json '{"jsonrpc":"2.0","id":'
frame not_rpc '{"id":3,"method":4}'
printf 'Content-Type: x\r\n\r\n{}' > "$c/lsp_message/no_length"
printf 'Content-Length: 5\r\n\r\n{}' > "$c/lsp_message/short"
{ cat "$c/lsp_message/init" "$c/lsp_message/bad_json" "$c/lsp_message/notify"; } > "$c/lsp_message/sequence"
echo "seed corpus: $n texts; $(ls "$c/lsp_message" | wc -l) LSP frames in $c"
