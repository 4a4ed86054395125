//! UN021 `adoption-outside-session`: The adoption date falls inside the session of the
//! resolution number.

use super::{date_in, in_ga_session, is_ga};
use crate::rules::shared::own_session;
use crate::{Ctx, RES_ONLY, Reach, RuleDef, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN021",
    name: "adoption-outside-session",
    scopes: RES_ONLY,
    reach: Reach::Document,
    summary: "The adoption date falls inside the session of the resolution number.",
    explanation: "GA session N runs from September 1945+N to September 1946+N (special and emergency special sessions aside).",
    bad: "62/57 adopted on 5 December 2010",
    good: "62/57 adopted on 5 December 2007",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    if !is_ga(cx) {
        return;
    }
    let (Some(n), Some(a)) = (own_session(cx), cx.tree.meta.adoption_date) else {
        return;
    };
    if a.is_valid() && !in_ga_session(n, a) {
        let r = date_in(cx, NodeKind::Adoption)
            .unwrap_or(cx.tree.meta.number_range.clone().unwrap_or(0..0));
        out.emit(
            r,
            format!(
                "adopted on {} but numbered in session {n} ({}–{}): check the number or the date",
                a.iso(),
                1945 + n,
                1946 + n
            ),
        );
    }
}
