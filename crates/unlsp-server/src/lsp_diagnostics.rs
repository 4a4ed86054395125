//! The analysis layer's findings as LSP diagnostics, for pushing
//! (`publishDiagnostics`), pulling (`textDocument/diagnostic`) and the
//! diagnostics a quick fix names.

use crate::convert;
use crate::session::Negotiated;
use ropey::Rope;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis::{self as analysis, Severity};

pub(crate) fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// One diagnostic of `uri` (text `rope`); its related places as related
/// information when the client takes it, else in the message.
pub(crate) fn one(
    uri: &Uri,
    rope: &Rope,
    enc: convert::Encoding,
    related: bool,
    d: &analysis::Diagnostic,
) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    let related_information = if related && !d.related.is_empty() {
        Some(
            d.related
                .iter()
                .map(|r| lsp::DiagnosticRelatedInformation {
                    location: lsp::Location::new(uri.clone(), convert::range(rope, &r.range, enc)),
                    message: r.message.clone(),
                })
                .collect(),
        )
    } else {
        // clients without related information still learn of the second place
        for r in &d.related {
            let p = convert::position(rope, r.range.start, enc);
            message.push_str(&format!(" ({} at line {})", r.message, p.line + 1));
        }
        None
    };
    lsp::Diagnostic {
        range: convert::range(rope, &d.range, enc),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("unlsp".into()),
        message,
        related_information,
        tags: None,
        data: None,
    }
}

pub(crate) fn to_lsp(
    n: &Negotiated,
    uri: &Uri,
    rope: &Rope,
    diags: &[analysis::Diagnostic],
) -> Vec<lsp::Diagnostic> {
    diags
        .iter()
        .map(|d| one(uri, rope, n.encoding, n.related_information, d))
        .collect()
}

/// A fingerprint of a list of diagnostics as the client receives it (ranges
/// included): equal lists give equal fingerprints for the server's life. An
/// edit that moved and changed none of a document's diagnostics sends none
/// again: no push, and "unchanged" to a pull.
pub(crate) fn fingerprint(items: &[lsp::Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_vec(items).unwrap_or_default().hash(&mut h);
    h.finish()
}
