//! Footnote markers: superscript digits, digits glued after punctuation or to
//! a word, and Markdown's `[^3]`.

use super::unit::{UnitFacts, View};
use crate::cjk::{SpaceTrim, is_cjk, is_space, superscript_digit};
use crate::lang::LangTable;
use crate::tree::{DateRef, FootnoteRef};
use std::ops::Range;

/// Measure words and units that follow a number in Chinese text.
const CJK_UNITS: &str = "个年月日次名项国届岁人万亿多余家卷号段条款分%倍位种件份页章节点天周美元";

/// Chinese words a number follows as its value, not as a marker: a month,
/// `至` (to), `午` (morning, afternoon), `第` (the ordinal), `约` (about),
/// `共` (in all), `标` (`目标7`, goal 7), `号`.
const CJK_TAKES_NUMBER: &str = "月至午第约共标号";

/// Markdown footnote references, `text[^3]`: marked, so strong,
/// and counted as superscripts are (a writer's marker, not an extraction's
/// digits).
pub(super) fn markdown_markers(view: &View, out: &mut Vec<(FootnoteRef, bool)>) {
    let s = view.s.as_str();
    for at in memchr::memmem::find_iter(s.as_bytes(), b"[^") {
        if let Some((number, d)) = crate::lexer::markdown_footnote_label(&s[at..]) {
            out.push((
                FootnoteRef {
                    number,
                    range: view.range(at..at + d.end + 1),
                    superscript: true,
                },
                true,
            ));
        }
    }
}

/// Runs of superscript digits (`¹²`) in `s`, with their value. In UTF-8 each
/// starts with byte C2 (`¹²³`) or E2 (`⁰⁴…⁹`), so only the characters at those
/// bytes are decoded.
fn superscript_runs(s: &str) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(0xC2, 0xE2, &s.as_bytes()[from..]) {
        let i = from + k;
        let mut chars = s[i..].chars();
        let Some(mut n) = chars.next().and_then(superscript_digit) else {
            from = i + 1;
            continue;
        };
        let mut end = s.len() - chars.as_str().len();
        for d in chars {
            let Some(x) = superscript_digit(d) else { break };
            n = n.wrapping_mul(10).wrapping_add(x);
            end += d.len_utf8();
        }
        out.push((i..end, n));
        from = end;
    }
    out
}

/// Footnote markers: superscripts (always), digits glued after punctuation
/// (strong), digits standing alone after a word (weak: kept only when a footnote
/// with that number exists; the caller decides). `lang` says how the
/// language writes decimals and markers.
pub(super) fn find_markers(
    view: &View,
    f: &UnitFacts,
    lang: &LangTable,
) -> Vec<(FootnoteRef, bool)> {
    let s = view.s.as_str();
    let mut v = Vec::new();
    // citation, symbol and date ranges, sorted, for a binary-search overlap test
    let mut taken: Vec<Range<usize>> = f
        .citations
        .iter()
        .map(|c| c.range.clone())
        .chain(f.symbols.iter().map(|c| c.range.clone()))
        .chain(f.dates.iter().map(|c| c.range.clone()))
        .collect();
    taken.sort_by_key(|r| r.start);
    let max_len = taken.iter().map(|r| r.len()).max().unwrap_or(0);
    let inside_cite = |r: &Range<usize>| {
        let lo = taken.partition_point(|t| t.start + max_len < r.start);
        taken[lo..]
            .iter()
            .take_while(|t| t.start < r.end)
            .any(|t| r.start < t.end)
    };
    for (r, n) in superscript_runs(s) {
        v.push((
            FootnoteRef {
                number: n,
                range: view.range(r),
                superscript: true,
            },
            true,
        ));
    }
    // One scan over the digit runs: glued to punctuation (strong) or standing
    // alone after a word (weak).
    let b = s.as_bytes();
    let mut k = 0;
    while let Some(d) = crate::text::find_ascii_digit(b, k) {
        k = d;
        let ds = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let de = k;
        // `77/191,` (`77/19` and marker 1): a marker glued to the number
        // before it (weak, kept only as the next in sequence)
        // `27 May 20164`: a day is no number with a marker glued on
        let tails = if is_day_of_month(s, lang, ds, de) {
            Vec::new()
        } else {
            number_tail_markers(s, ds, de)
        };
        for m in tails {
            // `18 November 2024`: a day is no number with a marker
            let r = view.range(m.clone());
            if f.dates
                .iter()
                .any(|d| d.range.start <= r.start && r.end <= d.range.end)
            {
                continue;
            }
            let number: u32 = s[m.clone()].parse().unwrap_or(0);
            v.push((FootnoteRef::inline(number, view.range(m)), false));
        }
        if de - ds > 3 {
            // `20238 and`: a year with its marker glued on (weak)
            if let Some(m) = year_then_marker(s, ds, de) {
                push_weak(view, &inside_cite, &mut v, s, m);
            }
            continue;
        }
        digit_run(view, lang, &f.dates, &inside_cite, &mut v, ds, de);
    }
    v.sort_by_key(|(r, _)| r.range.start);
    v
}

/// The marker, if any, that the run of one to three digits `ds..de` is.
fn digit_run(
    view: &View,
    lang: &LangTable,
    dates: &[DateRef],
    inside_cite: &impl Fn(&Range<usize>) -> bool,
    v: &mut Vec<(FootnoteRef, bool)>,
    ds: usize,
    de: usize,
) {
    let s = view.s.as_str();
    let next = s[de..].chars().next();
    let prev = s[..ds].chars().next_back();
    let Some(prev) = prev else { return };
    // `soit 4 887 800 dollars`, `为1 025 092美元`: the first group of a
    // number (after punctuation the digits are a marker: `。1 013 年`)
    if (is_space(prev) || prev.is_alphabetic()) && opens_digit_groups(&s[de..]) {
        return;
    }
    // `les 18 et 19 mai 2023`, `del 23 al 27 de octubre`, `5–6 декабря`: the
    // first day of a range
    if opens_day_range(view, lang, dates, ds, de) || is_day_of_month(s, lang, ds, de) {
        return;
    }
    // `2,5 pour cent`, `54,4 بليون`: a decimal where the comma is the
    // decimal sign
    if prev == ',' && lang.decimal_comma && s[..ds - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    // `(2005()22)`, `العهد()27)`: an Arabic marker whose brackets the text
    // mirrored (the number's closing bracket and the marker's opening one
    // turned round)
    if prev == ')' && lang.parenthesised_markers && mirrored_marker(s, ds, de) {
        push_weak(view, inside_cite, v, s, ds..de);
        return;
    }
    // `nuclear tests6`, `Abyei1,`: a marker glued to a word (weak)
    if prev.is_alphabetic() {
        if glued_to_word(s, ds, de) {
            push_weak(view, inside_cite, v, s, ds..de);
        }
        return;
    }
    // `أنغويلا(2)`, `2024(1)`: the parenthesised marker of Arabic texts (weak)
    if prev == '(' {
        if parenthesised_marker(s, ds, de, lang.parenthesised_markers) {
            push_weak(view, inside_cite, v, s, ds..de);
        }
        return;
    }
    let number: u32 = s[ds..de].parse().unwrap_or(0);
    // the punctuation (or space) before the digits
    let (punct, spaced) = if is_space(prev) {
        let before = s[..ds].trim_space_end();
        (before.chars().next_back(), true)
    } else {
        (Some(prev), false)
    };
    let Some(punct) = punct else { return };
    let punct_at = {
        let before = if spaced {
            s[..ds].trim_space_end()
        } else {
            &s[..ds]
        };
        before.len() - punct.len_utf8()
    };
    // `326,164,100`, `1.234.567`, `1’234`: a group of a number, not a marker
    if digit_group(s, punct_at, punct, spaced, de - ds) {
        return;
    }
    let glued_ok = matches!(
        punct,
        ',' | ';' | '.' | ':' | '，' | '；' | '。' | '、' | '》' | '）' | ')' | '”' | '"' | '»'
    );
    let next_ok = next.is_none_or(|c| {
        is_space(c)
            || !(c.is_ascii_digit()
                || matches!(
                    c,
                    '/' | '.' | ',' | ':' | ')' | '-' | '年' | '月' | '日' | '个' | '%'
                ))
    });
    // `»8, dans`, `”3; and`, `(2015-2030)5,`: after a closing quote or
    // bracket the sentence's own punctuation follows the marker (French,
    // Spanish and Russian put the marker before it)
    // (after a bracket the digits may also be the bracket's own number run
    // on, so there the marker is weak: kept with its footnote, in sequence)
    let after_bracket = !next_ok && matches!(punct, ')' | '）') && punct_follows(&s[de..]);
    let next_ok =
        next_ok || (matches!(punct, '»' | '”' | '"' | ')' | '）') && punct_follows(&s[de..]));
    let run = AfterPunct {
        view,
        lang,
        ds,
        de,
        punct,
        punct_at,
        number,
    };
    if after_bracket {
        push_weak(view, inside_cite, v, s, ds..de);
    } else if glued_ok && next_ok && (!spaced || !punct.is_ascii() || punct == '"') {
        run.strong(inside_cite, v);
    } else if spaced && next.is_none_or(is_space) {
        // weak: standing alone, with a space after
        run.weak(inside_cite, v);
    }
}

/// A run of digits `ds..de` (the number `number`) after the punctuation, or
/// the letter, `punct` at `punct_at`.
#[derive(Clone, Copy)]
struct AfterPunct<'a> {
    view: &'a View,
    lang: &'a LangTable,
    ds: usize,
    de: usize,
    punct: char,
    punct_at: usize,
    number: u32,
}

impl AfterPunct<'_> {
    /// Glued to punctuation: a strong marker, but for a reference's number
    /// (`para. 3`), a decimal, a count.
    fn strong(
        self,
        inside_cite: &impl Fn(&Range<usize>) -> bool,
        v: &mut Vec<(FootnoteRef, bool)>,
    ) {
        let AfterPunct {
            view,
            ds,
            de,
            punct,
            punct_at,
            number,
            ..
        } = self;
        let s = view.s.as_str();
        let before = &s[..punct_at];
        let word = before
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        if is_reference_abbreviation(word) {
            return;
        }
        if punct == '.' {
            // `1.5`, `62/57.`; a marker after a full stop only ends a paragraph
            // (but a year ends a sentence: `in New York from 5 to 9 June
            // 2017.3 3. The ocean`)
            let year = ends_with_year(before);
            if !year
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_ascii_digit())
            {
                return;
            }
            let after = s[de..].trim();
            if !after.is_empty() && !after.starts_with(|ch: char| ch.is_ascii_digit()) {
                // `… Outcome.4 It is informed`, `the Decade 2014–2024.11 The
                // combined`: between two sentences of a paragraph (an annexed
                // declaration), a weak marker
                if (year || before.ends_with(|ch: char| ch.is_lowercase()))
                    && after.starts_with(|ch: char| ch.is_uppercase())
                    && s[de..].starts_with(' ')
                {
                    push_weak(view, inside_cite, v, s, ds..de);
                }
                return;
            }
        }
        // `，13 个国家`: a count, not a marker
        if counts_a_unit(s[de..].trim_space_start()) {
            return;
        }
        // `第10、12、13、15、18、20和30段`: the next number of a list
        if punct == '、' && in_number_list(before.trim_space_end()) {
            return;
        }
        let r = view.range(ds..de);
        if inside_cite(&r) {
            return;
        }
        v.push((
            FootnoteRef::inline(number, r),
            // after an enumeration comma (`《宣言》、3 《公约》`) only where
            // its footnote exists
            punct != '、' && !after_plain_number(before),
        ));
    }

    /// Standing alone after a word, with a space after it: a weak marker, but
    /// for a number that word or the next counts (`article 3`, `3 years`).
    fn weak(self, inside_cite: &impl Fn(&Range<usize>) -> bool, v: &mut Vec<(FootnoteRef, bool)>) {
        let AfterPunct {
            view,
            lang,
            ds,
            de,
            punct,
            punct_at,
            ..
        } = self;
        let s = view.s.as_str();
        // weak: `on Anguilla 2 and`, `Peoples, 3 there`
        if !(punct.is_ascii_alphabetic()
            || matches!(punct, ')' | ']' | '”' | '"' | ',' | ';')
            || (punct.is_ascii_digit() && ends_with_year(&s[..punct_at + 1])))
        {
            return;
        }
        let before = &s[..punct_at + punct.len_utf8()];
        let word = before
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        // `conformément au paragraphe 7 de la section II.B`: the parts of an
        // act the language names before their number
        let names_a_part = || {
            (lang.pinpoint_words.iter()).any(|p| p.trim_end_matches('.').to_lowercase() == lower)
        };
        // `paragraphes 18 et 19`, `paragraphs 10, 12, 13, 15, 18, 20 and 30`:
        // the next number of a list
        let list_word = |w: &str| (lang.list_and.iter().chain(&lang.range_words)).any(|x| x == w);
        let in_a_list = || {
            // after a comma, only where the list goes on (`18, 20 and 30`; not
            // `Agenda 21, 3 the`, a marker an extraction set apart)
            let goes_on = || {
                let rest = s[de..].trim_start();
                let w = rest.len() - rest.trim_start_matches(char::is_alphabetic).len();
                (list_word(&rest[..w]) || rest.starts_with(','))
                    && rest[w..]
                        .trim_start_matches([',', ' '])
                        .starts_with(|c: char| c.is_ascii_digit())
            };
            (list_word(&lower) || (punct == ',' && goes_on()))
                && after_plain_number(
                    s[..punct_at + punct.len_utf8() - word.len()]
                        .trim_end()
                        .trim_end_matches(',')
                        .trim_end(),
                )
        };
        if is_counted_word(&lower)
            || names_a_part()
            || in_a_list()
            || (!word.is_empty()
                && word.len() <= 3
                && word
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch.is_ascii_uppercase()))
        {
            return;
        }
        let after = s[de..].trim_start();
        let next_word: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
        if is_quantity_word(&next_word.to_lowercase()) {
            return;
        }
        push_weak(view, inside_cite, v, s, ds..de);
    }
}

/// `s` (what follows a number) opens with a Chinese measure word or unit
/// (`13 个国家`, `5国`), not with a word that merely starts with one
/// (`《世界人权宣言》、1 国际人权两公约`: 国际, international).
fn counts_a_unit(s: &str) -> bool {
    s.chars().next().is_some_and(|ch| CJK_UNITS.contains(ch)) && !s.starts_with("国际")
}

/// `s` ends with a number of a Chinese list of numbers (`第10、12`): the
/// digits after `第` or `、`, not an act's (`第48/18、6`) nor a year.
fn in_number_list(s: &str) -> bool {
    let head = s.trim_end_matches(|c: char| c.is_ascii_digit());
    head.len() < s.len() && (head.ends_with('第') || head.ends_with('、'))
}

/// Abbreviations whose number follows their full stop (`para. 3`, `No. 5`).
fn is_reference_abbreviation(word: &str) -> bool {
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
fn is_counted_word(word: &str) -> bool {
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
fn is_quantity_word(word: &str) -> bool {
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
fn punct_follows(s: &str) -> bool {
    let s = s
        .strip_prefix(['\u{a0}', '\u{202f}'])
        .filter(|t| t.starts_with([';', ':']))
        .unwrap_or(s);
    let mut c = s.chars();
    matches!(c.next(), Some(',' | ';' | ':' | '.')) && c.next().is_none_or(is_space)
}

/// `résolution 77/191,`, `78/10215 ;`: the digits after the slash of a
/// resolution number with a marker glued on, where French, Spanish and
/// Russian put the marker before the punctuation. The last one and the last
/// two digits are both candidates (at least one digit stays the number's);
/// the sequence of markers decides (`FactStore::keep_markers`).
fn number_tail_markers(s: &str, ds: usize, de: usize) -> Vec<Range<usize>> {
    if de - ds < 2 || !ends_a_number(&s[..ds], de - ds) {
        return Vec::new();
    }
    let b = s.as_bytes();
    // the number ends the phrase: a space, the end, or punctuation that
    // does not run on into a word or a number (`77/191,` not `77/191/Add.1`)
    let mut after = s[de..].chars();
    match after.next() {
        None => {}
        Some(c) if is_space(c) => {}
        Some(p @ (',' | ';' | ':' | '.' | ')')) => {
            if after.next().is_some_and(|c| !is_space(c)) {
                return Vec::new();
            }
            // `A/79/431, par. 33`: a part of the act named after its number;
            // a marker comes after the part, so the digits are the number's
            if p == ',' && pinpoint_follows(&s[de + 1..]) {
                return Vec::new();
            }
        }
        _ => return Vec::new(),
    }
    (1..=2)
        .rev()
        .filter(|&n| de - ds > n && b[de - n] != b'0')
        .map(|n| de - n..de)
        .collect()
}

/// `rest` opens with a part of an act in any language (`par. 33`, `para. 5`,
/// `párr. 2`, `п. 4`, `sect. III`).
fn pinpoint_follows(rest: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        crate::lang::Lang::ALL
            .into_iter()
            .flat_map(|l| l.table().pinpoint_words.iter().cloned())
            .collect()
    });
    super::acts::pinpoint_word(rest.trim_space_start(), &WORDS).is_some()
}

/// The digits of a run `len` long that opens after `before` may end a
/// number that a marker was glued to: the number after the slash of an
/// act's (`77/19|1`), after the full stop of a symbol's part (`1/CMA.5|16`,
/// `EC-94/DEC.2|18`), or a number of one or two digits standing after a word
/// (`Action 21|6`, `résolution 16|15`); a year with its marker glued on is
/// [`year_then_marker`]'s.
fn ends_a_number(before: &str, len: usize) -> bool {
    let b = before.as_bytes();
    let n = b.len();
    match b.last() {
        Some(b'/') => n >= 2 && b[n - 2].is_ascii_digit(),
        Some(b'.') => n >= 2 && b[n - 2].is_ascii_alphabetic(),
        _ => {
            len <= 3
                && before.ends_with(char::is_whitespace)
                && before
                    .trim_end_matches(char::is_whitespace)
                    .ends_with(|c: char| c.is_alphabetic())
        }
    }
}

/// A marker at `start` glued to the digits of a number (`77/19|1`,
/// `Action 21|6`): found by [`number_tail_markers`], kept only as the next
/// marker in sequence with its footnote.
pub(crate) fn is_number_tail(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let head = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = before.len() - head.len();
    let run = digits + text[start..].len()
        - text[start..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    digits > 0 && run > digits && ends_a_number(head, run)
}

/// Pushes a weak marker (kept only when its footnote exists, in sequence).
fn push_weak(
    view: &View,
    inside_cite: &impl Fn(&Range<usize>) -> bool,
    v: &mut Vec<(FootnoteRef, bool)>,
    s: &str,
    m: Range<usize>,
) {
    let number: u32 = s[m.clone()].parse().unwrap_or(0);
    let r = view.range(m);
    if number == 0 || inside_cite(&r) || v.last().is_some_and(|(x, _)| x.range == r) {
        return;
    }
    v.push((FootnoteRef::inline(number, r), false));
}

/// A year as UN texts cite them (the Geneva Protocol of 1925, targets for
/// 2050) as four digits: 1900–2099.
fn is_year(d: &[u8]) -> bool {
    d.len() == 4
        && d.iter().all(u8::is_ascii_digit)
        && matches!((d[0], d[1]), (b'1', b'9') | (b'2', b'0'))
}

/// `s` ends with a year standing alone (`August 1948`), not a digit group.
fn ends_with_year(s: &str) -> bool {
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
fn after_plain_number(before: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_digit()) && !ends_with_year(before)
}

/// The digits at `ds..ds + len` continue a number written with group
/// separators (`326,164,100`, `1 234 567`, `1.234.567`, `1’234`): three digits
/// after a separator that follows a digit.
fn digit_group(s: &str, punct_at: usize, punct: char, spaced: bool, len: usize) -> bool {
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
fn year_then_marker(s: &str, ds: usize, de: usize) -> Option<Range<usize>> {
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
fn parenthesised_marker(s: &str, ds: usize, de: usize, bracketed: bool) -> bool {
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
fn mirrored_marker(s: &str, ds: usize, de: usize) -> bool {
    s.as_bytes()[ds] != b'0' && s[..ds].ends_with("()") && s[de..].starts_with(')')
}

/// The digits `ds..de`, standing apart, go on with a dash or a word of the
/// language's ranges (`et`, `au`, `and`, `y`, `по`) and a date that opens
/// there with a later day: they are the first day of a range of days (`les
/// 18 et 19 mai`), not a marker (`Weapons1 on 7 July 2017`).
fn opens_day_range(view: &View, lang: &LangTable, dates: &[DateRef], ds: usize, de: usize) -> bool {
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
fn is_day_of_month(s: &str, lang: &LangTable, ds: usize, de: usize) -> bool {
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
fn opens_digit_groups(s: &str) -> bool {
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
fn ends_with_resolution(s: &str) -> bool {
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
fn glued_to_word(s: &str, ds: usize, de: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan for superscripts finds what decoding every character finds.
    #[test]
    fn markers_as_a_reader_sees_them() {
        let at = |s: &str, d: &str| s.find(d).map(|i| (i, i + d.len())).unwrap();
        // glued to a word
        for (s, d) in [
            ("the nuclear tests6 and", "6"),
            ("in Abyei1, the", "1"),
            ("the Secretary-General14 and", "14"),
            ("关于安圭拉的工作文件2 和", "2"),
        ] {
            let (a, b) = at(s, d);
            assert!(glued_to_word(s, a, b), "{s}");
        }
        // codes and units are not markers
        for (s, d) in [
            ("the G20 summit", "20"),
            ("emissions of CO2 and", "2"),
            ("H2O", "2"),
            ("the km2 area", "2"),
            ("document A/79/L5 and", "5"),
            ("第3段", "3"),
        ] {
            let (a, b) = at(s, d);
            assert!(!glued_to_word(s, a, b), "{s}");
        }
        // digit groups in every style
        for s in ["326,164,100 dollars", "1 234 567", "1.234.567", "1’234"] {
            let b = s.len() - s.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
            let end = s.rfind(|c: char| c.is_ascii_digit()).unwrap() + 1;
            let start = end - 3;
            let sep = s[..start].chars().next_back().unwrap();
            let spaced = is_space(sep);
            let (punct_at, punct) = if spaced {
                let t = s[..start].trim_space_end();
                (t.len() - 1, t.chars().next_back().unwrap())
            } else {
                (start - sep.len_utf8(), sep)
            };
            assert!(digit_group(s, punct_at, punct, spaced, 3), "{s} {b}");
        }
        // a year with its marker glued on
        let s = "of 12 October 20238 and";
        let (a, b) = at(s, "20238");
        assert_eq!(year_then_marker(s, a, b), Some(a + 4..b));
        let s = "Marco de Sendai 2015\u{2011}20303 en";
        let (a, b) = at(s, "20303");
        assert_eq!(year_then_marker(s, a, b), Some(a + 4..b));
        let s = "sus reuniones anuales 35ª y 36ª12, incluidos";
        let (a, b) = at(s, "12,");
        assert!(glued_to_word(s, a, b - 1));
        let s = "some 20150 persons";
        let (a, b) = at(s, "20150");
        assert_eq!(year_then_marker(s, a, b), None);
        // a marker glued to a resolution number: both splits offered
        let s = "la résolution 78/10215, qui";
        let (a, b) = at(s, "10215");
        assert_eq!(number_tail_markers(s, a, b), vec![b - 2..b, b - 1..b]);
        assert!(is_number_tail(s, b - 2));
        // a Markdown marker after a number is no number's digits
        let s = "résolution 59/300[^9] et";
        assert!(!is_number_tail(s, s.find('[').unwrap()));
        let s = "résolutions 35/45 et";
        let (a, b) = at(s, "45");
        assert_eq!(number_tail_markers(s, a, b), vec![b - 1..b]);
        let s = "les résolutions 77/191/Add.1";
        let (a, b) = at(s, "191");
        assert!(number_tail_markers(s, a, b).is_empty());
        let s = "résolution 77/190, qui";
        let (a, b) = at(s, "190");
        assert_eq!(number_tail_markers(s, a, b), vec![b - 2..b]);
        // a part of the document after the number (A/RES/79/100 fr, es,
        // ru: the report on the adoption line): its digits, no marker
        for s in [
            "Quatrième Commission) (A/79/431, par. 33)]",
            "Cuarta Comisión) (A/79/431, párr. 33)]",
            "четвертого комитета (A/79/431, п. 33)]",
            "Fourth Committee (A/79/431, para. 33)]",
        ] {
            let (a, b) = at(s, "431");
            assert!(number_tail_markers(s, a, b).is_empty(), "{s}");
        }
        // `(2015-2030)5,`: a marker before the sentence's comma
        assert!(punct_follows(", dans"));
        assert!(punct_follows("\u{a0}; et"));
        assert!(!punct_follows(",5 millions"));
        // the Arabic parenthesised marker
        let s = "بشأن أنغويلا(2) والمعلومات";
        let (a, b) = at(s, "2");
        assert!(parenthesised_marker(s, a, b, true));
        let s = "article 5(2) of";
        let (a, b) = at(s, "2");
        assert!(!parenthesised_marker(s, a, b, false));
    }

    /// The markers of a one-paragraph text in language `lang`, with
    /// their numbers.
    fn markers_in(s: &str, lang: crate::lang::Lang) -> Vec<(u32, &str)> {
        let whole = 0..s.len();
        let view = View::new(s, std::slice::from_ref(&whole));
        let f = super::super::analyse(&view, lang, None, false, None, 0);
        (f.footnote_refs.iter())
            .map(|(r, _)| (r.number, &s[r.range.clone()]))
            .collect()
    }

    /// Real lines of the UN's texts (GA 79, clean renderings of the AKN).
    #[test]
    fn markers_by_the_language_s_grammar() {
        use crate::lang::Lang::{Ar, En, Es, Fr, Ru, Zh};
        let has = |s: &str, l, n: u32| markers_in(s, l).iter().any(|m| m.0 == n);
        // Arabic: `(N)` after a number or a code (79/200, 79/56), mirrored
        // brackets (79/187), after an opening bracket and between two markers
        // (79/284, 79/138)
        assert!(has("الفصل 17 من جدول أعمال القرن 21(3)، وإذ تعيد", Ar, 3));
        assert!(has("تنفيذ القرار EC-94/DEC.2(18)؛", Ar, 18));
        assert!(has("(قواعد بكين/بيجين()7)، وإذ تقر", Ar, 7));
        assert!(has("جائحة مرض فيروس كورونا (كوفيد-19((3)، وتحيط", Ar, 3));
        assert!(has("في نزاع واحد(10)،(11)، وإذ تدين", Ar, 11));
        assert!(!has("article 5(2) of", En, 2));
        // a decimal comma is no marker (79/198 ar, 79/236 fr, 79/303 ru)
        assert!(!has("من 54,4 بليون دولار في عام 2022 إلى 52,6 بليون", Ar, 6));
        assert!(!has("concernant les 1,9 milliard de jeunes", Fr, 9));
        assert!(!has("составляет примерно 2,5 процента от", Ru, 5));
        // nor the first group of a number (79/305 fr, zh)
        assert!(!has(
            "pour la Mission, soit 4 887 800 dollars, la part",
            Fr,
            4
        ));
        assert!(!has("工作人员薪金税收入估计数4 887 800美元", Zh, 4));
        // nor the first day of a range (79/207 fr, es; S/RES/2654 ru), but a
        // marker before `on 1 August` is one (79/38 en)
        assert!(!has(
            "qui s’est tenue à Abidjan, du 9 au 20 mai 2022,",
            Fr,
            9
        ));
        assert!(!has("los días 18 y 19 de mayo de 2023, en la que", Es, 18));
        assert!(!has("«за круглым столом» 5–6 декабря 2018 года", Ru, 5));
        assert!(has("Nuclear Weapons1 on 7 July 2017;", En, 1));
        assert!(has(
            "Mechanism of 24 August 2016 3 and 21 October 2016,4 which",
            En,
            3
        ));
        assert!(!has(
            "Adopted at the 1473rd meeting by I1 votes to none",
            En,
            1
        ));
        // after a year and its comma or full stop (79/144, 79/314, 79/233 en)
        assert!(has(
            "Ballast Water and Sediments, 2004,123 and also",
            En,
            123
        ));
        assert!(!has("equivalent to 19,865,367 dollars", En, 367));
        assert!(has(
            "held in New York from 5 to 9 June 2017.3 3. The ocean",
            En,
            3
        ));
        assert!(has(
            "Countries for the Decade 2014–2024.11 The combined",
            En,
            11
        ));
        assert!(!has("some 2.5 per cent", En, 5));
        // nor the number of a part of an act (79/248, 79/49 fr)
        assert!(!has(
            "en rendre compte, conformément au paragraphe 7 de la section II.B",
            Fr,
            7
        ));
        assert!(!has(
            "el material definido en el párrafo 2 del presente artículo",
            Es,
            2
        ));
        assert!(!has(
            "aux États visés aux paragraphes 18 et 19 de la présente",
            Fr,
            19
        ));
        assert!(!has(
            "paragraphs 10, 12, 13, 15, 18, 20 and 30 above",
            En,
            20
        ));
        assert!(has(
            "Agenda 21,2 the Programme for the Further Implementation of Agenda 21, 3 the Johannesburg",
            En,
            3
        ));
        assert!(!has(
            "特别是上文第10、12、13、15、18、20和30段的执行情况",
            Zh,
            20
        ));
        assert!(has(
            "2021年10月11日第48/18、6 2022年10月7日第51/32号",
            Zh,
            6
        ));
        // nor a day before its month (79/205 ru)
        assert!(!has(
            "по теме «Мир с природой» 21 октября — 1 ноября 2024 года",
            Ru,
            21
        ));
        // glued to a long acronym, a roman numeral, a hyphenated word (79/136,
        // 79/117, 79/240 fr); not to a short acronym
        assert!(has("culture et INTERPOL5, ainsi que", Fr, 5));
        assert!(has("du Groupe de travail III19 ; V Registre", Fr, 19));
        assert!(has("ou ajoutés à ceux-ci5, Rappelant", Fr, 5));
        assert!(!has("the G20 summit", En, 20));
        // after an enumeration comma, before `国际` (international), not a
        // count of countries (79/182 zh)
        assert!(has(
            "遵循《联合国宪章》和《世界人权宣言》、1 国际人权两公约",
            Zh,
            1
        ));
        assert!(!has("共有，13 个国家", Zh, 13));
        // glued to the words on both sides (79/258 zh), but not an ordinal
        // or a count
        assert!(has(
            "审议了秘书长的报告37及行预咨委会的相关报告，38",
            Zh,
            37
        ));
        assert!(!has("大会第3段和第4段", Zh, 3));
        assert!(!has("其中有儿童12岁以下", Zh, 12));
        assert!(!has("将于下午4时30分至6时举行", Zh, 6));
        assert!(!has("加速可持续发展目标7行动的全球路线图", Zh, 7));
        // glued to a number: the last digits, a candidate the sequence decides
        // on (`FactStore::keep_markers`; 79/196 fr, 79/202 es)
        assert!(has("la mise en œuvre d’Action 216 et le Plan", Fr, 6));
        assert!(has("con la decisión 1/CMA.516, Reconociendo", Es, 16));
        assert!(is_number_tail("d’Action 216 et", "d’Action 21".len()));
        assert!(is_number_tail(
            "la decisión 1/CMA.516,",
            "la decisión 1/CMA.5".len()
        ));
        assert!(!is_number_tail(
            "of 12 October 20238 and",
            "of 12 October 2023".len()
        ));
        // a year of the Geneva Protocol and a target year (79/48, 79/2)
        assert!(is_year(b"1925") && is_year(b"2050"));
    }

    #[test]
    fn superscript_runs_match_a_character_scan() {
        fn plain(s: &str) -> Vec<(Range<usize>, u32)> {
            let mut out: Vec<(Range<usize>, u32)> = Vec::new();
            for (i, c) in s.char_indices() {
                let Some(d) = superscript_digit(c) else {
                    continue;
                };
                match out.last_mut() {
                    Some((r, n)) if r.end == i => {
                        *n = n.wrapping_mul(10).wrapping_add(d);
                        r.end = i + c.len_utf8();
                    }
                    _ => out.push((i..i + c.len_utf8(), d)),
                }
            }
            out
        }
        let mut texts = crate::text::outline_fixture_texts();
        texts.push("Reaffirming¹² its resolution²³⁴, © 2006 — “é”¹ ⁰⁴⁵⁶⁷⁸⁹ x¹".into());
        texts.push("¹¹¹¹¹¹¹¹¹¹¹¹ and ‰ ⁿ ₁ ⁺ ¹".into());
        let mut found = 0;
        for t in &texts {
            let runs = superscript_runs(t);
            found += runs.len();
            assert_eq!(runs, plain(t), "{}", &t[..t.len().min(80)]);
        }
        assert!(found >= 7, "{found}");
    }
}
