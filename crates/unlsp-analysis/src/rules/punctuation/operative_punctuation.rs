//! UN010 `operative-punctuation`: Operative paragraphs end with a semicolon, the last with a
//! full stop.

use crate::rules::shared::{operative_groups, terminal};
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN010",
    name: "operative-punctuation",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    extraction_tolerant: true,
    reach: Reach::Document,
    summary: "Operative paragraphs end with a semicolon, the last with a full stop.",
    explanation: "Each operative paragraph ends with `;` (zh `；`, ar `؛`) and the last one with `.` (zh `。`). A paragraph with sub-paragraphs ends where its last sub-paragraph ends.",
    bad: "12. Also requests the Secretary-General to report thereon.\n13. Decides to include the item in the provisional agenda of its sixty-third session.",
    good: "12. Also requests the Secretary-General to report thereon;\n13. Decides to include the item in the provisional agenda of its sixty-third session.",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let table = cx.lang.table();
    let groups = operative_groups(cx);
    let ng = groups.len();
    for (gi, g) in groups.iter().enumerate() {
        for (i, p) in g.iter().enumerate() {
            let last_in_doc = gi == ng - 1 && i == g.len() - 1;
            let last_in_group = i == g.len() - 1;
            if p.lead.is_none() {
                continue; // numbered lines of an embedded text or a list
            }
            if crate::rules::shared::preambular_with_operative_lead(cx, p) {
                continue; // UN015
            }
            let Some((mark, r)) = terminal(cx, p) else {
                continue;
            };
            let is_semi = table.is_semicolon(mark) || mark == ';' || mark == '；';
            let is_stop = table.is_full_stop(mark) || mark == '.' || mark == '。';
            if matches!(mark, ':' | '：') {
                continue; // introduces a quoted text or an annex
            }
            if ends_with_block_quotation(cx, p)
                || ends_with_numbered_items(cx, p)
                || crate::rules::shared::introduces_text(cx, p)
            {
                continue;
            }
            if last_in_doc {
                if !is_stop {
                    let want = table.preferred_full_stop();
                    let d = out.emit(
                        r.clone(),
                        format!(
                            "the last operative paragraph ends with `{mark}`: end it with `{want}`"
                        ),
                    );
                    mark_fix(d, mark, r, want, is_semi || table.is_comma(mark));
                }
            } else if !(is_semi || is_stop && last_in_group) {
                let want = table.preferred_semicolon();
                let d = out.emit(r.clone(), format!("operative paragraph ends with `{mark}`: end it with `{want}` (only the last ends with a full stop)"));
                mark_fix(d, mark, r, want, is_stop || table.is_comma(mark));
            }
        }
    }
}

/// The paragraph ends with a quotation set off as paragraphs of their own
/// (`… continues to read as follows:` / `“(a) …` / `“(b) … level.”`, GA
/// 79/280): the quoted text keeps its own final full stop, and nothing follows.
fn ends_with_block_quotation(cx: &Ctx, p: &Node) -> bool {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[ \t]*\r?\n\s*[“«]").unwrap());
    let body =
        crate::rules::shared::slice(cx.text, p.range.start, p.range.end).trim_end_matches(is_space);
    (body.ends_with(".”") || body.ends_with(".»")) && BLOCK.is_match(body)
}

/// The paragraph ends with a list of numbered items that all end with a full
/// stop: a provisional agenda (`1. Opening of the Congress.` … `7. Adoption
/// of the report of the Congress.`, GA 78/223) keeps its own punctuation.
fn ends_with_numbered_items(cx: &Ctx, p: &Node) -> bool {
    let items: Vec<&Node> = p
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
        .collect();
    items.len() >= 2
        && items.iter().all(|c| {
            c.label
                .as_deref()
                .is_some_and(|l| l.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit()))
                && crate::rules::shared::slice(cx.text, c.range.start, c.range.end)
                    .trim_end_matches(is_space)
                    .ends_with('.')
        })
}

/// Replace a wrong terminal mark, or add the missing one after the last character.
fn mark_fix(
    d: &mut crate::Diagnostic,
    mark: char,
    r: std::ops::Range<usize>,
    want: &str,
    replace: bool,
) {
    if replace {
        d.fix_one(
            format!("Replace `{mark}` with `{want}`"),
            r,
            want.to_string(),
            true,
        );
    } else {
        d.fix_one(
            format!("Add `{want}`"),
            r.end..r.end,
            want.to_string(),
            true,
        );
    }
}
