//! `textDocument/formatting`: `unlsp fmt` (`cli::fmt::format_text`) as one edit
//! replacing the whole text, or no edit when nothing changes.

use super::with_view;
use crate::state::Shared;
use tower_lsp_server::ls_types as lsp;

pub fn formatting(sh: &Shared, p: lsp::DocumentFormattingParams) -> Option<Vec<lsp::TextEdit>> {
    let lang = sh.settings().lang();
    with_view(sh, &p.text_document.uri, |v| {
        let out = unlsp_analysis::fmt::format_text(v.text(), lang);
        if out == v.text() {
            return Some(Vec::new());
        }
        Some(vec![lsp::TextEdit::new(v.range(&(0..v.text().len())), out)])
    })
}
