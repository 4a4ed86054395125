//! UN076 `footnote-numbering`: Footnote markers are numbered 1…n in order of first appearance.

use super::unread::set_off;
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
    let mut prev_end = 0;
    for r in &cx.tree.footnote_refs {
        // in an extraction, the skipped markers may stand flattened to bare
        // numbers since the last marker found
        let flattened = || {
            let between = cx.text.get(prev_end..r.range.start).unwrap_or("");
            (max + 1..r.number).all(|k| set_off(between, k))
        };
        if r.number > max + 1 && !(cx.tree.extracted && flattened()) {
            out.emit(r.range.clone(), format!("footnote {} comes before footnote {}: markers are numbered in order of first appearance", r.number, max + 1));
            return;
        }
        max = max.max(r.number);
        prev_end = r.range.end;
    }
}
