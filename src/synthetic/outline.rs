//! The outline's edits of a synthetic version, made before its paragraphs'
//! (`plan`): the title reworded (and the running titles of its pages with
//! it), a section heading renamed, one deleted, one added after the last
//! (numbered next), a footnote's words changed. The paragraphs' plan starts
//! from the text they give; `map` takes its units back to the original's.

use super::edit::replace_word_after;
use super::expected::Expected;
use super::rng::Rng;
use std::ops::Range;
use unlsp_analysis::diff::{ChangeKind, Para, footnotes, paragraphs};
use unlsp_syntax::numbers::{is_upper_roman, roman, roman_value};
use unlsp_syntax::tree::{Node, NodeKind};
use unlsp_syntax::{Document, Lang};

/// The original with the outline's edits made.
pub(super) struct Outlined {
    pub(super) text: String,
    pub(super) expected: Vec<Expected>,
    /// For each unit of `text` (paragraphs, then footnotes), its index among
    /// the original's; `None` for the heading added.
    pub(super) map: Vec<Option<usize>>,
    pub(super) edits: usize,
}

/// A version's units as the comparison numbers them: paragraphs, then
/// footnotes.
pub(super) fn units(doc: &Document) -> (Vec<Para>, usize) {
    let mut v = paragraphs(doc.text(), doc.tree());
    let body = v.len();
    v.extend(footnotes(doc.text(), doc.tree()));
    (v, body)
}

fn expected(kind: ChangeKind, old: Vec<usize>, unit: NodeKind) -> Expected {
    Expected {
        kind,
        old,
        unit: unit.name(),
    }
}

/// Where a node's own words start: past its label.
fn own_start(text: &str, n: &Node) -> usize {
    if let Some(r) = &n.label_range {
        return r.end;
    }
    let t = text.get(n.range.clone()).unwrap_or("");
    let body = t.trim_start();
    match n.label.as_deref().map(str::trim) {
        Some(l) if !l.is_empty() && body.starts_with(l) => {
            n.range.start + (t.len() - body.len()) + l.len()
        }
        _ => n.range.start,
    }
}

/// A node's own words (up to its first child), as a range.
fn own_range(text: &str, n: &Node) -> Range<usize> {
    let end = n.children.first().map_or(n.range.end, |c| c.range.start);
    let start = own_start(text, n).min(end);
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches([' ', '.', '．', '\t', '\n']).len();
    start + lead..start + s.trim_end().len()
}

/// The one stretch two texts differ in: (where, old, new).
fn changed_span<'a>(a: &'a str, b: &'a str) -> (usize, &'a str, &'a str) {
    let p = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let s = a[p..]
        .chars()
        .rev()
        .zip(b[p..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    (p, &a[p..a.len() - s], &b[p..b.len() - s])
}

/// The label after `label` in its series (`II` → `III`, `B.` → `C.`,
/// `3.` → `4.`); `None` for other forms.
fn next_label(label: &str) -> Option<String> {
    let core: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
    let next = if core.chars().all(|c| c.is_ascii_digit()) {
        (core.parse::<u32>().ok()? + 1).to_string()
    } else if is_upper_roman(&core) && core != "C" && core != "D" {
        roman(roman_value(&core)? + 1)
    } else if core.len() == 1 && core.as_bytes()[0].is_ascii_uppercase() && core != "Z" {
        ((core.as_bytes()[0] + 1) as char).to_string()
    } else {
        return None;
    };
    Some(label.replacen(&core, &next, 1))
}

struct Edits {
    /// Byte ranges of the original and what replaces them.
    at: Vec<(Range<usize>, String)>,
    expected: Vec<Expected>,
    deleted: Option<usize>,
    added: Option<String>,
}

/// Plants the outline's edits in `text`; `None` when the text is not read
/// back as planned (then the resolution is planted without them).
pub(super) fn plant(
    text: &str,
    lang: Option<Lang>,
    donor: &str,
    rng: &mut Rng,
) -> Option<Outlined> {
    let doc = Document::with_lang(text, lang);
    let (old, body) = units(&doc);
    let index = |n: &Node| {
        old.iter()
            .position(|p| p.kind == n.kind && p.range.start == n.range.start)
    };
    let mut e = Edits {
        at: Vec::new(),
        expected: Vec::new(),
        deleted: None,
        added: None,
    };
    let tree = doc.tree();
    let furniture = tree.nodes_of(NodeKind::Furniture);
    if let Some(t) = tree.nodes_of(NodeKind::Title).first()
        && let Some(i) = index(t)
    {
        title(text, t, i, &furniture, donor, rng, &mut e);
    }
    let notes = tree.nodes_of(NodeKind::Footnote);
    for _ in 0..3 {
        let Some(n) = notes.get(rng.below(notes.len())) else {
            break;
        };
        let r = own_range(text, n);
        if let Some(edited) = replace_word_after(&text[r.clone()], donor, rng, 0)
            && let Some(k) = notes[..].iter().position(|m| std::ptr::eq(*m, *n))
        {
            e.at.push((r, edited));
            e.expected.push(expected(
                ChangeKind::Changed,
                vec![body + k],
                NodeKind::Footnote,
            ));
            break;
        }
    }
    sections(text, tree, &old, donor, rng, &mut e);
    if e.at.is_empty() {
        return None;
    }
    let edits = e.expected.len();
    e.at.sort_by_key(|(r, _)| r.start);
    if e.at.windows(2).any(|w| w[0].0.end > w[1].0.start) {
        return None;
    }
    let mut out = text.to_string();
    for (r, s) in e.at.iter().rev() {
        out.replace_range(r.clone(), s);
    }
    let base = Document::with_lang(&out, lang);
    let (new, _) = units(&base);
    let map = map_back(&old, &new, e.deleted, e.added.as_deref())?;
    Some(Outlined {
        text: out,
        expected: e.expected,
        map,
        edits,
    })
}

/// The title reworded, and the running titles (page furniture that the
/// title holds) with it, as a word processor keeps them.
fn title(
    text: &str,
    t: &Node,
    i: usize,
    furniture: &[&Node],
    donor: &str,
    rng: &mut Rng,
    e: &mut Edits,
) {
    let r = own_range(text, t);
    let Some(edited) = replace_word_after(&text[r.clone()], donor, rng, 0) else {
        return;
    };
    let body = &text[r.clone()];
    let (at, was, now) = changed_span(body, &edited);
    let (was, now) = (was.to_string(), now.to_string());
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let whole = flat(body);
    // where the change stands in the title's words
    let q = flat(&body[..at]).len() + usize::from(body[..at].ends_with(char::is_whitespace));
    e.at.push((r, edited));
    for f in furniture {
        let line = &text[f.range.clone()];
        let fl = flat(line);
        let Some(p) = whole
            .find(&fl)
            .filter(|_| !fl.is_empty() && !was.is_empty())
        else {
            continue;
        };
        if q < p || q >= p + fl.len() {
            continue;
        }
        // the occurrence at the change's place in the running title
        let lead = line.len() - line.trim_start().len();
        if let Some((k, _)) = line
            .match_indices(was.as_str())
            .min_by_key(|(k, _)| k.abs_diff(lead + q - p))
        {
            let s = f.range.start + k;
            e.at.push((s..s + was.len(), now.clone()));
        }
    }
    e.expected
        .push(expected(ChangeKind::Changed, vec![i], NodeKind::Title));
}

/// A section heading renamed, another deleted (its paragraphs stay), and a
/// heading added before the last paragraph of the last section, numbered
/// after it.
fn sections(
    text: &str,
    tree: &unlsp_syntax::tree::Tree,
    old: &[Para],
    donor: &str,
    rng: &mut Rng,
    e: &mut Edits,
) {
    let secs: Vec<(&Node, usize)> = tree
        .nodes_of(NodeKind::Section)
        .into_iter()
        .filter(|n| !n.children.is_empty())
        .filter_map(|n| {
            let i = old
                .iter()
                .position(|p| p.kind == n.kind && p.range.start == n.range.start)?;
            Some((n, i))
        })
        .collect();
    if secs.is_empty() {
        return;
    }
    let (s1, i1) = secs[rng.below(secs.len())];
    let r = own_range(text, s1);
    if !r.is_empty()
        && let Some(edited) = replace_word_after(&text[r.clone()], donor, rng, 0)
    {
        e.at.push((r, edited));
        e.expected
            .push(expected(ChangeKind::Changed, vec![i1], NodeKind::Section));
    }
    let last = secs[secs.len() - 1];
    let others: Vec<&(&Node, usize)> = secs[..secs.len() - 1]
        .iter()
        .filter(|(_, i)| *i != i1)
        .collect();
    if secs.len() >= 3
        && let Some((s2, i2)) = others.get(rng.below(others.len()))
    {
        e.at.push((s2.range.start..s2.children[0].range.start, String::new()));
        e.expected
            .push(expected(ChangeKind::Deleted, vec![*i2], NodeKind::Section));
        e.deleted = Some(*i2);
    }
    added(text, last.0, donor, rng, e);
}

/// A heading in the form of the last section's, numbered after it, before
/// the last paragraph of that section.
fn added(text: &str, last: &Node, donor: &str, rng: &mut Rng, e: &mut Edits) {
    let mut paras: Vec<&Node> = Vec::new();
    last.walk(&mut |n, _| {
        if matches!(n.kind, NodeKind::Operative | NodeKind::Preambular) {
            paras.push(n);
        }
    });
    let (Some(label), Some(at)) = (
        last.label.as_deref(),
        paras.get(1).map(|_| paras[paras.len() - 1]),
    ) else {
        return;
    };
    let Some(next) = next_label(label) else {
        return;
    };
    let head = &text[last.range.start..last.children[0].range.start];
    let r = own_range(text, last);
    let Some(words) = replace_word_after(&text[r.clone()], donor, rng, 0) else {
        return;
    };
    let (lo, hi) = (r.start - last.range.start, r.end - last.range.start);
    let Some(l) = head[..lo].rfind(label.trim()) else {
        return;
    };
    let heading = format!(
        "{}{}{}{}{}",
        &head[..l],
        next.trim(),
        &head[l + label.trim().len()..lo],
        words,
        &head[hi..]
    );
    e.at.push((at.range.start..at.range.start, heading));
    e.expected
        .push(expected(ChangeKind::Added, vec![], NodeKind::Section));
    e.added = Some(words);
}

/// Each unit of the edited text to the original's: the same kinds in the
/// same order, less the deleted heading, plus the added one.
fn map_back(
    old: &[Para],
    new: &[Para],
    deleted: Option<usize>,
    added: Option<&str>,
) -> Option<Vec<Option<usize>>> {
    let mut map = Vec::with_capacity(new.len());
    let mut o = 0;
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let mut added_seen = false;
    for p in new {
        if Some(o) == deleted {
            o += 1;
        }
        let is_added = !added_seen
            && p.kind == NodeKind::Section
            && added.is_some_and(|a| squeeze(&p.text) == squeeze(a));
        if is_added {
            added_seen = true;
            map.push(None);
            continue;
        }
        if old.get(o)?.kind != p.kind {
            return None;
        }
        map.push(Some(o));
        o += 1;
    }
    if Some(o) == deleted {
        o += 1;
    }
    (o == old.len() && added_seen == added.is_some()).then_some(map)
}
