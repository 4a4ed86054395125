//! What a paragraph says that does not depend on its language: citations,
//! dates, document symbols, numbers and footnote references.

use super::version::Version;
use std::collections::BTreeSet;
use std::ops::Range;
use unlsp_syntax::dates::Date;
use unlsp_syntax::tree::Node;

/// What a paragraph says that does not depend on its language.
#[derive(Default)]
pub(super) struct Facts {
    pub(super) citations: Vec<(String, Range<usize>)>,
    pub(super) dates: Vec<(Date, Range<usize>)>,
    pub(super) symbols: Vec<(String, Range<usize>)>,
    pub(super) numbers: Vec<(String, Range<usize>)>,
    pub(super) footnotes: Vec<(u32, Range<usize>)>,
    /// Every digit run of the paragraph, also those inside dates and
    /// citations: a number or date of one version that the other writes
    /// inside a date range (`7 to 13 November 2007`, `11月7日至13日`) is
    /// not a difference.
    pub(super) all_numbers: BTreeSet<String>,
    /// The paragraph's own text without whitespace (`第61/100 号` →
    /// `第61/100号`), to find a cited number the other version's parser did
    /// not read as a citation.
    pub(super) compact: String,
}

pub(super) fn inside(pieces: &[Range<usize>], r: &Range<usize>) -> bool {
    pieces.iter().any(|p| p.start <= r.start && r.start < p.end)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl Facts {
    pub(super) fn of(v: &Version, n: &Node) -> Facts {
        let pieces = unlsp_syntax::document::own_pieces(n);
        let t = v.tree;
        let mut f = Facts::default();
        let mut taken: Vec<Range<usize>> = Vec::new();
        if let Some(l) = &n.label_range {
            taken.push(l.clone());
        }
        for c in &t.citations {
            if c.in_footnote || !inside(&pieces, &c.range) {
                continue;
            }
            // a cited document (`A/62/395`) is compared as a document symbol
            if c.kind == unlsp_syntax::tree::CitationKind::Document {
                f.symbols.push((c.target.clone(), c.range.clone()));
            } else {
                f.citations.push((c.target.clone(), c.range.clone()));
            }
            if let Some(d) = c.date {
                f.dates
                    .push((d, c.date_range.clone().unwrap_or(c.range.clone())));
            }
            taken.push(c.range.clone());
            taken.extend(c.date_range.clone());
        }
        for d in &t.dates {
            if inside(&pieces, &d.range) {
                f.dates.push((d.date, d.range.clone()));
                taken.push(d.range.clone());
            }
        }
        for s in &t.symbols {
            if s.in_furniture || !inside(&pieces, &s.range) {
                continue;
            }
            let in_citation = taken.iter().any(|r| overlaps(r, &s.range));
            taken.push(s.range.clone());
            if !in_citation {
                f.symbols.push((s.canonical.clone(), s.range.clone()));
            }
        }
        for r in &t.footnote_refs {
            if inside(&pieces, &r.range) {
                f.footnotes.push((r.number, r.range.clone()));
                taken.push(r.range.clone());
            }
        }
        for p in &pieces {
            let s = v.text.get(p.clone()).unwrap_or("");
            let mut i = 0;
            let b = s.as_bytes();
            while i < b.len() {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_digit()
                        || (b[i] == b',' || b[i] == b'.')
                            && i + 1 < b.len()
                            && b[i + 1].is_ascii_digit()
                            && i > start)
                {
                    i += 1;
                }
                let r = p.start + start..p.start + i;
                // a number glued to letters on its left is part of a word or
                // a symbol (`L.18`, `A4`); inside taken ranges it is compared
                // as a citation, date, symbol or footnote instead
                let glued = start > 0
                    && (b[start - 1].is_ascii_alphabetic()
                        || b[start - 1] == b'/'
                        || b[start - 1] == b'.');
                if glued || taken.iter().any(|t| overlaps(t, &r)) {
                    if !glued {
                        f.all_numbers
                            .insert(s[start..i].chars().filter(|c| c.is_ascii_digit()).collect());
                    }
                    continue;
                }
                let digits: String = s[start..i].chars().filter(|c| c.is_ascii_digit()).collect();
                f.all_numbers.insert(digits.clone());
                // `6月`: a month, which the other languages write as a word
                let month = s[i..].trim_start().starts_with('月');
                if !month {
                    f.numbers.push((digits, r));
                }
            }
        }
        for p in &pieces {
            let s = v.text.get(p.clone()).unwrap_or("");
            spelled_numbers(s, &mut f.all_numbers);
            f.compact.extend(s.chars().filter(|c| !c.is_whitespace()));
        }
        f
    }
}

/// `target` (`1483 (2003)`) written in `compact` text (`第1483(2003)号`), not
/// as part of a longer number.
pub(super) fn written_in(compact: &str, target: &str) -> bool {
    let t: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    compact.match_indices(&t).any(|(i, _)| {
        let before = compact[..i].chars().next_back();
        let after = compact[i + t.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '/')
            && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
    })
}

const NUMBER_WORDS: [(&str, u32); 32] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("fifty", 50),
    ("hundred", 100),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fiftieth", 50),
];

/// Numbers written as words (`five`, `third`) or Chinese numerals (`五`,
/// `第三`): one version may write in words what the other writes in digits
/// (`5个常任理事国` / `five permanent members`), so they excuse a number
/// but are never reported themselves.
fn spelled_numbers(s: &str, out: &mut BTreeSet<String>) {
    for w in s.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if let Some((_, n)) = NUMBER_WORDS.iter().find(|(x, _)| *x == w) {
            out.insert(n.to_string());
        }
    }
    for c in s.chars() {
        if let Some(i) = "一二三四五六七八九十".chars().position(|x| x == c) {
            out.insert((i + 1).to_string());
        }
    }
}

/// The values of a list of facts, without their ranges.
pub(super) fn set<T: Ord + Clone>(v: &[(T, Range<usize>)]) -> BTreeSet<T> {
    v.iter().map(|(t, _)| t.clone()).collect()
}
