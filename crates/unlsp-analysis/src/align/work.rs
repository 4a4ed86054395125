//! What an alignment costs: score evaluations, and the deadline it keeps.

use std::time::Instant;

/// An aligned pair: indices into the first and second sequence; `None` on
/// one side is an item the other side does not have.
pub type Pair = (Option<usize>, Option<usize>);

/// The work an alignment did (score evaluations), and the deadline it keeps.
#[derive(Debug, Default)]
pub struct Work {
    cells: u64,
    deadline: Option<Instant>,
    cut_short: bool,
}

impl Work {
    pub fn new() -> Work {
        Work::default()
    }

    /// Work that stops aligning exactly once `deadline` has passed.
    pub fn until(deadline: Instant) -> Work {
        Work {
            deadline: Some(deadline),
            ..Work::default()
        }
    }

    /// Score evaluations so far.
    pub fn cells(&self) -> u64 {
        self.cells
    }

    /// The deadline passed before the work was done.
    pub fn cut_short(&self) -> bool {
        self.cut_short
    }

    /// The deadline has passed (remembered once seen).
    pub fn spent(&mut self) -> bool {
        if !self.cut_short && self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.cut_short = true;
        }
        self.cut_short
    }

    pub(super) fn add(&mut self, n: usize) {
        self.cells += n as u64;
    }
}
