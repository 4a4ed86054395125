//! UN070 `ascii-punctuation-in-chinese`: Chinese prose uses full-width punctuation.

use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Sink};
use unlsp_syntax::cjk::{is_han, is_space};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN070",
    name: "ascii-punctuation-in-chinese",
    langs: &[Lang::Zh],
    extraction_tolerant: true,
    summary: "Chinese prose uses full-width punctuation.",
    explanation: "`，；：。？！` in Chinese text. Parentheses are not checked: the UN's published Chinese texts use ASCII `()` around Chinese words as well as Latin material (`(第四委员会)`, `(A/62/391)`).",
    bad: "大会,\n…公约;",
    good: "大会，\n…公约；",
    check,
    ..RuleDef::DEFAULT
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

fn check(cx: &Ctx, out: &mut Sink) {
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
            .fix_one(format!("Write `{fw}`"), r, fw, true);
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
