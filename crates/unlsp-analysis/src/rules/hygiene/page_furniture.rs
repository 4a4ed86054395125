//! UN086 `page-furniture`: PDF page furniture left in the text.

use crate::{Ctx, Edit, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN086",
    name: "page-furniture",
    severity: Severity::Information,
    reach: Reach::Document,
    summary: "PDF page furniture left in the text.",
    explanation: "Job numbers (`20-16878 (C)`), barcodes (`*2016878*`), running headers, page numbers, `undocs.org` links and `%%%` subject lines are not part of the text. The fix removes them all.",
    bad: "20-16878 (C)    181220    211220\n*2016878*",
    good: "(removed)",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let furn = cx.tree.nodes_of(NodeKind::Furniture);
    let items: Vec<_> = furn
        .iter()
        .filter(|n| !cx.text[n.range.clone()].trim_start().starts_with("__"))
        .collect();
    let Some(first) = items.first() else { return };
    let edits = items
        .iter()
        .map(|n| {
            // the whole line with its terminator
            let s = cx.text[..n.range.start]
                .rfind(['\n', '\r'])
                .map(|i| i + 1)
                .unwrap_or(0);
            let line_start_ok = cx.text[s..n.range.start].trim().is_empty();
            let mut e = n.range.end;
            let b = cx.text.as_bytes();
            while e < b.len() && (b[e] == b' ' || b[e] == b'\t') {
                e += 1;
            }
            if e < b.len() && b[e] == b'\r' {
                e += 1;
            }
            if e < b.len() && b[e] == b'\n' {
                e += 1;
            }
            Edit {
                range: if line_start_ok { s..e } else { n.range.clone() },
                text: String::new(),
            }
        })
        .collect();
    out.emit(
        first.range.clone(),
        format!(
            "page furniture in the text ({} item{})",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ),
    )
    // not safe: a page break's footnotes stay between the two halves of the
    // paragraph, which the parser then no longer sees as interrupted
    // (tests/rules_fixes.rs found it on eight fixtures)
    .fix("Remove page furniture", edits, false);
}
