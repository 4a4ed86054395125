//! The session: what the server knows of its client and of the settings,
//! apart from the documents. The client handle, the capabilities negotiated
//! at `initialize`, the settings (replaced whole, read as an `Arc`), the
//! generation that tells cached results they are stale, and whether
//! `shutdown` came.

use crate::convert::Encoding;
use crate::settings::Settings;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use tower_lsp_server::Client;

/// What the client told us at `initialize`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Negotiated {
    pub(crate) encoding: Encoding,
    /// The client pulls diagnostics (`textDocument.diagnostic`): never push.
    pub(crate) pull_diagnostics: bool,
    /// The client re-pulls on `workspace/diagnostic/refresh`.
    pub(crate) diagnostic_refresh: bool,
    pub(crate) related_information: bool,
    pub(crate) work_done_progress: bool,
    pub(crate) configuration: bool,
    pub(crate) watched_files_dynamic: bool,
    pub(crate) hierarchical_symbols: bool,
    pub(crate) multiline_tokens: bool,
    /// The client applies a completion item's `textEdit` range: it declares
    /// `insertReplaceSupport` or the `editRange` item default. Neovim 0.7's
    /// omnifunc declares neither and inserts `textEdit.newText` at the cursor.
    pub(crate) completion_text_edit: bool,
    /// The client renders Markdown in hovers (`hover.contentFormat`); eglot
    /// without `markdown-mode` declares plain text only.
    pub(crate) markdown_hover: bool,
}

impl Default for Negotiated {
    fn default() -> Self {
        Negotiated {
            encoding: Encoding::Utf16,
            pull_diagnostics: false,
            diagnostic_refresh: false,
            related_information: true,
            work_done_progress: false,
            configuration: false,
            watched_files_dynamic: false,
            hierarchical_symbols: true,
            multiline_tokens: false,
            completion_text_edit: true,
            markdown_hover: true,
        }
    }
}

pub(crate) struct Session {
    client: Client,
    settings: RwLock<Arc<Settings>>,
    negotiated: OnceLock<Negotiated>,
    init_options: RwLock<Option<serde_json::Value>>,
    /// Bumped whenever the settings change (cached diagnostics go stale).
    config_gen: AtomicU64,
    shutting_down: AtomicBool,
}

impl Session {
    pub(crate) fn new(client: Client) -> Session {
        Session {
            client,
            settings: RwLock::new(Arc::new(Settings::default())),
            negotiated: OnceLock::new(),
            init_options: RwLock::new(None),
            config_gen: AtomicU64::new(0),
            shutting_down: AtomicBool::new(false),
        }
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The capabilities negotiated at `initialize` (defaults before it).
    pub(crate) fn neg(&self) -> Negotiated {
        self.negotiated.get().copied().unwrap_or_default()
    }

    /// Fixed once, at `initialize`.
    pub(crate) fn set_negotiated(&self, n: Negotiated) {
        let _ = self.negotiated.set(n);
    }

    pub(crate) fn enc(&self) -> Encoding {
        self.neg().encoding
    }

    pub(crate) fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replace the settings; cached diagnostics go stale only when they
    /// really changed (a client that sends the same configuration again must
    /// not invalidate every pull result id).
    pub(crate) fn set_settings(&self, s: Settings) {
        let mut cur = self.settings.write().unwrap_or_else(|e| e.into_inner());
        if **cur == s {
            return;
        }
        *cur = Arc::new(s);
        self.config_gen.fetch_add(1, Ordering::SeqCst);
    }

    /// The generation of the settings: results computed under an older one
    /// are stale.
    pub(crate) fn config_gen(&self) -> u64 {
        self.config_gen.load(Ordering::SeqCst)
    }

    /// `initializationOptions` as the server keeps them.
    pub(crate) fn init_options(&self) -> Option<serde_json::Value> {
        self.init_options
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn set_init_options(&self, v: Option<serde_json::Value>) {
        *self.init_options.write().unwrap_or_else(|e| e.into_inner()) = v;
    }

    pub(crate) fn shut_down(&self) {
        self.shutting_down.store(true, Ordering::SeqCst);
    }

    pub(crate) fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }
}
