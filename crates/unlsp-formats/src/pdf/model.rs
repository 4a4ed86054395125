//! What the PDF reader gives: paragraphs in reading order with their page,
//! and the footnotes from the page feet (`extract.rs` makes it the
//! [`Extracted`](crate::Extracted) document every command reads).

/// The text of a PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfText {
    /// Body paragraphs in reading order; inline `*…*` marks an italic lead
    /// and `[^n]` a footnote reference where the superscript marker stands.
    pub paragraphs: Vec<PdfParagraph>,
    /// Footnotes in the order of their markers.
    pub footnotes: Vec<PdfFootnote>,
    /// Pages in the file.
    pub pages: usize,
    /// Read through the structure tree (a tagged PDF) rather than the layout.
    pub tagged: bool,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfParagraph {
    pub text: String,
    /// 1-based page where the paragraph starts.
    pub page: usize,
}

/// One footnote: its marker (`1`, `*`) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfFootnote {
    pub label: String,
    pub text: String,
    pub page: usize,
}
