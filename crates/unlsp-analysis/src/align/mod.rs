//! Near-linear alignment of two sequences, knowing nothing of what the items
//! are: the caller gives each item an optional anchor key and scores a pair.
//!
//! 1. Small inputs (at most [`EXACT_CELLS`] pairs) get the exact sequence
//!    alignment that maximises the summed score (a gap scores 0).
//! 2. Larger inputs are cut by anchors: items whose key occurs exactly once on
//!    each side and is equal on both. The longest chain of anchors in the same
//!    order on both sides (patience style, O(n log n)) is kept.
//! 3. Between two consecutive anchors the items get the exact alignment when
//!    the gap has at most [`GAP_CELLS`] pairs, else are paired along the
//!    diagonal (first with first), the rest left unmatched.
//!
//! The score is evaluated at most `EXACT_CELLS + (√GAP_CELLS + 2)·(n + m)`
//! times: [`Work::cells`] counts the evaluations. A [`Work`] with a deadline
//! stops the exact alignments once it has passed: what is left is paired along
//! the diagonal and [`Work::cut_short`] says so.

mod exact;
mod work;

pub use work::{Pair, Work};

use std::collections::HashMap;
use std::hash::Hash;

/// Pairs up to which the whole input gets the exact alignment.
pub const EXACT_CELLS: u64 = 250_000;
/// Pairs up to which a gap between two anchors gets the exact alignment.
pub const GAP_CELLS: u64 = 4_096;

/// Aligns `n` items with `m` items: pairs in the order of both sequences,
/// every item exactly once. `key_a(i)` / `key_b(j)` are the anchor keys
/// (`None`: never an anchor); `score(i, j)` how alike two items are (> 0).
pub fn align<K: Hash + Eq>(
    n: usize,
    m: usize,
    key_a: impl Fn(usize) -> Option<K>,
    key_b: impl Fn(usize) -> Option<K>,
    score: impl Fn(usize, usize) -> f64,
    work: &mut Work,
) -> Vec<Pair> {
    let mut out = Vec::with_capacity(n.max(m));
    if n as u64 * m as u64 <= EXACT_CELLS {
        between(0..n, 0..m, u64::MAX, &score, work, &mut out);
        return out;
    }
    let (mut i, mut j) = (0, 0);
    for (ai, aj) in anchors(n, m, key_a, key_b) {
        between(i..ai, j..aj, GAP_CELLS, &score, work, &mut out);
        out.push((Some(ai), Some(aj)));
        (i, j) = (ai + 1, aj + 1);
    }
    between(i..n, j..m, GAP_CELLS, &score, work, &mut out);
    out
}

/// The items of `a` and `b` between two anchors: exactly when there are at
/// most `limit` pairs and time is left, else along the diagonal.
fn between(
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    limit: u64,
    score: &impl Fn(usize, usize) -> f64,
    work: &mut Work,
    out: &mut Vec<Pair>,
) {
    let cells = a.len() as u64 * b.len() as u64;
    if cells > 0
        && cells <= limit
        && !work.spent()
        && exact::align(a.clone(), b.clone(), score, work, out)
    {
        return;
    }
    let k = a.len().min(b.len());
    out.extend((0..k).map(|d| (Some(a.start + d), Some(b.start + d))));
    out.extend((a.start + k..a.end).map(|i| (Some(i), None)));
    out.extend((b.start + k..b.end).map(|j| (None, Some(j))));
}

/// The longest chain of unique equal keys in the same order on both sides,
/// in order.
fn anchors<K: Hash + Eq>(
    n: usize,
    m: usize,
    key_a: impl Fn(usize) -> Option<K>,
    key_b: impl Fn(usize) -> Option<K>,
) -> Vec<(usize, usize)> {
    // key → (occurrences in a, index in a, occurrences in b, index in b)
    let mut seen: HashMap<K, (u32, usize, u32, usize)> = HashMap::new();
    for i in 0..n {
        if let Some(k) = key_a(i) {
            let e = seen.entry(k).or_insert((0, i, 0, 0));
            e.0 += 1;
        }
    }
    for j in 0..m {
        if let Some(e) = key_b(j).and_then(|k| seen.get_mut(&k)) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.1, e.3))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// The longest subsequence of `pairs` (sorted by first index) whose second
/// indices increase: patience sorting with back links.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[l]: index in `pairs` of the smallest end of a chain of length l + 1
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = Vec::with_capacity(pairs.len());
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let l = tails.partition_point(|&t| pairs[t].1 < j);
        back.push(l.checked_sub(1).map(|p| tails[p]));
        if l == tails.len() {
            tails.push(k);
        } else {
            tails[l] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        chain.push(pairs[k]);
        at = back[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests;
