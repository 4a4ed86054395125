//! Reference-folder indexing (prints figures; not a timed test).
//! `cargo bench --bench index`.
//!
//! Builds a folder of 10,000 documents (corpus texts copied in turn; the
//! examples when the corpus is absent), then indexes it in a child process
//! with no cache (cold), and again in a fresh child process from the cache
//! written by the first (warm, every file unchanged), so that each phase has
//! its own peak RSS. Then one file is touched and the index is rebuilt
//! (incremental). Targets: cold < 5 s on 2 cores, warm < 0.5 s,
//! peak RSS < 200 MB.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use unlsp_index::reference::{Options, ReferenceIndex};

const DOCS: usize = 10_000;

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        unlsp_corpus::shared_root().join("corpus/texts/en"),
        root.join("examples"),
    ] {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        v.sort();
        if !v.is_empty() {
            return v;
        }
    }
    Vec::new()
}

fn status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .map(|l| l[key.len()..].trim().to_string())
        .unwrap_or_else(|| "?".into())
}

/// CPU time of this process so far (user + system), from /proc/self/stat:
/// on a shared machine the wall time depends on the neighbours, this does not.
fn cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the parenthesised command name; utime and stime are 14 and 15
    let rest = s.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .next()
        .unwrap_or("?")
        .to_string()
}

/// One phase, in this (child) process: index `folder`, print a line.
fn phase(name: &str, folder: &Path, cache: &Path) {
    let opts = Options {
        cache_dir: Some(cache.to_path_buf()),
        ..Options::default()
    };
    let cpu0 = cpu_seconds();
    let load = load_average();
    let t = Instant::now();
    let (ix, stats) = ReferenceIndex::build(&[folder.to_path_buf()], &opts, &|_, _, _| {});
    let el = t.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let s = &stats[0];
    println!(
        "{name:<12} {:>7.3} s wall  {:>7.2} s CPU (load {load})  {:>6} docs indexed ({} parsed, {} from cache, {} skipped)  peak RSS {}  RSS after {}",
        el.as_secs_f64(),
        cpu,
        ix.len(),
        s.parsed,
        s.reused,
        s.skipped,
        status("VmHWM:"),
        status("VmRSS:"),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let (Ok(p), Ok(folder), Ok(cache)) = (
        std::env::var("UNLSP_INDEX_BENCH_PHASE"),
        std::env::var("UNLSP_INDEX_BENCH_FOLDER"),
        std::env::var("UNLSP_INDEX_BENCH_CACHE"),
    ) {
        phase(&p, Path::new(&folder), Path::new(&cache));
        return;
    }
    let src = sources();
    if src.is_empty() {
        println!("no corpus and no examples: nothing to index");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("unlsp-index-bench-{}", std::process::id()));
    let folder = tmp.join("refs");
    let cache = tmp.join("cache");
    let _ = std::fs::remove_dir_all(&tmp);
    let mut bytes = 0u64;
    for i in 0..DOCS {
        let from = &src[i % src.len()];
        let sub = folder.join(format!("{:02}", i % 100));
        std::fs::create_dir_all(&sub).expect("temp dir");
        let to = sub.join(format!(
            "{i:05}-{}",
            from.file_name().unwrap().to_string_lossy()
        ));
        bytes += std::fs::copy(from, &to).expect("copy");
    }
    println!(
        "folder: {DOCS} documents, {:.1} MB (from {} source texts), {} cores",
        bytes as f64 / 1e6,
        src.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let exe = std::env::current_exe().expect("bench exe");
    let run = |name: &str| {
        let st = Command::new(&exe)
            .args(args.iter().skip(1))
            .env("UNLSP_INDEX_BENCH_PHASE", name)
            .env("UNLSP_INDEX_BENCH_FOLDER", &folder)
            .env("UNLSP_INDEX_BENCH_CACHE", &cache)
            .status()
            .expect("child");
        assert!(st.success(), "{name} phase failed");
    };
    run("cold");
    run("warm");
    // one changed file: only it is parsed again
    let one = folder.join("00").join(
        std::fs::read_dir(folder.join("00"))
            .unwrap()
            .flatten()
            .next()
            .unwrap()
            .file_name(),
    );
    let mut t = std::fs::read_to_string(&one).unwrap();
    t.push_str("\n1. Decides to remain seized of the matter.\n");
    std::fs::write(&one, t).unwrap();
    run("one-changed");
    let cache_size: u64 = std::fs::read_dir(&cache)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!("cache file: {:.1} MB", cache_size as f64 / 1e6);
    let _ = std::fs::remove_dir_all(&tmp);
}
