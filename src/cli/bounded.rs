//! A file read whole, within a size bound: the Word and PDF readers take
//! their input as bytes.

/// The bytes of a file of at most `limit` bytes (a Word or PDF document);
/// the error names the file.
pub(super) fn read(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {e}"))?;
    if meta.len() > limit {
        return Err(format!("{name}: larger than {} MB: not read", limit >> 20));
    }
    std::fs::read(path).map_err(|e| format!("{name}: {e}"))
}
