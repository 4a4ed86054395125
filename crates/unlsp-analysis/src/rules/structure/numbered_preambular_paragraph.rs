//! UN005 `numbered-preambular-paragraph`: Preambular paragraphs are not numbered.

use crate::rules::shared::all_of;
use crate::{Ctx, RES_DRAFT, RuleDef, Severity, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN005",
    name: "numbered-preambular-paragraph",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    summary: "Preambular paragraphs are not numbered.",
    explanation: "Only operative paragraphs carry numbers (Editorial Manual; AKN4UN). A numbered paragraph that opens with a preambular lead such as `Recalling` is either a preambular paragraph that lost its place or an operative paragraph with the wrong verb.",
    bad: "1. Recalling its resolution 61/100 of 6 December 2006,",
    good: "Recalling its resolution 61/100 of 6 December 2006,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if let (Some(l), Some(lr)) = (&p.label, &p.label_range) {
            let lead_start = p.lead.as_ref().map(|x| x.range.start).unwrap_or(lr.end);
            out.emit(
                lr.clone(),
                format!(
                    "preambular paragraph numbered `{l}.`: preambular paragraphs are not numbered"
                ),
            )
            .fix_one("Remove the number", lr.start..lead_start, "", true);
        }
    }
}
