//! What the PDF reader gives: paragraphs in reading order with their page,
//! and the footnotes from the page feet.

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

impl PdfText {
    /// Markdown: a paragraph a block, blank lines between, the footnotes
    /// as `[^n]: …` definitions at the end, as a Markdown draft has them.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            out.push_str(&p.text);
            out.push_str("\n\n");
        }
        for n in &self.footnotes {
            out.push_str(&format!("[^{}]: {}\n\n", n.label, n.text));
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}
