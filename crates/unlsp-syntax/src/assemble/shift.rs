//! How an edit moves byte offsets, applied to the nodes and states a
//! checkpoint saved.

use super::builder::*;
use crate::tree::{Meta, Node};
use std::ops::Range;

/// How an edit moves byte offsets: `start..old_end` replaced by text ending at
/// `old_end + delta`. Offsets before the edit stay, offsets after it shift,
/// offsets inside it have no image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shift {
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
    pub(crate) fn untouched(&self, r: &Range<usize>) -> bool {
        r.end <= self.start || r.start >= self.old_end
    }
}

/// Applies a sequence of shifts to the positions of nodes and states; `ok`
/// turns false when a position fell inside an edit.
pub(super) struct Remap<'a> {
    pub(super) log: &'a [Shift],
    pub(super) ok: bool,
}

impl Remap<'_> {
    pub(super) fn new(log: &[Shift]) -> Remap<'_> {
        Remap { log, ok: true }
    }

    pub(super) fn pos(&mut self, x: usize) -> usize {
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

    pub(super) fn range(&mut self, r: &mut Range<usize>) {
        if r.start > r.end {
            return; // a container's empty sentinel
        }
        r.start = self.pos(r.start);
        r.end = self.pos(r.end);
    }

    pub(super) fn node(&mut self, n: &mut Node) {
        self.own(n);
        for c in &mut n.children {
            self.node(c);
        }
    }

    /// A node's own ranges: its extent, label and lead (not its children's).
    pub(super) fn own(&mut self, n: &mut Node) {
        self.range(&mut n.range);
        if let Some(r) = n.label_range.as_mut() {
            self.range(r);
        }
        if let Some(l) = n.lead.as_mut() {
            self.range(&mut l.range);
        }
    }

    pub(super) fn meta(&mut self, m: &mut Meta) {
        if let Some(r) = m.symbol_range.as_mut() {
            self.range(r);
        }
        if let Some(r) = m.number_range.as_mut() {
            self.range(r);
        }
    }

    pub(super) fn snap(&mut self, s: &mut Snap) {
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
