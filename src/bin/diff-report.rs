//! The `unlsp diff` sweep: synthetic versions of every resolution of GA
//! sessions 79 (tuned on) and 80 (measured) in the six languages (the UN's
//! AKN rendered as text, and the English PDF texts), compared with their
//! originals; planted changes found, changes reported that were not
//! planted; then the real draft → adopted pairs of session 80.
//!
//! ```text
//! cargo run --profile fast --bin diff-report                # everything
//! cargo run --profile fast --bin diff-report -- --every 5 --list
//! cargo run --profile fast --bin diff-report -- --pairs      # the real pairs only
//! ```

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use unlsp::conformance::{self, Half, render};
use unlsp::synthetic::{self, Expected};
use unlsp_analysis::align::Work;
use unlsp_analysis::diff::{self, ChangeKind, Comparison};
use unlsp_formats::akn::read;
use unlsp_syntax::tree::NodeKind;
use unlsp_syntax::{Document, Lang};

#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    corpus: conformance::CorpusArgs,
    /// List the misses and spurious changes of the tuned half.
    #[arg(long)]
    list: bool,
    /// Write one resolution's synthetic version (`NAME` of the AKN or PDF
    /// file, `--group` its language) to /tmp/diff-old.txt and
    /// /tmp/diff-new.txt and print its expected changes.
    #[arg(long)]
    show: Option<String>,
    #[arg(long, default_value = "en")]
    group: String,
    /// Only the real draft → adopted pairs.
    #[arg(long)]
    pairs: bool,
}

/// One resolution's outcome.
struct Outcome {
    half: Half,
    group: String,
    name: String,
    edits: usize,
    expected: usize,
    /// The planted changes.
    planted: Vec<Expected>,
    found: usize,
    missed: Vec<Expected>,
    spurious: Vec<Expected>,
}

fn akn_text(path: &Path) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    let mut xml = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut xml)
        .ok()?;
    Some(render::render(
        &read::parse(&xml).ok()?,
        render::Shape::Clean,
    ))
}

fn compare(a: &str, b: &str, lang: Option<Lang>) -> Comparison {
    let (da, db) = (Document::with_lang(a, lang), Document::with_lang(b, lang));
    diff::compare(
        (da.text(), da.tree()),
        (db.text(), db.tree()),
        &mut Work::new(),
    )
}

fn run_one(half: Half, group: &str, name: &str, text: &str, donor: &str) -> Option<Outcome> {
    let lang = Lang::from_code(group);
    let p = synthetic::plant(text, lang, synthetic::seed_of(name), donor)?;
    let got = synthetic::reported(&compare(text, &p.text, lang));
    let (found, missed, spurious) = synthetic::score(&p.expected, &got);
    Some(Outcome {
        half,
        group: group.to_string(),
        name: name.to_string(),
        edits: p.edits,
        expected: p.expected.len(),
        planted: p.expected,
        found,
        missed,
        spurious,
    })
}

/// (half, group, name, text) of every resolution: AKN in six languages and
/// the English PDF texts.
fn inputs(root: &Path, every: usize) -> Vec<Input> {
    let mut v: Vec<Input> = conformance::corpus(&root.join("akn"), every, &[])
        .into_par_iter()
        .filter(|e| e.name.starts_with("A_RES_"))
        .filter_map(|e| Some((e.half, e.lang.clone(), e.name.clone(), akn_text(&e.path)?)))
        .collect();
    let mut pdf: Vec<_> = std::fs::read_dir(root.join("texts/en"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    pdf.sort();
    for (k, p) in pdf.iter().enumerate() {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if k % every == 0
            && let Some(half) = Half::of(&name).filter(|_| name.starts_with("A_RES_"))
            && let Ok(t) = std::fs::read_to_string(p)
        {
            v.push((half, "en-pdf".into(), name, t));
        }
    }
    v
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let root = args.corpus.corpus();
    if args.pairs {
        pairs(&root);
        return;
    }
    let all = inputs(&root, args.corpus.every());
    if let Some(name) = &args.show {
        show(&all, name, &args.group);
        return;
    }
    // the donor of an inserted paragraph: the next resolution of the group
    let outcomes: Vec<Outcome> = (0..all.len())
        .into_par_iter()
        .filter_map(|k| {
            let (half, group, name, text) = &all[k];
            let donor = donor(&all, k)?;
            let lang = if group == "en-pdf" { "en" } else { group };
            run_one(*half, lang, name, text, &donor.3).map(|mut o| {
                o.group = group.clone();
                o
            })
        })
        .collect();
    println!(
        "skipped (too few paragraphs or nothing to edit): {}",
        all.len() - outcomes.len()
    );
    table(&outcomes);
    by_unit(&outcomes);
    if args.list {
        for o in outcomes.iter().filter(|o| o.half == Half::Tune) {
            for m in &o.missed {
                println!(
                    "missed  {} {} {:?} {} {:?}",
                    o.group, o.name, m.kind, m.unit, m.old
                );
            }
            for s in &o.spurious {
                println!(
                    "spurious {} {} {:?} {} {:?}",
                    o.group, o.name, s.kind, s.unit, s.old
                );
            }
        }
    }
    pairs(&root);
}

type Input = (Half, String, String, String);

/// The donor of an inserted paragraph: the resolution half its group away
/// (another subject, the same language).
fn donor(all: &[Input], k: usize) -> Option<&Input> {
    let group: Vec<usize> = (0..all.len()).filter(|&d| all[d].1 == all[k].1).collect();
    let at = group.iter().position(|&d| d == k)?;
    group
        .get((at + group.len() / 2) % group.len())
        .filter(|&&d| d != k)
        .map(|&d| &all[d])
}

fn show(all: &[Input], name: &str, group: &str) {
    let Some(k) = all.iter().position(|o| o.2 == name && o.1 == group) else {
        eprintln!("no {name} in {group}");
        return;
    };
    let donor = donor(all, k).map_or("", |o| o.3.as_str());
    let lang = Lang::from_code(if group == "en-pdf" { "en" } else { group });
    let Some(p) = synthetic::plant(&all[k].3, lang, synthetic::seed_of(name), donor) else {
        eprintln!("nothing planted");
        return;
    };
    let _ = std::fs::write("/tmp/diff-old.txt", &all[k].3);
    let _ = std::fs::write("/tmp/diff-new.txt", &p.text);
    for e in &p.expected {
        println!("expected {:?} {} {:?}", e.kind, e.unit, e.old);
    }
}

fn table(outcomes: &[Outcome]) {
    let mut by: BTreeMap<(Half, String), [usize; 6]> = BTreeMap::new();
    for o in outcomes {
        for key in [(o.half, o.group.clone()), (o.half, "all".to_string())] {
            let r = by.entry(key).or_default();
            r[0] += 1;
            r[1] += o.edits;
            r[2] += o.expected;
            r[3] += o.found;
            r[4] += o.spurious.len();
            r[5] += usize::from(o.missed.is_empty() && o.spurious.is_empty());
        }
    }
    println!(
        "\n| half | language | resolutions | edits | expected changes | found | % | spurious | exact lists |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for ((half, group), r) in &by {
        println!(
            "| {} | {group} | {} | {} | {} | {} | {:.2} | {} | {} |",
            half.name(),
            r[0],
            r[1],
            r[2],
            r[3],
            100.0 * r[3] as f64 / r[2].max(1) as f64,
            r[4],
            r[5]
        );
    }
}

/// Planted changes found and spurious ones by the outline's kind of the
/// unit (the title, section headings, footnotes, paragraphs), per half.
fn by_unit(outcomes: &[Outcome]) {
    let mut by: BTreeMap<(Half, &'static str), [usize; 3]> = BTreeMap::new();
    for o in outcomes {
        for e in &o.planted {
            by.entry((o.half, e.unit)).or_default()[0] += 1;
        }
        for e in &o.missed {
            by.entry((o.half, e.unit)).or_default()[1] += 1;
        }
        for e in &o.spurious {
            by.entry((o.half, e.unit)).or_default()[2] += 1;
        }
    }
    println!("\n| half | unit | expected changes | found | % | spurious |");
    println!("|---|---|---|---|---|---|");
    for ((half, unit), [n, missed, spurious]) in &by {
        println!(
            "| {} | {unit} | {n} | {} | {:.2} | {spurious} |",
            half.name(),
            n - missed,
            100.0 * (n - missed) as f64 / (*n).max(1) as f64
        );
    }
}

/// The real draft → adopted pairs: what changed, by kind.
fn pairs(root: &Path) {
    let pairs = synthetic::real_pairs(root);
    println!("\nReal pairs (GA 80 draft → adopted): {}\n", pairs.len());
    println!(
        "| draft | adopted | added | deleted | moved | renumbered | changed | split | merged | words | title | headings | footnotes |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut total = [0usize; 11];
    for p in &pairs {
        let (Ok(a), Ok(b)) = (
            std::fs::read_to_string(&p.draft),
            std::fs::read_to_string(&p.adopted),
        ) else {
            continue;
        };
        let c = compare(&a, &b, Some(Lang::En));
        let n = c.counts();
        let words: usize = c.changes().map(|e| diff::words_changed(&e.words)).sum();
        let name = |q: &Path| {
            q.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string()
        };
        print!("| {} | {} |", name(&p.draft), name(&p.adopted));
        for (k, x) in n.iter().enumerate() {
            print!(" {x} |");
            total[k] += x;
        }
        print!(" {words} |");
        total[7] += words;
        // of the changes, those of the title, the headings, the footnotes
        for (k, kinds) in [
            &[NodeKind::Title][..],
            &[NodeKind::Section, NodeKind::Annex],
            &[NodeKind::Footnote],
        ]
        .iter()
        .enumerate()
        {
            let n = c
                .changes()
                .filter(|e| {
                    let p = match (e.new.first(), e.old.first()) {
                        (Some(&j), _) => &c.new[j],
                        (None, Some(&i)) => &c.old[i],
                        _ => return false,
                    };
                    kinds.contains(&p.kind)
                })
                .count();
            print!(" {n} |");
            total[8 + k] += n;
        }
        println!();
    }
    print!("| **all** | {} |", pairs.len());
    for x in total {
        print!(" {x} |");
    }
    println!();
    let _ = ChangeKind::ALL;
}
