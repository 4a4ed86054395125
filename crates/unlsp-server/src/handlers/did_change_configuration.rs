//! `workspace/didChangeConfiguration`: the settings are pulled again (or the
//! pushed ones taken) in the background.

use crate::configuration;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(sh: &Arc<Shared>, p: lsp::DidChangeConfigurationParams) {
    let sh = sh.clone();
    let pushed = if p.settings.is_null() {
        None
    } else {
        Some(p.settings)
    };
    tokio::spawn(async move { configuration::apply(&sh, pushed).await });
}
