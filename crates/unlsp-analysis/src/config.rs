//! Which rules run and how loud: defaults from the catalogue, then `unlsp.toml`,
//! then the command line (`--select`, `--ignore`) or the editor's settings.

use super::{Diagnostic, RuleDef, Severity};
use std::collections::HashMap;
use unlsp_syntax::tree::Tree;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Rule id → severity, or `None` for off.
    pub overrides: HashMap<String, Option<Severity>>,
    /// When non-empty, only these rules (ids or prefixes such as `UN0`).
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// File-level silences: rule ids to drop everywhere in this document.
    pub silenced: Vec<Silence>,
    /// Stop running rules once this much time has gone (the server's bound on
    /// the work one analysis may do); `None` runs them all (the CLI).
    pub time_budget: Option<std::time::Duration>,
    /// Threads the rules of one large document may share (0 or 1: the calling
    /// thread only). The server sets it to the machine's cores; the CLI lints
    /// files in parallel instead.
    pub threads: usize,
    /// The structure the markup of the file the text was read from gives it
    /// (AKN XML), for the rule that compares it with the parser's.
    pub markup: Option<std::sync::Arc<crate::SourceMarkup>>,
}

/// `unlsp.toml` `[[silence]]` entry or inline directive: one rule, optionally
/// one paragraph (its operative number or the first words of its text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silence {
    pub rule: String,
    pub paragraph: Option<String>,
}

fn matches(id: &str, pat: &str) -> bool {
    id.eq_ignore_ascii_case(pat)
        || (pat.len() < id.len()
            && id
                .to_ascii_uppercase()
                .starts_with(&pat.to_ascii_uppercase()))
}

impl Config {
    /// The first of `patterns` (`--select`, `--ignore`: ids or prefixes) that
    /// names no rule of the catalogue.
    pub fn unknown_pattern(patterns: &[String]) -> Option<&str> {
        patterns
            .iter()
            .find(|p| {
                let codes = super::catalogue().iter().map(|r| r.id);
                let parallel = crate::parallel::DiffKind::ALL.into_iter().map(|k| k.code());
                !codes.chain(parallel).any(|id| matches(id, p))
            })
            .map(String::as_str)
    }

    pub(crate) fn severity_of(&self, r: &RuleDef) -> Option<Severity> {
        self.level(r.id, r.severity, r.default_on)
    }

    /// How a difference between language versions is reported, by its code
    /// (`UNP05`): information unless `unlsp.toml`, `--select` or `--ignore`
    /// say otherwise; `None` when it is off.
    pub(crate) fn parallel_severity(&self, kind: crate::parallel::DiffKind) -> Option<Severity> {
        self.level(kind.code(), Severity::Information, true)
    }

    /// The severity of code `id` (default `severity`, on when `default_on`)
    /// after the selection and the overrides.
    fn level(&self, id: &str, severity: Severity, default_on: bool) -> Option<Severity> {
        if !self.select.is_empty() && !self.select.iter().any(|p| matches(id, p)) {
            return None;
        }
        if self.ignore.iter().any(|p| matches(id, p)) {
            return None;
        }
        match self.overrides.get(id) {
            Some(v) => *v,
            None if default_on || self.select.iter().any(|p| p.eq_ignore_ascii_case(id)) => {
                Some(severity)
            }
            None => None,
        }
    }

    pub(crate) fn is_overridden(&self, id: &str) -> bool {
        self.overrides.contains_key(id)
    }

    pub(crate) fn is_suppressed(&self, d: &Diagnostic, tree: &Tree, text: &str) -> bool {
        self.silenced.iter().any(|s| {
            if !s.rule.eq_ignore_ascii_case(d.code) {
                return false;
            }
            let Some(p) = &s.paragraph else { return true };
            // the innermost paragraph holding the diagnostic
            let path = tree.path_at(d.range.start);
            path.iter()
                .rev()
                .filter(|n| n.kind.is_text_unit())
                .any(|n| {
                    n.label.as_deref() == Some(p.as_str()) || {
                        let t = unlsp_syntax::assemble::join_wrapped(&text[n.range.clone()], false);
                        !p.is_empty() && t.starts_with(p.as_str())
                    }
                })
        })
    }
}
