//! The Markdown lines `fmt` never touches.

use std::ops::Range;
use unlsp_syntax::Document;
use unlsp_syntax::lexer::{BlockKind, FurnitureKind};

/// Markdown markup that formatting keeps as it is, as whole lines: front
/// matter, HTML comments (over several lines too), lines holding a `#`
/// heading marker or a `---` fence, and `[^n]:` footnote definitions.
pub(crate) fn verbatim_ranges(doc: &Document) -> Vec<Range<usize>> {
    let text = doc.text();
    let line_of = |at: usize| -> Range<usize> {
        let s = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let e = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
        s..e
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    if text.starts_with("---")
        && line_of(0).len() == 3
        && let Some(end) = text[3..].find("\n---").map(|i| i + 4)
    {
        out.push(0..line_of(end).end);
    }
    for b in doc.blocks() {
        let markup = matches!(
            b.kind,
            BlockKind::Furniture(
                FurnitureKind::Markup | FurnitureKind::Fence | FurnitureKind::CommentOpen
            )
        );
        let footnote_def = matches!(b.kind, BlockKind::FootnoteDef { .. })
            && text[b.start..].trim_start().starts_with("[^");
        if markup || footnote_def {
            out.push(line_of(b.start));
        }
    }
    let mut from = 0;
    while let Some(i) = text[from..].find("<!--") {
        let s = from + i;
        let e = text[s..].find("-->").map_or(text.len(), |j| s + j + 3);
        out.push(line_of(s).start..line_of(e.min(text.len())).end);
        from = e.max(s + 4).min(text.len());
    }
    out.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in out {
        match merged.last_mut() {
            Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
