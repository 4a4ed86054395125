//! The masthead's lines (organ, distribution, session, agenda, sponsors) and
//! the author line that opens the preamble.

use super::block::*;
use crate::cjk::{SpaceTrim, is_cjk, is_space};
use crate::patterns::*;
use crate::symbols;

/// All heading-field shapes in one automaton: one pass tells whether any of the
/// individual expressions (which extract captures) is worth running.
pub(super) static HEADING_SET: Releasable<regex::RegexSet> =
    Releasable::new(|| regex::RegexSet::new(heading_shapes().iter().map(|r| r.as_str())).unwrap());

/// The heading-field shapes, in the order of [`HEADING_SET`] (and of the
/// flags [`classify_heading_fields`] reads from it).
fn heading_shapes() -> [&'static regex::Regex; 14] {
    [
        &ORG_LINE,
        &ORGAN_LINE,
        &DISTR,
        &ORIGINAL,
        &ADOPTION_EN,
        &ADOPTION_SC,
        &ADOPTION_OTHER,
        &TITLE_SC,
        &CLOSING_SC_OLD,
        &CLOSING_ZH,
        &ANNEX,
        &AGENDA,
        &SESSION_EN,
        &SESSION_ZH,
    ]
}

/// Whether `t` can be a sponsor line (`…: draft resolution`, `Draft resolution
/// submitted by …`): the only heading shape not anchored at the line start,
/// so it stays out of [`HEADING_SET`], where it would make every line a
/// full scan.
fn may_be_sponsor_line(t: &str) -> bool {
    let tb = t.as_bytes();
    let ends = |w: &str| {
        tb.len() >= w.len() && tb[tb.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    let head = t.trim_space_start().as_bytes();
    let starts =
        |w: &str| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    [
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "résolution",
        "RÉSOLUTION",
        "resolución",
        "RESOLUCIÓN",
    ]
    .iter()
    .any(|w| ends(w))
        || starts("draft")
        || starts("revised")
        || (memchr::memchr(b':', tb).is_some()
            && ["rojet", "ROJET", "royecto", "ROYECTO"]
                .iter()
                .any(|w| t.contains(w)))
}

/// Whether a line whose first character (after spaces) is `first` can match
/// [`HEADING_SET`]: each of its expressions opens with a capital (any, for
/// `Third session`), `agenda`, a digit, or one of the non-Latin first letters
/// below. Lines of running text that open in lower case skip the automaton.
fn may_open_heading_field(first: char) -> bool {
    first.is_ascii_uppercase()
        || first == 'a'
        || first.is_numeric()
        || matches!(
            first,
            '联' | 'О'
                | 'ا'
                | '大'
                | '安'
                | '经'
                | '人'
                | 'Г'
                | 'С'
                | 'م'
                | 'Р'
                | 'ق'
                | '第'
                | 'П'
                | '附'
                | '议'
                | '临'
        )
}

pub(super) fn classify_heading_fields(line: &str, t: &str, first: char) -> Option<BlockKind> {
    let sponsors = may_be_sponsor_line(t) && SPONSORS.is_match(line);
    // which heading shapes match, in one pass: only those run with captures
    // (most lines match none: the plain test first, the set of matches after)
    let set = may_open_heading_field(first)
        .then(|| HEADING_SET.get())
        .filter(|hs| hs.is_match(line))
        .map(|hs| hs.matches(line));
    let set = set.as_ref();
    let heading = set.is_some_and(|s| s.matched_any());
    let [
        org,
        organ,
        distr,
        original,
        adoption_en,
        adoption_sc,
        adoption_other,
        title_sc,
        closing_sc_old,
        closing_zh,
        annex,
        agenda,
        session_en,
        session_zh,
    ] = std::array::from_fn(|i| set.is_some_and(|s| s.matched(i)));
    if !sponsors && !heading {
        if t.len() < 96
            && t.contains('/')
            && let Some(s) = symbols::whole_symbol(t)
        {
            return Some(BlockKind::SymbolLine(s.into()));
        }
        return author(t);
    }
    if org && let Some(c) = ORG_LINE.captures(line) {
        let sym = c.get(1).and_then(|m| symbols::whole_symbol(m.as_str()));
        if c.get(1).is_none() || sym.is_some() {
            return Some(BlockKind::OrgLine(sym.map(String::into_boxed_str)));
        }
    }
    if organ && let Some(c) = ORGAN_LINE.captures(line) {
        if let Some(d) = c.get(1)
            && let Some(dc) = DISTR.captures(d.as_str())
        {
            return Some(BlockKind::Distr(dc[1].into()));
        }
        return Some(BlockKind::OrganLine);
    }
    if first == 'D'
        && distr
        && let Some(c) = DISTR.captures(line)
    {
        return Some(BlockKind::Distr(c[1].into()));
    }
    if original {
        return Some(BlockKind::Original);
    }
    if let Some(s) = symbols::whole_symbol(t) {
        return Some(BlockKind::SymbolLine(s.into()));
    }
    if adoption_en || adoption_sc || adoption_other {
        return Some(BlockKind::Adoption);
    }
    if title_sc && let Some(c) = TITLE_SC.captures(line) {
        let (n, y) = if c.get(1).is_some() {
            (&c[1], &c[2])
        } else {
            (&c[3], &c[4])
        };
        return Some(BlockKind::Title {
            number: format!("{n} ({y})").into(),
        });
    }
    if closing_sc_old || closing_zh {
        return Some(BlockKind::Closing);
    }
    if annex && let Some(c) = ANNEX.captures(line) {
        let label = c.get(1).or(c.get(2)).map(|m| m.as_str().into());
        return Some(BlockKind::Annex(label));
    }
    if agenda {
        return Some(BlockKind::AgendaItem);
    }
    if session_en || session_zh {
        return Some(BlockKind::Session);
    }
    if let Some(k) = author(t) {
        return Some(k);
    }
    if sponsors {
        return Some(BlockKind::Sponsors);
    }
    None
}

/// `The General Assembly,` / `大会，` (comma optional: spec §2.5 accepts a bare
/// author line when no preamble follows).
pub(super) fn author(t: &str) -> Option<BlockKind> {
    if t.len() > 64 {
        return None; // author lines are short
    }
    // every author line starts with an article or an organ's first letter
    let first = t.chars().next()?;
    if first.is_ascii_lowercase() || first.is_ascii_digit() {
        return None;
    }
    let body = t
        .trim_end_matches([',', '，', '،', ':', '：'])
        .trim_space_end();
    let organ = if body.chars().any(is_cjk) {
        // `安全理事會` (Traditional, S/RES/2326 (2016)) is `安全理事会`
        let squeezed: String = body
            .chars()
            .filter(|c| !is_space(*c))
            .map(crate::lexicon::simplified)
            .collect();
        author_organ(&squeezed, body)
    } else {
        author_organ(body, body)
    };
    if let Some(organ) = organ {
        return Some(BlockKind::Author { organ });
    }
    // a bitext line: `The General Assembly,إن الجمعية العامة،`
    let (a, b) = body.split_once([',', '，', '،'])?;
    let (a, b) = (a.trim_space(), b.trim_space());
    match (author_organ(a, a), author_organ(b, b)) {
        (Some(organ), Some(_)) => Some(BlockKind::Author { organ }),
        _ => None,
    }
}

fn author_organ(squeezed: &str, body: &str) -> Option<&'static str> {
    for l in crate::Lang::ALL {
        for (name, organ) in &l.table().author {
            if squeezed == name || body == name {
                return Some(organ.as_str());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line the heading automaton matches passes the first-letter test:
    /// the corpus samples of every language, the outline fixtures and the
    /// heading forms of each.
    #[test]
    fn heading_first_letters_agree_with_the_automaton() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "United Nations",
            "联 合 国",
            "Nations Unies",
            "Организация Объединенных Наций",
            "الأمم المتحدة",
            "General Assembly",
            "大会",
            "安全理事会",
            "经济及社会理事会",
            "人权理事会",
            "Совет Безопасности",
            "Генеральная Ассамблея",
            "مجلس الأمن",
            "الجمعية العامة",
            "Distr.: General",
            "Оригинал: русский",
            "الأصل: عربي",
            "Резолюция 2231 (2015)",
            "قرار اتخذته الجمعية العامة",
            "第 2231 (2015) 号决议",
            "2015 年 7 月 20 日第 7488 次会议通过",
            "Приложение",
            "المرفق",
            "附件",
            "agenda item 68",
            "议程项目 68",
            "临时议程项目 68",
            "Пункт 68 повестки дня",
            "البند 68",
            "Seventy-ninth session",
            "第七十九届会议",
        ]);
        let mut matched = 0;
        for line in &lines {
            let t = line.trim_space();
            let Some(first) = t.chars().next() else {
                continue;
            };
            if HEADING_SET.get().is_match(line) {
                matched += 1;
                assert!(may_open_heading_field(first), "{line}");
            }
            // each flag of the set is its expression's answer
            let set = HEADING_SET.get().matches(line);
            for (i, r) in heading_shapes().iter().enumerate() {
                assert_eq!(set.matched(i), r.is_match(line), "{i}: {line}");
            }
        }
        // the count needs the corpus (absent from a bare clone: the samples still ran)
        if have_corpus {
            assert!(matched > 100, "{matched}");
        }
    }
}
