//! Sequence alignment of the paragraphs of two versions.

use super::facts::set;
use super::units::Unit;
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
pub(super) fn align(a: &[Unit], b: &[Unit]) -> Vec<(Option<usize>, Option<usize>)> {
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

/// The nearest aligned counterpart before pair `k` on the other side (else
/// after it).
pub(super) fn neighbour(
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
