//! `unlsp fmt`: normalise a draft without touching a word. Lines that PDF
//! extraction wrapped inside a paragraph are joined, each paragraph goes on one
//! line with a blank line between, page furniture is removed, spacing fixed,
//! and Chinese prose gets full-width punctuation. [`format_text`] is shared
//! with the server's `textDocument/formatting`.

use crate::syntax::cjk::{is_cjk, is_han, is_space};
use crate::syntax::tree::{Node, NodeKind};
use crate::syntax::{Document, Lang};
use std::ops::Range;

/// The formatted text. The outline (node kinds, labels, leads) of the result
/// equals the input's except for page furniture.
pub fn format_text(text: &str, lang: Option<Lang>) -> String {
    let doc = Document::with_lang(text, lang);
    let tree = doc.tree();
    let cjk = tree.lang.is_cjk();
    let mut units: Vec<(usize, String)> = Vec::new();
    fn own_without(n: &Node) -> Vec<Range<usize>> {
        crate::syntax::document::own_pieces(n)
    }
    fn go(n: &Node, text: &str, cjk: bool, units: &mut Vec<(usize, String)>) {
        match n.kind {
            NodeKind::Furniture => {}
            k if k.is_text_unit() => {
                let joined: Vec<String> = own_without(n)
                    .iter()
                    .map(|r| crate::syntax::assemble::join_wrapped(&text[r.clone()], cjk))
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                let mut s = String::new();
                for part in joined {
                    let part = part.trim();
                    if !(s.is_empty() || cjk && s.ends_with(is_cjk) && part.starts_with(is_cjk)) {
                        s.push(' ');
                    }
                    s.push_str(part);
                }
                if !s.is_empty() {
                    units.push((n.range.start, s));
                }
                for c in &n.children {
                    go(c, text, cjk, units);
                }
            }
            _ => {
                // heading block, author, closing, section headings: line by line
                for r in own_without(n) {
                    let mut at = r.start;
                    for line in text[r.clone()].split_inclusive('\n') {
                        let t = line.trim_matches(|c: char| is_space(c) || c == '\n' || c == '\r');
                        if !t.is_empty() {
                            units.push((at, t.to_string()));
                        }
                        at += line.len();
                    }
                }
                for c in &n.children {
                    go(c, text, cjk, units);
                }
            }
        }
    }
    for n in &tree.nodes {
        go(n, text, cjk, &mut units);
    }
    units.sort_by_key(|u| u.0);
    let mut out = String::new();
    for (_, u) in units {
        let u = spacing(&u, cjk);
        if u.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&u);
    }
    out.push('\n');
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
