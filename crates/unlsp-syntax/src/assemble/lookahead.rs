//! What the walk reads around a block: the next content block, running
//! titles, strong page furniture, a heading's run, the next resolution.

use super::builder::*;
use super::text::*;
use crate::cjk::{SpaceTrim, is_space};
use crate::lexer::{Block, BlockKind, FurnitureKind};
use crate::tree::{Label, Node, NodeKind};
use std::ops::Range;

impl<'a> Builder<'a> {
    pub(super) fn note_body_text(&mut self, r: &Range<usize>) {
        self.st.page_break = false;
        self.st.last_terminal = terminal_mark(&self.text[r.clone()]);
    }

    pub(super) fn next_content(&self, i: usize) -> Option<&'a Block> {
        self.blocks[i + 1..]
            .iter()
            .find(|b| !b.is_blank() && !matches!(b.kind, BlockKind::Furniture(_)))
    }

    /// Block `i` is a line of a caseless script (Arabic) standing alone
    /// between blank lines, without terminal punctuation: a heading however
    /// long (`تقرير أداء الميزانية للفترة من 1 تموز/يوليه 2023 إلى 30
    /// حزيران/يونيه 2024`, `ثانيا طلب إعانة لمحكمة …`). The lexer takes only
    /// the short ones for headings, since a wrapped line looks the same; a
    /// wrapped line has its paragraph's next line after it.
    pub(super) fn caseless_heading_line(&self, i: usize) -> bool {
        let b = &self.blocks[i];
        if !b.line_start || !self.st.prev_blank {
            return false;
        }
        let t = self.text[b.start..b.content_end()].trim();
        let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else {
            return false;
        };
        let caseless = first.is_alphabetic()
            && !first.is_lowercase()
            && !first.is_uppercase()
            && !crate::cjk::is_cjk(first);
        caseless
            && t.chars().count() <= 160
            && !matches!(last, ',' | ';' | ':' | '.' | '،' | '؛')
            && self.blocks.get(i + 1).is_some_and(|n| n.is_blank())
    }

    /// The punctuation that ends the paragraph whose first line is block `i`
    /// in a text without spaces (Chinese wraps anywhere): the last character
    /// of its last line before a blank line, furniture, an indented line (the
    /// next paragraph pasted from Word) or the next numbered paragraph, when that comes within the look-ahead the incremental walk
    /// allows (`resume::RESTART_BLOCKS`).
    pub(super) fn cjk_paragraph_end(&self, i: usize) -> Option<char> {
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
    pub(super) fn wraps_on_from_full_line(&self, i: usize) -> bool {
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

    /// `73/89` alone on its line between two lines of running
    /// text (`Recalling its resolution` / `73/89` / `of 6 December 2018,`)
    /// is a resolution number that PDF extraction put on a line of its own,
    /// not a page number: those stand next to a blank line or other page
    /// furniture.
    pub(super) fn number_in_running_text(&self, i: usize) -> bool {
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

    pub(super) fn is_strong_furniture(b: &Block) -> bool {
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
    pub(super) fn is_running_title(&self, i: usize, r: &Range<usize>) -> bool {
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
    pub(super) fn running_title(&self) -> Option<String> {
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

    /// A title line (`2752 (XXVI).`, `62/58.`) after the end of a resolution (its
    /// closing, or its last operative paragraph's full stop), with an author
    /// line within the next lines: the next resolution of a page or a volume
    /// that holds several.
    pub(super) fn next_resolution_starts(&self, i: usize) -> bool {
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
    pub(super) fn next_resolution(&mut self, r: Range<usize>, number: &str) {
        self.close_heading();
        self.settle(0);
        let line = &self.text[r.clone()];
        let first = line.split('.').next().unwrap_or("").trim_end();
        let mut n = Node::new(NodeKind::Section, r.clone());
        n.label = Some(Label::new(number));
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

    /// The first block after the run of heading lines that starts at block `i`
    /// (short lines without terminal punctuation, blank lines and page furniture
    /// between them), if the run is at most eight lines long.
    pub(super) fn heading_run_end(&self, i: usize) -> Option<&'a Block> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

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
}
