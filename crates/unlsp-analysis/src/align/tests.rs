use super::*;
use std::time::Instant;

/// Items that are their own anchor key (when they end in `!`, never).
fn run(a: &[String], b: &[String], work: &mut Work) -> Vec<Pair> {
    let key = |s: &String| (!s.ends_with('!')).then(|| s.clone());
    let pairs = align(
        a.len(),
        b.len(),
        |i| key(&a[i]),
        |j| key(&b[j]),
        |i, j| if a[i] == b[j] { 1.0 } else { 0.1 },
        work,
    );
    // every item once, in order on both sides
    let left: Vec<usize> = pairs.iter().filter_map(|p| p.0).collect();
    let right: Vec<usize> = pairs.iter().filter_map(|p| p.1).collect();
    assert_eq!(left, (0..a.len()).collect::<Vec<_>>());
    assert_eq!(right, (0..b.len()).collect::<Vec<_>>());
    pairs
}

fn items(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("paragraph {i}")).collect()
}

/// Pairs whose items differ, and items left unmatched.
fn mismatches(a: &[String], b: &[String], pairs: &[Pair]) -> (usize, Vec<Pair>) {
    let differ = pairs
        .iter()
        .filter(|p| matches!(p, (Some(i), Some(j)) if a[*i] != b[*j]))
        .count();
    let gaps = pairs
        .iter()
        .filter(|p| p.0.is_none() || p.1.is_none())
        .copied()
        .collect();
    (differ, gaps)
}

#[test]
fn small_inputs_get_the_exact_alignment() {
    let a: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
    let b: Vec<String> = ["a", "c", "d", "e"].map(String::from).to_vec();
    let pairs = run(&a, &b, &mut Work::new());
    assert_eq!(
        pairs,
        [
            (Some(0), Some(0)),
            (Some(1), None),
            (Some(2), Some(1)),
            (Some(3), Some(2)),
            (None, Some(3))
        ]
    );
}

#[test]
fn an_inserted_item_is_the_only_gap() {
    let a = items(1_000);
    let mut b = a.clone();
    b.insert(300, "new paragraph".into());
    let pairs = run(&a, &b, &mut Work::new());
    assert_eq!(mismatches(&a, &b, &pairs), (0, vec![(None, Some(300))]));
}

#[test]
fn a_deleted_item_is_the_only_gap() {
    let a = items(1_000);
    let mut b = a.clone();
    b.remove(700);
    let pairs = run(&a, &b, &mut Work::new());
    assert_eq!(mismatches(&a, &b, &pairs), (0, vec![(Some(700), None)]));
}

#[test]
fn a_moved_item_is_left_out_on_both_sides_and_the_rest_stays_paired() {
    let a = items(1_000);
    let mut b = a.clone();
    let moved = b.remove(10);
    b.insert(800, moved);
    let pairs = run(&a, &b, &mut Work::new());
    assert_eq!(
        mismatches(&a, &b, &pairs),
        (0, vec![(Some(10), None), (None, Some(800))])
    );
}

#[test]
fn a_changed_item_between_anchors_is_paired_with_its_counterpart() {
    let a = items(1_000);
    let mut b = a.clone();
    b[500] = "paragraph 500 reworded".into();
    let pairs = run(&a, &b, &mut Work::new());
    assert!(pairs.contains(&(Some(500), Some(500))));
    assert_eq!(mismatches(&a, &b, &pairs), (1, vec![]));
}

#[test]
fn a_large_gap_without_anchors_is_paired_along_the_diagonal() {
    // 600 items without keys between anchors: 360,000 pairs, over the limit
    let mut a = items(1_000);
    let mut b = items(1_000);
    for k in 200..800 {
        a[k] = format!("left {k}!");
        b[k] = format!("right {k}!");
    }
    b.insert(500, "one more!".into());
    let mut work = Work::new();
    let pairs = run(&a, &b, &mut work);
    assert!(pairs.contains(&(Some(200), Some(200))));
    assert!(pairs.contains(&(Some(799), Some(799))));
    assert!(pairs.contains(&(None, Some(800))));
    assert!(pairs.contains(&(Some(800), Some(801))));
    assert!(work.cells() < 10_000, "{}", work.cells());
}

#[test]
fn work_is_linear_in_the_input() {
    let a = items(20_000);
    let mut b = a.clone();
    b[7_000] = "changed!".into();
    b.remove(12_000);
    b.insert(15_000, "inserted!".into());
    let mut work = Work::new();
    let pairs = run(&a, &b, &mut work);
    let (n, m) = (a.len() as u64, b.len() as u64);
    assert!(work.cells() <= 4 * (n + m), "{}", work.cells());
    assert_eq!(mismatches(&a, &b, &pairs).0, 1);
}

#[test]
fn a_passed_deadline_still_gives_a_whole_alignment() {
    let a = items(300);
    let b = items(300);
    let mut work = Work::until(Instant::now());
    let pairs = run(&a, &b, &mut work);
    assert!(work.cut_short());
    assert_eq!(work.cells(), 0);
    assert_eq!(pairs.len(), 300);
}
