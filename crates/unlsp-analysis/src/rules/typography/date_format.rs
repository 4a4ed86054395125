//! UN074 `date-format`: Dates in the language's format.

use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN074",
    name: "date-format",
    summary: "Dates in the language's format.",
    explanation: "en `5 December 2007` (not `December 5, 2007`, not `5th`); zh `2007年12月5日` (no leading zeros, not `2007-12-05`); fr `5 décembre 2007`; es `5 de diciembre de 2007`; ru `5 декабря 2007 года`.",
    bad: "December 5, 2007; 2007年12月05日",
    good: "5 December 2007; 2007年12月5日",
    check,
    ..RuleDef::DEFAULT
};

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    // the citations' dates, by start: one binary search per date
    let mut cited: Vec<_> = (cx.tree.citations.iter())
        .filter_map(|c| c.date_range.clone())
        .collect();
    cited.sort_by_key(|r| r.start);
    // the longest reach of the dates that start at or before each one
    let reach: Vec<usize> = (cited.iter())
        .scan(0, |m, r| {
            *m = r.end.max(*m);
            Some(*m)
        })
        .collect();
    for d in &cx.tree.dates {
        if d.canonical_form || !d.date.is_valid() {
            continue;
        }
        // inside a citation: UN052 says it
        let k = cited.partition_point(|r| r.start <= d.range.start);
        if k > 0 && d.range.end <= reach[k - 1] {
            continue;
        }
        let want = if cx.lang == Lang::Zh {
            d.date.chinese().replace(' ', "")
        } else {
            d.date.english()
        };
        let written = cx.text[d.range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.emit(d.range.clone(), format!("date `{written}`: write `{want}`"))
            .fix_one(
                format!("Write `{want}`"),
                d.range.clone(),
                want.clone(),
                true,
            );
    }
    if cx.lang == Lang::Zh {
        for u in units(cx) {
            let v = view(cx, u);
            for c in ISO_DATE.captures_iter(&v.s) {
                let (y, m, d): (u32, u32, u32) = (
                    c[1].parse().unwrap_or(0),
                    c[2].parse().unwrap_or(0),
                    c[3].parse().unwrap_or(0),
                );
                if !(1..=12).contains(&m) {
                    continue;
                }
                let want = format!("{y}年{m}月{d}日");
                let r = v.range(c.get(0).unwrap().range());
                out.emit(r.clone(), format!("date `{}`: write `{want}`", &c[0]))
                    .fix_one(format!("Write `{want}`"), r, want.clone(), true);
            }
        }
    }
}
