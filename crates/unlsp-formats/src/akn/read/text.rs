//! The running text of an element as pieces: text, emphasis, footnotes and
//! the resolutions its links cite, with whitespace squeezed.

use super::model::Piece;
use roxmltree::Node;
use std::collections::BTreeSet;

/// The pieces of every `<p>` under `n`, separated by a space (a container
/// with several `<p>` is one paragraph).
pub(super) fn inline_ps(n: Node, cited: &mut BTreeSet<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    let ps: Vec<Node> = n.children().filter(|c| c.has_tag_name("p")).collect();
    if ps.is_empty() {
        return inline(n, cited);
    }
    for (i, p) in ps.into_iter().enumerate() {
        if i > 0 {
            out.push(Piece::Text(" ".into()));
        }
        out.extend(inline(p, cited));
    }
    out
}

/// The running text of an element: text, emphasis, footnotes; links add
/// their target to `cited` when it is a resolution.
pub(super) fn inline(n: Node, cited: &mut BTreeSet<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    walk_inline(n, cited, &mut out);
    normalise(out)
}

fn walk_inline(n: Node, cited: &mut BTreeSet<String>, out: &mut Vec<Piece>) {
    for c in n.children() {
        if c.is_text() {
            out.push(Piece::Text(c.text().unwrap_or("").to_string()));
            continue;
        }
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            "authorialNote" => {
                let mut inner = BTreeSet::new();
                let text = squeeze(&plain(&inline(c, &mut inner)));
                cited.extend(inner);
                out.push(Piece::Note {
                    marker: c.attribute("marker").unwrap_or("").trim().to_string(),
                    text,
                });
            }
            "span" | "i" | "b"
                if c.attribute("class")
                    .is_some_and(|k| k.contains("italic") || k.contains("bold"))
                    || matches!(c.tag_name().name(), "i" | "b") =>
            {
                // emphasis may hold a link or a note; the note stays a note
                let mut inner = Vec::new();
                walk_inline(c, cited, &mut inner);
                for p in inner {
                    match p {
                        Piece::Text(t) | Piece::Emph(t) => out.push(Piece::Emph(t)),
                        note => out.push(note),
                    }
                }
            }
            "a" => {
                if let Some(t) = c.attribute("href").and_then(resolution_target) {
                    cited.insert(t);
                }
                walk_inline(c, cited, out);
            }
            "eol" | "br" => out.push(Piece::Text(" ".into())),
            "img" | "meta" => {}
            _ => walk_inline(c, cited, out),
        }
    }
}

/// `https://undocs.org/en/A/RES/75/118` → `75/118`;
/// `…/S/RES/1325(2000)` → `1325 (2000)`; `…/A/RES/1514(XV)` → `1514 (XV)`;
/// `…/A/RES/ES-10/21` → `ES-10/21`.
pub fn resolution_target(href: &str) -> Option<String> {
    let i = href.find("/RES/")?;
    let t = href[i + 5..].trim_end_matches('/');
    let t = t.split(['?', '#']).next()?.replace("%20", " ");
    if t.is_empty() {
        return None;
    }
    // `1325(2000)` → `1325 (2000)`
    let t = match t.find('(') {
        Some(p) if p > 0 && !t[..p].ends_with(' ') => format!("{} {}", &t[..p], &t[p..]),
        _ => t,
    };
    Some(t)
}

pub(super) fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// Whitespace runs (not NBSP) to one space, trimmed.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Pieces with whitespace squeezed across boundaries, empty ones dropped and
/// neighbours of one kind merged; leading and trailing space trimmed.
fn normalise(v: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for p in v {
        match p {
            Piece::Text(t) | Piece::Emph(t) if t.is_empty() => {}
            Piece::Text(t) => match out.last_mut() {
                Some(Piece::Text(prev)) => prev.push_str(&t),
                _ => out.push(Piece::Text(t)),
            },
            Piece::Emph(t) => match out.last_mut() {
                Some(Piece::Emph(prev)) => prev.push_str(&t),
                _ => out.push(Piece::Emph(t)),
            },
            note => out.push(note),
        }
    }
    // squeeze whitespace across the pieces, keeping one space at a boundary
    let mut space_before = true;
    for p in &mut out {
        let t = match p {
            Piece::Text(t) | Piece::Emph(t) => t,
            Piece::Note { .. } => {
                space_before = false;
                continue;
            }
        };
        let lead = t.starts_with([' ', '\t', '\n', '\r']);
        let trail = t.ends_with([' ', '\t', '\n', '\r']);
        let mut s = squeeze(t);
        if lead && !space_before && !s.is_empty() {
            s.insert(0, ' ');
        }
        if trail && !s.is_empty() {
            s.push(' ');
        }
        if s.is_empty() && (lead || trail) && !space_before {
            s.push(' ');
        }
        space_before = s.ends_with(' ') || (s.is_empty() && space_before);
        *t = s;
    }
    // an emphasis with edge spaces gives them to its neighbours
    let mut fixed: Vec<Piece> = Vec::new();
    for p in out {
        match p {
            Piece::Emph(t) => {
                let core = t.trim_matches(' ');
                if t.starts_with(' ') {
                    fixed.push(Piece::Text(" ".into()));
                }
                if !core.is_empty() {
                    fixed.push(Piece::Emph(core.to_string()));
                }
                if t.ends_with(' ') && core.len() < t.len() {
                    fixed.push(Piece::Text(" ".into()));
                }
            }
            Piece::Text(t) if t.is_empty() => {}
            other => fixed.push(other),
        }
    }
    // merge text neighbours again and collapse double spaces at the seams
    let mut merged: Vec<Piece> = Vec::new();
    for p in fixed {
        match (merged.last_mut(), p) {
            (Some(Piece::Text(prev)), Piece::Text(t)) => {
                if prev.ends_with(' ') && t.starts_with(' ') {
                    prev.push_str(&t[1..]);
                } else {
                    prev.push_str(&t);
                }
            }
            (_, p) => merged.push(p),
        }
    }
    if let Some(Piece::Text(t)) = merged.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Piece::Text(t)) = merged.last_mut() {
        *t = t.trim_end().to_string();
    }
    merged.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    merged
}

pub(super) fn is_blank_piece(p: &Piece) -> bool {
    matches!(p, Piece::Text(t) | Piece::Emph(t) if t.trim().is_empty())
}

pub(super) fn is_blank(v: &[Piece]) -> bool {
    v.iter().all(is_blank_piece)
}

/// The text of pieces, footnotes left out.
pub fn plain(v: &[Piece]) -> String {
    v.iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Emph(t) => t.as_str(),
            Piece::Note { .. } => "",
        })
        .collect()
}
