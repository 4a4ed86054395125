//! D. Punctuation, dates and typography (and the terminal-punctuation rules of
//! part A).
//!
//! One file per rule.

pub(super) mod impossible_date;
pub(super) mod operative_punctuation;
pub(super) mod preambular_punctuation;
pub(super) mod spacing;
pub(super) mod straight_quotes;
pub(super) mod unbalanced_delimiters;
