//! The files a `check` reads: the paths given, folders walked (symbolic
//! links followed, each real folder once), `unlsp.toml`'s `exclude` applied.

use std::path::{Path, PathBuf};
use unlsp_analysis::project::ProjectConfig;

/// The files a `check` reads, and what it says about the paths.
#[derive(Default)]
pub struct Collected {
    /// Every checkable regular file, sorted, each real file once.
    pub files: Vec<PathBuf>,
    /// Paths that cannot be read (exit 2).
    pub errors: Vec<String>,
    /// Paths passed over (a FIFO, a socket, a device), each with its reason.
    pub notes: Vec<String>,
}

/// Every checkable file under the paths, sorted (`.txt`, `.md`, `.unres`,
/// `.docx`; never a PDF: a published PDF is not a draft);
/// only regular files: reading a FIFO would wait for a writer for ever.
pub fn collect_files(paths: &[PathBuf], project: &ProjectConfig, root: &Path) -> Collected {
    let mut c = Collected::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut c),
            Ok(m) => c.add_file(p.clone(), &m),
            Err(_) => c
                .errors
                .push(format!("{}: no such file or directory", p.display())),
        }
    }
    c.files.retain(|f| !project.is_excluded(&relative(f, root)));
    c.files.sort();
    // one report per real file, however many paths lead to it
    let mut real = std::collections::HashSet::new();
    c.files
        .retain(|f| real.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    c
}

impl Collected {
    pub(super) fn add_file(&mut self, p: PathBuf, meta: &std::fs::Metadata) {
        if meta.is_file() {
            self.files.push(p);
        } else {
            self.notes.push(format!(
                "note: {}: not a regular file, skipped",
                p.display()
            ));
        }
    }
}

/// `f` as `unlsp.toml`'s `exclude` patterns see it: relative to the project
/// root, with `/` separators, however it was named (`.`, `./dir`, absolute).
fn relative(f: &Path, root: &Path) -> String {
    let abs = normalise(&std::env::current_dir().unwrap_or_default().join(f));
    let rel = match abs.strip_prefix(root) {
        Ok(r) => r.to_path_buf(),
        // through a symlinked folder: the real file under the root
        Err(_) => std::fs::canonicalize(f)
            .ok()
            .and_then(|r| r.strip_prefix(root).ok().map(Path::to_path_buf))
            .unwrap_or(abs),
    };
    rel.to_string_lossy().replace('\\', "/")
}

/// `path` without `.` components and with `..` applied to what precedes it,
/// without touching the file system (a symlink stays as named).
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The checkable files under `dir`: hidden entries, `node_modules` and
/// `target` left out; symbolic links followed, a loop walked once; a
/// dangling link with a draft's name reported.
fn walk(dir: &Path, c: &mut Collected) {
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .hidden(true)
        .follow_links(true)
        .max_depth(Some(64))
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            n != "node_modules" && n != "target"
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.depth() > 0 && e.file_type().is_some_and(|t| !t.is_dir()) => {
                let p = e.into_path();
                match std::fs::metadata(&p) {
                    Ok(meta) if is_checkable(&p) => c.add_file(p, &meta),
                    Err(e) if is_checkable(&p) => c.errors.push(format!("{}: {e}", p.display())),
                    _ => {}
                }
            }
            Ok(_) => {}
            // a folder reached again through a link: walked once already
            Err(ignore::Error::Loop { .. }) => {}
            Err(e) => report(c, e),
        }
    }
}

/// A walk error: an unreadable folder, or a link to nothing with a draft's
/// name (other dangling links are not drafts and say nothing).
fn report(c: &mut Collected, e: ignore::Error) {
    let path = match &e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => match err.as_ref() {
            ignore::Error::WithPath { path, .. } => Some(path.clone()),
            _ => None,
        },
        _ => None,
    };
    let dangling = path.as_deref().is_some_and(|p| {
        p.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
    });
    if dangling && !path.as_deref().is_some_and(is_checkable) {
        return;
    }
    let err = match &e {
        ignore::Error::WithDepth { err, .. } => err.to_string(),
        other => other.to_string(),
    };
    c.errors.push(err);
}

pub fn is_checkable(p: &Path) -> bool {
    let n = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    n.ends_with(".txt")
        || n.ends_with(".md")
        || n.ends_with(".unres")
        // Word's lock file beside an open document (`~$draft.docx`) is no draft
        || (crate::cli::docx_in::is_docx(p) && !n.starts_with("~$"))
}
