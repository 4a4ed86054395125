//! PDF input: a published draft or resolution read as Markdown text
//! (`unlsp_formats::pdf`: paragraphs in reading order, `[^n]` footnotes,
//! `*italic*` leads, the page furniture left out). Only files named on the
//! command line: a folder's PDFs are not drafts. A PDF is never fixed.

use std::path::Path;

/// The largest PDF read.
const LIMIT: u64 = 256 << 20;

/// Whether the path names a PDF.
pub(crate) fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The text of a PDF, or a message naming the file and the problem.
pub(crate) fn read(path: &Path) -> Result<String, String> {
    let bytes = super::bounded::read(path, LIMIT)?;
    unlsp_formats::pdf::read(&bytes)
        .map(|t| t.markdown())
        .map_err(|e| format!("{}: {e}", path.display()))
}
