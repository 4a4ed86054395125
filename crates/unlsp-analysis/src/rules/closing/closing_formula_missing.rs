//! UN016 `closing-formula-missing`: An adopted GA or ECOSOC resolution ends with the meeting
//! and the date of adoption.

use super::{is_ga, is_sc};
use crate::{Ctx, RES_ONLY, Reach, RuleDef, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN016",
    name: "closing-formula-missing",
    scopes: RES_ONLY,
    reach: Reach::Document,
    summary: "An adopted GA or ECOSOC resolution ends with the meeting and the date of adoption.",
    explanation: "After the last operative paragraph: `61st plenary meeting` / `5 December 2007` (zh `2007年12月5日` / `第61次全体会议`). Security Council resolutions and drafts have none (Editorial Manual; AKN4UN `conclusions`).",
    bad: "13. Decides to include the item in the provisional agenda of its sixty-third session.\n(end of text)",
    good: "13. Decides to include the item in the provisional agenda of its sixty-third session.\n61st plenary meeting\n5 December 2007",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    if is_sc(cx) || !is_ga(cx) && cx.tree.meta.organ.as_deref() != Some("ECOSOC") {
        return;
    }
    if cx.tree.meta.adoption_date.is_none() {
        return; // no adoption line either: a draft or an excerpt
    }
    if !cx.tree.nodes_of(NodeKind::Closing).is_empty() {
        return;
    }
    // `56th (resumed) plenary meeting` is left in the last paragraph by the parser
    if cx.text.contains("plenary meeting\n")
        || cx.text.contains("plenary meeting \n")
        || cx.text.contains("次全体会议")
    {
        return;
    }
    let Some(last) = cx.tree.nodes_of(NodeKind::Operative).into_iter().last() else {
        return;
    };
    let end = last.range.end;
    let (m, d) = if cx.lang == Lang::Zh {
        ("第…次全体会议", "日期")
    } else {
        ("…th plenary meeting", "the date of adoption")
    };
    out.emit(
        end..end,
        format!("no closing formula after the last operative paragraph: add `{m}` and {d}"),
    );
}
