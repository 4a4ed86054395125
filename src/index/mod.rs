//! What a document can cite: the bundled catalogue and the workspace.

pub mod catalogue;
pub mod workspace;
