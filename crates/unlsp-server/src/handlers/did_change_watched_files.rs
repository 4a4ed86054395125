//! `workspace/didChangeWatchedFiles`: changed documents are indexed again
//! (off the protocol task), deleted ones leave the index, and a changed
//! `unlsp.toml` reloads the settings.

use crate::configuration;
use crate::convert::uri_to_path;
use crate::indexing;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;
use unlsp_index::workspace;

pub(crate) fn run(sh: &Arc<Shared>, p: lsp::DidChangeWatchedFilesParams) {
    let mut reload = false;
    let mut paths = Vec::new();
    for ch in p.changes {
        let Some(path) = uri_to_path(&ch.uri) else {
            continue;
        };
        if path.file_name().is_some_and(|n| n == "unlsp.toml") {
            reload = true;
            continue;
        }
        if ch.typ == lsp::FileChangeType::DELETED {
            if !sh.documents().is_open(&ch.uri) {
                sh.index_mut().remove(ch.uri.as_str());
            }
        } else if workspace::is_document(&path) {
            paths.push(path);
        }
    }
    if !paths.is_empty() {
        indexing::index_files_off_task(sh, paths);
    }
    if reload {
        let sh = sh.clone();
        tokio::spawn(async move { configuration::apply(&sh, None).await });
    }
}
