//! The settings: rebuilt from `unlsp.toml`, `initializationOptions` and the
//! editor's `workspace/configuration` answer (or pushed settings); a change
//! re-analyses the open documents and re-indexes the reference folders.

use crate::analyse;
use crate::indexing;
use crate::settings;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

/// Rebuild the settings from `unlsp.toml`, `initializationOptions` and the
/// last `workspace/configuration` answer; returns messages for the user.
/// Reads `unlsp.toml`: never on the protocol task.
pub(crate) fn reload(sh: &Shared, editor: Option<&serde_json::Value>) -> Vec<String> {
    let session = sh.session();
    let old = session.settings();
    let root = old.root.clone();
    let mut msgs = Vec::new();
    let mut project = match root.as_deref().map(unlsp_analysis::project::load) {
        Some(Ok(Some(p))) => p,
        Some(Err(e)) => {
            msgs.push(format!("{e} — using the defaults"));
            Default::default()
        }
        _ => Default::default(),
    };
    let init = session.init_options();
    for v in [init.as_ref(), editor].into_iter().flatten() {
        if let Err(e) = settings::overlay(&mut project, v) {
            msgs.push(e);
        }
    }
    if let Err(e) = project.install_catalogue_records(root.as_deref()) {
        msgs.push(format!("{e} — using the catalogue as it was"));
    }
    let new = settings::Settings { project, root };
    let lang_changed = new.lang() != old.lang();
    let lang = new.lang();
    session.set_settings(new);
    if lang_changed {
        sh.documents().set_lang_override(lang);
    }
    msgs
}

/// [`reload`] on a blocking thread.
pub(crate) async fn reload_off_task(
    sh: &Arc<Shared>,
    editor: Option<serde_json::Value>,
) -> Vec<String> {
    let me = sh.clone();
    tokio::task::spawn_blocking(move || reload(&me, editor.as_ref()))
        .await
        .unwrap_or_default()
}

async fn pull(sh: &Shared) -> Option<serde_json::Value> {
    if !sh.session().neg().configuration {
        return None;
    }
    let item = lsp::ConfigurationItem {
        scope_uri: None,
        section: Some("unlsp".into()),
    };
    match sh.session().client().configuration(vec![item]).await {
        Ok(mut v) if !v.is_empty() => Some(v.swap_remove(0)),
        Ok(_) => None,
        Err(e) => {
            tracing::warn!("workspace/configuration failed: {e}");
            None
        }
    }
}

/// Ask the editor for its settings (else take the `pushed` ones), apply
/// them, and follow up on what changed.
pub(crate) async fn apply(sh: &Arc<Shared>, pushed: Option<serde_json::Value>) {
    let editor = match pull(sh).await {
        Some(v) => Some(v),
        None => pushed,
    };
    let session = sh.session();
    let folders = session.settings().reference_folders();
    let gen_before = session.config_gen();
    let msgs = reload_off_task(sh, editor).await;
    for m in msgs {
        session
            .client()
            .show_message(lsp::MessageType::WARNING, format!("unlsp: {m}"))
            .await;
    }
    let changed = session.config_gen() != gen_before;
    if changed {
        analyse::schedule_all(sh);
    }
    let neg = session.neg();
    if changed && neg.pull_diagnostics && neg.diagnostic_refresh {
        // pulled results are stale: ask the client to pull again
        if let Err(e) = session.client().workspace_diagnostic_refresh().await {
            tracing::warn!("workspace/diagnostic/refresh failed: {e}");
        }
    }
    if session.settings().reference_folders() != folders {
        tokio::spawn(indexing::index_references(sh.clone()));
    }
}
