//! UN007 `operative-lead`: An operative paragraph opens with a verb in the present tense,
//! third person singular.

use super::{closest_leads, first_words};
use crate::rules::shared::all_of;
use crate::{Ctx, RES_DRAFT, RuleDef, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, lexicon};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN007",
    name: "operative-lead",
    scopes: RES_DRAFT,
    summary: "An operative paragraph opens with a verb in the present tense, third person singular.",
    explanation: "Operative paragraphs begin with the present indicative (`Decides`, `Requests`, `Calls upon`; zh `决定`, `请`). A participle (`Recalling`), a past tense (`Decided`) or a subject (`The Assembly decides`) belongs elsewhere.",
    bad: "3. Recalling its resolution 61/100;",
    good: "3. Recalls its resolution 61/100;",
    check,
    ..RuleDef::DEFAULT
};

static EN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*{1,2}|_)?(?:(?:Also|Further|Again|Once again|Once more|Still|Hereby|[A-Z][a-z]+ly)\s+(?:[a-z]+ly\s+)?)?[A-Za-z][a-z]+(?:-[a-z]+)?s(?-u:\b)").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    // Numbered paragraphs that speak in the first person (`We decide`, `We
    // commit`) are those of an adopted declaration or pact (GA 79/1, the Pact
    // for the Future; 78/1), not operative paragraphs: the ones among them
    // that open with a noun (`United Nations peace operations are …`) are
    // not leads either.
    let ops = all_of(cx, NodeKind::Operative);
    let first_person = ops
        .iter()
        .filter(|p| {
            let (_, w) = first_words(cx, p);
            w.starts_with("We ")
        })
        .count()
        >= 3;
    for p in ops {
        let (r, words) = first_words(cx, p);
        if words.is_empty() {
            continue;
        }
        // `Acting under Chapter VII of the Charter, authorizes` (SC 794 (1992)),
        // `Pending the total elimination of nuclear weapons, urges` (GA 80/23),
        // `Alarmed by …, calls upon` (GA 80/187): an opening phrase, then the verb
        if verb_after_opening_phrase(cx, r.start, p.range.end) {
            continue;
        }
        match &p.lead {
            // Chinese verbs have no participle or tense: `欢迎`, `再次感谢` open
            // preambular and operative paragraphs alike
            Some(l)
                if l.class_mismatch && l.class == LeadClass::Preambular && !cx.lang.is_cjk() =>
            {
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{}` is a preambular lead: an operative paragraph starts with a verb in the present tense (closest: {})",
                        l.text,
                        closest_leads(&l.text, cx.lang, LeadClass::Operative).join(", ")
                    ),
                );
            }
            Some(_) => {}
            None => {
                if cx.lang != Lang::En || first_person {
                    continue; // other languages: only the lexicon speaks
                }
                let start = &cx.text[r.start..p.range.end];
                // Only what is surely not an operative verb: a participle or past
                // tense (`Recalling`, `Decided`) or a subject (`The Assembly
                // decides`). Embedded declarations (`We reaffirm`, GA 79/1) and
                // unlisted verbs (`Re-emphasizes`) stay silent: corpus calibration.
                let first = start
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(['*', '_']);
                let participle = first.len() > 4
                    && (first.ends_with("ing") || first.ends_with("ed"))
                    && first.starts_with(|c: char| c.is_uppercase());
                let subject = start.starts_with("The Assembly")
                    || start.starts_with("The General Assembly")
                    || start.starts_with("The Council")
                    || start.starts_with("The Security Council");
                if !(participle || subject) || EN_VERB.is_match(start) {
                    continue;
                }
                out.emit(
                    r,
                    format!(
                        "`{words}` does not open with an operative verb: write the verb in the present tense (closest: {})",
                        closest_leads(&words, cx.lang, LeadClass::Operative).join(", ")
                    ),
                );
            }
        }
    }
}

/// The paragraph from `start` opens with a phrase set off by a comma and the
/// operative verb follows it, in the first clause (before any `;`, `:` or
/// full stop), as in `Acting under Chapter VII of the Charter, authorizes`.
fn verb_after_opening_phrase(cx: &Ctx, start: usize, end: usize) -> bool {
    if cx.lang != Lang::En {
        return false;
    }
    let mut clause = String::new();
    for w in crate::rules::shared::slice(cx.text, start, end.min(start + 600)).split_whitespace() {
        if !clause.is_empty() {
            clause.push(' ');
        }
        clause.push_str(w);
        if w.ends_with([';', ':']) || (w.ends_with('.') && w.len() > 3) {
            break;
        }
    }
    let lex = lexicon();
    clause.match_indices(", ").any(|(i, _)| {
        let rest = &clause[i + 2..];
        rest.starts_with(|c: char| c.is_ascii_lowercase())
            && lex
                .match_at(rest)
                .is_some_and(|m| m.has_class(lex, LeadClass::Operative))
    })
}
