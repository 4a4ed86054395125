//! The language server (`unlsp serve`). Only this module knows LSP types.
//!
//! - [`convert`]: byte offsets ↔ LSP positions (UTF-8 or UTF-16), the only place
//!   they meet;
//! - [`state`]: open documents, index, settings, debounced analysis (the
//!   concurrency rules are written there);
//! - [`handlers`]: one file per feature, translating LSP ↔ plain Rust;
//! - [`catch_panic`]: a panicking handler is answered with an error;
//! - [`settings`]: `unlsp.toml` + editor settings.

pub mod catch_panic;
pub mod convert;
pub mod handlers;
pub mod memory;
pub mod settings;
pub mod state;
pub mod transport;

use catch_panic::CatchPanic;
use state::{Negotiated, OpenDoc, Shared, log, path_to_uri, uri_to_path};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use tower_lsp_server::{Client, ClientSocket, LanguageServer, LspService, Server};
use unlsp_index::workspace::{self, FileFacts};

/// Handlers polled at once. tower-lsp-server's default (4) lets four slow
/// requests starve `shutdown` and `$/cancelRequest`.
pub const CONCURRENCY: usize = 64;

pub struct Backend {
    sh: Arc<Shared>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            sh: Arc::new(Shared::new(client)),
        }
    }
    pub fn shared(&self) -> &Arc<Shared> {
        &self.sh
    }
}

pub type Service = CatchPanic<LspService<Backend>>;

/// The service with panic isolation, and the socket for server → client
/// messages. Tests and the benchmark drive it in process.
pub fn service() -> (Service, ClientSocket, Arc<Shared>) {
    let mut shared = None;
    let (svc, socket) = LspService::new(|client| {
        let b = Backend::new(client);
        shared = Some(b.sh.clone());
        b
    });
    (CatchPanic(svc), socket, shared.expect("backend built"))
}

/// Serve on any byte streams until `exit`; returns whether `shutdown` came first.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (svc, socket, shared) = service();
    serve_service(svc, socket, input, output).await;
    shared.shutting_down.load(Ordering::SeqCst)
}

/// Run a built service on byte streams, behind the framing guard
/// ([`transport`]), with the raised concurrency limit.
pub async fn serve_service<I, O>(svc: Service, socket: ClientSocket, input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (in_w, in_r) = tokio::io::duplex(1 << 16);
    let (out_w, out_r) = tokio::io::duplex(1 << 16);
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let filter = std::pin::pin!(transport::filter_input(input, in_w, tx.downgrade()));
    let main = std::pin::pin!(async move {
        let server = Server::new(in_r, out_w, socket)
            .concurrency_level(CONCURRENCY)
            .serve(svc);
        tokio::join!(
            server,
            transport::pump_frames(out_r, tx),
            transport::write_frames(rx, output)
        );
    });
    match futures::future::select(main, filter).await {
        futures::future::Either::Left(_) => {}
        // the input ended: the server sees the end of its pipe and stops
        futures::future::Either::Right((_, main)) => main.await,
    }
}

/// Run the server on stdin/stdout until the client exits; returns the exit code
/// (0 after `shutdown` then `exit`, 1 when `exit` came without `shutdown`).
pub fn run_stdio() -> i32 {
    memory::limit_arenas();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("unlsp serve: cannot start the runtime: {e}");
            return 2;
        }
    };
    let clean = rt.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    rt.shutdown_timeout(std::time::Duration::from_millis(500));
    if clean { 0 } else { 1 }
}

fn negotiate(caps: &lsp::ClientCapabilities) -> Negotiated {
    let td = caps.text_document.as_ref();
    let ws = caps.workspace.as_ref();
    Negotiated {
        encoding: convert::Encoding::negotiate(caps),
        pull_diagnostics: td.and_then(|t| t.diagnostic.as_ref()).is_some(),
        diagnostic_refresh: ws
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        related_information: td
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false)
            || td.and_then(|t| t.diagnostic.as_ref()).is_some(),
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watched_files_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        hierarchical_symbols: td
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false),
        multiline_tokens: td
            .and_then(|t| t.semantic_tokens.as_ref())
            .and_then(|s| s.multiline_token_support)
            .unwrap_or(false),
        snippets: false,
        completion_text_edit: completion_text_edit(td),
        markdown_hover: td
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&lsp::MarkupKind::Markdown)),
    }
}

fn completion_text_edit(td: Option<&lsp::TextDocumentClientCapabilities>) -> bool {
    let c = td.and_then(|t| t.completion.as_ref());
    let insert_replace = c
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.insert_replace_support)
        .unwrap_or(false);
    let edit_range = c
        .and_then(|c| c.completion_list.as_ref())
        .and_then(|l| l.item_defaults.as_ref())
        .is_some_and(|d| d.iter().any(|k| k == "editRange"));
    insert_replace || edit_range
}

fn capabilities(n: &Negotiated) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(n.encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        diagnostic_provider: n.pull_diagnostics.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some("unlsp".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        }),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(lsp::SelectionRangeProviderCapability::Simple(true)),
        document_link_provider: Some(lsp::DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: handlers::semantic_tokens::legend(),
                    range: Some(true),
                    full: Some(lsp::SemanticTokensFullOptions::Delta { delta: Some(true) }),
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["/".into(), " ".into()]),
            ..Default::default()
        }),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(handlers::code_action::kinds()),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

/// The workspace root from `initialize`.
fn root_of(p: &lsp::InitializeParams) -> Option<std::path::PathBuf> {
    if let Some(f) = p.workspace_folders.as_ref().and_then(|v| v.first()) {
        return uri_to_path(&f.uri);
    }
    #[allow(deprecated)]
    p.root_uri.as_ref().and_then(uri_to_path)
}

impl Shared {
    /// Rebuild the settings from `unlsp.toml`, `initializationOptions` and the
    /// last `workspace/configuration` answer; returns messages for the user.
    fn reload_settings(&self, editor: Option<&serde_json::Value>) -> Vec<String> {
        let old = self.settings();
        let root = old.root.clone();
        let mut msgs = Vec::new();
        let mut project = match root.as_deref().map(settings::read_project_file) {
            Some(Ok(Some(p))) => p,
            Some(Err(e)) => {
                msgs.push(format!("{e} — using the defaults"));
                Default::default()
            }
            _ => Default::default(),
        };
        let init = self
            .init_options
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for v in [init.as_ref(), editor].into_iter().flatten() {
            if let Err(e) = settings::overlay(&mut project, v) {
                msgs.push(e);
            }
        }
        let new = settings::Settings { project, root };
        let lang_changed = new.lang() != old.lang();
        self.set_settings(new.clone());
        if lang_changed {
            for mut d in self.docs.iter_mut() {
                if let state::Body::Parsed(doc) = &mut d.body {
                    doc.set_lang_override(new.lang());
                }
            }
        }
        msgs
    }

    fn reanalyse_all(self: &Arc<Self>) {
        let all: Vec<(Uri, i32)> = self
            .docs
            .iter()
            .map(|d| (d.key().clone(), d.version))
            .collect();
        for (u, v) in all {
            self.schedule(u, v);
        }
    }

    async fn pull_configuration(self: &Arc<Self>) -> Option<serde_json::Value> {
        if !self.neg().configuration {
            return None;
        }
        let item = lsp::ConfigurationItem {
            scope_uri: None,
            section: Some("unlsp".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(mut v) if !v.is_empty() => Some(v.swap_remove(0)),
            Ok(_) => None,
            Err(e) => {
                log!("workspace/configuration failed: {e}");
                None
            }
        }
    }

    async fn apply_configuration(self: &Arc<Self>, pushed: Option<serde_json::Value>) {
        let editor = match self.pull_configuration().await {
            Some(v) => Some(v),
            None => pushed,
        };
        let folders = self.settings().reference_folders();
        let gen_before = self.config_gen.load(std::sync::atomic::Ordering::SeqCst);
        let msgs = self.reload_settings(editor.as_ref());
        for m in msgs {
            self.client
                .show_message(lsp::MessageType::WARNING, format!("unlsp: {m}"))
                .await;
        }
        let changed = self.config_gen.load(std::sync::atomic::Ordering::SeqCst) != gen_before;
        if changed {
            self.reanalyse_all();
        }
        if changed && self.neg().pull_diagnostics && self.neg().diagnostic_refresh {
            // pulled results are stale: ask the client to pull again
            if let Err(e) = self.client.workspace_diagnostic_refresh().await {
                log!("workspace/diagnostic/refresh failed: {e}");
            }
        }
        if self.settings().reference_folders() != folders {
            tokio::spawn(self.clone().index_references());
        }
    }

    /// Index one file from disk unless it is open (the open copy wins).
    fn index_file(&self, path: &std::path::Path) {
        let Some(uri) = path_to_uri(path) else { return };
        if self.docs.contains_key(&uri) {
            return;
        }
        let s = self.settings();
        let rel = s.relative(path).unwrap_or_default();
        let too_big = std::fs::metadata(path)
            .map(|m| m.len() > s.max_file_size())
            .unwrap_or(true);
        if too_big || s.project.is_excluded(&rel) {
            self.index_mut().remove(uri.as_str());
            return;
        }
        match workspace::read_text(path) {
            Some(text) => {
                let doc = unlsp_syntax::Document::with_lang(&text, s.lang());
                let facts = FileFacts::from_tree(uri.as_str(), doc.tree());
                self.index_mut().insert(facts);
            }
            None => {
                self.index_mut().remove(uri.as_str());
            }
        }
    }

    /// Index the reference folders (from their disk cache when unchanged),
    /// reporting `$/progress`; the new index replaces the old one whole. A
    /// later call supersedes a running one.
    async fn index_references(self: Arc<Self>) {
        let gen_ = self.refs_gen.fetch_add(1, Ordering::SeqCst) + 1;
        let s = self.settings();
        let folders = s.reference_folders();
        if folders.is_empty() {
            if !self.refs().folders().is_empty() {
                *self.refs.write().unwrap_or_else(|e| e.into_inner()) =
                    Arc::new(Default::default());
            }
            return;
        }
        let token = lsp::NumberOrString::String(format!("unlsp/references/{gen_}"));
        let progress = self
            .begin_progress(token, "unlsp: indexing reference folders")
            .await;
        let opts = unlsp_index::reference::Options {
            cache_dir: unlsp_index::cache::cache_dir(),
            max_file_size: s.max_file_size(),
            threads: 0,
        };
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
        let job = tokio::task::spawn_blocking(move || {
            unlsp_index::reference::ReferenceIndex::build(&folders, &opts, &|_, d, t| {
                let _ = tx.send((d, t));
            })
        });
        while let Some((d, t)) = rx.recv().await {
            if let Some(p) = &progress {
                p.report_with_message(format!("{d}/{t} files"), (d * 100 / t.max(1)) as u32)
                    .await;
            }
        }
        let (ix, stats) = match job.await {
            Ok(v) => v,
            Err(e) => {
                log!("indexing the reference folders failed: {e}");
                return;
            }
        };
        if self.refs_gen.load(Ordering::SeqCst) != gen_ {
            return; // superseded by a newer configuration
        }
        let parsed: usize = stats.iter().map(|s| s.parsed).sum();
        let reused: usize = stats.iter().map(|s| s.reused).sum();
        let msg = format!(
            "{} reference documents ({parsed} parsed, {reused} from the cache)",
            ix.len()
        );
        for e in stats.iter().filter_map(|s| s.cache_error.as_ref()) {
            log!("cannot write the reference cache: {e}");
        }
        log!("{msg}");
        *self.refs.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(ix);
        if let Some(p) = progress {
            p.finish_with_message(msg).await;
        }
    }

    /// Start a `$/progress` report when the client takes them.
    async fn begin_progress(
        &self,
        token: lsp::NumberOrString,
        title: &str,
    ) -> Option<
        tower_lsp_server::OngoingProgress<
            tower_lsp_server::Bounded,
            tower_lsp_server::NotCancellable,
        >,
    > {
        if !self.neg().work_done_progress
            || self
                .client
                .create_work_done_progress(token.clone())
                .await
                .is_err()
        {
            return None;
        }
        Some(
            self.client
                .progress(token, title.to_string())
                .with_percentage(0)
                .begin()
                .await,
        )
    }

    /// Index the workspace at start-up, reporting `$/progress`.
    async fn index_workspace(self: Arc<Self>) {
        let s = self.settings();
        let Some(root) = s.root.clone() else { return };
        let token = lsp::NumberOrString::String("unlsp/index".into());
        let progress = self
            .begin_progress(token, "unlsp: indexing resolutions")
            .await;
        let s2 = s.clone();
        let scan = tokio::task::spawn_blocking(move || {
            let excl = |rel: &str| s2.project.is_excluded(rel);
            workspace::scan(&root, s2.max_file_size(), &excl)
        })
        .await
        .unwrap_or_default();
        let total = scan.files.len().max(1);
        let mut done = 0;
        for chunk in scan.files.chunks(16) {
            if self.shutting_down.load(Ordering::SeqCst) {
                break;
            }
            let me = self.clone();
            let chunk = chunk.to_vec();
            let n = chunk.len();
            let _ = tokio::task::spawn_blocking(move || {
                for p in &chunk {
                    me.index_file(p);
                }
            })
            .await;
            done += n;
            if let Some(p) = &progress {
                p.report_with_message(format!("{done}/{total} files"), (done * 100 / total) as u32)
                    .await;
            }
        }
        let msg = format!(
            "{} files indexed, {} too large skipped",
            self.index().len(),
            scan.skipped_large.len()
        );
        log!("{msg}");
        if let Some(p) = progress {
            p.finish_with_message(msg).await;
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, p: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let n = negotiate(&p.capabilities);
        let _ = self.sh.negotiated.set(n);
        *self
            .sh
            .init_options
            .write()
            .unwrap_or_else(|e| e.into_inner()) = p.initialization_options.clone();
        let root = root_of(&p);
        self.sh.set_settings(settings::Settings {
            root,
            ..Default::default()
        });
        let msgs = self.sh.reload_settings(None);
        // shown once the client is initialised (messages before that are dropped)
        for m in &msgs {
            log!("{m}");
        }
        *self
            .sh
            .init_options
            .write()
            .unwrap_or_else(|e| e.into_inner()) = match (p.initialization_options, msgs.is_empty())
        {
            (v, true) => v,
            (v, false) => {
                let mut o = v.unwrap_or(serde_json::json!({}));
                if let Some(obj) = o.as_object_mut() {
                    obj.insert("__unlsp_pending_messages".into(), serde_json::json!(msgs));
                }
                Some(o)
            }
        };
        Ok(lsp::InitializeResult {
            capabilities: capabilities(&n),
            server_info: Some(lsp::ServerInfo {
                name: "unlsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let sh = self.sh.clone();
        // messages from initialize (an invalid unlsp.toml)
        let pending: Vec<String> = sh
            .init_options
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .and_then(|v| v.get("__unlsp_pending_messages"))
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        for m in pending {
            sh.client
                .show_message(lsp::MessageType::WARNING, format!("unlsp: {m}"))
                .await;
        }
        if sh.neg().watched_files_dynamic {
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
            let reg = lsp::Registration {
                id: "unlsp-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(opts).ok(),
            };
            let c = sh.client.clone();
            tokio::spawn(async move {
                if let Err(e) = c.register_capability(vec![reg]).await {
                    log!("cannot register file watchers: {e}");
                }
            });
        }
        let me = sh.clone();
        tokio::spawn(async move {
            if me.neg().configuration {
                me.apply_configuration(None).await;
            }
            me.clone().index_workspace().await;
            me.index_references().await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.sh.shutting_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, p: lsp::DidOpenTextDocumentParams) {
        let td = p.text_document;
        let s = self.sh.settings();
        let doc = OpenDoc::new(&td.text, td.version, uri_to_path(&td.uri), &s);
        self.sh.docs.insert(td.uri.clone(), doc);
        self.sh.schedule(td.uri, td.version);
    }

    async fn did_change(&self, p: lsp::DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let version = p.text_document.version;
        let enc = self.sh.enc();
        let s = self.sh.settings();
        // applied before any await: edits keep their arrival order
        let applied = match self.sh.docs.get_mut(&uri) {
            None => {
                log!("didChange for {} which is not open: ignored", uri.as_str());
                false
            }
            Some(d) if version <= d.version => {
                log!(
                    "didChange version {version} for {} not newer than {}: ignored",
                    uri.as_str(),
                    d.version
                );
                false
            }
            Some(mut d) => {
                for c in &p.content_changes {
                    d.apply(c.range, &c.text, enc, &s);
                }
                d.version = version;
                true
            }
        };
        if applied {
            self.sh.schedule(uri, version);
        }
    }

    async fn did_close(&self, p: lsp::DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        let removed = self.sh.docs.remove(&uri);
        self.sh.computed.remove(&uri);
        self.sh.lint.remove(&uri);
        self.sh.outlines.remove(&uri);
        self.sh.semantic_tokens.remove(&uri);
        self.sh.index_mut().remove(uri.as_str());
        if removed.is_none() {
            log!("didClose for {} which is not open: ignored", uri.as_str());
        }
        if let Some(path) = uri_to_path(&uri) {
            let sh = self.sh.clone();
            tokio::task::spawn_blocking(move || sh.index_file(&path));
        }
        if !self.sh.neg().pull_diagnostics {
            let _order = self.sh.publish.lock().await;
            if !self.sh.docs.contains_key(&uri) {
                self.sh
                    .client
                    .publish_diagnostics(uri, Vec::new(), None)
                    .await;
            }
        }
    }

    async fn did_change_configuration(&self, p: lsp::DidChangeConfigurationParams) {
        let sh = self.sh.clone();
        let pushed = if p.settings.is_null() {
            None
        } else {
            Some(p.settings)
        };
        tokio::spawn(async move { sh.apply_configuration(pushed).await });
    }

    async fn did_change_watched_files(&self, p: lsp::DidChangeWatchedFilesParams) {
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
                if !self.sh.docs.contains_key(&ch.uri) {
                    self.sh.index_mut().remove(ch.uri.as_str());
                }
            } else if workspace::is_document(&path) {
                paths.push(path);
            }
        }
        if !paths.is_empty() {
            let sh = self.sh.clone();
            tokio::task::spawn_blocking(move || {
                for p in paths {
                    sh.index_file(&p);
                }
            });
        }
        if reload {
            let sh = self.sh.clone();
            tokio::spawn(async move { sh.apply_configuration(None).await });
        }
    }

    async fn diagnostic(
        &self,
        p: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        Ok(handlers::diagnostics::pull(&self.sh, p).await)
    }

    async fn document_symbol(
        &self,
        p: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        Ok(handlers::symbols::document_symbol(&self.sh, p))
    }

    async fn symbol(
        &self,
        p: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        Ok(handlers::symbols::workspace_symbol(&self.sh, p))
    }

    async fn goto_definition(
        &self,
        p: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        Ok(handlers::navigation::definition(&self.sh, p))
    }

    async fn references(&self, p: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        Ok(handlers::navigation::references(&self.sh, p))
    }

    async fn hover(&self, p: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        Ok(handlers::hover::hover(&self.sh, p))
    }

    async fn folding_range(
        &self,
        p: lsp::FoldingRangeParams,
    ) -> Result<Option<Vec<lsp::FoldingRange>>> {
        Ok(handlers::folding::folding(&self.sh, p))
    }

    async fn selection_range(
        &self,
        p: lsp::SelectionRangeParams,
    ) -> Result<Option<Vec<lsp::SelectionRange>>> {
        Ok(handlers::folding::selection(&self.sh, p))
    }

    async fn document_link(
        &self,
        p: lsp::DocumentLinkParams,
    ) -> Result<Option<Vec<lsp::DocumentLink>>> {
        Ok(handlers::links::document_link(&self.sh, p))
    }

    async fn semantic_tokens_full(
        &self,
        p: lsp::SemanticTokensParams,
    ) -> Result<Option<lsp::SemanticTokensResult>> {
        Ok(handlers::semantic_tokens::full(&self.sh, p))
    }

    async fn semantic_tokens_full_delta(
        &self,
        p: lsp::SemanticTokensDeltaParams,
    ) -> Result<Option<lsp::SemanticTokensFullDeltaResult>> {
        Ok(handlers::semantic_tokens::full_delta(&self.sh, p))
    }

    async fn semantic_tokens_range(
        &self,
        p: lsp::SemanticTokensRangeParams,
    ) -> Result<Option<lsp::SemanticTokensRangeResult>> {
        Ok(handlers::semantic_tokens::range(&self.sh, p))
    }

    async fn completion(
        &self,
        p: lsp::CompletionParams,
    ) -> Result<Option<lsp::CompletionResponse>> {
        Ok(handlers::completion::completion(&self.sh, p))
    }

    async fn prepare_rename(
        &self,
        p: lsp::TextDocumentPositionParams,
    ) -> Result<Option<lsp::PrepareRenameResponse>> {
        Ok(handlers::rename::prepare(&self.sh, p))
    }

    async fn rename(&self, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        handlers::rename::rename(&self.sh, p)
    }

    async fn formatting(
        &self,
        p: lsp::DocumentFormattingParams,
    ) -> Result<Option<Vec<lsp::TextEdit>>> {
        Ok(handlers::formatting::formatting(&self.sh, p))
    }

    async fn inlay_hint(&self, p: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        Ok(handlers::inlay::inlay_hint(&self.sh, p))
    }

    async fn code_action(
        &self,
        p: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        Ok(handlers::code_action::code_action(&self.sh, p).await)
    }
}
