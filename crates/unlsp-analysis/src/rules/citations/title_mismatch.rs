//! UN056 `title-mismatch`: The title quoted after a cited resolution is its title.
//!
//! `resolution 61/100 of 6 December 2006, entitled “…”`: the quoted title is
//! compared with the catalogue's when that is official (the Secretariat's
//! records, the act's own text, the decisions table). In the other five
//! languages the quoted title is compared with the resolution's title in that
//! language (`unlsp_index::titles`, GA 79–80 only): `intitulée « … »`,
//! `titulada “…”`, `под названием «…»`, `المعنون ”…“`, `题为“…”的第N/M号决议`.
//! A document is never checked against its own title.

use super::nonexistent_act::own_symbol;
use super::{acts, catalogue_entry};
use crate::{Ctx, RuleDef, Sink};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_index::catalogue::{Organ, source_name};
use unlsp_index::titles::titles;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Citation, CitationKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN056",
    name: "title-mismatch",
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Zh],
    summary: "The title quoted after a cited resolution is its title.",
    explanation: "`resolution N/M, entitled “…”` quotes the resolution's title. When the catalogue holds the official title (from the Secretariat's records, the act's own text or the decisions table), the quoted one must be the same, up to case, quotation marks, dashes, spaces and the punctuation before a subtitle. The fix writes the catalogue's title. In the other languages (`intitulée « … »`, `titulada “…”`, `под названием «…»`, `المعنون ”…“`, `题为“…”的`) the title is the resolution's own in that language, known for sessions 79 and 80.",
    bad: "resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Development”",
    good: "resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”",
    check,
    ..RuleDef::DEFAULT
};

/// `, entitled “` after the cited number or date, per language (a footnote
/// marker may sit before the comma or after it); group 1 is the opening
/// quotation mark. Chinese puts the title before the number (see
/// [`quoted_title_before`]).
static ENTITLED: LazyLock<[Option<Regex>; 6]> = LazyLock::new(|| {
    let re = |s: &str| Some(Regex::new(s).unwrap());
    Lang::ALL.map(|l| match l {
        Lang::En => re(r"^\d{0,3},?\s?\d{0,3}\s+entitled\s+([“\x22])"),
        Lang::Fr => re(r"^\d{0,3},?\s?\d{0,3}\s+intitulée?s?\s*([«“\x22])"),
        Lang::Es => re(r"^\d{0,3},?\s?\d{0,3}\s+titulad[ao]s?\s*([“«\x22])"),
        Lang::Ru => re(
            r"^\d{0,3}(?:\s+Генеральной\s+Ассамблеи)?,?\s?\d{0,3}\s+(?:под\s+названием|озаглавленн\w+)\s*([«“])",
        ),
        Lang::Ar => re(r"^\d{0,3}[،,]?\s?\d{0,3}\s+المعنونة?\s*([”“«\x22])"),
        Lang::Zh => None,
    })
});

fn check(cx: &Ctx, out: &mut Sink) {
    for c in acts(cx) {
        if c.kind != CitationKind::Resolution || c.noun_plural == Some(true) || own_symbol(cx, c) {
            continue;
        }
        let Some(e) = catalogue_entry(c).filter(|e| e.organ == Organ::GA) else {
            continue;
        };
        let Some(quoted) = quoted_title(cx, c) else {
            continue;
        };
        let (title, source) = if cx.lang == Lang::En {
            let Some(title) = e.title.as_deref().filter(|_| e.title_is_official()) else {
                continue;
            };
            let source = source_name(e.title_source.as_deref().unwrap_or("the catalogue"));
            (title, source.to_string())
        } else {
            let all = titles().get(&c.target, cx.lang);
            let written = normalise(&cx.text[quoted.clone()]);
            if all.is_empty() || all.iter().any(|t| normalise(t) == written) {
                continue;
            }
            (all[0], format!("the {} text of the act", cx.lang.code()))
        };
        let written = &cx.text[quoted.clone()];
        if normalise(written) == normalise(title) {
            continue;
        }
        let from_quote =
            crate::rules::shared::slice(cx.text, quoted.start - 1, quoted.start + 2 * title.len());
        if title.starts_with(['“', '"', '‘', '«']) && text_opens_with(from_quote, title) {
            continue;
        }
        let diag = out
            .emit(
                quoted.clone(),
                format!("{} is entitled “{title}” (title from {source})", c.target),
            )
            .related(c.range.clone(), "cited act");
        diag.fix_one(
            "Write the title of the resolution".to_string(),
            quoted,
            title.to_string(),
            false,
        );
    }
}

/// The range of the title, inside its quotation marks, that the document
/// gives the cited act: after it (`, entitled “…”`) or, in Chinese, before it
/// (`题为“…”的第N/M号决议`). Spaces inside the marks are left out.
fn quoted_title(cx: &Ctx, c: &Citation) -> Option<Range<usize>> {
    let r = if cx.lang == Lang::Zh {
        quoted_title_before(cx, c)?
    } else {
        quoted_title_after(cx, c)?
    };
    let title = &cx.text[r.clone()];
    // a quotation that runs over a paragraph end is not a title
    if title.contains("\n\n") || title.trim().is_empty() {
        return None;
    }
    let lead = title.len() - title.trim_start().len();
    let trail = title.len() - title.trim_end().len();
    Some(r.start + lead..r.end - trail)
}

/// `题为“…”的` right before `第N/M号决议` (the citation) or before its date
/// (`题为“未来契约”的2024年9月22日第79/1号决议`).
fn quoted_title_before(cx: &Ctx, c: &Citation) -> Option<Range<usize>> {
    let at = c
        .date_range
        .as_ref()
        .map_or(c.range.start, |r| r.start.min(c.range.start));
    let before = crate::rules::shared::slice(cx.text, at.saturating_sub(800), at);
    let base = at - before.len();
    let b = before.trim_end();
    let b = b.strip_suffix('第').unwrap_or(b).trim_end();
    // a line break (a wrapped text) may fall between any two of these
    let b = b.strip_suffix('的')?.trim_end();
    let close = b.strip_suffix(['”', '"'])?;
    let end = close.len();
    // the matching opening mark, past quotations nested inside
    let mut depth = 0usize;
    let mut start = None;
    for (i, ch) in close.char_indices().rev() {
        match ch {
            '”' => depth += 1,
            '“' | '"' if depth == 0 => {
                start = Some(i + ch.len_utf8());
                break;
            }
            '“' => depth -= 1,
            _ => {}
        }
    }
    let start = start?;
    close[..start]
        .trim_end_matches(['“', '"'])
        .trim_end()
        .strip_suffix('为')?
        .trim_end()
        .strip_suffix('题')?;
    Some(base + start..base + end)
}

/// The title inside the quotation marks of `, entitled “…”` right after the
/// citation (its date when given).
fn quoted_title_after(cx: &Ctx, c: &Citation) -> Option<Range<usize>> {
    let end = c.date_range.as_ref().map_or(c.range.end, |r| r.end);
    let after = crate::rules::shared::slice(cx.text, end, end + 800);
    let re = ENTITLED[Lang::ALL.iter().position(|l| *l == cx.lang)?].as_ref()?;
    let m = re.captures(after)?;
    let open = m.get(1)?;
    let start = open.end();
    let len = match open.as_str() {
        "“" => closing(&after[start..], '“', '”')?,
        "«" => closing(&after[start..], '«', '»')?,
        // Arabic opens with `”` and closes with `“`
        "”" => after[start..].find('“')?,
        _ => after[start..].find('"')?,
    };
    Some(end + start..end + start + len)
}

/// Where the `close` mark that closes an opened `open` is, past quotations
/// nested inside.
fn closing(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            c if c == open => depth += 1,
            c if c == close && depth == 0 => return Some(i),
            c if c == close => depth -= 1,
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
