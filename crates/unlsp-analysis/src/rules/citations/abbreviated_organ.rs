//! UN051 `abbreviated-organ`: Organs are named in full in citations.

use crate::pattern::Pattern;
use crate::rules::shared::{units, view};
use crate::{Ctx, Edit, RES_DRAFT, RuleDef, Sink};
use regex::Regex;
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN051",
    name: "abbreviated-organ",
    scopes: RES_DRAFT,
    langs: &[Lang::En],
    summary: "Organs are named in full in citations.",
    explanation: "`General Assembly resolution 61/100`, `Security Council resolution 2231 (2015)` — never `GA`, `SC`, `UNGA`, `res.` (Editorial Manual: identification by the name of the body written in full).",
    bad: "GA resolution 61/100; SC res. 2231 (2015)",
    good: "General Assembly resolution 61/100; Security Council resolution 2231 (2015)",
    check,
    ..RuleDef::DEFAULT
};

static ABBR: Pattern = Pattern::new(|| {
    Regex::new(r"(?-u:\b)(GA|SC|UNGA|UNSC|ECOSOC|HRC)\s+(resolutions?|decisions?|res\.)|(?-u:\b)(res\.)\s*\d")
        .unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    for u in units(cx) {
        let v = view(cx, u);
        for c in cx.re(&ABBR).captures_iter(&v.s) {
            let mut edits = Vec::new();
            if let Some(o) = c.get(1) {
                let full = match o.as_str() {
                    "GA" | "UNGA" => "General Assembly",
                    "SC" | "UNSC" => "Security Council",
                    "ECOSOC" => "Economic and Social Council",
                    _ => "Human Rights Council",
                };
                edits.push(Edit {
                    range: v.range(o.range()),
                    text: full.into(),
                });
            }
            if let Some(r) = c.get(2).filter(|m| m.as_str() == "res.").or(c.get(3)) {
                edits.push(Edit {
                    range: v.range(r.range()),
                    text: "resolution".into(),
                });
            }
            let m = c.get(0).unwrap();
            out.emit(
                v.range(m.range()),
                format!(
                    "`{}`: name the organ in full",
                    m.as_str()
                        .trim_end_matches(|c: char| c.is_ascii_digit())
                        .trim()
                ),
            )
            .fix("Write the name in full", edits, true);
        }
    }
}
