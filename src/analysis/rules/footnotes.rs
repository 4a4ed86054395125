//! Footnotes (part D).

use crate::analysis::{ALL_KINDS, Ctx, RuleDef, Severity, Sink};
use crate::syntax::tree::NodeKind;

pub const UN076: RuleDef = RuleDef {
    id: "UN076",
    name: "footnote-numbering",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
    summary: "Footnote markers are numbered 1…n in order of first appearance.",
    explanation: "A later reference to the same note reuses its number; a first reference never skips a number.",
    bad: "…Convention,¹ … Protocol,³",
    good: "…Convention,¹ … Protocol,²",
    check: un076,
};

fn un076(cx: &Ctx, out: &mut Sink) {
    let mut max = 0;
    for r in &cx.tree.footnote_refs {
        if r.number > max + 1 {
            out.emit(r.range.clone(), format!("footnote {} comes before footnote {}: markers are numbered in order of first appearance", r.number, max + 1));
            return;
        }
        max = max.max(r.number);
    }
}

pub const UN077: RuleDef = RuleDef {
    id: "UN077",
    name: "footnote-mismatch",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
    summary: "Every footnote marker has a footnote, and every footnote a marker.",
    explanation: "A marker without its note, or a note nobody refers to, usually means text was lost or a marker was mistyped.",
    bad: "…Convention,¹ …Protocol,² (only footnote 1 present)",
    good: "…Convention,¹ …Protocol,² with footnotes 1 and 2",
    check: un077,
};

fn un077(cx: &Ctx, out: &mut Sink) {
    let notes = cx.tree.nodes_of(NodeKind::Footnote);
    let defs: Vec<(u32, &crate::syntax::tree::Node)> = notes
        .iter()
        .filter_map(|n| Some((n.label.as_ref()?.parse().ok()?, *n)))
        .collect();
    for r in &cx.tree.footnote_refs {
        if !defs.iter().any(|(n, _)| *n == r.number) {
            out.emit(
                r.range.clone(),
                format!("footnote marker {} has no footnote text", r.number),
            );
        }
    }
    for (n, node) in &defs {
        if !cx.tree.footnote_refs.iter().any(|r| r.number == *n) {
            let at = node.label_range.clone().unwrap_or(node.range.clone());
            out.emit(at, format!("footnote {n} is not referred to in the text"));
        }
    }
}
