//! A document: its text in a rope, its blocks and its tree, kept equal to a fresh
//! parse after every edit. An edit re-lexes only the lines it touches, shifts the
//! blocks after it, re-runs the (cheap) assembly over the blocks and re-analyses
//! only the paragraphs whose text changed.

use crate::syntax::assemble::assemble;
use crate::syntax::inline::{self, UnitFacts, View};
use crate::syntax::lang::{Lang, ScriptCounts};
use crate::syntax::lexer::{self, Block, BlockKind};
use crate::syntax::lexicon::{LeadClass, lexicon};
use crate::syntax::tree::{DocKind, Node, NodeKind, Tree};
use ropey::Rope;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

pub struct Document {
    rope: Rope,
    /// Shared with snapshots: a snapshot costs two reference counts, and an
    /// edit copies the text only while a snapshot of it is still alive.
    text: Arc<String>,
    blocks: Vec<Block>,
    tree: Arc<Tree>,
    lang_override: Option<Lang>,
    /// Facts per text unit, keyed by (kind, range) — reused across edits for
    /// units whose text did not change.
    facts: HashMap<(NodeKind, Vec<Range<usize>>), UnitFacts>,
}

impl Document {
    pub fn new(text: &str) -> Document {
        Document::with_lang(text, None)
    }

    pub fn with_lang(text: &str, lang: Option<Lang>) -> Document {
        let blocks = lexer::lex(text, 0);
        let mut d = Document {
            rope: Rope::from_str(text),
            text: Arc::new(text.to_string()),
            blocks,
            tree: Arc::new(empty_tree()),
            lang_override: lang,
            facts: HashMap::default(),
        };
        d.rebuild(None);
        d
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn rope(&self) -> &Rope {
        &self.rope
    }
    pub fn tree(&self) -> &Tree {
        &self.tree
    }
    /// The text and tree of this version, shared (for work on another thread).
    pub fn shared(&self) -> (Arc<String>, Arc<Tree>) {
        (self.text.clone(), self.tree.clone())
    }
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
    pub fn lang(&self) -> Lang {
        self.tree.lang
    }

    pub fn set_lang_override(&mut self, lang: Option<Lang>) {
        if self.lang_override != lang {
            self.lang_override = lang;
            self.facts.clear();
            self.rebuild(None);
        }
    }

    /// Replace the byte range `range` by `new_text`. Out-of-range or
    /// mid-character offsets are clamped, never a panic.
    pub fn edit(&mut self, range: Range<usize>, new_text: &str) {
        let start = crate::syntax::text::clamp_to_char(&self.text, range.start);
        let end = crate::syntax::text::clamp_to_char(&self.text, range.end.max(start));
        // rope and string stay in step
        let cs = self.rope.byte_to_char(start);
        let ce = self.rope.byte_to_char(end);
        self.rope.remove(cs..ce);
        self.rope.insert(cs, new_text);
        Arc::make_mut(&mut self.text).replace_range(start..end, new_text);
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
        let new_blocks = lexer::lex(&self.text[region_start..new_region_end], region_start);
        for b in &mut self.blocks[i1..] {
            b.start = (b.start as isize + delta) as usize;
        }
        self.blocks.splice(i0..i1, new_blocks);
        self.rebuild(Some((start, end, delta)));
    }

    /// Replace the whole text (`didChange` without ranges, file reload).
    pub fn replace_all(&mut self, text: &str) {
        self.rope = Rope::from_str(text);
        self.text = Arc::new(text.to_string());
        self.blocks = lexer::lex(text, 0);
        self.facts.clear();
        self.rebuild(None);
    }

    fn detect_lang(&self) -> Lang {
        if let Some(l) = self.lang_override {
            return l;
        }
        let mut c = ScriptCounts::default();
        let mut votes = [0u32; 3];
        let lex = lexicon();
        for b in &self.blocks {
            c.add(&b.scripts);
            if let Some(h) = b.lead() {
                for &e in &h.m.entries {
                    match lex.entries[e as usize].lang {
                        Lang::En => votes[0] += 1,
                        Lang::Fr => votes[1] += 1,
                        Lang::Es => votes[2] += 1,
                        _ => {}
                    }
                }
            }
        }
        c.detect(votes)
    }

    fn rebuild(&mut self, edit: Option<(usize, usize, isize)>) {
        let lang = self.detect_lang();
        if lang != self.tree.lang {
            self.facts.clear();
        }
        let asm = assemble(&self.text, &self.blocks, lang);
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
        if tree.meta.organ != self.tree.meta.organ || tree.meta.symbol != self.tree.meta.symbol {
            self.facts.clear();
        }
        self.collect_facts(&mut tree, edit);
        tree.extracted = is_extracted(&self.text, &self.blocks, &tree);
        self.tree = Arc::new(tree);
    }

    fn collect_facts(&mut self, tree: &mut Tree, edit: Option<(usize, usize, isize)>) {
        let old = std::mem::take(&mut self.facts);
        let mut new_facts = HashMap::default();
        let text = &self.text;
        let organ = tree.meta.organ.clone();
        let own_symbol = tree.meta.symbol.clone();
        let lang = tree.lang;
        let mut units: Vec<(NodeKind, Range<usize>, Vec<Range<usize>>)> = Vec::new();
        tree.walk(|n, _| {
            if n.kind.is_text_unit() || n.kind == NodeKind::Closing {
                units.push((n.kind, n.range.clone(), own_pieces(n)));
            }
        });
        let mut list_base = 0u32;
        let mut all_refs = Vec::new();
        for (kind, range, pieces) in units {
            let key = (kind, pieces.clone());
            // the same text before the edit, or shifted after it
            let reused = edit.and_then(|(s, e, delta)| {
                let new_end_of_edit = (e as isize + delta) as usize;
                if range.end < s {
                    old.get(&key).cloned()
                } else if range.start > new_end_of_edit {
                    let sh = |r: &Range<usize>| {
                        (r.start as isize - delta) as usize..(r.end as isize - delta) as usize
                    };
                    let old_key = (kind, pieces.iter().map(sh).collect::<Vec<_>>());
                    old.get(&old_key).map(|f| shift_facts(f, delta))
                } else {
                    None
                }
            });
            let facts = match reused {
                Some(f) => f,
                None => {
                    let view = View::new(text, &pieces);
                    inline::analyse(
                        &view,
                        lang,
                        organ.as_deref(),
                        kind == NodeKind::Footnote,
                        own_symbol.as_deref(),
                        0,
                    )
                }
            };
            let lists = facts
                .citations
                .iter()
                .map(|c| c.list)
                .max()
                .map(|m| m + 1)
                .unwrap_or(0);
            for c in &facts.citations {
                let mut c = c.clone();
                c.list += list_base;
                tree.citations.push(c);
            }
            list_base += lists;
            tree.symbols.extend(facts.symbols.iter().cloned());
            if kind != NodeKind::Footnote {
                all_refs.extend(facts.footnote_refs.iter().cloned());
            }
            tree.paragraph_refs
                .extend(facts.paragraph_refs.iter().cloned());
            tree.dates.extend(facts.dates.iter().cloned());
            new_facts.insert(key, facts);
        }
        // Weak markers (a digit after a word) count only when a footnote with
        // that number exists and they come in sequence.
        let defs: std::collections::HashSet<u32> = tree
            .nodes_of(NodeKind::Footnote)
            .iter()
            .filter_map(|n| n.label.as_ref()?.parse().ok())
            .collect();
        let mut max_seen = 0;
        all_refs.sort_by_key(|(r, _)| r.range.start);
        for (r, strong) in all_refs {
            let keep = if strong {
                true
            } else {
                defs.contains(&r.number)
                    && (r.number == max_seen + 1 || (r.number <= max_seen && r.number > 0))
            };
            if keep {
                max_seen = max_seen.max(r.number);
                tree.footnote_refs.push(r);
            }
        }
        // citations inside the masthead symbol and the title number are not citations
        if let Some(nr) = &tree.meta.number_range {
            tree.citations
                .retain(|c| !(c.range.start >= nr.start && c.range.end <= nr.end));
        }
        tree.citations.sort_by_key(|c| c.range.start);
        tree.dates.sort_by_key(|d| d.range.start);
        tree.symbols.sort_by_key(|s| s.range.start);
        self.facts = new_facts;
    }
}

fn shift_facts(f: &UnitFacts, delta: isize) -> UnitFacts {
    let sh =
        |r: &Range<usize>| (r.start as isize + delta) as usize..(r.end as isize + delta) as usize;
    let mut g = f.clone();
    for c in &mut g.citations {
        c.range = sh(&c.range);
        c.list_range = sh(&c.list_range);
        c.date_range = c.date_range.as_ref().map(sh);
    }
    for s in &mut g.symbols {
        s.range = sh(&s.range);
    }
    for (r, _) in &mut g.footnote_refs {
        r.range = sh(&r.range);
    }
    for p in &mut g.paragraph_refs {
        p.range = sh(&p.range);
        p.number_range = sh(&p.number_range);
    }
    for d in &mut g.dates {
        d.range = sh(&d.range);
    }
    g
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

/// Extraction artefacts (rules.md calibration note): page furniture, a `%%%`
/// line, word-segmented CJK, footnote digits glued to punctuation.
fn is_extracted(text: &str, blocks: &[Block], tree: &Tree) -> bool {
    if blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Furniture(_)))
    {
        return true;
    }
    if tree.footnote_refs.iter().any(|r| !r.superscript) {
        return true;
    }
    // word-segmented Chinese: many `X Y` with X, Y Han characters
    if tree.lang == Lang::Zh {
        let mut seg = 0;
        let mut prev: [char; 2] = [' ', ' '];
        for c in text.chars().take(20_000) {
            if crate::syntax::cjk::is_han(prev[0])
                && prev[1] == ' '
                && crate::syntax::cjk::is_han(c)
            {
                seg += 1;
                if seg > 20 {
                    return true;
                }
            }
            prev = [prev[1], c];
        }
    }
    false
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
