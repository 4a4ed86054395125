//! `workspace/symbol`: every resolution the server knows (open, in the
//! workspace, in the reference folders, then in the bundled catalogue) whose
//! number, symbol or title contains the query.

use crate::convert::path_to_uri;
use crate::state::Shared;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};

/// `workspace/symbol`: every indexed or open resolution whose number, symbol
/// or title contains the query (case-insensitive).
pub(crate) fn run(
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
    let enc = sh.session().enc();
    let mut out = Vec::new();
    for (id, name, symbol, r) in hits {
        let Ok(uri) = Uri::from_str(&id) else {
            continue;
        };
        // open documents convert with their text; others get a line-0 range
        // (resolved lazily by clients that open the file)
        let range = sh
            .documents()
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
