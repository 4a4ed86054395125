//! UN063 `unknown-series`: The first component of a symbol is a known series.

use crate::{Ctx, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN063",
    name: "unknown-series",
    severity: Severity::Information,
    summary: "The first component of a symbol is a known series.",
    explanation: "Series: `A`, `S`, `E`, `T`, `ST` and the special series (`CRC`, `CEDAW`, `CCW`, `TD`, `UNEP`…) of ST/LIB/SER.B/5/Rev.5.",
    bad: "GA/62/395",
    good: "A/62/395",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.in_furniture {
            continue;
        }
        let series = s.canonical.split('/').next().unwrap_or("");
        if series.is_empty() || unlsp_syntax::symbols::SERIES.contains(&series) {
            continue;
        }
        if matches!(series, "GA" | "SC" | "UNGA") {
            let fixed = format!(
                "{}{}",
                if series == "SC" { "S" } else { "A" },
                &s.canonical[series.len()..]
            );
            out.emit(
                s.range.clone(),
                format!("unknown series `{series}`: write `{fixed}`"),
            );
        } else {
            out.emit(
                s.range.clone(),
                format!("`{series}` is not a known document series"),
            );
        }
    }
}
