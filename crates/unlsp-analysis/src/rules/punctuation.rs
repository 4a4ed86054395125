//! D. Punctuation, dates and typography (and the terminal-punctuation rules of
//! part A).

use super::{all_of, operative_groups, terminal};
use crate::{ALL_KINDS, Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::cjk::{is_han, is_space};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

pub const UN006: RuleDef = RuleDef {
    id: "UN006",
    name: "preambular-punctuation",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::Unit,
    summary: "A preambular paragraph ends with a comma.",
    explanation: "Every preambular paragraph, the last one included, ends with a comma (zh `，`, ar `،`); with sub-paragraphs, the last sub-paragraph carries it (Editorial Manual, punctuation).",
    bad: "Recalling its resolution 61/100 of 6 December 2006;",
    good: "Recalling its resolution 61/100 of 6 December 2006,",
    check: un006,
};

fn un006(cx: &Ctx, out: &mut Sink) {
    let table = cx.lang.table();
    for p in all_of(cx, NodeKind::Preambular) {
        let Some((mark, r)) = terminal(cx, p) else {
            continue;
        };
        if table.is_comma(mark) || mark == ',' || mark == '，' {
            continue;
        }
        let want = table.preferred_comma();
        if matches!(mark, ';' | '；' | '.' | '。' | '؛') {
            out.emit(
                r.clone(),
                format!("preambular paragraph ends with `{mark}`: end it with `{want}`"),
            )
            .fix(
                format!("Replace `{mark}` with `{want}`"),
                vec![Edit {
                    range: r,
                    text: want.to_string(),
                }],
                true,
            );
        } else if mark != ':' && mark != '：' {
            let at = r.end..r.end;
            out.emit(
                r.clone(),
                format!("preambular paragraph does not end with `{want}`"),
            )
            .fix(
                format!("Add `{want}`"),
                vec![Edit {
                    range: at,
                    text: want.to_string(),
                }],
                true,
            );
        }
    }
}

pub const UN010: RuleDef = RuleDef {
    id: "UN010",
    name: "operative-punctuation",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::Document,
    summary: "Operative paragraphs end with a semicolon, the last with a full stop.",
    explanation: "Each operative paragraph ends with `;` (zh `；`, ar `؛`) and the last one with `.` (zh `。`). A paragraph with sub-paragraphs ends where its last sub-paragraph ends.",
    bad: "12. Also requests the Secretary-General to report thereon.\n13. Decides to include the item in the provisional agenda of its sixty-third session.",
    good: "12. Also requests the Secretary-General to report thereon;\n13. Decides to include the item in the provisional agenda of its sixty-third session.",
    check: un010,
};

fn un010(cx: &Ctx, out: &mut Sink) {
    let table = cx.lang.table();
    let groups = operative_groups(cx);
    let ng = groups.len();
    for (gi, g) in groups.iter().enumerate() {
        for (i, p) in g.iter().enumerate() {
            let last_in_doc = gi == ng - 1 && i == g.len() - 1;
            let last_in_group = i == g.len() - 1;
            if p.lead.is_none() {
                continue; // numbered lines of an embedded text or a list (see the report)
            }
            if super::preambular_with_operative_lead(cx, p) {
                continue; // UN015
            }
            let Some((mark, r)) = terminal(cx, p) else {
                continue;
            };
            let is_semi = table.is_semicolon(mark) || mark == ';' || mark == '；';
            let is_stop = table.is_full_stop(mark) || mark == '.' || mark == '。';
            if matches!(mark, ':' | '：') {
                continue; // introduces a quoted text or an annex
            }
            if ends_with_block_quotation(cx, p)
                || ends_with_numbered_items(cx, p)
                || super::introduces_text(cx, p)
            {
                continue;
            }
            if last_in_doc {
                if !is_stop {
                    let want = table.preferred_full_stop();
                    let d = out.emit(
                        r.clone(),
                        format!(
                            "the last operative paragraph ends with `{mark}`: end it with `{want}`"
                        ),
                    );
                    mark_fix(d, mark, r, want, is_semi || table.is_comma(mark));
                }
            } else if !(is_semi || is_stop && last_in_group) {
                let want = table.preferred_semicolon();
                let d = out.emit(r.clone(), format!("operative paragraph ends with `{mark}`: end it with `{want}` (only the last ends with a full stop)"));
                mark_fix(d, mark, r, want, is_stop || table.is_comma(mark));
            }
        }
    }
}

/// The paragraph ends with a quotation set off as paragraphs of their own
/// (`… continues to read as follows:` / `“(a) …` / `“(b) … level.”`, GA
/// 79/280): the quoted text keeps its own final full stop, and nothing follows.
fn ends_with_block_quotation(cx: &Ctx, p: &Node) -> bool {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[ \t]*\r?\n\s*[“«]").unwrap());
    let body = super::slice(cx.text, p.range.start, p.range.end).trim_end_matches(is_space);
    (body.ends_with(".”") || body.ends_with(".»")) && BLOCK.is_match(body)
}

/// The paragraph ends with a list of numbered items that all end with a full
/// stop: a provisional agenda (`1. Opening of the Congress.` … `7. Adoption
/// of the report of the Congress.`, GA 78/223) keeps its own punctuation.
fn ends_with_numbered_items(cx: &Ctx, p: &Node) -> bool {
    let items: Vec<&Node> = p
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
        .collect();
    items.len() >= 2
        && items.iter().all(|c| {
            c.label
                .as_deref()
                .is_some_and(|l| l.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit()))
                && super::slice(cx.text, c.range.start, c.range.end)
                    .trim_end_matches(is_space)
                    .ends_with('.')
        })
}

/// Replace a wrong terminal mark, or add the missing one after the last character.
fn mark_fix(
    d: &mut crate::Diagnostic,
    mark: char,
    r: std::ops::Range<usize>,
    want: &str,
    replace: bool,
) {
    if replace {
        d.fix(
            format!("Replace `{mark}` with `{want}`"),
            vec![Edit {
                range: r,
                text: want.to_string(),
            }],
            true,
        );
    } else {
        d.fix(
            format!("Add `{want}`"),
            vec![Edit {
                range: r.end..r.end,
                text: want.to_string(),
            }],
            true,
        );
    }
}

pub const UN071: RuleDef = RuleDef {
    id: "UN071",
    name: "unbalanced-delimiters",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Brackets and quotation marks balance within a paragraph.",
    explanation: "`()`, `[]`, `（）`, `《》`, `“”`, `«»` open and close inside the same paragraph, title, adoption line or heading block (footnotes are checked on their own).",
    bad: "《集束弹药公约》的执行情况》",
    good: "《集束弹药公约》的执行情况",
    check: un071,
};

/// Bytes that can start a character of [`PAIRS`].
static BRACKET_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < PAIRS.len() {
        let mut buf = [0u8; 4];
        t[PAIRS[k].0.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
        t[PAIRS[k].1.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
        k += 1;
    }
    // a straight quote can close a “ (see `un071`); ’ shares “'s lead byte
    t[b'"' as usize] = true;
    t
};

/// The index of `“ ”` in [`PAIRS`].
const QUOTE: usize = 4;
const _: () = assert!(PAIRS[QUOTE].0 == '“');

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('（', '）'),
    ('《', '》'),
    ('“', '”'),
    ('«', '»'),
    ('〈', '〉'),
];

fn un071(cx: &Ctx, out: &mut Sink) {
    let mut units: Vec<&Node> = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(
            n.kind,
            NodeKind::Preambular
                | NodeKind::Operative
                | NodeKind::Paragraph
                | NodeKind::Footnote
                | NodeKind::Title
                // the heading block and the adoption lines (`[on the report
                // of the … Committee (A/79/431, para. 33]`) balance too
                | NodeKind::Heading
                | NodeKind::Adoption
        ) {
            units.push(n)
        }
    });
    let fr_es = matches!(cx.lang, Lang::Fr | Lang::Es);
    let arabic = cx.lang == Lang::Ar;
    for n in units {
        let pieces = if n.kind == NodeKind::Footnote {
            vec![n.range.clone()]
        } else {
            super::body_pieces(n)
        };
        // one pass over the bytes: only the lead bytes of the bracket
        // characters stop it, then the char there says which pair it is
        let mut stacks: [Vec<usize>; PAIRS.len()] = Default::default();
        let mut strays: [Option<usize>; PAIRS.len()] = [None; PAIRS.len()];
        for r in &pieces {
            let s = &cx.text[r.clone()];
            let bytes = s.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if !BRACKET_LEAD[b as usize] {
                    continue;
                }
                let Some(c) = s[i..].chars().next() else {
                    continue;
                };
                // `“Acordos de Paz"`, `“World Social Summit’’` (SC 793 (1992),
                // GA 78/261): the quotation is closed, with the wrong mark (a
                // straight quote is UN072's)
                if !stacks[QUOTE].is_empty()
                    && (c == '"' || (c == '’' && s[i + c.len_utf8()..].starts_with('’')))
                {
                    stacks[QUOTE].pop();
                    continue;
                }
                // Arabic opens a quotation with ” and closes it with “ (and
                // some texts the other way round): either mark closes an
                // open quotation, and opens one otherwise
                if arabic && (c == '“' || c == '”') {
                    if stacks[QUOTE].pop().is_none() {
                        stacks[QUOTE].push(r.start + i);
                    }
                    continue;
                }
                let Some((k, is_open)) = PAIRS.iter().enumerate().find_map(|(k, &(o, cl))| {
                    (c == o)
                        .then_some((k, true))
                        .or((c == cl).then_some((k, false)))
                }) else {
                    continue;
                };
                // a quotation of several paragraphs inside one node (`“(a) …
                // General.` / `“(b) … level.”`, GA 79/280): a `“` opening a
                // line while the one opening an earlier line is still open
                // starts the next quoted paragraph
                let line_start = |at: usize| {
                    let before = cx.text[..at].trim_end_matches([' ', '\t', '\u{3000}']);
                    before.is_empty() || before.ends_with('\n')
                };
                if is_open
                    && k == QUOTE
                    && line_start(r.start + i)
                    && stacks[k].last().is_some_and(|&o| line_start(o))
                {
                    stacks[k].pop();
                }
                if is_open {
                    stacks[k].push(r.start + i);
                } else if stacks[k].pop().is_none() && strays[k].is_none() {
                    // `a)` labels in French and Spanish; `1)` enumerations
                    let before = s[..i].trim_end_matches(is_space);
                    let word = before
                        .chars()
                        .rev()
                        .take_while(|p| p.is_alphanumeric())
                        .count();
                    let label = word > 0
                        && word <= 4
                        && before
                            .chars()
                            .rev()
                            .nth(word)
                            .is_none_or(|p| is_space(p) || p == '\n');
                    if c == ')' && (label || fr_es) {
                        continue;
                    }
                    strays[k] = Some(r.start + i);
                }
            }
        }
        for (k, &(open, close)) in PAIRS.iter().enumerate() {
            let stack = &stacks[k];
            let stray = strays[k];
            // A quotation of several paragraphs opens each of them with “ and
            // closes only the last (corpus: SC 793 (1992), GA 79/333).
            let quote = open == '“' || open == '«';
            let body_start = pieces.first().map(|r| r.start).unwrap_or(0);
            let body_end = pieces.last().map(|r| r.end).unwrap_or(0);
            let near_start = |at: usize| {
                cx.text[body_start..at]
                    .trim_matches(is_space)
                    .chars()
                    .count()
                    <= 4
            };
            let near_end = |at: usize| {
                cx.text[at + close.len_utf8()..body_end]
                    .trim_matches(is_space)
                    .chars()
                    .count()
                    <= 3
            };
            if let Some(at) = stray {
                if quote && near_end(at) {
                    continue;
                }
                out.emit(at..at + close.len_utf8(), format!("`{close}` closes nothing in this paragraph: remove it or add the `{open}` it closes"));
            } else if let Some(&at) = stack.first() {
                if quote && near_start(at) {
                    continue;
                }
                // the Arabic quotation opened with either mark
                let (open, close) = match cx.text[at..].chars().next() {
                    Some('”') if arabic && k == QUOTE => ('”', '“'),
                    _ => (open, close),
                };
                out.emit(
                    at..at + open.len_utf8(),
                    format!("`{open}` is never closed in this paragraph: add `{close}`"),
                );
            }
        }
    }
}

pub const UN072: RuleDef = RuleDef {
    id: "UN072",
    name: "straight-quotes",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[Lang::En, Lang::Zh],
    extraction_tolerant: true,
    reach: Reach::Unit,
    summary: "Quotations use typographic quotes “…”.",
    explanation: "Edited UN texts quote with “ and ”; straight quotes are a conversion artefact (seeds 000 and 001).",
    bad: "the item entitled \"Convention on Cluster Munitions\"",
    good: "the item entitled “Convention on Cluster Munitions”",
    check: un072,
};

fn un072(cx: &Ctx, out: &mut Sink) {
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

pub const UN073: RuleDef = RuleDef {
    id: "UN073",
    name: "impossible-date",
    severity: Severity::Error,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "A date that does not exist.",
    explanation: "Days beyond the month's length, month 13, 29 February outside a leap year.",
    bad: "resolution 61/100 of 31 November 2006",
    good: "resolution 61/100 of 30 November 2006",
    check: un073,
};

fn un073(cx: &Ctx, out: &mut Sink) {
    for d in &cx.tree.dates {
        if !d.date.is_valid() {
            out.emit(
                d.range.clone(),
                format!(
                    "{} is not a date: check the day and the month",
                    cx.text[d.range.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            );
        }
    }
}

pub const UN075: RuleDef = RuleDef {
    id: "UN075",
    name: "spacing",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::DocumentIn(&[Lang::Zh]),
    summary: "No double spaces, no space before punctuation; no spaces between Chinese characters.",
    explanation: "English: `Decides to include,` not `Decides  to include ,`. Chinese: spaces between characters are word-segmentation artefacts (seed 000); reported once per document.",
    bad: "Decides  to include ,",
    good: "Decides to include,",
    check: un075,
};

fn un075(cx: &Ctx, out: &mut Sink) {
    if cx.lang == Lang::Zh {
        // once per document: the first space between two Han characters in a paragraph
        let mut found = None;
        cx.tree.walk(|n, _| {
            if found.is_some()
                || !matches!(
                    n.kind,
                    NodeKind::Preambular
                        | NodeKind::Operative
                        | NodeKind::Paragraph
                        | NodeKind::Subparagraph
                )
            {
                return;
            }
            for r in unlsp_syntax::document::own_pieces(n) {
                let s = &cx.text[r.clone()];
                let mut prev: Option<(usize, char)> = None;
                for (i, c) in s.char_indices() {
                    if let Some((pi, p)) = prev
                        && c == ' '
                        && is_han(p)
                        && s[i + 1..].chars().next().is_some_and(is_han)
                    {
                        let _ = pi;
                        found = Some(r.start + i..r.start + i + 1);
                        return;
                    }
                    if c != ' ' {
                        prev = Some((i, c));
                    } else if prev.is_some_and(|(_, p)| !is_han(p)) {
                        prev = None;
                    }
                }
            }
        });
        if let Some(r) = found {
            out.emit(
                r,
                "spaces between Chinese characters (word segmentation): remove them",
            );
        }
        return;
    }
    cx.tree.walk(|n, _| {
        if !matches!(
            n.kind,
            NodeKind::Preambular
                | NodeKind::Operative
                | NodeKind::Subparagraph
                | NodeKind::Paragraph
        ) {
            return;
        }
        for r in unlsp_syntax::document::own_pieces(n) {
            let s = &cx.text[r.clone()];
            for line in s.split('\n') {
                let base = r.start + (line.as_ptr() as usize - s.as_ptr() as usize);
                let t = line.trim_matches(is_space);
                let off = line.len() - line.trim_start_matches(is_space).len();
                // one pass over the spaces of the line: a double space wins
                // over a space before punctuation, the first of each counts
                let tb = t.as_bytes();
                let mut before_punct: Option<usize> = None;
                let mut double: Option<usize> = None;
                for i in memchr::memchr_iter(b' ', tb) {
                    match tb.get(i + 1) {
                        Some(b' ') => {
                            double = Some(i);
                            break;
                        }
                        Some(b',' | b';' | b':') if before_punct.is_none() => {
                            before_punct = Some(i)
                        }
                        _ => {}
                    }
                }
                if let Some(i) = double {
                    let at = base + off + i;
                    out.emit(at..at + 2, "double space").fix(
                        "Use one space",
                        vec![Edit {
                            range: at..at + 2,
                            text: " ".into(),
                        }],
                        true,
                    );
                    return;
                }
                if let Some(i) = before_punct {
                    let at = base + off + i;
                    out.emit(at..at + 2, format!("space before `{}`", &t[i + 1..i + 2]))
                        .fix(
                            "Remove the space",
                            vec![Edit {
                                range: at..at + 1,
                                text: String::new(),
                            }],
                            true,
                        );
                    return;
                }
            }
        }
    });
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
