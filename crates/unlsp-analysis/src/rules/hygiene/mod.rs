//! E. Document hygiene (input artefacts).
//!
//! One file per rule.

pub(super) mod furniture_inconsistency;
pub(super) mod not_a_resolution;
pub(super) mod page_furniture;
