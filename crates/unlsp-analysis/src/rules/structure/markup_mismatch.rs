//! UN089 `markup-mismatch`: The structure the source's markup gives the text
//! is the one the parser finds in it.

use crate::{Ctx, Reach, RuleDef, Severity, Sink, SourceMarkup};
use std::ops::Range;
use unlsp_syntax::tree::{Node, NodeKind, Tree};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN089",
    name: "markup-mismatch",
    severity: Severity::Information,
    reach: Reach::Document,
    summary: "The UN's AKN markup is regular and counts the paragraphs, points and footnotes the parser finds.",
    explanation: "When the input is the UN's Akoma Ntoso XML, its text is checked as any other text, and the markup's count of preambular paragraphs, operative paragraphs, points (sub-paragraphs, at every depth) and footnotes is compared with the parser's (the paragraphs of annexes left out). Either side can be wrong — the Secretariat's conversion marks an annex's paragraphs as the resolution's own, the parser joins two paragraphs — so a difference is information, placed on the first paragraph where the two part. Irregular markup is reported too, once per kind on the first line: a second `<preamble>`/`<mainBody>`, a `<documentCollection>`, an annex marked as the body, what the schema refuses (`<step>` without `date`, `<keyword>` without `showAs`, a collection's `<meta>` without `<identification>`) and the slips read back (a preambular paragraph placed in `<mainBody>`, sub-paragraphs marked as paragraphs). Only files read from AKN XML are compared.",
    bad: "<preamble> with 12 <container>s; the parser finds 11 preambular paragraphs in its text",
    good: "<preamble> with 12 <container>s; the parser finds the same 12 preambular paragraphs",
    check,
    ..RuleDef::DEFAULT
};

/// What the parser found, outside annexes (footnotes: everywhere).
#[derive(Default)]
struct Parsed<'t> {
    preambular: Vec<&'t Node>,
    /// Each operative paragraph and its sub-paragraphs at every depth.
    operative: Vec<(&'t Node, usize)>,
    points: usize,
    footnotes: Vec<&'t Node>,
}

impl<'t> Parsed<'t> {
    fn of(tree: &'t Tree) -> Parsed<'t> {
        let mut p = Parsed::default();
        p.nodes(&tree.nodes, false, None);
        p
    }

    /// `op`: the index of the operative paragraph the nodes are inside.
    fn nodes(&mut self, nodes: &'t [Node], in_annex: bool, op: Option<usize>) {
        for n in nodes {
            let annex = in_annex || n.kind == NodeKind::Annex;
            let mut op = op;
            match n.kind {
                NodeKind::Footnote => self.footnotes.push(n),
                _ if annex => {}
                NodeKind::Preambular => self.preambular.push(n),
                NodeKind::Operative => {
                    self.operative.push((n, 0));
                    op = Some(self.operative.len() - 1);
                }
                NodeKind::Subparagraph => {
                    self.points += 1;
                    if let Some(i) = op {
                        self.operative[i].1 += 1;
                    }
                }
                _ => {}
            }
            self.nodes(&n.children, annex, op);
        }
    }
}

fn check(cx: &Ctx, out: &mut Sink) {
    let Some(m) = cx.markup else { return };
    for what in &m.irregular {
        out.emit(
            first_line(cx.text, 0..cx.text.len()),
            format!("the UN's markup is irregular: {what}"),
        );
    }
    let p = Parsed::of(cx.tree);
    let pre = &p.preambular;
    if m.preambular.len() != pre.len() {
        let i = first_lead_apart(cx.text, m, pre);
        report(cx, out, pre.get(i).or(pre.last()).copied(), |at| {
            format!(
                "the UN's markup has {} preambular paragraphs, the parser finds {}{at}",
                m.preambular.len(),
                pre.len()
            )
        });
    }
    let ops: Vec<&Node> = p.operative.iter().map(|(n, _)| *n).collect();
    if m.operative.len() != ops.len() {
        let i = (0..m.operative.len().min(ops.len()))
            .find(|&i| digits(&m.operative[i].0) != digits(ops[i].label.as_deref().unwrap_or("")))
            .unwrap_or(m.operative.len().min(ops.len()));
        report(cx, out, ops.get(i).or(ops.last()).copied(), |at| {
            format!(
                "the UN's markup has {} operative paragraphs, the parser finds {}{at}",
                m.operative.len(),
                ops.len()
            )
        });
    }
    points(cx, m, &p, out);
    if m.footnotes != p.footnotes.len() {
        let at = p.footnotes.get(m.footnotes).or(p.footnotes.last());
        report(cx, out, at.copied(), |at| {
            format!(
                "the UN's markup has {} footnotes, the parser finds {}{at}",
                m.footnotes,
                p.footnotes.len()
            )
        });
    }
}

/// Points: on the first operative paragraph whose count differs.
fn points(cx: &Ctx, m: &SourceMarkup, p: &Parsed, out: &mut Sink) {
    let marked: usize = m.operative.iter().map(|(_, n)| n).sum();
    if marked == p.points {
        return;
    }
    let apart = (0..m.operative.len().max(p.operative.len()))
        .find(|&i| m.operative.get(i).map_or(0, |o| o.1) != p.operative.get(i).map_or(0, |o| o.1));
    let node = apart
        .and_then(|i| p.operative.get(i))
        .or(p.operative.last())
        .map(|o| o.0);
    report(cx, out, node, |at| {
        format!(
            "the UN's markup has {marked} points (sub-paragraphs), the parser finds {}{at}",
            p.points
        )
    });
}

/// The index of the first preambular paragraph whose text does not open
/// with the markup's lead of the same place.
fn first_lead_apart(text: &str, m: &SourceMarkup, pre: &[&Node]) -> usize {
    let n = m.preambular.len().min(pre.len());
    (0..n)
        .find(|&i| {
            let lead = squeeze(&m.preambular[i]);
            let own = squeeze(&text[pre[i].range.clone()]);
            !lead.is_empty() && !own.starts_with(&lead)
        })
        .unwrap_or(n)
}

fn squeeze(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph number's digits in ASCII (`١٢.` and `12.` alike).
fn digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let zero = ['0', '٠', '۰', '０']
                .into_iter()
                .find(|&z| (z as u32..=z as u32 + 9).contains(&(c as u32)))?;
            char::from_digit(c as u32 - zero as u32, 10)
        })
        .collect()
}

/// One diagnostic on the first line of `node` (the text's first line when
/// the parser found none); `message` is told where the two part.
fn report(cx: &Ctx, out: &mut Sink, node: Option<&Node>, message: impl Fn(&str) -> String) {
    let range = match node {
        Some(n) => first_line(cx.text, n.range.clone()),
        None => first_line(cx.text, 0..cx.text.len()),
    };
    let at = if node.is_some() {
        "; the two part here or before"
    } else {
        ""
    };
    out.emit(range, message(at));
}

fn first_line(text: &str, r: Range<usize>) -> Range<usize> {
    let end = text[r.clone()].find('\n').map_or(r.end, |k| r.start + k);
    r.start..end
}
