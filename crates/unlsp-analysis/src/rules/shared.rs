//! What several themes of rules read of a document: the text pieces of a
//! node, its terminal punctuation, its paragraphs grouped by part.

use crate::Ctx;
use std::ops::Range;
use unlsp_syntax::paragraph::{self, body_pieces};
use unlsp_syntax::tree::{Node, NodeKind};

/// Terminal punctuation of a paragraph (its last sub-paragraph's when it has
/// some), with the byte range of the mark; trailing footnote digits, emphasis
/// and closing quotes skipped.
pub(crate) fn terminal(cx: &Ctx, n: &Node) -> Option<(char, Range<usize>)> {
    cx.memo.terminal(n, || {
        let title = cx.memo.title_words(cx.tree.meta.title.as_deref());
        paragraph::terminal(cx.text, n, title)
    })
}

/// Operative paragraphs grouped by section (numbering restarts per section).
pub(crate) fn operative_groups<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Node>> {
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

/// UN015: an unnumbered operative paragraph that ends with a comma and comes
/// before the first numbered one is a preambular paragraph opening with an
/// operative verb (`Welcomes the results …,`), which the parser files in the
/// operative part. UN015 reports it; UN008 and UN010 leave it alone.
pub(crate) fn preambular_with_operative_lead(cx: &Ctx, n: &Node) -> bool {
    if n.kind != NodeKind::Operative || n.label_range.is_some() || n.lead.is_none() {
        return false;
    }
    let Some((first, last)) = cx.numbered_operative_span() else {
        return false;
    };
    let numbered_after = last > n.range.start;
    let numbered_before = first < n.range.start;
    numbered_after
        && !numbered_before
        && !introduces_text(cx, n)
        && terminal(cx, n).is_some_and(|(c, _)| matches!(c, ',' | '，' | '،'))
}

/// `Adopts the following outcome document …:` (GA 80/173): a paragraph
/// without sub-paragraphs whose text has a line ending with a colon
/// introduces an adopted text, which runs on in it (the parser does not
/// separate it): its last mark is that text's, not the paragraph's.
pub(crate) fn introduces_text(cx: &Ctx, n: &Node) -> bool {
    !n.children.iter().any(|c| c.kind == NodeKind::Subparagraph)
        && slice(cx.text, n.range.start, n.range.end)
            .lines()
            .any(|l| l.trim_end().ends_with([':', '：']))
}

pub(crate) fn all_of<'a>(cx: &Ctx<'a>, kind: NodeKind) -> Vec<&'a Node> {
    cx.tree.nodes_of(kind)
}

/// The outermost text units (paragraphs, titles, adoption lines) and every
/// footnote, in text order: scanning each with [`body_pieces`] covers the
/// running text once.
pub(crate) fn units<'a>(cx: &Ctx<'a>) -> Units<'a> {
    Units {
        stack: vec![(cx.tree.nodes.iter(), false)],
    }
}

/// The walk of [`units`], one node at a time: a text of millions of
/// paragraphs is never listed whole.
pub(crate) struct Units<'a> {
    /// The levels being walked, each with whether it is inside a unit.
    stack: Vec<(std::slice::Iter<'a, Node>, bool)>,
}

impl<'a> Iterator for Units<'a> {
    type Item = &'a Node;

    fn next(&mut self) -> Option<&'a Node> {
        loop {
            let (level, inside) = self.stack.last_mut()?;
            let inside = *inside;
            let Some(n) = level.next() else {
                self.stack.pop();
                continue;
            };
            match n.kind {
                NodeKind::Footnote => return Some(n),
                NodeKind::Furniture => continue,
                _ => {}
            }
            let unit = n.kind.is_text_unit();
            self.stack.push((n.children.iter(), inside || unit));
            if unit && !inside {
                return Some(n);
            }
        }
    }
}

/// The running text of a unit (wrapped lines joined) with a map back to the
/// document.
/// Built once per node and analysis, however many rules read it.
pub(crate) fn view(cx: &Ctx, n: &Node) -> std::sync::Arc<unlsp_syntax::inline::View> {
    cx.memo.view(n, || {
        let pieces = if n.kind == NodeKind::Footnote {
            vec![n.range.clone()]
        } else {
            body_pieces(n)
        };
        unlsp_syntax::inline::View::new(cx.text, &pieces)
    })
}

/// Paragraphs grouped by part: the preambular paragraphs of one preamble, the
/// operative paragraphs of one operative part (sections start new parts).
pub(crate) fn parts<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Node>> {
    let mut out: Vec<Vec<&Node>> = Vec::new();
    fn go<'a>(n: &'a Node, out: &mut Vec<Vec<&'a Node>>) {
        match n.kind {
            NodeKind::Preamble | NodeKind::OperativePart => {
                let v: Vec<&Node> = n
                    .children
                    .iter()
                    .filter(|c| matches!(c.kind, NodeKind::Preambular | NodeKind::Operative))
                    .collect();
                if !v.is_empty() {
                    out.push(v);
                }
                for c in &n.children {
                    if c.kind == NodeKind::Section {
                        go(c, out);
                    }
                }
            }
            NodeKind::Annex => {}
            _ => {
                for c in &n.children {
                    go(c, out);
                }
            }
        }
    }
    for n in &cx.tree.nodes {
        go(n, &mut out);
    }
    out
}

/// The session of the document's own resolution number (`62/57` → 62).
pub(crate) fn own_session(cx: &Ctx) -> Option<u32> {
    let n = cx.tree.meta.number.as_deref()?;
    let (s, _) = n.split_once('/')?;
    s.trim().parse().ok()
}

/// The GA `N/M` parts of a target (`61/100` → (61, 100); `56/24 V` → (56, 24)).
pub(crate) fn ga_parts(target: &str) -> Option<(u32, u32)> {
    let (a, b) = target.split_once('/')?;
    let b: String = b.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((a.trim().parse().ok()?, b.parse().ok()?))
}

/// `text[a..b]` with both ends clamped to the text and to character boundaries.
pub(crate) fn slice(text: &str, a: usize, b: usize) -> &str {
    let a = unlsp_syntax::text::clamp_to_char(text, a.min(text.len()));
    let b = unlsp_syntax::text::clamp_to_char(text, b.min(text.len()).max(a));
    &text[a..b]
}
