//! UN049 `its-versus-organ`: `its resolution` is the author's own act; another organ's act
//! names the organ.

use super::{acts, paren};
use crate::{Ctx, RES_DRAFT, RuleDef, Severity, Sink};
use unlsp_syntax::numbers::is_upper_roman as is_roman;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN049",
    name: "its-versus-organ",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    summary: "`its resolution` is the author's own act; another organ's act names the organ.",
    explanation: "In a General Assembly text `its resolution 2231 (2015)` claims a Security Council resolution as the Assembly's own: write `Security Council resolution 2231 (2015)`.",
    bad: "(GA text) Recalling its resolution 2231 (2015),",
    good: "(GA text) Recalling Security Council resolution 2231 (2015),",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let own = cx.tree.meta.organ.as_deref().unwrap_or("");
    if own.is_empty() {
        return;
    }
    let mut last_list = u32::MAX;
    for c in acts(cx) {
        if !c.own || c.list == last_list {
            continue;
        }
        let sc_shape =
            paren(&c.target).is_some_and(|p| p.len() == 4 && p.chars().all(|x| x.is_ascii_digit()));
        let ga_shape = c.target.contains('/') || paren(&c.target).is_some_and(is_roman);
        let (other, name) = match own {
            "GA" if sc_shape => ("SC", "Security Council"),
            "SC" if ga_shape && !c.target.starts_with("S/") => ("GA", "General Assembly"),
            _ => continue,
        };
        let _ = other;
        last_list = c.list;
        let lr = c.list_range.clone();
        let s = &cx.text[lr.clone()];
        let at = s.find("its ").map(|i| lr.start + i);
        let d = out.emit(
            c.range.clone(),
            format!(
                "`its` makes {} the author's own act: name the organ (`{name} resolution …`)",
                c.target
            ),
        );
        if let Some(a) = at {
            d.fix_one(format!("Write `{name}`"), a..a + 3, name, false);
        }
    }
}
