//! UN077 `footnote-mismatch`: Every footnote marker has a footnote, and every footnote a
//! marker.

use super::unread::{bare_numbers, set_off};
use crate::{Ctx, Reach, RuleDef, Sink};
use std::collections::HashMap;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN077",
    name: "footnote-mismatch",
    extraction_tolerant: true,
    reach: Reach::Document,
    summary: "Every footnote marker has a footnote, and every footnote a marker.",
    explanation: "A marker without its note, or a note nobody refers to, usually means text was lost or a marker was mistyped.",
    bad: "…Convention,¹ …Protocol,² (only footnote 1 present)",
    good: "…Convention,¹ …Protocol,² with footnotes 1 and 2",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let notes = cx.tree.nodes_of(NodeKind::Footnote);
    let defs: Vec<(u32, &unlsp_syntax::tree::Node)> = notes
        .iter()
        .filter_map(|n| Some((n.label.as_ref()?.parse().ok()?, *n)))
        .collect();
    let defined: std::collections::HashSet<u32> = defs.iter().map(|(n, _)| *n).collect();
    let referred: std::collections::HashSet<u32> =
        cx.tree.footnote_refs.iter().map(|r| r.number).collect();
    for r in &cx.tree.footnote_refs {
        if !defined.contains(&r.number) {
            out.emit(
                r.range.clone(),
                format!("footnote marker {} has no footnote text", r.number),
            );
        }
    }
    orphans(cx, &defs, out);
    let mut bare: Option<Vec<(u32, std::ops::Range<usize>)>> = None;
    for (n, node) in &defs {
        if referred.contains(n) {
            continue;
        }
        // an extraction flattens superscripts: the number standing bare
        // before its footnote, past the markers of lower numbers, is most
        // likely the marker the parser could not tell from a number
        if cx.tree.extracted {
            let from = (cx.tree.footnote_refs.iter())
                .filter(|r| r.number < *n && r.range.end <= node.range.start)
                .map(|r| r.range.end)
                .max()
                .unwrap_or(0);
            let bare = bare.get_or_insert_with(|| bare_numbers(cx));
            if bare
                .iter()
                .any(|(k, at)| k == n && from <= at.start && at.end <= node.range.start)
                || set_off(&cx.text[from..node.range.start], *n)
            {
                continue;
            }
        }
        let at = node.label_range.clone().unwrap_or(node.range.clone());
        out.emit(at, format!("footnote {n} is not referred to in the text"));
    }
}

/// A marker whose footnote text is gone is plain digits that the parser no
/// longer takes for a marker (`… Human Rights, 1 in which`, GA 79/270). Where
/// the markers leave a gap (k − 1 found, k not, k without footnote text), the
/// number k right after punctuation in the paragraphs between marker k − 1 and
/// marker k + 1 is that orphan marker.
fn orphans(cx: &Ctx, defs: &[(u32, &unlsp_syntax::tree::Node)], out: &mut Sink) {
    let refs = &cx.tree.footnote_refs;
    // only in a document that has footnotes (a rule line or footnote texts)
    if defs.is_empty() && refs.is_empty() && !cx.text.contains("__________") {
        return;
    }
    let max = refs.iter().map(|r| r.number).max().unwrap_or(0);
    // per number: the end of its first marker and the start of its first
    // marker (markers are in text order, a number may repeat)
    let mut first_end: HashMap<u32, usize> = HashMap::new();
    let mut first_start: HashMap<u32, usize> = HashMap::new();
    for r in refs {
        let e = first_end.entry(r.number).or_insert(r.range.end);
        *e = (*e).min(r.range.end);
        let s = first_start.entry(r.number).or_insert(r.range.start);
        *s = (*s).min(r.range.start);
    }
    let defined: std::collections::HashSet<u32> = defs.iter().map(|(n, _)| *n).collect();
    // past the last marker a gap shows only where footnotes go on after it
    // (a marker and its text lost between two that stand) or where the rule
    // stands over no footnote at all (`Human Rights, 1 in which`, GA 79/270):
    // a number after the last marker of a text whose footnotes all have
    // theirs is a number (`6.5 million`, `soit 4 887 800`)
    let last = if defined.iter().any(|&n| n > max + 1) || defs.is_empty() {
        max + 1
    } else {
        max
    };
    // the bare digits of the running text, found once for every gap
    let mut bare: Option<Vec<(u32, std::ops::Range<usize>)>> = None;
    for k in 1..=last {
        let has = |n: u32| first_end.contains_key(&n);
        if has(k) || (k > 1 && !has(k - 1)) || defined.contains(&k) {
            continue;
        }
        let from = first_end.get(&(k - 1)).copied().unwrap_or(0);
        let to = first_start.get(&(k + 1)).copied().unwrap_or(cx.text.len());
        let bare = bare.get_or_insert_with(|| bare_numbers(cx));
        let found = bare
            .iter()
            .find(|(n, at)| *n == k && from <= at.start && at.end <= to)
            .map(|(_, at)| at.clone());
        if let Some(at) = found {
            out.emit(at, format!("footnote marker {k} has no footnote text"));
        }
    }
}
