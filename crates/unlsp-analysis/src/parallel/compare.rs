//! The comparison of two aligned versions and the differences it reports.

use super::align::{align, neighbours};
use super::codes::DiffKind;
use super::difference::{Difference, Place};
use super::facts::{Facts, set, written_in};
use super::scope::Scope;
use super::units::{Unit, strip_label, subs_of, units};
use super::version::Version;
use crate::align::Work;
use std::ops::Range;
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::tree::{Node, NodeKind, Tree};

/// Every version against the first; differences in order of the first
/// version's text.
pub fn compare(versions: &[Version]) -> Vec<Difference> {
    let mut out = Vec::new();
    for i in 1..versions.len() {
        out.extend(compare_pair(&versions[0], &versions[i], 0, i));
    }
    out
}

/// Version `a` (index `ia`) against version `b` (index `ib`).
pub fn compare_pair(a: &Version, b: &Version, ia: usize, ib: usize) -> Vec<Difference> {
    compare_pair_with(a, b, ia, ib, Work::new()).0
}

/// [`compare_pair`] doing its alignments with `work` (its deadline), and
/// the work they did.
pub fn compare_pair_with(
    a: &Version,
    b: &Version,
    ia: usize,
    ib: usize,
    work: Work,
) -> (Vec<Difference>, Work) {
    let mut cx = Cx {
        v: [*a, *b],
        idx: [ia, ib],
        out: Vec::new(),
        work,
    };
    cx.document();
    let sa = Scope::of(a.tree.nodes.iter(), "");
    let sb = Scope::of(b.tree.nodes.iter(), "");
    cx.scope(&sa, &sb);
    cx.footnotes();
    let mut out = cx.out;
    out.sort_by_key(|d| (d.places[0].range.start, d.places[1].range.start, d.kind));
    (out, cx.work)
}

struct Cx<'a> {
    v: [Version<'a>; 2],
    idx: [usize; 2],
    out: Vec<Difference>,
    work: Work,
}

/// The head of a paragraph: its label and lead, else its first characters.
fn head(text: &str, n: &Node) -> Range<usize> {
    let start = n
        .label_range
        .as_ref()
        .map(|r| r.start)
        .unwrap_or(n.range.start);
    let end = n
        .lead
        .as_ref()
        .map(|l| l.range.end)
        .or(n.label_range.as_ref().map(|r| r.end))
        .unwrap_or_else(|| {
            let s = text.get(n.range.clone()).unwrap_or("");
            let k: usize = s.chars().take(12).map(char::len_utf8).sum();
            n.range.start + k
        });
    start..end.max(start).min(n.range.end.max(start))
}

fn fmt_set<T: std::fmt::Display>(v: &[T]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'a> Cx<'a> {
    fn place(&self, side: usize, n: &Node, range: Option<Range<usize>>) -> Place {
        Place {
            version: self.idx[side],
            range: range.unwrap_or_else(|| head(self.v[side].text, n)),
            unit: n.range.clone(),
            present: true,
        }
    }

    fn push(&mut self, kind: DiffKind, unit: &str, message: String, places: [Place; 2]) {
        self.out.push(Difference {
            kind,
            unit: unit.to_string(),
            message: format!("{unit}: {message}"),
            places,
        });
    }

    /// Heading facts: symbol, number, adoption date.
    fn document(&mut self) {
        let [a, b] = self.v;
        let (ma, mb) = (&a.tree.meta, &b.tree.meta);
        let symbols = [ma.symbol.as_ref(), mb.symbol.as_ref()];
        let ranges = [&ma.symbol_range, &mb.symbol_range];
        self.heading_field(DiffKind::Symbols, "symbol", symbols, ranges);
        let numbers = [ma.number.as_ref(), mb.number.as_ref()];
        let ranges = [&ma.number_range, &mb.number_range];
        self.heading_field(DiffKind::Numbering, "number", numbers, ranges);
        if let (Some(da), Some(db)) = (ma.adoption_date, mb.adoption_date)
            && da != db
        {
            let node = |t: &'a Tree| {
                t.nodes_of(NodeKind::Adoption)
                    .first()
                    .map(|n| n.range.clone())
                    .or_else(|| t.nodes.first().map(|n| n.range.start..n.range.start))
                    .unwrap_or(0..0)
            };
            let p = [
                self.doc_place(0, node(a.tree)),
                self.doc_place(1, node(b.tree)),
            ];
            self.push(
                DiffKind::Dates,
                "document",
                format!(
                    "adopted on {} in {}, on {} in {}",
                    da.iso(),
                    a.name,
                    db.iso(),
                    b.name
                ),
                p,
            );
        }
    }

    /// A heading field (`symbol`, `number`) both versions state and state
    /// differently, placed where each states it (or at its first node).
    fn heading_field(
        &mut self,
        kind: DiffKind,
        field: &str,
        values: [Option<&String>; 2],
        ranges: [&Option<Range<usize>>; 2],
    ) {
        let [a, b] = self.v;
        let [Some(va), Some(vb)] = values else {
            return;
        };
        if va == vb {
            return;
        }
        let here = |t: &Tree, r: &Option<Range<usize>>| {
            r.clone()
                .or_else(|| t.nodes.first().map(|n| n.range.start..n.range.start))
                .unwrap_or(0..0)
        };
        let p = [
            self.doc_place(0, here(a.tree, ranges[0])),
            self.doc_place(1, here(b.tree, ranges[1])),
        ];
        let message = format!("{field} {va} in {}, {vb} in {}", a.name, b.name);
        self.push(kind, "document", message, p);
    }

    fn doc_place(&self, side: usize, r: Range<usize>) -> Place {
        Place {
            version: self.idx[side],
            range: r.clone(),
            unit: r,
            present: true,
        }
    }

    fn scope(&mut self, a: &Scope, b: &Scope) {
        self.sequence(
            &a.preambular,
            &b.preambular,
            &format!("{}preambular paragraph", a.prefix()),
        );
        self.sequence(
            &a.operative,
            &b.operative,
            &format!("{}operative paragraph", a.prefix()),
        );
        self.sequence(
            &a.paragraphs,
            &b.paragraphs,
            &format!("{}paragraph", a.prefix()),
        );
        // sections and annexes in order
        let n = a.sections.len().max(b.sections.len());
        for i in 0..n {
            match (a.sections.get(i), b.sections.get(i)) {
                (Some((_, sa)), Some((_, sb))) => self.scope(sa, sb),
                (Some((na, sa)), None) => {
                    let anchor = b.sections.last().map(|(n, _)| *n);
                    self.missing(0, na, anchor, &sa.name, "section");
                }
                (None, Some((nb, sb))) => {
                    let anchor = a.sections.last().map(|(n, _)| *n);
                    self.missing(1, nb, anchor, &sb.name, "section");
                }
                (None, None) => {}
            }
        }
    }

    /// `side` has `n`; the other side lacks it (`anchor`: where it would be).
    fn missing(&mut self, side: usize, n: &Node, anchor: Option<&Node>, unit: &str, what: &str) {
        let other = 1 - side;
        let present = self.place(side, n, None);
        let absent = match anchor {
            Some(x) => Place {
                version: self.idx[other],
                range: head(self.v[other].text, x),
                unit: x.range.clone(),
                present: false,
            },
            None => {
                let t = self.v[other].tree;
                let at = t.nodes.first().map(|n| n.range.start).unwrap_or(0);
                Place {
                    version: self.idx[other],
                    range: at..at,
                    unit: at..at,
                    present: false,
                }
            }
        };
        let kind = if what == "sub-paragraph" {
            DiffKind::MissingSubparagraph
        } else {
            DiffKind::MissingParagraph
        };
        let msg = format!(
            "in {} but missing in {}",
            self.v[side].name, self.v[other].name
        );
        let places = if side == 0 {
            [present, absent]
        } else {
            [absent, present]
        };
        self.push(kind, unit, msg, places);
    }

    fn sequence(&mut self, a: &[&Node], b: &[&Node], what: &str) {
        if a.is_empty() && b.is_empty() {
            return;
        }
        let ua = units(&self.v[0], a);
        let ub = units(&self.v[1], b);
        let pairs = align(&ua, &ub, &mut self.work);
        let (near_b, near_a) = (neighbours(&pairs, |p| p.1), neighbours(&pairs, |p| p.0));
        let name = |u: &Unit, i: usize| match (&u.node.label, u.node.kind) {
            (Some(l), NodeKind::Operative | NodeKind::Paragraph) => {
                format!("{what} {}", l.trim_end_matches(['.', '．']))
            }
            _ => format!("{what} {}", i + 1),
        };
        // numbering runs: (first a, first b, last a, last b, places)
        let mut run: Option<(String, String, String, String, [Place; 2], i64)> = None;
        for (k, &(ia, ib)) in pairs.iter().enumerate() {
            match (ia, ib) {
                (Some(i), Some(j)) => {
                    let (x, y) = (&ua[i], &ub[j]);
                    let unit = name(x, i);
                    if x.node.label.is_some() || y.node.label.is_some() {
                        let shift = match (x.ord, y.ord) {
                            (Some(p), Some(q)) => q as i64 - p as i64,
                            _ => i64::MIN,
                        };
                        if shift != 0 {
                            let la = x.node.label.map_or_else(|| "(none)".into(), String::from);
                            let lb = y.node.label.map_or_else(|| "(none)".into(), String::from);
                            match &mut run {
                                Some(r) if r.5 == shift && shift != i64::MIN => {
                                    r.2 = la;
                                    r.3 = lb;
                                }
                                _ => {
                                    self.flush_numbering(run.take(), what);
                                    let p = [
                                        self.place(0, x.node, x.node.label_range.clone()),
                                        self.place(1, y.node, y.node.label_range.clone()),
                                    ];
                                    run = Some((la.clone(), lb.clone(), la, lb, p, shift));
                                }
                            }
                        } else {
                            self.flush_numbering(run.take(), what);
                        }
                    }
                    self.pair(x, y, &unit);
                }
                (Some(i), None) => {
                    self.flush_numbering(run.take(), what);
                    let anchor = near_b[k].map(|j| ub[j].node);
                    self.missing(0, ua[i].node, anchor, &name(&ua[i], i), what);
                }
                (None, Some(j)) => {
                    self.flush_numbering(run.take(), what);
                    let anchor = near_a[k].map(|i| ua[i].node);
                    self.missing(1, ub[j].node, anchor, &name(&ub[j], j), what);
                }
                (None, None) => {}
            }
        }
        self.flush_numbering(run, what);
    }

    #[allow(clippy::type_complexity)]
    fn flush_numbering(
        &mut self,
        run: Option<(String, String, String, String, [Place; 2], i64)>,
        what: &str,
    ) {
        let Some((fa, fb, la, lb, places, _)) = run else {
            return;
        };
        let [a, b] = [self.v[0].name, self.v[1].name];
        let clean = |s: &str| s.trim_end_matches(['.', '．']).to_string();
        let (unit, msg) = if fa == la {
            (
                format!("{what} {}", clean(&fa)),
                format!("numbered {} in {a}, {} in {b}", clean(&fa), clean(&fb)),
            )
        } else {
            (
                format!("{what}s {}–{}", clean(&fa), clean(&la)),
                format!(
                    "numbered {}–{} in {a}, {}–{} in {b}",
                    clean(&fa),
                    clean(&la),
                    clean(&fb),
                    clean(&lb)
                ),
            )
        };
        self.push(DiffKind::Numbering, &unit, msg, places);
    }

    /// Two aligned paragraphs.
    fn pair(&mut self, x: &Unit, y: &Unit, unit: &str) {
        self.lead_classes(x, y, unit);
        self.facts(x, y, unit);
        self.subparagraphs(x, y, unit);
    }

    /// The leads of two aligned paragraphs: of the same class.
    fn lead_classes(&mut self, x: &Unit, y: &Unit, unit: &str) {
        let [an, bn] = [self.v[0].name, self.v[1].name];
        if let (Some(ca), Some(cb)) = (x.class, y.class)
            && ca != cb
        {
            let lead = |u: &Unit| {
                u.node
                    .lead
                    .as_ref()
                    .map(|l| l.text.clone())
                    .unwrap_or_default()
            };
            let cname = |c: LeadClass| match c {
                LeadClass::Preambular => "preambular",
                LeadClass::Operative => "operative",
            };
            let msg = format!(
                "lead «{}» is {} in {an}, «{}» {} in {bn}",
                lead(x),
                cname(ca),
                lead(y),
                cname(cb)
            );
            let p = [self.place(0, x.node, None), self.place(1, y.node, None)];
            self.push(DiffKind::Class, unit, msg, p);
        }
    }

    /// What two aligned paragraphs say: the same citations, dates,
    /// documents, numbers and footnotes.
    fn facts(&mut self, x: &Unit, y: &Unit, unit: &str) {
        // a citation of one version whose number the other writes too, but
        // in a grammar the parser does not read as a citation (`резолюцию
        // 61/100`, `قرارها 61/100`), is not a difference
        let cited = |p: &Facts, q: &Facts| -> Vec<(String, Range<usize>)> {
            p.citations
                .iter()
                .filter(|(t, _)| {
                    q.citations.iter().any(|(u, _)| u == t) || !written_in(&q.compact, t)
                })
                .cloned()
                .collect()
        };
        self.facts_differ(DiffKind::Citations, unit, "cites", [x, y], cited);
        // a date of one version matches a date of the same month in the other
        // that also writes its day (the two ends of a range)
        let dates = |p: &Facts, q: &Facts| -> Vec<(String, Range<usize>)> {
            p.dates
                .iter()
                .map(|(d, r)| {
                    let covered = q.dates.iter().any(|(e, _)| {
                        e.year == d.year
                            && e.month == d.month
                            && q.all_numbers.contains(&d.day.to_string())
                    });
                    let key = if covered {
                        format!("{:04}-{:02}", d.year, d.month)
                    } else {
                        d.iso()
                    };
                    (key, r.clone())
                })
                .collect()
        };
        self.facts_differ(DiffKind::Dates, unit, "gives the date", [x, y], dates);
        let symbols = |p: &Facts, _: &Facts| p.symbols.clone();
        self.facts_differ(
            DiffKind::Symbols,
            unit,
            "names the document",
            [x, y],
            symbols,
        );
        let numbers = |p: &Facts, q: &Facts| -> Vec<(String, Range<usize>)> {
            p.numbers
                .iter()
                .filter(|(n, _)| !q.all_numbers.contains(n))
                .cloned()
                .collect()
        };
        self.facts_differ(DiffKind::Numbers, unit, "has the number", [x, y], numbers);
        let footnotes = |p: &Facts, _: &Facts| -> Vec<(String, Range<usize>)> {
            (p.footnotes.iter())
                .map(|(n, r)| (n.to_string(), r.clone()))
                .collect()
        };
        self.facts_differ(
            DiffKind::Footnotes,
            unit,
            "refers to footnote",
            [x, y],
            footnotes,
        );
    }

    /// The sub-paragraphs of two aligned paragraphs, by label.
    fn subparagraphs(&mut self, x: &Unit, y: &Unit, unit: &str) {
        let (sa, sb) = (subs_of(x.node), subs_of(y.node));
        if sa.is_empty() && sb.is_empty() {
            return;
        }
        let ua = units(&self.v[0], &sa);
        let ub = units(&self.v[1], &sb);
        let mut matched_b = vec![false; ub.len()];
        let label_of = |u: &Unit| u.node.label.map(String::from).unwrap_or_default();
        let mut last_b: Option<&Node> = None;
        for u in &ua {
            let j = (0..ub.len()).find(|&j| !matched_b[j] && u.ord.is_some() && ub[j].ord == u.ord);
            let sub_unit = format!("sub-paragraph {} of {unit}", label_of(u));
            match j {
                Some(j) => {
                    matched_b[j] = true;
                    last_b = Some(ub[j].node);
                    self.pair(u, &ub[j], &sub_unit);
                }
                None => {
                    let anchor = last_b.or(Some(y.node));
                    self.missing(0, u.node, anchor, &sub_unit, "sub-paragraph");
                }
            }
        }
        for (j, u) in ub.iter().enumerate() {
            if matched_b[j] {
                continue;
            }
            let sub_unit = format!("sub-paragraph {} of {unit}", label_of(u));
            let anchor = ua
                .iter()
                .rev()
                .find(|v| v.node.range.start <= x.node.range.end && v.ord < u.ord)
                .map(|v| v.node)
                .or(Some(x.node));
            self.missing(1, u.node, anchor, &sub_unit, "sub-paragraph");
        }
    }

    /// One kind of fact of two aligned units, each side's read by `side`
    /// (its own facts, the other's), reported when the two sets differ.
    fn facts_differ(
        &mut self,
        kind: DiffKind,
        unit: &str,
        verb: &str,
        [x, y]: [&Unit; 2],
        side: impl Fn(&Facts, &Facts) -> Vec<(String, Range<usize>)>,
    ) {
        let (a, b) = (side(&x.facts, &y.facts), side(&y.facts, &x.facts));
        let (sa, sb) = (set(&a), set(&b));
        if sa == sb {
            return;
        }
        let only_a: Vec<&String> = sa.difference(&sb).collect();
        let only_b: Vec<&String> = sb.difference(&sa).collect();
        let [an, bn] = [self.v[0].name, self.v[1].name];
        let mut parts = Vec::new();
        if !only_a.is_empty() {
            parts.push(format!("{an} {verb} {} ({bn} does not)", fmt_set(&only_a)));
        }
        if !only_b.is_empty() {
            parts.push(format!("{bn} {verb} {} ({an} does not)", fmt_set(&only_b)));
        }
        let first = |v: &[(String, Range<usize>)], only: &[&String]| {
            v.iter()
                .find(|(t, _)| only.first().is_some_and(|o| *o == t))
                .map(|(_, r)| r.clone())
        };
        let p = [
            self.place(0, x.node, first(&a, &only_a)),
            self.place(1, y.node, first(&b, &only_b)),
        ];
        self.push(kind, unit, parts.join("; "), p);
    }

    /// Footnotes by number: present in both, and saying the same (until the
    /// deadline of the work).
    fn footnotes(&mut self) {
        let [a, b] = self.v;
        let fa = a.tree.nodes_of(NodeKind::Footnote);
        let fb = b.tree.nodes_of(NodeKind::Footnote);
        let num = |n: &Node| n.label.as_deref().map(strip_label);
        for x in &fa {
            if self.work.spent() {
                return;
            }
            let unit = format!("footnote {}", num(x).unwrap_or_default());
            match fb.iter().find(|y| num(y) == num(x)) {
                Some(y) => {
                    let ux = Unit::footnote(&a, x);
                    let uy = Unit::footnote(&b, y);
                    self.pair(&ux, &uy, &unit);
                }
                None => {
                    let anchor = fb.iter().rev().find(|y| num(y) < num(x)).copied();
                    self.missing(0, x, anchor, &unit, "footnote");
                }
            }
        }
        for y in &fb {
            if self.work.spent() || fa.iter().any(|x| num(x) == num(y)) {
                continue;
            }
            let unit = format!("footnote {}", num(y).unwrap_or_default());
            let anchor = fa.iter().rev().find(|x| num(x) < num(y)).copied();
            self.missing(1, y, anchor, &unit, "footnote");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unlsp_syntax::Document;

    const EN: &str = "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006,\n\n1. Requests the Secretary-General:\n(a) To report on progress;\n(b) To consult Member States;\n(c) To submit a report by 30 June 2008;\n\n2. Decides to remain seized of the matter.\n";
    const ZH: &str = "大会，\n\n回顾其 2006 年 12 月 6 日第 61/100 号决议，\n\n1. 请秘书长：\n(a) 报告进展情况；\n(b) 与会员国协商；\n(c) 在 2008 年 6 月 30 日之前提交报告；\n\n2. 决定继续处理此案。\n";

    fn diffs(a: &str, b: &str) -> Vec<(DiffKind, String)> {
        let (da, db) = (Document::new(a), Document::new(b));
        fn v(d: &Document) -> Version<'_> {
            Version {
                name: d.lang().code(),
                text: d.text(),
                tree: d.tree(),
            }
        }
        compare(&[v(&da), v(&db)])
            .into_iter()
            .map(|d| (d.kind, d.message))
            .collect()
    }

    #[test]
    fn faithful_versions_agree() {
        assert_eq!(diffs(EN, ZH), []);
    }

    #[test]
    fn a_left_out_subparagraph_is_found_by_its_label() {
        // the parser nests `(c)` under `(a)` when `(b)` is missing
        let zh = ZH.replace("(b) 与会员国协商；\n", "");
        assert_eq!(
            diffs(EN, &zh),
            [(
                DiffKind::MissingSubparagraph,
                "sub-paragraph (b) of operative paragraph 1: in en but missing in zh".into()
            )]
        );
    }

    #[test]
    fn changed_date_citation_and_class() {
        let zh = ZH
            .replace("2008 年 6 月 30 日", "2008 年 7 月 30 日")
            .replace("第 61/100 号", "第 61/10 号")
            .replace("2. 决定继续", "2. 欣见继续");
        let d = diffs(EN, &zh);
        let kinds: Vec<DiffKind> = d.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [DiffKind::Citations, DiffKind::Dates, DiffKind::Class],
            "{d:?}"
        );
        assert_eq!(
            d[0].1,
            "preambular paragraph 1: en cites 61/100 (zh does not); zh cites 61/10 (en does not)"
        );
        assert!(
            d[1].1.contains("2008-06-30") && d[1].1.contains("2008-07-30"),
            "{d:?}"
        );
    }

    #[test]
    fn document_symbols_and_footnotes() {
        let en = EN.replace(
            "2. Decides to remain seized",
            "2. Takes note of the report of the Secretary-General (A/62/395);1\n\n3. Decides to remain seized",
        ) + "\n1 See also A/62/1.\n";
        let zh = ZH.replace(
            "2. 决定继续",
            "2. 注意到秘书长的报告（A/62/359）；\n\n3. 决定继续",
        );
        let d = diffs(&en, &zh);
        let kinds: Vec<DiffKind> = d.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [
                DiffKind::Symbols,
                DiffKind::Footnotes,
                DiffKind::MissingParagraph
            ],
            "{d:?}"
        );
        assert_eq!(
            d[0].1,
            "operative paragraph 2: en names the document A/62/395 (zh does not); zh names the document A/62/359 (en does not)"
        );
        assert_eq!(d[2].1, "footnote 1: in en but missing in zh");
    }

    #[test]
    fn more_than_two_versions_compare_with_the_first() {
        let zh2 = ZH.replace("2. 决定继续处理此案。\n", "");
        let docs = [Document::new(EN), Document::new(ZH), Document::new(&zh2)];
        let names = ["en", "zh", "zh-draft"];
        let vs: Vec<Version> = docs
            .iter()
            .zip(names)
            .map(|(d, name)| Version {
                name,
                text: d.text(),
                tree: d.tree(),
            })
            .collect();
        let d = compare(&vs);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].places[0].version, 0);
        assert_eq!(d[0].places[1].version, 2);
        assert_eq!(
            d[0].message,
            "operative paragraph 2: in en but missing in zh-draft"
        );
        assert!(!d[0].places[1].present);
    }
}
