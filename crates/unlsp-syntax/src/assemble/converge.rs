//! Where a restarted walk meets the old run again: the old checkpoint whose
//! state, shifted by the edit, is the new state, and the old tree's rest
//! stitched on after it.

use super::builder::*;
use super::shift::{Remap, Shift};
use crate::tree::{Node, NodeKind, Nodes};
use std::ops::Range;

/// The old tree after the restart checkpoint, in old offsets: the top-level
/// nodes from `top_off` on and what remains of the containers open there.
pub(super) struct Rest {
    pub(super) t: usize,
    pub(super) top_off: usize,
    pub(super) top: Nodes,
    /// Final range of `top[t - 1]`.
    pub(super) top_last_final: Option<Range<usize>>,
    pub(super) section: Option<Tail>,
    pub(super) part: Option<Tail>,
    pub(super) section_open: bool,
    pub(super) part_open: bool,
}

/// A container's final range and its children from index `off` on.
pub(super) struct Tail {
    pub(super) range: Range<usize>,
    pub(super) off: usize,
    pub(super) children: Nodes,
}

/// Where the old run's rest after a convergence checkpoint lies in `Rest`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Src {
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
pub(super) struct Frame {
    pub(super) top_len: usize,
    pub(super) section_len: usize,
    pub(super) part_len: usize,
    pub(super) operative_leads: usize,
    pub(super) numbered_total: usize,
}

pub(super) struct Plan {
    pub(super) top_last: Option<Range<usize>>,
    pub(super) section: Option<(Src, usize)>,
    pub(super) part: Option<(Src, usize)>,
    pub(super) top_from: usize,
}

/// Find the old rest of the state at checkpoint `k` (whose state equals the
/// builder's) in `rest`; None when it is not where the frames say.
pub(super) fn locate(rest: &Rest, k: &Checkpoint, b: &Builder) -> Option<Plan> {
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
pub(super) fn converges(
    b: &Builder,
    k: &Checkpoint,
    log: &[Shift],
    edit: Shift,
    rest: &Rest,
) -> Option<Plan> {
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
pub(super) fn shift_rest(n: &mut Node, e: Shift) {
    pub(super) fn add(n: &mut Node, d: isize) {
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
    Remap::new(&one).own(n);
    for c in &mut n.children {
        shift_rest(c, e);
    }
}

/// A container the state compared (a part, a section) with the tail of its
/// children from the old tree after it, shifted, and its range remapped.
fn with_tail(
    mut n: Node,
    (mut range, mut children): (Range<usize>, Nodes),
    r: &mut Remap,
    edit: Shift,
) -> Node {
    for c in &mut children {
        shift_rest(c, edit);
    }
    r.range(&mut range);
    n.children.extend(children);
    n.range = range;
    n
}

pub(super) fn take_node(slot: &mut Node) -> Node {
    std::mem::replace(slot, Node::new(NodeKind::Furniture, 0..0))
}

/// Complete the builder with the old rest (shifted by the edit) instead of
/// walking on. Returns the end of the top-level nodes this run built.
pub(super) fn stitch(b: &mut Builder, mut rest: Rest, plan: Plan, edit: Shift) -> usize {
    let one = [edit];
    let mut r = Remap::new(&one);
    pub(super) fn tail_of(n: Node, from: usize) -> (Range<usize>, Nodes) {
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
    if let Some(tail) = part_tail {
        let p = b.part.take().expect("the part the state compared");
        let p = with_tail(p, tail, &mut r, edit);
        match b.section.as_mut() {
            Some(s) => s.children.push(p),
            None => b.top.push(p),
        }
    }
    if let Some(tail) = section_tail {
        let s = b.section.take().expect("the section the state compared");
        b.top.push(with_tail(s, tail, &mut r, edit));
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
