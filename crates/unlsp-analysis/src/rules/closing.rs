//! A. Numbers, sessions, dates and the closing formula.

use super::{own_session, units, view};
use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Edit, RES_DRAFT, RES_ONLY, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_syntax::dates::Date;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{chinese_number, chinese_numeral, ordinal_value, ordinal_word};
use unlsp_syntax::tree::{DocKind, NodeKind};

fn is_ga(cx: &Ctx) -> bool {
    match cx.tree.meta.organ.as_deref() {
        Some("GA") => true,
        Some(_) => false,
        None => cx
            .tree
            .meta
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("A/")),
    }
}

fn is_sc(cx: &Ctx) -> bool {
    cx.tree.meta.organ.as_deref() == Some("SC")
        || cx
            .tree
            .meta
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("S/"))
}

pub const UN016: RuleDef = RuleDef {
    id: "UN016",
    name: "closing-formula-missing",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "An adopted GA or ECOSOC resolution ends with the meeting and the date of adoption.",
    explanation: "After the last operative paragraph: `61st plenary meeting` / `5 December 2007` (zh `2007年12月5日` / `第61次全体会议`). Security Council resolutions and drafts have none (Editorial Manual; AKN4UN `conclusions`).",
    bad: "13. Decides to include the item in the provisional agenda of its sixty-third session.\n(end of text)",
    good: "13. Decides to include the item in the provisional agenda of its sixty-third session.\n61st plenary meeting\n5 December 2007",
    check: un016,
};

fn un016(cx: &Ctx, out: &mut Sink) {
    if is_sc(cx) || !is_ga(cx) && cx.tree.meta.organ.as_deref() != Some("ECOSOC") {
        return;
    }
    if cx.tree.meta.adoption_date.is_none() {
        return; // no adoption line either: a draft or an excerpt
    }
    if !cx.tree.nodes_of(NodeKind::Closing).is_empty() {
        return;
    }
    // `56th (resumed) plenary meeting` is left in the last paragraph by the parser
    if cx.text.contains("plenary meeting\n")
        || cx.text.contains("plenary meeting \n")
        || cx.text.contains("次全体会议")
    {
        return;
    }
    let Some(last) = cx.tree.nodes_of(NodeKind::Operative).into_iter().last() else {
        return;
    };
    let end = last.range.end;
    let (m, d) = if cx.lang == Lang::Zh {
        ("第…次全体会议", "日期")
    } else {
        ("…th plenary meeting", "the date of adoption")
    };
    out.emit(
        end..end,
        format!("no closing formula after the last operative paragraph: add `{m}` and {d}"),
    );
}

pub const UN017: RuleDef = RuleDef {
    id: "UN017",
    name: "meeting-ordinal-suffix",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[Lang::En],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Ordinal figures take st/nd/rd/th by English rules.",
    explanation: "1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 61st, 101st, 111th, 112th.",
    bad: "61th plenary meeting",
    good: "61st plenary meeting",
    check: un017,
};

static ORDINAL_FIG: Pattern =
    Pattern::new(|| Regex::new(r"(?-u:\b)(\d{1,5})(st|nd|rd|th)(?-u:\b)").unwrap());

pub fn suffix_for(n: u64) -> &'static str {
    if (11..=13).contains(&(n % 100)) {
        return "th";
    }
    match n % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

fn un017(cx: &Ctx, out: &mut Sink) {
    let mut scan = |s: &str, map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        for c in cx.re(&ORDINAL_FIG).captures_iter(s) {
            let n: u64 = c[1].parse().unwrap_or(0);
            let want = suffix_for(n);
            if &c[2] != want {
                let r = map(c.get(2).unwrap().range());
                out.emit(
                    map(c.get(0).unwrap().range()),
                    format!("`{}{}`: write `{}{want}`", &c[1], &c[2], &c[1]),
                )
                .fix(
                    format!("Write `{}{want}`", &c[1]),
                    vec![Edit {
                        range: r,
                        text: want.into(),
                    }],
                    true,
                );
            }
        }
    };
    // a digit before s/n/r/t somewhere in the unit, or no ordinal to check
    let candidate = |b: &[u8]| {
        b.windows(2)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b's' | b'n' | b'r' | b't'))
    };
    for n in units(cx) {
        if !candidate(cx.text[n.range.clone()].as_bytes()) {
            continue;
        }
        let v = view(cx, n);
        scan(&v.s, &|r| v.range(r));
    }
    for n in cx.tree.nodes_of(NodeKind::Closing) {
        let base = n.range.start;
        scan(&cx.text[n.range.clone()], &|r| base + r.start..base + r.end);
    }
}

pub const UN018: RuleDef = RuleDef {
    id: "UN018",
    name: "closing-date-mismatch",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The closing date equals the date of the adoption line.",
    explanation: "Both give the actual date of adoption (a meeting that runs past midnight carries the later date in both places) (Editorial Manual).",
    bad: "Resolution adopted by the General Assembly on 5 December 2007\n…\n61st plenary meeting\n6 December 2007",
    good: "Resolution adopted by the General Assembly on 5 December 2007\n…\n61st plenary meeting\n5 December 2007",
    check: un018,
};

fn date_in(cx: &Ctx, kind: NodeKind) -> Option<std::ops::Range<usize>> {
    let n = cx.tree.nodes_of(kind).into_iter().next()?;
    let d = unlsp_syntax::dates::find_dates(&cx.text[n.range.clone()])
        .into_iter()
        .next()?;
    Some(n.range.start + d.start..n.range.start + d.end)
}

fn un018(cx: &Ctx, out: &mut Sink) {
    let (Some(a), Some(c)) = (cx.tree.meta.adoption_date, cx.tree.meta.closing_date) else {
        return;
    };
    if a == c || !a.is_valid() || !c.is_valid() {
        return; // an impossible date is UN073's
    }
    let Some(cr) = date_in(cx, NodeKind::Closing) else {
        return;
    };
    let want = if cx.lang == Lang::Zh {
        a.chinese().replace(' ', "")
    } else {
        a.english()
    };
    let d = out.emit(
        cr.clone(),
        format!(
            "closing date {} differs from the adoption date {}",
            c.iso(),
            a.iso()
        ),
    );
    if let Some(ar) = date_in(cx, NodeKind::Adoption) {
        d.related(ar, "date of the adoption line");
    }
    d.fix(
        format!("Write `{want}`"),
        vec![Edit {
            range: cr,
            text: want.clone(),
        }],
        false,
    );
}

pub const UN019: RuleDef = RuleDef {
    id: "UN019",
    name: "closing-order",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Closing lines in the language's order.",
    explanation: "English, French, Spanish, Russian and Arabic put the meeting line first, then the date. Chinese texts are not checked: the PDFs print the date first (seeds 002, 003), the Secretariat's own markup of the same resolutions the meeting first (all 561 of sessions 79-80).",
    bad: "5 December 2007\n61st plenary meeting",
    good: "61st plenary meeting\n5 December 2007",
    check: un019,
};

fn un019(cx: &Ctx, out: &mut Sink) {
    for n in cx.tree.nodes_of(NodeKind::Closing) {
        let s = &cx.text[n.range.clone()];
        let Some(d) = unlsp_syntax::dates::find_dates(s).into_iter().next() else {
            continue;
        };
        if cx.lang == Lang::Zh {
            continue;
        }
        let meeting = s
            .find("meeting")
            .or_else(|| s.find("séance"))
            .or_else(|| s.find("sesión"))
            .or_else(|| s.find("заседание"));
        let Some(m) = meeting else { continue };
        if d.start < m {
            out.emit(
                n.range.clone(),
                "closing lines: the meeting comes first, then the date",
            );
        }
    }
}

pub const UN020: RuleDef = RuleDef {
    id: "UN020",
    name: "number-session-mismatch",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "Resolution number, masthead symbol and session line agree.",
    explanation: "`A/RES/62/57` in the masthead, `62/57.` before the title and `Sixty-second session` name the same session and number.",
    bad: "A/RES/75/62 … 75/26. Implementation of the Convention on Cluster Munitions",
    good: "A/RES/75/62 … 75/62. Implementation of the Convention on Cluster Munitions",
    check: un020,
};

static SESSION_WORD: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)^\s*([a-z]+(?:-[a-z]+)?)\s+session|第\s*([一二三四五六七八九十百]+)\s*届")
        .unwrap()
});

fn session_of_line(s: &str) -> Option<u32> {
    let c = SESSION_WORD.captures(s)?;
    if let Some(w) = c.get(1) {
        ordinal_value(w.as_str())
    } else {
        chinese_number(c.get(2)?.as_str())
    }
}

fn un020(cx: &Ctx, out: &mut Sink) {
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

/// The edit writing the English ordinal `want` over the one at `r`: the first
/// letter keeps its case, and a word broken after its hyphen at the end of a
/// line (`seventy-` / `seventh`) keeps its break when only the last part changes.
fn word_edit(text: &str, r: Range<usize>, want: &str) -> Option<(Range<usize>, String)> {
    if want.is_empty() || !want.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return None; // `ordinal_word` gives digits past ninety-nine
    }
    let src = text.get(r.clone())?;
    let mut want = want.to_string();
    if src.starts_with(|c: char| c.is_uppercase()) {
        want[..1].make_ascii_uppercase();
    }
    if let Some(h) = src.rfind('-') {
        let head: String = src[..=h].chars().filter(|c| !c.is_whitespace()).collect();
        let tail = &src[h + 1..];
        let cut = h + 1 + (tail.len() - tail.trim_start().len());
        if let Some(rest) = want.strip_prefix(head.as_str()) {
            return Some((r.start + cut..r.end, rest.to_string()));
        }
    }
    Some((r, want))
}

pub const UN021: RuleDef = RuleDef {
    id: "UN021",
    name: "adoption-outside-session",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The adoption date falls inside the session of the resolution number.",
    explanation: "GA session N runs from September 1945+N to September 1946+N (special and emergency special sessions aside).",
    bad: "62/57 adopted on 5 December 2010",
    good: "62/57 adopted on 5 December 2007",
    check: un021,
};

/// GA session N: September 1945+N to the end of September 1946+N.
pub fn in_ga_session(n: u32, d: Date) -> bool {
    let from = Date {
        year: 1945 + n as i32,
        month: 9,
        day: 1,
    };
    let to = Date {
        year: 1946 + n as i32,
        month: 9,
        day: 30,
    };
    d >= from && d <= to
}

fn un021(cx: &Ctx, out: &mut Sink) {
    if !is_ga(cx) {
        return;
    }
    let (Some(n), Some(a)) = (own_session(cx), cx.tree.meta.adoption_date) else {
        return;
    };
    if a.is_valid() && !in_ga_session(n, a) {
        let r = date_in(cx, NodeKind::Adoption)
            .unwrap_or(cx.tree.meta.number_range.clone().unwrap_or(0..0));
        out.emit(
            r,
            format!(
                "adopted on {} but numbered in session {n} ({}–{}): check the number or the date",
                a.iso(),
                1945 + n,
                1946 + n
            ),
        );
    }
}

pub const UN022: RuleDef = RuleDef {
    id: "UN022",
    name: "future-session-in-past",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "A provisional agenda or a report is for a later session than the current one.",
    explanation: "\"the provisional agenda of its Nth session\" names a session after the one adopting the text (seeds 001–003: N+1); \"to report to it at its Nth session\" names that session or a later one (a report can come at a resumed part of the current session, GA 78/226). A report already submitted (`his report to the General Assembly at its seventy-fifth session`) is not a request.",
    bad: "(in 62/57) Decides to include in the provisional agenda of its sixty-first session …",
    good: "(in 62/57) Decides to include in the provisional agenda of its sixty-third session …",
    check: un022,
};

static FUTURE_EN: Pattern = Pattern::new(|| {
    // the bounded gap makes many lazy-DFA states: a 256 KB cache instead of
    // the default 2 MB (kept per thread for the server's life; issue 4)
    regex::RegexBuilder::new(r"provisional agenda of its\s+([a-z]+(?:-[a-z]+)?)\s+session|(?-u:\b)(?:report|submit|present)(?-u:\b)[^.;]{0,120}?(?-u:\b)to (?:it|the General Assembly) at its\s+([a-z]+(?:-[a-z]+)?)\s+session")
        .dfa_size_limit(256 * 1024)
        .build()
        .unwrap()
});
static FUTURE_ZH: Pattern = Pattern::new(|| {
    Regex::new(r"列入(?:大会)?第\s*([一二三四五六七八九十百]+)\s*届会议(?:的)?临时议程|向(?:大会)?第\s*([一二三四五六七八九十百]+)\s*届会议提(?:出|交)").unwrap()
});

fn un022(cx: &Ctx, out: &mut Sink) {
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

pub const UN023: RuleDef = RuleDef {
    id: "UN023",
    name: "malformed-ordinal",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[Lang::En, Lang::Zh],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Session ordinals are hyphenated lower-case words (`sixty-third`); Chinese uses well-formed Chinese numerals.",
    explanation: "`sixty-third session` in running text (capitalised only at line start), never `sixty third`, `Sixty-Third` or `63rd session`; Chinese `第六十三届`, not `第六十十三届`.",
    bad: "at its sixty third session; 第六十十三届会议",
    good: "at its sixty-third session; 第六十三届会议",
    check: un023,
};

static ORD_EN_BAD: Pattern = Pattern::new(|| {
    Regex::new(r"(?-u:\b)(?i:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\s+(?i:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))\s+(?:(?:special|emergency special|regular|resumed)\s+)?session(?-u:\b)|(?-u:\b)([a-z]+)-([A-Z][a-z]+)\s+session(?-u:\b)|(?-u:\b)(\d{1,2})(?:st|nd|rd|th)\s+session(?-u:\b)").unwrap()
});
static ORD_ZH: Pattern =
    Pattern::new(|| Regex::new(r"第\s*([一二三四五六七八九十百零]+)\s*届").unwrap());

fn un023(cx: &Ctx, out: &mut Sink) {
    // every pattern needs `session` (届 in Chinese): look for it in the unit's
    // own text before joining its lines
    let key: &[u8] = if cx.lang == Lang::Zh {
        "届".as_bytes()
    } else {
        b"session"
    };
    let finder = memchr::memmem::Finder::new(key);
    if finder.find(cx.text.as_bytes()).is_none() {
        return;
    }
    for n in units(cx) {
        if finder.find(cx.text[n.range.clone()].as_bytes()).is_none() {
            continue;
        }
        let v = view(cx, n);
        if cx.lang == Lang::Zh {
            for c in cx.re(&ORD_ZH).captures_iter(&v.s) {
                let g = c.get(1).unwrap();
                let Some(val) = chinese_number(g.as_str()) else {
                    out.emit(
                        v.range(g.range()),
                        format!("`{}` is not a Chinese numeral", g.as_str()),
                    );
                    continue;
                };
                let want = chinese_numeral(val);
                if want != g.as_str() {
                    out.emit(
                        v.range(g.range()),
                        format!("`{}`: write `{want}`", g.as_str()),
                    )
                    .fix(
                        format!("Write `{want}`"),
                        vec![Edit {
                            range: v.range(g.range()),
                            text: want.clone(),
                        }],
                        true,
                    );
                }
            }
            continue;
        }
        for c in cx.re(&ORD_EN_BAD).captures_iter(&v.s) {
            let m = c.get(0).unwrap();
            let at_start = v.s[..m.start()].trim_end().is_empty();
            let (range, want) = if let (Some(t), Some(u)) = (c.get(1), c.get(2)) {
                let w = format!("{}-{}", t.as_str(), u.as_str());
                let w = if t.as_str().starts_with(char::is_uppercase) {
                    w
                } else {
                    w.to_lowercase()
                };
                (t.start()..u.end(), w)
            } else if let (Some(t), Some(u)) = (c.get(3), c.get(4)) {
                let Some(val) = ordinal_value(&format!("{}-{}", t.as_str(), u.as_str())) else {
                    continue;
                };
                let _ = val;
                (
                    t.start()..u.end(),
                    format!("{}-{}", t.as_str(), u.as_str().to_lowercase()),
                )
            } else if let Some(d) = c.get(5) {
                if at_start {
                    continue;
                }
                let val: u32 = d.as_str().parse().unwrap_or(0);
                (d.start()..m.end() - " session".len(), ordinal_word(val))
            } else {
                continue;
            };
            let dr = v.range(range);
            out.emit(
                dr.clone(),
                format!("malformed session ordinal: write `{want}`"),
            )
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: dr,
                    text: want.clone(),
                }],
                true,
            );
        }
    }
}

pub const UN024: RuleDef = RuleDef {
    id: "UN024",
    name: "issue-before-adoption",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The masthead date is not before the adoption date.",
    explanation: "The resolution is issued after it is adopted: the date under `Distr.: General` cannot precede the date of the adoption line (seeds 002, 003).",
    bad: "Distr.: General 1 December 2020 … Resolution adopted by the General Assembly on 7 December 2020",
    good: "Distr.: General 15 December 2020 … Resolution adopted by the General Assembly on 7 December 2020",
    check: un024,
};

fn un024(cx: &Ctx, out: &mut Sink) {
    let (Some(i), Some(a)) = (cx.tree.meta.issue_date, cx.tree.meta.adoption_date) else {
        return;
    };
    if i < a && i.is_valid() && a.is_valid() {
        let heading = cx.tree.nodes_of(NodeKind::Heading).into_iter().next();
        let r = heading
            .and_then(|h| {
                let s = &cx.text[h.range.clone()];
                unlsp_syntax::dates::find_dates(s)
                    .into_iter()
                    .find(|d| d.date == i)
                    .map(|d| h.range.start + d.start..h.range.start + d.end)
            })
            .unwrap_or(0..0);
        out.emit(
            r,
            format!(
                "issued {} before its adoption on {}: check the dates",
                i.iso(),
                a.iso()
            ),
        );
    }
}

pub const UN029: RuleDef = RuleDef {
    id: "UN029",
    name: "title-presence",
    severity: Severity::Information,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "GA, ECOSOC and HRC resolutions carry a title after the number; SC resolutions do not.",
    explanation: "`62/57. Convention on Certain Conventional Weapons`; the title is normally the agenda item's (Editorial Manual, titles).",
    bad: "62/57.\nThe General Assembly,",
    good: "62/57. Convention on Certain Conventional Weapons\nThe General Assembly,",
    check: un029,
};

fn un029(cx: &Ctx, out: &mut Sink) {
    if is_sc(cx) || cx.tree.kind != DocKind::Resolution {
        return;
    }
    let m = &cx.tree.meta;
    if m.number.is_some() && m.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        out.emit(m.number_range.clone().unwrap_or(0..0), "resolution without a title: add it after the number (normally the agenda item's title)");
    }
}

pub const UN034: RuleDef = RuleDef {
    id: "UN034",
    name: "report-from-other-session",
    severity: Severity::Information,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "The report in the adoption line normally belongs to the resolution's session.",
    explanation: "`62/57 … [on the report of the First Committee (A/62/395)]`: a report of another session is usually a typing slip.",
    bad: "62/57 … [on the report of the First Committee (A/61/395)]",
    good: "62/57 … [on the report of the First Committee (A/62/395)]",
    check: un034,
};

static GA_DOC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^A/(?:C\.\d/)?(\d{2})/").unwrap());

fn un034(cx: &Ctx, out: &mut Sink) {
    let Some(own) = own_session(cx) else { return };
    for a in cx.tree.nodes_of(NodeKind::Adoption) {
        for s in &cx.tree.symbols {
            if s.range.start < a.range.start || s.range.end > a.range.end {
                continue;
            }
            if let Some(c) = GA_DOC.captures(&s.canonical)
                && let Ok(n) = c[1].parse::<u32>()
                && n != own
            {
                out.emit(s.range.clone(), format!("report {} is from session {n}, the resolution from session {own}: check the symbol", s.canonical));
            }
        }
    }
}

pub const UN035: RuleDef = RuleDef {
    id: "UN035",
    name: "draft-adopted-mismatch",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "An `/L.` symbol goes with a draft, an `A/RES/` symbol with an adopted text.",
    explanation: "Drafts are issued as `/L.` documents without adoption line or closing formula; an adopted resolution carries its `A/RES/` symbol, its adoption line and its closing formula (Editorial Manual; DHL research guide).",
    bad: "A/C.1/62/L.5 … 61st plenary meeting 5 December 2007",
    good: "A/RES/62/57 … 61st plenary meeting 5 December 2007",
    check: un035,
};

fn un035(cx: &Ctx, out: &mut Sink) {
    let m = &cx.tree.meta;
    let Some(sym) = m.symbol.as_deref() else {
        return;
    };
    let r = m.symbol_range.clone().unwrap_or(0..0);
    let closing = !cx.tree.nodes_of(NodeKind::Closing).is_empty();
    let adopted_line = m.adoption_date.is_some();
    if sym.contains("/L.") && (closing || adopted_line) {
        out.emit(r, format!("draft symbol {sym} on a text with {}: use the A/RES/ symbol or drop the closing lines", if adopted_line { "an adoption line" } else { "a closing formula" }));
    } else if sym.starts_with("A/RES/")
        && !adopted_line
        && !closing
        && cx.tree.kind != DocKind::Other
    {
        out.emit(r, format!("{sym} is an adopted resolution's symbol but the text has neither adoption line nor closing formula"));
    }
}
