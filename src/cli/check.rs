//! `unlsp check`: lint files and folders; human or JSON output.

use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;
use unlsp_analysis::project::{self, ProjectConfig};
use unlsp_analysis::{self as analysis, Diagnostic, Severity};
use unlsp_syntax::text::LineIndex;
use unlsp_syntax::{Document, Lang};

pub struct Options {
    pub paths: Vec<PathBuf>,
    pub format: String,
    pub lang: Option<Lang>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub exit_zero: bool,
    pub stdin_filename: Option<String>,
    pub fix: bool,
    pub diff: bool,
}

pub struct FileReport {
    pub path: String,
    pub text: String,
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files a `check` reads, and what it says about the paths.
#[derive(Default)]
pub struct Collected {
    /// Every checkable regular file, sorted, each real file once.
    pub files: Vec<PathBuf>,
    /// Paths that cannot be read (exit 2).
    pub errors: Vec<String>,
    /// Paths passed over (a FIFO, a socket, a device), each with its reason.
    pub notes: Vec<String>,
}

/// Every checkable file under the paths, sorted (`.txt`, `.md`, `.unres`);
/// only regular files: reading a FIFO would wait for a writer for ever.
pub fn collect_files(paths: &[PathBuf], project: &ProjectConfig, root: &Path) -> Collected {
    let mut c = Collected::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut c, 0, &mut std::collections::HashSet::new()),
            Ok(m) => c.add_file(p.clone(), &m),
            Err(_) => c
                .errors
                .push(format!("{}: no such file or directory", p.display())),
        }
    }
    c.files.retain(|f| !project.is_excluded(&relative(f, root)));
    c.files.sort();
    // one report per real file, however many paths lead to it
    let mut real = std::collections::HashSet::new();
    c.files
        .retain(|f| real.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    c
}

impl Collected {
    fn add_file(&mut self, p: PathBuf, meta: &std::fs::Metadata) {
        if meta.is_file() {
            self.files.push(p);
        } else {
            self.notes.push(format!(
                "note: {}: not a regular file, skipped",
                p.display()
            ));
        }
    }
}

/// `f` as `unlsp.toml`'s `exclude` patterns see it: relative to the project
/// root, with `/` separators, however it was named (`.`, `./dir`, absolute).
fn relative(f: &Path, root: &Path) -> String {
    let abs = normalise(&std::env::current_dir().unwrap_or_default().join(f));
    let rel = match abs.strip_prefix(root) {
        Ok(r) => r.to_path_buf(),
        // through a symlinked folder: the real file under the root
        Err(_) => std::fs::canonicalize(f)
            .ok()
            .and_then(|r| r.strip_prefix(root).ok().map(Path::to_path_buf))
            .unwrap_or(abs),
    };
    rel.to_string_lossy().replace('\\', "/")
}

/// `path` without `.` components and with `..` applied to what precedes it,
/// without touching the file system (a symlink stays as named).
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Each real directory is visited once, so symlink loops end at once.
fn walk(
    dir: &Path,
    c: &mut Collected,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    if depth > 64 {
        return;
    }
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return;
            }
        }
        Err(e) => {
            c.errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            c.errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        // through symlinks: a link to a folder is walked, to a FIFO skipped
        match std::fs::metadata(&p) {
            Ok(meta) if meta.is_dir() => walk(&p, c, depth + 1, seen),
            Ok(meta) if is_checkable(&p) => c.add_file(p, &meta),
            // a dangling link with a draft's name: say so
            Err(e) if is_checkable(&p) => c.errors.push(format!("{}: {e}", p.display())),
            _ => {}
        }
    }
}

pub fn is_checkable(p: &Path) -> bool {
    let n = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".unres")
}

enum Read {
    Text(String),
    Binary,
    Invalid(String),
    Io(String),
}

fn read(path: &Path) -> Read {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Read::Io(format!("{}: {e}", path.display())),
    };
    decode(&bytes, &path.display().to_string())
}

fn decode(bytes: &[u8], name: &str) -> Read {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Read::Binary;
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Read::Text(s),
        Err(e) => Read::Invalid(format!(
            "{name}: invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )),
    }
}

pub fn run(opts: Options) -> i32 {
    for (flag, patterns) in [("--select", &opts.select), ("--ignore", &opts.ignore)] {
        if let Some(p) = analysis::Config::unknown_pattern(patterns) {
            eprintln!(
                "error: {flag} {p}: no rule has this id or prefix (`unlsp rules` lists them)"
            );
            return 2;
        }
    }
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
        None => (ProjectConfig::default(), cwd.clone()),
    };
    let lang = opts
        .lang
        .or_else(|| project.language.as_deref().and_then(Lang::from_code));
    let mut io_error = false;
    let mut reports: Vec<FileReport> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let mut check_one =
        |path: String, rel: String, content: Read, reports: &mut Vec<FileReport>| match content {
            Read::Text(text) => {
                let doc = Document::with_lang(&text, lang);
                let mut cfg = project.rule_config(Some(&rel));
                cfg.select = opts.select.clone();
                cfg.ignore = opts.ignore.clone();
                let diagnostics = analysis::check(&doc, &cfg);
                reports.push(FileReport {
                    path,
                    text,
                    doc,
                    diagnostics,
                });
            }
            Read::Binary => notes.push(format!("note: {path}: binary file skipped")),
            Read::Invalid(m) | Read::Io(m) => {
                if !m.is_empty() {
                    eprintln!("error: {m}");
                }
                io_error = true;
            }
        };
    if opts.paths.len() == 1 && opts.paths[0].as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            eprintln!("error: standard input: {e}");
            return 2;
        }
        let name = opts
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into());
        let content = decode(&buf, &name);
        check_one(name.clone(), name, content, &mut reports);
    } else {
        let Collected {
            files,
            errors,
            notes,
        } = collect_files(&opts.paths, &project, &root);
        skipped = notes;
        let had_errors = !errors.is_empty();
        for e in errors {
            eprintln!("error: {e}");
        }
        if had_errors {
            check_one(
                String::new(),
                String::new(),
                Read::Io(String::new()),
                &mut reports,
            );
        }
        // every core: files are parsed and checked in parallel, reported in order
        let progress = Progress::new(files.len());
        let done = std::sync::atomic::AtomicUsize::new(0);
        let checked = par_map(&files, |f| {
            let rel = std::fs::canonicalize(f)
                .ok()
                .and_then(|a| {
                    a.strip_prefix(&root)
                        .ok()
                        .map(|p| p.to_string_lossy().replace('\\', "/"))
                })
                .unwrap_or_else(|| f.to_string_lossy().to_string());
            let content = read(f);
            let pre = match &content {
                Read::Text(text) => {
                    let doc = Document::with_lang(text, lang);
                    let mut cfg = project.rule_config(Some(&rel));
                    cfg.select = opts.select.clone();
                    cfg.ignore = opts.ignore.clone();
                    let diagnostics = analysis::check(&doc, &cfg);
                    Some((doc, diagnostics))
                }
                _ => None,
            };
            progress.tick(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            (f.display().to_string(), rel, content, pre)
        });
        progress.finish();
        for (path, rel, content, pre) in checked {
            match (content, pre) {
                (Read::Text(text), Some((doc, diagnostics))) => reports.push(FileReport {
                    path,
                    text,
                    doc,
                    diagnostics,
                }),
                (content, _) => check_one(path, rel, content, &mut reports),
            }
        }
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    for n in skipped.iter().chain(&notes) {
        eprintln!("{n}");
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    if opts.fix || opts.diff {
        let stdin = opts.paths.len() == 1 && opts.paths[0].as_os_str() == "-";
        for r in reports.iter_mut() {
            let mut cfg = project.rule_config(Some(&r.path));
            cfg.select = opts.select.clone();
            cfg.ignore = opts.ignore.clone();
            let (fixed, n) = super::fix::fix_text(&r.text, lang, &cfg);
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
            if stdin {
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
            let doc = Document::with_lang(&fixed, lang);
            r.diagnostics = analysis::check(&doc, &cfg);
            r.text = fixed;
            r.doc = doc;
        }
        if stdin && !opts.diff {
            // standard output holds the fixed text: the exit status reports
            let has_error = reports
                .iter()
                .any(|r| r.diagnostics.iter().any(|d| d.severity == Severity::Error));
            return if io_error {
                2
            } else if has_error && !opts.exit_zero {
                1
            } else {
                0
            };
        }
    }
    // `--diff` leaves the files as they are: the report that follows the
    // diff, and the exit status, are those of `check` without it
    match opts.format.as_str() {
        "sarif" => {
            let _ = writeln!(
                w,
                "{}",
                serde_json::to_string_pretty(&super::sarif::sarif(&reports)).unwrap()
            );
        }
        "github" => {
            let _ = write!(w, "{}", super::sarif::github(&reports));
        }
        "json" => {
            let _ = writeln!(
                w,
                "{}",
                serde_json::to_string_pretty(&check_json(&reports)).unwrap()
            );
        }
        _ => human(&mut w, &reports),
    }
    let _ = w.flush();
    let has_error = reports
        .iter()
        .any(|r| r.diagnostics.iter().any(|d| d.severity == Severity::Error));
    if io_error {
        2
    } else if has_error && !opts.exit_zero {
        1
    } else {
        0
    }
}

pub fn check_json(reports: &[FileReport]) -> serde_json::Value {
    json!({
        "version": 1,
        "files": reports.iter().map(|r| {
            let li = LineIndex::new(&r.text);
            json!({
                "path": r.path,
                "language": r.doc.lang().code(),
                "kind": r.doc.tree().kind.name(),
                "diagnostics": r.diagnostics.iter().map(|d| json!({
                    "code": d.code,
                    "severity": d.severity.name(),
                    "message": d.message,
                    "range": super::outline::range_json(&li, &r.text, &d.range),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// `path:line:col: severity[UN010]: message`, the source line and a caret
/// under the span (East Asian wide characters count two columns).
pub fn human(w: &mut impl Write, reports: &[FileReport]) {
    let mut counts = [0usize; 4];
    let mut per_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in reports {
        let li = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            counts[d.severity as usize] += 1;
            *per_rule.entry(d.code).or_default() += 1;
            let p = li.position(&r.text, d.range.start);
            let _ = writeln!(
                w,
                "{}:{}:{}: {}[{}]: {}",
                r.path,
                p.line,
                p.column,
                d.severity.name(),
                d.code,
                d.message
            );
            let lr = li.line_range(&r.text, p.line - 1);
            let line = &r.text[lr.clone()];
            let (shown, cut) = clip_line(line, d.range.start - lr.start);
            let _ = writeln!(w, "  | {}", shown.replace('\t', " "));
            let before = &shown[..unlsp_syntax::text::clamp_to_char(&shown, cut)];
            let span_start = unlsp_syntax::text::clamp_to_char(&r.text, d.range.start);
            let span_end =
                unlsp_syntax::text::clamp_to_char(&r.text, d.range.end.min(lr.end).max(span_start));
            let span_text = &r.text[span_start..span_end.max(span_start)];
            let width = UnicodeWidthStr::width(span_text).clamp(1, 80);
            let _ = writeln!(
                w,
                "  | {}{}",
                " ".repeat(UnicodeWidthStr::width(before)),
                "^".repeat(width)
            );
        }
    }
    let total: usize = counts.iter().sum();
    let mut top: Vec<(&&str, &usize)> = per_rule.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top
        .iter()
        .take(5)
        .map(|(k, v)| format!("{k} ×{v}"))
        .collect();
    let _ = writeln!(
        w,
        "{} file{} checked: {} error{}, {} warning{}, {} information, {} hint{}{}",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" },
        counts[0],
        if counts[0] == 1 { "" } else { "s" },
        counts[1],
        if counts[1] == 1 { "" } else { "s" },
        counts[2],
        counts[3],
        if counts[3] == 1 { "" } else { "s" },
        if total > 0 {
            format!(" (most frequent: {})", top.join(", "))
        } else {
            String::new()
        }
    );
}

/// A long line (one-line texts) is shown as a window around the column.
pub(crate) fn clip_line(line: &str, col: usize) -> (String, usize) {
    let col = unlsp_syntax::text::clamp_to_char(line, col);
    if line.len() <= 160 {
        return (line.to_string(), col);
    }
    let mut start = col.saturating_sub(60);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (col + 100).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = if start > 0 { "…" } else { "" };
    (
        format!("{prefix}{}", &line[start..end]),
        col - start + prefix.len(),
    )
}

/// `f` over `items` on every core, results in input order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let n = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(items.len().max(1));
    if n <= 1 || items.len() < 4 {
        return items.iter().map(&f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out: Vec<(usize, R)> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..n)
            .map(|_| {
                s.spawn(|| {
                    let mut v = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= items.len() {
                            break;
                        }
                        v.push((i, f(&items[i])));
                    }
                    v
                })
            })
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    out.sort_by_key(|x| x.0);
    out.into_iter().map(|x| x.1).collect()
}

/// A progress line on standard error, only when it is a terminal, outside CI,
/// and for more than a handful of files.
struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        let on = total > 20 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Progress { total, on }
    }
    fn tick(&self, done: usize) {
        if self.on && (done.is_multiple_of(10) || done == self.total) {
            let width = 30;
            let filled = done * width / self.total.max(1);
            eprint!(
                "\r[{}{}] {done}/{} files",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }
    fn finish(&self) {
        if self.on {
            eprint!("\r{}\r", " ".repeat(50));
        }
    }
}
