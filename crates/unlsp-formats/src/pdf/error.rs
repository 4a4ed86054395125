//! Why a PDF gives no text.

use std::fmt;

/// A PDF that cannot be read, named for the person who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes do not start as a PDF does (`%PDF-`).
    NotPdf,
    /// The file is encrypted and opens only with a password.
    Encrypted,
    /// The file ends before its cross-reference data: cut short in a copy
    /// or a download.
    Truncated,
    /// The file's structure cannot be read (the reader's words).
    Damaged(String),
    /// Pages without a text layer: a scan or images only.
    NoText { pages: usize },
    /// More content than any document holds (a page's content over 16 MB,
    /// 256 MB in all, or two million runs of text): a decompression bomb,
    /// not a draft.
    TooLarge,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => write!(f, "not a PDF file (no `%PDF-` header)"),
            PdfError::Encrypted => write!(
                f,
                "the PDF is encrypted (password-protected); save an unprotected copy first"
            ),
            PdfError::Truncated => write!(
                f,
                "the PDF is truncated (it ends before its cross-reference table and `%%EOF`)"
            ),
            PdfError::Damaged(why) => write!(f, "the PDF cannot be read: {why}"),
            PdfError::TooLarge => write!(
                f,
                "the PDF's pages hold more content than a document does (a page over 16 MB, 256 MB in all, or 2 million pieces of text)"
            ),
            PdfError::NoText { pages } => write!(
                f,
                "the PDF has no text layer ({pages} page(s) of images only, e.g. a scan); run OCR first"
            ),
        }
    }
}

impl std::error::Error for PdfError {}
