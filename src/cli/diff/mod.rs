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
    let report = if opts.revisions {
        revisions(&opts.files, lang)
    } else {
        two_files(&opts.files, lang)
    };
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
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

/// OLD and NEW read and compared.
fn two_files(
    files: &[PathBuf],
    lang: Option<unlsp_syntax::Lang>,
) -> Result<report::Report, String> {
    let [old, new] = files else {
        return Err("diff needs two files, OLD and NEW".into());
    };
    let read = |p: &Path| -> Result<Version, String> {
        Ok(Version {
            name: p.display().to_string(),
            doc: Document::with_lang(&read_document(p)?, lang),
        })
    };
    Ok(compare(read(old)?, read(new)?))
}

/// `--revisions`: the tracked changes of a Word document as a comparison of
/// the text before them (all rejected) with the text after (all accepted).
fn revisions(
    files: &[PathBuf],
    lang: Option<unlsp_syntax::Lang>,
) -> Result<report::Report, String> {
    let [f] = files else {
        return Err("`--revisions` needs one Word document".into());
    };
    if !super::docx_in::is_word(f) {
        return Err(format!("{}: `--revisions` needs a .docx", f.display()));
    }
    let x = super::docx_in::read(f)?;
    let name = f.display();
    Ok(compare(
        Version {
            name: format!("{name} (before its tracked changes)"),
            doc: Document::with_lang(&x.rejected_text(), lang),
        },
        Version {
            name: format!("{name} (with its tracked changes)"),
            doc: Document::with_lang(&x.text, lang),
        },
    ))
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
