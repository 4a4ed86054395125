//! The on-disk cache of a reference folder's facts: one file per folder under
//! the cache directory, a small hand-rolled binary format (length-prefixed
//! fields, little-endian integers). Each entry keeps the file's path relative
//! to the folder, its modification time and size (what invalidates it) and
//! its facts — never its text.
//!
//! Reading is defensive: a missing, truncated, corrupt or other-version file
//! reads as "no cache" (`None`), never a panic; writing goes to a temporary
//! file renamed over the old one, so a reader never sees half a cache.

use crate::workspace::{ActKey, CitedAct, FileFacts};
use std::io::Write;
use std::path::{Path, PathBuf};
use unlsp_syntax::Lang;
use unlsp_syntax::tree::CitationKind;

const MAGIC: &[u8; 8] = b"UNLSPRF\0";
/// Bumped whenever the format or the facts a parse yields change.
pub const VERSION: u32 = 1;
/// The package version: another release may parse differently, so its
/// caches are not trusted.
const BUILD: &str = env!("CARGO_PKG_VERSION");

/// One file of a folder as cached.
#[derive(Debug, Clone)]
pub struct CachedFile {
    /// Relative to the folder, `/`-separated.
    pub rel: String,
    /// Nanoseconds since the Unix epoch (0 when unknown).
    pub mtime: u64,
    pub size: u64,
    /// `None` for a file that is not a readable text document (binary,
    /// non-UTF-8): remembered so that it is not read again.
    pub facts: Option<FileFacts>,
}

/// The cache directory: `$UNLSP_CACHE_DIR`, else `$XDG_CACHE_HOME/unlsp`, else
/// `~/.cache/unlsp`.
pub fn cache_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = env("UNLSP_CACHE_DIR") {
        return Some(d);
    }
    if let Some(d) = env("XDG_CACHE_HOME") {
        return Some(d.join("unlsp"));
    }
    env("HOME").map(|h| h.join(".cache").join("unlsp"))
}

/// FNV-1a, stable across builds (the cache file name of a folder).
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The cache file of `folder` (an absolute path) inside `dir`.
pub fn cache_file(dir: &Path, folder: &Path) -> PathBuf {
    let key = folder.to_string_lossy();
    let name = folder
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .take(32)
                .collect::<String>()
        })
        .unwrap_or_default();
    dir.join(format!("ref-{name}-{:016x}.bin", fnv(&key)))
}

// ---------------------------------------------------------------- encoding

struct Enc(Vec<u8>);

impl Enc {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    fn range(&mut self, r: &std::ops::Range<usize>) {
        self.u32(r.start as u32);
        self.u32(r.end as u32);
    }
}

struct Dec<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Dec<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.b.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count, checked against what is left so that a corrupt length cannot
    /// make us allocate gigabytes.
    fn count(&mut self, min_item: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.saturating_mul(min_item) <= self.b.len() - self.at).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.count(1)?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    fn range(&mut self) -> Option<std::ops::Range<usize>> {
        let a = self.u32()? as usize;
        let b = self.u32()? as usize;
        (a <= b).then_some(a..b)
    }
}

fn kind_code(k: CitationKind) -> u8 {
    match k {
        CitationKind::Resolution => 0,
        CitationKind::Decision => 1,
        CitationKind::Document => 2,
    }
}

fn kind_of(c: u8) -> Option<CitationKind> {
    Some(match c {
        0 => CitationKind::Resolution,
        1 => CitationKind::Decision,
        2 => CitationKind::Document,
        _ => return None,
    })
}

fn put_facts(e: &mut Enc, f: &FileFacts) {
    e.opt_str(&f.symbol);
    e.opt_str(&f.number);
    e.opt_str(&f.title);
    e.opt_str(&f.organ);
    e.opt_str(&f.lang.map(|l| l.code().to_string()));
    match &f.self_range {
        Some(r) => {
            e.u8(1);
            e.range(r);
        }
        None => e.u8(0),
    }
    e.len(f.paragraphs.len());
    for (l, r) in &f.paragraphs {
        e.str(l);
        e.range(r);
    }
    e.len(f.citations.len());
    for c in &f.citations {
        e.u8(kind_code(c.kind));
        e.str(&c.target);
        e.range(&c.range);
    }
}

fn get_facts(d: &mut Dec, id: String) -> Option<FileFacts> {
    let symbol = d.opt_str()?;
    let number = d.opt_str()?;
    let title = d.opt_str()?;
    let organ = d.opt_str()?;
    let lang = match d.opt_str()? {
        Some(c) => Some(Lang::from_code(&c)?),
        None => None,
    };
    let self_range = match d.u8()? {
        0 => None,
        1 => Some(d.range()?),
        _ => return None,
    };
    let n = d.count(12)?;
    let mut paragraphs = Vec::with_capacity(n);
    for _ in 0..n {
        paragraphs.push((d.str()?, d.range()?));
    }
    let n = d.count(13)?;
    let mut citations = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = kind_of(d.u8()?)?;
        let target = d.str()?;
        let range = d.range()?;
        citations.push(CitedAct {
            key: ActKey::new(&target),
            kind,
            target,
            range,
        });
    }
    Some(FileFacts {
        id,
        symbol,
        number,
        title,
        organ,
        lang,
        self_range,
        paragraphs,
        citations,
    })
}

/// The cache image of `folder`'s files. Facts ids are not stored: they are
/// the folder joined with `rel` (see [`decode`]).
pub fn encode(folder: &Path, files: &[CachedFile]) -> Vec<u8> {
    let mut e = Enc(Vec::with_capacity(64 + files.len() * 512));
    e.0.extend_from_slice(MAGIC);
    e.u32(VERSION);
    e.str(BUILD);
    e.str(&folder.to_string_lossy());
    e.len(files.len());
    for f in files {
        e.str(&f.rel);
        e.u64(f.mtime);
        e.u64(f.size);
        match &f.facts {
            Some(facts) => {
                e.u8(1);
                put_facts(&mut e, facts);
            }
            None => e.u8(0),
        }
    }
    e.0
}

/// Read a cache image; `None` when it is not a cache of this version for
/// `folder` or is damaged anywhere. `id_of` turns a relative path into the
/// document id the index uses.
pub fn decode(
    bytes: &[u8],
    folder: &Path,
    id_of: &dyn Fn(&str) -> String,
) -> Option<Vec<CachedFile>> {
    let mut d = Dec { b: bytes, at: 0 };
    if d.take(MAGIC.len())? != MAGIC || d.u32()? != VERSION || d.str()? != BUILD {
        return None;
    }
    if d.str()? != folder.to_string_lossy() {
        return None;
    }
    let n = d.count(21)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let rel = d.str()?;
        let mtime = d.u64()?;
        let size = d.u64()?;
        let facts = match d.u8()? {
            0 => None,
            1 => Some(get_facts(&mut d, id_of(&rel))?),
            _ => return None,
        };
        out.push(CachedFile {
            rel,
            mtime,
            size,
            facts,
        });
    }
    (d.at == bytes.len()).then_some(out)
}

/// Load the cache of `folder` from `dir`; `None` when absent or unusable.
pub fn load(dir: &Path, folder: &Path, id_of: &dyn Fn(&str) -> String) -> Option<Vec<CachedFile>> {
    let bytes = std::fs::read(cache_file(dir, folder)).ok()?;
    decode(&bytes, folder, id_of)
}

/// Write the cache of `folder` atomically (a temporary file, then a rename).
pub fn store(dir: &Path, folder: &Path, files: &[CachedFile]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let target = cache_file(dir, folder);
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&encode(folder, files))?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    let r = write();
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use unlsp_syntax::Document;

    #[test]
    fn round_trip_and_damage() {
        let doc = Document::new(
            "61/100. Convention\n\nThe General Assembly,\n\nRecalling its resolution 60/93 of 8 December 2005,\n\n1. Calls upon all States to act;\n\n2. Decides to remain seized of the matter.\n",
        );
        let facts = FileFacts::from_tree("/r/a.txt", doc.tree());
        let files = vec![
            CachedFile {
                rel: "a.txt".into(),
                mtime: 17,
                size: 99,
                facts: Some(facts.clone()),
            },
            CachedFile {
                rel: "bin.txt".into(),
                mtime: 1,
                size: 2,
                facts: None,
            },
        ];
        let folder = Path::new("/r");
        let bytes = encode(folder, &files);
        let id_of = |rel: &str| format!("/r/{rel}");
        let back = decode(&bytes, folder, &id_of).unwrap();
        assert_eq!(back.len(), 2);
        let f = back[0].facts.as_ref().unwrap();
        assert_eq!(f.id, "/r/a.txt");
        assert_eq!(f.number, facts.number);
        assert_eq!(f.citations, facts.citations);
        assert_eq!(f.paragraphs, facts.paragraphs);
        assert!(back[1].facts.is_none());
        // another folder, every truncation, a flipped version: no cache
        assert!(decode(&bytes, Path::new("/s"), &id_of).is_none());
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n], folder, &id_of).is_none());
        }
        let mut v = bytes.clone();
        v[8] ^= 0xff;
        assert!(decode(&v, folder, &id_of).is_none());
    }
}
