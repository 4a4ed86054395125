//! Reference folders: a drafter's own collection of earlier resolutions (any
//! official language), indexed like the workspace but read-only and cached on
//! disk ([`super::cache`]) so that a restart is instant.
//!
//! [`index_folder`] walks a folder, stats every document, reuses the cached
//! facts of files whose modification time and size did not change, parses the
//! new and changed ones on all cores, drops the deleted ones and writes the
//! cache back when anything changed. Document ids are absolute paths.

use crate::cache::{self, CachedFile};
use crate::workspace::{ActKey, ActSource, FileFacts, Target, WorkspaceIndex, is_document};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;
use unlsp_syntax::Document;

/// How to index.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where caches live; `None` indexes without reading or writing a cache.
    pub cache_dir: Option<PathBuf>,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// Parser threads (0: one per core).
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            cache_dir: cache::cache_dir(),
            max_file_size: 4 * 1024 * 1024,
            threads: 0,
        }
    }
}

/// What indexing one folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderStats {
    /// Documents found in the folder.
    pub files: usize,
    /// Taken from the cache unchanged.
    pub reused: usize,
    /// Read and parsed (new or changed).
    pub parsed: usize,
    /// In the cache but gone from the folder.
    pub removed: usize,
    /// Not readable as text, too large, or vanished while indexing.
    pub skipped: usize,
    /// A cache was found and usable.
    pub cache_loaded: bool,
    pub cache_written: bool,
    /// Why the cache could not be written, if it could not.
    pub cache_error: Option<String>,
}

/// Expand `~` and make `p` absolute against `root` (the project root).
pub fn resolve_folder(p: &str, root: Option<&Path>) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let path = if p == "~" {
        home().unwrap_or_else(|| PathBuf::from(p))
    } else if let Some(rest) = p.strip_prefix("~/") {
        match home() {
            Some(h) => h.join(rest),
            None => PathBuf::from(p),
        }
    } else {
        PathBuf::from(p)
    };
    if path.is_absolute() {
        path
    } else {
        match root {
            Some(r) => r.join(path),
            None => std::env::current_dir()
                .map(|d| d.join(&path))
                .unwrap_or(path),
        }
    }
}

fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Documents under `root` with their size and modification time (hidden
/// folders and ignored files skipped, as for the workspace).
fn walk(root: &Path) -> Vec<(String, PathBuf, u64, u64)> {
    let mut out = Vec::new();
    let walker = crate::workspace::document_walker(root);
    for e in walker.flatten() {
        if !e.file_type().is_some_and(|t| t.is_file()) || !is_document(e.path()) {
            continue;
        }
        let Ok(m) = e.metadata() else { continue };
        let p = e.path();
        let rel = p
            .strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        out.push((rel, p.to_path_buf(), m.len(), mtime_ns(&m)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The id of a document of a reference folder: its absolute path.
fn id_of(root: &Path, rel: &str) -> String {
    root.join(rel).to_string_lossy().into_owned()
}

/// Outcome of reading one file.
enum Parsed {
    Facts(FileFacts),
    /// Binary or not UTF-8: remembered as such.
    NotText,
    /// Gone or unreadable now: left out, retried next time.
    Vanished,
}

fn parse_file(path: &Path, id: String) -> Parsed {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => return Parsed::Vanished,
    };
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Parsed::NotText;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Parsed::NotText;
    };
    let doc = Document::new(&text);
    Parsed::Facts(FileFacts::from_tree(&id, doc.tree()))
}

/// Run `f` over `items` on a pool of `threads` threads; results in the
/// items' order (`None` for an item whose parse panicked).
fn parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: &(dyn Fn(&T) -> R + Sync),
) -> Vec<Option<R>> {
    use rayon::prelude::*;
    let run = || {
        items
            .par_iter()
            .map(|it| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(it))).ok())
            .collect()
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
    {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

/// Index one folder (see the module comment). `progress(done, total)` is
/// called from the parser threads as files are parsed.
pub fn index_folder(
    root: &Path,
    opts: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<FileFacts>, FolderStats) {
    let mut stats = FolderStats::default();
    let ids = |rel: &str| id_of(root, rel);
    let mut cached: HashMap<String, CachedFile> = opts
        .cache_dir
        .as_deref()
        .and_then(|d| cache::load(d, root, &ids))
        .map(|v| {
            stats.cache_loaded = true;
            v.into_iter().map(|c| (c.rel.clone(), c)).collect()
        })
        .unwrap_or_default();
    let found = walk(root);
    stats.files = found.len();
    let mut keep: Vec<CachedFile> = Vec::with_capacity(found.len());
    let mut todo: Vec<(String, PathBuf, u64, u64)> = Vec::new();
    for (rel, path, size, mtime) in found {
        if size > opts.max_file_size {
            stats.skipped += 1;
            cached.remove(&rel);
            continue;
        }
        match cached.remove(&rel) {
            Some(c) if c.size == size && c.mtime == mtime && mtime != 0 => {
                stats.reused += 1;
                keep.push(c);
            }
            _ => todo.push((rel, path, size, mtime)),
        }
    }
    stats.removed = cached.len();
    let total = todo.len();
    let done = AtomicUsize::new(0);
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        opts.threads
    };
    let parsed = parallel(&todo, threads, &|(rel, path, _, _)| {
        let r = parse_file(path, id_of(root, rel));
        let d = done.fetch_add(1, Ordering::Relaxed) + 1;
        if d.is_multiple_of(64) || d == total {
            progress(d, total);
        }
        r
    });
    let changed = total > 0 || stats.removed > 0 || !stats.cache_loaded;
    for ((rel, _, size, mtime), p) in todo.into_iter().zip(parsed) {
        let facts = match p.unwrap_or(Parsed::Vanished) {
            Parsed::Facts(f) => {
                stats.parsed += 1;
                Some(f)
            }
            Parsed::NotText => {
                stats.skipped += 1;
                None
            }
            Parsed::Vanished => {
                stats.skipped += 1;
                continue;
            }
        };
        keep.push(CachedFile {
            rel,
            mtime,
            size,
            facts,
        });
    }
    keep.sort_by(|a, b| a.rel.cmp(&b.rel));
    if changed && let Some(dir) = opts.cache_dir.as_deref() {
        match cache::store(dir, root, &keep) {
            Ok(()) => stats.cache_written = true,
            Err(e) => stats.cache_error = Some(format!("{}: {e}", dir.display())),
        }
    }
    let facts = keep.into_iter().filter_map(|c| c.facts).collect();
    (facts, stats)
}

/// The facts of every reference folder, looked up like the workspace.
#[derive(Debug, Default)]
pub struct ReferenceIndex {
    folders: Vec<PathBuf>,
    index: WorkspaceIndex,
}

impl ReferenceIndex {
    pub fn new() -> ReferenceIndex {
        ReferenceIndex::default()
    }

    /// Index `folders` in turn (a missing folder gives empty stats).
    /// `progress(folder, done, total)`.
    pub fn build(
        folders: &[PathBuf],
        opts: &Options,
        progress: &(dyn Fn(&Path, usize, usize) + Sync),
    ) -> (ReferenceIndex, Vec<FolderStats>) {
        let mut ix = ReferenceIndex {
            folders: folders.to_vec(),
            index: WorkspaceIndex::new(),
        };
        let mut all = Vec::new();
        for f in folders {
            if !f.is_dir() {
                all.push(FolderStats::default());
                continue;
            }
            let (facts, stats) = index_folder(f, opts, &|d, t| progress(f, d, t));
            for x in facts {
                ix.index.insert(x);
            }
            all.push(stats);
        }
        (ix, all)
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The facts, looked up by key, citation or prefix (ids are paths).
    pub fn index(&self) -> &WorkspaceIndex {
        &self.index
    }

    /// Every citation of `key` in the reference folders: (path, range).
    pub fn citations_of(&self, key: &ActKey) -> Vec<(PathBuf, Range<usize>)> {
        self.index
            .citations_of(key)
            .into_iter()
            .map(|(id, r)| (PathBuf::from(id), r))
            .collect()
    }
}

impl ActSource for ReferenceIndex {
    fn find_act(&self, key: &ActKey) -> Vec<Target> {
        self.index.find_act(key)
    }
}

/// The text of the first operative paragraph of the document at `path`
/// (read now, at most `max_bytes` of the file; whitespace collapsed).
pub fn first_operative_paragraph(path: &Path, max_bytes: u64) -> Option<String> {
    use std::io::Read;
    let f = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    f.take(max_bytes).read_to_end(&mut bytes).ok()?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        // cut inside a character at the cap
        Err(e) => {
            let n = e.utf8_error().valid_up_to();
            let mut b = e.into_bytes();
            b.truncate(n);
            String::from_utf8(b).ok()?
        }
    };
    first_operative_in(&Document::new(&text))
}

/// The first operative paragraph of a parsed document, without its number and
/// its sub-paragraphs.
pub fn first_operative_in(doc: &Document) -> Option<String> {
    use unlsp_syntax::tree::NodeKind;
    let t = doc.tree();
    let n = *t.nodes_of(NodeKind::Operative).first()?;
    let body = n.body_after_label(doc.text());
    let s = body.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}
