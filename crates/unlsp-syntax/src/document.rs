//! A document: its text in a rope, its blocks and its tree, kept equal to a fresh
//! parse after every edit. An edit re-lexes only the lines it touches, shifts the
//! blocks after it, re-assembles from the last assembler checkpoint before the
//! edit until the state meets the old run's again (`assemble/resume.rs`),
//! re-analyses only the text units in between whose text changed and splices
//! their facts into the tree's lists.

mod facts;
mod units;

pub use units::{Splitter, own_pieces};

use crate::assemble::{AsmMemo, EditSpan, Shift, assemble_with_memo, reassemble};
use crate::lang::{Lang, ScriptCounts};
use crate::lexer::{self, Block, BlockKind};
use crate::lexicon::lexicon;
use crate::tree::{DocKind, Tree};
use facts::FactStore;
use ropey::Rope;
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
    /// The inline facts of each text unit.
    facts: FactStore,
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
            facts: FactStore::default(),
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
            ("unit facts", Box::new(self.facts.units)),
            (
                "footnote markers",
                Box::new((self.facts.raw_refs, self.facts.footnotes)),
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
        self.facts.shrink_to_fit();
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
            self.facts.units.clear();
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
        self.facts.units.clear();
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
            ..empty_tree()
        };
        let shift = edit.map(|e| e.shift);
        let same_context = lang == old.lang
            && tree.meta.organ == old.meta.organ
            && tree.meta.symbol == old.meta.symbol;
        if !same_context {
            self.facts.units.clear();
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
        (self.facts).collect(&self.text, &self.blocks, &mut tree, &mut old, window, shift);

        tree.extracted = self.is_extracted(&tree);
        self.tree = Arc::new(tree);
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

fn empty_tree() -> Tree {
    Tree {
        lang: Lang::En,
        kind: DocKind::Other,
        meta: Default::default(),
        nodes: crate::tree::Nodes::new(),
        citations: Vec::new(),
        symbols: Vec::new(),
        footnote_refs: Vec::new(),
        paragraph_refs: Vec::new(),
        dates: Vec::new(),
        extracted: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A marker glued to a resolution number before a word (`71/2051 and`,
    /// as A/RES/79/184 writes `71/20518 and`) is read where the number has
    /// four digits or more; `64/191 of` (A/C.2/80/L.12) keeps its digits.
    #[test]
    fn a_marker_glued_to_a_number_before_a_word() {
        let text = "The General Assembly,\n\n\
            Recalling its resolutions 62/186 of 19 December 2007 and 64/191 of 21 December 2009,\n\n\
            Taking note of the reports submitted pursuant to resolutions 71/2051 and 72/190,2 \
            and of the reports of the Secretary-General,\n\n\
            1. Decides to remain seized of the matter.\n\n\
            __________________\n\n1 See A/72/498.\n\n2 See A/73/404.\n";
        let doc = Document::new(text);
        let found: Vec<(u32, usize)> = (doc.tree().footnote_refs.iter())
            .map(|r| (r.number, r.range.start))
            .collect();
        let one = text.find("2051").unwrap() + 3;
        let two = text.find(",2 ").unwrap() + 1;
        assert_eq!(found, [(1, one), (2, two)]);
    }

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
