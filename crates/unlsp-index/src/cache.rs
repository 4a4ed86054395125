//! The on-disk cache of a reference folder's facts: one file per folder under
//! the cache directory. The image is a magic tag, a CRC-32 of the body and
//! the body in `postcard`'s compact serde format. Each entry keeps the file's
//! path relative to the folder, its modification time and size (what
//! invalidates it) and its facts — never its text.
//!
//! Reading is defensive: a missing, truncated, corrupt or other-version file
//! (the first format, a hand-rolled one, among them) reads as "no cache"
//! (`None`) and is rebuilt, never a panic; writing goes to a temporary file
//! renamed over the old one, so a reader never sees half a cache.

use crate::workspace::{ActKey, CitedAct, FileFacts};
use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unlsp_syntax::Lang;
use unlsp_syntax::tree::CitationKind;

const MAGIC: &[u8; 8] = b"UNLSPRF\0";
/// Bumped whenever the format or the facts a parse yields change (1: the
/// hand-rolled format; 2: postcard).
pub(crate) const VERSION: u32 = 2;
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

/// A folder's key in cache file names: FxHash, whose algorithm does not
/// change between runs.
fn folder_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
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
    dir.join(format!("ref-{name}-{:016x}.bin", folder_hash(&key)))
}

// ---------------------------------------------------------------- encoding

/// The body of a cache image.
#[derive(Serialize, Deserialize)]
struct Image<'a> {
    version: u32,
    build: Cow<'a, str>,
    folder: Cow<'a, str>,
    files: Vec<WireFile<'a>>,
}

#[derive(Serialize, Deserialize)]
struct WireFile<'a> {
    rel: Cow<'a, str>,
    mtime: u64,
    size: u64,
    facts: Option<WireFacts<'a>>,
}

/// [`FileFacts`] without what is derived on reading (the id, the citations'
/// keys).
#[derive(Serialize, Deserialize)]
struct WireFacts<'a> {
    symbol: Option<Cow<'a, str>>,
    number: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    organ: Option<Cow<'a, str>>,
    lang: Option<Cow<'a, str>>,
    self_range: Option<Range<usize>>,
    paragraphs: Vec<(Cow<'a, str>, Range<usize>)>,
    citations: Vec<(u8, Cow<'a, str>, Range<usize>)>,
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

fn borrowed(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

fn owned(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

impl<'a> WireFacts<'a> {
    fn of(f: &'a FileFacts) -> WireFacts<'a> {
        WireFacts {
            symbol: borrowed(&f.symbol),
            number: borrowed(&f.number),
            title: borrowed(&f.title),
            organ: borrowed(&f.organ),
            lang: f.lang.map(|l| Cow::Borrowed(l.code())),
            self_range: f.self_range.clone(),
            paragraphs: f
                .paragraphs
                .iter()
                .map(|(l, r)| (Cow::Borrowed(l.as_str()), r.clone()))
                .collect(),
            citations: f
                .citations
                .iter()
                .map(|c| {
                    (
                        kind_code(c.kind),
                        Cow::Borrowed(c.target.as_str()),
                        c.range.clone(),
                    )
                })
                .collect(),
        }
    }

    fn facts(self, id: String) -> Option<FileFacts> {
        let lang = match self.lang {
            Some(c) => Some(Lang::from_code(&c)?),
            None => None,
        };
        let citations = self
            .citations
            .into_iter()
            .map(|(kind, target, range)| {
                Some(CitedAct {
                    key: ActKey::new(&target),
                    kind: kind_of(kind)?,
                    target: target.into_owned(),
                    range,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(FileFacts {
            id,
            symbol: owned(self.symbol),
            number: owned(self.number),
            title: owned(self.title),
            organ: owned(self.organ),
            lang,
            self_range: self.self_range,
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(|(l, r)| (l.into_owned(), r))
                .collect(),
            citations,
        })
    }
}

/// The cache image of `folder`'s files. Facts ids are not stored: they are
/// the folder joined with `rel` (see [`decode`]).
pub fn encode(folder: &Path, files: &[CachedFile]) -> Vec<u8> {
    let image = Image {
        version: VERSION,
        build: Cow::Borrowed(BUILD),
        folder: folder.to_string_lossy(),
        files: files
            .iter()
            .map(|f| WireFile {
                rel: Cow::Borrowed(&f.rel),
                mtime: f.mtime,
                size: f.size,
                facts: f.facts.as_ref().map(WireFacts::of),
            })
            .collect(),
    };
    let body = postcard::to_allocvec(&image).expect("facts always serialise");
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Read a cache image; `None` when it is not a cache of this version for
/// `folder` or is damaged anywhere. `id_of` turns a relative path into the
/// document id the index uses.
pub fn decode(
    bytes: &[u8],
    folder: &Path,
    id_of: &dyn Fn(&str) -> String,
) -> Option<Vec<CachedFile>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (crc, body) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*crc) != crc32fast::hash(body) {
        return None;
    }
    let (image, left): (Image, _) = postcard::take_from_bytes(body).ok()?;
    if !left.is_empty()
        || image.version != VERSION
        || image.build != BUILD
        || image.folder != folder.to_string_lossy()
    {
        return None;
    }
    image
        .files
        .into_iter()
        .map(|f| {
            let facts = match f.facts {
                Some(w) => Some(w.facts(id_of(&f.rel))?),
                None => None,
            };
            Some(CachedFile {
                rel: f.rel.into_owned(),
                mtime: f.mtime,
                size: f.size,
                facts,
            })
        })
        .collect()
}

/// Load the cache of `folder` from `dir`; `None` when absent or unusable.
pub fn load(dir: &Path, folder: &Path, id_of: &dyn Fn(&str) -> String) -> Option<Vec<CachedFile>> {
    let bytes = std::fs::read(cache_file(dir, folder)).ok()?;
    decode(&bytes, folder, id_of)
}

/// Write the cache of `folder` atomically (a temporary file in the cache
/// directory, then a rename over the old one).
pub fn store(dir: &Path, folder: &Path, files: &[CachedFile]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".ref-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(&encode(folder, files))?;
    tmp.as_file().sync_all()?;
    tmp.persist(cache_file(dir, folder)).map_err(|e| e.error)?;
    Ok(())
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
        // any flipped byte of the body: the checksum refuses it
        for i in (12..bytes.len()).step_by(3) {
            let mut v = bytes.clone();
            v[i] ^= 0x20;
            assert!(decode(&v, folder, &id_of).is_none(), "byte {i}");
        }
    }

    /// A cache of the first, hand-rolled format (magic, version 1 as a
    /// little-endian u32, then length-prefixed fields) is not read: the
    /// folder is indexed again and the cache rewritten in this format.
    #[test]
    fn a_first_format_cache_is_not_read() {
        let mut old = MAGIC.to_vec();
        old.extend_from_slice(&1u32.to_le_bytes());
        for s in [BUILD, "/r"] {
            old.extend_from_slice(&(s.len() as u32).to_le_bytes());
            old.extend_from_slice(s.as_bytes());
        }
        old.extend_from_slice(&0u32.to_le_bytes());
        assert!(decode(&old, Path::new("/r"), &|r: &str| r.to_string()).is_none());
    }
}
