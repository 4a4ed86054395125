//! The blocks a line is cut into and what the lexer read in each.

use crate::dates;
use crate::lang::PackedCounts;
use crate::lexicon::LeadMatch;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FurnitureKind {
    Meta,
    JobNumber,
    Barcode,
    PageNumber,
    Url,
    Recycle,
    RunningHeader,
    SponsorNote,
    /// Markdown markup that is no text: a heading's `## `, a
    /// comment `<!-- … -->` whole on its line or before the line's text.
    Markup,
    /// `---` alone on its line: Markdown's front-matter fence (at the top of
    /// the text, the assembler decides) or a thematic break.
    Fence,
    /// A line that opens an HTML comment `<!--` and does not close it: the
    /// lines up to the one holding `-->` are the comment's (the assembler).
    CommentOpen,
}

impl FurnitureKind {
    /// Furniture that a writer typed (Markdown markup), not an extraction
    /// left behind: it does not make a text look extracted.
    pub(crate) fn is_markup(&self) -> bool {
        matches!(
            self,
            FurnitureKind::Markup | FurnitureKind::Fence | FurnitureKind::CommentOpen
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadHit {
    /// Offset of the lead inside the block.
    pub rel: u32,
    pub m: LeadMatch,
}

impl LeadHit {
    /// Offset of the lead inside the block.
    pub fn rel(&self) -> usize {
        self.rel as usize
    }
}

/// A numbered paragraph's opening (`1.`, `**2.**`, `١ -`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedHead {
    /// The label's bytes inside the block: its digits, and a suffix (`bis`)
    /// if any.
    pub(crate) label_rel: (u32, u32),
    pub lead: Option<LeadHit>,
}

impl NumberedHead {
    /// The paragraph's number (`12`, `١٢`); none for a label with a suffix
    /// (`12 bis`). Read off the text, not kept: the opening stays inline in
    /// its block.
    pub fn number(&self, block: &Block, text: &str) -> Option<u32> {
        let label = text.get(block.abs(self.label_rel))?;
        label.chars().try_fold(0u32, |n, c| {
            let d = c
                .to_digit(10)
                .or_else(|| crate::numbers::arabic_indic_digit(c))?;
            n.checked_mul(10)?.checked_add(d)
        })
    }
}

/// A sub-paragraph's opening (`(a)`, `ii)`, `㈠`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubHead {
    /// The label's bytes inside the block.
    pub(crate) label_rel: (u32, u32),
    pub lead: Option<LeadHit>,
}

/// What a block is. Kept to 32 bytes: the rare strings boxed, the numbered
/// and sub-paragraph openings (a label and a lead) inline, as a text of
/// millions of numbered lines has one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Blank,
    Furniture(FurnitureKind),
    FootnoteSeparator,
    FootnoteDef {
        number: u32,
        superscript: bool,
        label_rel: (u32, u32),
    },
    /// A line holding only a document symbol: masthead or running header.
    SymbolLine(Box<str>),
    OrgLine(Option<Box<str>>),
    OrganLine,
    Distr(Box<str>),
    DateLine(dates::Date),
    Original,
    Session,
    AgendaItem,
    Adoption,
    Report,
    Title {
        number: Box<str>,
    },
    Author {
        organ: &'static str,
    },
    Sponsors,
    Closing,
    Annex(Option<Box<str>>),
    Numbered(NumberedHead),
    Sub(SubHead),
    Lead(LeadHit),
    /// Short line without terminal punctuation: a section heading if the context
    /// agrees.
    HeadingLike {
        designator: Option<Box<str>>,
    },
    Text,
}

/// A line, or a segment of a one-line text: 72 bytes (documents are split
/// into blocks of at most 4 GB, so lengths take 32 bits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    /// Length including the line terminator, if any.
    pub len: u32,
    /// Length without the line terminator.
    pub(crate) content_len: u32,
    pub kind: BlockKind,
    /// The block starts at the beginning of a line.
    pub line_start: bool,
    /// Leading whitespace on the line (seed 002 indents new paragraphs).
    pub(crate) indented: bool,
    pub(crate) scripts: PackedCounts,
}

impl Block {
    pub fn end(&self) -> usize {
        self.start + self.len as usize
    }
    pub(crate) fn content_end(&self) -> usize {
        self.start + self.content_len as usize
    }
    /// Offsets inside the block (`label_rel`, a lead's `rel`) as a range of
    /// the document.
    pub fn abs(&self, rel: (u32, u32)) -> std::ops::Range<usize> {
        self.start + rel.0 as usize..self.start + rel.1 as usize
    }
    pub fn lead(&self) -> Option<&LeadHit> {
        match &self.kind {
            BlockKind::Lead(h) => Some(h),
            BlockKind::Numbered(n) => n.lead.as_ref(),
            BlockKind::Sub(s) => s.lead.as_ref(),
            _ => None,
        }
    }
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, BlockKind::Blank)
    }
}

/// The longest block: a line longer than this (over 4 GB) is cut.
pub(super) const MAX_BLOCK: usize = u32::MAX as usize - 8;

#[cfg(test)]
mod tests {
    use super::*;

    /// A block is 72 bytes, its kind 32.
    #[test]
    fn blocks_are_small() {
        assert_eq!(std::mem::size_of::<BlockKind>(), 32);
        assert_eq!(std::mem::size_of::<Block>(), 72);
    }
}
