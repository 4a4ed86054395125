//! French, Spanish, Russian and Arabic citations of acts, by the nouns, date
//! words and organ phrases of `grammar/languages.toml`.

use super::acts::{alternation, apply_shared_date, organ_by_shape, pinpoints_len, sc_shaped};
use super::bodies::other_body_owns;
use super::unit::View;
use crate::dates;
use crate::lang::{Lang, LangTable};
use crate::lexer::normalise_number;
use crate::numbers::roman;
use crate::tree::{Citation, CitationKind};
use regex::Regex;
use std::sync::LazyLock;

/// One language's citation grammar, compiled from its `languages.toml` section.
struct OtherGrammar {
    /// noun (with a possessive before it and fillers after it) up to the number
    act: Regex,
    /// what introduces the date after a number
    date_intro: Regex,
    /// a second date joined to the first (`du 14 juin 1967 et du 27 septembre
    /// 1968`): the dates of the list's last two items, in turn
    and_date: Regex,
    /// between two items of a list
    sep: Regex,
    /// a month and a year with no day
    month_year: Regex,
    /// an organ phrase after a number or its date (fr/es/ru `organs`)
    organ_after: Option<Regex>,
    /// an Arabic part letter name after a number (`40/152 سين`)
    part_name: Option<Regex>,
}

static OTHER_GRAMMARS: LazyLock<Vec<(Lang, OtherGrammar)>> = LazyLock::new(|| {
    [Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar]
        .into_iter()
        .map(|l| {
            let t = l.table();
            let nouns: Vec<String> = t
                .resolution_words
                .iter()
                .chain(&t.decision_words)
                .cloned()
                .collect();
            let own = alternation(&t.own_words);
            // Arabic names the organ between the noun and the number
            let mut fillers = t.act_fillers.clone();
            if l == Lang::Ar {
                fillers.extend(t.organs.iter().map(|(p, _)| p.clone()));
            }
            let fill = if fillers.is_empty() {
                String::new()
            } else {
                format!(r"(?:\s+(?:{}))*", alternation(&fillers))
            };
            let organ_after = (l != Lang::Ar && !t.organs.is_empty()).then(|| {
                let names: Vec<String> = t.organs.iter().map(|(p, _)| p.clone()).collect();
                Regex::new(&format!(r"^\s*,?\s*({})\b", alternation(&names))).unwrap()
            });
            let part_name = (!t.part_letters.is_empty()).then(|| {
                let names: Vec<String> = t.part_letters.iter().map(|(p, _)| p.clone()).collect();
                Regex::new(&format!(r"^\s+({})\b", alternation(&names))).unwrap()
            });
            // Arabic writes `و` (and), `ب` (by) joined to the noun: `والقرارين`
            let proclitic = if t.noun_prefixes.is_empty() {
                String::new()
            } else {
                format!("(?:{})?", alternation(&t.noun_prefixes))
            };
            let act = Regex::new(&format!(
                r"(?:\b({own})\s+)?\b{proclitic}({})\b({fill})\s+",
                alternation(&nouns)
            ))
            .unwrap();
            let date_intro = Regex::new(&format!(
                r"^\s*[,،]?\s*(?:{})\s*",
                alternation(&t.date_words)
            ))
            .unwrap();
            let and_date = Regex::new(&format!(
                r"^\s*(?:{})\s*(?:{})\s*",
                alternation(&t.list_and),
                alternation(&t.date_words)
            ))
            .unwrap();
            let sep = Regex::new(&format!(
                r"^(?:\s*[,،;؛]\s*(?:(?:{0})\s*)?|\s+(?:{0})\s*)",
                alternation(&t.list_and)
            ))
            .unwrap();
            let month_year =
                Regex::new(&format!(r"^(?:{})\s+[0-9٠-٩]{{4}}", alternation(&t.months))).unwrap();
            (
                l,
                OtherGrammar {
                    act,
                    date_intro,
                    and_date,
                    sep,
                    month_year,
                    organ_after,
                    part_name,
                },
            )
        })
        .collect()
});

/// A number as the citation grammars of fr/es/ru/ar write it: `61/100` (Arabic
/// also `40 / 152`), `1514 (XV)`,
/// `660 (1990)`, Arabic `1514 (د-15)`, `1874 (دإ-4)`, `دإط-10/15`, or a bare
/// `1493` (a Council resolution when a date follows).
static OTHER_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:S-|ES-|دإط?-)?[0-9٠-٩]{1,4}\s?/\s?[0-9٠-٩]{1,4}(?:\s?[A-Z](?-u:\b))?(?:\s?\((?:[IVXL]+|\d{4})\))?|[0-9٠-٩]{1,4}\s?(?:[A-Z]\s?)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|[0-9٠-٩]{4}|د(?:إط?)?-[0-9٠-٩]{1,2})\)|[0-9٠-٩]{1,4}(?:[^0-9٠-٩/]|$))").unwrap()
});

/// The session prefix an Arabic session abbreviation stands for: `د` a regular
/// session (none), `دإ` a special session (`S-`: الدورة الاستثنائية), `دإط` an
/// emergency special session (`ES-`: الدورة الاستثنائية الطارئة); with the
/// abbreviation's length. `1874 (دإ-4)` is 1874 (S-IV), `2252 (دإط-5)` 2252
/// (ES-V), `دإ-10/2` S-10/2 (A/RES/80/66), `دإط-10/15` ES-10/15 (A/RES/79/229).
fn arabic_session(s: &str) -> Option<(&'static str, usize)> {
    [("دإط", "ES-"), ("دإ", "S-"), ("د", "")]
        .into_iter()
        .find(|(abbr, _)| s.starts_with(abbr))
        .map(|(abbr, pre)| (pre, abbr.len()))
}

/// `1514 (د-15)` → `1514 (XV)`, `٦١/١٠٠` → `61/100`, `40 / 152` → `40/152`.
fn other_target(raw: &str) -> String {
    let ascii: String = raw
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    // `40 / 152` (Arabic spacing) → `40/152`
    let ascii = ascii
        .split('/')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("/");
    // `دإط-10/15` → `ES-10/15`, `دإ-10/2` → `S-10/2`
    let ascii = match arabic_session(&ascii) {
        Some((pre, len)) if ascii[len..].starts_with('-') => {
            format!("{pre}{}", &ascii[len + 1..])
        }
        _ => ascii,
    };
    let t = normalise_number(&ascii);
    if let Some(open) = t.find("(د") {
        let pre = arabic_session(&t[open + 1..]).map_or("", |(pre, _)| pre);
        let n: u32 = t[open..]
            .trim_end_matches(')')
            .rsplit('-')
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        return format!("{}({pre}{})", &t[..open], roman(n));
    }
    t
}

pub(super) fn citations(
    view: &View,
    lang: Lang,
    own_organ: Option<&str>,
    in_footnote: bool,
    out: &mut Vec<Citation>,
    list: &mut u32,
) {
    let s = view.s.as_str();
    let Some((_, g)) = OTHER_GRAMMARS.iter().find(|(l, _)| *l == lang) else {
        return;
    };
    let table = lang.table();
    for c in g.act.captures_iter(s) {
        let head = ActHead::of(&c, table, own_organ, in_footnote);
        let list_start = c.get(0).unwrap().start();
        let mut pos = c.get(0).unwrap().end();
        let mut items: Vec<Citation> = Vec::new();
        // an organ phrase after a number or its date names the list's organ
        let mut named_after: Option<String> = None;
        let mut joins: Vec<bool> = Vec::new();
        while let Some(m) = OTHER_ITEM.find(&s[pos..]) {
            let reader = ItemReader {
                view,
                g,
                table,
                head: &head,
                list: *list,
            };
            let Some((item, after, earlier)) = reader.read(pos, m.as_str(), &mut named_after)
            else {
                break;
            };
            // `237 (1967) et 259 (1968) …, en date du 14 juin 1967 et du 27
            // septembre 1968`: the first date is the item's before
            if let (Some((d, r)), Some(prev)) = (earlier, items.last_mut())
                && prev.date.is_none()
            {
                prev.date = Some(d);
                prev.date_range = Some(r);
            }
            items.push(item);
            pos = after;
            let at = pos + pinpoints_len(&s[pos..], &table.pinpoint_words);
            if let Some(sep) = g.sep.find(&s[at..])
                && OTHER_ITEM
                    .find(&s[at + sep.end()..])
                    // after a semicolon, a numbered act (`56/64 B`), not a bare number
                    .is_some_and(|m| {
                        !sep.as_str().contains([';', '؛']) || m.as_str().contains(['/', '('])
                    })
            {
                joins.push(
                    table
                        .list_and
                        .iter()
                        .any(|w| sep.as_str().contains(w.as_str())),
                );
                pos = at + sep.end();
                continue;
            }
            break;
        }
        if items.is_empty() {
            continue;
        }
        // `la résolution 2231 (2015) du Conseil de sécurité`, `резолюцию 5/1 Совета
        // по правам человека`: the organ of every item the text does not own
        let named = named_after.is_some() || head.named.is_some() || head.other_body;
        if let Some(o) =
            named_after.filter(|_| !head.own && head.named.is_none() && !head.other_body)
        {
            for it in items.iter_mut() {
                it.organ = if o.is_empty() && !sc_shaped(&it.target) {
                    None
                } else if o.is_empty() {
                    Some("SC".into())
                } else {
                    Some(o.clone())
                };
            }
        }
        apply_shared_date(&mut items, &joins);
        // `sa résolution 54/18` of the Human Rights Council the sentence names
        if !named {
            other_body_owns(lang, s, list_start..pos, &mut items);
        }
        let lr = view.range(list_start..pos);
        for mut it in items {
            it.list_range = lr.clone();
            out.push(it);
        }
        *list += 1;
    }
}

/// What the act noun and the words around it say of every item of its list.
struct ActHead {
    is_decision: bool,
    plural: Option<bool>,
    own: bool,
    /// The organ named between the noun and the number (Arabic), "" for
    /// another body.
    named: Option<String>,
    other_body: bool,
    organ: Option<String>,
    in_footnote: bool,
}

impl ActHead {
    fn of(
        c: &regex::Captures,
        table: &LangTable,
        own_organ: Option<&str>,
        in_footnote: bool,
    ) -> ActHead {
        let noun = c.get(2).unwrap().as_str();
        let is_decision = table.decision_words.iter().any(|w| w == noun);
        let own = c.get(1).is_some() || table.own_words.iter().any(|w| w == noun);
        let filler = c.get(3).map(|m| m.as_str()).unwrap_or("");
        // Arabic: the organ phrase between the noun and the number
        let named = table
            .organs
            .iter()
            .filter(|(p, _)| filler.contains(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(_, o)| o.clone());
        let other_body = named.as_deref() == Some("");
        let named = named.filter(|o| !o.is_empty());
        let organ = if own {
            own_organ.filter(|o| !o.is_empty()).map(String::from)
        } else {
            named.clone()
        };
        ActHead {
            is_decision,
            plural: noun_plural(noun),
            own,
            named,
            other_body,
            organ,
            in_footnote,
        }
    }
}

/// Whether an act noun is plural; Russian `резолюции` is a genitive singular
/// as often as a plural (None).
fn noun_plural(noun: &str) -> Option<bool> {
    let n = noun.to_lowercase();
    if n == "резолюции" || n == "решения" {
        None
    } else {
        Some(
            n.ends_with('s')
                || n.ends_with("ий")
                || n.ends_with("иях")
                || n.ends_with("иями")
                || n.ends_with("иям")
                || n.contains("قرارات")
                || n.contains("مقررات")
                || n.contains("قراري")
                || n.ends_with("ين"),
        )
    }
}

/// A date and where it is written.
type DatedAt = (dates::Date, std::ops::Range<usize>);

/// Reads the items of one act's list.
struct ItemReader<'a> {
    view: &'a View,
    g: &'a OtherGrammar,
    table: &'a LangTable,
    head: &'a ActHead,
    list: u32,
}

impl ItemReader<'_> {
    /// An organ phrase at `at` names the list's organ: its length.
    fn organ_after(&self, at: usize, named_after: &mut Option<String>) -> usize {
        let s = self.view.s.as_str();
        let Some(m) = self
            .g
            .organ_after
            .as_ref()
            .and_then(|r| r.captures(&s[at..]))
        else {
            return 0;
        };
        *named_after = self.table.cited_organ(&m[1]).map(String::from);
        m.get(0).unwrap().end()
    }

    /// The item whose number `raw` (an [`OTHER_ITEM`] match) starts at `pos`,
    /// where the text after it (its date, an organ phrase) ends, and the date
    /// of the item before it when two joined dates follow (`du 14 juin 1967
    /// et du 27 septembre 1968`). None: the list ends before it.
    fn read(
        &self,
        pos: usize,
        raw: &str,
        named_after: &mut Option<String>,
    ) -> Option<(Citation, usize, Option<DatedAt>)> {
        let (s, g, table, head) = (self.view.s.as_str(), self.g, self.table, self.head);
        // the plain-number form ends with the character after the digits
        let raw = match raw.chars().next_back() {
            Some(ch) if !(ch.is_ascii_alphanumeric() || ('٠'..='٩').contains(&ch) || ch == ')') => {
                &raw[..raw.len() - ch.len_utf8()]
            }
            _ => raw,
        };
        let mut num_end = pos + raw.len();
        let plain = !raw.contains('/') && !raw.contains('(');
        // Arabic part letters are written as letter names: `40/152 سين`
        let mut part = None;
        if let Some(p) = g.part_name.as_ref().and_then(|r| r.captures(&s[num_end..])) {
            part = table
                .part_letters
                .iter()
                .find(|(n, _)| *n == p[1])
                .map(|(_, l)| l.clone());
            num_end += p.get(0).unwrap().end();
        }
        let num_range = pos..num_end;
        let mut after = num_end;
        after += self.organ_after(after, named_after);
        let mut date = None;
        let mut date_range = None;
        if let Some(d) = g.date_intro.find(&s[after..]) {
            let at = after + d.end();
            if let Some(fd) = dates::find_dates(&s[at..])
                .into_iter()
                .find(|fd| fd.start == 0)
            {
                date = Some(fd.date);
                date_range = Some(self.view.range(at..at + fd.end));
                after = at + fd.end;
            } else if let Some(m) = g.month_year.find(&s[at..]) {
                // a date without its day (`661 (1990) d’août 1990`, the French
                // Iraq draft of 2003): no date, but the list goes on
                after = at + m.end();
            }
        }
        let mut earlier = None;
        if let Some(d) = date {
            // `года` after a Russian date
            after += self.organ_after(after, named_after);
            // `du 14 juin 1967 et du 27 septembre 1968`
            if let Some(j) = g.and_date.find(&s[after..]) {
                let at = after + j.end();
                if let Some(fd) = dates::find_dates(&s[at..])
                    .into_iter()
                    .find(|fd| fd.start == 0)
                {
                    earlier = date_range.take().map(|r| (d, r));
                    date = Some(fd.date);
                    date_range = Some(self.view.range(at..at + fd.end));
                    after = at + fd.end;
                }
            }
        }
        let mut target = match (plain, date) {
            // `резолюции 1493 от 28 июля 2003 года`: a Council resolution
            (true, Some(d)) => format!("{} ({})", other_target(raw), d.year),
            (true, None) => return None,
            _ => other_target(raw),
        };
        if let Some(l) = part {
            target = normalise_number(&format!("{target} {l}"));
        }
        let org = if head.other_body && !sc_shaped(&target) {
            None
        } else {
            head.organ.clone().or_else(|| organ_by_shape(&target))
        };
        let item = Citation {
            kind: if head.is_decision {
                CitationKind::Decision
            } else {
                CitationKind::Resolution
            },
            target,
            organ: org,
            date,
            date_range,
            range: self.view.range(num_range),
            list: self.list,
            list_range: 0..0,
            noun_plural: head.plural,
            own: head.own,
            in_footnote: head.in_footnote,
            raw: s[pos..num_end].to_string(),
        };
        Some((item, after, earlier))
    }
}
