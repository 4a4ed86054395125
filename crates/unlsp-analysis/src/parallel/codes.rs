//! The diagnostic codes of parallel versions, UNP01 to UNP09: one kind of
//! difference each, with its code and name.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiffKind {
    /// A paragraph (or section, annex) of one version has no counterpart.
    MissingParagraph,
    MissingSubparagraph,
    /// Aligned paragraphs carry different numbers or labels.
    Numbering,
    /// Aligned paragraphs open with leads of different classes.
    Class,
    Citations,
    Symbols,
    Dates,
    Numbers,
    Footnotes,
}

impl DiffKind {
    pub const ALL: [DiffKind; 9] = [
        DiffKind::MissingParagraph,
        DiffKind::MissingSubparagraph,
        DiffKind::Numbering,
        DiffKind::Class,
        DiffKind::Citations,
        DiffKind::Symbols,
        DiffKind::Dates,
        DiffKind::Numbers,
        DiffKind::Footnotes,
    ];

    /// Diagnostic code (no drafting rule covers parallel versions).
    pub fn code(self) -> &'static str {
        match self {
            DiffKind::MissingParagraph => "UNP01",
            DiffKind::MissingSubparagraph => "UNP02",
            DiffKind::Numbering => "UNP03",
            DiffKind::Class => "UNP04",
            DiffKind::Citations => "UNP05",
            DiffKind::Symbols => "UNP06",
            DiffKind::Dates => "UNP07",
            DiffKind::Numbers => "UNP08",
            DiffKind::Footnotes => "UNP09",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DiffKind::MissingParagraph => "missing_paragraph",
            DiffKind::MissingSubparagraph => "missing_subparagraph",
            DiffKind::Numbering => "numbering",
            DiffKind::Class => "class",
            DiffKind::Citations => "citations",
            DiffKind::Symbols => "symbols",
            DiffKind::Dates => "dates",
            DiffKind::Numbers => "numbers",
            DiffKind::Footnotes => "footnotes",
        }
    }
}
