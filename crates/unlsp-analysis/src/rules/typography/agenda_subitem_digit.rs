//! UN088 `agenda-subitem-digit`: Agenda sub-items are letters, not digits.

use crate::pattern::Pattern;
use crate::rules::shared::units;
use crate::{Ctx, RuleDef, Severity, Sink};
use regex::Regex;
use unlsp_syntax::cjk::is_cjk;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN088",
    name: "agenda-subitem-digit",
    severity: Severity::Hint,
    summary: "Agenda sub-items are letters, not digits.",
    explanation: "`Agenda item 98 (l)` / `议程项目 98(l)`: a digit in the parentheses is usually the letter `l` read as `1` by the extraction (seed 003).",
    bad: "议程项目 98(1)",
    good: "议程项目 98(l)",
    check,
    ..RuleDef::DEFAULT
};

static AGENDA_DIGIT: Pattern = Pattern::new(|| {
    Regex::new(r"(?:[Aa]genda items?|议程项目|临时议程项目)\s*\d{1,3}\s*\((\d{1,2})\)").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    let headings = cx.tree.nodes_of(NodeKind::Heading);
    for sp in (headings.into_iter().chain(units(cx))).map(|n| n.range.clone()) {
        let s = &cx.text[sp.clone()];
        for c in cx.re(&AGENDA_DIGIT).captures_iter(s) {
            let g = c.get(1).unwrap();
            let r = sp.start + g.start()..sp.start + g.end();
            let d = out.emit(
                r.clone(),
                format!(
                    "agenda sub-item `({})` written as a digit: sub-items are letters",
                    g.as_str()
                ),
            );
            if g.as_str() == "1" || g.as_str() == "11" {
                let want = "l".repeat(g.as_str().len());
                d.fix_one(format!("Write `({want})`"), r, want.clone(), false);
            }
        }
    }
    let _ = is_cjk;
}
