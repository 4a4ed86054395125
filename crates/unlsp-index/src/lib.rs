//! What a document can cite: the bundled catalogue, the workspace and the
//! reference folders (with their disk cache).

pub mod cache;
pub mod catalogue;
pub mod records;
pub mod reference;
pub mod titles;
pub mod workspace;
