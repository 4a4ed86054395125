//! What a rule reports: a diagnostic with its severity, range, related
//! places and fix, and the sink one rule emits them into.

use std::ops::Range;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "error" => Severity::Error,
            "warning" | "warn" => Severity::Warning,
            "information" | "info" => Severity::Information,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
    /// One level down, never below hint (extraction-tolerant rules).
    pub(crate) fn step_down(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            Severity::Warning => Severity::Information,
            _ => Severity::Hint,
        }
    }
}

/// A text edit: replace `range` (bytes) by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    /// Shared: a document-wide fix (renumbering) is offered on every
    /// diagnostic it repairs without being copied for each.
    pub edits: std::sync::Arc<Vec<Edit>>,
    /// Safe to apply without review (`unlsp check --fix`).
    pub safe: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

/// Collects one rule's diagnostics.
pub struct Sink {
    code: &'static str,
    severity: Severity,
    pub out: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(code: &'static str, severity: Severity) -> Sink {
        Sink {
            code,
            severity,
            out: Vec::new(),
        }
    }
    pub fn emit(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            code: self.code,
            severity: self.severity,
            message: message.into(),
            range,
            related: Vec::new(),
            fix: None,
        });
        self.out.last_mut().unwrap()
    }
}

impl Diagnostic {
    pub fn related(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }
    pub fn fix(&mut self, title: impl Into<String>, edits: Vec<Edit>, safe: bool) -> &mut Self {
        self.fix_shared(title, std::sync::Arc::new(edits), safe)
    }
    /// A fix of one edit: `text` in place of `range`.
    pub fn fix_one(
        &mut self,
        title: impl Into<String>,
        range: Range<usize>,
        text: impl Into<String>,
        safe: bool,
    ) -> &mut Self {
        let text = text.into();
        self.fix(title, vec![Edit { range, text }], safe)
    }
    pub(crate) fn fix_shared(
        &mut self,
        title: impl Into<String>,
        edits: std::sync::Arc<Vec<Edit>>,
        safe: bool,
    ) -> &mut Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
            safe,
        });
        self
    }
}
