//! D. Chinese punctuation and numerals, date formats, agenda sub-items.

use super::{units, view};
use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Edit, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::sync::LazyLock;
use unlsp_syntax::cjk::{is_cjk, is_han, is_space};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{chinese_number, chinese_numeral};
use unlsp_syntax::tree::NodeKind;

pub const UN070: RuleDef = RuleDef {
    id: "UN070",
    name: "ascii-punctuation-in-chinese",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[Lang::Zh],
    extraction_tolerant: true,
    reach: Reach::Unit,
    summary: "Chinese prose uses full-width punctuation.",
    explanation: "`，；：。？！` in Chinese text. Parentheses are not checked: the UN's published Chinese texts use ASCII `()` around Chinese words as well as Latin material (`(第四委员会)`, `(A/62/391)`).",
    bad: "大会,\n…公约;",
    good: "大会，\n…公约；",
    check: un070,
};

fn full_width(c: char) -> Option<&'static str> {
    Some(match c {
        ',' => "，",
        ';' => "；",
        ':' => "：",
        '?' => "？",
        '!' => "！",
        _ => return None,
    })
}

fn un070(cx: &Ctx, out: &mut Sink) {
    let mut scan = |s: &str, map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = chars[..k].iter().rev().map(|x| x.1).find(|c| !is_space(*c));
            // Parentheses are not checked: the UN's own Chinese texts put ASCII
            // `()` around Chinese words (1,554 times against 2 in the AKN files
            // of sessions 79-80), whatever the style sheet says.
            let Some(fw) = full_width(c) else {
                continue;
            };
            if !prev.is_some_and(|p| is_han(p) || matches!(p, '》' | '”' | '）')) {
                continue;
            }
            let next = chars.get(k + 1).map(|x| x.1);
            if c == ':' && next.is_some_and(|n| n == '/') {
                continue;
            }
            let r = map(i..i + 1);
            out.emit(
                r.clone(),
                format!("ASCII `{c}` in Chinese text: write `{fw}`"),
            )
            .fix(
                format!("Write `{fw}`"),
                vec![Edit {
                    range: r,
                    text: fw.into(),
                }],
                true,
            );
        }
    };
    for u in units(cx) {
        let v = view(cx, u);
        scan(&v.s, &|r| v.range(r));
    }
    for a in cx.tree.nodes_of(NodeKind::Author) {
        let base = a.range.start;
        scan(&cx.text[a.range.clone()], &|r| base + r.start..base + r.end);
    }
}

pub const UN074: RuleDef = RuleDef {
    id: "UN074",
    name: "date-format",
    severity: Severity::Warning,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Dates in the language's format.",
    explanation: "en `5 December 2007` (not `December 5, 2007`, not `5th`); zh `2007年12月5日` (no leading zeros, not `2007-12-05`); fr `5 décembre 2007`; es `5 de diciembre de 2007`; ru `5 декабря 2007 года`.",
    bad: "December 5, 2007; 2007年12月05日",
    good: "5 December 2007; 2007年12月5日",
    check: un074,
};

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());

fn un074(cx: &Ctx, out: &mut Sink) {
    for d in &cx.tree.dates {
        if d.canonical_form || !d.date.is_valid() {
            continue;
        }
        // inside a citation: UN052 says it
        if cx.tree.citations.iter().any(|c| {
            c.date_range
                .as_ref()
                .is_some_and(|r| r.start <= d.range.start && d.range.end <= r.end)
        }) {
            continue;
        }
        let want = if cx.lang == Lang::Zh {
            d.date.chinese().replace(' ', "")
        } else {
            d.date.english()
        };
        let written = cx.text[d.range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.emit(d.range.clone(), format!("date `{written}`: write `{want}`"))
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: d.range.clone(),
                    text: want.clone(),
                }],
                true,
            );
    }
    if cx.lang == Lang::Zh {
        for u in units(cx) {
            let v = view(cx, u);
            for c in ISO_DATE.captures_iter(&v.s) {
                let (y, m, d): (u32, u32, u32) = (
                    c[1].parse().unwrap_or(0),
                    c[2].parse().unwrap_or(0),
                    c[3].parse().unwrap_or(0),
                );
                if !(1..=12).contains(&m) {
                    continue;
                }
                let want = format!("{y}年{m}月{d}日");
                let r = v.range(c.get(0).unwrap().range());
                out.emit(r.clone(), format!("date `{}`: write `{want}`", &c[0]))
                    .fix(
                        format!("Write `{want}`"),
                        vec![Edit {
                            range: r,
                            text: want.clone(),
                        }],
                        true,
                    );
            }
        }
    }
}

pub const UN084: RuleDef = RuleDef {
    id: "UN084",
    name: "chinese-numeral-style",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[Lang::Zh],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Sessions in Chinese numerals, meetings and paragraphs in Arabic figures.",
    explanation: "`第七十五届会议`, but `第 37 次全体会议`, `第 96 段` (seeds 000–003).",
    bad: "第75届会议; 第三十七次全体会议",
    good: "第七十五届会议; 第37次全体会议",
    check: un084,
};

static ZH_SESSION_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第\s*(\d{1,3})\s*届").unwrap());
static ZH_MEETING_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第([一二三四五六七八九十百零]+)次全体会议").unwrap());

fn un084(cx: &Ctx, out: &mut Sink) {
    let mut scan = |s: &str, map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        for c in ZH_SESSION_DIGITS.captures_iter(s) {
            let g = c.get(1).unwrap();
            let n: u32 = g.as_str().parse().unwrap_or(0);
            let want = chinese_numeral(n);
            let r = map(g.range());
            out.emit(
                r.clone(),
                format!("session `{}` in figures: write `第{want}届`", g.as_str()),
            )
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: r,
                    text: want.clone(),
                }],
                true,
            );
        }
        for c in ZH_MEETING_WORDS.captures_iter(s) {
            let g = c.get(1).unwrap();
            let Some(n) = chinese_number(g.as_str()) else {
                continue;
            };
            let r = map(g.range());
            out.emit(
                r.clone(),
                format!(
                    "meeting `{}` in Chinese numerals: write `第{n}次`",
                    g.as_str()
                ),
            )
            .fix(
                format!("Write `{n}`"),
                vec![Edit {
                    range: r,
                    text: n.to_string(),
                }],
                true,
            );
        }
    };
    for u in units(cx) {
        let v = view(cx, u);
        scan(&v.s, &|r| v.range(r));
    }
    for kind in [NodeKind::Closing, NodeKind::Heading] {
        for n in cx.tree.nodes_of(kind) {
            let base = n.range.start;
            scan(&cx.text[n.range.clone()], &|r| base + r.start..base + r.end);
        }
    }
}

pub const UN088: RuleDef = RuleDef {
    id: "UN088",
    name: "agenda-subitem-digit",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Agenda sub-items are letters, not digits.",
    explanation: "`Agenda item 98 (l)` / `议程项目 98(l)`: a digit in the parentheses is usually the letter `l` read as `1` by the extraction (seed 003).",
    bad: "议程项目 98(1)",
    good: "议程项目 98(l)",
    check: un088,
};

static AGENDA_DIGIT: Pattern = Pattern::new(|| {
    Regex::new(r"(?:[Aa]genda items?|议程项目|临时议程项目)\s*\d{1,3}\s*\((\d{1,2})\)").unwrap()
});

fn un088(cx: &Ctx, out: &mut Sink) {
    let mut spans: Vec<std::ops::Range<usize>> = cx
        .tree
        .nodes_of(NodeKind::Heading)
        .into_iter()
        .map(|n| n.range.clone())
        .collect();
    spans.extend(units(cx).into_iter().map(|n| n.range.clone()));
    for sp in spans {
        let s = &cx.text[sp.clone()];
        for c in cx.re(&AGENDA_DIGIT).captures_iter(s) {
            let g = c.get(1).unwrap();
            let r = sp.start + g.start()..sp.start + g.end();
            let d = out.emit(
                r.clone(),
                format!(
                    "agenda sub-item `({})` written as a digit: sub-items are letters",
                    g.as_str()
                ),
            );
            if g.as_str() == "1" || g.as_str() == "11" {
                let want = "l".repeat(g.as_str().len());
                d.fix(
                    format!("Write `({want})`"),
                    vec![Edit {
                        range: r,
                        text: want.clone(),
                    }],
                    false,
                );
            }
        }
    }
    let _ = is_cjk;
}
