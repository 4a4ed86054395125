//! `unlsp outline`: the tree as JSON (the stable contract of
//! `schemas/outline.schema.json`) or as indented text.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value, json};
use unlsp_syntax::Document;
use unlsp_syntax::text::LineIndex;
use unlsp_syntax::tree::{Node, Tree};

pub fn range_json(li: &LineIndex, text: &str, r: &std::ops::Range<usize>) -> Value {
    let s = li.span(text, r);
    json!({
        "start": {"line": s.start.line, "column": s.start.column, "offset": s.start.offset},
        "end": {"line": s.end.line, "column": s.end.column, "offset": s.end.offset},
    })
}

fn node_json(li: &LineIndex, text: &str, n: &Node) -> Value {
    json!({
        "kind": n.kind.name(),
        "label": n.label,
        "lead": n.lead.as_ref().map(|l| l.text.clone()),
        "range": range_json(li, text, &n.range),
        "children": n.children.iter().map(|c| node_json(li, text, c)).collect::<Vec<_>>(),
    })
}

pub fn outline_json(doc: &Document) -> Value {
    let text = doc.text();
    let li = LineIndex::new(text);
    let t: &Tree = doc.tree();
    json!({
        "version": 1,
        "language": t.lang.code(),
        "kind": t.kind.name(),
        "symbol": t.meta.symbol,
        "number": t.meta.number,
        "title": t.meta.title,
        "author": t.meta.author,
        "nodes": t.nodes.iter().map(|n| node_json(&li, text, n)).collect::<Vec<_>>(),
        "citations": t.citations.iter().map(|c| json!({
            "kind": c.kind,
            "target": c.target,
            "organ": c.organ,
            "date": c.date.map(|d| d.iso()),
            "range": range_json(&li, text, &c.range),
        })).collect::<Vec<_>>(),
    })
}

/// [`outline_json`] written pretty-printed to `w` as it is made, node by
/// node: the same text as `serde_json::to_string_pretty(&outline_json(doc))`
/// and a newline, without holding the whole JSON tree.
pub fn write_outline_json(doc: &Document, w: impl std::io::Write) -> serde_json::Result<()> {
    let out = Outline {
        doc,
        li: LineIndex::new(doc.text()),
    };
    let mut w = w;
    serde_json::to_writer_pretty(&mut w, &out)?;
    writeln!(w).map_err(serde_json::Error::io)
}

struct Outline<'d> {
    doc: &'d Document,
    li: LineIndex,
}

/// Nodes serialised one at a time (keys in the order of `outline_json`).
struct Nodes<'a>(&'a Outline<'a>, &'a [Node]);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Nodes(o, nodes) = self;
        let mut seq = s.serialize_seq(Some(nodes.len()))?;
        for n in nodes.iter() {
            seq.serialize_element(&NodeOut(o, n))?;
        }
        seq.end()
    }
}

struct NodeOut<'a>(&'a Outline<'a>, &'a Node);

impl Serialize for NodeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let NodeOut(o, n) = self;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("children", &Nodes(o, &n.children))?;
        m.serialize_entry("kind", n.kind.name())?;
        m.serialize_entry("label", &n.label)?;
        m.serialize_entry("lead", &n.lead.as_ref().map(|l| &l.text))?;
        m.serialize_entry("range", &range_json(&o.li, o.doc.text(), &n.range))?;
        m.end()
    }
}

impl Serialize for Outline<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (text, t) = (self.doc.text(), self.doc.tree());
        let citations: Vec<Value> = t
            .citations
            .iter()
            .map(|c| {
                json!({
                    "kind": c.kind,
                    "target": c.target,
                    "organ": c.organ,
                    "date": c.date.map(|d| d.iso()),
                    "range": range_json(&self.li, text, &c.range),
                })
            })
            .collect();
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry("author", &t.meta.author)?;
        m.serialize_entry("citations", &citations)?;
        m.serialize_entry("kind", t.kind.name())?;
        m.serialize_entry("language", t.lang.code())?;
        m.serialize_entry("nodes", &Nodes(self, &t.nodes))?;
        m.serialize_entry("number", &t.meta.number)?;
        m.serialize_entry("symbol", &t.meta.symbol)?;
        m.serialize_entry("title", &t.meta.title)?;
        m.serialize_entry("version", &1)?;
        m.end()
    }
}

/// Indented text: one node per line, `kind label lead — first words`.
pub fn outline_text(doc: &Document) -> String {
    let mut out = Vec::new();
    // writing into memory cannot fail
    let _ = write_outline_text(doc, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`outline_text`] written line by line as it is made: the outline of a
/// text of millions of paragraphs is never held whole.
pub fn write_outline_text(doc: &Document, mut out: impl std::io::Write) -> std::io::Result<()> {
    let text = doc.text();
    let li = LineIndex::new(text);
    let t = doc.tree();
    writeln!(
        out,
        "{} {} · symbol {} · number {} · author {}",
        t.lang.code(),
        t.kind.name(),
        t.meta.symbol.as_deref().unwrap_or("-"),
        t.meta.number.as_deref().unwrap_or("-"),
        t.meta.author.as_deref().unwrap_or("-"),
    )?;
    if let Some(title) = &t.meta.title {
        writeln!(out, "title: {title}")?;
    }
    let mut result = Ok(());
    t.walk(|n, depth| {
        if result.is_err() {
            return;
        }
        let pos = li.position(text, n.range.start);
        let words: String =
            unlsp_syntax::assemble::join_wrapped(&text[n.range.clone()], t.lang.is_cjk())
                .chars()
                .take(48)
                .collect();
        result = writeln!(
            out,
            "{:indent$}{} {}{} [{}:{}] {}",
            "",
            n.kind.name(),
            n.label
                .as_deref()
                .map(|l| format!("{l} "))
                .unwrap_or_default(),
            n.lead
                .as_ref()
                .map(|l| format!("«{}» ", l.text))
                .unwrap_or_default(),
            pos.line,
            pos.column,
            words,
            indent = depth * 2
        );
    });
    result?;
    if !t.citations.is_empty() {
        writeln!(out, "citations:")?;
        for c in &t.citations {
            let pos = li.position(text, c.range.start);
            writeln!(
                out,
                "  {:?} {} {} {} [{}:{}]",
                c.kind,
                c.target,
                c.organ.as_deref().unwrap_or("-"),
                c.date.map(|d| d.iso()).unwrap_or_else(|| "-".into()),
                pos.line,
                pos.column
            )?;
        }
    }
    out.flush()
}
