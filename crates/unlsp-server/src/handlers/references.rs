//! `textDocument/references`: the markers of a footnote, the `paragraph N
//! above` references of an operative paragraph, the citations of an act
//! (under the cursor, or the document's own number or symbol) across the open
//! documents, the workspace and the reference folders. Other documents are
//! read from disk: on a blocking thread.

use super::common::{footnote_by_number, touches};
use crate::convert::{self, path_to_uri};
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::ops::Range;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_index::workspace::{ActKey, ActSource};
use unlsp_syntax::tree::NodeKind;

pub(crate) fn run(
    sh: &Shared,
    v: &Snapshot,
    p: lsp::ReferenceParams,
) -> Option<Vec<lsp::Location>> {
    let decl = p.context.include_declaration;
    let key = match local(v, v.offset(p.text_document_position.position), decl)? {
        Step::Done(l) => return Some(l),
        Step::Act(k) => k,
    };
    Some(act_references(sh, &key, decl))
}

/// What references are asked for at `o`: answered within the document, or
/// the citations of an act.
enum Step {
    Done(Vec<lsp::Location>),
    Act(ActKey),
}

fn local(v: &Snapshot, o: usize, decl: bool) -> Option<Step> {
    let t = v.tree();
    // a footnote (its label or its text) or one of its markers
    let footnote = t
        .footnote_refs
        .iter()
        .find(|r| touches(&r.range, o))
        .map(|r| r.number)
        .or_else(|| {
            t.path_at(o)
                .iter()
                .rev()
                .find(|n| n.kind == NodeKind::Footnote)
                .and_then(|n| n.label.as_ref()?.parse().ok())
        });
    if let Some(num) = footnote {
        let mut l: Vec<lsp::Location> = t
            .footnote_refs
            .iter()
            .filter(|r| r.number == num)
            .map(|r| v.location(&r.range))
            .collect();
        if decl && let Some(f) = footnote_by_number(t, num, 0) {
            l.push(v.location(f.label_range.as_ref().unwrap_or(&f.range)));
        }
        return Some(Step::Done(l));
    }
    if let Some(c) = t.citations.iter().find(|c| touches(&c.range, o)) {
        return Some(Step::Act(ActKey::new(&c.target)));
    }
    // the document's own number or symbol: citations of this document
    let m = &t.meta;
    let own = [&m.number_range, &m.symbol_range]
        .into_iter()
        .flatten()
        .any(|r| touches(r, o));
    if own && let Some(n) = m.number.as_ref().or(m.symbol.as_ref()) {
        return Some(Step::Act(ActKey::new(n)));
    }
    // an operative paragraph number: its `paragraph N above` references
    let op = t
        .nodes_of(NodeKind::Operative)
        .into_iter()
        .find(|n| n.label_range.as_ref().is_some_and(|r| touches(r, o)))?;
    let label = op.label?;
    let mut l: Vec<lsp::Location> = t
        .paragraph_refs
        .iter()
        .filter(|r| r.of_citation.is_none() && r.number.to_string() == *label)
        .map(|r| v.location(&r.number_range))
        .collect();
    if decl {
        l.push(v.location(op.label_range.as_ref()?));
    }
    Some(Step::Done(l))
}

/// Every citation of `key` in the open documents and the workspace index.
fn act_references(sh: &Shared, key: &ActKey, decl: bool) -> Vec<lsp::Location> {
    let enc = sh.session().enc();
    let alt = key.without_year();
    let matches = |k: &ActKey| {
        k == key
            || alt
                .as_ref()
                .is_some_and(|a| k == a || k.without_year().as_ref() == Some(a))
    };
    let mut out = Vec::new();
    let mut open_ids = Vec::new();
    sh.documents().for_each(|uri, od| {
        open_ids.push(uri.as_str().to_string());
        let Some(d) = od.doc() else { return };
        for c in &d.tree().citations {
            if matches(&ActKey::new(&c.target)) {
                out.push(lsp::Location::new(
                    uri.clone(),
                    convert::range(d.rope(), &c.range, enc),
                ));
            }
        }
    });
    let (elsewhere, selves): (
        Vec<(String, Range<usize>)>,
        Vec<unlsp_index::workspace::Target>,
    ) = {
        let ix = sh.index();
        (
            ix.citations_of(key),
            if decl { ix.find_act(key) } else { Vec::new() },
        )
    };
    // then the reference folders (ids are paths), unless also open or in the
    // workspace
    let refs = sh.refs();
    let ref_hits = refs
        .index()
        .citations_of(key)
        .into_iter()
        .chain(
            if decl { refs.find_act(key) } else { Vec::new() }
                .into_iter()
                .map(|t| (t.id, t.range)),
        )
        .filter_map(|(p, r)| {
            Some((
                path_to_uri(std::path::Path::new(&p))?.as_str().to_string(),
                r,
            ))
        });
    let mut seen_ids: std::collections::HashSet<String> = open_ids.iter().cloned().collect();
    let ws: Vec<(String, Range<usize>)> = elsewhere
        .into_iter()
        .filter(|(id, _)| !open_ids.contains(id))
        .chain(selves.into_iter().map(|t| (t.id, t.range)))
        .collect();
    seen_ids.extend(ws.iter().map(|(id, _)| id.clone()));
    let ref_hits: Vec<(String, Range<usize>)> =
        ref_hits.filter(|(id, _)| !seen_ids.contains(id)).collect();
    let mut last: Option<(String, ropey::Rope)> = None;
    for (id, r) in ws.into_iter().chain(ref_hits) {
        let Ok(u) = Uri::from_str(&id) else { continue };
        if last.as_ref().map(|(i, _)| i != &id).unwrap_or(true) {
            let Some(rope) = sh.rope_of(&u) else { continue };
            last = Some((id.clone(), rope));
        }
        let rope = &last.as_ref().unwrap().1;
        out.push(lsp::Location::new(u, convert::range(rope, &r, enc)));
    }
    out
}
