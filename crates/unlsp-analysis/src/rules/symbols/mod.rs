//! C. Document symbols.
//!
//! One file per rule.

pub(super) mod orphan_continuation;
pub(super) mod symbol_component;
pub(super) mod symbol_fullwidth;
pub(super) mod symbol_whitespace;
pub(super) mod unknown_series;
