//! `analysis::parallel` never panics: every page of `../shared/corpus/pages`
//! (six languages, web chrome, truncations) against every other, each split
//! as a bilingual file, and hostile fragments (skipped without the corpus for
//! the pages, always for the fragments).

use unlsp_analysis::parallel::{Version, compare, segment_class, split_bitext};
use unlsp_syntax::{Document, Lang};

fn version(d: &Document) -> Version<'_> {
    Version {
        name: "x",
        text: d.text(),
        tree: d.tree(),
    }
}

fn check_all(texts: &[String]) {
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    for a in &docs {
        for b in &docs {
            for d in compare(&[version(a), version(b)]) {
                for p in &d.places {
                    let t = if p.version == 0 { a.text() } else { b.text() };
                    assert!(p.range.start <= p.range.end && p.range.end <= t.len());
                    assert!(t.is_char_boundary(p.range.start) && t.is_char_boundary(p.range.end));
                    assert!(p.unit.end <= t.len());
                }
            }
        }
    }
    for t in texts {
        let parts = split_bitext(t);
        for p in &parts {
            for o in 0..=p.text.len() {
                assert!(p.to_original(o) <= t.len());
            }
        }
        for l in Lang::ALL {
            let _ = segment_class(t, l);
        }
    }
}

#[test]
fn hostile_fragments() {
    let frags: Vec<String> = [
        "",
        "1.",
        "(",
        "(a)",
        "1. 决定",
        "\u{feff}大会，\n1. 请\n(a)\n(c)\n(b)\n",
        "12345678901234567890 1514 (XV) of 14 December 196",
        "إن الجمعية العامة،\n1 - تقرر\n(هـ) ؛",
        "Recalling,\n\n1. Decides:\n(a) x;\n(i) y;\n(ii) z;\n(b) w.\n\n1. Decides again.\n",
        "A/AC.109/2019/L.18A/AC.109/2019/L.18\nX中\n中X\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    check_all(&frags);
}

#[test]
fn every_corpus_page_against_every_other() {
    let Some(dir) = unlsp_corpus::shared("corpus/pages") else {
        return;
    };
    let langs = std::fs::read_dir(&dir).unwrap();
    let mut texts = Vec::new();
    for l in langs.flatten() {
        for f in std::fs::read_dir(l.path()).into_iter().flatten().flatten() {
            if let Ok(t) = std::fs::read_to_string(f.path()) {
                texts.push(t);
            }
        }
    }
    assert!(texts.len() >= 20);
    check_all(&texts);
}
