//! UN013 `subparagraph-punctuation`: Sub-paragraphs end with a semicolon; the last takes its
//! parent's punctuation.

use crate::rules::shared::terminal;
use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN013",
    name: "subparagraph-punctuation",
    scopes: RES_DRAFT,
    extraction_tolerant: true,
    summary: "Sub-paragraphs end with a semicolon; the last takes its parent's punctuation.",
    explanation: "Each sub-paragraph ends with `;` (zh `；`); the last one ends as the whole paragraph would (`;`, `.` in the last operative paragraph, `,` in a preambular paragraph) — that one is checked by UN006/UN010.",
    bad: "5. Requests the Secretary-General:\n(a) To report at its sixty-third session.\n(b) To consult Member States;",
    good: "5. Requests the Secretary-General:\n(a) To report at its sixty-third session;\n(b) To consult Member States;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let mut lists: Vec<Vec<&Node>> = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(
            n.kind,
            NodeKind::Preambular | NodeKind::Operative | NodeKind::Subparagraph
        ) {
            let subs: Vec<&Node> = n
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Subparagraph)
                .collect();
            if subs.len() > 1 {
                lists.push(subs);
            }
        }
    });
    let want = cx.lang.table().preferred_semicolon().to_string();
    for subs in lists {
        // a list whose items all end with a comma (the Council writes some
        // so: S/RES/2640 (2022), 2657 (2022)) keeps one style; a lone comma among
        // semicolons is the slip
        // (the language's own comma: ASCII commas in an Arabic page are not
        // a style)
        let comma = match cx.lang {
            Lang::Ar => '،',
            Lang::Zh => '，',
            _ => ',',
        };
        let items = &subs[..subs.len() - 1];
        if items.len() >= 2
            && items
                .iter()
                .all(|s| terminal(cx, s).is_some_and(|(m, _)| m == comma))
        {
            continue;
        }
        for s in items {
            let Some((mark, r)) = terminal(cx, s) else {
                continue;
            };
            if cx.lang.table().is_semicolon(mark) || matches!(mark, ';' | '；' | ':' | '：') {
                continue;
            }
            // `…; and` / `…; or` and `, and` between items are usage
            let tail = cx.text[s.range.clone()].trim_end();
            if tail.ends_with(" and")
                || tail.ends_with(" or")
                || tail.ends_with('和')
                || tail.ends_with('或')
            {
                continue;
            }
            if matches!(mark, '.' | '。' | ',' | '，') {
                out.emit(
                    r.clone(),
                    format!("sub-paragraph ends with `{mark}`: end it with `{want}`"),
                )
                .fix_one(
                    format!("Replace `{mark}` with `{want}`"),
                    r,
                    want.clone(),
                    true,
                );
            }
        }
    }
}
