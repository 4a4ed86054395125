//! After any sequence of edits the incrementally maintained tree equals a fresh
//! parse of the same text. Edits are random, biased towards the ones that change
//! structure: splitting and merging lines and paragraphs, renumbering, inserting
//! leads, CJK text, footnote digits and CRLF.

use proptest::prelude::*;
use std::path::Path;
use unlsp::syntax::Document;

fn sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["../shared/seeds", "tests/fixtures/outline"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            let mut files: Vec<_> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for f in files {
                out.push(std::fs::read_to_string(f).unwrap());
            }
        }
    }
    for f in [
        "A_RES_79_100.txt",
        "A_RES_78_253.txt",
        "S_RES_1445_2002.txt",
        "A_C.1_80_L.10.txt",
    ] {
        if let Ok(t) = std::fs::read_to_string(root.join("../shared/corpus/texts/en").join(f)) {
            out.push(t);
        }
    }
    if out.is_empty() {
        out.push("The General Assembly,\nRecalling its resolution 61/100,\n1. Decides to act;\n2. Requests a report.\n".into());
    }
    out
}

const INSERTS: &[&str] = &[
    "",
    "\n",
    "\n\n",
    " ",
    "\r\n",
    "\r",
    "1. ",
    "2. ",
    "\n3. Decides ",
    "\n7. ",
    ", Recalling ",
    "; ",
    ";6 ",
    "；",
    "，",
    "。",
    "回顾",
    "又欢迎",
    "满意 地 回顾",
    "\n(a) ",
    "(ii) ",
    "resolution 61/100 of 6 December 2006",
    "第 61/100 号决议",
    "¹",
    "2",
    "A/RES/62/57",
    "A/CONF. 192/15",
    "__________________\n1 See A/62/1.\n",
    "\nThe General Assembly,\n",
    "Welcoming also ",
    "Also requests ",
    "**鼓励**",
    "\nI\n",
    "\nAnnex\n",
    "61st plenary meeting\n5 December 2007\n",
    "大会，",
];

#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    del: usize,
    ins: usize,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        0.0f64..1.0,
        prop_oneof![Just(0usize), 0usize..3, 0usize..40],
        0..INSERTS.len(),
    )
        .prop_map(|(at, del, ins)| Edit { at, del, ins })
}

fn char_floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn check_equal(doc: &Document, step: &str) {
    let fresh = Document::new(doc.text());
    if doc.tree() != fresh.tree() {
        // find the first difference for a readable failure
        let a = format!("{:#?}", doc.tree());
        let b = format!("{:#?}", fresh.tree());
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let ctx_a: Vec<&str> = a.lines().skip(line.saturating_sub(8)).take(16).collect();
        let ctx_b: Vec<&str> = b.lines().skip(line.saturating_sub(8)).take(16).collect();
        panic!(
            "after {step}: incremental tree differs from a fresh parse\n--- incremental\n{}\n--- fresh\n{}",
            ctx_a.join("\n"),
            ctx_b.join("\n")
        );
    }
    let strip = |d: &Document| {
        d.blocks()
            .iter()
            .map(|b| (b.start, b.len, b.kind.clone(), b.line_start))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(doc), strip(&fresh), "after {step}: blocks differ");
    assert_eq!(doc.rope().to_string(), doc.text(), "rope and text diverged");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 200, .. ProptestConfig::default() })]

    #[test]
    fn edits_equal_fresh_parse(src in 0usize..64, edits in proptest::collection::vec(edit_strategy(), 1..12)) {
        let sources = sources();
        let text = &sources[src % sources.len()];
        let mut doc = Document::new(text);
        for (k, e) in edits.iter().enumerate() {
            let len = doc.text().len();
            let start = char_floor(doc.text(), (e.at * len as f64) as usize);
            let end = char_floor(doc.text(), start + e.del);
            let ins = INSERTS[e.ins];
            doc.edit(start..end, ins);
            check_equal(&doc, &format!("edit {k}: {start}..{end} ← {ins:?}"));
        }
    }
}

#[test]
fn out_of_range_and_mid_char_edits_clamp() {
    let mut doc = Document::new("大会，\n回顾其决议，\n1. 决定继续审议；\n");
    doc.edit(1..2, "x"); // inside 大
    doc.edit(10_000..20_000, "\n2. 请秘书长报告。");
    check_equal(&doc, "clamped edits");
    assert!(doc.text().ends_with("2. 请秘书长报告。"));
}

#[test]
fn renumbering_splits_and_merges() {
    let text = "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006,\n\n1. Decides to act;\n\n2. Requests a report;\n\n3. Decides to remain seized of the matter.\n";
    let mut doc = Document::new(text);
    let at = doc.text().find("2. Requests").unwrap();
    doc.edit(at..at + 1, "5");
    check_equal(&doc, "renumber 2→5");
    let at = doc.text().find("\n\n5. Requests").unwrap();
    doc.edit(at..at + 2, " ");
    check_equal(&doc, "merge paragraphs");
    let at = doc.text().find(" 5. Requests").unwrap();
    doc.edit(at..at + 1, "\n\n");
    check_equal(&doc, "split again");
}
