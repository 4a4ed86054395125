//! UN009 `lone-operative-numbered`: A single operative paragraph is not numbered.

use crate::rules::shared::operative_groups;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN009",
    name: "lone-operative-numbered",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "A single operative paragraph is not numbered.",
    explanation: "When the operative part has one paragraph only, it carries no number (AKN4UN, GA 70/1).",
    bad: "The General Assembly,\n1. Adopts the following outcome document …",
    good: "The General Assembly,\nAdopts the following outcome document …",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let groups = operative_groups(cx);
    if groups.len() != 1 || groups[0].len() != 1 {
        return;
    }
    let p = groups[0][0];
    if let Some(lr) = &p.label_range {
        let lead_start = p.lead.as_ref().map(|l| l.range.start).unwrap_or(lr.end);
        // UN009: the defect is the number itself (`1. Adopts …` alone)
        out.emit(
            lr.clone(),
            "the only operative paragraph is numbered: a lone operative paragraph carries no number",
        )
            .fix_one("Remove the number", lr.start..lead_start.max(lr.end), "", true);
    }
}
