//! UN078 `ibid-without-antecedent`: `Ibid.` / `同上` refers to the previous footnote: it cannot
//! be the first.

use crate::{Ctx, Reach, RuleDef, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN078",
    name: "ibid-without-antecedent",
    reach: Reach::Document,
    summary: "`Ibid.` / `同上` refers to the previous footnote: it cannot be the first.",
    explanation: "`Ibid.` repeats the reference of the immediately preceding footnote; in footnote 1 there is none, so the full reference is needed.",
    bad: "¹ Ibid., chap. IV.",
    good: "¹ A/CONF.192/15, chap. IV.",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let notes = cx.tree.nodes_of(NodeKind::Footnote);
    let mut prev_label: Option<u32> = None;
    for n in notes {
        let label: Option<u32> = n.label.as_deref().and_then(|l| l.parse().ok());
        let start = n
            .label_range
            .as_ref()
            .map(|r| r.end)
            .unwrap_or(n.range.start);
        let body = cx.text[start..n.range.end].trim_start();
        let ibid = body.starts_with("Ibid") || body.starts_with("同上");
        if ibid && (label == Some(1) || prev_label.is_none()) {
            let at = n.range.end - cx.text[start..n.range.end].trim_start().len();
            let len = if body.starts_with("同上") {
                "同上".len()
            } else {
                4
            };
            out.emit(
                at..at + len,
                "`Ibid.` in the first footnote: give the full reference",
            );
        }
        if label.is_some() {
            prev_label = label;
        }
    }
}
