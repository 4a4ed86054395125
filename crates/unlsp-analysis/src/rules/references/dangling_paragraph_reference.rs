//! UN033 `dangling-paragraph-reference`: `paragraph 7 above` points to an existing paragraph.

use crate::rules::shared::operative_groups;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use std::collections::HashSet;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN033",
    name: "dangling-paragraph-reference",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "`paragraph 7 above` points to an existing paragraph.",
    explanation: "References such as `paragraph 7 above`, `paragraph 3 (b) of the present resolution`, `本决议第 7 段` must name a paragraph (and sub-paragraph) that exists.",
    bad: "(13 paragraphs) as requested in paragraph 15 above",
    good: "(13 paragraphs) as requested in paragraph 12 above",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let groups = operative_groups(cx);
    if groups.is_empty() {
        return;
    }
    let mut numbers: HashSet<u32> = groups
        .iter()
        .flatten()
        .filter_map(|n| n.label.as_deref()?.parse().ok())
        .collect();
    // numbered items outside the operative part are paragraphs too: the
    // numbered clauses of a single `Resolves that:` (GA 78/256, Working
    // Capital Fund) and the paragraphs of an annex, which its own text cites
    // (SC 1454 (2002), the Goods Review List procedures)
    cx.tree.walk(|n, _| {
        if let Some(v) = n
            .label
            .as_deref()
            .and_then(|l| l.trim_end_matches('.').parse().ok())
        {
            numbers.insert(v);
        }
    });
    let max = groups.iter().map(|g| g.len()).max().unwrap_or(0) as u32;
    for r in &cx.tree.paragraph_refs {
        if r.of_citation.is_some() {
            continue;
        }
        let written = &cx.text[r.range.clone()];
        let internal = written.ends_with("above")
            || written.ends_with("below")
            || written.contains("present resolution")
            || written.contains("上文")
            || written.contains("下文")
            || written.contains("本决议");
        if !internal {
            continue;
        }
        if !numbers.contains(&r.number) && r.number > max {
            out.emit(
                r.number_range.clone(),
                format!(
                    "paragraph {} does not exist: the text has {max} operative paragraphs",
                    r.number
                ),
            );
            continue;
        }
        if let Some(sub) = &r.sub {
            let para = groups
                .iter()
                .flatten()
                .find(|n| n.label.as_deref().and_then(|l| l.parse::<u32>().ok()) == Some(r.number));
            if let Some(p) = para {
                let subs: Vec<&str> = p
                    .children
                    .iter()
                    .filter(|c| c.kind == NodeKind::Subparagraph)
                    .filter_map(|c| c.label.as_deref())
                    .collect();
                if !subs.is_empty() && !subs.iter().any(|l| l.trim_matches(['(', ')']) == sub) {
                    out.emit(
                        r.range.clone(),
                        format!("paragraph {} has no sub-paragraph ({sub})", r.number),
                    );
                }
            }
        }
    }
}
