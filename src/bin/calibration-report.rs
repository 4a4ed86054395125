//! The catalogue's citation checks (UN041 wrong day, UN055 nonexistent act,
//! UN056 title mismatch) measured on adopted resolutions: the English texts
//! of `../shared/corpus/texts/en` (`A_RES_*`, `S_RES_*`, the PDF and OCR
//! extraction) and the UN's AKN of GA 79–80 and SC 2022–2023 in six
//! languages, rendered as text (as `unlsp check FILE.xml.gz` reads it). Per
//! rule and per language: documents, hits, hits per 10 documents, one table
//! for each half of the split (tuned: GA 79 and the English texts before
//! session 80, SC 2022; measured: GA 80, SC 2023); then every
//! hit that `tests/calibration/confirmed.tsv` does not list as a confirmed
//! defect, to be read by hand.
//!
//! ```text
//! cargo run --profile fast --bin calibration-report
//! cargo run --profile fast --bin calibration-report -- --rules UN055 --every 3
//! ```

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unlsp::conformance::{self, Half, render};
use unlsp_analysis::{Config, Severity};
use unlsp_syntax::Document;

#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    corpus: conformance::CorpusArgs,
    /// The rules measured, comma-separated.
    #[arg(long, default_value = "UN041,UN055,UN056", value_delimiter = ',')]
    rules: Vec<String>,
    /// Count the hits only, without listing those not confirmed.
    #[arg(long)]
    quiet: bool,
    /// Print the text before each listed hit (to read it by hand).
    #[arg(long)]
    context: bool,
}

/// One diagnostic of a measured rule.
struct Hit {
    code: &'static str,
    file: String,
    line: usize,
    message: String,
    /// The text before the diagnostic's range and the range itself.
    excerpt: String,
}

/// One document checked: its group (`texts/en`, or `akn/<lang>`), the half of
/// the split it belongs to, and its hits.
struct Checked {
    group: String,
    half: Half,
    hits: Vec<Hit>,
}

fn main() {
    let args: Args = clap::Parser::parse();
    let root = args.corpus.corpus();
    let every = args.corpus.every();
    let cfg = Config {
        select: args.rules.clone(),
        ..Config::default()
    };
    let mut checked = english(&root.join("texts/en"), every, &cfg);
    checked.extend(akn(&root.join("akn"), every, &cfg));
    if checked.is_empty() {
        eprintln!("note: no corpus under {}", root.display());
        return;
    }
    for half in [Half::Tune, Half::Measure] {
        println!("{}", half.name());
        let part: Vec<&Checked> = checked.iter().filter(|c| c.half == half).collect();
        print_table(&args.rules, &part);
        println!();
    }
    let unconfirmed = not_confirmed(&checked);
    println!(
        "\n{} hits not in tests/calibration/confirmed.tsv",
        unconfirmed.len()
    );
    if !args.quiet {
        for h in unconfirmed {
            println!("{} {}:{} {}", h.code, h.file, h.line, h.message);
            if args.context {
                println!("    … {}", h.excerpt);
            }
        }
    }
}

/// Errors and warnings of the measured rules, with their line (1-based).
fn hits(text: &str, file: &str, cfg: &Config) -> Vec<Hit> {
    let doc = Document::new(text);
    unlsp_analysis::check(&doc, cfg)
        .into_iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .map(|d| Hit {
            code: d.code,
            file: file.to_string(),
            line: text[..d.range.start.min(text.len())].matches('\n').count() + 1,
            message: d.message,
            excerpt: excerpt(text, d.range.clone()),
        })
        .collect()
}

/// Up to 240 bytes before `r` and `r` itself, on one line.
fn excerpt(text: &str, r: std::ops::Range<usize>) -> String {
    let end = r.end.min(text.len());
    let mut from = r.start.min(end).saturating_sub(240);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut end = end;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[from..end].replace('\n', " ⏎ ")
}

/// The English adopted resolutions (`A_RES_*.txt`, `S_RES_*.txt`).
fn english(dir: &Path, every: usize, cfg: &Config) -> Vec<Checked> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let n = p.file_name().unwrap_or_default().to_string_lossy();
        (n.starts_with("A_RES_") || n.starts_with("S_RES_")) && n.ends_with(".txt")
    });
    files.sort();
    let files: Vec<PathBuf> = files.into_iter().step_by(every).collect();
    files
        .par_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.file_name()?.to_string_lossy().to_string();
            Some(Checked {
                group: "texts/en".to_string(),
                // the sessions before 80 (and every Council year here) are tuned on
                half: Half::of(&name).unwrap_or(Half::Tune),
                hits: hits(&text, &name, cfg),
            })
        })
        .collect()
}

/// The AKN files of every language, rendered as clean text.
fn akn(dir: &Path, every: usize, cfg: &Config) -> Vec<Checked> {
    conformance::corpus(dir, every, &[])
        .par_iter()
        .filter_map(|e| {
            let model = conformance::akn::read_gz(&e.path).ok()?;
            let text = render::render(&model, render::Shape::Clean);
            Some(Checked {
                group: format!("akn/{}", e.lang),
                half: e.half,
                hits: hits(&text, &format!("{}/{}", e.lang, e.name), cfg),
            })
        })
        .collect()
}

fn print_table(rules: &[String], checked: &[&Checked]) {
    // group → (documents, hits per rule)
    let mut table: BTreeMap<&str, (usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for c in checked {
        let row = table.entry(&c.group).or_default();
        row.0 += 1;
        for h in &c.hits {
            *row.1.entry(h.code).or_default() += 1;
        }
    }
    print!("{:<10} {:>6}", "group", "docs");
    for r in rules {
        print!("  {:>16}", format!("{r} (per 10)"));
    }
    println!();
    let mut all = (0, BTreeMap::<&str, usize>::new());
    for (group, (docs, counts)) in &table {
        print_row(group, *docs, counts, rules);
        if group.starts_with("akn/") {
            all.0 += docs;
            for (k, v) in counts {
                *all.1.entry(k).or_default() += v;
            }
        }
    }
    print_row("akn (all)", all.0, &all.1, rules);
}

fn print_row(group: &str, docs: usize, counts: &BTreeMap<&str, usize>, rules: &[String]) {
    print!("{group:<10} {docs:>6}");
    for r in rules {
        let n = counts
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(r))
            .map_or(0, |(_, v)| *v);
        let per10 = if docs == 0 {
            0.0
        } else {
            n as f64 * 10.0 / docs as f64
        };
        print!("  {:>16}", format!("{n} ({per10:.3})"));
    }
    println!();
}

/// The hits `tests/calibration/confirmed.tsv` does not list (file, rule and
/// line; a listed line takes as many hits as it has entries).
fn not_confirmed(checked: &[Checked]) -> Vec<&Hit> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/calibration/confirmed.tsv");
    let text = std::fs::read_to_string(&p).unwrap_or_default();
    let mut listed: BTreeMap<(String, String, usize), usize> = BTreeMap::new();
    for l in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = l.split('\t').collect();
        if let [file, rule, line, ..] = f[..]
            && let Ok(line) = line.parse()
        {
            *listed
                .entry((file.to_string(), rule.to_string(), line))
                .or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for h in checked.iter().flat_map(|c| &c.hits) {
        let key = (h.file.clone(), h.code.to_string(), h.line);
        match listed.get_mut(&key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(h),
        }
    }
    out.sort_by(|a, b| (a.code, &a.file, a.line).cmp(&(b.code, &b.file, b.line)));
    out
}
