//! `unlsp diff OLD NEW`: two versions of a draft compared paragraph by
//! paragraph (`unlsp_analysis::diff`), written for a person (with colour on
//! a terminal), as JSON (`schemas/diff.schema.json`), or as a compilation
//! text in Markdown or HTML. Exit 0 when the texts are the same in
//! substance, 1 when they differ, 2 on error.

mod compilation;
mod html;
mod human;
mod json;
mod name;
mod report;

use super::arguments::{lang_option, read_document};
use report::{Version, compare};
use std::path::{Path, PathBuf};
use unlsp_syntax::Document;

#[derive(clap::Args)]
pub struct Options {
    /// OLD and NEW; with `--revisions`, one .docx.
    #[arg(required = true, num_args = 1..=2)]
    pub files: Vec<PathBuf>,
    #[arg(long, default_value = "human", value_parser = ["human", "json", "markdown", "html"])]
    pub format: String,
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Report the tracked changes of one Word document.
    #[arg(long)]
    pub revisions: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(opts: Options) -> i32 {
    let Some(lang) = lang_option(&opts.lang) else {
        return 2;
    };
    if opts.revisions {
        return revisions(&opts.files);
    }
    let [old, new] = opts.files.as_slice() else {
        eprintln!("error: diff needs two files, OLD and NEW");
        return 2;
    };
    let read = |p: &Path| -> Result<Version, String> {
        let text = read_document(p)?;
        Ok(Version {
            name: p.display().to_string(),
            doc: Document::with_lang(&text, lang),
        })
    };
    let (old, new) = match (read(old), read(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let report = compare(old, new);
    let out = match opts.format.as_str() {
        "json" => json::render(&report),
        "markdown" => compilation::markdown(&report),
        "html" => html::render(&report),
        _ => human::render(&report, opts.out.is_none() && colour()),
    };
    if let Err(e) = write(opts.out.as_deref(), &out) {
        eprintln!("error: {e}");
        return 2;
    }
    if report.cmp.same() { 0 } else { 1 }
}

/// `--revisions`: the tracked changes of a Word document, each a pair of
/// old and new paragraph fed to `diff::compare_paragraphs`. Reading them
/// needs the Word reader.
fn revisions(files: &[PathBuf]) -> i32 {
    match files {
        [f] if f
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx")) =>
        {
            eprintln!(
                "error: {}: reading the tracked changes of a .docx is not available in this build",
                f.display()
            );
        }
        _ => eprintln!("error: `--revisions` needs a .docx (one file)"),
    }
    2
}

fn colour() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn write(out: Option<&Path>, s: &str) -> Result<(), String> {
    match out {
        Some(p) => std::fs::write(p, s).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            o.write_all(s.as_bytes())
                .and_then(|_| o.flush())
                .map_err(|e| format!("standard output: {e}"))
        }
    }
}
