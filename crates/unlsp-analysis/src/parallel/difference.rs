//! The output of a comparison: a difference and where it is in each version.

use super::codes::DiffKind;
use crate::{Config, Severity};
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

/// The differences `cfg` reports, each with its severity (`UNP01`…`UNP09`
/// in `unlsp.toml`, `--select`, `--ignore`); those turned off are dropped.
pub fn configured(diffs: Vec<Difference>, cfg: &Config) -> Vec<(Difference, Severity)> {
    diffs
        .into_iter()
        .filter_map(|d| Some((cfg.parallel_severity(d.kind)?, d)))
        .map(|(s, d)| (d, s))
        .collect()
}
