//! How a paragraph is named to a reader: `operative paragraph 5`,
//! `preambular paragraph 4` (preambular paragraphs have no number: their
//! place), `subparagraph 5 (a)`, `section II`, `footnote 3`, `the title`;
//! and the short forms of a compilation text's margin (`PP4`, `5`, `(a)`).

use unlsp_analysis::diff::Para;
use unlsp_syntax::tree::NodeKind;

/// A label without its punctuation: `5.` → `5`, `(a)` stays.
pub(super) fn bare(label: &str) -> &str {
    label.trim().trim_end_matches(['.', '．', '-', ' '])
}

/// The number a reader uses: the label, else the place.
pub(super) fn number(p: &Para) -> String {
    match (&p.label, p.kind) {
        (Some(l), NodeKind::Subparagraph) => match &p.parent {
            Some(parent) => format!("{} {}", bare(parent), bare(l)),
            None => bare(l).to_string(),
        },
        (Some(l), _) => bare(l).to_string(),
        (None, _) => p.index.to_string(),
    }
}

fn kind_name(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Preambular => "preambular paragraph",
        NodeKind::Operative => "operative paragraph",
        NodeKind::Subparagraph => "subparagraph",
        NodeKind::Section => "section",
        NodeKind::Annex => "annex",
        NodeKind::Footnote => "footnote",
        _ => "paragraph",
    }
}

/// `operative paragraph 5`.
pub(super) fn describe(p: &Para) -> String {
    if p.kind == NodeKind::Title {
        // its number is the adopted resolution's, not the title's
        return "the title".to_string();
    }
    format!("{} {}", kind_name(p.kind), number(p))
}

/// The margin's short form: `PP4`, `5`, `(a)`, `§2`.
pub(super) fn margin(p: &Para) -> String {
    match (&p.label, p.kind) {
        (None, NodeKind::Preambular) => format!("PP{}", p.index),
        (_, NodeKind::Title) => String::new(),
        (Some(l), _) => bare(l).to_string(),
        (None, _) => String::new(),
    }
}
