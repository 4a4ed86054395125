//! UN028 `further-before-also`: The sequence is base → also → further.

use super::base_key;
use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::LeadForm;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN028",
    name: "further-before-also",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    reach: Reach::Document,
    summary: "The sequence is base → also → further.",
    explanation: "The second occurrence of a lead takes `also`, the third `further` (seed 001: `Welcoming`, `Welcoming also`, `Welcoming further`). Not applied to Chinese, where 又 and 还 are interchangeable.",
    bad: "Welcoming the report,\nWelcoming further the efforts,",
    good: "Welcoming the report,\nWelcoming also the efforts,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let mut seen: Vec<(String, LeadForm)> = Vec::new();
        for p in &part {
            let Some(l) = &p.lead else { continue };
            let key = base_key(l);
            if l.form == LeadForm::Further
                && seen.iter().any(|(k, _)| *k == key)
                && !seen.iter().any(|(k, f)| *k == key && *f == LeadForm::Also)
            {
                let written = &cx.text[l.range.clone()];
                let want = written
                    .replacen("further", "also", 1)
                    .replacen("Further", "Also", 1);
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{written}` before any `also` form: the second occurrence takes `also`"
                    ),
                )
                .fix_one(
                    format!("Write `{want}`"),
                    l.range.clone(),
                    want.clone(),
                    false,
                );
            }
            seen.push((key, l.form));
        }
    }
}
