//! Markdown and its front matter: typed markup, never an extraction's.

use super::block::*;
use crate::cjk::SpaceTrim;
use crate::text::ascii_blanks;

/// The `language:` of the Markdown front matter that opens `text`
/// (blank lines may come before its `---`), read before the walk, since the
/// language decides how the text is read. Cheap: a text that does not open
/// with `---` answers at its first line.
pub(crate) fn front_matter_lang(text: &str) -> Option<crate::lang::Lang> {
    let t = text
        .trim_start_matches('\u{feff}')
        .trim_start_matches(['\n', '\r', ' ', '\t']);
    let mut lines = t.lines();
    if lines.next()?.trim_space() != "---" {
        return None;
    }
    for l in lines.take(64) {
        let l = l.trim_space();
        if l == "---" {
            return None;
        }
        if let Some(v) = l.strip_prefix("language:") {
            return crate::lang::Lang::from_code(v.trim_space().trim_matches(['"', '\'']));
        }
    }
    None
}

/// Markdown's own line shapes: `---` (a front-matter fence or a
/// thematic break), a line that opens an HTML comment it does not close, a
/// footnote definition `[^3]: …`. Whole-line comments and heading markers are
/// cut off by [`markup_prefix`] before a line is classified.
pub(super) fn markdown_line(line: &str, t: &str) -> Option<BlockKind> {
    if t == "---" {
        return Some(BlockKind::Furniture(FurnitureKind::Fence));
    }
    if let Some(after) = t.strip_prefix("<!--") {
        return (!after.contains("-->"))
            .then_some(BlockKind::Furniture(FurnitureKind::CommentOpen));
    }
    let at = line.len() - line.trim_space_start().len();
    let (number, digits) = markdown_footnote_label(&line[at..])?;
    if !line[at + digits.end..].starts_with("]:") {
        return None;
    }
    Some(BlockKind::FootnoteDef {
        number,
        // a marked definition, as a superscript one: never a number in a
        // wrapped line
        superscript: true,
        label_rel: ((at + digits.start) as u32, (at + digits.end) as u32),
    })
}

/// `[^12` at the start of `s`: the footnote number and the digits' range in
/// `s` (Markdown footnote labels that are not numbers are not UN footnotes).
pub(crate) fn markdown_footnote_label(s: &str) -> Option<(u32, std::ops::Range<usize>)> {
    let b = s.as_bytes();
    if !b.starts_with(b"[^") {
        return None;
    }
    let d = b[2..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=4).contains(&d) || b.get(2 + d) != Some(&b']') {
        return None;
    }
    Some((s[2..2 + d].parse().ok()?, 2..2 + d))
}

/// Where the Markdown markup that opens `line` ends, when the line holds
/// markup before its text or is markup whole: a heading's `#`…`######` and
/// the space after it, an HTML comment `<!-- … -->` closed on the line (with
/// the spaces after it). `None` for every other line (one byte test for most).
pub(super) fn markup_prefix(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    match b.get(i)? {
        b'#' => {
            let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
            let gap = b[i + hashes..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            let text = i + hashes + gap;
            ((1..=6).contains(&hashes) && gap > 0 && text < b.len()).then_some(text)
        }
        b'<' if line[i..].starts_with("<!--") => {
            let close = line[i + 4..].find("-->")? + i + 4 + 3;
            let rest = ascii_blanks(&b[close..]);
            Some(close + rest)
        }
        _ => None,
    }
}
