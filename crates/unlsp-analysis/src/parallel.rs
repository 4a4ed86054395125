//! Language versions of one document side by side (issue 8): align two parsed
//! trees by structure and report where they do not say the same thing.
//!
//! Alignment: sections and annexes in order; preambular paragraphs in order and
//! operative paragraphs by number, both with a sequence alignment whose score
//! rewards the same label, lead phrases with the same English gloss
//! (`grammar/*.tsv`), shared citations and numbers and a similar share of the
//! text, so that one dropped or added paragraph does not shift every pair after
//! it; sub-paragraphs by label (`(b)`, `б)`, `(ب)` are the same label); footnotes
//! by number. Citations, dates and document symbols are compared in their
//! normalised forms (`61/100`, `2231 (2015)`, ISO dates), which do not depend on
//! the language. Pure: trees in, differences with byte ranges out.

use std::collections::BTreeSet;
use std::ops::Range;
use unlsp_syntax::cjk::{is_arabic, is_cjk, is_cyrillic};
use unlsp_syntax::dates::Date;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, lexicon};
use unlsp_syntax::numbers::label_ordinal;
use unlsp_syntax::tree::{Node, NodeKind, Tree};

/// One language version: its text and its tree.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    /// Used in messages: the language code, or a file name when two versions
    /// share a language.
    pub name: &'a str,
    pub text: &'a str,
    pub tree: &'a Tree,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiffKind {
    /// A paragraph (or section, annex) of one version has no counterpart.
    MissingParagraph,
    MissingSubparagraph,
    /// Aligned paragraphs carry different numbers or labels.
    Numbering,
    /// Aligned paragraphs open with leads of different classes.
    Class,
    Citations,
    Symbols,
    Dates,
    Numbers,
    Footnotes,
}

impl DiffKind {
    pub const ALL: [DiffKind; 9] = [
        DiffKind::MissingParagraph,
        DiffKind::MissingSubparagraph,
        DiffKind::Numbering,
        DiffKind::Class,
        DiffKind::Citations,
        DiffKind::Symbols,
        DiffKind::Dates,
        DiffKind::Numbers,
        DiffKind::Footnotes,
    ];

    /// Diagnostic code (rules.md has no rule for parallel versions).
    pub fn code(self) -> &'static str {
        match self {
            DiffKind::MissingParagraph => "UNP01",
            DiffKind::MissingSubparagraph => "UNP02",
            DiffKind::Numbering => "UNP03",
            DiffKind::Class => "UNP04",
            DiffKind::Citations => "UNP05",
            DiffKind::Symbols => "UNP06",
            DiffKind::Dates => "UNP07",
            DiffKind::Numbers => "UNP08",
            DiffKind::Footnotes => "UNP09",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DiffKind::MissingParagraph => "missing_paragraph",
            DiffKind::MissingSubparagraph => "missing_subparagraph",
            DiffKind::Numbering => "numbering",
            DiffKind::Class => "class",
            DiffKind::Citations => "citations",
            DiffKind::Symbols => "symbols",
            DiffKind::Dates => "dates",
            DiffKind::Numbers => "numbers",
            DiffKind::Footnotes => "footnotes",
        }
    }
}

/// Where a difference is in one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index into the versions compared.
    pub version: usize,
    /// What to point at: the differing citation, date or number, else the
    /// head of the paragraph; for a missing paragraph, the head of the
    /// paragraph it would follow (or precede).
    pub range: Range<usize>,
    /// The whole aligned paragraph (or the neighbour, when missing).
    pub unit: Range<usize>,
    /// False when this version lacks the paragraph.
    pub present: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DiffKind,
    /// `operative paragraph 5`, `sub-paragraph (b) of operative paragraph 2`.
    pub unit: String,
    pub message: String,
    /// The two versions: the reference first.
    pub places: [Place; 2],
}

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
    let mut cx = Cx {
        v: [*a, *b],
        idx: [ia, ib],
        out: Vec::new(),
    };
    cx.document();
    let sa = Scope::of(a.tree.nodes.iter(), "");
    let sb = Scope::of(b.tree.nodes.iter(), "");
    cx.scope(&sa, &sb);
    cx.footnotes();
    let mut out = cx.out;
    out.sort_by_key(|d| (d.places[0].range.start, d.places[1].range.start, d.kind));
    out
}

/// Paragraph counts of one tree, for the figures: preambular, operative
/// (numbered or not), sub-paragraphs.
pub fn counts(tree: &Tree) -> (usize, usize, usize) {
    (
        tree.nodes_of(NodeKind::Preambular).len(),
        tree.nodes_of(NodeKind::Operative).len(),
        tree.nodes_of(NodeKind::Subparagraph).len(),
    )
}

/// The set of cited resolutions and decisions (normalised targets), outside
/// footnotes too.
pub fn cited_acts(tree: &Tree) -> BTreeSet<String> {
    tree.citations
        .iter()
        .filter(|c| c.kind != unlsp_syntax::tree::CitationKind::Document)
        .map(|c| c.target.clone())
        .collect()
}

/// The class of the lead phrase a paragraph taken out of its document opens
/// with (a segment of a parallel corpus, a line of a bilingual page), after
/// its number or label, with the lexicon entries of `lang` only (`Note:` is
/// French `Note`, not an English lead). A phrase of both classes (`回顾`,
/// `注意到`) is operative when numbered or closed by a full stop or
/// semicolon, preambular otherwise. English leads must be capitalised;
/// a Chinese segment without any clause punctuation is a heading (`通过议程`,
/// "Adoption of the agenda"), and a discontinuous frame (`以…为指导`) needs
/// its closing part (`以色列` is Israel).
pub fn segment_class(text: &str, lang: Lang) -> Option<LeadClass> {
    let t = text.trim_start_matches(unlsp_syntax::cjk::is_space);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut numbered = false;
    let mut rest = t;
    if digits > 0 && digits <= 3 {
        let after = t[digits..].trim_start_matches([' ', '\u{a0}']);
        if let Some(r) = after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix('．'))
            .or_else(|| after.strip_prefix('-'))
            .or_else(|| after.strip_prefix('、'))
        {
            numbered = true;
            rest = r;
        }
    } else if let Some(r) = t.strip_prefix('(')
        && let Some(close) = r.find(')')
        && close <= 4
    {
        rest = &r[close + 1..];
    }
    let rest = rest.trim_start_matches(unlsp_syntax::cjk::is_space);
    let lex = lexicon();
    let m = lex.match_at(rest)?;
    let first = rest.chars().next()?;
    if first.is_ascii_alphabetic() && !m.capitalised {
        return None;
    }
    if lang == Lang::Zh && !text.contains(['，', '；', '。', '：', ',', ';', ':']) {
        return None;
    }
    let entries: Vec<&unlsp_syntax::lexicon::LeadEntry> = m
        .entries(lex)
        .map(|e| &lex.entries[e as usize])
        .filter(|e| e.lang == lang)
        .filter(|e| match e.phrase.split_once('…') {
            Some((_, close)) => rest.contains(close),
            None => true,
        })
        .collect();
    let pre = entries.iter().any(|e| e.class == LeadClass::Preambular);
    let op = entries.iter().any(|e| e.class == LeadClass::Operative);
    match (pre, op) {
        (false, false) => None,
        (true, false) => Some(LeadClass::Preambular),
        (false, true) => Some(LeadClass::Operative),
        (true, true) => {
            let end = text.trim_end().chars().next_back();
            Some(
                if numbered || matches!(end, Some('.' | '。' | ';' | '；')) {
                    LeadClass::Operative
                } else {
                    LeadClass::Preambular
                },
            )
        }
    }
}

// ---------------------------------------------------------------------------
// Structure

/// The paragraphs of one container (the document, a section, an annex).
struct Scope<'t> {
    name: String,
    preambular: Vec<&'t Node>,
    operative: Vec<&'t Node>,
    paragraphs: Vec<&'t Node>,
    sections: Vec<(&'t Node, Scope<'t>)>,
}

impl<'t> Scope<'t> {
    fn of(nodes: impl Iterator<Item = &'t Node>, name: &str) -> Scope<'t> {
        let mut s = Scope {
            name: name.to_string(),
            preambular: Vec::new(),
            operative: Vec::new(),
            paragraphs: Vec::new(),
            sections: Vec::new(),
        };
        let mut n_sections = 0;
        for n in nodes {
            match n.kind {
                NodeKind::Preamble | NodeKind::OperativePart => {
                    for c in &n.children {
                        s.push(c, &mut n_sections);
                    }
                }
                _ => s.push(n, &mut n_sections),
            }
        }
        s
    }

    fn push(&mut self, n: &'t Node, n_sections: &mut usize) {
        match n.kind {
            NodeKind::Preambular => self.preambular.push(n),
            NodeKind::Operative => self.operative.push(n),
            NodeKind::Paragraph => self.paragraphs.push(n),
            NodeKind::Section | NodeKind::Annex => {
                *n_sections += 1;
                let what = if n.kind == NodeKind::Annex {
                    "annex"
                } else {
                    "section"
                };
                let label = n.label.clone().unwrap_or_else(|| n_sections.to_string());
                let name = format!("{}{what} {label}", self.prefix());
                let inner = Scope::of(n.children.iter(), &name);
                self.sections.push((n, inner));
            }
            _ => {}
        }
    }

    fn prefix(&self) -> String {
        if self.name.is_empty() {
            String::new()
        } else {
            format!("{}, ", self.name)
        }
    }
}

/// What a paragraph says that does not depend on its language.
#[derive(Default)]
struct Facts {
    citations: Vec<(String, Range<usize>)>,
    dates: Vec<(Date, Range<usize>)>,
    symbols: Vec<(String, Range<usize>)>,
    numbers: Vec<(String, Range<usize>)>,
    footnotes: Vec<(u32, Range<usize>)>,
    /// Every digit run of the paragraph, also those inside dates and
    /// citations: a number or date of one version that the other writes
    /// inside a date range (`7 to 13 November 2007`, `11月7日至13日`) is
    /// not a difference.
    all_numbers: BTreeSet<String>,
    /// The paragraph's own text without whitespace (`第61/100 号` →
    /// `第61/100号`), to find a cited number the other version's parser did
    /// not read as a citation.
    compact: String,
}

fn inside(pieces: &[Range<usize>], r: &Range<usize>) -> bool {
    pieces.iter().any(|p| p.start <= r.start && r.start < p.end)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl Facts {
    fn of(v: &Version, n: &Node) -> Facts {
        let pieces = unlsp_syntax::document::own_pieces(n);
        let t = v.tree;
        let mut f = Facts::default();
        let mut taken: Vec<Range<usize>> = Vec::new();
        if let Some(l) = &n.label_range {
            taken.push(l.clone());
        }
        for c in &t.citations {
            if c.in_footnote || !inside(&pieces, &c.range) {
                continue;
            }
            // a cited document (`A/62/395`) is compared as a document symbol
            if c.kind == unlsp_syntax::tree::CitationKind::Document {
                f.symbols.push((c.target.clone(), c.range.clone()));
            } else {
                f.citations.push((c.target.clone(), c.range.clone()));
            }
            if let Some(d) = c.date {
                f.dates
                    .push((d, c.date_range.clone().unwrap_or(c.range.clone())));
            }
            taken.push(c.range.clone());
            taken.extend(c.date_range.clone());
        }
        for d in &t.dates {
            if inside(&pieces, &d.range) {
                f.dates.push((d.date, d.range.clone()));
                taken.push(d.range.clone());
            }
        }
        for s in &t.symbols {
            if s.in_furniture || !inside(&pieces, &s.range) {
                continue;
            }
            let in_citation = taken.iter().any(|r| overlaps(r, &s.range));
            taken.push(s.range.clone());
            if !in_citation {
                f.symbols.push((s.canonical.clone(), s.range.clone()));
            }
        }
        for r in &t.footnote_refs {
            if inside(&pieces, &r.range) {
                f.footnotes.push((r.number, r.range.clone()));
                taken.push(r.range.clone());
            }
        }
        for p in &pieces {
            let s = v.text.get(p.clone()).unwrap_or("");
            let mut i = 0;
            let b = s.as_bytes();
            while i < b.len() {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_digit()
                        || (b[i] == b',' || b[i] == b'.')
                            && i + 1 < b.len()
                            && b[i + 1].is_ascii_digit()
                            && i > start)
                {
                    i += 1;
                }
                let r = p.start + start..p.start + i;
                // a number glued to letters on its left is part of a word or
                // a symbol (`L.18`, `A4`); inside taken ranges it is compared
                // as a citation, date, symbol or footnote instead
                let glued = start > 0
                    && (b[start - 1].is_ascii_alphabetic()
                        || b[start - 1] == b'/'
                        || b[start - 1] == b'.');
                if glued || taken.iter().any(|t| overlaps(t, &r)) {
                    if !glued {
                        f.all_numbers
                            .insert(s[start..i].chars().filter(|c| c.is_ascii_digit()).collect());
                    }
                    continue;
                }
                let digits: String = s[start..i].chars().filter(|c| c.is_ascii_digit()).collect();
                f.all_numbers.insert(digits.clone());
                // `6月`: a month, which the other languages write as a word
                let month = s[i..].trim_start().starts_with('月');
                if !month {
                    f.numbers.push((digits, r));
                }
            }
        }
        for p in &pieces {
            let s = v.text.get(p.clone()).unwrap_or("");
            spelled_numbers(s, &mut f.all_numbers);
            f.compact.extend(s.chars().filter(|c| !c.is_whitespace()));
        }
        f
    }
}

/// `target` (`1483 (2003)`) written in `compact` text (`第1483(2003)号`), not
/// as part of a longer number.
fn written_in(compact: &str, target: &str) -> bool {
    let t: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    compact.match_indices(&t).any(|(i, _)| {
        let before = compact[..i].chars().next_back();
        let after = compact[i + t.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '/')
            && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
    })
}

const NUMBER_WORDS: [(&str, u32); 32] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("fifty", 50),
    ("hundred", 100),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fiftieth", 50),
];

/// Numbers written as words (`five`, `third`) or Chinese numerals (`五`,
/// `第三`): one version may write in words what the other writes in digits
/// (`5个常任理事国` / `five permanent members`), so they excuse a number
/// but are never reported themselves.
fn spelled_numbers(s: &str, out: &mut BTreeSet<String>) {
    for w in s.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if let Some((_, n)) = NUMBER_WORDS.iter().find(|(x, _)| *x == w) {
            out.insert(n.to_string());
        }
    }
    for c in s.chars() {
        if let Some(i) = "一二三四五六七八九十".chars().position(|x| x == c) {
            out.insert((i + 1).to_string());
        }
    }
}

/// A paragraph to align.
struct Unit<'t> {
    node: &'t Node,
    /// Ordinal of the label: `5` for `5.`, 2 for `(b)`, `б)`, `(ب)`.
    ord: Option<u32>,
    gloss: Vec<String>,
    class: Option<LeadClass>,
    facts: Facts,
    /// Share of its sequence's text.
    weight: f64,
}

fn units<'t>(v: &Version, nodes: &[&'t Node]) -> Vec<Unit<'t>> {
    let roman = nodes
        .first()
        .and_then(|n| n.label.as_deref())
        .is_some_and(|l| strip_label(l) == "i");
    let total: usize = nodes.iter().map(|n| n.range.len()).sum::<usize>().max(1);
    nodes
        .iter()
        .map(|n| Unit {
            node: n,
            ord: n.label.as_deref().and_then(|l| label_ordinal(l, roman)),
            gloss: n.lead.as_ref().map(lead_glosses).unwrap_or_default(),
            class: n.lead.as_ref().map(|l| l.class),
            facts: Facts::of(v, n),
            weight: n.range.len() as f64 / total as f64,
        })
        .collect()
}

fn strip_label(l: &str) -> String {
    l.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | '.' | '-' | '[' | ']' | '．')
    })
    .to_lowercase()
}

/// The English glosses of a lead's base entry (`决定` → `decides`), lower case.
fn lead_glosses(l: &unlsp_syntax::tree::Lead) -> Vec<String> {
    let lex = lexicon();
    let e = lex
        .base_entries(l.lang, l.class)
        .find(|e| e.phrase == l.base || e.phrase.eq_ignore_ascii_case(&l.base));
    let gloss = match e {
        Some(e) if !e.gloss.trim().is_empty() => e.gloss.clone(),
        _ => l.base.clone(),
    };
    gloss
        .split('/')
        .map(|g| {
            let g = g.trim().to_lowercase();
            // `Taking note of` is the gloss of `Taking note`
            let g = g.strip_suffix(" of").unwrap_or(&g);
            g.trim().to_string()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// Two leads say the same thing: equal glosses, or one gloss is the other
/// with more words (`noting` and `noting with satisfaction` align better
/// than two unrelated leads).
fn same_lead(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            x == y
                || x.strip_prefix(y.as_str())
                    .is_some_and(|r| r.starts_with(' '))
                || y.strip_prefix(x.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        })
    })
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let i = a.intersection(b).count() as f64;
    let u = a.union(b).count() as f64;
    Some(i / u)
}

fn set<T: Ord + Clone>(v: &[(T, Range<usize>)]) -> BTreeSet<T> {
    v.iter().map(|(t, _)| t.clone()).collect()
}

/// How alike two paragraphs of different languages look (≥ 0.2).
fn similarity(a: &Unit, b: &Unit) -> f64 {
    let mut s = 0.2;
    if a.ord.is_some() && a.ord == b.ord {
        s += 0.8;
    }
    if same_lead(&a.gloss, &b.gloss) {
        s += 1.0;
    }
    if let Some(j) = jaccard(&set(&a.facts.citations), &set(&b.facts.citations)) {
        s += j;
    }
    let mut na = set(&a.facts.numbers);
    na.extend(a.facts.dates.iter().map(|(d, _)| d.iso()));
    let mut nb = set(&b.facts.numbers);
    nb.extend(b.facts.dates.iter().map(|(d, _)| d.iso()));
    if let Some(j) = jaccard(&na, &nb) {
        s += 0.5 * j;
    }
    let (wa, wb) = (a.weight.max(1e-6), b.weight.max(1e-6));
    s + 0.6 * wa.min(wb) / wa.max(wb)
}

/// Sequence alignment maximising the summed similarity (a gap scores 0).
fn align(a: &[Unit], b: &[Unit]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (a.len(), b.len());
    let mut score = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = similarity(&a[i], &b[j]) + score[i + 1][j + 1];
            score[i][j] = take.max(score[i + 1][j]).max(score[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        let take = similarity(&a[i], &b[j]) + score[i + 1][j + 1];
        if (score[i][j] - take).abs() < 1e-9 {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if (score[i][j] - score[i + 1][j]).abs() < 1e-9 {
            out.push((Some(i), None));
            i += 1;
        } else {
            out.push((None, Some(j)));
            j += 1;
        }
    }
    out.extend((i..n).map(|i| (Some(i), None)));
    out.extend((j..m).map(|j| (None, Some(j))));
    out
}

// ---------------------------------------------------------------------------
// Comparison

struct Cx<'a> {
    v: [Version<'a>; 2],
    idx: [usize; 2],
    out: Vec<Difference>,
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
        let here = |t: &Tree, r: &Option<Range<usize>>| {
            r.clone()
                .or_else(|| t.nodes.first().map(|n| n.range.start..n.range.start))
                .unwrap_or(0..0)
        };
        if let (Some(sa), Some(sb)) = (&ma.symbol, &mb.symbol)
            && sa != sb
        {
            let ra = here(a.tree, &ma.symbol_range);
            let rb = here(b.tree, &mb.symbol_range);
            let p = [self.doc_place(0, ra), self.doc_place(1, rb)];
            self.push(
                DiffKind::Symbols,
                "document",
                format!("symbol {sa} in {}, {sb} in {}", a.name, b.name),
                p,
            );
        }
        if let (Some(na), Some(nb)) = (&ma.number, &mb.number)
            && na != nb
        {
            let ra = here(a.tree, &ma.number_range);
            let rb = here(b.tree, &mb.number_range);
            let p = [self.doc_place(0, ra), self.doc_place(1, rb)];
            self.push(
                DiffKind::Numbering,
                "document",
                format!("number {na} in {}, {nb} in {}", a.name, b.name),
                p,
            );
        }
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
        let pairs = align(&ua, &ub);
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
                            let la = x.node.label.clone().unwrap_or_else(|| "(none)".into());
                            let lb = y.node.label.clone().unwrap_or_else(|| "(none)".into());
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
                    let anchor = neighbour(&pairs, k, |p| p.1).map(|j| ub[j].node);
                    self.missing(0, ua[i].node, anchor, &name(&ua[i], i), what);
                }
                (None, Some(j)) => {
                    self.flush_numbering(run.take(), what);
                    let anchor = neighbour(&pairs, k, |p| p.0).map(|i| ua[i].node);
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
        self.facts_differ(
            DiffKind::Citations,
            unit,
            "cites",
            &cited(&x.facts, &y.facts),
            &cited(&y.facts, &x.facts),
            x.node,
            y.node,
        );
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
        let da = dates(&x.facts, &y.facts);
        let db = dates(&y.facts, &x.facts);
        self.facts_differ(
            DiffKind::Dates,
            unit,
            "gives the date",
            &da,
            &db,
            x.node,
            y.node,
        );
        self.facts_differ(
            DiffKind::Symbols,
            unit,
            "names the document",
            &x.facts.symbols,
            &y.facts.symbols,
            x.node,
            y.node,
        );
        let numbers = |p: &Facts, q: &Facts| -> Vec<(String, Range<usize>)> {
            p.numbers
                .iter()
                .filter(|(n, _)| !q.all_numbers.contains(n))
                .cloned()
                .collect()
        };
        self.facts_differ(
            DiffKind::Numbers,
            unit,
            "has the number",
            &numbers(&x.facts, &y.facts),
            &numbers(&y.facts, &x.facts),
            x.node,
            y.node,
        );
        let fa: Vec<(String, Range<usize>)> = x
            .facts
            .footnotes
            .iter()
            .map(|(n, r)| (n.to_string(), r.clone()))
            .collect();
        let fb: Vec<(String, Range<usize>)> = y
            .facts
            .footnotes
            .iter()
            .map(|(n, r)| (n.to_string(), r.clone()))
            .collect();
        self.facts_differ(
            DiffKind::Footnotes,
            unit,
            "refers to footnote",
            &fa,
            &fb,
            x.node,
            y.node,
        );
        // sub-paragraphs by label
        let (sa, sb) = (subs_of(x.node), subs_of(y.node));
        if sa.is_empty() && sb.is_empty() {
            return;
        }
        let ua = units(&self.v[0], &sa);
        let ub = units(&self.v[1], &sb);
        let mut matched_b = vec![false; ub.len()];
        let label_of = |u: &Unit| u.node.label.clone().unwrap_or_default();
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

    #[allow(clippy::too_many_arguments)]
    fn facts_differ(
        &mut self,
        kind: DiffKind,
        unit: &str,
        verb: &str,
        a: &[(String, Range<usize>)],
        b: &[(String, Range<usize>)],
        na: &Node,
        nb: &Node,
    ) {
        let (sa, sb) = (set(a), set(b));
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
            self.place(0, na, first(a, &only_a)),
            self.place(1, nb, first(b, &only_b)),
        ];
        self.push(kind, unit, parts.join("; "), p);
    }

    /// Footnotes by number: present in both, and saying the same.
    fn footnotes(&mut self) {
        let [a, b] = self.v;
        let fa = a.tree.nodes_of(NodeKind::Footnote);
        let fb = b.tree.nodes_of(NodeKind::Footnote);
        let num = |n: &Node| n.label.as_deref().map(strip_label);
        for x in &fa {
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
            if fa.iter().any(|x| num(x) == num(y)) {
                continue;
            }
            let unit = format!("footnote {}", num(y).unwrap_or_default());
            let anchor = fa.iter().rev().find(|x| num(x) < num(y)).copied();
            self.missing(1, y, anchor, &unit, "footnote");
        }
    }
}

fn subs_of(n: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for c in n
        .children
        .iter()
        .filter(|c| c.kind == NodeKind::Subparagraph)
    {
        if !promoted(n, c) {
            out.push(c);
        }
        out.extend(
            c.children
                .iter()
                .filter(|g| g.kind == NodeKind::Subparagraph && promoted(c, g)),
        );
    }
    out
}

/// A lettered sub-paragraph that the parser nested under the previous letter
/// because a letter is missing (`(a)` then `(c)`): a sibling for alignment.
fn promoted(parent: &Node, child: &Node) -> bool {
    if parent.kind != NodeKind::Subparagraph {
        return false;
    }
    let letter = |n: &Node| {
        let l = n.label.as_deref().map(strip_label).unwrap_or_default();
        let roman_looking = !l.is_empty() && l.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        (!roman_looking).then(|| label_ordinal(&l, false)).flatten()
    };
    matches!((letter(parent), letter(child)), (Some(p), Some(c)) if c > p)
}

impl<'t> Unit<'t> {
    fn footnote(v: &Version, n: &'t Node) -> Unit<'t> {
        // a footnote's own citations are marked `in_footnote`: count them here
        let pieces = unlsp_syntax::document::own_pieces(n);
        let mut facts = Facts::of(v, n);
        for c in &v.tree.citations {
            if c.in_footnote && inside(&pieces, &c.range) {
                let list = if c.kind == unlsp_syntax::tree::CitationKind::Document {
                    &mut facts.symbols
                } else {
                    &mut facts.citations
                };
                list.push((c.target.clone(), c.range.clone()));
                if let Some(d) = c.date {
                    facts
                        .dates
                        .push((d, c.date_range.clone().unwrap_or(c.range.clone())));
                }
            }
        }
        Unit {
            node: n,
            ord: None,
            gloss: Vec::new(),
            class: None,
            facts,
            weight: 0.0,
        }
    }
}

/// The nearest aligned counterpart before pair `k` on the other side (else
/// after it).
fn neighbour(
    pairs: &[(Option<usize>, Option<usize>)],
    k: usize,
    side: impl Fn(&(Option<usize>, Option<usize>)) -> Option<usize>,
) -> Option<usize> {
    pairs[..k]
        .iter()
        .rev()
        .find_map(&side)
        .or_else(|| pairs[k + 1..].iter().find_map(&side))
}

// ---------------------------------------------------------------------------
// Bilingual files

/// One language of a bilingual file: its text and where each piece came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BitextPart {
    pub text: String,
    /// (offset in `text`, offset in the original, length), in order.
    pub map: Vec<(usize, usize, usize)>,
}

impl BitextPart {
    fn push(&mut self, original: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        self.map.push((self.text.len(), original, s.len()));
        self.text.push_str(s);
    }

    /// An offset in this part → the offset in the original file.
    pub fn to_original(&self, o: usize) -> usize {
        let i = self.map.partition_point(|&(p, _, _)| p <= o);
        match i.checked_sub(1).map(|k| self.map[k]) {
            Some((p, orig, len)) => orig + (o - p).min(len),
            None => self.map.first().map(|m| m.1).unwrap_or(0),
        }
    }

    pub fn range_to_original(&self, r: &Range<usize>) -> Range<usize> {
        let s = self.to_original(r.start);
        let e = if r.end > r.start {
            self.to_original(r.end - 1) + 1
        } else {
            s
        };
        let e = e.max(s);
        s..e
    }
}

/// A letter of a script other than Latin (Han, Arabic, Cyrillic…).
fn is_foreign_letter(c: char) -> bool {
    is_cjk(c)
        || is_arabic(c)
        || is_cyrillic(c)
        || (c.is_alphabetic() && c as u32 >= 0x0370 && !('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Split a bilingual page into its English (Latin-script) and its other
/// version. Two layouts are real (`corpus/pages/*/*.bitext-en-*.txt`): one
/// paragraph per line alternating languages (the en-zh page), and one line
/// holding the English segment immediately followed by its translation (UN
/// gText alignment, the en-ar page), where a segment without letters
/// (`19-1026819-10268`, a symbol) is written twice. A line with no foreign
/// letter is English, one that starts with a foreign letter (digits and
/// punctuation aside) belongs to the other version, a mixed line is cut before
/// its first foreign letter. Line ends go to both versions.
pub fn split_bitext(text: &str) -> [BitextPart; 2] {
    let mut parts = [BitextPart::default(), BitextPart::default()];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let eol = &line[body.len()..];
        let start = pos;
        pos += line.len();
        let first_foreign = body
            .char_indices()
            .find(|&(_, c)| is_foreign_letter(c))
            .map(|(i, _)| i);
        match first_foreign {
            None => {
                let t = body.trim_end();
                let half = t.len() / 2;
                if t.len() >= 4
                    && t.len() % 2 == 0
                    && t.is_char_boundary(half)
                    && t[..half] == t[half..]
                {
                    parts[0].push(start, &t[..half]);
                    parts[1].push(start + half, &t[half..]);
                } else {
                    parts[0].push(start, body);
                }
            }
            Some(f) if body[..f].chars().any(|c| c.is_ascii_alphabetic()) => {
                let en = body[..f].trim_end();
                parts[0].push(start, en);
                parts[1].push(start + f, &body[f..]);
            }
            Some(_) => parts[1].push(start, body),
        }
        for p in &mut parts {
            p.push(start + body.len(), eol);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use unlsp_syntax::Document;

    #[test]
    fn labels_are_compared_by_ordinal() {
        assert_eq!(label_ordinal("(b)", false), Some(2));
        assert_eq!(label_ordinal("б)", false), Some(2));
        assert_eq!(label_ordinal("(ب)", false), Some(2));
        assert_eq!(label_ordinal("(هـ)", false), Some(5));
        assert_eq!(label_ordinal("(aa)", false), Some(27));
        assert_eq!(label_ordinal("(iv)", true), Some(4));
        assert_eq!(label_ordinal("12.", false), Some(12));
    }

    #[test]
    fn gloss_links_leads_across_languages() {
        let en =
            Document::new("The General Assembly,\n\n1. Decides to remain seized of the matter.\n");
        let zh = Document::new("大会，\n\n1. 决定继续处理此案。\n");
        let g = |d: &Document| {
            lead_glosses(
                d.tree().nodes_of(NodeKind::Operative)[0]
                    .lead
                    .as_ref()
                    .unwrap(),
            )
        };
        assert!(
            g(&en).iter().any(|x| g(&zh).contains(x)),
            "{:?} {:?}",
            g(&en),
            g(&zh)
        );
    }

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

    #[test]
    fn bitext_lines_split_by_script() {
        let t = "A/AC.109/2019/L.18A/AC.109/2019/L.18\nThe General Assembly,إن الجمعية العامة،\n大会，\n";
        let [en, ar] = split_bitext(t);
        assert_eq!(en.text, "A/AC.109/2019/L.18\nThe General Assembly,\n\n");
        assert_eq!(ar.text, "A/AC.109/2019/L.18\nإن الجمعية العامة،\n大会，\n");
        let o = ar.text.find("إن").unwrap();
        assert_eq!(&t[ar.to_original(o)..][..2], "إ");
    }
}
