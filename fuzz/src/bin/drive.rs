//! Plain fuzz driver for machines without a nightly toolchain or libFuzzer:
//! the same target bodies as `cargo fuzz`, fed by a seeded RNG that mutates
//! the seed corpus (splices, byte flips, insertions of structural fragments,
//! truncation) for a time budget.
//!
//! cargo run --release --no-default-features --bin drive -- TARGET SECONDS [SEED]
//!
//! Reads seeds from `corpus/TARGET/`; a failing input is written to
//! `artifacts/TARGET/crash-HASH` and the run exits 1.

use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b"\n\n",
    b"1. ",
    b"(a) ",
    b"(ii) ",
    b"Decides ",
    b"Recalling ",
    b"The General Assembly,\n",
    b";",
    b",",
    b".",
    b"61/100",
    b"A/RES/",
    b"paragraph 2 above",
    "大会".as_bytes(),
    "😀".as_bytes(),
    "\u{301}".as_bytes(),
    "\u{feff}".as_bytes(),
    b"\xff",
    b"\xe5\xa4",
    b"\0",
    b"Content-Length: 10\r\n\r\n",
    b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}",
    b"Content-Length: ",
    b"\r\n\r\n",
    b"{",
    b"}",
    b"\"",
    b"99999",
    b"5 December 2007",
    b"*",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], max: usize) -> Vec<u8> {
    let mut v = if seeds.is_empty() || rng.below(8) == 0 {
        (0..rng.below(256)).map(|_| rng.next() as u8).collect()
    } else {
        let s = &seeds[rng.below(seeds.len())];
        // a window of the seed, so large documents stay fast
        let a = rng.below(s.len() + 1);
        let len = rng.below(max.min(s.len() - a) + 1);
        s[a..a + len].to_vec()
    };
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            2 if !v.is_empty() => {
                let end = (at + rng.below(32)).min(v.len());
                v.drain(at..end);
            }
            3 if !seeds.is_empty() => {
                let s = &seeds[rng.below(seeds.len())];
                let a = rng.below(s.len() + 1);
                let end = (a + rng.below(512)).min(s.len());
                v.splice(at..at, s[a..end].iter().copied());
            }
            4 if !v.is_empty() => {
                // duplicate a chunk (repeated paragraphs, deep nesting)
                let a = rng.below(v.len());
                let end = (a + rng.below(64)).min(v.len());
                let chunk = v[a..end].to_vec();
                for _ in 0..rng.below(8) {
                    v.splice(at..at, chunk.iter().copied());
                }
            }
            _ => v.insert(at, rng.next() as u8),
        }
    }
    v.truncate(max);
    v
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = args.get(1).map(String::as_str).unwrap_or("parse");
    let secs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234);
    let f: fn(&[u8]) = match target {
        "parse" => unlsp_fuzz::parse,
        "incremental" | "incremental_edit" => unlsp_fuzz::incremental,
        "recognisers" => unlsp_fuzz::recognisers,
        "lsp_message" => unlsp_fuzz::lsp_message,
        "fmt" => unlsp_fuzz::fmt,
        t => {
            eprintln!("unknown target {t}: parse, incremental_edit, recognisers, lsp_message");
            std::process::exit(2);
        }
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir.join("corpus").join(target)) {
        for e in rd.flatten() {
            if let Ok(b) = std::fs::read(e.path()) {
                seeds.push(b);
            }
        }
    }
    let max = if target.starts_with("incremental") {
        4096
    } else {
        64 * 1024
    };
    // every seed once, as is, then mutations
    let mut rng = Rng(seed | 1);
    let t0 = Instant::now();
    let budget = Duration::from_secs(secs);
    let mut execs = 0u64;
    let mut slowest = Duration::ZERO;
    std::panic::set_hook(Box::new(|_| {}));
    let mut i = 0;
    loop {
        let input = if i < seeds.len() {
            seeds[i][..seeds[i].len().min(max)].to_vec()
        } else {
            mutate(&mut rng, &seeds, max)
        };
        i += 1;
        let t = Instant::now();
        let r = std::panic::catch_unwind(|| f(&input));
        slowest = slowest.max(t.elapsed());
        execs += 1;
        if let Err(e) = r {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let h = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ *b as u64).wrapping_mul(0x100_0000_01b3)
            });
            let out = dir.join("artifacts").join(target);
            let _ = std::fs::create_dir_all(&out);
            let path = out.join(format!("crash-{h:016x}"));
            let _ = std::fs::write(&path, &input);
            println!(
                "{target}: CRASH after {execs} execs in {:.1}s: {}\n  input: {}",
                t0.elapsed().as_secs_f64(),
                msg.lines().next().unwrap_or(""),
                path.display()
            );
            std::process::exit(1);
        }
        if t0.elapsed() >= budget {
            break;
        }
    }
    let el = t0.elapsed().as_secs_f64();
    println!(
        "{target}: {execs} execs in {el:.1}s ({:.0}/s), {} seeds, slowest input {:.1} ms, 0 crashes",
        execs as f64 / el,
        seeds.len(),
        slowest.as_secs_f64() * 1e3
    );
}
