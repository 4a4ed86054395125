//! D. Chinese punctuation and numerals, date formats, agenda sub-items.
//!
//! One file per rule.

pub(super) mod agenda_subitem_digit;
pub(super) mod ascii_punctuation_in_chinese;
pub(super) mod chinese_numeral_style;
pub(super) mod date_format;
