//! UN083 `acronym-not-spelled-out`: An acronym is introduced by its full name before it is
//! used.

use crate::rules::shared::{units, view};
use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN083",
    name: "acronym-not-spelled-out",
    severity: Severity::Hint,
    scopes: RES_DRAFT,
    langs: &[Lang::En],
    reach: Reach::Document,
    summary: "An acronym is introduced by its full name before it is used.",
    explanation: "Organs and bodies are named in full; an acronym is first given in parentheses after the full name (`the Office for Disarmament Affairs (UNODA)`) (Editorial Manual, abbreviations).",
    bad: "Requests UNODA to support States;",
    good: "Requests the Office for Disarmament Affairs of the Secretariat to support States;",
    check,
    ..RuleDef::DEFAULT
};

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?(?-u:\b)([A-Z][A-Z\-]{1,7}[A-Z])(s?)(?-u:\b)\)?").unwrap());

const COMMON: &[&str] = &[
    "HIV", "AIDS", "COVID", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
    "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXX", "XL", "LI", "CD", "UN", "USA",
    "ICT",
];

fn check(cx: &Ctx, out: &mut Sink) {
    let mut defined: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    // acronyms defined anywhere (`full name (X)`) count from their definition on
    let found: Vec<_> = units(cx)
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
    let symbols: Vec<_> = (cx.tree.symbols_in(&u.range))
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
        let around = crate::rules::shared::slice(&v.s, m.start().saturating_sub(20), m.end() + 20);
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
