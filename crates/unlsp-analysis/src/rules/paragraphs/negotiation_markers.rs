//! UN036 `negotiation-markers`: Square-bracketed alternatives, `bis`/`ter` numbers and `alt.`
//! do not survive adoption.

use crate::pattern::Pattern;
use crate::rules::shared::{all_of, units, view};
use crate::{Ctx, RES_ONLY, RuleDef, Sink};
use regex::Regex;
use std::ops::Range;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN036",
    name: "negotiation-markers",
    scopes: RES_ONLY,
    summary: "Square-bracketed alternatives, `bis`/`ter` numbers and `alt.` do not survive adoption.",
    explanation: "Negotiation drafts mark alternatives in square brackets (`[Requests/Invites]`), insert paragraphs as `5 bis` and label variants `alt.`; an adopted text resolves them and renumbers (Editorial Manual, alternative versions of a paragraph).",
    bad: "5 bis. [Requests/Invites] the Secretary-General to report;",
    good: "6. Requests the Secretary-General to report;",
    check,
    ..RuleDef::DEFAULT
};

static NEGOTIATION: Pattern = Pattern::new(|| {
    Regex::new(r"\[(?:…|\.\.\.|\s*)\]|\[[A-Z][a-z]+(?:\s[a-z]+)?/[A-Z][a-z]+(?:\s[a-z]+)?\]|(?-u:\b)\d{1,3}\s?(?:bis|ter|quater)(?-u:\b)\.?|(?-u:\b)[Aa]lt\.\s?\d").unwrap()
});

/// The words before a number name a provision of a legal text (`article`,
/// `section`, `rule`), past the other numbers of the same list (`articles 499
/// bis and 500 bis`): `500 bis` after them is that provision.
fn names_a_provision(before: &str) -> bool {
    let word = before
        .split_whitespace()
        .rev()
        .take(8)
        .map(|w| w.trim_end_matches(',').to_lowercase())
        .find(|w| {
            !(matches!(w.as_str(), "and" | "or" | "bis" | "ter" | "quater")
                || w.chars().all(|c| c.is_ascii_digit()))
        })
        .unwrap_or_default();
    matches!(
        word.as_str(),
        "article"
            | "articles"
            | "art."
            | "section"
            | "sections"
            | "rule"
            | "rules"
            | "regulation"
            | "regulations"
    )
}

fn check(cx: &Ctx, out: &mut Sink) {
    // `5 bis.` as a paragraph label is reported once, as a label (below)
    let labels: Vec<Range<usize>> = all_of(cx, NodeKind::Operative)
        .iter()
        .filter_map(|p| p.label_range.clone())
        .collect();
    for n in units(cx) {
        if matches!(n.kind, NodeKind::Adoption | NodeKind::Footnote) {
            continue;
        }
        let v = view(cx, n);
        for m in cx.re(&NEGOTIATION).find_iter(&v.s) {
            let r = v.range(m.range());
            if labels.iter().any(|l| l.start < r.end && r.start < l.end) {
                continue;
            }
            // `article 499 bis and article 500 bis of the Islamic Penal Code`
            // (GA 78/220): the number of a legal provision, not a marker
            if m.as_str().contains(|c: char| c.is_ascii_digit())
                && names_a_provision(&v.s[..m.start()])
            {
                continue;
            }
            out.emit(
                v.range(m.range()),
                format!(
                    "negotiation marker `{}` in an adopted text: resolve the alternative and renumber",
                    m.as_str()
                ),
            );
        }
    }
    // `5 bis.` as a paragraph label
    for p in all_of(cx, NodeKind::Operative) {
        if let (Some(l), Some(r)) = (&p.label, &p.label_range)
            && (l.contains("bis") || l.contains("ter"))
        {
            out.emit(
                r.clone(),
                format!("paragraph numbered `{l}`: renumber the paragraphs"),
            );
        }
    }
}
