//! `textDocument/semanticTokens/full/delta`: the edits from the tokens last
//! sent under the result id the client names (standard LSP encoding: offsets
//! and counts in integers, five per token), so that an edit on a large
//! document sends the few tokens around it, not the whole array again; the
//! whole array when that id is no longer held.

use super::semantic_tokens::current;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

pub(crate) fn run(
    sh: &Shared,
    v: &Snapshot,
    p: lsp::SemanticTokensDeltaParams,
) -> Option<lsp::SemanticTokensFullDeltaResult> {
    let data = Arc::new(current(v));
    let docs = sh.documents();
    let previous = docs.tokens(v.uri(), &p.previous_result_id);
    let id = docs.keep_tokens(v.uri(), data.clone());
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
fn delta(
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
