//! UN032 `this-resolution`: The resolution refers to itself as `the present resolution` (zh
//! `本决议`).

use crate::rules::shared::{units, view};
use crate::{Ctx, RES_DRAFT, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN032",
    name: "this-resolution",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Zh],
    summary: "The resolution refers to itself as `the present resolution` (zh `本决议`).",
    explanation: "Internal references to the resolution as a whole use `the present resolution` (Editorial Manual, internal references).",
    bad: "on the implementation of this resolution",
    good: "on the implementation of the present resolution",
    check,
    ..RuleDef::DEFAULT
};

static THIS_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([Tt]his) resolution(?-u:\b)").unwrap());

static THIS_ZH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(这项|此项|该项|此)决议").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    for u in units(cx) {
        if matches!(
            u.kind,
            NodeKind::Footnote | NodeKind::Title | NodeKind::Adoption
        ) {
            continue;
        }
        let v = view(cx, u);
        if cx.lang == Lang::Zh {
            for m in THIS_ZH.find_iter(&v.s) {
                let r = v.range(m.range());
                out.emit(r.clone(), "write `本决议`")
                    .fix_one("Write `本决议`", r, "本决议", true);
            }
        } else {
            for c in THIS_EN.captures_iter(&v.s) {
                let m = c.get(0).unwrap();
                let the = if &c[1] == "This" { "The" } else { "the" };
                let r = v.range(m.range());
                out.emit(
                    r.clone(),
                    format!("`{}`: write `{the} present resolution`", m.as_str()),
                )
                .fix_one(
                    format!("Write `{the} present resolution`"),
                    r,
                    format!("{the} present resolution"),
                    true,
                );
            }
        }
    }
}
