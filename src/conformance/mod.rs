//! Conformance: the parser measured against the UN's own markup.
//!
//! The Secretariat's AKN4UN XML of a resolution (`../shared/corpus/akn/`) says
//! what a reader counts: preambular paragraphs and their leads, numbered
//! paragraphs, points, footnotes, cited resolutions. `unlsp_formats::akn::read`
//! reads it ([`akn`] from the corpus's files), [`render`] writes the
//! resolution as text in the shapes drafters and extractors produce, and
//! [`score`] compares the outline of that text with the markup. The report
//! binary (`src/bin/conformance.rs`) runs the full sweep;
//! `tests/conformance.rs` runs a fixed sample under assertions.
//!
//! **The split.** GA session 79 and the Security Council's 2022 resolutions
//! are the half tuned on; session 80 and 2023 are measured only at the end of
//! a step ([`Half`]). Misses are listed for the tuned half only.
//!
//! Files with several resolutions (`documentCollection`) or a second
//! `preamble`/`mainBody` pair are left out, and so are those whose markup
//! gives an annex's paragraphs as the resolution's own; the report counts
//! them. A footnote marker the markup puts inside a word (`Reduction, t⁷he`,
//! GA 79/149) is rendered before that word, as the UN's PDF prints it.

pub mod akn;
pub mod extraction;
pub mod markup;
pub mod render;
pub mod score;

use rayon::prelude::*;
use render::Shape;
use score::{FIELDS, Outcome, Tally};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unlsp_analysis::Config;
use unlsp_formats::akn::read::Quirk;

/// The arguments every report binary takes: the corpus and the stride.
#[derive(clap::Args)]
pub struct CorpusArgs {
    /// The corpus folder (default: `../shared/corpus` beside the checkout).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Every Nth file.
    #[arg(long, default_value_t = 1)]
    pub every: usize,
}

impl CorpusArgs {
    pub fn corpus(&self) -> PathBuf {
        self.corpus
            .clone()
            .unwrap_or_else(|| unlsp_corpus::shared_root().join("corpus"))
    }

    pub fn every(&self) -> usize {
        self.every.max(1)
    }
}

/// The half of the split a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Half {
    /// GA session 79, SC 2022: tuned on.
    Tune,
    /// GA session 80, SC 2023: measured at the end of a step.
    Measure,
}

impl Half {
    /// From a file name: `A_RES_79_…`, `S_RES_…_2022`.
    pub fn of(name: &str) -> Option<Half> {
        let stem = name.trim_end_matches(".gz").trim_end_matches(".xml");
        let stem = stem.trim_end_matches(".txt");
        if let Some(rest) = stem.strip_prefix("A_RES_") {
            return match rest.split('_').next()? {
                "79" => Some(Half::Tune),
                "80" => Some(Half::Measure),
                _ => None,
            };
        }
        if stem.starts_with("S_RES_") {
            return match stem.rsplit('_').next()? {
                "2022" => Some(Half::Tune),
                "2023" => Some(Half::Measure),
                _ => None,
            };
        }
        None
    }

    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tuned (GA 79, SC 2022)",
            Half::Measure => "measured (GA 80, SC 2023)",
        }
    }
}

/// One marked-up file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub name: String,
    pub lang: String,
    pub half: Half,
}

/// The AKN files under `akn` (`ga/<lang>/…`, `sc/<lang>/…`), sorted, every
/// `every`-th of each folder, of the languages asked (all when empty).
pub fn corpus(akn: &Path, every: usize, langs: &[String]) -> Vec<Entry> {
    let mut out = Vec::new();
    for organ in ["ga", "sc"] {
        let Ok(rd) = std::fs::read_dir(akn.join(organ)) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        dirs.sort();
        for dir in dirs {
            let lang = dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if !langs.is_empty() && !langs.contains(&lang) {
                continue;
            }
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".xml.gz"))
                .collect();
            files.sort();
            for (i, path) in files.into_iter().enumerate() {
                if i % every.max(1) != 0 {
                    continue;
                }
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                if let Some(half) = Half::of(&name) {
                    out.push(Entry {
                        path,
                        name,
                        lang: lang.clone(),
                        half,
                    });
                }
            }
        }
    }
    out
}

/// The shape a score was taken on: a rendering, or the PDF extraction of
/// `texts/en/` (reported apart: those texts were tuned on before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    Rendered(Shape),
    Pdf,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Rendered(s) => s.name(),
            Source::Pdf => "pdf",
        }
    }
}

/// A field a document got wrong (tuned half only).
#[derive(Debug, Clone)]
pub struct Miss {
    pub file: String,
    pub source: Source,
    pub field: &'static str,
    pub gold: String,
    pub found: String,
}

/// What a sweep found.
#[derive(Debug, Default)]
pub struct Report {
    pub tallies: BTreeMap<(Half, String, Source), Tally>,
    /// Files left out, with the reason.
    pub skipped: Vec<(String, Quirk)>,
    /// Files that could not be read.
    pub unreadable: Vec<String>,
    /// Gold leads no text can reproduce, by language and reason.
    pub lead_quirks: BTreeMap<(String, String), usize>,
    pub misses: Vec<Miss>,
    /// Error and warning codes, and UN076/UN077, on the renderings: (code,
    /// language) → count on the tuned and the measured half.
    pub codes: BTreeMap<(&'static str, String), [usize; 2]>,
    /// Those diagnostics on the tuned half, one by one: file, source, code,
    /// message and context.
    pub diags: Vec<(String, Source, &'static str, String)>,
}

/// What to sweep.
#[derive(Debug, Clone)]
pub struct Options {
    pub akn: PathBuf,
    /// `texts/en/` for the PDF extractions; `None` leaves them out.
    pub texts: Option<PathBuf>,
    pub every: usize,
    pub langs: Vec<String>,
    pub shapes: Vec<Shape>,
}

/// Score every file of the sample in every shape.
pub fn run(opts: &Options) -> Report {
    let entries = corpus(&opts.akn, opts.every, &opts.langs);
    let cfg = Config::default();
    type One = (Entry, Result<Vec<(Source, Outcome)>, String>, Vec<Quirk>);
    let results: Vec<One> = entries
        .par_iter()
        .map(|e| {
            let gold = match akn::read_gz(&e.path) {
                Ok(g) => g,
                Err(err) => return (e.clone(), Err(err), Vec::new()),
            };
            if !gold.quirks.is_empty() {
                return (e.clone(), Ok(Vec::new()), gold.quirks.clone());
            }
            let mut v: Vec<(Source, Outcome)> = opts
                .shapes
                .iter()
                .map(|&s| {
                    let text = render::render(&gold, s);
                    (Source::Rendered(s), score::score(&gold, &text, &cfg))
                })
                .collect();
            if let Some(texts) = &opts.texts
                && e.lang == "en"
            {
                let stem = e.name.trim_end_matches(".xml.gz");
                if let Ok(text) = std::fs::read_to_string(texts.join(format!("{stem}.txt"))) {
                    v.push((Source::Pdf, score::score(&gold, &text, &cfg)));
                }
            }
            (e.clone(), Ok(v), Vec::new())
        })
        .collect();
    let mut r = Report::default();
    for (e, res, quirks) in results {
        let outcomes = match res {
            Ok(o) => o,
            Err(err) => {
                r.unreadable.push(err);
                continue;
            }
        };
        if let Some(&q) = quirks.first() {
            r.skipped.push((e.name.clone(), q));
            continue;
        }
        for (src, o) in outcomes {
            r.tallies
                .entry((e.half, e.lang.clone(), src))
                .or_default()
                .add(&o);
            if src != Source::Pdf {
                for c in &o.codes {
                    r.codes.entry((c, e.lang.clone())).or_default()[e.half as usize] += 1;
                }
            }
            if src == Source::Rendered(Shape::Clean) {
                for q in &o.lead_quirks {
                    let why = q.split(':').next().unwrap_or("").to_string();
                    *r.lead_quirks.entry((e.lang.clone(), why)).or_default() += 1;
                }
            }
            // misses are for tuning: never listed for the measured half
            if e.half == Half::Tune {
                for (code, what) in &o.diags {
                    r.diags.push((e.name.clone(), src, code, what.clone()));
                }
                let (missed, wrong) = &o.cite_misses;
                if !missed.is_empty() || !wrong.is_empty() {
                    r.misses.push(Miss {
                        file: e.name.clone(),
                        source: src,
                        field: "cites",
                        gold: missed.join(" "),
                        found: wrong.join(" "),
                    });
                }
                for (i, f) in FIELDS.iter().enumerate().take(FIELDS.len() - 1) {
                    if !o.ok[i] {
                        r.misses.push(Miss {
                            file: e.name.clone(),
                            source: src,
                            field: f,
                            gold: o.seen[i].0.clone(),
                            found: o.seen[i].1.clone(),
                        });
                    }
                }
            }
        }
    }
    r
}

impl Report {
    /// The table: one row per half, language and shape.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<9} {:<4} {:<8} {:>4} | {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} {:>5}",
            "half",
            "lang",
            "shape",
            "docs",
            "lang",
            "num",
            "pre",
            "op",
            "sub",
            "fn",
            "1pre",
            "1op",
            "all",
            "lead=",
            "lead<",
            "citF1",
            "E+W",
            "fnD",
            "leadD",
            "info"
        );
        for ((h, lang, src), t) in &self.tallies {
            let half = match h {
                Half::Tune => "tuned",
                Half::Measure => "measured",
            };
            let _ = write!(s, "{half:<9} {lang:<4} {:<8} {:>4} |", src.name(), t.docs);
            for f in FIELDS {
                let _ = write!(s, " {:>5.1}", t.rate(f));
            }
            let _ = writeln!(
                s,
                " | {:>5.1} {:>5.1} {:>5.3} | {:>5.3} {:>5.3} {:>5.3} {:>5.2}",
                t.lead_exact(),
                t.lead_prefix(),
                t.cite_f1(),
                t.per_doc(t.errors_warnings),
                t.per_doc(t.footnote_diags),
                t.per_doc(t.lead_diags),
                t.per_doc(t.info),
            );
        }
        s
    }

    /// Everything the binary prints after the table.
    pub fn notes(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "\nColumns: percent of documents with the field right (lang, number, preambular / operative / sub-paragraph / footnote counts, first preambular and operative lead, all of them); lead= and lead< percent of gold leads found exactly / one a prefix of the other; citF1 cited resolutions; per document: E+W errors and warnings, fnD UN076+UN077, leadD UN004+UN007, info information diagnostics."
        );
        let mut by_quirk: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, q) in &self.skipped {
            *by_quirk.entry(q.name()).or_default() += 1;
        }
        let _ = writeln!(s, "\nLeft out (files):");
        for (q, n) in by_quirk {
            let _ = writeln!(s, "  {n:>4}  {q}");
        }
        if !self.unreadable.is_empty() {
            let _ = writeln!(s, "Unreadable: {}", self.unreadable.join("; "));
        }
        let _ = writeln!(s, "\nGold leads no text can reproduce (not scored):");
        for ((lang, why), n) in &self.lead_quirks {
            let _ = writeln!(s, "  {lang}  {n:>5}  {why}");
        }
        let _ = writeln!(
            s,
            "\nErrors and warnings, and UN076/UN077, on the renderings (all shapes), by rule and language: tuned / measured"
        );
        let mut last = "";
        for ((code, lang), [t, m]) in &self.codes {
            if *code != last {
                let _ = write!(s, "{}  {code}:", if last.is_empty() { "" } else { "\n" });
                last = code;
            }
            let _ = write!(s, "  {lang} {t}/{m}");
        }
        s.push('\n');
        s
    }
}
