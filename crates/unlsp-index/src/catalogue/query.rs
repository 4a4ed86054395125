//! Numbers of acts as they are written (`1514 (XV)`, `S/RES/2231 (2015)`,
//! `decision 60/519`) read into the catalogue's own form.

use super::entry::{ActKind, Organ};
use std::borrow::Cow;
use unlsp_syntax::numbers::{is_upper_roman, roman_value as any_roman_value};

/// Parse `61/100`, `1514 (XV)`, `1514(XV)`, `217 A (III)`, `decision 60/519`,
/// `S/RES/2231 (2015)`, `A/RES/61/100`, `A/DEC/60/519`, `2231 (2015)`, `resolution ES-10/19`,
/// `General Assembly resolution 56/24 V`, `Security Council resolution 2231`.
pub(super) fn parse_query(q: &str) -> Option<(ActKind, Organ, String)> {
    let mut s = q.trim().trim_end_matches(['.', ',', ';']).trim();
    let mut kind: Option<ActKind> = None;
    let mut organ: Option<Organ> = None;
    // leading words
    loop {
        let lower = s.to_ascii_lowercase();
        let mut strip = |prefix: &str| -> bool {
            if lower.starts_with(prefix) {
                s = s[prefix.len()..].trim_start();
                true
            } else {
                false
            }
        };
        if strip("general assembly") || strip("ga ") {
            organ = Some(Organ::GA);
        } else if strip("security council") || strip("sc ") {
            organ = Some(Organ::SC);
        } else if strip("resolutions") || strip("resolution") || strip("res.") {
            kind = Some(ActKind::Resolution);
        } else if strip("decisions") || strip("decision") || strip("dec.") {
            kind = Some(ActKind::Decision);
        } else if strip("a/res/") {
            organ = Some(Organ::GA);
            kind = Some(ActKind::Resolution);
        } else if strip("a/dec/") {
            organ = Some(Organ::GA);
            kind = Some(ActKind::Decision);
        } else if strip("s/res/") {
            organ = Some(Organ::SC);
            kind = Some(ActKind::Resolution);
        } else {
            break;
        }
    }
    if s.is_empty() {
        return None;
    }
    // SC: N (YYYY) or, with an explicit SC prefix, N
    if let Some((n, year)) = split_sc(s) {
        if let Some(y) = year {
            if organ != Some(Organ::GA) && kind != Some(ActKind::Decision) {
                return Some((ActKind::Resolution, Organ::SC, format!("{n} ({y})")));
            }
            return None;
        }
        if organ == Some(Organ::SC) {
            return Some((ActKind::Resolution, Organ::SC, n.to_string()));
        }
    }
    if organ == Some(Organ::SC) {
        return None;
    }
    let norm = normalise_ga(s)?;
    let k = kind.unwrap_or(ActKind::Resolution);
    if k == ActKind::Decision && norm.contains('(') {
        return None;
    }
    Some((k, Organ::GA, norm.into_owned()))
}

/// A sort key that puts `81/2` before `81/10` (digit runs padded).
pub fn natural_key(n: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for ch in n.chars().chain(std::iter::once('\0')) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        if !digits.is_empty() {
            out.push_str(&format!("{digits:0>8}"));
            digits.clear();
        }
        if ch != '\0' {
            out.push(ch);
        }
    }
    out
}

pub(super) fn leading_number(s: &str) -> Option<u32> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s[..end].parse().ok()
}

/// `2231 (2015)`, `2231(2015)`, `2231` -> (2231, Some(2015)) / (2231, None). A parenthesised
/// part that is not a year (`1514 (XV)`) is not SC.
pub(super) fn split_sc(s: &str) -> Option<(u32, Option<u16>)> {
    let s = s.trim();
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 4 {
        return None;
    }
    let n: u32 = s[..end].parse().ok()?;
    let rest = s[end..].trim();
    if rest.is_empty() {
        return Some((n, None));
    }
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    if inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit()) {
        let y: u16 = inner.parse().ok()?;
        if (1946..=2100).contains(&y) {
            return Some((n, Some(y)));
        }
    }
    None
}

/// Canonical GA number: `61/100`, `56/24 V` (`56/24V`), `S-27/2`, `ES-10/19`,
/// `1514 (XV)` (`1514(XV)`, `1514 ( XV )`), `217 A (III)` (`217A(III)`), `3201 (S-VI)`.
pub(super) fn normalise_ga(s: &str) -> Option<Cow<'_, str>> {
    let s = s.trim();
    if let Some(open) = s.find('(') {
        // pre-1976: NUM [LETTER] (ROMAN | S-ROMAN | ES-ROMAN)
        let close = s.rfind(')')?;
        if close < open || !s[close + 1..].trim().is_empty() {
            return None;
        }
        let inner: String = s[open + 1..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let inner = inner.to_ascii_uppercase();
        let core = inner
            .strip_prefix("ES-")
            .or_else(|| inner.strip_prefix("S-"))
            .unwrap_or(&inner);
        roman_value(core)?;
        let (num, part) = number_and_part(s[..open].trim())?;
        return Some(as_written(s, format!("{num}{part} ({inner})")));
    }
    // post-1976: [S-|ES-]SESSION/NUMBER[ PART]
    let (sess, rest) = s.split_once('/')?;
    let sess = sess.trim();
    let sess_norm = if let Some(x) = sess
        .strip_prefix("ES-")
        .or_else(|| sess.strip_prefix("es-"))
    {
        x.parse::<u32>().ok()?;
        format!("ES-{x}")
    } else if let Some(x) = sess.strip_prefix("S-").or_else(|| sess.strip_prefix("s-")) {
        x.parse::<u32>().ok()?;
        format!("S-{x}")
    } else {
        let n: u32 = sess.parse().ok()?;
        if n == 0 || n > 200 {
            return None;
        }
        n.to_string()
    };
    let (num, part) = number_and_part(rest.trim())?;
    let num: u32 = num.parse().ok()?;
    Some(as_written(s, format!("{sess_norm}/{num}{part}")))
}

/// The digits that open `s` and the part letter after them, as written in
/// the canonical form (`24 V` → (`24`, ` V`), `217A` → (`217`, ` A`), `100` →
/// (`100`, ``)); `None` without digits or with more than one capital letter.
fn number_and_part(s: &str) -> Option<(&str, String)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let part = s[end..].trim();
    if end == 0 || part.len() > 1 || !part.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let part = match part {
        "" => String::new(),
        p => format!(" {p}"),
    };
    Some((&s[..end], part))
}

/// `out`, borrowed from `s` when it is `s` as written.
fn as_written(s: &str, out: String) -> Cow<'_, str> {
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// `61` -> `61`, `XV` / `(XV)` -> `15`, `S-VI` -> `S-6`, `ES-10` -> `ES-10`, `2015` -> `2015`.
pub(super) fn normalise_session(s: &str) -> Option<String> {
    let s = s
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(['/', ')'])
        .trim();
    let up = s.to_ascii_uppercase();
    for prefix in ["ES-", "S-"] {
        if let Some(x) = up.strip_prefix(prefix) {
            let n = x.parse::<u32>().ok().or_else(|| roman_value(x))?;
            return Some(format!("{prefix}{n}"));
        }
    }
    if let Ok(n) = up.parse::<u32>() {
        return Some(n.to_string());
    }
    roman_value(&up).map(|n| n.to_string())
}

/// A session numeral in capitals (`XV`).
fn roman_value(s: &str) -> Option<u32> {
    is_upper_roman(s).then(|| any_roman_value(s)).flatten()
}
