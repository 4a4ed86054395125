//! UN008 `operative-numbering`: Operative paragraphs are numbered 1, 2, 3 … without gaps or
//! repeats.

use super::{Numbered, numbered};
use crate::rules::shared::operative_groups;
use crate::{Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use std::ops::Range;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN008",
    name: "operative-numbering",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "Operative paragraphs are numbered 1, 2, 3 … without gaps or repeats.",
    explanation: "Numbering restarts only in a new section or part (I, II / A, B) or a new resolution under the same number (69/96 A and B). The fix renumbers the paragraphs and the references to them (`paragraph 5 above`).",
    bad: "1. Decides …;\n2. Requests …;\n2. Invites …;\n4. Decides to remain seized of the matter.",
    good: "1. Decides …;\n2. Requests …;\n3. Invites …;\n4. Decides to remain seized of the matter.",
    check,
    ..RuleDef::DEFAULT
};

/// Where each section's numbering starts: 1, or one after the previous
/// section's last number when the text numbers continuously across sections
/// (GA 78/68, 78/234).
fn group_starts(groups: &[Vec<Numbered>]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut prev_last = 0u32;
    for g in groups {
        let first = g.iter().find_map(|n| n.label.as_ref().and_then(|l| l.0));
        let start = match first {
            Some(f) if prev_last > 0 && f == prev_last + 1 => f,
            _ => 1,
        };
        out.push(start);
        // the next group goes on from the number this one ended on as
        // written (after a repeated or skipped number, reported in its own
        // group, the sections after it are not each reported again)
        let count = g.iter().filter(|n| n.label.is_some()).count() as u32;
        let last_written = g.iter().rev().find_map(|n| n.label.as_ref()?.0);
        if count > 0 {
            prev_last = last_written.unwrap_or(start + count - 1);
        }
    }
    out
}

fn renumber(cx: &Ctx, groups: &[Vec<Numbered>]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut map: Vec<(u32, u32)> = Vec::new();
    let starts = group_starts(groups);
    let single_group = groups.len() == 1 || starts.iter().skip(1).all(|s| *s > 1);
    for (g, start) in groups.iter().zip(&starts) {
        let labelled = g.iter().filter_map(|n| n.label.as_ref());
        for (i, (have, lr)) in labelled.enumerate() {
            let want = start + i as u32;
            if *have != Some(want) {
                edits.push(Edit {
                    range: lr.clone(),
                    text: want.to_string(),
                });
                if let Some(h) = *have
                    && single_group
                    && !map.iter().any(|(o, _)| *o == h)
                {
                    map.push((h, want));
                }
            }
        }
    }
    for r in &cx.tree.paragraph_refs {
        if r.of_citation.is_some() {
            continue;
        }
        if let Some((_, new)) = map.iter().find(|(o, _)| *o == r.number) {
            edits.push(Edit {
                range: r.number_range.clone(),
                text: new.to_string(),
            });
        }
    }
    edits.sort_by_key(|e| e.range.start);
    edits
}

fn check(cx: &Ctx, out: &mut Sink) {
    let groups: Vec<Vec<Numbered>> = operative_groups(cx)
        .iter()
        .map(|g| numbered(cx, g))
        .collect();
    let fix = std::sync::Arc::new(renumber(cx, &groups));
    let safe = !makes_self_reference(cx, &groups, &fix);
    let starts = group_starts(&groups);
    let mut full_fixes = 0;
    for (g, start) in groups.iter().zip(starts) {
        if !g.iter().any(|n| n.label.is_some()) {
            continue; // a lone unnumbered paragraph (UN009 territory)
        }
        // `expected` is the paragraph's place; a number is right when it is
        // its place or follows the previous number written (after a gap or a
        // repeat the paragraphs that continue from the wrong number are not
        // breaks of their own: one diagnostic per defect, the fix renumbers all)
        let mut expected = start;
        let mut prev: Option<(u32, &Range<usize>)> = None;
        for n in g {
            let Some((have, lr)) = &n.label else {
                let at = n.start
                    ..n.node
                        .lead
                        .as_ref()
                        .map(|l| l.range.end)
                        .unwrap_or(n.start + 1);
                out.emit(
                    at,
                    format!("operative paragraph without a number: it should be {expected}."),
                )
                .fix(
                    "Renumber operative paragraphs",
                    insert_number(n.start, expected, &fix, &mut full_fixes),
                    false,
                );
                expected += 1;
                continue;
            };
            let Some(h) = *have else {
                expected += 1; // `5 bis` — negotiation marker (UN036)
                continue;
            };
            let continues = prev.is_some_and(|(p, _)| h == p + 1);
            if h != expected && !continues {
                // the numbers missing since the previous one (or the start)
                let lo = prev.map_or(expected, |(p, _)| p + 1);
                let msg = match prev {
                    Some((p, _)) if p == h => {
                        format!("paragraph number {h} repeated: this is paragraph {expected}")
                    }
                    _ if h > lo && h > expected => format!(
                        "paragraph number {h} skips {}: this is paragraph {expected}",
                        if h == lo + 1 {
                            lo.to_string()
                        } else {
                            format!("{lo}–{}", h - 1)
                        }
                    ),
                    _ => format!(
                        "paragraph number {h} out of sequence: this is paragraph {expected}"
                    ),
                };
                let d = out.emit(lr.clone(), msg);
                if let Some((p, pr)) = prev {
                    d.related(pr.clone(), format!("previous paragraph {p}"));
                }
                d.fix_shared("Renumber operative paragraphs", fix.clone(), safe);
            }
            expected += 1;
            prev = Some((h, lr));
        }
    }
}

/// A renumbering after which a `paragraph N above` points at the
/// paragraph it stands in is no safe fix: the numbering missed a paragraph
/// (S/RES/366 (1974) writes `4, Demands`, so its paragraph 5, which cites
/// `paragraph 4 above`, would become 4).
fn makes_self_reference(cx: &Ctx, groups: &[Vec<Numbered>], fix: &[Edit]) -> bool {
    // the fix's edits are sorted by start, the references sorted here: each
    // lookup is a binary search, so that a text of many paragraphs stays linear
    let new_number = |range: &Range<usize>, old: u32| {
        let from = fix.partition_point(|e| e.range.start < range.start);
        fix[from..]
            .iter()
            .take_while(|e| e.range.start == range.start)
            .find(|e| e.range == *range)
            .and_then(|e| e.text.parse().ok())
            .unwrap_or(old)
    };
    let mut refs: Vec<_> = (cx.tree.paragraph_refs.iter())
        .filter(|r| r.of_citation.is_none())
        .collect();
    refs.sort_by_key(|r| r.range.start);
    groups.iter().flatten().any(|n| {
        let Some((Some(have), lr)) = &n.label else {
            return false;
        };
        let own = new_number(lr, *have);
        let from = refs.partition_point(|r| r.range.start < n.node.range.start);
        refs[from..]
            .iter()
            .take_while(|r| r.range.start < n.node.range.end)
            .any(|r| r.number != *have && new_number(&r.number_range, r.number) == own)
    })
}

/// The fix for a paragraph without a number: the number, and the renumbering
/// of the part. Each such fix is a copy of the renumbering, so past
/// [`MAX_FULL_FIXES`] of them (a text of many unnumbered paragraphs) only the
/// number is written: the work stays linear.
fn insert_number(at: usize, expected: u32, fix: &[Edit], full: &mut usize) -> Vec<Edit> {
    let number = Edit {
        range: at..at,
        text: format!("{expected}. "),
    };
    *full += 1;
    if *full > MAX_FULL_FIXES {
        return vec![number];
    }
    let mut v = fix.to_vec();
    v.push(number);
    v.sort_by_key(|e| e.range.start);
    v
}

const MAX_FULL_FIXES: usize = 4;
