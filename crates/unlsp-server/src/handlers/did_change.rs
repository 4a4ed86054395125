//! `textDocument/didChange`: the edits apply at once, in arrival order (this
//! runs before any `.await`); a version not newer than the document's is
//! dropped. The analysis of the new version is scheduled.

use crate::analyse;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(sh: &Arc<Shared>, p: lsp::DidChangeTextDocumentParams) {
    let uri = p.text_document.uri;
    let version = p.text_document.version;
    let enc = sh.session().enc();
    let s = sh.session().settings();
    let applied = sh.documents().with_doc_mut(&uri, |d| {
        if version <= d.version() {
            tracing::warn!(
                "didChange version {version} for {} not newer than {}: ignored",
                uri.as_str(),
                d.version()
            );
            return false;
        }
        d.apply_changes(&p.content_changes, version, enc, &s);
        true
    });
    match applied {
        None => tracing::warn!("didChange for {} which is not open: ignored", uri.as_str()),
        Some(true) => analyse::schedule(sh, uri, version),
        Some(false) => {}
    }
}
