//! The conformance report: every AKN file of `../shared/corpus/akn/` rendered
//! in every shape and scored against its markup (see `unlsp::conformance`).
//!
//! ```text
//! cargo run --release --bin conformance                  # the full table
//! cargo run --release --bin conformance -- --every 10 --lang en,fr --shape clean,word
//! cargo run --release --bin conformance -- --misses footnotes --shape wrapped   # tuned half only
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use unlsp::conformance::{self, Options, render::Shape};

const USAGE: &str = "usage: conformance [--akn DIR] [--texts DIR] [--every N] [--lang en,fr] [--shape clean,wrapped,one-line,markdown,word] [--misses FIELD] [--no-pdf] [--render FILE.xml.gz]";

fn main() -> ExitCode {
    let root = unlsp_corpus::shared_root().join("corpus");
    let mut opts = Options {
        akn: root.join("akn"),
        texts: Some(root.join("texts/en")),
        every: 1,
        langs: Vec::new(),
        shapes: Shape::ALL.to_vec(),
    };
    let mut misses: Option<String> = None;
    let mut render: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--akn" => opts.akn = PathBuf::from(value()),
            "--texts" => opts.texts = Some(PathBuf::from(value())),
            "--no-pdf" => opts.texts = None,
            "--every" => opts.every = value().parse().unwrap_or(1),
            "--lang" => opts.langs = value().split(',').map(str::to_string).collect(),
            "--shape" => {
                let v = value();
                let shapes: Option<Vec<Shape>> = v.split(',').map(Shape::parse).collect();
                match shapes {
                    Some(s) => opts.shapes = s,
                    None => {
                        eprintln!("unknown shape in `{v}`\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--misses" => misses = Some(value()),
            "--render" => render = Some(PathBuf::from(value())),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(path) = render {
        // one file in the first shape asked, to read or to feed `unlsp`
        return match conformance::akn::read_gz(&path) {
            Ok(r) => {
                emit(&conformance::render::render(&r, opts.shapes[0]));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    if !opts.akn.is_dir() {
        eprintln!("no AKN corpus at {}", opts.akn.display());
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let report = conformance::run(&opts);
    if let Some(field) = misses {
        for m in report
            .misses
            .iter()
            .filter(|m| field == "all" || m.field == field)
        {
            emit(&format!(
                "{}\t{}\t{}\tgold {}\tfound {}\n",
                m.file,
                m.source.name(),
                m.field,
                m.gold,
                m.found
            ));
        }
        return ExitCode::SUCCESS;
    }
    emit(&report.table());
    emit(&report.notes());
    emit(&format!("\n{:.1} s\n", started.elapsed().as_secs_f64()));
    ExitCode::SUCCESS
}

/// Standard output, quietly ending the program when the reader has gone
/// (`conformance | head`).
fn emit(s: &str) {
    if std::io::stdout().lock().write_all(s.as_bytes()).is_err() {
        std::process::exit(0);
    }
}
