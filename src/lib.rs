//! unlsp: a parser, linter and language server for United Nations resolutions.
//!
//! This package is the `unlsp` binary and its command line ([`cli`]), over
//! the workspace's layer crates (see `ARCHITECTURE.md`): `unlsp-syntax` turns
//! text into a position-exact tree and never fails; `unlsp-index` knows the
//! resolutions a document can cite; `unlsp-analysis` runs the drafting
//! rules, reads the project configuration and formats; `unlsp-server` is the
//! language server, the only crate that knows LSP. [`conformance`] measures
//! the parser against the UN's own markup for the report binaries and tests.

pub mod cli;
pub mod conformance;
pub mod synthetic;
