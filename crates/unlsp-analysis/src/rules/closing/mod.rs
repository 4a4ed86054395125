//! A. Numbers, sessions, dates and the closing formula.
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod adoption_outside_session;
pub(super) mod closing_date_mismatch;
pub(super) mod closing_formula_missing;
pub(super) mod closing_order;
pub(super) mod draft_adopted_mismatch;
pub(super) mod future_session_in_past;
pub(super) mod issue_before_adoption;
pub(super) mod malformed_ordinal;
pub(super) mod meeting_ordinal_suffix;
pub(super) mod number_session_mismatch;
pub(super) mod report_from_other_session;
pub(super) mod title_presence;

use crate::Ctx;
use crate::pattern::Pattern;
use regex::Regex;
use std::ops::Range;
use unlsp_syntax::dates::Date;
use unlsp_syntax::numbers::{chinese_number, ordinal_value};
use unlsp_syntax::tree::NodeKind;

fn is_ga(cx: &Ctx) -> bool {
    match cx.tree.meta.organ.as_deref() {
        Some("GA") => true,
        Some(_) => false,
        None => cx
            .tree
            .meta
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("A/")),
    }
}

fn is_sc(cx: &Ctx) -> bool {
    cx.tree.meta.organ.as_deref() == Some("SC")
        || cx
            .tree
            .meta
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("S/"))
}

fn date_in(cx: &Ctx, kind: NodeKind) -> Option<std::ops::Range<usize>> {
    let n = cx.tree.nodes_of(kind).into_iter().next()?;
    let d = unlsp_syntax::dates::find_dates(&cx.text[n.range.clone()])
        .into_iter()
        .next()?;
    Some(n.range.start + d.start..n.range.start + d.end)
}

static SESSION_WORD: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)^\s*([a-z]+(?:-[a-z]+)?)\s+session|第\s*([一二三四五六七八九十百]+)\s*届")
        .unwrap()
});

fn session_of_line(s: &str) -> Option<u32> {
    let c = SESSION_WORD.captures(s)?;
    if let Some(w) = c.get(1) {
        ordinal_value(w.as_str())
    } else {
        chinese_number(c.get(2)?.as_str())
    }
}

/// The edit writing the English ordinal `want` over the one at `r`: the first
/// letter keeps its case, and a word broken after its hyphen at the end of a
/// line (`seventy-` / `seventh`) keeps its break when only the last part changes.
fn word_edit(text: &str, r: Range<usize>, want: &str) -> Option<(Range<usize>, String)> {
    if want.is_empty() || !want.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return None; // `ordinal_word` gives digits past ninety-nine
    }
    let src = text.get(r.clone())?;
    let mut want = want.to_string();
    if src.starts_with(|c: char| c.is_uppercase()) {
        want[..1].make_ascii_uppercase();
    }
    if let Some(h) = src.rfind('-') {
        let head: String = src[..=h].chars().filter(|c| !c.is_whitespace()).collect();
        let tail = &src[h + 1..];
        let cut = h + 1 + (tail.len() - tail.trim_start().len());
        if let Some(rest) = want.strip_prefix(head.as_str()) {
            return Some((r.start + cut..r.end, rest.to_string()));
        }
    }
    Some((r, want))
}

/// GA session N: September 1945+N to the end of September 1946+N.
fn in_ga_session(n: u32, d: Date) -> bool {
    let from = Date {
        year: 1945 + n as i32,
        month: 9,
        day: 1,
    };
    let to = Date {
        year: 1946 + n as i32,
        month: 9,
        day: 30,
    };
    d >= from && d <= to
}
