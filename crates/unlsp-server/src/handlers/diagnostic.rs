//! `textDocument/diagnostic`: the rule diagnostics of the current version
//! (computed now when none are kept for it) and the differences with other
//! language versions, with a result id (the list's fingerprint) that answers
//! "unchanged" while the list is the same — after an edit that moved none of
//! them too. A pull for a version not analysed yet waits the debounce first,
//! as a push does: the editor pulls after every keystroke and cancels the
//! pull of a version that moved on.

use super::common::blocking;
use crate::analyse;
use crate::lsp_diagnostics;
use crate::parallel;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

fn full(items: Vec<lsp::Diagnostic>, id: Option<String>) -> lsp::DocumentDiagnosticReportResult {
    lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Full(
        lsp::RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                result_id: id,
                items,
            },
        },
    ))
}

fn unchanged(result_id: String) -> lsp::DocumentDiagnosticReportResult {
    lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Unchanged(
        lsp::RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                result_id,
            },
        },
    ))
}

pub(crate) async fn run(
    sh: &Arc<Shared>,
    p: lsp::DocumentDiagnosticParams,
) -> lsp::DocumentDiagnosticReportResult {
    let uri = p.text_document.uri;
    let delay = sh.session().settings().debounce();
    let gen_ = sh.session().config_gen();
    let docs = sh.documents();
    let analysed = docs
        .version_of(&uri)
        .is_some_and(|v| docs.computed(&uri, v, gen_).is_some());
    if !delay.is_zero() && !analysed {
        tokio::time::sleep(delay).await;
    }
    let Some((_, rope, diags)) = analyse::diagnostics_now(sh, &uri).await else {
        return full(Vec::new(), None);
    };
    let mut items = lsp_diagnostics::to_lsp(&sh.session().neg(), &uri, &rope, &diags);
    if let Some(snap) = sh.snapshot(&uri) {
        // other versions are read from disk
        let me = sh.clone();
        let differences = blocking(move || Some(parallel::diagnostics(&me, &snap))).await;
        items.extend(differences.unwrap_or_default());
    }
    let result_id = format!("{:016x}", lsp_diagnostics::fingerprint(&items));
    if p.previous_result_id.as_deref() == Some(result_id.as_str()) {
        return unchanged(result_id);
    }
    full(items, Some(result_id))
}
