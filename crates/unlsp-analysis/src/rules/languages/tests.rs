//! The language rules on the examples of their explanations.

use unlsp_syntax::Document;

fn codes(text: &str) -> Vec<(&'static str, String)> {
    crate::check(&Document::new(text), &Default::default())
        .into_iter()
        .filter(|d| d.code == "UN081" || d.code == "UN082")
        .map(|d| (d.code, d.message))
        .collect()
}

#[test]
fn spec_examples_of_un082() {
    // the explanation of UN082: French, Spanish and Arabic examples
    for bad in [
        "Le Conseil de sécurité,\nConvaincue que la situation constitue une menace,\n1. Décide de rester saisi de la question.\n",
        "El Consejo de Seguridad,\nProfundamente preocupada por la situación,\n1. Decide seguir ocupándose de la cuestión.\n",
        "إن مجلس الأمن،\nإذ تشير إلى قراراته السابقة،\n1 - يقرر أن يبقي المسألة قيد نظره.\n",
        "Совет Безопасности,\nбудучи глубоко обеспокоена положением,\n1. постановляет продолжать заниматься этим вопросом.\n",
    ] {
        let got = codes(bad);
        assert!(got.iter().any(|(c, _)| *c == "UN082"), "{bad}: {got:?}");
    }
    for good in [
        "Le Conseil de sécurité,\nConvaincu que la situation constitue une menace,\n1. Décide de rester saisi de la question.\n",
        "L'Assemblée générale,\nConvaincue que la situation constitue une menace,\n1. Décide de rester saisie de la question.\n",
        "El Consejo de Seguridad,\nProfundamente preocupado por la situación,\n1. Decide seguir ocupándose de la cuestión.\n",
        "إن مجلس الأمن،\nإذ يشير إلى قراراته السابقة،\n1 - يقرر أن يبقي المسألة قيد نظره.\n",
    ] {
        assert_eq!(codes(good), vec![], "{good}");
    }
}

#[test]
fn fix_keeps_the_case_as_written() {
    let text = "Le Conseil de sécurité,\nConvaincue que la situation constitue une menace,\n1. Décide de rester saisi de la question.\n";
    let d = crate::check(&Document::new(text), &Default::default())
        .into_iter()
        .find(|d| d.code == "UN082")
        .unwrap();
    let fix = d.fix.unwrap();
    assert_eq!(fix.edits[0].text, "Convaincu");
    assert_eq!(&text[fix.edits[0].range.clone()], "Convaincue");
}

#[test]
fn spec_example_of_un081() {
    let bad = "إن الجمعية العامة،\nإذ تشير إلى قرارها 51/100،\nإذ تلاحظ مع القلق استمرار الحالة،\n1 - تقرر أن تبقي المسألة قيد نظرها.\n";
    let got = codes(bad);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "UN081");
    let good = bad.replacen("\nإذ تلاحظ", "\nوإذ تلاحظ", 1);
    assert_eq!(codes(&good), vec![]);
}
