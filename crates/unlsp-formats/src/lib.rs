//! Other formats of a document, in and out, with no file access: [`akn`]
//! writes Akoma Ntoso 3.0 in the UN's AKN4UN profile from the text and its
//! tree; [`pdf`] reads a PDF's bytes into the text of its paragraphs and
//! footnotes.

pub mod akn;
pub mod pdf;
