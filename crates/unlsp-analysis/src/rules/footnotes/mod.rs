//! Footnotes (part D).
//!
//! One file per rule.

pub(super) mod footnote_marker_position;
pub(super) mod footnote_mismatch;
pub(super) mod footnote_numbering;
pub(super) mod ibid_without_antecedent;
mod unread;
