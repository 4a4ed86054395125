//! `textDocument/definition` and `textDocument/references`.
//!
//! Definition: a footnote marker → its footnote; `paragraph 5 above`, `第 5 段`
//! → that operative paragraph; a cited resolution → the workspace document that
//! is it ([`ActSource`]), else the reference-folder document that is it, else
//! no location: a web page is no definition, and editors asked to open one
//! break (its undocs.org link is in the hover and the document links);
//! `paragraph 3 of resolution
//! 61/100` → paragraph 3 of that document (workspace, then reference folders).
//! References span the open documents, the workspace and the reference folders.

use super::{View, footnote_by_number, location_in, operative_by_label, touches, with_view};
use crate::convert;
use crate::state::{Shared, path_to_uri};
use std::ops::Range;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_index::workspace::{ActKey, ActSource};
use unlsp_syntax::tree::NodeKind;

/// What is under the cursor, for navigation.
enum Target {
    Footnote { number: u32, at: usize },
    Paragraph { label: String, at: usize },
    ParagraphOf { label: String, key: ActKey },
    Act { key: ActKey },
}

fn target_at(v: &View, o: usize) -> Option<Target> {
    let t = v.doc.tree();
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

pub fn definition(
    sh: &Shared,
    p: lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let uri = p.text_document_position_params.text_document.uri;
    let pos = p.text_document_position_params.position;
    // local answers are computed under the guard; cross-document ones after it
    enum Step {
        Done(Vec<lsp::Location>),
        Act(ActKey),
        ParagraphOf(String, ActKey),
    }
    let step = with_view(sh, &uri, |v| {
        let o = v.offset(pos);
        let t = v.doc.tree();
        Some(match target_at(v, o)? {
            Target::Footnote { number, at } => {
                let f = footnote_by_number(t, number, at)?;
                Step::Done(vec![v.location(&f.range)])
            }
            Target::Paragraph { label, at } => {
                let n = operative_by_label(t, &label, at)?;
                Step::Done(vec![v.location(&n.range)])
            }
            Target::ParagraphOf { label, key } => Step::ParagraphOf(label, key),
            Target::Act { key } => Step::Act(key),
        })
    })?;
    let locs = match step {
        Step::Done(l) => l,
        Step::Act(key) => {
            let found = sh.index().find_act(&key);
            let mut l: Vec<lsp::Location> = found
                .iter()
                .filter(|t| t.id != uri.as_str())
                .filter_map(|t| location_in(sh, &t.id, &t.range))
                .collect();
            if l.is_empty() {
                l = sh
                    .refs()
                    .find_act(&key)
                    .iter()
                    .filter_map(|t| ref_location(sh, &t.id, &t.range))
                    .filter(|loc| loc.uri != uri)
                    .collect();
            }
            l
        }
        Step::ParagraphOf(label, key) => {
            let targets: Vec<(String, Range<usize>)> = {
                let ix = sh.index();
                ix.documents_for(&key)
                    .into_iter()
                    .map(|f| {
                        (
                            f.id.clone(),
                            f.paragraph(&label).or(f.self_range.clone()).unwrap_or(0..0),
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
                    .documents_for(&key)
                    .into_iter()
                    .filter_map(|f| {
                        let r = f.paragraph(&label).or(f.self_range.clone()).unwrap_or(0..0);
                        ref_location(sh, &f.id, &r)
                    })
                    .collect();
            }
            l
        }
    };
    if locs.is_empty() {
        None
    } else {
        Some(lsp::GotoDefinitionResponse::Array(locs))
    }
}

pub fn references(sh: &Shared, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let uri = p.text_document_position.text_document.uri;
    let pos = p.text_document_position.position;
    let decl = p.context.include_declaration;
    enum Step {
        Done(Vec<lsp::Location>),
        Act(ActKey),
    }
    let step = with_view(sh, &uri, |v| {
        let o = v.offset(pos);
        let t = v.doc.tree();
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
        let label = op.label.clone()?;
        let mut l: Vec<lsp::Location> = t
            .paragraph_refs
            .iter()
            .filter(|r| r.of_citation.is_none() && r.number.to_string() == label)
            .map(|r| v.location(&r.number_range))
            .collect();
        if decl {
            l.push(v.location(op.label_range.as_ref()?));
        }
        Some(Step::Done(l))
    })?;
    let key = match step {
        Step::Done(l) => return Some(l),
        Step::Act(k) => k,
    };
    Some(act_references(sh, &key, decl))
}

/// Every citation of `key` in the open documents and the workspace index.
pub fn act_references(sh: &Shared, key: &ActKey, decl: bool) -> Vec<lsp::Location> {
    let enc = sh.enc();
    let alt = key.without_year();
    let matches = |k: &ActKey| {
        k == key
            || alt
                .as_ref()
                .is_some_and(|a| k == a || k.without_year().as_ref() == Some(a))
    };
    let mut out = Vec::new();
    let mut open_ids = Vec::new();
    for e in sh.docs.iter() {
        open_ids.push(e.key().as_str().to_string());
        let Some(d) = e.value().doc() else { continue };
        for c in &d.tree().citations {
            if matches(&ActKey::new(&c.target)) {
                out.push(lsp::Location::new(
                    e.key().clone(),
                    convert::range(d.rope(), &c.range, enc),
                ));
            }
        }
    }
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

/// A location in a reference-folder document (its id is its path), converted
/// with its text (the open copy when it is open).
pub fn ref_location(sh: &Shared, path: &str, r: &Range<usize>) -> Option<lsp::Location> {
    let uri = path_to_uri(std::path::Path::new(path))?;
    location_in(sh, uri.as_str(), r)
}
