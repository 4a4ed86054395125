//! One file per LSP request or notification. A request handler takes a
//! read-only [`Snapshot`](crate::snapshot::Snapshot) of its document,
//! converts positions at the edge (`convert`), asks the syntax, analysis and
//! index layers plain-Rust questions and converts the answer back; those that
//! read other documents from disk run on a blocking thread. Notification
//! handlers change the state, applying edits before their first `.await`.

pub(crate) mod code_action;
pub(crate) mod common;
pub(crate) mod completion;
pub(crate) mod definition;
pub(crate) mod diagnostic;
pub(crate) mod did_change;
pub(crate) mod did_change_configuration;
pub(crate) mod did_change_watched_files;
pub(crate) mod did_close;
pub(crate) mod did_open;
pub(crate) mod document_link;
pub(crate) mod document_symbol;
pub(crate) mod execute_command;
pub(crate) mod folding_range;
pub(crate) mod formatting;
pub(crate) mod hover;
pub(crate) mod initialize;
pub(crate) mod initialized;
pub(crate) mod inlay_hint;
pub(crate) mod prepare_rename;
pub(crate) mod references;
pub(crate) mod rename;
pub(crate) mod selection_range;
pub(crate) mod semantic_tokens;
pub(crate) mod semantic_tokens_delta;
pub(crate) mod semantic_tokens_full;
pub(crate) mod semantic_tokens_range;
pub(crate) mod workspace_symbol;
