//! Latency of the language server, through real JSON-RPC messages in process:
//! didChange → diagnostics computed (debounce set to 0), documentSymbol,
//! definition and hover, p50 and p99, on a 50 KB and a 1 MB document built from
//! the English corpus texts (`../shared/corpus/texts/en/`, else a repeated
//! seed). Then the idle RSS of a real `unlsp serve` process holding the 1 MB
//! document. Prints figures; asserts nothing.
//!
//! `cargo bench --bench server_latency`

#[path = "../tests/server_support.rs"]
mod support;

use serde_json::json;
use std::time::{Duration, Instant};
use support::*;

/// Live heap bytes, for the in-process memory breakdown.
struct Counting;
static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
// SAFETY: forwards to the system allocator, only counting sizes.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        LIVE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: std::alloc::Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.realloc(p, l, n) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

fn live_mb() -> f64 {
    LIVE.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1_048_576.0
}

/// Where the server's memory goes with a large document open: live heap after
/// each step, in process (the same code as `unlsp serve`).
async fn live_breakdown(text: &str) {
    if let Ok(exe) = std::env::current_exe() {
        let _ = std::process::Command::new(exe)
            .env("UNLSP_FINE_BREAKDOWN", "1")
            .status();
    }
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let l0 = live_mb();
    // the bundled catalogue and the rules' tables, loaded on first use
    let warm = "file:///bench/warm.txt";
    c.open(warm, SEED, 1).await;
    c.diagnostics(warm, 1).await;
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": warm}}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let l1 = live_mb();
    let uri = "file:///bench/big.txt";
    c.open(uri, text, 1).await;
    c.diagnostics(uri, 1).await;
    let l2 = live_mb();
    c.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let l3 = live_mb();
    // the test client keeps every message it received (the diagnostics, the
    // outline) in this process too: a copy of them weighs as much
    let copy = c.messages();
    let client = live_mb() - l3;
    drop(copy);
    println!(
        "live heap in process: {l0:.1} MB initialised; +{:.1} MB tables loaded on first use (catalogue, rule patterns); +{:.1} MB with the {:.1} MB document open and linted; +{:.1} MB after its outline; {l3:.1} MB in all, of which {client:.1} MB are the test client's received messages",
        l1 - l0,
        l2 - l1,
        text.len() as f64 / 1_048_576.0,
        l3 - l2
    );
    server_stores(&c, uri);
    let _ = c.shutdown().await;
}

/// What the server keeps for the open document beyond its `Document`: each
/// store emptied in turn, the live heap it gave back.
fn server_stores(c: &TestClient, uri: &str) {
    let Some(sh) = c.shared.clone() else { return };
    let mut last = live_mb();
    let mut parts = Vec::new();
    sh.drop_stores(uri, |what| {
        let now = live_mb();
        parts.push(format!("{what} {:.2}", last - now));
        last = now;
    });
    println!(
        "  held by the server for it (MB): {}; {last:.1} MB live after",
        parts.join(", ")
    );
}

/// The same memory, finer, with the library alone: each table loaded on first
/// use, then a 1 MB document's parts dropped one by one. Runs in a child
/// process of the bench (`UNLSP_FINE_BREAKDOWN`) so that the tables are not yet
/// loaded.
fn fine_breakdown(text: &str) {
    let mb = |b: f64| b / 1_048_576.0;
    let mut last = LIVE.load(std::sync::atomic::Ordering::Relaxed) as f64;
    let mut step = || {
        let now = LIVE.load(std::sync::atomic::Ordering::Relaxed) as f64;
        let d = now - last;
        last = now;
        d
    };
    step();
    let mut out = Vec::new();
    std::hint::black_box(unlsp_index::catalogue::catalogue().len());
    out.push(("bundled catalogue", step()));
    std::hint::black_box(unlsp_syntax::lexicon::lexicon().entries.len());
    out.push(("lexicon", step()));
    let cfg = unlsp_analysis::Config::default();
    let warm = unlsp_syntax::Document::new(SEED);
    std::hint::black_box(unlsp_analysis::check(&warm, &cfg));
    drop(warm);
    out.push((
        "patterns and other tables (a small text parsed and linted)",
        step(),
    ));
    let doc = unlsp_syntax::Document::new(text);
    let whole = step();
    let lint = unlsp_analysis::check(&doc, &cfg);
    let grown = step();
    drop(lint);
    let diags = -step();
    println!(
        "fine breakdown (library, live heap): {:.1} MB document of {} blocks",
        mb(text.len() as f64),
        doc.blocks().len()
    );
    for (name, b) in out {
        println!("  {name:<62} {:>6.2} MB", mb(b));
    }
    println!(
        "  {:<62} {:>6.2} MB",
        "Document::new (the parts below)",
        mb(whole)
    );
    let mut parts = 0.0;
    for (name, part) in doc.into_parts() {
        drop(part);
        let b = -step();
        parts += b;
        println!("    {name:<60} {:>6.2} MB", mb(b));
    }
    println!(
        "    {:<60} {:>6.2} MB",
        "(left by parsing it: pattern caches)",
        mb(whole - parts)
    );
    println!(
        "  {:<62} {:>6.2} MB",
        "its diagnostics (while held)",
        mb(diags)
    );
    println!(
        "  {:<62} {:>6.2} MB",
        "left by linting it (pattern caches)",
        mb(grown - diags)
    );
}

fn pct(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.99))
}

fn show(name: &str, v: Vec<Duration>) {
    let n = v.len();
    let (p50, p99) = pct(v);
    println!(
        "  {name:<28} p50 {:>8.2} ms   p99 {:>8.2} ms   (n={n})",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

async fn run(label: &str, text: &str, iters: usize) {
    let uri = "file:///bench/doc.txt";
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let t = Instant::now();
    c.open(uri, text, 1).await;
    let first = c.diagnostics(uri, 1).await;
    println!(
        "{label}: {} bytes, open + first diagnostics {:.1} ms",
        text.len(),
        t.elapsed().as_secs_f64() * 1e3
    );

    // the start of the line of a diagnostic in the middle (else inside the first operative
    // paragraph): every keystroke there moves that diagnostic, so each version's
    // diagnostics are sent (the same list is not sent again)
    let line_of_middle = first
        .get(first.len() / 2)
        .and_then(|d| d["range"]["start"]["line"].as_u64());
    let at = match line_of_middle {
        Some(l) => text
            .split_inclusive('\n')
            .take(l as usize)
            .map(str::len)
            .sum(),
        None => text.find("\n1. ").map(|i| i + 6).unwrap_or(text.len() / 2),
    };
    let at = (at..).find(|i| text.is_char_boundary(*i)).unwrap();
    let cite = text
        .find("resolution ")
        .map(|i| i + "resolution ".len() + 1)
        .unwrap_or(at);
    let mut version = 1;
    let mut change = Vec::new();
    for i in 0..iters {
        version += 1;
        // insert a character, then delete it again: the text stays the same size
        let p = pos(text, at);
        let (range, new) = if i % 2 == 0 {
            (json!({"start": p, "end": p}), "x")
        } else {
            (
                json!({"start": p, "end": {"line": p["line"], "character": p["character"].as_u64().unwrap() + 1}}),
                "",
            )
        };
        let from = c.message_count();
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": new}]}),
        )
        .await;
        let v = version;
        c.wait_message(from, Duration::from_secs(30), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == v
        })
        .await
        .expect("diagnostics");
        change.push(t.elapsed());
    }
    show("didChange → diagnostics", change);
    let timed = |_: &str| Vec::with_capacity(iters);
    let (mut sym, mut def, mut hov) = (timed("s"), timed("d"), timed("h"));
    let textdoc = json!({"uri": uri});
    for _ in 0..iters {
        let t = Instant::now();
        c.call(
            "textDocument/documentSymbol",
            json!({"textDocument": textdoc}),
        )
        .await;
        sym.push(t.elapsed());
        let params = json!({"textDocument": textdoc, "position": pos(text, cite)});
        let t = Instant::now();
        c.call("textDocument/definition", params.clone()).await;
        def.push(t.elapsed());
        let t = Instant::now();
        c.call("textDocument/hover", params).await;
        hov.push(t.elapsed());
    }
    show("documentSymbol", sym);
    show("definition", def);
    show("hover", hov);
    c.shutdown().await;
}

fn rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

async fn idle_rss(text: &str) {
    let exe = env!("CARGO_BIN_EXE_unlsp");
    let mut child = match tokio::process::Command::new(exe)
        .arg("serve")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            println!("idle RSS: cannot start {exe}: {e}");
            return;
        }
    };
    let pid = child.id().unwrap_or(0);
    let c = TestClient::connect(
        child.stdout.take().unwrap(),
        Box::new(child.stdin.take().unwrap()),
    );
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let before = rss_kb(pid).unwrap_or(0);
    let uri = "file:///bench/big.txt";
    c.open(uri, text, 1).await;
    c.diagnostics(uri, 1).await;
    c.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_kb(pid).unwrap_or(0);
    println!(
        "idle RSS of `unlsp serve`: {:.1} MB with a {:.1} MB document open ({:.1} MB before opening it)",
        after as f64 / 1024.0,
        text.len() as f64 / 1_048_576.0,
        before as f64 / 1024.0
    );
    let _ = c.shutdown().await;
    let _ = child.wait().await;
}

/// Where a keystroke's time goes, without the protocol.
fn breakdown(label: &str, text: &str) {
    let mut doc = unlsp_syntax::Document::new(text);
    let at = text.find("\n1. ").map(|i| i + 6).unwrap_or(text.len() / 2);
    let at = (at..).find(|i| text.is_char_boundary(*i)).unwrap();
    let cfg = unlsp_analysis::Config::default();
    let (mut edit, mut clone, mut check, mut inc) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut cache =
        unlsp_analysis::check_incremental(doc.rope(), doc.text(), doc.tree(), &cfg, None).1;
    for i in 0..30 {
        let t = Instant::now();
        if i % 2 == 0 {
            doc.edit(at..at, "x");
        } else {
            doc.edit(at..at + 1, "");
        }
        edit.push(t.elapsed());
        let t = Instant::now();
        let snap = (doc.text().to_string(), doc.tree().clone());
        clone.push(t.elapsed());
        let t = Instant::now();
        let d = unlsp_analysis::check_tree(&snap.0, &snap.1, &cfg);
        check.push(t.elapsed());
        std::hint::black_box(d);
        let t = Instant::now();
        let (d, next) = unlsp_analysis::check_incremental(
            doc.rope(),
            doc.text(),
            doc.tree(),
            &cfg,
            cache.as_ref(),
        );
        inc.push(t.elapsed());
        std::hint::black_box(d);
        cache = next;
    }
    println!("{label} breakdown (library calls):");
    show("Document::edit (reparse)", edit);
    show("snapshot (text + tree clone)", clone);
    show("analysis::check_tree", check);
    show("analysis::check_incremental", inc);
    // the rules that run on the whole tree after every edit, slowest first
    let tree = doc.tree();
    let mut per_rule: Vec<(f64, &str)> = unlsp_analysis::catalogue()
        .iter()
        .filter(|r| !r.reach.is_unit(tree.lang) && r.scopes.contains(&tree.kind))
        .map(|r| {
            let t = Instant::now();
            for _ in 0..5 {
                let cx = unlsp_analysis::Ctx::new(doc.text(), tree);
                let mut sink = unlsp_analysis::Sink::new(r.id, r.severity);
                (r.check)(&cx, &mut sink);
                std::hint::black_box(sink.out);
            }
            (t.elapsed().as_secs_f64() * 1e3 / 5.0, r.id)
        })
        .collect();
    per_rule.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = per_rule.iter().map(|r| r.0).sum();
    let top: Vec<String> = per_rule
        .iter()
        .take(6)
        .map(|(ms, id)| format!("{id} {ms:.2}"))
        .collect();
    println!(
        "  document-wide rules, one thread: {total:.2} ms in all; slowest (ms): {}",
        top.join(", ")
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let small = corpus_text(50 * 1024);
        let big = corpus_text(1024 * 1024);
        if let Ok(p) = std::env::var("UNLSP_DUMP") {
            std::fs::write(p, &big).unwrap();
            return;
        }
        if std::env::var("UNLSP_FINE_BREAKDOWN").is_ok() {
            fine_breakdown(&big);
            return;
        }
        if std::env::var("UNLSP_RSS_ONLY").is_ok() {
            live_breakdown(&big).await;
            idle_rss(&big).await;
            return;
        }
        // first, while the process holds nothing else
        live_breakdown(&big).await;
        breakdown("50 KB", &small);
        breakdown("1 MB", &big);
        run("50 KB", &small, 200).await;
        run("1 MB", &big, 60).await;
        idle_rss(&big).await;
    });
}
