//! UN027 `repeated-lead`: Two consecutive paragraphs with the same base lead and no "also".

use super::lower_first;
use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, LeadForm};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN027",
    name: "repeated-lead",
    severity: Severity::Hint,
    default_on: false,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "Two consecutive paragraphs with the same base lead and no \"also\".",
    explanation: "Drafting style suggests `Also calls upon` for the second of two consecutive `Calls upon` paragraphs. Off by default: edited resolutions do repeat a bare verb (62/57 paras 1–2, 62/47 paras 13–14).",
    bad: "1. Calls upon all States …;\n2. Calls upon all States …;",
    good: "1. Calls upon all States …;\n2. Also calls upon all States …;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        for w in part.windows(2) {
            let (Some(a), Some(b)) = (&w[0].lead, &w[1].lead) else {
                continue;
            };
            if a.form != LeadForm::Base || b.form != LeadForm::Base || a.text != b.text {
                continue;
            }
            let want = match (cx.lang, b.class) {
                (Lang::Zh, _) => format!("又{}", b.text),
                (Lang::En, LeadClass::Operative) => format!("Also {}", lower_first(&b.text)),
                (Lang::En, LeadClass::Preambular) => format!("{} also", b.text),
                _ => continue,
            };
            out.emit(
                b.range.clone(),
                format!("`{}` repeats the previous lead: consider `{want}`", b.text),
            )
            .related(a.range.clone(), "previous paragraph")
            .fix_one(
                format!("Write `{want}`"),
                b.range.clone(),
                want.clone(),
                false,
            );
        }
    }
}
