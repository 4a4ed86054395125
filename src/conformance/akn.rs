//! The UN's AKN4UN files of the corpus (`.xml.gz`) read from disk into the
//! model of `unlsp_formats::akn::read`.

use std::io::Read;
use std::path::Path;
use unlsp_formats::akn::read::{Resolution, parse};

/// Read a `.xml.gz` file.
pub fn read_gz(path: &Path) -> Result<Resolution, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut xml = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut xml)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&xml).map_err(|e| format!("{}: {e}", path.display()))
}
