//! What several themes of rules read of a document: the text pieces of a
//! node, its terminal punctuation, its paragraphs grouped by part.

use crate::Ctx;
use std::ops::Range;
use unlsp_syntax::assemble::terminal_mark;
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::tree::{Node, NodeKind};

/// Text pieces of a node and its descendants, without footnotes and furniture.
pub(crate) fn body_pieces(n: &Node) -> Vec<Range<usize>> {
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
/// and closing quotes skipped.
pub(crate) fn terminal(cx: &Ctx, n: &Node) -> Option<(char, Range<usize>)> {
    cx.memo.terminal(n, || find_terminal(cx, n))
}

fn find_terminal(cx: &Ctx, n: &Node) -> Option<(char, Range<usize>)> {
    let pieces = body_pieces(n);
    let (last, s) = pieces.iter().rev().find_map(|r| {
        let s = strip_old_marker(strip_running_title(cx, &cx.text[r.clone()]));
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

/// Operative paragraphs grouped by section (numbering restarts per section).
pub(crate) fn operative_groups<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Node>> {
    let mut groups: Vec<Vec<&Node>> = vec![Vec::new()];
    fn visit<'a>(n: &'a Node, groups: &mut Vec<Vec<&'a Node>>) {
        match n.kind {
            NodeKind::Section => {
                groups.push(Vec::new());
                for c in &n.children {
                    visit(c, groups);
                }
                groups.push(Vec::new());
            }
            NodeKind::Annex => {}
            NodeKind::Operative => groups.last_mut().unwrap().push(n),
            _ => {
                for c in &n.children {
                    visit(c, groups);
                }
            }
        }
    }
    for n in &cx.tree.nodes {
        visit(n, &mut groups);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// UN015: an unnumbered operative paragraph that ends with a comma and comes
/// before the first numbered one is a preambular paragraph opening with an
/// operative verb (`Welcomes the results …,`), which the parser files in the
/// operative part. UN015 reports it; UN008 and UN010 leave it alone.
pub(crate) fn preambular_with_operative_lead(cx: &Ctx, n: &Node) -> bool {
    if n.kind != NodeKind::Operative || n.label_range.is_some() || n.lead.is_none() {
        return false;
    }
    let Some((first, last)) = cx.numbered_operative_span() else {
        return false;
    };
    let numbered_after = last > n.range.start;
    let numbered_before = first < n.range.start;
    numbered_after
        && !numbered_before
        && !introduces_text(cx, n)
        && terminal(cx, n).is_some_and(|(c, _)| matches!(c, ',' | '，' | '،'))
}

/// `Adopts the following outcome document …:` (GA 80/173): a paragraph
/// without sub-paragraphs whose text has a line ending with a colon
/// introduces an adopted text, which runs on in it (the parser does not
/// separate it): its last mark is that text's, not the paragraph's.
pub(crate) fn introduces_text(cx: &Ctx, n: &Node) -> bool {
    !n.children.iter().any(|c| c.kind == NodeKind::Subparagraph)
        && slice(cx.text, n.range.start, n.range.end)
            .lines()
            .any(|l| l.trim_end().ends_with([':', '：']))
}

pub(crate) fn all_of<'a>(cx: &Ctx<'a>, kind: NodeKind) -> Vec<&'a Node> {
    cx.tree.nodes_of(kind)
}

/// The outermost text units (paragraphs, titles, adoption lines) and every
/// footnote, in text order: scanning each with [`body_pieces`] covers the
/// running text once.
pub(crate) fn units<'a>(cx: &Ctx<'a>) -> Vec<&'a Node> {
    fn go<'a>(n: &'a Node, inside: bool, out: &mut Vec<&'a Node>) {
        if n.kind == NodeKind::Footnote {
            out.push(n);
            return;
        }
        if n.kind == NodeKind::Furniture {
            return;
        }
        let unit = n.kind.is_text_unit();
        if unit && !inside {
            out.push(n);
        }
        for c in &n.children {
            go(c, inside || unit, out);
        }
    }
    let mut out = Vec::new();
    for n in &cx.tree.nodes {
        go(n, false, &mut out);
    }
    out
}

/// The running text of a unit (wrapped lines joined) with a map back to the
/// document.
/// Built once per node and analysis, however many rules read it.
pub(crate) fn view(cx: &Ctx, n: &Node) -> std::sync::Arc<unlsp_syntax::inline::View> {
    cx.memo.view(n, || {
        let pieces = if n.kind == NodeKind::Footnote {
            vec![n.range.clone()]
        } else {
            body_pieces(n)
        };
        unlsp_syntax::inline::View::new(cx.text, &pieces)
    })
}

/// Paragraphs grouped by part: the preambular paragraphs of one preamble, the
/// operative paragraphs of one operative part (sections start new parts).
pub(crate) fn parts<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a Node>> {
    let mut out: Vec<Vec<&Node>> = Vec::new();
    fn go<'a>(n: &'a Node, out: &mut Vec<Vec<&'a Node>>) {
        match n.kind {
            NodeKind::Preamble | NodeKind::OperativePart => {
                let v: Vec<&Node> = n
                    .children
                    .iter()
                    .filter(|c| matches!(c.kind, NodeKind::Preambular | NodeKind::Operative))
                    .collect();
                if !v.is_empty() {
                    out.push(v);
                }
                for c in &n.children {
                    if c.kind == NodeKind::Section {
                        go(c, out);
                    }
                }
            }
            NodeKind::Annex => {}
            _ => {
                for c in &n.children {
                    go(c, out);
                }
            }
        }
    }
    for n in &cx.tree.nodes {
        go(n, &mut out);
    }
    out
}

/// The session of the document's own resolution number (`62/57` → 62).
pub(crate) fn own_session(cx: &Ctx) -> Option<u32> {
    let n = cx.tree.meta.number.as_deref()?;
    let (s, _) = n.split_once('/')?;
    s.trim().parse().ok()
}

/// The GA `N/M` parts of a target (`61/100` → (61, 100); `56/24 V` → (56, 24)).
pub(crate) fn ga_parts(target: &str) -> Option<(u32, u32)> {
    let (a, b) = target.split_once('/')?;
    let b: String = b.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((a.trim().parse().ok()?, b.parse().ok()?))
}

/// `text[a..b]` with both ends clamped to the text and to character boundaries.
pub(crate) fn slice(text: &str, a: usize, b: usize) -> &str {
    let a = unlsp_syntax::text::clamp_to_char(text, a.min(text.len()));
    let b = unlsp_syntax::text::clamp_to_char(text, b.min(text.len()).max(a));
    &text[a..b]
}

/// PDF running headers repeat the short title of the resolution at the top of
/// each page; the parser leaves those lines in the paragraph they interrupt
/// (a parser defect). Trailing lines that are a piece of the
/// title are dropped before looking at a paragraph's punctuation.
pub(crate) fn strip_running_title<'a>(cx: &Ctx, s: &'a str) -> &'a str {
    let s = strip_heading_lines(s);
    let Some(title) = cx.memo.title_words(cx.tree.meta.title.as_deref()) else {
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
pub(crate) fn is_closing_line(l: &str) -> bool {
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
