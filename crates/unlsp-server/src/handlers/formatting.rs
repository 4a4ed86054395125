//! `textDocument/formatting`: `unlsp fmt` (`unlsp_analysis::fmt::format_text`)
//! as one edit replacing the whole text, or no edit when nothing changes.

use crate::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(v: &Snapshot, _: lsp::DocumentFormattingParams) -> Option<Vec<lsp::TextEdit>> {
    let out = unlsp_analysis::fmt::format_text(v.text(), v.settings().lang());
    if out == v.text() {
        return Some(Vec::new());
    }
    Some(vec![lsp::TextEdit::new(v.range(&(0..v.text().len())), out)])
}
