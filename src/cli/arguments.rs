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

/// A document to read: the UN's AKN XML as its text, a Word document as its
/// extracted text (`unlsp convert --to txt`), a PDF as the text it shows,
/// any other file as UTF-8 text.
pub(super) fn read_document(path: &std::path::Path) -> Result<String, String> {
    if super::akn_in::is_akn(path) {
        super::akn_in::read(path)
    } else if super::docx_in::is_word(path) {
        super::docx_in::read(path).map(|x| x.text)
    } else if super::pdf_in::is_pdf(path) {
        super::pdf_in::read(path)
    } else {
        read_text(path)
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
