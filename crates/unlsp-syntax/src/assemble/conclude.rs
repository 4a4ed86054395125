//! The raw top-level nodes become the tree: ranges fixed, the document kind
//! and metadata decided.

use super::builder::*;
use super::text::*;
use crate::lang::Lang;
use crate::tree::{DocKind, Meta, Node, NodeKind, Nodes};
use std::ops::Range;

/// The raw top-level nodes → the tree's nodes, meta and kind. Ranges are fixed
/// (containers take the union of their children) for `top[fix]` only: the
/// nodes outside it come from an earlier result and are fixed already. Also
/// says whether the tree is *orderly*: no node had to be reordered and no
/// operative paragraph demoted, so that the raw nodes of a later run can be cut
/// from it (`resume.rs`).
pub(super) fn conclude(
    text: &str,
    lang: Lang,
    mut nodes: Nodes,
    mut meta: Meta,
    c: Counters,
    fix: Range<usize>,
) -> (Assembly, bool) {
    let mut orderly = true;
    for n in nodes[fix].iter_mut() {
        orderly &= fix_ranges(n);
    }
    if !nodes.is_sorted_by_key(|n| n.range.start) {
        orderly = false;
        nodes.sort_by_key(|n| n.range.start);
    }
    // title text and adoption date
    if let Some(t) = nodes.iter().find(|n| n.kind == NodeKind::Title) {
        let raw = &text[t.range.clone()];
        let after = match &meta.number_range {
            Some(nr) if nr.end <= t.range.end && nr.start >= t.range.start => {
                &text[nr.end..t.range.end]
            }
            _ => raw,
        };
        let after = title_after_number(after);
        let joined = join_wrapped(
            after,
            lang == Lang::Zh && text.chars().any(crate::cjk::is_han),
        );
        meta.title = (!joined.is_empty()).then_some(joined);
    }
    // a resolution printed without its number line (Russian Council texts of
    // 2023 go from the masthead straight to `принятая Советом Безопасности`):
    // the number is the masthead symbol's (`S/RES/2681 (2023)` → `2681 (2023)`)
    if meta.number.is_none()
        && let Some(n) = meta
            .symbol
            .as_deref()
            .and_then(|s| s.strip_prefix("S/RES/"))
            .filter(|n| n.ends_with(')'))
    {
        meta.number = Some(n.to_string());
    }
    for n in &nodes {
        if n.kind == NodeKind::Adoption && meta.adoption_date.is_none() {
            meta.adoption_date = crate::dates::find_dates(&text[n.range.clone()])
                .first()
                .map(|d| d.date);
        }
    }
    // the last closing node gives the closing date
    // (its first paragraph: a note after a blank line is not the closing's,
    // `Adopted at the 1512th meet-` / `ing by 11 votes …` / `` / `13 Geneva
    // Conventions of 12 August 1949`)
    if let Some(n) = nodes.iter().rev().find(|n| n.kind == NodeKind::Closing) {
        let closing = &text[n.range.clone()];
        let blank = closing
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            .find(|&i| {
                closing[i..]
                    .split('\n')
                    .next()
                    .is_some_and(|l| l.trim().is_empty())
            })
            .unwrap_or(closing.len());
        meta.closing_date = crate::dates::find_dates(&closing[..blank])
            .first()
            .map(|d| d.date);
    }
    let has_adoption = nodes.iter().any(|n| {
        n.kind == NodeKind::Adoption && {
            let t = &text[n.range.clone()];
            !t.trim_start().starts_with('[')
        }
    });
    let sym = meta.symbol.clone().unwrap_or_default();
    let has_author = nodes.iter().any(|n| n.kind == NodeKind::Author);
    let has_preamble = nodes.iter().any(|n| n.kind == NodeKind::Preamble);
    let numbered_without_verbs = c.numbered_total > 0 && c.operative_leads * 2 < c.numbered_total;
    let decision_number = nodes.iter().any(|n| {
        n.kind == NodeKind::Adoption && {
            let t = text[n.range.clone()].trim_start();
            t.starts_with("Decision adopted") || t.contains("决定") && !t.contains("决议")
        }
    });
    let kind = if sym.contains("/DEC/")
        || decision_number
        || (c.decision_hint && !sym.contains("/RES/"))
    {
        DocKind::Decision
    } else if sym.contains("/L.") {
        DocKind::Draft
    } else if sym.contains("/RES/")
        || has_adoption
        || (meta.number.is_some() && (has_author || has_preamble))
    {
        DocKind::Resolution
    } else if has_author
        || (has_preamble && !numbered_without_verbs)
        || (c.operative_leads > 0 && !numbered_without_verbs)
        || c.sponsors
    {
        DocKind::Draft
    } else {
        DocKind::Other
    };
    if kind == DocKind::Other {
        orderly = false;
        demote_operative(&mut nodes);
    }
    (Assembly { nodes, meta, kind }, orderly)
}

/// In a text that is not a resolution, numbered paragraphs are plain
/// `paragraph` nodes and there is no operative part (its children take its
/// place). In place: a long list is not copied node by node.
fn demote_operative(nodes: &mut Nodes) {
    for n in nodes.iter_mut() {
        if n.kind == NodeKind::Operative {
            n.kind = NodeKind::Paragraph;
            n.lead = None;
        }
        demote_operative(&mut n.children);
    }
    // the largest part's list becomes the level's: its nodes (all the text's,
    // in a list of numbered lines) are not copied into a second list
    let Some(big) = (0..nodes.len())
        .filter(|&k| nodes[k].kind == NodeKind::OperativePart)
        .max_by_key(|&k| nodes[k].children.len())
    else {
        return;
    };
    let mut out = std::mem::take(&mut nodes[big].children);
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (k, n) in std::mem::take(nodes).into_iter().enumerate() {
        let side = if k < big { &mut before } else { &mut after };
        match n.kind {
            _ if k == big => {}
            NodeKind::OperativePart => side.extend(n.children),
            _ => side.push(n),
        }
    }
    out.splice(0..0, before);
    out.extend(after);
    *nodes = out;
}

/// Containers take the union of their children; children are sorted. False
/// when some children were out of order.
fn fix_ranges(n: &mut Node) -> bool {
    let mut orderly = true;
    for c in n.children.iter_mut() {
        orderly &= fix_ranges(c);
    }
    if !n.children.is_sorted_by_key(|c| c.range.start) {
        orderly = false;
        n.children.sort_by_key(|c| c.range.start);
    }
    let mut r = n.range.clone();
    for c in &n.children {
        extend(&mut r, &c.range);
    }
    if r.start == usize::MAX {
        r = 0..0;
    }
    n.range = r;
    orderly
}
