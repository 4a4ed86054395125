#!/usr/bin/env bash
# A 1 MB UN document in the three editors (issue 25.7): time to the first diagnostics and
# to the outline (documentSymbol) in headless Neovim, Emacs + eglot and VS Code
# (code-server in headless Chromium, with keystroke-to-paint against the same text as
# Plain Text). Prints figures; a measurement, not a timed test (never run by CI).
#
#   scripts/editor-large-file.sh [nvim] [emacs] [vscode]      (default: all three)
#
# Environment: UNLSP_BIN (default target/fast/unlsp, built with `cargo build --profile
# fast` when missing), UNLSP_LARGE_SIZE (bytes, default 1048576), UNLSP_SKIP_INSTALL=1.
# The document is the English corpus resolutions concatenated (scripts/large-un-document.py,
# as the server benches build theirs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WHICH="${*:-nvim emacs vscode}"
export UNLSP_BIN="${UNLSP_BIN:-$ROOT/target/fast/unlsp}"
if [ ! -x "$UNLSP_BIN" ]; then
  cargo build --quiet --profile fast --bin unlsp
fi
if [ "${UNLSP_SKIP_INSTALL:-0}" != 1 ]; then
  if [[ " $WHICH " == *" vscode "* ]]; then scripts/install-editor-deps.sh --e2e
  else scripts/install-editor-deps.sh; fi
fi

WS="$(mktemp -d "${TMPDIR:-/tmp}/unlsp-large.XXXXXX")"
trap 'rm -rf "$WS"' EXIT
export UNLSP_REPO="$ROOT" UNLSP_LARGE="$WS/big.unres"
python3 scripts/large-un-document.py "$UNLSP_LARGE" "${UNLSP_LARGE_SIZE:-1048576}"
echo "server: $UNLSP_BIN"

for editor in $WHICH; do
  case "$editor" in
    nvim)
      timeout 300 nvim --headless --clean -c "luafile $ROOT/editors/nvim/test/large_file.lua" 2>&1 | grep -E '^nvim' ;;
    emacs)
      timeout 300 emacs --batch -Q -l "$ROOT/editors/emacs/test/large-file.el" 2>&1 | grep -E '^emacs' ;;
    vscode)
      E2E_ONLY=large UNLSP_SKIP_INSTALL=1 scripts/test-vscode-e2e.sh 2>&1 | grep -E '1 MB|keystroke|FAIL' ;;
    *) echo "unknown editor: $editor" >&2; exit 2 ;;
  esac
done
