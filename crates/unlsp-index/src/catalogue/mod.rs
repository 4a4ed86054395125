//! The bundled catalogue of General Assembly / Security Council resolutions and GA decisions.
//!
//! Data: `grammar/catalogue.tsv.gz`, built by `scripts/build_catalogue.py` from the shared corpus
//! (format and coverage in `grammar/CATALOGUE.md`). It is embedded in the binary and decompressed
//! and parsed lazily on the first call to [`catalogue()`] into a compact form (one string arena,
//! fixed-size records, sorted index arrays: see [`Catalogue`]); lookups are binary searches.
//!
//! Pure: no I/O, no LSP types. Fields a source does not give are `None` (never guessed).

mod entry;
mod merge;
mod query;
mod store;

pub use entry::{ActKind, Entry, Organ, Vote};
pub use merge::Merged;
pub use query::natural_key;
pub use store::{Catalogue, bundled, catalogue, embedded_size, source_name};
pub(crate) use store::{gunzip, set_active};

#[cfg(test)]
mod tests;
