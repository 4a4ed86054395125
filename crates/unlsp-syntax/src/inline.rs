//! What sits inside a paragraph: citations of resolutions, decisions and
//! documents, document symbols, dates, footnote markers and references to other
//! paragraphs. Runs over a *view* of one text unit: its own text with children
//! (sub-paragraphs, footnotes, furniture) left out and wrapped lines joined, with
//! a map back to byte offsets of the document.

use crate::cjk::{SpaceTrim, is_cjk, is_space, superscript_digit};
use crate::dates::{self, Date};
use crate::lang::Lang;
use crate::lexer::normalise_number;
use crate::numbers::roman;
use crate::patterns::Releasable;
use crate::symbols::{self, SymbolProblem};
use crate::tree::{Citation, CitationKind, DateRef, FootnoteRef, ParagraphRef, SymbolRef};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Text of a unit with wrapped lines joined, and the way back to the document:
/// runs of bytes copied verbatim, and the spaces put in for line breaks.
pub struct View {
    pub s: String,
    segs: Vec<Seg>,
    /// Document offset of the end of the view.
    end: usize,
}

/// `len` bytes of the view from `view` on: copied from `doc` on, or (`fixed`)
/// put in by the join and standing for the one position `doc`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    view: usize,
    doc: usize,
    len: usize,
    fixed: bool,
}

impl View {
    /// Build from the document `text` and the unit's own ranges.
    pub fn new(text: &str, pieces: &[Range<usize>]) -> View {
        let cap: usize = pieces.iter().map(|r| r.len()).sum::<usize>() + pieces.len();
        let mut v = View {
            s: String::with_capacity(cap),
            segs: Vec::with_capacity(pieces.len() * 2),
            end: pieces.last().map(|r| r.end).unwrap_or(0),
        };
        for (pi, r) in pieces.iter().enumerate() {
            let piece = &text[r.clone()];
            if pi > 0 && !v.s.ends_with(' ') {
                let next_cjk = piece.chars().next().is_some_and(is_cjk);
                let prev_cjk = v.s.chars().next_back().is_some_and(is_cjk);
                if !(next_cjk && prev_cjk) {
                    v.put_space(r.start);
                }
            }
            // copy line by line; a line break becomes one space (none between CJK
            // characters, none after a hyphen that ends a line)
            let bytes = piece.as_bytes();
            let mut pos = 0;
            while pos < bytes.len() {
                let nl = memchr::memchr2(b'\n', b'\r', &bytes[pos..])
                    .map(|k| pos + k)
                    .unwrap_or(bytes.len());
                if nl > pos {
                    v.copy(&piece[pos..nl], r.start + pos);
                }
                if nl >= bytes.len() {
                    break;
                }
                // skip the break and the indentation of the next line
                let mut q = nl;
                while q < bytes.len() && (bytes[q] == b'\n' || bytes[q] == b'\r') {
                    q += 1;
                }
                let rest = &piece[q..];
                let skip = rest.len() - rest.trim_space_start().len();
                q += skip;
                if q >= bytes.len() {
                    break;
                }
                let next = piece[q..].chars().next().unwrap();
                while v.s.ends_with(' ') && !v.s.is_empty() {
                    // trailing spaces of the line (PDF text) are not doubled
                    if v.s
                        .trim_end_matches(' ')
                        .chars()
                        .next_back()
                        .is_some_and(|p| is_cjk(p) && is_cjk(next) || p == '-')
                    {
                        v.pop_byte();
                    } else {
                        break;
                    }
                }
                let prev = v.s.chars().next_back();
                let glue = prev.is_some_and(|p| is_cjk(p) && is_cjk(next) || p == '-');
                if !glue && !v.s.ends_with(' ') {
                    v.put_space(r.start + nl);
                }
                pos = q;
            }
        }
        v
    }

    fn copy(&mut self, seg: &str, doc: usize) {
        let view = self.s.len();
        self.s.push_str(seg);
        match self.segs.last_mut() {
            Some(g) if !g.fixed && g.view + g.len == view && g.doc + g.len == doc => {
                g.len += seg.len()
            }
            _ => self.segs.push(Seg {
                view,
                doc,
                len: seg.len(),
                fixed: false,
            }),
        }
    }

    fn put_space(&mut self, doc: usize) {
        self.segs.push(Seg {
            view: self.s.len(),
            doc,
            len: 1,
            fixed: true,
        });
        self.s.push(' ');
    }

    /// Drop the last byte (an ASCII space).
    fn pop_byte(&mut self) {
        self.s.pop();
        if let Some(g) = self.segs.last_mut() {
            g.len -= 1;
            if g.len == 0 {
                self.segs.pop();
            }
        }
    }

    /// Document offset of the start of the char holding view byte `b`.
    fn doc_of(&self, b: usize) -> usize {
        if b >= self.s.len() {
            return self.end;
        }
        let mut b = b;
        while !self.s.is_char_boundary(b) {
            b -= 1;
        }
        let k = self.segs.partition_point(|g| g.view <= b);
        match k.checked_sub(1).map(|k| self.segs[k]) {
            Some(g) if g.fixed => g.doc,
            Some(g) => g.doc + (b - g.view),
            None => self.end,
        }
    }

    /// Document byte range of a view range.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.doc_of(r.start);
        let end = if r.end == 0 {
            start
        } else if r.end > self.s.len() {
            self.end
        } else {
            // end of the char that holds the last byte
            self.doc_of(r.end - 1) + self.char_len_at(r.end - 1)
        };
        start..end.max(start)
    }

    fn char_len_at(&self, view_byte: usize) -> usize {
        let mut b = view_byte;
        while !self.s.is_char_boundary(b) {
            b -= 1;
        }
        self.s[b..]
            .chars()
            .next()
            .map(|c| c.len_utf8())
            .unwrap_or(1)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFacts {
    pub citations: Vec<Citation>,
    pub symbols: Vec<SymbolRef>,
    pub footnote_refs: Vec<(FootnoteRef, bool)>,
    pub paragraph_refs: Vec<ParagraphRef>,
    pub dates: Vec<DateRef>,
}

/// `[organ phrase | its] resolution(s)|decision(s)|res.`: the organ phrases and
/// possessives of the `[en]` table of `grammar/languages.toml`.
///
/// Releasable: with [`PARA_REF_EN`], run over most paragraphs, its cache
/// grows largest (0.5 and 0.35 MB after a 1 MB text).
static EN_ACT: Releasable<Regex> = Releasable::new(|| {
    let t = Lang::En.table();
    let before: Vec<String> = t
        .organs
        .iter()
        .map(|(p, _)| p.clone())
        .chain(t.own_words.iter().cloned())
        .collect();
    Regex::new(&format!(
        r"(?:(?-u:\b)({})\s+)?(?-u:\b)([Rr]esolutions?|[Dd]ecisions?|res\.)\s+",
        alternation(&before)
    ))
    .unwrap()
});
/// The organ phrase (or possessive) and the noun of an [`EN_ACT`] match, which
/// is `[phrase \s+] noun \s+`: the noun is its last word (no noun holds a
/// space), the phrase what comes before it (no phrase ends in a space; unit
/// test). Reading the two groups off the match spares the capture engine,
/// which walks the whole phrase alternation again.
fn en_act_parts(m: &str) -> (Option<&str>, &str) {
    let t = m.trim_end_matches(char::is_whitespace);
    match t.rfind(char::is_whitespace) {
        Some(k) => {
            let noun = &t[k..];
            let noun = noun.trim_start_matches(char::is_whitespace);
            let before = t[..t.len() - noun.len()].trim_end_matches(char::is_whitespace);
            (Some(before), noun)
        }
        None => (None, t),
    }
}

/// Any organ phrase of the `[en]` table other than the General Assembly's: the
/// body a bare `resolution 56/1` belongs to when its date rules out the Assembly
/// (`decisions of the Human Rights Council, the most recent of which being
/// resolutions 56/1 of 10 July 2024`).
static EN_OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    let t = Lang::En.table();
    let names: Vec<String> = t
        .organs
        .iter()
        .filter(|(p, o)| o != "GA" && o != "SC" && p.contains(' '))
        .map(|(p, _)| p.clone())
        .collect();
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alternation(&names))).unwrap()
});
/// An item: `61/100`, `53/77 AA` (two-letter parts after Z), `1514 (XV)`,
/// `2231 (2015)`, or a bare number.
static EN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s?[A-Z]{1,2}(?-u:\b)(?:\s(?:to|and)\s[A-Z]{1,2}(?-u:\b))?)?(?:\s?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\))?|\d{1,4}(?:\s?[A-Z](?-u:\b)(?:\s(?:to|and)\s[A-Z](?-u:\b))?)?\s?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\)|\d{1,4}(?-u:\b))").unwrap()
});
/// The date after an item, also after the section cited (`45/248 B, section VI,
/// of 21 December 1990`).
static EN_OF_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s+(?:section|part)\s+[IVXL]+)?,?\s+(?:of|dated|adopted on)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})|(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}))").unwrap()
});
/// Between two items; a footnote marker may sit after the comma (`56/1 of 10
/// July 2024,3 55/20 of …`, A/RES/79/182).
static EN_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,(?:\d{1,3}\s)?\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)").unwrap()
});
static EN_BOTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+(?:both|all)\s+of\s+(\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})").unwrap()
});
static ZH_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:S-|ES-)?\d{1,4}\s*/\s*\d{1,4}(?:\s*[A-Z](?-u:\b))?(?:\s*\((?:[IVXL]+|\d{4})\))?|\d{1,4}\s*(?:[A-Z]\s*)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\))").unwrap()
});
static ZH_DATE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$").unwrap());
/// The next item of a Chinese list after a comma: `2003 年 12 月 23 日第` or `第`.
static ZH_DATED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第").unwrap()
});
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:and|和|及|或)\s*((?:Add|Corr|Rev|Amend)\.(\s?)(\d+))\b").unwrap()
});
static PARA_REF_EN: Releasable<Regex> = Releasable::new(|| {
    Regex::new(r"(?-u:\b)paragraphs?\s+(\d{1,3})(?:\s?\(([a-z]{1,2}|[ivx]{1,5})\))?(?:\s+(above|below|of the present resolution|of (?:its |General Assembly |Security Council )?resolution\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z])?|\d{1,4}\s?\(\d{4}\))))?").unwrap()
});
static PARA_REF_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(上文|下文|本决议)\s*)?第\s*(\d{1,3})\s*段(?:\s*\(([a-z])\))?(\s*所)?").unwrap()
});
/// Measure words and units that follow a number in Chinese text.
const CJK_UNITS: &str = "个年月日次名项国届岁人万亿多余家卷号段条款分%倍位种件份页章节点天周美元";

/// The organ of the phrase before an act noun (`[en]` `organs`, `own_words`):
/// (organ, own, another body).
fn organ_of(word: Option<&str>, own_organ: Option<&str>) -> (Option<String>, bool, bool) {
    let Some(word) = word else {
        return (None, false, false);
    };
    let t = Lang::En.table();
    if t.own_words.iter().any(|w| w == word) {
        return (
            own_organ.filter(|o| !o.is_empty()).map(String::from),
            true,
            false,
        );
    }
    let squeezed = word.split_whitespace().collect::<Vec<_>>().join(" ");
    match t.cited_organ(&squeezed) {
        Some("") => (None, false, true),
        Some(o) => (Some(o.to_string()), false, false),
        None => (None, false, false),
    }
}

/// The number of a Security Council resolution carries its year: `1373 (2001)`.
fn sc_shaped(target: &str) -> bool {
    organ_by_shape(target).as_deref() == Some("SC")
}

/// A General Assembly number `N/M` whose date lies outside session N (September
/// 1945 + N to the end of 1946 + N): the act is another body's.
fn outside_ga_session(target: &str, date: Option<Date>) -> bool {
    let Some(d) = date else { return false };
    let Some((s, _)) = target.split_once('/') else {
        return false;
    };
    match s.parse::<i32>() {
        Ok(n) if (1..200).contains(&n) => d.year < 1945 + n || d.year > 1946 + n,
        _ => false,
    }
}

/// Organ implied by the shape of the number when the text names none.
fn organ_by_shape(target: &str) -> Option<String> {
    if target.ends_with(')')
        && target[target.rfind('(').unwrap_or(0) + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        Some("SC".into())
    } else if let Some((s, _)) = target.split_once('/') {
        match s.parse::<u32>() {
            Ok(y) if y >= 1946 => Some("ECOSOC".into()),
            _ => Some("GA".into()),
        }
    } else if target.contains('(') {
        Some("GA".into())
    } else {
        None
    }
}

/// The words that decide which recognisers run on a unit, found in one
/// Aho–Corasick pass instead of a scan per word.
const TRIGGERS: [&str; 13] = [
    "Add.",
    "Corr.",
    "Rev.",
    "Amend.",
    "esolution",
    "ecision",
    "res.",
    "第",
    "决议",
    "决定",
    "决 议",
    "aragraph",
    "段",
];

/// A leftmost-first automaton (the kind that may use the vectorised searcher).
/// Its non-overlapping matches still report every trigger the text holds: no
/// trigger is a prefix of another, none contains another, and no trigger's
/// end is another's start (unit test), so no match can hide another.
static TRIGGER_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(TRIGGERS)
        .unwrap()
});

/// Which of [`TRIGGERS`] a unit holds.
#[derive(Debug, Default, PartialEq, Eq)]
struct Triggers {
    /// `Add.`, `Corr.`, `Rev.`, `Amend.`: continuation forms of symbols
    modifier: bool,
    /// `resolution`, `decision`, `res.`: English-style citations
    act: bool,
    /// `第` and `决议`/`决定`: Chinese citations
    di: bool,
    jue: bool,
    /// `paragraph`: references to paragraphs
    paragraph: bool,
    /// `段`: Chinese references to paragraphs
    duan: bool,
}

impl Triggers {
    fn of(s: &str) -> Triggers {
        let mut t = Triggers::default();
        for m in TRIGGER_AC.find_iter(s) {
            match m.pattern().as_usize() {
                0..=3 => t.modifier = true,
                4..=6 => t.act = true,
                7 => t.di = true,
                8..=10 => t.jue = true,
                11 => t.paragraph = true,
                _ => t.duan = true,
            }
        }
        t
    }
}

/// Analyse one unit. `own_symbol`/`own_number` are left out of the citations.
#[allow(clippy::while_let_loop)] // the item loop breaks from several places
pub fn analyse(
    view: &View,
    lang: Lang,
    own_organ: Option<&str>,
    in_footnote: bool,
    own_symbol: Option<&str>,
    list_base: u32,
) -> UnitFacts {
    let s = view.s.as_str();
    let mut f = UnitFacts::default();
    let western = lang != Lang::Zh;
    let trig = Triggers::of(s);
    // symbols
    for sym in symbols::find_symbols(s, western) {
        f.symbols.push(SymbolRef {
            range: view.range(sym.start..sym.end),
            canonical: sym.canonical.clone(),
            problems: sym.problems.clone(),
            in_furniture: false,
        });
    }
    // continuation forms (`A/60/88 and Corr. 2`)
    let continuations = if trig.modifier {
        CONTINUATION.captures_iter(s).collect()
    } else {
        Vec::new()
    };
    for c in continuations {
        let m = c.get(1).unwrap();
        let prev = f
            .symbols
            .iter()
            .rfind(|p| view.range(0..m.start()).end >= p.range.end)
            .cloned();
        if let Some(prev) = prev {
            let problems = if c[2].is_empty() {
                vec![]
            } else {
                vec![SymbolProblem::Whitespace]
            };
            let canon = format!("{}/{}", prev.canonical, m.as_str().replace(' ', ""));
            f.symbols.push(SymbolRef {
                range: view.range(m.start()..m.end()),
                canonical: canon,
                problems,
                in_furniture: false,
            });
        }
    }
    f.symbols.sort_by_key(|x| x.range.start);
    let mut list = list_base;
    // English-style citations (also used for fr/es/ru: same numbers)
    if trig.act {
        let en_act = EN_ACT.get();
        for act in en_act.find_iter(s) {
            let (before, noun) = en_act_parts(act.as_str());
            let plural = noun.ends_with('s') && noun != "res.";
            let is_decision = noun.to_lowercase().starts_with("decision");
            let (organ, own, other_body) = organ_of(before, own_organ);
            let list_start = act.start();
            let mut pos = act.end();
            let mut items: Vec<Citation> = Vec::new();
            let mut joins: Vec<bool> = Vec::new();
            loop {
                let Some(m) = EN_ITEM.find(&s[pos..]) else {
                    break;
                };
                let raw = m.as_str();
                let is_plain_number = !raw.contains('/') && !raw.contains('(');
                if is_plain_number {
                    break; // `resolution 1` of some other body: no target we can name
                }
                let target = normalise_number(raw);
                let num_range = pos..pos + m.end();
                pos += m.end();
                let mut date = None;
                let mut date_range = None;
                if let Some(d) = EN_OF_DATE.captures(&s[pos..]) {
                    let dm = d.get(1).unwrap();
                    if let Some(fd) = dates::find_dates(dm.as_str()).first() {
                        date = Some(fd.date);
                        date_range = Some(view.range(pos + dm.start()..pos + dm.end()));
                    }
                    pos += d.get(0).unwrap().end();
                }
                let kind = if is_decision {
                    CitationKind::Decision
                } else {
                    CitationKind::Resolution
                };
                let org = if other_body && !sc_shaped(&target) {
                    None
                } else {
                    organ.clone().or_else(|| organ_by_shape(&target))
                };
                items.push(Citation {
                    kind,
                    target,
                    organ: org,
                    date,
                    date_range,
                    range: view.range(num_range),
                    list,
                    list_range: 0..0,
                    noun_plural: Some(plural),
                    own,
                    in_footnote,
                    raw: raw.to_string(),
                });
                if let Some(sep) = EN_SEP.find(&s[pos..])
                    && EN_ITEM
                        .find(&s[pos + sep.end()..])
                        .is_some_and(|m| m.as_str().contains('/') || m.as_str().contains('('))
                {
                    joins.push(sep.as_str().contains("and"));
                    pos += sep.end();
                    continue;
                }
                break;
            }
            if items.is_empty() {
                continue;
            }
            if let Some(b) = EN_BOTH.captures(&s[pos..]) {
                let dm = b.get(1).unwrap();
                if let Some(fd) = dates::find_dates(dm.as_str()).first() {
                    let dr = view.range(pos + dm.start()..pos + dm.end());
                    for it in items.iter_mut() {
                        it.date = Some(fd.date);
                        it.date_range = Some(dr.clone());
                    }
                }
                pos += b.get(0).unwrap().end();
            }
            apply_shared_date(&mut items, &joins);
            // a bare noun, or `its` after another body's name (`the Human Rights
            // Council in its resolutions 55/28 …`, A/RES/79/258)
            if before.is_none() || own {
                other_body_before(s, list_start, &mut items);
            }
            let lr = view.range(list_start..pos);
            for mut it in items {
                it.list_range = lr.clone();
                f.citations.push(it);
            }
            list += 1;
        }
    }
    // French, Spanish, Russian and Arabic: the nouns and date words of
    // `grammar/languages.toml`
    if matches!(lang, Lang::Fr | Lang::Es | Lang::Ru | Lang::Ar) {
        other_citations(view, lang, own_organ, in_footnote, &mut f, &mut list);
    }
    // Chinese citations: `[date] 第 N 号 (、|和) ... 决议|决定`
    if trig.di && trig.jue {
        zh_citations(view, own_organ, in_footnote, &mut f, &mut list);
    }
    // A/RES and S/RES symbols are citations of resolutions; other symbols of documents
    // citation spans by start, with the furthest end so far: "is this symbol
    // inside a citation" in O(log n), not a scan (a 100 MB paragraph holds
    // millions of both)
    let mut spans: Vec<(usize, usize)> = f
        .citations
        .iter()
        .map(|c| (c.range.start, c.range.end))
        .collect();
    spans.sort_unstable();
    let mut furthest = 0;
    for s in spans.iter_mut() {
        furthest = furthest.max(s.1);
        s.1 = furthest;
    }
    for sym in &f.symbols {
        if own_symbol.is_some_and(|o| o == sym.canonical) {
            continue;
        }
        let before = spans.partition_point(|s| s.0 <= sym.range.start);
        if before > 0 && spans[before - 1].1 >= sym.range.end {
            continue;
        }
        let (kind, target, organ) = if let Some(rest) = sym.canonical.strip_prefix("A/RES/") {
            (
                CitationKind::Resolution,
                normalise_number(rest),
                Some("GA".to_string()),
            )
        } else if let Some(rest) = sym.canonical.strip_prefix("S/RES/") {
            (
                CitationKind::Resolution,
                normalise_number(rest),
                Some("SC".to_string()),
            )
        } else if let Some(rest) = sym.canonical.strip_prefix("A/DEC/") {
            (
                CitationKind::Decision,
                normalise_number(rest),
                Some("GA".to_string()),
            )
        } else {
            (CitationKind::Document, sym.canonical.clone(), None)
        };
        f.citations.push(Citation {
            kind,
            target,
            organ,
            date: None,
            date_range: None,
            range: sym.range.clone(),
            list,
            list_range: sym.range.clone(),
            noun_plural: None,
            own: false,
            in_footnote,
            raw: String::new(),
        });
        list += 1;
    }
    f.citations.sort_by_key(|c| c.range.start);
    // dates
    for d in dates::find_dates(s) {
        f.dates.push(DateRef {
            range: view.range(d.start..d.end),
            date: d.date,
            canonical_form: d.canonical_form,
        });
    }
    // paragraph references
    let para_refs = if trig.paragraph {
        PARA_REF_EN.get().captures_iter(s).collect()
    } else {
        Vec::new()
    };
    for c in para_refs {
        let Some(tail) = c.get(3) else { continue };
        let of = c.get(4).map(|m| normalise_number(m.as_str()));
        if of.is_none()
            && !matches!(
                tail.as_str(),
                "above" | "below" | "of the present resolution"
            )
        {
            continue;
        }
        let n = c.get(1).unwrap();
        f.paragraph_refs.push(ParagraphRef {
            number: n.as_str().parse().unwrap_or(0),
            sub: c.get(2).map(|m| m.as_str().to_string()),
            range: view.range(c.get(0).unwrap().range()),
            number_range: view.range(n.range()),
            of_citation: of,
        });
    }
    if trig.duan {
        for c in PARA_REF_ZH.captures_iter(s) {
            if c.get(1).is_none() && c.get(4).is_none() {
                continue;
            }
            // `第 61/100 号决议第 5 段` points into that resolution
            let before = &s[..c.get(0).unwrap().start()];
            let of = if before.trim_end().ends_with("决议") {
                f.citations
                    .iter()
                    .rev()
                    .find(|x| x.kind == CitationKind::Resolution)
                    .map(|x| x.target.clone())
            } else {
                None
            };
            if c.get(1).is_none() && of.is_none() && c.get(4).is_none() {
                continue;
            }
            let n = c.get(2).unwrap();
            f.paragraph_refs.push(ParagraphRef {
                number: n.as_str().parse().unwrap_or(0),
                sub: c.get(3).map(|m| m.as_str().to_string()),
                range: view.range(c.get(0).unwrap().range()),
                number_range: view.range(n.range()),
                of_citation: of,
            });
        }
    }
    // footnote markers
    find_markers(view, &f, &mut f.footnote_refs.clone())
        .into_iter()
        .for_each(|m| f.footnote_refs.push(m));
    markdown_markers(view, &mut f.footnote_refs);
    f
}

/// Markdown footnote references, `text[^3]` (issue 16): marked, so strong,
/// and counted as superscripts are (a writer's marker, not an extraction's
/// digits).
fn markdown_markers(view: &View, out: &mut Vec<(FootnoteRef, bool)>) {
    let s = view.s.as_str();
    for at in memchr::memmem::find_iter(s.as_bytes(), b"[^") {
        if let Some((number, d)) = crate::lexer::markdown_footnote_label(&s[at..]) {
            out.push((
                FootnoteRef {
                    number,
                    range: view.range(at..at + d.end + 1),
                    superscript: true,
                },
                true,
            ));
        }
    }
}

/// One language's citation grammar, compiled from its `languages.toml` section.
struct OtherGrammar {
    /// noun (with a possessive before it and fillers after it) up to the number
    act: Regex,
    /// what introduces the date after a number
    date_intro: Regex,
    /// between two items of a list
    sep: Regex,
    /// a month and a year with no day
    month_year: Regex,
    /// an organ phrase after a number or its date (fr/es/ru `organs`)
    organ_after: Option<Regex>,
    /// an Arabic part letter name after a number (`40/152 سين`)
    part_name: Option<Regex>,
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|x| std::cmp::Reverse(x.len())); // longest first
    w.iter()
        .map(|x| regex::escape(x).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

static OTHER_GRAMMARS: LazyLock<Vec<(Lang, OtherGrammar)>> = LazyLock::new(|| {
    [Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar]
        .into_iter()
        .map(|l| {
            let t = l.table();
            let nouns: Vec<String> = t
                .resolution_words
                .iter()
                .chain(&t.decision_words)
                .cloned()
                .collect();
            let own = alternation(&t.own_words);
            // Arabic names the organ between the noun and the number
            let mut fillers = t.act_fillers.clone();
            if l == Lang::Ar {
                fillers.extend(t.organs.iter().map(|(p, _)| p.clone()));
            }
            let fill = if fillers.is_empty() {
                String::new()
            } else {
                format!(r"(?:\s+(?:{}))*", alternation(&fillers))
            };
            let organ_after = (l != Lang::Ar && !t.organs.is_empty()).then(|| {
                let names: Vec<String> = t.organs.iter().map(|(p, _)| p.clone()).collect();
                Regex::new(&format!(r"^\s*,?\s*({})\b", alternation(&names))).unwrap()
            });
            let part_name = (!t.part_letters.is_empty()).then(|| {
                let names: Vec<String> = t.part_letters.iter().map(|(p, _)| p.clone()).collect();
                Regex::new(&format!(r"^\s+({})\b", alternation(&names))).unwrap()
            });
            // Arabic writes `و` (and), `ب` (by) joined to the noun: `والقرارين`
            let proclitic = if t.noun_prefixes.is_empty() {
                String::new()
            } else {
                format!("(?:{})?", alternation(&t.noun_prefixes))
            };
            let act = Regex::new(&format!(
                r"(?:\b({own})\s+)?\b{proclitic}({})\b({fill})\s+",
                alternation(&nouns)
            ))
            .unwrap();
            let date_intro = Regex::new(&format!(
                r"^\s*[,،]?\s*(?:{})\s*",
                alternation(&t.date_words)
            ))
            .unwrap();
            let sep = Regex::new(&format!(
                r"^(?:\s*[,،]\s*(?:(?:{0})\s*)?|\s+(?:{0})\s*)",
                alternation(&t.list_and)
            ))
            .unwrap();
            let month_year =
                Regex::new(&format!(r"^(?:{})\s+[0-9٠-٩]{{4}}", alternation(&t.months))).unwrap();
            (
                l,
                OtherGrammar {
                    act,
                    date_intro,
                    sep,
                    month_year,
                    organ_after,
                    part_name,
                },
            )
        })
        .collect()
});

/// A number as the citation grammars of fr/es/ru/ar write it: `61/100` (Arabic
/// also `40 / 152`), `1514 (XV)`,
/// `660 (1990)`, Arabic `1514 (د-15)`, or a bare `1493` (a Council resolution
/// when a date follows).
static OTHER_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:S-|ES-)?[0-9٠-٩]{1,4}\s?/\s?[0-9٠-٩]{1,4}(?:\s?[A-Z](?-u:\b))?(?:\s?\((?:[IVXL]+|\d{4})\))?|[0-9٠-٩]{1,4}\s?(?:[A-Z]\s?)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|[0-9٠-٩]{4}|دإ?-[0-9٠-٩]{1,2})\)|[0-9٠-٩]{1,4}(?:[^0-9٠-٩/]|$))").unwrap()
});

/// `1514 (د-15)` → `1514 (XV)`, `٦١/١٠٠` → `61/100`, `40 / 152` → `40/152`.
fn other_target(raw: &str) -> String {
    let ascii: String = raw
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    // `40 / 152` (Arabic spacing) → `40/152`
    let ascii = ascii
        .split('/')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("/");
    let t = normalise_number(&ascii);
    if let Some(open) = t.find("(د") {
        let emergency = t[open..].starts_with("(دإ");
        let n: u32 = t[open..]
            .trim_end_matches(')')
            .rsplit('-')
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        let pre = if emergency { "ES-" } else { "" };
        return format!("{}({pre}{})", &t[..open], roman(n));
    }
    t
}

fn other_citations(
    view: &View,
    lang: Lang,
    own_organ: Option<&str>,
    in_footnote: bool,
    f: &mut UnitFacts,
    list: &mut u32,
) {
    let s = view.s.as_str();
    let Some((_, g)) = OTHER_GRAMMARS.iter().find(|(l, _)| *l == lang) else {
        return;
    };
    let table = lang.table();
    for c in g.act.captures_iter(s) {
        let noun = c.get(2).unwrap().as_str();
        let is_decision = table.decision_words.iter().any(|w| w == noun);
        // Russian `резолюции` is a genitive singular as often as a plural
        let plural = {
            let n = noun.to_lowercase();
            if n == "резолюции" || n == "решения" {
                None
            } else {
                Some(
                    n.ends_with('s')
                        || n.ends_with("ий")
                        || n.ends_with("иях")
                        || n.ends_with("иями")
                        || n.ends_with("иям")
                        || n.contains("قرارات")
                        || n.contains("مقررات")
                        || n.contains("قراري")
                        || n.ends_with("ين"),
                )
            }
        };
        let own = c.get(1).is_some() || table.own_words.iter().any(|w| w == noun);
        let filler = c.get(3).map(|m| m.as_str()).unwrap_or("");
        // Arabic: the organ phrase between the noun and the number
        let named = table
            .organs
            .iter()
            .filter(|(p, _)| filler.contains(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(_, o)| o.clone());
        let other_body = named.as_deref() == Some("");
        let named = named.filter(|o| !o.is_empty());
        let organ = if own {
            own_organ.filter(|o| !o.is_empty()).map(String::from)
        } else {
            named.clone()
        };
        let list_start = c.get(0).unwrap().start();
        let mut pos = c.get(0).unwrap().end();
        let mut items: Vec<Citation> = Vec::new();
        // an organ phrase after a number or its date names the list's organ
        let mut named_after: Option<String> = None;
        let mut joins: Vec<bool> = Vec::new();
        let organ_after = |at: usize, named_after: &mut Option<String>| -> usize {
            let Some(m) = g.organ_after.as_ref().and_then(|r| r.captures(&s[at..])) else {
                return 0;
            };
            *named_after = table.cited_organ(&m[1]).map(String::from);
            m.get(0).unwrap().end()
        };
        while let Some(m) = OTHER_ITEM.find(&s[pos..]) {
            // the plain-number form ends with the character after the digits
            let raw = m.as_str();
            let raw = match raw.chars().next_back() {
                Some(ch)
                    if !(ch.is_ascii_alphanumeric() || ('٠'..='٩').contains(&ch) || ch == ')') =>
                {
                    &raw[..raw.len() - ch.len_utf8()]
                }
                _ => raw,
            };
            let mut num_end = pos + raw.len();
            let plain = !raw.contains('/') && !raw.contains('(');
            // Arabic part letters are written as letter names: `40/152 سين`
            let mut part = None;
            if let Some(p) = g.part_name.as_ref().and_then(|r| r.captures(&s[num_end..])) {
                part = table
                    .part_letters
                    .iter()
                    .find(|(n, _)| *n == p[1])
                    .map(|(_, l)| l.clone());
                num_end += p.get(0).unwrap().end();
            }
            let num_range = pos..num_end;
            let mut after = num_end;
            after += organ_after(after, &mut named_after);
            let mut date = None;
            let mut date_range = None;
            if let Some(d) = g.date_intro.find(&s[after..]) {
                let at = after + d.end();
                if let Some(fd) = dates::find_dates(&s[at..])
                    .into_iter()
                    .find(|fd| fd.start == 0)
                {
                    date = Some(fd.date);
                    date_range = Some(view.range(at..at + fd.end));
                    after = at + fd.end;
                } else if let Some(m) = g.month_year.find(&s[at..]) {
                    // a date without its day (`661 (1990) d’août 1990`, the French
                    // Iraq draft of 2003): no date, but the list goes on
                    after = at + m.end();
                }
            }
            if date.is_some() {
                // `года` after a Russian date
                after += organ_after(after, &mut named_after);
            }
            let mut target = match (plain, date) {
                // `резолюции 1493 от 28 июля 2003 года`: a Council resolution
                (true, Some(d)) => format!("{} ({})", other_target(raw), d.year),
                (true, None) => break,
                _ => other_target(raw),
            };
            if let Some(l) = part {
                target = normalise_number(&format!("{target} {l}"));
            }
            let org = if other_body && !sc_shaped(&target) {
                None
            } else {
                organ.clone().or_else(|| organ_by_shape(&target))
            };
            items.push(Citation {
                kind: if is_decision {
                    CitationKind::Decision
                } else {
                    CitationKind::Resolution
                },
                target,
                organ: org,
                date,
                date_range,
                range: view.range(num_range),
                list: *list,
                list_range: 0..0,
                noun_plural: plural,
                own,
                in_footnote,
                raw: s[pos..num_end].to_string(),
            });
            pos = after;
            if let Some(sep) = g.sep.find(&s[pos..])
                && OTHER_ITEM.is_match(&s[pos + sep.end()..])
            {
                joins.push(
                    table
                        .list_and
                        .iter()
                        .any(|w| sep.as_str().contains(w.as_str())),
                );
                pos += sep.end();
                continue;
            }
            break;
        }
        if items.is_empty() {
            continue;
        }
        // `la résolution 2231 (2015) du Conseil de sécurité`, `резолюцию 5/1 Совета
        // по правам человека`: the organ of every item the text does not own
        if let Some(o) = named_after.filter(|_| !own && named.is_none() && !other_body) {
            for it in items.iter_mut() {
                it.organ = if o.is_empty() && !sc_shaped(&it.target) {
                    None
                } else if o.is_empty() {
                    Some("SC".into())
                } else {
                    Some(o.clone())
                };
            }
        }
        apply_shared_date(&mut items, &joins);
        let lr = view.range(list_start..pos);
        for mut it in items {
            it.list_range = lr.clone();
            f.citations.push(it);
        }
        *list += 1;
    }
}

/// A bare `resolution(s)` (or `its resolutions`) whose date rules out the General
/// Assembly's act of that number: the body named last before it in the sentence
/// owns the list
/// (ESCAP's `…, of resolution 72/7 of 19 May 2016`).
fn other_body_before(s: &str, list_start: usize, items: &mut [Citation]) {
    // every dated item of the list is out of its session (one misprinted date
    // in a list of the Assembly's own acts is not enough)
    let mut dated = items
        .iter()
        .filter(|c| {
            c.organ.as_deref() == Some("GA")
                && c.date.is_some()
                && c.target.starts_with(|ch: char| ch.is_ascii_digit())
        })
        .peekable();
    if dated.peek().is_none() || !dated.all(|c| outside_ga_session(&c.target, c.date)) {
        return;
    }
    let mut from = list_start.saturating_sub(300);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let window = &s[from..list_start];
    // the sentence: after the last `;` or `. `
    let window = &window[window
        .rfind(';')
        .or_else(|| window.rfind(". ").map(|i| i + 1))
        .map_or(0, |i| i + 1)..];
    let Some(m) = EN_OTHER_BODY.find_iter(window).last() else {
        return;
    };
    let squeezed = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
    let organ = Lang::En.table().cited_organ(&squeezed).unwrap_or("");
    for it in items.iter_mut() {
        if it.organ.as_deref() == Some("GA") {
            it.organ = (!organ.is_empty()).then(|| organ.to_string());
            it.own = false;
        }
    }
}

/// One date for a list applies to every item of that session
/// (`resolutions 62/57 and 62/58 of 5 December 2007`) when it is the only date
/// and the last; inside a longer list, to the undated items of that session
/// before it when it is joined to them by `and` (`…, 67/1 of 19 September 2012,
/// 69/193 and 69/196 of 18 December 2014`, `78/19, 78/20 and 78/21 of 4 December
/// 2023`), not when the dated item follows a comma (`70/1, 70/299 of 29 July
/// 2016`: 70/1 is of 2015). `joins[i]`: item i and item i + 1 are joined by `and`.
fn apply_shared_date(items: &mut [Citation], joins: &[bool]) {
    let session = |t: &str| t.split_once('/').map(|(s, _)| s.to_string());
    let dated: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].date.is_some())
        .collect();
    if dated.len() == 1 && dated[0] == items.len() - 1 && items.len() > 1 {
        let last = items[items.len() - 1].clone();
        for it in items.iter_mut() {
            if it.date.is_none()
                && session(&it.target).is_some()
                && session(&it.target) == session(&last.target)
            {
                it.date = last.date;
                it.date_range = last.date_range.clone();
            }
        }
        return;
    }
    for j in (1..items.len()).rev() {
        if items[j].date.is_none() || !joins.get(j - 1).copied().unwrap_or(false) {
            continue;
        }
        let (d, r, sess) = (
            items[j].date,
            items[j].date_range.clone(),
            session(&items[j].target),
        );
        for i in (0..j).rev() {
            if items[i].date.is_some() || sess.is_none() || session(&items[i].target) != sess {
                break;
            }
            items[i].date = d;
            items[i].date_range = r.clone();
        }
    }
}

/// The organ the words before a Chinese citation name, from the `[zh] organs` of
/// `grammar/languages.toml`: another organ first, then `其` (its), then the
/// Assembly: (organ, own, another body).
fn zh_organ(before: &str, own_organ: Option<&str>) -> (Option<String>, bool, bool) {
    let squeezed: String = before.chars().filter(|c| !is_space(*c)).collect();
    let organs = &Lang::Zh.table().organs;
    if let Some((_, o)) = organs
        .iter()
        .find(|(p, o)| o != "GA" && squeezed.contains(p.as_str()))
    {
        return ((!o.is_empty()).then(|| o.clone()), false, o.is_empty());
    }
    if squeezed.contains('其') {
        return (
            own_organ.filter(|o| !o.is_empty()).map(String::from),
            true,
            false,
        );
    }
    if organs
        .iter()
        .any(|(p, o)| o == "GA" && squeezed.contains(p.as_str()))
    {
        return (Some("GA".to_string()), false, false);
    }
    (None, false, false)
}

/// Two GA numbers of one session (`62/57`, `62/58`).
fn same_session(a: &str, b: &str) -> bool {
    matches!((a.split_once('/'), b.split_once('/')), (Some((x, _)), Some((y, _))) if x == y)
}

/// A Chinese citation item: target, range, and the date written before it.
type ZhItem = (String, Range<usize>, Option<(Date, Range<usize>)>);

#[allow(clippy::while_let_loop)] // the chain loops break from several places
fn zh_citations(
    view: &View,
    own_organ: Option<&str>,
    in_footnote: bool,
    f: &mut UnitFacts,
    list: &mut u32,
) {
    let s = view.s.as_str();
    let mut search = 0;
    let mut last_chain_end = 0;
    while let Some(p) = s[search..].find('第') {
        let start = search + p;
        let mut pos = start;
        let mut items: Vec<ZhItem> = Vec::new();
        let mut noun: Option<CitationKind> = None;
        let mut first_date_at = None;
        loop {
            // `第` + numbers + `号`
            let Some(rest) = s[pos..].strip_prefix('第') else {
                break;
            };
            let mut q = pos + '第'.len_utf8();
            let mut group: Vec<(String, Range<usize>)> = Vec::new();
            loop {
                let Some(m) = ZH_NUM.captures(&s[q..]) else {
                    break;
                };
                let g = m.get(1).unwrap();
                group.push((
                    normalise_number(&g.as_str().replace(' ', "")),
                    q + g.start()..q + g.end(),
                ));
                q += m.get(0).unwrap().end();
                let t = s[q..].trim_start();
                let skip = s[q..].len() - t.len();
                if let Some(after) = t
                    .strip_prefix('、')
                    .or_else(|| t.strip_prefix('和'))
                    .or_else(|| t.strip_prefix('及'))
                    && ZH_NUM.is_match(after)
                {
                    q += skip + (t.len() - after.len());
                    continue;
                }
                break;
            }
            let _ = rest;
            let t = s[q..].trim_start();
            if group.is_empty() || !t.starts_with('号') {
                break;
            }
            q += s[q..].len() - t.len() + '号'.len_utf8();
            // date right before `第`
            let mut from = pos.saturating_sub(48);
            while !s.is_char_boundary(from) {
                from -= 1;
            }
            let date = ZH_DATE_BEFORE.captures(&s[from..pos]).map(|c| {
                let m = c.get(0).unwrap();
                if items.is_empty() {
                    first_date_at = Some(from + m.start());
                }
                let m = from + m.start()..from + m.end();
                (
                    Date {
                        year: c[1].parse().unwrap_or(0),
                        month: c[2].parse().unwrap_or(0),
                        day: c[3].parse().unwrap_or(0),
                    },
                    view.range(m),
                )
            });
            let n = group.len();
            let last = group[n - 1].0.clone();
            for (i, (t, r)) in group.into_iter().enumerate() {
                // a date before `第 a、b 号` applies to the items of the last one's
                // session (`2007 年 12 月 5 日第 62/57 和 62/58 号`: both of that day)
                let d = if n == 1 || i == n - 1 || same_session(&t, &last) {
                    date.clone()
                } else {
                    None
                };
                items.push((t, r, d));
            }
            let t = s[q..].trim_space_start();
            let q2 = q + (s[q..].len() - t.len());
            if t.starts_with("决议") || t.starts_with("决 议") {
                noun = Some(CitationKind::Resolution);
                pos = q2
                    + if t.starts_with("决议") {
                        "决议".len()
                    } else {
                        "决 议".len()
                    };
                break;
            }
            if t.starts_with("决定") || t.starts_with("决 定") {
                noun = Some(CitationKind::Decision);
                pos = q2 + "决定".len();
                break;
            }
            // next group: `、` / `和` / `以及`, then (topic phrase, date) and `第`
            let cont = t.starts_with('、')
                || t.starts_with('和')
                || t.starts_with('及')
                || t.starts_with("以及");
            // `…第 57/72 号，2003 年 12 月 23 日第 58/241 号、…决议` (UN044): a comma
            // goes on with the list only when an item, its date first, follows
            if !cont {
                if let Some(after) = t.strip_prefix('，').or_else(|| t.strip_prefix(','))
                    && let Some(m) = ZH_DATED_ITEM.find(after)
                {
                    pos = q2 + (t.len() - after.len()) + m.end() - '第'.len_utf8();
                    continue;
                }
                break;
            }
            let window_end = (q2 + 240).min(s.len());
            let mut we = window_end;
            while !s.is_char_boundary(we) {
                we -= 1;
            }
            let window = &s[q2..we];
            let stop = window.find(['，', '；', '。', ';']).unwrap_or(window.len());
            match window[..stop].find('第') {
                Some(k) => pos = q2 + k,
                None => break,
            }
        }
        let Some(kind) = noun else {
            search = start + '第'.len_utf8();
            continue;
        };
        // organ: the organ words before the chain in its clause, after the previous
        // citation when something is named there (`安全理事会第 2231(2015)号决议和其…
        // 第 61/100 号决议`), else in the whole clause (`人权理事会第 5/1 号决议和第
        // 6/2 号决议`)
        let sentence_start = s[..start]
            .rfind(['，', '；', '。', ',', ';'])
            .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let after_prev = sentence_start.max(last_chain_end.min(start));
        let (mut organ, mut own, mut other_body) = zh_organ(&s[after_prev..start], own_organ);
        let mut clause_start = after_prev;
        if organ.is_none() && !own && !other_body && after_prev > sentence_start {
            (organ, own, other_body) = zh_organ(&s[sentence_start..start], own_organ);
            clause_start = sentence_start;
        }
        // the list starts at `其` and the first item's date, as `its resolutions`
        // does in English (UN040 reads the text between the lead and the list)
        let mut list_start = first_date_at.unwrap_or(start).max(clause_start);
        if let Some(own_at) = s[clause_start..list_start]
            .trim_space_end()
            .strip_suffix('其')
            .map(|b| clause_start + b.len())
            .filter(|_| own)
        {
            list_start = own_at;
        }
        let list_range = view.range(list_start..pos);
        let plural = items.len() > 1;
        for (t, r, d) in items {
            let org = if other_body && !sc_shaped(&t) {
                None
            } else {
                organ.clone().or_else(|| organ_by_shape(&t))
            };
            f.citations.push(Citation {
                kind,
                target: t,
                organ: org,
                date: d.as_ref().map(|x| x.0),
                date_range: d.map(|x| x.1),
                range: view.range(r.clone()),
                list: *list,
                list_range: list_range.clone(),
                noun_plural: Some(plural),
                own,
                in_footnote,
                raw: view.s[r].to_string(),
            });
        }
        *list += 1;
        last_chain_end = pos;
        search = pos.max(start + '第'.len_utf8());
    }
}

/// Runs of superscript digits (`¹²`) in `s`, with their value. In UTF-8 each
/// starts with byte C2 (`¹²³`) or E2 (`⁰⁴…⁹`), so only the characters at those
/// bytes are decoded.
fn superscript_runs(s: &str) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(0xC2, 0xE2, &s.as_bytes()[from..]) {
        let i = from + k;
        let mut chars = s[i..].chars();
        let Some(mut n) = chars.next().and_then(superscript_digit) else {
            from = i + 1;
            continue;
        };
        let mut end = s.len() - chars.as_str().len();
        for d in chars {
            let Some(x) = superscript_digit(d) else { break };
            n = n.wrapping_mul(10).wrapping_add(x);
            end += d.len_utf8();
        }
        out.push((i..end, n));
        from = end;
    }
    out
}

/// Footnote markers: superscripts (always), digits glued after punctuation
/// (strong), digits standing alone after a word (weak: kept only when a footnote
/// with that number exists; the caller decides).
fn find_markers(
    view: &View,
    f: &UnitFacts,
    _out: &mut Vec<(FootnoteRef, bool)>,
) -> Vec<(FootnoteRef, bool)> {
    let s = view.s.as_str();
    let mut v = Vec::new();
    // citation, symbol and date ranges, sorted, for a binary-search overlap test
    let mut taken: Vec<Range<usize>> = f
        .citations
        .iter()
        .map(|c| c.range.clone())
        .chain(f.symbols.iter().map(|c| c.range.clone()))
        .chain(f.dates.iter().map(|c| c.range.clone()))
        .collect();
    taken.sort_by_key(|r| r.start);
    let max_len = taken.iter().map(|r| r.len()).max().unwrap_or(0);
    let inside_cite = |r: &Range<usize>| {
        let lo = taken.partition_point(|t| t.start + max_len < r.start);
        taken[lo..]
            .iter()
            .take_while(|t| t.start < r.end)
            .any(|t| r.start < t.end)
    };
    for (r, n) in superscript_runs(s) {
        v.push((
            FootnoteRef {
                number: n,
                range: view.range(r),
                superscript: true,
            },
            true,
        ));
    }
    // One scan over the digit runs: glued to punctuation (strong) or standing
    // alone after a word (weak).
    let b = s.as_bytes();
    let mut k = 0;
    while let Some(d) = crate::text::find_ascii_digit(b, k) {
        k = d;
        let ds = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let de = k;
        if de - ds > 3 {
            // `20238 and`: a year with its marker glued on (weak)
            if let Some(m) = year_then_marker(s, ds, de) {
                push_weak(view, &inside_cite, &mut v, s, m);
            }
            continue;
        }
        let next = s[de..].chars().next();
        let prev = s[..ds].chars().next_back();
        let Some(prev) = prev else { continue };
        // `nuclear tests6`, `Abyei1,`: a marker glued to a word (weak)
        if prev.is_alphabetic() {
            if glued_to_word(s, ds, de) {
                push_weak(view, &inside_cite, &mut v, s, ds..de);
            }
            continue;
        }
        // `أنغويلا(2)`, `2024(1)`: the parenthesised marker of Arabic texts (weak)
        if prev == '(' {
            if parenthesised_marker(s, ds, de) {
                push_weak(view, &inside_cite, &mut v, s, ds..de);
            }
            continue;
        }
        let number: u32 = s[ds..de].parse().unwrap_or(0);
        // the punctuation (or space) before the digits
        let (punct, spaced) = if is_space(prev) {
            let before = s[..ds].trim_space_end();
            (before.chars().next_back(), true)
        } else {
            (Some(prev), false)
        };
        let Some(punct) = punct else { continue };
        let punct_at = {
            let before = if spaced {
                s[..ds].trim_space_end()
            } else {
                &s[..ds]
            };
            before.len() - punct.len_utf8()
        };
        // `326,164,100`, `1.234.567`, `1’234`: a group of a number, not a marker
        if digit_group(s, punct_at, punct, spaced, de - ds) {
            continue;
        }
        let glued_ok = matches!(
            punct,
            ',' | ';' | '.' | ':' | '，' | '；' | '。' | '、' | '》' | '）' | ')' | '”' | '"' | '»'
        );
        let next_ok = next.is_none_or(|c| {
            is_space(c)
                || !(c.is_ascii_digit()
                    || matches!(
                        c,
                        '/' | '.' | ',' | ':' | ')' | '-' | '年' | '月' | '日' | '个' | '%'
                    ))
        });
        // `»8, dans`, `”3; and`: after a closing quote the sentence's own
        // punctuation follows the marker
        let next_ok = next_ok || (matches!(punct, '»' | '”' | '"') && punct_follows(&s[de..]));
        if glued_ok && next_ok && (!spaced || !punct.is_ascii() || punct == '"') {
            let before = &s[..punct_at];
            let word = before
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            if matches!(
                word,
                "para"
                    | "paras"
                    | "No"
                    | "Nos"
                    | "vol"
                    | "p"
                    | "pp"
                    | "chap"
                    | "art"
                    | "sect"
                    | "annex"
                    | "Rev"
                    | "Add"
                    | "Corr"
                    | "L"
                    | "PV"
                    | "SR"
                    | "CONF"
                    | "Sub"
            ) {
                continue;
            }
            if punct == '.' {
                // `1.5`, `62/57.`; a marker after a full stop only ends a paragraph
                if before
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_ascii_digit())
                {
                    continue;
                }
                let after = s[de..].trim();
                if !after.is_empty() && !after.starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
            }
            // `，13 个国家`: a count, not a marker
            if s[de..]
                .trim_space_start()
                .chars()
                .next()
                .is_some_and(|ch| CJK_UNITS.contains(ch))
            {
                continue;
            }
            let r = view.range(ds..de);
            if inside_cite(&r) {
                continue;
            }
            v.push((
                FootnoteRef {
                    number,
                    range: r,
                    superscript: false,
                },
                // after an enumeration comma (`《宣言》、3 《公约》`) only where
                // its footnote exists
                punct != '、' && !after_plain_number(before),
            ));
            continue;
        }
        // weak: `on Anguilla 2 and`, `Peoples, 3 there`
        if !spaced || !next.is_none_or(is_space) {
            continue;
        }
        if !(punct.is_ascii_alphabetic()
            || matches!(punct, ')' | ']' | '”' | '"' | ',' | ';')
            || (punct.is_ascii_digit() && ends_with_year(&s[..punct_at + 1])))
        {
            continue;
        }
        let before = &s[..punct_at + punct.len_utf8()];
        let word = before
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        if matches!(
            lower.as_str(),
            "article"
                | "articles"
                | "paragraph"
                | "paragraphs"
                | "para"
                | "chapter"
                | "protocol"
                | "rule"
                | "rules"
                | "annex"
                | "item"
                | "items"
                | "section"
                | "principle"
                | "goal"
                | "goals"
                | "target"
                | "targets"
                | "no"
                | "vol"
                | "decision"
                | "resolution"
                | "and"
                | "or"
                | "to"
                | "from"
                | "phase"
                | "step"
                | "level"
                | "category"
                | "class"
                | "group"
                | "page"
                | "option"
                | "tier"
                | "grade"
                | "covid"
                | "the"
                | "of"
                | "in"
                | "at"
                | "for"
                | "by"
                | "on"
                | "with"
                | "over"
                | "than"
                | "under"
                | "about"
                | "some"
                | "least"
                | "most"
                | "every"
                | "first"
                | "last"
        ) || (!word.is_empty()
            && word.len() <= 3
            && word
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch.is_ascii_uppercase()))
        {
            continue;
        }
        let after = s[de..].trim_start();
        let next_word: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
        if matches!(
            next_word.to_lowercase().as_str(),
            "years"
                | "year"
                | "months"
                | "days"
                | "weeks"
                | "hours"
                | "per"
                | "percent"
                | "million"
                | "billion"
                | "times"
                | "states"
                | "members"
                | "countries"
                | "to"
                | "of"
                | "or"
                | "p"
                | "pm"
                | "am"
                | "degrees"
        ) {
            continue;
        }
        push_weak(view, &inside_cite, &mut v, s, ds..de);
    }
    v.sort_by_key(|(r, _)| r.range.start);
    v
}

/// `s` opens with a comma, semicolon, colon or full stop that ends a phrase
/// (a space or the end after it), not a number's part (`8,5`, `3.1`).
fn punct_follows(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(',' | ';' | ':' | '.')) && c.next().is_none_or(is_space)
}

/// Pushes a weak marker (kept only when its footnote exists, in sequence).
fn push_weak(
    view: &View,
    inside_cite: &impl Fn(&Range<usize>) -> bool,
    v: &mut Vec<(FootnoteRef, bool)>,
    s: &str,
    m: Range<usize>,
) {
    let number: u32 = s[m.clone()].parse().unwrap_or(0);
    let r = view.range(m);
    if number == 0 || inside_cite(&r) || v.last().is_some_and(|(x, _)| x.range == r) {
        return;
    }
    v.push((
        FootnoteRef {
            number,
            range: r,
            superscript: false,
        },
        false,
    ));
}

/// A year of the UN's time (1945–2049) as four digits.
fn is_year(d: &[u8]) -> bool {
    d.len() == 4
        && d.iter().all(u8::is_ascii_digit)
        && matches!(
            (d[0], d[1], d[2]),
            (b'1', b'9', b'4'..=b'9') | (b'2', b'0', b'0'..=b'4')
        )
}

/// `s` ends with a year standing alone (`August 1948`), not a digit group.
fn ends_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 4 || !is_year(&b[b.len() - 4..]) {
        return false;
    }
    let before = s[..s.len() - 4].chars().next_back();
    match before {
        None => true,
        // `1\u{a0}2019` groups a number; `عام\u{a0}2019` is a year
        Some('\u{a0}' | '\u{202f}') => !s[..s.len() - 4]
            .trim_end_matches(['\u{a0}', '\u{202f}'])
            .ends_with(|c: char| c.is_ascii_digit()),
        Some(c) => !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/')),
    }
}

/// `before` (the text up to a comma or full stop) ends with a number other
/// than a year: a marker after it may be a decimal (`2,5 millions`), so it is
/// kept only as a weak one.
fn after_plain_number(before: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_digit()) && !ends_with_year(before)
}

/// The digits at `ds..ds + len` continue a number written with group
/// separators (`326,164,100`, `1 234 567`, `1.234.567`, `1’234`): three digits
/// after a separator that follows a digit.
fn digit_group(s: &str, punct_at: usize, punct: char, spaced: bool, len: usize) -> bool {
    if len != 3 {
        return false;
    }
    let sep = if spaced { ' ' } else { punct };
    let digit_before = if spaced {
        punct.is_ascii_digit()
    } else {
        s[..punct_at].ends_with(|c: char| c.is_ascii_digit())
    };
    digit_before && matches!(sep, ',' | '.' | ' ' | '\'' | '’')
}

/// `20238 and`, `2015–20307`: five or six digits that are a year and a
/// one- or two-digit marker glued to it (numbers this large are written with
/// group separators in UN texts). Returns the marker's range.
fn year_then_marker(s: &str, ds: usize, de: usize) -> Option<Range<usize>> {
    let b = s.as_bytes();
    if !(5..=6).contains(&(de - ds)) || !is_year(&b[ds..ds + 4]) || b[ds + 4] == b'0' {
        return None;
    }
    let prev_ok = s[..ds]
        .chars()
        .next_back()
        .is_none_or(|c| is_space(c) || matches!(c, '–' | '-' | '('));
    let next_ok = s[de..].chars().next().is_none_or(|c| {
        is_space(c) || matches!(c, ',' | ';' | '.' | ':' | ')' | '，' | '；' | '。')
    });
    (prev_ok && next_ok).then_some(ds + 4..de)
}

/// `أنغويلا(2)`, `عام 2024(1)`: digits in brackets glued to a non-Latin
/// word or to a year, closed at once and not followed by a word; not a
/// paragraph's part (`5(2)`), a session (`1514(XV)`), a label (`(a)`).
fn parenthesised_marker(s: &str, ds: usize, de: usize) -> bool {
    let open = ds - 1;
    if s.as_bytes()[ds] == b'0' || !s[de..].starts_with(')') {
        return false;
    }
    let Some(c) = s[..open].chars().next_back() else {
        return false;
    };
    let before = &s[..open];
    let glued = (c.is_alphabetic() && !c.is_ascii())
        || (c.is_ascii_digit() && (ends_with_year(before) || ends_with_resolution(before)))
        || matches!(c, '»' | '”' | '“' | '"')
        // `(قواعد بانكوك)(9)`: after a parenthesis that closes words
        || (c == ')'
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() && !c.is_ascii()));
    // what follows is not a word run on in Latin letters or digits (an
    // Arabic conjunction may follow unspaced: `1999(27)والجاري`)
    glued
        && !s[de + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `s` ends with a resolution number (`71/205`, `72/190`): Arabic texts put a
/// footnote's marker right after the number it documents.
fn ends_with_resolution(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = s.len() - t.len();
    (1..=4).contains(&digits)
        && t.strip_suffix('/').is_some_and(|u| {
            let n = u.len() - u.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            (1..=4).contains(&n)
                && !u[..u.len() - n].ends_with(|c: char| c == '/' || c.is_alphanumeric())
        })
}

/// `nuclear tests6`, `Abyei1,`, `的决议2`: one to three digits glued to a
/// word a reader sees as a footnote marker; not a code (`G20`, `CO2`, `H2O`,
/// `COVID-19`, `A/79/L.5`, `km2`, `第3`).
fn glued_to_word(s: &str, ds: usize, de: usize) -> bool {
    if s.as_bytes()[ds] == b'0' {
        return false;
    }
    // what follows: the end, a space, or punctuation that does not run on
    // into a word or a number (`Abyei1,` but not `H2O`, `A1/B2`)
    let mut after = s[de..].chars();
    match after.next() {
        None => {}
        Some(c) if is_space(c) => {}
        Some(',' | ';' | ':' | '.' | ')' | '»' | '”' | '，' | '；' | '。' | '、' | '）') => {
            if after.next().is_some_and(|c| c.is_alphanumeric()) {
                return false;
            }
        }
        _ => return false,
    }
    let before = &s[..ds];
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let last = word.chars().next_back().unwrap_or(' ');
    if is_cjk(last) {
        // `第3`, `3个` are ordinals and counts; Chinese runs on without spaces,
        // so what came before the word says nothing (`60多年之后3 仍有`)
        return !word.ends_with('第')
            && !s[de..]
                .chars()
                .next()
                .is_some_and(|c| CJK_UNITS.contains(c));
    }
    // a code or unit: part of a symbol (`L.5`), a hyphenated or numbered name
    if before[..word_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '_' | '@'))
    {
        return false;
    }
    let letters = word.chars().count();
    // acronyms and their numbers (`G20`, `CO2`, `SDG16`, `MINUSCA2`?) read as
    // names; so do short units (`km2`, `m3`)
    letters >= 3 && !last.is_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The act's phrase and noun read off the match are its capture groups, on
    /// every paragraph of the outline fixtures and forms made up to try the
    /// phrase alternation.
    #[test]
    fn en_act_parts_are_the_capture_groups() {
        let t = Lang::En.table();
        for p in t.organs.iter().map(|(p, _)| p).chain(&t.own_words) {
            assert_eq!(p.trim(), p, "{p}");
        }
        let mut texts = crate::text::outline_fixture_texts();
        texts.push(
            "the General\u{a0}Assembly  resolutions 1/2, its\tdecision 3/4, res. 5/6 and \
             Security Council resolution\u{2003}7 (2000); Resolution 8/9"
                .into(),
        );
        let mut n = 0;
        for text in &texts {
            for c in EN_ACT.get().captures_iter(text) {
                let (before, noun) = en_act_parts(c.get(0).unwrap().as_str());
                assert_eq!(before, c.get(1).map(|m| m.as_str()), "{}", &c[0]);
                assert_eq!(noun, &c[2], "{}", &c[0]);
                n += 1;
            }
        }
        assert!(n > 20, "{n}");
    }

    /// One pass finds what a search per trigger finds, on the outline
    /// fixtures' paragraphs and on texts that pack the triggers together.
    #[test]
    fn triggers_are_what_a_search_per_word_finds() {
        for a in TRIGGERS {
            for b in TRIGGERS {
                if a == b {
                    continue;
                }
                assert!(!a.contains(b), "{a} holds {b}");
                for k in 1..a.len().min(b.len()) {
                    if a.is_char_boundary(a.len() - k) && b.is_char_boundary(k) {
                        assert_ne!(&a[a.len() - k..], &b[..k], "{a} runs into {b}");
                    }
                }
            }
        }
        let slow = |s: &str| {
            let any = |w: &[&str]| w.iter().any(|x| s.contains(x));
            Triggers {
                modifier: any(&["Add.", "Corr.", "Rev.", "Amend."]),
                act: any(&["esolution", "ecision", "res."]),
                di: s.contains('第'),
                jue: any(&["决议", "决定", "决 议"]),
                paragraph: s.contains("aragraph"),
                duan: s.contains('段'),
            }
        };
        let mut texts: Vec<String> = crate::text::outline_fixture_texts()
            .iter()
            .flat_map(|t| t.split("\n\n").map(String::from))
            .collect();
        texts.push("A/60/88 and Corr.2, Rev.1; resolutions, decision res. paragraphs".into());
        texts.push("第 61/100 号决议第 5 段和决定、决 议".into());
        let mut seen = Triggers::default();
        for t in &texts {
            let fast = Triggers::of(t);
            assert_eq!(fast, slow(t), "{t}");
            seen.modifier |= fast.modifier;
            seen.act |= fast.act;
            seen.di |= fast.di;
            seen.jue |= fast.jue;
            seen.paragraph |= fast.paragraph;
            seen.duan |= fast.duan;
        }
        assert_eq!(
            seen,
            Triggers {
                modifier: true,
                act: true,
                di: true,
                jue: true,
                paragraph: true,
                duan: true
            }
        );
    }

    /// The byte scan for superscripts finds what decoding every character finds.
    #[test]
    fn markers_as_a_reader_sees_them() {
        let at = |s: &str, d: &str| s.find(d).map(|i| (i, i + d.len())).unwrap();
        // glued to a word
        for (s, d) in [
            ("the nuclear tests6 and", "6"),
            ("in Abyei1, the", "1"),
            ("the Secretary-General14 and", "14"),
            ("关于安圭拉的工作文件2 和", "2"),
        ] {
            let (a, b) = at(s, d);
            assert!(glued_to_word(s, a, b), "{s}");
        }
        // codes and units are not markers
        for (s, d) in [
            ("the G20 summit", "20"),
            ("emissions of CO2 and", "2"),
            ("H2O", "2"),
            ("the km2 area", "2"),
            ("document A/79/L5 and", "5"),
            ("第3段", "3"),
        ] {
            let (a, b) = at(s, d);
            assert!(!glued_to_word(s, a, b), "{s}");
        }
        // digit groups in every style
        for s in ["326,164,100 dollars", "1 234 567", "1.234.567", "1’234"] {
            let b = s.len() - s.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
            let end = s.rfind(|c: char| c.is_ascii_digit()).unwrap() + 1;
            let start = end - 3;
            let sep = s[..start].chars().next_back().unwrap();
            let spaced = is_space(sep);
            let (punct_at, punct) = if spaced {
                let t = s[..start].trim_space_end();
                (t.len() - 1, t.chars().next_back().unwrap())
            } else {
                (start - sep.len_utf8(), sep)
            };
            assert!(digit_group(s, punct_at, punct, spaced, 3), "{s} {b}");
        }
        // a year with its marker glued on
        let s = "of 12 October 20238 and";
        let (a, b) = at(s, "20238");
        assert_eq!(year_then_marker(s, a, b), Some(a + 4..b));
        let s = "some 20150 persons";
        let (a, b) = at(s, "20150");
        assert_eq!(year_then_marker(s, a, b), None);
        // the Arabic parenthesised marker
        let s = "بشأن أنغويلا(2) والمعلومات";
        let (a, b) = at(s, "2");
        assert!(parenthesised_marker(s, a, b));
        let s = "article 5(2) of";
        let (a, b) = at(s, "2");
        assert!(!parenthesised_marker(s, a, b));
    }

    #[test]
    fn superscript_runs_match_a_character_scan() {
        fn plain(s: &str) -> Vec<(Range<usize>, u32)> {
            let mut out: Vec<(Range<usize>, u32)> = Vec::new();
            for (i, c) in s.char_indices() {
                let Some(d) = superscript_digit(c) else {
                    continue;
                };
                match out.last_mut() {
                    Some((r, n)) if r.end == i => {
                        *n = n.wrapping_mul(10).wrapping_add(d);
                        r.end = i + c.len_utf8();
                    }
                    _ => out.push((i..i + c.len_utf8(), d)),
                }
            }
            out
        }
        let mut texts = crate::text::outline_fixture_texts();
        texts.push("Reaffirming¹² its resolution²³⁴, © 2006 — “é”¹ ⁰⁴⁵⁶⁷⁸⁹ x¹".into());
        texts.push("¹¹¹¹¹¹¹¹¹¹¹¹ and ‰ ⁿ ₁ ⁺ ¹".into());
        let mut found = 0;
        for t in &texts {
            let runs = superscript_runs(t);
            found += runs.len();
            assert_eq!(runs, plain(t), "{}", &t[..t.len().min(80)]);
        }
        assert!(found >= 7, "{found}");
    }
}
