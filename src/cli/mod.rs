//! The command line: `unlsp outline`, `check`, `rules`, `explain`, `serve`.

pub(crate) mod akn_in;
mod arguments;
mod bounded;
pub mod check;
pub mod convert;
pub mod diff;
pub(crate) mod docx_in;
pub mod export;
pub mod fix;
mod lookup;
pub mod outline;
pub mod parallel;
pub(crate) mod pdf_in;
pub mod sarif;
mod word_fix;

use arguments::{lang_option, read_document, read_text};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use unlsp_analysis::fmt;

#[derive(Parser)]
#[command(
    name = "unlsp",
    version,
    about = "Language server and linter for UN resolution drafts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the structure of a document (text, Markdown, the UN's AKN XML,
    /// a Word .docx or a PDF).
    Outline {
        file: PathBuf,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Lint files and folders (recursively: .txt, .md, .unres, .docx; a
    /// Word document given by name may also be .docm/.dotx, and a PDF is read
    /// only when named); `-` reads stdin. A Word document's or a PDF's
    /// diagnostics name their place (`draft.docx: operative paragraph 5: …`,
    /// `draft.pdf: page 3, operative paragraph 4: …`); a PDF is never fixed.
    Check(check::Options),
    /// Normalise drafts: join wrapped lines, one paragraph per line, remove
    /// page furniture, fix spacing (words are never changed: a format that
    /// would change one is refused, exit 2, nothing written). `-` reads
    /// standard input and writes the result to standard output. A Word
    /// document or a PDF is only reported on, never rewritten (as with `--check`).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 when a file would change; write nothing.
        #[arg(long)]
        check: bool,
        /// Leave alone the files that are not UN documents (no resolution,
        /// draft or decision recognised): the pre-commit hook's mode.
        #[arg(long)]
        un_documents_only: bool,
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Compare language versions of one document (a bilingual
    /// `*.bitext-en-xx.*` file counts as two); exit 1 when they differ.
    Parallel {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "human", value_parser = ["human", "json"])]
        format: String,
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Only these codes (`UNP05`, or a prefix), comma-separated.
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Skip these codes (ids or prefixes), comma-separated.
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
    },
    /// Compare two versions of a draft paragraph by paragraph: added,
    /// deleted, moved, renumbered, changed, split and merged paragraphs and
    /// the words changed; exit 1 when they differ in substance.
    Diff(diff::Options),
    /// A Word document (.docx) or a PDF as text to edit in any editor: `--to txt`,
    /// the text `check` reads (its JSON ranges refer to it), or `--to md`,
    /// Markdown with `*italic*` leads and `[^n]` footnotes, which unlsp reads
    /// back to the same structure. Tracked changes are accepted;
    /// `--revisions` writes them as Pandoc spans (`[text]{.insertion
    /// author=… date=…}`). Standard output unless `--out FILE`.
    Convert {
        file: PathBuf,
        #[arg(long, value_parser = ["md", "txt"])]
        to: String,
        /// Show the tracked changes (Markdown only).
        #[arg(long)]
        revisions: bool,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write documents in another format: `--to akn`, Akoma Ntoso 3.0 in
    /// the UN's AKN4UN profile. One FILE without `--out`: the XML on
    /// standard output; `--out DIR`: `DIR/<name>.xml` per file.
    Export {
        #[arg(long, value_parser = ["akn"])]
        to: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Print the catalogue entry of a resolution or decision (`61/100`,
    /// `1514 (XV)`, `decision 60/519`, `S/RES/2231 (2015)`); inside a project,
    /// also the documents of its reference folders that are the act.
    Lookup {
        number: Vec<String>,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// List the rule catalogue.
    Rules {
        #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"])]
        format: String,
    },
    /// Explain one rule.
    Explain { rule: String },
    /// Start the language server on stdio.
    Serve {
        /// Accepted for VS Code's client, which appends it.
        #[arg(long)]
        stdio: bool,
    },
}

pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Outline { file, format, lang } => {
            let text = match read_document(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            };
            let Some(lang) = lang_option(&lang) else {
                return 2;
            };
            let doc = unlsp_syntax::Document::with_lang(&text, lang);
            if format == "json" {
                let out = std::io::BufWriter::new(std::io::stdout().lock());
                if let Err(e) = outline::write_outline_json(&doc, out) {
                    return output_error(e.io_error_kind(), &e);
                }
            } else {
                let out = std::io::BufWriter::new(std::io::stdout().lock());
                if let Err(e) = outline::write_outline_text(&doc, out) {
                    return output_error(Some(e.kind()), &e);
                }
            }
            0
        }
        Command::Check(opts) => check::run(opts),
        Command::Fmt {
            files,
            check,
            un_documents_only,
            lang,
        } => match lang_option(&lang) {
            Some(lang) => fmt_files(&files, check, un_documents_only, lang),
            None => 2,
        },
        Command::Parallel {
            files,
            format,
            lang,
            select,
            ignore,
        } => match lang_option(&lang) {
            Some(lang) => parallel::run(&files, &format, lang, &select, &ignore),
            None => 2,
        },
        Command::Diff(opts) => diff::run(opts),
        Command::Export {
            to: _,
            files,
            out,
            lang,
        } => match lang_option(&lang) {
            Some(lang) => export::run(&files, out.as_deref(), lang),
            None => 2,
        },
        Command::Convert {
            file,
            to,
            revisions,
            out,
        } => convert::run(&file, &to, revisions, out.as_deref()),
        Command::Lookup { number, format } => lookup::lookup(&number.join(" "), &format),
        Command::Rules { format } => {
            print!("{}", rules_listing(&format));
            0
        }
        Command::Explain { rule } => match unlsp_analysis::rule(&rule) {
            Some(r) => {
                println!(
                    "{} — {} ({}, {} by default)\n",
                    r.id,
                    r.name,
                    r.severity.name(),
                    if r.default_on { "on" } else { "off" }
                );
                println!(
                    "{}\n\n{}\n\nBad:\n    {}\nGood:\n    {}",
                    r.summary,
                    r.explanation,
                    r.bad.replace('\n', "\n    "),
                    r.good.replace('\n', "\n    ")
                );
                0
            }
            None => {
                eprintln!("error: no rule `{rule}` (see `unlsp rules`)");
                2
            }
        },
        Command::Serve { .. } => unlsp_server::run_stdio(),
    }
}

/// The catalogue as text, JSON or the README's Markdown table.
pub fn rules_listing(format: &str) -> String {
    let rules = unlsp_analysis::catalogue();
    match format {
        "json" => serde_json::to_string_pretty(&rules.iter().map(|r| serde_json::json!({
            "id": r.id, "name": r.name, "severity": r.severity.name(), "default": if r.default_on { "on" } else { "off" },
            "scopes": r.scopes.iter().map(|s| s.name()).collect::<Vec<_>>(), "summary": r.summary,
        })).collect::<Vec<_>>()).unwrap() + "\n",
        "markdown" => {
            let mut s = String::from("| id | name | severity | default | applies to | what it checks |\n|---|---|---|---|---|---|\n");
            for r in rules {
                let scopes: Vec<&str> = r.scopes.iter().map(|s| s.name()).collect();
                s.push_str(&format!("| {} | {} | {} | {} | {} | {} |\n", r.id, r.name, r.severity.name(), if r.default_on { "on" } else { "off" }, scopes.join(", "), r.summary.replace('|', "\\|")));
            }
            s
        }
        _ => rules.iter().map(|r| format!("{}  {:<11} {:<4} {}\n", r.id, r.severity.name(), if r.default_on { "on" } else { "off" }, r.name)).collect(),
    }
}

fn fmt_files(
    files: &[PathBuf],
    check: bool,
    un_documents_only: bool,
    lang: Option<unlsp_syntax::Lang>,
) -> i32 {
    // files that would change and were not written (`--check`, Word)
    let mut reported = 0;
    let mut failed = false;
    for f in files {
        let stdin = f.as_os_str() == "-";
        // a Word document or a PDF is reported on, never rewritten by formatting
        let word = !stdin && arguments::is_extracted(f);
        if word && !check {
            eprintln!(
                "note: {}: a Word document or a PDF is never rewritten by fmt: reported as with --check",
                f.display()
            );
        }
        let text = if stdin {
            let mut t = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
                .map(|_| t)
                .map_err(|e| format!("standard input: {e}"))
        } else if word {
            read_document(f)
        } else {
            read_text(f)
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        if stdin {
            // `-`: the formatted text (or the text as it is) on standard output
            match fmt::format(&text, lang) {
                Ok(out) => print!("{out}"),
                Err(why) => {
                    eprintln!("error: standard input: not formatted: {why}");
                    print!("{text}");
                    failed = true;
                }
            }
            continue;
        }
        if un_documents_only && !fmt::is_un_document(&text, lang) {
            continue;
        }
        let out = match fmt::format(&text, lang) {
            Ok(out) => out,
            Err(why) => {
                eprintln!(
                    "error: {}: not formatted, nothing written: {why}",
                    f.display()
                );
                failed = true;
                continue;
            }
        };
        if out == text {
            continue;
        }
        if check || word {
            reported += 1;
            println!("would reformat {}", f.display());
        } else if let Err(e) = fix::write_atomic(f, &out) {
            eprintln!("error: {}: {e}", f.display());
            failed = true;
        } else {
            println!("reformatted {}", f.display());
        }
    }
    if failed {
        2
    } else if reported > 0 {
        1
    } else {
        0
    }
}

/// The exit status after a failed write to standard output: a reader that
/// stopped early (`| head`) is no error.
fn output_error(kind: Option<std::io::ErrorKind>, e: &dyn std::fmt::Display) -> i32 {
    if kind == Some(std::io::ErrorKind::BrokenPipe) {
        return 0;
    }
    eprintln!("error: {e}");
    2
}
