//! UN076 `footnote-numbering`: Footnote markers are numbered 1…n in order of first appearance.

use crate::{Ctx, Reach, RuleDef, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN076",
    name: "footnote-numbering",
    extraction_tolerant: true,
    reach: Reach::Document,
    summary: "Footnote markers are numbered 1…n in order of first appearance.",
    explanation: "A later reference to the same note reuses its number; a first reference never skips a number.",
    bad: "…Convention,¹ … Protocol,³",
    good: "…Convention,¹ … Protocol,²",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let mut max = 0;
    for r in &cx.tree.footnote_refs {
        if r.number > max + 1 {
            out.emit(r.range.clone(), format!("footnote {} comes before footnote {}: markers are numbered in order of first appearance", r.number, max + 1));
            return;
        }
        max = max.max(r.number);
    }
}
