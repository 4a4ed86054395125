//! The one place where byte offsets meet LSP positions.
//!
//! Inside unlsp every position is a byte offset into the document text. The
//! client counts columns in the negotiated `positionEncoding`: UTF-8 code units
//! when it offers them, UTF-16 code units otherwise (the LSP default). Lines end
//! at `\n`, `\r\n` or a lone `\r`, as in LSP and in the rope (`cr_lines`).
//! Positions past the end of a line or of the document clamp; a column inside a
//! character (half of a surrogate pair, the middle of a UTF-8 sequence) snaps to
//! the start of that character. Nothing here panics on client input.
//! File URIs and paths meet here too.

use ropey::Rope;
use std::ops::Range;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{self as lsp, PositionEncodingKind, Uri};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (always supported).
    pub(crate) fn negotiate(caps: &lsp::ClientCapabilities) -> Encoding {
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        match offered {
            Some(v) if v.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Chars of line `line` without its terminator: (first char, end char).
fn line_chars(rope: &Rope, line: usize) -> (usize, usize) {
    let start = rope.line_to_char(line);
    let next = if line + 1 < rope.len_lines() {
        rope.line_to_char(line + 1)
    } else {
        rope.len_chars()
    };
    let mut end = next;
    if end > start && rope.char(end - 1) == '\n' {
        end -= 1;
    }
    if end > start && rope.char(end - 1) == '\r' {
        end -= 1;
    }
    (start, end)
}

/// Byte offset → LSP position. Offsets past the end clamp to the end; an offset
/// inside a character counts as that character's start.
pub fn position(rope: &Rope, offset: usize, enc: Encoding) -> lsp::Position {
    let offset = offset.min(rope.len_bytes());
    // the usual case, a column in a line of ordinary length: two lookups and
    // one count over the line's start instead of five lookups
    let line = rope.byte_to_line(offset);
    let line_start = rope.line_to_byte(line);
    if offset - line_start <= 4096 {
        let (chunk, chunk_start, ..) = rope.chunk_at_byte(offset);
        let mut at = offset - chunk_start;
        while !chunk.is_char_boundary(at) {
            at -= 1;
        }
        let offset = chunk_start + at;
        let col = match enc {
            Encoding::Utf8 => offset - line_start,
            Encoding::Utf16 => rope
                .byte_slice(line_start..offset)
                .chunks()
                .map(|c| c.chars().map(char::len_utf16).sum::<usize>())
                .sum(),
        };
        return lsp::Position::new(line as u32, col as u32);
    }
    let ch = rope.byte_to_char(offset);
    let line = rope.char_to_line(ch);
    let line_start = rope.line_to_char(line);
    let col = match enc {
        Encoding::Utf8 => rope.char_to_byte(ch) - rope.char_to_byte(line_start),
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_start),
    };
    lsp::Position::new(line as u32, col as u32)
}

/// LSP position → byte offset, clamped to the line and the document.
pub fn offset(rope: &Rope, pos: lsp::Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let (start, end) = line_chars(rope, line);
    let col = pos.character as usize;
    let ch = match enc {
        Encoding::Utf8 => {
            let sb = rope.char_to_byte(start);
            let eb = rope.char_to_byte(end);
            // byte_to_char snaps a mid-character byte to its character
            rope.byte_to_char((sb + col).min(eb))
        }
        Encoding::Utf16 => {
            let su = rope.char_to_utf16_cu(start);
            let eu = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((su + col).min(eu))
        }
    };
    rope.char_to_byte(ch.clamp(start, end))
}

pub(crate) fn range(rope: &Rope, r: &Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range::new(position(rope, r.start, enc), position(rope, r.end, enc))
}

/// LSP range → byte range (start ≤ end guaranteed).
pub(crate) fn byte_range(rope: &Rope, r: lsp::Range, enc: Encoding) -> Range<usize> {
    let s = offset(rope, r.start, enc);
    let e = offset(rope, r.end, enc);
    s.min(e)..s.max(e)
}

/// Length of a byte range in the negotiated unit (semantic tokens).
pub(crate) fn len_units(text: &str, enc: Encoding) -> u32 {
    match enc {
        Encoding::Utf8 => text.len() as u32,
        Encoding::Utf16 => text.encode_utf16().count() as u32,
    }
}

/// The path of a `file:` URI (`None` for any other scheme).
pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

pub(crate) fn path_to_uri(p: &Path) -> Option<Uri> {
    Uri::from_file_path(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, enc: Encoding) {
        let rope = Rope::from_str(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            // between the CR and the LF of a CRLF is no LSP position
            if i > 0 && text[..i].ends_with('\r') && text[i..].starts_with('\n') {
                continue;
            }
            let p = position(&rope, i, enc);
            assert_eq!(
                offset(&rope, p, enc),
                i,
                "{text:?} at {i} ({enc:?}) -> {p:?}"
            );
        }
    }

    /// Lines longer than a rope chunk, below and above the length where the
    /// column is counted from the line start: the same as the char lookups.
    #[test]
    fn long_lines_across_chunks() {
        let line: String = "回顾 😀 x، ".repeat(700);
        let short: String = line.chars().take(400).collect();
        let text = format!("{line}\r\n{short}\n{line}");
        let rope = Rope::from_str(&text);
        for (i, _) in text.char_indices().step_by(7) {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let ch = rope.byte_to_char(i);
                let ls = rope.line_to_char(rope.char_to_line(ch));
                let col = match enc {
                    Encoding::Utf8 => rope.char_to_byte(ch) - rope.char_to_byte(ls),
                    Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(ls),
                };
                let p = position(&rope, i, enc);
                assert_eq!(
                    (p.line as usize, p.character as usize),
                    (rope.char_to_line(ch), col)
                );
            }
        }
    }

    #[test]
    fn chinese_arabic_and_astral_roundtrip() {
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            roundtrip("大会，\r\n回顾其第 61/100 号决议，\n", enc);
            roundtrip("إن الجمعية العامة،\rإذ تشير 😀 𠀋 x\n", enc);
            roundtrip("", enc);
            roundtrip("\n\n\r\r\n", enc);
        }
    }

    #[test]
    fn utf16_columns_count_surrogates() {
        let rope = Rope::from_str("a😀b\nc");
        let p = position(&rope, "a😀".len(), Encoding::Utf16);
        assert_eq!((p.line, p.character), (0, 3));
        let p = position(&rope, "a😀".len(), Encoding::Utf8);
        assert_eq!((p.line, p.character), (0, 5));
        // half a surrogate pair snaps to the character start
        let o = offset(&rope, lsp::Position::new(0, 2), Encoding::Utf16);
        assert_eq!(o, 1);
    }

    #[test]
    fn out_of_range_clamps() {
        let text = "ab\r\ncd";
        let rope = Rope::from_str(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            assert_eq!(offset(&rope, lsp::Position::new(0, 99), enc), 2);
            assert_eq!(offset(&rope, lsp::Position::new(9, 0), enc), text.len());
            assert_eq!(offset(&rope, lsp::Position::new(1, 99), enc), text.len());
            assert_eq!(
                position(&rope, 999, enc),
                lsp::Position::new(1, 2),
                "{enc:?}"
            );
        }
        // mid-character UTF-8 column
        let rope = Rope::from_str("大会");
        assert_eq!(offset(&rope, lsp::Position::new(0, 4), Encoding::Utf8), 3);
    }
}
