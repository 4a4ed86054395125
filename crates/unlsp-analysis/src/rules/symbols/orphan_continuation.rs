//! UN064 `orphan-continuation`: `Add.1`, `Corr.2`, `Rev.1` alone follow a full symbol in the
//! same list.

use crate::pattern::Pattern;
use crate::{Ctx, RuleDef, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN064",
    name: "orphan-continuation",
    summary: "`Add.1`, `Corr.2`, `Rev.1` alone follow a full symbol in the same list.",
    explanation: "The short forms are legal only right after the symbol they continue: `A/60/88 and Corr.2`. Alone they name nothing.",
    bad: "(see Corr.2)",
    good: "(see A/60/88/Corr.2)",
    check,
    ..RuleDef::DEFAULT
};

static MODIFIER: Pattern =
    Pattern::new(|| regex::Regex::new(r"(?-u:\b)(?:Add|Corr|Rev|Amend)\.\s?\d+").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    for u in crate::rules::shared::units(cx) {
        let v = crate::rules::shared::view(cx, u);
        let mut last_symbol_end: Option<usize> = None;
        let syms: Vec<_> = cx.tree.symbols_in(&u.range).collect();
        for m in cx.re(&MODIFIER).find_iter(&v.s) {
            let r = v.range(m.range());
            if syms
                .iter()
                .any(|s| s.range.start <= r.start && r.end <= s.range.end)
            {
                continue;
            }
            // `A/79/6 (Sect. 3)/Add.5`: a symbol the recogniser cuts at the parenthesis
            let before = crate::rules::shared::slice(&v.s, m.start().saturating_sub(60), m.start());
            if before.contains('/') {
                continue;
            }
            // after a symbol in the same list: `A/60/88 and Corr.2`, `A/61/L.45 and Add.1 and 2`
            let prior = syms
                .iter()
                .filter(|s| s.range.end <= r.start)
                .map(|s| s.range.end)
                .max();
            if let Some(pe) = prior.or(last_symbol_end)
                && r.start - pe < 40
                && !cx.text[pe..r.start].contains(['.', ';', '。', '；'])
            {
                last_symbol_end = Some(r.end);
                continue;
            }
            out.emit(
                r,
                format!(
                    "`{}` continues no symbol: write the full symbol",
                    m.as_str()
                ),
            );
        }
    }
}
