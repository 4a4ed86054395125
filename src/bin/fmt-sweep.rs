//! The `fmt` sweep: `unlsp fmt` over every corpus text — all
//! languages of `../shared/corpus/texts/` and `pages/`, and the AKN files
//! rendered in every shape — counting refusals, character changes, outline
//! changes and second passes that change the text again. The target is zero
//! changes; refusals are allowed when rare (they write nothing).
//!
//! ```text
//! cargo run --profile fast --bin fmt-sweep                 # everything
//! cargo run --profile fast --bin fmt-sweep -- --every 20 --no-akn --list
//! cargo run --profile fast --bin fmt-sweep -- --fix     # `check --fix` twice: fixed points
//! ```

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unlsp::conformance::{self, render::Shape};
use unlsp_analysis::fmt::audit::Audit;

/// `unlsp fmt` (or `check --fix`) over every corpus text.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    corpus: unlsp::conformance::CorpusArgs,
    /// Every Nth AKN file.
    #[arg(long, default_value_t = 1)]
    akn_every: usize,
    /// Leave the AKN renders out.
    #[arg(long)]
    no_akn: bool,
    /// List every refusal, change and cautious format.
    #[arg(long)]
    list: bool,
    /// Show what formatting one file does.
    #[arg(long)]
    show: Option<PathBuf>,
    /// `check --fix` twice instead: the files a second run still changes.
    #[arg(long)]
    fix: bool,
}

fn main() -> ExitCode {
    let args = <Args as clap::Parser>::parse();
    let root = args.corpus.corpus();
    let (every, akn_every, akn, list) = (
        args.corpus.every(),
        args.akn_every.max(1),
        !args.no_akn,
        args.list,
    );
    if let Some(f) = args.show {
        return show(&f);
    }
    if args.fix {
        return fix_sweep(&root, every, list);
    }
    let started = std::time::Instant::now();
    let mut files = Vec::new();
    for dir in ["texts", "pages"] {
        files.extend(unlsp_corpus::texts_under(&root.join(dir)));
    }
    let files: Vec<PathBuf> = files.into_iter().step_by(every.max(1)).collect();
    let mut rows: Vec<(String, Audit)> = files
        .par_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some((p.display().to_string(), Audit::of(&text, None)))
        })
        .collect();
    if akn {
        let entries = conformance::corpus(&root.join("akn"), akn_every, &[]);
        let rendered: Vec<(String, Audit)> = entries
            .par_iter()
            .flat_map_iter(|e| {
                let r = conformance::akn::read_gz(&e.path).ok();
                Shape::ALL.iter().filter_map(move |&s| {
                    let text = conformance::render::render(r.as_ref()?, s);
                    Some((
                        format!("{} [{}]", e.path.display(), s.name()),
                        Audit::of(&text, None),
                    ))
                })
            })
            .collect();
        rows.extend(rendered);
    }
    let count = |f: &dyn Fn(&Audit) -> bool| rows.iter().filter(|(_, a)| f(a)).count();
    println!("files                 {}", rows.len());
    println!("changed by fmt        {}", count(&|a| a.changed));
    println!("cautious format only  {}", count(&|a| a.cautious.is_some()));
    println!("refusals              {}", count(&|a| a.refused.is_some()));
    for kind in ["characters", "outline", "idempotence"] {
        println!(
            "  refused ({kind:<11}) {}",
            count(&|a| a.refused.as_ref().is_some_and(|r| r.kind() == kind))
        );
    }
    println!(
        "character changes     {}",
        count(&|a| a.characters.is_some())
    );
    println!("outline changes       {}", count(&|a| a.outline.is_some()));
    println!("non-idempotent        {}", count(&|a| a.not_idempotent));
    if list {
        for (name, a) in &rows {
            if let Some(r) = &a.refused {
                println!("refused\t{name}\t{r}");
            }
            for r in a.characters.iter().chain(&a.outline) {
                println!("changed\t{name}\t{r}");
            }
            if let Some(r) = &a.cautious {
                println!("cautious\t{name}\t{r}");
            }
            if a.not_idempotent {
                println!("unstable\t{name}");
            }
        }
    }
    println!("{:.1} s", started.elapsed().as_secs_f64());
    if rows.iter().all(|(_, a)| a.kept()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `check --fix` (its safe fixes, default rules) over the corpus texts, and
/// again over its result: the files a second run still changes.
fn fix_sweep(root: &Path, every: usize, list: bool) -> ExitCode {
    use unlsp::cli::fix::fix_text;
    let started = std::time::Instant::now();
    let mut files = Vec::new();
    for dir in ["texts", "pages"] {
        files.extend(unlsp_corpus::texts_under(&root.join(dir)));
    }
    let files: Vec<PathBuf> = files.into_iter().step_by(every.max(1)).collect();
    let cfg = unlsp_analysis::Config::default();
    let rows: Vec<(String, bool, bool)> = files
        .par_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let (once, n) = fix_text(&text, None, &cfg);
            let (twice, _) = fix_text(&once, None, &cfg);
            Some((p.display().to_string(), n > 0, twice != once))
        })
        .collect();
    println!("files                 {}", rows.len());
    println!(
        "fixed                 {}",
        rows.iter().filter(|r| r.1).count()
    );
    println!(
        "not at a fixed point  {}",
        rows.iter().filter(|r| r.2).count()
    );
    if list {
        for (name, _, moving) in &rows {
            if *moving {
                println!("moving\t{name}");
            }
        }
    }
    println!("{:.1} s", started.elapsed().as_secs_f64());
    if rows.iter().any(|r| r.2) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One file formatted once and twice, for reading a refusal.
fn show(path: &Path) -> ExitCode {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {}", path.display());
        return ExitCode::from(2);
    };
    println!(
        "=== full\n{}",
        unlsp_analysis::fmt::full_format_unchecked(&text, None)
    );
    let once = unlsp_analysis::fmt::format_once(&text, None);
    match &once {
        Ok(o) => {
            println!("=== once\n{o}");
            match unlsp_analysis::fmt::format_once(o, None) {
                Ok(t) => println!("=== twice{}\n{t}", if &t == o { " (same)" } else { "" }),
                Err(e) => println!("=== twice refused: {e}"),
            }
        }
        Err(e) => println!("=== once refused: {e}"),
    }
    ExitCode::SUCCESS
}
