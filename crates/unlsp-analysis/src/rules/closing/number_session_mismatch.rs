//! UN020 `number-session-mismatch`: Resolution number, masthead symbol and session line agree.

use super::{SESSION_WORD, in_ga_session, is_ga, session_of_line, word_edit};
use crate::rules::shared::own_session;
use crate::{Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_syntax::numbers::{chinese_numeral, ordinal_word};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN020",
    name: "number-session-mismatch",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "Resolution number, masthead symbol and session line agree.",
    explanation: "`A/RES/62/57` in the masthead, `62/57.` before the title and `Sixty-second session` name the same session and number.",
    bad: "A/RES/75/62 … 75/26. Implementation of the Convention on Cluster Munitions",
    good: "A/RES/75/62 … 75/62. Implementation of the Convention on Cluster Munitions",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let m = &cx.tree.meta;
    let Some(num) = m.number.as_deref() else {
        return;
    };
    let Some(nr) = m.number_range.clone() else {
        return;
    };
    if let Some(sym) = m.symbol.as_deref()
        && let Some(rest) = sym
            .strip_prefix("A/RES/")
            .or_else(|| sym.strip_prefix("S/RES/"))
    {
        let norm = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        // composite `69/96 A` shares the symbol `A/RES/69/96`
        let numb: String = norm(num)
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .to_string();
        let restn = norm(rest);
        if !restn.starts_with(&numb) && !numb.starts_with(&restn) {
            let fix = number_from_symbol(cx.text, nr.clone(), &restn);
            let d = out.emit(
                nr.clone(),
                format!("resolution number {num} does not match the symbol {sym}"),
            );
            if let Some(sr) = &m.symbol_range {
                d.related(sr.clone(), "masthead symbol");
            }
            // which of the two is the typo is for the author to say
            if let Some((edit, new)) = fix {
                d.fix(
                    format!("Number the resolution {new}, as the masthead symbol"),
                    vec![edit],
                    false,
                );
            }
            return;
        }
    }
    if let (Some(sess), Some(own)) = (m.session.as_deref(), own_session(cx))
        && let Some(v) = session_of_line(sess)
        && v != own
        && !sess.to_lowercase().contains("special")
        && !sess.contains("特别")
    {
        let fix = session_fix(cx, &nr, sess, own, v);
        let d = out.emit(
            nr,
            format!(
                "resolution {num} belongs to session {own}, the session line says `{}`",
                sess.trim()
            ),
        );
        if let Some((title, edit, safe)) = fix {
            d.fix(title, vec![edit], safe);
        }
    }
}

/// The edit that writes the symbol's number (`79/157` of `A/RES/79/157`,
/// `2334` of `S/RES/2334 (2016)`) over the number before the title, keeping
/// what follows it there (a composite letter, the year).
fn number_from_symbol(text: &str, nr: Range<usize>, rest: &str) -> Option<(Edit, String)> {
    static LEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[0-9]+(?:\s*/\s*[0-9]+)?").unwrap());
    let want = LEAD.find(rest)?.as_str();
    let have = LEAD.find(text.get(nr.clone())?)?;
    let start = nr.start + have.start();
    Some((
        Edit {
            range: start..nr.start + have.end(),
            text: want.to_string(),
        },
        want.to_string(),
    ))
}

/// UN020's fix when the session line and the number disagree: the side the
/// masthead symbol or the adoption date backs is kept. The session line is
/// rewritten (safe when the symbol or the adoption date backs the number: two
/// sources against one); the session part of the number is rewritten (unsafe)
/// when only the adoption date backs the session line.
fn session_fix(
    cx: &Ctx,
    nr: &Range<usize>,
    sess: &str,
    own: u32,
    line: u32,
) -> Option<(String, Edit, bool)> {
    let m = &cx.tree.meta;
    // reaching here with a symbol means the symbol agrees with the number
    let by_symbol = m.symbol.as_deref().is_some_and(|s| s.contains("/RES/"));
    let ga = is_ga(cx);
    let by_date = |n: u32| {
        ga && m
            .adoption_date
            .is_some_and(|d| d.is_valid() && in_ga_session(n, d))
    };
    if !by_symbol && by_date(line) && !by_date(own) {
        let have = cx.text.get(nr.clone())?;
        let slash = have.find('/')?;
        return Some((
            format!("Number the resolution in session {line}, as the session line"),
            Edit {
                range: nr.start..nr.start + slash,
                text: line.to_string(),
            },
            false,
        ));
    }
    // the session line itself: the first one of the text (PDF headers repeat it)
    let at = cx.text.find(sess.trim())?;
    let c = cx.re(&SESSION_WORD).captures(&cx.text[at..])?;
    let g = c.get(1).or_else(|| c.get(2))?;
    let (range, text) = if c.get(1).is_some() {
        word_edit(cx.text, at + g.start()..at + g.end(), &ordinal_word(own))?
    } else {
        (at + g.start()..at + g.end(), chinese_numeral(own))
    };
    Some((
        format!("Write session {own} in the session line, as the resolution number"),
        Edit { range, text },
        by_symbol || by_date(own),
    ))
}
