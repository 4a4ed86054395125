//! `textDocument/foldingRange`: heading, preamble, operative part, paragraphs
//! with sub-paragraphs, footnotes, annexes, sections.

use super::common::trimmed;
use crate::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;
use unlsp_syntax::tree::{Node, NodeKind};

fn foldable(n: &Node) -> bool {
    match n.kind {
        NodeKind::Heading
        | NodeKind::Preamble
        | NodeKind::OperativePart
        | NodeKind::Footnote
        | NodeKind::Annex
        | NodeKind::Section => true,
        NodeKind::Operative
        | NodeKind::Preambular
        | NodeKind::Paragraph
        | NodeKind::Subparagraph => n.children.iter().any(|c| c.kind == NodeKind::Subparagraph),
        _ => false,
    }
}

pub(crate) fn run(v: &Snapshot, _: lsp::FoldingRangeParams) -> Option<Vec<lsp::FoldingRange>> {
    let mut out = Vec::new();
    v.tree().walk(|n, _| {
        if !foldable(n) {
            return;
        }
        let r = trimmed(v.text(), &n.range);
        let lr = v.range(&r);
        if lr.end.line > lr.start.line {
            out.push(lsp::FoldingRange {
                start_line: lr.start.line,
                start_character: None,
                end_line: lr.end.line,
                end_character: None,
                kind: Some(if n.kind == NodeKind::Heading {
                    lsp::FoldingRangeKind::Imports
                } else if n.kind == NodeKind::Footnote {
                    lsp::FoldingRangeKind::Comment
                } else {
                    lsp::FoldingRangeKind::Region
                }),
                collapsed_text: None,
            });
        }
    });
    Some(out)
}
