//! `textDocument/prepareRename`: an operative paragraph number can be
//! renamed (`textDocument/rename` renumbers); its range and current number.

use super::rename::label_at;
use crate::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(
    v: &Snapshot,
    p: lsp::TextDocumentPositionParams,
) -> Option<lsp::PrepareRenameResponse> {
    let o = v.offset(p.position);
    let n = label_at(v.tree(), o)?;
    let r = n.label_range.clone()?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: v.range(&r),
        placeholder: n.label?.to_string(),
    })
}
