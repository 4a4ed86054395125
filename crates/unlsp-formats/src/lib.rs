//! Other formats of a document, from its text and its tree: text in, text
//! out, no file access. [`akn`] writes Akoma Ntoso 3.0 in the UN's AKN4UN
//! profile.

pub mod akn;
pub mod pdf;
