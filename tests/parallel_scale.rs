//! `analysis::parallel` aligns long documents with bounded work: two versions
//! of 20,000 numbered paragraphs (the operative paragraphs of a real
//! resolution repeated and renumbered) cost a number of score evaluations
//! linear in their length, and the alignment still finds what differs.
//! Skipped with a note without `../shared/corpus`.

use unlsp_analysis::align::Work;
use unlsp_analysis::parallel::{DiffKind, Version, compare_pair_with};
use unlsp_syntax::Document;

const PARAGRAPHS: usize = 20_000;

/// The first words of each operative paragraph of A/RES/79/144.
fn paragraphs() -> Option<Vec<String>> {
    let dir = unlsp_corpus::shared("corpus")?;
    let text = std::fs::read_to_string(dir.join("texts/en/A_RES_79_144.txt")).ok()?;
    let doc = Document::new(&text);
    let ops = doc.tree().nodes_of(unlsp_syntax::tree::NodeKind::Operative);
    let out: Vec<String> = ops
        .iter()
        .filter_map(|n| {
            let body = text.get(n.range.clone())?;
            let body = body.split_once(". ").map_or(body, |(_, b)| b);
            let words: Vec<&str> = body.split_whitespace().take(8).collect();
            (words.len() == 8).then(|| words.join(" ").trim_end_matches([',', ';']).to_string())
        })
        .collect();
    (out.len() > 100).then_some(out)
}

/// A resolution of `PARAGRAPHS` numbered paragraphs; `edit` may change one.
fn document(paras: &[String], edit: impl Fn(usize, &str) -> Option<String>) -> String {
    let mut out = String::from("The General Assembly,\n\n");
    for i in 0..PARAGRAPHS {
        let p = &paras[i % paras.len()];
        if let Some(p) = edit(i, p) {
            out.push_str(&format!("{}. {p};\n\n", i + 1));
        }
    }
    out
}

fn compare(a: &str, b: &str) -> (Vec<DiffKind>, u64) {
    let (da, db) = (Document::new(a), Document::new(b));
    fn v(d: &Document) -> Version<'_> {
        Version {
            name: "en",
            text: d.text(),
            tree: d.tree(),
        }
    }
    let (diffs, work) = compare_pair_with(&v(&da), &v(&db), 0, 1, Work::new());
    (diffs.iter().map(|d| d.kind).collect(), work.cells())
}

#[test]
fn twenty_thousand_paragraphs_align_in_linear_work() {
    let Some(paras) = paragraphs() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    let a = document(&paras, |_, p| Some(p.to_string()));
    let n = (2 * PARAGRAPHS) as u64;
    // one word changed: the versions agree
    let b = document(&paras, |i, p| {
        Some(if i == PARAGRAPHS / 2 {
            p.replacen(' ', " also ", 1)
        } else {
            p.to_string()
        })
    });
    let (kinds, cells) = compare(&a, &b);
    assert!(kinds.is_empty(), "{kinds:?}");
    assert!(
        cells <= 4 * n,
        "{cells} score evaluations for {n} paragraphs"
    );
    // one paragraph left out: found as missing, nothing else
    let b = document(&paras, |i, p| (i != 5_000).then(|| p.to_string()));
    let (kinds, cells) = compare(&a, &b);
    assert_eq!(kinds, [DiffKind::MissingParagraph]);
    assert!(
        cells <= 4 * n,
        "{cells} score evaluations for {n} paragraphs"
    );
}
