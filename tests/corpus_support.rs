//! Shared by the corpus-wide tests (`calibration`, `lint_incremental`), each
//! including it with `#[path = "corpus_support.rs"] mod corpus_support;`.

use std::path::{Path, PathBuf};

/// Run `f` over the files on every core.
pub fn par_map<T: Send>(files: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    let n = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    let chunk = files.len().div_ceil(n).max(1);
    std::thread::scope(|s| {
        let hs: Vec<_> = files
            .chunks(chunk)
            .map(|c| {
                let f = &f;
                s.spawn(move || c.iter().map(|p| f(p)).collect::<Vec<T>>())
            })
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}
