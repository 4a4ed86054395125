//! `textDocument/documentSymbol`: the outline (title, preamble, operative
//! part, footnotes, annexes), kept per version for the requests that follow
//! an edit. The LSP outline item is called `OutlineItem` here so as not to
//! clash with the UN document symbol (`A/RES/61/100`).

use super::common::body_after_label;
use crate::excerpt::first_words;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_syntax::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

type OutlineItem = lsp::DocumentSymbol;

/// The most items (at every depth) an outline sent to an editor holds: the
/// first ones in document order. `unlsp outline` is never cut.
pub(crate) const MAX_SYMBOLS: usize = 10_000;

/// The symbol kind of every paragraph-like item of the outline.
const PARAGRAPH: lsp::SymbolKind = lsp::SymbolKind::STRING;

fn words(lang: Lang) -> usize {
    if lang.is_cjk() { 24 } else { 60 }
}

/// Name and kind of a node in the outline; `None` for nodes left out.
fn describe(v: &Snapshot, n: &Node) -> Option<(String, lsp::SymbolKind)> {
    let text = v.text();
    let lang = v.lang();
    let max = words(lang);
    let body = || first_words(body_after_label(text, n), max);
    let labelled = |body: String| match &n.label {
        Some(l) if l.starts_with('(') || l.ends_with(')') => format!("{l} {body}"),
        Some(l) => format!("{l}. {body}"),
        None => body,
    };
    Some(match n.kind {
        NodeKind::Title => (
            first_words(&text[n.range.clone()], max + 40),
            lsp::SymbolKind::FILE,
        ),
        NodeKind::Preamble => ("Preamble".into(), lsp::SymbolKind::NAMESPACE),
        NodeKind::OperativePart => ("Operative part".into(), lsp::SymbolKind::NAMESPACE),
        // Every paragraph and footnote is one kind: eglot 1.9 (Emacs 28) groups the
        // imenu outline by kind before nesting, so one group `String` holds them
        // all under their part (`Operative part` → `5. Requests …`); the parts are
        // `Namespace`s. The tree, not the kind, tells preambular from operative.
        NodeKind::Preambular => (body(), PARAGRAPH),
        NodeKind::Operative => (labelled(body()), PARAGRAPH),
        NodeKind::Subparagraph => (labelled(body()), PARAGRAPH),
        NodeKind::Paragraph => (labelled(body()), PARAGRAPH),
        NodeKind::Footnote => (
            format!(
                "Footnote {}: {}",
                n.label.as_deref().unwrap_or_default(),
                first_words(body_after_label(text, n), 40)
            ),
            PARAGRAPH,
        ),
        NodeKind::Annex => (
            first_words(
                &text[n.range.start..n.range.end.min(n.range.start + 200)],
                40,
            ),
            lsp::SymbolKind::MODULE,
        ),
        NodeKind::Section => (
            labelled(first_words(body_after_label(text, n), 50)),
            lsp::SymbolKind::NAMESPACE,
        ),
        _ => return None,
    })
}

/// The outline items of `n`, at most `left` of them (counted down).
fn item(v: &Snapshot, n: &Node, left: &mut usize) -> Vec<OutlineItem> {
    if *left == 0 {
        return Vec::new();
    }
    let described = describe(v, n);
    if described.is_some() {
        *left -= 1;
    }
    let children: Vec<OutlineItem> = n.children.iter().flat_map(|c| item(v, c, left)).collect();
    let Some((mut name, kind)) = described else {
        // a node left out hands its children up (footnotes inside the heading)
        return children;
    };
    if name.trim().is_empty() {
        name = n.kind.name().to_string();
    }
    let range = v.range(&n.range);
    let sel = n
        .label_range
        .clone()
        .or_else(|| n.lead.as_ref().map(|l| l.range.clone()))
        .filter(|r| r.start >= n.range.start && r.end <= n.range.end)
        .unwrap_or(n.range.start..n.range.start);
    #[allow(deprecated)]
    let it = OutlineItem {
        name,
        detail: n
            .lead
            .as_ref()
            .map(|l| format!("{:?}", l.class).to_lowercase()),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: v.range(&sel),
        children: if children.is_empty() {
            None
        } else {
            Some(children)
        },
    };
    vec![it]
}

fn outline(v: &Snapshot) -> Vec<OutlineItem> {
    let mut left = MAX_SYMBOLS;
    v.tree()
        .nodes
        .iter()
        .flat_map(|n| item(v, n, &mut left))
        .collect()
}

fn flatten(
    items: Vec<OutlineItem>,
    container: Option<&str>,
    uri: &Uri,
    out: &mut Vec<lsp::SymbolInformation>,
) {
    for it in items {
        #[allow(deprecated)]
        out.push(lsp::SymbolInformation {
            name: it.name.clone(),
            kind: it.kind,
            tags: None,
            deprecated: None,
            location: lsp::Location::new(uri.clone(), it.range),
            container_name: container.map(str::to_string),
        });
        if let Some(c) = it.children {
            flatten(c, Some(&it.name), uri, out);
        }
    }
}

/// The outline kept for the current version, else built from a snapshot
/// and kept.
pub(crate) fn run(
    sh: &Shared,
    p: lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let uri = p.text_document.uri;
    let docs = sh.documents();
    let hier = sh.session().neg().hierarchical_symbols;
    let gen_ = sh.session().config_gen();
    let version = docs.version_of(&uri)?;
    if let Some(c) = docs.outline(&uri, (version, gen_, hier)) {
        return Some((*c).clone());
    }
    let v = sh.snapshot(&uri)?;
    let items = outline(&v);
    let resp = if hier {
        lsp::DocumentSymbolResponse::Nested(items)
    } else {
        let mut flat = Vec::new();
        flatten(items, None, &uri, &mut flat);
        lsp::DocumentSymbolResponse::Flat(flat)
    };
    // cache only what belongs to the version asked about
    if v.version() == version && docs.version_of(&uri) == Some(version) {
        docs.keep_outline(uri, (version, gen_, hier), Arc::new(resp.clone()));
    }
    Some(resp)
}
