//! UN082 `lead-gender-agreement`: Adjectival leads and Arabic verb prefixes agree with the
//! author (the General Assembly feminine, the Security Council masculine).

use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{Gender, lexicon};
use unlsp_syntax::tree::Lead;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN082",
    name: "lead-gender-agreement",
    scopes: RES_DRAFT,
    langs: &[Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    summary: "Adjectival leads and Arabic verb prefixes agree with the author (the General Assembly feminine, the Security Council masculine).",
    explanation: "`L'Assemblée générale` and `La Asamblea General` are feminine, `Le Conseil de sécurité` and `El Consejo de Seguridad` masculine; so are `Генеральная Ассамблея` / `Совет Безопасности` and `الجمعية العامة` / `مجلس الأمن`. Adjectival leads agree (`Convaincue` / `Convaincu`, `Preocupada` / `Preocupado`, `будучи убеждена` / `будучи убежден`) and Arabic verbs take the prefix and pronoun of the author (`تقرر` / `يقرر`, `وإذ يساورها القلق` / `وإذ يساوره القلق`). The pairs are data: `grammar/gender.tsv`; the organs' genders: `organ_gender` in `grammar/languages.toml`.",
    bad: "Le Conseil de sécurité,\nConvaincue que la situation constitue une menace,",
    good: "Le Conseil de sécurité,\nConvaincu que la situation constitue une menace,",
    check,
    ..RuleDef::DEFAULT
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

fn check(cx: &Ctx, out: &mut Sink) {
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
                d.fix_one(format!("Write `{other}`"), start..end, other.clone(), true);
            }
        }
    }
}
