//! The structure another format's markup gives a document, beside the text
//! rendered from it (the UN's AKN XML read by the command line): what the
//! rules compare with the parser's own reading of that text.

/// The structure a source's markup gives its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMarkup {
    /// The markup's name of each preambular paragraph (its lead), in order.
    pub preambular: Vec<String>,
    /// Each operative paragraph: its number as marked (empty when it has
    /// none) and its points (sub-paragraphs) at every depth.
    pub operative: Vec<(String, usize)>,
    /// Footnotes in the whole text.
    pub footnotes: usize,
    /// What is irregular in the markup itself, in words (`second
    /// preamble/mainBody`, `<step> without date`), each reported once.
    pub irregular: Vec<String>,
}
