//! Two versions of one document compared paragraph by paragraph: what was
//! added, deleted, moved, renumbered, changed, split or merged, and within a
//! changed paragraph the words (by character in Chinese and Japanese).
//! The title, section headings and footnotes are compared too (kinds
//! `title`, `section`, `footnote`); wrapped lines, page furniture, footnote
//! markers and where a footnote stands are not. Pure: texts and trees in,
//! entries with byte ranges out.

mod change;
mod compare;
mod para;
mod words;

pub use change::{ChangeKind, Comparison, Entry};
pub use compare::{GROUP, MOVE, PAIR, compare_paragraphs, compare_versions};
pub use para::{Para, footnotes, paragraphs};
pub use words::{Op, WordOp, word_diff, words_changed};

use crate::align::Work;
use unlsp_syntax::tree::Tree;

/// Compares two versions, each a text and its tree.
pub fn compare(old: (&str, &Tree), new: (&str, &Tree), work: &mut Work) -> Comparison {
    compare_versions(
        (paragraphs(old.0, old.1), paragraphs(new.0, new.1)),
        (footnotes(old.0, old.1), footnotes(new.0, new.1)),
        work,
    )
}

#[cfg(test)]
mod tests;
