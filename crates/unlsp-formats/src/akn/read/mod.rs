//! The UN's own AKN4UN markup read into a plain model of a resolution: what a
//! reader counts (preambular paragraphs, numbered paragraphs, points,
//! footnotes, cited resolutions, leads) and the content from which a text can
//! be rendered again. Only the elements AKN4UN uses for resolutions are read;
//! anything else contributes its text. XML text in, no file access; a DTD is
//! refused (roxmltree's default), so no entity is ever expanded.

mod elements;
mod model;
mod repair;
mod text;

pub use elements::parse;
pub use model::{Block, Piece, Point, Quirk, Resolution};
pub use text::{plain, resolution_target, squeeze};

#[cfg(test)]
mod tests;
