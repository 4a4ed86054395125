//! A/D. Internal references and acronyms.

use super::{operative_groups, units, view};
use crate::{Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

pub const UN032: RuleDef = RuleDef {
    id: "UN032",
    name: "this-resolution",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Zh],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "The resolution refers to itself as `the present resolution` (zh `本决议`).",
    explanation: "Internal references to the resolution as a whole use `the present resolution` (Editorial Manual, internal references).",
    bad: "on the implementation of this resolution",
    good: "on the implementation of the present resolution",
    check: un032,
};

static THIS_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([Tt]his) resolution(?-u:\b)").unwrap());
static THIS_ZH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(这项|此项|该项|此)决议").unwrap());

fn un032(cx: &Ctx, out: &mut Sink) {
    for u in units(cx) {
        if matches!(
            u.kind,
            NodeKind::Footnote | NodeKind::Title | NodeKind::Adoption
        ) {
            continue;
        }
        let v = view(cx, u);
        if cx.lang == Lang::Zh {
            for m in THIS_ZH.find_iter(&v.s) {
                let r = v.range(m.range());
                out.emit(r.clone(), "write `本决议`").fix(
                    "Write `本决议`",
                    vec![Edit {
                        range: r,
                        text: "本决议".into(),
                    }],
                    true,
                );
            }
        } else {
            for c in THIS_EN.captures_iter(&v.s) {
                let m = c.get(0).unwrap();
                let the = if &c[1] == "This" { "The" } else { "the" };
                let r = v.range(m.range());
                out.emit(
                    r.clone(),
                    format!("`{}`: write `{the} present resolution`", m.as_str()),
                )
                .fix(
                    format!("Write `{the} present resolution`"),
                    vec![Edit {
                        range: r,
                        text: format!("{the} present resolution"),
                    }],
                    true,
                );
            }
        }
    }
}

pub const UN033: RuleDef = RuleDef {
    id: "UN033",
    name: "dangling-paragraph-reference",
    severity: Severity::Error,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "`paragraph 7 above` points to an existing paragraph.",
    explanation: "References such as `paragraph 7 above`, `paragraph 3 (b) of the present resolution`, `本决议第 7 段` must name a paragraph (and sub-paragraph) that exists.",
    bad: "(13 paragraphs) as requested in paragraph 15 above",
    good: "(13 paragraphs) as requested in paragraph 12 above",
    check: un033,
};

fn un033(cx: &Ctx, out: &mut Sink) {
    let groups = operative_groups(cx);
    if groups.is_empty() {
        return;
    }
    let mut numbers: HashSet<u32> = groups
        .iter()
        .flatten()
        .filter_map(|n| n.label.as_deref()?.parse().ok())
        .collect();
    // numbered items outside the operative part are paragraphs too: the
    // numbered clauses of a single `Resolves that:` (GA 78/256, Working
    // Capital Fund) and the paragraphs of an annex, which its own text cites
    // (SC 1454 (2002), the Goods Review List procedures)
    cx.tree.walk(|n, _| {
        if let Some(v) = n
            .label
            .as_deref()
            .and_then(|l| l.trim_end_matches('.').parse().ok())
        {
            numbers.insert(v);
        }
    });
    let max = groups.iter().map(|g| g.len()).max().unwrap_or(0) as u32;
    for r in &cx.tree.paragraph_refs {
        if r.of_citation.is_some() {
            continue;
        }
        let written = &cx.text[r.range.clone()];
        let internal = written.ends_with("above")
            || written.ends_with("below")
            || written.contains("present resolution")
            || written.contains("上文")
            || written.contains("下文")
            || written.contains("本决议");
        if !internal {
            continue;
        }
        if !numbers.contains(&r.number) && r.number > max {
            out.emit(
                r.number_range.clone(),
                format!(
                    "paragraph {} does not exist: the text has {max} operative paragraphs",
                    r.number
                ),
            );
            continue;
        }
        if let Some(sub) = &r.sub {
            let para = groups
                .iter()
                .flatten()
                .find(|n| n.label.as_deref().and_then(|l| l.parse::<u32>().ok()) == Some(r.number));
            if let Some(p) = para {
                let subs: Vec<&str> = p
                    .children
                    .iter()
                    .filter(|c| c.kind == NodeKind::Subparagraph)
                    .filter_map(|c| c.label.as_deref())
                    .collect();
                if !subs.is_empty() && !subs.iter().any(|l| l.trim_matches(['(', ')']) == sub) {
                    out.emit(
                        r.range.clone(),
                        format!("paragraph {} has no sub-paragraph ({sub})", r.number),
                    );
                }
            }
        }
    }
}

pub const UN083: RuleDef = RuleDef {
    id: "UN083",
    name: "acronym-not-spelled-out",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::En],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "An acronym is introduced by its full name before it is used.",
    explanation: "Organs and bodies are named in full; an acronym is first given in parentheses after the full name (`the Office for Disarmament Affairs (UNODA)`) (Editorial Manual, abbreviations).",
    bad: "Requests UNODA to support States;",
    good: "Requests the Office for Disarmament Affairs of the Secretariat to support States;",
    check: un083,
};

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?(?-u:\b)([A-Z][A-Z\-]{1,7}[A-Z])(s?)(?-u:\b)\)?").unwrap());

const COMMON: &[&str] = &[
    "HIV", "AIDS", "COVID", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
    "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXX", "XL", "LI", "CD", "UN", "USA",
    "ICT",
];

fn un083(cx: &Ctx, out: &mut Sink) {
    let mut defined: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    // acronyms defined anywhere (`full name (X)`) count from their definition on
    let found: Vec<_> = units(cx)
        .into_iter()
        .filter(|u| {
            !matches!(
                u.kind,
                NodeKind::Title | NodeKind::Adoption | NodeKind::Footnote
            )
        })
        .map(|u| (u.range.start, cx.memo.fact("UN083", u, || acronyms(cx, u))))
        .collect();
    for (base, hits) in &found {
        for (a, at) in hits.iter() {
            let Some(r) = at else {
                defined.insert(a);
                continue;
            };
            if defined.contains(a.as_str()) || !reported.insert(a) {
                continue;
            }
            out.emit(
                base + r.start..base + r.end,
                format!("`{a}` is used before its full name: spell it out"),
            );
        }
    }
}

/// The acronyms of one unit in text order: a definition `(X)` (no range), or
/// a use in running text that needs one (its range, relative to the unit).
#[allow(clippy::type_complexity)]
fn acronyms(cx: &Ctx, u: &Node) -> Vec<(String, Option<std::ops::Range<usize>>)> {
    let mut out = Vec::new();
    let v = view(cx, u);
    // the tree's symbols are sorted: the unit's are one slice of them
    let all = &cx.tree.symbols;
    let from = all.partition_point(|s| s.range.start < u.range.start);
    let to = all.partition_point(|s| s.range.start < u.range.end);
    let symbols: Vec<_> = all[from..to.max(from)]
        .iter()
        .filter(|s| s.range.end <= u.range.end)
        .map(|s| s.range.clone())
        .collect();
    // the groups are read off the match: the capturing search costs
    // several times the plain one over every paragraph
    for m in ACRONYM.find_iter(&v.s) {
        let inner = m.as_str().strip_prefix('(').unwrap_or(m.as_str());
        let inner = inner.strip_suffix(')').unwrap_or(inner);
        let inner = inner.strip_suffix('s').unwrap_or(inner);
        let at = m.start() + (m.as_str().len() - m.as_str().trim_start_matches('(').len());
        let a = inner.to_string();
        if m.as_str().starts_with('(') && m.as_str().ends_with(')') {
            out.push((a, None));
            continue;
        }
        if COMMON.contains(&a.as_str())
            || a.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        {
            continue;
        }
        let r = v.range(at..at + inner.len());
        if symbols.iter().any(|s| s.start <= r.start && r.end <= s.end) {
            continue;
        }
        // an all-capitals line (a heading) is not running text
        let around = super::slice(&v.s, m.start().saturating_sub(20), m.end() + 20);
        if around.chars().filter(|c| c.is_lowercase()).count() < 3 {
            continue;
        }
        let base = u.range.start;
        out.push((
            a,
            Some(r.start.saturating_sub(base)..r.end.saturating_sub(base)),
        ));
    }
    out
}
