//! `textDocument/inlayHint`: after a citation that gives no date, the cited
//! resolution's adoption date (written as the document writes dates) and short
//! title from the catalogue, where known.

use super::common::{catalogue_entry, cjk_dates_spaced};
use crate::convert;
use crate::excerpt::first_words;
use crate::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;
use unlsp_syntax::dates::Date;
use unlsp_syntax::tree::CitationKind;

pub(crate) fn run(v: &Snapshot, p: lsp::InlayHintParams) -> Option<Vec<lsp::InlayHint>> {
    let want = v.byte_range(p.range);
    let t = v.tree();
    let lang = v.lang();
    let spaced = cjk_dates_spaced(v);
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
        // the date as the document writes dates, never ISO inside prose
        let date = match e.date.as_deref().and_then(Date::from_iso) {
            Some(d) => Some(d.written(lang, spaced)),
            None => e.month.clone(),
        };
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
            position: convert::position(v.rope(), c.range.end, v.enc()),
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
}
