//! Shared by the corpus-wide tests (`calibration`, `lint_incremental`), each
//! including it with `#[path = "corpus_support.rs"] mod corpus_support;`.

use std::path::{Path, PathBuf};

/// The repository's root.
#[allow(dead_code)]
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The drafts under `dir` (`.txt`, `.md`, `.unres`), recursively, sorted.
#[allow(dead_code)]
pub fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(unlsp_corpus::texts_under(dir));
}

/// Run `f` over the files on every core, results in the files' order.
pub fn par_map<T: Send>(files: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    files.par_iter().map(|p| f(p)).collect()
}
