//! An extracted document written back as text a drafter can edit: plain
//! text (the extracted text itself) or Markdown with `*italic*` leads
//! (`**bold**` where the source set them in bold), `[^n]` footnotes and,
//! when asked, the tracked changes as Pandoc spans (`[text]{.insertion
//! author="…" date="…"}`, `[text]{.deletion …}`), which Pandoc turns back
//! into Word's tracked changes.

use crate::extracted::{Extracted, FOOTNOTE_RULE, RevisionKind, Style};

/// The plain text: the extracted text as the parser reads it.
pub fn to_text(x: &Extracted) -> String {
    x.text.clone()
}

/// Markdown: emphasis markers, `[^n]` references and definitions, and the
/// tracked changes when `revisions` is set.
pub fn to_markdown(x: &Extracted, revisions: bool) -> String {
    let body_end = body_end(x);
    // (offset, rank, text): rank orders what opens and closes at one offset
    let mut marks: Vec<(usize, u8, String)> = Vec::new();
    for e in &x.emphasis {
        let Some(r) = trimmed(&x.text, e.range.clone()) else {
            continue;
        };
        if r.end > body_end {
            continue;
        }
        let m = if e.style == Style::Bold { "**" } else { "*" };
        marks.push((r.end, 0, m.to_string()));
        marks.push((r.start, 2, m.to_string()));
    }
    let mut skip: Vec<std::ops::Range<usize>> = Vec::new();
    for f in &x.footnotes {
        let markers = std::iter::once(&f.marker).chain(&f.again);
        for m in markers.filter(|m| !m.is_empty()) {
            marks.push((m.start, 1, format!("[^{}]", f.label)));
            skip.push(m.clone());
        }
    }
    if revisions {
        for r in &x.revisions {
            let attrs = revision_attrs(&r.author, r.date.as_deref());
            match r.kind {
                RevisionKind::Insertion => {
                    marks.push((r.range.end, 0, format!("]{{.insertion{attrs}}}")));
                    marks.push((r.range.start, 3, "[".into()));
                }
                // a deleted paragraph mark has no span: the line stays joined
                RevisionKind::Deletion if r.text == "\n\n" => {}
                RevisionKind::Deletion => marks.push((
                    r.range.start,
                    1,
                    format!("[{}]{{.deletion{attrs}}}", r.text),
                )),
            }
        }
    }
    marks.sort_by_key(|m| (m.0, m.1));
    let mut out = String::with_capacity(x.text.len() + marks.len() * 4);
    let mut pos = 0;
    for (at, _, m) in marks {
        if at < pos {
            continue;
        }
        push_unskipped(&mut out, &x.text, pos..at, &skip);
        out.push_str(&m);
        pos = at;
    }
    push_unskipped(&mut out, &x.text, pos..body_end, &skip);
    let body = out.trim_end().to_string();
    let mut md = body;
    md.push('\n');
    for f in &x.footnotes {
        let text = x.text.get(f.body.clone()).unwrap_or("");
        md.push_str(&format!("\n[^{}]: {}\n", f.label, text.trim()));
    }
    md
}

/// Where the body ends: at the footnote rule, or the end of the text.
fn body_end(x: &Extracted) -> usize {
    if x.footnotes.is_empty() {
        return x.text.len();
    }
    x.text
        .rfind(&format!("\n{FOOTNOTE_RULE}\n"))
        .unwrap_or(x.text.len())
}

/// `range` without the white space at either end (Markdown's emphasis
/// markers must touch the words); `None` when nothing is left.
fn trimmed(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let s = text.get(range.clone())?;
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| range.start + lead..range.end - trail)
}

fn push_unskipped(
    out: &mut String,
    text: &str,
    range: std::ops::Range<usize>,
    skip: &[std::ops::Range<usize>],
) {
    let mut pos = range.start;
    for s in skip
        .iter()
        .filter(|s| s.start < range.end && s.end > range.start)
    {
        out.push_str(text.get(pos..s.start.max(pos)).unwrap_or(""));
        pos = pos.max(s.end);
    }
    if pos < range.end {
        out.push_str(text.get(pos..range.end).unwrap_or(""));
    }
}

fn revision_attrs(author: &str, date: Option<&str>) -> String {
    let q = |s: &str| s.replace('"', "'");
    let mut a = format!(" author=\"{}\"", q(author));
    if let Some(d) = date {
        a.push_str(&format!(" date=\"{}\"", q(d)));
    }
    a
}
