//! Parser throughput and incremental-edit latency (prints figures; not a timed
//! test). `cargo bench --bench parse`.
//!
//! Targets (parser issue): full parse ≥ 50 MB/s on a 10 MB concatenation of
//! corpus texts; a one-character edit in a 1 MB document under 1% of that
//! document's full-parse time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts live heap bytes (for the memory figures).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;
use std::time::{Duration, Instant};
use unlsp_syntax::Document;
use unlsp_syntax::document::EditPath;

fn corpus_text(limit: usize) -> String {
    let dir = unlsp_corpus::shared_root().join("corpus/texts/en");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = String::new();
    for f in files.iter().cycle().take(files.len() * 4) {
        if out.len() >= limit {
            break;
        }
        if let Ok(t) = std::fs::read_to_string(f) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    if out.is_empty() {
        let seed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/A_RES_62_57.txt"),
        )
        .unwrap();
        while out.len() < limit {
            out.push_str(&seed);
        }
    }
    out
}

fn best_of<F: FnMut()>(n: usize, f: F) -> Duration {
    best_of_with_cpu(n, f).0
}

/// CPU time of this thread: on a machine shared with other work it counts
/// what the parse itself costs, where the wall clock also counts the waits.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The best wall time of `n` runs, and the best CPU time.
fn best_of_with_cpu<F: FnMut()>(n: usize, mut f: F) -> (Duration, Duration) {
    let (mut best, mut best_cpu) = (Duration::MAX, Duration::MAX);
    for _ in 0..n {
        let (t, c) = (Instant::now(), thread_cpu());
        f();
        best = best.min(t.elapsed());
        best_cpu = best_cpu.min(thread_cpu() - c);
    }
    (best, best_cpu)
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// Corpus text cut to exactly `limit` bytes (on a character boundary).
fn corpus_exact(limit: usize) -> String {
    let mut t = corpus_text(limit);
    while t.len() > limit {
        t.pop();
    }
    t
}

/// 400 keystrokes at `at(i)`: type a letter, run `after`, delete it, run
/// `after`; the time of each edit with its `after`, and the paths they took.
fn keystrokes(
    doc: &mut Document,
    at: impl Fn(usize) -> usize,
    mut after: impl FnMut(&Document),
) -> (Vec<Duration>, Paths) {
    let mut times = Vec::new();
    let mut paths = Paths::default();
    for i in 0..400 {
        let mut p = at(i);
        while !doc.text().is_char_boundary(p) {
            p -= 1;
        }
        for (range, text) in [(p..p, "x"), (p..p + 1, "")] {
            let t = Instant::now();
            doc.edit(range, text);
            after(doc);
            times.push(t.elapsed());
            paths.note(doc);
        }
    }
    (times, paths)
}

/// How the edits were handled: restarted and converged, restarted and walked to
/// the end, or walked in full.
#[derive(Default)]
struct Paths {
    converged: usize,
    to_end: usize,
    full: usize,
}

impl Paths {
    fn note(&mut self, doc: &Document) {
        match doc.last_edit_path() {
            EditPath::Resumed { converged: true } => self.converged += 1,
            EditPath::Resumed { converged: false } => self.to_end += 1,
            EditPath::Full => self.full += 1,
        }
    }
}

impl std::fmt::Display for Paths {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let n = (self.converged + self.to_end + self.full).max(1) as f64;
        write!(
            f,
            "fast path (restart + convergence) {:.1}%, restart to the end {:.1}%, full {:.1}%",
            100.0 * self.converged as f64 / n,
            100.0 * self.to_end as f64 / n,
            100.0 * self.full as f64 / n
        )
    }
}

/// The one-char edits of the 1 MB document (the keystrokes of `keystrokes`),
/// each timed three times (type, undo, type again) by the wall clock and by
/// the thread's CPU time, keeping the least: on a shared machine one try
/// measures the neighbours as much as the edit. Prints the percentiles and
/// the `show` slowest edits with what they hit.
fn edit_tail(one: &str, show: usize) {
    let mut doc = Document::new(one);
    let third = one.len() / 3;
    let mut rows = Vec::new();
    let mut cpu = Vec::new();
    for i in 0..400 {
        let mut p = third + (i * 7919) % third;
        while !doc.text().is_char_boundary(p) {
            p -= 1;
        }
        for (range, text) in [(p..p, "x"), (p..p + 1, "")] {
            let (mut wall, mut on_cpu) = (Duration::MAX, Duration::MAX);
            for k in 0..3 {
                if k > 0 {
                    let undo = if text.is_empty() {
                        (p..p, "x")
                    } else {
                        (p..p + 1, "")
                    };
                    doc.edit(undo.0, undo.1);
                }
                let (t, c) = (Instant::now(), thread_cpu());
                doc.edit(range.clone(), text);
                wall = wall.min(t.elapsed());
                on_cpu = on_cpu.min(thread_cpu() - c);
            }
            cpu.push(on_cpu);
            if show > 0 {
                let bytes = doc.text().as_bytes();
                let ls = bytes[..p]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let le = bytes[p..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |i| p + i);
                let unit = leaf_len(&doc.tree().nodes, p);
                rows.push((
                    wall,
                    p,
                    le - ls,
                    unit,
                    format!("{:?}", doc.last_edit_path()),
                ));
            } else {
                rows.push((wall, p, 0, (0, String::new()), String::new()));
            }
        }
    }
    let (full, full_cpu) = best_of_with_cpu(3, || {
        std::hint::black_box(Document::new(one));
    });
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut walls: Vec<Duration> = rows.iter().map(|r| r.0).collect();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let (w50, w99) = (percentile(&mut walls, 0.5), percentile(&mut walls, 0.99));
    let (c50, c99) = (percentile(&mut cpu, 0.5), percentile(&mut cpu, 0.99));
    println!(
        "1 MB document, least of three tries per edit: wall p50 {:.1} µs, p99 {:.1} µs ({:.2}% / {:.2}% of a full parse, {:.2} ms); CPU time p50 {:.1} µs, p99 {:.1} µs ({:.2}% / {:.2}% of a full parse's, {:.2} ms)",
        us(w50),
        us(w99),
        100.0 * w50.as_secs_f64() / full.as_secs_f64(),
        100.0 * w99.as_secs_f64() / full.as_secs_f64(),
        full.as_secs_f64() * 1e3,
        us(c50),
        us(c99),
        100.0 * c50.as_secs_f64() / full_cpu.as_secs_f64(),
        100.0 * c99.as_secs_f64() / full_cpu.as_secs_f64(),
        full_cpu.as_secs_f64() * 1e3
    );
    for (el, p, line, unit, path) in rows.iter().take(show) {
        println!(
            "{:>8.1} µs at {p}: line {line} B, leaf {unit:?}, {path}",
            us(*el)
        );
    }
}

/// One-char edits in a text with no line break at all (seed 001's one line,
/// repeated): the line is lexed again whole on every edit, but only the
/// blocks that came out different go on to the assembler.
fn one_line_edits() {
    let seeds = unlsp_corpus::shared_root().join("seeds");
    let seed = std::fs::read_dir(&seeds)
        .into_iter()
        .flatten()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("001"))
        .and_then(|e| std::fs::read_to_string(e.path()).ok());
    let Some(seed) = seed else {
        return;
    };
    let line = seed.trim_end().replace(['\n', '\r'], " ");
    for size in [50usize << 10, 1 << 20] {
        let mut one = String::new();
        while one.len() < size {
            one.push_str(&line);
            one.push(' ');
        }
        let full = best_of(3, || {
            std::hint::black_box(Document::new(&one));
        });
        let mut doc = Document::new(&one);
        let (mut times, _) = keystrokes(&mut doc, |i| (i * 7919) % one.len(), |_| {});
        println!(
            "one-line text of {} KB ({} blocks): full parse {:.2} ms; one-char edit p50 {:.1} µs, p99 {:.1} µs",
            size >> 10,
            doc.blocks().len(),
            full.as_secs_f64() * 1e3,
            percentile(&mut times, 0.5).as_secs_f64() * 1e6,
            percentile(&mut times, 0.99).as_secs_f64() * 1e6
        );
    }
}

/// The length of the innermost node holding `p`.
fn leaf_len(nodes: &[unlsp_syntax::tree::Node], p: usize) -> (usize, String) {
    match nodes.iter().find(|n| n.range.start <= p && p < n.range.end) {
        Some(n) if n.children.is_empty() => (n.range.len(), format!("{:?}", n.kind)),
        Some(n) => match leaf_len(&n.children, p) {
            (0, _) => (n.range.len(), format!("{:?}", n.kind)),
            l => l,
        },
        None => (0, String::new()),
    }
}

fn main() {
    if let Ok(v) = std::env::var("UNLSP_PROFILE_EDIT") {
        // `UNLSP_PROFILE_EDIT=1`: 300 keystrokes spread over the 1 MB document;
        // `=@OFFSET`: 300 at one offset
        let one = corpus_text(1 << 20);
        let mut doc = Document::new(&one);
        let fixed = v.strip_prefix('@').and_then(|o| o.parse::<usize>().ok());
        for i in 0..300 {
            let mut at = fixed.unwrap_or(one.len() / 3 + (i * 7919) % (one.len() / 3));
            while !doc.text().is_char_boundary(at) {
                at -= 1;
            }
            doc.edit(at..at, "x");
            doc.edit(at..at + 1, "");
        }
        return;
    }
    if std::env::var("UNLSP_EDIT_TAIL").is_ok() {
        edit_tail(&corpus_exact(1 << 20), 16);
        return;
    }
    if std::env::var("UNLSP_PROFILE_CHECK").is_ok() {
        let one = corpus_text(1 << 20);
        let doc = Document::new(&one);
        for _ in 0..3 {
            std::hint::black_box(unlsp_analysis::check(&doc, &Default::default()));
        }
        return;
    }
    if std::env::var("UNLSP_MEMORY").is_ok() {
        // resident memory of one parsed 1 MB document, and of its diagnostics
        let rss = || {
            std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmRSS:"))
                        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
                })
                .unwrap_or(0.0)
                / 1024.0
        };
        let one = match std::env::var("UNLSP_DOC") {
            Ok(p) => std::fs::read_to_string(p).unwrap(),
            Err(_) => corpus_text(1 << 20),
        };
        let live = || LIVE.load(Ordering::Relaxed) as f64 / 1048576.0;
        let (r0, l0) = (rss(), live());
        let doc = Document::new(&one);
        let (r1, l1) = (rss(), live());
        let d = unlsp_analysis::check(&doc, &Default::default());
        let (r2, l2) = (rss(), live());
        println!(
            "text {:.1} MB: document {:+.1} MB live, {:+.1} MB RSS ({} blocks); diagnostics {:+.1} MB live, {:+.1} MB RSS ({})",
            one.len() as f64 / 1048576.0,
            l1 - l0,
            r1 - r0,
            doc.blocks().len(),
            l2 - l1,
            r2 - r1,
            d.len()
        );
        let mut per: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for x in &d {
            let e = per.entry(x.code).or_default();
            e.0 += 1;
            e.1 += x.fix.as_ref().map_or(0, |f| f.edits.len());
        }
        println!("diagnostics and fix edits per rule: {per:?}");
        return;
    }
    if std::env::var("UNLSP_RULE_TIMES").is_ok() {
        // each rule alone on the 1 MB document (or UNLSP_DOC), slowest first
        let one = match std::env::var("UNLSP_DOC") {
            Ok(p) => std::fs::read_to_string(p).unwrap(),
            Err(_) => corpus_text(1 << 20),
        };
        let doc = Document::new(&one);
        let mut rows: Vec<(Duration, &str)> = unlsp_analysis::catalogue()
            .iter()
            .map(|r| {
                let cfg = unlsp_analysis::Config {
                    select: vec![r.id.to_string()],
                    ..Default::default()
                };
                let t = best_of(3, || {
                    std::hint::black_box(unlsp_analysis::check(&doc, &cfg));
                });
                (t, r.id)
            })
            .collect();
        if let Ok(id) = std::env::var("UNLSP_RULE") {
            // one rule again and again, for a profiler
            let cfg = unlsp_analysis::Config {
                select: vec![id],
                ..Default::default()
            };
            for _ in 0..50 {
                std::hint::black_box(unlsp_analysis::check(&doc, &cfg));
            }
        }
        rows.sort_by(|a, b| b.cmp(a));
        let total: Duration = rows.iter().map(|r| r.0).sum();
        println!("all rules, 1 MB: {:.2} ms", total.as_secs_f64() * 1e3);
        for (t, id) in rows.iter().take(15) {
            println!("  {id} {:.2} ms", t.as_secs_f64() * 1e3);
        }
        return;
    }
    if let Ok(n) = std::env::var("UNLSP_PROFILE") {
        // `UNLSP_PROFILE=5`: five parses of 1 MB (default 20; `UNLSP_PROFILE_MB`
        // other sizes), for a profiler: the instructions of one parse are
        // those of `UNLSP_PROFILE=4` less those of `UNLSP_PROFILE=1`, over 3
        let mb: usize = std::env::var("UNLSP_PROFILE_MB")
            .ok()
            .and_then(|m| m.parse().ok())
            .unwrap_or(1);
        let one = corpus_text(mb << 20);
        for _ in 0..n.parse().unwrap_or(20) {
            std::hint::black_box(Document::new(&one));
        }
        return;
    }
    let big = corpus_text(10 << 20);
    let mb = big.len() as f64 / (1 << 20) as f64;
    let (t, cpu) = best_of_with_cpu(3, || {
        std::hint::black_box(Document::new(&big));
    });
    println!(
        "full parse: {:.1} MB in {:.1} ms = {:.1} MB/s (CPU time {:.1} ms = {:.1} MB/s)",
        mb,
        t.as_secs_f64() * 1e3,
        mb / t.as_secs_f64(),
        cpu.as_secs_f64() * 1e3,
        mb / cpu.as_secs_f64()
    );

    let one = corpus_exact(1 << 20);
    let full = best_of(5, || {
        std::hint::black_box(Document::new(&one));
    });
    let mut doc = Document::new(&one);
    // a keystroke somewhere in the middle: type a letter, then delete it
    let third = one.len() / 3;
    let (mut times, paths) = keystrokes(&mut doc, |i| third + (i * 7919) % third, |_| {});
    let p50 = percentile(&mut times, 0.5);
    let p99 = percentile(&mut times, 0.99);
    println!(
        "1 MB document: full parse {:.2} ms; one-char edit p50 {:.1} µs, p99 {:.1} µs ({:.2}% / {:.2}% of a full parse); {}",
        full.as_secs_f64() * 1e3,
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
        100.0 * p50.as_secs_f64() / full.as_secs_f64(),
        100.0 * p99.as_secs_f64() / full.as_secs_f64(),
        paths
    );
    edit_tail(&one, 0);
    one_line_edits();
    // the same keystrokes in a 50 KB document (the size of a long
    // resolution), parse only, then with all rules after each
    let small = corpus_exact(50 << 10);
    let small_full = best_of(5, || {
        std::hint::black_box(Document::new(&small));
    });
    let at = |i: usize| (i * 104_729) % small.len();
    let (mut times, paths) = keystrokes(&mut Document::new(&small), at, |_| {});
    println!(
        "50 KB document: full parse {:.2} ms; one-char edit p50 {:.1} µs, p99 {:.1} µs; {}",
        small_full.as_secs_f64() * 1e3,
        percentile(&mut times, 0.5).as_secs_f64() * 1e6,
        percentile(&mut times, 0.99).as_secs_f64() * 1e6,
        paths
    );
    let (mut times, _) = keystrokes(&mut Document::new(&small), at, |doc| {
        std::hint::black_box(unlsp_analysis::check(doc, &Default::default()));
    });
    println!(
        "50 KB document: one-char edit + all rules p50 {:.2} ms, p99 {:.2} ms",
        percentile(&mut times, 0.5).as_secs_f64() * 1e3,
        percentile(&mut times, 0.99).as_secs_f64() * 1e3
    );
    // the same with the rules incremental, as the server runs them
    let cfg = unlsp_analysis::Config::default();
    let mut cache: Option<unlsp_analysis::LintCache> = None;
    let (mut times, _) = keystrokes(&mut Document::new(&small), at, |doc| {
        let (d, next) = unlsp_analysis::check_incremental(
            doc.rope(),
            doc.text(),
            doc.tree(),
            &cfg,
            cache.as_ref(),
        );
        std::hint::black_box(d);
        cache = next;
    });
    println!(
        "50 KB document: one-char edit + incremental rules p50 {:.2} ms, p99 {:.2} ms",
        percentile(&mut times, 0.5).as_secs_f64() * 1e3,
        percentile(&mut times, 0.99).as_secs_f64() * 1e3
    );
}
