//! Semantic tokens, shared by `textDocument/semanticTokens/full`,
//! `/full/delta` and `/range`.
//!
//! Standard token types, so that every theme colours them: lead phrases are
//! `keyword` (with the `declaration` modifier on preambular leads, which UN
//! style italicises, and `definition` on operative ones), paragraph numbers
//! `number`, sub-paragraph labels `enumMember`, citations `type`, document
//! symbols `namespace`, dates `string`, footnote markers `decorator`.

use crate::convert;
use crate::snapshot::Snapshot;
use std::ops::Range;
use tower_lsp_server::ls_types as lsp;
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::tree::NodeKind;

const TYPES: &[lsp::SemanticTokenType] = &[
    lsp::SemanticTokenType::KEYWORD,
    lsp::SemanticTokenType::NUMBER,
    lsp::SemanticTokenType::ENUM_MEMBER,
    lsp::SemanticTokenType::TYPE,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::STRING,
    lsp::SemanticTokenType::DECORATOR,
];
const MODIFIERS: &[lsp::SemanticTokenModifier] = &[
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

pub(crate) fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// Byte ranges with (type, modifiers), sorted, without overlaps.
pub(crate) fn spans(v: &Snapshot) -> Vec<(Range<usize>, u32, u32)> {
    let t = v.tree();
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

pub(crate) fn encode(
    v: &Snapshot,
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
        let p = convert::position(rope, r.start, v.enc());
        let dl = p.line - pl;
        let dc = if dl == 0 {
            p.character - pc
        } else {
            p.character
        };
        out.push(lsp::SemanticToken {
            delta_line: dl,
            delta_start: dc,
            length: convert::len_units(piece, v.enc()),
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

/// The tokens of the whole document.
pub(crate) fn current(v: &Snapshot) -> Vec<lsp::SemanticToken> {
    encode(v, &spans(v), v.client().multiline_tokens)
}
