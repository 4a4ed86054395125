//! The conformance report: every AKN file of `../shared/corpus/akn/` rendered
//! in every shape and scored against its markup (see `unlsp::conformance`).
//!
//! ```text
//! cargo run --release --bin conformance                  # the full table
//! cargo run --release --bin conformance -- --every 10 --lang en,fr --shape clean,word
//! cargo run --release --bin conformance -- --misses footnotes --shape wrapped   # tuned half only
//! cargo run --release --bin conformance -- --diags UN077 --shape clean --lang fr # tuned half only
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use unlsp::conformance::{self, Options, render::Shape};

/// The conformance report: the parser scored against the UN's AKN markup.
#[derive(clap::Parser)]
struct Args {
    /// The AKN corpus (`ga/<lang>/…`, `sc/<lang>/…`).
    #[arg(long)]
    akn: Option<PathBuf>,
    /// The English PDF extractions to score as a shape of their own.
    #[arg(long)]
    texts: Option<PathBuf>,
    /// Leave the PDF extractions out.
    #[arg(long)]
    no_pdf: bool,
    /// Every Nth file.
    #[arg(long, default_value_t = 1)]
    every: usize,
    /// Languages, comma-separated (all when absent).
    #[arg(long, value_delimiter = ',')]
    lang: Vec<String>,
    /// Shapes, comma-separated: clean, wrapped, one-line, markdown, word.
    #[arg(long, value_delimiter = ',', value_parser = shape)]
    shape: Vec<Shape>,
    /// List the misses of one field (or `all`) on the tuned half.
    #[arg(long)]
    misses: Option<String>,
    /// List the errors, warnings and UN076/UN077 of one code (or `all`) on
    /// the tuned half, with their context.
    #[arg(long)]
    diags: Option<String>,
    /// Print one AKN file rendered in the first shape asked.
    #[arg(long)]
    render: Option<PathBuf>,
}

fn shape(s: &str) -> Result<Shape, String> {
    Shape::parse(s).ok_or_else(|| format!("unknown shape `{s}`"))
}

fn main() -> ExitCode {
    let args = <Args as clap::Parser>::parse();
    let root = unlsp_corpus::shared_root().join("corpus");
    let opts = Options {
        akn: args.akn.unwrap_or_else(|| root.join("akn")),
        texts: (!args.no_pdf).then(|| args.texts.unwrap_or_else(|| root.join("texts/en"))),
        every: args.every.max(1),
        langs: args.lang,
        shapes: if args.shape.is_empty() {
            Shape::ALL.to_vec()
        } else {
            args.shape
        },
    };
    let (misses, render, diags) = (args.misses, args.render, args.diags);
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
    if let Some(code) = diags {
        for (file, src, c, what) in &report.diags {
            if code == "all" || code == *c {
                emit(&format!("{file}\t{}\t{c}\t{what}\n", src.name()));
            }
        }
        return ExitCode::SUCCESS;
    }
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
