//! The input of a comparison: one language version of a document.

use unlsp_syntax::tree::Tree;

/// One language version: its text and its tree.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    /// Used in messages: the language code, or a file name when two versions
    /// share a language.
    pub name: &'a str,
    pub text: &'a str,
    pub tree: &'a Tree,
}
