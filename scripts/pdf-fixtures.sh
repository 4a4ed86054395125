#!/usr/bin/env bash
# The bad-input PDFs of tests/pdf_in.rs, made with real tools (run by hand;
# the files are small and committed): a page that is one image (a scan, no
# text layer) and the same page encrypted with a user password.
# Needs Debian's img2pdf and qpdf, and python3 for the image.
set -euo pipefail
out="$(dirname "$0")/../tests/fixtures/pdf"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# a 200×60 grey PNG with a darker band, as a scanned line would be
python3 - "$tmp/scan.png" <<'PY'
import struct, sys, zlib
w, h = 200, 60
rows = b"".join(b"\0" + bytes(90 if 20 <= y < 40 and 10 <= x < 190 else 230 for x in range(w)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
img2pdf --nodate "$tmp/scan.png" -o "$out/image-only.pdf"
qpdf --encrypt user-secret owner-secret 256 -- "$out/image-only.pdf" "$out/encrypted.pdf"
ls -l "$out"
