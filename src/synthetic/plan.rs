//! The plan of a synthetic version: the outline's edits first (`outline`:
//! title, headings, a footnote), then which top-level paragraphs are
//! deleted, inserted, merged, edited, moved and split; the new text made
//! from the old one's pieces; the change list a comparison should report.

use super::edit::{renumber, replace_word, rewrap, split_point};
use super::expected::Expected;
use super::outline::{self, units};
use super::rng::Rng;
use std::collections::HashSet;
use unlsp_analysis::diff::ChangeKind;
use unlsp_syntax::numbers::label_ordinal;
use unlsp_syntax::tree::{Node, NodeKind};
use unlsp_syntax::{Document, Lang};

/// A synthetic version and what comparing it with its original must say.
pub struct Planted {
    pub text: String,
    pub expected: Vec<Expected>,
    /// The edits made (deletions, insertions, merges, word edits, moves,
    /// splits), before the renumbering they cause.
    pub edits: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Origin {
    Same(usize),
    Edited(usize),
    Added,
    Moved(usize),
    Split(usize),
    SplitRest,
    Merged(usize, usize),
}

struct Item {
    kind: NodeKind,
    label: String,
    body: String,
    origin: Origin,
}

/// What is decided for the top-level paragraphs (indices into `top`).
#[derive(Default)]
struct Choice {
    delete: HashSet<usize>,
    merge: Option<usize>,
    insert_after: Option<usize>,
    edit: HashSet<usize>,
    /// (moved, after which)
    moved: Option<(usize, usize)>,
    split: Option<(usize, usize)>,
    /// The operative paragraphs are numbered 1, 2, 3…: renumbered after.
    numbered: bool,
}

struct Source<'a> {
    text: &'a str,
    top: Vec<&'a Node>,
}

impl Source<'_> {
    /// Where the label ends, with its punctuation (`1.`, `1 -`).
    fn label_end(&self, t: usize) -> usize {
        let n = self.top[t];
        let Some(r) = n.label_range.as_ref() else {
            return n.range.start;
        };
        let rest = &self.text[r.end..n.range.end];
        let skip = rest.len()
            - rest
                .trim_start_matches([' ', '.', '．', '-', ')', '\t'])
                .len();
        r.end + skip
    }

    fn label(&self, t: usize) -> String {
        let n = self.top[t];
        self.text[n.range.start..self.label_end(t)]
            .trim()
            .to_string()
    }

    fn body(&self, t: usize) -> &str {
        let n = self.top[t];
        self.text[self.label_end(t)..n.range.end].trim()
    }

    fn bare(&self, t: usize) -> bool {
        self.top[t].children.is_empty()
    }

    fn gap(&self, t: usize) -> &str {
        &self.text[self.top[t - 1].range.end..self.top[t].range.start]
    }
}

/// Plants changes in `text` (a preambular paragraph of `donor`, a text
/// in the same language, is the one inserted; its words replace others).
/// `None` when the text has too few paragraphs.
pub fn plant(text: &str, lang: Option<Lang>, seed: u64, donor: &str) -> Option<Planted> {
    // the outline's edits draw from a stream of their own: the paragraphs'
    // plan of a resolution stays what it was without them
    let mut orng = Rng::new(seed ^ 0x5EC7_1075_0000_0000);
    let Some(o) = outline::plant(text, lang, donor, &mut orng) else {
        return paragraphs_plan(text, lang, seed, donor);
    };
    let mut p = paragraphs_plan(&o.text, lang, seed, donor)?;
    for e in &mut p.expected {
        for i in &mut e.old {
            *i = o.map.get(*i).copied().flatten()?;
        }
    }
    // a footnote edited inside a paragraph the plan deletes goes with it
    let gone: Vec<Vec<usize>> = p
        .expected
        .iter()
        .filter(|e| e.kind == ChangeKind::Deleted)
        .map(|e| e.old.clone())
        .collect();
    p.expected
        .extend(o.expected.into_iter().filter(|e| !gone.contains(&e.old)));
    p.expected.sort();
    p.edits += o.edits;
    Some(p)
}

/// The paragraphs' plan of [`plant`].
fn paragraphs_plan(text: &str, lang: Option<Lang>, seed: u64, donor: &str) -> Option<Planted> {
    let doc = Document::with_lang(text, lang);
    let (paras, body) = units(&doc);
    let mut top: Vec<&Node> = Vec::new();
    doc.tree().walk(|n, _| {
        if matches!(n.kind, NodeKind::Preambular | NodeKind::Operative) {
            top.push(n);
        }
    });
    if top.len() < 6 || top.windows(2).any(|w| w[0].range.end > w[1].range.start) {
        return None;
    }
    let ix: Vec<usize> = top
        .iter()
        .map(|n| {
            paras[..body]
                .iter()
                .position(|p| p.range.start == n.range.start && p.kind == n.kind)
        })
        .collect::<Option<_>>()?;
    let src = Source { text, top };
    let donor_body = donor_paragraph(donor, lang, text)?;
    let mut rng = Rng::new(seed);
    let choice = choose(&src, &mut rng);
    let items = build(&src, &choice, &donor_body, donor, &mut rng)?;
    let mut expected = expect(&src, &choice, &items, &ix);
    // a deleted paragraph takes the footnotes a page put inside it along
    for &t in &choice.delete {
        src.top[t].walk(&mut |n, _| {
            if n.kind == NodeKind::Footnote
                && let Some(k) = paras[body..]
                    .iter()
                    .position(|p| p.range.start == n.range.start)
            {
                expected.push(Expected {
                    kind: ChangeKind::Deleted,
                    old: vec![body + k],
                    unit: "",
                });
            }
        });
    }
    for e in &mut expected {
        e.unit = e
            .old
            .first()
            .map_or(NodeKind::Preambular, |&i| paras[i].kind)
            .name();
    }
    expected.sort();
    let text = render(&src, &items, &mut rng);
    let edits = choice.delete.len()
        + choice.edit.len()
        + [choice.merge.is_some(), choice.insert_after.is_some()]
            .iter()
            .chain(&[choice.moved.is_some(), choice.split.is_some()])
            .filter(|b| **b)
            .count();
    Some(Planted {
        text,
        expected,
        edits,
    })
}

/// A preambular paragraph of the donor, without sub-paragraphs, that the
/// text does not hold.
fn donor_paragraph(donor: &str, lang: Option<Lang>, text: &str) -> Option<String> {
    let d = Document::with_lang(donor, lang);
    d.tree()
        .nodes_of(NodeKind::Preambular)
        .into_iter()
        .filter(|n| n.children.is_empty())
        .map(|n| donor[n.range.clone()].trim().to_string())
        .find(|b| b.len() > 40 && overlap(b, text) < 0.5)
}

/// The share of a paragraph's words (characters in Chinese and Japanese)
/// that another text holds somewhere in one paragraph: a donor paragraph
/// must not look like one already there.
fn overlap(p: &str, text: &str) -> f64 {
    let units = |s: &str| -> HashSet<String> {
        if s.chars().any(unlsp_syntax::cjk::is_cjk) {
            let cs: Vec<char> = s.chars().collect();
            cs.windows(2).map(|w| w.iter().collect()).collect()
        } else {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        }
    };
    let mine = units(p);
    text.split("\n\n")
        .map(|q| {
            let theirs = units(q);
            mine.intersection(&theirs).count() as f64 / mine.len().max(1) as f64
        })
        .fold(0.0, f64::max)
}

fn pick(rng: &mut Rng, cands: Vec<usize>, used: &mut HashSet<usize>) -> Option<usize> {
    let cands: Vec<usize> = cands.into_iter().filter(|t| !used.contains(t)).collect();
    let t = *cands.get(rng.below(cands.len()))?;
    used.insert(t);
    Some(t)
}

fn choose(src: &Source, rng: &mut Rng) -> Choice {
    let n = src.top.len();
    let is = |t: usize, k: NodeKind| src.top[t].kind == k;
    let pre: Vec<usize> = (0..n).filter(|&t| is(t, NodeKind::Preambular)).collect();
    let ops: Vec<usize> = (0..n).filter(|&t| is(t, NodeKind::Operative)).collect();
    let mut used = HashSet::new();
    let mut c = Choice::default();
    let bare = |v: &[usize]| {
        v.iter()
            .copied()
            .filter(|&t| src.bare(t))
            .collect::<Vec<_>>()
    };
    let mergeable: Vec<usize> = pre
        .iter()
        .copied()
        .filter(|&t| {
            t + 1 < n
                && is(t + 1, NodeKind::Preambular)
                && src.bare(t)
                && src.bare(t + 1)
                && src.gap(t + 1).trim().is_empty()
        })
        .collect();
    if let Some(t) = pick(rng, mergeable, &mut used) {
        used.insert(t + 1);
        c.merge = Some(t);
    }
    if pre.len() >= 3 {
        c.delete.extend(pick(rng, pre.clone(), &mut used));
    }
    c.insert_after = pick(rng, pre.clone(), &mut used);
    c.edit.extend(pick(rng, bare(&pre), &mut used));
    c.edit.extend(pick(rng, bare(&ops), &mut used));
    let numbered = ops.iter().enumerate().all(|(k, &t)| {
        src.top[t]
            .label
            .as_deref()
            .and_then(|l| label_ordinal(l, false))
            == Some(k as u32 + 1)
    });
    if !numbered || ops.len() < 6 {
        return c;
    }
    c.numbered = true;
    if let Some(f) = pick(rng, bare(&ops), &mut used) {
        let far: Vec<usize> = ops
            .iter()
            .copied()
            .filter(|&g| (g > f + 1 || g + 2 < f) && !used.contains(&g))
            .collect();
        if let Some(g) = far.get(rng.below(far.len())) {
            used.insert(*g);
            c.moved = Some((f, *g));
        }
    }
    let splittable: Vec<usize> = bare(&ops)
        .into_iter()
        .filter(|&t| split_point(src.body(t)).is_some())
        .collect();
    if let Some(t) = pick(rng, splittable, &mut used) {
        c.split = Some((t, split_point(src.body(t)).unwrap()));
    }
    c.delete.extend(pick(rng, bare(&ops), &mut used));
    c
}

fn item(kind: NodeKind, label: String, body: String, origin: Origin) -> Item {
    Item {
        kind,
        label,
        body,
        origin,
    }
}

/// The new sequence of paragraphs, operative paragraphs renumbered.
fn build(
    src: &Source,
    c: &Choice,
    donor_body: &str,
    donor: &str,
    rng: &mut Rng,
) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    let mut t = 0;
    while t < src.top.len() {
        let (kind, label, body) = (src.top[t].kind, src.label(t), src.body(t));
        if c.moved.is_some_and(|(f, _)| f == t) || c.delete.contains(&t) {
        } else if c.merge == Some(t) {
            let joined = format!("{} {}", body, src.body(t + 1));
            items.push(item(kind, label, joined, Origin::Merged(t, t + 1)));
            t += 1;
        } else if let Some((_, at)) = c.split.filter(|(s, _)| *s == t) {
            let (a, b) = body.split_at(at);
            items.push(item(kind, label.clone(), a.trim().into(), Origin::Split(t)));
            items.push(item(kind, label, capital(b.trim()), Origin::SplitRest));
        } else if c.edit.contains(&t) {
            let edited = replace_word(body, donor, rng)?;
            items.push(item(kind, label, edited, Origin::Edited(t)));
        } else {
            items.push(item(kind, label, body.into(), Origin::Same(t)));
        }
        if c.insert_after == Some(t) {
            let added = item(
                NodeKind::Preambular,
                String::new(),
                donor_body.into(),
                Origin::Added,
            );
            items.push(added);
        }
        if let Some((f, _)) = c.moved.filter(|(_, g)| *g == t) {
            let (k, l, b) = (src.top[f].kind, src.label(f), src.body(f).to_string());
            items.push(item(k, l, b, Origin::Moved(f)));
        }
        t += 1;
    }
    let mut number = 0;
    let numbered = items
        .iter_mut()
        .filter(|i| c.numbered && i.kind == NodeKind::Operative);
    for it in numbered {
        number += 1;
        it.label = renumber(&it.label, number);
    }
    Some(items)
}

/// A paragraph's second half opens with a capital, as a paragraph does.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn expect(src: &Source, c: &Choice, items: &[Item], ix: &[usize]) -> Vec<Expected> {
    let e = |kind, old: Vec<usize>| Expected {
        kind,
        old,
        unit: "",
    };
    let mut out: Vec<Expected> = c
        .delete
        .iter()
        .map(|&t| e(ChangeKind::Deleted, vec![ix[t]]))
        .collect();
    for it in items {
        out.push(match it.origin {
            Origin::Same(t) if src.label(t).trim() != it.label.trim() => {
                e(ChangeKind::Renumbered, vec![ix[t]])
            }
            Origin::Same(_) | Origin::SplitRest => continue,
            Origin::Edited(t) => e(ChangeKind::Changed, vec![ix[t]]),
            Origin::Added => e(ChangeKind::Added, vec![]),
            Origin::Moved(t) => e(ChangeKind::Moved, vec![ix[t]]),
            Origin::Split(t) => e(ChangeKind::Split, vec![ix[t]]),
            Origin::Merged(a, b) => e(ChangeKind::Merged, vec![ix[a], ix[b]]),
        });
    }
    out.sort();
    out
}

/// The new text: the old one's beginning and end, the paragraphs with a
/// blank line between them, what stood between two paragraphs (headings)
/// before the first paragraph kept from after it; unchanged paragraphs
/// re-wrapped, and a page's furniture between two of them.
fn render(src: &Source, items: &[Item], rng: &mut Rng) -> String {
    let first = src.top[0].range.start;
    let last = src.top[src.top.len() - 1].range.end;
    let mut out = src.text[..first].to_string();
    let mut next_gap = 1;
    let furniture_at = 1 + rng.below(items.len().saturating_sub(2));
    for (k, it) in items.iter().enumerate() {
        if k > 0 {
            let slot = match it.origin {
                Origin::Same(t) | Origin::Edited(t) | Origin::Split(t) | Origin::Merged(t, _) => t,
                _ => 0,
            };
            let mut gap = String::new();
            while next_gap <= slot {
                let g = src.gap(next_gap);
                if !g.trim().is_empty() {
                    gap.push_str(g);
                }
                next_gap += 1;
            }
            out.push_str(if gap.is_empty() { "\n\n" } else { &gap });
            if k == furniture_at {
                out.push_str("24-01234 (E)    101224\n\n");
            }
        }
        let body = match it.origin {
            Origin::Same(t) if src.bare(t) && rng.below(2) == 0 => {
                rewrap(&it.body, 60 + rng.below(30))
            }
            _ => it.body.clone(),
        };
        if it.label.is_empty() {
            out.push_str(&body);
        } else {
            out.push_str(it.label.trim_end());
            out.push(' ');
            out.push_str(&body);
        }
    }
    while next_gap < src.top.len() {
        let g = src.gap(next_gap);
        if !g.trim().is_empty() {
            out.push_str(g);
        }
        next_gap += 1;
    }
    out.push_str(&src.text[last..]);
    out
}
