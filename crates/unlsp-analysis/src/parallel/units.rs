//! The paragraphs to align, with their label ordinal, lead and facts.

use super::facts::{Facts, inside, set};
use super::version::Version;
use std::collections::BTreeSet;
use unlsp_syntax::lexicon::{LeadClass, lexicon};
use unlsp_syntax::numbers::label_ordinal;
use unlsp_syntax::tree::{Node, NodeKind};

/// A paragraph to align.
pub(super) struct Unit<'t> {
    pub(super) node: &'t Node,
    /// Ordinal of the label: `5` for `5.`, 2 for `(b)`, `б)`, `(ب)`.
    pub(super) ord: Option<u32>,
    pub(super) gloss: Vec<String>,
    pub(super) class: Option<LeadClass>,
    pub(super) facts: Facts,
    /// The cited resolutions, and the numbers with the dates (ISO): what
    /// the alignment compares.
    pub(super) cites: BTreeSet<String>,
    pub(super) nums: BTreeSet<String>,
    /// Share of its sequence's text.
    pub(super) weight: f64,
}

pub(super) fn units<'t>(v: &Version, nodes: &[&'t Node]) -> Vec<Unit<'t>> {
    let roman = nodes
        .first()
        .and_then(|n| n.label.as_deref())
        .is_some_and(|l| strip_label(l) == "i");
    let total: usize = nodes.iter().map(|n| n.range.len()).sum::<usize>().max(1);
    nodes
        .iter()
        .map(|n| {
            Unit::new(
                n,
                Facts::of(v, n),
                n.label.as_deref().and_then(|l| label_ordinal(l, roman)),
                n.range.len() as f64 / total as f64,
            )
        })
        .collect()
}

pub(super) fn strip_label(l: &str) -> String {
    l.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | '.' | '-' | '[' | ']' | '．')
    })
    .to_lowercase()
}

/// The English glosses of a lead's base entry (`决定` → `decides`), lower case.
fn lead_glosses(l: &unlsp_syntax::tree::Lead) -> Vec<String> {
    let lex = lexicon();
    let e = lex
        .base_entries(l.lang, l.class)
        .find(|e| e.phrase == l.base || e.phrase.eq_ignore_ascii_case(&l.base));
    let gloss = match e {
        Some(e) if !e.gloss.trim().is_empty() => e.gloss.clone(),
        _ => l.base.clone(),
    };
    gloss
        .split('/')
        .map(|g| {
            let g = g.trim().to_lowercase();
            // `Taking note of` is the gloss of `Taking note`
            let g = g.strip_suffix(" of").unwrap_or(&g);
            g.trim().to_string()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

pub(super) fn subs_of(n: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for c in n
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
    {
        if !promoted(n, c) {
            out.push(c);
        }
        out.extend(
            c.children
                .iter()
                .filter(|g| g.kind == NodeKind::Subparagraph && promoted(c, g)),
        );
    }
    out
}

/// A lettered sub-paragraph that the parser nested under the previous letter
/// because a letter is missing (`(a)` then `(c)`): a sibling for alignment.
fn promoted(parent: &Node, child: &Node) -> bool {
    if parent.kind != NodeKind::Subparagraph {
        return false;
    }
    let letter = |n: &Node| {
        let l = n.label.as_deref().map(strip_label).unwrap_or_default();
        let roman_looking = !l.is_empty() && l.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        (!roman_looking).then(|| label_ordinal(&l, false)).flatten()
    };
    matches!((letter(parent), letter(child)), (Some(p), Some(c)) if c > p)
}

impl<'t> Unit<'t> {
    fn new(node: &'t Node, facts: Facts, ord: Option<u32>, weight: f64) -> Unit<'t> {
        let mut nums = set(&facts.numbers);
        nums.extend(facts.dates.iter().map(|(d, _)| d.iso()));
        Unit {
            node,
            ord,
            gloss: node.lead.as_deref().map(lead_glosses).unwrap_or_default(),
            class: node.lead.as_ref().map(|l| l.class),
            cites: set(&facts.citations),
            nums,
            facts,
            weight,
        }
    }

    pub(super) fn footnote(v: &Version, n: &'t Node) -> Unit<'t> {
        // a footnote's own citations are marked `in_footnote`: count them here
        let pieces = unlsp_syntax::document::own_pieces(n);
        let mut facts = Facts::of(v, n);
        for c in &v.tree.citations {
            if c.in_footnote && inside(&pieces, &c.range) {
                let list = if c.kind == unlsp_syntax::tree::CitationKind::Document {
                    &mut facts.symbols
                } else {
                    &mut facts.citations
                };
                list.push((c.target.clone(), c.range.clone()));
                if let Some(d) = c.date {
                    facts
                        .dates
                        .push((d, c.date_range.clone().unwrap_or(c.range.clone())));
                }
            }
        }
        Unit {
            gloss: Vec::new(),
            class: None,
            ..Unit::new(n, facts, None, 0.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unlsp_syntax::Document;

    #[test]
    fn labels_are_compared_by_ordinal() {
        assert_eq!(label_ordinal("(b)", false), Some(2));
        assert_eq!(label_ordinal("б)", false), Some(2));
        assert_eq!(label_ordinal("(ب)", false), Some(2));
        assert_eq!(label_ordinal("(هـ)", false), Some(5));
        assert_eq!(label_ordinal("(aa)", false), Some(27));
        assert_eq!(label_ordinal("(iv)", true), Some(4));
        assert_eq!(label_ordinal("12.", false), Some(12));
    }

    #[test]
    fn gloss_links_leads_across_languages() {
        let en =
            Document::new("The General Assembly,\n\n1. Decides to remain seized of the matter.\n");
        let zh = Document::new("大会，\n\n1. 决定继续处理此案。\n");
        let g = |d: &Document| {
            lead_glosses(
                d.tree().nodes_of(NodeKind::Operative)[0]
                    .lead
                    .as_ref()
                    .unwrap(),
            )
        };
        assert!(
            g(&en).iter().any(|x| g(&zh).contains(x)),
            "{:?} {:?}",
            g(&en),
            g(&zh)
        );
    }
}
