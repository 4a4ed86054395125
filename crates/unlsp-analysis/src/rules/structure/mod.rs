//! A. Structure and order.
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod author_line_missing;
pub(super) mod numbered_preambular_paragraph;
pub(super) mod operative_numbering;
pub(super) mod order_of_elements;
pub(super) mod subparagraph_sequence;

use crate::Ctx;
use std::ops::Range;
use std::sync::LazyLock;
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

/// `N. ` at the start of a line that follows a blank line inside an operative
/// paragraph, followed by a capital, a CJK character or emphasis.
fn hidden_labels(cx: &Ctx, n: &Node) -> Vec<(u32, Range<usize>)> {
    static HIDDEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\n[ \t]*\r?\n\s*(\d{1,3})\.[ \t]+(?:\*\*)?[\p{Lu}\p{Han}]").unwrap()
    });
    // per paragraph, relative to its start: kept while it does not change
    let found = cx.memo.fact("hidden labels", n, || {
        let mut out = Vec::new();
        for r in unlsp_syntax::document::own_pieces(n) {
            let raw = &cx.text[r.clone()];
            // a blank line needs two line ends
            if memchr::memchr_iter(b'\n', raw.as_bytes()).nth(1).is_none() && !raw.contains('\r') {
                continue;
            }
            let t = raw.replace('\r', "\n");
            let at = r.start - n.range.start;
            for c in HIDDEN.captures_iter(&t) {
                let m = c.get(1).unwrap();
                if let Ok(v) = m.as_str().parse() {
                    out.push((v, at + m.start()..at + m.end()));
                }
            }
        }
        out
    });
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
