//! What the comparison reports: entries in reading order, each a paragraph
//! kept as it was or one change.

use super::para::Para;
use super::words::WordOp;

/// How a paragraph changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Deleted,
    Moved,
    Renumbered,
    Changed,
    Split,
    Merged,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 7] = [
        ChangeKind::Added,
        ChangeKind::Deleted,
        ChangeKind::Moved,
        ChangeKind::Renumbered,
        ChangeKind::Changed,
        ChangeKind::Split,
        ChangeKind::Merged,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Deleted => "deleted",
            ChangeKind::Moved => "moved",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::Changed => "changed",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
        }
    }
}

/// One paragraph (or a split or merged pair) in reading order: the old
/// and new paragraphs as indices into [`Comparison::old`] and
/// [`Comparison::new`]; `kind` is `None` when nothing changed.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Option<ChangeKind>,
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    /// The words of the old text against the new (empty when the text is
    /// the same; one deletion or insertion for a deleted or added paragraph).
    pub words: Vec<WordOp>,
}

/// Two versions compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub old: Vec<Para>,
    pub new: Vec<Para>,
    /// The new text's paragraphs in order, with the deleted ones where they
    /// stood.
    pub entries: Vec<Entry>,
    /// The deadline passed: part of the alignment was paired along the
    /// diagonal.
    pub cut_short: bool,
}

impl Comparison {
    /// The entries that are changes.
    pub fn changes(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.kind.is_some())
    }

    /// How many changes of each kind, in the order of [`ChangeKind::ALL`].
    pub fn counts(&self) -> [usize; 7] {
        let mut c = [0; 7];
        for e in self.changes() {
            let k = e.kind.unwrap();
            c[ChangeKind::ALL.iter().position(|x| *x == k).unwrap()] += 1;
        }
        c
    }

    /// The texts are the same in substance.
    pub fn same(&self) -> bool {
        self.changes().next().is_none()
    }
}
