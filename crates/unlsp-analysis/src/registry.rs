//! The registry of codes: the rules of the catalogue, and the differences
//! between language versions.

use crate::parallel;
use crate::rule::RuleDef;
use crate::rules;

pub fn catalogue() -> &'static [&'static RuleDef] {
    rules::CATALOGUE
}

/// Whether `id` names a code of the registry: a rule of the catalogue or
/// a difference between language versions (`UNP01`…`UNP09`), so that
/// `unlsp.toml` and `--select` accept both.
pub(crate) fn is_code(id: &str) -> bool {
    rule(id).is_some() || parallel_code(id).is_some()
}

/// The difference between language versions that `id` names.
pub(crate) fn parallel_code(id: &str) -> Option<parallel::DiffKind> {
    parallel::DiffKind::ALL
        .into_iter()
        .find(|k| k.code().eq_ignore_ascii_case(id))
}

pub fn rule(id: &str) -> Option<&'static RuleDef> {
    catalogue()
        .iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(id))
}
