//! D. Language-specific rules: the Arabic preamble conjunction (UN081) and the
//! agreement of leads with the gender of the author (UN082).

use super::parts;
use crate::{Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{Gender, lexicon};
use unlsp_syntax::tree::{Lead, NodeKind};

/// `إذ` opens the first preambular paragraph, `وإذ` the later ones.
const IDH: &str = "إذ";
const WA_IDH: &str = "وإذ";

pub const UN081: RuleDef = RuleDef {
    id: "UN081",
    name: "arabic-preamble-conjunction",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::Ar],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "In Arabic the first preambular paragraph opens with `إذ`, later ones with `وإذ`.",
    explanation: "The Arabic preamble is one sentence hanging on `إن الجمعية العامة،`: the first circumstantial clause opens with `إذ` (`إذ تشير …`), every later one is joined with `و` (`وإذ تلاحظ …`, `وقد نظرت …`). A later paragraph opening with a bare `إذ` drops the conjunction; a first paragraph opening with `وإذ` joins it to nothing (GA 52/31, Arabic). Real texts also open the first paragraph with `وقد` (A/AC.109/2019/L.18: `وقد نظرت`), which is accepted.",
    bad: "إن الجمعية العامة،\nإذ تشير إلى قرارها 51/100،\nإذ تلاحظ مع القلق استمرار الحالة،",
    good: "إن الجمعية العامة،\nإذ تشير إلى قرارها 51/100،\nوإذ تلاحظ مع القلق استمرار الحالة،",
    check: un081,
};

fn un081(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let pre: Vec<_> = part
            .iter()
            .filter(|p| p.kind == NodeKind::Preambular)
            .collect();
        for (i, p) in pre.iter().enumerate() {
            let Some(l) = &p.lead else { continue };
            let written = &cx.text[l.range.clone()];
            let Some(at) = written.find(|c: char| c.is_alphabetic()) else {
                continue;
            };
            let word = written[at..]
                .split(char::is_whitespace)
                .next()
                .unwrap_or("");
            let start = l.range.start + at;
            if i == 0 && word == WA_IDH {
                out.emit(
                    start..start + word.len(),
                    format!("the first preambular paragraph opens with `{IDH}`, not `{WA_IDH}`"),
                )
                .fix(
                    format!("Write `{IDH}`"),
                    vec![Edit {
                        range: start..start + word.len(),
                        text: IDH.to_string(),
                    }],
                    true,
                );
            } else if i > 0 && word == IDH {
                out.emit(
                    start..start + word.len(),
                    format!(
                        "a later preambular paragraph opens with a bare `{IDH}`: join it with `{WA_IDH}`"
                    ),
                )
                .fix(
                    format!("Write `{WA_IDH}`"),
                    vec![Edit {
                        range: start..start + word.len(),
                        text: WA_IDH.to_string(),
                    }],
                    true,
                );
            }
        }
    }
}

pub const UN082: RuleDef = RuleDef {
    id: "UN082",
    name: "lead-gender-agreement",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Adjectival leads and Arabic verb prefixes agree with the author (the General Assembly feminine, the Security Council masculine).",
    explanation: "`L'Assemblée générale` and `La Asamblea General` are feminine, `Le Conseil de sécurité` and `El Consejo de Seguridad` masculine; so are `Генеральная Ассамблея` / `Совет Безопасности` and `الجمعية العامة` / `مجلس الأمن`. Adjectival leads agree (`Convaincue` / `Convaincu`, `Preocupada` / `Preocupado`, `будучи убеждена` / `будучи убежден`) and Arabic verbs take the prefix and pronoun of the author (`تقرر` / `يقرر`, `وإذ يساورها القلق` / `وإذ يساوره القلق`). The pairs are data: `grammar/gender.tsv`; the organs' genders: `organ_gender` in `grammar/languages.toml`.",
    bad: "Le Conseil de sécurité,\nConvaincue que la situation constitue une menace,",
    good: "Le Conseil de sécurité,\nConvaincu que la situation constitue une menace,",
    check: un082,
};

/// The gender the author line asks for.
fn author_gender(cx: &Ctx) -> Option<Gender> {
    cx.lang
        .table()
        .author_gender(cx.tree.meta.author.as_deref()?)
}

/// The lead in the other gender, keeping the first letter's case as written.
fn other_form(l: &Lead) -> Option<(Gender, String)> {
    let lex = lexicon();
    let lower = l.text.to_lowercase();
    // the lead may run on past the lexicon's phrase (`Condamne fermement`)
    // or stop before its last word (Arabic `تشير` of `تشير إلى`)
    let e = lex
        .entries
        .iter()
        .filter(|e| e.lang == l.lang && e.class == l.class)
        .filter(|e| {
            let p = e.phrase.to_lowercase();
            p == lower
                || lower.strip_prefix(&p).is_some_and(|t| t.starts_with(' '))
                || (p.starts_with(&lower)
                    && unlsp_syntax::grammar::emphasised_extent(l.lang, &p) == lower.len())
        })
        .max_by_key(|e| e.phrase.len())?;
    let phrase_chars = e.phrase.chars().count();
    let tail: String = l.text.chars().skip(phrase_chars).collect();
    let gender = e.gender?;
    let other = match &e.other_gender {
        Some(o) => o.clone(),
        // a generated repeat form (`وإذ تشير كذلك`): swap its base
        None => {
            let base = lex.find(e.lang, e.class, &e.base)?;
            let ob = base.other_gender.as_ref()?;
            e.phrase.replacen(&e.base, ob, 1)
        }
    };
    let mut other = other + &tail;
    if l.text.chars().count() < phrase_chars {
        other.truncate(unlsp_syntax::grammar::emphasised_extent(l.lang, &other));
    }
    Some((gender, match_case(&l.text, &other)))
}

fn match_case(written: &str, phrase: &str) -> String {
    let upper = written.chars().next().is_some_and(char::is_uppercase);
    let mut c = phrase.chars();
    match c.next() {
        Some(f) if upper => f.to_uppercase().collect::<String>() + c.as_str(),
        Some(f) if f.is_uppercase() => f.to_lowercase().collect::<String>() + c.as_str(),
        _ => phrase.to_string(),
    }
}

fn un082(cx: &Ctx, out: &mut Sink) {
    let Some(want) = author_gender(cx) else {
        return;
    };
    let author = cx.tree.meta.author.clone().unwrap_or_default();
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            let Some((gender, other)) = other_form(l) else {
                continue;
            };
            if gender == want {
                continue;
            }
            let written = &cx.text[l.range.clone()];
            let Some(at) = written.find(&l.text[..l.text.chars().next().map_or(0, char::len_utf8)])
            else {
                continue;
            };
            let start = l.range.start + at;
            let end = start + l.text.len();
            let exact = cx.text.get(start..end) == Some(l.text.as_str());
            let (author_word, lead_word) = match want {
                Gender::Feminine => ("feminine", "masculine"),
                Gender::Masculine => ("masculine", "feminine"),
            };
            let d = out.emit(
                l.range.clone(),
                format!(
                    "`{}` is {lead_word} but the author (`{author}`) is {author_word}: write `{other}`",
                    l.text
                ),
            );
            if exact {
                d.fix(
                    format!("Write `{other}`"),
                    vec![Edit {
                        range: start..end,
                        text: other.clone(),
                    }],
                    true,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
        // rules.md UN082: French, Spanish and Arabic examples
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
}
