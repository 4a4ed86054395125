//! UN011 `missing-colon`: Text that introduces sub-paragraphs ends with a colon.

use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::paragraph::body_pieces;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN011",
    name: "missing-colon",
    scopes: RES_DRAFT,
    summary: "Text that introduces sub-paragraphs ends with a colon.",
    explanation: "The introductory words of a list of sub-paragraphs end with `:` (zh `：`) (Editorial Manual; AKN4UN `intro`).",
    bad: "5. Requests the Secretary-General;\n(a) To report …;",
    good: "5. Requests the Secretary-General:\n(a) To report …;",
    check,
    ..RuleDef::DEFAULT
};

/// The end of a node's own text before its first sub-paragraph.
fn intro_end(cx: &Ctx, n: &Node) -> Option<(char, std::ops::Range<usize>)> {
    let first = n
        .children
        .iter()
        .find(|c| c.kind == NodeKind::Subparagraph)?;
    let pieces: Vec<_> = body_pieces(n)
        .into_iter()
        .filter(|r| r.end <= first.range.start)
        .collect();
    let last = pieces
        .iter()
        .rev()
        .find(|r| !cx.text[(*r).clone()].trim_matches(is_space).is_empty())?;
    let s = &cx.text[last.clone()];
    let t = s.trim_end_matches(|c: char| {
        is_space(c)
            || c == '*'
            || c.is_ascii_digit()
            || unlsp_syntax::cjk::superscript_digit(c).is_some()
    });
    let c = t.chars().next_back()?;
    let at = last.start + t.len() - c.len_utf8();
    Some((c, at..at + c.len_utf8()))
}

fn check(cx: &Ctx, out: &mut Sink) {
    let mut parents: Vec<&Node> = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(
            n.kind,
            NodeKind::Preambular | NodeKind::Operative | NodeKind::Subparagraph
        ) && n.children.iter().any(|c| c.kind == NodeKind::Subparagraph)
            && !unlsp_syntax::paragraph::nests_siblings(n)
        {
            parents.push(n)
        }
    });
    let want = if cx.lang.is_cjk() { "：" } else { ":" };
    for n in parents {
        // items run into the text before the first label at a line start
        // (`there are: (a) …; (b) …;` then `(c)`, GA 80/117): the text ends
        // with an item, not with the introduction
        if let Some(first) = n.children.iter().find(|c| c.kind == NodeKind::Subparagraph) {
            let lead_in = &cx.text[n.range.start.min(first.range.start)..first.range.start];
            if lead_in.contains("(a)") || lead_in.contains("(i)") {
                continue;
            }
        }
        let Some((c, r)) = intro_end(cx, n) else {
            continue;
        };
        if matches!(c, ':' | '：' | '—' | '–') {
            continue;
        }
        if matches!(c, ';' | '；' | ',' | '，' | '.' | '。') {
            out.emit(
                r.clone(),
                format!("text before sub-paragraphs ends with `{c}`: end it with `{want}`"),
            )
            .fix_one(format!("Replace `{c}` with `{want}`"), r, want, true);
        } else if c.is_alphanumeric() {
            // `to prepare a timetable for` / `(a) the completion of …` (SC 898
            // (1994)): the sentence runs on through the labels, an inline
            // enumeration that a line wrap put at a line start
            let first_sub = n.children.iter().find(|c| c.kind == NodeKind::Subparagraph);
            let runs_on = cx.lang == Lang::En
                && first_sub.is_some_and(|f| {
                    let body = f.label_range.as_ref().map_or("", |lr| {
                        crate::rules::shared::slice(cx.text, lr.end, f.range.end)
                    });
                    body.trim_start().starts_with(|ch: char| ch.is_lowercase())
                });
            if runs_on || is_sub_heading(cx, n, &r) {
                continue;
            }
            out.emit(
                r.clone(),
                format!("text before sub-paragraphs has no colon: end it with `{want}`"),
            )
            .fix_one(format!("Add `{want}`"), r.end..r.end, want, true);
        }
    }
}

/// A lettered sub-paragraph that is a heading over its own items, as the
/// Council's mandates are written (`(c) Protection of civilians` / `(i) …`,
/// Arabic `(ج) حماية المدنيين`): a few words with no punctuation at all.
fn is_sub_heading(cx: &Ctx, n: &Node, end: &std::ops::Range<usize>) -> bool {
    if n.kind != NodeKind::Subparagraph {
        return false;
    }
    let start = n.label_range.as_ref().map_or(n.range.start, |l| l.end);
    let own = crate::rules::shared::slice(cx.text, start, end.end);
    own.chars().count() <= 120
        && !own.contains(|c: char| c.is_ascii_punctuation() || "،؛，；：".contains(c))
}
