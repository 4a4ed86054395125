//! UN017 `meeting-ordinal-suffix`: Ordinal figures take st/nd/rd/th by English rules.

use crate::pattern::Pattern;
use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Severity, Sink};
use regex::Regex;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN017",
    name: "meeting-ordinal-suffix",
    severity: Severity::Error,
    langs: &[Lang::En],
    summary: "Ordinal figures take st/nd/rd/th by English rules.",
    explanation: "1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 61st, 101st, 111th, 112th.",
    bad: "61th plenary meeting",
    good: "61st plenary meeting",
    check,
    ..RuleDef::DEFAULT
};

static ORDINAL_FIG: Pattern =
    Pattern::new(|| Regex::new(r"(?-u:\b)(\d{1,5})(st|nd|rd|th)(?-u:\b)").unwrap());

fn suffix_for(n: u64) -> &'static str {
    if (11..=13).contains(&(n % 100)) {
        return "th";
    }
    match n % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

fn check(cx: &Ctx, out: &mut Sink) {
    let mut scan = |s: &str, map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        for c in cx.re(&ORDINAL_FIG).captures_iter(s) {
            let n: u64 = c[1].parse().unwrap_or(0);
            let want = suffix_for(n);
            if &c[2] != want {
                let r = map(c.get(2).unwrap().range());
                out.emit(
                    map(c.get(0).unwrap().range()),
                    format!("`{}{}`: write `{}{want}`", &c[1], &c[2], &c[1]),
                )
                .fix_one(format!("Write `{}{want}`", &c[1]), r, want, true);
            }
        }
    };
    // a digit before s/n/r/t somewhere in the unit, or no ordinal to check
    let candidate = |b: &[u8]| {
        b.windows(2)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b's' | b'n' | b'r' | b't'))
    };
    for n in units(cx) {
        if !candidate(cx.text[n.range.clone()].as_bytes()) {
            continue;
        }
        let v = view(cx, n);
        scan(&v.s, &|r| v.range(r));
    }
    for n in cx.tree.nodes_of(NodeKind::Closing) {
        let base = n.range.start;
        scan(&cx.text[n.range.clone()], &|r| base + r.start..base + r.end);
    }
}
