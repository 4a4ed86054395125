//! A document: its text in a rope, its blocks and its tree, kept equal to a fresh
//! parse after every edit. An edit re-lexes only the lines it touches, shifts the
//! blocks after it, re-assembles from the last assembler checkpoint before the
//! edit until the state meets the old run's again (`assemble/resume.rs`),
//! re-analyses only the text units in between whose text changed and splices
//! their facts into the tree's lists.

use crate::assemble::{AsmMemo, EditSpan, Shift, assemble_with_memo, reassemble};
use crate::inline::{self, UnitFacts, View};
use crate::lang::{Lang, ScriptCounts};
use crate::lexer::{self, Block, BlockKind};
use crate::lexicon::{LeadClass, lexicon};
use crate::tree::{Citation, DocKind, FootnoteRef, Node, NodeKind, ParagraphRef, SymbolRef, Tree};
use ropey::Rope;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub struct Document {
    /// The rope, and a contiguous copy of it for the pattern engines.
    text: Text,
    blocks: Vec<Block>,
    tree: Arc<Tree>,
    lang_override: Option<Lang>,
    /// The assembler's checkpoints of the last walk.
    memo: Option<AsmMemo>,
    /// Facts per text unit in text order, reused for units whose text did not
    /// change.
    units: Vec<UnitRec>,
    /// Footnote markers of all units but footnotes, in text order, before the
    /// filter of weak markers.
    raw_refs: Vec<(FootnoteRef, bool)>,
    /// How many footnotes carry each number (weak markers need one).
    footnotes: HashMap<u32, i32>,
    /// Language evidence summed over the blocks.
    counts: Counts,
    /// Word-segmented Chinese in the first 20,000 characters (`is_extracted`).
    segmented: Option<bool>,
    last_edit: EditPath,
}

/// The document's text: the rope (editor positions) and a contiguous copy
/// (the pattern engines), kept equal. The copy is shared with snapshots (a
/// snapshot costs a reference count; an edit copies it only while a snapshot
/// is still alive), let go when the editor is idle ([`Document::compact`]) and
/// made again from the rope the first time it is read after that.
struct Text {
    rope: Rope,
    flat: OnceLock<Arc<String>>,
}

impl Text {
    fn new(text: &str) -> Text {
        Text {
            rope: Rope::from_str(text),
            flat: OnceLock::from(Arc::new(text.to_string())),
        }
    }

    fn arc(&self) -> &Arc<String> {
        self.flat.get_or_init(|| Arc::new(self.rope.to_string()))
    }

    /// Replace the bytes `start..end` (character boundaries) by `new_text`.
    fn replace(&mut self, start: usize, end: usize, new_text: &str) {
        self.arc();
        let cs = self.rope.byte_to_char(start);
        let ce = self.rope.byte_to_char(end);
        self.rope.remove(cs..ce);
        self.rope.insert(cs, new_text);
        if let Some(flat) = self.flat.get_mut() {
            Arc::make_mut(flat).replace_range(start..end, new_text);
        }
    }

    /// Let go of the contiguous copy unless a snapshot still shares it.
    fn release_flat(&mut self) {
        if self.flat.get().is_some_and(|a| Arc::strong_count(a) == 1) {
            self.flat = OnceLock::new();
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.arc()
    }
}

/// How the last edit was handled (for benchmarks and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditPath {
    /// The whole block list was walked again.
    Full,
    /// The assembly restarted at a checkpoint; `converged`: it also stopped
    /// early and took the rest from the old tree.
    Resumed { converged: bool },
}

/// One text unit's facts, in the offsets of the text it was analysed in:
/// present offsets are those plus `start - base`.
struct UnitRec {
    start: usize,
    end: usize,
    /// A footnote's number.
    number: Option<u32>,
    base: usize,
    kind: NodeKind,
    pieces: Vec<Range<usize>>,
    facts: UnitFacts,
    lists: u32,
}

#[derive(Debug, Clone, Default)]
struct Counts {
    scripts: ScriptCounts,
    votes: [u32; 3],
    furniture: usize,
}

impl Counts {
    fn of(blocks: &[Block]) -> Counts {
        let mut c = Counts::default();
        for b in blocks {
            c.add(b, 1);
        }
        c
    }

    /// Add (`sign` 1) or remove (`sign` -1) one block's evidence.
    fn add(&mut self, b: &Block, sign: i64) {
        let f = |x: &mut u32, y: u32| *x = (*x as i64 + sign * y as i64).max(0) as u32;
        let (s, o) = (&mut self.scripts, &b.scripts.get());
        f(&mut s.han, o.han);
        f(&mut s.latin, o.latin);
        f(&mut s.cyrillic, o.cyrillic);
        f(&mut s.arabic, o.arabic);
        for i in 0..3 {
            f(&mut s.words[i], o.words[i]);
        }
        if let Some(h) = b.lead() {
            let lex = lexicon();
            for e in h.m.entries(lex) {
                let i = match lex.entries[e as usize].lang {
                    Lang::En => 0,
                    Lang::Fr => 1,
                    Lang::Es => 2,
                    _ => continue,
                };
                f(&mut self.votes[i], 1);
            }
        }
        // (Markdown markup is typed, not left by an extraction)
        if matches!(&b.kind, BlockKind::Furniture(k) if !k.is_markup()) {
            self.furniture = (self.furniture as i64 + sign).max(0) as usize;
        }
    }
}

/// `UNLSP_VERIFY_INCREMENTAL=1`: compare every edit's tree with a fresh parse.
fn verify_edits() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("UNLSP_VERIFY_INCREMENTAL").is_some_and(|v| v != "0"))
}

impl Document {
    pub fn new(text: &str) -> Document {
        Document::with_lang(text, None)
    }

    pub fn with_lang(text: &str, lang: Option<Lang>) -> Document {
        let blocks = lexer::lex(text, 0);
        let mut d = Document {
            text: Text::new(text),
            counts: Counts::of(&blocks),
            blocks,
            tree: Arc::new(empty_tree()),
            lang_override: lang,
            memo: None,
            units: Vec::new(),
            raw_refs: Vec::new(),
            footnotes: HashMap::default(),
            segmented: None,
            last_edit: EditPath::Full,
        };
        d.rebuild(None);
        d
    }

    /// The document taken apart, each part boxed so that a caller counting
    /// allocations can drop them one by one and see what each holds (the
    /// server bench's memory breakdown).
    #[doc(hidden)]
    pub fn into_parts(self) -> Vec<(&'static str, Box<dyn std::any::Any>)> {
        vec![
            ("rope", Box::new(self.text.rope)),
            ("text", Box::new(self.text.flat)),
            ("blocks", Box::new(self.blocks)),
            ("tree", Box::new(self.tree)),
            ("assembler checkpoints", Box::new(self.memo)),
            ("unit facts", Box::new(self.units)),
            (
                "footnote markers",
                Box::new((self.raw_refs, self.footnotes)),
            ),
        ]
    }

    /// Give back the spare room the tree's and the unit facts' lists grew
    /// while they were built: for a document kept open while nothing
    /// happens (the server calls it when the editor goes idle); and let go
    /// of the contiguous copy of the text, which the next read makes again
    /// from the rope (0.2 ms at 1 MB). A tree or text a snapshot still shares
    /// is left as it is.
    pub fn compact(&mut self) {
        if let Some(tree) = Arc::get_mut(&mut self.tree) {
            tree.shrink_to_fit();
        }
        for u in &mut self.units {
            u.pieces.shrink_to_fit();
            let f = &mut u.facts;
            f.citations.shrink_to_fit();
            f.symbols.shrink_to_fit();
            f.footnote_refs.shrink_to_fit();
            f.paragraph_refs.shrink_to_fit();
            f.dates.shrink_to_fit();
        }
        self.units.shrink_to_fit();
        self.raw_refs.shrink_to_fit();
        self.text.release_flat();
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn rope(&self) -> &Rope {
        &self.text.rope
    }
    pub fn tree(&self) -> &Tree {
        &self.tree
    }
    /// The text and tree of this version, shared (for work on another thread).
    pub fn shared(&self) -> (Arc<String>, Arc<Tree>) {
        (self.text.arc().clone(), self.tree.clone())
    }
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
    pub fn lang(&self) -> Lang {
        self.tree.lang
    }
    /// How the last edit was handled.
    pub fn last_edit_path(&self) -> EditPath {
        self.last_edit
    }

    pub fn set_lang_override(&mut self, lang: Option<Lang>) {
        if self.lang_override != lang {
            self.lang_override = lang;
            self.units.clear();
            self.rebuild(None);
        }
    }

    /// Replace the byte range `range` by `new_text`. Out-of-range or
    /// mid-character offsets are clamped, never a panic.
    pub fn edit(&mut self, range: Range<usize>, new_text: &str) {
        let start = crate::text::clamp_to_char(&self.text, range.start);
        let end = crate::text::clamp_to_char(&self.text, range.end.max(start));
        self.text.replace(start, end, new_text);
        let delta = new_text.len() as isize - (end - start) as isize;

        // blocks touched: the lines containing the edit, one more on each side
        // (CR + LF can merge across the boundary), whole one-line-text lines.
        let n = self.blocks.len();
        let first_touch = self.blocks.partition_point(|b| b.end() <= start);
        let mut i0 = first_touch.saturating_sub(1);
        while i0 > 0 && !self.blocks[i0].line_start {
            i0 -= 1;
        }
        let last_touch = self
            .blocks
            .partition_point(|b| b.start <= end)
            .max(first_touch + 1)
            .min(n);
        let mut i1 = (last_touch + 1).min(n); // exclusive
        while i1 < n && !self.blocks[i1].line_start {
            i1 += 1;
        }
        let region_start = if i0 < n {
            self.blocks[i0].start
        } else {
            start.min(self.text.len())
        };
        let old_region_end = if i1 > 0 && i1 <= n && i1 > i0 {
            self.blocks[i1 - 1].end()
        } else {
            end
        };
        let old_region_end = old_region_end.max(end);
        let new_region_end = (old_region_end as isize + delta) as usize;
        let region_start = region_start.min(start);
        let mut new_blocks = lexer::lex(&self.text[region_start..new_region_end], region_start);
        let i0 = i0.min(n);
        let i1 = i1.max(i0);
        // Blocks re-lexed as they were (the neighbour lines, the untouched
        // parts of a one-line text) stay the old ones, with their identity:
        // only the blocks that changed count as edited.
        let old = &self.blocks[i0..i1];
        // every field (destructured: a field added to `Block` must be
        // compared here too), the start shifted by the edit
        let same = |a: &Block, b: &Block, delta: isize| {
            let Block {
                start,
                len,
                content_len,
                kind,
                line_start,
                indented,
                scripts,
            } = a;
            *start as isize + delta == b.start as isize
                && *len == b.len
                && *content_len == b.content_len
                && *kind == b.kind
                && *line_start == b.line_start
                && *indented == b.indented
                && *scripts == b.scripts
        };
        let mut head = 0;
        while head < old.len().min(new_blocks.len())
            && old[head].end() <= start
            && same(&old[head], &new_blocks[head], 0)
        {
            head += 1;
        }
        let mut tail = 0;
        while tail < (old.len() - head).min(new_blocks.len() - head)
            && old[old.len() - 1 - tail].start >= end
            && same(
                &old[old.len() - 1 - tail],
                &new_blocks[new_blocks.len() - 1 - tail],
                delta,
            )
        {
            tail += 1;
        }
        new_blocks.truncate(new_blocks.len() - tail);
        new_blocks.drain(..head);
        let (i0, i1) = (i0 + head, i1 - tail);
        for b in &self.blocks[i0..i1] {
            self.counts.add(b, -1);
        }
        for b in &new_blocks {
            self.counts.add(b, 1);
        }
        for b in &mut self.blocks[i1..] {
            b.start = (b.start as isize + delta) as usize;
        }
        let span = EditSpan {
            first: i0,
            old_end: i1,
            new_end: i0 + new_blocks.len(),
            shift: Shift {
                start,
                old_end: end,
                delta,
            },
        };
        self.blocks.splice(i0..i1, new_blocks);
        if start < 80_000 {
            self.segmented = None; // 20,000 characters are at most 80,000 bytes
        }
        self.rebuild(Some(span));
        if verify_edits() {
            let fresh = Document::with_lang(&self.text, self.lang_override);
            assert!(
                *fresh.tree == *self.tree,
                "UNLSP_VERIFY_INCREMENTAL: the tree after the edit {start}..{end} <- {new_text:?} differs from a fresh parse"
            );
        }
    }

    /// Replace the whole text (`didChange` without ranges, file reload).
    pub fn replace_all(&mut self, text: &str) {
        self.text = Text::new(text);
        self.blocks = lexer::lex(text, 0);
        self.counts = Counts::of(&self.blocks);
        self.units.clear();
        self.segmented = None;
        self.rebuild(None);
    }

    fn detect_lang(&self) -> Lang {
        if let Some(l) = self.lang_override {
            return l;
        }
        if let Some(l) = lexer::front_matter_lang(&self.text) {
            return l;
        }
        self.counts.scripts.detect(self.counts.votes)
    }

    fn rebuild(&mut self, edit: Option<EditSpan>) {
        let lang = self.detect_lang();
        let mut old = take_tree(&mut self.tree);
        let mut window = None;
        let mut asm = None;
        if let (Some(e), Some(memo)) = (&edit, self.memo.as_mut())
            && lang == old.lang
        {
            match reassemble(
                &self.text,
                &self.blocks,
                lang,
                memo,
                std::mem::take(&mut old.nodes),
                e,
            ) {
                Ok(r) => {
                    window = Some((r.lo, r.hi));
                    asm = Some(r.assembly);
                }
                Err(nodes) => old.nodes = nodes,
            }
        }
        self.last_edit = match window {
            Some((_, hi)) => EditPath::Resumed {
                converged: hi.is_some(),
            },
            None => EditPath::Full,
        };
        let asm = asm.unwrap_or_else(|| {
            let (a, m) = assemble_with_memo(&self.text, &self.blocks, lang);
            self.memo = Some(m);
            a
        });
        let mut tree = Tree {
            lang,
            kind: asm.kind,
            meta: asm.meta,
            nodes: asm.nodes,
            citations: Vec::new(),
            symbols: Vec::new(),
            footnote_refs: Vec::new(),
            paragraph_refs: Vec::new(),
            dates: Vec::new(),
            extracted: false,
        };
        let shift = edit.map(|e| e.shift);
        let same_context = lang == old.lang
            && tree.meta.organ == old.meta.organ
            && tree.meta.symbol == old.meta.symbol;
        if !same_context {
            self.units.clear();
        }
        let mapped = |r: &Option<Range<usize>>| {
            r.as_ref().map(|r| {
                let s = shift.unwrap_or(Shift {
                    start: 0,
                    old_end: 0,
                    delta: 0,
                });
                (s.map(r.start), s.map(r.end))
            })
        };
        let same_number = mapped(&old.meta.number_range)
            == tree
                .meta
                .number_range
                .as_ref()
                .map(|r| (Some(r.start), Some(r.end)));
        let window = window.filter(|_| same_context && same_number && shift.is_some());
        self.collect_facts(&mut tree, &mut old, window, shift);

        tree.extracted = self.is_extracted(&tree);
        self.tree = Arc::new(tree);
    }

    /// The facts of the units starting in the window `lo..hi` (the whole tree
    /// when `window` is None) are computed again — or reused when a unit's text
    /// did not change — and spliced into the old tree's lists.
    fn collect_facts(
        &mut self,
        tree: &mut Tree,
        old: &mut Tree,
        window: Option<(usize, Option<usize>)>,
        shift: Option<Shift>,
    ) {
        let delta = shift.map_or(0, |s| s.delta);
        let (lo, hi_new) = match window {
            Some((lo, hi)) => (
                unit_floor(&tree.nodes, lo),
                hi.map_or(usize::MAX, |h| unit_ceil(&tree.nodes, h)),
            ),
            None => (0, usize::MAX),
        };
        let hi_old = if hi_new == usize::MAX {
            usize::MAX
        } else {
            (hi_new as isize - delta) as usize
        };
        let mut found = Vec::new();
        let split = Splitter::new(&self.text, &self.blocks, SEGMENT_MIN);
        collect_units(&tree.nodes, lo, hi_new, &split, &mut found);
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
            && found.iter().all(|f| f.range.end <= hi_new)
            && self.units.iter().all(|u| {
                let (c, inside) = class(u);
                counts[c as usize] += 1;
                let ok = inside && c >= last;
                last = c;
                ok
            });
        let (a, b, partial) = if clean {
            (counts[0], counts[0] + counts[1], true)
        } else {
            if window.is_some() {
                found.clear();
                collect_units(&tree.nodes, 0, usize::MAX, &split, &mut found);
            }
            (0, self.units.len(), false)
        };
        let lo = if partial { lo } else { 0 };

        // old units in the window, for reuse; the ones after it shift
        let base_lists: u32 = self.units[..a].iter().map(|u| u.lists).sum();
        let removed = &mut self.units[a..b];

        let text: &str = &self.text;
        let organ = tree.meta.organ.clone();
        let own_symbol = tree.meta.symbol.clone();
        let lang = tree.lang;
        let mut cursor = 0;
        // (all units: their order may not be text order, find them by start)
        let by_start: HashMap<usize, usize> = match shift {
            Some(s) if !partial => removed
                .iter()
                .enumerate()
                .filter_map(|(k, u)| Some((s.map(u.start)?, k)))
                .collect(),
            _ => HashMap::default(),
        };
        let old_spans: Vec<(usize, usize, u32)> =
            removed.iter().map(|u| (u.start, u.end, u.lists)).collect();
        let mut new_recs = Vec::with_capacity(found.len());
        // the removed unit each new one reuses
        let mut origin: Vec<Option<usize>> = Vec::with_capacity(found.len());
        for FoundUnit {
            kind,
            range,
            pieces,
            number,
        } in found
        {
            let (start, end) = (range.start, range.end);
            let mut reused = None;
            let mut from = None;
            if let Some(s) = shift
                && !partial
            {
                if let Some(u) = by_start.get(&start).map(|&k| &mut removed[k])
                    && u.kind == kind
                    && !u.pieces.is_empty()
                    && same_pieces(u, &pieces, s)
                {
                    reused = Some(UnitRec {
                        start,
                        end,
                        number,
                        base: u.base,
                        kind,
                        pieces: std::mem::take(&mut u.pieces),
                        facts: std::mem::take(&mut u.facts),
                        lists: u.lists,
                    });
                }
            } else if let Some(s) = shift {
                while let Some(u) = removed.get_mut(cursor) {
                    match s.map(u.start) {
                        Some(m) if m > start => break,
                        Some(m) if m == start => {
                            if u.kind == kind && same_pieces(u, &pieces, s) {
                                from = Some(cursor);
                                reused = Some(UnitRec {
                                    start,
                                    end,
                                    number,
                                    base: u.base,
                                    kind,
                                    pieces: std::mem::take(&mut u.pieces),
                                    facts: std::mem::take(&mut u.facts),
                                    lists: u.lists,
                                });
                            }
                            cursor += 1;
                            break;
                        }
                        _ => cursor += 1,
                    }
                }
            }
            let rec = match reused {
                Some(u) => u,
                None => {
                    let view = View::new(text, &pieces);
                    let facts = inline::analyse(
                        &view,
                        lang,
                        organ.as_deref(),
                        kind == NodeKind::Footnote,
                        own_symbol.as_deref(),
                        0,
                    );
                    let lists = facts
                        .citations
                        .iter()
                        .map(|c| c.list)
                        .max()
                        .map(|m| m + 1)
                        .unwrap_or(0);
                    UnitRec {
                        start,
                        end,
                        number,
                        base: start,
                        kind,
                        pieces,
                        facts,
                        lists,
                    }
                }
            };
            new_recs.push(rec);
            origin.push(from);
        }

        // Narrow the window to what changed: leading units reused in place and
        // trailing ones reused shifted keep their entries in the lists.
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
        let (mut p, mut q_new) = (lo, hi_new);
        if partial && (k0 > 0 || k1 > 0) {
            let p2 = new_recs[..k0].iter().map(|u| u.end).fold(lo, usize::max);
            let q2 = new_recs[n - k1..]
                .iter()
                .map(|u| u.start)
                .fold(hi_new, usize::min);
            let q2_old = if q2 == usize::MAX {
                q2
            } else {
                (q2 as isize - delta) as usize
            };
            let mid_new = &new_recs[k0..n - k1];
            let mid_old = &old_spans[k0..m - k1];
            let fits = mid_new.iter().all(|u| u.start >= p2 && u.end <= q2)
                && mid_old.iter().all(|&(s0, e0, _)| s0 >= p2 && e0 <= q2_old)
                && p2 <= q2;
            if fits {
                (p, q_new) = (p2, q2);
            } else {
                (k0, k1) = (0, 0);
            }
        } else {
            (k0, k1) = (0, 0);
        }
        let q_old = if q_new == usize::MAX {
            q_new
        } else {
            (q_new as isize - delta) as usize
        };
        let base_lists = base_lists + new_recs[..k0].iter().map(|u| u.lists).sum::<u32>();
        let old_lists: u32 = old_spans[k0..m - k1].iter().map(|x| x.2).sum();

        // the window's facts, in present offsets
        let mut citations = Vec::new();
        let mut symbols = Vec::new();
        let mut refs = Vec::new();
        let mut paragraph_refs = Vec::new();
        let mut dates = Vec::new();
        let mut list_base = base_lists;
        for u in &new_recs[k0..n - k1] {
            let off = u.start as isize - u.base as isize;
            for c in &u.facts.citations {
                let mut c = c.clone();
                shift_citation(&mut c, off);
                c.list += list_base;
                citations.push(c);
            }
            list_base += u.lists;
            symbols.extend(u.facts.symbols.iter().map(|s| {
                let mut s = s.clone();
                shift_symbol(&mut s, off);
                s
            }));
            if u.kind != NodeKind::Footnote {
                refs.extend(u.facts.footnote_refs.iter().map(|(r, strong)| {
                    let mut r = r.clone();
                    r.range = sh(&r.range, off);
                    (r, *strong)
                }));
            }
            paragraph_refs.extend(u.facts.paragraph_refs.iter().map(|p| {
                let mut p = p.clone();
                shift_paragraph_ref(&mut p, off);
                p
            }));
            dates.extend(u.facts.dates.iter().map(|d| {
                let mut d = d.clone();
                d.range = sh(&d.range, off);
                d
            }));
        }
        let new_lists = list_base - base_lists;
        // citations inside the masthead symbol and the title number are not citations
        if let Some(nr) = &tree.meta.number_range {
            citations.retain(|c: &Citation| !(c.range.start >= nr.start && c.range.end <= nr.end));
        }
        citations.sort_by_key(|c| c.range.start);
        dates.sort_by_key(|d| d.range.start);
        symbols.sort_by_key(|s| s.range.start);
        refs.sort_by_key(|(r, _)| r.range.start);

        let end = a + new_recs.len();
        if partial {
            for u in &self.units[a..b] {
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
        self.units.splice(a..b, new_recs);
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

        if partial {
            let mut v = std::mem::take(&mut old.citations);
            let end = splice_window(
                &mut v,
                p,
                q_old,
                citations,
                |c| c.range.start,
                |c| shift_citation(c, delta),
            );
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
                symbols,
                |s| s.range.start,
                |s| shift_symbol(s, delta),
            );
            tree.symbols = v;
            let mut v = std::mem::take(&mut old.paragraph_refs);
            splice_window(
                &mut v,
                p,
                q_old,
                paragraph_refs,
                |p| p.range.start,
                |p| shift_paragraph_ref(p, delta),
            );
            tree.paragraph_refs = v;
            let mut v = std::mem::take(&mut old.dates);
            splice_window(
                &mut v,
                p,
                q_old,
                dates,
                |d| d.range.start,
                |d| d.range = sh(&d.range, delta),
            );
            tree.dates = v;
            splice_window(
                &mut self.raw_refs,
                p,
                q_old,
                refs,
                |(r, _)| r.range.start,
                |(r, _)| r.range = sh(&r.range, delta),
            );
        } else {
            tree.citations = citations;
            tree.symbols = symbols;
            tree.paragraph_refs = paragraph_refs;
            tree.dates = dates;
            self.raw_refs = refs;
        }

        // Weak markers (a digit after a word) count only when a footnote with
        // that number exists and they come in sequence, one marker the text
        // lost (`Agreement4and`) allowed for, so that it breaks no chain. A
        // marker glued to its word (`tests6`, `2024(1)`) that is the next in
        // sequence counts without its footnote: the footnote was lost (UN077);
        // so does any weak marker next after the last footnote, once every
        // footnote has had its marker.
        let mut max_seen = 0;
        let text: &str = &self.text;
        let glued = |r: &FootnoteRef| {
            text[..r.range.start].ends_with(|c: char| c.is_alphanumeric() || c == '(')
        };
        let last_note = (self.footnotes.iter())
            .filter(|(_, n)| **n > 0)
            .map(|(k, _)| *k)
            .max()
            .unwrap_or(0);
        for (r, strong) in &self.raw_refs {
            let next = r.number == max_seen + 1;
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

    /// Extraction artefacts (rules.md calibration note): page furniture, a `%%%`
    /// line, word-segmented CJK, footnote digits glued to punctuation.
    fn is_extracted(&mut self, tree: &Tree) -> bool {
        if self.counts.furniture > 0 || tree.footnote_refs.iter().any(|r| !r.superscript) {
            return true;
        }
        tree.lang == Lang::Zh && *self.segmented.get_or_insert_with(|| segmented(&self.text))
    }
}

/// Word-segmented Chinese: many `X Y` with X, Y Han characters in the first
/// 20,000 characters.
fn segmented(text: &str) -> bool {
    let mut seg = 0;
    let mut prev: [char; 2] = [' ', ' '];
    for c in text.chars().take(20_000) {
        if crate::cjk::is_han(prev[0]) && prev[1] == ' ' && crate::cjk::is_han(c) {
            seg += 1;
            if seg > 20 {
                return true;
            }
        }
        prev = [prev[1], c];
    }
    false
}

fn take_tree(t: &mut Arc<Tree>) -> Tree {
    let a = std::mem::replace(t, Arc::new(empty_tree()));
    // a snapshot still holds it: copy, never change what it sees
    Arc::try_unwrap(a).unwrap_or_else(|a| (*a).clone())
}

fn is_unit(kind: NodeKind) -> bool {
    kind.is_text_unit() || kind == NodeKind::Closing
}

/// The outermost text unit strictly containing `x` (siblings may overlap:
/// linear scans).
fn unit_around(nodes: &[Node], x: usize) -> Option<&Node> {
    let mut level = nodes;
    loop {
        let n = level
            .iter()
            .take_while(|n| n.range.start < x)
            .find(|n| x < n.range.end)?;
        if is_unit(n.kind) {
            return Some(n);
        }
        level = &n.children;
    }
}

/// The start of the outermost text unit strictly containing `x`, else `x`.
fn unit_floor(nodes: &[Node], x: usize) -> usize {
    unit_around(nodes, x).map_or(x, |n| n.range.start)
}

/// The end of the outermost text unit strictly containing `x`, else `x`.
fn unit_ceil(nodes: &[Node], x: usize) -> usize {
    unit_around(nodes, x).map_or(x, |n| n.range.end)
}

/// A text unit: its kind, range and own text.
struct FoundUnit {
    kind: NodeKind,
    range: Range<usize>,
    pieces: Vec<Range<usize>>,
    /// A footnote's number.
    number: Option<u32>,
}

/// A unit's own text of more than this many bytes is analysed in segments.
const SEGMENT_MIN: usize = 1024;

/// Cuts the own text of a long unit into segments whose facts are found, kept
/// and reused separately, so that a keystroke in a 50 KB paragraph (a report
/// that is one paragraph, numbered paragraphs the numbering did not accept)
/// re-analyses one segment, not the paragraph. A cut falls only where a block
/// opens with a paragraph number, a sub-paragraph label or a lead phrase right
/// after terminal punctuation (`;`, `.`, `:`, `。`, `；`, `：`; a lead phrase
/// also after a comma, as preambular paragraphs end): no citation,
/// date, symbol or reference runs across a paragraph boundary, so the facts of
/// the segments are the facts of the whole (`tests/syntax_segments.rs` checks
/// that on every unit of the corpus, cut at every such place).
pub struct Splitter<'a> {
    text: &'a str,
    blocks: &'a [Block],
    /// A segment is cut only once it holds this many bytes; a unit shorter
    /// than that is never cut.
    min: usize,
}

impl<'a> Splitter<'a> {
    pub fn new(text: &'a str, blocks: &'a [Block], min: usize) -> Splitter<'a> {
        Splitter { text, blocks, min }
    }

    /// The segments of a unit's own text `pieces` (ranges in text order), or
    /// None when it stays whole.
    pub fn segments(&self, pieces: &[Range<usize>]) -> Option<Vec<Vec<Range<usize>>>> {
        let total: usize = pieces.iter().map(|r| r.len()).sum();
        if total <= self.min.max(1) || pieces.is_empty() {
            return None;
        }
        let mut out: Vec<Vec<Range<usize>>> = Vec::new();
        let mut cur: Vec<Range<usize>> = Vec::new();
        let mut cur_len = 0;
        for piece in pieces {
            let mut from = piece.start;
            let first = self.blocks.partition_point(|b| b.start <= piece.start);
            for b in &self.blocks[first..] {
                if b.start >= piece.end {
                    break;
                }
                let at = b.start;
                if cur_len + (at - from) >= self.min && self.cut_before(b, piece.start) {
                    cur.push(from..at);
                    out.push(std::mem::take(&mut cur));
                    cur_len = 0;
                    from = at;
                }
            }
            cur_len += piece.end - from;
            cur.push(from..piece.end);
        }
        out.push(cur);
        (out.len() > 1).then_some(out)
    }

    /// A paragraph opens at block `b`, after terminal punctuation, with text
    /// of the unit before it in the same piece.
    fn cut_before(&self, b: &Block, piece_start: usize) -> bool {
        let opens = match b.kind {
            // `3.`, not a bare `3`: a digit after `。` on the next line of a
            // PDF extraction may be the previous sentence's footnote marker
            BlockKind::Numbered { .. } => {
                let t = self.text[b.start..].trim_start_matches([' ', '\t', '*', '_']);
                let digits = t.find(|c: char| !c.is_numeric()).unwrap_or(t.len());
                digits > 0 && t[digits..].starts_with(['.', '．'])
            }
            BlockKind::Sub { .. } | BlockKind::Lead(_) => true,
            _ => false,
        };
        if !opens {
            return false;
        }
        let before = self.text[piece_start..b.start].trim_end();
        match before.chars().next_back() {
            Some(';' | ':' | '。' | '；' | '：') => true,
            // a preambular paragraph ends with a comma, the next opens with
            // its lead phrase
            Some(',' | '，' | '،') => matches!(b.kind, BlockKind::Lead(_)),
            // not after a symbol (`document S/20733.` + `47.`: symbols run
            // on over a line break after a full stop)
            Some('.') => {
                let word = before[..before.len() - 1]
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                !word.contains('/')
            }
            _ => false,
        }
    }
}

/// The text units starting in `lo..hi`, in tree order, with their own text.
fn collect_units(level: &[Node], lo: usize, hi: usize, split: &Splitter, out: &mut Vec<FoundUnit>) {
    for n in level {
        if n.range.start >= hi {
            break;
        }
        if n.range.end < lo && n.range.start < lo {
            continue;
        }
        if is_unit(n.kind) && n.range.start >= lo {
            let mut number = (n.kind == NodeKind::Footnote)
                .then(|| n.label.as_ref()?.parse().ok())
                .flatten();
            let pieces = own_pieces(n);
            let mut push = |range, pieces| {
                out.push(FoundUnit {
                    kind: n.kind,
                    range,
                    pieces,
                    number: number.take(),
                })
            };
            match split.segments(&pieces) {
                Some(segs) => {
                    for seg in segs {
                        let r = seg[0].start..seg[seg.len() - 1].end;
                        push(r, seg);
                    }
                }
                None => push(n.range.clone(), pieces),
            }
        }
        collect_units(&n.children, lo, hi, split, out);
    }
}

/// The old unit's text is the new unit's: the same pieces, all before the edit
/// or all after it (its facts move as one), shifted like their text.
fn same_pieces(u: &UnitRec, pieces: &[Range<usize>], s: Shift) -> bool {
    let off = u.start as isize - u.base as isize;
    let span = match (u.pieces.first(), u.pieces.last()) {
        (Some(a), Some(b)) => sh(&(a.start..b.end), off),
        _ => return pieces.is_empty(),
    };
    let d = match (span.end <= s.start, span.start >= s.old_end) {
        (true, false) => 0,
        (false, true) => s.delta,
        _ => return false,
    };
    u.pieces.len() == pieces.len()
        && u.pieces
            .iter()
            .zip(pieces)
            .all(|(p, q)| sh(p, off + d) == *q)
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

/// A node's own text: its range minus its children's.
pub fn own_pieces(n: &Node) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = n.range.start;
    for c in &n.children {
        if c.range.start > pos {
            out.push(pos..c.range.start);
        }
        pos = pos.max(c.range.end);
    }
    if pos < n.range.end {
        out.push(pos..n.range.end);
    }
    out
}

fn empty_tree() -> Tree {
    Tree {
        lang: Lang::En,
        kind: DocKind::Other,
        meta: Default::default(),
        nodes: Vec::new(),
        citations: Vec::new(),
        symbols: Vec::new(),
        footnote_refs: Vec::new(),
        paragraph_refs: Vec::new(),
        dates: Vec::new(),
        extracted: false,
    }
}

/// Leads classified by the lexicon, for callers that need them without a tree.
pub fn lead_class_at(text: &str) -> Option<LeadClass> {
    let m = lexicon().match_at(text)?;
    let lex = lexicon();
    if m.has_class(lex, LeadClass::Operative) {
        Some(LeadClass::Operative)
    } else {
        Some(LeadClass::Preambular)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At idle the contiguous copy of the text goes and comes back equal;
    /// one a snapshot shares stays; edits after it keep rope and copy equal.
    #[test]
    fn the_text_copy_goes_at_idle_and_comes_back() {
        let text = include_str!("../../../examples/A_RES_62_57.txt");
        let mut doc = Document::new(text);
        let (snap, _) = doc.shared();
        doc.compact();
        assert!(doc.text.flat.get().is_some(), "shared with a snapshot");
        drop(snap);
        doc.compact();
        assert!(doc.text.flat.get().is_none());
        assert_eq!(doc.text(), text);
        doc.compact();
        let at = text.find("Recalling").unwrap();
        doc.edit(at..at, "Bien ");
        let mut want = text.to_string();
        want.insert_str(at, "Bien ");
        assert_eq!(doc.text(), want);
        assert_eq!(doc.rope().to_string(), want);
        assert_eq!(*doc.tree(), *Document::new(&want).tree());
    }
}
