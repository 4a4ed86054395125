//! The structure tree of a tagged PDF (`StructTreeRoot`): its paragraphs
//! and footnotes in reading order, each as the marked-content sequences
//! (page, `MCID`) that hold its text.

use super::fonts::deref;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;

/// One paragraph-level element of the tree.
#[derive(Debug, Default)]
pub(super) struct Block {
    /// The footnote (its index among the tree's `Footnote`/`Note`
    /// elements) this paragraph belongs to, or `None` for the body.
    pub note: Option<usize>,
    /// Its marked-content sequences, (page, MCID), in reading order.
    pub parts: Vec<(ObjectId, i64)>,
    /// For a table row, where each cell's parts start.
    pub cells: Vec<usize>,
    /// A table row: the paragraphs of its cells are its own.
    row: bool,
}

/// Elements that open a paragraph of their own: a table row is one, its
/// cells apart.
fn opens_block(role: &[u8]) -> bool {
    matches!(
        role,
        b"P" | b"H"
            | b"H1"
            | b"H2"
            | b"H3"
            | b"H4"
            | b"H5"
            | b"H6"
            | b"TR"
            | b"Caption"
            | b"TOCI"
            | b"LI"
            | b"BlockQuote"
            | b"Title"
    )
}

struct Walk<'a> {
    doc: &'a Document,
    seen: HashSet<ObjectId>,
    blocks: Vec<Block>,
    notes: usize,
    budget: usize,
}

/// The blocks of the tree in reading order, or `None` when the document
/// is not tagged.
pub(super) fn blocks(doc: &Document) -> Option<Vec<Block>> {
    let root = deref(doc, doc.catalog().ok()?.get(b"StructTreeRoot").ok())?;
    let mut w = Walk {
        doc,
        seen: HashSet::new(),
        blocks: Vec::new(),
        notes: 0,
        budget: 2_000_000,
    };
    w.children(root.as_dict().ok()?, None, None, None, 0);
    w.blocks.retain(|b| !b.parts.is_empty());
    (!w.blocks.is_empty()).then_some(w.blocks)
}

/// The page an element or a marked-content reference names (`/Pg`), or the
/// one it inherits.
fn own_page(d: &Dictionary, inherited: Option<ObjectId>) -> Option<ObjectId> {
    d.get(b"Pg")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .or(inherited)
}

impl Walk<'_> {
    /// The kids (`/K`) of an element: elements, MCIDs, marked-content references.
    fn children(
        &mut self,
        elem: &Dictionary,
        page: Option<ObjectId>,
        block: Option<usize>,
        note: Option<usize>,
        depth: usize,
    ) {
        let page = own_page(elem, page);
        let Ok(k) = elem.get(b"K") else {
            return;
        };
        match k {
            Object::Array(a) => {
                for kid in a {
                    self.kid(kid, page, block, note, depth);
                }
            }
            kid => self.kid(kid, page, block, note, depth),
        }
    }

    fn kid(
        &mut self,
        kid: &Object,
        page: Option<ObjectId>,
        block: Option<usize>,
        note: Option<usize>,
        depth: usize,
    ) {
        if self.budget == 0 || depth > 64 {
            return;
        }
        self.budget -= 1;
        if let Object::Reference(id) = kid
            && !self.seen.insert(*id)
        {
            return;
        }
        let Some(obj) = deref(self.doc, Some(kid)) else {
            return;
        };
        match obj {
            Object::Integer(mcid) => self.content(page, *mcid, block),
            Object::Dictionary(d) => match d.get(b"Type").ok().and_then(|o| o.as_name().ok()) {
                Some(b"MCR") => {
                    let page = own_page(d, page);
                    if let Ok(mcid) = d.get(b"MCID").and_then(|o| o.as_i64()) {
                        self.content(page, mcid, block);
                    }
                }
                Some(b"OBJR") => {}
                _ => self.element(d, page, block, note, depth),
            },
            _ => {}
        }
    }

    fn element(
        &mut self,
        d: &Dictionary,
        page: Option<ObjectId>,
        block: Option<usize>,
        note: Option<usize>,
        depth: usize,
    ) {
        let role = d
            .get(b"S")
            .ok()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        if role == b"Artifact" {
            return;
        }
        let (note, block) = if role == b"Footnote" || role == b"Note" {
            self.notes += 1;
            (Some(self.notes - 1), None)
        } else {
            (note, block)
        };
        let in_row = block.is_some_and(|b| self.blocks[b].row);
        let block = if (opens_block(role) && !in_row) || (block.is_none() && note.is_some()) {
            self.blocks.push(Block {
                note,
                row: role == b"TR",
                ..Block::default()
            });
            Some(self.blocks.len() - 1)
        } else {
            block
        };
        if (role == b"TD" || role == b"TH")
            && let Some(b) = block
        {
            let at = self.blocks[b].parts.len();
            self.blocks[b].cells.push(at);
        }
        self.children(d, page, block, note, depth + 1);
    }

    fn content(&mut self, page: Option<ObjectId>, mcid: i64, block: Option<usize>) {
        let (Some(page), Some(b)) = (page, block) else {
            return;
        };
        self.blocks[b].parts.push((page, mcid));
    }
}
