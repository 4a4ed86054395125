//! The inline facts of a document's text units (citations, symbols, footnote
//! markers, paragraph references, dates), kept per unit so that an edit
//! analyses again only the units whose text changed, and spliced into the
//! tree's lists.

use super::units::{
    FoundUnit, Pieces, SEGMENT_MIN, Splitter, collect_units, unit_ceil, unit_floor,
};
use crate::assemble::Shift;
use crate::inline::{self, UnitFacts, View};
use crate::lexer::Block;
use crate::tree::{Citation, DateRef, FootnoteRef, NodeKind, ParagraphRef, SymbolRef, Tree};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The facts of every text unit, and the footnote markers found in them.
#[derive(Default)]
pub(super) struct FactStore {
    /// Facts per text unit in text order, reused for units whose text did not
    /// change.
    pub(super) units: Vec<UnitRec>,
    /// Footnote markers of all units but footnotes, in text order, before the
    /// filter of weak markers.
    pub(super) raw_refs: Vec<(FootnoteRef, bool)>,
    /// How many footnotes carry each number (weak markers need one).
    pub(super) footnotes: HashMap<u32, i32>,
}

/// One text unit's facts, in the offsets of the text it was analysed in:
/// present offsets are those plus `start - base`.
pub(super) struct UnitRec {
    start: usize,
    end: usize,
    /// A footnote's number.
    number: Option<u32>,
    base: usize,
    kind: NodeKind,
    /// The unit's own text, in the offsets it was analysed in; None when it
    /// is the unit's whole range (a paragraph without sub-paragraphs: a text
    /// of millions of numbered lines keeps no list per line).
    pieces: Option<Box<Pieces>>,
    /// None when the unit has no facts (most units, and every unit of a long
    /// list of bare numbers, hold none: the record stays small).
    facts: Option<Box<UnitFacts>>,
    lists: u32,
}

/// The facts of a unit that has none.
static NO_FACTS: UnitFacts = UnitFacts {
    citations: Vec::new(),
    symbols: Vec::new(),
    footnote_refs: Vec::new(),
    paragraph_refs: Vec::new(),
    dates: Vec::new(),
};

impl UnitRec {
    fn facts(&self) -> &UnitFacts {
        self.facts.as_deref().unwrap_or(&NO_FACTS)
    }

    /// The unit's own text, in the offsets it was analysed in.
    fn pieces(&self) -> Pieces {
        match &self.pieces {
            Some(p) => (**p).clone(),
            None => smallvec::smallvec![self.base..self.base + (self.end - self.start)],
        }
    }

    /// A unit found in the tree, not analysed yet.
    fn found(f: FoundUnit) -> UnitRec {
        UnitRec {
            start: f.range.start,
            end: f.range.end,
            number: f.number,
            base: f.range.start,
            kind: f.kind,
            pieces: (f.pieces.len() != 1 || f.pieces[0] != f.range).then(|| Box::new(f.pieces)),
            facts: None,
            lists: 0,
        }
    }

    /// This old unit's facts for the new unit `f`, whose text is the same.
    fn take_for(&mut self, f: &UnitRec) -> UnitRec {
        UnitRec {
            start: f.start,
            end: f.end,
            number: f.number,
            base: self.base,
            kind: f.kind,
            pieces: std::mem::take(&mut self.pieces),
            facts: self.facts.take(),
            lists: self.lists,
        }
    }

    /// The unit's text analysed anew.
    fn analyse(&mut self, text: &str, tree: &Tree) {
        let view = View::new(text, &self.pieces());
        let facts = inline::analyse(
            &view,
            tree.lang,
            tree.meta.organ.as_deref(),
            self.kind == NodeKind::Footnote,
            tree.meta.symbol.as_deref(),
            0,
        );
        let lists = facts
            .citations
            .iter()
            .map(|c| c.list)
            .max()
            .map(|m| m + 1)
            .unwrap_or(0);
        self.base = self.start;
        self.facts = has_facts(&facts).then(|| Box::new(facts));
        self.lists = lists;
    }
}

/// The units to analyse and the old units they replace.
struct Plan {
    /// The units found, not analysed yet.
    found: Vec<UnitRec>,
    /// The old units replaced, `units[olds]`.
    olds: Range<usize>,
    /// Only the units of the window are replaced (else all).
    partial: bool,
    /// The window, in present offsets.
    lo: usize,
    hi: usize,
}

/// The part of the window whose facts change: the leading new units `..k0`
/// and the trailing ones `n - k1..` keep their entries in the tree's lists.
struct Narrowed {
    k0: usize,
    k1: usize,
    /// The narrowed window, in present offsets.
    lo: usize,
    hi: usize,
}

/// The facts of the units of the window, in present offsets.
#[derive(Default)]
struct WindowFacts {
    citations: Vec<Citation>,
    symbols: Vec<SymbolRef>,
    refs: Vec<(FootnoteRef, bool)>,
    paragraph_refs: Vec<ParagraphRef>,
    dates: Vec<DateRef>,
    /// Citation lists the units hold.
    lists: u32,
}

/// `x` (a present offset after the edit, or `usize::MAX`) before the edit.
fn old_offset(x: usize, delta: isize) -> usize {
    if x == usize::MAX {
        x
    } else {
        (x as isize - delta) as usize
    }
}

impl FactStore {
    /// The facts of the units starting in the window `lo..hi` (the whole tree
    /// when `window` is None) are computed again — or reused when a unit's text
    /// did not change — and spliced into the old tree's lists.
    pub(super) fn collect(
        &mut self,
        text: &str,
        blocks: &[Block],
        tree: &mut Tree,
        old: &mut Tree,
        window: Option<(usize, Option<usize>)>,
        shift: Option<Shift>,
    ) {
        let delta = shift.map_or(0, |s| s.delta);
        let split = Splitter::new(text, blocks, SEGMENT_MIN);
        let Plan {
            found,
            olds,
            partial,
            lo,
            hi,
        } = self.plan(tree, window, delta, &split);
        let base_lists: u32 = self.units[..olds.start].iter().map(|u| u.lists).sum();
        let old_spans: Vec<(usize, usize, u32)> = (self.units[olds.clone()].iter())
            .map(|u| (u.start, u.end, u.lists))
            .collect();
        let mut new_recs = found;
        let origin = reuse_or_analyse(
            text,
            tree,
            &mut self.units[olds.clone()],
            &mut new_recs,
            shift,
            partial,
        );
        let narrowed = if partial {
            narrow(&new_recs, &origin, &old_spans, lo, hi, delta)
        } else {
            None
        };
        let Narrowed { k0, k1, lo, hi } = narrowed.unwrap_or(Narrowed {
            k0: 0,
            k1: 0,
            lo,
            hi,
        });
        let base_lists = base_lists + new_recs[..k0].iter().map(|u| u.lists).sum::<u32>();
        let old_lists: u32 = old_spans[k0..old_spans.len() - k1]
            .iter()
            .map(|x| x.2)
            .sum();
        let n = new_recs.len();
        let facts = window_facts(&new_recs[k0..n - k1], base_lists, tree);
        self.splice_units(olds, new_recs, delta, partial);
        if partial {
            let window = lo..old_offset(hi, delta);
            self.splice_facts(tree, old, facts, window, delta, old_lists);
        } else {
            tree.citations = facts.citations;
            tree.symbols = facts.symbols;
            tree.paragraph_refs = facts.paragraph_refs;
            tree.dates = facts.dates;
            self.raw_refs = facts.refs;
        }
        self.keep_markers(text, tree);
    }

    /// The units starting in the window, when it is clean, else all units.
    fn plan(
        &self,
        tree: &Tree,
        window: Option<(usize, Option<usize>)>,
        delta: isize,
        split: &Splitter,
    ) -> Plan {
        let (lo, hi_new) = match window {
            Some((lo, hi)) => (
                unit_floor(&tree.nodes, lo),
                hi.map_or(usize::MAX, |h| unit_ceil(&tree.nodes, h)),
            ),
            None => (0, usize::MAX),
        };
        let hi_old = old_offset(hi_new, delta);
        let mut found = Vec::new();
        collect_units(&tree.nodes, lo, hi_new, split, &mut found, &UnitRec::found);
        // The window must be clean: the units starting in it end in it, the
        // ones before it end before it (overlapping nodes — a footnote that
        // runs on over the next text — break that). Else all units.
        // units before, in and after the window, in tree order, must come in
        // that order (each class contiguous)
        let class = |u: &UnitRec| {
            if u.start < lo {
                (0u8, u.end <= lo)
            } else if u.start < hi_old {
                (1, u.end <= hi_old)
            } else {
                (2, true)
            }
        };
        let mut counts = [0usize; 3];
        let mut last = 0u8;
        let clean = window.is_some()
            && found.iter().all(|f| f.end <= hi_new)
            && self.units.iter().all(|u| {
                let (c, inside) = class(u);
                counts[c as usize] += 1;
                let ok = inside && c >= last;
                last = c;
                ok
            });
        if clean {
            return Plan {
                found,
                olds: counts[0]..counts[0] + counts[1],
                partial: true,
                lo,
                hi: hi_new,
            };
        }
        if window.is_some() {
            found.clear();
            collect_units(
                &tree.nodes,
                0,
                usize::MAX,
                split,
                &mut found,
                &UnitRec::found,
            );
        }
        Plan {
            found,
            olds: 0..self.units.len(),
            partial: false,
            lo: 0,
            hi: hi_new,
        }
    }

    /// Put the new units in place of the old ones `olds`, shift the units
    /// after them and count the footnotes again.
    fn splice_units(
        &mut self,
        olds: Range<usize>,
        new_recs: Vec<UnitRec>,
        delta: isize,
        partial: bool,
    ) {
        let end = olds.start + new_recs.len();
        if partial {
            for u in &self.units[olds.clone()] {
                if let Some(n) = u.number {
                    *self.footnotes.entry(n).or_default() -= 1;
                }
            }
            for u in &new_recs {
                if let Some(n) = u.number {
                    *self.footnotes.entry(n).or_default() += 1;
                }
            }
        }
        if olds == (0..self.units.len()) {
            // a whole new list: no second copy while it is spliced in
            self.units = new_recs;
        } else {
            self.units.splice(olds, new_recs);
        }
        if delta != 0 {
            for u in &mut self.units[end..] {
                u.start = (u.start as isize + delta) as usize;
                u.end = (u.end as isize + delta) as usize;
            }
        }
        if !partial {
            self.footnotes.clear();
            for n in self.units.iter().filter_map(|u| u.number) {
                *self.footnotes.entry(n).or_default() += 1;
            }
        }
    }

    /// The window's facts in place of the old tree's facts of `window` (old
    /// offsets), the facts after it shifted by the edit.
    fn splice_facts(
        &mut self,
        tree: &mut Tree,
        old: &mut Tree,
        facts: WindowFacts,
        window: Range<usize>,
        delta: isize,
        old_lists: u32,
    ) {
        let (p, q_old) = (window.start, window.end);
        let mut v = std::mem::take(&mut old.citations);
        let end = splice_window(
            &mut v,
            p,
            q_old,
            facts.citations,
            |c| c.range.start,
            |c| shift_citation(c, delta),
        );
        let new_lists = facts.lists;
        if new_lists != old_lists {
            for c in &mut v[end..] {
                c.list = (c.list as i64 + new_lists as i64 - old_lists as i64).max(0) as u32;
            }
        }
        tree.citations = v;
        let mut v = std::mem::take(&mut old.symbols);
        splice_window(
            &mut v,
            p,
            q_old,
            facts.symbols,
            |s| s.range.start,
            |s| shift_symbol(s, delta),
        );
        tree.symbols = v;
        let mut v = std::mem::take(&mut old.paragraph_refs);
        splice_window(
            &mut v,
            p,
            q_old,
            facts.paragraph_refs,
            |p| p.range.start,
            |p| shift_paragraph_ref(p, delta),
        );
        tree.paragraph_refs = v;
        let mut v = std::mem::take(&mut old.dates);
        splice_window(
            &mut v,
            p,
            q_old,
            facts.dates,
            |d| d.range.start,
            |d| d.range = sh(&d.range, delta),
        );
        tree.dates = v;
        splice_window(
            &mut self.raw_refs,
            p,
            q_old,
            facts.refs,
            |(r, _)| r.range.start,
            |(r, _)| r.range = sh(&r.range, delta),
        );
    }

    /// Weak markers (a digit after a word) count only when a footnote with
    /// that number exists and they come in sequence, one marker the text
    /// lost (`Agreement4and`) allowed for, so that it breaks no chain. A
    /// marker glued to its word (`tests6`, `2024(1)`) that is the next in
    /// sequence counts without its footnote: the footnote was lost (UN077);
    /// so does any weak marker next after the last footnote, once every
    /// footnote has had its marker. The last digits of a resolution number
    /// (`77/191,`: 77/19 and marker 1) are a marker only before a word or in
    /// a language that puts its markers before the punctuation, as the very
    /// next one, with its footnote, and where no strong marker has that number.
    fn keep_markers(&self, text: &str, tree: &mut Tree) {
        let mut max_seen = 0;
        let glued = |r: &FootnoteRef| {
            text[..r.range.start].ends_with(|c: char| c.is_alphanumeric() || c == '(')
        };
        let last_note = (self.footnotes.iter())
            .filter(|(_, n)| **n > 0)
            .map(|(k, _)| *k)
            .max()
            .unwrap_or(0);
        let before_punct = tree.lang.table().marker_before_punctuation;
        let tail = |r: &FootnoteRef| crate::inline::is_number_tail(text, r.range.start);
        // `resolutions 71/20518 and 72/190`: a marker glued to a number of
        // four digits or more (an act's number has three at most: `64/191
        // of` is no 64/19 with marker 1) and followed by a word, in any
        // language (before punctuation only where the language puts its
        // markers there)
        let before_word = |r: &FootnoteRef| {
            let rest = &text[r.range.end..];
            let digits = (text[..r.range.end].bytes().rev())
                .take_while(u8::is_ascii_digit)
                .count();
            digits >= 4 && rest.starts_with(' ') && rest[1..].starts_with(char::is_alphabetic)
        };
        // the numbers a strong marker elsewhere offers
        let elsewhere: std::collections::HashSet<u32> = (self.raw_refs.iter())
            .filter(|(r, strong)| *strong && !tail(r))
            .map(|(r, _)| r.number)
            .collect();
        for (r, strong) in &self.raw_refs {
            let next = r.number == max_seen + 1;
            let has_note = self.footnotes.get(&r.number).is_some_and(|&n| n > 0);
            // `77/191,`: the number's own digits unless the very next marker,
            // with its footnote, and no strong marker elsewhere has it
            // (`67/252 of …` in an English text whose marker 2 is `,2`)
            if !strong && tail(r) {
                if (before_punct || before_word(r))
                    && next
                    && has_note
                    && !elsewhere.contains(&r.number)
                {
                    max_seen = r.number;
                    tree.footnote_refs.push(r.clone());
                }
                continue;
            }
            // a marker glued to its word (`الدولية(11)`) may follow a run of
            // lost ones (three); one standing apart, a single lost one
            let reach = if glued(r) { 4 } else { 2 };
            let keep = *strong
                || (r.number > 0
                    && r.number <= max_seen + reach
                    && self.footnotes.get(&r.number).is_some_and(|&n| n > 0))
                || (next && glued(r))
                || (next && max_seen > 0 && max_seen == last_note);
            if keep {
                max_seen = max_seen.max(r.number);
                tree.footnote_refs.push(r.clone());
            }
        }
    }

    /// Give back the spare room the lists grew while they were built.
    pub(super) fn shrink_to_fit(&mut self) {
        for u in &mut self.units {
            if let Some(p) = u.pieces.as_deref_mut() {
                p.shrink_to_fit();
            }
            let Some(f) = u.facts.as_deref_mut() else {
                continue;
            };
            f.citations.shrink_to_fit();
            f.symbols.shrink_to_fit();
            f.footnote_refs.shrink_to_fit();
            f.paragraph_refs.shrink_to_fit();
            f.dates.shrink_to_fit();
        }
        self.units.shrink_to_fit();
        self.raw_refs.shrink_to_fit();
    }
}

/// The units `found` given their facts in place: an old unit's (from
/// `olds`) where its text is the same, shifted, else the unit analysed anew.
/// Returns, when only a window is analysed (`partial`), the old unit each was
/// taken from in order (`None` when analysed); else nothing.
fn reuse_or_analyse(
    text: &str,
    tree: &Tree,
    olds: &mut [UnitRec],
    found: &mut [UnitRec],
    shift: Option<Shift>,
    partial: bool,
) -> Vec<Option<usize>> {
    // (all units: their order may not be text order, find them by start)
    let by_start: HashMap<usize, usize> = match shift {
        Some(s) if !partial => olds
            .iter()
            .enumerate()
            .filter_map(|(k, u)| Some((s.map(u.start)?, k)))
            .collect(),
        _ => HashMap::default(),
    };
    let mut cursor = 0;
    let mut origin: Vec<Option<usize>> = Vec::with_capacity(if partial { found.len() } else { 0 });
    for f in found {
        let (reused, from) = match shift {
            Some(s) if !partial => {
                let reused = (by_start.get(&f.start))
                    .map(|&k| &mut olds[k])
                    .filter(|u| {
                        u.kind == f.kind && !u.pieces().is_empty() && same_pieces(u, &f.pieces(), s)
                    })
                    .map(|u| u.take_for(f));
                (reused, None)
            }
            Some(s) => reuse_in_order(olds, &mut cursor, f, s),
            None => (None, None),
        };
        match reused {
            Some(u) => *f = u,
            None => f.analyse(text, tree),
        }
        if partial {
            origin.push(from);
        }
    }
    origin
}

/// The old unit at `f`'s start, in order from `cursor`, when its text is
/// `f`'s: its facts and its index.
fn reuse_in_order(
    olds: &mut [UnitRec],
    cursor: &mut usize,
    f: &UnitRec,
    s: Shift,
) -> (Option<UnitRec>, Option<usize>) {
    let start = f.start;
    while let Some(u) = olds.get_mut(*cursor) {
        match s.map(u.start) {
            Some(m) if m > start => break,
            Some(m) if m == start => {
                let mut out = (None, None);
                if u.kind == f.kind && same_pieces(u, &f.pieces(), s) {
                    out = (Some(u.take_for(f)), Some(*cursor));
                }
                *cursor += 1;
                return out;
            }
            _ => *cursor += 1,
        }
    }
    (None, None)
}

/// Narrow the window to what changed: leading units reused in place and
/// trailing ones reused shifted keep their entries in the lists. None when
/// nothing narrows it.
fn narrow(
    new_recs: &[UnitRec],
    origin: &[Option<usize>],
    old_spans: &[(usize, usize, u32)],
    lo: usize,
    hi: usize,
    delta: isize,
) -> Option<Narrowed> {
    let (n, m) = (new_recs.len(), old_spans.len());
    let mut k0 = 0;
    while k0 < n.min(m) && origin[k0] == Some(k0) && new_recs[k0].start == old_spans[k0].0 {
        k0 += 1;
    }
    let mut k1 = 0;
    while k1 < (n - k0).min(m - k0)
        && origin[n - 1 - k1] == Some(m - 1 - k1)
        && new_recs[n - 1 - k1].start as isize == old_spans[m - 1 - k1].0 as isize + delta
    {
        k1 += 1;
    }
    if k0 == 0 && k1 == 0 {
        return None;
    }
    let p2 = new_recs[..k0].iter().map(|u| u.end).fold(lo, usize::max);
    let q2 = new_recs[n - k1..]
        .iter()
        .map(|u| u.start)
        .fold(hi, usize::min);
    let q2_old = old_offset(q2, delta);
    let mid_new = &new_recs[k0..n - k1];
    let mid_old = &old_spans[k0..m - k1];
    let fits = mid_new.iter().all(|u| u.start >= p2 && u.end <= q2)
        && mid_old.iter().all(|&(s0, e0, _)| s0 >= p2 && e0 <= q2_old)
        && p2 <= q2;
    fits.then_some(Narrowed {
        k0,
        k1,
        lo: p2,
        hi: q2,
    })
}

fn has_facts(f: &UnitFacts) -> bool {
    !(f.citations.is_empty()
        && f.symbols.is_empty()
        && f.footnote_refs.is_empty()
        && f.paragraph_refs.is_empty()
        && f.dates.is_empty())
}

/// The facts of `units`, in present offsets, their citation lists numbered
/// from `base_lists`, in text order.
fn window_facts(units: &[UnitRec], base_lists: u32, tree: &Tree) -> WindowFacts {
    let mut w = WindowFacts::default();
    let mut list_base = base_lists;
    for u in units {
        let off = u.start as isize - u.base as isize;
        for c in &u.facts().citations {
            let mut c = c.clone();
            shift_citation(&mut c, off);
            c.list += list_base;
            w.citations.push(c);
        }
        list_base += u.lists;
        w.symbols.extend(u.facts().symbols.iter().map(|s| {
            let mut s = s.clone();
            shift_symbol(&mut s, off);
            s
        }));
        if u.kind != NodeKind::Footnote {
            w.refs
                .extend(u.facts().footnote_refs.iter().map(|(r, strong)| {
                    let mut r = r.clone();
                    r.range = sh(&r.range, off);
                    (r, *strong)
                }));
        }
        w.paragraph_refs
            .extend(u.facts().paragraph_refs.iter().map(|p| {
                let mut p = p.clone();
                shift_paragraph_ref(&mut p, off);
                p
            }));
        w.dates.extend(u.facts().dates.iter().map(|d| {
            let mut d = d.clone();
            d.range = sh(&d.range, off);
            d
        }));
    }
    w.lists = list_base - base_lists;
    // citations inside the masthead symbol and the title number are not citations
    if let Some(nr) = &tree.meta.number_range {
        (w.citations).retain(|c: &Citation| !(c.range.start >= nr.start && c.range.end <= nr.end));
    }
    w.citations.sort_by_key(|c| c.range.start);
    w.dates.sort_by_key(|d| d.range.start);
    w.symbols.sort_by_key(|s| s.range.start);
    w.refs.sort_by_key(|(r, _)| r.range.start);
    w
}

/// The old unit's text is the new unit's: the same pieces, all before the edit
/// or all after it (its facts move as one), shifted like their text.
fn same_pieces(u: &UnitRec, pieces: &[Range<usize>], s: Shift) -> bool {
    let off = u.start as isize - u.base as isize;
    let own = u.pieces();
    let span = match (own.first(), own.last()) {
        (Some(a), Some(b)) => sh(&(a.start..b.end), off),
        _ => return pieces.is_empty(),
    };
    let d = match (span.end <= s.start, span.start >= s.old_end) {
        (true, false) => 0,
        (false, true) => s.delta,
        _ => return false,
    };
    own.len() == pieces.len() && own.iter().zip(pieces).all(|(p, q)| sh(p, off + d) == *q)
}

/// Replace the items starting in `lo..hi` of a list ordered by `start` with
/// `new`, shifting the items after them; returns the end of the new items.
fn splice_window<T>(
    v: &mut Vec<T>,
    lo: usize,
    hi: usize,
    new: Vec<T>,
    start: impl Fn(&T) -> usize,
    mut shift: impl FnMut(&mut T),
) -> usize {
    let a = v.partition_point(|x| start(x) < lo);
    let b = v.partition_point(|x| start(x) < hi).max(a);
    for x in &mut v[b..] {
        shift(x);
    }
    let end = a + new.len();
    v.splice(a..b, new);
    end
}

fn sh(r: &Range<usize>, delta: isize) -> Range<usize> {
    (r.start as isize + delta) as usize..(r.end as isize + delta) as usize
}

fn shift_citation(c: &mut Citation, delta: isize) {
    c.range = sh(&c.range, delta);
    c.list_range = sh(&c.list_range, delta);
    c.date_range = c.date_range.as_ref().map(|r| sh(r, delta));
}

fn shift_symbol(s: &mut SymbolRef, delta: isize) {
    s.range = sh(&s.range, delta);
}

fn shift_paragraph_ref(p: &mut ParagraphRef, delta: isize) {
    p.range = sh(&p.range, delta);
    p.number_range = sh(&p.number_range, delta);
}
