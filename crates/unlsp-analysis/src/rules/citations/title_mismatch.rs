//! UN056 `title-mismatch`: The title quoted after a cited resolution is its title.
//!
//! `resolution 61/100 of 6 December 2006, entitled “…”`: the quoted title is
//! compared with the catalogue's when that is official (the Secretariat's
//! records, the act's own text, the decisions table). The catalogue holds
//! English titles only, so only English texts are checked.

use super::{acts, catalogue_entry};
use crate::{Ctx, Edit, RuleDef, Sink};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_index::catalogue::{Organ, source_name};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Citation, CitationKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN056",
    name: "title-mismatch",
    langs: &[Lang::En],
    summary: "The title quoted after a cited resolution is its title.",
    explanation: "`resolution N/M, entitled “…”` quotes the resolution's title. When the catalogue holds the official title (from the Secretariat's records, the act's own text or the decisions table), the quoted one must be the same, up to case, quotation marks, dashes, spaces and the punctuation before a subtitle. The fix writes the catalogue's title. Only English: the catalogue has no titles in the other languages.",
    bad: "resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Development”",
    good: "resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”",
    check,
    ..RuleDef::DEFAULT
};

/// `, entitled “` after the cited number or date (a footnote marker may sit
/// before the comma or after it).
static ENTITLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{0,3},?\s?\d{0,3}\s+entitled\s+([“\x22])").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    for c in acts(cx) {
        if c.kind != CitationKind::Resolution || c.noun_plural == Some(true) {
            continue;
        }
        let Some(e) = catalogue_entry(c).filter(|e| e.organ == Organ::GA) else {
            continue;
        };
        let Some(title) = e.title.as_deref().filter(|_| e.title_is_official()) else {
            continue;
        };
        let Some(quoted) = quoted_title(cx, c) else {
            continue;
        };
        let written = &cx.text[quoted.clone()];
        if normalise(written) == normalise(title) {
            continue;
        }
        let from_quote =
            crate::rules::shared::slice(cx.text, quoted.start - 1, quoted.start + 2 * title.len());
        if title.starts_with(['“', '"', '‘']) && text_opens_with(from_quote, title) {
            continue;
        }
        let source = source_name(e.title_source.as_deref().unwrap_or("the catalogue"));
        let diag = out
            .emit(
                quoted.clone(),
                format!("{} is entitled “{title}” (title from {source})", c.target),
            )
            .related(c.range.clone(), "cited act");
        diag.fix(
            "Write the title of the resolution".to_string(),
            vec![Edit {
                range: quoted,
                text: title.to_string(),
            }],
            false,
        );
    }
}

/// The range of the title inside the quotation marks of `, entitled “…”`
/// right after the citation (its date when given).
fn quoted_title(cx: &Ctx, c: &Citation) -> Option<Range<usize>> {
    let end = c.date_range.as_ref().map_or(c.range.end, |r| r.end);
    let after = crate::rules::shared::slice(cx.text, end, end + 800);
    let m = ENTITLED.captures(after)?;
    let open = m.get(1)?;
    let start = open.end();
    let len = if open.as_str() == "“" {
        closing_curly(&after[start..])?
    } else {
        after[start..].find('"')?
    };
    let title = &after[start..start + len];
    // a quotation that runs over a paragraph end is not a title
    if title.contains("\n\n") || title.trim().is_empty() {
        return None;
    }
    Some(end + start..end + start + len)
}

/// Where the `”` that closes an opened `“` is, past quotations nested inside.
fn closing_curly(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '“' => depth += 1,
            '”' if depth == 0 => return Some(i),
            '”' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Titles compared letter for letter: without regard to case, quotation
/// marks, dashes, spaces and the punctuation between a title and its subtitle
/// (`:`, `–`, `,`). The records write `Followup` and `“Space2030”` where the
/// acts write `Follow-up` and `‘Space 2030’`.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text from the opening quotation mark on reads as `title`: a title that
/// opens with its own quotation (`“World Social Summit” under the title “…”`).
fn text_opens_with(text: &str, title: &str) -> bool {
    let title = normalise(title);
    let mut seen = String::with_capacity(title.len());
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        if seen.len() >= title.len() {
            break;
        }
        seen.extend(c.to_lowercase());
    }
    seen == title
}
