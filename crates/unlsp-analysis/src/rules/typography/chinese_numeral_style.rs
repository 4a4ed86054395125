//! UN084 `chinese-numeral-style`: Sessions in Chinese numerals, meetings and paragraphs in
//! Arabic figures.

use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{chinese_number, chinese_numeral};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN084",
    name: "chinese-numeral-style",
    severity: Severity::Hint,
    langs: &[Lang::Zh],
    summary: "Sessions in Chinese numerals, meetings and paragraphs in Arabic figures.",
    explanation: "`第七十五届会议`, but `第 37 次全体会议`, `第 96 段` (seeds 000–003).",
    bad: "第75届会议; 第三十七次全体会议",
    good: "第七十五届会议; 第37次全体会议",
    check,
    ..RuleDef::DEFAULT
};

static ZH_SESSION_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第\s*(\d{1,3})\s*届").unwrap());

static ZH_MEETING_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第([一二三四五六七八九十百零]+)次全体会议").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    let mut scan = |s: &str, map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        for c in ZH_SESSION_DIGITS.captures_iter(s) {
            let g = c.get(1).unwrap();
            let n: u32 = g.as_str().parse().unwrap_or(0);
            let want = chinese_numeral(n);
            let r = map(g.range());
            out.emit(
                r.clone(),
                format!("session `{}` in figures: write `第{want}届`", g.as_str()),
            )
            .fix_one(format!("Write `{want}`"), r, want.clone(), true);
        }
        for c in ZH_MEETING_WORDS.captures_iter(s) {
            let g = c.get(1).unwrap();
            let Some(n) = chinese_number(g.as_str()) else {
                continue;
            };
            let r = map(g.range());
            out.emit(
                r.clone(),
                format!(
                    "meeting `{}` in Chinese numerals: write `第{n}次`",
                    g.as_str()
                ),
            )
            .fix_one(format!("Write `{n}`"), r, n.to_string(), true);
        }
    };
    for u in units(cx) {
        let v = view(cx, u);
        scan(&v.s, &|r| v.range(r));
    }
    for kind in [NodeKind::Closing, NodeKind::Heading] {
        for n in cx.tree.nodes_of(kind) {
            let base = n.range.start;
            scan(&cx.text[n.range.clone()], &|r| base + r.start..base + r.end);
        }
    }
}
