//! A document read out of another format (Word, PDF): the plain text the
//! parser reads, and what the text alone cannot say — where each piece of
//! it stands in the source, which runs were italic or bold, the footnotes,
//! the tracked changes. Every reader returns this type; `convert` and the
//! command line's locations work from it alone.
//!
//! The text is laid out as a clean extraction: one source paragraph a line
//! with its automatic number written out (`1. `, `(a) `), a blank line
//! between paragraphs, footnote markers as bare numbers after the word they
//! follow, and the footnotes after a rule at the end (`1 Official Records…`).

use std::ops::Range;

/// The extracted text with its maps back to the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The text as `unlsp convert --to txt` prints it.
    pub text: String,
    /// Pieces of `text` and where they come from, in text order, never
    /// overlapping. Bytes between spans (line breaks, the footnote rule)
    /// belong to no source paragraph.
    pub spans: Vec<Span>,
    /// Runs set in italic or bold, in text order.
    pub emphasis: Vec<Emphasis>,
    /// The footnotes, numbered as the reader sees them, in order.
    pub footnotes: Vec<Footnote>,
    /// The tracked changes, accepted in `text`, in text order.
    pub revisions: Vec<Revision>,
    /// The body paragraphs that have text, in order, with their styles.
    pub paragraphs: Vec<Paragraph>,
    /// The text as it stood before the tracked changes, when the reader
    /// read the source a second time with every change rejected (Word:
    /// deleted runs read, inserted runs left out, paragraph marks and
    /// numbers as they were); `None` when it did not.
    pub rejected: Option<String>,
}

/// A body paragraph with text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 0-based among all body paragraphs, empty ones included.
    pub index: usize,
    /// Its style's name (`Heading 1`, `List Paragraph`), when it has one.
    pub style: Option<String>,
    /// Its line in `text`, automatic number included.
    pub range: Range<usize>,
}

/// Bytes of the text that come from one place of the source: byte
/// `text.start` is the `char`th Unicode scalar of body paragraph
/// `paragraph`, and the bytes after it follow it one to one (text written
/// by the reader itself, such as an automatic number, spans its
/// paragraph's first character and maps every byte there).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: Range<usize>,
    pub paragraph: usize,
    pub char: usize,
    /// The page, for formats laid out in pages (PDF); `None` for Word.
    pub page: Option<u32>,
    /// Whether the bytes are the source's own characters (not a number or
    /// marker the reader wrote).
    pub verbatim: bool,
    /// The footnote whose text this is (its number), `None` in the body.
    pub footnote: Option<u32>,
}

/// Where an offset of the text stands in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// 0-based body paragraph (for a footnote's text: the paragraph that
    /// refers to it).
    pub paragraph: usize,
    /// Unicode scalars from the paragraph's start (for a footnote's text:
    /// the offset of the reference).
    pub char: usize,
    pub page: Option<u32>,
    /// The footnote whose text holds the offset.
    pub footnote: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Italic,
    Bold,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Emphasis {
    pub range: Range<usize>,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// Its place among the footnotes, from 1 (Word numbers its references
    /// so: 1, 2, 3…).
    pub number: u32,
    /// The marker as the text shows it: the number, or a PDF's `*`.
    pub label: String,
    /// The marker in the body text (the bare label); empty at the text's
    /// start when the reader found no marker for the footnote.
    pub marker: Range<usize>,
    /// Its further markers in the body, when the source refers to the note
    /// again (a PDF's programme of work points at one note from several
    /// rows); Word gives each reference a note of its own.
    pub again: Vec<Range<usize>>,
    /// The footnote's text (after its number, in the notes at the end).
    pub body: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionKind {
    Insertion,
    Deletion,
}

/// One tracked change: who made it, when, where.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub kind: RevisionKind,
    pub author: String,
    /// As the source writes it (ISO 8601 in Word), when it has one.
    pub date: Option<String>,
    /// The 0-based body paragraph it is in.
    pub paragraph: usize,
    /// The inserted text's range in `text`; for a deletion, the empty
    /// range where the deleted text stood.
    pub range: Range<usize>,
    /// The inserted or deleted text; a deleted paragraph mark (the
    /// paragraph runs on into the next) is `"\n\n"`.
    pub text: String,
}

/// The rule between the body and the footnotes.
pub const FOOTNOTE_RULE: &str = "__________________";

impl Extracted {
    /// Where byte `offset` of the text stands in the source: in a span, its
    /// own place; between spans, the end of the span before; before any
    /// span, `None`.
    pub fn source(&self, offset: usize) -> Option<Source> {
        let i = self.spans.partition_point(|s| s.text.start <= offset);
        let s = self.spans.get(i.checked_sub(1)?)?;
        let end = offset.min(s.text.end);
        let chars = if s.verbatim {
            self.text
                .get(s.text.start..end)
                .map_or(0, |t| t.chars().count())
        } else {
            0
        };
        Some(Source {
            paragraph: s.paragraph,
            char: s.char + chars,
            page: s.page,
            footnote: s.footnote,
        })
    }

    /// The text as it stood before the tracked changes (the reviewer's
    /// "reject all"): the reader's second read when it made one, else
    /// every insertion taken out and every deletion put back.
    pub fn rejected_text(&self) -> String {
        if let Some(t) = &self.rejected {
            return t.clone();
        }
        let mut edits: Vec<&Revision> = self.revisions.iter().collect();
        // from the end, an insertion before a deletion at the same place,
        // so that each range still holds when it is applied
        edits.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.range.start),
                r.kind == RevisionKind::Deletion,
            )
        });
        let mut text = self.text.clone();
        for r in edits {
            let Some(range) = text.get(r.range.clone()).map(|_| r.range.clone()) else {
                continue;
            };
            match r.kind {
                RevisionKind::Insertion => text.replace_range(range, ""),
                RevisionKind::Deletion => text.insert_str(range.start, &r.text),
            }
        }
        text
    }

    /// The tracked changes of one body paragraph.
    pub fn revisions_in(&self, paragraph: usize) -> impl Iterator<Item = &Revision> {
        self.revisions
            .iter()
            .filter(move |r| r.paragraph == paragraph)
    }
}
