//! The language-specific rules on real text: UN081 (Arabic preamble conjunction)
//! and UN082 (gender agreement with the author). The passing fixtures are real
//! texts (the Arabic column of A/AC.109/2019/L.18, GA; S/RES/381 (1975) in Arabic,
//! SC); the failing ones are one-word mutations of them, and the rule's fix turns
//! each failing text back into the real one.

use std::path::Path;
use unlsp::cli::fix::apply_edits;
use unlsp_analysis::{Diagnostic, check};
use unlsp_syntax::{Document, Lang};

/// A fixture without the `⟦…⟧` span markers of `tests/rules_fixtures.rs`.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(name),
    )
    .unwrap()
    .replace(['⟦', '⟧'], "")
}

fn diags(text: &str, code: &str) -> Vec<Diagnostic> {
    check(&Document::new(text), &Default::default())
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

fn fails_then_fix_restores(code: &str) {
    let pass = fixture(&format!("{code}/pass.txt"));
    let fail = fixture(&format!("{code}/fail.txt"));
    assert_eq!(Document::new(&pass).lang(), Lang::Ar);
    assert!(
        diags(&pass, code).is_empty(),
        "{code} fires on the real text"
    );
    let got = diags(&fail, code);
    assert_eq!(got.len(), 1, "{code}: {got:?}");
    let fix = got[0].fix.as_ref().expect("a fix");
    assert!(fix.safe);
    assert_eq!(apply_edits(&fail, &fix.edits), pass);
}

#[test]
fn un081_on_the_arabic_column_of_a_ac_109_2019_l_18() {
    fails_then_fix_restores("UN081");
}

#[test]
fn un082_on_s_res_381_in_arabic() {
    fails_then_fix_restores("UN082");
}

#[test]
fn un082_on_the_real_french_and_russian_council_pages() {
    // The Council's own pages carry no adjectival lead in the wrong gender.
    let Some(root) = unlsp_corpus::shared("corpus/pages") else {
        return;
    };
    for f in ["fr/sc-draft-iraq-2003.txt", "ru/S_RES_1518_2003.txt"] {
        let text = std::fs::read_to_string(root.join(f)).unwrap();
        assert!(diags(&text, "UN082").is_empty(), "{f}");
        // the same page with the Assembly's feminine form of a lead fires
        let (from, to) = if f.starts_with("fr") {
            (
                "Le Conseil de sécurité,\n",
                "Le Conseil de sécurité,\n\nConvaincue que la situation demeure grave,\n",
            )
        } else {
            (
                "Совет Безопасности,\n",
                "Совет Безопасности,\n\nбудучи глубоко обеспокоена положением,\n",
            )
        };
        let mutated = text.replacen(from, to, 1);
        assert_ne!(mutated, text, "{f}");
        let d = diags(&mutated, "UN082");
        assert_eq!(d.len(), 1, "{f}: {d:?}");
    }
}
