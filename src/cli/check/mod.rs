//! `unlsp check`: lint files and folders; human, JSON, SARIF or GitHub
//! output; `--fix` and `--diff`.

mod files;
mod input;
pub mod located;
mod progress;
pub mod report;

pub use files::{Collected, collect_files, is_checkable};
pub use report::{FileReport, check_json, clip_line, human};

use input::{Read, decode, read};
use progress::Progress;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use unlsp_analysis::project::{self, ProjectConfig};
use unlsp_analysis::{self as analysis, Severity};
use unlsp_syntax::{Document, Lang};

#[derive(clap::Args)]
pub struct Options {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, default_value = "human", value_parser = ["human", "json", "sarif", "github"])]
    pub format: String,
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Apply the safe fixes in place (standard input: print the fixed text).
    #[arg(long)]
    pub fix: bool,
    /// With `--fix`, a Word document is overwritten instead of fixed into
    /// `NAME.fixed.docx` beside it.
    #[arg(long)]
    pub in_place: bool,
    /// Show the safe fixes as a unified diff instead of applying them, then the report.
    #[arg(long)]
    pub diff: bool,
    /// Only these rules (ids or prefixes), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (ids or prefixes), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 0 even when errors are found.
    #[arg(long)]
    pub exit_zero: bool,
    /// Name to use for standard input in messages.
    #[arg(long)]
    pub stdin_filename: Option<String>,
}

pub fn run(opts: Options) -> i32 {
    let Some(lang) = crate::cli::arguments::lang_option(&opts.lang) else {
        return 2;
    };
    for (flag, patterns) in [("--select", &opts.select), ("--ignore", &opts.ignore)] {
        if let Some(p) = analysis::Config::unknown_pattern(patterns) {
            eprintln!(
                "error: {flag} {p}: no rule has this id or prefix (`unlsp rules` lists them)"
            );
            return 2;
        }
    }
    let run = Run::new(&opts, lang);
    let stdin = opts.paths.len() == 1 && opts.paths[0].as_os_str() == "-";
    let (mut reports, mut io_error) = if stdin {
        match run.stdin() {
            Some(r) => r,
            None => return 2,
        }
    } else {
        run.files()
    };
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    if opts.fix || opts.diff {
        io_error |= run.fix(&mut reports, stdin);
        if stdin && !opts.diff {
            // standard output holds the fixed text: the exit status reports
            return exit_code(&reports, io_error, opts.exit_zero);
        }
    }
    // `--diff` leaves the files as they are: the report that follows the
    // diff, and the exit status, are those of `check` without it
    write_reports(&opts.format, &reports);
    exit_code(&reports, io_error, opts.exit_zero)
}

/// 2 when a file could not be read, 1 when an error was found (unless
/// `--exit-zero`), else 0.
fn exit_code(reports: &[FileReport], io_error: bool, exit_zero: bool) -> i32 {
    let has_error = reports
        .iter()
        .any(|r| r.diagnostics.iter().any(|d| d.severity == Severity::Error));
    if io_error {
        2
    } else if has_error && !exit_zero {
        1
    } else {
        0
    }
}

fn write_reports(format: &str, reports: &[FileReport]) {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let json = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default();
    let _ = match format {
        "sarif" => writeln!(w, "{}", json(super::sarif::sarif(reports))),
        "github" => write!(w, "{}", super::sarif::github(reports)),
        "json" => writeln!(w, "{}", json(check_json(reports))),
        _ => {
            human(&mut w, reports);
            Ok(())
        }
    };
    let _ = w.flush();
}

/// Where a checked text comes from, beside the text itself.
enum Source {
    Text,
    /// A document read out of another format (Word, PDF).
    Extracted(Box<unlsp_formats::Extracted>),
    /// The UN's AKN XML: the structure its markup gives the text.
    Marked(Box<analysis::SourceMarkup>),
}

/// One `check` run: the project around the first path, the language and the
/// rule selection.
struct Run<'o> {
    opts: &'o Options,
    project: ProjectConfig,
    root: PathBuf,
    lang: Option<Lang>,
}

impl<'o> Run<'o> {
    fn new(opts: &'o Options, lang: Option<Lang>) -> Run<'o> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let first = opts.paths.first().cloned().unwrap_or_else(|| cwd.clone());
        let start = if first.as_os_str() == "-" {
            &cwd
        } else {
            &first
        };
        let (project, root) = match project::discover(start) {
            Some((root, Ok(p))) => (p, root),
            Some((root, Err(e))) => {
                eprintln!("warning: {e}; using defaults");
                (ProjectConfig::default(), root)
            }
            None => (ProjectConfig::default(), cwd),
        };
        if let Err(e) = project.install_catalogue_records(Some(&root)) {
            eprintln!("warning: {e}; using the bundled catalogue");
        }
        let lang = lang.or_else(|| project.language.as_deref().and_then(Lang::from_code));
        Run {
            opts,
            project,
            root,
            lang,
        }
    }

    /// The rules for one file (`rel`: its path relative to the project).
    fn config(&self, rel: &str) -> analysis::Config {
        let mut cfg = self.project.rule_config(Some(rel));
        cfg.select = self.opts.select.clone();
        cfg.ignore = self.opts.ignore.clone();
        cfg
    }

    fn check(&self, path: String, rel: &str, text: String) -> FileReport {
        self.check_read(path, rel, text, Source::Text)
    }

    /// A text, or a document read out of another format (`extracted`).
    fn check_read(&self, path: String, rel: &str, text: String, source: Source) -> FileReport {
        let doc = Document::with_lang(&text, self.lang);
        let mut cfg = self.config(rel);
        let mut extracted = None;
        match source {
            Source::Text => {}
            Source::Extracted(x) => extracted = Some(x),
            Source::Marked(m) => cfg.markup = Some(std::sync::Arc::from(m)),
        }
        let diagnostics = analysis::check(&doc, &cfg);
        let located = extracted.map(|x| Box::new(located::Located::new(*x, &doc, &diagnostics)));
        FileReport {
            path,
            lang: doc.lang(),
            kind: doc.tree().kind.name(),
            text,
            diagnostics,
            located,
        }
    }

    /// Standard input as one file; `None` when it cannot be read.
    fn stdin(&self) -> Option<(Vec<FileReport>, bool)> {
        let mut buf = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            eprintln!("error: standard input: {e}");
            return None;
        }
        let name = self
            .opts
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into());
        Some(match decode(&buf, &name) {
            Read::Text(text) => (vec![self.check(name.clone(), &name, text)], false),
            other => (Vec::new(), self.unreadable(&name, other)),
        })
    }

    /// Every file under the paths, parsed and checked on every core; whether
    /// one could not be read.
    fn files(&self) -> (Vec<FileReport>, bool) {
        let Collected {
            files,
            errors,
            notes,
        } = collect_files(&self.opts.paths, &self.project, &self.root);
        let mut io_error = !errors.is_empty();
        for e in errors {
            eprintln!("error: {e}");
        }
        let progress = Progress::new(files.len());
        let done = std::sync::atomic::AtomicUsize::new(0);
        let checked: Vec<(String, Result<FileReport, Read>)> = files
            .par_iter()
            .map(|f| {
                let path = f.display().to_string();
                let report = match read(f) {
                    Read::Text(text) => Ok(self.check(path.clone(), &self.relative(f), text)),
                    Read::Document(x) => {
                        let text = x.text.clone();
                        let rel = self.relative(f);
                        Ok(self.check_read(path.clone(), &rel, text, Source::Extracted(x)))
                    }
                    Read::Marked(text, m) => {
                        let rel = self.relative(f);
                        Ok(self.check_read(path.clone(), &rel, text, Source::Marked(m)))
                    }
                    other => Err(other),
                };
                progress.tick(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
                (path, report)
            })
            .collect();
        progress.finish();
        let mut reports = Vec::with_capacity(checked.len());
        let mut binary = Vec::new();
        for (path, report) in checked {
            match report {
                Ok(r) => reports.push(r),
                Err(Read::Binary) => binary.push(format!("note: {path}: binary file skipped")),
                Err(other) => io_error |= self.unreadable(&path, other),
            }
        }
        for n in notes.iter().chain(&binary) {
            eprintln!("{n}");
        }
        (reports, io_error)
    }

    /// Says why a file was not checked; whether that is an error.
    fn unreadable(&self, path: &str, content: Read) -> bool {
        match content {
            Read::Text(_) | Read::Document(_) | Read::Marked(..) => false,
            Read::Binary => {
                eprintln!("note: {path}: binary file skipped");
                false
            }
            Read::Invalid(m) | Read::Io(m) => {
                eprintln!("error: {m}");
                true
            }
        }
    }

    /// `f` relative to the project root, `/`-separated.
    fn relative(&self, f: &Path) -> String {
        std::fs::canonicalize(f)
            .ok()
            .and_then(|a| {
                a.strip_prefix(&self.root)
                    .ok()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
            })
            .unwrap_or_else(|| f.to_string_lossy().to_string())
    }

    /// `--fix` (files rewritten, standard input's fixed text printed) or
    /// `--diff` (the fixes as a diff); the reports then describe the fixed
    /// texts. Whether a file could not be written.
    fn fix(&self, reports: &mut [FileReport], stdin: bool) -> bool {
        let opts = self.opts;
        let mut io_error = false;
        for r in reports.iter_mut() {
            // a published PDF is not a draft: its fixes are shown, never written
            if !opts.diff && super::pdf_in::is_pdf(Path::new(&r.path)) {
                eprintln!(
                    "error: {}: a PDF is never fixed: fix the draft it was made from, or `unlsp convert` it to text (`--diff` shows the fixes)",
                    r.path
                );
                io_error = true;
                continue;
            }
            let cfg = self.config(&r.path);
            let (fixed, n) = super::fix::fix_text(&r.text, self.lang, &cfg);
            if n == 0 {
                if stdin && opts.fix && !opts.diff {
                    print!("{}", r.text);
                }
                continue;
            }
            if opts.diff {
                print!("{}", super::fix::unified_diff(&r.path, &r.text, &fixed));
                continue;
            }
            let mut extracted = None;
            if r.located.is_some() {
                let path = Path::new(&r.path);
                match super::word_fix::write(path, &r.text, &fixed, opts.in_place) {
                    Ok((target, x)) => {
                        eprintln!(
                            "fixed {n} problem{} in {} (written to {})",
                            if n == 1 { "" } else { "s" },
                            r.path,
                            target.display()
                        );
                        r.path = target.display().to_string();
                        extracted = Some(x);
                    }
                    Err(e) => {
                        eprintln!("error: {}: {e}", r.path);
                        io_error = true;
                        continue;
                    }
                }
            } else if stdin {
                print!("{fixed}");
            } else if let Err(e) = super::fix::write_atomic(Path::new(&r.path), &fixed) {
                eprintln!("error: {}: {e}", r.path);
                io_error = true;
                continue;
            } else {
                eprintln!(
                    "fixed {n} problem{} in {}",
                    if n == 1 { "" } else { "s" },
                    r.path
                );
            }
            let doc = Document::with_lang(&fixed, self.lang);
            r.diagnostics = analysis::check(&doc, &cfg);
            (r.lang, r.kind) = (doc.lang(), doc.tree().kind.name());
            if let (Some(l), Some(x)) = (r.located.as_mut(), extracted) {
                l.extracted = x;
                l.relocate(&doc, &r.diagnostics);
            }
            r.text = fixed;
        }
        io_error
    }
}
