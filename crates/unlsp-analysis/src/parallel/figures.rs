//! Figures of one version taken on its own: paragraph counts, cited acts.

use std::collections::BTreeSet;
use unlsp_syntax::tree::{NodeKind, Tree};

/// Paragraph counts of one tree, for the figures: preambular, operative
/// (numbered or not), sub-paragraphs.
pub fn counts(tree: &Tree) -> (usize, usize, usize) {
    (
        tree.nodes_of(NodeKind::Preambular).len(),
        tree.nodes_of(NodeKind::Operative).len(),
        tree.nodes_of(NodeKind::Subparagraph).len(),
    )
}

/// The set of cited resolutions and decisions (normalised targets), outside
/// footnotes too.
pub fn cited_acts(tree: &Tree) -> BTreeSet<String> {
    tree.citations
        .iter()
        .filter(|c| c.kind != unlsp_syntax::tree::CitationKind::Document)
        .map(|c| c.target.clone())
        .collect()
}
