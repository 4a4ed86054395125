//! A document's text units (paragraphs, headings, footnotes, closings: the
//! nodes whose own text inline analysis reads) and the segments a long one is
//! cut into.

use crate::lexer::{Block, BlockKind};
use crate::tree::{Node, NodeKind};
use std::ops::Range;

/// A unit's own text pieces: nearly always one, kept inline.
pub type Pieces = smallvec::SmallVec<[Range<usize>; 1]>;

pub(crate) fn is_unit(kind: NodeKind) -> bool {
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
pub(super) fn unit_floor(nodes: &[Node], x: usize) -> usize {
    unit_around(nodes, x).map_or(x, |n| n.range.start)
}

/// The end of the outermost text unit strictly containing `x`, else `x`.
pub(super) fn unit_ceil(nodes: &[Node], x: usize) -> usize {
    unit_around(nodes, x).map_or(x, |n| n.range.end)
}

/// A text unit: its kind, range and own text.
pub(super) struct FoundUnit {
    pub(super) kind: NodeKind,
    pub(super) range: Range<usize>,
    pub(super) pieces: Pieces,
    /// A footnote's number.
    pub(super) number: Option<u32>,
}

/// A unit's own text of more than this many bytes is analysed in segments.
pub(super) const SEGMENT_MIN: usize = 1024;

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
/// Each is made into the caller's record by `make` as it is found: a full
/// parse of a text of millions of units keeps one list, not two.
pub(super) fn collect_units<T>(
    level: &[Node],
    lo: usize,
    hi: usize,
    split: &Splitter,
    out: &mut Vec<T>,
    make: &impl Fn(FoundUnit) -> T,
) {
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
                out.push(make(FoundUnit {
                    kind: n.kind,
                    range,
                    pieces,
                    number: number.take(),
                }))
            };
            match split.segments(&pieces) {
                Some(segs) => {
                    for seg in segs {
                        let r = seg[0].start..seg[seg.len() - 1].end;
                        push(r, Pieces::from_vec(seg));
                    }
                }
                None => push(n.range.clone(), pieces),
            }
        }
        collect_units(&n.children, lo, hi, split, out, make);
    }
}

/// A node's own text: its range minus its children's.
pub fn own_pieces(n: &Node) -> Pieces {
    let mut out = Pieces::new();
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
