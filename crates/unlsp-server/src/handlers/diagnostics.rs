//! Diagnostics: the analysis layer's findings as LSP diagnostics, pushed
//! (`publishDiagnostics`, see `state::Shared::analyse`) or pulled
//! (`textDocument/diagnostic`).

use crate::convert;
use crate::state::Shared;
use ropey::Rope;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis::{self as analysis, Severity};

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn one(
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

pub fn to_lsp(
    sh: &Shared,
    uri: &Uri,
    rope: &Rope,
    diags: &[analysis::Diagnostic],
) -> Vec<lsp::Diagnostic> {
    let n = sh.neg();
    diags
        .iter()
        .map(|d| one(uri, rope, n.encoding, n.related_information, d))
        .collect()
}

/// `textDocument/diagnostic`.
pub async fn pull(
    sh: &Arc<Shared>,
    p: lsp::DocumentDiagnosticParams,
) -> lsp::DocumentDiagnosticReportResult {
    let uri = p.text_document.uri;
    let full = |items: Vec<lsp::Diagnostic>, id: Option<String>| {
        lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Full(
            lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: id,
                    items,
                },
            },
        ))
    };
    let Some((version, rope, diags)) = sh.diagnostics_now(&uri).await else {
        return full(Vec::new(), None);
    };
    let result_id = format!("{version}.{}", sh.config_gen.load(Ordering::SeqCst));
    if p.previous_result_id.as_deref() == Some(result_id.as_str()) {
        return lsp::DocumentDiagnosticReportResult::Report(
            lsp::DocumentDiagnosticReport::Unchanged(
                lsp::RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                },
            ),
        );
    }
    let mut items = to_lsp(sh, &uri, &rope, &diags);
    if let Some(Some((text, tree, rope))) = sh.with_doc(&uri, |d| {
        d.doc().map(|doc| {
            (
                doc.text().to_string(),
                doc.tree().clone(),
                doc.rope().clone(),
            )
        })
    }) {
        items.extend(super::parallel::diagnostics(sh, &uri, &text, &tree, &rope));
    }
    full(items, Some(result_id))
}
