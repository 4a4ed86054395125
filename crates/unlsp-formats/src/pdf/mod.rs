//! PDF in: the text of a published resolution or draft in reading order,
//! with its page furniture left out, its footnotes from the page feet and
//! its italic leads, read through the structure tree of a tagged PDF.

mod assemble;
mod content;
mod error;
mod extract;
mod fonts;
mod lines;
mod model;
mod read;
mod structure;

pub use error::PdfError;
pub use model::{PdfFootnote, PdfParagraph, PdfText};
pub use read::read;
