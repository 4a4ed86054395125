//! UN018 `closing-date-mismatch`: The closing date equals the date of the adoption line.

use super::date_in;
use crate::{Ctx, RES_ONLY, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN018",
    name: "closing-date-mismatch",
    severity: Severity::Error,
    scopes: RES_ONLY,
    reach: Reach::Document,
    summary: "The closing date equals the date of the adoption line.",
    explanation: "Both give the actual date of adoption (a meeting that runs past midnight carries the later date in both places) (Editorial Manual).",
    bad: "Resolution adopted by the General Assembly on 5 December 2007\n…\n61st plenary meeting\n6 December 2007",
    good: "Resolution adopted by the General Assembly on 5 December 2007\n…\n61st plenary meeting\n5 December 2007",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let (Some(a), Some(c)) = (cx.tree.meta.adoption_date, cx.tree.meta.closing_date) else {
        return;
    };
    if a == c || !a.is_valid() || !c.is_valid() {
        return; // an impossible date is UN073's
    }
    let Some(cr) = date_in(cx, NodeKind::Closing) else {
        return;
    };
    let want = if cx.lang == Lang::Zh {
        a.chinese().replace(' ', "")
    } else {
        a.english()
    };
    let d = out.emit(
        cr.clone(),
        format!(
            "closing date {} differs from the adoption date {}",
            c.iso(),
            a.iso()
        ),
    );
    if let Some(ar) = date_in(cx, NodeKind::Adoption) {
        d.related(ar, "date of the adoption line");
    }
    d.fix_one(format!("Write `{want}`"), cr, want.clone(), false);
}
