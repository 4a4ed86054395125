#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server 4.100.3 =
# VS Code 1.100.3) opened in Debian's headless Chromium, driven by playwright-core.
# Slow and optional: about 3 minutes of installs the first time (cached afterwards in
# $UNLSP_E2E_DIR), then about a minute of browser. Screenshots go to
# .test-artifacts/vscode-e2e/.
#
#   scripts/test-vscode-e2e.sh
#
# Environment: UNLSP_BIN (default target/debug/unlsp), UNLSP_E2E_DIR (default
# ~/.cache/unlsp-e2e), UNLSP_SKIP_INSTALL=1, UNLSP_E2E_PORT (default: a free port),
# E2E_ONLY ("features", "large" or both, the default: the 1 MB measurements of
# keystroke-to-paint against Plain Text, first diagnostics and outline),
# UNLSP_E2E_SETTINGS (a JSON object of more VS Code settings, for measurements).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
E2E_DIR="${UNLSP_E2E_DIR:-$HOME/.cache/unlsp-e2e}"
ART="$ROOT/.test-artifacts/vscode-e2e"
UNLSP_BIN="${UNLSP_BIN:-$ROOT/target/debug/unlsp}"

if [ "${UNLSP_SKIP_INSTALL:-0}" != 1 ]; then
  "$ROOT/scripts/install-editor-deps.sh" --e2e
fi
CODE_SERVER="$E2E_DIR/node_modules/.bin/code-server"
[ -x "$CODE_SERVER" ] || { echo "code-server missing in $E2E_DIR (run scripts/install-editor-deps.sh --e2e)" >&2; exit 1; }

if [ ! -x "$UNLSP_BIN" ]; then
  echo "building the server (cargo build)"
  cargo build --quiet
fi

echo "=== building the .vsix"
(cd editors/vscode && npm run --silent compile >/dev/null && npm run --silent package >/dev/null)
VSIX="$ROOT/editors/vscode/unlsp.vsix"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/unlsp-e2e.XXXXXX")"
CS_PID=""
cleanup() {
  if [ -n "$CS_PID" ]; then kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

WS="$WORK/workspace"; EXT="$WORK/extensions"; UD="$WORK/user-data"
mkdir -p "$WS" "$EXT" "$UD/User" "$ART"
rm -f "$ART"/*.png "$ART"/results.json
SEED="${UNLSP_SEED:-$ROOT/../shared/seeds/001_500e0e0957a9be1e.txt}"
[ -f "$SEED" ] || SEED="$ROOT/editors/test-fixtures/seed001.txt"
cp "$SEED" "$WS/seed001.unres"
cp editors/test-fixtures/A_RES_61_100.unres editors/test-fixtures/detect.txt "$WS/"
# two versions of a draft for "unlsp: Compare with…": the revision changes the words of
# operative paragraph 1 and deletes the second paragraph numbered 2
cp examples/draft-with-defects.unres "$WS/draft-L99.unres"
python3 - "$WS/draft-L99.unres" "$WS/draft-rev1.unres" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.replace("1. Calls upon all States", "1. Strongly encourages all States", 1)
text = "".join(l for l in text.splitlines(keepends=True) if not l.startswith("2. Invites"))
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
# the 1 MB UN document of the keystroke and large-file measurements, and the same text
# for the Plain Text comparison (issue 25.7)
if [[ " ${E2E_ONLY:-features large} " == *" large "* ]]; then
  python3 scripts/large-un-document.py "$WS/big.unres"
  cp "$WS/big.unres" "$WS/big-plain.txt"
fi
chmod u+w "$WS"/*

cat > "$UD/User/settings.json" <<EOF
{
  "unlsp.server.path": "$UNLSP_BIN",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "update.mode": "none",
  "editor.hover.delay": 200,
  "chat.disableAIFeatures": true,
  "files.autoSave": "off",
  "[plaintext]": { "editor.wordWrap": "on" }
}
EOF

# UNLSP_E2E_SETTINGS='{"breadcrumbs.enabled": false}': more user settings (measurements)
if [ -n "${UNLSP_E2E_SETTINGS:-}" ]; then
  python3 - "$UD/User/settings.json" <<'PY'
import json, os, sys
s = json.load(open(sys.argv[1]))
s.update(json.loads(os.environ["UNLSP_E2E_SETTINGS"]))
json.dump(s, open(sys.argv[1], "w"), indent=2)
PY
fi

echo "=== installing the extension into code-server"
"$CODE_SERVER" --extensions-dir "$EXT" --user-data-dir "$UD" --install-extension "$VSIX" 2>&1 | tail -2

PORT="${UNLSP_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
echo "=== code-server on 127.0.0.1:$PORT"
"$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --user-data-dir "$UD" \
  --extensions-dir "$EXT" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$WS" >"$ART/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then break; fi
  sleep 0.5
done

echo "=== browser"
rc=0
E2E_URL="http://127.0.0.1:$PORT/?folder=$WS" \
E2E_PLAYWRIGHT="$E2E_DIR/node_modules/playwright-core" \
E2E_ARTIFACTS="$ART" \
E2E_WORKSPACE="$WS" \
E2E_ONLY="${E2E_ONLY:-features large}" \
  node editors/vscode/test/e2e.cjs || rc=$?
# The extension host's log: where the language client reports the server's start.
find "$UD/logs" -name '*unlsp*' -path '*output*' -exec cp {} "$ART/" \; 2>/dev/null || true
exit $rc
