//! `textDocument/documentSymbol` (the outline: title, preamble, operative part,
//! footnotes, annexes) and `workspace/symbol` (every resolution the server
//! knows). The LSP outline item is called `OutlineItem` here so as not to clash
//! with the UN document symbol (`A/RES/61/100`).

use super::{View, body_after_label, first_words, with_view};
use crate::state::{Shared, path_to_uri};
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_syntax::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

type OutlineItem = lsp::DocumentSymbol;

/// The symbol kind of every paragraph-like item of the outline.
const PARAGRAPH: lsp::SymbolKind = lsp::SymbolKind::STRING;

fn words(lang: Lang) -> usize {
    if lang.is_cjk() { 24 } else { 60 }
}

/// Name and kind of a node in the outline; `None` for nodes left out.
fn describe(v: &View, n: &Node) -> Option<(String, lsp::SymbolKind)> {
    let text = v.text();
    let lang = v.doc.lang();
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
                n.label.clone().unwrap_or_default(),
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

fn item(v: &View, n: &Node) -> Vec<OutlineItem> {
    let children: Vec<OutlineItem> = n.children.iter().flat_map(|c| item(v, c)).collect();
    let Some((mut name, kind)) = describe(v, n) else {
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

pub fn outline(v: &View) -> Vec<OutlineItem> {
    v.doc.tree().nodes.iter().flat_map(|n| item(v, n)).collect()
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

pub fn document_symbol(
    sh: &Shared,
    p: lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let uri = p.text_document.uri;
    let hier = sh.neg().hierarchical_symbols;
    let gen_ = sh.config_gen.load(std::sync::atomic::Ordering::SeqCst);
    let version = sh.version_of(&uri);
    if let Some(v) = version
        && let Some(c) = sh.outlines.get(&uri)
        && (c.0, c.1, c.2) == (v, gen_, hier)
    {
        return Some((*c.3).clone());
    }
    let resp = with_view(sh, &uri, |v| {
        let items = outline(v);
        Some(if hier {
            lsp::DocumentSymbolResponse::Nested(items)
        } else {
            let mut flat = Vec::new();
            flatten(items, None, &uri, &mut flat);
            lsp::DocumentSymbolResponse::Flat(flat)
        })
    })?;
    // cache only what belongs to the version asked about (open documents)
    if let Some(v) = version
        && sh.version_of(&uri) == Some(v)
    {
        sh.outlines
            .insert(uri, (v, gen_, hier, std::sync::Arc::new(resp.clone())));
    }
    Some(resp)
}

/// `workspace/symbol`: every indexed or open resolution whose number, symbol
/// or title contains the query (case-insensitive).
pub fn workspace_symbol(
    sh: &Shared,
    p: lsp::WorkspaceSymbolParams,
) -> Option<lsp::WorkspaceSymbolResponse> {
    let q = p.query.to_lowercase();
    let pick = |f: &unlsp_index::workspace::FileFacts,
                id: String|
     -> Option<(String, String, Option<String>, std::ops::Range<usize>)> {
        if f.number.is_none() && f.symbol.is_none() && f.title.is_none() {
            return None;
        }
        let name = f.display_name();
        let hay = format!("{name} {}", f.symbol.clone().unwrap_or_default()).to_lowercase();
        if !q.is_empty() && !hay.contains(&q) {
            return None;
        }
        Some((
            id,
            name,
            f.symbol.clone(),
            f.self_range.clone().unwrap_or(0..0),
        ))
    };
    let mut hits: Vec<(String, String, Option<String>, std::ops::Range<usize>)> = {
        let ix = sh.index();
        let mut v: Vec<_> = ix.files().filter_map(|f| pick(f, f.id.clone())).collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v.truncate(MAX_SYMBOLS);
        v
    };
    // then the reference folders (not those also in the workspace)
    if hits.len() < MAX_SYMBOLS {
        let refs = sh.refs();
        let mut v: Vec<_> = refs
            .index()
            .files()
            .filter_map(|f| {
                let uri = path_to_uri(std::path::Path::new(&f.id))?;
                pick(f, uri.as_str().to_string())
            })
            .filter(|h| !hits.iter().any(|w| w.0 == h.0))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v.truncate(MAX_SYMBOLS - hits.len());
        hits.extend(v);
    }
    let enc = sh.enc();
    let mut out = Vec::new();
    for (id, name, symbol, r) in hits {
        let Ok(uri) = Uri::from_str(&id) else {
            continue;
        };
        // open documents convert with their text; others get a line-0 range
        // (resolved lazily by clients that open the file)
        let range = sh
            .with_doc(&uri, |d| crate::convert::range(d.rope(), &r, enc))
            .unwrap_or_default();
        #[allow(deprecated)]
        out.push(lsp::SymbolInformation {
            name: if name.is_empty() { id.clone() } else { name },
            kind: lsp::SymbolKind::FILE,
            tags: None,
            deprecated: None,
            location: lsp::Location::new(uri, range),
            container_name: symbol,
        });
    }
    // then the bundled catalogue (a query is needed: it holds thousands),
    // acts no document above is, pointing at their undocs.org page
    if q.chars().count() >= 2 {
        let known: std::collections::HashSet<String> = out
            .iter()
            .filter_map(|s| s.container_name.clone())
            .collect();
        for e in unlsp_index::catalogue::catalogue().entries() {
            if out.len() >= MAX_SYMBOLS + MAX_CATALOGUE_SYMBOLS {
                break;
            }
            let title = e.title.clone().unwrap_or_default();
            let hay = format!("{} {} {title}", e.number, e.symbol).to_lowercase();
            if !hay.contains(&q) || known.contains(&e.symbol) {
                continue;
            }
            let Ok(uri) = Uri::from_str(&e.undocs_url()) else {
                continue;
            };
            #[allow(deprecated)]
            out.push(lsp::SymbolInformation {
                name: format!("{} {title}", e.number).trim().to_string(),
                kind: lsp::SymbolKind::CONSTANT,
                tags: None,
                deprecated: None,
                location: lsp::Location::new(uri, lsp::Range::default()),
                container_name: Some(e.symbol.clone()),
            });
        }
    }
    Some(lsp::WorkspaceSymbolResponse::Flat(out))
}

const MAX_SYMBOLS: usize = 500;
const MAX_CATALOGUE_SYMBOLS: usize = 100;
