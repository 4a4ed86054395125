//! What a synthetic version's comparison must report.

use unlsp_analysis::diff::ChangeKind;

/// One change to report: its kind, the old units (indices into the old
/// text's `unlsp_analysis::diff::paragraphs` followed by its `footnotes`,
/// as the comparison numbers them; none when added), and the outline's
/// kind of the unit (`operative`, `title`, `section`, `footnote`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub kind: ChangeKind,
    pub old: Vec<usize>,
    pub unit: &'static str,
}
