//! `textDocument/documentLink`: every document symbol links to
//! `https://undocs.org/<lang>/<symbol>`; a cited resolution the catalogue knows
//! links to its symbol's page too.

use super::common::catalogue_entry;
use crate::snapshot::Snapshot;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};

fn undocs(lang: &str, symbol: &str) -> Option<Uri> {
    let s: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || !s.is_ascii() {
        return None;
    }
    Uri::from_str(&format!("https://undocs.org/{lang}/{s}")).ok()
}

pub(crate) fn run(v: &Snapshot, _: lsp::DocumentLinkParams) -> Option<Vec<lsp::DocumentLink>> {
    let t = v.tree();
    let lang = t.lang.code();
    let mut out: Vec<(std::ops::Range<usize>, Uri, String)> = Vec::new();
    // the masthead symbol (not among the symbols of the text)
    if let (Some(s), Some(r)) = (&t.meta.symbol, &t.meta.symbol_range)
        && let Some(u) = undocs(lang, s)
    {
        out.push((r.clone(), u, format!("Open {s} on undocs.org")));
    }
    for s in &t.symbols {
        if out
            .iter()
            .any(|(r, _, _)| r.start < s.range.end && s.range.start < r.end)
        {
            continue;
        }
        if let Some(u) = undocs(lang, &s.canonical) {
            out.push((
                s.range.clone(),
                u,
                format!("Open {} on undocs.org", s.canonical),
            ));
        }
    }
    for c in &t.citations {
        if out
            .iter()
            .any(|(r, _, _)| r.start < c.range.end && c.range.start < r.end)
        {
            continue;
        }
        if let Some(e) = catalogue_entry(c)
            && let Some(u) = undocs(lang, &e.symbol)
        {
            out.push((
                c.range.clone(),
                u,
                format!("Open {} on undocs.org", e.symbol),
            ));
        }
    }
    out.sort_by_key(|(r, _, _)| r.start);
    Some(
        out.into_iter()
            .map(|(r, u, tip)| lsp::DocumentLink {
                range: v.range(&r),
                target: Some(u),
                tooltip: Some(tip),
                data: None,
            })
            .collect(),
    )
}
