//! UN022 `future-session-in-past`: A provisional agenda or a report is for a later session
//! than the current one.

use super::{is_ga, session_of_line, word_edit};
use crate::pattern::Pattern;
use crate::rules::shared::{own_session, view};
use crate::{Ctx, Edit, RES_DRAFT, RuleDef, Sink};
use regex::Regex;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{chinese_number, chinese_numeral, ordinal_value, ordinal_word};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN022",
    name: "future-session-in-past",
    scopes: RES_DRAFT,
    summary: "A provisional agenda or a report is for a later session than the current one.",
    explanation: "\"the provisional agenda of its Nth session\" names a session after the one adopting the text (seeds 001–003: N+1); \"to report to it at its Nth session\" names that session or a later one (a report can come at a resumed part of the current session, GA 78/226). A report already submitted (`his report to the General Assembly at its seventy-fifth session`) is not a request.",
    bad: "(in 62/57) Decides to include in the provisional agenda of its sixty-first session …",
    good: "(in 62/57) Decides to include in the provisional agenda of its sixty-third session …",
    check,
    ..RuleDef::DEFAULT
};

static FUTURE_EN: Pattern = Pattern::new(|| {
    // the bounded gap makes many lazy-DFA states: a 256 KB cache instead of
    // the default 2 MB (kept per thread for the server's life)
    regex::RegexBuilder::new(r"provisional agenda of its\s+([a-z]+(?:-[a-z]+)?)\s+session|(?-u:\b)(?:report|submit|present)(?-u:\b)[^.;]{0,120}?(?-u:\b)to (?:it|the General Assembly) at its\s+([a-z]+(?:-[a-z]+)?)\s+session")
        .dfa_size_limit(256 * 1024)
        .build()
        .unwrap()
});

static FUTURE_ZH: Pattern = Pattern::new(|| {
    Regex::new(r"列入(?:大会)?第\s*([一二三四五六七八九十百]+)\s*届会议(?:的)?临时议程|向(?:大会)?第\s*([一二三四五六七八九十百]+)\s*届会议提(?:出|交)").unwrap()
});

fn check(cx: &Ctx, out: &mut Sink) {
    let Some(cur) =
        own_session(cx).or_else(|| cx.tree.meta.session.as_deref().and_then(session_of_line))
    else {
        return;
    };
    if !is_ga(cx) {
        return;
    }
    for p in cx.tree.nodes_of(NodeKind::Operative) {
        let v = view(cx, p);
        let (re, needles): (&Regex, &[&str]) = if cx.lang == Lang::Zh {
            (cx.re(&FUTURE_ZH), &["届会议"])
        } else {
            (cx.re(&FUTURE_EN), &["at its", "agenda of its"])
        };
        // every match holds one of these words: most paragraphs skip the
        // capturing search, whose bounded gap makes it slow
        if !needles.iter().any(|w| v.s.contains(w)) {
            continue;
        }
        for c in re.captures_iter(&v.s) {
            let Some(g) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let val = if cx.lang == Lang::Zh {
                chinese_number(g.as_str())
            } else {
                ordinal_value(g.as_str())
            };
            let Some(val) = val else { continue };
            // `the report … submitted to the General Assembly at its
            // sixty-second session` names a past report, not one requested
            let m = c.get(0).map_or("", |m| m.as_str());
            if [
                "submitted",
                "presented",
                "reported",
                "considered",
                "contained",
                "his report to",
                "its report to",
            ]
            .iter()
            .any(|w| m.contains(w))
            {
                continue;
            }
            // a report may come at a resumed part of the current session
            // (GA 78/226, adopted in December 2023, asks for one at its
            // seventy-eighth session); an agenda item cannot
            let agenda = c.get(1).is_some();
            if val < cur || (agenda && val == cur) {
                let want = if cx.lang == Lang::Zh {
                    chinese_numeral(cur + 1)
                } else {
                    ordinal_word(cur + 1)
                };
                let r = v.range(g.range());
                let edit = if cx.lang == Lang::Zh {
                    Some((r.clone(), want.clone()))
                } else {
                    word_edit(cx.text, r.clone(), &want)
                };
                let d = out.emit(
                    r,
                    format!(
                        "session {val} is not after the current session {cur}: probably `{want}`"
                    ),
                );
                // `probably`: the next session is the usual one, not the only one
                if let Some((range, text)) = edit {
                    d.fix(
                        format!(
                            "Write the {} session",
                            if cx.lang == Lang::Zh {
                                format!("第{want}届")
                            } else {
                                want.clone()
                            }
                        ),
                        vec![Edit { range, text }],
                        false,
                    );
                }
            }
        }
    }
}
