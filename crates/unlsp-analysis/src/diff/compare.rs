//! Two versions' paragraphs aligned and the changes named.
//!
//! 1. The paragraphs are aligned in order with [`crate::align`] (anchors:
//!    paragraphs whose kind and text occur once on each side), scored by the
//!    share of words they have in common; a pair below [`PAIR`] is no pair.
//! 2. A paragraph left over on both sides with the same text, or words
//!    enough in common ([`MOVE`]), out of the order of its neighbours: moved.
//!    One whose text is still there elsewhere was copied: added.
//! 3. One paragraph whose words are those of two consecutive paragraphs of
//!    the other version ([`GROUP`]): split, or merged the other way round.
//!    A title, or a heading with the same number, pairs whatever its words
//!    (a heading has too few for a share of them to tell); so does a lone
//!    footnote or heading that is the only one of its kind left over on
//!    each side between the same aligned neighbours, with a few of its
//!    words kept.
//! 4. A pair with the same text and another label: renumbered; with other
//!    words: changed (whatever its labels).
//!
//! [`compare_versions`] runs this on the body (title, headings, paragraphs)
//! and on the footnotes apart: a footnote's number and place are the page's
//! (one added before it renumbers it; it follows its paragraph when that
//! moves), so only its words, its addition and its deletion are changes.
//! The title's number is given on adoption: only its words are compared,
//! and only when both versions have a title (the masthead of a draft may
//! hide it from the parser).

use super::change::{ChangeKind, Comparison, Entry};
use super::para::{Para, common, dice, merged};
use super::words::{Op, WordOp, word_diff};
use crate::align::{self, Work};
use std::collections::HashMap;
use unlsp_syntax::tree::NodeKind;

/// The least similarity (Dice over words) of two aligned paragraphs.
pub const PAIR: f64 = 0.5;
/// The least similarity of a paragraph found elsewhere (moved).
pub const MOVE: f64 = 0.6;
/// The least similarity of a paragraph with two of the other version.
pub const GROUP: f64 = 0.85;
/// The least share of a lone paragraph's words found in the paragraph it
/// was split from or merged into.
const HELD: f64 = 0.8;
/// Candidate places searched for a split or merge of a lone paragraph.
const GAP_SEARCH: usize = 64;
/// Words (character pairs in Chinese and Japanese) of a unit too short for
/// a share of them to tell whether it was reworded or replaced.
const FEW: usize = 3;
/// The least similarity of a longer unit reworded in place.
const KEPT: f64 = 0.2;
/// Pairs of lone paragraphs compared in search of moves.
const MOVE_CELLS: usize = 250_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Free,
    /// Aligned in order with this paragraph of the other version.
    Pair(usize),
    Moved(usize),
    /// Part of a split or merge (entry built from `groups`).
    Group,
}

/// Compares the paragraphs of two versions.
pub fn compare_paragraphs(old: Vec<Para>, new: Vec<Para>, work: &mut Work) -> Comparison {
    let score = |i: usize, j: usize| {
        let (a, b) = (&old[i], &new[j]);
        if a.kind != b.kind {
            return 0.0;
        }
        let same_label = a.ord.is_some() && a.ord == b.ord;
        let s = if a.hash == b.hash {
            1.0
        } else {
            dice(&a.tokens, &b.tokens)
        };
        // a heading of few words is renamed in place, not replaced: the
        // title, and a heading that keeps its number, pair whatever their words
        let renamed = a.kind == NodeKind::Title
            || matches!(a.kind, NodeKind::Section | NodeKind::Annex)
                && a.label.is_some()
                && a.label_key() == b.label_key();
        let s = if renamed { s.max(PAIR) } else { s };
        if s < PAIR {
            return 0.0;
        }
        s + if same_label { 0.05 } else { 0.0 } + if a.parent == b.parent { 0.01 } else { 0.0 }
    };
    let key = |p: &Para| (!p.text.is_empty()).then_some(p.hash);
    let pairs = align::align(
        old.len(),
        new.len(),
        |i| key(&old[i]),
        |j| key(&new[j]),
        score,
        work,
    );
    let mut so = vec![Slot::Free; old.len()];
    let mut sn = vec![Slot::Free; new.len()];
    for (i, j) in pairs {
        if let (Some(i), Some(j)) = (i, j)
            && score(i, j) > 0.0
        {
            so[i] = Slot::Pair(j);
            sn[j] = Slot::Pair(i);
        }
    }
    reworded_in_place(&old, &new, &mut so, &mut sn);
    moves(&old, &new, &mut so, &mut sn);
    let mut groups = Vec::new();
    for (i, j1) in group(&old, &new, &mut so, &mut sn) {
        groups.push((ChangeKind::Split, vec![i], vec![j1, j1 + 1]));
    }
    for (j, i1) in group(&new, &old, &mut sn, &mut so) {
        groups.push((ChangeKind::Merged, vec![i1, i1 + 1], vec![j]));
    }
    let entries = entries(&old, &new, &so, &sn, groups);
    Comparison {
        old,
        new,
        entries,
        cut_short: work.cut_short(),
    }
}

/// The partner of the nearest paragraph before each one that has a partner
/// in order, and of the nearest after it.
fn around(slots: &[Slot]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut before = vec![None; slots.len()];
    let mut last = None;
    for (k, s) in slots.iter().enumerate() {
        before[k] = last;
        if let Slot::Pair(p) = s {
            last = Some(*p);
        }
    }
    let mut after = vec![None; slots.len()];
    let mut next = None;
    for (k, s) in slots.iter().enumerate().rev() {
        after[k] = next;
        if let Slot::Pair(p) = s {
            next = Some(*p);
        }
    }
    (before, after)
}

/// A unit of few words (a footnote, a heading, the title): one lone on each
/// side between the same aligned neighbours is the same unit reworded
/// (`同上。` become `同通过`), if it kept some of its words ([`KEPT`]) or
/// had hardly any ([`FEW`]).
fn short(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Footnote | NodeKind::Section | NodeKind::Annex | NodeKind::Title
    )
}

fn reworded_in_place(old: &[Para], new: &[Para], so: &mut [Slot], sn: &mut [Slot]) {
    let (before, after) = around(so);
    let (nbefore, _) = around(sn);
    let lone_new = |j: usize, k: NodeKind| sn[j] == Slot::Free && new[j].kind == k;
    let mut found = Vec::new();
    for i in 0..old.len() {
        if so[i] != Slot::Free || !short(old[i].kind) {
            continue;
        }
        let lo = before[i].map_or(0, |b| b + 1);
        let hi = after[i].unwrap_or(new.len());
        if lo > hi {
            continue;
        }
        let js: Vec<usize> = (lo..hi).filter(|&j| lone_new(j, old[i].kind)).collect();
        let [j] = js[..] else { continue };
        // a long unit that shares few words with it is another one
        let (a, b) = (&old[i].tokens, &new[j].tokens);
        if a.len().max(b.len()) > FEW && dice(a, b) < KEPT {
            continue;
        }
        // the one lone unit of its kind on the old side of the same gap
        let olo = nbefore[j].map_or(0, |b| b + 1);
        let ohi = after_of(so, i).unwrap_or(old.len());
        let others = (olo..ohi)
            .filter(|&k| k != i && so[k] == Slot::Free && old[k].kind == old[i].kind)
            .count();
        if others == 0 {
            found.push((i, j));
        }
    }
    for (i, j) in found {
        if so[i] == Slot::Free && sn[j] == Slot::Free {
            so[i] = Slot::Pair(j);
            sn[j] = Slot::Pair(i);
        }
    }
}

/// The old index of the first paired paragraph after `i`.
fn after_of(so: &[Slot], i: usize) -> Option<usize> {
    (i + 1..so.len()).find(|&k| matches!(so[k], Slot::Pair(_)))
}

/// Lone paragraphs found elsewhere in the other version: the same text
/// first, then the most similar; out of their neighbours' order (else they
/// are changed in place).
fn moves(old: &[Para], new: &[Para], so: &mut [Slot], sn: &mut [Slot]) {
    let (before, after) = around(so);
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    let lone_old: Vec<usize> = (0..old.len()).filter(|&i| so[i] == Slot::Free).collect();
    let lone_new: Vec<usize> = (0..new.len()).filter(|&j| sn[j] == Slot::Free).collect();
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in &lone_old {
        by_hash.entry(old[i].hash).or_default().push(i);
    }
    for &j in &lone_new {
        if let Some(is) = by_hash.get(&new[j].hash) {
            cands.extend(is.iter().map(|&i| (2.0, i, j)));
        }
    }
    if lone_old.len() * lone_new.len() <= MOVE_CELLS {
        for &i in &lone_old {
            for &j in &lone_new {
                if old[i].kind == new[j].kind && old[i].hash != new[j].hash {
                    let s = dice(&old[i].tokens, &new[j].tokens);
                    if s >= MOVE {
                        cands.push((s, i, j));
                    }
                }
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in cands {
        if so[i] != Slot::Free || sn[j] != Slot::Free {
            continue;
        }
        let in_place = before[i].is_none_or(|b| b < j) && after[i].is_none_or(|a| a > j);
        if in_place {
            so[i] = Slot::Pair(j);
            sn[j] = Slot::Pair(i);
        } else {
            so[i] = Slot::Moved(j);
            sn[j] = Slot::Moved(i);
        }
    }
}

/// Paragraphs of `one` whose words are those of two consecutive paragraphs
/// of `two` (each lone, or the first's own partner): `(index in one, first
/// index in two)`; their slots become groups.
fn group(one: &[Para], two: &[Para], s1: &mut [Slot], s2: &mut [Slot]) -> Vec<(usize, usize)> {
    let (before, after) = around(s1);
    let mut out = Vec::new();
    for i in 0..one.len() {
        let (cands, base) = match s1[i] {
            Slot::Free => {
                let lo = before[i].map_or(0, |b| b + 1);
                let hi = after[i].unwrap_or(two.len()).min(lo + GAP_SEARCH);
                (lo..hi.saturating_sub(1), 0.0)
            }
            Slot::Pair(j) if one[i].hash != two[j].hash => (
                j.saturating_sub(1)..(j + 1).min(two.len().saturating_sub(1)),
                dice(&one[i].tokens, &two[j].tokens),
            ),
            _ => continue,
        };
        let usable = |j: usize| s2[j] == Slot::Free || s2[j] == Slot::Pair(i);
        let mut best: Option<(f64, usize)> = None;
        for j1 in cands {
            let j2 = j1 + 1;
            let kinds = two[j1].kind == one[i].kind || two[j2].kind == one[i].kind;
            if !(kinds && usable(j1) && usable(j2)) || s2[j1] != Slot::Free && s2[j2] != Slot::Free
            {
                continue;
            }
            let s = dice(&one[i].tokens, &merged(&two[j1].tokens, &two[j2].tokens));
            // each lone member's words are in the one paragraph
            let held = [j1, j2].iter().all(|&j| {
                let t = &two[j].tokens;
                s2[j] != Slot::Free || common(&one[i].tokens, t) as f64 >= HELD * t.len() as f64
            });
            if held && s >= GROUP && s > base && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, j1));
            }
        }
        if let Some((_, j1)) = best {
            s1[i] = Slot::Group;
            s2[j1] = Slot::Group;
            s2[j1 + 1] = Slot::Group;
            out.push((i, j1));
        }
    }
    out
}

fn entry(kind: Option<ChangeKind>, old: Vec<usize>, new: Vec<usize>, words: Vec<WordOp>) -> Entry {
    Entry {
        kind,
        old,
        new,
        words,
    }
}

/// The entries in the new version's order, each deleted paragraph after
/// the new place of the paragraph before it.
fn entries(
    old: &[Para],
    new: &[Para],
    so: &[Slot],
    sn: &[Slot],
    groups: Vec<(ChangeKind, Vec<usize>, Vec<usize>)>,
) -> Vec<Entry> {
    let mut keyed: Vec<((usize, u8, usize), Entry)> = Vec::new();
    for (j, s) in sn.iter().enumerate() {
        let e = match *s {
            Slot::Free => entry(
                Some(ChangeKind::Added),
                vec![],
                vec![j],
                whole(Op::Insert, &new[j].text),
            ),
            Slot::Pair(i) | Slot::Moved(i) => {
                let (a, b) = (&old[i], &new[j]);
                let kind = if matches!(s, Slot::Moved(_)) {
                    Some(ChangeKind::Moved)
                } else if a.hash != b.hash {
                    Some(ChangeKind::Changed)
                } else if a.label_key() != b.label_key() {
                    Some(ChangeKind::Renumbered)
                } else {
                    None
                };
                let words = if a.hash != b.hash {
                    word_diff(&a.text, &b.text)
                } else {
                    Vec::new()
                };
                entry(kind, vec![i], vec![j], words)
            }
            Slot::Group => continue,
        };
        keyed.push(((j, 1, 0), e));
    }
    // where each old paragraph's successors go: after its partner
    let mut last_new: Option<usize> = None;
    let mut place = vec![None; old.len()];
    let mut in_group: HashMap<usize, usize> = HashMap::new();
    for (_, o, n) in &groups {
        for &i in o {
            in_group.insert(i, *n.iter().max().unwrap());
        }
    }
    for (i, s) in so.iter().enumerate() {
        place[i] = last_new;
        match *s {
            Slot::Pair(j) => last_new = Some(j),
            Slot::Group => last_new = in_group.get(&i).copied().or(last_new),
            _ => {}
        }
    }
    for (i, s) in so.iter().enumerate() {
        if *s == Slot::Free {
            let key = place[i].map_or((0, 0, i), |j| (j, 2, i));
            let e = entry(
                Some(ChangeKind::Deleted),
                vec![i],
                vec![],
                whole(Op::Delete, &old[i].text),
            );
            keyed.push((key, e));
        }
    }
    for (kind, o, n) in groups {
        let join = |ps: &[Para], ix: &[usize]| {
            ix.iter()
                .map(|&k| ps[k].text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let words = word_diff(&join(old, &o), &join(new, &n));
        keyed.push(((n[0], 1, 0), entry(Some(kind), o, n, words)));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, e)| e).collect()
}

fn whole(op: Op, text: &str) -> Vec<WordOp> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![WordOp {
        op,
        text: text.to_string(),
    }]
}

/// Two versions compared: their body paragraphs (with the title and the
/// headings) in order, then their footnotes.
pub fn compare_versions(
    (mut old, mut new): (Vec<Para>, Vec<Para>),
    (old_notes, new_notes): (Vec<Para>, Vec<Para>),
    work: &mut Work,
) -> Comparison {
    let titled = |ps: &[Para]| ps.iter().any(|p| p.kind == NodeKind::Title);
    if titled(&old) != titled(&new) {
        old.retain(|p| p.kind != NodeKind::Title);
        new.retain(|p| p.kind != NodeKind::Title);
    }
    let mut body = compare_paragraphs(old, new, work);
    for e in &mut body.entries {
        let title = e
            .new
            .first()
            .is_some_and(|&j| body.new[j].kind == NodeKind::Title);
        if title && e.kind == Some(ChangeKind::Renumbered) {
            e.kind = None;
        }
    }
    let notes = compare_paragraphs(old_notes, new_notes, work);
    let (no, nn) = (body.old.len(), body.new.len());
    for mut e in notes.entries {
        e.kind = match e.kind {
            Some(ChangeKind::Renumbered) => None,
            Some(ChangeKind::Moved) if e.words.is_empty() => None,
            Some(ChangeKind::Moved) => Some(ChangeKind::Changed),
            k => k,
        };
        e.old.iter_mut().for_each(|i| *i += no);
        e.new.iter_mut().for_each(|j| *j += nn);
        body.entries.push(e);
    }
    body.old.extend(notes.old);
    body.new.extend(notes.new);
    body.cut_short |= notes.cut_short;
    body
}
