//! The walk's state and the tree it builds: open containers, paragraphs and
//! sub-paragraphs, and the snapshot of that state a checkpoint keeps. The
//! files beside this one add the walk's steps to [`Builder`]; this one calls
//! none of them.

use super::text::*;
use crate::cjk::trim_range;
use crate::lang::Lang;
use crate::lexer::{Block, LeadHit};
use crate::lexicon::{LeadClass, Lexicon, lexicon};
use crate::tree::{DocKind, Label, Lead, Meta, Node, NodeKind, Nodes};
use std::cell::Cell;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Zone {
    Start,
    Heading,
    Adoption,
    Title,
    Author,
    Body,
    Closing,
    Annex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    None,
    Heading,
    TopLast,
    Body,
    Footnote,
    Section,
}

pub struct Assembly {
    pub nodes: Nodes,
    pub meta: Meta,
    pub kind: DocKind,
}

/// The walk's state between two blocks, except the containers that keep
/// growing (`top`, `section`, `part`) and the running counters: what a
/// checkpoint saves and a restart loads (`resume.rs`). A field added here is
/// saved, restored and compared without further code.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct State {
    pub(super) heading: Option<Node>,
    /// Start of the run of plain lines at the end of the heading (a wrapped
    /// sponsor list that a `: draft resolution` line closes).
    pub(super) heading_run: Option<usize>,
    pub(super) heading_end_before_run: usize,
    pub(super) para: Option<Node>,
    pub(super) subs: Vec<(Node, u8)>,
    pub(super) floats: Nodes,
    pub(super) target: Target,
    pub(super) zone: Zone,
    pub(super) in_operative: bool,
    pub(super) last_op: Option<u32>,
    pub(super) section_restart: bool,
    pub(super) fn_zone: bool,
    pub(super) last_fn: u32,
    pub(super) prev_blank: bool,
    /// Terminal punctuation of the body text so far (trailing footnote digits
    /// skipped).
    pub(super) last_terminal: Option<char>,
    pub(super) pending_lead: bool,
    /// Next number of a numbered list inside an unnumbered operative paragraph.
    pub(super) numbered_list: Option<u32>,
    pub(super) meta: Meta,
    pub(super) saw_body_paragraph: bool,
    pub(super) sponsors: bool,
    pub(super) decision_hint: bool,
    /// Inside Markdown front matter (`---` … `---` at the top).
    pub(super) front_matter: bool,
    /// Inside an HTML comment that runs over several lines.
    pub(super) in_comment: bool,
    /// Page furniture (a running header, a page number) came after the last
    /// body text: the next line may go on with a paragraph a page broke.
    pub(super) page_break: bool,
    /// How many paragraphs in a row opened after a blank line (at most 3):
    /// the document separates its paragraphs by blank lines.
    pub(super) blank_paras: u8,
}

impl Default for State {
    fn default() -> State {
        State {
            heading: None,
            heading_run: None,
            heading_end_before_run: 0,
            para: None,
            subs: Vec::new(),
            floats: Nodes::new(),
            target: Target::None,
            zone: Zone::Start,
            in_operative: false,
            last_op: None,
            section_restart: false,
            fn_zone: false,
            last_fn: 0,
            prev_blank: false,
            last_terminal: None,
            pending_lead: false,
            numbered_list: None,
            meta: Meta::default(),
            saw_body_paragraph: false,
            sponsors: false,
            decision_hint: false,
            front_matter: false,
            blank_paras: 0,
            in_comment: false,
            page_break: false,
        }
    }
}

pub(super) struct Builder<'a> {
    pub(super) text: &'a str,
    pub(super) blocks: &'a [Block],
    pub(super) lang: Lang,
    pub(super) lex: &'static Lexicon,
    pub(super) top: Nodes,
    pub(super) section: Option<Node>,
    pub(super) part: Option<Node>,
    /// Everything else a checkpoint saves and a restart loads.
    pub(super) st: State,
    pub(super) operative_leads: usize,
    pub(super) numbered_total: usize,
    // ----- incremental reassembly (`resume.rs`) -----
    /// Snapshots of the state taken every `CHECKPOINT_EVERY` content blocks
    /// (less often inside a long paragraph: [`Builder::walk`]).
    pub(super) checkpoints: Vec<Checkpoint>,
    pub(super) since_checkpoint: usize,
    /// Content blocks after which the next checkpoint is considered.
    pub(super) checkpoint_due: usize,
    /// Epoch of the edit log the checkpoints taken by this run belong to.
    pub(super) epoch: usize,
    /// `top` scanned up to .0: index of its last title node, of its last
    /// adoption node (for `running_title`).
    pub(super) title_scan: Cell<(usize, Option<usize>, Option<usize>)>,
    /// The last answer of [`Builder::next_strong`]: `(from, k)`, no strong
    /// furniture in `from..k`, and `k` is one (or the end).
    pub(super) strong_scan: Cell<Option<(usize, usize)>>,
}

/// Content blocks (neither blank nor furniture) between two checkpoints.
pub(super) const CHECKPOINT_EVERY: usize = 32;

/// Checkpoints a walk takes at most, about (a text of more than 131,072
/// blocks is checkpointed less often than every `CHECKPOINT_EVERY`).
pub(super) const MAX_CHECKPOINTS: usize = 4096;

/// The builder's state between two blocks, with the growing containers as
/// their header and whether they have children yet.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Snap {
    pub(super) st: State,
    /// `top.last()`, which `TopLast` and the closing may still extend.
    pub(super) top_last: Option<(NodeKind, Range<usize>)>,
    pub(super) section: Option<(Node, bool)>,
    pub(super) part: Option<(Node, bool)>,
    /// The node `running_title` reads.
    pub(super) title: Option<(NodeKind, Range<usize>)>,
}

/// A container node without its children: what a `Snap` keeps of it.
fn header(n: &Node) -> Node {
    Node {
        kind: n.kind,
        range: n.range.clone(),
        label: n.label,
        label_range: n.label_range.clone(),
        lead: n.lead.clone(),
        children: Nodes::new(),
    }
}

pub(super) struct Checkpoint {
    /// Taken before this block.
    pub(super) block: usize,
    /// The shifts of `AsmMemo::log` from this index on are still to apply.
    pub(super) epoch: usize,
    pub(super) snap: Box<Snap>,
    pub(super) top_len: usize,
    pub(super) section_len: usize,
    pub(super) part_len: usize,
    pub(super) operative_leads: usize,
    pub(super) numbered_total: usize,
}

/// Open nodes per further `CHECKPOINT_EVERY` content blocks between two
/// checkpoints (a paragraph of up to this many nodes is snapshotted at the
/// usual pace).
pub(super) const OPEN_NODES_PER_STEP: usize = 64;

/// An empty range that any real range replaces on `extend`.
#[allow(clippy::reversed_empty_ranges)]
pub(super) const SENTINEL: Range<usize> = usize::MAX..0;

pub(super) fn extend(r: &mut Range<usize>, o: &Range<usize>) {
    if o.start > o.end {
        return;
    }
    if r.start == usize::MAX {
        *r = o.clone();
    } else {
        r.start = r.start.min(o.start);
        r.end = r.end.max(o.end);
    }
}

pub(super) fn push_child(parent: &mut Node, child: Node) {
    let r = child.range.clone();
    parent.children.push(child);
    extend(&mut parent.range, &r);
}

/// What the walk counted that only `conclude` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Counters {
    pub(super) operative_leads: usize,
    pub(super) numbered_total: usize,
    pub(super) sponsors: bool,
    pub(super) decision_hint: bool,
}

impl<'a> Builder<'a> {
    pub(super) fn new(text: &'a str, blocks: &'a [Block], lang: Lang) -> Builder<'a> {
        Builder {
            text,
            blocks,
            lang,
            lex: lexicon(),
            top: Nodes::new(),
            section: None,
            part: None,
            st: State::default(),
            operative_leads: 0,
            numbered_total: 0,
            checkpoints: Vec::new(),
            since_checkpoint: 0,
            checkpoint_due: CHECKPOINT_EVERY,
            epoch: 0,
            title_scan: Cell::new((0, None, None)),
            strong_scan: Cell::new(None),
        }
    }
}

impl<'a> Builder<'a> {
    pub(super) fn content(&self, b: &Block) -> Option<Range<usize>> {
        let (s, e) = trim_range(self.text, b.start, b.content_end());
        (s < e).then_some(s..e)
    }

    pub(super) fn lead_from(&self, b: &Block, hit: &LeadHit, class: LeadClass) -> Lead {
        let lex = self.lex;
        let id = hit.m.entry(lex, class, self.lang);
        let (entry, mismatch) = match id {
            Some(i) => (&lex.entries[i as usize], false),
            None => (&lex.entries[hit.m.first_entry(lex) as usize], true),
        };
        let start = b.start + hit.rel();
        let mut text = hit.m.text(&self.text[start..b.content_end()]);
        let mut end = start + hit.m.len as usize;
        let keep = crate::grammar::emphasised_extent(self.lang, &text);
        if keep < text.len() {
            // the last word (a preposition) left out, as written
            text.truncate(keep);
            if let Some(sp) = self.text[start..end].trim_end().rfind(' ') {
                end = start + sp;
            }
        }
        // what the emphasis or the grammar adds after the phrase the lexicon
        // knows (`Prend note *avec satisfaction*`, `Condamne fermement`)
        let rest = &self.text[end.min(b.content_end())..b.content_end()];
        let tail = if hit.m.emphasis {
            emphasis_runs_on(rest)
        } else {
            let t = match crate::grammar::lead_tail(self.lang, rest) {
                // the attitude an expression verb states (`Expressing deep concern`)
                0 => crate::grammar::lead_object(self.lang, &text, rest),
                t => t,
            };
            (t > 0).then_some((t, t))
        };
        if let Some((words, past)) = tail {
            for w in rest[..words].split([' ', '\u{a0}', '\u{202f}', '*', '_']) {
                if !w.is_empty() {
                    text.push(' ');
                    text.push_str(w);
                }
            }
            end += past;
        }
        Lead {
            text,
            range: start..end,
            class: entry.class,
            form: entry.form,
            base: entry.base.clone(),
            lang: entry.lang,
            emphasis: hit.m.emphasis,
            capitalised: hit.m.capitalised,
            class_mismatch: mismatch,
        }
    }

    // ----- tree plumbing -------------------------------------------------

    fn depth(&self) -> usize {
        if !self.st.subs.is_empty() {
            3 + self.st.subs.len()
        } else if self.st.para.is_some() {
            3
        } else if self.part.is_some() {
            2
        } else if self.section.is_some() {
            1
        } else {
            0
        }
    }

    fn close_to(&mut self, d: usize) {
        while !self.st.subs.is_empty() && 3 + self.st.subs.len() > d {
            let (n, _) = self.st.subs.pop().unwrap();
            if let Some((p, _)) = self.st.subs.last_mut() {
                push_child(p, n);
            } else if let Some(p) = self.st.para.as_mut() {
                push_child(p, n);
            }
        }
        if d < 3
            && let Some(p) = self.st.para.take()
        {
            self.put_container(p, 2);
        }
        if d < 2
            && let Some(p) = self.part.take()
        {
            self.put_container(p, 1);
        }
        if d < 1
            && let Some(s) = self.section.take()
        {
            self.top.push(s);
        }
    }

    /// Put `n` into the nearest open container at depth ≤ `d`.
    fn put_container(&mut self, n: Node, d: usize) {
        if d >= 2
            && let Some(p) = self.part.as_mut()
        {
            push_child(p, n);
        } else if d >= 1
            && let Some(s) = self.section.as_mut()
        {
            push_child(s, n);
        } else {
            self.top.push(n);
        }
    }

    /// Close what is deeper than `d`, then hand the pending footnotes and
    /// furniture to the innermost node that stays open.
    pub(super) fn settle(&mut self, d: usize) {
        self.close_to(d);
        self.st.target = if self.st.target == Target::Footnote {
            Target::None
        } else {
            self.st.target
        };
        if self.st.floats.is_empty() {
            return;
        }
        let floats = std::mem::take(&mut self.st.floats);
        for f in floats {
            if let Some((s, _)) = self.st.subs.last_mut() {
                push_child(s, f);
            } else if let Some(p) = self.st.para.as_mut() {
                push_child(p, f);
            } else {
                self.put_container(f, 2);
            }
        }
    }

    pub(super) fn float(&mut self, n: Node) {
        if n.kind == NodeKind::Furniture && self.st.zone >= Zone::Author {
            self.st.page_break = true;
        }
        // In the heading block, furniture belongs to the heading.
        if let Some(h) = self.st.heading.as_mut()
            && self.st.zone <= Zone::Heading
        {
            push_child(h, n);
            return;
        }
        self.st.floats.push(n);
    }

    pub(super) fn extend_target(&mut self, r: Range<usize>) -> bool {
        match self.st.target {
            Target::Heading => {
                if let Some(h) = self.st.heading.as_mut() {
                    extend(&mut h.range, &r);
                    return true;
                }
            }
            Target::TopLast => {
                if let Some(n) = self.top.last_mut() {
                    extend(&mut n.range, &r);
                    return true;
                }
            }
            Target::Body => {
                if self.st.para.is_some() {
                    let d = self.depth();
                    self.settle(d);
                    if let Some((s, _)) = self.st.subs.last_mut() {
                        extend(&mut s.range, &r);
                    } else if let Some(p) = self.st.para.as_mut() {
                        extend(&mut p.range, &r);
                    }
                    return true;
                }
            }
            Target::Footnote => {
                if let Some(f) = self.st.floats.last_mut() {
                    extend(&mut f.range, &r);
                    return true;
                }
            }
            Target::Section => {
                if let Some(s) = self.section.as_mut() {
                    extend(&mut s.range, &r);
                    return true;
                }
            }
            Target::None => {}
        }
        false
    }

    pub(super) fn open_heading(&mut self, r: &Range<usize>) {
        if self.st.heading.is_none() {
            self.close_to(0);
            let floats = std::mem::take(&mut self.st.floats);
            self.top.extend(floats);
            self.st.heading = Some(Node::new(NodeKind::Heading, r.clone()));
        }
        if let Some(h) = self.st.heading.as_mut() {
            extend(&mut h.range, r);
        }
        self.st.zone = Zone::Heading;
        self.st.target = Target::Heading;
    }

    pub(super) fn close_heading(&mut self) {
        if let Some(h) = self.st.heading.take() {
            self.top.push(h);
        }
    }

    pub(super) fn top_node(&mut self, kind: NodeKind, r: Range<usize>) {
        self.close_heading();
        self.settle(0);
        self.top.push(Node::new(kind, r));
        self.st.target = Target::TopLast;
    }

    fn ensure_part(&mut self, kind: NodeKind) {
        if self.part.as_ref().is_some_and(|p| p.kind == kind) {
            return;
        }
        self.settle(1);
        self.part = Some(Node::new(kind, SENTINEL));
    }

    pub(super) fn new_para(
        &mut self,
        kind: NodeKind,
        r: Range<usize>,
        label: Option<(String, Range<usize>)>,
        lead: Option<Lead>,
    ) {
        self.close_heading();
        if self.st.zone < Zone::Body {
            self.st.zone = Zone::Body;
        }
        match kind {
            NodeKind::Preambular => self.ensure_part(NodeKind::Preamble),
            NodeKind::Operative => self.ensure_part(NodeKind::OperativePart),
            _ => {
                // paragraphs of annexes and reports sit directly in their section
                if self.part.is_some() && self.st.zone == Zone::Annex {
                    self.settle(1);
                }
            }
        }
        self.settle(2);
        let mut n = Node::new(kind, r);
        if let Some((l, lr)) = label {
            n.label = Some(Label::new(&l));
            n.label_range = Some(lr);
        }
        n.lead = lead.map(Box::new);
        if matches!(kind, NodeKind::Preambular | NodeKind::Operative) {
            self.st.blank_paras = if self.st.prev_blank {
                (self.st.blank_paras + 1).min(3)
            } else {
                0
            };
        }
        self.st.para = Some(n);
        self.st.target = Target::Body;
        self.st.saw_body_paragraph = true;
    }

    pub(super) fn new_sub(
        &mut self,
        r: Range<usize>,
        label: String,
        label_range: Range<usize>,
        lead: Option<Lead>,
    ) {
        let level = self.sub_level(&label);
        // keep subs of lower level open
        let keep = self.st.subs.iter().take_while(|(_, l)| *l < level).count();
        self.settle(3 + keep);
        let mut n = Node::new(NodeKind::Subparagraph, r);
        n.label = Some(Label::new(&label));
        n.label_range = Some(label_range);
        n.lead = lead.map(Box::new);
        self.st.subs.push((n, level));
        self.st.target = Target::Body;
    }

    /// A label of a lone letter that could start a sentence or an
    /// abbreviation (the Council's `a.` `b.`, the Russian `а)` `б)`) is a
    /// sub-paragraph only in its turn: the first letter inside an operative
    /// paragraph, each next one after the letter before it (Russian lists
    /// skip `й`, `ъ`, `ы`, `ь`, so up to two letters on). Other labels always.
    pub(super) fn letter_in_turn(&self, label: &str) -> bool {
        let mut cs = label.chars();
        let (Some(c), Some(end), None) = (cs.next(), cs.next(), cs.next()) else {
            return true;
        };
        let (first, step) = match (c, end) {
            ('a'..='z', '.') => ('a', 1),
            ('а'..='я', ')') => ('а', 4),
            _ => return true,
        };
        if c == first {
            return self
                .st
                .para
                .as_ref()
                .is_some_and(|p| p.kind == NodeKind::Operative);
        }
        let prev = self
            .st
            .subs
            .iter()
            .rev()
            .find_map(|(n, _)| n.label.as_deref())
            .and_then(|l| {
                let mut cs = l.chars();
                match (cs.next(), cs.next(), cs.next()) {
                    (Some(p), Some(e), None) if e == end => Some(p),
                    _ => None,
                }
            });
        prev.is_some_and(|p| c > p && (c as u32) <= p as u32 + step)
    }

    /// (a) level 1, (i) level 2, a. level 3 — with the (h)→(i) ambiguity resolved
    /// by the open labels.
    fn sub_level(&self, label: &str) -> u8 {
        let core: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
        let roman = !core.is_empty()
            && core
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
        // the Arabic `’1‘` is the inner level, as `(i)` is under `(a)`
        if label.starts_with('’') {
            return 2;
        }
        if core.chars().all(|c| c.is_ascii_digit()) {
            return 0; // `1.` items of a numbered list hold `(a)` items
        }
        let is_circled = label.chars().any(|c| ('㈠'..='㈩').contains(&c));
        if is_circled {
            return 2;
        }
        if !roman {
            return 1;
        }
        // the letter that would follow the open level-1 label
        let open1 = self
            .st
            .subs
            .iter()
            .find(|(_, l)| *l == 1)
            .and_then(|(n, _)| n.label);
        if let Some(prev) = open1 {
            let p: String = prev.chars().filter(|c| c.is_alphanumeric()).collect();
            // the letter label after `(h)` is `(i)`, after `(hh)` is `(ii)`
            let pb = p.as_bytes();
            if !pb.is_empty()
                && pb.iter().all(|c| *c == pb[0])
                && pb[0].is_ascii_lowercase()
                && core.len() == p.len()
            {
                let next = (pb[0] + 1) as char;
                if core.chars().all(|c| c == next) {
                    return 1;
                }
            }
            return 2;
        }
        if core == "i" || self.st.subs.iter().any(|(_, l)| *l == 2) {
            // `(i)` with no open `(a)` is a first-level roman list
            return if self.st.subs.is_empty() { 1 } else { 2 };
        }
        1
    }

    // ----- the walk's state ----------------------------------------------

    /// The last title node of `top`, else its last adoption node: what
    /// `running_title` reads (`top` only grows, so a scan of what was added).
    pub(super) fn title_node(&self) -> Option<&Node> {
        let (mut at, mut title, mut adoption) = self.title_scan.get();
        while at < self.top.len() {
            match self.top[at].kind {
                NodeKind::Title => title = Some(at),
                NodeKind::Adoption => adoption = Some(at),
                _ => {}
            }
            at += 1;
        }
        self.title_scan.set((at, title, adoption));
        title.or(adoption).map(|i| &self.top[i])
    }

    pub(super) fn snap(&self) -> Snap {
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

    /// Cheap part of the state comparison, before anything is cloned.
    pub(super) fn same_scalars(&self, s: &Snap) -> bool {
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

    /// Close everything still open; the raw top-level nodes are then `top`.
    pub(super) fn close_all(&mut self) {
        self.close_heading();
        self.settle(0);
        let floats = std::mem::take(&mut self.st.floats);
        self.top.extend(floats);
    }

    pub(super) fn counters(&self) -> Counters {
        Counters {
            operative_leads: self.operative_leads,
            numbered_total: self.numbered_total,
            sponsors: self.st.sponsors,
            decision_hint: self.st.decision_hint,
        }
    }
}
