//! UN044 `list-punctuation`: Items of a list: commas and `and` before the last, no serial
//! comma (zh `、` and `和`).

use super::acts;
use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::Citation;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN044",
    name: "list-punctuation",
    severity: Severity::Hint,
    langs: &[Lang::En, Lang::Zh],
    summary: "Items of a list: commas and `and` before the last, no serial comma (zh `、` and `和`).",
    explanation: "`resolutions 70/54, 71/45 and 72/54`; `第 70/54 号、71/45 号和…`.",
    bad: "resolutions 70/54, 71/45, and 72/54",
    good: "resolutions 70/54, 71/45 and 72/54",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let mut prev: Option<&Citation> = None;
    for c in acts(cx) {
        if let Some(p) = prev
            && p.list == c.list
            && p.list_range == c.list_range
        {
            let from = p
                .date_range
                .as_ref()
                .map(|r| r.end)
                .unwrap_or(p.range.end)
                .max(p.range.end);
            if from < c.range.start {
                let between = &cx.text[from..c.range.start];
                if cx.lang == Lang::En {
                    // right after the item (or a footnote marker): after the
                    // parts it names (`56/64 B, sect. X, and 61/121 B`) the
                    // comma is the list's own
                    if let Some(i) = between.find(", and ")
                        && between[..i].trim().bytes().all(|b| b.is_ascii_digit())
                    {
                        let at = from + i;
                        out.emit(
                            at..at + 1,
                            "serial comma before `and` in a list of resolutions: remove it",
                        )
                        .fix_one("Remove the comma", at..at + 1, "", true);
                    }
                } else if let Some(i) = between.find('，')
                    && !between.contains("关于")
                {
                    let at = from + i;
                    out.emit(
                        at..at + '，'.len_utf8(),
                        "items of a list are separated by `、`",
                    )
                    .fix_one(
                        "Write `、`",
                        at..at + '，'.len_utf8(),
                        "、",
                        true,
                    );
                }
            }
        }
        prev = Some(c);
    }
}
