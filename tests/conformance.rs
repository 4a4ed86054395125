//! The conformance harness on a fixed sample (every tenth AKN file of each
//! language folder, both halves of the split, every shape, and the PDF
//! extractions of the English ones), under the floors of
//! `tests/conformance/floors.tsv`: for each shape and field, the least share
//! of documents (or of leads; F1 for citations) every language and half must
//! reach. The table is written to `target/conformance-sample.txt`, which
//! `scripts/test-all.sh` prints; the full sweep is the report binary
//! (`cargo run --release --bin conformance`).

use std::path::Path;
use unlsp::conformance::{self, Half, Options, Source, render::Shape};

struct Floor {
    shape: String,
    field: String,
    min: f64,
}

fn floors() -> Vec<Floor> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/floors.tsv");
    let text = std::fs::read_to_string(&p).expect("tests/conformance/floors.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "floors.tsv: shape, field, min: {l}");
            Floor {
                shape: f[0].to_string(),
                field: f[1].to_string(),
                min: f[2].parse().expect("a number"),
            }
        })
        .collect()
}

#[test]
fn the_sample_meets_its_floors() {
    if unlsp_corpus::shared("corpus/akn").is_none() {
        return;
    }
    let root = unlsp_corpus::shared_root().join("corpus");
    let opts = Options {
        akn: root.join("akn"),
        texts: Some(root.join("texts/en")),
        every: 10,
        langs: Vec::new(),
        shapes: Shape::ALL.to_vec(),
    };
    let report = conformance::run(&opts);
    let table = format!("{}{}", report.table(), report.notes());
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/conformance-sample.txt");
    let _ = std::fs::write(&out, &table);
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
        for half in [Half::Tune, Half::Measure] {
            let key = (half, lang.to_string(), Source::Rendered(Shape::Clean));
            assert!(
                report.tallies.get(&key).is_some_and(|t| t.docs >= 10),
                "the sample lacks {lang} {half:?}"
            );
        }
    }
    let mut failures = Vec::new();
    for f in floors() {
        for ((half, lang, src), t) in &report.tallies {
            if src.name() != f.shape {
                continue;
            }
            let got = match f.field.as_str() {
                "lead_exact" => t.lead_exact(),
                "lead_prefix" => t.lead_prefix(),
                "cite_f1" => t.cite_f1(),
                "ew_per_doc" => -t.per_doc(t.errors_warnings),
                "fn_diags_per_doc" => -t.per_doc(t.footnote_diags),
                field => t.rate(field),
            };
            // per-document counts are ceilings, written as negative floors
            if got + 1e-9 < f.min {
                failures.push(format!(
                    "{half:?} {lang} {}: {} {got:.3} below {}",
                    f.shape, f.field, f.min
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}\n\n{table}", failures.join("\n"));
}

/// Slips of the Arabic markup read back as the printed text has them: the
/// last preambular paragraph placed unnumbered in `<mainBody>` (S/RES/2642
/// (2022), A/RES/79/119, A/RES/79/131) and sub-paragraphs made paragraphs of
/// their own (`<num>(أ)</num>`, S/RES/2631 (2022)). After the repair the
/// Arabic gold counts what the English markup of the same resolution counts.
#[test]
fn arabic_markup_slips_are_read_back_as_the_english_counts() {
    if unlsp_corpus::shared("corpus/akn").is_none() {
        return;
    }
    let root = unlsp_corpus::shared_root().join("corpus/akn");
    let counts = |r: &unlsp_formats::akn::read::Resolution| {
        (
            r.preambular().count(),
            r.operative().count(),
            r.point_count(),
        )
    };
    let mut repaired = (0, 0);
    for f in [
        "sc/{}/S_RES_2642_2022.xml.gz",
        "sc/{}/S_RES_2631_2022.xml.gz",
        "ga/{}/A_RES_79_119.xml.gz",
        "ga/{}/A_RES_79_131.xml.gz",
    ] {
        let read =
            |lang: &str| conformance::akn::read_gz(&root.join(f.replace("{}", lang))).unwrap();
        let (ar, en) = (read("ar"), read("en"));
        assert_eq!(counts(&ar), counts(&en), "{f}");
        repaired.0 += ar.preambular_in_body;
        repaired.1 += ar.points_in_body;
        // the English markup needs no repair
        assert_eq!((en.preambular_in_body, en.points_in_body), (0, 0), "{f}");
    }
    assert_eq!(repaired.0, 3);
    assert!(repaired.1 >= 7, "{repaired:?}");
}
