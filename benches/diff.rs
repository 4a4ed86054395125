//! `unlsp diff` speed: two versions of 1 MB (GA 79 resolutions end to end,
//! and the same with changes planted in each: deletions, insertions,
//! merges, word edits, moves, splits, renumbering, re-wrapping) and a real
//! draft of about 50 KB against the resolution adopted from it. Prints the
//! parse and comparison times (median of several runs); not a timed test.
//! `cargo bench --bench diff`.
//!
//! Targets: two 1 MB versions compared in under 1 s; two 50 KB drafts in
//! under 20 ms (parse included in both).

use std::time::{Duration, Instant};
use unlsp::synthetic;
use unlsp_analysis::align::Work;
use unlsp_analysis::diff;
use unlsp_syntax::Document;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Parse both and compare, `runs` times: (parse, compare, changes, cells).
fn measure(a: &str, b: &str, runs: usize) -> (Duration, Duration, usize, u64) {
    let (mut parse, mut cmp) = (Vec::new(), Vec::new());
    let (mut changes, mut cells) = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let (da, db) = (Document::new(a), Document::new(b));
        parse.push(t.elapsed());
        let t = Instant::now();
        let mut work = Work::new();
        let c = diff::compare((da.text(), da.tree()), (db.text(), db.tree()), &mut work);
        cmp.push(t.elapsed());
        changes = c.changes().count();
        cells = work.cells();
    }
    (median(parse), median(cmp), changes, cells)
}

fn report(what: &str, a: &str, b: &str, runs: usize, target: Duration) {
    let (p, c, n, cells) = measure(a, b, runs);
    let total = p + c;
    println!(
        "{what}: {} KB / {} KB: parse {:.1} ms, compare {:.1} ms, total {:.1} ms (target {} ms: {}); {n} changes, {cells} score evaluations",
        a.len() / 1024,
        b.len() / 1024,
        p.as_secs_f64() * 1e3,
        c.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
        target.as_millis(),
        if total < target { "met" } else { "MISSED" }
    );
}

fn main() {
    let texts = unlsp_corpus::shared_root().join("corpus/texts/en");
    let mut files: Vec<_> = std::fs::read_dir(&texts)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let res: Vec<String> = files
        .iter()
        .filter(|p| p.to_string_lossy().contains("A_RES_79_"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if res.len() < 2 {
        eprintln!("no GA 79 texts under {}", texts.display());
        return;
    }
    let (mut old, mut new) = (String::new(), String::new());
    let mut k = 0;
    while old.len() < 1 << 20 {
        let (t, donor) = (&res[k % res.len()], &res[(k + res.len() / 2) % res.len()]);
        let planted = synthetic::plant(t, None, k as u64, donor);
        old.push_str(t);
        old.push_str("\n\n");
        new.push_str(planted.as_ref().map_or(t.as_str(), |p| p.text.as_str()));
        new.push_str("\n\n");
        k += 1;
    }
    report("1 MB versions", &old, &new, 3, Duration::from_secs(1));
    // the real draft nearest 50 KB with its adopted text
    let pairs = synthetic::real_pairs(&unlsp_corpus::shared_root().join("corpus"));
    let sized: Vec<(usize, String, String)> = pairs
        .iter()
        .filter_map(|p| {
            let a = std::fs::read_to_string(&p.draft).ok()?;
            let b = std::fs::read_to_string(&p.adopted).ok()?;
            Some((a.len().abs_diff(50 << 10), a, b))
        })
        .collect();
    if let Some((_, a, b)) = sized.iter().min_by_key(|s| s.0) {
        report("50 KB draft → adopted", a, b, 21, Duration::from_millis(20));
    }
}
