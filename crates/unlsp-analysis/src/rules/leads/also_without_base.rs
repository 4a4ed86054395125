//! UN025 `also-without-base`: An "also"/"further" lead needs an earlier paragraph with the
//! same verb in the same part.

use super::base_key;
use crate::rules::shared::parts;
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, LeadForm};

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn is_also(f: LeadForm) -> bool {
    matches!(
        f,
        LeadForm::Also | LeadForm::Further | LeadForm::MisplacedAlso | LeadForm::MisplacedFurther
    )
}

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN025",
    name: "also-without-base",
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "An \"also\"/\"further\" lead needs an earlier paragraph with the same verb in the same part.",
    explanation: "`Also requests`, `Recalling further`, `又请`, `还欢迎` repeat a lead used earlier in the same part (the preamble, or the operative part of the same section). Without that earlier paragraph the repeat form is wrong: write the base form (Editorial Manual, wording; seeds 000–003).",
    bad: "1. Decides to convene a conference;\n2. Also requests the Secretary-General to report;",
    good: "1. Requests the Secretary-General to convene a conference;\n2. Also requests the Secretary-General to report;",
    check,
    ..RuleDef::DEFAULT
};

/// The first letters of the verb: `Encourages` and `Encouraging` share `encour`.
fn stem(key: &str) -> String {
    key.chars().take(6).collect()
}

fn check(cx: &Ctx, out: &mut Sink) {
    // Corpus calibration: the base may come in an earlier part (the preamble's
    // `Encouraging` before `Further encourages`, or a previous section), so any
    // earlier paragraph of the document with the same verb stem counts.
    // exact stems in a set; Chinese bases also match by containment (few)
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    let mut seen_zh: Vec<String> = Vec::new();
    // English paragraphs whose other verbs are not in `seen` yet: read only
    // when an "also" form finds no base among the leads (rare)
    let mut pending: Vec<&unlsp_syntax::tree::Node> = Vec::new();
    let other_verbs = |p: &unlsp_syntax::tree::Node, seen: &mut rustc_hash::FxHashSet<String>| {
        let v = crate::rules::shared::view(cx, p);
        for w in v.s.split([',', ';']).skip(1) {
            if let Some(word) = w
                .split_whitespace()
                .find(|x| *x != "and" && *x != "also" && !x.ends_with("ly"))
            {
                seen.insert(stem(&word.to_lowercase()));
            }
        }
    };
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            let key = if l.lang == Lang::Zh {
                base_key(l)
            } else {
                stem(&base_key(l))
            };
            // English operative `Encourages further steps`, `Encourages further
            // international cooperation` (GA 78/48, 78/240, 79/161): `further`
            // qualifies the object; the verb is the base form
            let adjective = l.lang == Lang::En
                && l.class == LeadClass::Operative
                && matches!(l.form, LeadForm::MisplacedFurther);
            let zh_base_seen = l.lang == Lang::Zh
                && seen_zh
                    .iter()
                    .any(|k| k.contains(&key) || key.contains(k.as_str()));
            if is_also(l.form) && !adjective && !seen.contains(&key) {
                for q in pending.drain(..) {
                    other_verbs(q, &mut seen);
                }
            }
            if is_also(l.form)
                && !adjective
                && !seen.contains(&key)
                && !zh_base_seen
                && !key.is_empty()
            {
                let base = if l.class == LeadClass::Operative || l.lang != Lang::En {
                    cap(&l.base)
                } else {
                    l.base.clone()
                };
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{}` but no earlier paragraph in this part opens with `{}`: write `{}`",
                        l.text, l.base, base
                    ),
                )
                .fix_one(
                    format!("Write `{base}`"),
                    l.range.clone(),
                    base.clone(),
                    false,
                );
            }
            if l.lang == Lang::Zh {
                seen_zh.push(key.clone());
            }
            seen.insert(key);
            // a paragraph's other verbs (`…, and encourages States`) are bases too
            if l.lang == Lang::En {
                pending.push(p);
            }
        }
    }
}
