//! `textDocument/semanticTokens/full`: every token of the document, under a
//! result id kept with them, from which `/full/delta` answers the next time.

use super::semantic_tokens::current;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(
    sh: &Shared,
    v: &Snapshot,
    _: lsp::SemanticTokensParams,
) -> Option<lsp::SemanticTokensResult> {
    let data = Arc::new(current(v));
    let id = sh.documents().keep_tokens(v.uri(), data.clone());
    Some(lsp::SemanticTokensResult::Tokens(lsp::SemanticTokens {
        result_id: Some(id),
        data: Arc::unwrap_or_clone(data),
    }))
}
