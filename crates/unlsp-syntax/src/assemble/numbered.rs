//! Numbered blocks: an operative paragraph, a footnote, a list item or a
//! number in running text.

use super::builder::*;
use super::text::*;
use crate::cjk::{SpaceTrim, is_space};
use crate::lexer::{Block, BlockKind, LeadHit, NumberedHead};
use crate::lexicon::LeadClass;
use crate::tree::{Label, Node, NodeKind};
use std::ops::Range;

impl<'a> Builder<'a> {
    pub(super) fn numbered(&mut self, i: usize, b: &Block, r: Range<usize>, head: &NumberedHead) {
        let text = self.text;
        let written = Label::numbered(&text[b.abs(head.label_rel)]);
        let (label, number) = (written.as_str(), head.number(b, text));
        let (label_rel, lead) = (head.label_rel, &head.lead);
        let expected = self.st.last_op.map(|n| n + 1).unwrap_or(1);
        let rest = &self.text[b.abs(label_rel).end..b.content_end()];
        let rest_t = rest.trim_start_matches(|c: char| c == '.' || c == '*' || is_space(c));
        // `Resolves that:` followed by `1. The Working Capital Fund shall …`: a
        // numbered list inside an unnumbered operative paragraph (budget
        // resolutions), not operative paragraphs
        let op_lead = lead
            .as_ref()
            .is_some_and(|h| h.m.has_class(self.lex, LeadClass::Operative));
        if self.numbered_list_item(b, &r, label, number, label_rel, op_lead, expected) {
            return;
        }
        self.st.numbered_list = None;
        let (plausible, bare) =
            self.plausible_number(i, b, number, label_rel, lead, rest_t, op_lead, expected);
        if !plausible && bare && self.lone_footnote_number(i, b, &r, number, label_rel) {
            return;
        }
        let fn_blocked = self.st.fn_zone && self.st.target == Target::Footnote && !b.line_start;
        if !plausible || fn_blocked || matches!(self.st.zone, Zone::Closing) {
            self.text_block(i, b, r);
            return;
        }
        self.st.fn_zone = false;
        if number == Some(1) {
            self.unnumbered_section_opening();
        }
        let pending_lead = lead.is_none() && rest_t.is_empty();
        self.open_numbered(b, r, label, number, label_rel, lead, pending_lead);
    }

    /// An item of a numbered list inside an unnumbered operative paragraph
    /// (`Resolves that:` / `1. The Working Capital Fund shall …`): a
    /// sub-paragraph of it. True when the block was taken.
    #[allow(clippy::too_many_arguments)]
    fn numbered_list_item(
        &mut self,
        b: &Block,
        r: &Range<usize>,
        label: &str,
        number: Option<u32>,
        label_rel: (u32, u32),
        op_lead: bool,
        expected: u32,
    ) -> bool {
        let list_next = self.st.numbered_list.unwrap_or(1);
        let opens_list = self.st.numbered_list.is_none()
            && number == Some(1)
            && self.st.subs.is_empty()
            && self
                .st
                .para
                .as_ref()
                // (after `11. Approves the following provisional agenda …:` a
                // `1.` cannot be the next paragraph either)
                .is_some_and(|p| {
                    p.kind == NodeKind::Operative && (p.label.is_none() || expected > 1)
                })
            && matches!(self.st.last_terminal, Some(':' | '：'));
        if !op_lead
            && b.line_start
            && (opens_list || self.st.numbered_list.is_some() && number == Some(list_next))
        {
            self.st.numbered_list = Some(list_next + 1);
            let label_range = b.abs(label_rel);
            self.new_sub(r.clone(), label.to_string(), label_range, None);
            self.note_body_text(r);
            return true;
        }
        false
    }

    /// Whether the number opens the next paragraph, and whether it is bare
    /// (its dot lost).
    #[allow(clippy::too_many_arguments)]
    fn plausible_number(
        &self,
        i: usize,
        b: &Block,
        number: Option<u32>,
        label_rel: (u32, u32),
        lead: &Option<LeadHit>,
        rest_t: &str,
        op_lead: bool,
        expected: u32,
    ) -> (bool, bool) {
        // the expected number after a paragraph that ended (`;`, `.`, `:`) or
        // after a blank line opens the next one whatever its first word:
        // Russian operative verbs are lower case, and a verb the lexicon lacks
        // is still a verb
        let ended = matches!(
            self.st.last_terminal,
            Some(';' | '；' | '.' | '。' | ':' | '：' | '؛')
        );
        let rest_ok = rest_t.is_empty()
            || lead.is_some()
            || (number == Some(expected) && b.line_start && (ended || self.st.prev_blank))
            // the first numbered line after the preamble's closing comma
            || (number == Some(1)
                && b.line_start
                && self.st.last_op.is_none()
                && matches!(self.st.last_terminal, Some(',' | '،' | '，')))
            || rest_t.chars().next().is_some_and(|c| {
                c.is_uppercase()
                    || crate::cjk::is_cjk(c)
                    || c.is_ascii_digit()
                    || c == '“'
                    || c == '"'
                    || c == '['
            });
        let plausible = match number {
            Some(n) if b.line_start => {
                (n == expected
                    || n == 1 && self.st.section_restart
                    || n > 0 && n <= expected + 5 && self.st.last_op.is_some_and(|l| n + 3 >= l)
                    || n == expected + 5
                    // an annex's article numbers its paragraphs from 1 again
                    // after its heading (`Article 3` / `Issuance of …` / `1.`,
                    // GA 80/162)
                    || n == 1
                        && self.st.zone == Zone::Annex
                        && !is_terminal(self.st.last_terminal)
                    // a first operative paragraph numbered wrong (`2. Decides`)
                    || self.st.last_op.is_none() && n <= 5 && op_lead)
                    && rest_ok
            }
            Some(n) => n == expected || (n == 1 && self.st.section_restart),
            None => b.line_start && rest_ok && self.st.last_op.is_some(),
        };
        // a bare number (its dot lost) counts only as the expected paragraph
        // followed by an operative lead
        // (`1 - ` is the Arabic numbering, not a lost dot)
        let after = self.text[b.abs(label_rel).end..b.content_end()].trim_space_start();
        let bare = !after.contains('.') && !after.starts_with(['-', '–', '—']);
        let plausible = plausible
            && (!bare
                || number == Some(expected)
                    && self.next_content(i).is_some_and(|n| {
                        matches!(&n.kind, BlockKind::Lead(h) if h.m.has_class(self.lex, LeadClass::Operative))
                    }));
        (plausible, bare)
    }

    /// The next footnote's number alone on its line, its text below: a
    /// footnote. True when the block was taken.
    fn lone_footnote_number(
        &mut self,
        i: usize,
        b: &Block,
        r: &Range<usize>,
        number: Option<u32>,
        label_rel: (u32, u32),
    ) -> bool {
        if b.line_start
            && self.st.saw_body_paragraph
            && is_terminal(self.st.last_terminal)
            && let Some(n) = number.filter(|&n| n > 0 && n == self.st.last_fn + 1)
            && self
                .next_content(i)
                .is_some_and(|n| matches!(n.kind, BlockKind::Text | BlockKind::HeadingLike { .. }))
        {
            // the next footnote's number alone on its line, its text below (a
            // page without the separator line: fr A/RES/51/145)
            self.st.fn_zone = true;
            self.st.last_fn = n;
            let mut f = Node::new(NodeKind::Footnote, r.clone());
            f.label = Some(Label::new(&n.to_string()));
            f.label_range = Some(b.abs(label_rel));
            self.st.floats.push(f);
            self.st.target = Target::Footnote;
            return true;
        }
        false
    }

    /// Before a paragraph numbered 1 in a section that numbers from 1 again.
    fn unnumbered_section_opening(&mut self) {
        if self.st.section_restart
            && matches!(self.st.last_terminal, Some(',' | '，' | '،'))
            && self.st.subs.is_empty()
            && self
                .st
                .para
                .as_ref()
                .is_some_and(|p| p.kind == NodeKind::Operative && p.label.is_none())
            && self.part.as_ref().is_some_and(|p| p.children.is_empty())
        {
            // `XXVI Contingency fund` / `Recalls its resolution …, or 25,472,300
            // dollars,` / `1. Notes …` (budget resolutions): the unnumbered
            // opening of a section that numbers from 1 is a paragraph of the
            // section, not its operative paragraph 1
            self.part = None;
            if let Some(p) = self.st.para.as_mut() {
                p.kind = NodeKind::Paragraph;
            }
            self.numbered_total = self.numbered_total.saturating_sub(1);
            if self.st.para.as_ref().is_some_and(|p| p.lead.is_some()) {
                self.operative_leads = self.operative_leads.saturating_sub(1);
            }
        }
    }

    /// Open the numbered paragraph: preambular, operative or an annex's.
    #[allow(clippy::too_many_arguments)]
    fn open_numbered(
        &mut self,
        b: &Block,
        r: Range<usize>,
        label: &str,
        number: Option<u32>,
        label_rel: (u32, u32),
        lead: &Option<LeadHit>,
        pending_lead: bool,
    ) {
        let label_range = b.abs(label_rel);
        let in_annex = self.st.zone == Zone::Annex;
        // (a Chinese verb opens both kinds of paragraph: a numbered one is
        // preambular only when it ends as one does, with its comma)
        let ends_with_comma = self
            .content(b)
            .is_some_and(|c| self.text[c].trim_end().ends_with(['，', ',']));
        let pre_lead = lead.as_ref().is_some_and(|h| {
            h.m.has_class(self.lex, LeadClass::Preambular)
                && !h.m.has_class(self.lex, LeadClass::Operative)
                && (!self.lang.is_cjk() || ends_with_comma)
        });
        let kind = if in_annex {
            NodeKind::Paragraph
        } else if pre_lead && !self.st.in_operative && self.st.zone != Zone::Annex {
            NodeKind::Preambular
        } else {
            NodeKind::Operative
        };
        let class = if kind == NodeKind::Preambular {
            LeadClass::Preambular
        } else {
            LeadClass::Operative
        };
        let known = lead.is_some();
        let lead = match lead {
            Some(h) => Some(self.lead_from(b, h, class)),
            // a verb the lexicon does not know, by grammar
            None if kind == NodeKind::Operative => {
                self.operative_grammar_lead(label_range.end..b.content_end())
            }
            None => None,
        };
        if in_annex && number.is_some() {
            self.st.last_op = number;
        }
        if kind == NodeKind::Operative {
            self.st.in_operative = true;
            // (only a verb the lexicon knows says the text is a resolution)
            if known {
                self.operative_leads += 1;
            }
            self.numbered_total += 1;
            if let Some(n) = number {
                self.st.last_op = Some(n);
            } else if let Some(l) = self.st.last_op {
                self.st.last_op = Some(l);
            }
            self.st.section_restart = false;
        }
        self.st.pending_lead = pending_lead;
        self.new_para(
            kind,
            r.clone(),
            Some((label.to_string(), label_range)),
            lead,
        );
        self.note_body_text(&r);
    }
}
