//! The resolutions of the workspace: what each file is (its symbol, number and
//! title) and what it cites, so that a citation can be followed to the document
//! that is the cited act and every citation of an act can be found.
//!
//! Plain Rust: keys are document ids chosen by the caller (the server uses URIs,
//! a reference folder would use paths), ranges are byte offsets into that
//! document's text. Reading files is the caller's business, apart from
//! [`scan`], which lists the candidate files of a folder.
//!
//! Lookups go through [`ActKey`], the normalised name of an act, so that other
//! sources (reference folders, the bundled catalogue) can answer the same
//! question: see [`ActSource`].

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unlsp_syntax::tree::{CitationKind, NodeKind, Tree};

/// Normalised name of an act or document: `61/100`, `56/24V`, `2231(2015)`,
/// `A/62/395` — upper case, spaces removed, `A/RES/`, `S/RES/` and `A/DEC/`
/// prefixes removed so that a symbol and a number meet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActKey(pub String);

impl ActKey {
    pub fn new(s: &str) -> ActKey {
        let mut k: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        for p in ["A/RES/", "S/RES/", "A/DEC/"] {
            if let Some(rest) = k.strip_prefix(p) {
                k = rest.to_string();
                break;
            }
        }
        // `62/57.` on a title line
        while k.ends_with('.') {
            k.pop();
        }
        ActKey(k)
    }

    /// An SC number without its year (`2231(2015)` → `2231`), to match a
    /// document that gives only one of the two forms.
    pub fn without_year(&self) -> Option<ActKey> {
        let s = &self.0;
        let open = s.find('(')?;
        let (n, y) = (&s[..open], &s[open + 1..]);
        if y.trim_end_matches(')').chars().all(|c| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_digit())
        {
            Some(ActKey(n.to_string()))
        } else {
            None
        }
    }
}

/// One citation inside a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedAct {
    pub key: ActKey,
    pub kind: CitationKind,
    /// As written.
    pub target: String,
    pub range: Range<usize>,
}

/// What the index keeps of one document.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub id: String,
    pub symbol: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub organ: Option<String>,
    pub lang: Option<unlsp_syntax::Lang>,
    /// Where the document names itself: the title line (number) or the symbol.
    pub self_range: Option<Range<usize>>,
    /// Numbered operative paragraphs (label, range of the label).
    pub paragraphs: Vec<(String, Range<usize>)>,
    pub citations: Vec<CitedAct>,
}

impl FileFacts {
    pub fn from_tree(id: &str, tree: &Tree) -> FileFacts {
        let m = &tree.meta;
        let mut paragraphs = Vec::new();
        tree.walk(|n, _| {
            if n.kind == NodeKind::Operative
                && let (Some(l), Some(r)) = (&n.label, &n.label_range)
            {
                paragraphs.push((l.to_string(), r.clone()));
            }
        });
        let title_node = tree
            .nodes_of(NodeKind::Title)
            .first()
            .map(|n| n.range.clone());
        FileFacts {
            id: id.to_string(),
            symbol: m.symbol.clone(),
            number: m.number.clone(),
            title: m.title.clone(),
            organ: m.organ.clone(),
            lang: Some(tree.lang),
            self_range: m
                .number_range
                .clone()
                .or(title_node)
                .or(m.symbol_range.clone()),
            paragraphs,
            citations: tree
                .citations
                .iter()
                .map(|c| CitedAct {
                    key: ActKey::new(&c.target),
                    kind: c.kind,
                    target: c.target.clone(),
                    range: c.range.clone(),
                })
                .collect(),
        }
    }

    /// The keys under which this document can be cited.
    pub fn keys(&self) -> Vec<ActKey> {
        keys_of(self.number.as_deref(), self.symbol.as_deref())
    }

    /// The label range of operative paragraph `label` (first match).
    pub fn paragraph(&self, label: &str) -> Option<Range<usize>> {
        self.paragraphs
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, r)| r.clone())
    }

    /// Short display name: `61/100 Convention on ...` or the symbol.
    pub fn display_name(&self) -> String {
        let head = self
            .number
            .clone()
            .or_else(|| self.symbol.clone())
            .unwrap_or_default();
        match (&self.title, head.is_empty()) {
            (Some(t), false) => format!("{head} {t}"),
            (Some(t), true) => t.clone(),
            (None, _) => head,
        }
    }
}

/// A place in a document of some source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub range: Range<usize>,
}

/// Something that can say where an act lives: the workspace, a reference
/// folder, the bundled catalogue.
pub trait ActSource {
    /// Documents that are the act `key`, best first.
    fn find_act(&self, key: &ActKey) -> Vec<Target>;
}

#[derive(Debug, Default)]
pub struct WorkspaceIndex {
    files: HashMap<String, FileFacts>,
    by_key: HashMap<ActKey, Vec<String>>,
}

impl WorkspaceIndex {
    pub fn new() -> WorkspaceIndex {
        WorkspaceIndex::default()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn insert(&mut self, facts: FileFacts) {
        self.remove(&facts.id.clone());
        for k in facts.keys() {
            self.by_key.entry(k).or_default().push(facts.id.clone());
        }
        self.files.insert(facts.id.clone(), facts);
    }

    pub fn remove(&mut self, id: &str) -> Option<FileFacts> {
        let old = self.files.remove(id)?;
        for k in old.keys() {
            if let Some(v) = self.by_key.get_mut(&k) {
                v.retain(|x| x != id);
                if v.is_empty() {
                    self.by_key.remove(&k);
                }
            }
        }
        Some(old)
    }

    pub fn get(&self, id: &str) -> Option<&FileFacts> {
        self.files.get(id)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileFacts> {
        self.files.values()
    }

    /// Documents that are the act `key` (by number, symbol or title line).
    pub fn documents_for(&self, key: &ActKey) -> Vec<&FileFacts> {
        let mut ids: Vec<&String> = self.by_key.get(key).into_iter().flatten().collect();
        if ids.is_empty()
            && let Some(k) = key.without_year()
        {
            ids = self.by_key.get(&k).into_iter().flatten().collect();
        }
        let mut v: Vec<&FileFacts> = ids.iter().filter_map(|id| self.files.get(*id)).collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Every citation of `key` in the index: (document id, range).
    pub fn citations_of(&self, key: &ActKey) -> Vec<(String, Range<usize>)> {
        let alt = key.without_year();
        let mut v: Vec<(String, Range<usize>)> = self
            .files
            .values()
            .flat_map(|f| {
                f.citations
                    .iter()
                    .filter(|c| {
                        &c.key == key
                            || alt.as_ref().is_some_and(|a| {
                                c.key.without_year().as_ref() == Some(a) || &c.key == a
                            })
                    })
                    .map(|c| (f.id.clone(), c.range.clone()))
            })
            .collect();
        v.sort_by(|a, b| (&a.0, a.1.start, a.1.end).cmp(&(&b.0, b.1.start, b.1.end)));
        v
    }

    /// Acts known to the workspace whose key starts with `prefix` (completion).
    pub fn keys_starting_with(&self, prefix: &str) -> Vec<(&ActKey, &FileFacts)> {
        let p = ActKey::new(prefix);
        let mut v: Vec<(&ActKey, &FileFacts)> = self
            .by_key
            .iter()
            .filter(|(k, _)| k.0.starts_with(&p.0))
            .filter_map(|(k, ids)| Some((k, self.files.get(ids.first()?)?)))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }
}

/// The keys under which a document with this number and symbol can be cited
/// (without its own facts, for callers that have only its tree's meta).
pub fn keys_of(number: Option<&str>, symbol: Option<&str>) -> Vec<ActKey> {
    let mut v = Vec::new();
    for s in [number, symbol].into_iter().flatten() {
        let k = ActKey::new(s);
        if !k.0.is_empty() && !v.contains(&k) {
            if let Some(y) = k.without_year() {
                v.push(y);
            }
            v.push(k);
        }
    }
    v
}

impl ActSource for WorkspaceIndex {
    fn find_act(&self, key: &ActKey) -> Vec<Target> {
        self.documents_for(key)
            .into_iter()
            .map(|f| Target {
                id: f.id.clone(),
                range: f.self_range.clone().unwrap_or(0..0),
            })
            .collect()
    }
}

/// What [`scan`] skipped and why.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<PathBuf>,
    pub skipped_large: Vec<PathBuf>,
}

/// The walk over a folder that the workspace and reference folders share:
/// `.gitignore` / `.ignore` honoured, hidden folders, `node_modules` and
/// `target` skipped.
pub(crate) fn document_walker(root: &Path) -> ignore::Walk {
    ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            n != "node_modules" && n != "target"
        })
        .build()
}

/// Candidate documents under `root`: `.txt`, `.md`, `.unres`, honouring
/// `.gitignore` / `.ignore`, skipping hidden folders and files over `max_size`
/// bytes. Binary and non-UTF-8 files are for the reader to skip ([`read_text`]).
pub fn scan(root: &Path, max_size: u64, excluded: &dyn Fn(&str) -> bool) -> Scan {
    let mut out = Scan::default();
    let walker = document_walker(root);
    for e in walker.flatten() {
        if !e.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let p = e.path();
        if !is_document(p) {
            continue;
        }
        let rel = p
            .strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        if excluded(&rel) {
            continue;
        }
        match e.metadata() {
            Ok(m) if m.len() > max_size => out.skipped_large.push(p.to_path_buf()),
            Ok(_) => out.files.push(p.to_path_buf()),
            Err(_) => {}
        }
    }
    out.files.sort();
    out
}

/// A file the server indexes: `.txt`, `.md`, `.unres` (the CLI's list).
pub fn is_document(p: &Path) -> bool {
    let n = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".unres")
}

/// The file as text, or `None` for binary (a NUL in the first 8 KiB) and
/// non-UTF-8 files.
pub fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unlsp_syntax::Document;

    #[test]
    fn keys_meet_symbols_and_numbers() {
        assert_eq!(ActKey::new("A/RES/61/100"), ActKey::new("61/100"));
        assert_eq!(ActKey::new("56/24 V"), ActKey::new("56/24V"));
        assert_eq!(
            ActKey::new("2231 (2015)").without_year(),
            Some(ActKey::new("2231"))
        );
    }

    #[test]
    fn index_finds_documents_and_citations() {
        let a = Document::new(
            "61/100. Convention on Certain Conventional Weapons\n\nThe General Assembly,\n\nRecalling its resolution 60/93 of 8 December 2005,\n\n1. Calls upon all States to act;\n\n2. Decides to remain seized of the matter.\n",
        );
        let b = Document::new(
            "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006,\n\n1. Decides to act in accordance with paragraph 2 of resolution 61/100.\n",
        );
        let mut ix = WorkspaceIndex::new();
        ix.insert(FileFacts::from_tree("a", a.tree()));
        ix.insert(FileFacts::from_tree("b", b.tree()));
        let key = ActKey::new("61/100");
        let docs = ix.documents_for(&key);
        assert_eq!(docs.len(), 1, "{:?}", ix.get("a"));
        assert_eq!(docs[0].id, "a");
        assert!(docs[0].paragraph("2").is_some());
        let cites = ix.citations_of(&key);
        assert!(cites.iter().all(|(id, _)| id == "b"));
        assert!(!cites.is_empty());
        ix.remove("a");
        assert!(ix.documents_for(&key).is_empty());
    }
}
