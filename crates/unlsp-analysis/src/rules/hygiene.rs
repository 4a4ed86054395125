//! E. Document hygiene (input artefacts).

use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Edit, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::{DocKind, NodeKind};

pub const UN085: RuleDef = RuleDef {
    id: "UN085",
    name: "not-a-resolution",
    severity: Severity::Information,
    default_on: true,
    scopes: &[DocKind::Other],
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The text is not a resolution; resolution rules are off.",
    explanation: "Numbered paragraphs without operative verbs, section headings such as `Introduction`/`导言`: the document is a report or other text, so only the generic rules (symbols, citations, punctuation balance, footnotes) run.",
    bad: "1. 2011 年第四次审查会议商定了……",
    good: "(informational)",
    check: un085,
};

fn un085(cx: &Ctx, out: &mut Sink) {
    let start = cx
        .tree
        .nodes
        .iter()
        .find(|n| n.kind != NodeKind::Furniture)
        .map(|n| n.range.start)
        .unwrap_or(0);
    let end = cx.text[start..]
        .find(['\n', '\r'])
        .map(|i| start + i)
        .unwrap_or(cx.text.len());
    out.emit(
        start..end,
        "not a resolution (numbered paragraphs without operative verbs): only generic rules apply",
    );
}

pub const UN086: RuleDef = RuleDef {
    id: "UN086",
    name: "page-furniture",
    severity: Severity::Information,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "PDF page furniture left in the text.",
    explanation: "Job numbers (`20-16878 (C)`), barcodes (`*2016878*`), running headers, page numbers, `undocs.org` links and `%%%` subject lines are not part of the text. The fix removes them all.",
    bad: "20-16878 (C)    181220    211220\n*2016878*",
    good: "(removed)",
    check: un086,
};

fn un086(cx: &Ctx, out: &mut Sink) {
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

pub const UN087: RuleDef = RuleDef {
    id: "UN087",
    name: "furniture-inconsistency",
    severity: Severity::Information,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "Barcode and job number disagree, or the job number's language letter is not the text's.",
    explanation: "`*2016878*` repeats the job number `20-16878` without the hyphen; the letter in `(C)` names the language version (E, F, S, R, A, C).",
    bad: "20-16878 (E) on a Chinese text",
    good: "20-16878 (C) on a Chinese text",
    check: un087,
};

fn un087(cx: &Ctx, out: &mut Sink) {
    let furn = cx.tree.nodes_of(NodeKind::Furniture);
    static JOB: Pattern =
        Pattern::new(|| regex::Regex::new(r"(\d{2})-(\d{5})\s*\(([EFSRAC])\)").unwrap());
    let re_job = cx.re(&JOB);
    let mut job: Option<(String, char, std::ops::Range<usize>)> = None;
    for n in &furn {
        let t = &cx.text[n.range.clone()];
        if let Some(c) = re_job.captures(t) {
            let letter = c[3].chars().next().unwrap();
            job = Some((format!("{}{}", &c[1], &c[2]), letter, n.range.clone()));
            let want = match cx.lang {
                unlsp_syntax::Lang::En => 'E',
                unlsp_syntax::Lang::Fr => 'F',
                unlsp_syntax::Lang::Es => 'S',
                unlsp_syntax::Lang::Ru => 'R',
                unlsp_syntax::Lang::Ar => 'A',
                unlsp_syntax::Lang::Zh => 'C',
            };
            if letter != want {
                out.emit(
                    n.range.clone(),
                    format!(
                        "job number marked `({letter})` on a text in {}: expected `({want})`",
                        cx.lang.table().name
                    ),
                );
            }
            break;
        }
    }
    if let Some((digits, _, jr)) = job {
        for n in &furn {
            let t = cx.text[n.range.clone()].trim();
            if t.starts_with('*') && t.ends_with('*') && t.len() > 2 && t[1..t.len() - 1] != digits
            {
                out.emit(
                    n.range.clone(),
                    format!(
                        "barcode {t} does not match job number {}-{}",
                        &digits[..2],
                        &digits[2..]
                    ),
                )
                .related(jr.clone(), "job number");
            }
        }
    }
}
