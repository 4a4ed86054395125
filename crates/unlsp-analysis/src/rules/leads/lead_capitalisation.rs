//! UN080 `lead-capitalisation`: Leads are capitalised in English, French and Spanish, lower
//! case in Russian.

use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN080",
    name: "lead-capitalisation",
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru],
    summary: "Leads are capitalised in English, French and Spanish, lower case in Russian.",
    explanation: "A paragraph opens with `Recalling`, `Rappelant`, `Recordando` — but `ссылаясь` in Russian, where capitalising the lead is the defect.",
    bad: "recalling its resolution 61/100,",
    good: "Recalling its resolution 61/100,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let want_upper = cx.lang != Lang::Ru;
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if l.capitalised == want_upper {
                continue;
            }
            let written = &cx.text[l.range.clone()];
            let Some(i) = written.find(|c: char| c.is_alphabetic()) else {
                continue;
            };
            let c = written[i..].chars().next().unwrap();
            let fixed: String = if want_upper {
                c.to_uppercase().collect()
            } else {
                c.to_lowercase().collect()
            };
            let at = l.range.start + i;
            out.emit(
                l.range.clone(),
                format!(
                    "lead `{}` should be {}",
                    l.text,
                    if want_upper {
                        "capitalised"
                    } else {
                        "lower case in Russian"
                    }
                ),
            )
            .fix_one(
                format!("Write `{fixed}`"),
                at..at + c.len_utf8(),
                fixed.clone(),
                true,
            );
        }
    }
}
