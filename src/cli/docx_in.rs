//! Word input: a `.docx` read as its extracted text (automatic numbers
//! written out, footnotes after a rule, tracked changes accepted) with the
//! map back to its paragraphs. A legacy `.doc`, an `.odt` or a
//! password-protected document is named as such (exit 2).

use std::path::Path;
use unlsp_formats::Extracted;

/// The largest Word file read.
const LIMIT: u64 = 256 << 20;

/// Whether the path names a word-processor document (read by the Word
/// reader, which names what it cannot read).
pub(crate) fn is_word(path: &Path) -> bool {
    let n = path.to_string_lossy().to_lowercase();
    [".docx", ".docm", ".dotx", ".dotm", ".doc", ".odt"]
        .iter()
        .any(|e| n.ends_with(e))
}

/// Whether `check DIR` picks the file up: Word 2007 documents only.
pub(crate) fn is_docx(path: &Path) -> bool {
    path.to_string_lossy().to_lowercase().ends_with(".docx")
}

/// The extracted document; the error names the file.
pub(crate) fn read(path: &Path) -> Result<Extracted, String> {
    let bytes = super::bounded::read(path, LIMIT)?;
    unlsp_formats::docx::read(bytes).map_err(|e| format!("{}: {e}", path.display()))
}
