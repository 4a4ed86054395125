//! UN029 `title-presence`: GA, ECOSOC and HRC resolutions carry a title after the number; SC
//! resolutions do not.

use super::is_sc;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::DocKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN029",
    name: "title-presence",
    severity: Severity::Information,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "GA, ECOSOC and HRC resolutions carry a title after the number; SC resolutions do not.",
    explanation: "`62/57. Convention on Certain Conventional Weapons`; the title is normally the agenda item's (Editorial Manual, titles).",
    bad: "62/57.\nThe General Assembly,",
    good: "62/57. Convention on Certain Conventional Weapons\nThe General Assembly,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    if is_sc(cx) || cx.tree.kind != DocKind::Resolution {
        return;
    }
    let m = &cx.tree.meta;
    if m.number.is_some() && m.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        out.emit(m.number_range.clone().unwrap_or(0..0), "resolution without a title: add it after the number (normally the agenda item's title)");
    }
}
