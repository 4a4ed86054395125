#!/usr/bin/env python3
"""Build the table of resolution titles in the five languages other than English.

Reads only ../shared/corpus/akn/ga/<lang>/A_RES_*.xml.gz (read-only) and writes
grammar/titles.tsv.gz, read lazily by crates/unlsp-index/src/titles.rs (rule UN056 in
French, Spanish, Russian, Arabic and Chinese). See grammar/CATALOGUE.md.

Each AKN file carries its language's title in `<docTitle refersTo="#resolutionTitle">`
(the plain `<docTitle>` is the line "Resolution adopted by the General Assembly on ...").
English is left out: the catalogue already holds the English titles.

Usage:  python3 scripts/build_titles.py [--corpus /work/shared/corpus]
"""
import argparse
import gzip
import html
import os
import re

LANGS = ["ar", "es", "fr", "ru", "zh"]
TITLE = re.compile(r'<docTitle[^>]*refersTo="#resolutionTitle"[^>]*>(.*?)</docTitle>', re.S)
FILE = re.compile(r"^A_RES_(\d+)_(\d+) ?[A-Z]*\.xml\.gz$")


def clean(xml):
    t = re.sub(r"<[^>]+>", "", xml)
    t = html.unescape(t)
    t = re.sub(r"\s+", " ", t).strip()
    # the separator of `79/84. Title` left in front of the title, with the
    # number read backwards in some Arabic files (`97/85 - آثار ...`)
    return re.sub(r"^(?:\d+/\d+\s*)?[-–—.]\s*", "", t)


def natural(n):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", n)]


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--out", default=os.path.join(here, "..", "grammar", "titles.tsv.gz"))
    a = ap.parse_args()
    rows = set()
    missing = {}
    for lang in LANGS:
        d = os.path.join(a.corpus, "akn", "ga", lang)
        for f in sorted(os.listdir(d)):
            m = FILE.match(f)
            if not m:
                continue
            with gzip.open(os.path.join(d, f), "rt", encoding="utf-8") as fh:
                x = TITLE.search(fh.read())
            title = clean(x.group(1)) if x else ""
            if not title:
                missing[lang] = missing.get(lang, 0) + 1
                continue
            # parts (`79/245 B`, `80/236 A-B`) are keyed by the bare number: a part
            # cited as `80/236 A` is compared with every title of 80/236
            number = f"{m.group(1)}/{m.group(2)}"
            rows.add((number, lang, title.replace("\t", " ")))
    rows = sorted(rows, key=lambda r: (natural(r[0]), r[1], r[2]))
    text = "#unlsp-titles 1\tnumber\tlang\ttitle\n" + "".join("\t".join(r) + "\n" for r in rows)
    raw = text.encode("utf-8")
    with open(a.out, "wb") as out:
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(raw)
    per = {l: sum(1 for r in rows if r[1] == l) for l in LANGS}
    print(f"{len(rows)} titles {per}; no title: {missing}; tsv {len(raw)} bytes, gzip {os.path.getsize(a.out)} bytes")


if __name__ == "__main__":
    main()
