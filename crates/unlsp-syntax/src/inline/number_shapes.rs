//! The shapes of numbers around a footnote marker candidate, by language:
//! digit groups, decimals, years, days and their ranges, the words that
//! count or name a number, Arabic bracketed markers, markers glued to words.

use super::unit::View;
use crate::cjk::{is_cjk, is_space};
use crate::lang::LangTable;
use crate::tree::DateRef;
use std::ops::Range;

/// Measure words and units that follow a number in Chinese text.
pub(super) const CJK_UNITS: &str =
    "个年月日次名项国届岁人万亿多余家卷号段条款分%倍位种件份页章节点天周美元";

/// Chinese words a number follows as its value, not as a marker: a month,
/// `至` (to), `午` (morning, afternoon), `第` (the ordinal), `约` (about),
/// `共` (in all), `标` (`目标7`, goal 7), `号`.
pub(super) const CJK_TAKES_NUMBER: &str = "月至午第约共标号";

/// `s` (what follows a number) opens with a Chinese measure word or unit
/// (`13 个国家`, `5国`), not with a word that merely starts with one
/// (`《世界人权宣言》、1 国际人权两公约`: 国际, international).
pub(super) fn counts_a_unit(s: &str) -> bool {
    s.chars().next().is_some_and(|ch| CJK_UNITS.contains(ch)) && !s.starts_with("国际")
}

/// `s` ends with a number of a Chinese list of numbers (`第10、12`): the
/// digits after `第` or `、`, not an act's (`第48/18、6`) nor a year.
pub(super) fn in_number_list(s: &str) -> bool {
    let head = s.trim_end_matches(|c: char| c.is_ascii_digit());
    head.len() < s.len() && (head.ends_with('第') || head.ends_with('、'))
}

/// Abbreviations whose number follows their full stop (`para. 3`, `No. 5`).
pub(super) fn is_reference_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "para"
            | "paras"
            | "No"
            | "Nos"
            | "vol"
            | "p"
            | "pp"
            | "chap"
            | "art"
            | "sect"
            | "annex"
            | "Rev"
            | "Add"
            | "Corr"
            | "L"
            | "PV"
            | "SR"
            | "CONF"
            | "Sub"
    )
}

/// Words a number after them counts or names (`article 3`, `phase 2`).
pub(super) fn is_counted_word(word: &str) -> bool {
    matches!(
        word,
        "article"
            | "articles"
            | "paragraph"
            | "paragraphs"
            | "para"
            | "chapter"
            | "protocol"
            | "rule"
            | "rules"
            | "annex"
            | "item"
            | "items"
            | "section"
            | "principle"
            | "goal"
            | "goals"
            | "target"
            | "targets"
            | "no"
            | "vol"
            | "decision"
            | "resolution"
            | "and"
            | "or"
            | "to"
            | "from"
            | "phase"
            | "step"
            | "level"
            | "category"
            | "class"
            | "group"
            | "page"
            | "option"
            | "tier"
            | "grade"
            | "covid"
            | "the"
            | "of"
            | "in"
            | "at"
            | "for"
            | "by"
            | "on"
            | "with"
            | "over"
            | "than"
            | "under"
            | "about"
            | "some"
            | "least"
            | "most"
            | "every"
            | "first"
            | "last"
    )
}

/// Words after a number that make it a quantity (`3 years`, `5 per cent`).
pub(super) fn is_quantity_word(word: &str) -> bool {
    matches!(
        word,
        "years"
            | "year"
            | "months"
            | "days"
            | "weeks"
            | "hours"
            | "per"
            | "percent"
            | "million"
            | "billion"
            | "times"
            | "states"
            | "members"
            | "countries"
            | "to"
            | "of"
            | "or"
            | "p"
            | "pm"
            | "am"
            | "degrees"
    )
}

/// `s` opens with a comma, semicolon, colon or full stop that ends a phrase
/// (a space or the end after it), not a number's part (`8,5`, `3.1`); a
/// French non-breaking space may stand before `;` and `:`.
pub(super) fn punct_follows(s: &str) -> bool {
    let s = s
        .strip_prefix(['\u{a0}', '\u{202f}'])
        .filter(|t| t.starts_with([';', ':']))
        .unwrap_or(s);
    let mut c = s.chars();
    matches!(c.next(), Some(',' | ';' | ':' | '.')) && c.next().is_none_or(is_space)
}

/// A year as UN texts cite them (the Geneva Protocol of 1925, targets for
/// 2050) as four digits: 1900–2099.
pub(super) fn is_year(d: &[u8]) -> bool {
    d.len() == 4
        && d.iter().all(u8::is_ascii_digit)
        && matches!((d[0], d[1]), (b'1', b'9') | (b'2', b'0'))
}

/// `s` ends with a year standing alone (`August 1948`), not a digit group.
pub(super) fn ends_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 4 || !is_year(&b[b.len() - 4..]) {
        return false;
    }
    let before = s[..s.len() - 4].chars().next_back();
    match before {
        None => true,
        // `1\u{a0}2019` groups a number; `عام\u{a0}2019` is a year
        Some('\u{a0}' | '\u{202f}') => !s[..s.len() - 4]
            .trim_end_matches(['\u{a0}', '\u{202f}'])
            .ends_with(|c: char| c.is_ascii_digit()),
        Some(c) => !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/')),
    }
}

/// `before` (the text up to a comma or full stop) ends with a number other
/// than a year: a marker after it may be a decimal (`2,5 millions`), so it is
/// kept only as a weak one.
pub(super) fn after_plain_number(before: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_digit()) && !ends_with_year(before)
}

/// The digits at `ds..ds + len` continue a number written with group
/// separators (`326,164,100`, `1 234 567`, `1.234.567`, `1’234`): three digits
/// after a separator that follows a digit.
pub(super) fn digit_group(s: &str, punct_at: usize, punct: char, spaced: bool, len: usize) -> bool {
    if len != 3 {
        return false;
    }
    let sep = if spaced { ' ' } else { punct };
    // the group before the separator: one to three digits, not a year nor
    // the number of an act (`Sediments, 2004,123 and`, `resolution 5/14,118`:
    // markers)
    let head = if spaced {
        &s[..punct_at + punct.len_utf8()]
    } else {
        &s[..punct_at]
    };
    let rest = head.trim_end_matches(|c: char| c.is_ascii_digit());
    let run = head.len() - rest.len();
    (1..=3).contains(&run) && !rest.ends_with('/') && matches!(sep, ',' | '.' | ' ' | '\'' | '’')
}

/// `20238 and`, `2015–20307`: five or six digits that are a year and a
/// one- or two-digit marker glued to it (numbers this large are written with
/// group separators in UN texts). Returns the marker's range.
pub(super) fn year_then_marker(s: &str, ds: usize, de: usize) -> Option<Range<usize>> {
    let b = s.as_bytes();
    if !(5..=6).contains(&(de - ds)) || !is_year(&b[ds..ds + 4]) || b[ds + 4] == b'0' {
        return None;
    }
    let prev_ok = s[..ds]
        .chars()
        .next_back()
        .is_none_or(|c| is_space(c) || matches!(c, '–' | '-' | '\u{2011}' | '('));
    let next_ok = s[de..].chars().next().is_none_or(|c| {
        is_space(c) || matches!(c, ',' | ';' | '.' | ':' | ')' | '，' | '；' | '。')
    });
    (prev_ok && next_ok).then_some(ds + 4..de)
}

/// `أنغويلا(2)`, `عام 2024(1)`: digits in brackets glued to a non-Latin
/// word or to a year, closed at once and not followed by a word; not a
/// paragraph's part (`5(2)`), a session (`1514(XV)`), a label (`(a)`).
/// Where the language prints its markers so (`bracketed`), after any number
/// or code (`القرن 21(5)`, `EC-94/DEC.2(18)`), a bracket that opens words
/// (`(كوفيد-19((3)`) and the comma between two markers (`(10)،(11)`) too.
pub(super) fn parenthesised_marker(s: &str, ds: usize, de: usize, bracketed: bool) -> bool {
    let open = ds - 1;
    if s.as_bytes()[ds] == b'0' || !s[de..].starts_with(')') {
        return false;
    }
    let Some(c) = s[..open].chars().next_back() else {
        return false;
    };
    let before = &s[..open];
    let glued = (c.is_alphabetic() && !c.is_ascii())
        || (c.is_ascii_digit() && (ends_with_year(before) || ends_with_resolution(before)))
        || matches!(c, '»' | '”' | '“' | '"')
        || (bracketed && (c.is_ascii_alphanumeric() || matches!(c, '(' | '،')))
        // `(قواعد بانكوك)(9)`: after a parenthesis that closes words
        || (c == ')'
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() && !c.is_ascii()));
    // what follows is not a word run on in Latin letters or digits (an
    // Arabic conjunction may follow unspaced: `1999(27)والجاري`)
    glued
        && !s[de + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `(2005()22)`: the digits `ds..de` between `()` and `)`, the brackets of
/// an Arabic marker after a closing bracket, mirrored.
pub(super) fn mirrored_marker(s: &str, ds: usize, de: usize) -> bool {
    s.as_bytes()[ds] != b'0' && s[..ds].ends_with("()") && s[de..].starts_with(')')
}

/// The digits `ds..de`, standing apart, go on with a dash or a word of the
/// language's ranges (`et`, `au`, `and`, `y`, `по`) and a date that opens
/// there with a later day: they are the first day of a range of days (`les
/// 18 et 19 mai`), not a marker (`Weapons1 on 7 July 2017`).
pub(super) fn opens_day_range(
    view: &View,
    lang: &LangTable,
    dates: &[DateRef],
    ds: usize,
    de: usize,
) -> bool {
    let s = view.s.as_str();
    let day =
        |d: &str| -> Option<u32> { (1..=2).contains(&d.len()).then(|| d.parse().ok()).flatten() };
    let Some(from) = day(&s[ds..de]) else {
        return false;
    };
    // standing apart, and not after a number (`24 August 2016 3 and 21
    // October 2016,4`: a marker)
    if !s[..ds].ends_with(char::is_whitespace)
        || s[..ds].trim_end().ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let rest = &s[de..];
    let t = rest.trim_start_matches(char::is_whitespace);
    let t = match t.strip_prefix(['-', '–', '—', '\u{2011}']) {
        Some(u) => u,
        None => {
            let w = t.len() - t.trim_start_matches(char::is_alphabetic).len();
            if t.len() == rest.len() || !lang.range_words.iter().any(|r| *r == t[..w]) {
                return false;
            }
            &t[w..]
        }
    };
    let t = t.trim_start_matches(char::is_whitespace);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !day(&t[..digits]).is_some_and(|to| from < to && to <= 31) {
        return false;
    }
    let at = view.range(s.len() - t.len()..s.len() - t.len() + 1).start;
    dates.iter().any(|d| d.range.start == at)
}

/// The digits `ds..de`, standing apart, are a day followed by its month
/// (`«Мир с природой» 21 октября — 1 ноября`, `21 de octubre`), not a marker.
pub(super) fn is_day_of_month(s: &str, lang: &LangTable, ds: usize, de: usize) -> bool {
    if de - ds > 2 || !s[..ds].ends_with(char::is_whitespace) {
        return false;
    }
    let Some(rest) = s[de..].strip_prefix(char::is_whitespace) else {
        return false;
    };
    let rest = rest.strip_prefix("de ").unwrap_or(rest);
    let word = &rest[..rest.len() - rest.trim_start_matches(char::is_alphabetic).len()];
    !word.is_empty() && lang.months.iter().any(|m| m == word)
}

/// `s` (what follows a run of digits) goes on with a group of three digits
/// after a space (`4 887 800`, `1\u{a0}025`): the run opens a number.
pub(super) fn opens_digit_groups(s: &str) -> bool {
    let Some(sep) = s
        .chars()
        .next()
        .filter(|&c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    else {
        return false;
    };
    let rest = &s[sep.len_utf8()..];
    let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    n == 3
}

/// `s` ends with a resolution number (`71/205`, `72/190`): Arabic texts put a
/// footnote's marker right after the number it documents.
pub(super) fn ends_with_resolution(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = s.len() - t.len();
    (1..=4).contains(&digits)
        && t.strip_suffix('/').is_some_and(|u| {
            let n = u.len() - u.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            (1..=4).contains(&n)
                && !u[..u.len() - n].ends_with(|c: char| c == '/' || c.is_alphanumeric())
        })
}

/// `nuclear tests6`, `Abyei1,`, `的决议2`: one to three digits glued to a
/// word a reader sees as a footnote marker; not a code (`G20`, `CO2`, `H2O`,
/// `COVID-19`, `A/79/L.5`, `km2`, `第3`).
pub(super) fn glued_to_word(s: &str, ds: usize, de: usize) -> bool {
    if s.as_bytes()[ds] == b'0' {
        return false;
    }
    // `审议了秘书长的报告37及行预咨委会的相关报告`: Chinese runs on from
    // the marker into the next word, as into the one before it
    // (not after the words a number follows as its value: `11月19日至21日`,
    // `下午4时30分至6时`, `目标7`, `第3段`)
    let prev = s[..ds].chars().next_back();
    if prev.is_some_and(is_cjk) && s[de..].chars().next().is_some_and(crate::cjk::is_han) {
        return !prev.is_some_and(|c| CJK_TAKES_NUMBER.contains(c)) && !counts_a_unit(&s[de..]);
    }
    // what follows: the end, a space, or punctuation that does not run on
    // into a word or a number (`Abyei1,` but not `H2O`, `A1/B2`)
    let mut after = s[de..].chars();
    match after.next() {
        None => {}
        Some(c) if is_space(c) => {}
        Some(',' | ';' | ':' | '.' | ')' | '»' | '”' | '，' | '；' | '。' | '、' | '）') => {
            if after.next().is_some_and(|c| c.is_alphanumeric()) {
                return false;
            }
        }
        _ => return false,
    }
    let before = &s[..ds];
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let last = word.chars().next_back().unwrap_or(' ');
    if is_cjk(last) {
        // `第3`, `3个` are ordinals and counts; Chinese runs on without spaces,
        // so what came before the word says nothing (`60多年之后3 仍有`)
        return !word.ends_with('第') && !counts_a_unit(&s[de..]);
    }
    // `36ª12,`, `25º19;`: after a Spanish ordinal's indicator
    if word.ends_with(['ª', 'º']) && word.chars().count() == 1 {
        return before[..word_start].ends_with(|c: char| c.is_ascii_digit());
    }
    // a code or unit: part of a symbol (`L.5`), a hyphenated or numbered name
    if before[..word_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '_' | '@'))
    {
        return false;
    }
    // `celui‑ci5`, `ceux-ci5`: the letters of a hyphenated word count whole
    let joined = before[..word_start]
        .strip_suffix(['-', '\u{2011}'])
        .map_or(0, |w| {
            w.chars().rev().take_while(|c| c.is_alphabetic()).count()
        });
    let letters = word.chars().count() + joined;
    if last.is_uppercase() {
        // short acronyms and their numbers (`G20`, `CO2`, `SDG16`) read as
        // names; a long one (`INTERPOL5,`, `ТРИПС9,`) or a roman numeral
        // (`Groupe de travail III19`, `Protocole V14`) takes no number glued on
        // (`by I1 votes` is a scan's 11)
        let ocr = word == "I" && s[ds..].starts_with('1');
        return word.chars().count() >= 4 && word.chars().all(char::is_uppercase)
            || (word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) && !ocr);
    }
    // short units (`km2`, `m3`) read as names
    letters >= 3
}
