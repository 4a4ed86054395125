//! The catalogue of drafting rules (`spec/rules.md`). One `RuleDef` per rule,
//! grouped by theme in the files below; [`CATALOGUE`] lists them in id order.

mod footnotes;
mod hygiene;
mod punctuation;
mod structure;
mod symbols;

use crate::analysis::Ctx;
use crate::syntax::assemble::terminal_mark;
use crate::syntax::cjk::is_space;
use crate::syntax::tree::{Node, NodeKind};
use std::ops::Range;

pub static CATALOGUE: &[crate::analysis::RuleDef] = &[
    structure::UN001,
    structure::UN003,
    structure::UN005,
    punctuation::UN006,
    structure::UN008,
    punctuation::UN010,
    structure::UN012,
    symbols::UN060,
    symbols::UN061,
    symbols::UN062,
    punctuation::UN071,
    punctuation::UN072,
    punctuation::UN073,
    punctuation::UN075,
    footnotes::UN076,
    footnotes::UN077,
    hygiene::UN085,
    hygiene::UN086,
    hygiene::UN087,
];

/// Text pieces of a node and its descendants, without footnotes and furniture.
pub fn body_pieces(n: &Node) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    fn go(n: &Node, out: &mut Vec<Range<usize>>) {
        let mut pos = n.range.start;
        for c in &n.children {
            if c.range.start > pos {
                out.push(pos..c.range.start);
            }
            if !matches!(c.kind, NodeKind::Footnote | NodeKind::Furniture) {
                go(c, out);
            }
            pos = pos.max(c.range.end);
        }
        if pos < n.range.end {
            out.push(pos..n.range.end);
        }
    }
    go(n, &mut out);
    out
}

/// The node's own text (children left out) joined.
pub fn own_text(cx: &Ctx, n: &Node) -> String {
    crate::syntax::document::own_pieces(n)
        .iter()
        .map(|r| &cx.text[r.clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Terminal punctuation of a paragraph (its last sub-paragraph's when it has
/// some), with the byte range of the mark; trailing footnote digits, emphasis
/// and closing quotes skipped.
pub fn terminal(cx: &Ctx, n: &Node) -> Option<(char, Range<usize>)> {
    let pieces = body_pieces(n);
    let last = pieces
        .iter()
        .rev()
        .find(|r| !cx.text[(*r).clone()].trim_matches(is_space).is_empty())?;
    let s = &cx.text[last.clone()];
    let mark = terminal_mark(s)?;
    // locate the mark: the last occurrence of it in the trimmed piece
    let t = s.trim_end_matches(|c: char| is_space(c) || c == '*');
    let pos = t.rfind(mark)?;
    let at = last.start + pos;
    // `…Effects".` — the mark after a closing quote is the mark
    Some((mark, at..at + mark.len_utf8()))
}

/// Operative paragraphs grouped by section (numbering restarts per section).
pub fn operative_groups<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Node>> {
    let mut groups: Vec<Vec<&Node>> = vec![Vec::new()];
    fn visit<'a>(n: &'a Node, groups: &mut Vec<Vec<&'a Node>>) {
        match n.kind {
            NodeKind::Section => {
                groups.push(Vec::new());
                for c in &n.children {
                    visit(c, groups);
                }
                groups.push(Vec::new());
            }
            NodeKind::Annex => {}
            NodeKind::Operative => groups.last_mut().unwrap().push(n),
            _ => {
                for c in &n.children {
                    visit(c, groups);
                }
            }
        }
    }
    for n in &cx.tree.nodes {
        visit(n, &mut groups);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

pub fn all_of<'a>(cx: &Ctx<'a>, kind: NodeKind) -> Vec<&'a Node> {
    cx.tree.nodes_of(kind)
}
