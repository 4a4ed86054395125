//! UN041 `date-does-not-fit-number`: The date given fits the cited number.

use super::{acts, adoption_date_fix, catalogue_entry, names_other_body, paren};
use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_index::catalogue::{ActKind, Organ, catalogue, source_name};
use unlsp_syntax::dates::Date;
use unlsp_syntax::numbers::{is_upper_roman as is_roman, roman_value as any_roman_value};
use unlsp_syntax::tree::{Citation, CitationKind};

/// From 1 January of `first` to 31 December of `last`.
fn years(first: i32, last: i32) -> (Date, Date) {
    let day = |year, month, day| Date { year, month, day };
    (day(first, 1, 1), day(last, 12, 31))
}

/// Years a cited act can carry, from its number alone.
fn expected_window(c: &Citation) -> Option<(Date, Date)> {
    let t = c.target.as_str();
    if let Some(p) = paren(t) {
        if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
            let y: i32 = p.parse().ok()?;
            return Some(years(y, y));
        }
        if let Some(r) = roman_value(p).filter(|_| c.organ.as_deref() == Some("GA")) {
            let y = 1945 + r as i32;
            return Some(years(y, y + 1));
        }
        return None;
    }
    if t.starts_with("S-") || t.starts_with("ES-") {
        return None;
    }
    let (n, _) = t.split_once('/')?;
    let n: u32 = n.trim().parse().ok()?;
    if n >= 1946 {
        // ECOSOC / HRC-style year numbering
        // ECOSOC's year starts with its organizational session in July of the year before
        let y = n as i32;
        return Some((
            Date {
                year: y - 1,
                month: 7,
                day: 1,
            },
            Date {
                year: y,
                month: 12,
                day: 31,
            },
        ));
    }
    if c.organ.as_deref() == Some("GA") && n >= 31 {
        return Some((
            Date {
                year: 1945 + n as i32,
                month: 9,
                day: 1,
            },
            Date {
                year: 1946 + n as i32,
                month: 9,
                day: 30,
            },
        ));
    }
    None
}

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN041",
    name: "date-does-not-fit-number",
    severity: Severity::Error,
    summary: "The date given fits the cited number.",
    explanation: "GA `N/M` is dated between September 1945+N and September 1946+N; SC `(YYYY)` in YYYY; ECOSOC `YYYY/n` in YYYY; a roman session R in 1945+R. A date inside that window must also be the day the catalogue gives: an error when the catalogue has it from the Secretariat's records or the act's own text, a warning when from another source (roll calls, citations); no day check when only the month is known.",
    bad: "resolution 61/100 of 6 December 2007",
    good: "resolution 61/100 of 6 December 2006",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for c in acts(cx) {
        let (Some(d), Some(dr)) = (c.date, c.date_range.clone()) else {
            continue;
        };
        if !d.is_valid() {
            continue; // UN073
        }
        let Some((from, to)) = expected_window(c) else {
            continue;
        };
        // `… the Economic and Social Commission for Asia and the Pacific in its
        // resolution 73/8` — `its` is another body's: no window to check.
        if other_body_before(cx, c) {
            continue;
        }
        let written = crate::rules::shared::slice(cx.text, c.list_range.start, c.range.start);
        let ga_named = c.own || written.contains("General Assembly") || written.contains("大会");
        if !ga_named && c.organ.as_deref() == Some("GA") {
            continue; // `Council resolution 54/18`: the organ is not known
        }
        if d >= from && d <= to {
            wrong_day(cx, c, d, dr, out);
            continue;
        }
        out_of_window(cx, c, d, dr, (from, to), out);
    }
}

/// A date outside the years the number allows: the catalogue's date as the
/// fix when it fits; else, when the number read backwards is an act adopted
/// that very day (`قرارها 92/78 المؤرخ 7 كانون الأول/ديسمبر 2023`, A/RES/79/105
/// in Arabic, for 78/92), that number.
fn out_of_window(
    cx: &Ctx,
    c: &Citation,
    d: Date,
    dr: std::ops::Range<usize>,
    (from, to): (Date, Date),
    out: &mut Sink,
) {
    let kind = if c.kind == CitationKind::Decision {
        ActKind::Decision
    } else {
        ActKind::Resolution
    };
    let organ = if c.organ.as_deref() == Some("SC") {
        Organ::SC
    } else {
        Organ::GA
    };
    let known = catalogue()
        .lookup(kind, organ, &c.target)
        .and_then(|e| e.date.clone());
    let reversed = reversed_number(&c.target)
        .filter(|_| organ == Organ::GA && known.is_none())
        .filter(|r| {
            catalogue()
                .lookup(kind, organ, r)
                .and_then(|e| e.date.as_deref().and_then(Date::from_iso))
                == Some(d)
        });
    let diag = out
        .emit(
            dr.clone(),
            format!(
                "{} cannot be dated {}: {} falls between {} and {}{}{}",
                c.target,
                d.iso(),
                c.target,
                from.iso(),
                to.iso(),
                known
                    .as_ref()
                    .map(|k| format!(" (adopted {k})"))
                    .unwrap_or_default(),
                reversed
                    .as_ref()
                    .map(|r| format!("; {r}, its numbers reversed, was adopted that day"))
                    .unwrap_or_default()
            ),
        )
        .related(c.range.clone(), "cited number");
    // the catalogue's date, when it fits the number
    if let Some(k) = known.as_deref().and_then(Date::from_iso)
        && k >= from
        && k <= to
    {
        adoption_date_fix(cx, diag, dr, k, false);
    } else if let Some(r) = reversed.filter(|_| cx.text[c.range.clone()].is_ascii()) {
        diag.fix(
            format!("Write {r}"),
            vec![crate::Edit {
                range: c.range.clone(),
                text: r,
            }],
            false,
        );
    }
}

/// `92/78` → `78/92`: a session and a number, read the other way round.
fn reversed_number(target: &str) -> Option<String> {
    let (a, b) = target.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(a) && digits(b) && a != b).then(|| format!("{b}/{a}"))
}

/// A date that fits the number but is not the day the catalogue knows.
fn wrong_day(cx: &Ctx, c: &Citation, d: Date, dr: std::ops::Range<usize>, out: &mut Sink) {
    let Some(e) = catalogue_entry(c) else {
        return;
    };
    let Some(k) = e.date.as_deref().and_then(Date::from_iso) else {
        return; // not known, or only the month
    };
    if k == d {
        return;
    }
    let source = e.date_source.as_deref().unwrap_or("the catalogue");
    let diag = out
        .emit(
            dr.clone(),
            format!(
                "{} was adopted on {}, not {} (date from {})",
                c.target,
                k.iso(),
                d.iso(),
                source_name(source)
            ),
        )
        .related(c.range.clone(), "cited act");
    if !e.date_is_authoritative() {
        diag.severity = diag.severity.step_down();
    }
    adoption_date_fix(cx, diag, dr, k, source == "records");
}

/// Another body is named just before an `its resolution` citation.
fn other_body_before(cx: &Ctx, c: &Citation) -> bool {
    let from = c.list_range.start.saturating_sub(160);
    names_other_body(crate::rules::shared::slice(
        cx.text,
        from,
        c.list_range.start,
    ))
}

/// A session numeral in capitals (`XV`).
fn roman_value(s: &str) -> Option<u32> {
    is_roman(s).then(|| any_roman_value(s)).flatten()
}
