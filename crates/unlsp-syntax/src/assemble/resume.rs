//! Incremental reassembly. A full walk snapshots the builder every
//! `CHECKPOINT_EVERY` content blocks. After an edit the walk restarts from the
//! last checkpoint far enough before the edit that no earlier block's
//! look-ahead reaches it, with the nodes before it cut from the old tree, and
//! stops at the first old checkpoint after the edit whose state, shifted by the
//! edit, equals the new state: from there on the old run's result is the new
//! one's, shifted. Whatever is not proven equal falls back to walking on (to the
//! end) or to a full walk.

use super::builder::*;
use super::conclude::conclude;
use super::converge::{Frame, Plan, Rest, Tail, converges, stitch};
use super::shift::{Remap, Shift};
use crate::lang::Lang;
use crate::lexer::{Block, BlockKind};
use crate::tree::{Meta, Node, Nodes};

/// Content blocks and blocks between the restart checkpoint and the first
/// re-lexed block: `next_content` and `heading_run_end` look at most 10 content
/// blocks ahead, `is_running_title` at most 9 blocks, so no decision taken
/// before the checkpoint depended on the edited blocks.
const RESTART_CONTENT: usize = 12;

const RESTART_BLOCKS: usize = 10;

/// `is_running_title` looks 3 blocks back: the state converges only where those
/// are old blocks again.
const LOOK_BACK: usize = 3;

/// Each edit brings this fraction of the checkpoints up to date (applies the
/// shifts logged since their epoch), in turn, so that the log stays short
/// (about twice this many edits) and no single edit pays for all of them.
const CATCH_UP_PARTS: usize = 16;

/// What a walk leaves for the next edit: its checkpoints and what `conclude`
/// needs beyond the nodes.
pub(crate) struct AsmMemo {
    checkpoints: Vec<Checkpoint>,
    log: Vec<Shift>,
    /// The next checkpoint to bring up to date.
    cursor: usize,
    raw_meta: Meta,
    counters: Counters,
    /// The tree's nodes are the walk's raw nodes (see `conclude`).
    usable: bool,
}

/// An edit as the blocks saw it: old blocks `first..old_end` became new blocks
/// `first..new_end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EditSpan {
    pub first: usize,
    pub old_end: usize,
    pub new_end: usize,
    pub shift: Shift,
}

pub(crate) struct Reassembly {
    pub assembly: Assembly,
    /// Nodes starting before `lo` are the old ones; nodes starting at or after
    /// `hi` (new offsets) are old ones shifted. `None`: walked to the end.
    pub lo: usize,
    pub(crate) hi: Option<usize>,
}

impl Builder<'_> {
    /// Close what the walk left open and conclude the tree, fixing the ranges
    /// of the top-level nodes from `fix_from` on; with the counters and the
    /// metadata as the walk found them (before `conclude` amends it).
    pub(super) fn finish_walk(&mut self, fix_from: usize) -> (Assembly, bool, Counters, Meta) {
        self.close_all();
        let counters = self.counters();
        let raw_meta = self.st.meta.clone();
        let top = std::mem::take(&mut self.top);
        let n = top.len();
        let meta = std::mem::take(&mut self.st.meta);
        let (asm, orderly) = conclude(self.text, self.lang, top, meta, counters, fix_from..n);
        (asm, orderly, counters, raw_meta)
    }

    /// Nodes a checkpoint would clone with the open paragraph and its open
    /// sub-paragraphs.
    fn open_nodes(&self) -> usize {
        fn size(n: &Node) -> usize {
            1 + n.children.iter().map(size).sum::<usize>()
        }
        self.st.para.as_ref().map_or(0, size)
            + self.st.subs.iter().map(|(n, _)| size(n)).sum::<usize>()
    }

    /// Walk the blocks from `from`, taking checkpoints; `stop` is asked before
    /// each block and ends the walk (true) when the rest is known.
    pub(super) fn walk(
        &mut self,
        from: usize,
        mut stop: impl FnMut(&mut Self, usize) -> bool,
    ) -> bool {
        let blocks = self.blocks;
        // a very long text keeps at most about `MAX_CHECKPOINTS` of them: an
        // edit walks a little further, the memory stays bounded
        let every = CHECKPOINT_EVERY.max(blocks.len() / MAX_CHECKPOINTS);
        let mut i = from;
        while i < blocks.len() {
            if i > from && stop(self, i) {
                return true;
            }
            if i == from || self.since_checkpoint >= self.checkpoint_due {
                // a checkpoint clones the open paragraph with its
                // sub-paragraphs: a long one (a list of hundreds of items) is
                // snapshotted in proportion less often, so that it costs
                // linear time, not quadratic
                let due = every * (1 + self.open_nodes() / OPEN_NODES_PER_STEP);
                if i == from || self.since_checkpoint >= due {
                    self.checkpoint(i);
                    self.checkpoint_due = every;
                } else {
                    self.checkpoint_due = due;
                }
            }
            let b = &blocks[i];
            self.block(i, b);
            if !b.is_blank() {
                self.st.prev_blank = false;
                if !matches!(b.kind, BlockKind::Furniture(_)) {
                    self.since_checkpoint += 1;
                }
            }
            i += 1;
        }
        false
    }

    pub(super) fn checkpoint(&mut self, i: usize) {
        let c = Checkpoint {
            block: i,
            epoch: self.epoch,
            snap: Box::new(self.snap()),
            top_len: self.top.len(),
            section_len: self.section.as_ref().map_or(0, |n| n.children.len()),
            part_len: self.part.as_ref().map_or(0, |n| n.children.len()),
            operative_leads: self.operative_leads,
            numbered_total: self.numbered_total,
        };
        self.checkpoints.push(c);
        self.since_checkpoint = 0;
    }

    /// Take the small state of `s`; the containers are set by the caller.
    pub(super) fn load(&mut self, s: Snap) {
        self.st = s.st;
    }
}

/// Bring the next part of the checkpoints up to date; once all have been,
/// drop the shifts every checkpoint has applied. A checkpoint with a position
/// inside an edit cannot be mapped and is dropped.
fn catch_up(memo: &mut AsmMemo) {
    let n = memo.checkpoints.len();
    let step = n.div_ceil(CATCH_UP_PARTS).max(1);
    let from = memo.cursor.min(n);
    let to = (from + step).min(n);
    let log = &memo.log;
    let mut lost = Vec::new();
    for (i, k) in memo.checkpoints[from..to].iter_mut().enumerate() {
        if k.epoch < log.len() {
            let mut r = Remap::new(&log[k.epoch..]);
            r.snap(&mut k.snap);
            k.epoch = log.len();
            if !r.ok {
                lost.push(from + i);
            }
        }
    }
    memo.cursor = to - lost.len();
    for &i in lost.iter().rev() {
        memo.checkpoints.remove(i);
    }
    if memo.cursor >= memo.checkpoints.len() {
        memo.cursor = 0;
        let done = memo
            .checkpoints
            .iter()
            .map(|c| c.epoch)
            .min()
            .unwrap_or(memo.log.len());
        let done = done.min(memo.log.len());
        memo.log.drain(..done);
        for c in &mut memo.checkpoints {
            c.epoch -= done;
        }
    }
}

/// A full walk, keeping its checkpoints.
pub(crate) fn assemble_with_memo(text: &str, blocks: &[Block], lang: Lang) -> (Assembly, AsmMemo) {
    let mut b = Builder::new(text, blocks, lang);
    b.walk(0, |_, _| false);
    let (asm, orderly, counters, raw_meta) = b.finish_walk(0);
    let memo = AsmMemo {
        checkpoints: b.checkpoints,
        log: Vec::new(),
        cursor: 0,
        raw_meta,
        counters,
        usable: orderly,
    };
    (asm, memo)
}

/// The largest block index a restart may start from for an edit whose first
/// re-lexed block is `first`.
fn restart_limit(blocks: &[Block], first: usize) -> usize {
    let mut content = 0;
    let mut j = first.min(blocks.len());
    while j > 0 {
        j -= 1;
        let b = &blocks[j];
        if !b.is_blank() && !matches!(b.kind, BlockKind::Furniture(_)) {
            content += 1;
        }
        if content >= RESTART_CONTENT && first - j >= RESTART_BLOCKS {
            return j;
        }
    }
    0
}

/// Re-assemble after an edit from the old tree's nodes (in old offsets) and the
/// memo of the walk that built them. `Err` gives the nodes back untouched when
/// no restart is possible (then walk in full).
pub(crate) fn reassemble(
    text: &str,
    blocks: &[Block],
    lang: Lang,
    memo: &mut AsmMemo,
    mut old: Nodes,
    e: &EditSpan,
) -> Result<Reassembly, Nodes> {
    if !memo.usable {
        return Err(old);
    }
    let Some((ci, snap)) = restart_point(memo, blocks, e) else {
        return Err(old);
    };
    let c = &memo.checkpoints[ci];
    if !frame_fits(&old, &snap, c) {
        return Err(old);
    }
    let lo = restart_offset(&snap, blocks[c.block].start);
    // cut the old tree at the checkpoint
    let mut b = Builder::new(text, blocks, lang);
    let t = c.top_len;
    let rest = cut_at(&mut b, &mut old, &snap, c);
    b.top = old;
    b.operative_leads = c.operative_leads;
    b.numbered_total = c.numbered_total;
    b.load(snap);
    b.epoch = memo.log.len() + 1;
    let start = c.block;

    // walk until the state meets an old checkpoint's
    let dn = e.new_end as isize - e.old_end as isize;
    let found = walk_to_convergence(&mut b, memo, start, e, &rest);
    let fix_from = t.saturating_sub(1);
    let (asm, orderly, hi, counters, raw_meta, tail_from) = match found {
        Some((ki, plan, frame)) => {
            let (asm, orderly, hi, counters, meta) =
                finish_converged(&mut b, memo, ki, plan, rest, e, fix_from);
            (asm, orderly, Some(hi), counters, meta, Some((ki, frame)))
        }
        None => {
            let (asm, orderly, counters, meta) = b.finish_walk(fix_from);
            (asm, orderly, None, counters, meta, None)
        }
    };
    memo.checkpoints = merge_checkpoints(memo, ci, &mut b.checkpoints, tail_from, dn);
    memo.log.push(e.shift);
    catch_up(memo);
    memo.raw_meta = raw_meta;
    memo.counters = counters;
    memo.usable = orderly;
    Ok(Reassembly {
        assembly: asm,
        lo,
        hi,
    })
}

/// The restart checkpoint: the last one at or before the restart limit whose
/// state maps to present offsets (it lies before the edit, which leaves it
/// as it is), with that state.
fn restart_point(memo: &AsmMemo, blocks: &[Block], e: &EditSpan) -> Option<(usize, Snap)> {
    let limit = restart_limit(blocks, e.first);
    let mut ci = memo.checkpoints.partition_point(|c| c.block <= limit);
    let snap = loop {
        if ci == 0 {
            return None;
        }
        ci -= 1;
        let c = &memo.checkpoints[ci];
        let mut s = (*c.snap).clone();
        let mut r = Remap::new(&memo.log[c.epoch..]);
        r.snap(&mut s);
        if r.ok {
            break s;
        }
    };
    (memo.checkpoints[ci].block < blocks.len()).then_some((ci, snap))
}

/// The old tree holds the frame the checkpoint describes.
fn frame_fits(old: &[Node], snap: &Snap, c: &Checkpoint) -> bool {
    let (t, sl, pl) = (c.top_len, c.section_len, c.part_len);
    let spine = snap.section.is_some() || snap.part.is_some();
    old.len() >= t + spine as usize
        && (t == 0
            || snap
                .top_last
                .as_ref()
                .is_some_and(|(k, _)| *k == old[t - 1].kind))
        && match (&snap.section, &snap.part) {
            (Some((s, _)), p) => {
                let n = &old[t];
                n.kind == s.kind
                    && n.children.len() >= sl + p.is_some() as usize
                    && p.as_ref().is_none_or(|(p, _)| {
                        n.children[sl].kind == p.kind && n.children[sl].children.len() >= pl
                    })
            }
            (None, Some((p, _))) => old[t].kind == p.kind && old[t].children.len() >= pl,
            (None, None) => true,
        }
}

/// Where the restarted walk may change the tree: the checkpoint's block, or
/// the start of a node open there.
fn restart_offset(snap: &Snap, pos_c: usize) -> usize {
    snap.st
        .heading
        .iter()
        .chain(snap.st.para.iter())
        .chain(snap.st.subs.iter().map(|(n, _)| n))
        .chain(snap.st.floats.iter())
        .map(|n| n.range.start)
        .chain(snap.top_last.iter().map(|(_, r)| r.start))
        .fold(pos_c, usize::min)
}

/// Cut the old tree at the checkpoint: the builder takes the containers open
/// there, with the children they had; the rest of the old tree is returned.
fn cut_at(b: &mut Builder, old: &mut Nodes, snap: &Snap, c: &Checkpoint) -> Rest {
    let (t, sl, pl) = (c.top_len, c.section_len, c.part_len);
    let spine = snap.section.is_some() || snap.part.is_some();
    let mut top_rest = old.split_off(t);
    let top_last_final = old.last().map(|n| n.range.clone());
    if let (Some(n), Some((_, r))) = (old.last_mut(), &snap.top_last) {
        n.range = r.clone();
    }
    let mut rest = Rest {
        t,
        top_off: t + spine as usize,
        top: Nodes::new(),
        top_last_final,
        section: None,
        part: None,
        section_open: snap.section.is_some(),
        part_open: snap.part.is_some(),
    };
    let open = |n: Node, h: &Node, keep: usize| -> (Node, Tail) {
        let range = n.range;
        let mut children = n.children;
        let tail = children.split_off(keep);
        let mut o = h.clone();
        o.children = children;
        (
            o,
            Tail {
                range,
                off: keep,
                children: tail,
            },
        )
    };
    if spine {
        let n = top_rest.remove(0);
        match (&snap.section, &snap.part) {
            (Some((sh, _)), p) => {
                let (mut sec, mut tail) = open(n, sh, sl);
                if let Some((ph, _)) = p {
                    let pn = tail.children.remove(0);
                    tail.off += 1;
                    let (part, ptail) = open(pn, ph, pl);
                    b.part = Some(part);
                    rest.part = Some(ptail);
                }
                sec.range = sh.range.clone();
                b.section = Some(sec);
                rest.section = Some(tail);
            }
            (None, Some((ph, _))) => {
                let (part, ptail) = open(n, ph, pl);
                b.part = Some(part);
                rest.part = Some(ptail);
            }
            (None, None) => unreachable!(),
        }
    }
    rest.top = top_rest;
    rest
}

/// Walk on from block `start` until the state meets an old checkpoint's:
/// that checkpoint, how the rest of the old tree joins, and the frame there.
fn walk_to_convergence(
    b: &mut Builder,
    memo: &AsmMemo,
    start: usize,
    e: &EditSpan,
    rest: &Rest,
) -> Option<(usize, Plan, Frame)> {
    let dn = e.new_end as isize - e.old_end as isize;
    let min_old = (e.old_end + LOOK_BACK).max(start + 1);
    let mut cand = memo.checkpoints.partition_point(|k| k.block < min_old);
    let mut found: Option<(usize, Plan, Frame)> = None;
    let (cps, log) = (&memo.checkpoints, &memo.log);
    b.walk(start, |b, i| {
        while let Some(k) = cps.get(cand) {
            let nb = (k.block as isize + dn) as usize;
            if nb < i {
                cand += 1;
                continue;
            }
            if nb > i {
                return false;
            }
            cand += 1;
            if let Some(plan) = converges(b, k, log, e.shift, rest) {
                let frame = Frame {
                    top_len: b.top.len(),
                    section_len: b.section.as_ref().map_or(0, |n| n.children.len()),
                    part_len: b.part.as_ref().map_or(0, |n| n.children.len()),
                    operative_leads: b.operative_leads,
                    numbered_total: b.numbered_total,
                };
                found = Some((cand - 1, plan, frame));
                return true;
            }
            return false;
        }
        false
    });
    found
}

/// The tree after a walk that converged at the old checkpoint `ki`: the rest
/// of the old tree stitched on, the counters carried over; and where the new
/// walk stopped.
fn finish_converged(
    b: &mut Builder,
    memo: &mut AsmMemo,
    ki: usize,
    plan: Plan,
    rest: Rest,
    e: &EditSpan,
    fix_from: usize,
) -> (Assembly, bool, usize, Counters, Meta) {
    let dn = e.new_end as isize - e.old_end as isize;
    let (text, blocks, lang) = (b.text, b.blocks, b.lang);
    let k = &memo.checkpoints[ki];
    let hi = blocks[(k.block as isize + dn) as usize].start;
    let built = stitch(b, rest, plan, e.shift);
    let add = |now: usize, fin: usize, then: usize| {
        (now as isize + fin as isize - then as isize).max(0) as usize
    };
    let counters = Counters {
        operative_leads: add(
            b.operative_leads,
            memo.counters.operative_leads,
            k.operative_leads,
        ),
        numbered_total: add(
            b.numbered_total,
            memo.counters.numbered_total,
            k.numbered_total,
        ),
        sponsors: memo.counters.sponsors,
        decision_hint: memo.counters.decision_hint,
    };
    let mut meta = std::mem::take(&mut memo.raw_meta);
    Remap::new(&[e.shift]).meta(&mut meta);
    let top = std::mem::take(&mut b.top);
    let (asm, orderly) = conclude(text, lang, top, meta.clone(), counters, fix_from..built);
    (asm, orderly, hi, counters, meta)
}

/// The checkpoints: the old ones before the restart, this walk's, the old
/// ones from the convergence on (their offsets shift lazily).
fn merge_checkpoints(
    memo: &mut AsmMemo,
    ci: usize,
    walked: &mut Vec<Checkpoint>,
    tail_from: Option<(usize, Frame)>,
    dn: isize,
) -> Vec<Checkpoint> {
    let old_cps = std::mem::take(&mut memo.checkpoints);
    let mut it = old_cps.into_iter();
    let mut cps: Vec<Checkpoint> = it.by_ref().take(ci).collect();
    cps.append(walked);
    if let Some((ki, f)) = tail_from {
        let later: Vec<Checkpoint> = it.skip(ki - ci).collect();
        // their counts in the new run's terms: the containers open at the
        // convergence hold as many more (or fewer) children as this walk made
        let (kt, ks, kp, ko, kn) = {
            let k = &later[0];
            (
                k.top_len,
                k.section_len,
                k.part_len,
                k.operative_leads,
                k.numbered_total,
            )
        };
        let k_sec = later[0].snap.section.is_some();
        let k_part = later[0].snap.part.is_some();
        let adj = |x: usize, now: usize, then: usize| {
            (x as isize + now as isize - then as isize).max(0) as usize
        };
        cps.extend(later.into_iter().map(|mut k| {
            if k.top_len == kt {
                let same_section = k_sec && k.snap.section.is_some();
                let same_part = k_part
                    && k.snap.part.is_some()
                    && k_sec == k.snap.section.is_some()
                    && (!k_sec || k.section_len == ks);
                if same_part {
                    k.part_len = adj(k.part_len, f.part_len, kp);
                }
                if same_section {
                    k.section_len = adj(k.section_len, f.section_len, ks);
                }
            }
            k.top_len = adj(k.top_len, f.top_len, kt);
            k.operative_leads = adj(k.operative_leads, f.operative_leads, ko);
            k.numbered_total = adj(k.numbered_total, f.numbered_total, kn);
            k.block = (k.block as isize + dn) as usize;
            k
        }));
    }
    cps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of hundreds of sub-paragraphs (checkpoints taken less
    /// often inside it): edits anywhere in it give the tree of a fresh parse.
    #[test]
    fn edits_in_a_long_paragraph_match_a_fresh_parse() {
        let mut text = String::from(
            "The General Assembly,\n\nRecalling its resolution 61/100,\n\n1. Decides:\n",
        );
        for k in 0..400 {
            let label = ["a", "b", "c", "d", "e", "f", "g", "h"][k % 8];
            text.push_str(&format!("({label}) item {k} of the list;\n"));
        }
        text.push_str("2. Requests the Secretary-General to report.\n");
        let mut doc = crate::Document::new(&text);
        // the paragraph holds the list (more open nodes than a checkpoint
        // step allows)
        fn size(n: &Node) -> usize {
            1 + n.children.iter().map(size).sum::<usize>()
        }
        let biggest = doc.tree().nodes.iter().map(size).max().unwrap_or(0);
        assert!(biggest > 4 * OPEN_NODES_PER_STEP, "{biggest}");
        for (k, at) in [40usize, 2_000, 7_000, 11_000, 60].into_iter().enumerate() {
            let at = crate::text::clamp_to_char(doc.text(), at.min(doc.text().len()));
            let ins = ["x", "\n(z) new;\n", "\n\n", "2. ", ";"][k];
            doc.edit(at..at, ins);
            let fresh = crate::Document::new(doc.text());
            assert!(*doc.tree() == *fresh.tree(), "after edit {k} at {at}");
            doc.edit(at..at + ins.len(), "");
            let fresh = crate::Document::new(doc.text());
            assert!(*doc.tree() == *fresh.tree(), "after undo {k} at {at}");
        }
    }
}
