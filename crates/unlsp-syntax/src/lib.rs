//! Text → tree. Pure: no rules, no I/O, no LSP. Parsing never fails; every byte of
//! the input belongs to a node or to whitespace between nodes.
//!
//! Pipeline: [`lexer`] cuts the text into line-local [`lexer::Block`]s (one pass,
//! context free, so an edit re-lexes only the lines it touches); [`assemble`] walks
//! the blocks with a small state machine and builds the [`tree::Tree`]; [`inline`]
//! finds citations, symbols, dates and footnote markers inside each paragraph.

pub mod assemble;
pub mod cjk;
pub mod dates;
pub mod document;
pub mod grammar;
pub mod inline;
pub mod label;
pub mod lang;
pub mod lexer;
pub mod lexicon;
pub mod numbers;
pub mod paragraph;
pub mod patterns;
pub mod symbols;
pub mod text;
pub mod tree;

pub use document::Document;
pub use lang::Lang;
pub use tree::{Citation, CitationKind, DocKind, Node, NodeKind, Tree};
