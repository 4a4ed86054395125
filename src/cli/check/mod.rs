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
use unlsp_analysis as analysis;
use unlsp_analysis::project::{self, ProjectConfig};
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
    // `--diff` prints every fix before the report: its reports are kept to
    // the end. Otherwise each file is fixed (`--fix`), written and let go as
    // soon as the files before it are: memory follows the largest file, not
    // the number of files.
    let mut kept = Vec::new();
    let mut out = Output::new(&opts.format);
    let (mut io_error, mut has_error) = (false, false);
    let read_error = {
        let mut each = |mut r: FileReport| {
            if opts.diff {
                kept.push(r);
                return;
            }
            if opts.fix {
                io_error |= run.fix(std::slice::from_mut(&mut r), stdin);
            }
            has_error |= r.has_error();
            // `--fix` of standard input prints the fixed text, not a report
            if !(stdin && opts.fix) {
                out.file(&r);
            }
        };
        if stdin {
            match run.stdin(&mut each) {
                Some(e) => e,
                None => return 2,
            }
        } else {
            run.files(&mut each)
        }
    };
    io_error |= read_error;
    if opts.diff {
        io_error |= run.fix(&mut kept, stdin);
        for r in &kept {
            has_error |= r.has_error();
            out.file(r);
        }
    }
    // `--fix` of standard input prints the fixed text, not a report: the
    // exit status reports. `--diff` leaves the files as they are: the report
    // after the diff, and the exit status, are those of `check` without it
    if !(stdin && opts.fix && !opts.diff) {
        out.finish();
    }
    if io_error {
        2
    } else if has_error && !opts.exit_zero {
        1
    } else {
        0
    }
}

/// The reports as they come, in file order, in the chosen format; the
/// format's closing part (the human summary, the end of the JSON document,
/// the SARIF log) at the end.
struct Output {
    format: String,
    w: std::io::BufWriter<std::io::Stdout>,
    tally: report::Tally,
    json: Option<report::JsonStream>,
    sarif: super::sarif::Sarif,
}

impl Output {
    fn new(format: &str) -> Output {
        Output {
            format: format.to_string(),
            w: std::io::BufWriter::new(std::io::stdout()),
            tally: Default::default(),
            json: None,
            sarif: Default::default(),
        }
    }

    /// Begins the JSON document at its first file (or at its end).
    fn begin_json(&mut self) {
        if self.json.is_none() {
            let skeleton = serde_json::json!({
                "version": 1,
                "files": [report::JsonStream::slot()],
            });
            self.json = report::JsonStream::begin(&mut self.w, &skeleton).ok();
        }
    }

    fn file(&mut self, r: &FileReport) {
        match self.format.as_str() {
            "sarif" => self.sarif.file(r),
            "github" => {
                let _ = write!(self.w, "{}", super::sarif::github_file(r));
            }
            "json" => {
                self.begin_json();
                if let Some(j) = self.json.as_mut() {
                    let _ = j.item(&mut self.w, &report::file_json(r));
                }
            }
            _ => report::human_file(&mut self.w, r, &mut self.tally),
        }
    }

    fn finish(mut self) {
        match self.format.as_str() {
            "sarif" => {
                let log = std::mem::take(&mut self.sarif).finish();
                let text = serde_json::to_string_pretty(&log).unwrap_or_default();
                let _ = writeln!(self.w, "{text}");
            }
            "github" => {}
            "json" => {
                self.begin_json();
                if let Some(j) = self.json.take() {
                    let _ = j.end(&mut self.w);
                    let _ = writeln!(self.w);
                }
            }
            _ => self.tally.summary(&mut self.w),
        }
        let _ = self.w.flush();
    }
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

    /// Standard input as one file, handed to `each`; whether it could not
    /// be decoded, `None` when it could not be read.
    fn stdin(&self, each: &mut dyn FnMut(FileReport)) -> Option<bool> {
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
            Read::Text(text) => {
                each(self.check(name.clone(), &name, text));
                false
            }
            other => self.unreadable(&name, other),
        })
    }

    /// Every file under the paths in path order, parsed and checked a batch
    /// at a time on every core, each handed to `each` as soon as the files
    /// before it are; whether one could not be read.
    fn files(&self, each: &mut dyn FnMut(FileReport)) -> bool {
        let Collected {
            mut files,
            errors,
            notes,
        } = collect_files(&self.opts.paths, &self.project, &self.root);
        let mut io_error = !errors.is_empty();
        for e in errors {
            eprintln!("error: {e}");
        }
        for n in &notes {
            eprintln!("{n}");
        }
        files.sort_by_cached_key(|f| f.display().to_string());
        let progress = Progress::new(files.len());
        let done = std::sync::atomic::AtomicUsize::new(0);
        // a batch keeps every core busy and is all the texts held at once
        let batch = (rayon::current_num_threads() * 8).max(16);
        for chunk in files.chunks(batch) {
            let checked: Vec<(String, Result<FileReport, Read>)> = chunk
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
            for (path, report) in checked {
                match report {
                    Ok(r) => each(r),
                    Err(other) => io_error |= self.unreadable(&path, other),
                }
            }
        }
        progress.finish();
        io_error
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
