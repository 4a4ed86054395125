//! Word documents (.docx) read as an [`Extracted`](crate::extracted::Extracted)
//! document, and fixes of that text written back into the runs they touch.
//! The package is read with the `zip` crate, its XML with `roxmltree` (no
//! DTD, a bound on nodes and on decompressed size).

mod body;
mod builder;
mod numbering;
mod package;
mod read;
mod rewrite;
mod xml;

pub use read::read;
pub use rewrite::{TextEdit, apply};
