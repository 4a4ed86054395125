//! UN081 `arabic-preamble-conjunction`: In Arabic the first preambular paragraph opens with
//! `إذ`, later ones with `وإذ`.

use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

/// `إذ` opens the first preambular paragraph, `وإذ` the later ones.
const IDH: &str = "إذ";

const WA_IDH: &str = "وإذ";

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN081",
    name: "arabic-preamble-conjunction",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    langs: &[Lang::Ar],
    reach: Reach::Document,
    summary: "In Arabic the first preambular paragraph opens with `إذ`, later ones with `وإذ`.",
    explanation: "The Arabic preamble is one sentence hanging on `إن الجمعية العامة،`: the first circumstantial clause opens with `إذ` (`إذ تشير …`), every later one is joined with `و` (`وإذ تلاحظ …`, `وقد نظرت …`). A later paragraph opening with a bare `إذ` drops the conjunction; a first paragraph opening with `وإذ` joins it to nothing (GA 52/31, Arabic). Real texts also open the first paragraph with `وقد` (A/AC.109/2019/L.18: `وقد نظرت`), which is accepted.",
    bad: "إن الجمعية العامة،\nإذ تشير إلى قرارها 51/100،\nإذ تلاحظ مع القلق استمرار الحالة،",
    good: "إن الجمعية العامة،\nإذ تشير إلى قرارها 51/100،\nوإذ تلاحظ مع القلق استمرار الحالة،",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let pre: Vec<_> = part
            .iter()
            .filter(|p| p.kind == NodeKind::Preambular)
            .collect();
        for (i, p) in pre.iter().enumerate() {
            let Some(l) = &p.lead else { continue };
            let written = &cx.text[l.range.clone()];
            let Some(at) = written.find(|c: char| c.is_alphabetic()) else {
                continue;
            };
            let word = written[at..]
                .split(char::is_whitespace)
                .next()
                .unwrap_or("");
            let start = l.range.start + at;
            if i == 0 && word == WA_IDH {
                out.emit(
                    start..start + word.len(),
                    format!("the first preambular paragraph opens with `{IDH}`, not `{WA_IDH}`"),
                )
                .fix_one(
                    format!("Write `{IDH}`"),
                    start..start + word.len(),
                    IDH.to_string(),
                    true,
                );
            } else if i > 0 && word == IDH {
                out.emit(
                    start..start + word.len(),
                    format!(
                        "a later preambular paragraph opens with a bare `{IDH}`: join it with `{WA_IDH}`"
                    ),
                )
                .fix_one(format!("Write `{WA_IDH}`"), start..start + word.len(), WA_IDH.to_string(), true);
            }
        }
    }
}
