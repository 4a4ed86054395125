//! `unlsp fmt`: normalise a draft without touching a word. Lines that PDF
//! extraction wrapped inside a paragraph are joined, each paragraph goes on one
//! line with a blank line between, page furniture is removed, spacing fixed,
//! and Chinese prose gets full-width punctuation. Markdown markup (front
//! matter, HTML comments, `#` heading lines, `[^n]:` definitions) passes
//! through as it is.
//!
//! [`format`] holds the promise of [`promise`]: whitespace,
//! line breaks and furniture change, nothing else; the outline stays; `fmt`
//! of `fmt` is `fmt`. When the full format would break it, a cautious one
//! (trailing spaces and blank-line runs only) is tried; when that breaks it
//! too, [`format`] refuses. [`format_text`] is shared with the server's
//! `textDocument/formatting`.

pub mod audit;
pub mod promise;
mod verbatim;

use std::ops::Range;
use unlsp_syntax::cjk::{is_cjk, is_han, is_space};
use unlsp_syntax::tree::{Node, NodeKind};
use unlsp_syntax::{Document, Lang};

pub use promise::Refusal;

/// The format of the ladder a text got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Paragraphs joined, furniture out, spacing fixed.
    Full,
    /// Trailing spaces and runs of blank lines only: the full format would
    /// have changed the outline or the characters.
    Cautious,
}

/// The formatted text, or why formatting would break the promise (nothing
/// must then be written).
pub fn format(text: &str, lang: Option<Lang>) -> Result<String, Refusal> {
    format_with_level(text, lang).map(|(out, _)| out)
}

/// [`format`], and the format of the ladder that kept the promise.
pub fn format_with_level(text: &str, lang: Option<Lang>) -> Result<(String, Level), Refusal> {
    let doc = Document::with_lang(text, lang);
    let (out, level) = choose(&doc, lang)?;
    if out != text {
        let again = Document::with_lang(&out, lang);
        let (twice, _) = choose(&again, lang)?;
        if twice != out {
            return Err(Refusal::not_idempotent(&out, &twice));
        }
    }
    Ok((out, level))
}

/// The formatted text, or the text as it is when [`format`] refuses (the
/// server's Format Document then changes nothing).
pub fn format_text(text: &str, lang: Option<Lang>) -> String {
    format(text, lang).unwrap_or_else(|_| text.to_string())
}

/// Whether the parser recognises `text` as a UN document (a resolution, a
/// draft or a decision): `fmt --un-documents-only`, the pre-commit hook,
/// leaves every other text (a README) alone.
pub fn is_un_document(text: &str, lang: Option<Lang>) -> bool {
    Document::with_lang(text, lang).tree().kind != unlsp_syntax::DocKind::Other
}

/// One pass of the ladder, without the idempotence check (the sweep's
/// `--show`).
pub fn format_once(text: &str, lang: Option<Lang>) -> Result<String, Refusal> {
    choose(&Document::with_lang(text, lang), lang).map(|(out, _)| out)
}

/// The full format alone, unchecked (the sweep's `--show`).
pub fn full_format_unchecked(text: &str, lang: Option<Lang>) -> String {
    full_format(&Document::with_lang(text, lang))
}

/// Why the full format was not written (the sweep's reasons for the
/// cautious one), `None` when it keeps the promise.
pub(crate) fn full_format_breaks(text: &str, lang: Option<Lang>) -> Option<Refusal> {
    let doc = Document::with_lang(text, lang);
    promise::keeps(&doc, &full_format(&doc), lang).err()
}

/// The first format of the ladder (full, cautious) that keeps the promise's
/// characters and outline.
fn choose(doc: &Document, lang: Option<Lang>) -> Result<(String, Level), Refusal> {
    let full = full_format(doc);
    if full == doc.text() {
        return Ok((full, Level::Full));
    }
    let first = match promise::keeps(doc, &full, lang) {
        Ok(()) => return Ok((full, Level::Full)),
        Err(e) => e,
    };
    let cautious = cautious_format(doc.text());
    if cautious == doc.text() || promise::keeps(doc, &cautious, lang).is_ok() {
        return Ok((cautious, Level::Cautious));
    }
    Err(first)
}

/// How a piece of the text is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Running text: wrapped lines joined into one line.
    Joined,
    /// Heading block, author, closing, section headings: line by line, the
    /// lines of one node kept together.
    Lines,
    /// Markdown markup and front matter: the bytes as they are.
    Verbatim,
    /// A footnote: joined like running text.
    Note,
    /// Page furniture: left out, unless it ends a footnote that interrupts a
    /// paragraph (without the page break the paragraph's rest would read as
    /// the footnote's).
    Furniture,
}

/// The pieces of the text in order, each byte in at most one: a node's own
/// text (its range less its children's) and the verbatim ranges, page
/// furniture left out. Overlapping nodes (a footnote running on over the next
/// text) give their bytes to the piece that starts first.
fn pieces(doc: &Document) -> Vec<(Range<usize>, Piece, usize)> {
    let verbatim = verbatim::verbatim_ranges(doc);
    let mut raw: Vec<(Range<usize>, Piece, usize)> = Vec::new();
    let mut id = 0;
    fn go(n: &Node, id: &mut usize, raw: &mut Vec<(Range<usize>, Piece, usize)>) {
        *id += 1;
        let piece = match n.kind {
            NodeKind::Furniture => Piece::Furniture,
            NodeKind::Footnote => Piece::Note,
            // `Resolution 204 (1965)` / `of 19 May 1965`: a title's lines are
            // its shape
            NodeKind::Title | NodeKind::Adoption => Piece::Lines,
            k if k.is_text_unit() => Piece::Joined,
            _ => Piece::Lines,
        };
        for r in unlsp_syntax::document::own_pieces(n) {
            raw.push((r, piece, *id));
        }
        for c in &n.children {
            go(c, id, raw);
        }
    }
    for n in &doc.tree().nodes {
        go(n, &mut id, &mut raw);
    }
    let text = doc.text();
    raw.retain(|(r, _, _)| !text[r.clone()].trim_matches(is_space).is_empty());
    raw.sort_by_key(|(r, _, _)| r.start);
    let mut out = Vec::new();
    let mut covered = 0;
    for (r, piece, id) in raw {
        let start = r.start.max(covered);
        if start >= r.end {
            continue;
        }
        covered = r.end;
        // a node's piece less the verbatim ranges inside it
        let mut at = start;
        for v in &verbatim {
            if v.start >= r.end || v.end <= at {
                continue;
            }
            if v.start > at {
                out.push((at..v.start, piece, id));
            }
            at = at.max(v.end);
        }
        if at < r.end {
            out.push((at..r.end, piece, id));
        }
    }
    for r in verbatim {
        id += 1;
        out.push((r, Piece::Verbatim, id));
    }
    out.sort_by_key(|(r, _, _)| r.start);
    out
}

/// The full format: one paragraph per line, blank lines between, furniture
/// out, spacing fixed.
fn full_format(doc: &Document) -> String {
    let text = doc.text();
    let cjk = doc.tree().lang.is_cjk();
    let mut out = String::new();
    let mut last_id = usize::MAX;
    let mut push = |out: &mut String, unit: &str, id: usize, tight: bool| {
        if unit.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push_str(if tight && id == last_id { "\n" } else { "\n\n" });
        }
        out.push_str(unit);
        last_id = id;
    };
    // the pieces of one paragraph that furniture cut apart go back together
    let mut open: Option<(usize, String)> = None;
    let all = pieces(doc);
    let keep = furniture_kept(&all);
    for (k, (r, piece, id)) in all.into_iter().enumerate() {
        if piece == Piece::Furniture && !keep[k] {
            continue;
        }
        let s = &text[r];
        if matches!(piece, Piece::Joined | Piece::Note) {
            match &mut open {
                Some((o, buf)) if *o == id => {
                    buf.push('\n');
                    buf.push_str(s);
                }
                _ => {
                    if let Some((o, buf)) = open.take() {
                        push(&mut out, &spacing(&join_lines(&buf, cjk), cjk), o, false);
                    }
                    open = Some((id, s.to_string()));
                }
            }
            continue;
        }
        if let Some((o, buf)) = open.take() {
            push(&mut out, &spacing(&join_lines(&buf, cjk), cjk), o, false);
        }
        match piece {
            Piece::Verbatim => {
                let v = s.trim_end_matches(['\n', '\r']);
                let v = v.trim_start_matches(['\n', '\r']);
                push(&mut out, v, id, false);
            }
            _ => {
                for line in s.split(['\n', '\r']) {
                    push(&mut out, &spacing(line, cjk), id, true);
                }
            }
        }
    }
    if let Some((o, buf)) = open.take() {
        push(&mut out, &spacing(&join_lines(&buf, cjk), cjk), o, false);
    }
    out.push('\n');
    out
}

/// Which furniture pieces stay: those between a footnote and the rest of
/// the paragraph it interrupts.
fn furniture_kept(all: &[(Range<usize>, Piece, usize)]) -> Vec<bool> {
    let mut keep = vec![false; all.len()];
    let mut seen = std::collections::HashSet::new();
    let mut after_note = false;
    let mut run: Vec<usize> = Vec::new();
    for (k, (_, piece, id)) in all.iter().enumerate() {
        match piece {
            Piece::Furniture => {
                if after_note {
                    run.push(k);
                }
                continue;
            }
            Piece::Joined | Piece::Note if after_note && seen.contains(id) => {
                for &j in &run {
                    keep[j] = true;
                }
            }
            _ => {}
        }
        run.clear();
        after_note = *piece == Piece::Note;
        seen.insert(*id);
    }
    keep
}

/// The cautious format: trailing spaces off, one blank line for a run of
/// them, no blank lines at the start, one line end at the end.
fn cautious_format(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = false;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let after = if rest[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                (&rest[..i], &rest[after..])
            }
            None => (rest, ""),
        };
        lines.push(line);
        rest = next;
    }
    for line in lines {
        let line = line.trim_end_matches(is_space);
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if blank_run {
            out.push('\n');
            blank_run = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// The lines of a paragraph on one line: a space between them, none between
/// two CJK characters, none after a hyphen that ends a line inside a word
/// (`Two-\nState` → `Two-State`: the hyphen is kept, never guessed away).
fn join_lines(s: &str, cjk: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split(['\n', '\r']) {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        if let (Some(p), Some(n)) = (out.chars().next_back(), line.chars().next()) {
            let hyphen = matches!(p, '-' | '\u{2010}' | '\u{2011}')
                && out.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                && n.is_alphabetic();
            if !(hyphen || cjk && is_cjk(p) && is_cjk(n)) {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}
/// One space between words, none before `,;:` in Western text; no spaces
/// between CJK characters and full-width punctuation after Chinese words.
fn spacing(s: &str, cjk: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let mut j = i;
            while j < chars.len() && is_space(chars[j]) {
                j += 1;
            }
            let prev = out.chars().next_back();
            let next = chars.get(j).copied();
            let drop = match (prev, next) {
                (None, _) | (_, None) => true,
                (Some(p), Some(n)) if cjk => {
                    (is_cjk(p) && is_cjk(n))
                        || (is_han(p) && "，；：。、".contains(n))
                        || ("，；：。、《》“”（）".contains(p) && is_cjk(n))
                }
                (Some(p), Some(n)) => matches!(n, ',' | ';' | ':') && p.is_alphanumeric(),
            };
            if !drop {
                out.push(' ');
            }
            i = j;
            continue;
        }
        if cjk
            && let Some(fw) = match c {
                ',' => Some('，'),
                ';' => Some('；'),
                ':' => Some('：'),
                '?' => Some('？'),
                '!' => Some('！'),
                _ => None,
            }
            && out
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|p| is_han(p) || "》”）".contains(p))
        {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push(fw);
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines_and_drops_furniture() {
        let t = "The General Assembly,\n\nRecalling its resolution 61/100 of\n6 December 2006,\n\n23-24977\n\n1. Decides  to remain seized of the matter .\n";
        let f = format_text(t, Some(Lang::En));
        assert!(
            f.contains(
                "Recalling its resolution 61/100 of 6 December 2006,\n\n1. Decides to remain"
            ),
            "{f}"
        );
        assert!(!f.contains("23-24977"), "{f}");
        assert_eq!(format_text(&f, Some(Lang::En)), f, "idempotent");
    }

    #[test]
    fn chinese_punctuation_and_segmentation() {
        let f = spacing("大会 , 回顾 其 决议 ;", true);
        assert_eq!(f, "大会，回顾其决议；");
    }
}
