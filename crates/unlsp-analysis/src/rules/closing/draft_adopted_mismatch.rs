//! UN035 `draft-adopted-mismatch`: An `/L.` symbol goes with a draft, an `A/RES/` symbol with
//! an adopted text.

use crate::{Ctx, Reach, RuleDef, Sink};
use unlsp_syntax::tree::{DocKind, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN035",
    name: "draft-adopted-mismatch",
    reach: Reach::Document,
    summary: "An `/L.` symbol goes with a draft, an `A/RES/` symbol with an adopted text.",
    explanation: "Drafts are issued as `/L.` documents without adoption line or closing formula; an adopted resolution carries its `A/RES/` symbol, its adoption line and its closing formula (Editorial Manual; DHL research guide).",
    bad: "A/C.1/62/L.5 … 61st plenary meeting 5 December 2007",
    good: "A/RES/62/57 … 61st plenary meeting 5 December 2007",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let m = &cx.tree.meta;
    let Some(sym) = m.symbol.as_deref() else {
        return;
    };
    let r = m.symbol_range.clone().unwrap_or(0..0);
    let closing = !cx.tree.nodes_of(NodeKind::Closing).is_empty();
    let adopted_line = m.adoption_date.is_some();
    if sym.contains("/L.") && (closing || adopted_line) {
        out.emit(r, format!("draft symbol {sym} on a text with {}: use the A/RES/ symbol or drop the closing lines", if adopted_line { "an adoption line" } else { "a closing formula" }));
    } else if sym.starts_with("A/RES/")
        && !adopted_line
        && !closing
        && cx.tree.kind != DocKind::Other
    {
        out.emit(r, format!("{sym} is an adopted resolution's symbol but the text has neither adoption line nor closing formula"));
    }
}
