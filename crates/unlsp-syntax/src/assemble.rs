//! Blocks → tree. One pass over the blocks with a small state machine (zone,
//! expected paragraph number, footnote zone); the decisions that need context
//! live here, not in the lexer. Cheap: linear in the number of blocks, not bytes.

use crate::cjk::{SpaceTrim, is_space, superscript_digit, trim_range};
use crate::lang::Lang;
use crate::lexer::{Block, BlockKind, FurnitureKind, LeadHit, SubHead};
use crate::lexicon::{LeadClass, Lexicon, lexicon};
use crate::tree::{DocKind, Lead, Meta, Node, NodeKind};
use std::cell::Cell;
use std::ops::Range;

mod resume;
pub use resume::{AsmMemo, EditSpan, Reassembly, Shift, assemble_with_memo, reassemble};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Zone {
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
enum Target {
    None,
    Heading,
    TopLast,
    Body,
    Footnote,
    Section,
}

pub struct Assembly {
    pub nodes: Vec<Node>,
    pub meta: Meta,
    pub kind: DocKind,
}

/// The walk's state between two blocks, except the containers that keep
/// growing (`top`, `section`, `part`) and the running counters: what a
/// checkpoint saves and a restart loads (`resume.rs`). A field added here is
/// saved, restored and compared without further code.
#[derive(Debug, Clone, PartialEq)]
struct State {
    heading: Option<Node>,
    /// Start of the run of plain lines at the end of the heading (a wrapped
    /// sponsor list that a `: draft resolution` line closes).
    heading_run: Option<usize>,
    heading_end_before_run: usize,
    para: Option<Node>,
    subs: Vec<(Node, u8)>,
    floats: Vec<Node>,
    target: Target,
    zone: Zone,
    in_operative: bool,
    last_op: Option<u32>,
    section_restart: bool,
    fn_zone: bool,
    last_fn: u32,
    prev_blank: bool,
    /// Terminal punctuation of the body text so far (trailing footnote digits
    /// skipped).
    last_terminal: Option<char>,
    pending_lead: bool,
    /// Next number of a numbered list inside an unnumbered operative paragraph.
    numbered_list: Option<u32>,
    meta: Meta,
    saw_body_paragraph: bool,
    sponsors: bool,
    decision_hint: bool,
    /// Inside Markdown front matter (`---` … `---` at the top).
    front_matter: bool,
    /// Inside an HTML comment that runs over several lines.
    in_comment: bool,
    /// Page furniture (a running header, a page number) came after the last
    /// body text: the next line may go on with a paragraph a page broke.
    page_break: bool,
    /// How many paragraphs in a row opened after a blank line (at most 3):
    /// the document separates its paragraphs by blank lines.
    blank_paras: u8,
}

impl Default for State {
    fn default() -> State {
        State {
            heading: None,
            heading_run: None,
            heading_end_before_run: 0,
            para: None,
            subs: Vec::new(),
            floats: Vec::new(),
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

struct Builder<'a> {
    text: &'a str,
    blocks: &'a [Block],
    lang: Lang,
    lex: &'static Lexicon,
    top: Vec<Node>,
    section: Option<Node>,
    part: Option<Node>,
    /// Everything else a checkpoint saves and a restart loads.
    st: State,
    operative_leads: usize,
    numbered_total: usize,
    // ----- incremental reassembly (`resume.rs`) -----
    /// Snapshots of the state taken every `CHECKPOINT_EVERY` content blocks
    /// (less often inside a long paragraph: [`Builder::walk`]).
    checkpoints: Vec<resume::Checkpoint>,
    since_checkpoint: usize,
    /// Content blocks after which the next checkpoint is considered.
    checkpoint_due: usize,
    /// Epoch of the edit log the checkpoints taken by this run belong to.
    epoch: usize,
    /// `top` scanned up to .0: index of its last title node, of its last
    /// adoption node (for `running_title`).
    title_scan: Cell<(usize, Option<usize>, Option<usize>)>,
    /// The last answer of [`Builder::next_strong`]: `(from, k)`, no strong
    /// furniture in `from..k`, and `k` is one (or the end).
    strong_scan: Cell<Option<(usize, usize)>>,
}

/// Open nodes per further `CHECKPOINT_EVERY` content blocks between two
/// checkpoints (a paragraph of up to this many nodes is snapshotted at the
/// usual pace).
const OPEN_NODES_PER_STEP: usize = 64;

/// An empty range that any real range replaces on `extend`.
#[allow(clippy::reversed_empty_ranges)]
const SENTINEL: Range<usize> = usize::MAX..0;

fn extend(r: &mut Range<usize>, o: &Range<usize>) {
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

fn push_child(parent: &mut Node, child: Node) {
    let r = child.range.clone();
    parent.children.push(child);
    extend(&mut parent.range, &r);
}

/// The last punctuation mark of `s`, skipping trailing spaces, emphasis and
/// footnote markers after it (`mines;6`, `2024,1`, `，¹`, `1993,[^4]`).
pub fn terminal_mark(s: &str) -> Option<char> {
    // the usual end, an ASCII letter or mark that none of the rules below
    // looks past
    if let Some(&last) = s.as_bytes().last()
        && last < 0x80
        && !matches!(
            last,
            0x09..=0x0D | b' ' | b'*' | b'/' | b'0'..=b'9' | b']' | b'>'
        )
    {
        return Some(last as char);
    }
    terminal_mark_in_full(s)
}

/// `s` without the Markdown footnote markers (`[^4]`) and HTML comments
/// (`<!-- … -->`) at its end.
fn strip_markdown_end(mut s: &str) -> &str {
    loop {
        let t = s.trim_end_matches(|c: char| is_space(c) || c == '*');
        let cut = if let Some(u) = t.strip_suffix("-->") {
            u.rfind("<!--")
        } else if t.ends_with(']') {
            t.rfind("[^").filter(|&o| {
                crate::lexer::markdown_footnote_label(&t[o..])
                    .is_some_and(|(_, d)| d.end + 1 == t.len() - o)
            })
        } else {
            None
        };
        match cut {
            Some(o) => s = &t[..o],
            None => return s,
        }
    }
}

/// [`terminal_mark`] without its fast path.
fn terminal_mark_in_full(s: &str) -> Option<char> {
    let s = strip_markdown_end(s);
    let t = s.trim_end_matches(|c: char| is_space(c) || c == '*' || superscript_digit(c).is_some());
    // the old footnote marker `1/` after the mark (`…the United Nations, 1/`,
    // SC 800 and 801 (1993))
    let t = match t.strip_suffix('/') {
        Some(u) if u.ends_with(|c: char| c.is_ascii_digit()) => {
            let v = u.trim_end_matches(|c: char| c.is_ascii_digit());
            if u.len() - v.len() <= 2 && v.ends_with(|c: char| is_space(c) || is_punct(c)) {
                v.trim_space_end()
            } else {
                t
            }
        }
        _ => t,
    };
    let stripped = t.trim_end_matches(|c: char| c.is_ascii_digit() || is_space(c));
    let before = stripped.chars().next_back()?;
    if is_punct(before) && stripped.len() < t.len() {
        // `;6` — digits glued after punctuation are a footnote marker
        return Some(before);
    }
    t.chars().next_back()
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '，' | '；' | '：' | '。' | '،' | '؛' | '、'
    )
}

fn is_terminal(c: Option<char>) -> bool {
    c.is_some_and(is_punct)
}

impl<'a> Builder<'a> {
    fn content(&self, b: &Block) -> Option<Range<usize>> {
        let (s, e) = trim_range(self.text, b.start, b.content_end());
        (s < e).then_some(s..e)
    }

    fn lead_from(&self, b: &Block, hit: &LeadHit, class: LeadClass) -> Lead {
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
            let t = crate::grammar::lead_tail(self.lang, rest);
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
    fn settle(&mut self, d: usize) {
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

    fn float(&mut self, n: Node) {
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

    fn extend_target(&mut self, r: Range<usize>) -> bool {
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

    fn open_heading(&mut self, r: &Range<usize>) {
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

    fn close_heading(&mut self) {
        if let Some(h) = self.st.heading.take() {
            self.top.push(h);
        }
    }

    fn top_node(&mut self, kind: NodeKind, r: Range<usize>) {
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

    fn new_para(
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
            n.label = Some(l);
            n.label_range = Some(lr);
        }
        n.lead = lead;
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

    fn new_sub(
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
        n.label = Some(label);
        n.label_range = Some(label_range);
        n.lead = lead;
        self.st.subs.push((n, level));
        self.st.target = Target::Body;
    }

    /// A label of a lone letter that could start a sentence or an
    /// abbreviation (the Council's `a.` `b.`, the Russian `а)` `б)`) is a
    /// sub-paragraph only in its turn: the first letter inside an operative
    /// paragraph, each next one after the letter before it (Russian lists
    /// skip `й`, `ъ`, `ы`, `ь`, so up to two letters on). Other labels always.
    fn letter_in_turn(&self, label: &str) -> bool {
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
            .and_then(|(n, _)| n.label.clone());
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

    // ----- the walk ------------------------------------------------------

    /// The last title node of `top`, else its last adoption node: what
    /// `running_title` reads (`top` only grows, so a scan of what was added).
    fn title_node(&self) -> Option<&Node> {
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
    fn walk(&mut self, from: usize, mut stop: impl FnMut(&mut Self, usize) -> bool) -> bool {
        let blocks = self.blocks;
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
                let due = resume::CHECKPOINT_EVERY * (1 + self.open_nodes() / OPEN_NODES_PER_STEP);
                if i == from || self.since_checkpoint >= due {
                    self.checkpoint(i);
                    self.checkpoint_due = resume::CHECKPOINT_EVERY;
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

    fn note_body_text(&mut self, r: &Range<usize>) {
        self.st.page_break = false;
        self.st.last_terminal = terminal_mark(&self.text[r.clone()]);
    }

    fn next_content(&self, i: usize) -> Option<&'a Block> {
        self.blocks[i + 1..]
            .iter()
            .find(|b| !b.is_blank() && !matches!(b.kind, BlockKind::Furniture(_)))
    }

    /// The punctuation that ends the paragraph whose first line is block `i`
    /// in a text without spaces (Chinese wraps anywhere): the last character
    /// of its last line before a blank line, furniture, an indented line (the
    /// next paragraph pasted from Word) or the next numbered paragraph, when that comes within the look-ahead the incremental walk
    /// allows (`resume::RESTART_BLOCKS`).
    fn cjk_paragraph_end(&self, i: usize) -> Option<char> {
        let mut last = None;
        for (k, b) in self.blocks[i..].iter().enumerate() {
            if k == 9 {
                return None;
            }
            if b.is_blank()
                || matches!(b.kind, BlockKind::Furniture(_))
                || (k > 0
                    && b.line_start
                    && (b.indented || matches!(b.kind, BlockKind::Numbered(_) | BlockKind::Sub(_))))
            {
                break;
            }
            last = Some(b);
        }
        let b = last?;
        self.text[b.start..b.content_end()]
            .trim_end()
            .chars()
            .next_back()
    }

    /// Block `i` starts a line, with no blank line or indent before it, after
    /// two lines of a wrapped paragraph of about the same width (within
    /// three columns, a Chinese character counting two, both lines of
    /// 30–120 columns): the line before was full, so the paragraph wrapped.
    /// Looks two blocks back (within `resume::LOOK_BACK`).
    fn wraps_on_from_full_line(&self, i: usize) -> bool {
        let b = &self.blocks[i];
        if i < 2 || !b.line_start || b.indented || self.st.prev_blank {
            return false;
        }
        let (p1, p2) = (&self.blocks[i - 1], &self.blocks[i - 2]);
        let is_line = |x: &Block| {
            x.line_start
                && !x.is_blank()
                && !x.indented
                && matches!(x.kind, BlockKind::Text | BlockKind::Lead(_))
        };
        if !is_line(p1) || !(is_line(p2) || matches!(p2.kind, BlockKind::Numbered(_))) {
            return false;
        }
        let width = |x: &Block| {
            self.text[x.start..x.content_end()]
                .trim_end()
                .chars()
                .map(|c| if crate::cjk::is_cjk(c) { 2 } else { 1 })
                .sum::<usize>()
        };
        let (w1, w2) = (width(p1), width(p2));
        (30..=120).contains(&w2) && w1 + 3 >= w2 && w1 <= w2 + 3
    }

    /// Issue 18: `73/89` alone on its line between two lines of running
    /// text (`Recalling its resolution` / `73/89` / `of 6 December 2018,`)
    /// is a resolution number that PDF extraction put on a line of its own,
    /// not a page number: those stand next to a blank line or other page
    /// furniture.
    fn number_in_running_text(&self, i: usize) -> bool {
        let b = &self.blocks[i];
        let t = self.text[b.start..b.content_end()].trim_space();
        let text_line = |j: usize| {
            self.blocks.get(j).is_some_and(|n| {
                !n.is_blank()
                    && !matches!(
                        n.kind,
                        BlockKind::Furniture(_)
                            | BlockKind::SymbolLine(_)
                            | BlockKind::FootnoteSeparator
                    )
            })
        };
        b.line_start
            && t.split_once('/').is_some_and(|(n, m)| {
                !n.is_empty()
                    && !m.is_empty()
                    && n.bytes().all(|c| c.is_ascii_digit())
                    && m.bytes().all(|c| c.is_ascii_digit())
            })
            && i > 0
            && text_line(i - 1)
            && text_line(i + 1)
    }

    fn is_strong_furniture(b: &Block) -> bool {
        matches!(
            b.kind,
            BlockKind::Furniture(
                FurnitureKind::JobNumber | FurnitureKind::PageNumber | FurnitureKind::Barcode
            ) | BlockKind::SymbolLine(_)
        )
    }

    /// The first strong furniture block at or after `from` (the block count
    /// when none): the walk asks about nearby windows, mostly moving
    /// forward, so the last answer usually still holds.
    fn next_strong(&self, from: usize) -> usize {
        let n = self.blocks.len();
        let from = from.min(n);
        let strong = |j: &usize| Self::is_strong_furniture(&self.blocks[*j]);
        let (f, k) = match self.strong_scan.get() {
            Some((f, k)) if f <= from && from <= k => return k,
            // none in `f..k`: scan only up to `f`
            Some((f, k)) if from < f => (from, (from..f).find(strong).unwrap_or(k)),
            _ => (from, (from..n).find(strong).unwrap_or(n)),
        };
        self.strong_scan.set(Some((f, k)));
        k
    }

    /// Whether a block of `a..b` is strong furniture.
    fn any_strong(&self, a: usize, b: usize) -> bool {
        a < b && self.next_strong(a) < b.min(self.blocks.len())
    }

    /// A running-header title next to page furniture (`Question of Anguilla`
    /// above `A/RES/79/100`).
    fn is_running_title(&self, i: usize, r: &Range<usize>) -> bool {
        // cheap test first: running headers sit next to page furniture
        let lo = i.saturating_sub(3);
        // a header wrapped over several lines above the furniture (`Implementing
        // the Declaration on …` / … / `A/RES/78/216`): the lines that follow
        let mut last = i;
        if !(self.any_strong(lo, i) || self.any_strong(i + 1, i + 4)) {
            while last < i + 6
                && self.blocks.get(last + 1).is_some_and(|b| {
                    b.line_start
                        && matches!(b.kind, BlockKind::Text | BlockKind::HeadingLike { .. })
                })
            {
                last += 1;
            }
            if last == i || !self.any_strong(last + 1, last + 4) {
                return false;
            }
        }
        let Some(title) = self.running_title() else {
            return false;
        };
        // spaces do not count: the header may drop one (`under the title“Second`)
        let squeeze = |s: &str| s.chars().filter(|c| !is_space(*c)).collect::<String>();
        let title = squeeze(&title);
        let line = squeeze(&self.text[r.clone()]);
        line.len() >= 4
            && title.contains(line.as_str())
            && self.blocks[i + 1..=last]
                .iter()
                .all(|b| title.contains(squeeze(&self.text[b.start..b.content_end()]).as_str()))
    }

    /// The title text as far as it is known (the title line and its wrapped
    /// continuation), for recognising running headers.
    fn running_title(&self) -> Option<String> {
        let Some(t) = self.title_node().filter(|n| n.kind == NodeKind::Title) else {
            // a title line that lost its number (`79/9.`) stays in the adoption
            // node, after the report line `[without reference to …]`
            let a = self.title_node()?;
            let text = &self.text[a.range.clone()];
            let after = &text[text.rfind(']')? + 1..];
            return Some(after.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty());
        };
        let after = match &self.st.meta.number_range {
            Some(nr) if nr.end <= t.range.end && nr.start >= t.range.start => {
                &self.text[nr.end..t.range.end]
            }
            _ => &self.text[t.range.clone()],
        };
        let after = title_after_number(after);
        Some(after.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn block(&mut self, i: usize, b: &Block) {
        let Some(r) = self.content(b) else {
            self.st.prev_blank = true;
            return;
        };
        if self.markdown_block(b, &r) {
            return;
        }
        match &b.kind {
            BlockKind::Blank => {}
            BlockKind::Furniture(FurnitureKind::PageNumber) if self.number_in_running_text(i) => {
                self.text_block(i, b, r);
            }
            BlockKind::Furniture(k) => {
                if *k == FurnitureKind::Meta {
                    let line = &self.text[r.clone()];
                    self.st.meta.subjects = line
                        .trim_start_matches('%')
                        .split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                }
                if Self::is_strong_furniture(b) {
                    self.st.fn_zone = false;
                    if self.st.target == Target::Footnote {
                        self.st.target = Target::Body;
                    }
                }
                let mut n = Node::new(NodeKind::Furniture, r);
                n.label = None;
                self.float(n);
            }
            BlockKind::FootnoteSeparator => {
                self.st.fn_zone = true;
                let n = Node::new(NodeKind::Furniture, r);
                self.float(n);
                if self.st.target != Target::Footnote {
                    // remember to come back to the interrupted paragraph
                }
            }
            BlockKind::SymbolLine(sym) => {
                if self.st.zone <= Zone::Heading && self.st.meta.symbol.is_none() {
                    self.open_heading(&r);
                    self.st.meta.symbol = Some(sym.to_string());
                    self.st.meta.symbol_range = Some(r);
                } else if self.st.zone <= Zone::Heading {
                    self.open_heading(&r);
                } else {
                    self.st.fn_zone = false;
                    if self.st.target == Target::Footnote {
                        self.st.target = Target::Body;
                    }
                    self.float(Node::new(NodeKind::Furniture, r));
                }
            }
            BlockKind::OrgLine(sym) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                if let Some(s) = sym
                    && self.st.meta.symbol.is_none()
                {
                    self.st.meta.symbol = Some(s.to_string());
                    let line = &self.text[r.clone()];
                    let at = line.find(s.split(' ').next().unwrap_or(s)).unwrap_or(0);
                    self.st.meta.symbol_range = Some(r.start + at..r.end);
                }
            }
            BlockKind::OrganLine if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
            }
            BlockKind::OrganLine
                if matches!(self.st.zone, Zone::Title | Zone::Adoption)
                    && (self.st.prev_blank || self.st.zone == Zone::Adoption) =>
            {
                // author line without its comma (no preamble follows)
                self.author(r);
            }
            BlockKind::Distr(d) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.distribution = Some(d.to_string());
            }
            BlockKind::DateLine(d) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                if self.st.meta.issue_date.is_none() {
                    self.st.meta.issue_date = Some(*d);
                }
            }
            BlockKind::Original if self.st.zone <= Zone::Heading => self.open_heading(&r),
            BlockKind::Session if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.session = Some(self.text[r].trim().to_string());
            }
            BlockKind::AgendaItem if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.agenda = Some(self.text[r].trim().to_string());
            }
            BlockKind::Sponsors if self.st.zone <= Zone::Title => {
                self.st.sponsors = true;
                let lower = self.text[r.clone()].to_lowercase();
                if lower.contains("draft decision") {
                    self.st.decision_hint = true;
                }
                let start = match (self.st.heading.as_mut(), self.st.heading_run) {
                    (Some(h), Some(run)) => {
                        h.range.end = self.st.heading_end_before_run;
                        run
                    }
                    _ => r.start,
                };
                self.top_node(NodeKind::Sponsors, start..r.end);
                self.st.zone = Zone::Title;
            }
            BlockKind::Adoption if self.st.zone < Zone::Author => {
                self.top_node(NodeKind::Adoption, r);
                self.st.zone = Zone::Adoption;
            }
            BlockKind::Report if self.st.zone < Zone::Author => {
                if self.st.zone == Zone::Adoption
                    && self
                        .top
                        .last()
                        .is_some_and(|n| n.kind == NodeKind::Adoption)
                {
                    self.close_heading();
                    self.settle(0);
                    let n = self.top.last_mut().unwrap();
                    extend(&mut n.range, &r);
                    self.st.target = Target::TopLast;
                } else {
                    self.top_node(NodeKind::Adoption, r);
                }
                self.st.zone = Zone::Adoption;
            }
            BlockKind::Title { number } if self.next_resolution_starts(i) => {
                self.next_resolution(r, number);
            }
            BlockKind::Title { number }
                if self.st.zone < Zone::Author && !self.st.saw_body_paragraph =>
            {
                self.top_node(NodeKind::Title, r.clone());
                let line = &self.text[r.clone()];
                // the number and what precedes it (`79/100.`, `79/100 – `,
                // `76/1<TAB>`): the title follows its separator
                let first = match line.find(&**number) {
                    Some(k) => &line[..k + number.len()],
                    None => line.split('.').next().unwrap_or("").trim_end(),
                };
                self.st.meta.number = Some(number.to_string());
                self.st.meta.number_range = Some(r.start..r.start + first.len());
                if let Some(n) = self.top.last_mut() {
                    n.label = Some(number.to_string());
                    n.label_range = Some(r.start..r.start + first.len());
                }
                self.st.zone = Zone::Title;
            }
            BlockKind::Author { organ } if self.st.zone < Zone::Body || self.st.section_restart => {
                self.st.meta.organ.get_or_insert_with(|| organ.to_string());
                self.author(r);
            }
            BlockKind::Closing if self.st.zone >= Zone::Body || self.st.saw_body_paragraph => {
                self.closing(r);
            }
            BlockKind::DateLine(_) if self.st.zone == Zone::Closing => {
                let n = self.top.last_mut().unwrap();
                extend(&mut n.range, &r);
            }
            BlockKind::DateLine(_)
                if self.st.zone == Zone::Body
                    && self.st.in_operative
                    && matches!(self.st.last_terminal, Some('.') | Some('。'))
                    && self
                        .next_content(i)
                        .is_some_and(|n| matches!(n.kind, BlockKind::Closing)) =>
            {
                self.closing(r);
            }
            BlockKind::Annex(label) if self.st.zone >= Zone::Body => {
                self.settle(0);
                let mut n = Node::new(NodeKind::Annex, r);
                n.label = label.as_deref().map(String::from);
                self.section = Some(n);
                self.st.zone = Zone::Annex;
                self.st.target = Target::Section;
                self.st.in_operative = false;
                // an annex numbers its paragraphs from 1 (SC 1454 (2002),
                // annex B: 1 … 19), not on from the operative part
                self.st.last_op = None;
            }
            BlockKind::FootnoteDef {
                number,
                superscript,
                label_rel,
            } => {
                // `(3) …` is a footnote in Arabic, elsewhere only under the rule
                let paren = self.text[..b.abs(*label_rel).start].ends_with('(');
                let accept = (!paren || self.st.fn_zone || self.lang == Lang::Ar)
                    && (*superscript
                        // under the rule, a number that is neither after a
                        // blank line nor one of the next few is a footnote's
                        // wrapped line (`…Supplement No.` / `27 (A/47/27)`)
                        || (self.st.fn_zone
                            && *number > 0
                            && (self.st.prev_blank
                                || (*number > self.st.last_fn
                                    && *number <= self.st.last_fn + 3)))
                        || (self.st.prev_blank
                            && self.st.saw_body_paragraph
                            && *number == self.st.last_fn + 1
                            && *number > 0));
                if accept {
                    self.st.fn_zone = true;
                    self.st.last_fn = *number;
                    let mut n = Node::new(NodeKind::Footnote, r);
                    n.label = Some(number.to_string());
                    n.label_range = Some(b.abs(*label_rel));
                    self.st.floats.push(n);
                    self.st.target = Target::Footnote;
                } else {
                    self.text_block(i, b, r);
                }
            }
            BlockKind::Numbered(n) => {
                self.numbered(i, b, r, &n.label, n.number, n.label_rel, &n.lead)
            }
            BlockKind::Sub(sub) => {
                let SubHead {
                    label,
                    label_rel,
                    lead,
                } = &**sub;
                let inside = self.st.para.is_some()
                    && !(self.st.fn_zone && self.st.target == Target::Footnote);
                if inside && !matches!(self.st.zone, Zone::Closing) && self.letter_in_turn(label) {
                    self.st.fn_zone = false;
                    let lead = lead
                        .as_ref()
                        .map(|h| self.lead_from(b, h, LeadClass::Operative));
                    self.new_sub(r.clone(), label.to_string(), b.abs(*label_rel), lead);
                    self.note_body_text(&r);
                } else {
                    self.text_block(i, b, r);
                }
            }
            BlockKind::Lead(hit) => self.lead_block(i, b, r, hit),
            BlockKind::HeadingLike { designator } => {
                self.heading_like(i, b, r, designator.as_deref().map(String::from))
            }
            _ => self.text_block(i, b, r),
        }
    }

    /// Markdown's front matter and comments of several lines (issue 16):
    /// whatever their lines look like, they are no text. The front matter
    /// (`---` on the first line to the next `---`) is the heading block and
    /// fills its fields; a comment's lines are furniture. True when the
    /// block was taken.
    fn markdown_block(&mut self, b: &Block, r: &Range<usize>) -> bool {
        if self.st.front_matter {
            if matches!(b.kind, BlockKind::Furniture(FurnitureKind::Fence)) {
                self.st.front_matter = false;
            } else {
                self.front_matter_field(r);
            }
            self.open_heading(r);
            return true;
        }
        if self.st.in_comment {
            if self.text[r.clone()].contains("-->") {
                self.st.in_comment = false;
            }
            self.float(Node::new(NodeKind::Furniture, r.clone()));
            return true;
        }
        match b.kind {
            // nothing but blank lines before it
            BlockKind::Furniture(FurnitureKind::Fence)
                if self.st.zone == Zone::Start
                    && self.st.heading.is_none()
                    && self.top.is_empty()
                    && self.st.floats.is_empty()
                    && self.st.para.is_none() =>
            {
                self.st.front_matter = true;
                self.open_heading(r);
                true
            }
            BlockKind::Furniture(FurnitureKind::CommentOpen) => {
                self.st.in_comment = true;
                self.float(Node::new(NodeKind::Furniture, r.clone()));
                true
            }
            _ => false,
        }
    }

    /// A front-matter line `key: value`: `symbol`, `title` and `date` fill
    /// the heading's fields (`language` is read before the walk:
    /// [`front_matter_lang`]).
    fn front_matter_field(&mut self, r: &Range<usize>) {
        let line = &self.text[r.clone()];
        let Some((key, value)) = line.split_once(':') else {
            return;
        };
        let v = value.trim_space().trim_matches(['"', '\'']).trim_space();
        if v.is_empty() {
            return;
        }
        let at = r.start + key.len() + 1 + value.find(v).unwrap_or(0);
        let meta = &mut self.st.meta;
        match key.trim_space() {
            "symbol" if meta.symbol.is_none() => {
                meta.symbol = Some(v.to_string());
                meta.symbol_range = Some(at..at + v.len());
            }
            "title" => meta.title = Some(v.to_string()),
            "date" => {
                meta.issue_date =
                    crate::dates::Date::from_iso(v).or_else(|| crate::dates::whole_date(v));
            }
            _ => {}
        }
    }

    fn author(&mut self, r: Range<usize>) {
        if self.st.section_restart && self.section.is_some() {
            // a composite resolution's part (69/96 B) has its own author line
            self.settle(1);
            let sec = self.section.as_mut().unwrap();
            push_child(sec, Node::new(NodeKind::Author, r.clone()));
            self.st.target = Target::Section;
        } else {
            self.top_node(NodeKind::Author, r.clone());
        }
        if self.st.meta.author.is_none() {
            // (without its emphasis: `*The General Assembly*,`)
            let t = self.text[r]
                .trim_end_matches(|c: char| {
                    matches!(c, ',' | '，' | '،' | ':' | '：') || is_space(c)
                })
                .trim_matches(['*', '_']);
            let squeezed = if t.chars().any(crate::cjk::is_han) {
                t.chars().filter(|c| !is_space(*c)).collect()
            } else {
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            self.st.meta.author = Some(squeezed);
        }
        self.st.zone = Zone::Author;
        self.st.last_terminal = Some(',');
    }

    /// A title line (`2752 (XXVI).`, `62/58.`) after the end of a resolution (its
    /// closing, or its last operative paragraph's full stop), with an author
    /// line within the next lines: the next resolution of a page or a volume
    /// that holds several.
    fn next_resolution_starts(&self, i: usize) -> bool {
        let ended = self.st.zone == Zone::Closing
            || self.st.zone == Zone::Body
                && self.st.in_operative
                && matches!(self.st.last_terminal, Some('.' | '。'));
        ended
            && self.blocks[i + 1..]
                .iter()
                .filter(|b| !b.is_blank() && !matches!(b.kind, BlockKind::Furniture(_)))
                .take(4)
                .take_while(|b| {
                    !matches!(
                        b.kind,
                        BlockKind::Lead(_) | BlockKind::Numbered(_) | BlockKind::Closing
                    )
                })
                .any(|b| matches!(b.kind, BlockKind::Author { .. }))
    }

    /// The next resolution is a section labelled with its number, holding its
    /// author line, preamble and operative part, as a part of a composite
    /// resolution (`A`, `B`) does; the document's meta stays the first
    /// resolution's, and each resolution's closing stays a top-level node.
    fn next_resolution(&mut self, r: Range<usize>, number: &str) {
        self.close_heading();
        self.settle(0);
        let line = &self.text[r.clone()];
        let first = line.split('.').next().unwrap_or("").trim_end();
        let mut n = Node::new(NodeKind::Section, r.clone());
        n.label = Some(number.to_string());
        n.label_range = Some(r.start..r.start + first.len());
        self.section = Some(n);
        self.st.section_restart = true;
        self.st.in_operative = false;
        self.st.last_op = None;
        self.st.numbered_list = None;
        self.st.fn_zone = false;
        self.st.zone = Zone::Title;
        self.st.target = Target::Section;
    }

    fn closing(&mut self, r: Range<usize>) {
        if self.st.zone == Zone::Closing
            && self.top.last().is_some_and(|n| n.kind == NodeKind::Closing)
        {
            let n = self.top.last_mut().unwrap();
            extend(&mut n.range, &r);
            return;
        }
        self.top_node(NodeKind::Closing, r);
        self.st.zone = Zone::Closing;
    }

    #[allow(clippy::too_many_arguments)]
    fn numbered(
        &mut self,
        i: usize,
        b: &Block,
        r: Range<usize>,
        label: &str,
        number: Option<u32>,
        label_rel: (u32, u32),
        lead: &Option<LeadHit>,
    ) {
        let expected = self.st.last_op.map(|n| n + 1).unwrap_or(1);
        let rest = &self.text[b.abs(label_rel).end..b.content_end()];
        let rest_t = rest.trim_start_matches(|c: char| c == '.' || c == '*' || is_space(c));
        // `Resolves that:` followed by `1. The Working Capital Fund shall …`: a
        // numbered list inside an unnumbered operative paragraph (budget
        // resolutions), not operative paragraphs
        let op_lead = lead
            .as_ref()
            .is_some_and(|h| h.m.has_class(self.lex, LeadClass::Operative));
        let list_next = self.st.numbered_list.unwrap_or(1);
        let opens_list = self.st.numbered_list.is_none()
            && number == Some(1)
            && self.st.subs.is_empty()
            && self
                .st
                .para
                .as_ref()
                // (after `11. Approves the following provisional agenda …:` a
                // `1.` cannot be the next paragraph either)
                .is_some_and(|p| {
                    p.kind == NodeKind::Operative && (p.label.is_none() || expected > 1)
                })
            && matches!(self.st.last_terminal, Some(':' | '：'));
        if !op_lead
            && b.line_start
            && (opens_list || self.st.numbered_list.is_some() && number == Some(list_next))
        {
            self.st.numbered_list = Some(list_next + 1);
            let label_range = b.abs(label_rel);
            self.new_sub(r.clone(), label.to_string(), label_range, None);
            self.note_body_text(&r);
            return;
        }
        self.st.numbered_list = None;
        // the expected number after a paragraph that ended (`;`, `.`, `:`) or
        // after a blank line opens the next one whatever its first word:
        // Russian operative verbs are lower case, and a verb the lexicon lacks
        // is still a verb
        let ended = matches!(
            self.st.last_terminal,
            Some(';' | '；' | '.' | '。' | ':' | '：' | '؛')
        );
        let rest_ok = rest_t.is_empty()
            || lead.is_some()
            || (number == Some(expected) && b.line_start && (ended || self.st.prev_blank))
            // the first numbered line after the preamble's closing comma
            || (number == Some(1)
                && b.line_start
                && self.st.last_op.is_none()
                && matches!(self.st.last_terminal, Some(',' | '،' | '，')))
            || rest_t.chars().next().is_some_and(|c| {
                c.is_uppercase()
                    || crate::cjk::is_cjk(c)
                    || c.is_ascii_digit()
                    || c == '“'
                    || c == '"'
                    || c == '['
            });
        let plausible = match number {
            Some(n) if b.line_start => {
                (n == expected
                    || n == 1 && self.st.section_restart
                    || n > 0 && n <= expected + 5 && self.st.last_op.is_some_and(|l| n + 3 >= l)
                    || n == expected + 5
                    // an annex's article numbers its paragraphs from 1 again
                    // after its heading (`Article 3` / `Issuance of …` / `1.`,
                    // GA 80/162)
                    || n == 1
                        && self.st.zone == Zone::Annex
                        && !is_terminal(self.st.last_terminal)
                    // a first operative paragraph numbered wrong (`2. Decides`)
                    || self.st.last_op.is_none() && n <= 5 && op_lead)
                    && rest_ok
            }
            Some(n) => n == expected || (n == 1 && self.st.section_restart),
            None => b.line_start && rest_ok && self.st.last_op.is_some(),
        };
        // a bare number (its dot lost) counts only as the expected paragraph
        // followed by an operative lead
        // (`1 - ` is the Arabic numbering, not a lost dot)
        let after = self.text[b.abs(label_rel).end..b.content_end()].trim_space_start();
        let bare = !after.contains('.') && !after.starts_with(['-', '–', '—']);
        let plausible = plausible
            && (!bare
                || number == Some(expected)
                    && self.next_content(i).is_some_and(|n| {
                        matches!(&n.kind, BlockKind::Lead(h) if h.m.has_class(self.lex, LeadClass::Operative))
                    }));
        if !plausible
            && bare
            && b.line_start
            && self.st.saw_body_paragraph
            && is_terminal(self.st.last_terminal)
            && let Some(n) = number.filter(|&n| n > 0 && n == self.st.last_fn + 1)
            && self
                .next_content(i)
                .is_some_and(|n| matches!(n.kind, BlockKind::Text | BlockKind::HeadingLike { .. }))
        {
            // the next footnote's number alone on its line, its text below (a
            // page without the separator line: fr A/RES/51/145)
            self.st.fn_zone = true;
            self.st.last_fn = n;
            let mut f = Node::new(NodeKind::Footnote, r);
            f.label = Some(n.to_string());
            f.label_range = Some(b.abs(label_rel));
            self.st.floats.push(f);
            self.st.target = Target::Footnote;
            return;
        }
        let fn_blocked = self.st.fn_zone && self.st.target == Target::Footnote && !b.line_start;
        if !plausible || fn_blocked || matches!(self.st.zone, Zone::Closing) {
            self.text_block(i, b, r);
            return;
        }
        self.st.fn_zone = false;
        if number == Some(1)
            && self.st.section_restart
            && matches!(self.st.last_terminal, Some(',' | '，' | '،'))
            && self.st.subs.is_empty()
            && self
                .st
                .para
                .as_ref()
                .is_some_and(|p| p.kind == NodeKind::Operative && p.label.is_none())
            && self.part.as_ref().is_some_and(|p| p.children.is_empty())
        {
            // `XXVI Contingency fund` / `Recalls its resolution …, or 25,472,300
            // dollars,` / `1. Notes …` (budget resolutions): the unnumbered
            // opening of a section that numbers from 1 is a paragraph of the
            // section, not its operative paragraph 1
            self.part = None;
            if let Some(p) = self.st.para.as_mut() {
                p.kind = NodeKind::Paragraph;
            }
            self.numbered_total = self.numbered_total.saturating_sub(1);
            if self.st.para.as_ref().is_some_and(|p| p.lead.is_some()) {
                self.operative_leads = self.operative_leads.saturating_sub(1);
            }
        }
        let label_range = b.abs(label_rel);
        let in_annex = self.st.zone == Zone::Annex;
        // (a Chinese verb opens both kinds of paragraph: a numbered one is
        // preambular only when it ends as one does, with its comma)
        let ends_with_comma = self
            .content(b)
            .is_some_and(|c| self.text[c].trim_end().ends_with(['，', ',']));
        let pre_lead = lead.as_ref().is_some_and(|h| {
            h.m.has_class(self.lex, LeadClass::Preambular)
                && !h.m.has_class(self.lex, LeadClass::Operative)
                && (!self.lang.is_cjk() || ends_with_comma)
        });
        let kind = if in_annex {
            NodeKind::Paragraph
        } else if pre_lead && !self.st.in_operative && self.st.zone != Zone::Annex {
            NodeKind::Preambular
        } else {
            NodeKind::Operative
        };
        let class = if kind == NodeKind::Preambular {
            LeadClass::Preambular
        } else {
            LeadClass::Operative
        };
        let lead = lead.as_ref().map(|h| self.lead_from(b, h, class));
        if in_annex && number.is_some() {
            self.st.last_op = number;
        }
        if kind == NodeKind::Operative {
            self.st.in_operative = true;
            if lead.is_some() {
                self.operative_leads += 1;
            }
            self.numbered_total += 1;
            if let Some(n) = number {
                self.st.last_op = Some(n);
            } else if let Some(l) = self.st.last_op {
                self.st.last_op = Some(l);
            }
            self.st.section_restart = false;
        }
        self.st.pending_lead = lead.is_none() && rest_t.is_empty();
        self.new_para(
            kind,
            r.clone(),
            Some((label.to_string(), label_range)),
            lead,
        );
        self.note_body_text(&r);
    }

    fn lead_block(&mut self, i: usize, b: &Block, r: Range<usize>, hit: &LeadHit) {
        let lex = self.lex;
        // `1.` alone on its line, lead on the next (corpus: number on its own line)
        if self.st.pending_lead && self.st.para.is_some() && self.st.subs.is_empty() {
            self.st.pending_lead = false;
            let class = if self.st.para.as_ref().unwrap().kind == NodeKind::Preambular {
                LeadClass::Preambular
            } else {
                LeadClass::Operative
            };
            let lead = self.lead_from(b, hit, class);
            self.settle(3);
            let p = self.st.para.as_mut().unwrap();
            p.lead = Some(lead);
            extend(&mut p.range, &r);
            if p.kind == NodeKind::Operative {
                self.operative_leads += 1;
            }
            self.note_body_text(&r);
            return;
        }
        if let Some((n, digits)) = self.wrapped_dash_number(i, hit) {
            self.dash_numbered(b, r, hit, n, digits);
            return;
        }
        let pre = hit.m.has_class(lex, LeadClass::Preambular);
        let op = hit.m.has_class(lex, LeadClass::Operative);
        let cjk = hit.m.is_cjk(lex);
        // A bitext page (`*.bitext-en-zh.txt`) puts the translation of each
        // paragraph on the line after it: a lead in the other script, of the
        // paragraph's class, right after a one-line paragraph is its twin, and
        // the pair is one paragraph (`Decides …` + `决定:…` is one operative
        // paragraph, the last)
        let twin = b.line_start
            && self.st.subs.is_empty()
            && self.st.para.as_ref().is_some_and(|p| {
                let class = if p.kind == NodeKind::Preambular {
                    LeadClass::Preambular
                } else {
                    LeadClass::Operative
                };
                p.lead.as_ref().is_some_and(|l| {
                    crate::cjk::is_cjk(l.text.chars().next().unwrap_or(' ')) != cjk
                }) && hit.m.has_class(lex, class)
                    && p.range.end <= r.start
                    && !self.text[p.range.start..r.start]
                        .trim_end()
                        .contains(['\n', '\r'])
            });
        if twin {
            self.text_block(i, b, r);
            return;
        }
        let in_footnote = self.st.fn_zone && self.st.target == Target::Footnote;
        // A paragraph boundary needs evidence: the previous text ended with
        // punctuation, or the line is indented (seed 002), or it is a split of a
        // one-line text, or the preceding element is not a paragraph.
        let after_break = is_terminal(self.st.last_terminal)
            || !b.line_start
            || self.st.para.is_none()
            || in_footnote
            || (b.indented && cjk)
            || (!cjk && hit.m.capitalised && b.line_start);
        // Chinese wraps anywhere: a lead at the start of a line that follows
        // a full line of a wrapped paragraph goes on with it (`…成果文件，6` /
        // `还重申…`), whatever punctuation the full line ended with
        let after_break = after_break && !(cjk && self.wraps_on_from_full_line(i));
        // `признавая …,` / `признавая также …` on the next line of a text that
        // separates its paragraphs by blank lines: in a language whose leads
        // are not capitalised, a second lead inside the same paragraph
        let after_break = after_break
            && !(matches!(self.lang, Lang::Ru | Lang::Ar | Lang::Zh)
                && b.line_start
                && !b.indented
                && !self.st.prev_blank
                && !self.st.page_break
                && self.st.blank_paras >= 2
                && self.st.para.is_some()
                && matches!(self.st.last_terminal, Some(',' | '，' | '،' | '、')));
        let one_char = hit.m.char_len() < 2 && cjk;
        // `…barriers,` / `recognizing their diversity,` with no blank line
        // between (GA 80/214): a lower-case lead in a language whose leads
        // are capitalised continues the sentence the line wrapped
        let wrapped_clause = !hit.m.capitalised
            && matches!(self.lang, Lang::En | Lang::Fr | Lang::Es)
            && b.line_start
            && !self.st.prev_blank
            && self.st.para.is_some();
        if !after_break
            || one_char
            || wrapped_clause
            || (!hit.m.capitalised && !cjk && !is_terminal(self.st.last_terminal))
        {
            self.text_block(i, b, r);
            return;
        }
        if self.st.zone == Zone::Annex {
            self.text_block(i, b, r);
            return;
        }
        let terminal_op = matches!(
            self.st.last_terminal,
            Some(';' | '；' | '.' | '。' | ':' | '：')
        );
        // A lead that is both (`重申`) opening the last paragraph, a line that
        // ends with a full stop after preambular paragraphs closed by commas: the
        // unnumbered operative paragraph of a short text (A/RES/2159 (XXI),
        // `重申此项决议仍属有效。` before the date of adoption)
        let full_stop_after_preamble = pre
            && op
            && cjk
            && !self.st.in_operative
            && matches!(self.st.last_terminal, Some(',' | '，'))
            && self
                .content(b)
                .is_some_and(|c| self.text[c].ends_with(['。', '.']))
            && self.next_content(i).is_none_or(|n| {
                !matches!(
                    n.kind,
                    BlockKind::Lead(_) | BlockKind::Numbered(_) | BlockKind::Sub(_)
                )
            });
        // a Chinese verb opens both kinds of paragraph: in the preamble, one
        // that ends with its comma is preambular (`敦促…缔约方，`)
        let cjk_comma_end =
            cjk && !self.st.in_operative && matches!(self.cjk_paragraph_end(i), Some('，' | ','));
        let pre = pre || cjk_comma_end;
        if pre
            && !full_stop_after_preamble
            && (!self.st.in_operative || (!op && terminal_op && b.line_start))
        {
            if self.st.in_operative {
                // a preambular paragraph after the operative part (UN003)
                self.settle(1);
                self.part = Some(Node::new(NodeKind::Preamble, SENTINEL));
                self.st.in_operative = false;
            }
            self.st.fn_zone = false;
            let lead = self.lead_from(b, hit, LeadClass::Preambular);
            self.new_para(NodeKind::Preambular, r.clone(), None, Some(lead));
            self.note_body_text(&r);
            return;
        }
        if op
            && (!pre || full_stop_after_preamble)
            && (hit.m.capitalised || cjk || self.lang == Lang::Ru)
            && (terminal_op || matches!(self.st.last_terminal, Some(',' | '，' | '،')))
            // a line, or a segment the lexer cut from a one-line text at `, Décide`
            && self.st.zone >= Zone::Author
        {
            // an unnumbered operative paragraph (a lone one, or a missing number)
            self.st.fn_zone = false;
            self.st.in_operative = true;
            self.operative_leads += 1;
            self.numbered_total += 1;
            let lead = self.lead_from(b, hit, LeadClass::Operative);
            self.new_para(NodeKind::Operative, r.clone(), None, Some(lead));
            self.note_body_text(&r);
            return;
        }
        self.text_block(i, b, r);
    }

    /// `…du pétrole, 1` / `-` / `demande aux États Membres …` (fr S/RES/665 on a
    /// web page): the number `1 - ` of the next operative paragraph (the shape
    /// of Arabic numbers) with its three pieces wrapped onto three lines. The
    /// number and its byte range, when block `i`, an operative lead, follows a
    /// lone dash line and a line ending `, N` with N the expected number. Looks
    /// two blocks back (within `resume::LOOK_BACK`).
    fn wrapped_dash_number(&self, i: usize, hit: &LeadHit) -> Option<(u32, Range<usize>)> {
        if i < 2
            || !self.blocks[i].line_start
            || self.st.zone == Zone::Annex
            || !self.st.subs.is_empty()
            || !hit.m.has_class(self.lex, LeadClass::Operative)
        {
            return None;
        }
        let p = self.st.para.as_ref()?;
        let (dash, before) = (&self.blocks[i - 1], &self.blocks[i - 2]);
        let dash_text = self.text[dash.start..dash.content_end()].trim_space();
        if !dash.line_start || !matches!(dash_text, "-" | "–" | "—") {
            return None;
        }
        let line = self.text[before.start..before.content_end()].trim_space_end();
        let num = line.trim_end_matches(|c: char| c.is_ascii_digit());
        let n: u32 = line[num.len()..].parse().ok()?;
        let start = before.start + num.len();
        let expected = self.st.last_op.map_or(1, |l| l + 1);
        (n == expected
            && num.ends_with(' ')
            && num.trim_space_end().ends_with([',', ';', ':'])
            && start > p.range.start)
            .then(|| (n, start..before.start + line.len()))
    }

    fn dash_numbered(
        &mut self,
        b: &Block,
        r: Range<usize>,
        hit: &LeadHit,
        n: u32,
        digits: Range<usize>,
    ) {
        // the open paragraph ends before the number
        let text = self.text;
        if let Some(p) = self.st.para.as_mut() {
            let kept = text[p.range.start..digits.start].trim_space_end();
            p.range.end = p.range.start + kept.len();
            self.st.last_terminal = terminal_mark(kept);
        }
        self.st.fn_zone = false;
        self.st.in_operative = true;
        self.st.last_op = Some(n);
        self.st.section_restart = false;
        self.st.pending_lead = false;
        self.operative_leads += 1;
        self.numbered_total += 1;
        let lead = self.lead_from(b, hit, LeadClass::Operative);
        self.new_para(
            NodeKind::Operative,
            digits.start..r.end,
            Some((n.to_string(), digits)),
            Some(lead),
        );
        self.note_body_text(&r);
    }

    fn heading_like(&mut self, i: usize, b: &Block, r: Range<usize>, designator: Option<String>) {
        if self.is_running_title(i, &r) {
            self.float(Node::new(NodeKind::Furniture, r));
            return;
        }
        if self.st.target == Target::Section
            && self.section.as_ref().is_some_and(|s| s.children.is_empty())
        {
            // the section's heading text on the next line (`A` / `Title`)
            self.extend_target(r);
            return;
        }
        let next = self.next_content(i);
        let next_starts = next.is_some_and(|n| {
            matches!(
                n.kind,
                BlockKind::Numbered(_)
                    | BlockKind::Lead(_)
                    | BlockKind::Author { .. }
                    | BlockKind::Title { .. }
                    | BlockKind::HeadingLike { .. }
                    | BlockKind::Sub(_)
            )
        });
        // a heading of several lines (`Part I` / `Overall policymaking, direction
        // and coordination` / `Section 1` / …) that ends at the next paragraph
        let run_starts = next.is_some_and(|n| !matches!(n.kind, BlockKind::Numbered(_)))
            && self.heading_run_end(i).is_some_and(|n| {
                let expected = self.st.last_op.map_or(1, |l| l + 1);
                match &n.kind {
                    BlockKind::Numbered(h) => h.number.is_none_or(|k| k == expected || k == 1),
                    BlockKind::Lead(_) | BlockKind::Sub(_) => true,
                    _ => false,
                }
            });
        let in_fn = self.st.fn_zone && self.st.target == Target::Footnote;
        let before_body = self.st.zone <= Zone::Heading
            && next.is_some_and(|n| matches!(n.kind, BlockKind::Numbered(_)));
        let body_ok = matches!(self.st.zone, Zone::Body | Zone::Author)
            && is_terminal(self.st.last_terminal)
            && !in_fn
            && self.st.prev_blank;
        let bare_designator = designator.as_deref().is_some_and(|d| {
            self.text[r.clone()].trim() == d || self.text[r.clone()].trim() == format!("{d}.")
        });
        if (run_starts
            || (next_starts || (bare_designator && next.is_some()))
                && (designator.is_some()
                    || !matches!(next.map(|n| &n.kind), Some(BlockKind::HeadingLike { .. }))))
            && (before_body || body_ok)
        {
            // a section (part `I`, `A.`, or a heading such as `导言`)
            self.close_heading();
            self.settle(0);
            let mut n = Node::new(NodeKind::Section, r);
            n.label = designator;
            self.section = Some(n);
            self.st.section_restart = true;
            self.st.in_operative = false;
            self.st.target = Target::Section;
            if self.st.zone < Zone::Body {
                self.st.zone = Zone::Body;
            }
            return;
        }
        self.text_block(i, b, r);
    }

    /// The first block after the run of heading lines that starts at block `i`
    /// (short lines without terminal punctuation, blank lines and page furniture
    /// between them), if the run is at most eight lines long.
    fn heading_run_end(&self, i: usize) -> Option<&'a Block> {
        let mut lines = 0;
        for b in &self.blocks[i + 1..] {
            if b.is_blank() || matches!(b.kind, BlockKind::Furniture(_)) {
                continue;
            }
            let heading = match b.kind {
                BlockKind::HeadingLike { .. } => true,
                BlockKind::Text => {
                    let t = self.text[b.start..b.content_end()].trim_space();
                    b.line_start
                        && (t.len() <= 120 || t.len() <= 480 && t.chars().count() <= 120)
                        && !is_terminal(terminal_mark(t))
                }
                _ => false,
            };
            if !heading {
                return Some(b);
            }
            lines += 1;
            if lines > 8 {
                return None;
            }
        }
        None
    }

    fn text_block(&mut self, i: usize, b: &Block, r: Range<usize>) {
        // a lower-case lead the lexer left as text (`demande …`) after a wrapped `1 -`
        if i >= 1
            && matches!(
                self.text[self.blocks[i - 1].start..self.blocks[i - 1].content_end()].trim(),
                "-" | "–" | "—"
            )
            && let Some(m) = self.lex.match_at(&self.text[r.clone()])
        {
            let hit = LeadHit {
                rel: (r.start - b.start) as u32,
                m,
            };
            if let Some((n, digits)) = self.wrapped_dash_number(i, &hit) {
                self.dash_numbered(b, r, &hit, n, digits);
                return;
            }
        }
        if self.st.zone >= Zone::Author && b.line_start && self.is_running_title(i, &r) {
            self.float(Node::new(NodeKind::Furniture, r));
            return;
        }
        if self.st.zone <= Zone::Heading && self.st.heading.is_some() {
            if self.st.heading_run.is_none() || self.st.prev_blank {
                self.st.heading_end_before_run = self.st.heading.as_ref().unwrap().range.end;
                self.st.heading_run = Some(r.start);
            }
            self.open_heading(&r);
            return;
        }
        if self.st.zone <= Zone::Heading && !self.st.saw_body_paragraph {
            // text before anything we recognise: a heading of its own
            self.open_heading(&r);
            self.st.heading_run = Some(r.start);
            return;
        }
        if self.st.pending_lead && self.st.para.is_some() {
            self.st.pending_lead = false;
        }
        if self.st.target == Target::Footnote && self.st.fn_zone {
            self.extend_target(r);
            return;
        }
        if matches!(self.st.target, Target::Footnote) {
            self.st.target = Target::Body;
        }
        if matches!(self.st.zone, Zone::Title | Zone::Adoption | Zone::Closing)
            && self.st.target == Target::TopLast
        {
            self.settle(0);
            if let Some(n) = self.top.last_mut() {
                extend(&mut n.range, &r);
            }
            return;
        }
        if self.st.target == Target::Section
            && let Some(s) = self.section.as_mut()
            && s.children.is_empty()
        {
            // annex title and text before its first numbered paragraph
            self.settle(1);
            let sec = self.section.as_mut().unwrap();
            extend(&mut sec.range, &r);
            return;
        }
        if self.layout_opens_preambular(b) {
            let lead = self.grammar_lead(&r);
            // a capitalised opening in the languages whose leads are
            // capitalised, a lead by grammar in Russian; a lower-case line
            // after a page break goes on with its paragraph
            let first = self.text[r.clone()]
                .trim_start_matches(['*', '_'])
                .chars()
                .next()
                .unwrap_or(' ');
            let cased = matches!(self.lang, Lang::En | Lang::Fr | Lang::Es);
            let opens = if self.st.page_break {
                // after a page break only a lead by grammar opens one
                lead.is_some() && (!cased || first.is_uppercase())
            } else {
                lead.is_some()
                    || match self.lang {
                        _ if cased => first.is_uppercase(),
                        Lang::Ru => false,
                        _ => true,
                    }
            };
            if opens {
                self.new_para(NodeKind::Preambular, r.clone(), None, lead);
                self.note_body_text(&r);
                return;
            }
        }
        if self.st.para.is_some() {
            self.st.target = Target::Body;
            self.extend_target(r.clone());
            self.note_body_text(&r);
            return;
        }
        // Body text with no open paragraph: after the author line it is a
        // preambular paragraph without a recognised lead (UN004); in an annex, a
        // paragraph of the annex.
        let kind = match self.st.zone {
            Zone::Annex => NodeKind::Paragraph,
            _ if self.st.in_operative => NodeKind::Operative,
            Zone::Author | Zone::Body => NodeKind::Preambular,
            _ => NodeKind::Paragraph,
        };
        if kind == NodeKind::Operative {
            self.numbered_total += 1;
        }
        // its lead by grammar (`Habiendo considerado`, `S’inspirant`), when
        // the lexicon has none
        let lead = (kind == NodeKind::Preambular)
            .then(|| self.grammar_lead(&r))
            .flatten();
        self.new_para(kind, r.clone(), None, lead);
        let _ = b;
        self.note_body_text(&r);
    }

    /// Layout opens a paragraph (issue 17): in the preamble, a line after a
    /// blank line (or indented) that follows a preambular paragraph closed
    /// by its comma starts the next one, whether or not the lexicon knows
    /// its lead.
    fn layout_opens_preambular(&self, b: &Block) -> bool {
        b.line_start
            // a blank line before, or the indent of a paragraph's first line
            // (text pasted from Word starts each paragraph with a tab)
            && (self.st.prev_blank || b.indented)
            && !self.st.in_operative
            && !self.st.fn_zone
            && self.st.subs.is_empty()
            && matches!(self.st.zone, Zone::Author | Zone::Body)
            && matches!(self.st.last_terminal, Some(',' | '，' | '،'))
            && self
                .st
                .para
                .as_ref()
                .is_some_and(|p| p.kind == NodeKind::Preambular)
    }

    /// The lead of a paragraph the lexicon has no entry for, by the grammar
    /// of the document's language (`grammar.rs`), emphasis markers skipped.
    fn grammar_lead(&self, r: &Range<usize>) -> Option<Lead> {
        let s = &self.text[r.clone()];
        let skip = s.len() - s.trim_start_matches(['*', '_', ' ', '\t']).len();
        let len = crate::grammar::preambular_lead(self.lang, &s[skip..])
            .filter(|&n| s.is_char_boundary(skip + n))?;
        let start = r.start + skip;
        let text: String = self.text[start..start + len]
            .chars()
            .filter(|c| !matches!(c, '*' | '_'))
            .collect();
        let close = self.text[start + len..r.end].len().saturating_sub(
            self.text[start + len..r.end]
                .trim_start_matches(['*', '_'])
                .len(),
        );
        Some(Lead {
            capitalised: !text.chars().next().is_some_and(char::is_lowercase),
            base: text.clone(),
            text,
            range: start..start + len + close,
            class: LeadClass::Preambular,
            form: crate::lexicon::LeadForm::Base,
            lang: self.lang,
            emphasis: skip > 0 || close > 0,
            class_mismatch: false,
        })
    }

    /// Close everything still open; the raw top-level nodes are then `top`.
    fn close_all(&mut self) {
        self.close_heading();
        self.settle(0);
        let floats = std::mem::take(&mut self.st.floats);
        self.top.extend(floats);
    }

    fn counters(&self) -> Counters {
        Counters {
            operative_leads: self.operative_leads,
            numbered_total: self.numbered_total,
            sponsors: self.st.sponsors,
            decision_hint: self.st.decision_hint,
        }
    }
}

/// What the walk counted that only `conclude` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Counters {
    operative_leads: usize,
    numbered_total: usize,
    sponsors: bool,
    decision_hint: bool,
}

/// The raw top-level nodes → the tree's nodes, meta and kind. Ranges are fixed
/// (containers take the union of their children) for `top[fix]` only: the
/// nodes outside it come from an earlier result and are fixed already. Also
/// says whether the tree is *orderly*: no node had to be reordered and no
/// operative paragraph demoted, so that the raw nodes of a later run can be cut
/// from it (`resume.rs`).
/// An emphasised lead that runs on past the phrase the lexicon knows
/// (`*Prend note avec satisfaction*`): `rest` follows the phrase; the bytes
/// of the words before the closing marker and of the words and the marker,
/// when it closes within the clause (no punctuation before it, 80 bytes).
fn emphasis_runs_on(rest: &str) -> Option<(usize, usize)> {
    if !rest.starts_with([' ', '\u{a0}']) {
        return None;
    }
    let head = &rest[..crate::text::clamp_to_char(rest, 80)];
    let close = head.find(['*', '_'])?;
    if head[..close].contains([',', ';', ':', '.', '،', '(', '“', '"'])
        || head[..close].trim().is_empty()
    {
        return None;
    }
    // emphasis that swallows an article or a preposition is misplaced
    // (`*Requests the* Secretary-General`: UN031), not a longer lead
    let last = head[..close].split_whitespace().next_back().unwrap_or("");
    if matches!(
        last.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "le"
            | "la"
            | "les"
            | "de"
            | "du"
            | "des"
            | "el"
            | "los"
            | "las"
            | "del"
            | "al"
    ) || last.ends_with(['’', '\''])
    {
        return None;
    }
    let marks = head[close..].len() - head[close..].trim_start_matches(['*', '_']).len();
    Some((close, close + marks))
}

/// The title after its number line's separator: `79/100. Title`,
/// `79/100 – Title` (Arabic), `Резолюция 1515 (2003), принятая …`.
fn title_after_number(s: &str) -> &str {
    s.trim_start_matches(|c: char| matches!(c, '.' | ',' | '–' | '—' | '-') || is_space(c))
}

fn conclude(
    text: &str,
    lang: Lang,
    mut nodes: Vec<Node>,
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
    if let Some(n) = nodes.iter().rev().find(|n| n.kind == NodeKind::Closing) {
        meta.closing_date = crate::dates::find_dates(&text[n.range.clone()])
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
        nodes = nodes.into_iter().flat_map(demote_operative).collect();
    }
    (Assembly { nodes, meta, kind }, orderly)
}

/// In a text that is not a resolution, numbered paragraphs are plain
/// `paragraph` nodes and there is no operative part.
fn demote_operative(mut n: Node) -> Vec<Node> {
    if n.kind == NodeKind::Operative {
        n.kind = NodeKind::Paragraph;
        n.lead = None;
    }
    let children = std::mem::take(&mut n.children);
    n.children = children.into_iter().flat_map(demote_operative).collect();
    if n.kind == NodeKind::OperativePart {
        return n.children;
    }
    vec![n]
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

/// Join lines wrapped by PDF extraction: `Two-\nState` keeps the hyphen,
/// whitespace runs become one space (none between CJK characters).
pub fn join_wrapped(s: &str, cjk: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            let prev = out.chars().next_back().unwrap();
            let both_cjk = crate::cjk::is_cjk(prev) && crate::cjk::is_cjk(c);
            if !(cjk && both_cjk) {
                out.push(' ');
            }
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Words a suspended hyphen stands before (`small- and medium-sized`,
/// `pré- et post-natal`): the space after such a hyphen is the author's.
const AFTER_SUSPENDED_HYPHEN: &[&str] = &[
    "and", "or", "nor", "to", "et", "ou", "ni", "y", "e", "o", "u", "и", "или", "а",
];

/// Join words that PDF extraction broke after their hyphen, whether the break
/// was a line end or is left as a space: `self- determination` →
/// `self-determination`; a suspended hyphen (`pre- and post-natal`) stays.
pub fn join_broken_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        if c != '-' || !s[..i].chars().next_back().is_some_and(char::is_alphabetic) {
            continue;
        }
        let rest = &s[i + 1..];
        let next = rest.trim_start_matches(is_space);
        if next.len() == rest.len() || !next.starts_with(char::is_lowercase) {
            continue;
        }
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if AFTER_SUSPENDED_HYPHEN.contains(&word.as_str()) {
            continue;
        }
        while chars.next_if(|(_, c)| is_space(*c)).is_some() {}
    }
    out
}

pub fn assemble(text: &str, blocks: &[Block], lang: Lang) -> Assembly {
    assemble_with_memo(text, blocks, lang).0
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, blocks: &'a [Block], lang: Lang) -> Builder<'a> {
        Builder {
            text,
            blocks,
            lang,
            lex: lexicon(),
            top: Vec::new(),
            section: None,
            part: None,
            st: State::default(),
            operative_leads: 0,
            numbered_total: 0,
            checkpoints: Vec::new(),
            since_checkpoint: 0,
            checkpoint_due: resume::CHECKPOINT_EVERY,
            epoch: 0,
            title_scan: Cell::new((0, None, None)),
            strong_scan: Cell::new(None),
        }
    }
}

#[cfg(test)]
mod join_tests {
    use super::join_broken_words as j;

    #[test]
    fn words_broken_after_their_hyphen_are_joined() {
        assert_eq!(
            j("the right of self- determination,"),
            "the right of self-determination,"
        );
        assert_eq!(j("non-\n   governmental"), "non-governmental");
        assert_eq!(j("small- and medium-sized"), "small- and medium-sized");
        assert_eq!(j("pré- et post-natal"), "pré- et post-natal");
        assert_eq!(j("1960 - 2020 - Decides"), "1960 - 2020 - Decides");
        assert_eq!(j("Two- State"), "Two- State");
    }
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

    /// The cached search for strong furniture answers what a scan of each
    /// window answers, for windows in any order.
    #[test]
    fn strong_furniture_windows_agree_with_a_scan() {
        let text = crate::text::outline_fixture_texts().join("\n");
        let blocks = crate::lexer::lex(&text, 0);
        let b = Builder::new(&text, &blocks, Lang::En);
        let scan = |a: usize, e: usize| {
            (a..e).any(|j| blocks.get(j).is_some_and(Builder::is_strong_furniture))
        };
        let n = blocks.len();
        let mut seen = 0;
        for i in (0..n + 4)
            .chain((0..n + 4).rev())
            .chain((0..n).map(|k| (k * 7919) % n))
        {
            for (a, e) in [(i.saturating_sub(3), i), (i + 1, i + 4), (i, i + 40)] {
                assert_eq!(b.any_strong(a, e), scan(a, e), "{a}..{e}");
                seen += usize::from(scan(a, e));
            }
        }
        assert!(seen > 10, "{seen}");
    }

    /// The fast path of [`terminal_mark`] says what the full reading says:
    /// every line of the corpus samples and fixtures, and each ASCII end.
    #[test]
    fn terminal_mark_fast_path_agrees() {
        let (texts, _) = crate::text::corpus_samples(&["en", "fr", "es", "ru", "ar", "zh"]);
        let mut lines: Vec<String> = crate::text::outline_fixture_texts()
            .iter()
            .chain(&texts)
            .flat_map(|t| t.lines().map(String::from))
            .collect();
        lines.extend((0u8..0x80).map(|b| format!("mines;6{}", b as char)));
        lines.extend(
            [
                "the United Nations, 1/",
                "mines;6",
                "，¹",
                "a **",
                "",
                "1993,[^4]",
                "1993,[^4][^5]",
                "Palestine; <!-- note -->",
                "a [^x]",
                "a>",
            ]
            .map(String::from),
        );
        assert_eq!(terminal_mark("on 25 June 1993,[^4]"), Some(','));
        assert_eq!(terminal_mark("of Palestine; <!-- x -->"), Some(';'));
        for l in &lines {
            assert_eq!(terminal_mark(l), terminal_mark_in_full(l), "{l:?}");
        }
    }
}
