//! B. Citations of resolutions and decisions.
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod abbreviated_organ;
pub(super) mod act_noun_number;
pub(super) mod citation_date_format;
pub(super) mod cited_act_later;
pub(super) mod composite_letter_spacing;
pub(super) mod date_does_not_fit_number;
pub(super) mod first_citation_without_date;
pub(super) mod its_versus_organ;
pub(super) mod list_not_chronological;
pub(super) mod list_punctuation;
pub(super) mod nonexistent_act;
pub(super) mod pre_1976_without_session;
pub(super) mod resolution_decision_confusion;
pub(super) mod same_act_different_dates;
pub(super) mod same_session_higher_number;
pub(super) mod sc_resolution_without_year;
#[cfg(test)]
mod tests;
pub(super) mod title_mismatch;

use crate::{Ctx, Edit};
use unlsp_index::catalogue::{ActKind, Entry, Organ, catalogue};
use unlsp_syntax::dates::Date;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Citation, CitationKind};

fn acts<'a>(cx: &Ctx<'a>) -> impl Iterator<Item = &'a Citation> {
    cx.tree
        .citations
        .iter()
        .filter(|c| c.kind != CitationKind::Document)
}

/// The cited acts in runs that share one list (`resolutions 60/1, 61/2 and
/// 62/3`), in text order.
fn act_lists<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Citation>> {
    let mut lists: Vec<Vec<&Citation>> = Vec::new();
    for c in acts(cx) {
        match lists.last_mut() {
            Some(l) if l[0].list == c.list && l[0].list_range == c.list_range => l.push(c),
            _ => lists.push(vec![c]),
        }
    }
    lists
}

/// The parenthesised suffix of a target: `2231 (2015)` → `2015`.
fn paren(target: &str) -> Option<&str> {
    let a = target.rfind('(')?;
    let b = target[a..].find(')')? + a;
    Some(target[a + 1..b].trim())
}

/// The catalogue's entry of a cited act (GA resolution or decision, SC
/// resolution), when it has one.
fn catalogue_entry(c: &Citation) -> Option<&'static Entry> {
    let kind = if c.kind == CitationKind::Decision {
        ActKind::Decision
    } else {
        ActKind::Resolution
    };
    let organ = match c.organ.as_deref() {
        Some("SC") => Organ::SC,
        None | Some("GA") => Organ::GA,
        Some(_) => return None,
    };
    catalogue().lookup(kind, organ, &c.target)
}

/// The catalogue's adoption date of a cited act, when known.
fn catalogue_date(c: &Citation) -> Option<Date> {
    catalogue_entry(c).and_then(|e| e.date.as_deref().and_then(Date::from_iso))
}

/// `d` written the way `written` (a date of this document) is, by
/// `Date::written`: English `6 December 2006`, French `6 décembre 2006`,
/// Spanish `6 de diciembre de 2006`, Russian `6 декабря 2006 года`, Arabic `6
/// كانون الأول/ديسمبر 2006`, Chinese `2006 年 12 月 6 日` (without the spaces when
/// the text has none).
fn date_like(lang: Lang, written: &str, d: Date) -> Option<String> {
    Some(d.written(lang, lang.is_cjk() && written.contains(' ')))
}

/// Offer to write the catalogue's adoption date `k` over the cited date `dr`,
/// in the style the text wrote it; `safe` when the date comes from the records.
fn adoption_date_fix(
    cx: &Ctx,
    diag: &mut crate::Diagnostic,
    dr: std::ops::Range<usize>,
    k: Date,
    safe: bool,
) {
    if let Some(text) = date_like(cx.lang, &cx.text[dr.clone()], k) {
        diag.fix(
            format!("Write the date of adoption, {text}"),
            vec![Edit { range: dr, text }],
            safe,
        );
    }
}

/// The end of the sentence in `before` names a body other than the
/// General Assembly, which a following `its` can mean.
fn names_other_body(before: &str) -> bool {
    let sentence = before.rsplit([';', '.']).next().unwrap_or(before);
    [
        "Commission",
        "Conference",
        "Organization",
        "Committee",
        "Board",
        "Council",
        "Assembly of",
        "Meeting",
        "Union",
        "Agency",
        "Programme",
        "Fund",
        "Parties",
    ]
    .iter()
    .any(|w| sentence.contains(w))
}
