//! UN030 `lead-emphasis-consistency`: When some leads of a part are emphasised, all are.

use super::marker_before;
use crate::rules::shared::parts;
use crate::{Ctx, Edit, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::{Lead, Node};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN030",
    name: "lead-emphasis-consistency",
    severity: Severity::Hint,
    reach: Reach::Document,
    summary: "When some leads of a part are emphasised, all are.",
    explanation: "Leads are printed in italics (Chinese: another typeface); a Markdown draft marks them `*…*` or `**…**`. Emphasis is optional, but within one part either every lead carries it or none does.",
    bad: "1. **鼓励**各方…；\n2. 吁请所有国家…；",
    good: "1. **鼓励**各方…；\n2. **吁请**所有国家…；",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let leads: Vec<(&Node, &Lead)> = part
            .iter()
            // a preambular paragraph filed in the operative part keeps the
            // preamble's style (UN015 reports it)
            .filter(|p| !crate::rules::shared::preambular_with_operative_lead(cx, p))
            .filter_map(|p| Some((*p, p.lead.as_deref()?)))
            .collect();
        let marked: Vec<&(&Node, &Lead)> = leads.iter().filter(|(_, l)| l.emphasis).collect();
        if marked.is_empty() || marked.len() == leads.len() {
            continue;
        }
        let mk = marker_before(cx, marked[0].0, marked[0].1)
            .map(|(_, m)| m)
            .unwrap_or("*");
        for (_, l) in leads.iter().filter(|(_, l)| !l.emphasis) {
            let a = l.range.start;
            let b = l.range.end;
            out.emit(
                l.range.clone(),
                format!(
                    "lead `{}` is not emphasised like the other leads of this part",
                    l.text
                ),
            )
            .fix(
                format!("Write `{mk}{}{mk}`", l.text),
                vec![
                    Edit {
                        range: a..a,
                        text: mk.into(),
                    },
                    Edit {
                        range: b..b,
                        text: mk.into(),
                    },
                ],
                true,
            );
        }
    }
}
