//! UN079 `footnote-marker-position`: In English the footnote marker follows the punctuation.

use crate::{Ctx, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN079",
    name: "footnote-marker-position",
    severity: Severity::Hint,
    langs: &[unlsp_syntax::lang::Lang::En],
    summary: "In English the footnote marker follows the punctuation.",
    explanation: "`…2006,¹` — not `…2006¹,`.",
    bad: "Recalling its resolution 61/100 of 6 December 2006¹,",
    good: "Recalling its resolution 61/100 of 6 December 2006,¹",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for r in &cx.tree.footnote_refs {
        if !r.superscript {
            continue; // plain digits: the parser only sees them after punctuation
        }
        let after = &cx.text[r.range.end..];
        let Some(p) = after
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | ';' | ':' | '.'))
        else {
            continue;
        };
        let marker = &cx.text[r.range.clone()];
        out.emit(
            r.range.start..r.range.end + 1,
            format!("marker before `{p}`: English places it after the punctuation"),
        )
        .fix(
            "Move the marker after the punctuation",
            vec![crate::Edit {
                range: r.range.start..r.range.end + 1,
                text: format!("{p}{marker}"),
            }],
            true,
        );
    }
}
