//! Lead phrases, headings and plain text: where a paragraph opens.

use super::builder::*;
use super::text::*;
use crate::cjk::SpaceTrim;
use crate::lang::Lang;
use crate::lexer::{Block, BlockKind, LeadHit};
use crate::lexicon::LeadClass;
use crate::tree::{Label, Lead, Node, NodeKind};
use std::ops::Range;

impl<'a> Builder<'a> {
    pub(super) fn lead_block(&mut self, i: usize, b: &Block, r: Range<usize>, hit: &LeadHit) {
        // `1.` alone on its line, lead on the next (corpus: number on its own line)
        if self.st.pending_lead && self.st.para.is_some() && self.st.subs.is_empty() {
            self.lead_after_number(b, &r, hit);
            return;
        }
        if let Some((n, digits)) = self.wrapped_dash_number(i, hit) {
            self.dash_numbered(b, r, hit, n, digits);
            return;
        }
        let cjk = hit.m.is_cjk(self.lex);
        if self.bitext_twin(b, &r, hit, cjk) || !self.lead_opens_paragraph(i, b, hit, cjk) {
            self.text_block(i, b, r);
            return;
        }
        if self.st.zone == Zone::Annex {
            self.text_block(i, b, r);
            return;
        }
        self.lead_paragraph(i, b, r, hit, cjk);
    }

    /// The lead of a paragraph whose number stood alone on the line before.
    fn lead_after_number(&mut self, b: &Block, r: &Range<usize>, hit: &LeadHit) {
        self.st.pending_lead = false;
        let class = if self.st.para.as_ref().unwrap().kind == NodeKind::Preambular {
            LeadClass::Preambular
        } else {
            LeadClass::Operative
        };
        let lead = self.lead_from(b, hit, class);
        if self.st.para.as_ref().unwrap().kind == NodeKind::Operative {
            self.operative_leads += 1;
        }
        self.attach_lead(lead, r);
    }

    /// Give the open paragraph, whose number stood alone on the line
    /// before, its lead on line `r`.
    fn attach_lead(&mut self, lead: Lead, r: &Range<usize>) {
        self.settle(3);
        let p = self.st.para.as_mut().unwrap();
        p.lead = Some(Box::new(lead));
        extend(&mut p.range, r);
        self.note_body_text(r);
    }

    /// A bitext page (`*.bitext-en-zh.txt`) puts the translation of each
    /// paragraph on the line after it: a lead in the other script, of the
    /// paragraph's class, right after a one-line paragraph is its twin, and
    /// the pair is one paragraph (`Decides …` + `决定:…` is one operative
    /// paragraph, the last).
    fn bitext_twin(&self, b: &Block, r: &Range<usize>, hit: &LeadHit, cjk: bool) -> bool {
        let lex = self.lex;
        b.line_start
            && self.st.subs.is_empty()
            && self.st.para.as_ref().is_some_and(|p| {
                let class = if p.kind == NodeKind::Preambular {
                    LeadClass::Preambular
                } else {
                    LeadClass::Operative
                };
                p.lead.as_ref().is_some_and(|l| {
                    crate::cjk::is_cjk(l.text.chars().next().unwrap_or(' ')) != cjk
                }) && hit.m.has_class(lex, class)
                    && p.range.end <= r.start
                    && !self.text[p.range.start..r.start]
                        .trim_end()
                        .contains(['\n', '\r'])
            })
    }

    /// The lead opens a paragraph (else it goes on with the text before it).
    fn lead_opens_paragraph(&self, i: usize, b: &Block, hit: &LeadHit, cjk: bool) -> bool {
        let in_footnote = self.st.fn_zone && self.st.target == Target::Footnote;
        // A paragraph boundary needs evidence: the previous text ended with
        // punctuation, or the line is indented (seed 002), or it is a split of a
        // one-line text, or the preceding element is not a paragraph.
        let after_break = is_terminal(self.st.last_terminal)
            || !b.line_start
            || self.st.para.is_none()
            || in_footnote
            || (b.indented && cjk)
            || (!cjk && hit.m.capitalised && b.line_start);
        // Chinese wraps anywhere: a lead at the start of a line that follows
        // a full line of a wrapped paragraph goes on with it (`…成果文件，6` /
        // `还重申…`), whatever punctuation the full line ended with
        let after_break = after_break && !(cjk && self.wraps_on_from_full_line(i));
        // `признавая …,` / `признавая также …` on the next line of a text that
        // separates its paragraphs by blank lines: in a language whose leads
        // are not capitalised, a second lead inside the same paragraph
        let after_break = after_break
            && !(matches!(self.lang, Lang::Ru | Lang::Ar | Lang::Zh)
                && b.line_start
                && !b.indented
                && !self.st.prev_blank
                && !self.st.page_break
                && self.st.blank_paras >= 2
                && self.st.para.is_some()
                && matches!(self.st.last_terminal, Some(',' | '，' | '،' | '、')));
        let one_char = hit.m.char_len() < 2 && cjk;
        // `…barriers,` / `recognizing their diversity,` with no blank line
        // between (GA 80/214): a lower-case lead in a language whose leads
        // are capitalised continues the sentence the line wrapped
        let wrapped_clause = !hit.m.capitalised
            && matches!(self.lang, Lang::En | Lang::Fr | Lang::Es)
            && b.line_start
            && !self.st.prev_blank
            && self.st.para.is_some();
        !(!after_break
            || one_char
            || wrapped_clause
            || (!hit.m.capitalised && !cjk && !is_terminal(self.st.last_terminal)))
    }

    /// Open the preambular or unnumbered operative paragraph the lead opens,
    /// else the block is text.
    fn lead_paragraph(&mut self, i: usize, b: &Block, r: Range<usize>, hit: &LeadHit, cjk: bool) {
        let lex = self.lex;
        let pre = hit.m.has_class(lex, LeadClass::Preambular);
        let op = hit.m.has_class(lex, LeadClass::Operative);
        let terminal_op = matches!(
            self.st.last_terminal,
            Some(';' | '；' | '.' | '。' | ':' | '：')
        );
        // A lead that is both (`重申`) opening the last paragraph, a line that
        // ends with a full stop after preambular paragraphs closed by commas: the
        // unnumbered operative paragraph of a short text (A/RES/2159 (XXI),
        // `重申此项决议仍属有效。` before the date of adoption)
        let full_stop_after_preamble = pre
            && op
            && cjk
            && !self.st.in_operative
            && matches!(self.st.last_terminal, Some(',' | '，'))
            && self
                .content(b)
                .is_some_and(|c| self.text[c].ends_with(['。', '.']))
            && self.next_content(i).is_none_or(|n| {
                !matches!(
                    n.kind,
                    BlockKind::Lead(_) | BlockKind::Numbered(_) | BlockKind::Sub(_)
                )
            });
        // a Chinese verb opens both kinds of paragraph: in the preamble, one
        // that ends with its comma is preambular (`敦促…缔约方，`)
        let cjk_comma_end =
            cjk && !self.st.in_operative && matches!(self.cjk_paragraph_end(i), Some('，' | ','));
        let pre = pre || cjk_comma_end;
        if pre
            && !full_stop_after_preamble
            && (!self.st.in_operative || (!op && terminal_op && b.line_start))
        {
            if self.st.in_operative {
                // a preambular paragraph after the operative part (UN003)
                self.settle(1);
                self.part = Some(Node::new(NodeKind::Preamble, SENTINEL));
                self.st.in_operative = false;
            }
            self.st.fn_zone = false;
            let lead = self.lead_from(b, hit, LeadClass::Preambular);
            self.new_para(NodeKind::Preambular, r.clone(), None, Some(lead));
            self.note_body_text(&r);
            return;
        }
        if op
            && (!pre || full_stop_after_preamble)
            && (hit.m.capitalised || cjk || self.lang == Lang::Ru)
            && (terminal_op || matches!(self.st.last_terminal, Some(',' | '，' | '،')))
            // a line, or a segment the lexer cut from a one-line text at `, Décide`
            && self.st.zone >= Zone::Author
        {
            // an unnumbered operative paragraph (a lone one, or a missing number)
            self.st.fn_zone = false;
            self.st.in_operative = true;
            self.operative_leads += 1;
            self.numbered_total += 1;
            let lead = self.lead_from(b, hit, LeadClass::Operative);
            self.new_para(NodeKind::Operative, r.clone(), None, Some(lead));
            self.note_body_text(&r);
            return;
        }
        self.text_block(i, b, r);
    }

    pub(super) fn heading_like(
        &mut self,
        i: usize,
        b: &Block,
        r: Range<usize>,
        designator: Option<String>,
    ) {
        if self.is_running_title(i, &r) {
            self.float(Node::new(NodeKind::Furniture, r));
            return;
        }
        if self.st.target == Target::Section
            && self.section.as_ref().is_some_and(|s| s.children.is_empty())
        {
            // the section's heading text on the next line (`A` / `Title`)
            self.extend_target(r);
            return;
        }
        let next = self.next_content(i);
        let next_starts = next.is_some_and(|n| {
            matches!(
                n.kind,
                BlockKind::Numbered(_)
                    | BlockKind::Lead(_)
                    | BlockKind::Author { .. }
                    | BlockKind::Title { .. }
                    | BlockKind::HeadingLike { .. }
                    | BlockKind::Sub(_)
            )
        });
        // a heading of several lines (`Part I` / `Overall policymaking, direction
        // and coordination` / `Section 1` / …) that ends at the next paragraph
        let run_starts = next.is_some_and(|n| !matches!(n.kind, BlockKind::Numbered(_)))
            && self.heading_run_end(i).is_some_and(|n| {
                let expected = self.st.last_op.map_or(1, |l| l + 1);
                match &n.kind {
                    BlockKind::Numbered(h) => {
                        (h.number(n, self.text)).is_none_or(|k| k == expected || k == 1)
                    }
                    BlockKind::Lead(_) | BlockKind::Sub(_) => true,
                    _ => false,
                }
            });
        let in_fn = self.st.fn_zone && self.st.target == Target::Footnote;
        let before_body = self.st.zone <= Zone::Heading
            && next.is_some_and(|n| matches!(n.kind, BlockKind::Numbered(_)));
        let body_ok = matches!(self.st.zone, Zone::Body | Zone::Author)
            && is_terminal(self.st.last_terminal)
            && !in_fn
            && self.st.prev_blank;
        let bare_designator = designator.as_deref().is_some_and(|d| {
            self.text[r.clone()].trim() == d || self.text[r.clone()].trim() == format!("{d}.")
        });
        if (run_starts
            || (next_starts || (bare_designator && next.is_some()))
                && (designator.is_some()
                    || !matches!(next.map(|n| &n.kind), Some(BlockKind::HeadingLike { .. }))))
            && (before_body || body_ok)
        {
            // a section (part `I`, `A.`, or a heading such as `导言`)
            self.close_heading();
            self.settle(0);
            let mut n = Node::new(NodeKind::Section, r);
            n.label = designator.as_deref().map(Label::new);
            self.section = Some(n);
            self.st.section_restart = true;
            self.st.in_operative = false;
            self.st.target = Target::Section;
            if self.st.zone < Zone::Body {
                self.st.zone = Zone::Body;
            }
            return;
        }
        self.text_block(i, b, r);
    }

    pub(super) fn text_block(&mut self, i: usize, b: &Block, r: Range<usize>) {
        // a lower-case lead the lexer left as text (`demande …`) after a wrapped `1 -`
        if i >= 1
            && matches!(
                self.text[self.blocks[i - 1].start..self.blocks[i - 1].content_end()].trim(),
                "-" | "–" | "—"
            )
            && let Some(m) = self.lex.match_at(&self.text[r.clone()])
        {
            let hit = LeadHit {
                rel: (r.start - b.start) as u32,
                m,
            };
            if let Some((n, digits)) = self.wrapped_dash_number(i, &hit) {
                self.dash_numbered(b, r, &hit, n, digits);
                return;
            }
        }
        if self.st.zone >= Zone::Author && b.line_start && self.is_running_title(i, &r) {
            self.float(Node::new(NodeKind::Furniture, r));
            return;
        }
        if self.st.zone <= Zone::Heading && self.st.heading.is_some() {
            if self.st.heading_run.is_none() || self.st.prev_blank {
                self.st.heading_end_before_run = self.st.heading.as_ref().unwrap().range.end;
                self.st.heading_run = Some(r.start);
            }
            self.open_heading(&r);
            return;
        }
        if self.st.zone <= Zone::Heading && !self.st.saw_body_paragraph {
            // text before anything we recognise: a heading of its own
            self.open_heading(&r);
            self.st.heading_run = Some(r.start);
            return;
        }
        if self.st.pending_lead && self.st.para.is_some() {
            self.st.pending_lead = false;
            // `1.` alone on its line and a verb the lexicon does not know on
            // the next (`Warmly congratulates`): its lead by grammar
            let bare = self.st.para.as_ref().is_some_and(|p| {
                p.kind == NodeKind::Operative && p.lead.is_none() && self.st.subs.is_empty()
            });
            if bare
                && !self.st.fn_zone
                && let Some(lead) = self.operative_grammar_lead(r.clone())
            {
                self.attach_lead(lead, &r);
                return;
            }
        }
        if self.st.target == Target::Footnote && self.st.fn_zone {
            self.extend_target(r);
            return;
        }
        if matches!(self.st.target, Target::Footnote) {
            self.st.target = Target::Body;
        }
        if matches!(self.st.zone, Zone::Title | Zone::Adoption | Zone::Closing)
            && self.st.target == Target::TopLast
        {
            self.settle(0);
            if let Some(n) = self.top.last_mut() {
                extend(&mut n.range, &r);
            }
            return;
        }
        if self.st.target == Target::Section
            && let Some(s) = self.section.as_mut()
            && s.children.is_empty()
        {
            // annex title and text before its first numbered paragraph
            self.settle(1);
            let sec = self.section.as_mut().unwrap();
            extend(&mut sec.range, &r);
            return;
        }
        if let Some(lead) = self.preambular_by_layout(b, &r) {
            self.new_para(NodeKind::Preambular, r.clone(), None, lead);
            self.note_body_text(&r);
            return;
        }
        if self.st.para.is_some() {
            self.st.target = Target::Body;
            self.extend_target(r.clone());
            self.note_body_text(&r);
            return;
        }
        // Body text with no open paragraph: after the author line it is a
        // preambular paragraph without a recognised lead (UN004); in an annex, a
        // paragraph of the annex.
        let kind = match self.st.zone {
            Zone::Annex => NodeKind::Paragraph,
            _ if self.st.in_operative => NodeKind::Operative,
            Zone::Author | Zone::Body => NodeKind::Preambular,
            _ => NodeKind::Paragraph,
        };
        if kind == NodeKind::Operative {
            self.numbered_total += 1;
        }
        // its lead by grammar (`Habiendo considerado`, `S’inspirant`), when
        // the lexicon has none
        let lead = (kind == NodeKind::Preambular)
            .then(|| self.grammar_lead(&r))
            .flatten();
        self.new_para(kind, r.clone(), None, lead);
        self.note_body_text(&r);
    }

    /// Layout opens a preambular paragraph at `r` (see
    /// [`Builder::layout_opens_preambular`]), and the line opens like one: its
    /// lead by grammar, if it has one.
    fn preambular_by_layout(&self, b: &Block, r: &Range<usize>) -> Option<Option<Lead>> {
        if !self.layout_opens_preambular(b) {
            return None;
        }
        let lead = self.grammar_lead(r);
        // a capitalised opening in the languages whose leads are
        // capitalised, a lead by grammar in Russian; a lower-case line
        // after a page break goes on with its paragraph
        let first = self.text[r.clone()]
            .trim_start_matches(['*', '_'])
            .chars()
            .next()
            .unwrap_or(' ');
        let cased = matches!(self.lang, Lang::En | Lang::Fr | Lang::Es);
        let opens = if self.st.page_break {
            // after a page break only a lead by grammar opens one
            lead.is_some() && (!cased || first.is_uppercase())
        } else {
            lead.is_some()
                || match self.lang {
                    _ if cased => first.is_uppercase(),
                    Lang::Ru => false,
                    _ => true,
                }
        };
        opens.then_some(lead)
    }

    /// Layout opens a paragraph: in the preamble, a line after a
    /// blank line (or indented) that follows a preambular paragraph closed
    /// by its comma starts the next one, whether or not the lexicon knows
    /// its lead.
    fn layout_opens_preambular(&self, b: &Block) -> bool {
        b.line_start
            // a blank line before, or the indent of a paragraph's first line
            // (text pasted from Word starts each paragraph with a tab)
            && (self.st.prev_blank || b.indented)
            && !self.st.in_operative
            && !self.st.fn_zone
            && self.st.subs.is_empty()
            && matches!(self.st.zone, Zone::Author | Zone::Body)
            && matches!(self.st.last_terminal, Some(',' | '，' | '،'))
            && self
                .st
                .para
                .as_ref()
                .is_some_and(|p| p.kind == NodeKind::Preambular)
    }

    /// The lead of a paragraph the lexicon has no entry for, by the grammar
    /// of the document's language (`grammar/`), emphasis markers skipped.
    fn grammar_lead(&self, r: &Range<usize>) -> Option<Lead> {
        self.lead_by_grammar(r.clone(), LeadClass::Preambular)
    }

    /// The lead of a numbered operative paragraph whose verb the lexicon
    /// does not know (`Reconoce`, `تقر`, `с признательностью отмечает`),
    /// in `r`, the text after its number.
    pub(super) fn operative_grammar_lead(&self, r: Range<usize>) -> Option<Lead> {
        let s = &self.text[r.clone()];
        let skip = s.len()
            - s.trim_start_matches([' ', '\t', '\u{a0}', '-', '–', '.', ')'])
                .len();
        self.lead_by_grammar(r.start + skip..r.end, LeadClass::Operative)
    }

    fn lead_by_grammar(&self, r: Range<usize>, class: LeadClass) -> Option<Lead> {
        let s = &self.text[r.clone()];
        let skip = s.len() - s.trim_start_matches(['*', '_', ' ', '\t']).len();
        let organ = self.st.meta.organ.as_deref();
        let mut len = match class {
            LeadClass::Preambular => crate::grammar::preambular_lead(self.lang, &s[skip..]),
            _ => crate::grammar::operative_lead(self.lang, &s[skip..], organ),
        }
        .filter(|&n| s.is_char_boundary(skip + n))?;
        // emphasis opened right before the lead (`*Decides`; `_ Decides` is a
        // stray mark)
        let opened = s[..skip].ends_with(['*', '_']);
        if opened {
            // an emphasis opened before the lead runs on to its closing
            // marker (`*تأخذ في الاعتبار*`)
            if let Some((words, _)) = super::text::emphasis_runs_on(&s[skip + len..]) {
                len += words;
            }
        } else {
            // what follows the verb and belongs to it (`Condamne fermement`,
            // `Attendant avec intérêt`), as after a lead the lexicon knows
            len += match crate::grammar::lead_tail(self.lang, &s[skip + len..]) {
                0 => crate::grammar::lead_object(self.lang, &s[skip..skip + len], &s[skip + len..]),
                t => t,
            };
        }
        let start = r.start + skip;
        let text: String = self.text[start..start + len]
            .chars()
            .filter(|c| !matches!(c, '*' | '_'))
            .collect();
        let close = self.text[start + len..r.end].len().saturating_sub(
            self.text[start + len..r.end]
                .trim_start_matches(['*', '_'])
                .len(),
        );
        Some(Lead {
            capitalised: !text.chars().next().is_some_and(char::is_lowercase),
            base: text.clone(),
            text,
            range: start..start + len + close,
            class,
            form: crate::lexicon::LeadForm::Base,
            lang: self.lang,
            emphasis: opened || close > 0,
            class_mismatch: false,
        })
    }

    /// `…du pétrole, 1` / `-` / `demande aux États Membres …` (fr S/RES/665 on a
    /// web page): the number `1 - ` of the next operative paragraph (the shape
    /// of Arabic numbers) with its three pieces wrapped onto three lines. The
    /// number and its byte range, when block `i`, an operative lead, follows a
    /// lone dash line and a line ending `, N` with N the expected number. Looks
    /// two blocks back (within `resume::LOOK_BACK`).
    pub(super) fn wrapped_dash_number(
        &self,
        i: usize,
        hit: &LeadHit,
    ) -> Option<(u32, Range<usize>)> {
        if i < 2
            || !self.blocks[i].line_start
            || self.st.zone == Zone::Annex
            || !self.st.subs.is_empty()
            || !hit.m.has_class(self.lex, LeadClass::Operative)
        {
            return None;
        }
        let p = self.st.para.as_ref()?;
        let (dash, before) = (&self.blocks[i - 1], &self.blocks[i - 2]);
        let dash_text = self.text[dash.start..dash.content_end()].trim_space();
        if !dash.line_start || !matches!(dash_text, "-" | "–" | "—") {
            return None;
        }
        let line = self.text[before.start..before.content_end()].trim_space_end();
        let num = line.trim_end_matches(|c: char| c.is_ascii_digit());
        let n: u32 = line[num.len()..].parse().ok()?;
        let start = before.start + num.len();
        let expected = self.st.last_op.map_or(1, |l| l + 1);
        (n == expected
            && num.ends_with(' ')
            && num.trim_space_end().ends_with([',', ';', ':'])
            && start > p.range.start)
            .then(|| (n, start..before.start + line.len()))
    }

    pub(super) fn dash_numbered(
        &mut self,
        b: &Block,
        r: Range<usize>,
        hit: &LeadHit,
        n: u32,
        digits: Range<usize>,
    ) {
        // the open paragraph ends before the number
        let text = self.text;
        if let Some(p) = self.st.para.as_mut() {
            let kept = text[p.range.start..digits.start].trim_space_end();
            p.range.end = p.range.start + kept.len();
            self.st.last_terminal = terminal_mark(kept);
        }
        self.st.fn_zone = false;
        self.st.in_operative = true;
        self.st.last_op = Some(n);
        self.st.section_restart = false;
        self.st.pending_lead = false;
        self.operative_leads += 1;
        self.numbered_total += 1;
        let lead = self.lead_from(b, hit, LeadClass::Operative);
        self.new_para(
            NodeKind::Operative,
            digits.start..r.end,
            Some((n.to_string(), digits)),
            Some(lead),
        );
        self.note_body_text(&r);
    }
}
