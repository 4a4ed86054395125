//! UN026 `also-misplaced`: "Also" in the place the language and part require.

use super::lower_first;
use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, LeadForm};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN026",
    name: "also-misplaced",
    scopes: RES_DRAFT,
    // Not Chinese: 又/还 always stand before the verb (`又回顾`, `还请`); a
    // Chinese lead has no other place for them to be misplaced to.
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    reach: Reach::Document,
    summary: "\"Also\" in the place the language and part require.",
    explanation: "In a General Assembly operative part English puts `also` before the verb: `Also <verb>` opens 1,971 paragraphs of GA 78–80, `<Verb> also` 5 (`Decides also` twice, `Recognizes also`, `Encourages also`, `Looks forward also`). So `Requests also` is reported in a text that writes `Also …` elsewhere (GA 78/238, 80/139); alone it is an adopted variant (GA 78/265, 78/285). French, Spanish, Russian and Arabic put the adverb after the verb in both parts. Not checked, because adopted texts use both orders: the English preamble (`<Participle> also/further` 2,862 times, `Also/Further <participle>` 6 times in GA 78–80: 78/85, 78/105, 79/1, 79/98, 80/89, 80/229; 53 and 11 times in the Security Council resolutions of 1992–2002), Security Council operative paragraphs (`<Verb> also` 20 times, `Also <verb>` 8 times in 1992–2002), and `further` after an operative verb (`Encourages further steps`, an adjective). Chinese is not concerned: 又/还 always stand before the verb.",
    bad: "3. Requests also the Secretary-General to report …;",
    good: "3. Also requests the Secretary-General to report …;",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let ga = cx.tree.meta.organ.as_deref() == Some("GA")
        || (cx.tree.meta.organ.is_none()
            && cx
                .tree
                .meta
                .symbol
                .as_deref()
                .is_none_or(|s| s.starts_with("A/")));
    let preposes = cx.lang == Lang::En
        && crate::rules::shared::all_of(cx, unlsp_syntax::tree::NodeKind::Operative)
            .iter()
            .filter_map(|p| p.lead.as_ref())
            .any(|l| l.form == LeadForm::Also && l.text.starts_with("Also "));
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if !matches!(l.form, LeadForm::MisplacedAlso | LeadForm::MisplacedFurther) {
                continue;
            }
            if cx.lang != Lang::En {
                out.emit(
                    l.range.clone(),
                    format!("`{}`: the adverb is misplaced for this language", l.text),
                );
                continue;
            }
            // English: only a General Assembly operative `Requests also` in a
            // text that elsewhere writes `Also requests` (GA 78/238, 80/139):
            // alone (`Decides also`, GA 78/285) it is an adopted variant
            if l.class != LeadClass::Operative
                || l.form != LeadForm::MisplacedAlso
                || !ga
                || !preposes
            {
                continue;
            }
            let want = format!("Also {}", lower_first(&l.base));
            let written = cx.text[l.range.clone()].to_string();
            out.emit(
                l.range.clone(),
                format!(
                    "`{written}`: in a General Assembly operative paragraph English writes `{want}`"
                ),
            )
            .fix_one(
                format!("Write `{want}`"),
                l.range.clone(),
                want.clone(),
                true,
            );
        }
    }
}
