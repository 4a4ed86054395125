//! UN002 `author-line-punctuation`: The author line ends with a comma.

use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Sink};
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN002",
    name: "author-line-punctuation",
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "The author line ends with a comma.",
    explanation: "`The General Assembly,` / `大会，` / `إن الجمعية العامة،` (Editorial Manual). When no preamble follows, the bare line `The General Assembly` is also accepted.",
    bad: "The General Assembly:\nRecalling its resolution 61/100,",
    good: "The General Assembly,\nRecalling its resolution 61/100,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let table = cx.lang.table();
    let want = table.preferred_comma();
    fn scan<'a>(level: &'a [Node], out: &mut Vec<(&'a Node, Option<&'a Node>)>) {
        for (i, n) in level.iter().enumerate() {
            if n.kind == NodeKind::Author {
                let next = level[i + 1..]
                    .iter()
                    .find(|x| !matches!(x.kind, NodeKind::Furniture | NodeKind::Footnote));
                out.push((n, next));
            }
            scan(&n.children, out);
        }
    }
    let mut authors = Vec::new();
    scan(&cx.tree.nodes, &mut authors);
    for (a, next) in authors {
        let s = &cx.text[a.range.clone()];
        let t = s.trim_end_matches(|c: char| is_space(c) || c == '*' || c == '_');
        let Some(last) = t.chars().next_back() else {
            continue;
        };
        let at = a.range.start + t.len() - last.len_utf8();
        if table.is_comma(last) || last == ',' || last == '，' {
            continue;
        }
        if matches!(last, ':' | '：' | ';' | '；' | '.' | '。') {
            out.emit(
                at..at + last.len_utf8(),
                format!("author line ends with `{last}`: end it with `{want}`"),
            )
            .fix_one(
                format!("Replace `{last}` with `{want}`"),
                at..at + last.len_utf8(),
                want.to_string(),
                true,
            );
        } else if next.is_some_and(|n| n.kind == NodeKind::Preamble) {
            let end = a.range.start + t.len();
            out.emit(
                a.range.start..end,
                format!("author line without its comma: write `{}{want}`", t.trim()),
            )
            .fix_one(format!("Add `{want}`"), end..end, want.to_string(), true);
        }
    }
}
