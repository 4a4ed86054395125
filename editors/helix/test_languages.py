#!/usr/bin/env python3
"""Checks editors/helix/languages.toml (Helix is not installable on CI): it parses as TOML
and names the unlsp server, its command and the unres file types the way Helix expects."""
import sys
import tomllib
from pathlib import Path

path = Path(__file__).with_name("languages.toml")
with open(path, "rb") as f:
    cfg = tomllib.load(f)

errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


servers = cfg.get("language-server", {})
check("unlsp" in servers, "no [language-server.unlsp]")
srv = servers.get("unlsp", {})
check(srv.get("command") == "unlsp", f"command is {srv.get('command')!r}, want 'unlsp'")
check(srv.get("args") == ["serve"], f"args are {srv.get('args')!r}, want ['serve']")
opts = srv.get("config", {}).get("unlsp", {})
check(opts.get("language") in {"auto", "en", "zh", "fr", "es", "ru", "ar"}, "config.unlsp.language invalid")
check(isinstance(opts.get("debounceMs", 0), int), "config.unlsp.debounceMs not an integer")
check(isinstance(opts.get("rules", {}), dict), "config.unlsp.rules not a table")
# the server's options (crates/unlsp-server/src/settings.rs, the table in editors/README.md)
known = {"language", "rules", "exclude", "debounceMs", "maxFileSize", "referenceFolders"}
check(set(opts) <= known, f"unknown server options {set(opts) - known}")

langs = [l for l in cfg.get("language", []) if l.get("name") == "unres"]
check(len(langs) == 1, "want exactly one [[language]] named unres")
if langs:
    lang = langs[0]
    check(lang.get("scope") == "text.unres", "scope should be text.unres (the TextMate scope)")
    check(lang.get("language-servers") == ["unlsp"], "language-servers should be ['unlsp']")
    ft = lang.get("file-types", [])
    plain = {x for x in ft if isinstance(x, str)}
    globs = {x["glob"] for x in ft if isinstance(x, dict) and "glob" in x}
    check(all(isinstance(x, str) or (isinstance(x, dict) and set(x) == {"glob"}) for x in ft),
          "file-types entries must be strings or { glob = ... }")
    check("unres" in plain, "file-types lacks 'unres'")
    check({"*.unres.txt", "*.unres.md"} <= globs, "file-types lacks globs *.unres.txt / *.unres.md")
    check(isinstance(lang.get("roots", []), list), "roots must be a list")

if errors:
    for e in errors:
        print(f"helix languages.toml: {e}", file=sys.stderr)
    sys.exit(1)
print("helix languages.toml: ok (server unlsp = `unlsp serve`, file types unres, *.unres.txt, *.unres.md)")
