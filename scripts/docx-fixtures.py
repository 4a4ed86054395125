#!/usr/bin/env python3
"""Generate the Word fixtures of tests/fixtures/docx/ with real converters.

Run by hand (never in CI): needs pandoc (`apt-get install -y pandoc`) and
builds the conformance binary, whose `--render FILE --shape markdown` writes a
resolution of ../shared/corpus/akn as Markdown with `*italic*` leads and
`[^n]` footnotes. Pandoc turns that Markdown into .docx with Word's automatic
numbering (ordered lists), real footnotes (footnotes.xml) and tracked changes
(spans with the classes `insertion` / `deletion`), comments (`comment-start`
/ `comment-end`) and a table of contents field (`--toc`: `w:instrText` in a
content control). The bad inputs are made with the zip tool, Python's
zipfile and msoffcrypto-tool (`pip install msoffcrypto-tool`, optional: the
password-protected package is skipped without it).

LibreOffice (`apt-get install -y --no-install-recommends libreoffice-writer
python3-uno`, optional: skipped without `soffice`) makes the files of
tests/fixtures/docx/libreoffice/: the Pandoc files saved again by an office
suite (`soffice --headless --convert-to docx`: its own
styles, numbering definitions, footnote anchors, bookmarks), and, per
language, the comparison of one of them with an edited version
(`compared.LANG.docx`, the edited version beside it): a UNO macro
(`scripts/lo-uno.py compare`, run by the Python that has the `uno` module)
opens the edited version and dispatches `.uno:CompareDocuments` against the
original, which records the edits as tracked changes by the profile's user,
then saves the result as Word does. LibreOffice's compare records a joined
paragraph as a move, never as a deleted paragraph mark between two texts
that stay; `joined.LANG.docx` has one: the same macro (`lo-uno.py join`)
deletes the mark after operative paragraph 4 with Track Changes on, as a
drafter pressing Delete does.

    python3 scripts/docx-fixtures.py
"""

import io
import os
import re
import tempfile
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AKN = ROOT.parent / "shared" / "corpus" / "akn"
OUT = ROOT / "tests" / "fixtures" / "docx"
LANGS = ["en", "fr", "es", "ru", "ar", "zh"]
# GA 79/100 (footnotes, a long operative part) and SC 2720 (2023) in every
# language; GA 79/1 (the Pact for the Future, ~50 pages) for the bench.
SAMPLES = [("ga", "A_RES_79_100"), ("sc", "S_RES_2720_2023")]
LONG = ("ga", "A_RES_79_1")
AUTHOR = "Delegation of Norway"
DATE = "2026-11-02T10:00:00Z"

POINT = re.compile(r"^(\(([a-z]{1,2}|[ivxl]+)\)|[a-z]{1,2}\))\s")
ROMAN = re.compile(r"^\((i{1,3}|iv|vi{0,3}|ix|xi{0,3})\)\s")
NUMBERED = re.compile(r"^(\d+)\.\s*")


def render(organ: str, name: str, lang: str) -> str:
    binary = ROOT / "target" / "fast" / "conformance"
    path = AKN / organ / lang / f"{name}.xml.gz"
    return subprocess.run(
        [str(binary), "--render", str(path), "--shape", "markdown"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def for_pandoc(md: str) -> str:
    """The rendered Markdown as Pandoc reads lists: no front matter (the
    heading fields are the masthead, not body text), `1.` followed by a
    space, points nested under their paragraph (four spaces; a roman point
    after a lettered one, eight)."""
    if md.startswith("---\n"):
        md = md[md.index("\n---\n", 4) + 5 :]
    out = []
    in_list = False
    last_alpha = None
    for line in md.split("\n"):
        if not line.strip():
            out.append(line)
            continue
        m = NUMBERED.match(line)
        if m and not line.startswith("[^"):
            line = f"{m.group(1)}. " + line[m.end() :]
            in_list, last_alpha = True, None
        elif in_list and POINT.match(line):
            roman = ROMAN.match(line) and last_alpha not in (None, "h")
            if not roman:
                last_alpha = line[1] if line.startswith("(") else line[0]
            line = (" " * (8 if roman else 4)) + line
        elif not line.startswith("[^"):
            in_list = False
        out.append(line)
    return "\n".join(out)


def pandoc(md: str, target: Path, *extra: str) -> None:
    subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(target), *extra],
        input=md,
        check=True,
        text=True,
    )


def operative_line(md: str, n: int) -> int:
    """The line of operative paragraph `n`: `n. ` (a list item), or the
    Arabic texts' `n - `, which Pandoc keeps as text."""
    lines = md.split("\n")
    return next(
        i for i, l in enumerate(lines) if l.startswith((f"{n}. ", f"{n} - "))
    )


def tracked(md: str) -> str:
    """Operative paragraph 3 with one word deleted and two inserted, and a
    preambular paragraph with an insertion: what a delegation's edits look
    like with Track Changes on."""
    lines = md.split("\n")
    i = operative_line(md, 3)
    lines[i] = lines[i].replace(
        " and ",
        f' [and]{{.deletion author="{AUTHOR}" date="{DATE}"}}'
        f'[as well as]{{.insertion author="{AUTHOR}" date="{DATE}"}} ',
        1,
    )
    j = next(k for k, l in enumerate(lines) if l.startswith("*Recognizing*"))
    lines[j] = lines[j].replace(
        "*Recognizing*",
        f'*Recognizing* [also]{{.insertion author="Delegation of Fiji" date="{DATE}"}}',
        1,
    )
    return "\n".join(lines)


def commented(md: str) -> str:
    """A comment on operative paragraph 2 and a table after the last
    paragraph: neither is text of the draft."""
    lines = md.split("\n")
    i = operative_line(md, 2)
    lines[i] = (
        lines[i][:3]
        + f'[Please check this paragraph against last year\'s text.]{{.comment-start id="0" author="{AUTHOR}" date="{DATE}"}}'
        + lines[i][3:]
        + '[]{.comment-end id="0"}'
    )
    k = next(k for k, l in enumerate(lines) if l.startswith("[^1]:"))
    table = ["| Sponsor | Date |", "|---|---|", "| Norway | 2 November |", ""]
    return "\n".join(lines[:k] + table + lines[k:])


def defects(md: str) -> str:
    """Two spaces before punctuation, which `check --fix` removes: one in
    a run of its own words, one right after an italic lead."""
    lines = md.split("\n")
    i = operative_line(md, 4)
    lines[i] = lines[i].replace("as soon as possible;", "as soon as possible ;")
    j = operative_line(md, 9)
    lines[j] = lines[j].replace("*Welcomes* the active", "*Welcomes* , the active")
    return "\n".join(lines)


# The phrase inserted into operative paragraph 2 of the edited version.
PRIORITY = {
    "en": "as a matter of priority",
    "fr": "à titre prioritaire",
    "es": "con carácter prioritario",
    "ru": "в приоритетном порядке",
    "ar": "على سبيل الأولوية",
    "zh": "作为优先事项",
}
COMMA = re.compile(r"[,،，、]")
LO = OUT / "libreoffice"
LO_AUTHOR = "Delegation of Norway"


def edited(md: str, lang: str) -> str:
    """The edits a delegation makes to a draft, planted for the compare:
    a phrase inserted before the end of operative paragraph 2, the words
    between the first two commas of operative paragraph 3 deleted, the
    third preambular paragraph deleted whole, and operative paragraphs 4 and
    5 joined into one (the operative paragraphs after it numbered one
    less)."""
    lines = md.split("\n")
    i = operative_line(md, 2)
    line = lines[i].rstrip()
    assert line[-1] in ";.,؛；。", f"{lang}: operative paragraph 2 ends with {line[-1]!r}"
    sep = {"zh": "，", "ar": "، "}.get(lang, ", ")
    lines[i] = line[:-1] + sep + PRIORITY[lang] + line[-1]
    j = operative_line(md, 3)
    commas = [m.start() for m in COMMA.finditer(lines[j])]
    assert len(commas) >= 2, f"{lang}: operative paragraph 3 has fewer than two commas"
    lines[j] = lines[j][: commas[0]] + lines[j][commas[1] :]
    # operative 5's text after operative 4's, one paragraph
    k, m = operative_line(md, 4), operative_line(md, 5)
    five = re.sub(r"^\d+(\.| -) ", "", lines[m])
    lines[k] = lines[k].rstrip() + " " + five
    del lines[m]
    # the third preambular paragraph: the paragraphs (after a blank line)
    # that open with an emphasised lead before operative paragraph 1, the
    # first of them the organ's name (`*The General Assembly*,`)
    first_op = operative_line("\n".join(lines), 1)
    pre = [
        n
        for n in range(first_op)
        if lines[n].startswith("*") and (n == 0 or not lines[n - 1].strip())
    ]
    third = pre[3]
    end = third
    while end < len(lines) and lines[end].strip():
        end += 1
    del lines[third : end + 1]
    return "\n".join(lines)


def soffice(*args: str) -> None:
    profile = Path(tempfile.gettempdir()) / "unlsp-docx-fixtures-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args],
        check=True,
        capture_output=True,
    )


def office_saved(source: Path, target: Path) -> None:
    """`source` opened and saved as .docx by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        soffice("--convert-to", "docx", "--outdir", tmp, str(source))
        shutil.move(str(Path(tmp) / (source.stem + ".docx")), target)


def uno_python() -> str:
    try:
        import uno  # type: ignore # noqa: F401

        return sys.executable
    except ImportError:
        return "/usr/bin/python3"


def libreoffice() -> None:
    if not shutil.which("soffice"):
        print("soffice missing: the LibreOffice files not made", file=sys.stderr)
        return
    LO.mkdir(parents=True, exist_ok=True)
    # what the edited versions insert, for the tests that look for it
    (LO / "inserted.tsv").write_text(
        "".join(f"{lang}\t{PRIORITY[lang]}\n" for lang in LANGS), encoding="utf-8"
    )
    for organ, name in SAMPLES:
        short = name.replace("A_RES_", "ga-").replace("S_RES_", "sc-").replace("_", "-")
        for lang in LANGS:
            office_saved(OUT / f"{short}.{lang}.docx", LO / f"{short}.{lang}.docx")
    # the comments and table of contents, the tracked changes, the defects
    # --fix removes and the long document, as LibreOffice saves them
    for name in ["comments-toc.en", "tracked.en", "defects.en", "long.en"]:
        office_saved(OUT / f"{name}.docx", LO / f"{name}.docx")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            md = for_pandoc(render("ga", "A_RES_79_100", lang))
            new = Path(tmp) / f"edited.{lang}.docx"
            pandoc(edited(md, lang), Path(tmp) / "pandoc.docx")
            office_saved(Path(tmp) / "pandoc.docx", new)
            original = LO / f"ga-79-100.{lang}.docx"
            uno_macro("compare", original, new, LO / f"compared.{lang}.docx", tmp)
            shutil.copy(new, LO / f"edited.{lang}.docx")
            # operative paragraph 4's first words as the text shows them
            four = md.split("\n")[operative_line(md, 4)]
            four = re.sub(r"\[\^\d+\]|\*", "", re.sub(r"^\d+(\.| -) ", "", four))
            uno_macro("join", original, four[:24], LO / f"joined.{lang}.docx", tmp)


def uno_macro(command: str, first: Path, second, out: Path, tmp: str) -> None:
    subprocess.run(
        [
            uno_python(),
            str(ROOT / "scripts" / "lo-uno.py"),
            command,
            str(first),
            str(second),
            str(out),
            LO_AUTHOR,
            str(Path(tmp) / "profile"),
        ],
        check=True,
    )


def bad_inputs() -> None:
    bad = OUT / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    # a text file with a Word name
    en = (OUT / "ga-79-100.en.docx").read_bytes()
    (bad / "renamed-text.docx").write_text(render("ga", "A_RES_79_100", "en")[:4000])
    # the first 5,000 bytes of a real package
    (bad / "truncated.docx").write_bytes(en[:5000])
    # a zip bomb: a document.xml of 80 MB of spaces, deflated to ~80 KB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with zipfile.ZipFile(OUT / "ga-79-100.en.docx") as src:
            for item in src.infolist():
                if item.filename != "word/document.xml":
                    z.writestr(item, src.read(item))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            block = b" " * (1 << 20)
            for _ in range(80):
                f.write(block)
    (bad / "bomb.docx").write_bytes(buf.getvalue())
    # a package whose entries the zip tool encrypted with a password
    tmp = bad / "zip-password.docx"
    tmp.unlink(missing_ok=True)
    work = OUT / "_unzipped"
    shutil.rmtree(work, ignore_errors=True)
    with zipfile.ZipFile(OUT / "ga-79-100.en.docx") as src:
        src.extractall(work)
    subprocess.run(
        ["zip", "-q", "-r", "-P", "secret", str(tmp), "."], cwd=work, check=True
    )
    shutil.rmtree(work)
    # Word's own password protection: an OLE compound file holding the
    # encrypted package (msoffcrypto-tool writes it as Word does)
    try:
        import msoffcrypto.format.ooxml as ooxml  # type: ignore

        with open(OUT / "ga-79-100.en.docx", "rb") as f, open(
            bad / "encrypted.docx", "wb"
        ) as out:
            ooxml.OOXMLFile(f).encrypt("secret", out)
    except ImportError:
        print("msoffcrypto-tool missing: encrypted.docx not made", file=sys.stderr)
    # an OpenDocument text (a real one: docutils ships its styles.odt)
    try:
        import docutils  # type: ignore

        odt = Path(docutils.__file__).parent / "writers" / "odf_odt" / "styles.odt"
        shutil.copy(odt, bad / "styles.odt")
    except ImportError:
        print("docutils missing: styles.odt not made", file=sys.stderr)


def main() -> None:
    if not shutil.which("pandoc"):
        sys.exit("pandoc is needed: apt-get install -y pandoc")
    subprocess.run(
        ["cargo", "build", "-q", "--profile", "fast", "--bin", "conformance"],
        cwd=ROOT,
        check=True,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    for organ, name in SAMPLES:
        short = name.replace("A_RES_", "ga-").replace("S_RES_", "sc-").replace("_", "-")
        for lang in LANGS:
            pandoc(for_pandoc(render(organ, name, lang)), OUT / f"{short}.{lang}.docx")
    en = for_pandoc(render("ga", "A_RES_79_100", "en"))
    pandoc(tracked(en), OUT / "tracked.en.docx")
    pandoc(commented(en), OUT / "comments-toc.en.docx", "--toc")
    pandoc(defects(en), OUT / "defects.en.docx")
    organ, name = LONG
    pandoc(for_pandoc(render(organ, name, "en")), OUT / "long.en.docx")
    bad_inputs()
    libreoffice()


if __name__ == "__main__":
    main()
