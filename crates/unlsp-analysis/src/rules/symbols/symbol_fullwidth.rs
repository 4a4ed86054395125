//! UN062 `symbol-fullwidth`: Symbols are written in ASCII, also in Chinese text.

use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::symbols::SymbolProblem;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN062",
    name: "symbol-fullwidth",
    severity: Severity::Error,
    summary: "Symbols are written in ASCII, also in Chinese text.",
    explanation: "All language versions share one symbol in Latin letters, ASCII digits, `/` and `.`; full-width `／`, `．`, `Ａ` are typing slips.",
    bad: "Ａ／62／395",
    good: "A/62/395",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.problems.contains(&SymbolProblem::FullWidth) {
            out.emit(
                s.range.clone(),
                format!("full-width characters in a symbol: write `{}`", s.canonical),
            )
            .fix_one(
                format!("Write `{}`", s.canonical),
                s.range.clone(),
                s.canonical.clone(),
                true,
            );
        }
    }
}
