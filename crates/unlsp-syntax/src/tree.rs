//! The document tree. Ranges are byte offsets into the text, end exclusive.

pub use crate::label::Label;
use crate::lang::Lang;
use crate::lexicon::{LeadClass, LeadForm};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Heading,
    Adoption,
    Title,
    Author,
    Preamble,
    Preambular,
    OperativePart,
    Operative,
    Subparagraph,
    Paragraph,
    Sponsors,
    Footnote,
    Closing,
    Annex,
    Section,
    Furniture,
}

impl NodeKind {
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Heading => "heading",
            NodeKind::Adoption => "adoption",
            NodeKind::Title => "title",
            NodeKind::Author => "author",
            NodeKind::Preamble => "preamble",
            NodeKind::Preambular => "preambular",
            NodeKind::OperativePart => "operative_part",
            NodeKind::Operative => "operative",
            NodeKind::Subparagraph => "subparagraph",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Sponsors => "sponsors",
            NodeKind::Footnote => "footnote",
            NodeKind::Closing => "closing",
            NodeKind::Annex => "annex",
            NodeKind::Section => "section",
            NodeKind::Furniture => "furniture",
        }
    }

    /// Nodes that hold running text of their own (paragraph-like).
    pub fn is_text_unit(self) -> bool {
        matches!(
            self,
            NodeKind::Preambular
                | NodeKind::Operative
                | NodeKind::Subparagraph
                | NodeKind::Paragraph
                | NodeKind::Footnote
                | NodeKind::Adoption
                | NodeKind::Title
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// As written, emphasis and CJK segmentation spaces removed.
    pub text: String,
    pub range: Range<usize>,
    pub class: LeadClass,
    pub form: LeadForm,
    /// The base lead this is a repeat form of (`Welcomes` for `Also welcomes`).
    pub base: String,
    pub lang: Lang,
    pub emphasis: bool,
    pub capitalised: bool,
    /// The lead matched the lexicon entry of the other class only (a preambular
    /// lead on a numbered paragraph, say).
    pub class_mismatch: bool,
}

/// A list of nodes: one pointer wide, and no allocation while empty (most
/// nodes have no children; a text of millions of numbered lines has a node
/// per line).
pub type Nodes = thin_vec::ThinVec<Node>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub range: Range<usize>,
    pub label: Option<Label>,
    pub label_range: Option<Range<usize>>,
    pub lead: Option<Box<Lead>>,
    pub children: Nodes,
}

impl Node {
    /// The node's own text after its label and before its first child
    /// (`1. Calls upon … (a) …` → `Calls upon …`).
    pub fn body_after_label<'t>(&self, text: &'t str) -> &'t str {
        let start = self
            .label_range
            .as_ref()
            .map(|r| r.end)
            .unwrap_or(self.range.start)
            .min(self.range.end);
        let end = self
            .children
            .first()
            .map(|c| c.range.start)
            .unwrap_or(self.range.end)
            .clamp(start, self.range.end);
        let s = text.get(start..end).unwrap_or("");
        s.trim_start_matches(['.', ')', '．', ' ', '\t'])
    }

    pub fn new(kind: NodeKind, range: Range<usize>) -> Node {
        Node {
            kind,
            range,
            label: None,
            label_range: None,
            lead: None,
            children: Nodes::new(),
        }
    }

    /// Give back the spare room of the node's lists, here and below: they
    /// grow by doubling while the tree is assembled.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.children.shrink_to_fit();
        for c in &mut self.children {
            c.shrink_to_fit();
        }
    }

    /// Depth-first walk.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Node, usize)) {
        fn go<'a>(n: &'a Node, depth: usize, f: &mut impl FnMut(&'a Node, usize)) {
            f(n, depth);
            for c in &n.children {
                go(c, depth + 1, f);
            }
        }
        go(self, 0, f)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Resolution,
    Draft,
    Decision,
    Other,
}

impl DocKind {
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Resolution => "resolution",
            DocKind::Draft => "draft",
            DocKind::Decision => "decision",
            DocKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CitationKind {
    Resolution,
    Decision,
    Document,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub kind: CitationKind,
    /// `61/100`, `56/24 V`, `1514 (XV)`, `2231 (2015)`, `A/62/395`.
    pub target: String,
    /// `GA`, `SC`, `ECOSOC`, `HRC`.
    pub organ: Option<String>,
    pub date: Option<crate::dates::Date>,
    /// Range of the date as written, when given.
    pub date_range: Option<Range<usize>>,
    /// The number or symbol as written.
    pub range: Range<usize>,
    /// Index of the list this citation belongs to (items of one `resolutions a, b
    /// and c` share it) and the range of the whole list.
    pub list: u32,
    pub list_range: Range<usize>,
    /// The act noun as written (`resolution`, `resolutions`, `决议`).
    pub noun_plural: Option<bool>,
    /// `its resolution` / `其…决议`.
    pub own: bool,
    /// Inside a footnote.
    pub in_footnote: bool,
    /// The range of the number as written, when it had spacing or case problems
    /// (`56/24V`, `2231(2015)` in English).
    pub raw: String,
}

/// A symbol found in the text (also those inside citations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolRef {
    pub range: Range<usize>,
    pub canonical: String,
    pub problems: Vec<crate::symbols::SymbolProblem>,
    pub in_furniture: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteRef {
    pub number: u32,
    pub range: Range<usize>,
    pub superscript: bool,
}

impl FootnoteRef {
    /// A marker written in the line's own size (`resolution 60/1;3`).
    pub(crate) fn inline(number: u32, range: Range<usize>) -> FootnoteRef {
        FootnoteRef {
            number,
            range,
            superscript: false,
        }
    }
}

/// `paragraph 5 above`, `第 5 段`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphRef {
    pub number: u32,
    pub sub: Option<String>,
    pub range: Range<usize>,
    /// Range of the number alone.
    pub number_range: Range<usize>,
    /// `of resolution 61/100` — the citation it points into.
    pub of_citation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    pub range: Range<usize>,
    pub date: crate::dates::Date,
    pub canonical_form: bool,
}

/// Document properties read off the heading block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub symbol: Option<String>,
    pub symbol_range: Option<Range<usize>>,
    pub distribution: Option<String>,
    pub issue_date: Option<crate::dates::Date>,
    pub session: Option<String>,
    pub agenda: Option<String>,
    pub number: Option<String>,
    pub number_range: Option<Range<usize>>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub organ: Option<String>,
    pub adoption_date: Option<crate::dates::Date>,
    pub closing_date: Option<crate::dates::Date>,
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    pub lang: Lang,
    pub kind: DocKind,
    pub meta: Meta,
    pub nodes: Nodes,
    pub citations: Vec<Citation>,
    pub symbols: Vec<SymbolRef>,
    pub footnote_refs: Vec<FootnoteRef>,
    pub paragraph_refs: Vec<ParagraphRef>,
    pub dates: Vec<DateRef>,
    /// The text shows PDF or tokenisation artefacts (rules.md calibration note).
    pub extracted: bool,
}

impl Tree {
    pub fn walk<'a>(&'a self, mut f: impl FnMut(&'a Node, usize)) {
        for n in &self.nodes {
            n.walk(&mut f);
        }
    }

    /// The symbols wholly inside `range`, in text order. The list is sorted
    /// by start, so the candidates are one slice of it found by two binary
    /// searches: a rule that asks once per paragraph stays linear.
    pub fn symbols_in(&self, range: &Range<usize>) -> impl Iterator<Item = &SymbolRef> {
        let all = &self.symbols;
        let from = all.partition_point(|s| s.range.start < range.start);
        let to = all.partition_point(|s| s.range.start < range.end).max(from);
        let end = range.end;
        all[from..to].iter().filter(move |s| s.range.end <= end)
    }

    /// All nodes of one kind, in text order.
    pub fn nodes_of(&self, kind: NodeKind) -> Vec<&Node> {
        let mut v = Vec::new();
        self.walk(|n, _| {
            if n.kind == kind {
                v.push(n)
            }
        });
        v
    }

    /// Give back the spare room of every list of the tree (a third of its
    /// weight once assembled); for a tree kept a long time.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.nodes.shrink_to_fit();
        for n in &mut self.nodes {
            n.shrink_to_fit();
        }
        self.citations.shrink_to_fit();
        self.symbols.shrink_to_fit();
        self.footnote_refs.shrink_to_fit();
        self.paragraph_refs.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.meta.subjects.shrink_to_fit();
    }

    /// The innermost node containing `offset`, with its ancestors (outermost first).
    pub fn path_at(&self, offset: usize) -> Vec<&Node> {
        let mut path = Vec::new();
        let mut level = &self.nodes;
        while let Some(n) = level
            .iter()
            .find(|n| n.range.start <= offset && offset <= n.range.end)
        {
            path.push(n);
            level = &n.children;
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use crate::Document;

    /// A node is small: a text of millions of numbered lines holds one per
    /// line (its label inline, no heap string).
    #[test]
    fn nodes_are_small() {
        assert!(std::mem::size_of::<super::Node>() <= 104);
    }

    /// Compacting a document changes no fact of its tree, leaves no list
    /// with spare room, and the edits after it give the tree a fresh parse
    /// gives.
    #[test]
    fn a_compacted_document_keeps_its_tree_and_edits_as_before() {
        let text = include_str!("../../../examples/A_RES_62_57.txt");
        let mut doc = Document::new(text);
        let before = doc.tree().clone();
        doc.compact();
        assert_eq!(*doc.tree(), before);
        let mut spare = 0;
        doc.tree()
            .walk(|n, _| spare += n.children.capacity() - n.children.len());
        let t = doc.tree();
        spare += t.nodes.capacity() - t.nodes.len() + t.citations.capacity() - t.citations.len();
        assert_eq!(spare, 0);
        let at = text.find("Recalling").unwrap();
        for (range, new) in [(at..at, "5. "), (at..at + 3, ""), (at..at, "\n\n")] {
            doc.edit(range, new);
            assert_eq!(*doc.tree(), *Document::new(doc.text()).tree());
        }
    }

    /// The symbols a paragraph holds, found by binary search, are those a
    /// scan of every symbol finds, before and after edits that add symbols
    /// to several paragraphs.
    #[test]
    fn symbols_in_a_paragraph_are_the_ones_a_full_scan_finds() {
        let text = include_str!("../../../examples/A_RES_62_57.txt");
        let mut doc = Document::new(text);
        let mut found = Vec::new();
        for round in 0..4 {
            if round > 0 {
                let at = doc
                    .text()
                    .match_indices("Recalling")
                    .nth(round - 1)
                    .unwrap()
                    .0;
                doc.edit(
                    at..at,
                    &format!("(A/62/{round} and Corr.1, E/2007/{round}) "),
                );
            }
            let t = doc.tree();
            assert!(t.symbols.is_sorted_by_key(|s| s.range.start));
            let mut seen = 0;
            t.walk(|n, _| {
                let fast: Vec<_> = t.symbols_in(&n.range).collect();
                let slow: Vec<_> = (t.symbols.iter())
                    .filter(|s| n.range.start <= s.range.start && s.range.end <= n.range.end)
                    .collect();
                assert_eq!(fast, slow, "{:?}", n.range);
                seen += fast.len();
            });
            found.push(seen);
        }
        assert!(found.is_sorted() && found[3] > found[0], "{found:?}");
    }
}
