#!/usr/bin/env python3
"""Writes a large UN document for the editor measurements (scripts/editor-large-file.sh,
scripts/test-vscode-e2e.sh): the English corpus resolutions (`../shared/corpus/texts/en/
A_RES_*.txt`) in name order, as tests/server_support.rs `corpus_text` builds the 1 MB
document of the server benches — one resolution of about the right size first, then whole
texts appended until SIZE bytes; without the corpus, the bundled examples repeated.

    scripts/large-un-document.py OUT [SIZE]        (SIZE default 1048576)
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(size):
    d = os.path.join(ROOT, "..", "shared", "corpus", "texts", "en")
    files = sorted(
        os.path.join(d, f) for f in (os.listdir(d) if os.path.isdir(d) else []) if f.startswith("A_RES_")
    )
    out = ""
    for p in files:
        n = os.path.getsize(p)
        if size * 8 // 10 <= n <= size:
            out = open(p, encoding="utf-8").read()
            break
    for p in files:
        if len(out.encode()) >= size:
            break
        t = open(p, encoding="utf-8").read()
        if len(out.encode()) + len(t.encode()) <= size + size // 10:
            out += t
    if not files:
        print("note: the corpus is absent, repeating examples/", file=sys.stderr)
        seed = open(os.path.join(ROOT, "examples", "A_RES_62_57.txt"), encoding="utf-8").read()
        while len(out.encode()) < size:
            out += seed
    return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
    text = build(size)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{sys.argv[1]}: {len(text.encode())} bytes, {text.count(chr(10))} lines", file=sys.stderr)
