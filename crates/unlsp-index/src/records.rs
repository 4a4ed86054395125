//! The Secretariat's records (`akn-data-extract`: one JSON object a line, the GA and SC
//! schemas) read as catalogue entries, the same reading as `scripts/build_catalogue.py`'s:
//! what `catalogue_records` in `unlsp.toml` adds over the bundled catalogue (records newer
//! than the release, such as the next session's `GA_81.json`).

use crate::catalogue::{ActKind, Catalogue, Entry, Merged, Organ, bundled, set_active};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

/// What a records file gave: the acts (one per symbol, parts of a composite act each their
/// own) and how many rows repeated a symbol already read (merged into it).
#[derive(Debug, Default)]
pub struct Records {
    pub entries: Vec<Entry>,
    pub merged: usize,
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field<'a>(r: &'a Map<String, Value>, k: &str) -> &'a str {
    r.get(k).and_then(Value::as_str).unwrap_or("")
}

fn count(r: &Map<String, Value>, k: &str) -> u32 {
    field(r, k).trim().parse().unwrap_or(0)
}

/// `29\u{a0}October 2025`, `on15 January 2025`, `2024-01-30 00:00:00` → ISO.
fn record_date(raw: &str) -> Option<String> {
    let raw = raw.replace('\u{a0}', " ");
    for (m, name) in unlsp_syntax::dates::EN_MONTHS.iter().enumerate() {
        let Some(i) = raw.find(name) else { continue };
        let day: String = raw[..i]
            .trim_end()
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let year: String = raw[i + name.len()..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let d: u32 = day.parse().ok()?;
        if year.len() != 4 || !(1..=31).contains(&d) {
            return None;
        }
        return Some(format!("{year}-{:02}-{d:02}", m + 1));
    }
    let t = raw.trim();
    let iso = t.get(..10)?;
    let b = iso.as_bytes();
    (b[4] == b'-' && b[7] == b'-' && iso.chars().filter(char::is_ascii_digit).count() == 8)
        .then(|| iso.to_string())
}

/// `recorded vote 187-2-3`, `without a vote`, `adopted unanimously 15-0-0`, `adopted 14-0-1`.
fn record_vote(r: &Map<String, Value>, organ: Organ) -> Option<String> {
    let t = norm_ws(field(r, "adoption_type"));
    let (yes, no, ab) = (
        count(r, "MS_in_favour_count"),
        count(r, "MS_against_count"),
        count(r, "MS_abstaining_count"),
    );
    if organ == Organ::GA {
        let vt = field(r, "voting_type");
        if t == "By a recorded vote" || vt == "adoptedRecordedVote" {
            return Some(if yes > 0 {
                format!("recorded vote {yes}-{no}-{ab}")
            } else {
                "recorded vote".into()
            });
        }
        return (t == "Without a vote" || vt == "adoptedWithoutVote")
            .then(|| "without a vote".into());
    }
    if let Some(rest) = t.strip_prefix("Adopted") {
        let tally: Vec<u32> = rest
            .trim_start_matches([' ', '('])
            .split([',', ' ', ')'])
            .next()
            .unwrap_or("")
            .split('-')
            .filter_map(|x| x.parse().ok())
            .collect();
        if let [a, b, c] = tally[..] {
            return Some(format!("adopted {a}-{b}-{c}"));
        }
    }
    let low = t.to_lowercase();
    if low.starts_with("adopted unanim") {
        return Some(if yes > 0 {
            format!("adopted unanimously {yes}-0-0")
        } else {
            "adopted unanimously".into()
        });
    }
    if low.contains("acclamation") {
        return Some("adopted by acclamation".into());
    }
    if low.contains("without vote") {
        return Some("adopted without a vote".into());
    }
    if yes > 0 {
        return Some(format!("adopted {yes}-{no}-{ab}"));
    }
    low.starts_with("adopted").then(|| "adopted".into())
}

/// An SC resolution has no title: the library descriptor's subject in brackets
/// (`Security Council resolution 1484 (2003) [on authorization of …]`), else the agenda
/// item, else the first subject; with its title source.
fn descriptor_subject(r: &Map<String, Value>) -> Option<(String, &'static str)> {
    let rt = norm_ws(field(r, "resolution_title"));
    if let Some(open) = rt.find('[') {
        let inner = &rt[open + 1..];
        let inner = inner[..inner.find([']', '[']).unwrap_or(inner.len())].trim();
        if inner.chars().count() > 3 {
            let subj = inner.strip_prefix("on ").unwrap_or(inner);
            return Some((subj.to_string(), "records(descriptor)"));
        }
    }
    let agenda = norm_ws(field(r, "agenda_item_name"));
    let agenda = agenda.trim_end_matches('.');
    if !agenda.is_empty() {
        return Some((agenda.to_string(), "records(agenda item)"));
    }
    let first = r.get("subjects")?.as_array()?.iter().find_map(|s| {
        s.as_array()?
            .first()?
            .as_str()
            .filter(|x| !x.is_empty())
            .map(norm_ws)
    })?;
    Some((first, "records(subject)"))
}

/// A GA record title without the number it may open with (`79/1. The Pact…`).
fn ga_title(t: &str) -> Option<String> {
    let t = norm_ws(t);
    let rest = t
        .split_once(". ")
        .filter(|(head, _)| {
            let head = head.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == ' ');
            head.contains('/')
                && head.ends_with(|c: char| c.is_ascii_digit())
                && !head.contains(' ')
        })
        .map_or(t.as_str(), |(_, rest)| rest);
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The acts a record symbol names, as (organ, session, number, symbol): `A/RES/79/263`,
/// `A/RES/75/101 A-B` (the whole and each part), `A/RES/75/101 A` (that part),
/// `A/RES/ES-10/24`, `S/RES/1683(2006)`.
fn record_acts(sym: &str) -> Vec<(Organ, String, String, String)> {
    if let Some(rest) = sym.strip_prefix("S/RES/") {
        let (n, y) = match rest.split_once('(') {
            Some((n, y)) => (n.trim(), y.trim_end_matches(')').trim()),
            None => return Vec::new(),
        };
        if n.parse::<u32>().is_err() || y.len() != 4 || y.parse::<u16>().is_err() {
            return Vec::new();
        }
        let number = format!("{n} ({y})");
        return vec![(
            Organ::SC,
            y.to_string(),
            number.clone(),
            format!("S/RES/{number}"),
        )];
    }
    let Some(rest) = sym.strip_prefix("A/RES/") else {
        return Vec::new();
    };
    let (num, parts) = rest.split_once(' ').unwrap_or((rest, ""));
    let Some((session, n)) = num.split_once('/') else {
        return Vec::new();
    };
    let session_ok = session.parse::<u32>().is_ok()
        || ["ES-", "S-"].iter().any(|p| {
            session
                .strip_prefix(p)
                .is_some_and(|s| s.parse::<u32>().is_ok())
        });
    if !session_ok || n.parse::<u32>().is_err() {
        return Vec::new();
    }
    let act = |number: String| {
        (
            Organ::GA,
            session.to_string(),
            number.clone(),
            format!("A/RES/{number}"),
        )
    };
    let letters: Vec<char> = parts.chars().filter(char::is_ascii_uppercase).collect();
    match (letters.as_slice(), parts.contains('-')) {
        ([], _) => vec![act(num.to_string())],
        ([one], false) => vec![act(format!("{num} {one}"))],
        ([first, last], true) if first <= last => std::iter::once(act(num.to_string()))
            .chain((*first..=*last).map(|c| act(format!("{num} {c}"))))
            .collect(),
        _ => Vec::new(),
    }
}

/// Rows that repeat a symbol (different votes or sponsors): one record, the non-empty value
/// of each field, the largest count, the union of sponsors. Returns the records in first
/// appearance order and the number of rows merged.
fn merge_rows(rows: Vec<Map<String, Value>>) -> (Vec<Map<String, Value>>, usize) {
    let mut out: Vec<Map<String, Value>> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut merged = 0;
    for r in rows {
        let sym = norm_ws(field(&r, "symbol"));
        let Some(&i) = at.get(&sym) else {
            at.insert(sym, out.len());
            out.push(r);
            continue;
        };
        merged += 1;
        let kept = &mut out[i];
        for (k, v) in r {
            let old = kept.get(&k).cloned().unwrap_or(Value::Null);
            let new = match (k.as_str(), &old, &v) {
                ("sponsors" | "additional_sponsors", Value::Array(a), Value::Array(b)) => {
                    let mut all: Vec<Value> = Vec::new();
                    for x in a.iter().chain(b) {
                        if !all.contains(x) {
                            all.push(x.clone());
                        }
                    }
                    Value::Array(all)
                }
                (k, _, _) if k.ends_with("_count") => {
                    let n = |x: &Value| x.as_str().and_then(|s| s.trim().parse::<u32>().ok());
                    if n(&v) > n(&old) { v } else { old }
                }
                (_, o, v) if is_empty(o) && !is_empty(v) => v.clone(),
                _ => old,
            };
            kept.insert(k, new);
        }
    }
    (out, merged)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The entries one record gives.
fn entries_of(r: &Map<String, Value>) -> Vec<Entry> {
    let acts = record_acts(&norm_ws(field(r, "symbol")));
    let Some(organ) = acts.first().map(|a| a.0) else {
        return Vec::new();
    };
    let date = record_date(field(r, "adoption_date"));
    let (title, title_source) = match organ {
        Organ::GA => (ga_title(field(r, "title")), Some("records")),
        Organ::SC => match descriptor_subject(r) {
            Some((t, s)) => (Some(t), Some(s)),
            None => (None, None),
        },
    };
    let vote = record_vote(r, organ);
    let sponsors = ["sponsors", "additional_sponsors"]
        .iter()
        .filter_map(|k| r.get(*k)?.as_array())
        .flatten()
        .filter_map(Value::as_str)
        .filter(|x| !x.is_empty() && !x.to_lowercase().starts_with("submitted by"))
        .count();
    let origin = match field(r, "originating_document") {
        "" => field(r, "draft_resolution"),
        o => o,
    };
    let committee = match field(r, "committee") {
        "#fifthCommittee" => "Fifth Committee",
        c => c,
    };
    let opt = |s: String| (!s.is_empty()).then_some(s);
    acts.into_iter()
        .enumerate()
        .map(|(i, (organ, session, number, symbol))| Entry {
            kind: ActKind::Resolution,
            organ,
            number,
            symbol,
            date: date.clone(),
            title: title.clone(),
            // the vote is the whole act's (the first named)
            vote: if i == 0 { vote.clone() } else { None },
            sources: vec!["records".into()],
            session,
            month: None,
            title_source: title.as_ref().and(title_source).map(str::to_string),
            date_source: date.as_ref().map(|_| "records".to_string()),
            meeting: opt(norm_ws(field(r, "adoption_meeting"))),
            originating_document: opt(norm_ws(origin)),
            committee: opt(norm_ws(committee)),
            sponsors_count: (sponsors > 0).then_some(sponsors as u32),
        })
        .collect()
}

/// Read a records file (one JSON object a line; blank lines skipped). A line that is not a
/// JSON object is an error naming it; a symbol the catalogue cannot read is skipped.
pub fn parse_records(text: &str) -> Result<Records, String> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(m)) => rows.push(m),
            Ok(_) => return Err(format!("line {}: not a JSON object", i + 1)),
            Err(e) => return Err(format!("line {}: {e}", i + 1)),
        }
    }
    let (rows, merged) = merge_rows(rows);
    let entries = rows.iter().flat_map(entries_of).collect();
    Ok(Records { entries, merged })
}

/// Largest records file read (the Secretariat's largest, `GA_79.json`, is about 3 MB).
const MAX_FILE: u64 = 64 * 1024 * 1024;

/// What [`install`] merged over the bundled catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Installed {
    pub files: usize,
    /// Acts the files name.
    pub acts: usize,
    /// Rows that repeated a symbol, merged into one act.
    pub rows_merged: usize,
    pub merged: Merged,
}

/// The files last installed (path, modification time, length) and what they made.
type Key = Vec<(PathBuf, Option<SystemTime>, u64)>;
static INSTALLED: Mutex<Option<(Key, &'static Catalogue, Installed)>> = Mutex::new(None);

fn key_of(paths: &[PathBuf]) -> Key {
    paths
        .iter()
        .map(|p| {
            let m = std::fs::metadata(p).ok();
            let modified = m.as_ref().and_then(|m| m.modified().ok());
            (p.clone(), modified, m.map_or(0, |m| m.len()))
        })
        .collect()
}

fn read_records(p: &PathBuf) -> Result<Records, String> {
    let name = p.display();
    let len = std::fs::metadata(p)
        .map_err(|e| format!("{name}: {e}"))?
        .len();
    if len > MAX_FILE {
        return Err(format!(
            "{name}: {len} bytes, more than a records file holds"
        ));
    }
    let text = std::fs::read_to_string(p).map_err(|e| format!("{name}: {e}"))?;
    parse_records(&text).map_err(|e| format!("{name}: {e}"))
}

/// Make the bundled catalogue with the records of `paths` merged over it (in order, a later
/// file's act over an earlier one's) the catalogue every lookup, hover and check reads; no
/// paths: the bundled catalogue again. The same files unchanged since the last call are not
/// read again. On an error (a file missing or not records) the catalogue stays as it was.
pub fn install(paths: &[PathBuf]) -> Result<Installed, String> {
    let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
    if paths.is_empty() {
        set_active(None);
        *installed = None;
        return Ok(Installed::default());
    }
    let key = key_of(paths);
    if let Some((k, cat, done)) = installed.as_ref()
        && *k == key
    {
        set_active(Some(cat));
        return Ok(*done);
    }
    let mut all = Vec::new();
    let mut rows_merged = 0;
    for p in paths {
        let r = read_records(p)?;
        rows_merged += r.merged;
        all.extend(r.entries);
    }
    let (cat, merged) = bundled().merged_with(&all)?;
    // kept for the life of the process: lookups hand out `&'static` entries; a new set of
    // files (a configuration change) makes one more
    let cat: &'static Catalogue = Box::leak(Box::new(cat));
    let done = Installed {
        files: paths.len(),
        acts: all.len(),
        rows_merged,
        merged,
    };
    set_active(Some(cat));
    *installed = Some((key, cat, done));
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_titles_and_symbols() {
        assert_eq!(
            record_date("29\u{a0}October 2025").as_deref(),
            Some("2025-10-29")
        );
        assert_eq!(
            record_date("Adopted by the Security Council at its 9836th meeting, on15 January 2025")
                .as_deref(),
            Some("2025-01-15")
        );
        assert_eq!(
            record_date("2024-01-30 00:00:00").as_deref(),
            Some("2024-01-30")
        );
        assert_eq!(record_date("N.A."), None);
        assert_eq!(
            ga_title("79/1. The Pact for the Future").as_deref(),
            Some("The Pact for the Future")
        );
        assert_eq!(
            ga_title("The Pact for the Future").as_deref(),
            Some("The Pact for the Future")
        );
        let n = |s: &str| record_acts(s).into_iter().map(|a| a.2).collect::<Vec<_>>();
        assert_eq!(n("A/RES/79/263"), ["79/263"]);
        assert_eq!(n("A/RES/75/101 A-B"), ["75/101", "75/101 A", "75/101 B"]);
        assert_eq!(n("A/RES/ES-10/24"), ["ES-10/24"]);
        assert_eq!(n("S/RES/1683(2006)"), ["1683 (2006)"]);
        assert!(n("A/79/L.2").is_empty());
    }

    /// Real rows moved to session 81 (`tests/fixtures/records/README.md`): read, the two rows
    /// of one symbol merged, and added over the bundled catalogue.
    #[test]
    fn records_of_a_session_the_release_lacks() {
        let r = parse_records(include_str!("../../../tests/fixtures/records/GA_81.json")).unwrap();
        assert_eq!((r.entries.len(), r.merged), (3, 1));
        let e = r.entries.iter().find(|e| e.number == "81/1").unwrap();
        assert_eq!(
            e.title.as_deref(),
            Some("Participation by the State of Palestine during the eightieth session")
        );
        assert_eq!(e.date.as_deref(), Some("2026-09-19"));
        assert_eq!(e.vote.as_deref(), Some("recorded vote 145-5-6"));
        assert_eq!(e.meeting.as_deref(), Some("3rd plenary meeting"));
        assert_eq!(e.originating_document.as_deref(), Some("A/80/L.2/Rev.1"));
        let (cat, m) = bundled().merged_with(&r.entries).unwrap();
        assert_eq!((m.added, m.updated), (3, 0));
        assert_eq!(cat.len(), bundled().len() + 3);
        let e = cat.lookup(ActKind::Resolution, Organ::GA, "81/64").unwrap();
        assert_eq!(e.committee.as_deref(), Some("First Committee"));
        assert_eq!(e.date_source.as_deref(), Some("records"));
        assert!(cat.by_session("81").count() == 3);
        assert!(
            bundled()
                .lookup(ActKind::Resolution, Organ::GA, "81/1")
                .is_none()
        );
    }

    /// The rows of the bundled sessions, read here, give back what the catalogue holds (the
    /// build script's reading): merged over it, no act changes.
    #[test]
    fn a_bundled_records_file_changes_nothing() {
        let Some(dir) = unlsp_corpus::shared("corpus/catalog/akn-data-extract") else {
            return;
        };
        for f in ["GA_79.json", "SC_2024.json", "GA_ES-11.json"] {
            let text = std::fs::read_to_string(dir.join(f)).unwrap();
            let r = parse_records(&text).unwrap();
            let (cat, m) = bundled().merged_with(&r.entries).unwrap();
            assert_eq!(m.added, 0, "{f}");
            assert!(m.updated > 0, "{f}");
            let differ: Vec<String> = bundled()
                .entries()
                .zip(cat.entries())
                .filter(|(a, b)| a != b)
                .map(|(a, b)| format!("{a:?}\n{b:?}"))
                .take(3)
                .collect();
            assert!(differ.is_empty(), "{f}: {differ:#?}");
        }
    }
}
