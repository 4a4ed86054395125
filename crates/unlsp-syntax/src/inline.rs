//! What sits inside a paragraph: citations of resolutions, decisions and
//! documents, document symbols, dates, footnote markers and references to other
//! paragraphs. Runs over a *view* of one text unit: its own text with children
//! (sub-paragraphs, footnotes, furniture) left out and wrapped lines joined, with
//! a map back to byte offsets of the document.

mod acts;
mod bodies;
mod en;
mod markers;
mod number_shapes;
mod other;
mod unit;
mod zh;

pub(crate) use markers::is_number_tail;
pub use unit::{UnitFacts, View};

use crate::dates;
use crate::lang::Lang;
use crate::lexer::normalise_number;
use crate::patterns::Releasable;
use crate::symbols::{self, SymbolProblem};
use crate::tree::{Citation, CitationKind, DateRef, ParagraphRef, SymbolRef};
use regex::Regex;
use std::sync::LazyLock;

static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:and|和|及|或)\s*((?:Add|Corr|Rev|Amend)\.(\s?)(\d+))\b").unwrap()
});

static PARA_REF_EN: Releasable<Regex> = Releasable::new(|| {
    Regex::new(r"(?-u:\b)paragraphs?\s+(\d{1,3})(?:\s?\(([a-z]{1,2}|[ivx]{1,5})\))?(?:\s+(above|below|of the present resolution|of (?:its |General Assembly |Security Council )?resolution\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z])?|\d{1,4}\s?\(\d{4}\))))?").unwrap()
});

static PARA_REF_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(上文|下文|本决议)\s*)?第\s*(\d{1,3})\s*段(?:\s*\(([a-z])\))?(\s*所)?").unwrap()
});

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
    let trig = Triggers::of(s);
    f.symbols = unit_symbols(view, lang != Lang::Zh, &trig);
    let mut list = list_base;
    // English-style citations (also used for fr/es/ru: same numbers)
    if trig.act {
        en::citations(view, own_organ, in_footnote, &mut f.citations, &mut list);
    }
    // French, Spanish, Russian and Arabic: the nouns and date words of
    // `grammar/languages.toml`
    if matches!(lang, Lang::Fr | Lang::Es | Lang::Ru | Lang::Ar) {
        other::citations(
            view,
            lang,
            own_organ,
            in_footnote,
            &mut f.citations,
            &mut list,
        );
    }
    // Chinese citations: `[date] 第 N 号 (、|和) ... 决议|决定`
    if trig.di && trig.jue {
        zh::citations(view, own_organ, in_footnote, &mut f.citations, &mut list);
    }
    symbol_citations(&mut f, own_symbol, in_footnote, list);
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
    if trig.paragraph {
        en_paragraph_refs(view, &mut f.paragraph_refs);
    }
    if trig.duan {
        zh_paragraph_refs(view, &f.citations, &mut f.paragraph_refs);
    }
    // footnote markers
    let found = markers::find_markers(view, &f, lang.table());
    f.footnote_refs.extend(found);
    markers::markdown_markers(view, &mut f.footnote_refs);
    f
}

/// The unit's symbols, with the continuation forms (`A/60/88 and Corr. 2`)
/// after them, in text order.
fn unit_symbols(view: &View, western: bool, trig: &Triggers) -> Vec<SymbolRef> {
    let s = view.s.as_str();
    let mut out = Vec::new();
    for sym in symbols::find_symbols(s, western) {
        out.push(SymbolRef {
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
        let prev = out
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
            out.push(SymbolRef {
                range: view.range(m.start()..m.end()),
                canonical: canon,
                problems,
                in_furniture: false,
            });
        }
    }
    out.sort_by_key(|x| x.range.start);
    out
}

/// A/RES and S/RES symbols are citations of resolutions; other symbols of
/// documents. Each outside the citations found so far is one list, numbered
/// on from `list`.
fn symbol_citations(f: &mut UnitFacts, own_symbol: Option<&str>, in_footnote: bool, mut list: u32) {
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
        let (kind, target, organ) = symbol_act(&sym.canonical);
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
}

/// What a symbol cites: its kind, target and organ.
fn symbol_act(canonical: &str) -> (CitationKind, String, Option<String>) {
    if let Some(rest) = canonical.strip_prefix("A/RES/") {
        (
            CitationKind::Resolution,
            normalise_number(rest),
            Some("GA".to_string()),
        )
    } else if let Some(rest) = canonical.strip_prefix("S/RES/") {
        (
            CitationKind::Resolution,
            normalise_number(rest),
            Some("SC".to_string()),
        )
    } else if let Some(rest) = canonical.strip_prefix("A/DEC/") {
        (
            CitationKind::Decision,
            normalise_number(rest),
            Some("GA".to_string()),
        )
    } else {
        (CitationKind::Document, canonical.to_string(), None)
    }
}

/// `paragraph 5 above`, `paragraph 3 (a) of resolution 61/100`.
fn en_paragraph_refs(view: &View, out: &mut Vec<ParagraphRef>) {
    let s = view.s.as_str();
    let para_refs: Vec<_> = PARA_REF_EN.get().captures_iter(s).collect();
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
        out.push(ParagraphRef {
            number: n.as_str().parse().unwrap_or(0),
            sub: c.get(2).map(|m| m.as_str().to_string()),
            range: view.range(c.get(0).unwrap().range()),
            number_range: view.range(n.range()),
            of_citation: of,
        });
    }
}

/// `上文第 5 段`, `第 61/100 号决议第 5 段` (into the resolution cited last).
fn zh_paragraph_refs(view: &View, citations: &[Citation], out: &mut Vec<ParagraphRef>) {
    let s = view.s.as_str();
    for c in PARA_REF_ZH.captures_iter(s) {
        if c.get(1).is_none() && c.get(4).is_none() {
            continue;
        }
        // `第 61/100 号决议第 5 段` points into that resolution
        let before = &s[..c.get(0).unwrap().start()];
        let of = if before.trim_end().ends_with("决议") {
            citations
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
        out.push(ParagraphRef {
            number: n.as_str().parse().unwrap_or(0),
            sub: c.get(3).map(|m| m.as_str().to_string()),
            range: view.range(c.get(0).unwrap().range()),
            number_range: view.range(n.range()),
            of_citation: of,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
