//! One file per LSP feature. Each handler converts positions at the edge
//! (`convert`), asks the syntax/analysis/index layers plain-Rust questions and
//! converts the answer back. Read-only handlers work under a short document
//! guard and never await while holding it.

pub mod code_action;
pub mod completion;
pub mod diagnostics;
pub mod folding;
pub mod formatting;
pub mod hover;
pub mod inlay;
pub mod links;
pub mod navigation;
pub mod parallel;
pub mod rename;
pub mod semantic_tokens;
pub mod symbols;

use crate::convert::{self, Encoding};
use crate::state::{OpenDoc, Shared};
use ropey::Rope;
use std::ops::Range;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_syntax::Document;
use unlsp_syntax::tree::{Citation, CitationKind, Node, NodeKind};

/// A parsed open document with what a handler needs to convert positions.
pub struct View<'a> {
    pub doc: &'a Document,
    pub uri: &'a Uri,
    pub enc: Encoding,
}

impl<'a> View<'a> {
    pub fn new(d: &'a OpenDoc, uri: &'a Uri, enc: Encoding) -> Option<View<'a>> {
        Some(View {
            doc: d.doc()?,
            uri,
            enc,
        })
    }
    pub fn rope(&self) -> &Rope {
        self.doc.rope()
    }
    pub fn text(&self) -> &str {
        self.doc.text()
    }
    pub fn offset(&self, p: lsp::Position) -> usize {
        convert::offset(self.rope(), p, self.enc)
    }
    pub fn range(&self, r: &Range<usize>) -> lsp::Range {
        convert::range(self.rope(), r, self.enc)
    }
    pub fn location(&self, r: &Range<usize>) -> lsp::Location {
        lsp::Location::new(self.uri.clone(), self.range(r))
    }
}

/// Run `f` on the parsed document `uri` (None when closed or text only).
pub fn with_view<R>(sh: &Shared, uri: &Uri, f: impl FnOnce(&View) -> Option<R>) -> Option<R> {
    let enc = sh.enc();
    sh.with_doc(uri, |d| View::new(d, uri, enc).and_then(|v| f(&v)))
        .flatten()
}

/// `o` inside `r`, end inclusive (a cursor just after a word is on it).
pub fn touches(r: &Range<usize>, o: usize) -> bool {
    r.start <= o && o <= r.end
}

/// A location in another document (open or on disk), converted with that
/// document's own text.
pub fn location_in(sh: &Shared, id: &str, r: &Range<usize>) -> Option<lsp::Location> {
    let uri = Uri::from_str(id).ok()?;
    let rope = sh.rope_of(&uri)?;
    Some(lsp::Location::new(uri, convert::range(&rope, r, sh.enc())))
}

/// Whitespace collapsed, emphasis markers dropped, cut at about `max` chars on a
/// word boundary with an ellipsis.
pub fn first_words(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        if c == '*' || c == '_' {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    let out = unlsp_syntax::assemble::join_broken_words(&out);
    if out.chars().count() <= max {
        return out;
    }
    let cut: String = out.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

/// The text of a node after its label (`1. Calls upon …` → `Calls upon …`).
pub fn body_after_label<'t>(text: &'t str, n: &Node) -> &'t str {
    n.body_after_label(text)
}

/// The operative paragraph numbered `label` a reference at `at` means: the last
/// one before it, else the first after it.
pub fn operative_by_label<'t>(
    tree: &'t unlsp_syntax::tree::Tree,
    label: &str,
    at: usize,
) -> Option<&'t Node> {
    let all: Vec<&Node> = tree
        .nodes_of(NodeKind::Operative)
        .into_iter()
        .filter(|n| n.label.as_deref() == Some(label))
        .collect();
    all.iter()
        .rev()
        .find(|n| n.range.start < at)
        .or(all.first())
        .copied()
}

/// The footnote numbered `n` a marker at `at` means: the first one after it,
/// else the first anywhere.
pub fn footnote_by_number(tree: &unlsp_syntax::tree::Tree, n: u32, at: usize) -> Option<&Node> {
    let label = n.to_string();
    let all: Vec<&Node> = tree
        .nodes_of(NodeKind::Footnote)
        .into_iter()
        .filter(|f| f.label.as_deref() == Some(label.as_str()))
        .collect();
    all.iter()
        .find(|f| f.range.start >= at)
        .or(all.first())
        .copied()
}

/// The bundled catalogue's entry for a citation, if any.
pub fn catalogue_entry(c: &Citation) -> Option<&'static unlsp_index::catalogue::Entry> {
    let noun = match c.kind {
        CitationKind::Resolution => "resolution",
        CitationKind::Decision => "decision",
        CitationKind::Document => "",
    };
    let organ = match c.organ.as_deref() {
        Some("GA") => "general assembly ",
        Some("SC") => "security council ",
        _ => "",
    };
    let q = format!("{organ}{noun} {}", c.target);
    unlsp_index::catalogue::catalogue().find(q.trim())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_words_lose_the_pdf_break_after_their_hyphen() {
        assert_eq!(
            super::first_words(
                "the right of peoples to self-\n  determination and to non- discrimination",
                200
            ),
            "the right of peoples to self-determination and to non-discrimination"
        );
    }
}
