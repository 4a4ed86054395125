//! UN001 `author-line-missing`: A resolution names the acting organ before its first
//! paragraph.

use crate::rules::shared::all_of;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN001",
    name: "author-line-missing",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "A resolution names the acting organ before its first paragraph.",
    explanation: "The author line (enacting formula) — `The General Assembly,` / `大会，` — comes after the title and before the first preambular or operative paragraph (Editorial Manual, order of elements; AKN4UN `formula name=\"enactingFormula\"`).",
    bad: "62/57. Convention on Certain Conventional Weapons\nRecalling its resolution 61/100 of 6 December 2006,",
    good: "62/57. Convention on Certain Conventional Weapons\nThe General Assembly,\nRecalling its resolution 61/100 of 6 December 2006,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let has_author = !all_of(cx, NodeKind::Author).is_empty();
    if has_author {
        return;
    }
    let first = cx
        .tree
        .nodes
        .iter()
        .find(|n| matches!(n.kind, NodeKind::Preamble | NodeKind::OperativePart));
    if let Some(f) = first {
        let start = f.range.start;
        let (line, organ) = match cx.lang {
            Lang::Zh => ("大会，", "大会"),
            _ => ("The General Assembly,", "The General Assembly"),
        };
        out.emit(start..start, format!("no author line before the first paragraph: write `{line}` (or the organ that acts) on its own line"))
            .fix_one(format!("Insert `{organ},`"), start..start, format!("{line}\n\n"), false);
    }
}
