//! C. Document symbols.

use crate::analysis::{ALL_KINDS, Ctx, Edit, RuleDef, Severity, Sink};
use crate::syntax::symbols::SymbolProblem;

pub const UN060: RuleDef = RuleDef {
    id: "UN060",
    name: "symbol-whitespace",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
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
