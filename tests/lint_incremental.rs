//! Incremental linting: after an edit only the changed
//! units and the document-wide rules run again.
//!
//! - Locality: every rule marked `Reach::Unit` gives on a whole document
//!   exactly the union of what it gives on trees cut down to parts of its
//!   units, and each diagnostic of a part starts in a unit of that part. This
//!   is what makes keeping old diagnostics of unchanged units correct. Run on
//!   the rule fixtures, the seeds, the examples and the corpus.
//! - Equality: after random edits on real documents, the incremental
//!   diagnostics equal a full check of the same text.
//!
//! `UNLSP_LOCALITY_REPORT=1` prints the document rules that were local on
//! every text as well (candidates for `Reach::Unit`).

use proptest::prelude::*;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;
use unlsp_analysis::incremental::{cut, unit_sigs};
use unlsp_analysis::{self as analysis, Config, Ctx, Diagnostic, Reach, RuleDef, Sink};
use unlsp_syntax::Document;

#[path = "corpus_support.rs"]
mod corpus_support;
use corpus_support::{files_under, par_map, root};

/// Texts with defects (fixtures, examples, seeds) and every `stride`-th
/// corpus text.
fn texts(stride: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    files_under(&root().join("tests/fixtures/rules"), &mut out);
    files_under(&root().join("examples"), &mut out);
    files_under(&unlsp_corpus::shared_root().join("seeds"), &mut out);
    files_under(&unlsp_corpus::shared_root().join("corpus/pages"), &mut out);
    let mut corpus = Vec::new();
    files_under(
        &unlsp_corpus::shared_root().join("corpus/texts"),
        &mut corpus,
    );
    out.extend(corpus.into_iter().step_by(stride));
    out
}

fn applies(r: &RuleDef, doc: &Document) -> bool {
    let t = doc.tree();
    r.scopes.contains(&t.kind) && (r.langs.is_empty() || r.langs.contains(&t.lang))
}

fn run(r: &RuleDef, text: &str, tree: &unlsp_syntax::tree::Tree) -> Vec<Diagnostic> {
    let mut sink = Sink::new(r.id, r.severity);
    (r.check)(&Ctx::new(text, tree), &mut sink);
    sink.out
}

/// `r` on a tree cut down to some units, as the incremental linter runs it.
fn run_cut(r: &RuleDef, text: &str, tree: &unlsp_syntax::tree::Tree) -> Vec<Diagnostic> {
    let mut sink = Sink::new(r.id, r.severity);
    (r.check)(&Ctx::for_units(text, tree), &mut sink);
    sink.out
}

fn key(d: &Diagnostic) -> String {
    format!("{:?}", d)
}

/// The unit holding `x` as the incremental linter attributes it: the last
/// unit starting at or before `x`, when `x` is not past its end.
fn owner(units: &[(Range<usize>, u64)], x: usize) -> Option<usize> {
    let i = units.partition_point(|(r, _)| r.start <= x);
    (i > 0 && x <= units[i - 1].0.end).then(|| i - 1)
}

/// Units grouped into chains of touching units (a diagnostic on a shared
/// boundary may belong to either): the linter keeps or rechecks a chain whole.
fn chains(units: &[(Range<usize>, u64)]) -> Vec<usize> {
    let mut id = Vec::with_capacity(units.len());
    let mut c = 0;
    for (i, (r, _)) in units.iter().enumerate() {
        if i > 0 && units[i - 1].0.end != r.start {
            c += 1;
        }
        id.push(c);
    }
    id
}

/// Why `r` is not local on `text`, if it is not.
fn locality(r: &RuleDef, text: &str, doc: &Document, parts: usize, seed: u64) -> Option<String> {
    let tree = doc.tree();
    let full = run(r, text, tree);
    let units = unit_sigs(tree);
    let chain = chains(&units);
    let group = |i: usize| {
        let mut h = (chain[i] as u64 ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
        (h % parts as u64) as usize
    };
    let mut union = Vec::new();
    for g in 0..parts {
        let keep: Vec<Range<usize>> = units
            .iter()
            .enumerate()
            .filter(|(i, _)| group(*i) == g)
            .map(|(_, (r, _))| r.clone())
            .collect();
        let small = cut(tree, &keep);
        let cut_run = if r.reach.is_unit(tree.lang) {
            run_cut
        } else {
            run
        };
        for d in cut_run(r, text, &small) {
            match owner(&units, d.range.start) {
                Some(i) if group(i) == g => {}
                o => {
                    return Some(format!(
                        "a diagnostic of part {g} starts outside it (owner {o:?}): {d:?}"
                    ));
                }
            }
            union.push(d);
        }
    }
    let a: BTreeSet<String> = full.iter().map(key).collect();
    let b: BTreeSet<String> = union.iter().map(key).collect();
    if a != b || full.len() != union.len() {
        let only_full: Vec<_> = a.difference(&b).take(2).collect();
        let only_cut: Vec<_> = b.difference(&a).take(2).collect();
        return Some(format!(
            "whole tree only: {only_full:?}; parts only: {only_cut:?}"
        ));
    }
    None
}

#[test]
fn unit_rules_are_local() {
    let stride = if std::env::var_os("UNLSP_LOCALITY_ALL").is_some() {
        1
    } else {
        7
    };
    let files = texts(stride);
    assert!(files.len() > 200, "{}", files.len());
    let rules = analysis::catalogue();
    let report = std::env::var_os("UNLSP_LOCALITY_REPORT").is_some();
    // (rule, unit reach in this text, why not local)
    let results: Vec<Vec<(usize, bool, String)>> = par_map(&files, |p| {
        let Ok(text) = std::fs::read_to_string(p) else {
            return Vec::new();
        };
        let doc = Document::new(&text);
        let mut bad = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            let unit = r.reach.is_unit(doc.tree().lang);
            if !applies(r, &doc) || (!unit && !report) {
                continue;
            }
            for (parts, seed) in [(2, 1), (3, 7), (5, 11)] {
                if let Some(why) = locality(r, &text, &doc, parts, seed) {
                    bad.push((i, unit, format!("{}: {why}", p.display())));
                    break;
                }
            }
        }
        bad
    });
    let mut fails: Vec<Vec<String>> = vec![Vec::new(); rules.len()];
    let mut wrong = Vec::new();
    for (i, unit, why) in results.into_iter().flatten() {
        if unit {
            wrong.push(format!("{}: {why}", rules[i].id));
        }
        fails[i].push(why);
    }
    for (r, f) in rules.iter().zip(&fails) {
        if report && r.reach != Reach::Unit {
            eprintln!(
                "{} {}",
                r.id,
                if f.is_empty() {
                    "local on every text".to_string()
                } else {
                    format!(
                        "not local ({} texts): {}",
                        f.len(),
                        f[0].chars().take(300).collect::<String>()
                    )
                }
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A config with every rule on, default-off ones too.
fn all_rules() -> Config {
    let mut cfg = Config::default();
    for r in analysis::catalogue() {
        cfg.overrides.insert(r.id.to_string(), Some(r.severity));
    }
    cfg
}

fn seed_texts() -> Vec<String> {
    let mut files = Vec::new();
    files_under(&unlsp_corpus::shared_root().join("seeds"), &mut files);
    files_under(&root().join("examples"), &mut files);
    let mut corpus = Vec::new();
    files_under(
        &unlsp_corpus::shared_root().join("corpus/texts/en"),
        &mut corpus,
    );
    files.extend(corpus.into_iter().step_by(97).take(12));
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| t.len() < 200_000)
        .collect()
}

/// One edit: at a fraction of the text, delete some bytes and insert a piece
/// that changes structure (punctuation, numbers, leads, CJK, breaks).
fn edit_strategy() -> impl Strategy<Value = (f64, usize, usize)> {
    (0.0f64..1.0, 0usize..40, 0usize..12)
}

const PIECES: &[&str] = &[
    ";",
    ",",
    ".",
    "\n",
    "\n\n",
    "5. ",
    "Also requests ",
    "Recalling ",
    "resolution 61/100 of 6 December 2006 ",
    "A /62/395",
    "（a）",
    "又请秘书长",
    "¹",
];

fn apply(doc: &mut Document, at: f64, del: usize, piece: usize) {
    let text = doc.text();
    let mut s = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (s + del).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let ins = if piece < PIECES.len() {
        PIECES[piece]
    } else {
        ""
    };
    doc.edit(s..e, ins);
}

/// Checks every edit against a full run; returns how many analyses reused
/// the previous one, and the units they checked again in all.
fn check_edits(text: &str, edits: &[(f64, usize, usize)], cfg: &Config) -> (usize, usize) {
    check_edits_shedding(text, edits, cfg, false)
}

/// [`check_edits`], the cache's memo shed before every analysis that reuses
/// it when `shed` (what the server does when the editor goes idle).
fn check_edits_shedding(
    text: &str,
    edits: &[(f64, usize, usize)],
    cfg: &Config,
    shed: bool,
) -> (usize, usize) {
    let mut reused = (0, 0);
    let mut doc = Document::new(text);
    let (_, mut cache) = analysis::check_incremental(doc.rope(), doc.text(), doc.tree(), cfg, None);
    for (n, &(at, del, piece)) in edits.iter().enumerate() {
        apply(&mut doc, at, del, piece);
        if shed && let Some(c) = cache.as_mut() {
            c.shed_memo();
        }
        let (inc, next) =
            analysis::check_incremental(doc.rope(), doc.text(), doc.tree(), cfg, cache.as_ref());
        let full = analysis::check_tree(doc.text(), doc.tree(), cfg);
        assert_eq!(
            inc.len(),
            full.len(),
            "edit {n} {:?}: incremental {inc:#?}\nfull {full:#?}",
            (at, del, piece)
        );
        for (a, b) in inc.iter().zip(&full) {
            assert_eq!(a, b, "edit {n} {:?}", (at, del, piece));
        }
        if let Some((checked, _)) = next.as_ref().and_then(|c| c.checked_units()) {
            reused.0 += 1;
            reused.1 += checked;
        }
        cache = next;
    }
    reused
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn incremental_diagnostics_equal_a_full_check(
        which in 0usize..1000,
        edits in proptest::collection::vec(edit_strategy(), 1..8),
    ) {
        static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let texts = TEXTS.get_or_init(seed_texts);
        let text = &texts[which % texts.len()];
        check_edits(text, &edits, &all_rules());
    }
}

/// Keystrokes through a whole resolution: each a one-character insertion
/// or deletion, every one checked against a full run.
#[test]
fn typing_through_a_resolution() {
    let text = include_str!("../examples/A_RES_62_57.txt");
    let mut edits = Vec::new();
    for k in 0..60 {
        let at = k as f64 / 60.0;
        edits.push((at, 0, k % PIECES.len()));
        edits.push((at, 1, PIECES.len()));
    }
    let (reused, checked) = check_edits(text, &edits, &all_rules());
    // most keystrokes reuse the analysis before them and check a few units
    assert!(
        reused * 10 >= edits.len() * 7,
        "{reused} of {}",
        edits.len()
    );
    assert!(checked <= reused * 6, "{checked} units for {reused} edits");
}

/// The same keystrokes with the cache's memo (per-node facts, the rules'
/// pattern caches) dropped before each analysis, as the server drops it at
/// idle: the same diagnostics as a full run, and still only the changed
/// units checked.
#[test]
fn typing_with_the_memo_shed_before_each_keystroke() {
    let text = include_str!("../examples/A_RES_62_57.txt");
    let mut edits = Vec::new();
    for k in 0..30 {
        let at = k as f64 / 30.0;
        edits.push((at, 0, k % PIECES.len()));
        edits.push((at, 1, PIECES.len()));
    }
    let (reused, checked) = check_edits_shedding(text, &edits, &all_rules(), true);
    assert!(
        reused * 10 >= edits.len() * 7,
        "{reused} of {}",
        edits.len()
    );
    assert!(checked <= reused * 6, "{checked} units for {reused} edits");
}

/// A text of more units than the incremental bound (a text of numbered
/// lines) is linted whole at each analysis and leaves no cache, with the
/// diagnostics of a full check; a resolution's size leaves one.
#[test]
fn a_text_of_more_units_than_the_bound_leaves_no_cache() {
    let cfg = Config::default();
    for (lines, cached) in [(1_000, true), (140_000, false)] {
        let doc = Document::new(&"1. Decides to remain seized of the matter;\n".repeat(lines));
        let (inc, cache) =
            analysis::check_incremental(doc.rope(), doc.text(), doc.tree(), &cfg, None);
        assert_eq!(cache.is_some(), cached, "{lines} lines");
        // (each UN008 carries the one renumbering of every paragraph: the
        // fixes are compared by their edits' count)
        let key = |d: &Diagnostic| {
            let fix = d.fix.as_ref().map(|f| f.edits.len());
            (d.code, d.range.clone(), d.message.clone(), fix)
        };
        let full = analysis::check_tree(doc.text(), doc.tree(), &cfg);
        assert!(
            inc.iter().map(key).eq(full.iter().map(key)),
            "{lines} lines"
        );
    }
}
