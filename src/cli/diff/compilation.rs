//! A compilation text: the new version in order with the deleted
//! paragraphs where they stood, deletions struck through, insertions in
//! bold, renumbering shown as `5 [6]` (now 5, formerly 6), a summary first.
//! The blocks are shared by the Markdown and HTML forms.

use super::name::{bare, margin, number};
use super::report::Report;
use unlsp_analysis::diff::{ChangeKind, Entry, Op, Para};
use unlsp_syntax::tree::NodeKind;

/// One paragraph of the compilation.
pub(super) struct Block {
    pub(super) margin: String,
    pub(super) kind: NodeKind,
    pub(super) change: Option<ChangeKind>,
    pub(super) note: Option<String>,
    pub(super) segments: Vec<(Op, String)>,
}

fn labelled(new: &Para, old: &Para) -> String {
    let (m, o) = (margin(new), margin(old));
    if m == o || o.is_empty() {
        m
    } else {
        format!("{m} [{o}]")
    }
}

pub(super) fn blocks(r: &Report) -> Vec<Block> {
    r.cmp.entries.iter().map(|e| block(r, e)).collect()
}

fn block(r: &Report, e: &Entry) -> Block {
    let (old, new) = (&r.cmp.old, &r.cmp.new);
    let o = |k: usize| &old[e.old[k]];
    let n = |k: usize| &new[e.new[k]];
    let words =
        || -> Vec<(Op, String)> { e.words.iter().map(|w| (w.op, w.text.clone())).collect() };
    let plain = |p: &Para| vec![(Op::Equal, p.text.clone())];
    let (margin_text, kind, note, segments) = match e.kind {
        None => (margin(n(0)), n(0).kind, None, plain(n(0))),
        Some(ChangeKind::Renumbered) => (labelled(n(0), o(0)), n(0).kind, None, plain(n(0))),
        Some(ChangeKind::Changed) => (labelled(n(0), o(0)), n(0).kind, None, words()),
        Some(ChangeKind::Added) => (margin(n(0)), n(0).kind, Some("new".into()), words()),
        Some(ChangeKind::Deleted) => (
            format!("[{}]", margin(o(0))),
            o(0).kind,
            Some("deleted".into()),
            words(),
        ),
        Some(ChangeKind::Moved) => (
            labelled(n(0), o(0)),
            n(0).kind,
            Some(format!("moved from {}", number(o(0)))),
            if e.words.is_empty() {
                plain(n(0))
            } else {
                words()
            },
        ),
        Some(ChangeKind::Split) => (
            format!("{}, {} [{}]", margin(n(0)), margin(n(1)), margin(o(0))),
            n(0).kind,
            Some(format!("split from {}", number(o(0)))),
            words(),
        ),
        Some(ChangeKind::Merged) => (
            format!("{} [{}, {}]", margin(n(0)), margin(o(0)), margin(o(1))),
            n(0).kind,
            Some(format!("merged from {} and {}", number(o(0)), number(o(1)))),
            words(),
        ),
    };
    Block {
        margin: margin_text,
        kind,
        change: e.kind,
        note,
        segments,
    }
}

/// The changes to the title, the headings and the footnotes, which the
/// summary's counts include: `the title changed`, `1 heading added`,
/// `2 footnotes changed`.
pub(super) fn outline_summary(r: &Report) -> Vec<String> {
    let kind_of = |e: &Entry| match (e.new.first(), e.old.first()) {
        (Some(&j), _) => r.cmp.new[j].kind,
        (None, Some(&i)) => r.cmp.old[i].kind,
        _ => NodeKind::Paragraph,
    };
    let mut out = Vec::new();
    for (kinds, one, many) in [
        (&[NodeKind::Title][..], "the title", "titles"),
        (
            &[NodeKind::Section, NodeKind::Annex][..],
            "heading",
            "headings",
        ),
        (&[NodeKind::Footnote][..], "footnote", "footnotes"),
    ] {
        for k in ChangeKind::ALL {
            let n = r
                .cmp
                .changes()
                .filter(|e| e.kind == Some(k) && kinds.contains(&kind_of(e)))
                .count();
            match n {
                0 => {}
                1 if kinds[0] == NodeKind::Title => out.push(format!("{one} {}", k.name())),
                1 => out.push(format!("1 {one} {}", k.name())),
                _ => out.push(format!("{n} {many} {}", k.name())),
            }
        }
    }
    out
}

/// The summary: paragraphs added, deleted, moved, changed and the rest.
pub(super) fn summary(r: &Report) -> Vec<(String, usize)> {
    let counts = r.cmp.counts();
    let mut v: Vec<(String, usize)> = ChangeKind::ALL
        .iter()
        .zip(counts)
        .map(|(k, n)| (k.name().to_string(), n))
        .collect();
    v.push((
        "unchanged".into(),
        r.cmp.entries.iter().filter(|e| e.kind.is_none()).count(),
    ));
    v
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '\\' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `--format markdown`: `~~deleted~~ **inserted**`.
pub(super) fn markdown(r: &Report) -> String {
    let mut s = format!(
        "# Compilation: {} → {}\n\n",
        md_escape(&r.old.name),
        md_escape(&r.new.name)
    );
    let parts: Vec<String> = summary(r).iter().map(|(k, n)| format!("{n} {k}")).collect();
    s.push_str(&format!("Paragraphs: {}.\n\n", parts.join(", ")));
    let outline = outline_summary(r);
    if !outline.is_empty() {
        s.push_str(&format!("Of which: {}.\n\n", outline.join(", ")));
    }
    let mut in_notes = false;
    for b in blocks(r) {
        if b.kind == NodeKind::Footnote && !in_notes {
            s.push_str("---\n\n");
            in_notes = true;
        }
        match b.kind {
            NodeKind::Subparagraph => s.push_str("    "),
            NodeKind::Title => s.push_str("## "),
            NodeKind::Section | NodeKind::Annex => s.push_str("### "),
            _ => {}
        }
        if !b.margin.is_empty() {
            s.push_str(&format!("{} ", md_escape(&b.margin)));
        }
        if let Some(n) = &b.note {
            s.push_str(&format!("*({})* ", md_escape(n)));
        }
        for (op, t) in &b.segments {
            let (lead, trail) = edges(t);
            let core = md_escape(t.trim());
            match op {
                Op::Equal => s.push_str(&md_escape(t)),
                _ if core.is_empty() => s.push_str(t),
                Op::Delete => s.push_str(&format!("{lead}~~{core}~~{trail}")),
                Op::Insert => s.push_str(&format!("{lead}**{core}**{trail}")),
            }
        }
        s.push_str("\n\n");
    }
    s
}

/// The spaces around a stretch (Markdown's emphasis may not start or end
/// with one).
fn edges(t: &str) -> (&str, &str) {
    let lead = &t[..t.len() - t.trim_start().len()];
    let trail = &t[t.trim_end().len()..];
    (lead, trail)
}

/// The old label of a block, for a title attribute.
pub(super) fn formerly(m: &str) -> Option<&str> {
    let open = m.find('[')?;
    Some(bare(m[open + 1..].trim_end_matches(']')))
}
