//! UN052 `citation-date-format`: A citation's date is written `of 6 December 2006`.

use super::acts;
use crate::{Ctx, Edit, RuleDef, Sink};
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN052",
    name: "citation-date-format",
    langs: &[Lang::En],
    summary: "A citation's date is written `of 6 December 2006`.",
    explanation: "Day, month, year; no ordinal suffix, no comma, introduced by `of` (es `, de 6 de diciembre de 2006`, fr `du 6 décembre 2006`, ru `от 6 декабря 2006 года`, zh date before `第…号`).",
    bad: "resolution 61/100 of December 6, 2006; resolution 61/100 dated 6th December 2006",
    good: "resolution 61/100 of 6 December 2006",
    check,
    ..RuleDef::DEFAULT
};

/// The ranges of the page furniture and footnotes that float inside the text
/// units (a page break inside a sentence).
fn floated(cx: &Ctx) -> Vec<std::ops::Range<usize>> {
    use unlsp_syntax::NodeKind;
    let mut v = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(n.kind, NodeKind::Furniture | NodeKind::Footnote) {
            v.push(n.range.clone());
        }
    });
    v
}

fn check(cx: &Ctx, out: &mut Sink) {
    let mut floats: Option<Vec<std::ops::Range<usize>>> = None;
    for c in acts(cx) {
        let (Some(d), Some(dr)) = (c.date, c.date_range.clone()) else {
            continue;
        };
        let written = &cx.text[dr.clone()];
        let canon = d.english();
        let before = &cx.text[c.range.end.min(dr.start)..dr.start];
        // `resolution 5/14 adopted on 2 March 2022` (GA 78/128, 79/232): a
        // participle clause, not a date format; only `dated` is UNEP style
        let dated = before.contains("dated");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if words(written) == canon && !dated {
            continue;
        }
        // `of 29 June` / page foot, footnotes, running header / `2007` (GA
        // 78/304, 80/200): a page break inside the date is no format of it,
        // and the fix would delete the footnotes
        if written.contains(['\n', '\r']) {
            let fl = floats.get_or_insert_with(|| floated(cx));
            let mut kept = String::new();
            let mut at = dr.start;
            for f in fl.iter().filter(|f| f.start >= dr.start && f.end <= dr.end) {
                kept.push_str(cx.text.get(at..f.start.max(at)).unwrap_or(""));
                kept.push(' ');
                at = at.max(f.end);
            }
            kept.push_str(&cx.text[at..dr.end]);
            if kept.len() < written.len() {
                if words(&kept) == canon && !dated {
                    continue;
                }
                // the format is wrong all the same: say so, without a fix
                out.emit(
                    dr.clone(),
                    format!("citation date `{}`: write `of {canon}`", words(&kept)),
                );
                continue;
            }
        }
        let range = if dated {
            c.range.end..dr.end
        } else {
            dr.clone()
        };
        out.emit(
            range.clone(),
            format!(
                "citation date `{}`: write `of {canon}`",
                written.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        )
        .fix(
            format!("Write `of {canon}`"),
            vec![Edit {
                range,
                text: if dated {
                    format!(" of {canon}")
                } else {
                    canon.clone()
                },
            }],
            true,
        );
    }
}
