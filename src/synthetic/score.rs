//! The reported changes against the planted ones.

use super::expected::Expected;
use unlsp_analysis::diff::{ChangeKind, Comparison};

/// What the comparison reported, in the form of [`Expected`].
pub fn reported(c: &Comparison) -> Vec<Expected> {
    c.changes()
        .map(|e| Expected {
            kind: e.kind.unwrap_or(ChangeKind::Changed),
            old: e.old.clone(),
            unit: match (e.old.first(), e.new.first()) {
                (Some(&i), _) => c.old[i].kind.name(),
                (None, Some(&j)) => c.new[j].kind.name(),
                _ => "",
            },
        })
        .collect()
}

/// Planted changes found, and changes reported that were not planted.
pub fn score(expected: &[Expected], got: &[Expected]) -> (usize, Vec<Expected>, Vec<Expected>) {
    let mut left: Vec<Expected> = expected.to_vec();
    let mut spurious = Vec::new();
    for g in got {
        match left.iter().position(|e| e == g) {
            Some(k) => {
                left.swap_remove(k);
            }
            None => spurious.push(g.clone()),
        }
    }
    (expected.len() - left.len(), left, spurious)
}
