//! UN024 `issue-before-adoption`: The masthead date is not before the adoption date.

use crate::{Ctx, RES_ONLY, Reach, RuleDef, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN024",
    name: "issue-before-adoption",
    scopes: RES_ONLY,
    reach: Reach::Document,
    summary: "The masthead date is not before the adoption date.",
    explanation: "The resolution is issued after it is adopted: the date under `Distr.: General` cannot precede the date of the adoption line (seeds 002, 003).",
    bad: "Distr.: General 1 December 2020 … Resolution adopted by the General Assembly on 7 December 2020",
    good: "Distr.: General 15 December 2020 … Resolution adopted by the General Assembly on 7 December 2020",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let (Some(i), Some(a)) = (cx.tree.meta.issue_date, cx.tree.meta.adoption_date) else {
        return;
    };
    if i < a && i.is_valid() && a.is_valid() {
        let heading = cx.tree.nodes_of(NodeKind::Heading).into_iter().next();
        let r = heading
            .and_then(|h| {
                let s = &cx.text[h.range.clone()];
                unlsp_syntax::dates::find_dates(s)
                    .into_iter()
                    .find(|d| d.date == i)
                    .map(|d| h.range.start + d.start..h.range.start + d.end)
            })
            .unwrap_or(0..0);
        out.emit(
            r,
            format!(
                "issued {} before its adoption on {}: check the dates",
                i.iso(),
                a.iso()
            ),
        );
    }
}
