//! Runs joined into text: spaces where the layout leaves a gap or a line
//! ends, superscript footnote markers as `[^n]`, an italic lead as `*…*`;
//! lines found from the layout where there is no structure tree; the page
//! furniture recognised by its shape.

use super::content::Run;
use regex::Regex;
use std::sync::LazyLock;

/// The runs of one paragraph or footnote, in reading order.
pub(super) struct Joiner<'a> {
    runs: &'a [&'a Run],
    /// The size most of the text is set in.
    main: f64,
}

/// A stretch of joined text and how it was set.
struct Piece {
    text: String,
    italic: bool,
    marker: bool,
}

impl<'a> Joiner<'a> {
    pub fn new(runs: &'a [&'a Run]) -> Joiner<'a> {
        let mut sizes: Vec<(i64, usize)> = Vec::new();
        for r in runs {
            let k = (r.size * 2.0).round() as i64;
            let n = r.text.trim().chars().count();
            match sizes.iter_mut().find(|(s, _)| *s == k) {
                Some(e) => e.1 += n,
                None => sizes.push((k, n)),
            }
        }
        let main = sizes
            .iter()
            .max_by_key(|(s, n)| (*n, *s))
            .map_or(10.0, |(s, _)| *s as f64 / 2.0);
        Joiner { runs, main }
    }

    fn small(&self, r: &Run) -> bool {
        r.size < 0.85 * self.main
    }

    /// The baseline a run sits on: a superscript's is its neighbour's.
    fn baseline(&self, i: usize) -> f64 {
        let r = self.runs[i];
        if !self.small(r) {
            return r.y;
        }
        let near = (0..i)
            .rev()
            .chain(i + 1..self.runs.len())
            .map(|j| self.runs[j])
            .find(|n| !self.small(n) && (n.y - r.y).abs() < self.main);
        near.map_or(r.y, |n| n.y)
    }

    fn superscript(&self, i: usize) -> bool {
        let r = self.runs[i];
        self.small(r) && r.y > self.baseline(i) + 0.15 * self.main
    }

    /// A footnote marker: a raised number, or asterisks set apart.
    fn marker(&self, i: usize) -> Option<String> {
        let t = self.runs[i].text.trim();
        let digits = !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        let stars = !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b == b'*');
        ((digits && self.superscript(i)) || stars).then(|| t.to_string())
    }

    /// What goes between run `i - 1` and run `i`.
    fn separator(&self, i: usize) -> &'static str {
        let (a, b) = (self.runs[i - 1], self.runs[i]);
        if a.text.ends_with(char::is_whitespace) || b.text.starts_with(char::is_whitespace) {
            return "";
        }
        let new_line = (self.baseline(i) - self.baseline(i - 1)).abs() > 0.5 * self.main
            || b.x0 < a.x1 - 0.5 * self.main;
        if new_line {
            // Word breaks a compound after its hyphen and never hyphenates
            // a UN text: the hyphen stays, no space
            return if a.text.ends_with(['-', '\u{ad}']) {
                ""
            } else {
                " "
            };
        }
        // a marker hugs the word before it
        if self.marker(i).is_some() {
            return "";
        }
        let gap = b.x0 - a.x1;
        if gap > 0.2 * a.size.max(b.size) {
            " "
        } else {
            ""
        }
    }

    fn pieces(&self) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        for i in 0..self.runs.len() {
            if i > 0 {
                let sep = self.separator(i);
                if !sep.is_empty() {
                    out.push(Piece {
                        text: sep.into(),
                        italic: out.last().is_some_and(|p| p.italic) && self.runs[i].italic,
                        marker: false,
                    });
                }
            }
            let r = self.runs[i];
            match self.marker(i) {
                Some(m) => out.push(Piece {
                    text: m,
                    italic: false,
                    marker: true,
                }),
                None => out.push(Piece {
                    text: r.text.replace('\u{ad}', ""),
                    italic: r.italic,
                    marker: false,
                }),
            }
        }
        out
    }

    /// A body paragraph: markers as `[^n]`, the italic lead as `*…*`.
    pub fn body(&self) -> String {
        let mut pieces = self.pieces();
        // a paragraph that opens with asterisks is a sponsors' note set in
        // the body (`** Report of …`): its label, not a reference
        if let Some(first) = pieces.iter_mut().find(|p| !p.text.trim().is_empty())
            && first.marker
            && first.text.starts_with('*')
        {
            first.marker = false;
            first.text.push(' ');
        }
        let (text, italic) = flatten(&pieces, |p| {
            if p.marker {
                format!("[^{}]", p.text)
            } else {
                GLUED_STARS
                    .replace_all(&p.text, "${1}[^${2}]${3}")
                    .into_owned()
            }
        });
        mark_lead(&text, &italic)
    }

    /// A footnote: its label (the leading marker) and its text.
    pub fn note(&self) -> (Option<String>, String) {
        let mut pieces = self.pieces();
        let first = pieces.iter().position(|p| !p.text.trim().is_empty());
        let mut label = None;
        if let Some(k) = first
            && pieces[k].marker
        {
            label = Some(pieces.remove(k).text);
        }
        let (text, _) = flatten(&pieces, |p| p.text.clone());
        if label.is_none()
            && let Some(c) = NOTE_LABEL.captures(&text)
        {
            return (
                Some(c[1].to_string()),
                text[c.get(0).unwrap().end()..].to_string(),
            );
        }
        (label, text)
    }
}

/// Asterisks glued to a word in the same run (`Development** and`): a
/// note's marker.
static GLUED_STARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^\s*\[])(\*{1,3})([\s,.;:)”]|$)").unwrap());

/// `1 See …` where the label is set at the text's size.
static NOTE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4}|\*{1,3})\s+").unwrap());

/// The pieces' text with runs of spaces made one and the ends trimmed, and
/// per byte whether it was set in italics.
fn flatten(pieces: &[Piece], text_of: impl Fn(&Piece) -> String) -> (String, Vec<bool>) {
    let mut s = String::new();
    let mut italic = Vec::new();
    for p in pieces {
        for c in text_of(p).chars() {
            let c = if c.is_whitespace() && c != '\u{a0}' {
                ' '
            } else {
                c
            };
            if c == ' ' && (s.is_empty() || s.ends_with(' ')) {
                continue;
            }
            s.push(c);
            italic.extend(std::iter::repeat_n(p.italic, c.len_utf8()));
        }
    }
    while s.ends_with(' ') {
        s.pop();
        italic.pop();
    }
    (s, italic)
}

/// A paragraph's label (`12.`, `(b)`, `(iv)`) before its lead.
pub(super) static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}\.|\([a-z]{1,6}\)|[a-z]\))\s+").unwrap());

/// `*Recalling*` around the italic words the paragraph opens with (after
/// its label): a paragraph all in italics has no lead.
fn mark_lead(text: &str, italic: &[bool]) -> String {
    let start = LABEL.find(text).map_or(0, |m| m.end());
    if !italic.get(start).copied().unwrap_or(false) || text.contains('*') {
        return text.to_string();
    }
    let mut end = start;
    while end < text.len() && italic[end] {
        end += 1;
    }
    let lead = text[start..end].trim_end();
    let end = start + lead.len();
    if end >= text.len() || !lead.chars().any(char::is_alphabetic) {
        return text.to_string();
    }
    format!("{}*{}*{}", &text[..start], lead, &text[end..])
}

/// Runs grouped into lines, top to bottom, each line's runs left to right.
fn group_lines<'a>(runs: &[&'a Run]) -> Vec<Vec<&'a Run>> {
    let mut sorted: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<&Run>> = Vec::new();
    for r in sorted {
        match lines.last_mut() {
            Some(l) if (l[0].y - r.y).abs() < 0.5 * l[0].size.max(r.size) => l.push(r),
            _ => lines.push(vec![r]),
        }
    }
    for l in &mut lines {
        l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// The first page's heading (set as artifacts): a paragraph per stretch of
/// a line, the stretches apart by a wide gap (`United Nations`, the symbol).
pub(super) fn cover_lines(runs: &[&Run]) -> Vec<String> {
    let mut out = Vec::new();
    for line in group_lines(runs) {
        let mut from = 0;
        for i in 1..=line.len() {
            if i == line.len() || line[i].x0 - line[i - 1].x1 > 2.0 * line[i].size.max(10.0) {
                let text = Joiner::new(&line[from..i]).body();
                if !text.is_empty() {
                    out.push(text);
                }
                from = i;
            }
        }
    }
    out
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{7}\*)?|\*\d{7}\*|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?|\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|_{3,}|Please recycle.*)$",
    )
    .unwrap()
});

/// Job numbers (`25-17785 (E) 121125`), barcodes (`*2517785*`), page
/// numbers (`2/6`), the footnote rule.
pub(super) fn is_furniture(text: &str) -> bool {
    FURNITURE.is_match(text.trim())
}

/// An untagged page: body paragraphs (a new one where the gap between lines
/// opens or a line is indented) and, under the rule, footnotes.
pub(super) fn page_lines(runs: &[&Run]) -> (Vec<String>, Vec<(String, String)>) {
    let mut body: Vec<Vec<&Run>> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut under_rule = false;
    // the last line's start and style (bold, size)
    let mut prev: Option<(f64, f64, (bool, i64))> = None;
    for line in group_lines(runs) {
        for (k, seg) in split_wide(line).into_iter().enumerate() {
            let raw: String = seg.iter().map(|r| r.text.as_str()).collect();
            if is_furniture(&raw) {
                under_rule |= raw.trim_start().starts_with("___");
                continue;
            }
            if under_rule {
                let (label, t) = Joiner::new(&seg).note();
                match (label, notes.last_mut()) {
                    (Some(l), _) => notes.push((l, t)),
                    (None, Some(last)) => {
                        last.1.push(' ');
                        last.1.push_str(&t);
                    }
                    (None, None) => {}
                }
                continue;
            }
            let (y, x, size) = (seg[0].y, seg[0].x0, seg[0].size);
            let style = (seg.iter().all(|r| r.bold), (size * 2.0).round() as i64);
            let opens = k > 0
                || prev.is_none_or(|(py, px, ps)| {
                    py - y > 1.6 * size || x > px + 2.0 * size || ps != style
                });
            prev = Some((y, x, style));
            match body.last_mut() {
                Some(last) if !opens => last.extend(seg),
                _ => body.push(seg),
            }
        }
    }
    let paragraphs = body.iter().map(|runs| Joiner::new(runs).body()).collect();
    (paragraphs, notes)
}

/// A line cut where a wide gap parts its stretches (`United Nations` and
/// the symbol at the page top).
fn split_wide(line: Vec<&Run>) -> Vec<Vec<&Run>> {
    let mut out: Vec<Vec<&Run>> = Vec::new();
    for r in line {
        match out.last_mut() {
            Some(seg) if r.x0 - seg[seg.len() - 1].x1 <= 6.0 * r.size.max(10.0) => seg.push(r),
            _ => out.push(vec![r]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page furniture as A/C.3/80/L.25 and A/C.1/80/L.29 print it.
    #[test]
    fn furniture_is_known_by_its_shape() {
        for f in [
            "25-17785 (E)    121125",
            "*2517785*",
            "2/6",
            "25-16552 2/4",
            "2/4 25-16552",
            "__________________",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for t in [
            "Agenda item 71 (b)",
            "A/C.3/80/L.25",
            "10. *Calls for* strengthened international efforts",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn the_lead_is_marked_after_the_number_and_never_the_whole_paragraph() {
        let mark = |text: &str, italic_bytes: usize| {
            let mut italic = vec![false; text.len()];
            let at = LABEL.find(text).map_or(0, |m| m.end());
            italic[at..at + italic_bytes]
                .iter_mut()
                .for_each(|b| *b = true);
            mark_lead(text, &italic)
        };
        assert_eq!(
            mark("Reaffirming also that all human rights are universal,", 16),
            "*Reaffirming also* that all human rights are universal,"
        );
        assert_eq!(
            mark("12. Requests the Secretary-General to submit", 9),
            "12. *Requests* the Secretary-General to submit"
        );
        assert_eq!(mark("The General Assembly", 20), "The General Assembly");
    }

    #[test]
    fn asterisks_glued_to_a_word_are_a_marker() {
        let s = "Conference on Population and Development** and its review";
        assert_eq!(
            GLUED_STARS.replace_all(s, "${1}[^${2}]${3}"),
            "Conference on Population and Development[^**] and its review"
        );
    }
}
