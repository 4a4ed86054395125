//! C. Document symbols.

use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Edit, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::symbols::SymbolProblem;

pub const UN060: RuleDef = RuleDef {
    id: "UN060",
    name: "symbol-whitespace",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::Unit,
    summary: "No whitespace inside a document symbol.",
    explanation: "A symbol is one token: no space after a dot or around a slash. The only legal space is the one before a parenthesised year or session in Western-language text (`S/RES/2231 (2015)`).",
    bad: "A/CONF. 192/2006/RC/9; A/60/88 and Corr. 2",
    good: "A/CONF.192/2006/RC/9; A/60/88 and Corr.2",
    check: un060,
};

fn un060(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.problems.contains(&SymbolProblem::Whitespace) {
            let written = &cx.text[s.range.clone()];
            // `TD/B/EDE/6/4. Information…`: a sentence stop and the next word
            // glued on by the recogniser (parser defect), not a symbol
            if spans_a_sentence(written) {
                continue;
            }
            // `Assembly/AU/Decl. 8 (XXXII)` (GA 78/185, 80/188): an African
            // Union symbol, written by the AU's conventions, not a UN one
            if written.contains("/AU/")
                || written.starts_with("AU/")
                || written.starts_with("EX.CL/")
            {
                continue;
            }
            let fixed: String = match written.find(" (") {
                Some(i) => {
                    written[..i]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        + &written[i..]
                }
                None => written.chars().filter(|c| !c.is_whitespace()).collect(),
            };
            out.emit(
                s.range.clone(),
                format!("space inside the symbol `{written}`: write `{fixed}`"),
            )
            .fix(
                format!("Write `{fixed}`"),
                vec![Edit {
                    range: s.range.clone(),
                    text: fixed.clone(),
                }],
                true,
            );
        }
    }
}

pub const UN061: RuleDef = RuleDef {
    id: "UN061",
    name: "symbol-component",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Components of a symbol are well formed.",
    explanation: "`L.`, `C.`, `Rev.`, `Add.` take their dot (`A/62/L.1`, `A/C.1/62/L.5`); modifiers are separated by `/` (`Add.1/Corr.1`).",
    bad: "A/62/L1, A/C1/62/L.5, A/62/395/Add.1Corr.1",
    good: "A/62/L.1, A/C.1/62/L.5, A/62/395/Add.1/Corr.1",
    check: un061,
};

fn un061(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.problems.contains(&SymbolProblem::Component) {
            out.emit(
                s.range.clone(),
                format!(
                    "malformed component in `{}`: a dot or a slash is missing",
                    &cx.text[s.range.clone()]
                ),
            );
        }
    }
}

pub const UN062: RuleDef = RuleDef {
    id: "UN062",
    name: "symbol-fullwidth",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Symbols are written in ASCII, also in Chinese text.",
    explanation: "All language versions share one symbol in Latin letters, ASCII digits, `/` and `.`; full-width `／`, `．`, `Ａ` are typing slips.",
    bad: "Ａ／62／395",
    good: "A/62/395",
    check: un062,
};

fn un062(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.problems.contains(&SymbolProblem::FullWidth) {
            out.emit(
                s.range.clone(),
                format!("full-width characters in a symbol: write `{}`", s.canonical),
            )
            .fix(
                format!("Write `{}`", s.canonical),
                vec![Edit {
                    range: s.range.clone(),
                    text: s.canonical.clone(),
                }],
                true,
            );
        }
    }
}

pub const UN063: RuleDef = RuleDef {
    id: "UN063",
    name: "unknown-series",
    severity: Severity::Information,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "The first component of a symbol is a known series.",
    explanation: "Series: `A`, `S`, `E`, `T`, `ST` and the special series (`CRC`, `CEDAW`, `CCW`, `TD`, `UNEP`…) of ST/LIB/SER.B/5/Rev.5.",
    bad: "GA/62/395",
    good: "A/62/395",
    check: un063,
};

fn un063(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.in_furniture {
            continue;
        }
        let series = s.canonical.split('/').next().unwrap_or("");
        if series.is_empty() || unlsp_syntax::symbols::SERIES.contains(&series) {
            continue;
        }
        if matches!(series, "GA" | "SC" | "UNGA") {
            let fixed = format!(
                "{}{}",
                if series == "SC" { "S" } else { "A" },
                &s.canonical[series.len()..]
            );
            out.emit(
                s.range.clone(),
                format!("unknown series `{series}`: write `{fixed}`"),
            );
        } else {
            out.emit(
                s.range.clone(),
                format!("`{series}` is not a known document series"),
            );
        }
    }
}

pub const UN064: RuleDef = RuleDef {
    id: "UN064",
    name: "orphan-continuation",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "`Add.1`, `Corr.2`, `Rev.1` alone follow a full symbol in the same list.",
    explanation: "The short forms are legal only right after the symbol they continue: `A/60/88 and Corr.2`. Alone they name nothing.",
    bad: "(see Corr.2)",
    good: "(see A/60/88/Corr.2)",
    check: un064,
};

static MODIFIER: Pattern =
    Pattern::new(|| regex::Regex::new(r"(?-u:\b)(?:Add|Corr|Rev|Amend)\.\s?\d+").unwrap());

fn un064(cx: &Ctx, out: &mut Sink) {
    for u in super::units(cx) {
        let v = super::view(cx, u);
        let mut last_symbol_end: Option<usize> = None;
        let syms: Vec<_> = cx
            .tree
            .symbols
            .iter()
            .filter(|s| s.range.start >= u.range.start && s.range.end <= u.range.end)
            .collect();
        for m in cx.re(&MODIFIER).find_iter(&v.s) {
            let r = v.range(m.range());
            if syms
                .iter()
                .any(|s| s.range.start <= r.start && r.end <= s.range.end)
            {
                continue;
            }
            // `A/79/6 (Sect. 3)/Add.5`: a symbol the recogniser cuts at the parenthesis
            let before = super::slice(&v.s, m.start().saturating_sub(60), m.start());
            if before.contains('/') {
                continue;
            }
            // after a symbol in the same list: `A/60/88 and Corr.2`, `A/61/L.45 and Add.1 and 2`
            let prior = syms
                .iter()
                .filter(|s| s.range.end <= r.start)
                .map(|s| s.range.end)
                .max();
            if let Some(pe) = prior.or(last_symbol_end)
                && r.start - pe < 40
                && !cx.text[pe..r.start].contains(['.', ';', '。', '；'])
            {
                last_symbol_end = Some(r.end);
                continue;
            }
            out.emit(
                r,
                format!(
                    "`{}` continues no symbol: write the full symbol",
                    m.as_str()
                ),
            );
        }
    }
}

/// A whitespace run after a `.` followed by a word (`4. Information`, `S/10440.\n54`),
/// or a line break inside the match: a sentence boundary, not a broken symbol.
fn spans_a_sentence(written: &str) -> bool {
    if written.contains('\n') && !written.contains(". ") {
        return true;
    }
    let b = written.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.' && i + 1 < b.len() && (b[i + 1] as char).is_whitespace() {
            let rest = written[i + 1..].trim_start();
            let mut cs = rest.chars();
            if let (Some(a), Some(bb)) = (cs.next(), cs.next())
                && a.is_ascii_uppercase()
                && bb.is_ascii_lowercase()
                && !rest.starts_with("Add")
                && !rest.starts_with("Corr")
                && !rest.starts_with("Rev")
            {
                return true;
            }
            if written[..i].ends_with(|c: char| c.is_ascii_digit())
                && written[i + 1..].contains('\n')
            {
                return true;
            }
            // `A/AC.109/2024/4. 3 Resolution …`, `Corr.1. 9`: a number, its full
            // stop and the next footnote's number (footnotes run together on
            // one line)
            let last = written[..i].rsplit(['/', '.']).next().unwrap_or("");
            if !last.is_empty()
                && last.bytes().all(|c| c.is_ascii_digit())
                && rest.starts_with(|c: char| c.is_ascii_digit())
            {
                return true;
            }
        }
    }
    false
}
