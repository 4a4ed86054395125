//! UN050 `resolution-decision-confusion`: GA decisions (N/3xx–N/5xx) are cited as decisions,
//! resolutions as resolutions.

use super::acts;
use crate::rules::shared::ga_parts;
use crate::{Ctx, RuleDef, Sink};
use unlsp_index::catalogue::{ActKind, Organ, catalogue};
use unlsp_syntax::tree::CitationKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN050",
    name: "resolution-decision-confusion",
    summary: "GA decisions (N/3xx–N/5xx) are cited as decisions, resolutions as resolutions.",
    explanation: "GA decisions are numbered from 301 (elections and appointments) and 401 (other matters) in each session; the catalogue tells which numbers are resolutions. `resolution 60/519` is decision 60/519.",
    bad: "resolution 60/519 / 第 60/519 号决议",
    good: "decision 60/519 / 第 60/519 号决定",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let cat = catalogue();
    for c in acts(cx) {
        if matches!(c.organ.as_deref(), Some("SC" | "ECOSOC" | "HRC")) {
            continue;
        }
        let Some((n, m)) = ga_parts(&c.target) else {
            continue;
        };
        if !(31..1946).contains(&n) {
            continue;
        }
        let is_res = cat
            .lookup(ActKind::Resolution, Organ::GA, &c.target)
            .is_some();
        let is_dec = cat
            .lookup(ActKind::Decision, Organ::GA, &c.target)
            .is_some();
        let cat_has_session = cat.by_session(&n.to_string()).next().is_some();
        match c.kind {
            CitationKind::Resolution
                if !is_res && (is_dec || ((401..=599).contains(&m) && !cat_has_session)) =>
            {
                out.emit(
                    c.range.clone(),
                    format!(
                        "{} is a decision, not a resolution: write `decision {}`",
                        c.target, c.target
                    ),
                );
            }
            CitationKind::Decision if is_res && !is_dec => {
                out.emit(
                    c.range.clone(),
                    format!(
                        "{} is a resolution, not a decision: write `resolution {}`",
                        c.target, c.target
                    ),
                );
            }
            _ => {}
        }
    }
}
