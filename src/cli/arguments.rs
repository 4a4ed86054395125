//! What the subcommands' arguments name, read the same way by all of them: a
//! file as UTF-8 text, a `--lang` code.

/// Read a file as UTF-8; the error names the file and the byte offset.
pub(super) fn read_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: invalid UTF-8 at byte offset {}",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// A document to read: the UN's AKN XML as its text, a Word document or a
/// PDF as its extracted text (`unlsp convert --to txt`), any other file as
/// UTF-8 text.
pub(super) fn read_document(path: &std::path::Path) -> Result<String, String> {
    if super::akn_in::is_akn(path) {
        super::akn_in::read(path)
    } else if let Some(x) = read_extracted(path) {
        x.map(|x| x.text)
    } else {
        read_text(path)
    }
}

/// Whether the path names a document read out of another format (Word, PDF).
pub(crate) fn is_extracted(path: &std::path::Path) -> bool {
    super::docx_in::is_word(path) || super::pdf_in::is_pdf(path)
}

/// A Word document or a PDF read as an extracted document (the error names
/// the file); `None` for any other file.
pub(crate) fn read_extracted(
    path: &std::path::Path,
) -> Option<Result<unlsp_formats::Extracted, String>> {
    if super::docx_in::is_word(path) {
        Some(super::docx_in::read(path))
    } else if super::pdf_in::is_pdf(path) {
        Some(super::pdf_in::read(path))
    } else {
        None
    }
}

/// `--lang`: `auto` is `Some(None)`; an unknown code is reported and gives `None`.
pub(super) fn lang_option(code: &str) -> Option<Option<unlsp_syntax::Lang>> {
    if code == "auto" {
        return Some(None);
    }
    match unlsp_syntax::Lang::from_code(code) {
        Some(l) => Some(Some(l)),
        None => {
            eprintln!("error: unknown language `{code}` (auto, en, zh, fr, es, ru, ar)");
            None
        }
    }
}
