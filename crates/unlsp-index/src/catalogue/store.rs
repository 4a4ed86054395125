//! The catalogue held compactly, parsed from its TSV, and its lookups.

use super::entry::{ActKind, Entry, Organ};
use super::query::{leading_number, normalise_ga, normalise_session, parse_query, split_sc};
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

pub(super) static DATA: &[u8] = include_bytes!("../../../../grammar/catalogue.tsv.gz");

/// The catalogue held compactly: the text fields of each act in one string
/// arena, one small fixed-size record per act, the repetitive fields (session,
/// vote, sources, title source) as indices into a table of distinct strings,
/// and the lookups as small sorted arrays (hash of a GA number, SC number,
/// session) that lead to a record. An [`Entry`] is built
/// the first time a lookup returns it and kept (`shown`); iterating over all
/// acts builds them one at a time without keeping them.
pub struct Catalogue {
    /// Per act: `number \t symbol \t date \t month \t title \t meeting \t origin`, the symbol empty
    /// when it is the organ's prefix + the number (`A/RES/` + `61/100`).
    arena: Box<str>,
    recs: Box<[Rec]>,
    /// Distinct short strings; index 0 is the empty string (field absent).
    words: Box<[Box<str>]>,
    /// GA resolutions and decisions: (hash of the number, record index),
    /// sorted; a small array that bisection walks without touching the arena.
    ga_res: Box<[(u64, u32)]>,
    ga_dec: Box<[(u64, u32)]>,
    /// SC resolutions: (number, record index) sorted by number.
    sc: Box<[(u32, u32)]>,
    /// Record indices grouped by session, catalogue order inside a group.
    by_session: Box<[u32]>,
    /// (session word, range in `by_session`), sorted by the session string.
    sessions: Box<[(u16, u32, u32)]>,
    shown: Box<[OnceLock<Box<Entry>>]>,
}

/// One act: where its line starts in the arena and its short fields.
#[derive(Clone, Copy)]
struct Rec {
    start: u32,
    number_len: u16,
    kind: ActKind,
    organ: Organ,
    session: u16,
    title_source: u16,
    vote: u16,
    sources: u16,
    date_source: u16,
    committee: u16,
    /// Count + 1; 0 when not known.
    sponsors: u16,
}

/// Columns of a catalogue line (`grammar/CATALOGUE.md`).
const COLUMNS: usize = 16;

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

/// The catalogue lookups read when it is not the bundled one: the bundled one with the
/// project's `catalogue_records` merged over it ([`crate::records::install`]).
static ACTIVE: RwLock<Option<&'static Catalogue>> = RwLock::new(None);

/// The catalogue every lookup reads: the bundled one, or the bundled one with the
/// project's own records merged over it.
pub fn catalogue() -> &'static Catalogue {
    let active = *ACTIVE.read().unwrap_or_else(|e| e.into_inner());
    active.unwrap_or_else(bundled)
}

/// The bundled catalogue, decompressed and parsed on first use.
pub fn bundled() -> &'static Catalogue {
    CATALOGUE.get_or_init(|| Catalogue::from_gzip(DATA).expect("bundled catalogue is valid"))
}

/// Make `c` the catalogue [`catalogue()`] gives (`None`: the bundled one again).
pub(crate) fn set_active(c: Option<&'static Catalogue>) {
    *ACTIVE.write().unwrap_or_else(|e| e.into_inner()) = c;
}

/// Size of the embedded (compressed) data in bytes.
pub fn embedded_size() -> usize {
    DATA.len()
}

/// How a message names a source of the catalogue (`records` → `the
/// Secretariat's records`).
pub fn source_name(source: &str) -> &str {
    match source {
        "records" => "the Secretariat's records",
        "records(descriptor)" => "subject of the library descriptor; SC resolutions have no title",
        "records(agenda item)" => "agenda item in the Secretariat's records",
        "records(subject)" => "subject in the Secretariat's records",
        "texts" => "the act's own text",
        "texts(heading)" => "heading of the act's text",
        "decisions" => "the decisions table",
        "roll-calls" => "the roll calls",
        "citations" => "what other texts cite",
        s => s,
    }
}

pub(crate) fn gunzip(data: &[u8]) -> Result<Vec<u8>, String> {
    if data.len() < 18 || data[0] != 0x1f || data[1] != 0x8b || data[2] != 8 {
        return Err("not a gzip stream".into());
    }
    let flags = data[3];
    let mut pos = 10usize;
    if flags & 4 != 0 {
        let xlen = u16::from_le_bytes([data[pos], data[pos + 1]]) as usize;
        pos += 2 + xlen;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            while pos < data.len() && data[pos] != 0 {
                pos += 1;
            }
            pos += 1;
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    if pos + 8 > data.len() {
        return Err("truncated gzip stream".into());
    }
    miniz_oxide::inflate::decompress_to_vec(&data[pos..data.len() - 8])
        .map_err(|e| format!("inflate: {e:?}"))
}

fn opt(s: &str) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

fn symbol_prefix(kind: ActKind, organ: Organ) -> &'static str {
    match (organ, kind) {
        (Organ::SC, _) => "S/RES/",
        (Organ::GA, ActKind::Resolution) => "A/RES/",
        (Organ::GA, ActKind::Decision) => "A/DEC/",
    }
}

/// The index of `w` in the table of distinct strings, added when new (0: empty).
fn intern<'t>(
    words: &mut Vec<Box<str>>,
    index: &mut HashMap<&'t str, u16>,
    w: &'t str,
) -> Result<u16, String> {
    if w.is_empty() {
        return Ok(0);
    }
    if let Some(&i) = index.get(w) {
        return Ok(i);
    }
    let i = u16::try_from(words.len()).map_err(|_| "too many distinct fields")?;
    words.push(w.into());
    index.insert(w, i);
    Ok(i)
}

fn hash(number: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(number)
}

/// (key, record index) pairs sorted by key, for binary search; a key given
/// twice keeps its last record (as a map insert would).
fn sorted_last<K: Ord>(mut v: Vec<(K, u32)>) -> Vec<(K, u32)> {
    v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    v.dedup_by(|later, first| later.0 == first.0);
    v
}

impl Catalogue {
    /// Parse a gzip-compressed catalogue TSV (the bundled format).
    pub fn from_gzip(data: &[u8]) -> Result<Catalogue, String> {
        let raw = gunzip(data)?;
        let text = std::str::from_utf8(&raw).map_err(|e| e.to_string())?;
        Catalogue::from_tsv(text)
    }

    /// Parse the catalogue TSV (see `grammar/CATALOGUE.md`).
    pub fn from_tsv<'t>(text: &'t str) -> Result<Catalogue, String> {
        let mut lines = text.lines();
        match lines.next() {
            Some(h) if h.starts_with("#unlsp-catalogue 2") => {}
            _ => return Err("missing #unlsp-catalogue 2 header".into()),
        }
        let mut arena = String::with_capacity(text.len() * 2 / 3);
        let mut recs: Vec<Rec> = Vec::with_capacity(13_000);
        let mut words: Vec<Box<str>> = vec!["".into()];
        let mut word_ix: HashMap<&'t str, u16> = HashMap::new();
        let mut word = |w: &'t str| intern(&mut words, &mut word_ix, w);
        for (i, line) in lines.enumerate() {
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != COLUMNS {
                return Err(format!("line {}: {} fields", i + 2, f.len()));
            }
            let kind = match f[0] {
                "R" => ActKind::Resolution,
                "D" => ActKind::Decision,
                k => return Err(format!("line {}: kind {k}", i + 2)),
            };
            let organ = match f[1] {
                "GA" => Organ::GA,
                "SC" => Organ::SC,
                o => return Err(format!("line {}: organ {o}", i + 2)),
            };
            if organ == Organ::SC && leading_number(f[3]).is_none() {
                return Err(format!("line {}: SC number {}", i + 2, f[3]));
            }
            let start = u32::try_from(arena.len()).map_err(|_| "catalogue too large")?;
            let number_len = u16::try_from(f[3].len()).map_err(|_| "number too long")?;
            let derived = f[4].strip_prefix(symbol_prefix(kind, organ)) == Some(f[3]);
            let symbol = if derived { "" } else { f[4] };
            for (j, field) in [f[3], symbol, f[5], f[6], f[7], f[12], f[13]]
                .into_iter()
                .enumerate()
            {
                if j > 0 {
                    arena.push('\t');
                }
                arena.push_str(field);
            }
            let rec = Rec {
                start,
                number_len,
                kind,
                organ,
                session: word(f[2])?,
                title_source: word(f[8])?,
                vote: word(f[9])?,
                sources: word(f[10])?,
                date_source: word(f[11])?,
                committee: word(f[14])?,
                sponsors: match f[15] {
                    "" => 0,
                    n => n
                        .parse::<u16>()
                        .ok()
                        .and_then(|n| n.checked_add(1))
                        .ok_or_else(|| format!("line {}: sponsors {n}", i + 2))?,
                },
            };
            recs.push(rec);
        }
        let mut cat = Catalogue {
            arena: arena.into_boxed_str(),
            recs: recs.into_boxed_slice(),
            words: words.into_boxed_slice(),
            ga_res: Box::default(),
            ga_dec: Box::default(),
            sc: Box::default(),
            by_session: Box::default(),
            sessions: Box::default(),
            shown: Box::default(),
        };
        let (mut res, mut dec, mut sc, mut sess) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, r) in cat.recs.iter().enumerate() {
            let i = i as u32;
            let number = cat.number(r);
            match (r.organ, r.kind) {
                (Organ::SC, _) => sc.push((leading_number(number).unwrap_or(0), i)),
                (Organ::GA, ActKind::Resolution) => res.push((hash(number), i)),
                (Organ::GA, ActKind::Decision) => dec.push((hash(number), i)),
            }
            if r.session != 0 {
                sess.push((&*cat.words[r.session as usize], i));
            }
        }
        // by hash, then catalogue order (a number given twice: the last wins)
        res.sort_unstable();
        dec.sort_unstable();
        let sc: Box<[(u32, u32)]> = sorted_last(sc).into_boxed_slice();
        // stable: catalogue order inside a session
        sess.sort_by(|a, b| a.0.cmp(b.0));
        let mut sessions = Vec::new();
        let mut k = 0;
        while k < sess.len() {
            let key = sess[k].0;
            let end = k + sess[k..].iter().take_while(|s| s.0 == key).count();
            let w = cat.recs[sess[k].1 as usize].session;
            sessions.push((w, k as u32, end as u32));
            k = end;
        }
        let by_session: Box<[u32]> = sess.iter().map(|s| s.1).collect();
        cat.ga_res = res.into_boxed_slice();
        cat.ga_dec = dec.into_boxed_slice();
        cat.sc = sc;
        cat.by_session = by_session;
        cat.sessions = sessions.into_boxed_slice();
        cat.shown = (0..cat.recs.len()).map(|_| OnceLock::new()).collect();
        Ok(cat)
    }
    /// Record `i`'s line in the arena.
    fn line(&self, i: usize) -> &str {
        let end = self
            .recs
            .get(i + 1)
            .map_or(self.arena.len(), |n| n.start as usize);
        &self.arena[self.recs[i].start as usize..end]
    }

    fn number<'a>(&'a self, r: &Rec) -> &'a str {
        let s = r.start as usize;
        &self.arena[s..s + r.number_len as usize]
    }

    fn word(&self, w: u16) -> &str {
        &self.words[w as usize]
    }

    /// The entry of record `i`, built from the arena.
    fn build(&self, i: usize) -> Entry {
        let r = &self.recs[i];
        let mut f = self.line(i).split('\t');
        let mut next = || f.next().unwrap_or("");
        let (number, symbol, date, month, title) = (next(), next(), next(), next(), next());
        let (meeting, origin) = (next(), next());
        let sources = self.word(r.sources);
        Entry {
            kind: r.kind,
            organ: r.organ,
            number: number.to_string(),
            symbol: if symbol.is_empty() {
                format!("{}{number}", symbol_prefix(r.kind, r.organ))
            } else {
                symbol.to_string()
            },
            date: opt(date),
            title: opt(title),
            vote: opt(self.word(r.vote)),
            sources: if sources.is_empty() {
                Vec::new()
            } else {
                sources.split(',').map(str::to_string).collect()
            },
            session: self.word(r.session).to_string(),
            month: opt(month),
            title_source: opt(self.word(r.title_source)),
            date_source: opt(self.word(r.date_source)),
            meeting: opt(meeting),
            originating_document: opt(origin),
            committee: opt(self.word(r.committee)),
            sponsors_count: r.sponsors.checked_sub(1).map(u32::from),
        }
    }

    /// The entry of record `i`, built once and kept.
    fn entry(&self, i: u32) -> &Entry {
        self.shown[i as usize].get_or_init(|| Box::new(self.build(i as usize)))
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// Every act, in catalogue order. Each entry is built for the caller and
    /// not kept, so a scan of the whole catalogue (workspace symbols,
    /// completion) leaves no copy of it behind.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = Entry> + '_ {
        (0..self.recs.len()).map(|i| match self.shown[i].get() {
            Some(e) => (**e).clone(),
            None => self.build(i),
        })
    }

    /// The acts whose number starts with `prefix` (`79/1`, `27`), in catalogue
    /// order; only those entries are built, and none is kept (completion).
    pub fn numbers_starting_with<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = Entry> + 'a {
        (0..self.recs.len())
            .filter(move |&i| self.number(&self.recs[i]).starts_with(prefix))
            .map(|i| match self.shown[i].get() {
                Some(e) => (**e).clone(),
                None => self.build(i),
            })
    }

    /// Exact lookup of a normalised (or nearly normalised) number: `61/100`, `1514 (XV)`,
    /// `1514(XV)`, `56/24 V`, `S-27/2`; SC `2231 (2015)` or `2231`. For SC, a year given in the
    /// query must match the catalogue's year when that is known (use [`Catalogue::sc`] to reach
    /// the resolution by number alone, e.g. to report a wrong year).
    pub fn lookup(&self, kind: ActKind, organ: Organ, number: &str) -> Option<&Entry> {
        match organ {
            Organ::SC => {
                if kind != ActKind::Resolution {
                    return None;
                }
                let (n, year) = split_sc(number)?;
                let e = self.sc(n)?;
                match (year, e.session.parse::<u16>().ok()) {
                    (Some(q), Some(y)) if q != y => None,
                    _ => Some(e),
                }
            }
            Organ::GA => {
                let index = match kind {
                    ActKind::Resolution => &self.ga_res,
                    ActKind::Decision => &self.ga_dec,
                };
                let find = |n: &str| {
                    let h = hash(n);
                    let from = index.partition_point(|p| p.0 < h);
                    let to = from + index[from..].iter().take_while(|p| p.0 == h).count();
                    index[from..to]
                        .iter()
                        .rev()
                        .find(|p| self.number(&self.recs[p.1 as usize]) == n)
                        .map(|p| self.entry(p.1))
                };
                if let Some(e) = find(number) {
                    return Some(e);
                }
                find(normalise_ga(number)?.as_ref())
            }
        }
    }

    /// SC resolution by number alone, whatever its year.
    pub fn sc(&self, number: u32) -> Option<&Entry> {
        let k = self.sc.binary_search_by_key(&number, |p| p.0).ok()?;
        Some(self.entry(self.sc[k].1))
    }

    /// Parse a free-form query and look it up: `61/100`, `decision 60/519`, `S/RES/2231 (2015)`.
    /// A bare GA number that is not a resolution but is a decision (`60/519`) is found as the
    /// decision.
    pub fn find(&self, query: &str) -> Option<&Entry> {
        let (kind, organ, number) = Catalogue::parse_query(query)?;
        self.lookup(kind, organ, &number).or_else(|| {
            let explicit =
                query.to_ascii_lowercase().contains("resolution") || query.contains("/RES/");
            if organ == Organ::GA && kind == ActKind::Resolution && !explicit {
                self.lookup(ActKind::Decision, organ, &number)
            } else {
                None
            }
        })
    }

    /// All acts of a session, in number order: GA `61`, `XV` / `15`, `S-27`, `ES-10`, `S-VI`;
    /// a four-digit year gives the SC resolutions of that year. Resolutions and decisions are both
    /// returned; filter on `kind`.
    pub fn by_session(&self, session: &str) -> impl Iterator<Item = &Entry> {
        let key = normalise_session(session);
        let key = key.as_deref().unwrap_or("");
        let range = self
            .sessions
            .binary_search_by(|&(w, _, _)| self.word(w).cmp(key))
            .map_or(0..0, |k| {
                let (_, a, b) = self.sessions[k];
                a as usize..b as usize
            });
        self.by_session[range].iter().map(move |&i| self.entry(i))
    }

    /// Parse `61/100`, `1514 (XV)`, `1514(XV)`, `217 A (III)`, `decision 60/519`,
    /// `S/RES/2231 (2015)`, `A/RES/61/100`, `A/DEC/60/519`, `2231 (2015)`, `resolution ES-10/19`,
    /// `General Assembly resolution 56/24 V`, `Security Council resolution 2231`.
    pub fn parse_query(q: &str) -> Option<(ActKind, Organ, String)> {
        parse_query(q)
    }
}
