//! UN054 `same-session-higher-number`: A same-session resolution with a higher number than the
//! citing one is suspicious.

use super::acts;
use crate::rules::shared::{ga_parts, own_session};
use crate::{Ctx, RES_ONLY, RuleDef, Severity, Sink};
use unlsp_index::catalogue::{ActKind, Organ, catalogue};
use unlsp_syntax::dates::Date;
use unlsp_syntax::tree::CitationKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN054",
    name: "same-session-higher-number",
    severity: Severity::Hint,
    scopes: RES_ONLY,
    summary: "A same-session resolution with a higher number than the citing one is suspicious.",
    explanation: "Numbers are assigned in order of adoption, so 62/57 citing 62/120 is legitimate only when both were adopted the same day.",
    bad: "(in 62/57) resolution 62/120",
    good: "(in 62/57) resolution 62/50",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let Some(own) = own_session(cx) else { return };
    let Some((_, own_m)) = cx.tree.meta.number.as_deref().and_then(ga_parts) else {
        return;
    };
    if cx.tree.meta.organ.as_deref().is_some_and(|o| o != "GA") {
        return;
    }
    let adopted = cx.tree.meta.adoption_date;
    for c in acts(cx) {
        if c.kind != CitationKind::Resolution || c.organ.as_deref().is_some_and(|o| o != "GA") {
            continue;
        }
        let Some((n, m)) = ga_parts(&c.target) else {
            continue;
        };
        if n != own || m <= own_m {
            continue;
        }
        if c.date.is_some() && c.date == adopted {
            continue;
        }
        let same_day = catalogue()
            .lookup(ActKind::Resolution, Organ::GA, &c.target)
            .and_then(|e| e.date.as_deref().and_then(Date::from_iso))
            .is_some_and(|d| Some(d) == adopted);
        if !same_day {
            out.emit(c.range.clone(), format!("{} has a higher number than this resolution ({}/{own_m}) of the same session: check the number", c.target, own));
        }
    }
}
