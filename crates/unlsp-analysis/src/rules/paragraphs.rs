//! A. Structure: the paragraphs themselves (author line, leads, sub-paragraphs,
//! negotiation markers).

use super::{all_of, body_pieces, operative_groups, terminal, units, view};
use crate::pattern::Pattern;
use crate::{ALL_KINDS, Ctx, Edit, RES_DRAFT, RES_ONLY, Reach, RuleDef, Severity, Sink};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, lexicon};
use unlsp_syntax::tree::{Node, NodeKind};

pub const UN002: RuleDef = RuleDef {
    id: "UN002",
    name: "author-line-punctuation",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The author line ends with a comma.",
    explanation: "`The General Assembly,` / `大会，` / `إن الجمعية العامة،` (Editorial Manual). When no preamble follows, the bare line `The General Assembly` is also accepted.",
    bad: "The General Assembly:\nRecalling its resolution 61/100,",
    good: "The General Assembly,\nRecalling its resolution 61/100,",
    check: un002,
};

fn un002(cx: &Ctx, out: &mut Sink) {
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
            .fix(
                format!("Replace `{last}` with `{want}`"),
                vec![Edit {
                    range: at..at + last.len_utf8(),
                    text: want.to_string(),
                }],
                true,
            );
        } else if next.is_some_and(|n| n.kind == NodeKind::Preamble) {
            let end = a.range.start + t.len();
            out.emit(
                a.range.start..end,
                format!("author line without its comma: write `{}{want}`", t.trim()),
            )
            .fix(
                format!("Add `{want}`"),
                vec![Edit {
                    range: end..end,
                    text: want.to_string(),
                }],
                true,
            );
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest base leads of the lexicon to the start of `text`.
fn closest_leads(text: &str, lang: Lang, class: LeadClass) -> Vec<String> {
    let head: String = if lang.is_cjk() {
        text.chars().filter(|c| !is_space(*c)).take(4).collect()
    } else {
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut scored: Vec<(usize, &str)> = lexicon()
        .base_entries(lang, class)
        .map(|e| {
            let n = e.phrase.chars().count().min(head.chars().count());
            let h: String = head.chars().take(n.max(e.phrase.chars().count())).collect();
            (
                edit_distance(&h.to_lowercase(), &e.phrase.to_lowercase()),
                e.phrase.as_str(),
            )
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, p)| p.to_string())
        .collect()
}

fn first_words(cx: &Ctx, n: &Node) -> (std::ops::Range<usize>, String) {
    let start = n
        .label_range
        .as_ref()
        .map(|r| r.end)
        .unwrap_or(n.range.start);
    let s = &cx.text[start..n.range.end];
    let skip = s.len()
        - s.trim_start_matches(|c: char| is_space(c) || c == '.' || c == '\n')
            .len();
    let s2 = &s[skip..];
    let len = if cx.lang.is_cjk() {
        s2.char_indices().nth(4).map(|(i, _)| i).unwrap_or(s2.len())
    } else {
        let mut words = 0;
        let mut end = s2.len();
        for (i, c) in s2.char_indices() {
            if c.is_whitespace() {
                words += 1;
                if words == 3 {
                    end = i;
                    break;
                }
            }
        }
        end
    };
    let a = start + skip;
    (
        a..a + len,
        s2[..len].split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

pub const UN004: RuleDef = RuleDef {
    id: "UN004",
    name: "unrecognised-preambular-lead",
    severity: Severity::Information,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "A preambular paragraph opens with a word that is not a known lead.",
    explanation: "Preambular paragraphs begin with a participle, a participial phrase or an adjective (Editorial Manual). Real resolutions use leads outside any list, so this is only information, with the closest known leads.",
    bad: "The situation in the region remains fragile,",
    good: "Noting that the situation in the region remains fragile,",
    check: un004,
};

fn un004(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if p.lead.is_some() {
            continue;
        }
        let (r, words) = first_words(cx, p);
        if words.is_empty() {
            continue;
        }
        let near = closest_leads(&words, cx.lang, LeadClass::Preambular);
        out.emit(
            r,
            format!(
                "`{words}` is not a known preambular lead: start with a participle or adjective (closest: {})",
                near.join(", ")
            ),
        );
    }
}

pub const UN007: RuleDef = RuleDef {
    id: "UN007",
    name: "operative-lead",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "An operative paragraph opens with a verb in the present tense, third person singular.",
    explanation: "Operative paragraphs begin with the present indicative (`Decides`, `Requests`, `Calls upon`; zh `决定`, `请`). A participle (`Recalling`), a past tense (`Decided`) or a subject (`The Assembly decides`) belongs elsewhere.",
    bad: "3. Recalling its resolution 61/100;",
    good: "3. Recalls its resolution 61/100;",
    check: un007,
};

static EN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*{1,2}|_)?(?:(?:Also|Further|Again|Once again|Once more|Still|Hereby|[A-Z][a-z]+ly)\s+(?:[a-z]+ly\s+)?)?[A-Za-z][a-z]+(?:-[a-z]+)?s(?-u:\b)").unwrap()
});

fn un007(cx: &Ctx, out: &mut Sink) {
    // Numbered paragraphs that speak in the first person (`We decide`, `We
    // commit`) are those of an adopted declaration or pact (GA 79/1, the Pact
    // for the Future; 78/1), not operative paragraphs: the ones among them
    // that open with a noun (`United Nations peace operations are …`) are
    // not leads either.
    let ops = all_of(cx, NodeKind::Operative);
    let first_person = ops
        .iter()
        .filter(|p| {
            let (_, w) = first_words(cx, p);
            w.starts_with("We ")
        })
        .count()
        >= 3;
    for p in ops {
        let (r, words) = first_words(cx, p);
        if words.is_empty() {
            continue;
        }
        // `Acting under Chapter VII of the Charter, authorizes` (SC 794 (1992)),
        // `Pending the total elimination of nuclear weapons, urges` (GA 80/23),
        // `Alarmed by …, calls upon` (GA 80/187): an opening phrase, then the verb
        if verb_after_opening_phrase(cx, r.start, p.range.end) {
            continue;
        }
        match &p.lead {
            // Chinese verbs have no participle or tense: `欢迎`, `再次感谢` open
            // preambular and operative paragraphs alike
            Some(l)
                if l.class_mismatch && l.class == LeadClass::Preambular && !cx.lang.is_cjk() =>
            {
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{}` is a preambular lead: an operative paragraph starts with a verb in the present tense (closest: {})",
                        l.text,
                        closest_leads(&l.text, cx.lang, LeadClass::Operative).join(", ")
                    ),
                );
            }
            Some(_) => {}
            None => {
                if cx.lang != Lang::En || first_person {
                    continue; // other languages: only the lexicon speaks
                }
                let start = &cx.text[r.start..p.range.end];
                // Only what is surely not an operative verb: a participle or past
                // tense (`Recalling`, `Decided`) or a subject (`The Assembly
                // decides`). Embedded declarations (`We reaffirm`, GA 79/1) and
                // unlisted verbs (`Re-emphasizes`) stay silent: corpus calibration.
                let first = start
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(['*', '_']);
                let participle = first.len() > 4
                    && (first.ends_with("ing") || first.ends_with("ed"))
                    && first.starts_with(|c: char| c.is_uppercase());
                let subject = start.starts_with("The Assembly")
                    || start.starts_with("The General Assembly")
                    || start.starts_with("The Council")
                    || start.starts_with("The Security Council");
                if !(participle || subject) || EN_VERB.is_match(start) {
                    continue;
                }
                out.emit(
                    r,
                    format!(
                        "`{words}` does not open with an operative verb: write the verb in the present tense (closest: {})",
                        closest_leads(&words, cx.lang, LeadClass::Operative).join(", ")
                    ),
                );
            }
        }
    }
}

/// The paragraph from `start` opens with a phrase set off by a comma and the
/// operative verb follows it, in the first clause (before any `;`, `:` or
/// full stop), as in `Acting under Chapter VII of the Charter, authorizes`.
fn verb_after_opening_phrase(cx: &Ctx, start: usize, end: usize) -> bool {
    if cx.lang != Lang::En {
        return false;
    }
    let mut clause = String::new();
    for w in super::slice(cx.text, start, end.min(start + 600)).split_whitespace() {
        if !clause.is_empty() {
            clause.push(' ');
        }
        clause.push_str(w);
        if w.ends_with([';', ':']) || (w.ends_with('.') && w.len() > 3) {
            break;
        }
    }
    let lex = lexicon();
    clause.match_indices(", ").any(|(i, _)| {
        let rest = &clause[i + 2..];
        rest.starts_with(|c: char| c.is_ascii_lowercase())
            && lex
                .match_at(rest)
                .is_some_and(|m| m.has_class(lex, LeadClass::Operative))
    })
}

pub const UN009: RuleDef = RuleDef {
    id: "UN009",
    name: "lone-operative-numbered",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "A single operative paragraph is not numbered.",
    explanation: "When the operative part has one paragraph only, it carries no number (AKN4UN, GA 70/1).",
    bad: "The General Assembly,\n1. Adopts the following outcome document …",
    good: "The General Assembly,\nAdopts the following outcome document …",
    check: un009,
};

fn un009(cx: &Ctx, out: &mut Sink) {
    let groups = operative_groups(cx);
    if groups.len() != 1 || groups[0].len() != 1 {
        return;
    }
    let p = groups[0][0];
    if let Some(lr) = &p.label_range {
        let lead_start = p.lead.as_ref().map(|l| l.range.start).unwrap_or(lr.end);
        // UN009: the defect is the number itself (`1. Adopts …` alone)
        out.emit(
            lr.clone(),
            "the only operative paragraph is numbered: a lone operative paragraph carries no number",
        )
            .fix(
                "Remove the number",
                vec![Edit {
                    range: lr.start..lead_start.max(lr.end),
                    text: String::new(),
                }],
                true,
            );
    }
}

pub const UN011: RuleDef = RuleDef {
    id: "UN011",
    name: "missing-colon",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Text that introduces sub-paragraphs ends with a colon.",
    explanation: "The introductory words of a list of sub-paragraphs end with `:` (zh `：`) (Editorial Manual; AKN4UN `intro`).",
    bad: "5. Requests the Secretary-General;\n(a) To report …;",
    good: "5. Requests the Secretary-General:\n(a) To report …;",
    check: un011,
};

/// The end of a node's own text before its first sub-paragraph.
fn intro_end(cx: &Ctx, n: &Node) -> Option<(char, std::ops::Range<usize>)> {
    let first = n
        .children
        .iter()
        .find(|c| c.kind == NodeKind::Subparagraph)?;
    let pieces: Vec<_> = body_pieces(n)
        .into_iter()
        .filter(|r| r.end <= first.range.start)
        .collect();
    let last = pieces
        .iter()
        .rev()
        .find(|r| !cx.text[(*r).clone()].trim_matches(is_space).is_empty())?;
    let s = &cx.text[last.clone()];
    let t = s.trim_end_matches(|c: char| {
        is_space(c)
            || c == '*'
            || c.is_ascii_digit()
            || unlsp_syntax::cjk::superscript_digit(c).is_some()
    });
    let c = t.chars().next_back()?;
    let at = last.start + t.len() - c.len_utf8();
    Some((c, at..at + c.len_utf8()))
}

fn un011(cx: &Ctx, out: &mut Sink) {
    let mut parents: Vec<&Node> = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(
            n.kind,
            NodeKind::Preambular | NodeKind::Operative | NodeKind::Subparagraph
        ) && n.children.iter().any(|c| c.kind == NodeKind::Subparagraph)
            && !super::structure::nests_siblings(n)
        {
            parents.push(n)
        }
    });
    let want = if cx.lang.is_cjk() { "：" } else { ":" };
    for n in parents {
        // items run into the text before the first label at a line start
        // (`there are: (a) …; (b) …;` then `(c)`, GA 80/117): the text ends
        // with an item, not with the introduction
        if let Some(first) = n.children.iter().find(|c| c.kind == NodeKind::Subparagraph) {
            let lead_in = &cx.text[n.range.start.min(first.range.start)..first.range.start];
            if lead_in.contains("(a)") || lead_in.contains("(i)") {
                continue;
            }
        }
        let Some((c, r)) = intro_end(cx, n) else {
            continue;
        };
        if matches!(c, ':' | '：' | '—' | '–') {
            continue;
        }
        if matches!(c, ';' | '；' | ',' | '，' | '.' | '。') {
            out.emit(
                r.clone(),
                format!("text before sub-paragraphs ends with `{c}`: end it with `{want}`"),
            )
            .fix(
                format!("Replace `{c}` with `{want}`"),
                vec![Edit {
                    range: r,
                    text: want.into(),
                }],
                true,
            );
        } else if c.is_alphanumeric() {
            // `to prepare a timetable for` / `(a) the completion of …` (SC 898
            // (1994)): the sentence runs on through the labels, an inline
            // enumeration that a line wrap put at a line start
            let first_sub = n.children.iter().find(|c| c.kind == NodeKind::Subparagraph);
            let runs_on = cx.lang == Lang::En
                && first_sub.is_some_and(|f| {
                    let body = f
                        .label_range
                        .as_ref()
                        .map_or("", |lr| super::slice(cx.text, lr.end, f.range.end));
                    body.trim_start().starts_with(|ch: char| ch.is_lowercase())
                });
            if runs_on {
                continue;
            }
            out.emit(
                r.clone(),
                format!("text before sub-paragraphs has no colon: end it with `{want}`"),
            )
            .fix(
                format!("Add `{want}`"),
                vec![Edit {
                    range: r.end..r.end,
                    text: want.into(),
                }],
                true,
            );
        }
    }
}

pub const UN013: RuleDef = RuleDef {
    id: "UN013",
    name: "subparagraph-punctuation",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: true,
    reach: Reach::Unit,
    summary: "Sub-paragraphs end with a semicolon; the last takes its parent's punctuation.",
    explanation: "Each sub-paragraph ends with `;` (zh `；`); the last one ends as the whole paragraph would (`;`, `.` in the last operative paragraph, `,` in a preambular paragraph) — that one is checked by UN006/UN010.",
    bad: "5. Requests the Secretary-General:\n(a) To report at its sixty-third session.\n(b) To consult Member States;",
    good: "5. Requests the Secretary-General:\n(a) To report at its sixty-third session;\n(b) To consult Member States;",
    check: un013,
};

fn un013(cx: &Ctx, out: &mut Sink) {
    let mut lists: Vec<Vec<&Node>> = Vec::new();
    cx.tree.walk(|n, _| {
        if matches!(
            n.kind,
            NodeKind::Preambular | NodeKind::Operative | NodeKind::Subparagraph
        ) {
            let subs: Vec<&Node> = n
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Subparagraph)
                .collect();
            if subs.len() > 1 {
                lists.push(subs);
            }
        }
    });
    let want = cx.lang.table().preferred_semicolon().to_string();
    for subs in lists {
        // a list whose items all end with a comma (the Council writes some
        // so: S/RES/2640 (2022), 2657 (2022)) keeps one style; a lone comma among
        // semicolons is the slip
        // (the language's own comma: ASCII commas in an Arabic page are not
        // a style)
        let comma = match cx.lang {
            Lang::Ar => '،',
            Lang::Zh => '，',
            _ => ',',
        };
        let items = &subs[..subs.len() - 1];
        if items.len() >= 2
            && items
                .iter()
                .all(|s| terminal(cx, s).is_some_and(|(m, _)| m == comma))
        {
            continue;
        }
        for s in items {
            let Some((mark, r)) = terminal(cx, s) else {
                continue;
            };
            if cx.lang.table().is_semicolon(mark) || matches!(mark, ';' | '；' | ':' | '：') {
                continue;
            }
            // `…; and` / `…; or` and `, and` between items are usage
            let tail = cx.text[s.range.clone()].trim_end();
            if tail.ends_with(" and")
                || tail.ends_with(" or")
                || tail.ends_with('和')
                || tail.ends_with('或')
            {
                continue;
            }
            if matches!(mark, '.' | '。' | ',' | '，') {
                out.emit(
                    r.clone(),
                    format!("sub-paragraph ends with `{mark}`: end it with `{want}`"),
                )
                .fix(
                    format!("Replace `{mark}` with `{want}`"),
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

pub const UN014: RuleDef = RuleDef {
    id: "UN014",
    name: "subparagraph-label-style",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Sub-paragraph labels in the language's style: `(a)` in en/zh/ru, `a)` in fr/es.",
    explanation: "English, Chinese and Russian texts write `(a)`, `(i)`; French and Spanish `a)`, `i)` (Editorial Manual).",
    bad: "a) To report to the General Assembly;",
    good: "(a) To report to the General Assembly;",
    check: un014,
};

fn un014(cx: &Ctx, out: &mut Sink) {
    let open_style = !matches!(cx.lang, Lang::Fr | Lang::Es | Lang::Ar);
    if cx.lang == Lang::Ar {
        return;
    }
    for s in all_of(cx, NodeKind::Subparagraph) {
        let (Some(l), Some(r)) = (&s.label, &s.label_range) else {
            continue;
        };
        let written = &cx.text[r.clone()];
        if !written.ends_with(')') || written.chars().any(|c| ('㈠'..='㈩').contains(&c)) {
            continue;
        }
        let has_open = written.starts_with('(');
        if has_open != open_style {
            let core = written.trim_start_matches('(').trim_end_matches(')');
            let want = if open_style {
                format!("({core})")
            } else {
                format!("{core})")
            };
            let _ = l;
            out.emit(
                r.clone(),
                format!(
                    "label `{written}`: {} texts write `{want}`",
                    cx.lang.table().name
                ),
            )
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: r.clone(),
                    text: want.clone(),
                }],
                true,
            );
        }
    }
}

pub const UN015: RuleDef = RuleDef {
    id: "UN015",
    name: "paragraph-in-wrong-part",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "A preambular paragraph that opens with an operative verb.",
    explanation: "An unnumbered paragraph in the preamble that opens with an operative verb (`Decides …,`) is either an operative paragraph that lost its number and place, or a preambular paragraph whose lead should be a participle (`Deciding …,`). Numbered paragraphs with a preambular lead are UN005/UN007.",
    bad: "Recalling its resolution 61/100,\nDecides to continue consultations,\n1. Requests …;",
    good: "Recalling its resolution 61/100,\n1. Decides to continue consultations;\n2. Requests …;",
    check: un015,
};

fn un015(cx: &Ctx, out: &mut Sink) {
    for p in all_of(cx, NodeKind::Preambular) {
        if p.label.is_some() {
            continue; // UN005
        }
        // Chinese verbs have no participle: `敦促…，` and `支持…，` open
        // preambular paragraphs of adopted resolutions; the comma decides
        if let Some(l) = &p.lead
            && l.class_mismatch
            && l.class == LeadClass::Operative
            && !cx.lang.is_cjk()
        {
            out.emit(
                l.range.clone(),
                format!(
                    "`{}` is an operative verb in the preamble: move the paragraph to the operative part and number it, or use a participle",
                    l.text
                ),
            );
        }
    }
    for p in all_of(cx, NodeKind::Operative) {
        if super::preambular_with_operative_lead(cx, p)
            && let Some(l) = &p.lead
        {
            out.emit(
                l.range.clone(),
                format!(
                    "`{}` is an operative verb in the preamble: number the paragraph and end it with `;`, or use a participle",
                    l.text
                ),
            );
        }
    }
}

pub const UN036: RuleDef = RuleDef {
    id: "UN036",
    name: "negotiation-markers",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_ONLY,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Square-bracketed alternatives, `bis`/`ter` numbers and `alt.` do not survive adoption.",
    explanation: "Negotiation drafts mark alternatives in square brackets (`[Requests/Invites]`), insert paragraphs as `5 bis` and label variants `alt.`; an adopted text resolves them and renumbers (Editorial Manual, alternative versions of a paragraph).",
    bad: "5 bis. [Requests/Invites] the Secretary-General to report;",
    good: "6. Requests the Secretary-General to report;",
    check: un036,
};

static NEGOTIATION: Pattern = Pattern::new(|| {
    Regex::new(r"\[(?:…|\.\.\.|\s*)\]|\[[A-Z][a-z]+(?:\s[a-z]+)?/[A-Z][a-z]+(?:\s[a-z]+)?\]|(?-u:\b)\d{1,3}\s?(?:bis|ter|quater)(?-u:\b)\.?|(?-u:\b)[Aa]lt\.\s?\d").unwrap()
});

/// The words before a number name a provision of a legal text (`article`,
/// `section`, `rule`), past the other numbers of the same list (`articles 499
/// bis and 500 bis`): `500 bis` after them is that provision.
fn names_a_provision(before: &str) -> bool {
    let word = before
        .split_whitespace()
        .rev()
        .take(8)
        .map(|w| w.trim_end_matches(',').to_lowercase())
        .find(|w| {
            !(matches!(w.as_str(), "and" | "or" | "bis" | "ter" | "quater")
                || w.chars().all(|c| c.is_ascii_digit()))
        })
        .unwrap_or_default();
    matches!(
        word.as_str(),
        "article"
            | "articles"
            | "art."
            | "section"
            | "sections"
            | "rule"
            | "rules"
            | "regulation"
            | "regulations"
    )
}

fn un036(cx: &Ctx, out: &mut Sink) {
    // `5 bis.` as a paragraph label is reported once, as a label (below)
    let labels: Vec<Range<usize>> = all_of(cx, NodeKind::Operative)
        .iter()
        .filter_map(|p| p.label_range.clone())
        .collect();
    for n in units(cx) {
        if matches!(n.kind, NodeKind::Adoption | NodeKind::Footnote) {
            continue;
        }
        let v = view(cx, n);
        for m in cx.re(&NEGOTIATION).find_iter(&v.s) {
            let r = v.range(m.range());
            if labels.iter().any(|l| l.start < r.end && r.start < l.end) {
                continue;
            }
            // `article 499 bis and article 500 bis of the Islamic Penal Code`
            // (GA 78/220): the number of a legal provision, not a marker
            if m.as_str().contains(|c: char| c.is_ascii_digit())
                && names_a_provision(&v.s[..m.start()])
            {
                continue;
            }
            out.emit(
                v.range(m.range()),
                format!(
                    "negotiation marker `{}` in an adopted text: resolve the alternative and renumber",
                    m.as_str()
                ),
            );
        }
    }
    // `5 bis.` as a paragraph label
    for p in all_of(cx, NodeKind::Operative) {
        if let (Some(l), Some(r)) = (&p.label, &p.label_range)
            && (l.contains("bis") || l.contains("ter"))
        {
            out.emit(
                r.clone(),
                format!("paragraph numbered `{l}`: renumber the paragraphs"),
            );
        }
    }
}
