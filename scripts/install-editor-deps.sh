#!/usr/bin/env bash
# Installs what the editor tests need, on a fresh Debian 12 machine. Idempotent and quiet
# when everything is already there.
#
#   scripts/install-editor-deps.sh          neovim, emacs-nox + elpa-eglot, npm packages of
#                                           editors/vscode (npm ci: tsc, esbuild, eslint,
#                                           vsce, vscode-tmgrammar-test)
#   scripts/install-editor-deps.sh --e2e    also what scripts/test-vscode-e2e.sh needs:
#                                           chromium, build tools, code-server 4.100.3 and
#                                           playwright-core in $UNLSP_E2E_DIR
#
# Environment: UNLSP_E2E_DIR (default ~/.cache/unlsp-e2e) holds code-server and
# playwright-core; it is outside the repository on purpose (300 MB).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E=0
for arg in "$@"; do
  case "$arg" in
    --e2e) E2E=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "install-editor-deps: $*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# apt_install PKG... : installs the packages that are missing, nothing else.
APT_UPDATED=0
apt_install() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then
    $SUDO apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Neovim 0.7.2, Emacs 28.2 and eglot 1.9 from Debian 12.
apt_install neovim emacs-nox elpa-eglot

# npm packages of the VS Code extension (also brings vscode-tmgrammar-test for the
# grammar tests). `npm ci` only when the lock file changed since the last install.
VSC="$ROOT/editors/vscode"
STAMP="$VSC/node_modules/.unlsp-lock-stamp"
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if [ ! -f "$STAMP" ] || ! cmp -s "$STAMP" "$VSC/package-lock.json"; then
  log "npm ci in editors/vscode"
  (cd "$VSC" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$VSC/package-lock.json" "$STAMP"
fi

[ "$E2E" = 1 ] || exit 0

# ---- end-to-end VS Code test: code-server + playwright-core + Debian chromium ----------
# Recipe from ../shared/EDITORS.md (code-server 4.100.3 = VS Code 1.100.3, last one that
# accepts Node 20). A plain `npm install code-server` fails here; these steps do not.
apt_install chromium build-essential python3 libkrb5-dev ripgrep

E2E_DIR="${UNLSP_E2E_DIR:-$HOME/.cache/unlsp-e2e}"
CS_VERSION=4.100.3
PW_VERSION=1.64.1
mkdir -p "$E2E_DIR"
DONE="$E2E_DIR/.done-$CS_VERSION-$PW_VERSION"
if [ -f "$DONE" ]; then exit 0; fi

log "installing code-server $CS_VERSION and playwright-core $PW_VERSION in $E2E_DIR (about 3 minutes)"
cd "$E2E_DIR"
[ -f package.json ] || echo '{"name":"unlsp-e2e","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
  "code-server@$CS_VERSION" "playwright-core@$PW_VERSION" >/dev/null

VS="$E2E_DIR/node_modules/code-server/lib/vscode"
(
  cd "$VS"
  npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  # node-pty and friends: native builds (node-pty runs `npx node-gyp`).
  npm_config_yes=true npm rebuild --foreground-scripts >/dev/null 2>&1
  ln -sfn node_modules node_modules.asar
  ln -sf code-linux.sh bin/remote-cli/code-server
  ln -sf browser-linux.sh bin/helpers/browser.sh
  (cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev >/dev/null)
)
npm_config_yes=true npm rebuild argon2 >/dev/null 2>&1
touch "$DONE"
log "code-server ready: $E2E_DIR/node_modules/.bin/code-server"
