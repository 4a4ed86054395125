//! A unit's text as inline analysis reads it (wrapped lines joined) and the
//! facts found in it.

use crate::cjk::{SpaceTrim, is_cjk, is_han};
use crate::tree::{Citation, DateRef, FootnoteRef, ParagraphRef, SymbolRef};
use std::ops::Range;

/// Text of a unit with wrapped lines joined, and the way back to the document:
/// runs of bytes copied verbatim, and the spaces put in for line breaks.
pub struct View {
    pub s: String,
    /// Nearly always one segment (a one-line unit): kept inline.
    segs: smallvec::SmallVec<[Seg; 1]>,
    /// Document offset of the end of the view.
    end: usize,
}

/// `len` bytes of the view from `view` on: copied from `doc` on, or (`fixed`)
/// put in by the join and standing for the one position `doc`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    view: usize,
    doc: usize,
    len: usize,
    fixed: bool,
}

impl View {
    /// Build from the document `text` and the unit's own ranges.
    pub fn new(text: &str, pieces: &[Range<usize>]) -> View {
        let cap: usize = pieces.iter().map(|r| r.len()).sum::<usize>() + pieces.len();
        let mut v = View {
            s: String::with_capacity(cap),
            segs: smallvec::SmallVec::new(),
            end: pieces.last().map(|r| r.end).unwrap_or(0),
        };
        for (pi, r) in pieces.iter().enumerate() {
            let piece = &text[r.clone()];
            if pi > 0 && !v.s.ends_with(' ') {
                let next_cjk = piece.chars().next().is_some_and(is_cjk);
                let prev_cjk = v.s.chars().next_back().is_some_and(is_cjk);
                if !(next_cjk && prev_cjk) {
                    v.put_space(r.start);
                }
            }
            // copy line by line; a line break becomes one space (none between CJK
            // characters, none after a hyphen that ends a line)
            let bytes = piece.as_bytes();
            let mut pos = 0;
            while pos < bytes.len() {
                let nl = memchr::memchr2(b'\n', b'\r', &bytes[pos..])
                    .map(|k| pos + k)
                    .unwrap_or(bytes.len());
                if nl > pos {
                    v.copy(&piece[pos..nl], r.start + pos);
                }
                if nl >= bytes.len() {
                    break;
                }
                // skip the break and the indentation of the next line
                let mut q = nl;
                while q < bytes.len() && (bytes[q] == b'\n' || bytes[q] == b'\r') {
                    q += 1;
                }
                let rest = &piece[q..];
                let skip = rest.len() - rest.trim_space_start().len();
                q += skip;
                if q >= bytes.len() {
                    break;
                }
                let next = piece[q..].chars().next().unwrap();
                while v.s.ends_with(' ') && !v.s.is_empty() {
                    // trailing spaces of the line (PDF text) are not doubled
                    if v.s
                        .trim_end_matches(' ')
                        .chars()
                        .next_back()
                        .is_some_and(|p| is_cjk(p) && is_cjk(next) || p == '-')
                    {
                        v.pop_byte();
                    } else {
                        break;
                    }
                }
                let prev = v.s.chars().next_back();
                let glue = prev.is_some_and(|p| is_cjk(p) && is_cjk(next) || p == '-')
                    || cut_in_cjk(&v.s, &piece[nl..q], &piece[q..]);
                if !glue && !v.s.ends_with(' ') {
                    v.put_space(r.start + nl);
                }
                pos = q;
            }
        }
        v
    }

    fn copy(&mut self, seg: &str, doc: usize) {
        let view = self.s.len();
        self.s.push_str(seg);
        match self.segs.last_mut() {
            Some(g) if !g.fixed && g.view + g.len == view && g.doc + g.len == doc => {
                g.len += seg.len()
            }
            _ => self.segs.push(Seg {
                view,
                doc,
                len: seg.len(),
                fixed: false,
            }),
        }
    }

    fn put_space(&mut self, doc: usize) {
        self.segs.push(Seg {
            view: self.s.len(),
            doc,
            len: 1,
            fixed: true,
        });
        self.s.push(' ');
    }

    /// Drop the last byte (an ASCII space).
    fn pop_byte(&mut self) {
        self.s.pop();
        if let Some(g) = self.segs.last_mut() {
            g.len -= 1;
            if g.len == 0 {
                self.segs.pop();
            }
        }
    }

    /// Document offset of the start of the char holding view byte `b`.
    fn doc_of(&self, b: usize) -> usize {
        if b >= self.s.len() {
            return self.end;
        }
        let mut b = b;
        while !self.s.is_char_boundary(b) {
            b -= 1;
        }
        let k = self.segs.partition_point(|g| g.view <= b);
        match k.checked_sub(1).map(|k| self.segs[k]) {
            Some(g) if g.fixed => g.doc,
            Some(g) => g.doc + (b - g.view),
            None => self.end,
        }
    }

    /// Document byte range of a view range.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.doc_of(r.start);
        let end = if r.end == 0 {
            start
        } else if r.end > self.s.len() {
            self.end
        } else {
            // end of the char that holds the last byte
            self.doc_of(r.end - 1) + self.char_len_at(r.end - 1)
        };
        start..end.max(start)
    }

    fn char_len_at(&self, view_byte: usize) -> usize {
        let mut b = view_byte;
        while !self.s.is_char_boundary(b) {
            b -= 1;
        }
        self.s[b..]
            .chars()
            .next()
            .map(|c| c.len_utf8())
            .unwrap_or(1)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFacts {
    pub citations: Vec<Citation>,
    pub symbols: Vec<SymbolRef>,
    pub footnote_refs: Vec<(FootnoteRef, bool)>,
    pub paragraph_refs: Vec<ParagraphRef>,
    pub dates: Vec<DateRef>,
}

/// A line break inside a number or symbol of Chinese or Japanese text, which
/// writes them against the characters around with no space: one break (not a
/// blank line) between digits or slashes of a run that follows a CJK character
/// (`第79/2` | `86号`, `（A/79/` | `286）`, `、2` | `011年`), unless a
/// paragraph number opens the next line (`报告，8` | `1. 表示`) or, after
/// punctuation, the digits are a footnote marker before a number. A
/// break between an ideograph and a number stays a space: it may part two
/// lines of their own (`第18次全体会议` | `2024年10月7日`).
fn cut_in_cjk(before: &str, breaks: &str, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return false;
    };
    let numeric = |c: char| c.is_ascii_digit() || c == '/';
    if breaks.matches('\n').count() > 1
        || !(before.chars().next_back().is_some_and(numeric) && numeric(next))
    {
        return false;
    }
    // a paragraph's number opens the next line (`1. 表示注意到`): not a cut
    let digits = after.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.starts_with(['.', '．', ')', '）']) {
        return false;
    }
    let head = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || "/.-".contains(c));
    let Some(h) = head.chars().next_back().filter(|c| is_cjk(*c)) else {
        return false;
    };
    if is_han(h) || matches!(h, '（' | '《' | '〔' | '【' | '“') {
        return true;
    }
    // after punctuation the digits may be a footnote marker (`报告；3` |
    // `2025年7月1日`): a cut only when the two halves make one number of at
    // most four digits (`、2` | `011年`) or a symbol's (`、76/22` | `2号`)
    let tail = &before[head.len()..];
    let lead = &after[..after.len() - after.trim_start_matches(numeric).len()];
    let joined = format!("{tail}{lead}");
    joined.contains('/') || joined.bytes().filter(u8::is_ascii_digit).count() <= 4
}
