//! One block of the walk, by its kind: furniture, masthead, title, closing,
//! Markdown.

use super::builder::*;
use crate::cjk::{SpaceTrim, is_space};
use crate::lang::Lang;
use crate::lexer::{Block, BlockKind, FurnitureKind, SubHead};
use crate::lexicon::LeadClass;
use crate::tree::{Label, Node, NodeKind};
use std::ops::Range;

impl<'a> Builder<'a> {
    pub(super) fn block(&mut self, i: usize, b: &Block) {
        let Some(r) = self.content(b) else {
            self.st.prev_blank = true;
            return;
        };
        if self.markdown_block(b, &r) {
            return;
        }
        match &b.kind {
            BlockKind::Blank => {}
            BlockKind::Furniture(FurnitureKind::PageNumber) if self.number_in_running_text(i) => {
                self.text_block(i, b, r);
            }
            BlockKind::Furniture(k) => self.furniture(b, k, r),
            BlockKind::FootnoteSeparator => {
                self.st.fn_zone = true;
                let n = Node::new(NodeKind::Furniture, r);
                self.float(n);
                if self.st.target != Target::Footnote {
                    // remember to come back to the interrupted paragraph
                }
            }
            BlockKind::SymbolLine(sym) => self.symbol_line(sym, r),
            BlockKind::OrgLine(sym) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                if let Some(s) = sym
                    && self.st.meta.symbol.is_none()
                {
                    self.st.meta.symbol = Some(s.to_string());
                    let line = &self.text[r.clone()];
                    let at = line.find(s.split(' ').next().unwrap_or(s)).unwrap_or(0);
                    self.st.meta.symbol_range = Some(r.start + at..r.end);
                }
            }
            BlockKind::OrganLine if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
            }
            BlockKind::OrganLine
                if matches!(self.st.zone, Zone::Title | Zone::Adoption)
                    && (self.st.prev_blank || self.st.zone == Zone::Adoption) =>
            {
                // author line without its comma (no preamble follows)
                self.author(r);
            }
            BlockKind::Distr(d) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.distribution = Some(d.to_string());
            }
            BlockKind::DateLine(d) if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                if self.st.meta.issue_date.is_none() {
                    self.st.meta.issue_date = Some(*d);
                }
            }
            BlockKind::Original if self.st.zone <= Zone::Heading => self.open_heading(&r),
            BlockKind::Session if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.session = Some(self.text[r].trim().to_string());
            }
            BlockKind::AgendaItem if self.st.zone <= Zone::Heading => {
                self.open_heading(&r);
                self.st.meta.agenda = Some(self.text[r].trim().to_string());
            }
            BlockKind::Sponsors if self.st.zone <= Zone::Title => self.sponsors(r),
            BlockKind::Adoption if self.st.zone < Zone::Author => {
                self.top_node(NodeKind::Adoption, r);
                self.st.zone = Zone::Adoption;
            }
            BlockKind::Report if self.st.zone < Zone::Author => self.report(r),
            BlockKind::Title { number } if self.next_resolution_starts(i) => {
                self.next_resolution(r, number);
            }
            BlockKind::Title { number }
                if self.st.zone < Zone::Author && !self.st.saw_body_paragraph =>
            {
                self.title(number, r)
            }
            BlockKind::Author { organ } if self.st.zone < Zone::Body || self.st.section_restart => {
                self.st.meta.organ.get_or_insert_with(|| organ.to_string());
                self.author(r);
            }
            BlockKind::Closing if self.st.zone >= Zone::Body || self.st.saw_body_paragraph => {
                self.closing(r);
            }
            BlockKind::DateLine(_) if self.st.zone == Zone::Closing => {
                let n = self.top.last_mut().unwrap();
                extend(&mut n.range, &r);
            }
            BlockKind::DateLine(_)
                if self.st.zone == Zone::Body
                    && self.st.in_operative
                    && matches!(self.st.last_terminal, Some('.') | Some('。'))
                    && self
                        .next_content(i)
                        .is_some_and(|n| matches!(n.kind, BlockKind::Closing)) =>
            {
                self.closing(r);
            }
            BlockKind::Annex(label) if self.st.zone >= Zone::Body => {
                self.annex(label.as_deref(), r)
            }
            BlockKind::FootnoteDef {
                number,
                superscript,
                label_rel,
            } => self.footnote_def(i, b, number, superscript, label_rel, r),
            BlockKind::Numbered(n) => self.numbered(i, b, r, n),
            BlockKind::Sub(sub) => self.sub(i, b, sub, r),
            BlockKind::Lead(hit) => self.lead_block(i, b, r, hit),
            BlockKind::HeadingLike { designator } => {
                self.heading_like(i, b, r, designator.as_deref().map(String::from))
            }
            BlockKind::Text if self.caseless_heading_line(i) => self.heading_like(i, b, r, None),
            _ => self.text_block(i, b, r),
        }
    }

    /// Page furniture, the `%%%` metadata line among it; strong furniture ends
    /// the footnote zone.
    fn furniture(&mut self, b: &Block, k: &FurnitureKind, r: Range<usize>) {
        if *k == FurnitureKind::Meta {
            let line = &self.text[r.clone()];
            self.st.meta.subjects = line
                .trim_start_matches('%')
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
        }
        if Self::is_strong_furniture(b) {
            self.st.fn_zone = false;
            if self.st.target == Target::Footnote {
                self.st.target = Target::Body;
            }
        }
        let mut n = Node::new(NodeKind::Furniture, r);
        n.label = None;
        self.float(n);
    }

    /// The document symbol line: the masthead's symbol, or furniture below it.
    fn symbol_line(&mut self, sym: &str, r: Range<usize>) {
        if self.st.zone <= Zone::Heading && self.st.meta.symbol.is_none() {
            self.open_heading(&r);
            self.st.meta.symbol = Some(sym.to_string());
            self.st.meta.symbol_range = Some(r);
        } else if self.st.zone <= Zone::Heading {
            self.open_heading(&r);
        } else {
            self.st.fn_zone = false;
            if self.st.target == Target::Footnote {
                self.st.target = Target::Body;
            }
            self.float(Node::new(NodeKind::Furniture, r));
        }
    }

    /// A line that lists the sponsors: the heading run before it belongs to
    /// the sponsors node.
    fn sponsors(&mut self, r: Range<usize>) {
        self.st.sponsors = true;
        let lower = self.text[r.clone()].to_lowercase();
        if lower.contains("draft decision") {
            self.st.decision_hint = true;
        }
        let start = match (self.st.heading.as_mut(), self.st.heading_run) {
            (Some(h), Some(run)) => {
                h.range.end = self.st.heading_end_before_run;
                run
            }
            _ => r.start,
        };
        self.top_node(NodeKind::Sponsors, start..r.end);
        self.st.zone = Zone::Title;
    }

    /// `[on the report of …]`: part of the adoption line before it, if any.
    fn report(&mut self, r: Range<usize>) {
        if self.st.zone == Zone::Adoption
            && self
                .top
                .last()
                .is_some_and(|n| n.kind == NodeKind::Adoption)
        {
            self.close_heading();
            self.settle(0);
            let n = self.top.last_mut().unwrap();
            extend(&mut n.range, &r);
            self.st.target = Target::TopLast;
        } else {
            self.top_node(NodeKind::Adoption, r);
        }
        self.st.zone = Zone::Adoption;
    }

    /// The title line with the resolution's number.
    fn title(&mut self, number: &str, r: Range<usize>) {
        self.top_node(NodeKind::Title, r.clone());
        let line = &self.text[r.clone()];
        // the number and what precedes it (`79/100.`, `79/100 – `,
        // `76/1<TAB>`): the title follows its separator
        let first = match line.find(number) {
            Some(k) => &line[..k + number.len()],
            None => line.split('.').next().unwrap_or("").trim_end(),
        };
        self.st.meta.number = Some(number.to_string());
        self.st.meta.number_range = Some(r.start..r.start + first.len());
        if let Some(n) = self.top.last_mut() {
            n.label = Some(Label::new(number));
            n.label_range = Some(r.start..r.start + first.len());
        }
        self.st.zone = Zone::Title;
    }

    /// An annex opens a section whose paragraphs number from 1.
    fn annex(&mut self, label: Option<&str>, r: Range<usize>) {
        self.settle(0);
        let mut n = Node::new(NodeKind::Annex, r);
        n.label = label.map(Label::new);
        self.section = Some(n);
        self.st.zone = Zone::Annex;
        self.st.target = Target::Section;
        self.st.in_operative = false;
        // an annex numbers its paragraphs from 1 (SC 1454 (2002),
        // annex B: 1 … 19), not on from the operative part
        self.st.last_op = None;
    }

    /// A footnote definition line, when the footnote zone or the numbering
    /// accepts it; else text.
    fn footnote_def(
        &mut self,
        i: usize,
        b: &Block,
        number: &u32,
        superscript: &bool,
        label_rel: &(u32, u32),
        r: Range<usize>,
    ) {
        // `(3) …` is a footnote in Arabic, elsewhere only under the rule
        let paren = self.text[..b.abs(*label_rel).start].ends_with('(');
        let accept = (!paren || self.st.fn_zone || self.lang == Lang::Ar)
            && (*superscript
                    // under the rule, a number that is neither after a
                    // blank line nor one of the next few is a footnote's
                    // wrapped line (`…Supplement No.` / `27 (A/47/27)`)
                    || (self.st.fn_zone
                        && *number > 0
                        && (self.st.prev_blank
                            || (*number > self.st.last_fn
                                && *number <= self.st.last_fn + 3)))
                    || (self.st.prev_blank
                        && self.st.saw_body_paragraph
                        && *number == self.st.last_fn + 1
                        && *number > 0));
        if accept {
            self.st.fn_zone = true;
            self.st.last_fn = *number;
            let mut n = Node::new(NodeKind::Footnote, r);
            n.label = Some(Label::new(&number.to_string()));
            n.label_range = Some(b.abs(*label_rel));
            self.st.floats.push(n);
            self.st.target = Target::Footnote;
        } else {
            self.text_block(i, b, r);
        }
    }

    /// A sub-paragraph label: a sub-paragraph of the open paragraph when its
    /// letter comes in turn; else text.
    fn sub(&mut self, i: usize, b: &Block, sub: &SubHead, r: Range<usize>) {
        let SubHead { label_rel, lead } = sub;
        let text = self.text;
        let label = &text[b.abs(*label_rel)];
        let inside =
            self.st.para.is_some() && !(self.st.fn_zone && self.st.target == Target::Footnote);
        if inside && !matches!(self.st.zone, Zone::Closing) && self.letter_in_turn(label) {
            self.st.fn_zone = false;
            let lead = lead
                .as_ref()
                .map(|h| self.lead_from(b, h, LeadClass::Operative));
            self.new_sub(r.clone(), label.to_string(), b.abs(*label_rel), lead);
            self.note_body_text(&r);
        } else {
            self.text_block(i, b, r);
        }
    }

    /// Markdown's front matter and comments of several lines:
    /// whatever their lines look like, they are no text. The front matter
    /// (`---` on the first line to the next `---`) is the heading block and
    /// fills its fields; a comment's lines are furniture. True when the
    /// block was taken.
    fn markdown_block(&mut self, b: &Block, r: &Range<usize>) -> bool {
        if self.st.front_matter {
            if matches!(b.kind, BlockKind::Furniture(FurnitureKind::Fence)) {
                self.st.front_matter = false;
            } else {
                self.front_matter_field(r);
            }
            self.open_heading(r);
            return true;
        }
        if self.st.in_comment {
            if self.text[r.clone()].contains("-->") {
                self.st.in_comment = false;
            }
            self.float(Node::new(NodeKind::Furniture, r.clone()));
            return true;
        }
        match b.kind {
            // nothing but blank lines before it
            BlockKind::Furniture(FurnitureKind::Fence)
                if self.st.zone == Zone::Start
                    && self.st.heading.is_none()
                    && self.top.is_empty()
                    && self.st.floats.is_empty()
                    && self.st.para.is_none() =>
            {
                self.st.front_matter = true;
                self.open_heading(r);
                true
            }
            BlockKind::Furniture(FurnitureKind::CommentOpen) => {
                self.st.in_comment = true;
                self.float(Node::new(NodeKind::Furniture, r.clone()));
                true
            }
            _ => false,
        }
    }

    /// A front-matter line `key: value`: `symbol`, `title` and `date` fill
    /// the heading's fields (`language` is read before the walk:
    /// [`front_matter_lang`]).
    fn front_matter_field(&mut self, r: &Range<usize>) {
        let line = &self.text[r.clone()];
        let Some((key, value)) = line.split_once(':') else {
            return;
        };
        let v = value.trim_space().trim_matches(['"', '\'']).trim_space();
        if v.is_empty() {
            return;
        }
        let at = r.start + key.len() + 1 + value.find(v).unwrap_or(0);
        let meta = &mut self.st.meta;
        match key.trim_space() {
            "symbol" if meta.symbol.is_none() => {
                meta.symbol = Some(v.to_string());
                meta.symbol_range = Some(at..at + v.len());
            }
            "title" => meta.title = Some(v.to_string()),
            "date" => {
                meta.issue_date =
                    crate::dates::Date::from_iso(v).or_else(|| crate::dates::whole_date(v));
            }
            _ => {}
        }
    }

    fn author(&mut self, r: Range<usize>) {
        if self.st.section_restart && self.section.is_some() {
            // a composite resolution's part (69/96 B) has its own author line
            self.settle(1);
            let sec = self.section.as_mut().unwrap();
            push_child(sec, Node::new(NodeKind::Author, r.clone()));
            self.st.target = Target::Section;
        } else {
            self.top_node(NodeKind::Author, r.clone());
        }
        if self.st.meta.author.is_none() {
            // (without its emphasis: `*The General Assembly*,`)
            let t = self.text[r]
                .trim_end_matches(|c: char| {
                    matches!(c, ',' | '，' | '،' | ':' | '：') || is_space(c)
                })
                .trim_matches(['*', '_']);
            let squeezed = if t.chars().any(crate::cjk::is_han) {
                t.chars().filter(|c| !is_space(*c)).collect()
            } else {
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            self.st.meta.author = Some(squeezed);
        }
        self.st.zone = Zone::Author;
        self.st.last_terminal = Some(',');
    }

    pub(super) fn closing(&mut self, r: Range<usize>) {
        if self.st.zone == Zone::Closing
            && self.top.last().is_some_and(|n| n.kind == NodeKind::Closing)
        {
            let n = self.top.last_mut().unwrap();
            extend(&mut n.range, &r);
            return;
        }
        self.top_node(NodeKind::Closing, r);
        self.st.zone = Zone::Closing;
    }
}
