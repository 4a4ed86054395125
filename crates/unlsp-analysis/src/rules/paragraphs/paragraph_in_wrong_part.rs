//! UN015 `paragraph-in-wrong-part`: A preambular paragraph that opens with an operative verb.

use crate::rules::shared::all_of;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Sink};
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN015",
    name: "paragraph-in-wrong-part",
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "A preambular paragraph that opens with an operative verb.",
    explanation: "An unnumbered paragraph in the preamble that opens with an operative verb (`Decides …,`) is either an operative paragraph that lost its number and place, or a preambular paragraph whose lead should be a participle (`Deciding …,`). Numbered paragraphs with a preambular lead are UN005/UN007.",
    bad: "Recalling its resolution 61/100,\nDecides to continue consultations,\n1. Requests …;",
    good: "Recalling its resolution 61/100,\n1. Decides to continue consultations;\n2. Requests …;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if p.label.is_some() {
            continue; // UN005
        }
        // Chinese verbs have no participle: `敦促…，` and `支持…，` open
        // preambular paragraphs of adopted resolutions; the comma decides
        if let Some(l) = &p.lead
            && l.class_mismatch
            && l.class == LeadClass::Operative
            && !cx.lang.is_cjk()
        {
            out.emit(
                l.range.clone(),
                format!(
                    "`{}` is an operative verb in the preamble: move the paragraph to the operative part and number it, or use a participle",
                    l.text
                ),
            );
        }
    }
    for p in all_of(cx, NodeKind::Operative) {
        if crate::rules::shared::preambular_with_operative_lead(cx, p)
            && let Some(l) = &p.lead
        {
            out.emit(
                l.range.clone(),
                format!(
                    "`{}` is an operative verb in the preamble: number the paragraph and end it with `;`, or use a participle",
                    l.text
                ),
            );
        }
    }
}
