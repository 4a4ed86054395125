//! A read-only snapshot of one open, parsed document: what a request handler
//! or an analysis reads. Taking one costs reference counts (text, tree, rope
//! and settings are shared), holds no lock, and can go to another thread; it
//! stays the version it was taken at while the editor types on.

use crate::convert::{self, Encoding};
use crate::session::Negotiated;
use crate::settings::Settings;
use ropey::Rope;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_syntax::tree::Tree;
use unlsp_syntax::{Document, Lang};

pub(crate) struct Snapshot {
    uri: Uri,
    version: i32,
    text: Arc<String>,
    tree: Arc<Tree>,
    rope: Rope,
    path: Option<PathBuf>,
    settings: Arc<Settings>,
    negotiated: Negotiated,
}

impl Snapshot {
    /// `version` of the parsed document `doc` at `uri`.
    pub(crate) fn new(
        uri: &Uri,
        version: i32,
        doc: &Document,
        path: Option<&Path>,
        settings: Arc<Settings>,
        negotiated: Negotiated,
    ) -> Snapshot {
        let (text, tree) = doc.shared();
        Snapshot {
            uri: uri.clone(),
            version,
            text,
            tree,
            rope: doc.rope().clone(),
            path: path.map(Path::to_path_buf),
            settings,
            negotiated,
        }
    }

    pub(crate) fn uri(&self) -> &Uri {
        &self.uri
    }
    pub(crate) fn version(&self) -> i32 {
        self.version
    }
    pub(crate) fn text(&self) -> &str {
        &self.text
    }
    pub(crate) fn tree(&self) -> &Tree {
        &self.tree
    }
    pub(crate) fn rope(&self) -> &Rope {
        &self.rope
    }
    pub(crate) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
    pub(crate) fn lang(&self) -> Lang {
        self.tree.lang
    }
    pub(crate) fn settings(&self) -> &Settings {
        &self.settings
    }
    /// What the client negotiated at `initialize`.
    pub(crate) fn client(&self) -> &Negotiated {
        &self.negotiated
    }
    pub(crate) fn enc(&self) -> Encoding {
        self.negotiated.encoding
    }

    /// The byte offset of an LSP position in this version.
    pub(crate) fn offset(&self, p: lsp::Position) -> usize {
        convert::offset(&self.rope, p, self.enc())
    }
    pub(crate) fn range(&self, r: &Range<usize>) -> lsp::Range {
        convert::range(&self.rope, r, self.enc())
    }
    pub(crate) fn byte_range(&self, r: lsp::Range) -> Range<usize> {
        convert::byte_range(&self.rope, r, self.enc())
    }
    pub(crate) fn location(&self, r: &Range<usize>) -> lsp::Location {
        lsp::Location::new(self.uri.clone(), self.range(r))
    }
}
