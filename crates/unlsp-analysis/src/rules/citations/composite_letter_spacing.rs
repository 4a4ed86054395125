//! UN047 `composite-letter-spacing`: The part letter of a composite resolution follows a
//! space: `56/24 V`.

use super::acts;
use crate::pattern::Pattern;
use crate::{Ctx, RuleDef, Severity, Sink};
use regex::Regex;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN047",
    name: "composite-letter-spacing",
    severity: Severity::Hint,
    summary: "The part letter of a composite resolution follows a space: `56/24 V`.",
    explanation: "Composite resolutions are identified as `56/24 V`, `3367 A (XXX)` (zh `第 56/24 V 号`) (Editorial Manual, system of identification).",
    bad: "resolution 56/24V",
    good: "resolution 56/24 V",
    check,
    ..RuleDef::DEFAULT
};

static GLUED_PART: Pattern = Pattern::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,3}/\d{1,4}|\d{3,4})([A-Z])(?-u:\b)(?:\s?\([IVXL]+\))?").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    for c in acts(cx) {
        let s = &cx.text[c.range.clone()];
        if let Some(m) = cx.re(&GLUED_PART).captures(s) {
            let at = c.range.start + m.get(2).unwrap().start();
            out.emit(
                c.range.clone(),
                format!("`{}`: a space goes before the part letter", s.trim()),
            )
            .fix_one("Insert a space", at..at, " ", true);
        }
    }
}
