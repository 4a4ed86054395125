//! UN048 `pre-1976-without-session`: GA resolutions before the 31st session carry their roman
//! session: `1514 (XV)`.

use super::names_other_body;
use crate::pattern::Pattern;
use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Sink};
use regex::Regex;
use unlsp_index::catalogue::catalogue;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::roman;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN048",
    name: "pre-1976-without-session",
    langs: &[Lang::En],
    summary: "GA resolutions before the 31st session carry their roman session: `1514 (XV)`.",
    explanation: "Until 1976 GA resolutions were numbered in one sequence with the session in roman figures in parentheses (Editorial Manual; DHL research guide).",
    bad: "resolution 1514 of 14 December 1960",
    good: "resolution 1514 (XV) of 14 December 1960",
    check,
    ..RuleDef::DEFAULT
};

static OLD_GA: Pattern = Pattern::new(|| {
    Regex::new(r"(?-u:\b)(General Assembly|its) resolutions? (\d{1,4})( [A-Z])?( of (\d{1,2} [A-Z][a-z]+ (\d{4})))?([^/\d(]|$)").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    let own_ga = matches!(cx.tree.meta.organ.as_deref(), Some("GA"))
        || cx
            .tree
            .meta
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("A/"));
    for u in units(cx) {
        let v = view(cx, u);
        for c in cx.re(&OLD_GA).captures_iter(&v.s) {
            if &c[1] == "its" && !own_ga {
                continue;
            }
            // `the World Health Assembly in its resolution 63.22` (GA 79/189),
            // `the General Conference of UNESCO … in its resolution 16` (GA
            // 79/267): another body's numbering
            let start = c.get(0).unwrap().start();
            let decimal = v.s[c.get(2).unwrap().end()..].starts_with('.')
                && v.s[c.get(2).unwrap().end() + 1..].starts_with(|ch: char| ch.is_ascii_digit());
            if decimal
                || (&c[1] == "its"
                    && names_other_body(
                        &v.s[v.s.floor_char_boundary(start.saturating_sub(200))..start],
                    ))
            {
                continue;
            }
            let tail = c.get(7).map(|m| m.as_str()).unwrap_or("");
            if tail == " " && v.s[c.get(7).unwrap().end()..].starts_with('(') {
                continue;
            }
            let n: u32 = c[2].parse().unwrap_or(0);
            let year: Option<i32> = c.get(6).and_then(|y| y.as_str().parse().ok());
            if year.is_some_and(|y| y > 1976) || n == 0 {
                continue;
            }
            let g = c.get(2).unwrap();
            let r = v.range(g.start()..c.get(3).map(|m| m.end()).unwrap_or(g.end()));
            let sess = year.map(|y| y - 1945).filter(|s| *s > 0);
            let d = out.emit(
                r.clone(),
                format!(
                    "GA resolution {} without its roman session: write `{} ({})`",
                    &c[2],
                    &c[2],
                    sess.map(|s| roman(s as u32)).unwrap_or_else(|| "…".into())
                ),
            );
            if let Some(e) = catalogue().find(&format!("General Assembly resolution {}", &c[2]))
                && e.number.contains('(')
            {
                let want = e.number.clone();
                d.fix_one(format!("Write `{want}`"), r, want, false);
            }
        }
    }
}
