//! `textDocument/inlayHint`: after a citation that gives no date, the cited
//! resolution's adoption date and short title from the catalogue, where known.

use super::{catalogue_entry, first_words, with_view};
use crate::server::convert;
use crate::server::state::Shared;
use crate::syntax::tree::CitationKind;
use tower_lsp_server::ls_types as lsp;

pub fn inlay_hint(sh: &Shared, p: lsp::InlayHintParams) -> Option<Vec<lsp::InlayHint>> {
    with_view(sh, &p.text_document.uri, |v| {
        let want = convert::byte_range(v.rope(), p.range, v.enc);
        let t = v.doc.tree();
        let mut out = Vec::new();
        for c in &t.citations {
            if c.range.end < want.start || c.range.start > want.end {
                continue;
            }
            // a list shares its date: only the list's last item carries it
            let list_dated = t
                .citations
                .iter()
                .any(|o| o.list == c.list && o.date.is_some());
            if c.date.is_some() || list_dated || c.kind == CitationKind::Document || c.in_footnote {
                continue;
            }
            let Some(e) = catalogue_entry(c) else {
                continue;
            };
            let date = e.date.clone().or(e.month.clone());
            let title = e
                .title
                .as_ref()
                .filter(|_| e.title_is_official())
                .map(|t| first_words(t, 48));
            let label = match (date, title) {
                (Some(d), Some(t)) => format!(" ({d}, {t})"),
                (Some(d), None) => format!(" ({d})"),
                (None, Some(t)) => format!(" ({t})"),
                (None, None) => continue,
            };
            out.push(lsp::InlayHint {
                position: convert::position(v.rope(), c.range.end, v.enc),
                label: lsp::InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: Some(lsp::InlayHintTooltip::String(format!(
                    "{} — {}",
                    e.symbol,
                    e.title.clone().unwrap_or_else(|| "title not known".into())
                ))),
                padding_left: Some(false),
                padding_right: Some(false),
                data: None,
            });
        }
        Some(out)
    })
}
