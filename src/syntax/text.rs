//! Positions. Inside unlsp everything is a byte offset; this module turns offsets
//! into the `{line, column, offset}` of the JSON contract (1-based line, column in
//! Unicode scalar values, BOM not counted in columns) and back. Editor encodings
//! (UTF-16) live in the server's conversion module, not here.

use serde::Serialize;

/// Line starts of a text; `\n`, `\r\n` and a lone `\r` each end a line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
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
        LineIndex { starts }
    }

    pub fn line_count(&self) -> usize {
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
        let mut column = text[start..offset].chars().count() + 1;
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
    fn cjk_columns_count_scalars() {
        let t = "大会，回顾";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, "大会，".len()).column, 4);
    }
}
