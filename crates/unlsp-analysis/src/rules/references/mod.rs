//! A/D. Internal references and acronyms.
//!
//! One file per rule.

pub(super) mod acronym_not_spelled_out;
pub(super) mod dangling_paragraph_reference;
pub(super) mod this_resolution;
