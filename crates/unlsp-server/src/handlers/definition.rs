//! `textDocument/definition`: a footnote marker → its footnote; `paragraph 5 above`, `第 5 段`
//! → that operative paragraph; a cited resolution → the workspace document that
//! is it ([`ActSource`]), else the reference-folder document that is it, else
//! no location: a web page is no definition, and editors asked to open one
//! break (its undocs.org link is in the hover and the document links);
//! `paragraph 3 of resolution
//! 61/100` → paragraph 3 of that document (workspace, then reference folders).
//! Other documents are read from disk: on a blocking thread.

use super::common::{footnote_by_number, location_in, operative_by_label, ref_location, touches};
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::ops::Range;
use tower_lsp_server::ls_types as lsp;
use unlsp_index::workspace::{ActKey, ActSource};

/// What is under the cursor, for navigation.
enum Target {
    Footnote { number: u32, at: usize },
    Paragraph { label: String, at: usize },
    ParagraphOf { label: String, key: ActKey },
    Act { key: ActKey },
}

fn target_at(v: &Snapshot, o: usize) -> Option<Target> {
    let t = v.tree();
    if let Some(r) = t.footnote_refs.iter().find(|r| touches(&r.range, o)) {
        return Some(Target::Footnote {
            number: r.number,
            at: r.range.start,
        });
    }
    if let Some(r) = t
        .paragraph_refs
        .iter()
        .find(|r| touches(&r.number_range, o) || touches(&r.range, o))
    {
        return Some(match &r.of_citation {
            None => Target::Paragraph {
                label: r.number.to_string(),
                at: r.range.start,
            },
            Some(c) => Target::ParagraphOf {
                label: r.number.to_string(),
                key: ActKey::new(c),
            },
        });
    }
    if let Some(c) = t.citations.iter().find(|c| touches(&c.range, o)) {
        return Some(Target::Act {
            key: ActKey::new(&c.target),
        });
    }
    None
}

pub(crate) fn run(
    sh: &Shared,
    v: &Snapshot,
    p: lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let o = v.offset(p.text_document_position_params.position);
    let t = v.tree();
    let locs = match target_at(v, o)? {
        Target::Footnote { number, at } => {
            let f = footnote_by_number(t, number, at)?;
            vec![v.location(&f.range)]
        }
        Target::Paragraph { label, at } => {
            let n = operative_by_label(t, &label, at)?;
            vec![v.location(&n.range)]
        }
        Target::ParagraphOf { label, key } => paragraph_of(sh, &label, &key),
        Target::Act { key } => act(sh, v, &key),
    };
    if locs.is_empty() {
        None
    } else {
        Some(lsp::GotoDefinitionResponse::Array(locs))
    }
}

/// The documents that are the act `key`: in the workspace, else in the
/// reference folders (never the document asked from).
fn act(sh: &Shared, v: &Snapshot, key: &ActKey) -> Vec<lsp::Location> {
    let found = sh.index().find_act(key);
    let mut l: Vec<lsp::Location> = found
        .iter()
        .filter(|t| t.id != v.uri().as_str())
        .filter_map(|t| location_in(sh, &t.id, &t.range))
        .collect();
    if l.is_empty() {
        l = sh
            .refs()
            .find_act(key)
            .iter()
            .filter_map(|t| ref_location(sh, &t.id, &t.range))
            .filter(|loc| &loc.uri != v.uri())
            .collect();
    }
    l
}

/// Paragraph `label` of the act `key` (the document itself when it has no
/// such paragraph): in the workspace, else in the reference folders.
fn paragraph_of(sh: &Shared, label: &str, key: &ActKey) -> Vec<lsp::Location> {
    let targets: Vec<(String, Range<usize>)> = {
        let ix = sh.index();
        ix.documents_for(key)
            .into_iter()
            .map(|f| {
                (
                    f.id.clone(),
                    f.paragraph(label).or(f.self_range.clone()).unwrap_or(0..0),
                )
            })
            .collect()
    };
    let mut l: Vec<lsp::Location> = targets
        .iter()
        .filter_map(|(id, r)| location_in(sh, id, r))
        .collect();
    if l.is_empty() {
        let refs = sh.refs();
        l = refs
            .index()
            .documents_for(key)
            .into_iter()
            .filter_map(|f| {
                let r = f.paragraph(label).or(f.self_range.clone()).unwrap_or(0..0);
                ref_location(sh, &f.id, &r)
            })
            .collect();
    }
    l
}
