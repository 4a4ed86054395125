//! Peak memory and time of the CLI on large inputs: each command runs in a
//! child process and its peak resident set size (`ru_maxrss` of `wait4`)
//! and wall time are printed. Asserts nothing.
//!
//! ```text
//! cargo build --profile fast --bin unlsp
//! cargo bench --profile fast --bench memory [-- --unlsp target/fast/unlsp]
//! ```
//!
//! Inputs, generated under the system temporary folder from `../shared`:
//! the corpus texts folder; 20,000 small files (short corpus texts, cycled);
//! 10 MB of `1.` lines; one 10 MB line; the corpus concatenated to 10 MB;
//! 10 MB of Chinese; 10 MB of `(`; two versions of 20,000 numbered
//! paragraphs (the operative paragraphs of A/RES/79/144 cycled, one word
//! changed); 32,000 footnotes citing documents (a rule that looked at every
//! symbol once per paragraph made this quadratic); 10 MB of one numbered
//! paragraph repeated (every number wrong: UN008's check of its renumbering
//! was quadratic).
//!
//! The server is measured the same way: `unlsp serve` in a child process,
//! `initialize` (with `maxFileSize` raised to 16 MB so that each input is
//! parsed and checked, not set aside as too large), `didOpen` of the input,
//! its diagnostics, `documentSymbol`, `shutdown`. And `parallel` once more
//! under `ulimit -v 4000000` (4 GB of address space).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TEN_MB: usize = 10 * 1024 * 1024;

/// Runs `bin args`, output discarded: (peak RSS in MB, seconds, exit code).
fn measure(bin: &Path, args: &[&str]) -> (f64, f64, i32) {
    let t = Instant::now();
    let Ok(child) = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return (0.0, 0.0, -1);
    };
    let (mb, code) = wait_peak(child.id());
    (mb, t.elapsed().as_secs_f64(), code)
}

/// Waits for the child `pid`: (its peak RSS in MB, its exit code).
fn wait_peak(pid: u32) -> (f64, i32) {
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with valid pointers.
    unsafe { libc::wait4(pid as i32, &mut status, 0, &mut usage) };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    (usage.ru_maxrss as f64 / 1024.0, code)
}

/// `seed` repeated to at least `size` bytes.
fn repeat_to(seed: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + seed.len());
    while s.len() < size {
        s.push_str(seed);
    }
    s
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write input");
    p.display().to_string()
}

/// The texts of the corpus, in file order.
fn corpus_texts(texts: &Path) -> Vec<String> {
    let mut files = unlsp_corpus::texts_under(texts);
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// 20,000 files made of the short corpus texts, cycled.
fn many_files(dir: &Path, texts: &[String]) -> String {
    let many = dir.join("many");
    let _ = std::fs::create_dir_all(&many);
    let short: Vec<&String> = texts.iter().filter(|t| t.len() < 4_000).collect();
    for i in 0..20_000 {
        let p = many.join(format!("{i:05}.txt"));
        if !p.exists() {
            std::fs::write(&p, short[i % short.len()]).expect("write input");
        }
    }
    many.display().to_string()
}

/// Two versions of 20,000 numbered paragraphs, one word changed.
fn paragraph_pair(dir: &Path, texts: &Path) -> (String, String) {
    let src = std::fs::read_to_string(texts.join("en/A_RES_79_144.txt")).unwrap_or_default();
    let doc = unlsp_syntax::Document::new(&src);
    let paras: Vec<String> = doc
        .tree()
        .nodes_of(unlsp_syntax::tree::NodeKind::Operative)
        .iter()
        .filter_map(|n| {
            let body = src.get(n.range.clone())?;
            let body = body.split_once(". ").map_or(body, |(_, b)| b);
            Some(
                body.split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let version = |changed: bool| {
        let mut out = String::from("The General Assembly,\n\n");
        for i in 0..20_000 {
            let p = paras
                .get(i % paras.len().max(1))
                .cloned()
                .unwrap_or_default();
            let p = if changed && i == 10_000 {
                p.replacen(' ', " also ", 1)
            } else {
                p
            };
            out.push_str(&format!(
                "{}. {};\n\n",
                i + 1,
                p.trim_end_matches([',', ';'])
            ));
        }
        out
    };
    (
        write(dir, "pair-a.txt", &version(false)),
        write(dir, "pair-b.txt", &version(true)),
    )
}

/// The large single inputs: what, file name.
const INPUTS: [(&str, &str); 7] = [
    ("10 MB of `1.` lines", "ones.txt"),
    ("one 10 MB line", "line.txt"),
    ("corpus to 10 MB", "joined.txt"),
    ("10 MB of Chinese", "zh.txt"),
    ("10 MB of `(`", "parens.txt"),
    ("32,000 footnotes", "notes.txt"),
    ("10 MB of one numbered paragraph", "repeated.txt"),
];

/// A preamble of 32,000 paragraphs each with a footnote marker, and the
/// 32,000 footnotes, each citing a report and a resolution (about 4 MB).
fn footnotes() -> String {
    let n = 32_000;
    let mut s = String::from("The General Assembly,\n");
    for i in 1..=n {
        s.push_str(&format!(
            "Recalling its resolution 70/{},{i}\n",
            i % 300 + 1
        ));
    }
    s.push('\n');
    for i in 1..=n {
        s.push_str(&format!(
            "{i} Official Records of the General Assembly, Seventieth Session, Supplement No. {} (A/70/{i}).\n",
            i % 40 + 1
        ));
    }
    s
}

/// One LSP message, framed.
fn frame(v: &serde_json::Value) -> Vec<u8> {
    let body = v.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

/// Reads framed messages until the response with `id`; false at the end of
/// the stream.
fn until_response(r: &mut impl std::io::BufRead, id: u64) -> bool {
    loop {
        let mut len = 0;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                return false;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length:") {
                len = n.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; len];
        if std::io::Read::read_exact(r, &mut body).is_err() {
            return false;
        }
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        if v["id"] == id && v.get("method").is_none() {
            return true;
        }
    }
}

/// `unlsp serve` given `file` to open, its diagnostics awaited and its outline
/// asked for: (peak RSS in MB, seconds, exit code).
fn measure_server(bin: &Path, file: &str) -> (f64, f64, i32) {
    use std::io::Write;
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let t = Instant::now();
    let Ok(mut child) = Command::new(bin)
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return (0.0, 0.0, -1);
    };
    let (Some(mut input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
        return (0.0, 0.0, -1);
    };
    let mut output = std::io::BufReader::new(output);
    let uri = "file:///bench/input.txt";
    let send = |w: &mut std::process::ChildStdin, v: serde_json::Value| {
        let _ = w.write_all(&frame(&v));
        let _ = w.flush();
    };
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": null, "capabilities": {},
            "initializationOptions": {"maxFileSize": 16_000_000, "debounceMs": 0}}}),
    );
    let mut ok = until_response(&mut output, 1);
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "unres", "version": 1, "text": text}}}),
    );
    // the pulled diagnostics: the full analysis, then the outline
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic",
            "params": {"textDocument": {"uri": uri}}}),
    );
    ok &= until_response(&mut output, 2);
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol",
            "params": {"textDocument": {"uri": uri}}}),
    );
    ok &= until_response(&mut output, 3);
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}),
    );
    until_response(&mut output, 4);
    send(
        &mut input,
        serde_json::json!({"jsonrpc": "2.0", "method": "exit"}),
    );
    drop(input);
    let (mb, code) = wait_peak(child.id());
    (mb, t.elapsed().as_secs_f64(), if ok { code } else { -1 })
}

/// Writes every input under `dir`.
fn generate(dir: &Path, texts: &Path) {
    let all = corpus_texts(texts);
    let joined = repeat_to(&all.join("\n\n"), TEN_MB);
    let zh = std::fs::read_to_string(texts.join("zh/UN_Charter.txt")).unwrap_or_default();
    let one_line: String = joined
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let made = [
        repeat_to("1.\n", TEN_MB),
        one_line,
        joined,
        repeat_to(&zh, TEN_MB),
        repeat_to("(", TEN_MB),
        footnotes(),
        // every number repeated: one UN008 a paragraph, each offering the
        // one renumbering of them all (a quadratic check once)
        repeat_to("1. Decides to remain seized of the matter;\n", TEN_MB),
    ];
    for ((_, name), text) in INPUTS.iter().zip(&made) {
        write(dir, name, text);
    }
    many_files(dir, &all);
    paragraph_pair(dir, texts);
}

fn main() {
    // `--unlsp PATH`, else the unlsp of the profile this bench was built in
    let args: Vec<String> = std::env::args().collect();
    let bin = args
        .iter()
        .position(|a| a == "--unlsp")
        .and_then(|k| args.get(k + 1))
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.join("unlsp"))
        })
        .unwrap_or_else(|| "unlsp".into());
    let Some(corpus) = unlsp_corpus::shared("corpus") else {
        eprintln!("../shared/corpus not found");
        std::process::exit(2);
    };
    let texts = corpus.join("texts");
    let dir = std::env::temp_dir().join("unlsp-memory");
    let _ = std::fs::create_dir_all(&dir);
    // a child's peak counts the pages it shares with its parent before it
    // runs unlsp: the inputs are made here, measured by a fresh process
    if !args.iter().any(|a| a == "--measure") {
        generate(&dir, &texts);
        let status = std::env::current_exe().ok().and_then(|exe| {
            Command::new(exe)
                .arg("--measure")
                .arg("--unlsp")
                .arg(&bin)
                .status()
                .ok()
        });
        std::process::exit(status.and_then(|s| s.code()).unwrap_or(2));
    }
    let input = |name: &str| dir.join(name).display().to_string();
    let mut runs: Vec<(String, Vec<String>)> = vec![
        (
            "check corpus texts".into(),
            vec!["check".into(), texts.display().to_string()],
        ),
        (
            "check 20,000 files".into(),
            vec!["check".into(), input("many")],
        ),
        (
            "parallel 20,000 paragraphs".into(),
            vec!["parallel".into(), input("pair-a.txt"), input("pair-b.txt")],
        ),
    ];
    for (what, name) in INPUTS {
        for cmd in ["check", "outline"] {
            runs.push((format!("{cmd} {what}"), vec![cmd.to_string(), input(name)]));
        }
        runs.push((
            format!("outline --format json {what}"),
            vec![
                "outline".into(),
                "--format".into(),
                "json".into(),
                input(name),
            ],
        ));
    }
    println!(
        "{:<40} {:>10} {:>8} {:>5}",
        "command", "peak MB", "s", "exit"
    );
    for (what, a) in &runs {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let (mb, s, code) = measure(&bin, &a);
        println!("{what:<40} {mb:>10.1} {s:>8.2} {code:>5}");
    }
    // the address space bounded as the issue asks: a run that needed more
    // would fail to allocate and exit non-zero
    let (a, b) = (input("pair-a.txt"), input("pair-b.txt"));
    let shell = format!("ulimit -v 4000000; exec \"$0\" parallel \"{a}\" \"{b}\"");
    let unlsp = bin.display().to_string();
    let (mb, s, code) = measure(Path::new("/bin/sh"), &["-c", &shell, &unlsp]);
    let what = "parallel 20,000 paragraphs, ulimit -v 4 GB";
    println!("{what:<40} {mb:>10.1} {s:>8.2} {code:>5}");
    // the server: didOpen, diagnostics, documentSymbol (exit -1: no answer)
    for (what, name) in INPUTS {
        let (mb, s, code) = measure_server(&bin, &input(name));
        let what = format!("serve {what}");
        println!("{what:<40} {mb:>10.1} {s:>8.2} {code:>5}");
    }
}
