//! A file's bytes as text: binary files and invalid UTF-8 are told apart
//! from text, never read as text.

use std::path::Path;

pub(super) enum Read {
    Text(String),
    /// A document read out of another format (Word, PDF).
    Document(Box<unlsp_formats::Extracted>),
    /// The text of the UN's AKN XML, and the structure its markup gives it.
    Marked(String, Box<unlsp_analysis::SourceMarkup>),
    Binary,
    Invalid(String),
    Io(String),
}

pub(super) fn read(path: &Path) -> Read {
    if crate::cli::akn_in::is_akn(path) {
        return match crate::cli::akn_in::read_marked(path) {
            Ok((t, m)) => Read::Marked(t, Box::new(m)),
            Err(e) => Read::Invalid(e),
        };
    }
    if let Some(x) = crate::cli::arguments::read_extracted(path) {
        return match x {
            Ok(x) => Read::Document(Box::new(x)),
            Err(e) => Read::Invalid(e),
        };
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Read::Io(format!("{}: {e}", path.display())),
    };
    decode(&bytes, &path.display().to_string())
}

pub(super) fn decode(bytes: &[u8], name: &str) -> Read {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Read::Binary;
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Read::Text(s),
        Err(e) => Read::Invalid(format!(
            "{name}: invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )),
    }
}
