//! UN034 `report-from-other-session`: The report in the adoption line normally belongs to the
//! resolution's session.

use crate::rules::shared::own_session;
use crate::{Ctx, RES_ONLY, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN034",
    name: "report-from-other-session",
    severity: Severity::Information,
    scopes: RES_ONLY,
    summary: "The report in the adoption line normally belongs to the resolution's session.",
    explanation: "`62/57 … [on the report of the First Committee (A/62/395)]`: a report of another session is usually a typing slip.",
    bad: "62/57 … [on the report of the First Committee (A/61/395)]",
    good: "62/57 … [on the report of the First Committee (A/62/395)]",
    check,
    ..RuleDef::DEFAULT
};

static GA_DOC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^A/(?:C\.\d/)?(\d{2})/").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    let Some(own) = own_session(cx) else { return };
    for a in cx.tree.nodes_of(NodeKind::Adoption) {
        for s in cx.tree.symbols_in(&a.range) {
            if let Some(c) = GA_DOC.captures(&s.canonical)
                && let Ok(n) = c[1].parse::<u32>()
                && n != own
            {
                out.emit(s.range.clone(), format!("report {} is from session {n}, the resolution from session {own}: check the symbol", s.canonical));
            }
        }
    }
}
