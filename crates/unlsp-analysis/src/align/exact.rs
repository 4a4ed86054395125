//! The exact sequence alignment of two ranges: the pairs maximising the summed
//! score, a gap scoring 0 (quadratic: for small ranges only).

use super::work::{Pair, Work};
use std::ops::Range;

/// Rows between two looks at the deadline.
const ROWS_PER_CHECK: usize = 64;

/// Appends the alignment of `a` with `b` to `out`; `false` (and nothing
/// appended) when the deadline of `work` passed first.
pub(super) fn align(
    a: Range<usize>,
    b: Range<usize>,
    score: &impl Fn(usize, usize) -> f64,
    work: &mut Work,
    out: &mut Vec<Pair>,
) -> bool {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    // best[i * w + j]: best score of a[i..] against b[j..]
    let mut best = vec![0.0f64; (n + 1) * w];
    for i in (0..n).rev() {
        if i % ROWS_PER_CHECK == 0 && work.spent() {
            return false;
        }
        for j in (0..m).rev() {
            let take = score(a.start + i, b.start + j) + best[(i + 1) * w + j + 1];
            best[i * w + j] = take.max(best[(i + 1) * w + j]).max(best[i * w + j + 1]);
        }
        work.add(m);
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        work.add(1);
        let take = score(a.start + i, b.start + j) + best[(i + 1) * w + j + 1];
        if (best[i * w + j] - take).abs() < 1e-9 {
            out.push((Some(a.start + i), Some(b.start + j)));
            i += 1;
            j += 1;
        } else if (best[i * w + j] - best[(i + 1) * w + j]).abs() < 1e-9 {
            out.push((Some(a.start + i), None));
            i += 1;
        } else {
            out.push((None, Some(b.start + j)));
            j += 1;
        }
    }
    out.extend((a.start + i..a.end).map(|i| (Some(i), None)));
    out.extend((b.start + j..b.end).map(|j| (None, Some(j))));
    true
}
