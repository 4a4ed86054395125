//! The language server (`unlsp serve`). Only this crate knows LSP types.
//!
//! - [`state`]: the [`Shared`] state: the session (client, settings,
//!   negotiated capabilities), the open documents, the indexes (the
//!   concurrency rules are written there);
//! - `snapshot`: the read-only view of one document that request handlers take;
//! - `handlers`: one file per LSP request or notification; this file only
//!   dispatches to them;
//! - `analyse`: debounced analysis and publishing; `indexing`, `configuration`;
//! - `convert`: byte offsets ↔ LSP positions (UTF-8 or UTF-16), the only place
//!   they meet;
//! - `catch_panic`: a panicking handler is answered with an error;
//! - [`transport`]: the framing guard in front of the protocol;
//! - [`settings`]: `unlsp.toml` + editor settings;
//! - `logging`: `tracing` to stderr, filtered by `UNLSP_LOG`.

mod analyse;
mod capabilities;
mod catch_panic;
mod configuration;
pub mod convert;
mod documents;
mod excerpt;
mod handlers;
mod indexing;
mod logging;
mod lsp_diagnostics;
mod memory;
mod parallel;
mod session;
pub mod settings;
mod snapshot;
pub mod state;
pub mod transport;

use catch_panic::CatchPanic;
use handlers::common::blocking;
use snapshot::Snapshot;
use state::Shared;
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use tower_lsp_server::{Client, ClientSocket, LanguageServer, LspService, Server};

/// Handlers polled at once. tower-lsp-server's default (4) lets four slow
/// requests starve `shutdown` and `$/cancelRequest`.
const CONCURRENCY: usize = 64;

pub struct Backend {
    sh: Arc<Shared>,
}

impl Backend {
    fn new(client: Client) -> Backend {
        Backend {
            sh: Arc::new(Shared::new(client)),
        }
    }

    /// A request answered from a snapshot of its document, on the protocol
    /// task (`None` when the document is not open or not parsed).
    fn on_snapshot<R>(&self, uri: &Uri, f: impl FnOnce(&Snapshot) -> Option<R>) -> Option<R> {
        f(&self.sh.snapshot(uri)?)
    }

    /// A request that reads other documents from disk: on a blocking thread,
    /// with a snapshot of its document.
    async fn off_task<R: Send + 'static>(
        &self,
        uri: &Uri,
        f: impl FnOnce(&Shared, &Snapshot) -> Option<R> + Send + 'static,
    ) -> Option<R> {
        let snap = self.sh.snapshot(uri)?;
        let sh = self.sh.clone();
        blocking(move || f(&sh, &snap)).await
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
async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (svc, socket, shared) = service();
    serve_service(svc, socket, input, output).await;
    shared.is_shutting_down()
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
    logging::init();
    memory::limit_arenas();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the runtime: {e}");
            return 2;
        }
    };
    let clean = rt.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    rt.shutdown_timeout(std::time::Duration::from_millis(500));
    if clean { 0 } else { 1 }
}

impl LanguageServer for Backend {
    async fn initialize(&self, p: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        Ok(handlers::initialize::run(&self.sh, p).await)
    }

    async fn initialized(&self, p: lsp::InitializedParams) {
        handlers::initialized::run(&self.sh, p).await
    }

    async fn shutdown(&self) -> Result<()> {
        self.sh.session().shut_down();
        Ok(())
    }

    async fn did_open(&self, p: lsp::DidOpenTextDocumentParams) {
        handlers::did_open::run(&self.sh, p)
    }

    async fn did_change(&self, p: lsp::DidChangeTextDocumentParams) {
        handlers::did_change::run(&self.sh, p)
    }

    async fn did_close(&self, p: lsp::DidCloseTextDocumentParams) {
        handlers::did_close::run(&self.sh, p).await
    }

    async fn did_change_configuration(&self, p: lsp::DidChangeConfigurationParams) {
        handlers::did_change_configuration::run(&self.sh, p)
    }

    async fn did_change_watched_files(&self, p: lsp::DidChangeWatchedFilesParams) {
        handlers::did_change_watched_files::run(&self.sh, p)
    }

    async fn diagnostic(
        &self,
        p: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        Ok(handlers::diagnostic::run(&self.sh, p).await)
    }

    async fn document_symbol(
        &self,
        p: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        Ok(handlers::document_symbol::run(&self.sh, p))
    }

    async fn execute_command(&self, p: lsp::ExecuteCommandParams) -> Result<Option<lsp::LSPAny>> {
        handlers::execute_command::run(&self.sh, p).await
    }

    async fn symbol(
        &self,
        p: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        Ok(handlers::workspace_symbol::run(&self.sh, p))
    }

    async fn goto_definition(
        &self,
        p: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let uri = p.text_document_position_params.text_document.uri.clone();
        Ok(self
            .off_task(&uri, move |sh, s| handlers::definition::run(sh, s, p))
            .await)
    }

    async fn references(&self, p: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let uri = p.text_document_position.text_document.uri.clone();
        Ok(self
            .off_task(&uri, move |sh, s| handlers::references::run(sh, s, p))
            .await)
    }

    async fn hover(&self, p: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let uri = p.text_document_position_params.text_document.uri.clone();
        Ok(self
            .off_task(&uri, move |sh, s| handlers::hover::run(sh, s, p))
            .await)
    }

    async fn folding_range(
        &self,
        p: lsp::FoldingRangeParams,
    ) -> Result<Option<Vec<lsp::FoldingRange>>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::folding_range::run(s, p)))
    }

    async fn selection_range(
        &self,
        p: lsp::SelectionRangeParams,
    ) -> Result<Option<Vec<lsp::SelectionRange>>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::selection_range::run(s, p)))
    }

    async fn document_link(
        &self,
        p: lsp::DocumentLinkParams,
    ) -> Result<Option<Vec<lsp::DocumentLink>>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::document_link::run(s, p)))
    }

    async fn semantic_tokens_full(
        &self,
        p: lsp::SemanticTokensParams,
    ) -> Result<Option<lsp::SemanticTokensResult>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| {
            handlers::semantic_tokens_full::run(&self.sh, s, p)
        }))
    }

    async fn semantic_tokens_full_delta(
        &self,
        p: lsp::SemanticTokensDeltaParams,
    ) -> Result<Option<lsp::SemanticTokensFullDeltaResult>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| {
            handlers::semantic_tokens_delta::run(&self.sh, s, p)
        }))
    }

    async fn semantic_tokens_range(
        &self,
        p: lsp::SemanticTokensRangeParams,
    ) -> Result<Option<lsp::SemanticTokensRangeResult>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::semantic_tokens_range::run(s, p)))
    }

    async fn completion(
        &self,
        p: lsp::CompletionParams,
    ) -> Result<Option<lsp::CompletionResponse>> {
        let uri = p.text_document_position.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::completion::run(&self.sh, s, p)))
    }

    async fn prepare_rename(
        &self,
        p: lsp::TextDocumentPositionParams,
    ) -> Result<Option<lsp::PrepareRenameResponse>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::prepare_rename::run(s, p)))
    }

    async fn rename(&self, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        let snap = self
            .sh
            .snapshot(&p.text_document_position.text_document.uri);
        handlers::rename::run(snap.as_ref(), p)
    }

    async fn formatting(
        &self,
        p: lsp::DocumentFormattingParams,
    ) -> Result<Option<Vec<lsp::TextEdit>>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::formatting::run(s, p)))
    }

    async fn inlay_hint(&self, p: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        let uri = p.text_document.uri.clone();
        Ok(self.on_snapshot(&uri, |s| handlers::inlay_hint::run(s, p)))
    }

    async fn code_action(
        &self,
        p: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        Ok(handlers::code_action::run(&self.sh, p).await)
    }
}
