//! UN072 `straight-quotes`: Quotations use typographic quotes “…”.

use crate::{Ctx, Edit, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN072",
    name: "straight-quotes",
    severity: Severity::Hint,
    langs: &[Lang::En, Lang::Zh],
    extraction_tolerant: true,
    summary: "Quotations use typographic quotes “…”.",
    explanation: "Edited UN texts quote with “ and ”; straight quotes are a conversion artefact (seeds 000 and 001).",
    bad: "the item entitled \"Convention on Cluster Munitions\"",
    good: "the item entitled “Convention on Cluster Munitions”",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    cx.tree.walk(|n, _| {
        if !n.kind.is_text_unit() {
            return;
        }
        for r in unlsp_syntax::document::own_pieces(n) {
            let s = &cx.text[r.clone()];
            let quotes: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
            if quotes.len() >= 2 {
                let (marks, safe) = curl(s, &quotes);
                let edits = quotes
                    .iter()
                    .zip(&marks)
                    .map(|(&q, m)| Edit {
                        range: r.start + q..r.start + q + 1,
                        text: m.to_string(),
                    })
                    .collect();
                out.emit(
                    r.start + quotes[0]..r.start + quotes[1] + 1,
                    "straight quotes: use “ and ”",
                )
                .fix("Use typographic quotes", edits, safe);
                return;
            }
        }
    });
}

/// The typographic mark for each straight quote of `s` (at byte offsets
/// `quotes`): by its place (after a space, an opening bracket or the start an
/// opening `“`; before a space or punctuation a closing `”`), else by turn.
/// Safe only when every quote's place decided and the marks then pair up with
/// the typographic quotes already there: `the "“Acordos de Paz"` (SC 793
/// (1992)) would become `““Acordos de Paz”`, an unclosed `“`.
fn curl(s: &str, quotes: &[usize]) -> (Vec<&'static str>, bool) {
    let mut decided = true;
    let mut open_next = true;
    let marks: Vec<&'static str> = quotes
        .iter()
        .map(|&q| {
            let before = s[..q].chars().next_back();
            let after = s[q + 1..].chars().next();
            let opens = before.is_none_or(|c| c.is_whitespace() || "([{—–‘“".contains(c))
                && after.is_some_and(|c| !c.is_whitespace());
            let closes = after.is_none_or(|c| c.is_whitespace() || ",.;:)]}!?’”".contains(c))
                && before.is_some_and(|c| !c.is_whitespace());
            let open = match (opens, closes) {
                (true, false) => true,
                (false, true) => false,
                _ => {
                    decided = false;
                    open_next
                }
            };
            open_next = !open;
            if open { "“" } else { "”" }
        })
        .collect();
    // the quotes of the piece after the fix must nest: no `”` without its `“`
    let mut depth = 0i32;
    let mut balanced = true;
    let mut k = 0;
    for c in s.chars() {
        let c = if c == '"' {
            let m = marks[k];
            k += 1;
            if m == "“" { '“' } else { '”' }
        } else {
            c
        };
        match c {
            '“' => depth += 1,
            '”' if depth == 0 => balanced = false,
            '”' => depth -= 1,
            _ => {}
        }
    }
    (marks, decided && balanced && depth == 0)
}

#[cfg(test)]
mod tests {
    use super::curl;

    fn marks(s: &str) -> (String, bool) {
        let q: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
        let (m, safe) = curl(s, &q);
        let mut out = s.to_string();
        for (i, m) in q.iter().zip(m).rev() {
            out.replace_range(*i..i + 1, m);
        }
        (out, safe)
    }

    #[test]
    fn quotes_curl_by_their_place() {
        // GA 62/47 as extracted (seed 001)
        let (t, safe) = marks(r#"the item entitled "Convention on Cluster Munitions"; and "b","#);
        assert_eq!(
            t,
            "the item entitled “Convention on Cluster Munitions”; and “b”,"
        );
        assert!(safe);
    }

    #[test]
    fn a_stray_quote_beside_a_curly_one_is_not_fixed_safely() {
        // SC 793 (1992): `the "“Acordos de Paz";`
        let (t, safe) = marks("implementation of the \"“Acordos de Paz\";");
        assert_eq!(t, "implementation of the ““Acordos de Paz”;");
        assert!(!safe);
    }
}
