//! UN077 `footnote-mismatch`: Every footnote marker has a footnote, and every footnote a
//! marker.

use crate::pattern::Pattern;
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
    for (n, node) in &defs {
        if !referred.contains(n) {
            let at = node.label_range.clone().unwrap_or(node.range.clone());
            out.emit(at, format!("footnote {n} is not referred to in the text"));
        }
    }
}

/// A marker whose footnote text is gone is plain digits that the parser no
/// longer takes for a marker (`… Human Rights, 1 in which`, GA 79/270). Where
/// the markers leave a gap (k − 1 found, k not, k without footnote text), the
/// number k right after punctuation in the paragraphs between marker k − 1 and
/// marker k + 1 is that orphan marker.
fn orphans(cx: &Ctx, defs: &[(u32, &unlsp_syntax::tree::Node)], out: &mut Sink) {
    static BARE: Pattern = Pattern::new(|| {
        regex::Regex::new(
            r"(?:[,;:.”’)]|(?-u:\b)(\p{Lu}[\w-]*))\s?(\d{1,3})(?:[ \t]+[a-z]|[ \t]*\r?\n)",
        )
        .unwrap()
    });
    const NUMBERED: &[&str] = &[
        "Article",
        "Chapter",
        "Section",
        "Part",
        "Annex",
        "Protocol",
        "Rule",
        "Principle",
        "Goal",
        "Target",
        "Paragraph",
        "Resolution",
        "Decision",
        "Committee",
        "Phase",
        "Level",
        "Table",
        "Figure",
        "Step",
        "Volume",
        "Book",
        "Item",
        "Recommendation",
        "Category",
        "Regulation",
        "Appendix",
        "Schedule",
        "Title",
        "Class",
        "Group",
        "Tier",
        "Pillar",
    ];
    let refs = &cx.tree.footnote_refs;
    // only in a document that has footnotes (a rule line or footnote texts)
    if defs.is_empty() && refs.is_empty() && !cx.text.contains("__________") {
        return;
    }
    let max = refs.iter().map(|r| r.number).max().unwrap_or(0);
    let paras: Vec<&unlsp_syntax::tree::Node> = cx
        .tree
        .nodes_of(NodeKind::Preambular)
        .into_iter()
        .chain(cx.tree.nodes_of(NodeKind::Operative))
        .collect();
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
    // the bare digits of the running text, found once for every gap
    let mut bare: Option<Vec<(u32, std::ops::Range<usize>)>> = None;
    for k in 1..=max + 1 {
        let has = |n: u32| first_end.contains_key(&n);
        if has(k) || (k > 1 && !has(k - 1)) || defined.contains(&k) {
            continue;
        }
        let from = first_end.get(&(k - 1)).copied().unwrap_or(0);
        let to = first_start.get(&(k + 1)).copied().unwrap_or(cx.text.len());
        let bare = bare.get_or_insert_with(|| {
            let mut v = Vec::new();
            for p in &paras {
                // per paragraph, relative to its start: kept while it does not change
                let found = cx.memo.fact("UN077", p, || {
                    let mut v = Vec::new();
                    for piece in unlsp_syntax::paragraph::body_pieces(p) {
                        let s = &cx.text[piece.clone()];
                        let at = piece.start - p.range.start;
                        for c in cx.re(&BARE).captures_iter(s) {
                            // after a capitalised word (`Convention against Corruption 1 is`),
                            // not after the nouns that take a number (`Article 5 of`)
                            if let Some(w) = c.get(1)
                                && NUMBERED.contains(&w.as_str().trim_end_matches('s'))
                            {
                                continue;
                            }
                            let Some(m) = c.get(2) else { continue };
                            if let Ok(n) = m.as_str().parse::<u32>() {
                                v.push((n, at + m.start()..at + m.end()));
                            }
                        }
                    }
                    v
                });
                let base = p.range.start;
                v.extend(
                    found
                        .iter()
                        .map(|(n, r)| (*n, base + r.start..base + r.end)),
                );
            }
            v
        });
        let found = bare
            .iter()
            .find(|(n, at)| *n == k && from <= at.start && at.end <= to)
            .map(|(_, at)| at.clone());
        if let Some(at) = found {
            out.emit(at, format!("footnote marker {k} has no footnote text"));
        }
    }
}
