//! Incremental reassembly. A full walk snapshots the builder every
//! `CHECKPOINT_EVERY` content blocks. After an edit the walk restarts from the
//! last checkpoint far enough before the edit that no earlier block's
//! look-ahead reaches it, with the nodes before it cut from the old tree, and
//! stops at the first old checkpoint after the edit whose state, shifted by the
//! edit, equals the new state: from there on the old run's result is the new
//! one's, shifted. Whatever is not proven equal falls back to walking on (to the
//! end) or to a full walk.

use super::*;

/// Content blocks (neither blank nor furniture) between two checkpoints.
pub(super) const CHECKPOINT_EVERY: usize = 32;
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

/// How an edit moves byte offsets: `start..old_end` replaced by text ending at
/// `old_end + delta`. Offsets before the edit stay, offsets after it shift,
/// offsets inside it have no image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub start: usize,
    pub old_end: usize,
    pub delta: isize,
}

impl Shift {
    pub fn map(&self, x: usize) -> Option<usize> {
        if x == usize::MAX {
            Some(x)
        } else if x < self.old_end {
            (x <= self.start).then_some(x)
        } else {
            Some((x as isize + self.delta) as usize)
        }
    }

    /// The text of `r` is the same before and after the edit.
    pub fn untouched(&self, r: &Range<usize>) -> bool {
        r.end <= self.start || r.start >= self.old_end
    }
}

/// Applies a sequence of shifts to the positions of nodes and states; `ok`
/// turns false when a position fell inside an edit.
struct Remap<'a> {
    log: &'a [Shift],
    ok: bool,
}

impl Remap<'_> {
    fn new(log: &[Shift]) -> Remap<'_> {
        Remap { log, ok: true }
    }

    fn pos(&mut self, x: usize) -> usize {
        let mut y = x;
        for s in self.log {
            match s.map(y) {
                Some(z) => y = z,
                None => {
                    self.ok = false;
                    return (y as isize + s.delta).max(s.start as isize) as usize;
                }
            }
        }
        y
    }

    fn range(&mut self, r: &mut Range<usize>) {
        if r.start > r.end {
            return; // a container's empty sentinel
        }
        r.start = self.pos(r.start);
        r.end = self.pos(r.end);
    }

    fn node(&mut self, n: &mut Node) {
        self.range(&mut n.range);
        if let Some(r) = n.label_range.as_mut() {
            self.range(r);
        }
        if let Some(l) = n.lead.as_mut() {
            self.range(&mut l.range);
        }
        for c in &mut n.children {
            self.node(c);
        }
    }

    fn meta(&mut self, m: &mut Meta) {
        if let Some(r) = m.symbol_range.as_mut() {
            self.range(r);
        }
        if let Some(r) = m.number_range.as_mut() {
            self.range(r);
        }
    }

    fn snap(&mut self, s: &mut Snap) {
        if self.log.is_empty() {
            return;
        }
        for n in s.st.heading.iter_mut().chain(s.st.para.iter_mut()) {
            self.node(n);
        }
        for (n, _) in &mut s.st.subs {
            self.node(n);
        }
        for n in &mut s.st.floats {
            self.node(n);
        }
        if let Some(x) = s.st.heading_run.as_mut() {
            *x = self.pos(*x);
        }
        s.st.heading_end_before_run = self.pos(s.st.heading_end_before_run);
        self.meta(&mut s.st.meta);
        for (_, r) in s.top_last.iter_mut().chain(s.title.iter_mut()) {
            self.range(r);
        }
        for (n, _) in s.section.iter_mut().chain(s.part.iter_mut()) {
            self.node(n);
        }
    }
}

/// The builder's state between two blocks, with the growing containers as
/// their header and whether they have children yet.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Snap {
    st: State,
    /// `top.last()`, which `TopLast` and the closing may still extend.
    top_last: Option<(NodeKind, Range<usize>)>,
    section: Option<(Node, bool)>,
    part: Option<(Node, bool)>,
    /// The node `running_title` reads.
    title: Option<(NodeKind, Range<usize>)>,
}

pub(super) struct Checkpoint {
    /// Taken before this block.
    block: usize,
    /// The shifts of `AsmMemo::log` from this index on are still to apply.
    epoch: usize,
    snap: Box<Snap>,
    top_len: usize,
    section_len: usize,
    part_len: usize,
    operative_leads: usize,
    numbered_total: usize,
}

/// What a walk leaves for the next edit: its checkpoints and what `conclude`
/// needs beyond the nodes.
pub struct AsmMemo {
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
pub struct EditSpan {
    pub first: usize,
    pub old_end: usize,
    pub new_end: usize,
    pub shift: Shift,
}

pub struct Reassembly {
    pub assembly: Assembly,
    /// Nodes starting before `lo` are the old ones; nodes starting at or after
    /// `hi` (new offsets) are old ones shifted. `None`: walked to the end.
    pub lo: usize,
    pub hi: Option<usize>,
}

fn header(n: &Node) -> Node {
    Node {
        kind: n.kind,
        range: n.range.clone(),
        label: n.label.clone(),
        label_range: n.label_range.clone(),
        lead: n.lead.clone(),
        children: Vec::new(),
    }
}

impl Builder<'_> {
    /// Close what the walk left open and conclude the tree, fixing the ranges
    /// of the top-level nodes from `fix_from` on; with the counters and the
    /// metadata as the walk found them (before `conclude` amends it).
    fn finish_walk(&mut self, fix_from: usize) -> (Assembly, bool, Counters, Meta) {
        self.close_all();
        let counters = self.counters();
        let raw_meta = self.st.meta.clone();
        let top = std::mem::take(&mut self.top);
        let n = top.len();
        let meta = std::mem::take(&mut self.st.meta);
        let (asm, orderly) = conclude(self.text, self.lang, top, meta, counters, fix_from..n);
        (asm, orderly, counters, raw_meta)
    }

    fn snap(&self) -> Snap {
        Snap {
            st: self.st.clone(),
            top_last: self.top.last().map(|n| (n.kind, n.range.clone())),
            section: self
                .section
                .as_ref()
                .map(|n| (header(n), !n.children.is_empty())),
            part: self
                .part
                .as_ref()
                .map(|n| (header(n), !n.children.is_empty())),
            title: self.title_node().map(|n| (n.kind, n.range.clone())),
        }
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
    fn load(&mut self, s: Snap) {
        self.st = s.st;
    }

    /// Cheap part of the state comparison, before anything is cloned.
    fn same_scalars(&self, s: &Snap) -> bool {
        self.st.zone == s.st.zone
            && self.st.target == s.st.target
            && self.st.last_op == s.st.last_op
            && self.st.in_operative == s.st.in_operative
            && self.st.fn_zone == s.st.fn_zone
            && self.st.last_fn == s.st.last_fn
            && self.st.numbered_list == s.st.numbered_list
            && self.st.last_terminal == s.st.last_terminal
            && self.st.prev_blank == s.st.prev_blank
            && self.st.pending_lead == s.st.pending_lead
            && self.st.section_restart == s.st.section_restart
            && self.st.para.is_some() == s.st.para.is_some()
            && self.st.subs.len() == s.st.subs.len()
            && self.st.floats.len() == s.st.floats.len()
            && self.st.heading.is_some() == s.st.heading.is_some()
            && self.section.is_some() == s.section.is_some()
            && self.part.is_some() == s.part.is_some()
            && self.top.is_empty() == s.top_last.is_none()
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
pub fn assemble_with_memo(text: &str, blocks: &[Block], lang: Lang) -> (Assembly, AsmMemo) {
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

/// The old tree after the restart checkpoint, in old offsets: the top-level
/// nodes from `top_off` on and what remains of the containers open there.
struct Rest {
    t: usize,
    top_off: usize,
    top: Vec<Node>,
    /// Final range of `top[t - 1]`.
    top_last_final: Option<Range<usize>>,
    section: Option<Tail>,
    part: Option<Tail>,
    section_open: bool,
    part_open: bool,
}

/// A container's final range and its children from index `off` on.
struct Tail {
    range: Range<usize>,
    off: usize,
    children: Vec<Node>,
}

/// Where the old run's rest after a convergence checkpoint lies in `Rest`.
#[derive(Debug, Clone, Copy)]
enum Src {
    /// The section or part open at the restart.
    Restart,
    /// `Rest::top[i]`.
    Top(usize),
    /// Child `j` of the restart section's tail.
    SectionChild(usize),
    /// Child `j` of `Rest::top[i]`.
    TopChild(usize, usize),
}

/// The builder's counts where it converged.
struct Frame {
    top_len: usize,
    section_len: usize,
    part_len: usize,
    operative_leads: usize,
    numbered_total: usize,
}

struct Plan {
    top_last: Option<Range<usize>>,
    section: Option<(Src, usize)>,
    part: Option<(Src, usize)>,
    top_from: usize,
}

/// Find the old rest of the state at checkpoint `k` (whose state equals the
/// builder's) in `rest`; None when it is not where the frames say.
fn locate(rest: &Rest, k: &Checkpoint, b: &Builder) -> Option<Plan> {
    let t = k.top_len;
    let spine_c = rest.section_open || rest.part_open;
    let top_last = if t == 0 {
        None
    } else if t > rest.top_off {
        Some(rest.top.get(t - 1 - rest.top_off)?.range.clone())
    } else if t - 1 == rest.t && spine_c {
        Some(match (&rest.section, &rest.part) {
            (Some(s), _) => s.range.clone(),
            (None, Some(p)) => p.range.clone(),
            _ => return None,
        })
    } else if t == rest.t {
        Some(rest.top_last_final.clone()?)
    } else {
        return None;
    };
    let sec = k.snap.section.as_ref().map(|_| k.section_len);
    let part = k.snap.part.as_ref().map(|_| k.part_len);
    let kind_is = |n: &Node, want: Option<&Node>| want.is_some_and(|w| w.kind == n.kind);
    let spine = sec.is_some() || part.is_some();
    let top_from = (t + spine as usize).checked_sub(rest.top_off)?;
    if top_from > rest.top.len() {
        return None;
    }
    let (section, part) = match (sec, part) {
        (Some(sc), p) => {
            if t == rest.t && rest.section_open {
                let tail = rest.section.as_ref()?;
                let from = (sc + p.is_some() as usize).checked_sub(tail.off)?;
                if from > tail.children.len() {
                    return None;
                }
                let part = match p {
                    None => None,
                    Some(pc) => {
                        let same_part = rest.part_open && tail.off == sc + 1;
                        if same_part {
                            let pt = rest.part.as_ref()?;
                            let pf = pc.checked_sub(pt.off)?;
                            if pf > pt.children.len() {
                                return None;
                            }
                            Some((Src::Restart, pf))
                        } else {
                            let j = sc.checked_sub(tail.off)?;
                            let n = tail.children.get(j)?;
                            if pc > n.children.len() || !kind_is(n, b.part.as_ref()) {
                                return None;
                            }
                            Some((Src::SectionChild(j), pc))
                        }
                    }
                };
                (Some((Src::Restart, from)), part)
            } else if t >= rest.top_off {
                let i = t - rest.top_off;
                let n = rest.top.get(i)?;
                let from = sc + p.is_some() as usize;
                if from > n.children.len() || !kind_is(n, b.section.as_ref()) {
                    return None;
                }
                let part = match p {
                    None => None,
                    Some(pc) => {
                        let pn = n.children.get(sc)?;
                        if pc > pn.children.len() || !kind_is(pn, b.part.as_ref()) {
                            return None;
                        }
                        Some((Src::TopChild(i, sc), pc))
                    }
                };
                (Some((Src::Top(i), from)), part)
            } else {
                return None;
            }
        }
        (None, Some(pc)) => {
            if t == rest.t && rest.part_open && !rest.section_open {
                let pt = rest.part.as_ref()?;
                let pf = pc.checked_sub(pt.off)?;
                if pf > pt.children.len() {
                    return None;
                }
                (None, Some((Src::Restart, pf)))
            } else if t >= rest.top_off {
                let i = t - rest.top_off;
                let n = rest.top.get(i)?;
                if pc > n.children.len() || !kind_is(n, b.part.as_ref()) {
                    return None;
                }
                (None, Some((Src::Top(i), pc)))
            } else {
                return None;
            }
        }
        (None, None) => (None, None),
    };
    Some(Plan {
        top_last,
        section,
        part,
        top_from,
    })
}

/// Is the builder's state at new block `i` the state of old checkpoint `k`,
/// shifted by the edit? Then where is the old rest.
fn converges(b: &Builder, k: &Checkpoint, log: &[Shift], edit: Shift, rest: &Rest) -> Option<Plan> {
    if !b.same_scalars(&k.snap) {
        return None;
    }
    let mut old = (*k.snap).clone();
    let mut r = Remap::new(&log[k.epoch..]);
    r.snap(&mut old);
    if !r.ok {
        return None;
    }
    // the running title's text must be one the edit did not touch
    if old.title.as_ref().is_some_and(|(_, t)| !edit.untouched(t)) {
        return None;
    }
    let one = [edit];
    let mut r = Remap::new(&one);
    r.snap(&mut old);
    if !r.ok || b.snap() != old {
        return None;
    }
    locate(rest, k, b)
}

/// Shift a node of the old tree's rest by the edit: a plain addition for the
/// (usual) node that lies wholly after the edit, position by position for one
/// carried over from before it.
fn shift_rest(n: &mut Node, e: Shift) {
    fn add(n: &mut Node, d: isize) {
        let a = |r: &mut Range<usize>| {
            if r.start <= r.end {
                r.start = (r.start as isize + d) as usize;
                r.end = (r.end as isize + d) as usize;
            }
        };
        a(&mut n.range);
        if let Some(r) = n.label_range.as_mut() {
            a(r);
        }
        if let Some(l) = n.lead.as_mut() {
            a(&mut l.range);
        }
        for c in &mut n.children {
            add(c, d);
        }
    }
    if e.delta == 0 {
        return;
    }
    if n.range.start >= e.old_end && n.range.start <= n.range.end {
        add(n, e.delta);
        return;
    }
    let one = [e];
    let mut r = Remap::new(&one);
    r.range(&mut n.range);
    if let Some(x) = n.label_range.as_mut() {
        r.range(x);
    }
    if let Some(l) = n.lead.as_mut() {
        r.range(&mut l.range);
    }
    for c in &mut n.children {
        shift_rest(c, e);
    }
}

fn take_node(slot: &mut Node) -> Node {
    std::mem::replace(slot, Node::new(NodeKind::Furniture, 0..0))
}

/// Complete the builder with the old rest (shifted by the edit) instead of
/// walking on. Returns the end of the top-level nodes this run built.
fn stitch(b: &mut Builder, mut rest: Rest, plan: Plan, edit: Shift) -> usize {
    let one = [edit];
    let mut r = Remap::new(&one);
    fn tail_of(n: Node, from: usize) -> (Range<usize>, Vec<Node>) {
        let mut ch = n.children;
        (n.range, ch.split_off(from))
    }
    let part_tail = plan.part.map(|(src, from)| match src {
        Src::Restart => {
            let t = rest.part.take().unwrap();
            let mut ch = t.children;
            (t.range, ch.split_off(from))
        }
        Src::SectionChild(j) => {
            let s = rest.section.as_mut().unwrap();
            tail_of(take_node(&mut s.children[j]), from)
        }
        Src::TopChild(i, j) => tail_of(take_node(&mut rest.top[i].children[j]), from),
        Src::Top(i) => tail_of(take_node(&mut rest.top[i]), from),
    });
    let section_tail = plan.section.map(|(src, from)| match src {
        Src::Restart => {
            let t = rest.section.take().unwrap();
            let mut ch = t.children;
            (t.range, ch.split_off(from))
        }
        Src::Top(i) => tail_of(take_node(&mut rest.top[i]), from),
        _ => unreachable!("a section sits at the top level"),
    });
    let top_tail = rest.top.split_off(plan.top_from);
    if let (Some(mut range), Some(n)) = (plan.top_last, b.top.last_mut()) {
        r.range(&mut range);
        n.range = range;
    }
    if let Some((mut range, mut children)) = part_tail {
        for c in &mut children {
            shift_rest(c, edit);
        }
        r.range(&mut range);
        let mut p = b.part.take().expect("the part the state compared");
        p.children.extend(children);
        p.range = range;
        match b.section.as_mut() {
            Some(s) => s.children.push(p),
            None => b.top.push(p),
        }
    }
    if let Some((mut range, mut children)) = section_tail {
        for c in &mut children {
            shift_rest(c, edit);
        }
        r.range(&mut range);
        let mut s = b.section.take().expect("the section the state compared");
        s.children.extend(children);
        s.range = range;
        b.top.push(s);
    }
    // the open paragraph, sub-paragraphs, floats and heading are in the rest
    b.st.para = None;
    b.st.subs.clear();
    b.st.floats.clear();
    b.st.heading = None;
    let built = b.top.len();
    b.top.extend(top_tail.into_iter().map(|mut n| {
        shift_rest(&mut n, edit);
        n
    }));
    built
}

/// Re-assemble after an edit from the old tree's nodes (in old offsets) and the
/// memo of the walk that built them. `Err` gives the nodes back untouched when
/// no restart is possible (then walk in full).
pub fn reassemble(
    text: &str,
    blocks: &[Block],
    lang: Lang,
    memo: &mut AsmMemo,
    mut old: Vec<Node>,
    e: &EditSpan,
) -> Result<Reassembly, Vec<Node>> {
    if !memo.usable {
        return Err(old);
    }
    // the restart checkpoint, its state in present offsets (it lies before
    // the edit, which leaves it as it is)
    let limit = restart_limit(blocks, e.first);
    let mut ci = memo.checkpoints.partition_point(|c| c.block <= limit);
    let snap = loop {
        if ci == 0 {
            return Err(old);
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
    let c = &memo.checkpoints[ci];
    if c.block >= blocks.len() {
        return Err(old);
    }
    let (t, sl, pl) = (c.top_len, c.section_len, c.part_len);
    let spine = snap.section.is_some() || snap.part.is_some();
    // the old tree must hold the frame the checkpoint describes
    let fits = old.len() >= t + spine as usize
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
        };
    if !fits {
        return Err(old);
    }
    let pos_c = blocks[c.block].start;
    let lo = snap
        .st
        .heading
        .iter()
        .chain(snap.st.para.iter())
        .chain(snap.st.subs.iter().map(|(n, _)| n))
        .chain(snap.st.floats.iter())
        .map(|n| n.range.start)
        .chain(snap.top_last.iter().map(|(_, r)| r.start))
        .fold(pos_c, usize::min);

    // cut the old tree at the checkpoint
    let mut b = Builder::new(text, blocks, lang);
    let mut top_rest = old.split_off(t);
    let top_last_final = old.last().map(|n| n.range.clone());
    if let (Some(n), Some((_, r))) = (old.last_mut(), &snap.top_last) {
        n.range = r.clone();
    }
    let mut rest = Rest {
        t,
        top_off: t + spine as usize,
        top: Vec::new(),
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
    b.top = old;
    b.operative_leads = c.operative_leads;
    b.numbered_total = c.numbered_total;
    b.load(snap);
    b.epoch = memo.log.len() + 1;
    let start = c.block;

    // walk until the state meets an old checkpoint's
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
            if let Some(plan) = converges(b, k, log, e.shift, &rest) {
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

    let fix_from = t.saturating_sub(1);
    let (asm, orderly, hi, counters, raw_meta, tail_from) = match found {
        Some((ki, plan, frame)) => {
            let k = &memo.checkpoints[ki];
            let hi = blocks[(k.block as isize + dn) as usize].start;
            let built = stitch(&mut b, rest, plan, e.shift);
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
            (asm, orderly, Some(hi), counters, meta, Some((ki, frame)))
        }
        None => {
            let (asm, orderly, counters, meta) = b.finish_walk(fix_from);
            (asm, orderly, None, counters, meta, None)
        }
    };

    // the checkpoints: the old ones before the restart, this walk's, the old
    // ones from the convergence on (their offsets shift lazily)
    let old_cps = std::mem::take(&mut memo.checkpoints);
    let mut it = old_cps.into_iter();
    let mut cps: Vec<Checkpoint> = it.by_ref().take(ci).collect();
    cps.append(&mut b.checkpoints);
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
    memo.checkpoints = cps;
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
