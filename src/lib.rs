//! unlsp: a parser, linter and language server for United Nations resolutions.
//!
//! Layers (see `ARCHITECTURE.md`): [`syntax`] turns text into a position-exact
//! tree and never fails; [`analysis`] runs the drafting rules over that tree;
//! [`index`] knows the resolutions a document can cite; [`cli`] and [`server`]
//! are the two front ends. Only `server` knows LSP types.

pub mod analysis;
pub mod cli;
pub mod conformance;
pub mod index;
pub mod project;
pub mod server;
pub mod syntax;
