//! UN012 `subparagraph-sequence`: Sub-paragraph labels run (a), (b), (c) … and (i), (ii),
//! (iii) … without gaps.

use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::numbers::{label_for, label_ordinal};
use unlsp_syntax::paragraph::nests_siblings;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN012",
    name: "subparagraph-sequence",
    severity: Severity::Error,
    summary: "Sub-paragraph labels run (a), (b), (c) … and (i), (ii), (iii) … without gaps.",
    explanation: "Level 1 is lettered (a)…(z), (aa), (bb); level 2 is roman (i), (ii); French and Spanish write `a)`, `i)` (Editorial Manual, paragraphs and subparagraphs).",
    bad: "(a) To report …;\n(b) To consult …;\n(d) To publish …;",
    good: "(a) To report …;\n(b) To consult …;\n(c) To publish …;",
    check,
    ..RuleDef::DEFAULT
};

fn is_roman_list(labels: &[&str]) -> bool {
    let first: String = labels[0].chars().filter(|c| c.is_alphanumeric()).collect();
    first == "i" && labels.get(1).is_none_or(|l| l.contains("ii"))
}

/// The sub-paragraphs of `n` as one list (see [`nests_siblings`]).
fn sub_list(n: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for c in n
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
    {
        out.push(c);
        if nests_siblings(c) {
            out.extend(sub_list(c));
        }
    }
    out
}

fn check(cx: &Ctx, out: &mut Sink) {
    fn scan(cx: &Ctx, n: &Node, listed: bool, out: &mut Sink) {
        let subs = if listed { Vec::new() } else { sub_list(n) };
        if !subs.is_empty() {
            let labels: Vec<&str> = subs
                .iter()
                .map(|s| s.label.as_deref().unwrap_or(""))
                .collect();
            // items run into the text before the first label at a line start
            // (`…, there are: (a) 1.3 billion …; (b) …`, `(i) …; (ii) …;` then
            // `(iii)` on its own line, GA 80/117): the list goes on from them
            let first = subs[0];
            let lead_in = &cx.text[n.range.start.min(first.range.start)..first.range.start];
            let like = first.label.as_deref().unwrap_or("(a)");
            let roman_label = like
                .trim_matches(|c: char| c == '(' || c == ')')
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x'));
            let roman = is_roman_list(&labels)
                || (roman_label && lead_in.contains(&label_for(1, true, like)));
            let mut expected = 1;
            match label_ordinal(like, roman) {
                Some(v) if v > 1 && lead_in.contains(&label_for(v - 1, roman, like)) => {
                    expected = v
                }
                _ => {
                    while expected < 60 && lead_in.contains(&label_for(expected, roman, like)) {
                        expected += 1;
                    }
                }
            }
            let mut from = n.range.start.min(first.range.start);
            for s in &subs {
                let label = s.label.as_deref().unwrap_or("");
                // numbered items under a lead-in carry on the document's own
                // numbering (`11.` after `10.`): only letters are sequenced
                let lettered = !label.chars().any(|c| c.is_ascii_digit());
                let Some(v) = label_ordinal(label, roman).filter(|_| lettered) else {
                    continue;
                };
                let between = crate::rules::shared::slice(cx.text, from, s.range.start);
                from = s.range.start;
                if v == 1 && expected > 1 {
                    expected = 2; // a second list in the same paragraph
                    continue;
                }
                // the items before it ran inline in the previous one (`…; (c)
                // promoting …; (d) providing …;` then `(e)` at a line start,
                // GA 80/117; SC 1454 (2002))
                let inline = v > expected
                    && (expected..v).all(|k| {
                        between.contains(&label_for(k, roman, s.label.as_deref().unwrap_or("(a)")))
                    });
                if v != expected && !inline {
                    let want = label_for(expected, roman, s.label.as_deref().unwrap_or("(a)"));
                    out.emit(
                        s.label_range.clone().unwrap_or(s.range.clone()),
                        format!(
                            "sub-paragraph {} out of sequence: expected {want}",
                            s.label.as_deref().unwrap_or("")
                        ),
                    )
                    .fix_one(
                        format!("Relabel as {want}"),
                        s.label_range.clone().unwrap_or(s.range.clone()),
                        want.clone(),
                        false,
                    );
                }
                expected = v + 1;
            }
        }
        for c in &n.children {
            scan(cx, c, nests_siblings(c), out);
        }
    }
    for n in &cx.tree.nodes {
        scan(cx, n, false, out);
    }
}
