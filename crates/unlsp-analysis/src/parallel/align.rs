//! Alignment of the paragraphs of two versions with [`crate::align`]:
//! anchored on paragraphs with the same label ordinal, citations, numbers and
//! dates, scored by [`similarity`].

use super::units::Unit;
use crate::align::{self, Pair, Work};
use std::collections::BTreeSet;

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

/// How alike two paragraphs of different languages look (≥ 0.2).
fn similarity(a: &Unit, b: &Unit) -> f64 {
    let mut s = 0.2;
    if a.ord.is_some() && a.ord == b.ord {
        s += 0.8;
    }
    if same_lead(&a.gloss, &b.gloss) {
        s += 1.0;
    }
    if let Some(j) = jaccard(&a.cites, &b.cites) {
        s += j;
    }
    if let Some(j) = jaccard(&a.nums, &b.nums) {
        s += 0.5 * j;
    }
    let (wa, wb) = (a.weight.max(1e-6), b.weight.max(1e-6));
    s + 0.6 * wa.min(wb) / wa.max(wb)
}

/// The alignment maximising the summed similarity (a gap scores 0), exact
/// for ordinary documents and near-linear for long ones.
pub(super) fn align(a: &[Unit], b: &[Unit], work: &mut Work) -> Vec<Pair> {
    align::align(
        a.len(),
        b.len(),
        |i| anchor(&a[i]),
        |j| anchor(&b[j]),
        |i, j| similarity(&a[i], &b[j]),
        work,
    )
}

/// What makes a paragraph its own anchor: its label ordinal with what it
/// says that does not depend on the language.
fn anchor<'u>(u: &'u Unit) -> Option<(u32, &'u BTreeSet<String>, &'u BTreeSet<String>)> {
    Some((u.ord?, &u.cites, &u.nums))
}

/// For every pair, the nearest counterpart on the side `side` picks before
/// it (else after it): in one pass each way.
pub(super) fn neighbours(
    pairs: &[Pair],
    side: impl Fn(&Pair) -> Option<usize>,
) -> Vec<Option<usize>> {
    let mut out = vec![None; pairs.len()];
    let mut last = None;
    for (k, p) in pairs.iter().enumerate() {
        out[k] = last;
        last = side(p).or(last);
    }
    let mut next = None;
    for (k, p) in pairs.iter().enumerate().rev() {
        out[k] = out[k].or(next);
        next = side(p).or(next);
    }
    out
}
