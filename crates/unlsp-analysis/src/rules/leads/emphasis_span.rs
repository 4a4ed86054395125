//! UN031 `emphasis-span`: Emphasis covers exactly the lead phrase.

use super::marker_before;
use crate::rules::shared::parts;
use crate::{Ctx, Edit, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN031",
    name: "emphasis-span",
    severity: Severity::Hint,
    summary: "Emphasis covers exactly the lead phrase.",
    explanation: "The italic (bold) span is the whole lead, with also/further and adverbs, and nothing more: `*Also requests*`, `**吁请**所有国家`.",
    bad: "**吁请所有**国家…；\n*Also* requests the Secretary-General…;",
    good: "**吁请**所有国家…；\n*Also requests* the Secretary-General…;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if !l.emphasis {
                continue;
            }
            let Some((open, mk)) = marker_before(cx, p, l) else {
                continue;
            };
            let inner_start = open + mk.len();
            let Some(close_rel) = cx.text[inner_start..p.range.end].find(mk) else {
                continue;
            };
            let inner = &cx.text[inner_start..inner_start + close_rel];
            let norm = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
            if norm(inner) == norm(&l.text) {
                continue;
            }
            let close = inner_start + close_rel;
            let end = (close + mk.len()).max(l.range.end).min(p.range.end);
            let stripped = format!(
                "{}{}",
                &cx.text[inner_start..close],
                &cx.text[close + mk.len()..end]
            );
            // the lead's raw length inside the stripped text
            let mut want = l.text.chars().filter(|c| !c.is_whitespace()).peekable();
            let mut k = 0;
            for (i, c) in stripped.char_indices() {
                if want.peek().is_none() {
                    break;
                }
                if c.is_whitespace() {
                    continue;
                }
                if Some(&c) == want.peek() {
                    want.next();
                    k = i + c.len_utf8();
                } else {
                    break;
                }
            }
            let edit = (want.peek().is_none()).then(|| Edit {
                range: open..end,
                text: format!("{mk}{}{mk}{}", &stripped[..k], &stripped[k..]),
            });
            let d = out.emit(
                open..close + mk.len(),
                format!(
                    "emphasis covers `{}`, the lead is `{}`",
                    inner.trim(),
                    l.text
                ),
            );
            if let Some(e) = edit {
                d.fix(format!("Emphasise `{}`", l.text), vec![e], true);
            }
        }
    }
}
