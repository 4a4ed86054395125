//! Synthetic versions of a real resolution whose change list is known: a
//! preambular paragraph deleted, one inserted (taken from another
//! resolution), two merged, words edited in a preambular and an operative
//! paragraph, an operative paragraph moved, one split and one deleted, the
//! operative paragraphs renumbered after each; the paragraphs left alone are
//! re-wrapped and page furniture is put between two of them, neither of which
//! may be reported. Before those, the outline's: the title reworded (with
//! the running titles of its pages), a section heading renamed, one deleted,
//! one added, a footnote's words changed. The report binary (`src/bin/diff-report.rs`) runs the
//! sweep; `tests/diff_cli.rs` a sample.

mod edit;
mod expected;
mod outline;
mod pairs;
mod plan;
mod rng;
mod score;

pub use expected::Expected;
pub use pairs::{Pair, real_pairs};
pub use plan::{Planted, plant};
pub use rng::{Rng, seed_of};
pub use score::{reported, score};
