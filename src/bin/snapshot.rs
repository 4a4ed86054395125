//! The behaviour snapshot: for every corpus text (`texts/`, `pages/`,
//! `parallel/`, the seeds) and every AKN resolution rendered in every shape,
//! one line with a digest of its outline (the JSON of `unlsp outline`) and of
//! its diagnostics under the default rules. Two snapshots taken before and
//! after a refactoring are compared with `diff`; `--show FILE` prints the
//! outline and diagnostics of one text in full to see what changed.
//!
//! ```text
//! cargo run --profile fast --bin snapshot > before.tsv
//! cargo run --profile fast --bin snapshot -- --show ../shared/seeds/000_b1101a5417b648d5.txt
//! ```

use rayon::prelude::*;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unlsp::conformance::{self, render::Shape};
use unlsp_analysis::{Config, Diagnostic};
use unlsp_syntax::Document;

/// Digests of every corpus text's outline and diagnostics.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    corpus: unlsp::conformance::CorpusArgs,
    /// Print one text's outline and diagnostics in full.
    #[arg(long)]
    show: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = <Args as clap::Parser>::parse();
    let shared = unlsp_corpus::shared_root();
    let root = args.corpus.corpus();
    let every = args.corpus.every();
    if let Some(f) = args.show {
        return show(&f);
    }
    let mut files = Vec::new();
    for dir in [
        root.join("texts"),
        root.join("pages"),
        root.join("parallel"),
        shared.join("seeds"),
    ] {
        files.extend(unlsp_corpus::texts_under(&dir));
    }
    let files: Vec<PathBuf> = files.into_iter().step_by(every).collect();
    let mut rows: Vec<String> = files
        .par_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(row(&p.display().to_string(), &text))
        })
        .collect();
    let entries = conformance::corpus(&root.join("akn"), every, &[]);
    let rendered: Vec<String> = entries
        .par_iter()
        .flat_map_iter(|e| {
            let r = conformance::akn::read_gz(&e.path).ok();
            Shape::ALL.iter().filter_map(move |&s| {
                let text = conformance::render::render(r.as_ref()?, s);
                Some(row(&format!("{} [{}]", e.path.display(), s.name()), &text))
            })
        })
        .collect();
    rows.extend(rendered);
    for r in &rows {
        println!("{r}");
    }
    eprintln!("{} texts", rows.len());
    ExitCode::SUCCESS
}

/// `name  outline-digest  diagnostic-count  diagnostics-digest`.
fn row(name: &str, text: &str) -> String {
    let (outline, diagnostics) = describe(text);
    format!(
        "{name}\t{:016x}\t{}\t{:016x}",
        digest(&outline),
        diagnostics.len(),
        digest(&diagnostics)
    )
}

fn describe(text: &str) -> (String, Vec<String>) {
    let doc = Document::new(text);
    let outline = unlsp::cli::outline::outline_json(&doc).to_string();
    let diagnostics = unlsp_analysis::check(&doc, &Config::default())
        .iter()
        .map(line)
        .collect();
    (outline, diagnostics)
}

fn line(d: &Diagnostic) -> String {
    let fix = d.fix.as_ref().map(|f| {
        let edits: Vec<String> = f
            .edits
            .iter()
            .map(|e| format!("{:?}={:?}", e.range, e.text))
            .collect();
        format!(
            " fix[{}{}] {}",
            f.title,
            if f.safe { ", safe" } else { "" },
            edits.join(" ")
        )
    });
    format!(
        "{} {:?} {:?} {}{}",
        d.code,
        d.severity,
        d.range,
        d.message,
        fix.unwrap_or_default()
    )
}

fn digest<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// `FILE`, or a rendered AKN file as the table names it (`….xml.gz [markdown]`).
fn show(path: &Path) -> ExitCode {
    let name = path.display().to_string();
    let rendered = name
        .strip_suffix(']')
        .and_then(|n| n.rsplit_once(" ["))
        .and_then(|(f, shape)| {
            let s = Shape::ALL.iter().copied().find(|s| s.name() == shape)?;
            let r = conformance::akn::read_gz(Path::new(f)).ok()?;
            Some(conformance::render::render(&r, s))
        });
    let Some(text) = rendered.or_else(|| std::fs::read_to_string(path).ok()) else {
        eprintln!("cannot read {}", path.display());
        return ExitCode::from(2);
    };
    let (outline, diagnostics) = describe(&text);
    println!("{outline}");
    for d in diagnostics {
        println!("{d}");
    }
    ExitCode::SUCCESS
}
