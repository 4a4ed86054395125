//! `textDocument/semanticTokens/full`, `/full/delta` and `/range`.
//!
//! Every full answer carries a result id and is kept per document; a delta
//! request naming the last id gets the edits from it (standard LSP encoding:
//! offsets and counts in integers, five per token), so an edit on a large
//! document sends the few tokens around it, not the whole array again.
//!
//! Standard token types, so that every theme colours them: lead phrases are
//! `keyword` (with the `declaration` modifier on preambular leads, which UN
//! style italicises, and `definition` on operative ones), paragraph numbers
//! `number`, sub-paragraph labels `enumMember`, citations `type`, document
//! symbols `namespace`, dates `string`, footnote markers `decorator`.

use super::{View, with_view};
use crate::convert;
use crate::state::Shared;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tower_lsp_server::ls_types as lsp;
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::tree::NodeKind;

pub const TYPES: &[lsp::SemanticTokenType] = &[
    lsp::SemanticTokenType::KEYWORD,
    lsp::SemanticTokenType::NUMBER,
    lsp::SemanticTokenType::ENUM_MEMBER,
    lsp::SemanticTokenType::TYPE,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::STRING,
    lsp::SemanticTokenType::DECORATOR,
];
pub const MODIFIERS: &[lsp::SemanticTokenModifier] = &[
    lsp::SemanticTokenModifier::DECLARATION,
    lsp::SemanticTokenModifier::DEFINITION,
];

const LEAD: u32 = 0;
const NUMBER: u32 = 1;
const LABEL: u32 = 2;
const CITATION: u32 = 3;
const SYMBOL: u32 = 4;
const DATE: u32 = 5;
const FOOTNOTE: u32 = 6;

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// Byte ranges with (type, modifiers), sorted, without overlaps.
pub fn spans(v: &View) -> Vec<(Range<usize>, u32, u32)> {
    let t = v.doc.tree();
    let mut s: Vec<(Range<usize>, u32, u32)> = Vec::new();
    t.walk(|n, _| {
        if let Some(l) = &n.lead {
            let m = match l.class {
                LeadClass::Preambular => 1,
                LeadClass::Operative => 2,
            };
            s.push((l.range.clone(), LEAD, m));
        }
        if let Some(r) = &n.label_range {
            match n.kind {
                NodeKind::Operative | NodeKind::Paragraph => s.push((r.clone(), NUMBER, 0)),
                NodeKind::Subparagraph => s.push((r.clone(), LABEL, 0)),
                NodeKind::Footnote => s.push((r.clone(), FOOTNOTE, 0)),
                _ => {}
            }
        }
    });
    for c in &t.citations {
        s.push((c.range.clone(), CITATION, 0));
    }
    for y in &t.symbols {
        s.push((y.range.clone(), SYMBOL, 0));
    }
    for d in &t.dates {
        s.push((d.range.clone(), DATE, 0));
    }
    for f in &t.footnote_refs {
        s.push((f.range.clone(), FOOTNOTE, 0));
    }
    s.retain(|(r, _, _)| r.start < r.end);
    s.sort_by_key(|(r, ty, _)| (r.start, *ty));
    let mut out: Vec<(Range<usize>, u32, u32)> = Vec::with_capacity(s.len());
    for x in s {
        if out.last().is_some_and(|l| l.0.end > x.0.start) {
            continue;
        }
        out.push(x);
    }
    out
}

fn encode(
    v: &View,
    spans: &[(Range<usize>, u32, u32)],
    multiline: bool,
) -> Vec<lsp::SemanticToken> {
    let text = v.text();
    let rope = v.rope();
    let mut out = Vec::with_capacity(spans.len());
    let (mut pl, mut pc) = (0u32, 0u32);
    let mut push = |r: Range<usize>, ty: u32, m: u32| {
        let Some(piece) = text.get(r.clone()) else {
            return;
        };
        let p = convert::position(rope, r.start, v.enc);
        let dl = p.line - pl;
        let dc = if dl == 0 {
            p.character - pc
        } else {
            p.character
        };
        out.push(lsp::SemanticToken {
            delta_line: dl,
            delta_start: dc,
            length: convert::len_units(piece, v.enc),
            token_type: ty,
            token_modifiers_bitset: m,
        });
        pl = p.line;
        pc = p.character;
    };
    for (r, ty, m) in spans {
        let piece = &text[r.clone()];
        if multiline || !piece.contains(['\n', '\r']) {
            push(r.clone(), *ty, *m);
            continue;
        }
        // one token per line
        let mut start = r.start;
        for line in piece.split_inclusive(['\n', '\r']) {
            let content = line.trim_end_matches(['\n', '\r']);
            if !content.is_empty() {
                push(start..start + content.len(), *ty, *m);
            }
            start += line.len();
        }
    }
    out
}

/// The tokens of the document as it is now (`None` when it is not open).
fn current(sh: &Shared, uri: &lsp::Uri) -> Option<Vec<lsp::SemanticToken>> {
    let multiline = sh.neg().multiline_tokens;
    with_view(sh, uri, |v| Some(encode(v, &spans(v), multiline)))
}

/// Keep `data` as the document's last answer under a new result id.
fn remember(sh: &Shared, uri: &lsp::Uri, data: Arc<Vec<lsp::SemanticToken>>) -> String {
    let id = sh
        .semantic_tokens_ids
        .fetch_add(1, Ordering::Relaxed)
        .to_string();
    sh.semantic_tokens.insert(uri.clone(), (id.clone(), data));
    id
}

pub fn full(sh: &Shared, p: lsp::SemanticTokensParams) -> Option<lsp::SemanticTokensResult> {
    let uri = p.text_document.uri;
    let data = Arc::new(current(sh, &uri)?);
    let id = remember(sh, &uri, data.clone());
    Some(lsp::SemanticTokensResult::Tokens(lsp::SemanticTokens {
        result_id: Some(id),
        data: Arc::unwrap_or_clone(data),
    }))
}

pub fn full_delta(
    sh: &Shared,
    p: lsp::SemanticTokensDeltaParams,
) -> Option<lsp::SemanticTokensFullDeltaResult> {
    let uri = p.text_document.uri;
    let data = Arc::new(current(sh, &uri)?);
    let previous = sh
        .semantic_tokens
        .get(&uri)
        .filter(|e| e.0 == p.previous_result_id)
        .map(|e| e.1.clone());
    let id = remember(sh, &uri, data.clone());
    Some(match previous {
        Some(old) => lsp::SemanticTokensFullDeltaResult::TokensDelta(lsp::SemanticTokensDelta {
            result_id: Some(id),
            edits: delta(&old, &data).into_iter().collect(),
        }),
        // an id we no longer hold (or never gave): the whole array
        None => lsp::SemanticTokensFullDeltaResult::Tokens(lsp::SemanticTokens {
            result_id: Some(id),
            data: Arc::unwrap_or_clone(data),
        }),
    })
}

/// The one edit turning `old` into `new`: the tokens between their common
/// beginning and common end replaced. Tokens are relative to the one before,
/// so an edit changes the tokens it touches and the first one after it; the
/// rest is equal. `start` and `delete_count` count integers (five a token).
pub fn delta(
    old: &[lsp::SemanticToken],
    new: &[lsp::SemanticToken],
) -> Option<lsp::SemanticTokensEdit> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let removed = old.len() - prefix - suffix;
    let inserted = &new[prefix..new.len() - suffix];
    if removed == 0 && inserted.is_empty() {
        return None;
    }
    Some(lsp::SemanticTokensEdit {
        start: (prefix * 5) as u32,
        delete_count: (removed * 5) as u32,
        data: (!inserted.is_empty()).then(|| inserted.to_vec()),
    })
}

pub fn range(
    sh: &Shared,
    p: lsp::SemanticTokensRangeParams,
) -> Option<lsp::SemanticTokensRangeResult> {
    let multiline = sh.neg().multiline_tokens;
    with_view(sh, &p.text_document.uri, |v| {
        let want = convert::byte_range(v.rope(), p.range, v.enc);
        let s: Vec<_> = spans(v)
            .into_iter()
            .filter(|(r, _, _)| r.start < want.end && want.start < r.end)
            .collect();
        Some(lsp::SemanticTokensRangeResult::Tokens(
            lsp::SemanticTokens {
                result_id: None,
                data: encode(v, &s, multiline),
            },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::delta;
    use tower_lsp_server::ls_types::SemanticToken;

    fn t(line: u32, start: u32, len: u32) -> SemanticToken {
        SemanticToken {
            delta_line: line,
            delta_start: start,
            length: len,
            token_type: 0,
            token_modifiers_bitset: 0,
        }
    }

    /// The five integers of a token, as the protocol sends them.
    fn token_ints(x: &SemanticToken) -> [u32; 5] {
        [
            x.delta_line,
            x.delta_start,
            x.length,
            x.token_type,
            x.token_modifiers_bitset,
        ]
    }

    /// Applies an edit the way a client does, on the integers.
    fn apply(
        old: &[SemanticToken],
        e: &tower_lsp_server::ls_types::SemanticTokensEdit,
    ) -> Vec<u32> {
        let mut ints: Vec<u32> = old.iter().flat_map(token_ints).collect();
        let data: Vec<u32> = e.data.iter().flatten().flat_map(token_ints).collect();
        let (s, d) = (e.start as usize, e.delete_count as usize);
        ints.splice(s..s + d, data);
        ints
    }

    #[test]
    fn the_edit_covers_what_changed_and_applies() {
        let old = vec![t(0, 0, 3), t(1, 2, 4), t(0, 6, 2), t(3, 0, 5)];
        let mut new = old.clone();
        new[1].length = 5; // a word grew
        new[2].delta_start = 7; // so the next token moved
        let e = delta(&old, &new).unwrap();
        assert_eq!((e.start, e.delete_count), (5, 10));
        let flat: Vec<u32> = new.iter().flat_map(token_ints).collect();
        assert_eq!(apply(&old, &e), flat);
        // a token removed, one added at the end, nothing changed
        let fewer = vec![old[0], old[2], old[3]];
        assert_eq!(apply(&old, &delta(&old, &fewer).unwrap()).len(), 15);
        let more = [old.clone(), vec![t(1, 0, 1)]].concat();
        let e = delta(&old, &more).unwrap();
        assert_eq!((e.start, e.delete_count), (20, 0));
        assert!(delta(&old, &old).is_none());
    }
}
