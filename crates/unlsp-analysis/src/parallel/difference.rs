//! The output of a comparison: a difference and where it is in each version.

use super::codes::DiffKind;
use std::ops::Range;

/// Where a difference is in one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index into the versions compared.
    pub version: usize,
    /// What to point at: the differing citation, date or number, else the
    /// head of the paragraph; for a missing paragraph, the head of the
    /// paragraph it would follow (or precede).
    pub range: Range<usize>,
    /// The whole aligned paragraph (or the neighbour, when missing).
    pub unit: Range<usize>,
    /// False when this version lacks the paragraph.
    pub present: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DiffKind,
    /// `operative paragraph 5`, `sub-paragraph (b) of operative paragraph 2`.
    pub unit: String,
    pub message: String,
    /// The two versions: the reference first.
    pub places: [Place; 2],
}
