//! Synthetic versions of a real resolution whose change list is known: a
//! preambular paragraph deleted, one inserted (taken from another
//! resolution), two merged, words edited in a preambular and an operative
//! paragraph, an operative paragraph moved, one split and one deleted, the
//! operative paragraphs renumbered after each; the paragraphs left alone are
//! re-wrapped and page furniture is put between two of them, neither of which
//! may be reported. The report binary (`src/bin/diff-report.rs`) runs the
//! sweep; `tests/diff_cli.rs` a sample.

mod edit;
mod pairs;
mod plan;

pub use pairs::{Pair, real_pairs};
pub use plan::{Expected, Planted, plant};

use unlsp_analysis::diff::{ChangeKind, Comparison};

/// What the comparison reported, in the form of [`Expected`].
pub fn reported(c: &Comparison) -> Vec<Expected> {
    c.changes()
        .map(|e| Expected {
            kind: e.kind.unwrap_or(ChangeKind::Changed),
            old: e.old.clone(),
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

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A seed from a file name.
pub fn seed_of(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}
