//! The export compared with the UN's markup: for each AKN file of GA 79–80
//! and SC 2022–2023, the English PDF extraction (`texts/en/`) or, in the
//! other five languages, the text rendered from the AKN is exported and read
//! back with the UN's file by the same reader (`unlsp::conformance::markup`);
//! the table gives the percentage of documents equal per field, per half of
//! the split and language. `--validate` also validates every export with
//! `xmllint --schema schemas/akn/akomantoso30.xsd`; the export throughput is
//! printed at the end.
//!
//! ```text
//! cargo run --profile fast --bin akn-export
//! cargo run --profile fast --bin akn-export -- --misses pre --lang en   # tuned half only
//! ```

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;
use unlsp::conformance::markup::{self, FIELDS, Fields};
use unlsp::conformance::{self, Half, render};
use unlsp_formats::akn::read;

#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    corpus: conformance::CorpusArgs,
    /// Languages, comma-separated (all when absent).
    #[arg(long, value_delimiter = ',')]
    lang: Vec<String>,
    /// List the tuned half's differences in one field (`pre`, `paras`, `notes`, `cites`).
    #[arg(long)]
    misses: Option<String>,
    /// Validate every export with xmllint.
    #[arg(long)]
    validate: bool,
}

struct One {
    half: Half,
    lang: String,
    name: String,
    gold: Fields,
    ours: Fields,
    xml: String,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let root = args.corpus.corpus();
    let texts = root.join("texts/en");
    let entries = conformance::corpus(&root.join("akn"), args.corpus.every(), &args.lang);
    let start = Instant::now();
    let results: Vec<Result<Option<One>, String>> = entries
        .par_iter()
        .map(|e| {
            let raw = markup::read_gz_text(&e.path)?;
            let model = read::parse(&raw)?;
            if !model.quirks.is_empty() {
                return Ok(None);
            }
            let text = if e.lang == "en" {
                let stem = e.name.trim_end_matches(".xml.gz");
                match std::fs::read_to_string(texts.join(format!("{stem}.txt"))) {
                    Ok(t) => t,
                    Err(_) => return Ok(None),
                }
            } else {
                render::render(&model, render::Shape::Clean)
            };
            let doc = unlsp_syntax::Document::new(&text);
            let xml = unlsp_formats::akn::write(doc.text(), doc.tree());
            Ok(Some(One {
                half: e.half,
                lang: e.lang.clone(),
                name: e.name.clone(),
                gold: markup::fields(&raw)?,
                ours: markup::fields(&xml).map_err(|err| format!("{}: export: {err}", e.name))?,
                xml,
            }))
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mut tally: BTreeMap<(Half, String), (usize, [usize; 5])> = BTreeMap::new();
    let mut done = Vec::new();
    for r in results {
        match r {
            Ok(Some(o)) => done.push(o),
            Ok(None) => {}
            Err(e) => eprintln!("error: {e}"),
        }
    }
    for o in &done {
        let t = tally.entry((o.half, o.lang.clone())).or_default();
        t.0 += 1;
        let mut all = true;
        for i in 0..FIELDS.len() {
            let eq = o.gold.get(i) == o.ours.get(i);
            t.1[i] += usize::from(eq);
            all &= eq;
        }
        t.1[4] += usize::from(all);
    }
    println!(
        "{:<9} {:<4} {:>5} | {:>6} {:>6} {:>6} {:>6} {:>6}",
        "half", "lang", "docs", "pre", "paras", "notes", "cites", "all"
    );
    for ((h, lang), (n, eq)) in &tally {
        let half = if *h == Half::Tune {
            "tuned"
        } else {
            "measured"
        };
        print!("{half:<9} {lang:<4} {n:>5} |");
        for e in eq {
            print!(" {:>6.1}", 100.0 * *e as f64 / (*n).max(1) as f64);
        }
        println!();
    }
    println!(
        "\nColumns: percent of documents whose export equals the UN's markup in the field (en: the PDF extraction; other languages: the text rendered from the AKN); files with a documentCollection or a second body are left out."
    );
    println!(
        "Export throughput: {} documents (parse and export, with the AKN read) in {secs:.2} s, {:.0} documents/s on {} threads",
        done.len(),
        done.len() as f64 / secs.max(1e-9),
        rayon::current_num_threads()
    );
    if let Some(f) = &args.misses {
        let i = FIELDS.iter().position(|x| x == f).unwrap_or(0);
        for o in done.iter().filter(|o| o.half == Half::Tune) {
            if o.gold.get(i) != o.ours.get(i) {
                println!(
                    "\n{} {}\n  UN:  {}\n  us:  {}",
                    o.lang,
                    o.name,
                    o.gold.get(i),
                    o.ours.get(i)
                );
            }
        }
    }
    if args.validate {
        validate(&done);
    }
}

fn validate(done: &[One]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files: Vec<PathBuf> = done
        .iter()
        .map(|o| {
            let p = dir.path().join(format!("{}-{}.xml", o.lang, o.name));
            std::fs::write(&p, &o.xml).expect("written");
            p
        })
        .collect();
    let schema = unlsp_corpus::workspace_root().join("schemas/akn/akomantoso30.xsd");
    let mut bad = 0;
    for chunk in files.chunks(200) {
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .args(chunk)
            .output();
        match out {
            Ok(o) => {
                for l in String::from_utf8_lossy(&o.stderr).lines() {
                    if l.ends_with("fails to validate") {
                        bad += 1;
                    } else if !l.ends_with(" validates") {
                        eprintln!("{l}");
                    }
                }
            }
            Err(e) => {
                eprintln!("xmllint: {e}");
                return;
            }
        }
    }
    println!(
        "Validation: {} of {} exports valid",
        files.len() - bad,
        files.len()
    );
}
