//! Footnotes (part D).

use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Reach, RuleDef, Severity, Sink};
use std::collections::HashMap;
use unlsp_syntax::tree::NodeKind;

pub const UN076: RuleDef = RuleDef {
    id: "UN076",
    name: "footnote-numbering",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::Document,
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
    reach: Reach::Document,
    summary: "Every footnote marker has a footnote, and every footnote a marker.",
    explanation: "A marker without its note, or a note nobody refers to, usually means text was lost or a marker was mistyped.",
    bad: "…Convention,¹ …Protocol,² (only footnote 1 present)",
    good: "…Convention,¹ …Protocol,² with footnotes 1 and 2",
    check: un077,
};

fn un077(cx: &Ctx, out: &mut Sink) {
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

pub const UN078: RuleDef = RuleDef {
    id: "UN078",
    name: "ibid-without-antecedent",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "`Ibid.` / `同上` refers to the previous footnote: it cannot be the first.",
    explanation: "`Ibid.` repeats the reference of the immediately preceding footnote; in footnote 1 there is none, so the full reference is needed.",
    bad: "¹ Ibid., chap. IV.",
    good: "¹ A/CONF.192/15, chap. IV.",
    check: un078,
};

fn un078(cx: &Ctx, out: &mut Sink) {
    let notes = cx.tree.nodes_of(NodeKind::Footnote);
    let mut prev_label: Option<u32> = None;
    for n in notes {
        let label: Option<u32> = n.label.as_deref().and_then(|l| l.parse().ok());
        let start = n
            .label_range
            .as_ref()
            .map(|r| r.end)
            .unwrap_or(n.range.start);
        let body = cx.text[start..n.range.end].trim_start();
        let ibid = body.starts_with("Ibid") || body.starts_with("同上");
        if ibid && (label == Some(1) || prev_label.is_none()) {
            let at = n.range.end - cx.text[start..n.range.end].trim_start().len();
            let len = if body.starts_with("同上") {
                "同上".len()
            } else {
                4
            };
            out.emit(
                at..at + len,
                "`Ibid.` in the first footnote: give the full reference",
            );
        }
        if label.is_some() {
            prev_label = label;
        }
    }
}

pub const UN079: RuleDef = RuleDef {
    id: "UN079",
    name: "footnote-marker-position",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[unlsp_syntax::lang::Lang::En],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "In English the footnote marker follows the punctuation.",
    explanation: "`…2006,¹` — not `…2006¹,`.",
    bad: "Recalling its resolution 61/100 of 6 December 2006¹,",
    good: "Recalling its resolution 61/100 of 6 December 2006,¹",
    check: un079,
};

fn un079(cx: &Ctx, out: &mut Sink) {
    for r in &cx.tree.footnote_refs {
        if !r.superscript {
            continue; // plain digits: the parser only sees them after punctuation
        }
        let after = &cx.text[r.range.end..];
        let Some(p) = after
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | ';' | ':' | '.'))
        else {
            continue;
        };
        let marker = &cx.text[r.range.clone()];
        out.emit(
            r.range.start..r.range.end + 1,
            format!("marker before `{p}`: English places it after the punctuation"),
        )
        .fix(
            "Move the marker after the punctuation",
            vec![crate::Edit {
                range: r.range.start..r.range.end + 1,
                text: format!("{p}{marker}"),
            }],
            true,
        );
    }
}

/// A marker whose footnote text is gone is plain digits that the parser no
/// longer takes for a marker (`… Human Rights, 1 in which`, GA 79/270). Where
/// the markers leave a gap (k − 1 found, k not, k without footnote text), the
/// number k right after punctuation in the paragraphs between marker k − 1 and
/// marker k + 1 is that orphan marker (issue 5, recall by mutation).
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
                    for piece in super::body_pieces(p) {
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
