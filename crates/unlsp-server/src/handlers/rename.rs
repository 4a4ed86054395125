//! `textDocument/rename` on an operative
//! paragraph number: the paragraph takes the new number, the paragraphs after
//! it in the same run follow on, and `paragraph N above` / `第 N 段` references
//! to any renumbered paragraph are updated — one workspace edit.

use super::common::touches;
use crate::snapshot::Snapshot;
use std::collections::HashMap;
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types as lsp;
use unlsp_analysis::Edit;
use unlsp_syntax::tree::{Node, NodeKind, Tree};

/// Operative paragraphs in runs that number independently (sections restart).
fn runs(tree: &Tree) -> Vec<Vec<&Node>> {
    let mut runs: Vec<Vec<&Node>> = vec![Vec::new()];
    fn visit<'a>(n: &'a Node, runs: &mut Vec<Vec<&'a Node>>) {
        match n.kind {
            NodeKind::Section => {
                runs.push(Vec::new());
                for c in &n.children {
                    visit(c, runs);
                }
                runs.push(Vec::new());
            }
            NodeKind::Annex => {}
            NodeKind::Operative => runs.last_mut().unwrap().push(n),
            _ => {
                for c in &n.children {
                    visit(c, runs);
                }
            }
        }
    }
    for n in &tree.nodes {
        visit(n, &mut runs);
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// The numbered operative paragraph whose label is at `o`.
pub(crate) fn label_at(tree: &Tree, o: usize) -> Option<&Node> {
    tree.nodes_of(NodeKind::Operative).into_iter().find(|n| {
        n.label_range.as_ref().is_some_and(|r| touches(r, o))
            && n.label.as_ref().is_some_and(|l| l.parse::<u32>().is_ok())
    })
}

/// Edits that give the paragraph at `o` the number `new` and renumber the rest
/// of its run after it, with the references to them.
fn renumber_from(tree: &Tree, o: usize, new: u32) -> Option<Vec<Edit>> {
    let target = label_at(tree, o)?;
    let run = runs(tree)
        .into_iter()
        .find(|r| r.iter().any(|n| std::ptr::eq(*n, target)))?;
    let single_run = runs(tree).len() == 1;
    let mut edits = Vec::new();
    let mut map: HashMap<u32, u32> = HashMap::new();
    let mut next = new;
    let mut started = false;
    for n in run {
        started |= std::ptr::eq(n, target);
        if !started {
            continue;
        }
        let (Some(lr), Some(have)) = (
            &n.label_range,
            n.label.as_ref().and_then(|l| l.parse::<u32>().ok()),
        ) else {
            continue;
        };
        if have != next {
            edits.push(Edit {
                range: lr.clone(),
                text: next.to_string(),
            });
            map.entry(have).or_insert(next);
        }
        next += 1;
    }
    if single_run {
        for r in &tree.paragraph_refs {
            if r.of_citation.is_none()
                && let Some(n) = map.get(&r.number)
            {
                edits.push(Edit {
                    range: r.number_range.clone(),
                    text: n.to_string(),
                });
            }
        }
    }
    edits.sort_by_key(|e| e.range.start);
    Some(edits)
}

fn edits_to_lsp(v: &Snapshot, edits: &[Edit]) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|e| lsp::TextEdit::new(v.range(&e.range), e.text.clone()))
        .collect()
}

pub(crate) fn run(
    v: Option<&Snapshot>,
    p: lsp::RenameParams,
) -> jsonrpc::Result<Option<lsp::WorkspaceEdit>> {
    let new: u32 = match p.new_name.trim().trim_end_matches('.').parse() {
        Ok(n) if n > 0 => n,
        _ => {
            return Err(jsonrpc::Error::invalid_params(format!(
                "`{}` is not a paragraph number",
                p.new_name
            )));
        }
    };
    let edit = v.and_then(|v| {
        let o = v.offset(p.text_document_position.position);
        let edits = renumber_from(v.tree(), o, new)?;
        Some(lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(v.uri().clone(), edits_to_lsp(v, &edits))])),
            ..Default::default()
        })
    });
    match edit {
        Some(e) => Ok(Some(e)),
        None => Err(jsonrpc::Error::invalid_params(
            "rename works on an operative paragraph number",
        )),
    }
}
