//! Line-local lexing: text → [`Block`]s. A block is a line, or a part of a line
//! when a one-line text (seeds 000, 001) holds several paragraphs. Lexing a line
//! looks at that line only, so an edit re-lexes only the lines it touches; all
//! decisions that need context (is this `3.` the next paragraph number? is this
//! digit a footnote?) are left to [`crate::assemble`].

mod block;
mod markdown;
mod masthead;
mod numbering;
mod oneline;

pub use block::{Block, BlockKind, FurnitureKind, LeadHit, NumberedHead, SubHead};
pub(crate) use markdown::{front_matter_lang, markdown_footnote_label};
pub(crate) use numbering::normalise_number;

use crate::cjk::{SpaceTrim, is_cjk, is_space, superscript_digit};
use crate::lang::{PackedCounts, ScriptCounts};
use crate::lexicon::lexicon;
use crate::numbers::arabic_indic_digit;
use crate::patterns::*;
use block::MAX_BLOCK;
use markdown::{markdown_line, markup_prefix};
use masthead::classify_heading_fields;
use numbering::{classify_digit_line, may_be_designator, numbered, sub_label};
use oneline::{inline_splits, run_in_author};

/// Lex `text`, whose first byte is at absolute offset `base`; `text` must start at
/// a line start.
pub fn lex(text: &str, base: usize) -> Vec<Block> {
    let bytes = text.as_bytes();
    // a block per line (one-line texts split into more): sized once, no
    // copies as the list grows
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut out = Vec::with_capacity(lines);
    let mut pos = 0;
    while pos < text.len() {
        let nl = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map(|i| pos + i);
        let (content_end, line_end) = match nl {
            _ if nl.unwrap_or(text.len()) - pos > MAX_BLOCK => {
                let cut = crate::text::clamp_to_char(text, pos + MAX_BLOCK);
                (cut, cut)
            }
            None => (text.len(), text.len()),
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => (i, i + 2),
            Some(i) => (i, i + 1),
        };
        lex_line(
            &text[pos..content_end],
            base + pos,
            line_end - content_end,
            &mut out,
        );
        pos = line_end;
    }
    // (old Mac line ends or split one-line texts made it grow: the list lives
    // as long as the document)
    if out.capacity() > out.len() + out.len() / 8 {
        out.shrink_to_fit();
    }
    out
}

fn new_block(
    start: usize,
    content: &str,
    term: usize,
    kind: BlockKind,
    line_start: bool,
    indented: bool,
) -> Block {
    Block {
        start,
        len: (content.len() + term) as u32,
        content_len: content.len() as u32,
        kind,
        line_start,
        indented,
        scripts: PackedCounts::pack(ScriptCounts::of(content)),
    }
}

fn lex_line(line: &str, abs: usize, term: usize, out: &mut Vec<Block>) {
    // bidirectional marks read as the ideographic space, a blank of the same
    // three bytes (offsets and character boundaries unchanged)
    if has_bidi_mark(line) {
        let seen: String = line
            .chars()
            .map(|c| {
                if crate::cjk::is_bidi_mark(c) {
                    '\u{3000}'
                } else {
                    c
                }
            })
            .collect();
        debug_assert_eq!(seen.len(), line.len());
        return lex_line_seen(&seen, abs, term, out);
    }
    lex_line_seen(line, abs, term, out)
}

/// Whether `line` holds a bidirectional mark ([`crate::cjk::is_bidi_mark`]):
/// every one starts with the byte `E2`, so only those places are decoded.
fn has_bidi_mark(line: &str) -> bool {
    memchr::memchr_iter(0xE2, line.as_bytes()).any(|i| {
        line.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(crate::cjk::is_bidi_mark)
    })
}

fn lex_line_seen(line: &str, abs: usize, term: usize, out: &mut Vec<Block>) {
    let indented = line.starts_with(is_space) && !line.trim().is_empty();
    if let Some(cut) = markup_prefix(line) {
        // `## 79/163. Title`, `<!-- note --> text`: the markup is a block of
        // its own, the rest is read as a line of its own
        let whole = cut == line.len();
        out.push(new_block(
            abs,
            &line[..cut],
            if whole { term } else { 0 },
            BlockKind::Furniture(FurnitureKind::Markup),
            true,
            indented,
        ));
        if whole {
            return;
        }
        let rest = &line[cut..];
        let mut kind = classify(rest, abs + cut, true);
        if matches!(kind, BlockKind::Text) && line.trim_space_start().starts_with('#') {
            // a Markdown heading is a heading whatever its punctuation
            kind = BlockKind::HeadingLike { designator: None };
        }
        // (not a line start for the re-lexing of an edit, which looks for
        // the line's first block)
        out.push(new_block(abs + cut, rest, term, kind, false, false));
        return;
    }
    if (line.len() > 300 || run_in_author(line))
        && let Some(splits) = inline_splits(line)
    {
        let mut prev = 0;
        for (i, &s) in splits
            .iter()
            .chain(std::iter::once(&line.len()))
            .enumerate()
        {
            if s <= prev && i > 0 {
                continue;
            }
            let seg = &line[prev..s];
            let last = s == line.len();
            let kind = classify(seg, abs + prev, prev == 0);
            out.push(new_block(
                abs + prev,
                seg,
                if last { term } else { 0 },
                kind,
                prev == 0,
                indented && prev == 0,
            ));
            prev = s;
        }
        return;
    }
    let kind = classify(line, abs, true);
    out.push(new_block(abs, line, term, kind, true, indented));
}

/// Classify one line (or one segment of a one-line text).
pub(crate) fn classify(line: &str, abs: usize, line_start: bool) -> BlockKind {
    let t = line.trim_space();
    if t.is_empty() {
        return BlockKind::Blank;
    }
    if abs == 0 && t.starts_with("%%%") {
        return BlockKind::Furniture(FurnitureKind::Meta);
    }
    let first = t.chars().next().unwrap();
    if matches!(first, '-' | '<' | '[')
        && let Some(k) = markdown_line(line, t)
    {
        return k;
    }
    // Arabic-Indic digits number Arabic paragraphs too (`١ - يقرر`)
    if first.is_ascii_digit() || ('٠'..='٩').contains(&first) {
        if let Some(k) = classify_digit_line(line, t) {
            return k;
        }
    } else if first == '*' {
        if BARCODE.is_match(line) {
            return BlockKind::Furniture(FurnitureKind::Barcode);
        }
        if SPONSOR_NOTE.is_match(line) {
            return BlockKind::Furniture(FurnitureKind::SponsorNote);
        }
        if let Some(k) = numbered(line) {
            return k;
        }
        if let Some(k) = unemphasised(line, abs, line_start) {
            return k;
        }
    } else if first == '_' {
        if SEPARATOR.is_match(line) {
            return BlockKind::FootnoteSeparator;
        }
        if let Some(k) = unemphasised(line, abs, line_start) {
            return k;
        }
    } else if first == '[' {
        if REPORT_LINE.is_match(line) {
            return BlockKind::Report;
        }
    } else if first == '('
        || first.is_ascii_lowercase()
            // a label (`a)`, `vii)`) closes within its first bytes; `a.`
            // (the Council's letters) is its letter and a full stop
            && t.len() > 1
            && (t.as_bytes()[1..t.len().min(8)].contains(&b')') || t.as_bytes()[1] == b'.')
        || ('㈠'..='㈩').contains(&first)
        // the Arabic inner label `’1‘`
        || first == '’'
        // Russian letters: `а)`, `б)`
        || ('а'..='я').contains(&first) && t[first.len_utf8()..].starts_with(')')
    {
        if let Some((m, rest_at)) = sub_label(line) {
            let lead = lexicon().match_at(&line[rest_at..]).map(|m| LeadHit {
                rel: rest_at as u32,
                m,
            });
            return BlockKind::Sub(SubHead {
                label_rel: (m.start as u32, m.end as u32),
                lead,
            });
        }
        // `(12) القرار 70/1.`: the Arabic footnote, its number in parentheses
        // (the assembler takes it as one only where a footnote can be)
        if let Some(c) = FOOTNOTE_DEF_PAREN.captures(line) {
            let m = c.get(1).unwrap();
            let number = m.as_str().chars().fold(0u32, |a, d| {
                a.saturating_mul(10).saturating_add(
                    d.to_digit(10)
                        .or_else(|| arabic_indic_digit(d))
                        .unwrap_or(0),
                )
            });
            return BlockKind::FootnoteDef {
                number,
                superscript: false,
                label_rel: (m.start() as u32, m.end() as u32),
            };
        }
    } else if superscript_digit(first).is_some() {
        if let Some(c) = FOOTNOTE_DEF_SUP.captures(line) {
            let m = c.get(1).unwrap();
            let number = m
                .as_str()
                .chars()
                .filter_map(superscript_digit)
                .fold(0, |a, d| a * 10 + d);
            return BlockKind::FootnoteDef {
                number,
                superscript: true,
                label_rel: (m.start() as u32, m.end() as u32),
            };
        }
    } else if first == '/' && CONTINUED_MARK.is_match(line) {
        return BlockKind::Furniture(FurnitureKind::PageNumber);
    } else if (first == 'h' || first == 'w') && URL_LINE.is_match(line) {
        return BlockKind::Furniture(FurnitureKind::Url);
    } else if (t.starts_with("ES-") || t.starts_with("S-"))
        && t.as_bytes()
            .get(t.find('-').unwrap_or(0) + 1)
            .is_some_and(u8::is_ascii_digit)
        && let Some(c) = TITLE_NUMBER.captures(line)
    {
        // an emergency or special session's title line: `ES-11/7. Title`
        return BlockKind::Title {
            number: normalise_number(&c[1]).into(),
        };
    }
    classify_rest(line, t, first, line_start)
}

/// [`classify`] after the shapes told by the first character: heading
/// fields, a lead phrase, a heading-like line, text.
fn classify_rest(line: &str, t: &str, first: char, line_start: bool) -> BlockKind {
    if let Some(k) = classify_heading_fields(line, t, first) {
        return k;
    }
    // Lead phrase at the start.
    let skip = line.len() - line.trim_space_start().len();
    // English, French and Spanish leads are capitalised: a line that starts in
    // lower case continues a paragraph (Russian leads are lower case); a
    // segment cut after a run-in author line opens one.
    let lower_latin = first.is_ascii_lowercase() && line_start;
    if (!lower_latin || t.len() < 40)
        && let Some(m) = lexicon().match_at(&line[skip..])
    {
        return BlockKind::Lead(LeadHit {
            rel: skip as u32,
            m,
        });
    }
    // (120 characters are at most 480 bytes; count only between)
    // a Markdown heading in emphasis (`*Capacity-building*`) reads as its words
    let t = match t.trim_matches(['*', '_']) {
        "" => t,
        inner => inner,
    };
    let first = t.chars().next().unwrap_or(first);
    // a section heading after a Roman numeral may run longer (`VIII
    // Estimates in respect of special political missions, …`, 170 characters)
    let max = if roman_heading(t) { 240 } else { 120 };
    if line_start && (t.len() <= max || t.len() <= 4 * max && t.chars().count() <= max) {
        let last = t.chars().next_back().unwrap();
        let terminal = matches!(
            last,
            ',' | ';' | ':' | '.' | '，' | '；' | '：' | '。' | '、' | '،' | '؛'
        );
        // after an opening quote, the letter it opens decides: `“(b) On
        // promotion, …` (a quoted staff rule, GA 79/280) is quoted text
        let letter = if matches!(first, '“' | '«') {
            t.chars().nth(1).unwrap_or(first)
        } else {
            first
        };
        // (a letter without case, Arabic, counts as a capital in a line short
        // enough for a heading, `خطة التناوب`: a wrapped line is longer)
        let caseless = letter.is_alphabetic()
            && !letter.is_lowercase()
            && !letter.is_uppercase()
            && !is_cjk(letter)
            && t.chars().count() <= 50;
        let starts_upper = letter.is_uppercase() || is_cjk(letter) || caseless;
        if !terminal && starts_upper {
            let designator = may_be_designator(t)
                .then(|| SECTION_DESIGNATOR.captures(t).map(|c| c[1].into()))
                .flatten();
            return BlockKind::HeadingLike { designator };
        }
    }
    BlockKind::Text
}

/// `V Revised estimates …`, `II. Request …`: a Roman numeral, a space (or
/// a full stop and a space), and a capital letter.
fn roman_heading(t: &str) -> bool {
    let b = t.as_bytes();
    let roman = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        .count();
    let rest = &t[roman..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    (1..=6).contains(&roman)
        && rest.starts_with([' ', '\u{a0}'])
        && rest.trim_start().starts_with(char::is_uppercase)
}

/// A line that opens with emphasis (`*The General Assembly*,`, `*53rd plenary
/// meeting*`, `_Recalling_ …`) read without it: the markers are blanked (so
/// the offsets stay), and the line is classified again. Only when the line
/// read as it is says no more than text or a heading-like line, so that a
/// lead keeps its emphasis.
fn unemphasised(line: &str, abs: usize, line_start: bool) -> Option<BlockKind> {
    let b = line.as_bytes();
    let mut blank = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        // `_` is emphasis at a word's edge only (`snake_case` is text)
        let edge = |j: Option<usize>| {
            j.and_then(|j| b.get(j))
                .is_none_or(|n| !n.is_ascii_alphanumeric())
        };
        let marker = c == b'*' || (c == b'_' && (edge(i.checked_sub(1)) || edge(Some(i + 1))));
        blank.push(if marker { b' ' } else { c });
    }
    let blanked = String::from_utf8(blank).ok()?;
    if blanked.trim_space().is_empty() {
        return None;
    }
    let t = line.trim_space();
    let as_is = classify_rest(line, t, t.chars().next()?, line_start);
    if !matches!(as_is, BlockKind::Text | BlockKind::HeadingLike { .. }) {
        return Some(as_is);
    }
    match classify(&blanked, abs, line_start) {
        BlockKind::Text | BlockKind::HeadingLike { .. } => Some(as_is),
        k => Some(k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_the_text() {
        let text = "United Nations\r\nA/RES/79/100\n\n 1. Decides to remain seized;\rlast";
        let blocks = lex(text, 0);
        let mut pos = 0;
        for b in &blocks {
            assert_eq!(b.start, pos);
            pos = b.end();
        }
        assert_eq!(pos, text.len());
        assert!(matches!(blocks[0].kind, BlockKind::OrgLine(None)));
        assert!(matches!(blocks[1].kind, BlockKind::SymbolLine(_)));
        assert!(
            matches!(&blocks[3].kind, BlockKind::Numbered(n) if n.number(&blocks[3], text) == Some(1))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(normalise_number("2231(2015)"), "2231 (2015)");
        assert_eq!(normalise_number("56/24V"), "56/24 V");
        assert_eq!(normalise_number("69/96 A"), "69/96 A");
        assert_eq!(normalise_number("1514  (XV)"), "1514 (XV)");
    }

    /// Footnotes of GA 79/125 that open with an address, not a capital.
    #[test]
    fn footnote_with_an_address() {
        for (line, n) in [
            ("9  http://legal.un.org/repertory.  ", 9),
            (
                "10  www.un.org/securitycouncil/content/repertoire/structure.  ",
                10,
            ),
        ] {
            assert!(
                matches!(classify(line, 10, true), BlockKind::FootnoteDef { number, .. } if number == n),
                "{line}"
            );
        }
        // a wrapped line that starts with a number and a lower-case word is text
        assert_eq!(
            classify("10 per cent of the budget", 10, true),
            BlockKind::Text
        );
    }
}
