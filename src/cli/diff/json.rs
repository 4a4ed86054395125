//! `--format json`: the contract of `schemas/diff.schema.json`.

use super::report::Report;
use crate::cli::outline::range_json;
use serde_json::{Value, json};
use unlsp_analysis::diff::{ChangeKind, Para, words_changed};
use unlsp_syntax::text::LineIndex;

fn side(paras: &[Para], ix: &[usize], li: &LineIndex, text: &str) -> Vec<Value> {
    ix.iter()
        .map(|&k| {
            let p = &paras[k];
            json!({
                "kind": p.kind.name(),
                "label": p.label,
                "index": p.index,
                "parent": p.parent,
                "range": range_json(li, text, &p.range),
            })
        })
        .collect()
}

pub(super) fn value(r: &Report) -> Value {
    let (ot, nt) = (r.old.doc.text(), r.new.doc.text());
    let (oli, nli) = (LineIndex::new(ot), LineIndex::new(nt));
    let counts = r.cmp.counts();
    let summary: serde_json::Map<String, Value> = ChangeKind::ALL
        .iter()
        .zip(counts)
        .map(|(k, n)| (k.name().to_string(), json!(n)))
        .collect();
    // the entries are the new text's paragraphs in reading order, the deleted
    // ones where they stood: `after` is the new paragraph before each change
    let mut before: Option<usize> = None;
    let mut changes: Vec<Value> = Vec::new();
    for e in &r.cmp.entries {
        if let Some(kind) = e.kind {
            changes.push(json!({
                "kind": kind.name(),
                "message": super::human::headline(r, e),
                "words_changed": words_changed(&e.words),
                "old": side(&r.cmp.old, &e.old, &oli, ot),
                "new": side(&r.cmp.new, &e.new, &nli, nt),
                "after": side(&r.cmp.new, before.as_slice(), &nli, nt),
                "words": e.words.iter().map(|w| json!({"op": w.op.name(), "text": w.text})).collect::<Vec<_>>(),
            }));
        }
        if let Some(&last) = e.new.last() {
            before = Some(last);
        }
    }
    json!({
        "version": 1,
        "old": {"path": r.old.name, "language": r.old.doc.tree().lang.code(), "paragraphs": r.cmp.old.len()},
        "new": {"path": r.new.name, "language": r.new.doc.tree().lang.code(), "paragraphs": r.cmp.new.len()},
        "same": r.cmp.same(),
        "summary": summary,
        "changes": changes,
    })
}

pub(super) fn render(r: &Report) -> String {
    serde_json::to_string_pretty(&value(r)).unwrap_or_default() + "\n"
}
