//! The extracted text as it is written: each piece pushed with where it
//! comes from, and, for the characters of a `w:t` element, the element's
//! text in the XML part, so that a fix of the text can be written back into
//! the run it came from.

use crate::extracted::{Emphasis, Extracted, Revision, Span, Style};
use std::ops::Range;

/// A part of the package whose runs the text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Document,
    Footnotes,
    Endnotes,
}

/// Characters of the text that are the text of one `w:t` element.
#[derive(Debug, Clone)]
pub(crate) struct RunText {
    pub(crate) part: Part,
    /// The range in the extracted text.
    pub(crate) text: Range<usize>,
    /// The range of the element's character data in the part's XML.
    pub(crate) xml: Range<usize>,
    /// Where the extracted piece starts in the element's text (white space
    /// at the start of a footnote is left out).
    pub(crate) skip: usize,
}

/// Where the next pushed characters come from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    pub(crate) paragraph: usize,
    pub(crate) char: usize,
    /// In a footnote's text: its number (the spans then point at the
    /// reference: `paragraph`, `char`).
    pub(crate) footnote: Option<u32>,
}

#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) x: Extracted,
    pub(crate) runs: Vec<RunText>,
}

/// The lengths of the builder's lists, to roll a paragraph back.
pub(crate) struct Mark(usize, usize, usize, usize, usize);

impl Builder {
    pub(crate) fn len(&self) -> usize {
        self.x.text.len()
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark(
            self.x.text.len(),
            self.x.spans.len(),
            self.x.emphasis.len(),
            self.runs.len(),
            self.x.revisions.len(),
        )
    }

    pub(crate) fn rollback(&mut self, m: Mark) {
        self.x.text.truncate(m.0);
        self.x.spans.truncate(m.1);
        self.x.emphasis.truncate(m.2);
        self.runs.truncate(m.3);
        // a paragraph with no text left may still hold a tracked change (a
        // paragraph deleted whole): kept, at the place the paragraph stood
        for r in self.x.revisions.iter_mut().skip(m.4) {
            r.range = m.0..m.0;
        }
    }

    /// Characters that belong to no source paragraph (line breaks, the rule).
    pub(crate) fn push_plain(&mut self, s: &str) {
        self.x.text.push_str(s);
    }

    /// Characters the reader writes (a number, a marker), mapped to `at`.
    pub(crate) fn push_generated(&mut self, s: &str, at: Origin) {
        self.span(s, at, false);
    }

    /// The source's own characters; `run`: the `w:t` element they are the
    /// text of, with its part.
    pub(crate) fn push_source(&mut self, s: &str, at: Origin, run: Option<RunText>) {
        let start = self.x.text.len();
        self.span(s, at, at.footnote.is_none());
        if let Some(run) = run {
            self.runs.push(RunText {
                text: start..self.x.text.len(),
                ..run
            });
        }
    }

    fn span(&mut self, s: &str, at: Origin, verbatim: bool) {
        if s.is_empty() {
            return;
        }
        let start = self.x.text.len();
        self.x.text.push_str(s);
        let end = self.x.text.len();
        // one span for characters that follow one another in the source
        if let Some(last) = self.x.spans.last_mut()
            && last.text.end == start
            && last.verbatim == verbatim
            && verbatim
            && last.paragraph == at.paragraph
            && last.char + self.x.text[last.text.clone()].chars().count() == at.char
        {
            last.text.end = end;
            return;
        }
        self.x.spans.push(Span {
            text: start..end,
            paragraph: at.paragraph,
            char: at.char,
            page: None,
            verbatim,
            footnote: at.footnote,
        });
    }

    pub(crate) fn emphasis(&mut self, range: Range<usize>, style: Style) {
        if self.x.text[range.clone()].trim().is_empty() {
            return;
        }
        if let Some(last) = self.x.emphasis.last_mut()
            && last.style == style
            && last.range.end == range.start
        {
            last.range.end = range.end;
            return;
        }
        self.x.emphasis.push(Emphasis { range, style });
    }

    /// A tracked change; one that continues the last (the same kind, author,
    /// date and paragraph, from where the last ends) is one change with it,
    /// as Word shows it: office suites write one element a run. A deleted
    /// paragraph mark stays a change of its own.
    pub(crate) fn revision(&mut self, r: Revision) {
        const MARK: &str = "\n\n";
        if let Some(last) = self.x.revisions.last_mut()
            && last.kind == r.kind
            && last.author == r.author
            && last.date == r.date
            && last.paragraph == r.paragraph
            && last.range.end == r.range.start
            && last.text != MARK
            && r.text != MARK
        {
            last.range.end = r.range.end;
            last.text.push_str(&r.text);
            return;
        }
        self.x.revisions.push(r);
    }
}
