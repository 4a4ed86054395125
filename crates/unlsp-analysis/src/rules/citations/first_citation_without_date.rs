//! UN040 `first-citation-without-date`: The first mention of a GA, ECOSOC or HRC resolution or
//! decision gives its date.

use super::{acts, paren};
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Sink};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use unlsp_index::catalogue::{ActKind, Organ, catalogue};
use unlsp_syntax::dates::Date;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Citation, CitationKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN040",
    name: "first-citation-without-date",
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "The first mention of a GA, ECOSOC or HRC resolution or decision gives its date.",
    explanation: "`Recalling its resolution 61/100 of 6 December 2006,` (zh `回顾其 2006 年 12 月 6 日第 61/100 号决议，`); later mentions may drop the date. Not for Security Council resolutions, whose year is in the number, nor inside footnotes.",
    bad: "Recalling its resolution 61/100,",
    good: "Recalling its resolution 61/100 of 6 December 2006,",
    check,
    ..RuleDef::DEFAULT
};

static ADOPTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^;]{0,220}?(?-u:\b)adopted(?-u:\b)[^;]{0,40}?(?-u:\b)on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    let mut seen: HashMap<&str, bool> = HashMap::new();
    for c in acts(cx) {
        if c.in_footnote
            || c.organ.as_deref() == Some("SC")
            || paren(&c.target).is_some_and(|p| p.len() == 4)
        {
            seen.insert(c.target.as_str(), true);
            continue;
        }
        if seen.contains_key(c.target.as_str()) {
            continue;
        }
        seen.insert(c.target.as_str(), true);
        if c.date.is_some() {
            continue;
        }
        if !c.own || !introduces_act(cx, c) {
            continue;
        }
        // `resolution 72/241, entitled “…”, adopted by consensus on
        // 20 December 2017` (GA 78/214): the date follows the title
        let after = crate::rules::shared::slice(cx.text, c.range.end, c.range.end + 300);
        if ADOPTED_ON.is_match(after) {
            continue;
        }
        let date = catalogue()
            .lookup(
                if c.kind == CitationKind::Decision {
                    ActKind::Decision
                } else {
                    ActKind::Resolution
                },
                Organ::GA,
                &c.target,
            )
            .and_then(|e| e.date.as_deref().and_then(Date::from_iso));
        let noun = if c.kind == CitationKind::Decision {
            "decision"
        } else {
            "resolution"
        };
        let d = out.emit(
            c.range.clone(),
            match date {
                Some(d) => format!(
                    "first mention of {noun} {} without its date: write `{} of {}`",
                    c.target,
                    c.target,
                    d.english()
                ),
                None => format!(
                    "first mention of {noun} {} without its date: add `of <date of adoption>`",
                    c.target
                ),
            },
        );
        if let Some(d0) = date
            && cx.lang == Lang::En
        {
            let end = c.range.end;
            d.fix_one(
                format!("Add `of {}`", d0.english()),
                end..end,
                format!(" of {}", d0.english()),
                false,
            );
        } else if let Some(d0) = date
            && cx.lang == Lang::Zh
        {
            // `第 61/100 号决议` → `2006 年 12 月 6 日第 61/100 号决议`
            let before = crate::rules::shared::slice(
                cx.text,
                c.list_range.start.min(c.range.start),
                c.range.start,
            );
            if let Some(i) = before.trim_end().strip_suffix('第').map(|b| b.len()) {
                let at = c.list_range.start.min(c.range.start) + i;
                // `回顾其 2006 年…`: a space between the text and the figures
                let space = if cx.text[..at].ends_with(char::is_whitespace) {
                    ""
                } else {
                    " "
                };
                d.fix_one(
                    format!("Add `{}`", d0.chinese()),
                    at..at,
                    format!("{space}{}", d0.chinese()),
                    false,
                );
            }
        }
    }
}

/// A citation right after a `Recalling`/`Reaffirming`/`回顾`/`重申` lead at the
/// start of a preambular paragraph: the place where edited texts always date
/// the act (corpus calibration: elsewhere a first mention often has no date).
fn introduces_act(cx: &Ctx, c: &Citation) -> bool {
    let path = cx.tree.path_at(c.range.start);
    let Some(p) = path
        .iter()
        .rev()
        .find(|n| n.kind == unlsp_syntax::tree::NodeKind::Preambular)
    else {
        return false;
    };
    let Some(l) = &p.lead else { return false };
    let lead = l.base.to_lowercase();
    if !(lead.starts_with("recalling")
        || lead.starts_with("reaffirming")
        || lead.contains("回顾")
        || lead.contains("重申"))
    {
        return false;
    }
    let between = crate::rules::shared::slice(cx.text, l.range.end, c.list_range.start);
    between.chars().count() < 12
}
