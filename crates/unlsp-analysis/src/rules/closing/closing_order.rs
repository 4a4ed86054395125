//! UN019 `closing-order`: Closing lines in the language's order.

use crate::{Ctx, RES_ONLY, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN019",
    name: "closing-order",
    severity: Severity::Hint,
    scopes: RES_ONLY,
    summary: "Closing lines in the language's order.",
    explanation: "English, French, Spanish, Russian and Arabic put the meeting line first, then the date. Chinese texts are not checked: the PDFs print the date first (seeds 002, 003), the Secretariat's own markup of the same resolutions the meeting first (all 561 of sessions 79-80).",
    bad: "5 December 2007\n61st plenary meeting",
    good: "61st plenary meeting\n5 December 2007",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for n in cx.tree.nodes_of(NodeKind::Closing) {
        let s = &cx.text[n.range.clone()];
        let Some(d) = unlsp_syntax::dates::find_dates(s).into_iter().next() else {
            continue;
        };
        if cx.lang == Lang::Zh {
            continue;
        }
        let meeting = s
            .find("meeting")
            .or_else(|| s.find("séance"))
            .or_else(|| s.find("sesión"))
            .or_else(|| s.find("заседание"));
        let Some(m) = meeting else { continue };
        if d.start < m {
            out.emit(
                n.range.clone(),
                "closing lines: the meeting comes first, then the date",
            );
        }
    }
}
