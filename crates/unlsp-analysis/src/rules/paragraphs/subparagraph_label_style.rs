//! UN014 `subparagraph-label-style`: Sub-paragraph labels in the language's style: `(a)` in
//! en/zh/ru, `a)` in fr/es.

use crate::rules::shared::all_of;
use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN014",
    name: "subparagraph-label-style",
    severity: Severity::Hint,
    summary: "Sub-paragraph labels in the language's style: `(a)` in en/zh/ru, `a)` in fr/es.",
    explanation: "English, Chinese and Russian texts write `(a)`, `(i)`; French and Spanish `a)`, `i)` (Editorial Manual).",
    bad: "a) To report to the General Assembly;",
    good: "(a) To report to the General Assembly;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let open_style = !matches!(cx.lang, Lang::Fr | Lang::Es | Lang::Ar);
    if cx.lang == Lang::Ar {
        return;
    }
    for s in all_of(cx, NodeKind::Subparagraph) {
        let (Some(l), Some(r)) = (&s.label, &s.label_range) else {
            continue;
        };
        let written = &cx.text[r.clone()];
        if !written.ends_with(')') || written.chars().any(|c| ('㈠'..='㈩').contains(&c)) {
            continue;
        }
        let has_open = written.starts_with('(');
        if has_open != open_style {
            let core = written.trim_start_matches('(').trim_end_matches(')');
            let want = if open_style {
                format!("({core})")
            } else {
                format!("{core})")
            };
            let _ = l;
            out.emit(
                r.clone(),
                format!(
                    "label `{written}`: {} texts write `{want}`",
                    cx.lang.table().name
                ),
            )
            .fix_one(format!("Write `{want}`"), r.clone(), want.clone(), true);
        }
    }
}
