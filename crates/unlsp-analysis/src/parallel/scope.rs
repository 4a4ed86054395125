//! The structure to align: the paragraphs of the document, its sections and
//! its annexes.

use unlsp_syntax::tree::{Node, NodeKind};

/// The paragraphs of one container (the document, a section, an annex).
pub(super) struct Scope<'t> {
    pub(super) name: String,
    pub(super) preambular: Vec<&'t Node>,
    pub(super) operative: Vec<&'t Node>,
    pub(super) paragraphs: Vec<&'t Node>,
    pub(super) sections: Vec<(&'t Node, Scope<'t>)>,
}

impl<'t> Scope<'t> {
    pub(super) fn of(nodes: impl Iterator<Item = &'t Node>, name: &str) -> Scope<'t> {
        let mut s = Scope {
            name: name.to_string(),
            preambular: Vec::new(),
            operative: Vec::new(),
            paragraphs: Vec::new(),
            sections: Vec::new(),
        };
        let mut n_sections = 0;
        for n in nodes {
            match n.kind {
                NodeKind::Preamble | NodeKind::OperativePart => {
                    for c in &n.children {
                        s.push(c, &mut n_sections);
                    }
                }
                _ => s.push(n, &mut n_sections),
            }
        }
        s
    }

    fn push(&mut self, n: &'t Node, n_sections: &mut usize) {
        match n.kind {
            NodeKind::Preambular => self.preambular.push(n),
            NodeKind::Operative => self.operative.push(n),
            NodeKind::Paragraph => self.paragraphs.push(n),
            NodeKind::Section | NodeKind::Annex => {
                *n_sections += 1;
                let what = if n.kind == NodeKind::Annex {
                    "annex"
                } else {
                    "section"
                };
                let label = n.label.map_or_else(|| n_sections.to_string(), String::from);
                let name = format!("{}{what} {label}", self.prefix());
                let inner = Scope::of(n.children.iter(), &name);
                self.sections.push((n, inner));
            }
            _ => {}
        }
    }

    pub(super) fn prefix(&self) -> String {
        if self.name.is_empty() {
            String::new()
        } else {
            format!("{}, ", self.name)
        }
    }
}
