//! Incremental linting: after an edit, the rules whose [`Reach`] is one unit
//! run again only on the units that changed; their earlier diagnostics on the
//! other units are kept, shifted past the edit. Rules that read the whole
//! document run on the whole tree every time.
//!
//! A *unit* here is every node that is not a container (preamble, operative
//! part, section, annex), with its subtree: a paragraph with its
//! sub-paragraphs and footnotes, a title, a heading block, a footnote at the
//! top level. A unit is unchanged when its text lies outside the edited
//! window and its [signature](unit_sigs) (its subtree, the facts the parser
//! found in it, and the kinds and labels of its containers) is the one it had.
//!
//! A unit rule's diagnostics on a document are the union of its diagnostics
//! on [`cut`] trees that each keep some of the units: `tests/lint_incremental.rs`
//! checks that on the corpus for every rule marked [`Reach::Unit`], and that
//! incremental results equal full ones after random edits.

use crate::diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
use ropey::Rope;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use unlsp_syntax::tree::{Node, NodeKind, Tree};

fn is_container(k: NodeKind) -> bool {
    matches!(
        k,
        NodeKind::Preamble | NodeKind::OperativePart | NodeKind::Section | NodeKind::Annex
    )
}

/// A text of more units than this is linted whole at each analysis and
/// leaves no cache: the signatures of millions of units (a text of numbered
/// lines) would weigh more than the time they save, as the memo's tables
/// stop growing at the same size. A resolution has a few thousand.
pub(crate) const MAX_UNITS: usize = 1 << 17;

/// How many units `tree` has.
pub(crate) fn unit_count(tree: &Tree) -> usize {
    fn count(n: &Node) -> usize {
        match is_container(n.kind) {
            true => n.children.iter().map(count).sum(),
            false => 1,
        }
    }
    tree.nodes.iter().map(count).sum()
}

/// The units of `tree` in text order: (range, signature).
pub fn unit_sigs(tree: &Tree) -> Vec<(Range<usize>, u64)> {
    let mut out = Vec::with_capacity(unit_count(tree));
    // the facts, walked alongside in text order
    let mut facts = FactCursor::default();
    fn go(
        tree: &Tree,
        n: &Node,
        context: u64,
        facts: &mut FactCursor,
        out: &mut Vec<(Range<usize>, u64)>,
    ) {
        if is_container(n.kind) {
            let mut h = rustc_hash::FxHasher::default();
            context.hash(&mut h);
            n.kind.hash(&mut h);
            n.label.hash(&mut h);
            let context = h.finish();
            for c in &n.children {
                go(tree, c, context, facts, out);
            }
            return;
        }
        let mut h = rustc_hash::FxHasher::default();
        context.hash(&mut h);
        let base = n.range.start;
        hash_node(n, base, &mut h);
        facts.hash_within(tree, &n.range, &mut h);
        out.push((n.range.clone(), h.finish()));
    }
    for n in &tree.nodes {
        go(tree, n, 0, &mut facts, &mut out);
    }
    out
}

/// Everything the document's units share: a unit rule may read them, so when
/// they change every unit is checked again.
fn doc_sig(tree: &Tree) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    tree.lang.hash(&mut h);
    tree.kind.hash(&mut h);
    tree.extracted.hash(&mut h);
    let m = &tree.meta;
    (
        &m.symbol,
        &m.symbol_range,
        &m.distribution,
        &m.issue_date,
        &m.session,
        &m.agenda,
        &m.number,
        &m.number_range,
        &m.title,
        &m.author,
        &m.organ,
    )
        .hash(&mut h);
    (&m.adoption_date, &m.closing_date, &m.subjects).hash(&mut h);
    h.finish()
}

fn rel(r: &Range<usize>, base: usize) -> (isize, isize) {
    (
        r.start as isize - base as isize,
        r.end as isize - base as isize,
    )
}

fn hash_node(n: &Node, base: usize, h: &mut impl Hasher) {
    n.kind.hash(h);
    rel(&n.range, base).hash(h);
    n.label.hash(h);
    n.label_range.as_ref().map(|r| rel(r, base)).hash(h);
    if let Some(l) = &n.lead {
        (
            &l.text,
            rel(&l.range, base),
            l.class,
            l.form,
            &l.base,
            l.lang,
        )
            .hash(h);
        (l.emphasis, l.capitalised, l.class_mismatch).hash(h);
    }
    n.children.len().hash(h);
    for c in &n.children {
        hash_node(c, base, h);
    }
}

/// Positions in each of the tree's fact lists, advanced unit by unit.
#[derive(Default)]
struct FactCursor {
    citations: usize,
    symbols: usize,
    footnote_refs: usize,
    paragraph_refs: usize,
    dates: usize,
}

/// The items of a list sorted by start that start inside `r`, from `*at` on.
fn inside<'a, T>(
    v: &'a [T],
    at: &mut usize,
    r: &Range<usize>,
    start: impl Fn(&T) -> usize,
) -> &'a [T] {
    while *at < v.len() && start(&v[*at]) < r.start {
        *at += 1;
    }
    let from = *at;
    while *at < v.len() && start(&v[*at]) < r.end {
        *at += 1;
    }
    &v[from..*at]
}

impl FactCursor {
    fn hash_within(&mut self, t: &Tree, r: &Range<usize>, h: &mut impl Hasher) {
        let b = r.start;
        let cites = inside(&t.citations, &mut self.citations, r, |c| c.range.start);
        let first_list = cites.first().map_or(0, |c| c.list);
        for c in cites {
            (c.kind, &c.target, &c.organ, &c.date, c.noun_plural, c.own).hash(h);
            (c.date_range.as_ref().map(|d| rel(d, b)), rel(&c.range, b)).hash(h);
            (c.list.wrapping_sub(first_list), rel(&c.list_range, b)).hash(h);
            (c.in_footnote, &c.raw).hash(h);
        }
        for s in inside(&t.symbols, &mut self.symbols, r, |s| s.range.start) {
            (rel(&s.range, b), &s.canonical, s.in_furniture, &s.problems).hash(h);
        }
        for f in inside(&t.footnote_refs, &mut self.footnote_refs, r, |f| {
            f.range.start
        }) {
            (f.number, rel(&f.range, b), f.superscript).hash(h);
        }
        for p in inside(&t.paragraph_refs, &mut self.paragraph_refs, r, |p| {
            p.range.start
        }) {
            (p.number, &p.sub, rel(&p.range, b), rel(&p.number_range, b)).hash(h);
            p.of_citation.hash(h);
        }
        for d in inside(&t.dates, &mut self.dates, r, |d| d.range.start) {
            (rel(&d.range, b), d.date, d.canonical_form).hash(h);
        }
    }
}

/// `tree` with only the units whose range is in `keep` (sorted, disjoint),
/// their containers, and the facts that start inside them.
pub fn cut(tree: &Tree, keep: &[Range<usize>]) -> Tree {
    let kept = |r: &Range<usize>| {
        let i = keep.partition_point(|k| k.start <= r.start);
        i > 0 && keep[i - 1] == *r
    };
    let holds = |x: usize| {
        let i = keep.partition_point(|k| k.start <= x);
        i > 0 && x < keep[i - 1].end
    };
    fn go(n: &Node, kept: &impl Fn(&Range<usize>) -> bool) -> Option<Node> {
        if !is_container(n.kind) {
            return kept(&n.range).then(|| n.clone());
        }
        let children: unlsp_syntax::tree::Nodes =
            n.children.iter().filter_map(|c| go(c, kept)).collect();
        (!children.is_empty()).then(|| Node {
            kind: n.kind,
            range: n.range.clone(),
            label: n.label,
            label_range: n.label_range.clone(),
            lead: n.lead.clone(),
            children,
        })
    }
    Tree {
        lang: tree.lang,
        kind: tree.kind,
        meta: tree.meta.clone(),
        nodes: tree.nodes.iter().filter_map(|n| go(n, &kept)).collect(),
        citations: keep_in(&tree.citations, |c| holds(c.range.start)),
        symbols: keep_in(&tree.symbols, |s| holds(s.range.start)),
        footnote_refs: keep_in(&tree.footnote_refs, |f| holds(f.range.start)),
        paragraph_refs: keep_in(&tree.paragraph_refs, |p| holds(p.range.start)),
        dates: keep_in(&tree.dates, |d| holds(d.range.start)),
        extracted: tree.extracted,
    }
}

fn keep_in<T: Clone>(v: &[T], f: impl Fn(&T) -> bool) -> Vec<T> {
    v.iter().filter(|x| f(x)).cloned().collect()
}

/// What one analysis leaves for the next: the text it read, the units and
/// the raw output of each unit rule.
pub struct LintCache {
    text: Rope,
    doc_sig: u64,
    /// The rules that ran and their severities.
    todo: Vec<(usize, Severity)>,
    units: Vec<(Range<usize>, u64)>,
    /// Per entry of `todo`: the unit rule's diagnostics before any filter, or
    /// `None` for a document rule.
    local: Vec<Option<Vec<Diagnostic>>>,
    /// Units the unit rules checked in the analysis that made this cache,
    /// `None` when they checked the whole document.
    checked: Option<usize>,
    /// The per-node facts the document rules computed.
    pub(super) memo: crate::memo::Memo,
}

impl LintCache {
    /// How many units the unit rules checked in the analysis that left this
    /// cache, and how many the document has; `None` for a full check.
    pub fn checked_units(&self) -> Option<(usize, usize)> {
        Some((self.checked?, self.units.len()))
    }

    /// Forget the per-node facts the document rules computed and the rules'
    /// pattern caches ([`super::pattern`]): the next analysis makes them
    /// again, and still checks only the units that changed.
    pub fn shed_memo(&mut self) {
        self.memo = crate::memo::Memo::default();
    }

    pub(super) fn new(
        text: Rope,
        tree: &Tree,
        todo: Vec<(usize, Severity)>,
        units: Vec<(Range<usize>, u64)>,
        local: Vec<Option<Vec<Diagnostic>>>,
        checked: Option<usize>,
        memo: crate::memo::Memo,
    ) -> LintCache {
        LintCache {
            // the joined texts are not carried: keeping them would hold a
            // second copy of the document's paragraphs (1.7 MB at 1 MB)
            memo: memo.into_carriable(),
            text,
            doc_sig: doc_sig(tree),
            todo,
            units,
            local,
            checked,
        }
    }
}

/// How the next analysis reuses a cache.
pub(super) struct Plan {
    /// Units of the new tree to check again, sorted.
    pub dirty: Vec<Range<usize>>,
    /// Per entry of `todo`: the kept diagnostics of a unit rule, shifted.
    pub kept: Vec<Option<Vec<Diagnostic>>>,
    /// The old units that did not change, sorted, with how far each moved.
    pub clean: Vec<(Range<usize>, isize)>,
}

impl Plan {
    /// `x` lies in (or at the end of) a unit checked again.
    pub fn checks(&self, x: usize) -> bool {
        let i = self.dirty.partition_point(|r| r.start <= x);
        i > 0 && x <= self.dirty[i - 1].end
    }

    /// How far a node of the old text at `start..end` moved, when it lies in
    /// a unit that did not change.
    pub fn moved(&self, start: usize, end: usize) -> Option<isize> {
        let i = self.clean.partition_point(|(r, _)| r.start <= start);
        let (r, d) = self.clean.get(i.checked_sub(1)?)?;
        (end <= r.end).then_some(*d)
    }
}

/// The edited window: the common prefix and suffix of the old and new text,
/// as (prefix length, end of the window in the old text, byte delta).
fn window(old: &Rope, new: &str) -> (usize, usize, isize) {
    let nb = new.as_bytes();
    let p = shared_run(old.chunks().map(str::as_bytes), nb, nb.len(), false);
    let old_len = old.len_bytes();
    let (mut chunks, ..) = old.chunks_at_byte(old_len);
    let backwards = std::iter::from_fn(|| chunks.prev()).map(str::as_bytes);
    let s = shared_run(backwards, nb, old_len.min(nb.len()) - p, true);
    (p, old_len - s, nb.len() as isize - old_len as isize)
}

/// How many bytes `chunks` share with `theirs`, at most `max`: from the
/// start, or from the end when `from_end` (the chunks then come last first).
/// Whole chunks compare as slices (memcmp); the first unequal one byte by byte.
fn shared_run<'c>(
    chunks: impl Iterator<Item = &'c [u8]>,
    theirs: &[u8],
    max: usize,
    from_end: bool,
) -> usize {
    let mut k = 0;
    for c in chunks {
        let n = c.len().min(max - k);
        let (mine, other) = match from_end {
            true => (
                &c[c.len() - n..],
                &theirs[theirs.len() - k - n..theirs.len() - k],
            ),
            false => (&c[..n], &theirs[k..k + n]),
        };
        if mine == other {
            k += n;
            if n < c.len() {
                break;
            }
            continue;
        }
        let pairs = mine.iter().zip(other);
        k += match from_end {
            true => pairs.rev().take_while(|(a, b)| a == b).count(),
            false => pairs.take_while(|(a, b)| a == b).count(),
        };
        break;
    }
    k
}

/// Which units changed since `prev`, and the unit rules' diagnostics that
/// still hold; `None` when everything must be checked again.
pub(super) fn plan(
    prev: &LintCache,
    text: &str,
    tree: &Tree,
    todo: &[(usize, Severity)],
    units: &[(Range<usize>, u64)],
) -> Option<Plan> {
    if prev.todo != todo || prev.doc_sig != doc_sig(tree) {
        return None;
    }
    let (p, old_end, delta) = window(&prev.text, text);
    let new_end = (old_end as isize + delta) as usize;
    let old = &prev.units;
    // the old unit each new one continues, when it is unchanged
    let mut twin: Vec<Option<usize>> = units
        .iter()
        .map(|(r, sig)| {
            let start = if r.end < p {
                r.start
            } else if r.start > new_end {
                (r.start as isize - delta) as usize
            } else {
                return None;
            };
            let i = old.partition_point(|(o, _)| o.start < start);
            let (o, osig) = old.get(i)?;
            (o.start == start && o.len() == r.len() && osig == sig).then_some(i)
        })
        .collect();
    // A rule may read the text just past its unit (`other_body_before`, line
    // starts): the units on either side of the window are checked again too.
    if let Some(k) = units.iter().rposition(|(r, _)| r.end < p) {
        twin[k] = None;
    }
    if let Some(k) = units.iter().position(|(r, _)| r.start > new_end) {
        twin[k] = None;
    }
    let mut clean_old = vec![false; old.len()];
    for &i in twin.iter().flatten() {
        clean_old[i] = true;
    }
    let in_window = |x: usize| p <= x && x <= old_end;
    let touches = |d: &Diagnostic| positions(d).any(in_window);
    // an old diagnostic belongs to the first unit whose range holds its start
    let owner = |x: usize| {
        let i = old.partition_point(|(o, _)| o.start <= x);
        (i > 0 && x <= old[i - 1].0.end).then(|| i - 1)
    };
    // Units that touch share their boundary: a diagnostic there could belong
    // to either, so they are kept or checked again together. A unit with a
    // diagnostic that reaches into the window is checked again.
    for d in prev.local.iter().flatten().flatten() {
        let i = owner(d.range.start)?;
        if touches(d) {
            clean_old[i] = false;
        }
    }
    loop {
        let mut changed = false;
        for i in 0..old.len() {
            let near = (i > 0 && old[i - 1].0.end == old[i].0.start && !clean_old[i - 1])
                || (i + 1 < old.len() && old[i].0.end == old[i + 1].0.start && !clean_old[i + 1]);
            if clean_old[i] && near {
                clean_old[i] = false;
                changed = true;
            }
        }
        for k in 0..units.len() {
            let Some(i) = twin[k] else { continue };
            let near = (k > 0 && units[k - 1].0.end == units[k].0.start && twin[k - 1].is_none())
                || (k + 1 < units.len()
                    && units[k].0.end == units[k + 1].0.start
                    && twin[k + 1].is_none());
            if !clean_old[i] || near {
                twin[k] = None;
                clean_old[i] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let shift = |x: usize| {
        if x < p {
            x
        } else {
            (x as isize + delta) as usize
        }
    };
    let mut kept = Vec::with_capacity(prev.local.len());
    for local in &prev.local {
        kept.push(match local {
            None => None,
            Some(v) => {
                let mut out = Vec::new();
                for d in v {
                    if clean_old[owner(d.range.start)?] {
                        out.push(moved(d, &shift));
                    }
                }
                Some(out)
            }
        });
    }
    let dirty = units
        .iter()
        .zip(&twin)
        .filter(|(_, t)| t.is_none())
        .map(|((r, _), _)| r.clone())
        .collect();
    let clean = old
        .iter()
        .zip(&clean_old)
        .filter(|(_, c)| **c)
        .map(|((r, _), _)| (r.clone(), if r.end < p { 0 } else { delta }))
        .collect();
    Some(Plan { dirty, kept, clean })
}

fn positions(d: &Diagnostic) -> impl Iterator<Item = usize> + '_ {
    let edits = d.fix.iter().flat_map(|f| f.edits.iter().map(|e| &e.range));
    std::iter::once(&d.range)
        .chain(d.related.iter().map(|r| &r.range))
        .chain(edits)
        .flat_map(|r| [r.start, r.end])
}

fn moved(d: &Diagnostic, shift: &impl Fn(usize) -> usize) -> Diagnostic {
    let m = |r: &Range<usize>| shift(r.start)..shift(r.end);
    Diagnostic {
        code: d.code,
        severity: d.severity,
        message: d.message.clone(),
        range: m(&d.range),
        related: d
            .related
            .iter()
            .map(|r| Related {
                range: m(&r.range),
                message: r.message.clone(),
            })
            .collect(),
        fix: d.fix.as_ref().map(|f| Fix {
            title: f.title.clone(),
            edits: Arc::new(
                f.edits
                    .iter()
                    .map(|e| Edit {
                        range: m(&e.range),
                        text: e.text.clone(),
                    })
                    .collect(),
            ),
            safe: f.safe,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window by its definition: the longest common prefix, then the
    /// longest common suffix of what is left.
    fn naive(old: &str, new: &str) -> (usize, usize, isize) {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let s = a[p..]
            .iter()
            .rev()
            .zip(b[p..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        (p, a.len() - s, b.len() as isize - a.len() as isize)
    }

    proptest::proptest! {
        #[test]
        fn window_is_the_common_prefix_and_suffix(
            base in "[ab\\n决]{0,40}",
            reps in 0usize..300,
            at in 0.0f64..1.0,
            del in 0usize..30,
            ins in "[ab决]{0,5}",
        ) {
            // long enough for the rope to hold many chunks
            let old = base.repeat(reps);
            let mut i = (old.len() as f64 * at) as usize;
            while !old.is_char_boundary(i) { i -= 1; }
            let mut j = (i + del).min(old.len());
            while !old.is_char_boundary(j) { j += 1; }
            let new = format!("{}{}{}", &old[..i], ins, &old[j..]);
            proptest::prop_assert_eq!(window(&Rope::from_str(&old), &new), naive(&old, &new));
        }
    }
}
