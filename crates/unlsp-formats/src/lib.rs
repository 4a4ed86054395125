//! Other formats of a document: [`akn`] writes Akoma Ntoso 3.0 in the UN's
//! AKN4UN profile from a text and its tree, and reads the UN's own AKN4UN XML
//! ([`akn::read`]); [`docx`] and [`pdf`] read Word documents and PDFs as an
//! [`Extracted`] document (text, map back to the source, footnotes, tracked
//! changes), which [`convert`] writes as plain text or Markdown. Bytes and
//! text in and out, no file access.

pub mod akn;
pub mod convert;
pub mod docx;
pub mod extracted;
pub mod pdf;

pub use extracted::Extracted;
