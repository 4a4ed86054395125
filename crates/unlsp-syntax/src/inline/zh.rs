//! Chinese citations of acts: `[date] 第 N 号 (、|和) ... 决议|决定`.

use super::acts::{organ_by_shape, sc_shaped};
use super::bodies::other_body_owns;
use super::unit::View;
use crate::cjk::{SpaceTrim, is_space};
use crate::dates::Date;
use crate::lang::Lang;
use crate::lexer::normalise_number;
use crate::tree::{Citation, CitationKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ZH_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:S-|ES-)?\d{1,4}\s*/\s*\d{1,4}(?:\s*[A-Z](?-u:\b))?(?:\s*\((?:[IVXL]+|\d{4})\))?|\d{1,4}\s*(?:[A-Z]\s*)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\))").unwrap()
});

static ZH_DATE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$").unwrap());

/// The next item of a Chinese list after a comma: `2003 年 12 月 23 日第` or `第`.
static ZH_DATED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第").unwrap()
});

/// The organ the words before a Chinese citation name, from the `[zh] organs` of
/// `grammar/languages.toml`: another organ first, then `其` (its), then the
/// Assembly: (organ, own, another body).
fn zh_organ(before: &str, own_organ: Option<&str>) -> (Option<String>, bool, bool) {
    let squeezed: String = before.chars().filter(|c| !is_space(*c)).collect();
    let organs = &Lang::Zh.table().organs;
    if let Some((_, o)) = organs
        .iter()
        .find(|(p, o)| o != "GA" && squeezed.contains(p.as_str()))
    {
        return ((!o.is_empty()).then(|| o.clone()), false, o.is_empty());
    }
    if squeezed.contains('其') {
        return (
            own_organ.filter(|o| !o.is_empty()).map(String::from),
            true,
            false,
        );
    }
    if organs
        .iter()
        .any(|(p, o)| o == "GA" && squeezed.contains(p.as_str()))
    {
        return (Some("GA".to_string()), false, false);
    }
    (None, false, false)
}

/// Two GA numbers of one session (`62/57`, `62/58`).
fn same_session(a: &str, b: &str) -> bool {
    matches!((a.split_once('/'), b.split_once('/')), (Some((x, _)), Some((y, _))) if x == y)
}

/// A Chinese citation item: target, range, and the date written before it.
type ZhItem = (String, Range<usize>, Option<(Date, Range<usize>)>);

/// Chinese citations, one list per chain of `第 … 号` groups that ends with
/// its noun, numbered on from `list`.
pub(super) fn citations(
    view: &View,
    own_organ: Option<&str>,
    in_footnote: bool,
    out: &mut Vec<Citation>,
    list: &mut u32,
) {
    let s = view.s.as_str();
    let mut search = 0;
    let mut last_chain_end = 0;
    while let Some(p) = s[search..].find('第') {
        let start = search + p;
        let chain = chain(view, start);
        let Some(kind) = chain.noun else {
            search = start + '第'.len_utf8();
            continue;
        };
        let pos = chain.end;
        let head = chain_head(s, start, last_chain_end, chain.first_date_at, own_organ);
        let list_range = view.range(head.list_start..pos);
        let plural = chain.items.len() > 1;
        let mut items = Vec::new();
        for (t, r, d) in chain.items {
            let org = if head.other_body && !sc_shaped(&t) {
                None
            } else {
                head.organ.clone().or_else(|| organ_by_shape(&t))
            };
            items.push(Citation {
                kind,
                target: t,
                organ: org,
                date: d.as_ref().map(|x| x.0),
                date_range: d.map(|x| x.1),
                range: view.range(r.clone()),
                list: *list,
                list_range: list_range.clone(),
                noun_plural: Some(plural),
                own: head.own,
                in_footnote,
                raw: view.s[r].to_string(),
            });
        }
        // `人权理事会…及其 2024 年 7 月 10 日第 56/115 号决定`: the Council's
        if head.organ.is_none() || head.own {
            other_body_owns(Lang::Zh, s, head.list_start..pos, &mut items);
        }
        out.extend(items);
        *list += 1;
        last_chain_end = pos;
        search = pos.max(start + '第'.len_utf8());
    }
}

/// The `第 … 号` groups from one `第` on, up to the noun that ends them.
struct Chain {
    items: Vec<ZhItem>,
    /// `决议` or `决定`; None: the chain names no act.
    noun: Option<CitationKind>,
    /// Where the date before the first group starts.
    first_date_at: Option<usize>,
    /// After the noun.
    end: usize,
}

fn chain(view: &View, start: usize) -> Chain {
    let s = view.s.as_str();
    let mut c = Chain {
        items: Vec::new(),
        noun: None,
        first_date_at: None,
        end: start,
    };
    let mut pos = start;
    while let Some((group, q)) = number_group(s, pos) {
        // date right before `第`
        let date = date_before(view, pos).map(|(date, range, at)| {
            if c.items.is_empty() {
                c.first_date_at = Some(at);
            }
            (date, range)
        });
        push_group(&mut c.items, group, date);
        let t = s[q..].trim_space_start();
        let q2 = q + (s[q..].len() - t.len());
        if let Some((noun, len)) = act_noun(t) {
            c.noun = Some(noun);
            pos = q2 + len;
            break;
        }
        match next_group(s, q2, t) {
            Some(next) => pos = next,
            None => break,
        }
    }
    c.end = pos;
    c
}

/// `第` + numbers + `号` at `pos`: the numbers and the end of `号`.
#[allow(clippy::type_complexity)]
fn number_group(s: &str, pos: usize) -> Option<(Vec<(String, Range<usize>)>, usize)> {
    s[pos..].strip_prefix('第')?;
    let mut q = pos + '第'.len_utf8();
    let mut group: Vec<(String, Range<usize>)> = Vec::new();
    while let Some(m) = ZH_NUM.captures(&s[q..]) {
        let g = m.get(1).unwrap();
        group.push((
            normalise_number(&g.as_str().replace(' ', "")),
            q + g.start()..q + g.end(),
        ));
        q += m.get(0).unwrap().end();
        let t = s[q..].trim_start();
        let skip = s[q..].len() - t.len();
        if let Some(after) = t
            .strip_prefix('、')
            .or_else(|| t.strip_prefix('和'))
            .or_else(|| t.strip_prefix('及'))
            && ZH_NUM.is_match(after)
        {
            q += skip + (t.len() - after.len());
            continue;
        }
        break;
    }
    let t = s[q..].trim_start();
    if group.is_empty() || !t.starts_with('号') {
        return None;
    }
    q += s[q..].len() - t.len() + '号'.len_utf8();
    Some((group, q))
}

/// The date written right before `pos` (a `第`): the date, its range in the
/// document and where it starts in the view.
fn date_before(view: &View, pos: usize) -> Option<(Date, Range<usize>, usize)> {
    let s = view.s.as_str();
    let mut from = pos.saturating_sub(48);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let c = ZH_DATE_BEFORE.captures(&s[from..pos])?;
    let m = c.get(0).unwrap();
    let date = Date {
        year: c[1].parse().unwrap_or(0),
        month: c[2].parse().unwrap_or(0),
        day: c[3].parse().unwrap_or(0),
    };
    Some((
        date,
        view.range(from + m.start()..from + m.end()),
        from + m.start(),
    ))
}

/// A group's items, each with the date before the group where it applies: a
/// date before `第 a、b 号` applies to the items of the last one's session
/// (`2007 年 12 月 5 日第 62/57 和 62/58 号`: both of that day).
fn push_group(
    items: &mut Vec<ZhItem>,
    group: Vec<(String, Range<usize>)>,
    date: Option<(Date, Range<usize>)>,
) {
    let n = group.len();
    let last = group[n - 1].0.clone();
    for (i, (t, r)) in group.into_iter().enumerate() {
        let d = if n == 1 || i == n - 1 || same_session(&t, &last) {
            date.clone()
        } else {
            None
        };
        items.push((t, r, d));
    }
}

/// The act noun `t` opens with, and its length.
fn act_noun(t: &str) -> Option<(CitationKind, usize)> {
    if t.starts_with("决议") || t.starts_with("决 议") {
        let len = if t.starts_with("决议") {
            "决议".len()
        } else {
            "决 议".len()
        };
        Some((CitationKind::Resolution, len))
    } else if t.starts_with("决定") || t.starts_with("决 定") {
        Some((CitationKind::Decision, "决定".len()))
    } else {
        None
    }
}

/// Where the next group's `第` is, after the text `t` at `q2` that follows a
/// group: `、` / `和` / `以及`, then (topic phrase, date) and `第`.
fn next_group(s: &str, q2: usize, t: &str) -> Option<usize> {
    let cont =
        t.starts_with('、') || t.starts_with('和') || t.starts_with('及') || t.starts_with("以及");
    // `…第 57/72 号，2003 年 12 月 23 日第 58/241 号、…决议` (UN044): a comma
    // goes on with the list only when an item, its date first, follows
    if !cont {
        if let Some(after) = t.strip_prefix('，').or_else(|| t.strip_prefix(','))
            && let Some(m) = ZH_DATED_ITEM.find(after)
        {
            return Some(q2 + (t.len() - after.len()) + m.end() - '第'.len_utf8());
        }
        return None;
    }
    let window_end = (q2 + 240).min(s.len());
    let mut we = window_end;
    while !s.is_char_boundary(we) {
        we -= 1;
    }
    let window = &s[q2..we];
    let stop = window.find(['，', '；', '。', ';']).unwrap_or(window.len());
    window[..stop].find('第').map(|k| q2 + k)
}

/// The organ of a chain and where its list starts.
struct ChainHead {
    organ: Option<String>,
    own: bool,
    other_body: bool,
    list_start: usize,
}

/// The organ: the organ words before the chain in its clause, after the
/// previous citation when something is named there (`安全理事会第 2231(2015)号决议和其…
/// 第 61/100 号决议`), else in the whole clause (`人权理事会第 5/1 号决议和第
/// 6/2 号决议`).
fn chain_head(
    s: &str,
    start: usize,
    last_chain_end: usize,
    first_date_at: Option<usize>,
    own_organ: Option<&str>,
) -> ChainHead {
    let sentence_start = s[..start]
        .rfind(['，', '；', '。', ',', ';'])
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let after_prev = sentence_start.max(last_chain_end.min(start));
    let (mut organ, mut own, mut other_body) = zh_organ(&s[after_prev..start], own_organ);
    let mut clause_start = after_prev;
    if organ.is_none() && !own && !other_body && after_prev > sentence_start {
        (organ, own, other_body) = zh_organ(&s[sentence_start..start], own_organ);
        clause_start = sentence_start;
    }
    // the list starts at `其` and the first item's date, as `its resolutions`
    // does in English (UN040 reads the text between the lead and the list)
    let mut list_start = first_date_at.unwrap_or(start).max(clause_start);
    if let Some(own_at) = s[clause_start..list_start]
        .trim_space_end()
        .strip_suffix('其')
        .map(|b| clause_start + b.len())
        .filter(|_| own)
    {
        list_start = own_at;
    }
    ChainHead {
        organ,
        own,
        other_body,
        list_start,
    }
}
