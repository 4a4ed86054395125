//! PDF input: a published draft or resolution read as an extracted
//! document (`unlsp_formats::pdf`: paragraphs in reading order with their
//! page, the footnotes after a rule, the italic leads, the page furniture
//! left out). Only files named on the command line: a folder's PDFs are not
//! drafts. A PDF is never fixed.

use std::path::Path;
use unlsp_formats::Extracted;

/// The largest PDF read.
const LIMIT: u64 = 256 << 20;

/// Whether the path names a PDF.
pub(crate) fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The extracted document; the error names the file and the problem.
pub(crate) fn read(path: &Path) -> Result<Extracted, String> {
    let bytes = super::bounded::read(path, LIMIT)?;
    unlsp_formats::pdf::read(&bytes)
        .map(|t| t.extracted())
        .map_err(|e| format!("{}: {e}", path.display()))
}
