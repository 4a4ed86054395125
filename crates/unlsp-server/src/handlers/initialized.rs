//! `initialized`: the messages `initialize` kept are shown, file watchers
//! registered, then in the background the editor's settings pulled, the
//! workspace and the reference folders indexed.

use super::initialize::PENDING_MESSAGES;
use crate::configuration;
use crate::indexing;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

/// `**/*.{txt,md,unres}` and `unlsp.toml`, watched by the client.
fn watchers() -> lsp::Registration {
    let opts = lsp::DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![
            lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String("**/*.{txt,md,unres}".into()),
                kind: None,
            },
            lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String("**/unlsp.toml".into()),
                kind: None,
            },
        ],
    };
    lsp::Registration {
        id: "unlsp-watch".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(opts).ok(),
    }
}

pub(crate) async fn run(sh: &Arc<Shared>, _: lsp::InitializedParams) {
    let session = sh.session();
    // messages from initialize (an invalid unlsp.toml)
    let pending: Vec<String> = session
        .init_options()
        .as_ref()
        .and_then(|v| v.get(PENDING_MESSAGES))
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    for m in pending {
        session
            .client()
            .show_message(lsp::MessageType::WARNING, format!("unlsp: {m}"))
            .await;
    }
    if session.neg().watched_files_dynamic {
        let c = session.client().clone();
        tokio::spawn(async move {
            if let Err(e) = c.register_capability(vec![watchers()]).await {
                tracing::warn!("cannot register file watchers: {e}");
            }
        });
    }
    let me = sh.clone();
    tokio::spawn(async move {
        if me.session().neg().configuration {
            configuration::apply(&me, None).await;
        }
        indexing::index_workspace(me.clone()).await;
        indexing::index_references(me).await;
    });
}
