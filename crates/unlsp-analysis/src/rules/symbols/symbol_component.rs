//! UN061 `symbol-component`: Components of a symbol are well formed.

use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::symbols::SymbolProblem;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN061",
    name: "symbol-component",
    severity: Severity::Error,
    summary: "Components of a symbol are well formed.",
    explanation: "`L.`, `C.`, `Rev.`, `Add.` take their dot (`A/62/L.1`, `A/C.1/62/L.5`); modifiers are separated by `/` (`Add.1/Corr.1`).",
    bad: "A/62/L1, A/C1/62/L.5, A/62/395/Add.1Corr.1",
    good: "A/62/L.1, A/C.1/62/L.5, A/62/395/Add.1/Corr.1",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
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
