//! UN063 `unknown-series`: The first component of a symbol is a known series.

use crate::{Ctx, RuleDef, Severity, Sink};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN063",
    name: "unknown-series",
    severity: Severity::Information,
    summary: "The first component of a symbol is a known series.",
    explanation: "Series: `A`, `S`, `E`, `T`, `ST` and the special series (`CRC`, `CEDAW`, `CCW`, `TD`, `UNEP`…) of ST/LIB/SER.B/5/Rev.5. Reported where the organ's initials stand for its series (`GA/62/395`, `SC/2022/5`); other bodies' symbols (`GC(67)/RES/13`, `WHA58/2005/REC/1`, `CBD/COP/DEC/15/4`) and the press releases `GA/12345`, `SC/13331` are no UN document symbols to correct.",
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
        let series_of = match series {
            "GA" | "UNGA" => "A",
            "SC" => "S",
            _ => continue,
        };
        let rest = &s.canonical[series.len()..];
        // `SC/13331`, `GA/12550`: the press releases of the two organs
        if rest[1..].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        out.emit(
            s.range.clone(),
            format!("unknown series `{series}`: write `{series_of}{rest}`"),
        );
    }
}
