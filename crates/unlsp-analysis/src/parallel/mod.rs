//! Language versions of one document side by side: align two parsed trees
//! by structure and report where they do not say the same thing.
//!
//! Alignment: sections and annexes in order; preambular paragraphs in order and
//! operative paragraphs by number, both with a sequence alignment whose score
//! rewards the same label, lead phrases with the same English gloss
//! (`grammar/*.tsv`), shared citations and numbers and a similar share of the
//! text, so that one dropped or added paragraph does not shift every pair after
//! it; sub-paragraphs by label (`(b)`, `б)`, `(ب)` are the same label); footnotes
//! by number. Citations, dates and document symbols are compared in their
//! normalised forms (`61/100`, `2231 (2015)`, ISO dates), which do not depend on
//! the language. Pure: trees in, differences with byte ranges out.

mod align;
mod bitext;
mod codes;
mod compare;
mod difference;
mod facts;
mod figures;
mod scope;
mod segment;
mod units;
mod version;

pub use bitext::{BitextPart, split_bitext};
pub use codes::DiffKind;
pub use compare::{compare, compare_pair, compare_pair_with};
pub use difference::{Difference, Place, configured};
pub use figures::{cited_acts, counts};
pub use segment::segment_class;
pub use version::Version;
