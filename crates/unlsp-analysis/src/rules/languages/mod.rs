//! D. Language-specific rules: the Arabic preamble conjunction (UN081) and the
//! agreement of leads with the gender of the author (UN082).
//!
//! One file per rule.

pub(super) mod arabic_preamble_conjunction;
pub(super) mod lead_gender_agreement;
#[cfg(test)]
mod tests;
