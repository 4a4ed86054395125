//! The server's state: the [`Session`] (client, settings, negotiated
//! capabilities), the open [`Documents`], the workspace index and the
//! reference folders' index. Request handlers read a [`Snapshot`] of one
//! document taken from here.
//!
//! Concurrency rules (tower-lsp-server polls up to `concurrency_level` handlers
//! at once, all inside one task):
//! - `didOpen`/`didChange`/`didClose` apply their edit synchronously, before
//!   their first `.await`, so edits apply in the order they arrived;
//! - a document's version only grows: an older or equal version is dropped with
//!   a log line;
//! - no DashMap guard or lock guard lives across an `.await` (every access goes
//!   through a closure or a short block);
//! - rules run on a [`Snapshot`] inside `spawn_blocking`, and their result is
//!   dropped when the document moved on meanwhile;
//! - nothing reads the disk on the protocol task: handlers that read other
//!   documents run on a blocking thread.

use crate::convert::uri_to_path;
use crate::documents::Documents;
use crate::memory::IdleTrim;
use crate::session::Session;
use crate::snapshot::Snapshot;
use ropey::Rope;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::Uri;
use unlsp_index::reference::ReferenceIndex;
use unlsp_index::workspace::WorkspaceIndex;

pub struct Shared {
    session: Session,
    documents: Documents,
    index: RwLock<WorkspaceIndex>,
    /// The reference folders' facts, replaced whole when re-indexed.
    refs: RwLock<Arc<ReferenceIndex>>,
    /// Bumped when a reference indexing starts: an older run gives up.
    refs_gen: AtomicU64,
    /// Serialises publishing so that an older result never overtakes a newer one.
    publish: tokio::sync::Mutex<()>,
    /// Gives freed memory back once analyses stop for a moment.
    idle: Arc<IdleTrim>,
}

impl Shared {
    pub(crate) fn new(client: Client) -> Shared {
        Shared {
            session: Session::new(client),
            documents: Documents::default(),
            index: RwLock::new(WorkspaceIndex::new()),
            refs: RwLock::new(Arc::new(ReferenceIndex::new())),
            refs_gen: AtomicU64::new(0),
            publish: tokio::sync::Mutex::new(()),
            idle: Default::default(),
        }
    }

    pub(crate) fn session(&self) -> &Session {
        &self.session
    }

    pub(crate) fn documents(&self) -> &Documents {
        &self.documents
    }

    /// A snapshot of the open, parsed document `uri` at its current version.
    pub(crate) fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        let settings = self.session.settings();
        let neg = self.session.neg();
        self.documents
            .with_doc(uri, |d| d.snapshot(uri, settings, neg))
            .flatten()
    }

    /// Whether `shutdown` came.
    pub fn is_shutting_down(&self) -> bool {
        self.session.is_shutting_down()
    }

    /// The workspace index (read; the lock ends with the guard).
    pub fn index(&self) -> RwLockReadGuard<'_, WorkspaceIndex> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn index_mut(&self) -> RwLockWriteGuard<'_, WorkspaceIndex> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The reference folders' index (a cheap clone; no lock is held).
    pub(crate) fn refs(&self) -> Arc<ReferenceIndex> {
        self.refs.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set_refs(&self, ix: ReferenceIndex) {
        *self.refs.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(ix);
    }

    /// A new reference indexing starts: its generation.
    pub(crate) fn next_refs_gen(&self) -> u64 {
        self.refs_gen.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Whether the reference indexing of generation `gen_` is still the last one.
    pub(crate) fn refs_gen_is(&self, gen_: u64) -> bool {
        self.refs_gen.load(Ordering::SeqCst) == gen_
    }

    /// Held while publishing: results leave in the order they were decided.
    pub(crate) async fn publish_order(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.publish.lock().await
    }

    pub(crate) fn idle(&self) -> &Arc<IdleTrim> {
        &self.idle
    }

    /// Drops what the server holds for `uri`, store by store (outline, lint
    /// cache, diagnostics kept, index facts, the document), calling `after`
    /// with each store's name once it is gone: the memory benchmark's
    /// breakdown of one open document.
    pub fn drop_stores(&self, uri: &str, after: impl FnMut(&str)) {
        let Ok(key) = uri.parse::<Uri>() else {
            return;
        };
        let index = || {
            self.index_mut().remove(uri);
        };
        self.documents.drop_stores(&key, index, after);
    }

    /// The server's copy of an open document's text, by its URI as a string.
    pub fn text_of(&self, uri: &str) -> Option<String> {
        let key = uri.parse::<Uri>().ok()?;
        self.documents.with_doc(&key, |d| d.rope().to_string())
    }

    /// The text of a document for position conversion: the open copy, else
    /// the file on disk. Reads the disk: never on the protocol task.
    pub(crate) fn rope_of(&self, uri: &Uri) -> Option<Rope> {
        if let Some(r) = self.documents.with_doc(uri, |d| d.rope().clone()) {
            return Some(r);
        }
        let p = uri_to_path(uri)?;
        unlsp_index::workspace::read_text(&p).map(|t| Rope::from_str(&t))
    }
}
