//! UN060 `symbol-whitespace`: No whitespace inside a document symbol.

use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::symbols::SymbolProblem;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN060",
    name: "symbol-whitespace",
    severity: Severity::Error,
    extraction_tolerant: true,
    summary: "No whitespace inside a document symbol.",
    explanation: "A symbol is one token: no space after a dot or around a slash. The only legal space is the one before a parenthesised year or session in Western-language text (`S/RES/2231 (2015)`).",
    bad: "A/CONF. 192/2006/RC/9; A/60/88 and Corr. 2",
    good: "A/CONF.192/2006/RC/9; A/60/88 and Corr.2",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    for s in &cx.tree.symbols {
        if s.problems.contains(&SymbolProblem::Whitespace) {
            let written = &cx.text[s.range.clone()];
            // `TD/B/EDE/6/4. Information…`: a sentence stop and the next word
            // glued on by the recogniser (parser defect), not a symbol
            if spans_a_sentence(written) {
                continue;
            }
            // `Assembly/AU/Decl. 8 (XXXII)` (GA 78/185, 80/188): an African
            // Union symbol, written by the AU's conventions, not a UN one
            if written.contains("/AU/")
                || written.starts_with("AU/")
                || written.starts_with("EX.CL/")
            {
                continue;
            }
            let fixed: String = match written.find(" (") {
                Some(i) => {
                    written[..i]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        + &written[i..]
                }
                None => written.chars().filter(|c| !c.is_whitespace()).collect(),
            };
            out.emit(
                s.range.clone(),
                format!("space inside the symbol `{written}`: write `{fixed}`"),
            )
            .fix_one(
                format!("Write `{fixed}`"),
                s.range.clone(),
                fixed.clone(),
                true,
            );
        }
    }
}

/// A whitespace run after a `.` followed by a word (`4. Information`, `S/10440.\n54`),
/// or a line break inside the match: a sentence boundary, not a broken symbol.
fn spans_a_sentence(written: &str) -> bool {
    if written.contains('\n') && !written.contains(". ") {
        return true;
    }
    let b = written.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.' && i + 1 < b.len() && (b[i + 1] as char).is_whitespace() {
            let rest = written[i + 1..].trim_start();
            let mut cs = rest.chars();
            if let (Some(a), Some(bb)) = (cs.next(), cs.next())
                && a.is_ascii_uppercase()
                && bb.is_ascii_lowercase()
                && !rest.starts_with("Add")
                && !rest.starts_with("Corr")
                && !rest.starts_with("Rev")
            {
                return true;
            }
            if written[..i].ends_with(|c: char| c.is_ascii_digit())
                && written[i + 1..].contains('\n')
            {
                return true;
            }
            // `A/AC.109/2024/4. 3 Resolution …`, `Corr.1. 9`: a number, its full
            // stop and the next footnote's number (footnotes run together on
            // one line)
            let last = written[..i].rsplit(['/', '.']).next().unwrap_or("");
            if !last.is_empty()
                && last.bytes().all(|c| c.is_ascii_digit())
                && rest.starts_with(|c: char| c.is_ascii_digit())
            {
                return true;
            }
        }
    }
    false
}
