//! UN004 `unrecognised-preambular-lead`: A preambular paragraph opens with a word that is not
//! a known lead.

use super::{closest_leads, first_words};
use crate::rules::shared::all_of;
use crate::{Ctx, RES_DRAFT, RuleDef, Severity, Sink};
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN004",
    name: "unrecognised-preambular-lead",
    severity: Severity::Information,
    scopes: RES_DRAFT,
    summary: "A preambular paragraph opens with a word that is not a known lead.",
    explanation: "Preambular paragraphs begin with a participle, a participial phrase or an adjective (Editorial Manual). Real resolutions use leads outside any list, so this is only information, with the closest known leads.",
    bad: "The situation in the region remains fragile,",
    good: "Noting that the situation in the region remains fragile,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if p.lead.is_some() {
            continue;
        }
        let (r, words) = first_words(cx, p);
        if words.is_empty() {
            continue;
        }
        let near = closest_leads(&words, cx.lang, LeadClass::Preambular);
        out.emit(
            r,
            format!(
                "`{words}` is not a known preambular lead: start with a participle or adjective (closest: {})",
                near.join(", ")
            ),
        );
    }
}
