//! UN045 `act-noun-number`: `resolution` for one act, `resolutions` for several.

use super::act_lists;
use crate::{Ctx, RuleDef, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN045",
    name: "act-noun-number",
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru],
    summary: "`resolution` for one act, `resolutions` for several.",
    explanation: "`resolutions 70/54 and 71/45`, `resolution 61/100 of 6 December 2006`.",
    bad: "resolution 70/54 and 71/45",
    good: "resolutions 70/54 and 71/45",
    check,
    ..RuleDef::DEFAULT
};

static NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([Rr]esolution|[Dd]ecision)(s?)(?-u:\b)").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    for l in act_lists(cx) {
        let Some(plural) = l[0].noun_plural else {
            continue;
        };
        let lr = l[0].list_range.clone();
        let Some(m) = NOUN.captures(&cx.text[lr.clone()]) else {
            continue;
        };
        let noun = m.get(0).unwrap();
        let nr = lr.start + noun.start()..lr.start + noun.end();
        let composite = l.iter().any(|c| {
            c.target.contains(" to ")
                || c.target.contains(" and ")
                || c.raw.contains(" and ")
                || c.raw.contains(" to ")
        });
        let after = crate::rules::shared::slice(
            cx.text,
            l.last().unwrap().range.end,
            l.last().unwrap().range.end + 40,
        );
        let open_list = after.starts_with(" and ")
            || after.starts_with(", and ")
            || after.contains("subsequent")
            || after.starts_with(" et ")
            || after.starts_with(" y ");
        let same_organ = l.iter().all(|c| c.organ == l[0].organ);
        // `resolution 377 A (V) or 76/262` (GA 79/327): alternatives, each
        // one act, take the singular
        let alternatives = l.windows(2).all(|w| {
            let between = crate::rules::shared::slice(cx.text, w[0].range.end, w[1].range.start);
            between.split_whitespace().any(|x| x == "or")
        });
        if l.len() > 1 && !plural && same_organ && !alternatives {
            let want = format!("{}s", noun.as_str());
            out.emit(
                nr.clone(),
                format!(
                    "`{}` introduces {} acts: write `{want}`",
                    noun.as_str(),
                    l.len()
                ),
            )
            .fix_one(format!("Write `{want}`"), nr, want.clone(), true);
        }
        // `resolutions X` with one number is usually `resolutions X and
        // subsequent…` or a list the parser cut short: the corpus shows no real
        // defect of this kind, so the singular direction stays silent.
        let _ = (composite, open_list);
    }
}
