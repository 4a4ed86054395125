//! English citations of acts: `resolutions 62/57 and 62/58 of 5 December
//! 2007`, `its decision 2/1`, `Security Council resolution 2231 (2015)`.

use super::acts::{alternation, apply_shared_date, organ_by_shape, pinpoints_len, sc_shaped};
use super::bodies::other_body_owns;
use super::unit::View;
use crate::dates;
use crate::lang::Lang;
use crate::lexer::normalise_number;
use crate::patterns::Releasable;
use crate::tree::{Citation, CitationKind};
use regex::Regex;
use std::sync::LazyLock;

/// `[organ phrase | its] resolution(s)|decision(s)|res.`: the organ phrases and
/// possessives of the `[en]` table of `grammar/languages.toml`.
///
/// Releasable: with [`PARA_REF_EN`], run over most paragraphs, its cache
/// grows largest (0.5 and 0.35 MB after a 1 MB text).
static EN_ACT: Releasable<Regex> = Releasable::new(|| {
    let t = Lang::En.table();
    let before: Vec<String> = t
        .organs
        .iter()
        .map(|(p, _)| p.clone())
        .chain(t.own_words.iter().cloned())
        .collect();
    Regex::new(&format!(
        r"(?:(?-u:\b)({})\s+)?(?-u:\b)([Rr]esolutions?|[Dd]ecisions?|res\.)\s+",
        alternation(&before)
    ))
    .unwrap()
});

/// The organ phrase (or possessive) and the noun of an [`EN_ACT`] match, which
/// is `[phrase \s+] noun \s+`: the noun is its last word (no noun holds a
/// space), the phrase what comes before it (no phrase ends in a space; unit
/// test). Reading the two groups off the match spares the capture engine,
/// which walks the whole phrase alternation again.
fn en_act_parts(m: &str) -> (Option<&str>, &str) {
    let t = m.trim_end_matches(char::is_whitespace);
    match t.rfind(char::is_whitespace) {
        Some(k) => {
            let noun = &t[k..];
            let noun = noun.trim_start_matches(char::is_whitespace);
            let before = t[..t.len() - noun.len()].trim_end_matches(char::is_whitespace);
            (Some(before), noun)
        }
        None => (None, t),
    }
}

/// An item: `61/100`, `53/77 AA` (two-letter parts after Z), `1514 (XV)`,
/// `2231 (2015)`, or a bare number.
static EN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s?[A-Z]{1,2}(?-u:\b)(?:\s(?:to|and)\s[A-Z]{1,2}(?-u:\b))?)?(?:\s?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\))?|\d{1,4}(?:\s?[A-Z](?-u:\b)(?:\s(?:to|and)\s[A-Z](?-u:\b))?)?\s?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\)|\d{1,4}(?-u:\b))").unwrap()
});

/// The date after an item, also after the section cited (`45/248 B, section VI,
/// of 21 December 1990`).
static EN_OF_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s+(?:section|part)\s+[IVXL]+)?,?\s+(?:of|dated|adopted on)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})|(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}))").unwrap()
});

/// Between two items; a footnote marker may sit after the comma (`56/1 of 10
/// July 2024,3 55/20 of …`, A/RES/79/182); a semicolon between items that
/// name their parts (`55/222, sect. III; 56/64 B`).
static EN_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,(?:\d{1,3}\s)?\s*(?:and\s+|or\s+)?|\s*;\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
        .unwrap()
});

static EN_BOTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+(?:both|all)\s+of\s+(\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})").unwrap()
});

/// The length of a footnote marker of one to three digits flattened onto what
/// precedes it, when a space, comma or semicolon follows.
fn marker_len(s: &str) -> usize {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    let next = s.as_bytes().get(n);
    if (1..=3).contains(&n) && next.is_some_and(|b| matches!(b, b' ' | b'\n' | b',' | b';')) {
        n
    } else {
        0
    }
}

/// The organ of the phrase before an act noun (`[en]` `organs`, `own_words`):
/// (organ, own, another body).
fn organ_of(word: Option<&str>, own_organ: Option<&str>) -> (Option<String>, bool, bool) {
    let Some(word) = word else {
        return (None, false, false);
    };
    let t = Lang::En.table();
    if t.own_words.iter().any(|w| w == word) {
        return (
            own_organ.filter(|o| !o.is_empty()).map(String::from),
            true,
            false,
        );
    }
    let squeezed = word.split_whitespace().collect::<Vec<_>>().join(" ");
    match t.cited_organ(&squeezed) {
        Some("") => (None, false, true),
        Some(o) => (Some(o.to_string()), false, false),
        None => (None, false, false),
    }
}

/// English-style citations (also used for fr/es/ru: same numbers): one list
/// per act noun, numbered on from `list`.
#[allow(clippy::while_let_loop)] // the item loop breaks from several places
pub(super) fn citations(
    view: &View,
    own_organ: Option<&str>,
    in_footnote: bool,
    out: &mut Vec<Citation>,
    list: &mut u32,
) {
    let s = view.s.as_str();
    let en_act = EN_ACT.get();
    for act in en_act.find_iter(s) {
        let (before, noun) = en_act_parts(act.as_str());
        let plural = noun.ends_with('s') && noun != "res.";
        let is_decision = noun.to_lowercase().starts_with("decision");
        let (organ, own, other_body) = organ_of(before, own_organ);
        let list_start = act.start();
        let mut pos = act.end();
        let mut items: Vec<Citation> = Vec::new();
        let mut joins: Vec<bool> = Vec::new();
        loop {
            let Some(m) = EN_ITEM.find(&s[pos..]) else {
                break;
            };
            let raw = m.as_str();
            let is_plain_number = !raw.contains('/') && !raw.contains('(');
            if is_plain_number {
                break; // `resolution 1` of some other body: no target we can name
            }
            let target = normalise_number(raw);
            let num_range = pos..pos + m.end();
            pos += m.end();
            let mut date = None;
            let mut date_range = None;
            if let Some(d) = EN_OF_DATE.captures(&s[pos..]) {
                let dm = d.get(1).unwrap();
                if let Some(fd) = dates::find_dates(dm.as_str()).first() {
                    date = Some(fd.date);
                    date_range = Some(view.range(pos + dm.start()..pos + dm.end()));
                }
                pos += d.get(0).unwrap().end();
            }
            let kind = if is_decision {
                CitationKind::Decision
            } else {
                CitationKind::Resolution
            };
            let org = if other_body && !sc_shaped(&target) {
                None
            } else {
                organ.clone().or_else(|| organ_by_shape(&target))
            };
            items.push(Citation {
                kind,
                target,
                organ: org,
                date,
                date_range,
                range: view.range(num_range),
                list: *list,
                list_range: 0..0,
                noun_plural: Some(plural),
                own,
                in_footnote,
                raw: raw.to_string(),
            });
            // a footnote marker flattened onto the year (`of 7 March 20082 and 54/7`)
            let glued = if date.is_some() {
                marker_len(&s[pos..])
            } else {
                0
            };
            let at = pos + glued;
            let at = at + pinpoints_len(&s[at..], &Lang::En.table().pinpoint_words);
            if let Some(sep) = EN_SEP.find(&s[at..])
                && EN_ITEM
                    .find(&s[at + sep.end()..])
                    .is_some_and(|m| m.as_str().contains('/') || m.as_str().contains('('))
            {
                joins.push(sep.as_str().contains("and"));
                pos = at + sep.end();
                continue;
            }
            break;
        }
        if items.is_empty() {
            continue;
        }
        if let Some(b) = EN_BOTH.captures(&s[pos..]) {
            let dm = b.get(1).unwrap();
            if let Some(fd) = dates::find_dates(dm.as_str()).first() {
                let dr = view.range(pos + dm.start()..pos + dm.end());
                for it in items.iter_mut() {
                    it.date = Some(fd.date);
                    it.date_range = Some(dr.clone());
                }
            }
            pos += b.get(0).unwrap().end();
        }
        apply_shared_date(&mut items, &joins);
        // a bare noun, or `its` after another body's name (`the Human Rights
        // Council in its resolutions 55/28 …`, A/RES/79/258)
        if before.is_none() || own {
            other_body_owns(Lang::En, s, list_start..pos, &mut items);
        }
        let lr = view.range(list_start..pos);
        for mut it in items {
            it.list_range = lr.clone();
            out.push(it);
        }
        *list += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The act's phrase and noun read off the match are its capture groups, on
    /// every paragraph of the outline fixtures and forms made up to try the
    /// phrase alternation.
    #[test]
    fn en_act_parts_are_the_capture_groups() {
        let t = Lang::En.table();
        for p in t.organs.iter().map(|(p, _)| p).chain(&t.own_words) {
            assert_eq!(p.trim(), p, "{p}");
        }
        let mut texts = crate::text::outline_fixture_texts();
        texts.push(
            "the General\u{a0}Assembly  resolutions 1/2, its\tdecision 3/4, res. 5/6 and \
             Security Council resolution\u{2003}7 (2000); Resolution 8/9"
                .into(),
        );
        let mut n = 0;
        for text in &texts {
            for c in EN_ACT.get().captures_iter(text) {
                let (before, noun) = en_act_parts(c.get(0).unwrap().as_str());
                assert_eq!(before, c.get(1).map(|m| m.as_str()), "{}", &c[0]);
                assert_eq!(noun, &c[2], "{}", &c[0]);
                n += 1;
            }
        }
        assert!(n > 20, "{n}");
    }
}
