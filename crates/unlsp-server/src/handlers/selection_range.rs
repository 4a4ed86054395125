//! `textDocument/selectionRange`: sentence → paragraph → part → document.

use super::common::trimmed;
use crate::snapshot::Snapshot;
use std::ops::Range;
use tower_lsp_server::ls_types as lsp;
use unlsp_syntax::tree::Node;

fn is_stop(c: char) -> bool {
    matches!(
        c,
        '.' | ';' | ':' | '。' | '；' | '：' | '!' | '?' | '！' | '？' | '؛'
    )
}

/// The sentence around `o` inside the text unit `n` (after its label).
fn sentence(text: &str, n: &Node, o: usize) -> Option<Range<usize>> {
    let from = n
        .label_range
        .as_ref()
        .map(|r| r.end + 1)
        .unwrap_or(n.range.start);
    let to = n
        .children
        .first()
        .map(|c| c.range.start)
        .unwrap_or(n.range.end);
    if !(from <= o && o <= to) || to > text.len() || from > to {
        return None;
    }
    let body = text.get(from..to)?;
    let rel = o - from;
    let start = body[..rel.min(body.len())]
        .char_indices()
        .rev()
        .find(|(_, c)| is_stop(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let end = body[rel.min(body.len())..]
        .char_indices()
        .find(|(_, c)| is_stop(*c))
        .map(|(i, c)| rel + i + c.len_utf8())
        .unwrap_or(body.len());
    let s = &body[start..end];
    let lead = s.len() - s.trim_start().len();
    let r = from + start + lead..from + start + s.trim_end().len();
    if r.is_empty() { None } else { Some(r) }
}

fn chain(v: &Snapshot, o: usize) -> lsp::SelectionRange {
    let text = v.text();
    let t = v.tree();
    let path = t.path_at(o);
    // outermost first: document, then the path, then the sentence
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(path.len() + 2);
    ranges.push(0..text.len());
    for n in &path {
        ranges.push(trimmed(text, &n.range));
    }
    if let Some(n) = path.iter().rev().find(|n| n.kind.is_text_unit())
        && let Some(s) = sentence(text, n, o)
    {
        ranges.push(s);
    }
    ranges.dedup();
    let mut sel: Option<lsp::SelectionRange> = None;
    let mut prev: Option<Range<usize>> = None;
    for r in ranges {
        // each range must lie inside its parent
        if let Some(p) = &prev
            && !(p.start <= r.start && r.end <= p.end)
        {
            continue;
        }
        sel = Some(lsp::SelectionRange {
            range: v.range(&r),
            parent: sel.map(Box::new),
        });
        prev = Some(r);
    }
    sel.unwrap_or(lsp::SelectionRange {
        range: v.range(&(o..o)),
        parent: None,
    })
}

pub(crate) fn run(v: &Snapshot, p: lsp::SelectionRangeParams) -> Option<Vec<lsp::SelectionRange>> {
    Some(
        p.positions
            .iter()
            .map(|pos| chain(v, v.offset(*pos)))
            .collect(),
    )
}
