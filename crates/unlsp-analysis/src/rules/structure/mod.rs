//! A. Structure and order.
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod author_line_missing;
pub(super) mod markup_mismatch;
pub(super) mod numbered_preambular_paragraph;
pub(super) mod operative_numbering;
pub(super) mod order_of_elements;
pub(super) mod subparagraph_sequence;

use crate::Ctx;
use std::ops::Range;
use unlsp_syntax::paragraph;
use unlsp_syntax::tree::Node;

/// One operative paragraph as numbered in the text: its node, and its label
/// (number and range) when it has one. A paragraph the parser left inside the
/// previous one (`7. Requests …;` blank line `1. Invites …;`: a number far
/// below the previous one reads as wrapped text) counts as its own paragraph
/// here, so that UN008 names it and its fix renumbers it.
struct Numbered<'a> {
    node: &'a Node,
    label: Option<(Option<u32>, Range<usize>)>,
    /// Where the paragraph starts (the node's start, or the hidden label's).
    start: usize,
}

/// `N. ` at the start of a line after a blank line inside an operative
/// paragraph (see [`paragraph::hidden_labels`]), kept per paragraph while it
/// does not change.
fn hidden_labels(cx: &Ctx, n: &Node) -> Vec<(u32, Range<usize>)> {
    let found = cx
        .memo
        .fact("hidden labels", n, || paragraph::hidden_labels(cx.text, n));
    let base = n.range.start;
    found
        .iter()
        .map(|(v, r)| (*v, base + r.start..base + r.end))
        .collect()
}

fn numbered<'a>(cx: &Ctx, g: &[&'a Node]) -> Vec<Numbered<'a>> {
    let mut out = Vec::new();
    for n in g {
        if crate::rules::shared::preambular_with_operative_lead(cx, n) {
            continue; // UN015
        }
        out.push(Numbered {
            node: n,
            label: n.label_range.clone().map(|r| {
                let v = n.label.as_deref().and_then(|l| l.parse().ok());
                (v, r)
            }),
            start: n.range.start,
        });
        for (v, r) in hidden_labels(cx, n) {
            out.push(Numbered {
                node: n,
                start: r.start,
                label: Some((Some(v), r)),
            });
        }
    }
    out
}
