//! Blocks → tree. One pass over the blocks with a small state machine (zone,
//! expected paragraph number, footnote zone); the decisions that need context
//! live here, not in the lexer. Cheap: linear in the number of blocks, not bytes.
//!
//! [`builder`] holds the walk's state and the nodes it opens; each kind of
//! block has its file ([`block`], [`numbered`], [`leads`]), [`lookahead`] what
//! a decision reads around a block, [`conclude`] the tree made of the walk's
//! nodes, [`resume`] the incremental walk after an edit.

mod block;
mod builder;
mod conclude;
mod converge;
mod leads;
mod lookahead;
mod numbered;
mod resume;
mod shift;
mod text;

pub(crate) use resume::{AsmMemo, EditSpan, assemble_with_memo, reassemble};
pub(crate) use shift::Shift;
pub(crate) use text::terminal_mark;
pub use text::{join_broken_words, join_wrapped};
