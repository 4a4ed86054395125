//! UN006 `preambular-punctuation`: A preambular paragraph ends with a comma.

use crate::rules::shared::{all_of, terminal};
use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN006",
    name: "preambular-punctuation",
    scopes: RES_DRAFT,
    extraction_tolerant: true,
    summary: "A preambular paragraph ends with a comma.",
    explanation: "Every preambular paragraph, the last one included, ends with a comma (zh `，`, ar `،`); with sub-paragraphs, the last sub-paragraph carries it (Editorial Manual, punctuation).",
    bad: "Recalling its resolution 61/100 of 6 December 2006;",
    good: "Recalling its resolution 61/100 of 6 December 2006,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let table = cx.lang.table();
    for p in all_of(cx, NodeKind::Preambular) {
        let Some((mark, r)) = terminal(cx, p) else {
            continue;
        };
        if table.is_comma(mark) || mark == ',' || mark == '，' {
            continue;
        }
        let want = table.preferred_comma();
        if matches!(mark, ';' | '；' | '.' | '。' | '؛') {
            out.emit(
                r.clone(),
                format!("preambular paragraph ends with `{mark}`: end it with `{want}`"),
            )
            .fix_one(
                format!("Replace `{mark}` with `{want}`"),
                r,
                want.to_string(),
                true,
            );
        } else if mark != ':' && mark != '：' {
            let at = r.end..r.end;
            out.emit(
                r.clone(),
                format!("preambular paragraph does not end with `{want}`"),
            )
            .fix_one(format!("Add `{want}`"), at, want.to_string(), true);
        }
    }
}
