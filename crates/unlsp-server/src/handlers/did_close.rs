//! `textDocument/didClose`: the document and what was computed for it are
//! dropped, the file on disk is indexed again in its place, and a pushing
//! client gets its diagnostics cleared.

use crate::convert::uri_to_path;
use crate::indexing;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) async fn run(sh: &Arc<Shared>, p: lsp::DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    let was_open = sh.documents().close(&uri);
    sh.index_mut().remove(uri.as_str());
    if !was_open {
        tracing::warn!("didClose for {} which is not open: ignored", uri.as_str());
    }
    if let Some(path) = uri_to_path(&uri) {
        indexing::index_files_off_task(sh, vec![path]);
    }
    if !sh.session().neg().pull_diagnostics {
        let _order = sh.publish_order().await;
        if !sh.documents().is_open(&uri) {
            sh.session()
                .client()
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }
}
