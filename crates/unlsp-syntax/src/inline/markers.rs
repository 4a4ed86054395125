//! Footnote markers: superscript digits, digits glued after punctuation or to
//! a word, and Markdown's `[^3]`.

use super::number_shapes::*;
use super::unit::{UnitFacts, View};
use crate::cjk::{SpaceTrim, is_space, superscript_digit};
use crate::lang::LangTable;
use crate::tree::{DateRef, FootnoteRef};
use std::ops::Range;

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
    } else if spaced && (next.is_none_or(is_space) || opens_a_word(&s[de..])) {
        // weak: standing alone, with a space after, or set apart from the
        // word before and glued to the next (`Weapons 6and the`, `2015–2030,
        // 9the New`: where a conversion put the marker after the space)
        run.weak(inside_cite, v);
    }
}

/// `and the`, `including`: the digits before `rest` are glued to a word of
/// at least three lower-case letters, not an ordinal's or a paragraph
/// number's suffix (`5ème`, `12bis`).
fn opens_a_word(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().count() >= 3
        && word.starts_with(char::is_lowercase)
        && !matches!(
            word.as_str(),
            "bis" | "ter" | "quater" | "ème" | "èmes" | "eme" | "emes" | "ième"
        )
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

    /// A marker the UN's own markup puts after the space and before the next
    /// word (GA 79 renderings: 79/36, 79/203, 79/100), kept where its
    /// footnote comes in sequence; ordinals and paragraph suffixes are no
    /// markers.
    #[test]
    fn a_marker_set_apart_and_glued_to_the_next_word() {
        use crate::lang::Lang::{En, Fr};
        for (s, n) in [
            (
                "the Treaty on the Non-Proliferation of Nuclear Weapons 6and the advisory",
                6,
            ),
            (
                "Framework for Disaster Risk Reduction 2015–2030, 9the New Urban Agenda",
                9,
            ),
            (
                "the 2030 Agenda for Sustainable Development, 8including the Goals",
                8,
            ),
        ] {
            let (number, at) = (n.to_string(), s.find(&format!(" {n}")).unwrap() + 1);
            let found = markers_in(s, En);
            assert!(
                found.iter().any(|m| m.0 == n && m.1 == number),
                "{s}: {found:?}"
            );
            assert_eq!(s.find(&number), Some(at));
        }
        for s in [
            "the 5th session",
            "les 3ème et 4ème sessions",
            "paragraph 12bis of",
            "the 21st century",
        ] {
            assert!(
                markers_in(s, Fr).is_empty() && markers_in(s, En).is_empty(),
                "{s}"
            );
        }
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
        // nor a day and its month without a year (80/120 en)
        assert!(!has(
            "General Assembly proclaimed 4 December as the International Day against",
            En,
            4
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
