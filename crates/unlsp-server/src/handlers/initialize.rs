//! `initialize`: the capabilities are negotiated, the settings read
//! (`unlsp.toml` under the workspace root, then `initializationOptions`).
//! Messages about them wait for `initialized` (the client drops those sent
//! before).

use crate::capabilities;
use crate::configuration;
use crate::convert::uri_to_path;
use crate::settings::Settings;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

/// Where the messages for `initialized` wait, inside the kept options.
pub(crate) const PENDING_MESSAGES: &str = "__unlsp_pending_messages";

/// The workspace root from `initialize`.
fn root_of(p: &lsp::InitializeParams) -> Option<std::path::PathBuf> {
    if let Some(f) = p.workspace_folders.as_ref().and_then(|v| v.first()) {
        return uri_to_path(&f.uri);
    }
    #[allow(deprecated)]
    p.root_uri.as_ref().and_then(uri_to_path)
}

pub(crate) async fn run(sh: &Arc<Shared>, p: lsp::InitializeParams) -> lsp::InitializeResult {
    let session = sh.session();
    let n = capabilities::negotiate(&p.capabilities);
    session.set_negotiated(n);
    session.set_init_options(p.initialization_options.clone());
    session.set_settings(Settings {
        root: root_of(&p),
        ..Default::default()
    });
    let msgs = configuration::reload_off_task(sh, None).await;
    for m in &msgs {
        tracing::warn!("{m}");
    }
    let kept = match (p.initialization_options, msgs.is_empty()) {
        (v, true) => v,
        (v, false) => {
            let mut o = v.unwrap_or(serde_json::json!({}));
            if let Some(obj) = o.as_object_mut() {
                obj.insert(PENDING_MESSAGES.into(), serde_json::json!(msgs));
            }
            Some(o)
        }
    };
    session.set_init_options(kept);
    lsp::InitializeResult {
        capabilities: capabilities::capabilities(&n),
        server_info: Some(lsp::ServerInfo {
            name: "unlsp".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        offset_encoding: None,
    }
}
