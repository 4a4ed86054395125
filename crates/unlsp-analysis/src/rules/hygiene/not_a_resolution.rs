//! UN085 `not-a-resolution`: The text is not a resolution; resolution rules are off.

use crate::{Ctx, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::{DocKind, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN085",
    name: "not-a-resolution",
    severity: Severity::Information,
    scopes: &[DocKind::Other],
    reach: Reach::Document,
    summary: "The text is not a resolution; resolution rules are off.",
    explanation: "Numbered paragraphs without operative verbs, section headings such as `Introduction`/`导言`: the document is a report or other text, so only the generic rules (symbols, citations, punctuation balance, footnotes) run.",
    bad: "1. 2011 年第四次审查会议商定了……",
    good: "(informational)",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let start = cx
        .tree
        .nodes
        .iter()
        .find(|n| n.kind != NodeKind::Furniture)
        .map(|n| n.range.start)
        .unwrap_or(0);
    let end = cx.text[start..]
        .find(['\n', '\r'])
        .map(|i| start + i)
        .unwrap_or(cx.text.len());
    out.emit(
        start..end,
        "not a resolution (numbered paragraphs without operative verbs): only generic rules apply",
    );
}
