//! The walk over a Word document's body: paragraphs in order (content
//! controls read where they stand, text boxes after the paragraph they are
//! anchored in), each with the number
//! Word shows; tables, comments, hidden text and field instructions left
//! out (a field's result kept); tracked changes accepted and recorded (or,
//! in the second read, rejected), a paragraph whose mark is gone run on
//! into the next; footnote and endnote references as bare numbers, the
//! notes after a rule.

use super::builder::{Builder, Origin, Part, RunText};
use super::numbering::{Numbering, Styles, num_pr, toggle};
use super::xml::{MC, W, attr, child, is};
use crate::extracted::{FOOTNOTE_RULE, Footnote, Paragraph, Revision, RevisionKind, Style};
use roxmltree::Node;

/// Elements between paragraphs that mark a range and hold no text.
const RANGE_MARKS: &[&str] = &[
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "permStart",
    "permEnd",
    "proofErr",
];

/// A line of the text being written: one paragraph, or several whose
/// marks are gone.
struct Line {
    mark: super::builder::Mark,
    start: usize,
    /// The first paragraph's index.
    index: usize,
    numbered: bool,
    style: Option<String>,
    /// The paragraph that continues the line.
    next: roxmltree::NodeId,
    /// The text boxes anchored in its paragraphs (`w:txbxContent`), read
    /// after it.
    boxes: Vec<roxmltree::NodeId>,
}

/// A footnote or endnote reference met in the body.
struct Reference {
    id: String,
    endnote: bool,
    marker: std::ops::Range<usize>,
    at: Origin,
}

pub(crate) struct Walker<'s> {
    pub(crate) b: Builder,
    styles: &'s Styles,
    numbering: Numbering,
    next_paragraph: usize,
    at: Origin,
    part: Part,
    /// Open fields: whether each is still in its instructions.
    fields: Vec<bool>,
    refs: Vec<Reference>,
    /// Leave out the white space before a footnote's first word.
    trim_start: bool,
    /// Whether the read accepts the tracked changes (else rejects them).
    accept: bool,
    /// The line a paragraph whose mark is gone left open.
    line: Option<Line>,
}

/// The text boxes anchored in paragraph `p` (not in a paragraph of a box
/// of its), each once: a drawing's, not the VML copy Word writes beside it
/// for older readers (`mc:Fallback`).
fn text_boxes(p: Node) -> Vec<roxmltree::NodeId> {
    p.descendants()
        .filter(|d| is(*d, "txbxContent"))
        .filter(|tb| {
            let owner = tb.ancestors().skip(1).find(|a| is(*a, "p"));
            let fallback = tb.ancestors().any(|a| a.has_tag_name((MC, "Fallback")));
            owner == Some(p) && !fallback
        })
        .map(|tb| tb.id())
        .collect()
}

impl<'s> Walker<'s> {
    /// `accept`: the text with the tracked changes accepted, else rejected.
    pub(crate) fn new(styles: &'s Styles, numbering: Numbering, accept: bool) -> Walker<'s> {
        Walker {
            b: Builder::default(),
            styles,
            numbering,
            next_paragraph: 0,
            at: Origin {
                paragraph: 0,
                char: 0,
                footnote: None,
            },
            part: Part::Document,
            fields: Vec::new(),
            refs: Vec::new(),
            trim_start: false,
            accept,
            line: None,
        }
    }

    pub(crate) fn body(&mut self, body: Node) {
        for c in body.children() {
            self.block(c);
        }
        if let Some(l) = self.line.take() {
            self.end(l, body.document());
        }
    }

    fn block(&mut self, n: Node) {
        if !n.is_element() {
            return;
        }
        if n.has_tag_name((MC, "AlternateContent")) {
            if let Some(choice) = n.children().find(|c| c.is_element()) {
                choice.children().for_each(|c| self.block(c));
            }
            return;
        }
        if n.tag_name().namespace() != Some(W) {
            return;
        }
        match n.tag_name().name() {
            "p" => self.paragraph(n),
            "sdt" => {
                if let Some(c) = child(n, "sdtContent") {
                    c.children().for_each(|x| self.block(x));
                }
            }
            "customXml" | "smartTag" => n.children().for_each(|x| self.block(x)),
            // content inserted or deleted at block level, as the read takes it
            "ins" | "moveTo" if self.accept => n.children().for_each(|x| self.block(x)),
            "del" | "moveFrom" if !self.accept => n.children().for_each(|x| self.block(x)),
            // tables (page furniture, sponsors' lists), section properties
            _ => {}
        }
    }

    /// The change that takes `p`'s paragraph mark away in this read: its
    /// deletion or move away (changes accepted), its insertion or move
    /// there (changes rejected).
    fn mark_gone<'a, 'i>(&self, p: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
        let changes = if self.accept {
            ["del", "moveFrom"]
        } else {
            ["ins", "moveTo"]
        };
        let rpr = child(p, "pPr").and_then(|x| child(x, "rPr"))?;
        rpr.children()
            .find(|c| changes.iter().any(|name| is(*c, name)))
    }

    /// The paragraph `p`'s text runs on into when its mark is gone: the
    /// next paragraph, past bookmarks and other range marks; none when a
    /// table or the body's end comes first.
    fn joined<'a, 'i>(&self, p: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
        self.mark_gone(p)?;
        let mut n = p.next_sibling_element();
        while let Some(x) = n {
            if is(x, "p") {
                return Some(x);
            }
            if x.tag_name().namespace() != Some(W) || !RANGE_MARKS.contains(&x.tag_name().name()) {
                return None;
            }
            n = x.next_sibling_element();
        }
        None
    }

    /// The paragraph's properties in this read (with changes rejected, the
    /// ones a property change recorded as before).
    fn properties<'a, 'i>(&self, p: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
        let ppr = child(p, "pPr")?;
        if self.accept {
            return Some(ppr);
        }
        Some(
            child(ppr, "pPrChange")
                .and_then(|c| child(c, "pPr"))
                .unwrap_or(ppr),
        )
    }

    /// A body paragraph. Paragraphs whose marks are gone are one line with
    /// the paragraph they run on into, whose mark (style, number) the line
    /// takes (ECMA-376 17.13.5.15: a deleted paragraph mark combines the
    /// paragraph's contents with the following paragraph's).
    fn paragraph(&mut self, p: Node) {
        let index = self.next_paragraph;
        self.next_paragraph += 1;
        let mut line = match self.line.take() {
            Some(l) if l.next == p.id() => l,
            other => {
                if let Some(l) = other {
                    self.end(l, p.document());
                }
                self.open_line(p, index)
            }
        };
        line.boxes.extend(text_boxes(p));
        self.at = Origin {
            paragraph: index,
            char: 0,
            footnote: None,
        };
        self.inline(p);
        if let Some(next) = self.joined(p) {
            if let Some(change) = self.mark_gone(p).filter(|_| self.accept) {
                let at = self.b.len();
                self.revision(change, RevisionKind::Deletion, at..at, "\n\n".into());
            }
            self.line = Some(Line {
                next: next.id(),
                ..line
            });
        } else {
            self.end(line, p.document());
        }
    }

    /// The line ends, then the text boxes anchored in it are read, each
    /// paragraph of theirs a paragraph of the text: after the whole line,
    /// so that a box anchored in a paragraph whose mark is gone stands
    /// after the joined paragraph, not between its words.
    fn end(&mut self, mut l: Line, doc: &roxmltree::Document) {
        let boxes = std::mem::take(&mut l.boxes);
        self.close(l);
        for tb in boxes.into_iter().filter_map(|id| doc.get_node(id)) {
            tb.children().for_each(|c| self.block(c));
        }
    }

    /// A new line of text for paragraph `p` and those it runs on into:
    /// the number Word shows for the last of them.
    fn open_line(&mut self, p: Node, index: usize) -> Line {
        let mut last = p;
        while let Some(n) = self.joined(last) {
            last = n;
        }
        let ppr = self.properties(last);
        let style = ppr
            .and_then(|x| child(x, "pStyle"))
            .and_then(|s| attr(s, "val"));
        let num = ppr
            .and_then(num_pr)
            .or_else(|| style.and_then(|s| self.styles.numbering(s)));
        let mark = self.b.mark();
        if self.b.len() > 0 {
            self.b.push_plain("\n\n");
        }
        let start = self.b.len();
        let at = Origin {
            paragraph: index,
            char: 0,
            footnote: None,
        };
        let label = num
            .and_then(|(id, lvl)| self.numbering.next(&id, lvl))
            .filter(|(l, _)| !l.is_empty());
        if let Some((label, suffix)) = &label {
            self.b.push_generated(&format!("{label}{suffix}"), at);
        }
        Line {
            mark,
            start,
            index,
            numbered: label.is_some(),
            style: style.map(|s| self.styles.name(s).to_string()),
            next: p.id(),
            boxes: Vec::new(),
        }
    }

    /// The line ends: a paragraph of the text, or nothing when it has no
    /// number and no text.
    fn close(&mut self, l: Line) {
        if !l.numbered && self.b.x.text[l.start..].trim().is_empty() {
            self.b.rollback(l.mark);
        } else {
            self.b.x.paragraphs.push(Paragraph {
                index: l.index,
                style: l.style,
                range: l.start..self.b.len(),
            });
        }
    }

    fn inline(&mut self, n: Node) {
        for c in n.children().filter(Node::is_element) {
            if c.has_tag_name((MC, "AlternateContent")) {
                if let Some(choice) = c.children().find(|x| x.is_element()) {
                    self.inline(choice);
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                continue;
            }
            match c.tag_name().name() {
                "r" => self.run(c),
                "hyperlink" | "smartTag" | "customXml" | "fldSimple" | "dir" | "bdo" => {
                    self.inline(c)
                }
                "sdt" => {
                    if let Some(x) = child(c, "sdtContent") {
                        self.inline(x);
                    }
                }
                "ins" | "moveTo" if !self.accept => {}
                "del" | "moveFrom" if !self.accept => self.inline(c),
                "ins" | "moveTo" => {
                    let start = self.b.len();
                    self.inline(c);
                    let text = self.b.x.text[start..].to_string();
                    self.revision(c, RevisionKind::Insertion, start..self.b.len(), text);
                }
                "del" | "moveFrom" => {
                    let text: String = c
                        .descendants()
                        .filter(|d| is(*d, "delText") || is(*d, "t"))
                        .filter_map(|d| d.text())
                        .collect();
                    let at = self.b.len();
                    self.revision(c, RevisionKind::Deletion, at..at, text);
                }
                // comments' anchors, bookmarks, proofing marks, the
                // paragraph's properties
                _ => {}
            }
        }
    }

    fn revision(
        &mut self,
        n: Node,
        kind: RevisionKind,
        range: std::ops::Range<usize>,
        text: String,
    ) {
        self.b.revision(Revision {
            kind,
            author: attr(n, "author").unwrap_or("").to_string(),
            date: attr(n, "date").map(str::to_string),
            paragraph: self.at.paragraph,
            range,
            text,
        });
    }

    fn run(&mut self, r: Node) {
        let rpr = child(r, "rPr");
        let hidden = |name| rpr.and_then(|x| toggle(x, name)) == Some(true);
        if hidden("vanish") || hidden("webHidden") {
            return;
        }
        let rstyle = rpr
            .and_then(|x| child(x, "rStyle"))
            .and_then(|s| attr(s, "val"));
        let italic = rpr
            .and_then(|x| toggle(x, "i"))
            .or_else(|| rstyle.and_then(|s| self.styles.italic(s)))
            .unwrap_or(false);
        let bold = rpr
            .and_then(|x| toggle(x, "b"))
            .or_else(|| rstyle.and_then(|s| self.styles.bold(s)))
            .unwrap_or(false);
        for c in r.children().filter(|c| c.tag_name().namespace() == Some(W)) {
            let name = c.tag_name().name();
            if name == "fldChar" {
                match attr(c, "fldCharType") {
                    Some("begin") => self.fields.push(true),
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut() {
                            *f = false;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                }
                continue;
            }
            if self.fields.last() == Some(&true) {
                continue; // a field's instructions: not text
            }
            match name {
                "t" => self.text(c, italic, bold),
                "delText" if !self.accept => self.text(c, italic, bold),
                "tab" | "ptab" => self.source("\t"),
                "br" | "cr" => match attr(c, "type") {
                    Some("page" | "column") => self.at.char += 1,
                    _ => self.source("\n"),
                },
                // the characters office suites write as elements (LibreOffice
                // saves every U+2011 and U+00AD so): the non-breaking hyphen
                // as the character it is, the soft hyphen unseen
                "noBreakHyphen" => self.source("\u{2011}"),
                "sym" | "softHyphen" => self.at.char += 1,
                "footnoteReference" if self.part == Part::Document => self.reference(c, false),
                "endnoteReference" if self.part == Part::Document => self.reference(c, true),
                _ => {}
            }
        }
    }

    /// Characters of the source that are not a `w:t`'s (a tab, a break).
    fn source(&mut self, s: &str) {
        if self.trim_start {
            return;
        }
        self.b.push_source(s, self.at, None);
        self.at.char += s.chars().count();
    }

    fn text(&mut self, t: Node, italic: bool, bold: bool) {
        let all = t.text().unwrap_or("");
        let skip = if self.trim_start {
            all.len() - all.trim_start().len()
        } else {
            0
        };
        let s = &all[skip..];
        if s.is_empty() {
            return;
        }
        self.trim_start = false;
        // the element's character data in the XML, when it is one text node
        let xml = t
            .first_child()
            .filter(|n| n.is_text() && t.children().count() == 1)
            .map(|n| n.range());
        let run = xml.map(|xml| RunText {
            part: self.part,
            text: 0..0,
            xml,
            skip,
        });
        let start = self.b.len();
        self.b.push_source(s, self.at, run);
        self.at.char += s.chars().count();
        let end = self.b.len();
        if italic {
            self.b.emphasis(start..end, Style::Italic);
        } else if bold {
            self.b.emphasis(start..end, Style::Bold);
        }
    }

    fn reference(&mut self, c: Node, endnote: bool) {
        let number = (self.refs.len() + 1).to_string();
        let start = self.b.len();
        self.b.push_generated(&number, self.at);
        self.refs.push(Reference {
            id: attr(c, "id").unwrap_or("").to_string(),
            endnote,
            marker: start..self.b.len(),
            at: self.at,
        });
        self.at.char += 1;
    }

    /// The footnotes and endnotes after a rule, numbered together in the
    /// order of their references (the parser reads one series of notes),
    /// each one paragraph.
    pub(crate) fn footnotes(
        &mut self,
        notes: Option<&roxmltree::Document>,
        endnotes: Option<&roxmltree::Document>,
    ) {
        if self.refs.is_empty() {
            return;
        }
        self.b.push_plain(&format!("\n\n{FOOTNOTE_RULE}"));
        let refs = std::mem::take(&mut self.refs);
        for (k, r) in refs.iter().enumerate() {
            let (part, doc, tag) = if r.endnote {
                (Part::Endnotes, endnotes, "endnote")
            } else {
                (Part::Footnotes, notes, "footnote")
            };
            self.part = part;
            let number = k as u32 + 1;
            self.b.push_plain("\n\n");
            self.at = Origin {
                footnote: Some(number),
                ..r.at
            };
            self.b.push_generated(&format!("{number} "), self.at);
            let start = self.b.len();
            let note = doc.and_then(|d| {
                d.root_element()
                    .children()
                    .find(|f| is(*f, tag) && attr(*f, "id") == Some(r.id.as_str()))
            });
            self.trim_start = true;
            for p in note
                .iter()
                .flat_map(|n| n.children())
                .filter(|p| is(*p, "p"))
            {
                if self.b.len() > start && !self.trim_start {
                    self.b.push_plain(" ");
                }
                self.inline(p);
            }
            self.trim_start = false;
            self.b.x.footnotes.push(Footnote {
                number,
                label: number.to_string(),
                marker: r.marker.clone(),
                again: Vec::new(),
                body: start..self.b.len(),
            });
        }
        self.part = Part::Document;
    }
}
