//! UN055 `nonexistent-act`: A cited resolution number exists in its session or year.
//!
//! What the catalogue knows decides how sure the rule is. Per GA session and SC
//! year it holds the highest number any source gives, and how far the
//! Secretariat's records reach:
//! - *complete*: the records reach the end of the period (GA session N: August
//!   of 1946+N; SC year Y: December of Y). A number beyond the highest known is
//!   a warning.
//! - *open*: the period had not ended when the records stop (the current GA
//!   session and SC year, and the emergency and special sessions, which can
//!   resume at any time). A number beyond the highest known is only a hint,
//!   "not in the catalogue", naming the records' last date.
//! - *earlier*: no complete records. Older sources are incomplete, so only a
//!   number more than [`EARLIER_MARGIN`] above the highest known is a warning.
//! - a period the catalogue knows nothing of (a session after the records):
//!   nothing is said.
//!
//! An SC year that does not match the number (`2231 (2014)`) is reported too,
//! with a fix writing the year of adoption. A GA decision number cited as a
//! resolution is UN050's, not this rule's.

use super::{acts, names_other_body, paren};
use crate::{Ctx, Edit, RuleDef, Severity, Sink};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use unlsp_index::catalogue::{ActKind, Catalogue, Entry, Organ, catalogue, source_name};
use unlsp_syntax::numbers::{is_upper_roman, roman_value};
use unlsp_syntax::tree::{Citation, CitationKind};

/// How far above the highest known number an earlier session's citation may go.
const EARLIER_MARGIN: u32 = 50;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN055",
    name: "nonexistent-act",
    summary: "A cited resolution number exists in its session or year.",
    explanation: "The catalogue knows the highest resolution number of each GA session and SC year. Where the Secretariat's records cover the whole period (GA sessions 75–79, SC 2000–2025), a number beyond the last adopted one does not exist; for earlier periods only a number more than 50 above the highest known is reported; for a period still open when the records end (GA session 80, the emergency and special sessions, SC 2026) at most a hint. An SC resolution cited with a year other than its year of adoption is reported with the right year. A GA decision cited as a resolution is UN050.",
    bad: "resolution 78/999; resolution 2231 (2014)",
    good: "resolution 78/331; resolution 2231 (2015)",
    check,
    ..RuleDef::DEFAULT
};

/// What the catalogue knows of one GA session or SC year.
#[derive(Default)]
struct Period {
    lowest: u32,
    highest: u32,
    /// The number of the highest act as the catalogue writes it.
    highest_number: String,
    /// Where the catalogue knows the highest act from.
    highest_source: String,
    /// Last adoption date the records give in this period.
    records_last: Option<String>,
}

struct Periods {
    ga: HashMap<String, Period>,
    sc: HashMap<u16, Period>,
    /// The numbers of GA resolutions numbered across sessions (`1514 (XV)`):
    /// one sequence, whatever session a citation names.
    ga_serial: std::collections::HashSet<u32>,
    /// Last adoption date in the records, per organ.
    ga_records_end: String,
    sc_records_end: String,
}

/// The leading number of a catalogue number: `76/246 A` → 246, `1514 (XV)` →
/// 1514, `2231 (2015)` → 2231.
fn leading(s: &str) -> Option<u32> {
    let s = s.rsplit('/').next().unwrap_or(s).trim_start();
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s[..end].parse().ok()
}

fn note(p: &mut Period, e: &Entry, n: u32) {
    if p.highest == 0 || n < p.lowest {
        p.lowest = n;
    }
    if n > p.highest {
        p.highest = n;
        p.highest_number = e.number.clone();
        p.highest_source = e
            .sources
            .iter()
            .find(|s| s.as_str() == "records")
            .or(e.sources.first())
            .map(|s| s.split('(').next().unwrap_or(s).to_string())
            .unwrap_or_default();
    }
    if e.date_source.as_deref() == Some("records") && e.date > p.records_last {
        p.records_last = e.date.clone();
    }
}

/// The periods of the catalogue lookups read, made again when that changes (a project's
/// `catalogue_records` merged over the bundled one).
fn periods() -> Arc<Periods> {
    static PERIODS: Mutex<Option<(usize, Arc<Periods>)>> = Mutex::new(None);
    let cat = catalogue();
    let id = std::ptr::from_ref(cat) as usize;
    let mut kept = PERIODS.lock().unwrap_or_else(|e| e.into_inner());
    match kept.as_ref() {
        Some((k, p)) if *k == id => p.clone(),
        _ => {
            let p = Arc::new(periods_of(cat));
            *kept = Some((id, p.clone()));
            p
        }
    }
}

fn periods_of(cat: &Catalogue) -> Periods {
    let mut ps = Periods {
        ga: HashMap::new(),
        sc: HashMap::new(),
        ga_serial: Default::default(),
        ga_records_end: String::new(),
        sc_records_end: String::new(),
    };
    for e in cat.entries() {
        if e.kind != ActKind::Resolution {
            continue;
        }
        let Some(n) = leading(&e.number) else {
            continue;
        };
        if e.organ == Organ::GA && !e.number.contains('/') {
            ps.ga_serial.insert(n);
        }
        let p = match e.organ {
            Organ::GA => ps.ga.entry(e.session.clone()).or_default(),
            Organ::SC => match e.session.parse::<u16>() {
                Ok(y) => ps.sc.entry(y).or_default(),
                Err(_) => continue,
            },
        };
        note(p, &e, n);
    }
    let end = |m: &mut dyn Iterator<Item = &Period>| {
        m.filter_map(|p| p.records_last.clone())
            .max()
            .unwrap_or_default()
    };
    ps.ga_records_end = end(&mut ps.ga.values());
    ps.sc_records_end = end(&mut ps.sc.values());
    ps
}

#[derive(Debug, PartialEq)]
enum Coverage {
    Complete,
    Open,
    Earlier,
}

/// How the records cover a period that ends on `period_end` (ISO), or has no
/// fixed end (`None`: emergency and special sessions).
fn coverage(p: &Period, period_end: Option<String>, records_end: &str) -> Coverage {
    match (&p.records_last, period_end) {
        (Some(last), Some(end)) if *last >= end => Coverage::Complete,
        (Some(_), None) => Coverage::Open,
        (_, Some(end)) if end.as_str() > records_end => Coverage::Open,
        _ => Coverage::Earlier,
    }
}

/// GA session key (as the catalogue writes it) and number of a cited target:
/// `78/999` → (`78`, 999), `ES-10/30` → (`ES-10`, 30), `1514 (XV)` → (`15`, 1514).
fn ga_session(target: &str) -> Option<(String, u32)> {
    if let Some((s, n)) = target.split_once('/') {
        let s = s.trim().to_ascii_uppercase();
        let ok = s
            .trim_start_matches("ES-")
            .trim_start_matches("S-")
            .bytes()
            .all(|b| b.is_ascii_digit());
        return ok.then(|| Some((s, leading(n)?))).flatten();
    }
    let inner = paren(target)?;
    let (prefix, roman) = match inner.split_once('-') {
        Some((p, r)) => (format!("{p}-"), r),
        None => (String::new(), inner),
    };
    let v = is_upper_roman(roman)
        .then(|| roman_value(roman))
        .flatten()?;
    Some((format!("{prefix}{v}"), leading(target)?))
}

fn check(cx: &Ctx, out: &mut Sink) {
    for c in acts(cx) {
        if c.kind != CitationKind::Resolution || own_symbol(cx, c) {
            continue;
        }
        match c.organ.as_deref() {
            Some("SC") => check_sc(cx, c, out),
            None | Some("GA") if ga_meant(cx, c) => check_ga(c, out),
            _ => {}
        }
    }
}

/// The document's own number, written in its heading or title.
pub(super) fn own_symbol(cx: &Ctx, c: &Citation) -> bool {
    let m = &cx.tree.meta;
    let inside = |r: &Option<std::ops::Range<usize>>| {
        r.as_ref()
            .is_some_and(|r| r.start <= c.range.start && c.range.end <= r.end)
    };
    m.number.as_deref() == Some(c.target.as_str())
        || inside(&m.number_range)
        || inside(&m.symbol_range)
}

/// A GA citation the General Assembly's: `its resolution` unless another body
/// is named just before, or the organ named.
fn ga_meant(cx: &Ctx, c: &Citation) -> bool {
    let before = crate::rules::shared::slice(
        cx.text,
        c.list_range.start.saturating_sub(160),
        c.list_range.start,
    );
    if c.own {
        return !names_other_body(before);
    }
    let written = crate::rules::shared::slice(cx.text, c.list_range.start, c.range.start);
    c.organ.as_deref() == Some("GA")
        || [
            "General Assembly",
            "大会",
            "Assemblée générale",
            "Asamblea General",
            "Генеральной Ассамблеи",
            "الجمعية العامة",
        ]
        .iter()
        .any(|w| written.contains(w))
}

fn check_ga(c: &Citation, out: &mut Sink) {
    let Some((session, n)) = ga_session(&c.target) else {
        return;
    };
    let slash = c.target.contains('/');
    let sessional = session.parse::<u32>().ok();
    if slash && sessional.is_some_and(|s| !(31..1946).contains(&s)) {
        // GA numbers read `N/M` from the 31st session on: `5/14` is another
        // body's (the Environment Assembly), `2023/5` the Economic and Social
        // Council's
        return;
    }
    // dated outside the session: another body's act (the Human Rights
    // Council's `57/19 of 10 October 2024`), or UN041's wrong date
    if let (Some(s), Some(d), true) = (sessional, c.date, slash)
        && !(1945 + s as i32..=1946 + s as i32).contains(&d.year)
    {
        return;
    }
    let cat = catalogue();
    let known = |t: &str| {
        cat.lookup(ActKind::Resolution, Organ::GA, t).is_some()
            || cat.lookup(ActKind::Decision, Organ::GA, t).is_some()
    };
    if known(&c.target) {
        return; // it exists, or it is UN050's decision
    }
    let ps = periods();
    if !slash && ps.ga_serial.contains(&n) {
        return; // the number exists under another session (`1874 (S-IV)`)
    }
    // `78/10215,`: an act and a footnote marker run together in the text (a
    // marker sits there only when no date follows the number)
    let split = |d: u32| n / d > 0 && n % d >= d / 10 && known(&format!("{session}/{}", n / d));
    if slash && c.date.is_none() && (split(10) || split(100)) {
        return;
    }
    let Some(p) = ps.ga.get(&session) else {
        return; // a session the catalogue knows nothing of
    };
    let end = sessional
        .filter(|_| slash)
        .map(|s| format!("{}-08-01", 1946 + s));
    let cov = coverage(p, end, &ps.ga_records_end);
    let what = format!("session {session}");
    report(c, n, p, cov, &what, &ps.ga_records_end, out);
}

/// The diagnostic for a number `n` beyond what the period `p` knows.
fn report(
    c: &Citation,
    n: u32,
    p: &Period,
    cov: Coverage,
    what: &str,
    records_end: &str,
    out: &mut Sink,
) {
    let (limit, severity) = match cov {
        Coverage::Complete => (p.highest, Severity::Warning),
        Coverage::Open => (p.highest, Severity::Hint),
        Coverage::Earlier => (p.highest + EARLIER_MARGIN, Severity::Warning),
    };
    if n <= limit {
        return;
    }
    let source = source_name(&p.highest_source);
    let msg = match cov {
        Coverage::Complete => format!(
            "{} does not exist: the last resolution of {what} is {} (from {source}; the Secretariat's records cover the whole {what})",
            c.target, p.highest_number
        ),
        Coverage::Open => format!(
            "{} is not in the catalogue (records end {records_end}; the last known of {what} is {})",
            c.target, p.highest_number
        ),
        Coverage::Earlier => format!(
            "{} is unlikely to exist: the highest resolution of {what} any source knows is {}",
            c.target, p.highest_number
        ),
    };
    out.emit(c.range.clone(), msg).severity = severity;
}

fn check_sc(cx: &Ctx, c: &Citation, out: &mut Sink) {
    let Some(year) = paren(&c.target).and_then(|y| y.parse::<u16>().ok()) else {
        return;
    };
    let Some(n) = leading(&c.target) else {
        return;
    };
    // `70S (1991)`: a letter glued to the number is a misread digit
    let written = crate::rules::shared::slice(cx.text, c.range.start, c.range.end);
    let after = written.trim_start_matches(|ch: char| ch.is_ascii_digit());
    if after.starts_with(|ch: char| ch.is_alphabetic()) {
        return;
    }
    if let Some(e) = catalogue().sc(n) {
        if let Ok(y) = e.session.parse::<u16>()
            && y != year
        {
            wrong_year(cx, c, (year, y), e, out);
        }
        return;
    }
    let ps = periods();
    let Some(p) = ps.sc.get(&year) else {
        return;
    };
    let cov = coverage(p, Some(format!("{year}-12-01")), &ps.sc_records_end);
    if cov == Coverage::Complete && n < p.lowest {
        let msg = format!(
            "{} does not exist: the resolutions of {year} run from {} to {}",
            c.target, p.lowest, p.highest
        );
        out.emit(c.range.clone(), msg);
        return;
    }
    report(c, n, p, cov, &year.to_string(), &ps.sc_records_end, out);
}

/// `2231 (2014)`: the number was adopted in another year.
fn wrong_year(cx: &Ctx, c: &Citation, (cited, adopted): (u16, u16), e: &Entry, out: &mut Sink) {
    let n = leading(&c.target).unwrap_or(0);
    let source = e
        .date_source
        .as_deref()
        .or(e.sources.first().map(String::as_str))
        .map_or("the catalogue", source_name);
    let diag = out.emit(
        c.range.clone(),
        format!("resolution {n} was adopted in {adopted}, not {cited} (year from {source})"),
    );
    let written = crate::rules::shared::slice(cx.text, c.range.start, c.range.end);
    if let Some(at) = written.rfind(&cited.to_string()) {
        let start = c.range.start + at;
        diag.fix(
            format!("Write the year of adoption, {adopted}"),
            vec![Edit {
                range: start..start + 4,
                text: adopted.to_string(),
            }],
            false, // the number may be the wrong part (`84 (1993)` for 804)
        );
    }
}
