//! What the parser knows of one paragraph beyond its node: the pieces of
//! its own text, its terminal punctuation past the running titles, headings
//! and closing lines a PDF extraction leaves at its end, and sub-lists nested
//! under a sibling.

use crate::assemble::terminal_mark;
use crate::cjk::is_space;
use crate::tree::{Node, NodeKind};
use std::ops::Range;
use std::sync::LazyLock;

/// Text pieces of a node and its descendants, without footnotes and furniture.
pub fn body_pieces(n: &Node) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    fn go(n: &Node, out: &mut Vec<Range<usize>>) {
        let mut pos = n.range.start;
        for c in &n.children {
            if c.range.start > pos {
                out.push(pos..c.range.start);
            }
            if !matches!(c.kind, NodeKind::Footnote | NodeKind::Furniture) {
                go(c, out);
            }
            pos = pos.max(c.range.end);
        }
        if pos < n.range.end {
            out.push(pos..n.range.end);
        }
    }
    go(n, &mut out);
    out
}

/// Terminal punctuation of a paragraph (its last sub-paragraph's when it has
/// some), with the byte range of the mark; trailing footnote digits, emphasis
/// and closing quotes skipped, and the running titles (`title_words`: the
/// title's words joined by single spaces), headings and closing lines the
/// parser left at its end.
pub fn terminal(text: &str, n: &Node, title_words: Option<&str>) -> Option<(char, Range<usize>)> {
    let pieces = body_pieces(n);
    let (last, s) = pieces.iter().rev().find_map(|r| {
        let s = strip_old_marker(strip_running_title(&text[r.clone()], title_words));
        (!s.trim_matches(is_space).is_empty()).then_some((r, s))
    })?;
    let mark = terminal_mark(s)?;
    // locate the mark: the last occurrence of it in the trimmed piece
    let t = s.trim_end_matches(|c: char| is_space(c) || c == '*');
    let pos = t.rfind(mark)?;
    let at = last.start + pos;
    // `…Effects".` — the mark after a closing quote is the mark
    Some((mark, at..at + mark.len_utf8()))
}

/// `… 27 October 1992, 1/`: the footnote marker of Security Council texts of
/// the 1990s (a number and a slash) after the paragraph's punctuation.
fn strip_old_marker(s: &str) -> &str {
    let t = s.trim_end_matches(is_space);
    let Some(u) = t.strip_suffix('/') else {
        return s;
    };
    let digits = u.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == u.len() || u.len() - digits.len() > 3 || !digits.ends_with(is_space) {
        return s;
    }
    digits
}

/// PDF running headers repeat the short title of the resolution at the top of
/// each page; the parser leaves those lines in the paragraph they interrupt
/// (a parser defect). Trailing lines that are a piece of the
/// title are dropped before looking at a paragraph's punctuation.
fn strip_running_title<'a>(s: &'a str, title_words: Option<&str>) -> &'a str {
    let s = strip_heading_lines(s);
    let Some(title) = title_words else {
        return s;
    };
    let norm = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = s.trim_end_matches(is_space);
    loop {
        let (head, line) = match t.rfind('\n') {
            Some(i) => (&t[..i], &t[i + 1..]),
            None => ("", t),
        };
        let l = norm(line);
        // a running header follows the end of a sentence or another header
        // line; after `… anniversary of the` the line is the sentence going on
        let prev = norm(head.rsplit('\n').next().unwrap_or(""));
        let after_break = head_ends_sentence(head)
            || (prev.len() >= 6 && title.contains(&prev))
            || (!prev.is_empty() && !prev.contains(' '));
        let title_line =
            l.len() >= 6 && title.contains(&l) && !l.ends_with([';', ',', '.', ':']) && after_break;
        // a section heading the parser left at the end of the previous paragraph
        // (`Income section 3` / `Services to the public`, GA 79/257)
        let heading_line = l.len() <= 80
            && l.starts_with(|c: char| c.is_uppercase())
            && !l.ends_with([';', ',', '.', ':', '；', '，', '。'])
            && !terminal_mark(&l)
                .is_some_and(|c| matches!(c, ';' | ',' | '.' | ':' | '；' | '，' | '。'))
            && head_ends_sentence(head);
        if title_line || heading_line || is_closing_line(&l) {
            t = head.trim_end_matches(is_space);
            if t.is_empty() {
                return t;
            }
        } else {
            return t;
        }
    }
}

/// The text before a line ends a sentence: it ends with punctuation that is
/// not the dot of a bare paragraph label (`2.` on its own line, GA 79/265).
fn head_ends_sentence(head: &str) -> bool {
    let h = head.trim_end_matches(is_space);
    !bare_label(h.rsplit('\n').next().unwrap_or(""))
        && h.ends_with([';', ',', '.', ':', '；', '，', '。'])
}

/// `2.`, `(a)`: a paragraph label alone on its line.
fn bare_label(line: &str) -> bool {
    let l = line.trim_matches(is_space);
    l.len() <= 6
        && l.ends_with(['.', ')'])
        && l.trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
}

/// `50th (resumed) plenary meeting` or a bare date line: a closing formula the
/// parser left inside the last paragraph.
fn is_closing_line(l: &str) -> bool {
    static CLOSING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:\d{1,4}(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting|\d{1,2} [A-Z][a-z]+ \d{4})$").unwrap()
    });
    CLOSING.is_match(l)
}

/// Section headings (`Part I` / `Section 1` / `Overall policymaking…`, GA
/// 80/242) that the parser left at the end of the previous paragraph: up to six
/// short capitalised lines without punctuation after a line that ends with some.
fn strip_heading_lines(s: &str) -> &str {
    let t = s.trim_end_matches(is_space);
    let lines: Vec<&str> = t.split('\n').collect();
    // punctuation, also when a footnote digit is glued after it (`subject;4`)
    let punct = |l: &str| {
        terminal_mark(l)
            .is_some_and(|c| matches!(c, ';' | ',' | '.' | ':' | '；' | '，' | '。' | '：'))
    };
    let Some(k) = lines.iter().rposition(|l| punct(l)) else {
        return s;
    };
    if bare_label(lines[k]) {
        return s; // `2.` alone on its line: what follows is the paragraph's text
    }
    let tail = &lines[k + 1..];
    let heading = |l: &&str| {
        let l = l.trim_matches(is_space);
        l.is_empty()
            || (l.len() <= 80
                && l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !punct(l))
    };
    if tail.is_empty() || tail.len() > 8 || !tail.iter().all(heading) {
        return s;
    }
    let keep: usize = lines[..=k].iter().map(|l| l.len() + 1).sum::<usize>() - 1;
    &t[..keep]
}
/// A sub-paragraph whose own sub-paragraphs are really its siblings: a nested
/// list starts at `(a)` or `(i)`, so `(a)` … `(c)` (a skipped `(b)`) that the
/// parser nested under `(a)` continues the outer list.
pub fn nests_siblings(n: &Node) -> bool {
    n.kind == NodeKind::Subparagraph
        && n.children
            .iter()
            .find(|c| c.kind == NodeKind::Subparagraph)
            .and_then(|f| f.label.as_deref())
            .is_some_and(|l| {
                let core = l.trim_matches(|c: char| c == '(' || c == ')');
                // a roman label (`(iii)` after run-in `(i)`, `(ii)`, GA 80/117)
                // opens a nested list all the same
                !core.is_empty()
                    && core.chars().all(|c| c.is_ascii_alphabetic())
                    && !core
                        .chars()
                        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
                    && !matches!(core, "a" | "A")
            })
}

/// `N. ` at the start of a line that follows a blank line inside an operative
/// paragraph, followed by a capital, a CJK character or emphasis: a numbered
/// paragraph the parser did not split off. Values with their ranges relative
/// to the start of `n`.
pub fn hidden_labels(text: &str, n: &Node) -> Vec<(u32, Range<usize>)> {
    static HIDDEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\n[ \t]*\r?\n\s*(\d{1,3})\.[ \t]+(?:\*\*)?[\p{Lu}\p{Han}]").unwrap()
    });
    let mut out = Vec::new();
    for r in crate::document::own_pieces(n) {
        let raw = &text[r.clone()];
        // a blank line needs two line ends
        if memchr::memchr_iter(b'\n', raw.as_bytes()).nth(1).is_none() && !raw.contains('\r') {
            continue;
        }
        let t = raw.replace('\r', "\n");
        let at = r.start - n.range.start;
        for c in HIDDEN.captures_iter(&t) {
            let m = c.get(1).unwrap();
            if let Ok(v) = m.as_str().parse() {
                out.push((v, at + m.start()..at + m.end()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_mark_is_found_past_a_running_title_and_a_heading() {
        let title = Some("Oceans and the law of the sea");
        let s = "Calls upon States to cooperate;\nOceans and the law of the sea\n";
        assert_eq!(
            strip_running_title(s, title),
            "Calls upon States to cooperate;"
        );
        let s = "Decides to continue;\nPart I\nProgramme of work\n";
        assert_eq!(strip_running_title(s, None), "Decides to continue;");
        // a bare label: what follows is the paragraph's own text
        let s = "2.\nRequests the Secretary-General";
        assert_eq!(strip_running_title(s, None), s);
        assert!(is_closing_line("61st plenary meeting"));
        assert!(is_closing_line("50th (resumed) plenary meeting"));
        assert!(!is_closing_line("61st meeting of the Committee"));
    }

    #[test]
    fn a_numbered_paragraph_after_a_blank_line_is_a_hidden_label() {
        let text = "The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.\n";
        let doc = crate::Document::new(text);
        let ops = doc.tree().nodes_of(NodeKind::Operative);
        let found: Vec<u32> = ops
            .iter()
            .flat_map(|n| hidden_labels(text, n))
            .map(|(v, _)| v)
            .collect();
        // the parser splits both paragraphs: no label is hidden
        assert!(found.is_empty(), "{found:?}");
        let node = Node {
            range: 0..text.len(),
            ..ops[0].clone()
        };
        // one node over the whole text: both labels follow a blank line
        let hidden = hidden_labels(text, &node);
        let values: Vec<u32> = hidden.iter().map(|(v, _)| *v).collect();
        assert_eq!(values, [1, 2]);
        assert_eq!(&text[hidden[1].1.clone()], "2");
    }
}
