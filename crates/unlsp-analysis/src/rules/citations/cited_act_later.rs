//! UN053 `cited-act-later`: A resolution cannot cite an act adopted after it.

use super::{acts, adoption_date_fix, catalogue_date};
use crate::{Ctx, RES_ONLY, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN053",
    name: "cited-act-later",
    severity: Severity::Error,
    scopes: RES_ONLY,
    summary: "A resolution cannot cite an act adopted after it.",
    explanation: "A cited date after the adoption date is a wrong number or a wrong date.",
    bad: "(in 62/57, adopted 5 December 2007) resolution 62/90 of 17 December 2007",
    good: "(in 62/57) resolution 61/100 of 6 December 2006",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let Some(a) = cx.tree.meta.adoption_date.or(cx.tree.meta.closing_date) else {
        return;
    };
    for c in acts(cx) {
        let (Some(d), Some(dr)) = (c.date, c.date_range.clone()) else {
            continue;
        };
        if d > a && d.is_valid() {
            let diag = out
                .emit(
                    dr.clone(),
                    format!(
                        "{} is cited with {}, after this resolution's adoption on {}",
                        c.target,
                        d.iso(),
                        a.iso()
                    ),
                )
                .related(c.range.clone(), "cited act");
            if let Some(k) = catalogue_date(c).filter(|k| *k <= a) {
                adoption_date_fix(cx, diag, dr, k, false);
            }
        }
    }
}
