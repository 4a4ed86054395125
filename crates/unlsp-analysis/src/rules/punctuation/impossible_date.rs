//! UN073 `impossible-date`: A date that does not exist.

use crate::{Ctx, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN073",
    name: "impossible-date",
    severity: Severity::Error,
    summary: "A date that does not exist.",
    explanation: "Days beyond the month's length, month 13, 29 February outside a leap year.",
    bad: "resolution 61/100 of 31 November 2006",
    good: "resolution 61/100 of 30 November 2006",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for d in &cx.tree.dates {
        if !d.date.is_valid() {
            out.emit(
                d.range.clone(),
                format!(
                    "{} is not a date: check the day and the month",
                    cx.text[d.range.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            );
        }
    }
}
