//! Server state: the open documents, the workspace index, the settings.
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
//!   dropped when the document moved on meanwhile.

use crate::convert::{self, Encoding};
use crate::settings::Settings;
use dashmap::DashMap;
use ropey::Rope;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis as analysis;
use unlsp_index::reference::ReferenceIndex;
use unlsp_index::workspace::{FileFacts, WorkspaceIndex};
use unlsp_syntax::Document;
use unlsp_syntax::tree::Tree;

macro_rules! log {
    ($($t:tt)*) => { eprintln!("unlsp: {}", format!($($t)*)) };
}
pub(crate) use log;

/// An open document's text: parsed, or kept as text only when it is too large
/// to parse on every keystroke.
pub enum Body {
    Parsed(Box<Document>),
    Plain(Rope),
}

pub struct OpenDoc {
    pub body: Body,
    pub version: i32,
    pub path: Option<PathBuf>,
}

impl OpenDoc {
    pub fn new(text: &str, version: i32, path: Option<PathBuf>, s: &Settings) -> OpenDoc {
        let body = if text.len() as u64 > s.parse_limit() {
            log!(
                "{} is {} bytes, over the parse limit: text only",
                path.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                text.len()
            );
            Body::Plain(Rope::from_str(text))
        } else {
            Body::Parsed(Box::new(Document::with_lang(text, s.lang())))
        };
        OpenDoc {
            body,
            version,
            path,
        }
    }

    pub fn rope(&self) -> &Rope {
        match &self.body {
            Body::Parsed(d) => d.rope(),
            Body::Plain(r) => r,
        }
    }

    pub fn doc(&self) -> Option<&Document> {
        match &self.body {
            Body::Parsed(d) => Some(d),
            Body::Plain(_) => None,
        }
    }

    pub fn len(&self) -> usize {
        self.rope().len_bytes()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Apply one content change (LSP range in `enc`, or the whole text).
    pub fn apply(&mut self, range: Option<lsp::Range>, text: &str, enc: Encoding, s: &Settings) {
        match range {
            None => self.replace(text, s),
            Some(r) => {
                let br = convert::byte_range(self.rope(), r, enc);
                match &mut self.body {
                    Body::Parsed(d) => d.edit(br, text),
                    Body::Plain(rope) => {
                        let cs = rope.byte_to_char(br.start);
                        let ce = rope.byte_to_char(br.end);
                        rope.remove(cs..ce);
                        rope.insert(cs, text);
                    }
                }
                // a text-only document that became small enough gets parsed
                if let Body::Plain(r) = &self.body
                    && (r.len_bytes() as u64) <= s.parse_limit()
                {
                    let t = r.to_string();
                    self.body = Body::Parsed(Box::new(Document::with_lang(&t, s.lang())));
                }
            }
        }
    }

    fn replace(&mut self, text: &str, s: &Settings) {
        let too_big = text.len() as u64 > s.parse_limit();
        match (&mut self.body, too_big) {
            (Body::Parsed(d), false) => d.replace_all(text),
            (_, true) => self.body = Body::Plain(Rope::from_str(text)),
            (Body::Plain(_), false) => {
                self.body = Body::Parsed(Box::new(Document::with_lang(text, s.lang())))
            }
        }
    }

    pub fn snapshot(&self) -> Option<Snapshot> {
        let d = self.doc()?;
        let (text, tree) = d.shared();
        Some(Snapshot {
            version: self.version,
            text,
            tree,
            rope: d.rope().clone(),
            path: self.path.clone(),
        })
    }
}

/// A document frozen at one version, for work off the async workers.
pub struct Snapshot {
    pub version: i32,
    pub text: Arc<String>,
    pub tree: Arc<Tree>,
    pub rope: Rope,
    pub path: Option<PathBuf>,
}

/// What the client told us at `initialize`.
#[derive(Debug, Clone, Copy)]
pub struct Negotiated {
    pub encoding: Encoding,
    /// The client pulls diagnostics (`textDocument.diagnostic`): never push.
    pub pull_diagnostics: bool,
    /// The client re-pulls on `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
    pub related_information: bool,
    pub work_done_progress: bool,
    pub configuration: bool,
    pub watched_files_dynamic: bool,
    pub hierarchical_symbols: bool,
    pub multiline_tokens: bool,
    pub snippets: bool,
    /// The client applies a completion item's `textEdit` range: it declares
    /// `insertReplaceSupport` or the `editRange` item default. Neovim 0.7's
    /// omnifunc declares neither and inserts `textEdit.newText` at the cursor.
    pub completion_text_edit: bool,
    /// The client renders Markdown in hovers (`hover.contentFormat`); eglot
    /// without `markdown-mode` declares plain text only.
    pub markdown_hover: bool,
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
            snippets: false,
            completion_text_edit: true,
            markdown_hover: true,
        }
    }
}

/// Diagnostics computed for one version of a document (code actions reuse them).
pub struct Computed {
    pub version: i32,
    pub config_gen: u64,
    pub diagnostics: Arc<Vec<analysis::Diagnostic>>,
}

pub struct Shared {
    pub client: Client,
    pub docs: DashMap<Uri, OpenDoc>,
    pub computed: DashMap<Uri, Computed>,
    /// What the last analysis of each document leaves for the next one
    /// (incremental linting): any cache is right for any later text.
    pub lint: DashMap<Uri, Arc<analysis::LintCache>>,
    /// The outline of one version (editors ask for it after every edit and
    /// again for breadcrumbs): (version, config generation, hierarchical).
    pub outlines: DashMap<Uri, (i32, u64, bool, Arc<lsp::DocumentSymbolResponse>)>,
    /// The last semantic tokens sent for each document, with their result id:
    /// `semanticTokens/full/delta` answers the edits from them.
    pub semantic_tokens: DashMap<Uri, (String, Arc<Vec<lsp::SemanticToken>>)>,
    /// Source of semantic-token result ids (unique for the server's life).
    pub semantic_tokens_ids: AtomicU64,
    pub index: RwLock<WorkspaceIndex>,
    /// The reference folders' facts, replaced whole when re-indexed.
    pub refs: RwLock<Arc<ReferenceIndex>>,
    /// Bumped when a reference indexing starts: an older run gives up.
    pub refs_gen: AtomicU64,
    pub settings: RwLock<Arc<Settings>>,
    pub negotiated: OnceLock<Negotiated>,
    pub init_options: RwLock<Option<serde_json::Value>>,
    /// Bumped whenever the settings change (cached diagnostics go stale).
    pub config_gen: AtomicU64,
    pub shutting_down: AtomicBool,
    /// Serialises publishing so that an older result never overtakes a newer one.
    pub publish: tokio::sync::Mutex<()>,
    /// Gives freed memory back once analyses stop for a moment.
    pub idle: Arc<crate::memory::IdleTrim>,
}

impl Shared {
    pub fn new(client: Client) -> Shared {
        Shared {
            client,
            docs: DashMap::new(),
            computed: DashMap::new(),
            lint: DashMap::new(),
            outlines: DashMap::new(),
            semantic_tokens: DashMap::new(),
            semantic_tokens_ids: AtomicU64::new(0),
            index: RwLock::new(WorkspaceIndex::new()),
            refs: RwLock::new(Arc::new(ReferenceIndex::new())),
            refs_gen: AtomicU64::new(0),
            settings: RwLock::new(Arc::new(Settings::default())),
            negotiated: OnceLock::new(),
            init_options: RwLock::new(None),
            config_gen: AtomicU64::new(0),
            shutting_down: AtomicBool::new(false),
            publish: tokio::sync::Mutex::new(()),
            idle: Default::default(),
        }
    }

    pub fn neg(&self) -> Negotiated {
        self.negotiated.get().copied().unwrap_or_default()
    }

    pub fn enc(&self) -> Encoding {
        self.neg().encoding
    }

    pub fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replace the settings; cached diagnostics go stale only when they
    /// really changed (a client that sends the same configuration again must
    /// not invalidate every pull result id).
    pub fn set_settings(&self, s: Settings) {
        let mut cur = self.settings.write().unwrap_or_else(|e| e.into_inner());
        if **cur == s {
            return;
        }
        *cur = Arc::new(s);
        self.config_gen.fetch_add(1, Ordering::SeqCst);
    }

    pub fn index(&self) -> std::sync::RwLockReadGuard<'_, WorkspaceIndex> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Drops what the server holds for `uri`, store by store (outline, lint
    /// cache, diagnostics kept, index facts, the document), calling `after`
    /// with each store's name once it is gone: the memory benchmark's
    /// breakdown of one open document.
    pub fn drop_stores(&self, uri: &str, mut after: impl FnMut(&str)) {
        let Ok(key) = uri.parse::<Uri>() else {
            return;
        };
        self.outlines.clear();
        after("outline");
        self.lint.remove(&key);
        after("lint cache");
        self.computed.remove(&key);
        after("diagnostics kept");
        self.index_mut().remove(uri);
        after("index facts");
        self.docs.remove(&key);
        after("the document");
    }

    /// The server's copy of an open document's text, by its URI as a string.
    pub fn text_of(&self, uri: &str) -> Option<String> {
        let key = uri.parse::<Uri>().ok()?;
        self.with_doc(&key, |d| d.rope().to_string())
    }

    pub fn index_mut(&self) -> std::sync::RwLockWriteGuard<'_, WorkspaceIndex> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The reference folders' index (a cheap clone; no lock is held).
    pub fn refs(&self) -> Arc<ReferenceIndex> {
        self.refs.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Run `f` on an open document; the guard ends with the call.
    pub fn with_doc<R>(&self, uri: &Uri, f: impl FnOnce(&OpenDoc) -> R) -> Option<R> {
        let g = self.docs.get(uri)?;
        Some(f(&g))
    }

    pub fn version_of(&self, uri: &Uri) -> Option<i32> {
        self.with_doc(uri, |d| d.version)
    }

    /// The text of a document for position conversion: the open copy, else the
    /// file on disk.
    pub fn rope_of(&self, uri: &Uri) -> Option<Rope> {
        if let Some(r) = self.with_doc(uri, |d| d.rope().clone()) {
            return Some(r);
        }
        let p = uri_to_path(uri)?;
        unlsp_index::workspace::read_text(&p).map(|t| Rope::from_str(&t))
    }

    /// Compute diagnostics and index facts for `version` of `uri`, then publish
    /// them unless the document moved on.
    pub async fn analyse(self: &Arc<Self>, uri: Uri, version: i32) {
        let settings = self.settings();
        let Some(work) = self.with_doc(&uri, |d| {
            if d.version != version {
                None
            } else if let Some(snap) = d.snapshot() {
                Some(Ok(snap))
            } else {
                Some(Err((d.len(), d.rope().clone())))
            }
        }) else {
            return;
        };
        let Some(work) = work else { return };
        let snap = match work {
            Ok(snap) => snap,
            Err((len, rope)) => {
                // too large to parse: say so instead of staying silent
                let diags = vec![size_notice(len, &settings, false)];
                let gen_ = self.config_gen.load(Ordering::SeqCst);
                self.store_and_publish(uri, version, gen_, rope, diags, Vec::new())
                    .await;
                return;
            }
        };
        let gen_ = self.config_gen.load(Ordering::SeqCst);
        let id = uri.as_str().to_string();
        let (me, u) = (self.clone(), uri.clone());
        let prev = self.lint.get(&uri).map(|c| c.clone());
        let t0 = std::time::Instant::now();
        let joined = tokio::task::spawn_blocking(move || {
            let t = std::time::Instant::now();
            let (diags, cache) = rules_or_notice(&snap, &settings, prev.as_deref());
            let t1 = t.elapsed();
            let facts = FileFacts::from_tree(&id, &snap.tree);
            let t2 = t.elapsed();
            let parallel =
                crate::handlers::parallel::diagnostics(&me, &u, &snap.text, &snap.tree, &snap.rope);
            if timing() {
                log!(
                    "rules {t1:?} facts {:?} parallel {:?}",
                    t2 - t1,
                    t.elapsed() - t2
                );
            }
            (diags, cache, facts, snap, parallel)
        })
        .await;
        if timing() {
            log!("blocking part {:?}", t0.elapsed());
        }
        let (diags, cache, facts, snap, parallel) = match joined {
            Ok(v) => v,
            Err(e) => {
                log!("analysis of {} failed: {e}", uri.as_str());
                return;
            }
        };
        if self.version_of(&uri) != Some(version) {
            return; // stale: a newer version is on its way
        }
        self.index_mut().insert(facts);
        self.keep_lint(&uri, cache);
        if timing() {
            log!("index {:?}", t0.elapsed());
        }
        self.store_and_publish(uri, version, gen_, snap.rope, diags, parallel)
            .await;
        if timing() {
            log!("published {:?}", t0.elapsed());
        }
        // The outlines answer the requests that follow an edit (outline view,
        // breadcrumbs) and are rebuilt on demand (tens of ms at 1 MB): not worth their memory
        // once the editor is idle. Nor are the facts and pattern caches the
        // lint caches carry, nor the parser's largest pattern caches (the
        // first parse and analysis after the pause make them again).
        let me = self.clone();
        self.idle.after_work(move || {
            me.outlines.clear();
            me.shed_lint_memos();
            me.compact_docs();
            unlsp_syntax::patterns::release_caches();
        });
    }

    /// Drop the per-node facts and the pattern caches of every lint cache no
    /// analysis is reading now (see [`analysis::LintCache::shed_memo`]).
    pub fn shed_lint_memos(&self) {
        for mut c in self.lint.iter_mut() {
            if let Some(c) = Arc::get_mut(c.value_mut()) {
                c.shed_memo();
            }
        }
    }

    /// Give back the spare room of the open documents' trees and facts.
    pub fn compact_docs(&self) {
        for mut d in self.docs.iter_mut() {
            if let Body::Parsed(doc) = &mut d.value_mut().body {
                doc.compact();
            }
        }
    }

    /// Keep what an analysis leaves for the next one of the same document
    /// (while it is open).
    fn keep_lint(&self, uri: &Uri, cache: Option<analysis::LintCache>) {
        match cache {
            Some(c) if self.docs.contains_key(uri) => {
                self.lint.insert(uri.clone(), Arc::new(c));
            }
            _ => {
                self.lint.remove(uri);
            }
        }
    }

    /// Keep the diagnostics of `version` for code actions and pulls, and push
    /// them unless the client pulls or the document moved on.
    async fn store_and_publish(
        self: &Arc<Self>,
        uri: Uri,
        version: i32,
        gen_: u64,
        rope: Rope,
        diags: Vec<analysis::Diagnostic>,
        extra: Vec<lsp::Diagnostic>,
    ) {
        let diags = Arc::new(diags);
        self.computed.insert(
            uri.clone(),
            Computed {
                version,
                config_gen: gen_,
                diagnostics: diags.clone(),
            },
        );
        if self.neg().pull_diagnostics {
            return;
        }
        let t = std::time::Instant::now();
        let mut lsp_diags = crate::handlers::diagnostics::to_lsp(self, &uri, &rope, &diags);
        if timing() {
            log!("to_lsp {:?}", t.elapsed());
        }
        lsp_diags.extend(extra);
        let _order = self.publish.lock().await;
        if self.version_of(&uri) != Some(version) {
            return;
        }
        self.client
            .publish_diagnostics(uri.clone(), lsp_diags, Some(version))
            .await;
        drop(_order);
        crate::handlers::parallel::refresh_open_versions(self, &uri).await;
    }

    /// Debounced analysis of the current version.
    pub fn schedule(self: &Arc<Self>, uri: Uri, version: i32) {
        let me = self.clone();
        let delay = self.settings().debounce();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            me.analyse(uri, version).await;
        });
    }

    /// Diagnostics of the current version, computed now when the cache is stale
    /// (pull diagnostics, code actions).
    pub async fn diagnostics_now(
        self: &Arc<Self>,
        uri: &Uri,
    ) -> Option<(i32, Rope, Arc<Vec<analysis::Diagnostic>>)> {
        let gen_ = self.config_gen.load(Ordering::SeqCst);
        let (version, rope) = self.with_doc(uri, |d| (d.version, d.rope().clone()))?;
        if let Some(c) = self.computed.get(uri)
            && c.version == version
            && c.config_gen == gen_
        {
            return Some((version, rope, c.diagnostics.clone()));
        }
        let settings = self.settings();
        let snap = match self.with_doc(uri, |d| d.snapshot().ok_or(d.len()))? {
            Ok(snap) => snap,
            Err(len) => {
                let notice = vec![size_notice(len, &settings, false)];
                return Some((version, rope, Arc::new(notice)));
            }
        };
        let prev = self.lint.get(uri).map(|c| c.clone());
        let (diags, cache, snap) = tokio::task::spawn_blocking(move || {
            let (d, cache) = rules_or_notice(&snap, &settings, prev.as_deref());
            (d, cache, snap)
        })
        .await
        .ok()?;
        self.keep_lint(uri, cache);
        let diags = Arc::new(diags);
        if self.version_of(uri) == Some(snap.version) {
            self.computed.insert(
                uri.clone(),
                Computed {
                    version: snap.version,
                    config_gen: gen_,
                    diagnostics: diags.clone(),
                },
            );
        }
        Some((snap.version, snap.rope, diags))
    }
}

/// The rules over a snapshot, reusing what an earlier analysis of the
/// document left, or, over the size limit, one notice saying why they did
/// not run.
pub fn rules_or_notice(
    snap: &Snapshot,
    settings: &Settings,
    prev: Option<&analysis::LintCache>,
) -> (Vec<analysis::Diagnostic>, Option<analysis::LintCache>) {
    if (snap.text.len() as u64) > settings.max_file_size() {
        return (vec![size_notice(snap.text.len(), settings, true)], None);
    }
    let mut cfg = settings.rule_config(snap.path.as_deref());
    cfg.time_budget = Some(RULE_TIME_BUDGET);
    cfg.threads = rule_threads();
    let (mut diags, cache) =
        analysis::check_incremental(&snap.rope, &snap.text, &snap.tree, &cfg, prev);
    if diags.len() > MAX_DIAGNOSTICS {
        let more = diags.len() - MAX_DIAGNOSTICS;
        diags.truncate(MAX_DIAGNOSTICS);
        diags.push(analysis::Diagnostic {
            code: "too-many",
            severity: analysis::Severity::Information,
            message: format!(
                "{more} more diagnostics are not shown (at most {MAX_DIAGNOSTICS} per document); `unlsp check` lists them all."
            ),
            range: 0..0,
            related: Vec::new(),
            fix: None,
        });
    }
    (diags, cache)
}

/// `UNLSP_TIMING` set: the server logs where each analysis spends its time.
fn timing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("UNLSP_TIMING").is_some())
}

/// Cores the rules of one large document share: the editor waits on one
/// document at a time, so it may have them all.
fn rule_threads() -> usize {
    static N: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *N.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The bounds on one analysis: an editor should never wait on, or be flooded
/// by, one document.
pub const RULE_TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);
pub const MAX_DIAGNOSTICS: usize = 1000;

/// An information diagnostic at the top of a document too large to lint
/// (`parsed`: outline and navigation still work) or to parse at all.
pub fn size_notice(len: usize, settings: &Settings, parsed: bool) -> analysis::Diagnostic {
    let mb = |n: u64| n as f64 / (1024.0 * 1024.0);
    let message = if parsed {
        format!(
            "This document is {:.1} MB, over the {:.1} MB limit (`max_file_size`): outline and navigation work, the drafting rules do not run. Raise `max_file_size` in unlsp.toml or the `maxFileSize` setting to lint it.",
            mb(len as u64),
            mb(settings.max_file_size())
        )
    } else {
        format!(
            "This document is {:.1} MB, over twice the {:.1} MB limit (`max_file_size`): kept as plain text, with no outline and no diagnostics. Raise `max_file_size` in unlsp.toml or the `maxFileSize` setting to parse it.",
            mb(len as u64),
            mb(settings.max_file_size())
        )
    };
    analysis::Diagnostic {
        code: "size-limit",
        severity: analysis::Severity::Information,
        message,
        range: 0..0,
        related: Vec::new(),
        fix: None,
    }
}

pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn path_to_uri(p: &Path) -> Option<Uri> {
    Uri::from_file_path(p)
}
