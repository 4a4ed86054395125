//! Where the shared corpus is, for tests, benches and report binaries.
//!
//! The corpus (`../shared`, beside the checkout) is found from the workspace
//! root, never from the calling crate's manifest directory, so a test moves
//! between crates without quietly losing its data. A bare clone has no
//! corpus: tests then skip what needs real text, except under `CI=true`,
//! where a missing corpus fails the run instead of leaving it green and
//! testing nothing.

use std::path::{Path, PathBuf};

/// The workspace root (the repository).
pub fn workspace_root() -> PathBuf {
    // this crate lives at `crates/unlsp-corpus`
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

/// `../shared` beside the checkout, or `UNLSP_SHARED` when set. Under
/// `CI=true` a root without its corpus panics: every test that reads the
/// corpus comes through here, so none can pass by skipping.
pub fn shared_root() -> PathBuf {
    let root = match std::env::var_os("UNLSP_SHARED") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("../shared"),
    };
    if let Err(e) = usable(&root, in_ci()) {
        panic!("{e}");
    }
    root
}

/// A shared root without its corpus is an error in CI only.
fn usable(root: &Path, ci: bool) -> Result<(), String> {
    if ci && !root.join("corpus").is_dir() {
        return Err(format!(
            "{} has no corpus and CI=true: the corpus tests would pass without testing anything",
            root.display()
        ));
    }
    Ok(())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A folder of the shared data (`corpus/texts/en`, `seeds`, …), or `None`
/// when it is not there. Under `CI=true` a missing folder panics: CI must
/// test against the corpus, not skip it.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let p = shared_root().join(sub);
    if p.exists() {
        return Some(p);
    }
    if in_ci() {
        panic!(
            "{} is missing and CI=true: the corpus tests would pass without testing anything",
            p.display()
        );
    }
    eprintln!("{} not found; skipped", p.display());
    None
}

/// A path inside the repository (`tests/fixtures/…`, `examples/…`).
pub fn repo(sub: &str) -> PathBuf {
    workspace_root().join(sub)
}

/// The texts under `dir` (`.txt`, `.md`, `.unres`), recursively, in path
/// order.
pub fn texts_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for p in rd.flatten().map(|e| e.path()) {
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "unres")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_root_holds_the_root_manifest() {
        let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"), "{manifest}");
    }

    #[test]
    fn a_missing_corpus_fails_in_ci_only() {
        let nowhere = Path::new("/nonexistent/shared");
        assert!(usable(nowhere, false).is_ok());
        let e = usable(nowhere, true).unwrap_err();
        assert!(e.contains("CI=true"), "{e}");
        let dir = tempdir();
        std::fs::create_dir_all(dir.join("corpus")).unwrap();
        assert!(usable(&dir, true).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn texts_are_found_recursively_in_order() {
        let dir = tempdir();
        std::fs::create_dir_all(dir.join("b")).unwrap();
        for f in ["b/2.txt", "a.md", "b/1.unres", "c.pdf"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let got: Vec<String> = texts_under(&dir)
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(got, ["a.md", "b/1.unres", "b/2.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempdir() -> PathBuf {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let d = std::env::temp_dir().join(format!("unlsp-corpus-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
