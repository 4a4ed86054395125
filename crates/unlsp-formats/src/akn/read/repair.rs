//! What the markup put in the wrong place, put back where the printed text
//! has it: preambular paragraphs at the head of the body, sub-paragraphs
//! made paragraphs of their own.

use super::model::{Block, Piece, Point, Resolution};
use super::text::{is_blank_piece, plain};

/// Move back into the preamble the paragraphs the markup put at the head of
/// `<mainBody>` although the text prints them as preambular: no number (no
/// `<num>`, none printed at the start of the text), an emphasised lead, a
/// comma at the end, and a numbered paragraph after them. Returns how many.
pub(super) fn preambular_from_body(body: &mut [Block]) -> usize {
    let numbered = |b: &Block| match b {
        Block::Operative { num, content, .. } => num.is_some() || printed_number(content),
        _ => false,
    };
    let Some(first_numbered) = body.iter().position(numbered) else {
        return 0;
    };
    let mut moved = 0;
    for b in body[..first_numbered].iter_mut().rev() {
        let Block::Operative {
            num: None,
            content,
            points,
        } = b
        else {
            break;
        };
        let text = plain(content);
        let comma = text.trim_end().ends_with([',', '،', '，']);
        let Some(name) = Resolution::operative_lead(content).map(str::to_string) else {
            break;
        };
        if !comma || !points.is_empty() {
            break;
        }
        *b = Block::Preambular {
            name,
            content: std::mem::take(content),
        };
        moved += 1;
    }
    moved
}

/// Make points again of the sub-paragraphs the markup gave paragraphs of
/// their own: an unnumbered paragraph whose text opens with a printed item
/// label (`(a)`, `(أ)`, `’1‘`) after an operative paragraph goes under it (a
/// `’1‘` or `(1)` under its last lettered point). Returns how many.
pub(super) fn points_from_body(body: &mut Vec<Block>) -> usize {
    let mut moved = 0;
    let mut out: Vec<Block> = Vec::with_capacity(body.len());
    for b in body.drain(..) {
        let item = match &b {
            // `<num>(أ)</num>` on a paragraph of its own
            Block::Operative { num: Some(n), .. } => item_label(n).map(|i| (n.clone(), i)),
            Block::Operative {
                num: None, content, ..
            } if !printed_number(content) => printed_item(content),
            _ => None,
        };
        let Some((label, inner)) = item else {
            out.push(b);
            continue;
        };
        let Some(Block::Operative { points, .. }) = out.last_mut() else {
            out.push(b);
            continue;
        };
        let Block::Operative {
            content,
            points: own,
            ..
        } = b
        else {
            unreachable!()
        };
        let mut content = content;
        strip_label(&mut content, &label);
        let point = Point {
            num: label,
            content,
            points: own,
        };
        match points.last_mut() {
            Some(last) if inner => last.points.push(point),
            _ => points.push(point),
        }
        moved += 1;
    }
    *body = out;
    moved
}

/// The item label printed at the start of a paragraph's text and whether it
/// is of the inner level (`’1‘`, a roman numeral): `(أ)` → (`(أ)`, false).
fn printed_item(content: &[Piece]) -> Option<(String, bool)> {
    let Some(Piece::Text(t)) = content.iter().find(|p| !is_blank_piece(p)) else {
        return None;
    };
    let t = t.trim_start();
    let first = t.chars().next()?.len_utf8();
    let close = t[first..].find(['’', '‘', ')'])? + first;
    let label = &t[..close + t[close..].chars().next()?.len_utf8()];
    item_label(label).map(|inner| (label.to_string(), inner))
}

/// Whether `label` is a sub-paragraph's (`(a)`, `(أ)`, `’1‘`, `(1)`), and
/// whether of the inner level (`’1‘`, `(1)`).
fn item_label(label: &str) -> Option<bool> {
    let t = label.trim();
    let (open, close) = match t.chars().next()? {
        '(' => ('(', ')'),
        '’' => ('’', '‘'),
        '‘' => ('‘', '’'),
        _ => return None,
    };
    let inside = t[open.len_utf8()..].strip_suffix(close)?;
    let n = inside.chars().count();
    if n == 0 || n > 4 || !inside.chars().all(char::is_alphanumeric) {
        return None;
    }
    // (a roman `(i)` is not told from the letter after `(h)`: lettered)
    Some(open != '(' || inside.chars().all(|c| c.is_ascii_digit()))
}

fn strip_label(content: &mut [Piece], label: &str) {
    if let Some(Piece::Text(t)) = content.iter_mut().find(|p| !is_blank_piece(p)) {
        let trimmed = t.trim_start();
        if let Some(rest) = trimmed.strip_prefix(label) {
            *t = rest.trim_start().to_string();
        }
    }
}

/// Whether the text opens with a paragraph number the markup left in the
/// text (`1 -`, `2.`), as in the Arabic Council texts of 2022.
fn printed_number(content: &[Piece]) -> bool {
    let Some(Piece::Text(t)) = content.iter().find(|p| !is_blank_piece(p)) else {
        return false;
    };
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && {
        let rest = t[digits..].trim_start();
        rest.starts_with(['-', '.', ')', '–'])
    }
}

pub(super) fn as_line(b: Block) -> Block {
    match b {
        Block::Operative {
            num,
            mut content,
            points,
        } => {
            if let Some(n) = num {
                content.insert(0, Piece::Text(format!("{n} ")));
            }
            fn flat(ps: Vec<Point>, out: &mut Vec<Piece>) {
                for p in ps {
                    out.push(Piece::Text(format!(" {} ", p.num)));
                    out.extend(p.content);
                    flat(p.points, out);
                }
            }
            flat(points, &mut content);
            Block::Line(content)
        }
        Block::Preambular { content, .. } | Block::Author(content) => Block::Line(content),
        l => l,
    }
}
