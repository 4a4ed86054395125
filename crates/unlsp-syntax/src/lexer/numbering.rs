//! Lines that open with a number or a label: paragraph numbers, sub-paragraph
//! labels, footnote definitions, and the digit lines of page furniture and
//! the masthead.

use super::block::*;
use crate::dates;
use crate::lexicon::lexicon;
use crate::patterns::*;
use crate::text::ascii_blanks;

/// Whether `t` can open with a part designator (`IV.`, `B -`, `C`, `ألف`):
/// a cheap superset of [`SECTION_DESIGNATOR`], which most heading-like lines
/// (wrapped lines of running text) would otherwise run in full.
pub(super) fn may_be_designator(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if first >= 0x80 {
        return true; // an Arabic letter name, or a space the regex trims
    }
    // after the designator: `.`, a space, the end, or a non-ASCII space
    let ends_at = |k: usize| {
        b.get(k)
            .is_none_or(|c| *c == b'.' || c.is_ascii_whitespace() || *c >= 0x80)
    };
    let roman = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        .count();
    ((1..=6).contains(&roman) && ends_at(roman)) || (first.is_ascii_uppercase() && ends_at(1))
}

/// `1. Decides …`, the usual numbered line, read without an expression: ASCII
/// spaces, one to five ASCII digits, a dot, then spaces (`[ \t\u{3000}]`) or
/// the end. Where it answers it answers as [`NUMBERED`]'s captures would: the
/// digits' range and the end of the match (the rest is left to the
/// expressions).
fn plain_numbered(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    let d0 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == d0 || i - d0 > 5 || b.get(i) != Some(&b'.') {
        return None;
    }
    let digits = d0..i;
    i += 1;
    let after_dot = i;
    loop {
        if matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        } else if line[i..].starts_with('\u{3000}') {
            i += '\u{3000}'.len_utf8();
        } else {
            break;
        }
    }
    (i > after_dot || i == b.len()).then_some((digits, i))
}

/// `[ \t\u{3000}]*` from byte `i` on: where the run ends.
fn label_gap_end(line: &str, mut i: usize) -> usize {
    loop {
        if matches!(line.as_bytes().get(i), Some(b' ' | b'\t')) {
            i += 1;
        } else if line[i..].starts_with('\u{3000}') {
            i += '\u{3000}'.len_utf8();
        } else {
            return i;
        }
    }
}

/// [`SUBLABEL`]'s label (group 1) and the end of its match. The usual ASCII
/// labels (`(a)`, `(iv)`, `b)`, `vii)`) are read by hand, the rest by the
/// expression.
pub(super) fn sub_label(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    let paren = b.get(i) == Some(&b'(');
    let l0 = i + usize::from(paren);
    let l1 = l0
        + b[l0..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
    let n = l1 - l0;
    let roman = |max: usize, set: &[u8]| n <= max && b[l0..l1].iter().all(|c| set.contains(c));
    let fits = n >= 1
        && b.get(l1) == Some(&b')')
        && (n <= 2
            || if paren {
                roman(7, b"ivxlc")
            } else {
                roman(6, b"ivx")
            });
    if fits {
        return Some((i..l1 + 1, label_gap_end(line, l1 + 1)));
    }
    let c = SUBLABEL.captures(line)?;
    Some((c.get(1).or_else(|| c.get(4))?.range(), c.get(0)?.end()))
}

fn footnote_def_plain(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&d) {
        let gap = label_gap_end(line, i + d);
        if gap > i + d {
            // the first character after the gap, if it is not one the
            // expression refuses (none of them is a space, so no shorter gap
            // helps either)
            let next = line[gap..].chars().next()?;
            let refused = next.is_whitespace() || ".,/-年月日个%次届段条卷".contains(next);
            return (!refused).then_some((i..i + d, gap));
        }
    }
    let c = FOOTNOTE_DEF_PLAIN.captures(line)?;
    Some((c.get(1)?.range(), c.get(2)?.start()))
}

pub(super) fn numbered(line: &str) -> Option<BlockKind> {
    // the digits, the suffix (`bis`) with the space before it, where the
    // match ends
    let (digits, suffix, mut end, tight) = match plain_numbered(line) {
        Some((d, end)) => (d.clone(), d.end..d.end, end, false),
        None => {
            let (c, tight) = match NUMBERED
                .captures(line)
                .or_else(|| NUMBERED_AR.captures(line))
            {
                Some(c) => (c, false),
                None => (NUMBERED_TIGHT.captures(line)?, true),
            };
            let m = c.get(2).or_else(|| c.get(1)).unwrap();
            let suffix = c.get(3).map_or(m.end()..m.end(), |s| s.range());
            (m.range(), suffix, c.get(0).unwrap().end(), tight)
        }
    };
    let suffix_text = &line[suffix.clone()];
    if tight {
        // the match ends after the first Han character, which belongs to the text
        end -= line[..end].chars().next_back().map_or(0, char::len_utf8);
    }
    let rest = &line[end..];
    let lead = lexicon()
        .match_at(rest)
        .map(|m| LeadHit { rel: end as u32, m });
    let label_end = if suffix_text.is_empty() {
        digits.end
    } else {
        suffix.end
    };
    Some(BlockKind::Numbered(NumberedHead {
        label_rel: (digits.start as u32, label_end as u32),
        lead,
    }))
}

/// The shapes of a line that opens with a digit, in the order
/// [`classify_digit_line`] tries them.
fn digit_shapes() -> [&'static regex::Regex; 12] {
    [
        &JOB_NUMBER,
        &PAGE_NUMBER,
        &TITLE_NUMBER,
        &TITLE_SC_OLD,
        &ADOPTION_ZH,
        &CLOSING_EN,
        &CLOSING_ZH,
        &SESSION_ZH,
        &NUMBERED,
        &NUMBERED_AR,
        &NUMBERED_TIGHT,
        &FOOTNOTE_DEF_PLAIN,
    ]
}

/// [`digit_shapes`] in one automaton: one pass over a digit line (most are
/// numbered paragraphs) tells which of the expressions match, instead of
/// a dozen searches each set up anew.
///
/// Releasable: with [`HEADING_SET`], run over most lines, it holds the
/// largest caches (0.5 and 0.8 MB after a 1 MB text).
static DIGIT_SET: Releasable<regex::RegexSet> =
    Releasable::new(|| regex::RegexSet::new(digit_shapes().iter().map(|r| r.as_str())).unwrap());

pub(super) fn classify_digit_line(line: &str, t: &str) -> Option<BlockKind> {
    let set = DIGIT_SET.get().matches(line);
    let [
        job,
        page,
        title,
        title_sc,
        adoption_zh,
        closing_en,
        closing_zh,
        session_zh,
        num,
        num_ar,
        num_tight,
        footnote,
    ] = std::array::from_fn(|i| set.matched(i));
    if job {
        return Some(BlockKind::Furniture(FurnitureKind::JobNumber));
    }
    // `26` alone on its line: a paragraph number whose dot PDF extraction lost,
    // or a footnote marker on its own line; the assembler decides.
    if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
        let at = line.find(t).unwrap_or(0);
        return Some(BlockKind::Numbered(NumberedHead {
            label_rel: (at as u32, (at + t.len()) as u32),
            lead: None,
        }));
    }
    if page {
        return Some(BlockKind::Furniture(FurnitureKind::PageNumber));
    }
    if title && let Some(c) = TITLE_NUMBER.captures(line) {
        // `62/57. Title` — but not `1. Decides` (no slash / roman form there).
        return Some(BlockKind::Title {
            number: normalise_number(&c[1]).into(),
        });
    }
    if title_sc && let Some(c) = TITLE_SC_OLD.captures(line) {
        return Some(BlockKind::Title {
            number: format!("{} ({})", &c[1], &c[2]).into(),
        });
    }
    if adoption_zh {
        return Some(BlockKind::Adoption);
    }
    if closing_en || closing_zh {
        return Some(BlockKind::Closing);
    }
    if let Some(d) = dates::whole_date(t) {
        return Some(BlockKind::DateLine(d));
    }
    if session_zh {
        return Some(BlockKind::Session);
    }
    if (num || num_ar || num_tight)
        && let Some(k) = numbered(line)
    {
        return Some(k);
    }
    if footnote && let Some((m, text_at)) = footnote_def_plain(line) {
        let rest = &line[text_at..];
        let next = rest.chars().next().unwrap_or(' ');
        // a footnote opens in upper case, or with an address (`10  www.un.org/…`)
        if !next.is_ascii_lowercase() || rest.starts_with("www.") || rest.starts_with("http") {
            return Some(BlockKind::FootnoteDef {
                number: line[m.clone()].parse().unwrap_or(0),
                superscript: false,
                label_rel: (m.start as u32, m.end as u32),
            });
        }
    }
    None
}

/// `62/57` `69/96 A` `1514 (XV)` `2231 (2015)` — one space before a part
/// letter or parenthesis.
pub(crate) fn normalise_number(raw: &str) -> String {
    let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(s.len() + 2);
    for (i, c) in s.char_indices() {
        if c == '(' && i > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
    }
    // `56/24V` → `56/24 V`
    if let Some(slash) = out.find('/') {
        let tail = &out[slash + 1..];
        if let Some(p) = tail.find(|c: char| c.is_ascii_uppercase())
            && p > 0
            && tail.as_bytes()[p - 1].is_ascii_digit()
        {
            let at = slash + 1 + p;
            out.insert(at, ' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digit-line automaton says what each expression says, on every line
    /// of the outline fixtures and the example.
    #[test]
    fn digit_set_agrees_with_each_shape() {
        let mut texts = crate::text::outline_fixture_texts();
        texts.push(include_str!("../../../../examples/A_RES_62_57.txt").to_string());
        let mut hits = 0;
        for line in texts.iter().flat_map(|t| t.lines()) {
            let set = DIGIT_SET.get().matches(line);
            for (i, r) in digit_shapes().iter().enumerate() {
                assert_eq!(set.matched(i), r.is_match(line), "{i}: {line}");
                hits += usize::from(set.matched(i));
            }
        }
        assert!(hits > 50, "{hits}");
    }

    /// The plain reading of a numbered line says what [`NUMBERED`] says
    /// wherever it answers: every line of the corpus samples and fixtures,
    /// and edge shapes.
    #[test]
    fn plain_numbered_agrees_with_the_expression() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "1.",
            "12. Decides",
            " \t3.\tNotes",
            "4.\u{3000}决定",
            "123456. x",
            "5.x",
            "6 . x",
            "7bis. x",
            "8.  ",
            "**9.** Urges",
            "10.\u{a0}x",
            "١. x",
            "99999. y",
        ]);
        let mut answered = 0;
        for line in &lines {
            if let Some((digits, end)) = plain_numbered(line) {
                answered += 1;
                let c = NUMBERED.captures(line).expect(line);
                assert_eq!(c.get(2).unwrap().range(), digits, "{line:?}");
                assert_eq!(c.get(3).map_or("", |m| m.as_str()), "", "{line:?}");
                assert_eq!(c.get(0).unwrap().end(), end, "{line:?}");
            }
        }
        assert!(answered >= 5, "{answered}");
        if have_corpus {
            assert!(answered > 1000, "{answered}");
        }
    }

    /// The hand readings of sub-paragraph labels and footnote numbers say
    /// what [`SUBLABEL`] and [`FOOTNOTE_DEF_PLAIN`] say: every line of the
    /// corpus samples and fixtures, and edge shapes.
    #[test]
    fn label_readings_agree_with_the_expressions() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "(a) x",
            "(aa)",
            "(abc) x",
            "(viiiiii)\tx",
            "(viiiiiii) x",
            "ab) x",
            "vvvvvv) x",
            "vvvvvvv) x",
            "(i)\u{3000}x",
            " \t(c)",
            "()",
            "(A) x",
            "a. x",
            "b.",
            "e.g. x",
            "а) x",
            "б)\tx",
            "a)",
            "(ب) x",
            "㈠ x",
            "’1‘ حكومة",
            "’12‘\tx",
            "’1 x",
            "1 The",
            "12  www.un.org",
            "123 x",
            "1234 x",
            "5 .",
            "6 年",
            "7",
            "8  ",
            "9\u{3000}Y",
            "\u{a0}1 The",
            "10 \u{a0}x",
            "11 (a)",
        ]);
        let (mut subs, mut notes) = (0, 0);
        for line in &lines {
            let want = SUBLABEL.captures(line).map(|c| {
                (
                    c.get(1).or_else(|| c.get(4)).unwrap().range(),
                    c.get(0).unwrap().end(),
                )
            });
            assert_eq!(sub_label(line), want, "{line:?}");
            subs += usize::from(want.is_some());
            let want = FOOTNOTE_DEF_PLAIN
                .captures(line)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().start()));
            assert_eq!(footnote_def_plain(line), want, "{line:?}");
            notes += usize::from(want.is_some());
        }
        assert!(subs >= 8 && notes >= 5, "{subs} {notes}");
        if have_corpus {
            assert!(subs > 100 && notes > 500, "{subs} {notes}");
        }
    }
}
