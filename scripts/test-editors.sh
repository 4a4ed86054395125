#!/usr/bin/env bash
# Editor packages, tested in real editors (a few minutes; called from .ci/run).
#
#   1. grammar      scripts/gen_tmlanguage.py --check (generated files up to date with the
#                   lexicon), vscode-tmgrammar-test assertions and snapshot tests
#   2. vscode       npm ci, tsc, esbuild bundle, eslint, unit tests of the start/restart life
#                   cycle (vscode API mocked), vsce package → editors/vscode/unlsp.vsix
#   3. helix        editors/helix/languages.toml parses and names server and file types
#   4. server       the unlsp binary exists and answers `initialize` on `unlsp serve`
#   5. neovim       nvim --headless --clean: editors/nvim/test/lsp_test.lua
#   6. emacs        emacs --batch + eglot: editors/emacs/test/eglot-test.el
#   7. docs         the Neovim (lua) and Emacs (elisp) examples of README.md and
#                   editors/README.md load without error in nvim --headless and emacs --batch
#                   and open a .unres file in filetype/mode unres, Neovim with the server
#                   attached (their unlsp.toml examples and CLI lines: tests/readme.rs)
#
# Environment:
#   UNLSP_BIN            server binary (default: target/debug/unlsp, built with `cargo build`
#                        when missing)
#   UNLSP_SEED           seed 001 (default ../shared/seeds/001_500e0e0957a9be1e.txt, else
#                        the copy in editors/test-fixtures/seed001.txt)
#   UNLSP_SKIP_INSTALL=1 do not run scripts/install-editor-deps.sh first
#   UNLSP_ONLY="grammar vscode"   run only these steps
# Exit status: 0 when every step passed, 1 otherwise.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ONLY="${UNLSP_ONLY:-grammar vscode helix server neovim emacs docs}"
want() { [[ " $ONLY " == *" $1 "* ]]; }

declare -a RESULTS=()
FAILED=0
step() { echo; echo "=== $1"; }
record() { # name status detail
  RESULTS+=("$(printf '%-8s %-5s %s' "$1" "$2" "$3")")
  [ "$2" = "FAIL" ] && FAILED=1
  return 0
}

if [ "${UNLSP_SKIP_INSTALL:-0}" != 1 ]; then
  step "install editor dependencies"
  if ! "$ROOT/scripts/install-editor-deps.sh"; then
    echo "install-editor-deps.sh failed" >&2
    record deps FAIL "scripts/install-editor-deps.sh failed"
  fi
fi

VSC="$ROOT/editors/vscode"
BIN_DIR="$VSC/node_modules/.bin"

# ---- 1. grammar --------------------------------------------------------------------------
if want grammar; then
  step "grammar"
  ok=1
  python3 scripts/gen_tmlanguage.py --check || ok=0
  if [ -x "$BIN_DIR/vscode-tmgrammar-test" ]; then
    "$BIN_DIR/vscode-tmgrammar-test" -c --config grammar/tests/tmgrammar.json "grammar/tests/*.test.unres" || ok=0
    "$BIN_DIR/vscode-tmgrammar-snap" --config grammar/tests/tmgrammar.json "grammar/tests/snap/*.unres" || ok=0
  else
    echo "vscode-tmgrammar-test missing (npm ci in editors/vscode)"; ok=0
  fi
  if [ $ok = 1 ]; then record grammar ok "generated files current; assertions and snapshots pass"
  else record grammar FAIL "see above"; fi
fi

# ---- 2. vscode ---------------------------------------------------------------------------
if want vscode; then
  step "vscode: compile, lint, unit tests, package"
  if (cd "$VSC" && npm run --silent compile && npm run --silent lint && npm run --silent test:unit && npm run --silent package) ; then
    size=$(stat -c %s "$VSC/unlsp.vsix" 2>/dev/null || echo 0)
    record vscode ok "editors/vscode/unlsp.vsix ($((size / 1024)) KB)"
  else
    record vscode FAIL "compile/lint/package failed"
  fi
fi

# ---- 3. helix ----------------------------------------------------------------------------
if want helix; then
  step "helix"
  if python3 editors/helix/test_languages.py; then record helix ok "languages.toml parses, server and file types right"
  else record helix FAIL "languages.toml"; fi
fi

# ---- 4. server ---------------------------------------------------------------------------
SERVER_OK=0
UNLSP_BIN="${UNLSP_BIN:-$ROOT/target/debug/unlsp}"
if want server || want neovim || want emacs; then
  step "server"
  if [ ! -x "$UNLSP_BIN" ]; then
    echo "building the server (cargo build)"
    cargo build --quiet || true
  fi
  if [ ! -x "$UNLSP_BIN" ]; then
    record server FAIL "no server binary at $UNLSP_BIN"
  else
    # `unlsp serve` must answer initialize over stdio within 10 s.
    if python3 - "$UNLSP_BIN" <<'PY'
import json, subprocess, sys, select, os, time
p = subprocess.Popen([sys.argv[1], "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
def send(msg):
    body = json.dumps(msg).encode()
    try:
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body); p.stdin.flush()
    except BrokenPipeError:
        print("unlsp serve exited before reading initialize", file=sys.stderr); sys.exit(1)
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": os.getpid(), "rootUri": None, "capabilities": {}}})
buf = b""; deadline = time.time() + 10; result = None
while time.time() < deadline and result is None:
    r, _, _ = select.select([p.stdout], [], [], 0.2)
    if r:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk: break
        buf += chunk
        while b"\r\n\r\n" in buf:
            head, rest = buf.split(b"\r\n\r\n", 1)
            n = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
            if len(rest) < n: break
            msg = json.loads(rest[:n]); buf = rest[n:]
            if msg.get("id") == 1: result = msg; break
p.kill()
if not result or "result" not in result:
    print("unlsp serve did not answer initialize within 10 s", file=sys.stderr); sys.exit(1)
caps = result["result"].get("capabilities", {})
info = result["result"].get("serverInfo", {})
print("initialize ok: %s %s; capabilities: %s" % (info.get("name", "?"), info.get("version", ""),
      ", ".join(sorted(k for k, v in caps.items() if v))))
PY
    then SERVER_OK=1; record server ok "$UNLSP_BIN answers initialize"
    else record server FAIL "$UNLSP_BIN serve does not answer initialize"; fi
  fi
fi

# ---- workspace for the editor tests --------------------------------------------------------
WS="$(mktemp -d "${TMPDIR:-/tmp}/unlsp-editors.XXXXXX")"
trap 'rm -rf "$WS"' EXIT
SEED="${UNLSP_SEED:-$ROOT/../shared/seeds/001_500e0e0957a9be1e.txt}"
[ -f "$SEED" ] || SEED="$ROOT/editors/test-fixtures/seed001.txt"
cp "$SEED" "$WS/seed001.unres"
cp "$ROOT/editors/test-fixtures/A_RES_61_100.unres" "$WS/"
cp "$ROOT/editors/test-fixtures/detect.txt" "$WS/"
cp "$ROOT/editors/test-fixtures/citations-en.unres" "$ROOT/editors/test-fixtures/citations-zh.unres" "$WS/"
cp "$ROOT/editors/test-fixtures/compare-old.unres" "$ROOT/editors/test-fixtures/compare-new.unres" "$WS/"
chmod u+w "$WS"/*   # the seeds are read-only; the tests edit their copies
export UNLSP_REPO="$ROOT" UNLSP_BIN UNLSP_WORKSPACE="$WS"

run_editor_test() { # name command...
  local name=$1; shift
  if [ $SERVER_OK != 1 ]; then
    record "$name" FAIL "not run: the server does not answer (see 'server')"
    return
  fi
  local log="$WS/$name.log"
  timeout 180 "$@" >"$log" 2>&1
  local rc=$?
  cat "$log"
  local summary
  summary=$(grep -E '^(nvim|emacs): [0-9]+ failure' "$log" | tail -1)
  if [ $rc = 0 ]; then record "$name" ok "${summary:-passed}"
  elif [ $rc = 124 ]; then record "$name" FAIL "timed out after 180 s"
  else record "$name" FAIL "${summary:-exit $rc}"; fi
}

# ---- 5. neovim -----------------------------------------------------------------------------
if want neovim; then
  step "neovim ($(nvim --version 2>/dev/null | head -1))"
  run_editor_test neovim nvim --headless --clean -c "luafile $ROOT/editors/nvim/test/lsp_test.lua"
fi

# ---- 6. emacs ------------------------------------------------------------------------------
if want emacs; then
  step "emacs ($(emacs --version 2>/dev/null | head -1))"
  ELC="$WS/elc"; mkdir -p "$ELC"; cp editors/emacs/*.el "$ELC/"
  # unres-akn.el requires eglot: Debian 12's elpa-eglot is a package, Emacs 29+ has it built in
  if emacs --batch -Q -L "$ELC" --eval '(setq byte-compile-error-on-warn t)' \
       --eval '(progn (require (quote package)) (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa") (package-initialize))' \
       -f batch-byte-compile "$ELC/unres-lexicon.el" "$ELC/unres-mode.el" "$ELC/unres-akn.el"; then
    record emacs-el ok "unres-mode.el and unres-akn.el byte-compile without warnings"
  else
    record emacs-el FAIL "unres-mode.el or unres-akn.el does not byte-compile cleanly"
  fi
  run_editor_test emacs emacs --batch -Q -l "$ROOT/editors/emacs/test/eglot-test.el"
fi

# ---- 7. docs: the editor examples of the READMEs ----------------------------------------
if want docs; then
  step "docs: the Neovim and Emacs examples of README.md and editors/README.md"
  DOCS="$WS/docs"; mkdir -p "$DOCS"
  # each ```lua / ```elisp block to a file, /path/to/unlsp → this repository
  python3 - "$ROOT" "$DOCS" <<'PY'
import os, re, sys
root, out = sys.argv[1:]
for rel in ("README.md", "editors/README.md"):
    text = open(os.path.join(root, rel), encoding="utf-8").read()
    for i, (lang, body) in enumerate(re.findall(r"^```(lua|elisp)\n(.*?)^```", text, re.S | re.M)):
        ext = "lua" if lang == "lua" else "el"
        name = "%s.%02d.%s" % (rel.replace("/", "_"), i, ext)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(body.replace("/path/to/unlsp", root))
PY
  # the examples start `unlsp` from PATH, as the docs install it
  mkdir -p "$DOCS/bin" && ln -sf "$UNLSP_BIN" "$DOCS/bin/unlsp"
  export PATH="$DOCS/bin:$PATH"
  NEW_NVIM=0
  nvim --headless --clean -c 'lua if vim.lsp.config == nil then vim.cmd("cquit 1") end' -c 'qall!' 2>/dev/null && NEW_NVIM=1
  ok=1; n=0; skipped=""
  # the blocks of one README in order, in one editor, as a user's configuration following it
  for doc in README.md editors_README.md; do
    lua=(); el=()
    for f in "$DOCS/$doc".*.lua; do
      [ -e "$f" ] || continue
      # a block for a newer Neovim (vim.lsp.config: 0.11) is skipped on an older one
      if grep -q 'vim\.lsp\.config' "$f" && [ $NEW_NVIM = 0 ]; then skipped="$skipped $(basename "$f")"; continue; fi
      lua+=(-c "lua local ok, err = pcall(dofile, '$f'); if not ok then io.stdout:write('$(basename "$f"): ' .. tostring(err) .. '\\n'); vim.cmd('cquit 1') end")
    done
    for f in "$DOCS/$doc".*.el; do [ -e "$f" ] && el+=(-l "$f"); done
    n=$((n + ${#lua[@]} / 2 + ${#el[@]} / 2))
    # an error shown to the user (vim.notify at ERROR, as the plugin reports a missing server) fails
    if [ ${#lua[@]} -gt 0 ] && ! timeout 60 nvim --headless --clean \
        -c "lua local n = vim.notify; vim.notify = function(m, l, o) if (l or 0) >= vim.log.levels.ERROR then vim.v.errmsg = tostring(m) end; return n(m, l, o) end" \
        "${lua[@]}" \
        -c "edit $WS/seed001.unres" \
        -c "lua vim.wait(10000, function() return next(vim.lsp.buf_get_clients(0)) ~= nil or vim.v.errmsg ~= '' end, 50)" \
        -c "lua if vim.bo.filetype ~= 'unres' or vim.v.errmsg ~= '' or next(vim.lsp.buf_get_clients(0)) == nil then io.stdout:write('filetype ' .. vim.bo.filetype .. ', server attached: ' .. tostring(next(vim.lsp.buf_get_clients(0)) ~= nil) .. ', errmsg: ' .. vim.v.errmsg .. '\\n'); vim.cmd('cquit 1') end" \
        -c 'qall!' 2>&1; then
      echo "FAIL  the Neovim examples of $doc"; ok=0
    fi
    if [ ${#el[@]} -gt 0 ]; then
      out=$(timeout 60 emacs --batch -Q \
        --eval '(progn (require (quote package)) (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa") (package-initialize))' \
        "${el[@]}" \
        --eval "(progn (find-file \"$WS/seed001.unres\") (unless (eq major-mode 'unres-mode) (error \"seed001.unres opened in %s\" major-mode)))" 2>&1)
      rc=$?
      if [ $rc != 0 ]; then echo "$out" | grep -v -E '^(Loading|Warning \(comp\))'; echo "FAIL  the Emacs examples of $doc"; ok=0; fi
    fi
  done
  if [ $ok = 1 ] && [ $n -gt 0 ]; then
    record docs ok "$n example(s) load and open seed001.unres as unres${skipped:+; skipped (newer Neovim):$skipped}"
  else
    record docs FAIL "an editor example of the READMEs does not load (see above)"
  fi
fi

echo
echo "=== editor tests"
printf '%s\n' "${RESULTS[@]}"
exit $FAILED
