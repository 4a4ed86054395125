//! The language server (its own issue). Only this module knows LSP types.
