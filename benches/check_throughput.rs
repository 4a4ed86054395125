//! Throughput of `unlsp check` on the corpus (or the seeds when the corpus is
//! absent): parse + every rule, on every core. `cargo bench --bench check_throughput`.

use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let dir = unlsp_corpus::shared_root().join("corpus/texts/en");
    let dir = if dir.is_dir() {
        dir
    } else {
        unlsp_corpus::shared_root().join("seeds")
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("no texts found under {}", dir.display());
        return;
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let cfg = unlsp_analysis::Config::default();
    let t0 = Instant::now();
    let diags: usize = texts
        .par_iter()
        .map(|t| {
            let doc = unlsp_syntax::Document::new(t);
            unlsp_analysis::check(&doc, &cfg).len()
        })
        .sum();
    let dt = t0.elapsed().as_secs_f64();
    println!(
        "check_throughput: {} documents, {:.1} MB, {diags} diagnostics in {dt:.2} s — {:.0} documents/s, {:.1} MB/s ({} threads)",
        texts.len(),
        bytes as f64 / 1e6,
        texts.len() as f64 / dt,
        bytes as f64 / 1e6 / dt,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
}
