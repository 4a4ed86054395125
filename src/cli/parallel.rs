//! `unlsp parallel`: language versions of one document side by side; the
//! differences of [`unlsp_analysis::parallel`] as `check`-like text or as JSON
//! (`schemas/parallel.schema.json`). A bilingual page (`*.bitext-en-xx.*`) is
//! split into its two versions.

use serde_json::{Value, json};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;
use unlsp_analysis::parallel::{self, BitextPart, Difference, Version};
use unlsp_analysis::project;
use unlsp_analysis::{Config, Severity};
use unlsp_syntax::text::LineIndex;
use unlsp_syntax::{Document, Lang};

/// One version as read: a file, or one language of a bilingual file.
pub struct Loaded {
    /// The file as given on the command line.
    pub path: String,
    /// The whole file (positions are reported in it).
    pub file_text: String,
    /// For a part of a bilingual file: which language and the offset map.
    pub part: Option<(Lang, BitextPart)>,
    pub doc: Document,
    pub name: String,
}

impl Loaded {
    fn original(&self, r: &Range<usize>) -> Range<usize> {
        match &self.part {
            Some((_, p)) => p.range_to_original(r),
            None => r.clone(),
        }
    }
}

/// `a.bitext-en-zh.txt` → `Some(Zh)`.
pub fn bitext_lang(path: &Path) -> Option<Option<Lang>> {
    let name = path.file_name()?.to_string_lossy();
    let i = name.find(".bitext-")?;
    let tail = &name[i + ".bitext-".len()..];
    let other = tail.split(['.', '-']).nth(1).and_then(Lang::from_code);
    Some(other)
}

/// Read and parse the versions; a bilingual file gives two.
pub fn load(paths: &[PathBuf], lang: Option<Lang>) -> Result<Vec<Loaded>, String> {
    let mut out = Vec::new();
    for p in paths {
        let text = super::arguments::read_document(p)?;
        let path = p.display().to_string();
        match bitext_lang(p) {
            Some(other) => {
                let [en, xx] = parallel::split_bitext(&text);
                for (part, l) in [(en, Some(Lang::En)), (xx, other)] {
                    let doc = Document::with_lang(&part.text, l);
                    let l = doc.lang();
                    out.push(Loaded {
                        path: path.clone(),
                        file_text: text.clone(),
                        part: Some((l, part)),
                        doc,
                        name: String::new(),
                    });
                }
            }
            None => out.push(Loaded {
                path,
                file_text: text.clone(),
                part: None,
                doc: Document::with_lang(&text, lang),
                name: String::new(),
            }),
        }
    }
    // names: the language code, unless two versions share it
    let codes: Vec<&str> = out.iter().map(|l| l.doc.lang().code()).collect();
    let names: Vec<String> = out
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let code = codes[i];
            if codes.iter().filter(|c| **c == code).count() == 1 {
                code.to_string()
            } else {
                let base = Path::new(&l.path)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match &l.part {
                    Some(_) => format!("{base}#{code}"),
                    None => base,
                }
            }
        })
        .collect();
    for (l, n) in out.iter_mut().zip(names) {
        l.name = n;
    }
    Ok(out)
}

pub fn differences(loaded: &[Loaded]) -> Vec<Difference> {
    let versions: Vec<Version> = loaded
        .iter()
        .map(|l| Version {
            name: &l.name,
            text: l.doc.text(),
            tree: l.doc.tree(),
        })
        .collect();
    parallel::compare(&versions)
}

pub fn json(loaded: &[Loaded], diffs: &[(Difference, Severity)]) -> Value {
    let lis: Vec<LineIndex> = loaded
        .iter()
        .map(|l| LineIndex::new(&l.file_text))
        .collect();
    let range = |v: usize, r: &Range<usize>| {
        let l = &loaded[v];
        super::outline::range_json(&lis[v], &l.file_text, &l.original(r))
    };
    json!({
        "version": 1,
        "agree": diffs.is_empty(),
        "versions": loaded.iter().map(|l| {
            let (pre, op, sub) = parallel::counts(l.doc.tree());
            json!({
                "name": l.name,
                "path": l.path,
                "language": l.doc.lang().code(),
                "part": l.part.as_ref().map(|(lang, _)| lang.code()),
                "symbol": l.doc.tree().meta.symbol,
                "number": l.doc.tree().meta.number,
                "preambular": pre,
                "operative": op,
                "subparagraphs": sub,
                "cited": parallel::cited_acts(l.doc.tree()),
            })
        }).collect::<Vec<_>>(),
        "differences": diffs.iter().map(|(d, severity)| json!({
            "kind": d.kind.name(),
            "code": d.kind.code(),
            "severity": severity.name(),
            "unit": d.unit,
            "message": d.message,
            "places": d.places.iter().map(|p| json!({
                "version": p.version,
                "present": p.present,
                "range": range(p.version, &p.range),
                "paragraph": range(p.version, &p.unit),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// `path:line:col: information[UNP05]: message` (the severity `unlsp.toml`
/// gives the code) with the line and a caret,
/// then the same place in the other version, then a summary.
pub fn human(w: &mut impl Write, loaded: &[Loaded], diffs: &[(Difference, Severity)]) {
    let lis: Vec<LineIndex> = loaded
        .iter()
        .map(|l| LineIndex::new(&l.file_text))
        .collect();
    let show = |w: &mut dyn Write, v: usize, r: &Range<usize>, head: &str| {
        let l = &loaded[v];
        let text = &l.file_text;
        let r = l.original(r);
        let p = lis[v].position(text, r.start);
        let _ = writeln!(w, "{}:{}:{}: {head}", l.path, p.line, p.column);
        let lr = lis[v].line_range(text, p.line - 1);
        let line = &text[lr.clone()];
        let (shown, cut) = super::check::clip_line(line, r.start - lr.start);
        let _ = writeln!(w, "  | {}", shown.replace('\t', " "));
        let before = &shown[..unlsp_syntax::text::clamp_to_char(&shown, cut)];
        let end = unlsp_syntax::text::clamp_to_char(text, r.end.min(lr.end).max(r.start));
        let width = UnicodeWidthStr::width(&text[r.start..end]).clamp(1, 80);
        let _ = writeln!(
            w,
            "  | {}{}",
            " ".repeat(UnicodeWidthStr::width(before)),
            "^".repeat(width)
        );
    };
    let mut per_kind: std::collections::BTreeMap<&str, usize> = Default::default();
    for (d, severity) in diffs {
        *per_kind.entry(d.kind.name()).or_default() += 1;
        let [a, b] = &d.places;
        show(
            w,
            a.version,
            &a.range,
            &format!("{}[{}]: {}", severity.name(), d.kind.code(), d.message),
        );
        let other = &loaded[b.version].name;
        let note = if b.present {
            format!("note: the {other} version")
        } else {
            format!("note: where the {other} version would have it")
        };
        show(w, b.version, &b.range, &note);
    }
    let names: Vec<&str> = loaded.iter().map(|l| l.name.as_str()).collect();
    let kinds: Vec<String> = per_kind.iter().map(|(k, v)| format!("{k} ×{v}")).collect();
    let _ = writeln!(
        w,
        "{} versions compared ({}): {}",
        loaded.len(),
        names.join(", "),
        if diffs.is_empty() {
            "they agree".to_string()
        } else {
            format!(
                "{} difference{} ({})",
                diffs.len(),
                if diffs.len() == 1 { "" } else { "s" },
                kinds.join(", ")
            )
        }
    );
}

/// Exit status: 0 the versions agree (or every difference found is turned
/// off), 1 they differ, 2 usage or I/O error.
pub fn run(
    files: &[PathBuf],
    format: &str,
    lang: Option<Lang>,
    select: &[String],
    ignore: &[String],
) -> i32 {
    for (flag, patterns) in [("--select", select), ("--ignore", ignore)] {
        if let Some(p) = Config::unknown_pattern(patterns) {
            eprintln!(
                "error: {flag} {p}: no code has this id or prefix (`unlsp rules` lists them)"
            );
            return 2;
        }
    }
    let loaded = match load(files, lang) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    if loaded.len() < 2 {
        eprintln!(
            "error: `unlsp parallel` needs two versions (two files, or one bilingual `*.bitext-en-xx.*` file)"
        );
        return 2;
    }
    let mut cfg = project_config(&files[0]);
    cfg.select = select.to_vec();
    cfg.ignore = ignore.to_vec();
    let diffs = parallel::configured(differences(&loaded), &cfg);
    let mut out = std::io::stdout().lock();
    if format == "json" {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json(&loaded, &diffs)).unwrap()
        );
    } else {
        human(&mut out, &loaded, &diffs);
    }
    i32::from(!diffs.is_empty())
}

/// The codes' severities from the `unlsp.toml` around `first` (defaults
/// when there is none; a broken one is reported and ignored).
fn project_config(first: &Path) -> Config {
    match project::discover(first) {
        Some((_, Ok(p))) => p.rule_config(None),
        Some((_, Err(e))) => {
            eprintln!("warning: {e}; using defaults");
            Config::default()
        }
        None => Config::default(),
    }
}
