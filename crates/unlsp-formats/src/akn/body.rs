//! The body of an AKN document: `<preamble>`, `<mainBody>` and the annexes
//! as `<attachments>`.

use super::ident::Ident;
use super::inline::{Ctx, label_end, own_segments};
use super::xml::El;
use std::collections::HashSet;
use std::ops::Range;
use unlsp_syntax::tree::{Node, NodeKind};

/// The eIds given so far: each one unique in the document.
#[derive(Default)]
pub(crate) struct Ids {
    seen: HashSet<String>,
    containers: usize,
    sections: usize,
    unnumbered: usize,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while !self.seen.insert(id.clone()) {
            n += 1;
            id = format!("{base}_{n}");
        }
        id
    }
}

/// A label as an eId component: `(a)` → `a`, `1.` → `1`, `iv` → `iv`.
fn label_id(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// The node's text less page furniture and footnotes at any depth.
fn flat_segments(n: &Node) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = n.range.start;
    fn go(n: &Node, at: &mut usize, out: &mut Vec<Range<usize>>) {
        for c in &n.children {
            if matches!(c.kind, NodeKind::Furniture | NodeKind::Footnote) {
                if c.range.start > *at {
                    out.push(*at..c.range.start);
                }
                *at = (*at).max(c.range.end);
            } else {
                go(c, at, out);
            }
        }
    }
    go(n, &mut at, &mut out);
    if n.range.end > at {
        out.push(at..n.range.end);
    }
    out
}

/// A preambular paragraph: its lead emphasised, its sub-paragraphs run in.
fn preambular_p(cx: &mut Ctx, n: &Node) -> El {
    let lead = n.lead.as_ref().map(|l| l.range.clone());
    El::new("p").items(cx.inline(&flat_segments(n), lead, false))
}

/// `<preamble>`: the enacting formula, a container per preambular paragraph.
pub(crate) fn preamble(cx: &mut Ctx, ids: &mut Ids) -> Option<El> {
    let mut pre = El::new("preamble");
    let tree = cx.tree;
    for n in &tree.nodes {
        match n.kind {
            NodeKind::Author => {
                let segs = own_segments(cx.text, n, false);
                let text = segs
                    .first()
                    .map(|s| cx.text.get(s.clone()).unwrap_or(""))
                    .unwrap_or("");
                // the formula emphasised up to its closing comma
                let body = text.trim_end().trim_end_matches([',', '،', '，', ':']);
                let lead = segs.first().map(|s| s.start..s.start + body.len());
                let items = cx.inline(&segs, lead, false);
                let id = ids.unique("formula_1".into());
                pre.push(
                    El::new("formula")
                        .attr("name", "enactingFormula")
                        .attr("eId", id)
                        .child(El::new("p").items(items)),
                );
            }
            NodeKind::Preamble => {
                for c in n.children.iter().filter(|c| c.kind == NodeKind::Preambular) {
                    ids.containers += 1;
                    let id = ids.unique(format!("container_{}", ids.containers));
                    let name = c.lead.as_ref().map(|l| l.text.clone()).unwrap_or_default();
                    let p = preambular_p(cx, c);
                    pre.push(
                        El::new("container")
                            .attr("name", name)
                            .attr("eId", id)
                            .child(p),
                    );
                }
            }
            _ => {}
        }
    }
    (!pre.is_empty()).then_some(pre)
}

/// `<mainBody>`: the operative part, the sections, what follows the preamble.
pub(crate) fn main_body(cx: &mut Ctx, ids: &mut Ids) -> El {
    let mut body = El::new("mainBody");
    let tree = cx.tree;
    let after = tree
        .nodes
        .iter()
        .find(|n| matches!(n.kind, NodeKind::Author | NodeKind::Preamble))
        .map_or(0, |n| n.range.start);
    for n in &tree.nodes {
        match n.kind {
            NodeKind::OperativePart => blocks(cx, ids, &n.children, "", &mut body),
            NodeKind::Section | NodeKind::Operative | NodeKind::Subparagraph => {
                blocks(cx, ids, std::slice::from_ref(n), "", &mut body)
            }
            NodeKind::Paragraph if n.range.start > after => {
                blocks(cx, ids, std::slice::from_ref(n), "", &mut body)
            }
            _ => {}
        }
    }
    if body.is_empty() {
        body.push(El::new("p"));
    }
    body
}

/// The body elements of `nodes`, eIds under `prefix`.
fn blocks(cx: &mut Ctx, ids: &mut Ids, nodes: &[Node], prefix: &str, out: &mut El) {
    for n in nodes {
        match n.kind {
            NodeKind::Operative | NodeKind::Subparagraph | NodeKind::Paragraph => {
                out.push(paragraph(cx, ids, n, prefix))
            }
            NodeKind::Preambular | NodeKind::Author => {
                let lead = n.lead.as_ref().map(|l| l.range.clone());
                let items = cx.inline(&flat_segments(n), lead, false);
                let mut e = El::new("crossHeading");
                if n.kind == NodeKind::Preambular {
                    e = e.attr("refersTo", "#preamble");
                }
                ids.containers += 1;
                let id = ids.unique(format!("{prefix}crossHeading_{}", ids.containers));
                out.push(e.attr("eId", id).items(items));
            }
            NodeKind::Section | NodeKind::Preamble | NodeKind::OperativePart => {
                if n.kind != NodeKind::Section {
                    blocks(cx, ids, &n.children, prefix, out);
                    continue;
                }
                ids.sections += 1;
                let id = ids.unique(format!("{prefix}sec_{}", ids.sections));
                let mut s = El::new("section").attr("eId", id.clone());
                if let Some(l) = &n.label {
                    s.push(El::new("num").text(*l));
                }
                let head = heading_segments(cx.text, n);
                let items = cx.inline(&head, None, false);
                if !items.is_empty() {
                    s.push(El::new("heading").items(items));
                }
                blocks(cx, ids, &n.children, &format!("{id}__"), &mut s);
                out.push(s);
            }
            _ => {}
        }
    }
}

/// The segments of `n`'s own text before its first child that is not an
/// aside: a section's or an annex's heading.
fn heading_segments(text: &str, n: &Node) -> Vec<Range<usize>> {
    own_segments(text, n, false)
        .into_iter()
        .take_while(|r| {
            n.children
                .iter()
                .all(|c| c.range.start >= r.end || is_aside(c))
        })
        .collect()
}

fn is_aside(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Furniture | NodeKind::Footnote)
}

/// `<paragraph>` (or, inside a list, `<point>`) with its sub-paragraphs.
fn paragraph(cx: &mut Ctx, ids: &mut Ids, n: &Node, prefix: &str) -> El {
    let id = match n.label.as_deref().map(label_id).filter(|l| !l.is_empty()) {
        Some(l) => ids.unique(format!("{prefix}para_{l}")),
        None => {
            ids.unnumbered += 1;
            ids.unique(format!("{prefix}para_u{}", ids.unnumbered))
        }
    };
    hier(cx, ids, n, "paragraph", id)
}

/// A paragraph or a point: its number, then its content or its list.
fn hier(cx: &mut Ctx, ids: &mut Ids, n: &Node, name: &'static str, id: String) -> El {
    let mut e = El::new(name).attr("eId", id.clone());
    if let Some(l) = &n.label {
        // the number as written, with its punctuation (`1.`, `1 -`, `(a)`)
        let num = n
            .label_range
            .as_ref()
            .and_then(|r| cx.text.get(r.start..label_end(cx.text, r.end)))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && !s.contains('\n'))
            .unwrap_or_else(|| l.to_string());
        e.push(El::new("num").text(num));
    }
    let lead = n.lead.as_ref().map(|l| l.range.clone());
    let subs: Vec<&Node> = n
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
        .collect();
    if subs.is_empty() {
        let items = cx.inline(&own_segments(cx.text, n, false), lead, false);
        return e.child(
            El::new("content")
                .attr("eId", format!("{id}__content"))
                .child(El::new("p").items(items)),
        );
    }
    let list_id = ids.unique(format!("{id}__list_1"));
    let intro = cx.inline(&own_segments(cx.text, n, true), lead, false);
    let mut list = El::new("list").attr("eId", list_id.clone());
    if !intro.is_empty() {
        list.push(
            El::new("intro")
                .attr("eId", format!("{list_id}__intro"))
                .child(El::new("p").items(intro)),
        );
    }
    for (i, s) in subs.into_iter().enumerate() {
        let l = s
            .label
            .as_deref()
            .map(label_id)
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| (i + 1).to_string());
        let pid = ids.unique(format!("{list_id}__point_{l}"));
        list.push(hier(cx, ids, s, "point", pid));
    }
    e.child(list)
}

/// Annexes as `<attachments>`, each a `<doc name="annex">` with its own
/// identification.
pub(crate) fn attachments(cx: &mut Ctx, ids: &mut Ids, id: &Ident) -> Option<El> {
    let tree = cx.tree;
    let annexes: Vec<&Node> = tree
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Annex)
        .collect();
    if annexes.is_empty() {
        return None;
    }
    let mut att = El::new("attachments");
    for (i, a) in annexes.into_iter().enumerate() {
        let k = i + 1;
        let prefix = format!("att_{k}__");
        let mut body = El::new("mainBody");
        let head = heading_segments(cx.text, a);
        for seg in head {
            for line in cx.text.get(seg.clone()).unwrap_or("").split('\n') {
                let start = line.as_ptr() as usize - cx.text.as_ptr() as usize;
                let seg = start..start + line.len();
                let items = cx.inline(std::slice::from_ref(&seg), None, false);
                if !items.is_empty() {
                    body.push(El::new("p").items(items));
                }
            }
        }
        blocks(cx, ids, &a.children, &prefix, &mut body);
        if body.is_empty() {
            body.push(El::new("p"));
        }
        let doc = El::new("doc")
            .attr("name", "annex")
            .child(El::new("meta").child(id.identification(&format!("/annex_{k}"))))
            .child(body);
        att.push(
            El::new("attachment")
                .attr("eId", format!("att_{k}"))
                .child(doc),
        );
    }
    Some(att)
}
