//! `textDocument/semanticTokens/range`: the tokens inside a range (no
//! result id: a range answer is never the base of a delta).

use super::semantic_tokens::{encode, spans};
use crate::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(
    v: &Snapshot,
    p: lsp::SemanticTokensRangeParams,
) -> Option<lsp::SemanticTokensRangeResult> {
    let want = v.byte_range(p.range);
    let s: Vec<_> = spans(v)
        .into_iter()
        .filter(|(r, _, _)| r.start < want.end && want.start < r.end)
        .collect();
    Some(lsp::SemanticTokensRangeResult::Tokens(
        lsp::SemanticTokens {
            result_id: None,
            data: encode(v, &s, v.client().multiline_tokens),
        },
    ))
}
