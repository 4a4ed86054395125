//! Where a diagnostic stands in a document read out of another format, as
//! its reader finds it: `operative paragraph 5`, `preambular paragraph 3`,
//! `footnote 2`, after its page in a PDF (`page 3, operative paragraph 4`),
//! and in the source's own terms (body paragraph, character, page) for JSON
//! and SARIF.

use serde_json::{Value, json};
use unlsp_analysis::Diagnostic;
use unlsp_formats::Extracted;
use unlsp_syntax::Document;
use unlsp_syntax::tree::{Node, NodeKind};

/// A checked document that came out of another format.
pub struct Located {
    pub extracted: Extracted,
    /// One place per diagnostic, in the report's order.
    pub places: Vec<String>,
}

impl Located {
    pub fn new(extracted: Extracted, doc: &Document, diagnostics: &[Diagnostic]) -> Located {
        let mut l = Located {
            extracted,
            places: Vec::new(),
        };
        l.relocate(doc, diagnostics);
        l
    }

    /// The places again, for new diagnostics of the same text.
    pub fn relocate(&mut self, doc: &Document, diagnostics: &[Diagnostic]) {
        let preambular = preambular_ranges(&doc.tree().nodes);
        self.places = diagnostics
            .iter()
            .map(|d| {
                let place = self.place(&doc.tree().nodes, &preambular, d.range.start);
                match self.extracted.source(d.range.start).and_then(|s| s.page) {
                    Some(page) => format!("page {page}, {place}"),
                    None => place,
                }
            })
            .collect();
    }

    /// `{"paragraph": N, "char": M, "page": P | null}` (and `"footnote"` in
    /// a footnote's text) for an offset of the extracted text.
    pub fn source_json(&self, offset: usize) -> Value {
        match self.extracted.source(offset) {
            Some(s) => {
                let mut v = json!({"paragraph": s.paragraph, "char": s.char, "page": s.page});
                if let Some(f) = s.footnote {
                    v["footnote"] = json!(f);
                }
                v
            }
            None => json!({"paragraph": 0, "char": 0, "page": null}),
        }
    }

    fn place(&self, nodes: &[Node], preambular: &[std::ops::Range<usize>], at: usize) -> String {
        let mut path: Vec<&Node> = Vec::new();
        let mut level = nodes;
        while let Some(n) = level
            .iter()
            .find(|n| n.range.start <= at && at < n.range.end.max(n.range.start + 1))
        {
            if n.kind != NodeKind::Furniture {
                path.push(n);
            }
            level = &n.children;
        }
        let label = |n: &Node| {
            n.label
                .as_deref()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_string()
        };
        let operative = path.iter().find(|n| n.kind == NodeKind::Operative);
        let Some(n) = path.iter().rev().find(|n| !is_container(n.kind)) else {
            return match self.extracted.source(at) {
                Some(s) => format!("paragraph {}", s.paragraph + 1),
                None => "document".into(),
            };
        };
        match (n.kind, operative) {
            (NodeKind::Footnote, _) => format!("footnote {}", label(n)),
            (NodeKind::Subparagraph, Some(o)) => {
                format!("operative paragraph {} {}", label(o), label(n))
            }
            (NodeKind::Subparagraph, None) => format!("subparagraph {}", label(n)),
            (NodeKind::Operative, _) => format!("operative paragraph {}", label(n)),
            (NodeKind::Preambular, _) => {
                let k = preambular
                    .iter()
                    .position(|p| *p == n.range)
                    .map_or(0, |k| k + 1);
                format!("preambular paragraph {k}")
            }
            (k, _) => k.name().replace('_', " "),
        }
    }
}

fn is_container(k: NodeKind) -> bool {
    matches!(
        k,
        NodeKind::Preamble | NodeKind::OperativePart | NodeKind::Section | NodeKind::Annex
    )
}

/// The preambular paragraphs' ranges, in text order.
fn preambular_ranges(nodes: &[Node]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for n in nodes {
        if n.kind == NodeKind::Preambular {
            out.push(n.range.clone());
        }
        out.extend(preambular_ranges(&n.children));
    }
    out
}
