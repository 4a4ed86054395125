//! The open documents and what the server computed for them: diagnostics
//! per version, the lint caches incremental analysis reuses, outlines and
//! semantic tokens. Every access goes through a method that holds a map
//! guard only for the call: no guard lives across an `.await`.

use crate::convert::{self, Encoding};
use crate::session::Negotiated;
use crate::settings::Settings;
use crate::snapshot::Snapshot;
use dashmap::DashMap;
use ropey::Rope;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis as analysis;
use unlsp_syntax::{Document, Lang};

/// An open document's text: parsed, or kept as text only when it is too large
/// to parse on every keystroke.
pub(crate) enum Body {
    Parsed(Box<Document>),
    Plain(Rope),
}

pub(crate) struct OpenDoc {
    body: Body,
    version: i32,
    path: Option<PathBuf>,
}

impl OpenDoc {
    pub(crate) fn new(text: &str, version: i32, path: Option<PathBuf>, s: &Settings) -> OpenDoc {
        let body = if text.len() as u64 > s.parse_limit() {
            tracing::warn!(
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

    pub(crate) fn version(&self) -> i32 {
        self.version
    }

    pub(crate) fn rope(&self) -> &Rope {
        match &self.body {
            Body::Parsed(d) => d.rope(),
            Body::Plain(r) => r,
        }
    }

    pub(crate) fn doc(&self) -> Option<&Document> {
        match &self.body {
            Body::Parsed(d) => Some(d),
            Body::Plain(_) => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.rope().len_bytes()
    }

    /// Apply the content changes of `version` (LSP ranges in `enc`, or the
    /// whole text).
    pub(crate) fn apply_changes(
        &mut self,
        changes: &[lsp::TextDocumentContentChangeEvent],
        version: i32,
        enc: Encoding,
        s: &Settings,
    ) {
        for c in changes {
            self.apply(c.range, &c.text, enc, s);
        }
        self.version = version;
    }

    /// Apply one content change (LSP range in `enc`, or the whole text).
    fn apply(&mut self, range: Option<lsp::Range>, text: &str, enc: Encoding, s: &Settings) {
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

    /// This version, frozen (`None` for a text-only document).
    pub(crate) fn snapshot(
        &self,
        uri: &Uri,
        settings: Arc<Settings>,
        negotiated: Negotiated,
    ) -> Option<Snapshot> {
        let d = self.doc()?;
        Some(Snapshot::new(
            uri,
            self.version,
            d,
            self.path.as_deref(),
            settings,
            negotiated,
        ))
    }
}

/// Diagnostics computed for one version of a document (code actions reuse them).
struct Computed {
    version: i32,
    config_gen: u64,
    diagnostics: Arc<Vec<analysis::Diagnostic>>,
}

/// Which outline a cached one is: (version, config generation, hierarchical).
pub(crate) type OutlineKey = (i32, u64, bool);

#[derive(Default)]
pub(crate) struct Documents {
    open: DashMap<Uri, OpenDoc>,
    computed: DashMap<Uri, Computed>,
    /// What the last analysis of each document leaves for the next one
    /// (incremental linting): any cache is right for any later text.
    lint: DashMap<Uri, Arc<analysis::LintCache>>,
    /// The outline of one version (editors ask for it after every edit and
    /// again for breadcrumbs).
    outlines: DashMap<Uri, (OutlineKey, Arc<lsp::DocumentSymbolResponse>)>,
    /// The last semantic tokens sent for each document, with their result id:
    /// `semanticTokens/full/delta` answers the edits from them.
    semantic_tokens: DashMap<Uri, (String, Arc<Vec<lsp::SemanticToken>>)>,
    /// Source of semantic-token result ids (unique for the server's life).
    semantic_tokens_ids: AtomicU64,
    /// The fingerprint of the diagnostics last pushed for each document: the
    /// same list is not sent again after an edit that changed none of them.
    pushed: DashMap<Uri, u64>,
}

impl Documents {
    pub(crate) fn open(&self, uri: Uri, doc: OpenDoc) {
        self.open.insert(uri, doc);
    }

    /// Forget `uri` and everything computed for it; whether it was open.
    pub(crate) fn close(&self, uri: &Uri) -> bool {
        let removed = self.open.remove(uri);
        self.computed.remove(uri);
        self.lint.remove(uri);
        self.outlines.remove(uri);
        self.semantic_tokens.remove(uri);
        self.pushed.remove(uri);
        removed.is_some()
    }

    pub(crate) fn is_open(&self, uri: &Uri) -> bool {
        self.open.contains_key(uri)
    }

    /// Run `f` on an open document; the guard ends with the call.
    pub(crate) fn with_doc<R>(&self, uri: &Uri, f: impl FnOnce(&OpenDoc) -> R) -> Option<R> {
        let g = self.open.get(uri)?;
        Some(f(&g))
    }

    /// Run `f` on an open document to change it; the guard ends with the call.
    pub(crate) fn with_doc_mut<R>(
        &self,
        uri: &Uri,
        f: impl FnOnce(&mut OpenDoc) -> R,
    ) -> Option<R> {
        let mut g = self.open.get_mut(uri)?;
        Some(f(&mut g))
    }

    pub(crate) fn version_of(&self, uri: &Uri) -> Option<i32> {
        self.with_doc(uri, |d| d.version)
    }

    /// Every open document with its version.
    pub(crate) fn versions(&self) -> Vec<(Uri, i32)> {
        self.open
            .iter()
            .map(|d| (d.key().clone(), d.version))
            .collect()
    }

    /// Run `f` on every open document, parsed or not.
    pub(crate) fn for_each(&self, mut f: impl FnMut(&Uri, &OpenDoc)) {
        for e in self.open.iter() {
            f(e.key(), e.value());
        }
    }

    /// A language forced by the settings (or none) reaches every parsed document.
    pub(crate) fn set_lang_override(&self, lang: Option<Lang>) {
        for mut d in self.open.iter_mut() {
            if let Body::Parsed(doc) = &mut d.body {
                doc.set_lang_override(lang);
            }
        }
    }

    /// Give back the spare room of the open documents' trees and facts.
    pub(crate) fn compact(&self) {
        for mut d in self.open.iter_mut() {
            if let Body::Parsed(doc) = &mut d.value_mut().body {
                doc.compact();
            }
        }
    }

    /// The diagnostics kept for `version` under the settings generation `gen_`.
    pub(crate) fn computed(
        &self,
        uri: &Uri,
        version: i32,
        gen_: u64,
    ) -> Option<Arc<Vec<analysis::Diagnostic>>> {
        self.computed
            .get(uri)
            .filter(|c| c.version == version && c.config_gen == gen_)
            .map(|c| c.diagnostics.clone())
    }

    pub(crate) fn keep_computed(
        &self,
        uri: &Uri,
        version: i32,
        gen_: u64,
        diagnostics: Arc<Vec<analysis::Diagnostic>>,
    ) {
        let c = Computed {
            version,
            config_gen: gen_,
            diagnostics,
        };
        self.computed.insert(uri.clone(), c);
    }

    pub(crate) fn lint_cache(&self, uri: &Uri) -> Option<Arc<analysis::LintCache>> {
        self.lint.get(uri).map(|c| c.clone())
    }

    /// Keep what an analysis leaves for the next one of the same document
    /// (while it is open).
    pub(crate) fn keep_lint(&self, uri: &Uri, cache: Option<analysis::LintCache>) {
        match cache {
            Some(c) if self.open.contains_key(uri) => {
                self.lint.insert(uri.clone(), Arc::new(c));
            }
            _ => {
                self.lint.remove(uri);
            }
        }
    }

    /// Drop the per-node facts and the pattern caches of every lint cache no
    /// analysis is reading now (see [`analysis::LintCache::shed_memo`]).
    pub(crate) fn shed_lint_memos(&self) {
        for mut c in self.lint.iter_mut() {
            if let Some(c) = Arc::get_mut(c.value_mut()) {
                c.shed_memo();
            }
        }
    }

    pub(crate) fn outline(
        &self,
        uri: &Uri,
        key: OutlineKey,
    ) -> Option<Arc<lsp::DocumentSymbolResponse>> {
        self.outlines
            .get(uri)
            .filter(|c| c.0 == key)
            .map(|c| c.1.clone())
    }

    pub(crate) fn keep_outline(
        &self,
        uri: Uri,
        key: OutlineKey,
        outline: Arc<lsp::DocumentSymbolResponse>,
    ) {
        self.outlines.insert(uri, (key, outline));
    }

    pub(crate) fn clear_outlines(&self) {
        self.outlines.clear();
    }

    /// Records `fingerprint` as the diagnostics pushed for `uri`; false when
    /// they are the ones pushed last (nothing to send).
    pub(crate) fn note_pushed(&self, uri: &Uri, fingerprint: u64) -> bool {
        self.pushed.insert(uri.clone(), fingerprint) != Some(fingerprint)
    }

    /// Keep `data` as the document's last semantic tokens under a new result id.
    pub(crate) fn keep_tokens(&self, uri: &Uri, data: Arc<Vec<lsp::SemanticToken>>) -> String {
        let id = self
            .semantic_tokens_ids
            .fetch_add(1, Ordering::Relaxed)
            .to_string();
        self.semantic_tokens.insert(uri.clone(), (id.clone(), data));
        id
    }

    /// The semantic tokens last sent for `uri` if they carry the result id `id`.
    pub(crate) fn tokens(&self, uri: &Uri, id: &str) -> Option<Arc<Vec<lsp::SemanticToken>>> {
        self.semantic_tokens
            .get(uri)
            .filter(|e| e.0 == id)
            .map(|e| e.1.clone())
    }

    /// Drops what is held for `uri`, store by store, calling `after` with
    /// each store's name once it is gone; `index` drops the index facts
    /// between the diagnostics and the document.
    pub(crate) fn drop_stores(&self, uri: &Uri, index: impl FnOnce(), mut after: impl FnMut(&str)) {
        self.outlines.clear();
        after("outline");
        self.lint.remove(uri);
        after("lint cache");
        self.computed.remove(uri);
        after("diagnostics kept");
        index();
        after("index facts");
        self.open.remove(uri);
        after("the document");
    }
}
