//! UN046 `sc-resolution-without-year`: A Security Council resolution is cited with its year:
//! `2231 (2015)`.

use crate::pattern::Pattern;
use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_index::catalogue::catalogue;
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN046",
    name: "sc-resolution-without-year",
    summary: "A Security Council resolution is cited with its year: `2231 (2015)`.",
    explanation: "SC resolutions form one running sequence identified as `number (year)`; English puts a space before the parenthesis, Chinese none (`第 2231(2015)号决议`).",
    bad: "Security Council resolution 2231",
    good: "Security Council resolution 2231 (2015)",
    check,
    ..RuleDef::DEFAULT
};

static SC_EN: Pattern = Pattern::new(|| {
    Regex::new(r"Security Council (?:resolutions?|res\.) ((?:\d{1,4}(?: ?\(\d{4}\))?(?:, | and |, and )?)+)").unwrap()
});

static SC_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,4})( ?\(\d{4}\))?").unwrap());

static SC_ZH: Pattern = Pattern::new(|| {
    Regex::new(r"安全理事会(?:[^第，。；]{0,20})第\s*(\d{1,4})\s*(\(\d{4}\))?\s*号决议").unwrap()
});

fn sc_year(n: &str) -> Option<u16> {
    catalogue().sc(n.parse().ok()?).and_then(|e| e.year())
}

/// UN046 for one number: the year is missing; the fix adds it when the
/// catalogue knows it (` (2015)` in English, `(2015)` in Chinese).
fn missing_sc_year(out: &mut Sink, r: std::ops::Range<usize>, number: &str, western: bool) {
    let d = out.emit(
        r.clone(),
        format!("Security Council resolution {number} without its year"),
    );
    if let Some(y) = sc_year(number) {
        let text = if western {
            format!(" ({y})")
        } else {
            format!("({y})")
        };
        d.fix_one(format!("Add `{text}`"), r.end..r.end, text, false);
    }
}

fn check(cx: &Ctx, out: &mut Sink) {
    for u in units(cx) {
        let v = view(cx, u);
        if cx.lang == Lang::Zh {
            for c in cx.re(&SC_ZH).captures_iter(&v.s) {
                let g = c.get(1).unwrap();
                if c.get(2).is_none() {
                    missing_sc_year(out, v.range(g.range()), g.as_str(), false);
                }
            }
            continue;
        }
        for c in cx.re(&SC_EN).captures_iter(&v.s) {
            let list = c.get(1).unwrap();
            for it in SC_ITEM.captures_iter(list.as_str()) {
                let g = it.get(1).unwrap();
                let abs = list.start() + g.start()..list.start() + g.end();
                match it.get(2) {
                    None => missing_sc_year(out, v.range(abs.clone()), g.as_str(), true),
                    Some(y) if !y.as_str().starts_with(' ') && cx.lang != Lang::Zh => {
                        let r = v.range(abs.end..abs.end);
                        out.emit(
                            v.range(abs.start..list.start() + y.end()),
                            "space before the year in English: `2231 (2015)`",
                        )
                        .fix_one(
                            "Add the space",
                            r.start..r.start,
                            " ",
                            true,
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}
