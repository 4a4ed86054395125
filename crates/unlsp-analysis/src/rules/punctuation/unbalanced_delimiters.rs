//! UN071 `unbalanced-delimiters`: Brackets and quotation marks balance within a paragraph.

use crate::{Ctx, RuleDef, Severity, Sink};
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN071",
    name: "unbalanced-delimiters",
    severity: Severity::Error,
    summary: "Brackets and quotation marks balance within a paragraph.",
    explanation: "`()`, `[]`, `（）`, `《》`, `“”`, `«»` open and close inside the same paragraph, title, adoption line or heading block (footnotes are checked on their own).",
    bad: "《集束弹药公约》的执行情况》",
    good: "《集束弹药公约》的执行情况",
    check,
    ..RuleDef::DEFAULT
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
    // a straight quote can close a “ (see [`scan`]); ’ shares “'s lead byte
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

fn check(cx: &Ctx, out: &mut Sink) {
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
            unlsp_syntax::paragraph::body_pieces(n)
        };
        let (stacks, strays) = scan(cx, &pieces, arabic, fr_es);
        report(cx, &pieces, &stacks, &strays, arabic, out);
    }
}

/// The marks of each pair still open at the end of `pieces`, and the first
/// closing mark of each that closes nothing.
fn scan(
    cx: &Ctx,
    pieces: &[std::ops::Range<usize>],
    arabic: bool,
    fr_es: bool,
) -> ([Vec<usize>; PAIRS.len()], [Option<usize>; PAIRS.len()]) {
    // one pass over the bytes: only the lead bytes of the bracket
    // characters stop it, then the char there says which pair it is
    let mut stacks: [Vec<usize>; PAIRS.len()] = Default::default();
    let mut strays: [Option<usize>; PAIRS.len()] = [None; PAIRS.len()];
    for r in pieces {
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
                // `a)` labels in French and Spanish; `1)` enumerations; a
                // range or a quotation of labels (`подпунктах a)–f)`,
                // `«a) При назначении`, GA 79/129, 79/280 in Russian)
                let before = s[..i].trim_end_matches(is_space);
                let word = before
                    .chars()
                    .rev()
                    .take_while(|p| p.is_alphanumeric())
                    .count();
                let label =
                    word > 0
                        && word <= 4
                        && before.chars().rev().nth(word).is_none_or(|p| {
                            is_space(p) || matches!(p, '\n' | '–' | '-' | '«' | '“')
                        });
                if c == ')' && (label || fr_es) {
                    continue;
                }
                strays[k] = Some(r.start + i);
            }
        }
    }
    (stacks, strays)
}

/// The first unclosed mark of each pair, or else its first stray closing
/// mark, reported.
fn report(
    cx: &Ctx,
    pieces: &[std::ops::Range<usize>],
    stacks: &[Vec<usize>; PAIRS.len()],
    strays: &[Option<usize>; PAIRS.len()],
    arabic: bool,
    out: &mut Sink,
) {
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
