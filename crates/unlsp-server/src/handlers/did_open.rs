//! `textDocument/didOpen`: the document is parsed (or kept as text when too
//! large) and its analysis scheduled.

use crate::analyse;
use crate::convert::uri_to_path;
use crate::documents::OpenDoc;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(sh: &Arc<Shared>, p: lsp::DidOpenTextDocumentParams) {
    let td = p.text_document;
    let s = sh.session().settings();
    let doc = OpenDoc::new(&td.text, td.version, uri_to_path(&td.uri), &s);
    sh.documents().open(td.uri.clone(), doc);
    analyse::schedule(sh, td.uri, td.version);
}
