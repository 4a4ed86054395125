#!/usr/bin/env python3
"""Generate the editor grammars of unlsp from the lexicon, so that they never drift.

Reads   grammar/preambular.tsv, grammar/operative.tsv   (lang, phrase, kind, base, gloss_en, notes)
Writes  grammar/unres.tmLanguage.json                   TextMate grammar (VS Code, and any
                                                         TextMate-grammar editor)
        editors/emacs/unres-lexicon.el                   lead phrases for unres-mode's font-lock
        editors/nvim/syntax/unres.vim                    Vim syntax (lead phrases, numbers,
                                                         symbols, furniture) for Neovim 0.7/0.8
                                                         which have no semantic tokens

Usage:  scripts/gen_tmlanguage.py           regenerate the files
        scripts/gen_tmlanguage.py --check   exit 1 if a generated file is out of date (CI)

Scopes (suffix `.unres`):
  markup.italic + keyword.other.lead.preambular / .operative   lead phrases (italic in UN style)
  constant.numeric.paragraph.operative                         `1.`, Arabic `1 - `
  constant.other.subparagraph-label                            `(a)`, `(ii)`, `a)`, `㈠`, `(أ)`
  constant.other.document-symbol                               `A/RES/75/62`, `S/RES/2231 (2015)`
  meta.citation.(resolution|decision)                          `resolution 61/100 of 6 December 2006`,
                                                               `第 61/100 号决议`
  constant.numeric.citation                                    the number inside a citation
  constant.other.date                                          `5 December 2007`, `2007 年 12 月 5 日`
  constant.other.footnote-marker                               `¹`, `;6`, `》1`
  comment.line.metadata / comment.other.furniture.*            `%%%…`, `20-16878 (C)`, `*2016878*`,
                                                               `https://undocs.org/…`, page numbers
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR_DIR = ROOT / "grammar"
OUT_TM = GRAMMAR_DIR / "unres.tmLanguage.json"
OUT_EL = ROOT / "editors" / "emacs" / "unres-lexicon.el"
OUT_VIM = ROOT / "editors" / "nvim" / "syntax" / "unres.vim"

LANGS = ["en", "zh", "fr", "es", "ru", "ar"]

# Repeat forms that are generative (lexicon.md, "Repeat forms"): the TSV lists the common
# verbs only, so every base lead also gets these.
ADVERB_AFTER = {  # preamble (all languages but zh) and operative (fr/es/ru/ar): adverb after
    "en": ["also", "further"],
    "fr": ["également", "en outre"],
    "es": ["también", "además"],
    "ru": ["также", "далее"],
    "ar": ["أيضا", "كذلك"],
}
EN_OPERATIVE_ADVERB_BEFORE = ["Also", "Further"]  # `Also requests`: adverb before, verb lower-cased
ZH_PREFIXES = ["又", "还", "再次"]  # `又请`, `还欢迎`; `再次` = again (kind `again`)

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
}
AR_MONTHS_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                    "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يونيو", "يوليه", "يوليو",
             "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]

AUTHORS = {
    "en": ["The General Assembly", "The Security Council", "The Economic and Social Council",
           "The Human Rights Council", "The Conference of the Parties", "The Trusteeship Council",
           "The Meeting of the States Parties", "The Conference"],
    "zh": ["大会", "安全理事会", "经济及社会理事会", "人权理事会"],
    "fr": ["L'Assemblée générale", "L’Assemblée générale", "Le Conseil de sécurité",
           "Le Conseil économique et social", "Le Conseil des droits de l'homme"],
    "es": ["La Asamblea General", "El Consejo de Seguridad", "El Consejo Económico y Social",
           "El Consejo de Derechos Humanos"],
    "ru": ["Генеральная Ассамблея", "Совет Безопасности", "Экономический и Социальный Совет",
           "Совет по правам человека"],
    "ar": ["إن الجمعية العامة", "إن مجلس الأمن", "إن المجلس الاقتصادي والاجتماعي", "إن مجلس حقوق الإنسان"],
}

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


# --------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------

def read_tsv(name: str) -> list[dict[str, str]]:
    with open(GRAMMAR_DIR / name, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        for k in ("lang", "phrase", "kind", "base"):
            r[k] = (r.get(k) or "").strip()
    return [r for r in rows if r["lang"] and r["phrase"]]


def lcfirst(s: str) -> str:
    return s[:1].lower() + s[1:]


def load_languages_toml() -> dict:
    """grammar/languages.toml (the server's per-language tables), when present: repeat-form
    templates, author formulas and month names come from there so that the grammar follows
    the server."""
    path = GRAMMAR_DIR / "languages.toml"
    if not path.exists():
        return {}
    import tomllib
    with open(path, "rb") as f:
        return tomllib.load(f)


DEFAULT_REPEAT = {  # used when languages.toml is absent or has no table for a language
    "en": {"preambular": ["{base} also", "{base} further", "Also {lower}", "Further {lower}"],
           "operative": ["Also {lower}", "Further {lower}", "{base} also", "{base} further"]},
    "zh": {"preambular": ["又{base}", "还{base}", "再次{base}"],
           "operative": ["又{base}", "还{base}", "再次{base}"]},
}
for _lang, _advs in ADVERB_AFTER.items():
    if _lang != "en":
        DEFAULT_REPEAT[_lang] = {part: ["{base} " + a for a in _advs]
                                 for part in ("preambular", "operative")}


def repeat_templates(cfg: dict, lang: str, part: str) -> list[str]:
    table = cfg.get(lang, {})
    key = f"{part}_repeat"
    if key in table:
        return [t[0] if isinstance(t, list) else t for t in table[key]]
    return DEFAULT_REPEAT.get(lang, {}).get(part, [])


def lexicon(cfg: dict | None = None) -> dict[str, dict[str, list[str]]]:
    """lang -> {"preambular": [...], "operative": [...]} of every phrase to highlight:
    the listed rows plus the generative repeat forms of every base lead (lexicon.md:
    "implement repeat forms generatively"), deduplicated, longest first."""
    cfg = load_languages_toml() if cfg is None else cfg
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for part, fname in (("preambular", "preambular.tsv"), ("operative", "operative.tsv")):
        for r in read_tsv(fname):
            lang, phrase, kind = r["lang"], r["phrase"], r["kind"]
            out[lang][part].add(phrase)
            if kind != "base":
                continue
            for tpl in repeat_templates(cfg, lang, part):
                out[lang][part].add(tpl.replace("{base}", phrase).replace("{lower}", lcfirst(phrase)))
    return {
        lang: {part: sorted(v, key=lambda p: (-len(p), p)) for part, v in parts.items()}
        for lang, parts in out.items()
    }


# --------------------------------------------------------------------------------------
# Regex helpers (Oniguruma, as used by vscode-textmate)
# --------------------------------------------------------------------------------------

def esc(s: str) -> str:
    return re.sub(r"([\\.^$|?*+()\[\]{}/])", r"\\\1", s)


def phrase_regex(p: str) -> str:
    """A phrase as a regex: spaces match any run of spaces (PDF text doubles them, lines
    wrap inside a lead); in Chinese, CJK characters may be separated by one space
    (word-segmented seed 000: `满意 地 回顾`)."""
    if CJK.search(p):
        chars = [esc(c) for c in p if not c.isspace()]
        return " ?".join(chars)
    words = p.split()
    return r"\s+".join(esc(w) for w in words)


def alternation(phrases: list[str]) -> str:
    # Oniguruma takes the first alternative that matches: longest first = longest match.
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_regex(p) for p in ordered) + ")"


# Where a lead can start: at the start of a line (after indentation), or right after the
# `,` / `，` / `،` that closes the previous preambular paragraph in one-line texts.
EMPH_OPEN = r"(\*{1,2}|_{1,2})?"
EMPH_CLOSE = r"(\*{1,2}|_{1,2})?"
LEAD_END = {  # what may follow a lead: word boundary for alphabetic scripts, anything for zh
    "en": r"(?![\w’'-])",
    "fr": r"(?![\w’'-])",
    "es": r"(?![\w-])",
    "ru": r"(?![\w-])",
    "ar": r"(?![\w])",
    "zh": "",
}


def lead_regex(lang: str, phrases: list[str]) -> str:
    core = alternation(phrases)
    if lang == "ar":
        # first preambular paragraph `إذ …`, later ones `وإذ …`; a leading `و` is stripped
        core = f"(?:و ?)?{core}"
    return core + LEAD_END[lang]


def scope(*names: str) -> str:
    return " ".join(f"{n}.unres" for n in names)


LEAD_SCOPE = {
    "preambular": scope("keyword.other.lead.preambular", "markup.italic.lead.preambular"),
    "operative": scope("keyword.other.lead.operative", "markup.italic.lead.operative"),
}
EMPH_SCOPE = scope("punctuation.definition.emphasis")


# --------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------

DAY = r"(?:[1-9]|[12][0-9]|3[01])"
YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
ROMAN = r"(?:[IVXLC]+)"
# A resolution/decision number as cited: `61/100`, `56/24 V`, `S-27/2`, `ES-10/19`,
# `2231 (2015)`, `1514 (XV)`, `217 A (III)`, `2241 B(XXI)` (zh: no space before `(`).
RES_NUMBER = (
    r"(?:(?:S-|ES-)?[0-9]{1,4}/[0-9]{1,4}(?:\s?[A-Z](?![\w/])(?:\s(?:to|and)\s[A-Z](?![\w/]))?)?"
    r"|[0-9]{1,4}(?:\s[A-Z])?\s?\((?:" + YEAR + r"|S-" + ROMAN + r"|ES-" + ROMAN + r"|" + ROMAN + r")\))"
)


def date_patterns() -> list[dict]:
    pats = []
    en = "|".join(MONTHS["en"])
    pats.append({"name": scope("constant.other.date.en"),
                 "match": rf"(?<![\w/.]){DAY}\s+(?:{en})\s+{YEAR}(?![\w/])"})
    pats.append({"name": scope("constant.other.date.zh"),
                 "match": rf"(?<![0-9]){YEAR}\s*年\s*(?:1[0-2]|0?[1-9])\s*月\s*{DAY}\s*日"})
    fr = "|".join(MONTHS["fr"])
    pats.append({"name": scope("constant.other.date.fr"),
                 "match": rf"(?<![\w/.])(?:1er|{DAY})\s+(?:{fr})\s+{YEAR}(?![\w/])"})
    es = "|".join(MONTHS["es"])
    pats.append({"name": scope("constant.other.date.es"),
                 "match": rf"(?<![\w/.]){DAY}\s+de\s+(?:{es})\s+de\s+{YEAR}(?![\w/])"})
    ru = "|".join(MONTHS["ru"])
    pats.append({"name": scope("constant.other.date.ru"),
                 "match": rf"(?<![\w/.]){DAY}\s+(?:{ru})\s+{YEAR}(?:\s+года)?(?![\w/])"})
    lev = "|".join(esc(m).replace(" ", r"\s+") for m in AR_MONTHS_LEVANT)
    arm = "|".join(AR_MONTHS)
    pats.append({"name": scope("constant.other.date.ar"),
                 "match": rf"(?<![\w/.]){DAY}\s+(?:(?:{lev})\s?/\s?)?(?:{arm})\s+{YEAR}(?![\w/])"})
    return pats


SYMBOL_COMPONENT = (
    r"(?:(?:S-|ES-)?[0-9]+(?:[-–][0-9]+)?"            # 62, 2015, S-27, 7-37
    r"|[A-Z][A-Za-z]{0,5}(?:\.(?:[0-9]+|" + ROMAN + r"|[A-Z]))?)"  # RES, C.1, L.35, CONF.IV, Add.1, SER.B
)
# A document symbol: series, then `/`-separated components, at least one digit, optional
# reissue `*`, optional parenthesised suffix (one space in Western text, none in Chinese).
SYMBOL = (
    r"(?<![\w/.\-])"
    r"(?=[A-Z][A-Za-z.\-]*(?:/[A-Za-z0-9.\-–]+)*?/[A-Za-z.\-]*[0-9])"
    r"[A-Z]{1,6}(?:\.[0-9]+)?(?:/" + SYMBOL_COMPONENT + r")+\*?"
    r"(?:\s?\((?:" + YEAR + r"|" + ROMAN + r"|S-" + ROMAN + r"|ES-" + ROMAN
    + r"|Part\s" + ROMAN + r"|Vol\.\s" + ROMAN + r"|SUPP)\))?"
    r"(?![A-Za-z0-9/])"
)


def build_grammar(lex: dict) -> dict:
    repo: dict[str, dict] = {}

    # ---- metadata and page furniture (dimmed as comments) -----------------------------
    repo["metadata"] = {
        "comment": "Library indexing line of corpus files (structure.md §2.1)",
        "name": scope("comment.line.metadata"),
        "match": r"\A%%%.*$|^%%%.*$",
    }
    repo["furniture"] = {"patterns": [
        {"comment": "hyperlink residue https://undocs.org/<lang>/<symbol>",
         "name": scope("comment.other.furniture.link", "markup.underline.link"),
         "match": r"https?://undocs\.org/[^\s，。；）)]*"},
        {"comment": "job number + language letter + processing dates: 20-16878 (C)    181220    211220",
         "name": scope("comment.other.furniture.job-number"),
         "match": r"(?<![\w/])[0-9]{2}-[0-9]{5}\s*\([EFSRAC]\)(?:\s+[0-9]{6}){0,2}(?![\w/])"},
        {"comment": "barcode text *2016878*",
         "name": scope("comment.other.furniture.barcode"),
         "match": r"\*[0-9]{7}\*"},
        {"comment": "page number alone on a line: 2/6, - 2 -",
         "name": scope("comment.other.furniture.page-number"),
         "match": r"^\s*(?:[0-9]{1,3}/[0-9]{1,3}|-\s[0-9]{1,3}\s-)\s*$"},
        {"comment": "footnote separator",
         "name": scope("comment.other.furniture.separator"),
         "match": r"^\s*_{5,}\s*$"},
        {"comment": "recycling mark",
         "name": scope("comment.other.furniture.recycle"),
         "match": r"Please recycle\s*\S?|请回收\s*\S?"},
    ]}

    # ---- operative paragraphs: number + lead ------------------------------------------
    op_patterns = []
    for lang in LANGS:
        phrases = lex.get(lang, {}).get("operative")
        if not phrases:
            continue
        if lang == "ar":
            number = r"(?:^\s*|(?<=[\s؛.]))([0-9]{1,3}\s?-)(\s+)"
        else:
            number = r"(?:^\s*|(?<=[\s;；,，:：。]))(\*{0,2})?([0-9]{1,3}\.)(\*{0,2})?(\s*)"
        rx = number + EMPH_OPEN + "(" + lead_regex(lang, phrases) + ")" + EMPH_CLOSE
        if lang == "ar":
            caps = {"1": {"name": scope("constant.numeric.paragraph.operative")},
                    "3": {"name": EMPH_SCOPE}, "4": {"name": LEAD_SCOPE["operative"]},
                    "5": {"name": EMPH_SCOPE}}
        else:
            caps = {"1": {"name": EMPH_SCOPE},
                    "2": {"name": scope("constant.numeric.paragraph.operative")},
                    "3": {"name": EMPH_SCOPE}, "5": {"name": EMPH_SCOPE},
                    "6": {"name": LEAD_SCOPE["operative"]}, "7": {"name": EMPH_SCOPE}}
        op_patterns.append({"comment": f"operative paragraph, {lang}",
                            "name": scope(f"meta.paragraph.operative.{lang}"),
                            "match": rx, "captures": caps})
    op_patterns.append({
        "comment": "paragraph number with a lead that is not in the lexicon",
        "match": r"^\s*(\*{0,2})([0-9]{1,3}\.)(?=\s)|(?<=[;；]|[;；]\s)([0-9]{1,3}\.)(?=\s)",
        "captures": {"1": {"name": EMPH_SCOPE},
                     "2": {"name": scope("constant.numeric.paragraph.operative")},
                     "3": {"name": scope("constant.numeric.paragraph.operative")}}})
    repo["operative-paragraph"] = {"patterns": op_patterns}

    # ---- preambular leads --------------------------------------------------------------
    pre_patterns = []
    for lang in LANGS:
        phrases = lex.get(lang, {}).get("preambular")
        if not phrases:
            continue
        # zh: after `，` only in word-segmented text (`， 回顾`, seed 000); in ordinary
        # Chinese `，呼吁…` inside a paragraph is a second verb, not a new paragraph.
        start = {"zh": r"(?:^|(?<=， |,\s))(\s*)", "ru": r"(?:^|(?<=,))(\s*)"}.get(
            lang, r"(?:^|(?<=[,，،]))(\s*)")
        rx = start + EMPH_OPEN + "(" + lead_regex(lang, phrases) + ")" + EMPH_CLOSE
        pre_patterns.append({"comment": f"preambular lead, {lang}",
                             "match": rx,
                             "captures": {"2": {"name": EMPH_SCOPE},
                                          "3": {"name": LEAD_SCOPE["preambular"]},
                                          "4": {"name": EMPH_SCOPE}}})
    repo["preambular-lead"] = {"patterns": pre_patterns}

    # ---- operative leads alone at the start of a line -----------------------------------
    # PDF extractions put the number on its own line (`3. ` / `Also requests …`). Only for
    # languages whose leads are capitalised, where a capitalised verb at line start is a lead.
    line_op = []
    for lang in ("en", "fr", "es"):
        phrases = lex.get(lang, {}).get("operative")
        if not phrases:
            continue
        line_op.append({"comment": f"operative lead at line start, {lang}",
                        "match": r"^(\s*)" + EMPH_OPEN + "(" + lead_regex(lang, phrases) + ")" + EMPH_CLOSE,
                        "captures": {"2": {"name": EMPH_SCOPE},
                                     "3": {"name": LEAD_SCOPE["operative"]},
                                     "4": {"name": EMPH_SCOPE}}})
    repo["operative-lead-line"] = {"patterns": line_op}

    # ---- author line, resolution number + title, closing formula --------------------------
    authors = [a for lang in LANGS for a in AUTHORS[lang]]
    repo["author"] = {
        "comment": "enacting formula: The General Assembly, / 大会，",
        "match": r"(?:^|(?<=[\s\]]))(" + alternation(authors) + r")(\s*[,，،])",
        "captures": {"1": {"name": scope("entity.name.section.author")},
                     "2": {"name": scope("punctuation.separator.author")}},
    }
    repo["resolution-number"] = {
        "comment": "number of the resolution before its title: 62/57. / 69/96 A.",
        "match": r"(?:^\s*|(?<=\]\s))((?:S-|ES-)?[0-9]{1,4}/[0-9]{1,4}(?:\s[A-Z])?\.)(?=\s)",
        "captures": {"1": {"name": scope("entity.name.section.resolution-number")}},
    }
    repo["closing"] = {"patterns": [
        {"name": scope("entity.other.closing.meeting"),
         "match": r"\b[0-9]{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b"},
        {"name": scope("entity.other.closing.meeting"),
         "match": r"第\s?[0-9]{1,3}\s?次\s?全体\s?会议"},
        {"name": scope("entity.other.closing.meeting"),
         "match": r"\b[0-9]{1,3}(?:e|ᵉ)\s+séance\s+plénière\b|\b[0-9]{1,3}ª\s+sesión\s+plenaria\b"
                  r"|[0-9]{1,3}-е\s+пленарное\s+заседание|الجلسة\s+العامة\s+[0-9]{1,3}"},
    ]}

    # ---- sub-paragraph labels ---------------------------------------------------------------
    repo["subparagraph-label"] = {
        "comment": "(a) (b) … (aa), (i) (ii) …, a) i) (fr/es), ㈠ ㈡ (zh), (أ) (ar); at line start or after : ;",
        "match": r"(?:^|(?<=[:;：；]))(\s*)"
                 r"(\((?:[a-z]{1,2}|[ivxlc]{1,6}|[أبجدهوزحطيكلمنسعفصقرشتثخذضظغ])\)|(?:[a-z]|[ivx]{1,5})\)|[\u3220-\u3229])"
                 r"(?=\s|\S)",
        "captures": {"2": {"name": scope("constant.other.subparagraph-label")}},
    }

    # ---- citations ------------------------------------------------------------------------
    date_ref = [{"include": "#date"}]
    num_pat = {"name": scope("constant.numeric.citation"), "match": RES_NUMBER}
    en_item = RES_NUMBER + r"(?:,?\s+of\s+" + DAY + r"\s+(?:" + "|".join(MONTHS["en"]) + r")\s+" + YEAR + ")?"
    en_list = en_item + r"(?:(?:,\s*|\s+and\s+)" + en_item + r")*"
    repo["citation"] = {"patterns": [
        {"comment": "English: its resolution 61/100 of 6 December 2006; Security Council resolutions 1325 (2000) and 1820 (2008)",
         "name": scope("meta.citation.resolution.en"),
         "match": r"\b((?:its|their)\s+)?((?:resolution|decision)s?)\s+(" + en_list + r")(?![\w/])",
         "captures": {"1": {"name": scope("variable.language.own")},
                      "2": {"name": scope("keyword.other.citation")},
                      "3": {"patterns": date_ref + [num_pat]}}},
        {"comment": "Chinese: 其 2006 年 12 月 6 日第 61/100 号决议; 第 70/54、71/45 和 72/54 号决议; 第 60/519 号决定",
         "name": scope("meta.citation.resolution.zh"),
         "match": r"(其\s?)?((?:" + YEAR + r"\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s?)?第\s?" + RES_NUMBER
                  + r"(?:\s?(?:、|和|及)\s?(?:" + YEAR + r"\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s?)?(?:第\s?)?"
                  + RES_NUMBER + r")*)\s?(号)\s?(决议|决定)?",
         "captures": {"1": {"name": scope("variable.language.own")},
                      "2": {"patterns": date_ref + [num_pat]},
                      "3": {"name": scope("keyword.other.citation")},
                      "4": {"name": scope("keyword.other.citation")}}},
        {"comment": "French / Spanish / Russian / Arabic: résolution 61/100, resolución 61/100, резолюцию 61/100, قرارها 61/100",
         "name": scope("meta.citation.resolution"),
         "match": r"(?<!\w)(résolutions?|décisions?|resoluci(?:ón|ones)|decisi(?:ón|ones)|резолюц[а-я]*|решени[а-я]*"
                  r"|قرار(?:ها|اتها|ات|ه)?|مقرر(?:ها|ه)?)\s+(" + RES_NUMBER + r")(?![\w/])",
         "captures": {"1": {"name": scope("keyword.other.citation")},
                      "2": {"name": scope("constant.numeric.citation")}}},
        {"comment": "the present resolution / 本决议",
         "name": scope("variable.language.self"),
         "match": r"\bthe present (?:resolution|decision)\b|本决议|la présente résolution|la presente resolución|настоящей резолюции"},
    ]}

    repo["symbol"] = {"patterns": [
        {"name": scope("constant.other.document-symbol"), "match": SYMBOL},
        {"comment": "continuation after a full symbol: A/60/88 and Corr.2",
         "name": scope("constant.other.document-symbol.continuation"),
         "match": r"(?<![\w/.])(?:Add|Corr|Rev|Amend)\.[0-9]+(?:[-–][0-9]+)?(?![\w/])"},
    ]}

    repo["date"] = {"patterns": date_patterns()}

    # ---- footnotes --------------------------------------------------------------------------
    repo["footnote"] = {"patterns": [
        {"comment": "footnote text at a page bottom: ¹ 见《…》 / 3 See A/62/162.",
         "match": r"^\s*([" + SUPERSCRIPTS + r"]+)(\s)",
         "captures": {"1": {"name": scope("constant.other.footnote-marker.definition")}}},
        {"comment": "superscript marker in the body",
         "name": scope("constant.other.footnote-marker"),
         "match": r"[" + SUPERSCRIPTS + r"]+"},
        {"comment": "plain digits glued after punctuation: mines;6  》1  ，5",
         "name": scope("constant.other.footnote-marker"),
         "match": r"(?<=[;,:》，；。”\"”])[0-9]{1,2}(?=\s|$)(?!\s*[个年月日次条段名项届号国%])"},
        {"comment": "plain digits after 》 and a space (seed 002: 公约》1 所作)",
         "match": r"(?<=》)(\s)([0-9]{1,2})(?=\s)",
         "captures": {"2": {"name": scope("constant.other.footnote-marker")}}},
    ]}

    top = ["metadata", "furniture", "operative-paragraph", "preambular-lead",
           "operative-lead-line", "author",
           "resolution-number", "subparagraph-label", "citation", "symbol", "date",
           "closing", "footnote"]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "UN resolution",
        "scopeName": "text.unres",
        "comment": "GENERATED by scripts/gen_tmlanguage.py from grammar/preambular.tsv and "
                   "grammar/operative.tsv. Do not edit by hand.",
        "fileTypes": ["unres", "unres.txt", "unres.md"],
        "patterns": [{"include": f"#{k}"} for k in top],
        "repository": repo,
    }


# --------------------------------------------------------------------------------------
# Emacs and Vim lexicon files
# --------------------------------------------------------------------------------------

def el_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_elisp(lex: dict) -> str:
    lines = [
        ";;; unres-lexicon.el --- Lead phrases of UN resolutions for unres-mode  -*- lexical-binding: t; -*-",
        "",
        ";; GENERATED by scripts/gen_tmlanguage.py from grammar/preambular.tsv and",
        ";; grammar/operative.tsv (plus the generative also/further forms). Do not edit.",
        "",
        ";;; Code:",
        "",
    ]
    for part in ("preambular", "operative"):
        lines.append(f"(defconst unres-lexicon-{part}")
        lines.append("  '(")
        for lang in LANGS:
            phrases = lex.get(lang, {}).get(part, [])
            lines.append(f"    ({lang}")
            for p in phrases:
                lines.append(f"     {el_string(p)}")
            lines.append("     )")
        lines.append("    )")
        lines.append(f'  "{part.capitalize()} lead phrases per language, longest first.")')
        lines.append("")
    zh = " ".join(el_string(p) for p in ZH_PREFIXES)
    lines.append(f"(defconst unres-lexicon-zh-prefixes '({zh})")
    lines.append('  "Chinese repeat prefixes (又 also, 还 further, 再次 again).")')
    lines.append("")
    lines.append("(provide 'unres-lexicon)")
    lines.append(";;; unres-lexicon.el ends here")
    return "\n".join(lines) + "\n"


def vim_phrase(p: str) -> str:
    # very-magic Vim regex; spaces match runs of white space; CJK allows one space
    if CJK.search(p):
        return " ?".join(re.escape(c) if c.isascii() else c for c in p if not c.isspace())
    out = []
    for w in p.split():
        out.append(re.sub(r"([^\w\u00c0-\uffff])", r"\\\1", w))
    return r"\_s+".join(out)


def build_vim(lex: dict) -> str:
    lines = [
        '" Vim syntax file for UN resolutions (filetype unres).',
        '" GENERATED by scripts/gen_tmlanguage.py from grammar/*.tsv. Do not edit.',
        'if exists("b:current_syntax") | finish | endif',
        "syntax case match",
        r'syn match unresMetadata "\%^%%%.*$"',
        r'syn match unresFurniture "\v<\d{2}-\d{5}\s*\([EFSRAC]\)(\s+\d{6}){0,2}"',
        r'syn match unresFurniture "\v\*\d{7}\*"',
        r'syn match unresFurniture "\vhttps?://undocs\.org/\S*"',
        r'syn match unresFurniture "\v^\s*\d{1,3}/\d{1,3}\s*$"',
        r'syn match unresSymbol "\v<[A-Z]{1,6}(/((S-|ES-)?\d+|[A-Z][A-Za-z]{0,5}(\.(\d+|[IVXLC]+))?))+\*?(\s?\((\d{4}|[IVXLC]+)\))?"',
        r'syn match unresDate "\v<\d{1,2}\s+(' + "|".join(MONTHS["en"]) + r')\s+\d{4}>"',
        r'syn match unresDate "\v\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"',
        r'syn match unresFootnote "\v[' + SUPERSCRIPTS + r']+"',
        r'syn match unresSubLabel "\v(^\s*|[:;：；]\s*)@<=(\(([a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\))"',
    ]
    for part, group in (("preambular", "unresPreambularLead"), ("operative", "unresOperativeLead")):
        for lang in LANGS:
            phrases = lex.get(lang, {}).get(part, [])
            if not phrases:
                continue
            alt = "|".join(vim_phrase(p) for p in phrases)
            if lang == "zh":
                alt = "(又 ?|还 ?|再 ?次 ?)?(" + alt + ")"
            end = "" if lang == "zh" else ">"
            if part == "operative":
                before = r"(^\s*\**\d{1,3}\.\**\s*\**|[;；]\s*\d{1,3}\.\s*\**)@<="
                if lang == "ar":
                    before = r"(^\s*\d{1,3}\s?-\s+)@<="
            else:
                before = r"(^\s*[*_]{0,2}|[,，،]\s*[*_]{0,2})@<="
            lines.append(f'syn match {group} "\\v{before}({alt}){end}"')
    lines += [
        r'syn match unresParaNumber "\v(^\s*\**)@<=\d{1,3}\.(\s)@="',
        "hi def link unresMetadata Comment",
        "hi def link unresFurniture Comment",
        "hi def link unresSymbol Constant",
        "hi def link unresDate Number",
        "hi def link unresFootnote SpecialChar",
        "hi def link unresSubLabel Label",
        "hi def link unresParaNumber Number",
        "hi def unresPreambularLead term=italic cterm=italic gui=italic",
        "hi def unresOperativeLead term=bold,italic cterm=bold,italic gui=bold,italic",
        'let b:current_syntax = "unres"',
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    cfg = load_languages_toml()
    for lang, table in cfg.items():
        if not isinstance(table, dict):
            continue
        for a in table.get("author", []):
            name = a[0] if isinstance(a, list) else a
            if name not in AUTHORS.setdefault(lang, []):
                AUTHORS[lang].append(name)
        if len(table.get("months", [])) == 12:
            MONTHS[lang] = list(table["months"])
    lex = lexicon(cfg)
    outputs = {
        OUT_TM: json.dumps(build_grammar(lex), ensure_ascii=False, indent=2) + "\n",
        OUT_EL: build_elisp(lex),
        OUT_VIM: build_vim(lex),
    }
    stale = []
    for path, text in outputs.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        if check:
            stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)} (run scripts/gen_tmlanguage.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
