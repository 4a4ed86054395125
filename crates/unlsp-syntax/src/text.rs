//! Positions. Inside unlsp everything is a byte offset; this module turns offsets
//! into the `{line, column, offset}` of the JSON contract (1-based line, column in
//! Unicode scalar values, BOM not counted in columns) and back. Editor encodings
//! (UTF-16) live in the server's conversion module, not here.

use serde::Serialize;
use std::cell::Cell;

/// Line starts of a text; `\n`, `\r\n` and a lone `\r` each end a line.
///
/// Columns are counted in chars from the line start. Callers ask in offset
/// order (diagnostics are sorted), so the last answer is remembered and the
/// next one counts on from it: a million positions on one 100 MB line cost one
/// pass over the line, not a million.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (line, offset, chars between the line start and it) of the last column
    /// asked.
    column_memo: Cell<(usize, usize, usize)>,
    /// (offset, chars before it) of the last char offset asked.
    char_memo: Cell<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut i = 0;
        while let Some(p) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
            let at = i + p;
            let next = if b[at] == b'\r' && b.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        LineIndex {
            starts,
            column_memo: Cell::new((0, 0, 0)),
            char_memo: Cell::new((0, 0)),
        }
    }

    /// Chars between the start of `offset`'s line and `offset` (a char boundary).
    pub(crate) fn chars_into_line(&self, text: &str, offset: usize) -> usize {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let (ml, mo, mc) = self.column_memo.get();
        let n = if ml == line && mo <= offset {
            mc + text[mo..offset].chars().count()
        } else if ml == line && mo - offset < offset - start {
            mc - text[offset..mo].chars().count()
        } else {
            text[start..offset].chars().count()
        };
        self.column_memo.set((line, offset, n));
        n
    }

    /// Chars before `offset` (a char boundary) in the whole text.
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        let (mo, mc) = self.char_memo.get();
        let n = if mo <= offset {
            mc + text[mo..offset].chars().count()
        } else if mo - offset < offset {
            mc - text[offset..mo].chars().count()
        } else {
            text[..offset].chars().count()
        };
        self.char_memo.set((offset, n));
        n
    }

    #[cfg(test)]
    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Byte range of a 0-based line without its terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = if line + 1 < self.starts.len() {
            self.starts[line + 1]
        } else {
            text.len()
        };
        let b = text.as_bytes();
        while end > start && (b[end - 1] == b'\n' || b[end - 1] == b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = clamp_to_char(text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let mut column = self.chars_into_line(text, offset) + 1;
        if start == 0 && text.starts_with('\u{feff}') && offset > 0 {
            column -= 1;
        }
        Position {
            line: line + 1,
            column,
            offset,
        }
    }

    pub fn span(&self, text: &str, range: &std::ops::Range<usize>) -> Span {
        Span {
            start: self.position(text, range.start),
            end: self.position(text, range.end),
        }
    }
}

/// The largest char boundary at or before `offset`, clamped to the text.
pub fn clamp_to_char(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// The first ASCII digit in `b` at or after `from`, 8 bytes at a time (most
/// paragraphs hold few digits between long runs of words).
pub(crate) fn find_ascii_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut k = from;
    while k + 8 <= b.len() {
        let v = u64::from_le_bytes(b[k..k + 8].try_into().unwrap());
        // each byte's low 7 bits, so that no sum carries into the next byte
        let y = v & (0x7F * ONES);
        let from_0 = y.wrapping_add(0x50 * ONES); // high bit: y >= b'0'
        let past_9 = y.wrapping_add(0x46 * ONES); // high bit: y > b'9'
        let hit = from_0 & !past_9 & !v & (0x80 * ONES);
        if hit != 0 {
            return Some(k + (hit.trailing_zeros() / 8) as usize);
        }
        k += 8;
    }
    b.get(k..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| k + p)
}

/// Test support: the first 60 texts of each language's corpus folder
/// (`../shared/corpus/texts/<lang>`), and whether the corpus is there. A bare
/// clone has none: tests then run on their built-in samples and skip the
/// counts that need real text.
/// ASCII spaces and tabs at the start of `b`.
pub(crate) fn ascii_blanks(b: &[u8]) -> usize {
    b.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

#[cfg(test)]
pub(crate) fn corpus_samples(langs: &[&str]) -> (Vec<String>, bool) {
    let Some(dir) = unlsp_corpus::shared("corpus/texts") else {
        return (Vec::new(), false);
    };
    let mut texts = Vec::new();
    for lang in langs {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(lang))
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files.iter().take(60) {
            texts.push(std::fs::read_to_string(f).unwrap_or_default());
        }
    }
    (texts, true)
}

/// Test support: every line of the outline fixtures and of the corpus
/// samples in all six languages, then `extra` (edge shapes a test adds), and
/// whether the corpus is there.
#[cfg(test)]
pub(crate) fn sample_lines(extra: &[&str]) -> (Vec<String>, bool) {
    let (texts, have_corpus) = corpus_samples(&["en", "fr", "es", "ru", "ar", "zh"]);
    let mut lines: Vec<String> = outline_fixture_texts()
        .iter()
        .chain(&texts)
        .flat_map(|t| t.lines().map(String::from))
        .collect();
    lines.extend(extra.iter().map(|l| l.to_string()));
    (lines, have_corpus)
}

/// Test support: the texts of the outline fixtures (`tests/fixtures/outline`,
/// part of the repository), which prefilter tests compare on.
#[cfg(test)]
pub(crate) fn outline_fixture_texts() -> Vec<String> {
    let dir = unlsp_corpus::repo("tests/fixtures/outline");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_bom() {
        let t = "\u{feff}ab\r\ncd\ref\ngh";
        let li = LineIndex::new(t);
        assert_eq!(li.line_count(), 4);
        assert_eq!(
            li.position(t, 3),
            Position {
                line: 1,
                column: 1,
                offset: 3
            }
        );
        assert_eq!(li.position(t, 7).line, 2);
        assert_eq!(li.position(t, 10).line, 3);
        assert_eq!(
            li.position(t, 14),
            Position {
                line: 4,
                column: 2,
                offset: 14
            }
        );
    }

    #[test]
    fn remembered_columns_agree_with_counting_afresh() {
        let t = "大会，\n回顾 its resolution 61/100,\r\n欢迎\u{0627}\u{064e}";
        let offsets: Vec<usize> = (0..=t.len()).filter(|&o| t.is_char_boundary(o)).collect();
        // forwards, backwards and jumping about, on one index
        let li = LineIndex::new(t);
        let order: Vec<usize> = offsets
            .iter()
            .copied()
            .chain(offsets.iter().rev().copied())
            .chain(offsets.iter().step_by(3).copied())
            .collect();
        for o in order {
            let fresh = LineIndex::new(t);
            assert_eq!(li.position(t, o), fresh.position(t, o), "at {o}");
            assert_eq!(li.chars_before(t, o), t[..o].chars().count(), "at {o}");
        }
    }

    #[test]
    fn cjk_columns_count_scalars() {
        let t = "大会，回顾";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, "大会，".len()).column, 4);
    }

    /// The word-at-a-time search finds the digit a byte scan finds, from every
    /// offset, among ASCII and multi-byte characters (whose bytes, less their
    /// high bit, can look like digits: `µ` is C2 B5).
    #[test]
    fn digit_search_agrees_with_a_byte_scan() {
        let texts = [
            "Recalling its resolution 61/100 of 6 December 2006,",
            "µµµµ ¹²³ ٠١٢ é—“quoted” ９ and then 7",
            "no digits here at all, none whatsoever, not one",
            "",
            "1",
        ];
        let mut found = 0;
        for t in texts {
            let b = t.as_bytes();
            for from in 0..=b.len() + 1 {
                let slow = b
                    .get(from..)
                    .and_then(|r| r.iter().position(u8::is_ascii_digit))
                    .map(|p| from + p);
                assert_eq!(find_ascii_digit(b, from), slow, "{t} from {from}");
                found += usize::from(slow.is_some());
            }
        }
        assert!(found > 50, "{found}");
    }
}
