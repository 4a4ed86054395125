//! The human format: one line per change, `file:line: what changed`, then
//! the words (`[-deleted-]{+inserted+}`, red and green on a terminal).

use super::name::{bare, describe};
use super::report::Report;
use unlsp_analysis::diff::{ChangeKind, Entry, Op, Para, words_changed};
use unlsp_syntax::text::LineIndex;

/// Characters of unchanged text shown either side of a change.
const CONTEXT: usize = 40;

pub(super) fn render(r: &Report, colour: bool) -> String {
    let mut out = summary_line(r);
    let (oli, nli) = (
        LineIndex::new(r.old.doc.text()),
        LineIndex::new(r.new.doc.text()),
    );
    for e in r.cmp.changes() {
        let (file, li, text, p) = match e.new.first() {
            Some(&j) => (&r.new.name, &nli, r.new.doc.text(), &r.cmp.new[j]),
            None => (&r.old.name, &oli, r.old.doc.text(), &r.cmp.old[e.old[0]]),
        };
        let line = li.position(text, p.range.start).line;
        out.push_str(&format!("{file}:{line}: {}\n", headline(r, e)));
        if e.words.iter().any(|w| w.op != Op::Equal) {
            out.push_str("    ");
            out.push_str(&words(e, colour));
            out.push('\n');
        }
    }
    out
}

pub(super) fn summary_line(r: &Report) -> String {
    let counts = r.cmp.counts();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return format!("{} → {}: the same in substance\n", r.old.name, r.new.name);
    }
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", k.name()))
        .collect();
    let cut = if r.cmp.cut_short {
        " (alignment cut short)"
    } else {
        ""
    };
    let outline = super::compilation::outline_summary(r);
    let outline = if outline.is_empty() {
        String::new()
    } else {
        format!(" (of which {})", outline.join(", "))
    };
    format!(
        "{} → {}: {total} change{}: {}{outline}{cut}\n",
        r.old.name,
        r.new.name,
        if total == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

fn relabel(a: &Para, b: &Para) -> String {
    if b.kind == unlsp_syntax::tree::NodeKind::Title {
        return String::new();
    }
    match (&a.label, &b.label) {
        (Some(x), Some(y)) if bare(x) != bare(y) => format!(" (was {})", bare(x)),
        _ => String::new(),
    }
}

/// `operative paragraph 6 renumbered 5`, `… changed (3 words)`.
pub(super) fn headline(r: &Report, e: &Entry) -> String {
    let o = |k: usize| &r.cmp.old[e.old[k]];
    let n = |k: usize| &r.cmp.new[e.new[k]];
    let w = words_changed(&e.words);
    let words = if w == 0 {
        "punctuation".to_string()
    } else if w == 1 {
        "1 word".to_string()
    } else {
        format!("{w} words")
    };
    match e.kind {
        Some(ChangeKind::Added) => format!("{} added", describe(n(0))),
        Some(ChangeKind::Deleted) => format!("{} deleted", describe(o(0))),
        Some(ChangeKind::Renumbered) => {
            format!(
                "{} renumbered {}",
                describe(o(0)),
                super::name::number(n(0))
            )
        }
        Some(ChangeKind::Changed) => {
            format!(
                "{} changed{} ({words})",
                describe(n(0)),
                relabel(o(0), n(0))
            )
        }
        Some(ChangeKind::Moved) => {
            let reworded = if e.words.is_empty() {
                String::new()
            } else {
                format!(", {words} changed")
            };
            format!(
                "{} moved from {}{reworded}",
                describe(n(0)),
                super::name::number(o(0))
            )
        }
        Some(ChangeKind::Split) => format!(
            "{} split into {} and {}",
            describe(o(0)),
            super::name::number(n(0)),
            second(n(0), n(1))
        ),
        Some(ChangeKind::Merged) => format!(
            "{} and {} merged into {}",
            describe(o(0)),
            second(o(0), o(1)),
            super::name::number(n(0))
        ),
        None => describe(n(0)),
    }
}

/// The second of a split or merged pair: its number, or its whole name
/// when it is of another kind.
fn second(first: &Para, p: &Para) -> String {
    if first.kind == p.kind {
        super::name::number(p)
    } else {
        describe(p)
    }
}

/// The words of a change, long unchanged stretches shortened.
fn words(e: &Entry, colour: bool) -> String {
    let mut s = String::new();
    let last = e.words.len().saturating_sub(1);
    for (k, w) in e.words.iter().enumerate() {
        match w.op {
            Op::Equal => s.push_str(&shorten(&w.text, k > 0, k < last)),
            Op::Delete if colour => s.push_str(&format!("\x1b[31;9m{}\x1b[0m", w.text)),
            Op::Insert if colour => s.push_str(&format!("\x1b[32;1m{}\x1b[0m", w.text)),
            Op::Delete => s.push_str(&format!("[-{}-]", w.text)),
            Op::Insert => s.push_str(&format!("{{+{}+}}", w.text)),
        }
    }
    s
}

/// An unchanged stretch with only `CONTEXT` characters kept next to the
/// changes before (`head`) and after (`tail`) it.
fn shorten(t: &str, head: bool, tail: bool) -> String {
    let n = t.chars().count();
    let keep = CONTEXT * (head as usize + tail as usize);
    if n <= keep + 5 {
        return t.to_string();
    }
    let first: String = t.chars().take(if head { CONTEXT } else { 0 }).collect();
    let end: String = t.chars().skip(n - if tail { CONTEXT } else { 0 }).collect();
    format!("{first}…{end}")
}
