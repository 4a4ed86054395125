//! A. Structure and order.

use super::{all_of, operative_groups};
use crate::{ALL_KINDS, Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{label_for, label_ordinal};
use unlsp_syntax::tree::{Node, NodeKind};

pub const UN001: RuleDef = RuleDef {
    id: "UN001",
    name: "author-line-missing",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "A resolution names the acting organ before its first paragraph.",
    explanation: "The author line (enacting formula) — `The General Assembly,` / `大会，` — comes after the title and before the first preambular or operative paragraph (Editorial Manual, order of elements; AKN4UN `formula name=\"enactingFormula\"`).",
    bad: "62/57. Convention on Certain Conventional Weapons\nRecalling its resolution 61/100 of 6 December 2006,",
    good: "62/57. Convention on Certain Conventional Weapons\nThe General Assembly,\nRecalling its resolution 61/100 of 6 December 2006,",
    check: un001,
};

fn un001(cx: &Ctx, out: &mut Sink) {
    let has_author = !all_of(cx, NodeKind::Author).is_empty();
    if has_author {
        return;
    }
    let first = cx
        .tree
        .nodes
        .iter()
        .find(|n| matches!(n.kind, NodeKind::Preamble | NodeKind::OperativePart));
    if let Some(f) = first {
        let start = f.range.start;
        let (line, organ) = match cx.lang {
            Lang::Zh => ("大会，", "大会"),
            _ => ("The General Assembly,", "The General Assembly"),
        };
        out.emit(start..start, format!("no author line before the first paragraph: write `{line}` (or the organ that acts) on its own line"))
            .fix(format!("Insert `{organ},`"), vec![Edit { range: start..start, text: format!("{line}\n\n") }], false);
    }
}

pub const UN003: RuleDef = RuleDef {
    id: "UN003",
    name: "order-of-elements",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "Heading, adoption line, title, author, preamble, operative part, closing, annexes — in that order.",
    explanation: "A preambular paragraph cannot follow an operative paragraph unless a new section with its own preamble starts (Editorial Manual, order of elements; AKN4UN sections).",
    bad: "1. Decides to convene a conference;\nRecalling its resolution 61/100,\n2. Requests the Secretary-General to report.",
    good: "Recalling its resolution 61/100,\n1. Decides to convene a conference;\n2. Requests the Secretary-General to report.",
    check: un003,
};

fn un003(cx: &Ctx, out: &mut Sink) {
    fn scan(level: &[Node], out: &mut Sink) {
        let mut seen_operative = None;
        for n in level {
            match n.kind {
                NodeKind::OperativePart => seen_operative = Some(n.range.clone()),
                NodeKind::Preamble => {
                    if let Some(op) = &seen_operative
                        && let Some(p) = n.children.iter().find(|c| c.kind == NodeKind::Preambular)
                    {
                        let end = p
                            .lead
                            .as_ref()
                            .map(|l| l.range.end)
                            .unwrap_or(p.range.start + 1);
                        out.emit(p.range.start..end, "preambular paragraph after the operative part: move it before paragraph 1")
                            .related(op.start..op.start, "the operative part starts here");
                    }
                }
                NodeKind::Section => scan(&n.children, out),
                _ => {}
            }
        }
    }
    scan(&cx.tree.nodes, out);
}

pub const UN005: RuleDef = RuleDef {
    id: "UN005",
    name: "numbered-preambular-paragraph",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Preambular paragraphs are not numbered.",
    explanation: "Only operative paragraphs carry numbers (Editorial Manual; AKN4UN). A numbered paragraph that opens with a preambular lead such as `Recalling` is either a preambular paragraph that lost its place or an operative paragraph with the wrong verb.",
    bad: "1. Recalling its resolution 61/100 of 6 December 2006,",
    good: "Recalling its resolution 61/100 of 6 December 2006,",
    check: un005,
};

fn un005(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if let (Some(l), Some(lr)) = (&p.label, &p.label_range) {
            let lead_start = p.lead.as_ref().map(|x| x.range.start).unwrap_or(lr.end);
            out.emit(
                lr.clone(),
                format!(
                    "preambular paragraph numbered `{l}.`: preambular paragraphs are not numbered"
                ),
            )
            .fix(
                "Remove the number",
                vec![Edit {
                    range: lr.start..lead_start,
                    text: String::new(),
                }],
                true,
            );
        }
    }
}

pub const UN008: RuleDef = RuleDef {
    id: "UN008",
    name: "operative-numbering",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "Operative paragraphs are numbered 1, 2, 3 … without gaps or repeats.",
    explanation: "Numbering restarts only in a new section or part (I, II / A, B) or a new resolution under the same number (69/96 A and B). The fix renumbers the paragraphs and the references to them (`paragraph 5 above`).",
    bad: "1. Decides …;\n2. Requests …;\n2. Invites …;\n4. Decides to remain seized of the matter.",
    good: "1. Decides …;\n2. Requests …;\n3. Invites …;\n4. Decides to remain seized of the matter.",
    check: un008,
};

/// One operative paragraph as numbered in the text: its node, and its label
/// (number and range) when it has one. A paragraph the parser left inside the
/// previous one (`7. Requests …;` blank line `1. Invites …;`: a number far
/// below the previous one reads as wrapped text) counts as its own paragraph
/// here, so that UN008 names it and its fix renumbers it (issue 9).
struct Numbered<'a> {
    node: &'a Node,
    label: Option<(Option<u32>, Range<usize>)>,
    /// Where the paragraph starts (the node's start, or the hidden label's).
    start: usize,
}

/// `N. ` at the start of a line that follows a blank line inside an operative
/// paragraph, followed by a capital, a CJK character or emphasis.
fn hidden_labels(cx: &Ctx, n: &Node) -> Vec<(u32, Range<usize>)> {
    static HIDDEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\n[ \t]*\r?\n\s*(\d{1,3})\.[ \t]+(?:\*\*)?[\p{Lu}\p{Han}]").unwrap()
    });
    // per paragraph, relative to its start: kept while it does not change
    let found = cx.memo.fact("UN008", n, || {
        let mut out = Vec::new();
        for r in unlsp_syntax::document::own_pieces(n) {
            let raw = &cx.text[r.clone()];
            // a blank line needs two line ends
            if memchr::memchr_iter(b'\n', raw.as_bytes()).nth(1).is_none() && !raw.contains('\r') {
                continue;
            }
            let t = raw.replace('\r', "\n");
            let at = r.start - n.range.start;
            for c in HIDDEN.captures_iter(&t) {
                let m = c.get(1).unwrap();
                if let Ok(v) = m.as_str().parse() {
                    out.push((v, at + m.start()..at + m.end()));
                }
            }
        }
        out
    });
    let base = n.range.start;
    found
        .iter()
        .map(|(v, r)| (*v, base + r.start..base + r.end))
        .collect()
}

fn numbered<'a>(cx: &Ctx, g: &[&'a Node]) -> Vec<Numbered<'a>> {
    let mut out = Vec::new();
    for n in g {
        if super::preambular_with_operative_lead(cx, n) {
            continue; // UN015
        }
        out.push(Numbered {
            node: n,
            label: n.label_range.clone().map(|r| {
                let v = n.label.as_deref().and_then(|l| l.parse().ok());
                (v, r)
            }),
            start: n.range.start,
        });
        for (v, r) in hidden_labels(cx, n) {
            out.push(Numbered {
                node: n,
                start: r.start,
                label: Some((Some(v), r)),
            });
        }
    }
    out
}

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
        let count = g.iter().filter(|n| n.label.is_some()).count() as u32;
        if count > 0 {
            prev_last = start + count - 1;
        }
    }
    out
}

/// The edits that renumber every numbered operative paragraph 1..n per section
/// and update `paragraph N above` references (UN008 fix; source action).
pub fn renumber_edits(cx: &Ctx) -> Vec<Edit> {
    let groups: Vec<Vec<Numbered>> = operative_groups(cx)
        .iter()
        .map(|g| numbered(cx, g))
        .collect();
    renumber(cx, &groups)
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

fn un008(cx: &Ctx, out: &mut Sink) {
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

/// Issue 18: a renumbering after which a `paragraph N above` points at the
/// paragraph it stands in is no safe fix: the numbering missed a paragraph
/// (S/RES/366 (1974) writes `4, Demands`, so its paragraph 5, which cites
/// `paragraph 4 above`, would become 4).
fn makes_self_reference(cx: &Ctx, groups: &[Vec<Numbered>], fix: &[Edit]) -> bool {
    let new_number = |range: &Range<usize>, old: u32| {
        fix.iter()
            .find(|e| e.range == *range)
            .and_then(|e| e.text.parse().ok())
            .unwrap_or(old)
    };
    groups.iter().flatten().any(|n| {
        let Some((Some(have), lr)) = &n.label else {
            return false;
        };
        let own = new_number(lr, *have);
        cx.tree.paragraph_refs.iter().any(|r| {
            r.of_citation.is_none()
                && n.node.range.contains(&r.range.start)
                && r.number != *have
                && new_number(&r.number_range, r.number) == own
        })
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

pub const UN012: RuleDef = RuleDef {
    id: "UN012",
    name: "subparagraph-sequence",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Sub-paragraph labels run (a), (b), (c) … and (i), (ii), (iii) … without gaps.",
    explanation: "Level 1 is lettered (a)…(z), (aa), (bb); level 2 is roman (i), (ii); French and Spanish write `a)`, `i)` (Editorial Manual, paragraphs and subparagraphs).",
    bad: "(a) To report …;\n(b) To consult …;\n(d) To publish …;",
    good: "(a) To report …;\n(b) To consult …;\n(c) To publish …;",
    check: un012,
};

fn is_roman_list(labels: &[&str]) -> bool {
    let first: String = labels[0].chars().filter(|c| c.is_alphanumeric()).collect();
    first == "i" && labels.get(1).is_none_or(|l| l.contains("ii"))
}

/// A sub-paragraph whose own sub-paragraphs are really its siblings: a nested
/// list starts at `(a)` or `(i)`, so `(a)` … `(c)` (a skipped `(b)`) that the
/// parser nested under `(a)` continues the outer list.
pub fn nests_siblings(n: &Node) -> bool {
    n.kind == NodeKind::Subparagraph
        && n.children
            .iter()
            .find(|c| c.kind == NodeKind::Subparagraph)
            .and_then(|f| f.label.as_deref())
            .is_some_and(|l| {
                let core = l.trim_matches(|c: char| c == '(' || c == ')');
                // a roman label (`(iii)` after run-in `(i)`, `(ii)`, GA 80/117)
                // opens a nested list all the same
                !core.is_empty()
                    && core.chars().all(|c| c.is_ascii_alphabetic())
                    && !core
                        .chars()
                        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
                    && !matches!(core, "a" | "A")
            })
}

/// The sub-paragraphs of `n` as one list (see [`nests_siblings`]).
pub fn sub_list(n: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for c in n
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
    {
        out.push(c);
        if nests_siblings(c) {
            out.extend(sub_list(c));
        }
    }
    out
}

fn un012(cx: &Ctx, out: &mut Sink) {
    fn scan(cx: &Ctx, n: &Node, listed: bool, out: &mut Sink) {
        let subs = if listed { Vec::new() } else { sub_list(n) };
        if !subs.is_empty() {
            let labels: Vec<&str> = subs
                .iter()
                .map(|s| s.label.as_deref().unwrap_or(""))
                .collect();
            // items run into the text before the first label at a line start
            // (`…, there are: (a) 1.3 billion …; (b) …`, `(i) …; (ii) …;` then
            // `(iii)` on its own line, GA 80/117): the list goes on from them
            let first = subs[0];
            let lead_in = &cx.text[n.range.start.min(first.range.start)..first.range.start];
            let like = first.label.as_deref().unwrap_or("(a)");
            let roman_label = like
                .trim_matches(|c: char| c == '(' || c == ')')
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x'));
            let roman = is_roman_list(&labels)
                || (roman_label && lead_in.contains(&label_for(1, true, like)));
            let mut expected = 1;
            match label_ordinal(like, roman) {
                Some(v) if v > 1 && lead_in.contains(&label_for(v - 1, roman, like)) => {
                    expected = v
                }
                _ => {
                    while expected < 60 && lead_in.contains(&label_for(expected, roman, like)) {
                        expected += 1;
                    }
                }
            }
            let mut from = n.range.start.min(first.range.start);
            for s in &subs {
                let label = s.label.as_deref().unwrap_or("");
                // numbered items under a lead-in carry on the document's own
                // numbering (`11.` after `10.`): only letters are sequenced
                let lettered = !label.chars().any(|c| c.is_ascii_digit());
                let Some(v) = label_ordinal(label, roman).filter(|_| lettered) else {
                    continue;
                };
                let between = super::slice(cx.text, from, s.range.start);
                from = s.range.start;
                if v == 1 && expected > 1 {
                    expected = 2; // a second list in the same paragraph
                    continue;
                }
                // the items before it ran inline in the previous one (`…; (c)
                // promoting …; (d) providing …;` then `(e)` at a line start,
                // GA 80/117; SC 1454 (2002))
                let inline = v > expected
                    && (expected..v).all(|k| {
                        between.contains(&label_for(k, roman, s.label.as_deref().unwrap_or("(a)")))
                    });
                if v != expected && !inline {
                    let want = label_for(expected, roman, s.label.as_deref().unwrap_or("(a)"));
                    out.emit(
                        s.label_range.clone().unwrap_or(s.range.clone()),
                        format!(
                            "sub-paragraph {} out of sequence: expected {want}",
                            s.label.as_deref().unwrap_or("")
                        ),
                    )
                    .fix(
                        format!("Relabel as {want}"),
                        vec![Edit {
                            range: s.label_range.clone().unwrap_or(s.range.clone()),
                            text: want.clone(),
                        }],
                        false,
                    );
                }
                expected = v + 1;
            }
        }
        for c in &n.children {
            scan(cx, c, nests_siblings(c), out);
        }
    }
    for n in &cx.tree.nodes {
        scan(cx, n, false, out);
    }
}
