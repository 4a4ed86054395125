//! Every rule has a failing and a passing fixture of real text.
//!
//! Layout of `tests/fixtures/rules/`, one folder per rule (adding a case is
//! adding a file):
//!
//! * `<ID>/[<lang>.][<n>.]fail.txt` — one defect introduced into real text. The
//!   expected diagnostic span(s) are marked `⟦…⟧` (an empty `⟦⟧` marks an empty
//!   span); the markers are removed before checking. Rule `<ID>` must fire
//!   exactly at the marked spans, and no other rule may fire that does not
//!   fire on the passing text too (each other rule fires at most as often as there).
//! * `<ID>/[<lang>.][<n>.]pass.txt` — the real text the failing case was made from,
//!   when it is not one of the shared bases; `<ID>` must not fire on it.
//! * `base_en.txt` (GA 62/57) and `base_zh.txt` (GA 62/47 in Chinese) — the
//!   passing text of every failing fixture without its own `.pass.txt`.
//!
//! Every rule runs (default-off rules too). A fixture listed in
//! [`KNOWN_FAILURES`] documents a rule that misbehaves on real text in a file
//! owned elsewhere: the test prints it and checks that it still fails, so the
//! entry has to go once the rule is fixed. Seed 004 (a meeting report) is
//! UN085's failing case.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use unlsp_analysis::{self as analysis, Config, Diagnostic};
use unlsp_syntax::Document;

/// Fixtures whose rule misbehaves on real text, with the reason. Only for
/// rules in files this suite's authors do not own (`rules/citations.rs`).
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// Rules without a failing fixture, and why.
const NO_FIXTURE: &[(&str, &str)] = &[(
    "UN089",
    "compares the markup of an AKN file with the parse of its text: a text fixture has no markup (tests/cli_formats.rs checks it on the UN's files)",
)];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Every rule on, at its default severity.
fn all_rules() -> Config {
    let mut cfg = Config::default();
    for r in analysis::catalogue() {
        cfg.overrides.insert(r.id.to_string(), Some(r.severity));
    }
    cfg
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    analysis::check(&Document::new(text), &all_rules())
}

/// The text without its `⟦…⟧` markers, and the marked byte ranges.
fn strip_markers(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => spans.push(open.take().expect("`⟧` without `⟦`")..text.len()),
            _ => text.push(c),
        }
    }
    assert!(open.is_none(), "`⟦` without `⟧`");
    (text, spans)
}

fn show(text: &str, r: &Range<usize>) -> String {
    let line = text[..r.start].matches('\n').count() + 1;
    format!("line {line} {}..{} `{}`", r.start, r.end, &text[r.clone()])
}

fn code_counts(ds: &[Diagnostic], except: &str) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for d in ds.iter().filter(|d| d.code != except) {
        *m.entry(d.code).or_default() += 1;
    }
    m
}

/// What is wrong with one failing fixture (empty: it behaves).
fn check_fixture(id: &str, fail: &Path, pass: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let (text, spans) = strip_markers(&std::fs::read_to_string(fail).unwrap());
    let pass_text = std::fs::read_to_string(pass).unwrap();
    if spans.is_empty() {
        problems.push("no `⟦…⟧` span marked".to_string());
    }
    let got = diagnostics(&text);
    let base = diagnostics(&pass_text);
    for d in base.iter().filter(|d| d.code == id) {
        problems.push(format!(
            "fires on the passing text {}: {} ({})",
            pass.file_name().unwrap().to_string_lossy(),
            show(&pass_text, &d.range),
            d.message
        ));
    }
    let fired: BTreeSet<(usize, usize)> = got
        .iter()
        .filter(|d| d.code == id)
        .map(|d| (d.range.start, d.range.end))
        .collect();
    let expected: BTreeSet<(usize, usize)> = spans.iter().map(|r| (r.start, r.end)).collect();
    for (s, e) in expected.difference(&fired) {
        problems.push(format!("did not fire at {}", show(&text, &(*s..*e))));
    }
    for (s, e) in fired.difference(&expected) {
        let msg = &got
            .iter()
            .find(|d| d.code == id && d.range == (*s..*e))
            .unwrap()
            .message;
        problems.push(format!(
            "fired at unmarked {} ({msg})",
            show(&text, &(*s..*e))
        ));
    }
    // another rule may fall silent (the defect hides what it saw), never fire more
    let (others, others_base) = (code_counts(&got, id), code_counts(&base, id));
    let more =
        |c: &str| others.get(c).copied().unwrap_or(0) > others_base.get(c).copied().unwrap_or(0);
    for d in got.iter().filter(|d| d.code != id && more(d.code)) {
        problems.push(format!(
            "other rule {} fires: {} ({})",
            d.code,
            show(&text, &d.range),
            d.message
        ));
    }
    problems
}

struct Fixture {
    name: String,
    id: String,
    zh: bool,
    fail: PathBuf,
    pass: PathBuf,
}

fn fixtures() -> Vec<Fixture> {
    let dir = dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .flat_map(|d| std::fs::read_dir(d).unwrap().flatten().map(|e| e.path()))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let id = f
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let file = f.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = file.strip_suffix("fail.txt") else {
            continue;
        };
        let zh = stem.split('.').any(|p| p == "zh");
        let own = f.with_file_name(format!("{stem}pass.txt"));
        let pass = if own.exists() {
            own
        } else {
            dir.join(if zh { "base_zh.txt" } else { "base_en.txt" })
        };
        out.push(Fixture {
            name: format!("{id}/{file}"),
            id,
            zh,
            fail: f,
            pass,
        });
    }
    out
}

#[test]
fn failing_fixtures_fire_at_their_span_and_passing_texts_stay_quiet() {
    let all = fixtures();
    let mut problems = Vec::new();
    let mut known = Vec::new();
    for fx in &all {
        assert!(
            analysis::rule(&fx.id).is_some(),
            "{}: no rule {}",
            fx.name,
            fx.id
        );
        let p = check_fixture(&fx.id, &fx.fail, &fx.pass);
        match KNOWN_FAILURES.iter().find(|(n, _)| *n == fx.name) {
            Some((_, why)) if !p.is_empty() => known.push(format!("{}: {why}\n    {p:?}", fx.name)),
            Some(_) => problems.push(format!(
                "{}: listed in KNOWN_FAILURES but passes now: remove the entry",
                fx.name
            )),
            None => problems.extend(p.into_iter().map(|m| format!("{}: {m}", fx.name))),
        }
    }
    for (n, _) in KNOWN_FAILURES {
        assert!(
            all.iter().any(|f| f.name == *n),
            "KNOWN_FAILURES names a missing fixture {n}"
        );
    }
    eprintln!(
        "{} failing fixtures, {} known failures:",
        all.len(),
        known.len()
    );
    for k in &known {
        eprintln!("  KNOWN FAILURE {k}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A passing text with no failing twin (`UN077/ar.pass.txt`: real text on
/// which the rule once fired falsely) stays quiet on its rule.
#[test]
fn passing_texts_without_a_failing_twin_stay_quiet() {
    let mut problems = Vec::new();
    let mut n = 0;
    for d in std::fs::read_dir(dir()).unwrap().flatten() {
        let id = d.file_name().to_string_lossy().to_string();
        if !d.path().is_dir() || analysis::rule(&id).is_none() {
            continue;
        }
        for f in std::fs::read_dir(d.path()).unwrap().flatten() {
            let file = f.file_name().to_string_lossy().to_string();
            let Some(stem) = file.strip_suffix("pass.txt") else {
                continue;
            };
            if f.path().with_file_name(format!("{stem}fail.txt")).exists() {
                continue;
            }
            n += 1;
            let text = std::fs::read_to_string(f.path()).unwrap();
            for d in diagnostics(&text).iter().filter(|d| d.code == id) {
                problems.push(format!(
                    "{id}/{file}: {}: {}",
                    show(&text, &d.range),
                    d.message
                ));
            }
        }
    }
    assert!(n > 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every rule of the catalogue has an English failing fixture; rules that
/// apply to Chinese are listed when they lack a Chinese one.
#[test]
fn every_rule_has_a_fixture() {
    use unlsp_syntax::lang::Lang;
    let all = fixtures();
    let mut missing = Vec::new();
    let mut missing_zh = Vec::new();
    for r in analysis::catalogue() {
        if NO_FIXTURE.iter().any(|(id, _)| *id == r.id) {
            continue;
        }
        let applies = |l: Lang| r.langs.is_empty() || r.langs.contains(&l);
        let has = |zh: bool| all.iter().any(|f| f.id == r.id && f.zh == zh);
        // UN085 is covered by seed 004 below
        if applies(Lang::En) && !has(false) && r.id != "UN085" {
            missing.push(r.id);
        }
        if applies(Lang::Zh) && !has(true) {
            missing_zh.push(r.id);
        }
    }
    for (id, why) in NO_FIXTURE {
        eprintln!("  no fixture {id}: {why}");
    }
    eprintln!(
        "rules applying to Chinese without a Chinese fixture ({}): {}",
        missing_zh.len(),
        missing_zh.join(" ")
    );
    assert!(
        missing.is_empty(),
        "rules without an English fixture: {missing:?}"
    );
}

#[test]
fn a_meeting_report_is_not_a_resolution() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Some(p) = std::fs::read_dir(&seeds).ok().and_then(|rd| {
        rd.flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains("004_"))
    }) else {
        eprintln!("seeds not found; skipped");
        return;
    };
    let codes: BTreeSet<_> = diagnostics(&std::fs::read_to_string(p).unwrap())
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.contains("UN085"));
    let base = diagnostics(&std::fs::read_to_string(dir().join("base_en.txt")).unwrap());
    assert!(!base.iter().any(|d| d.code == "UN085"));
}

/// UN009 names the defect it finds, the lone operative paragraph's number
/// (it used to say the paragraph was not numbered).
#[test]
fn un009_names_the_number_as_the_defect() {
    let marked = std::fs::read_to_string(dir().join("UN009/2.fail.txt")).unwrap();
    let (text, _) = strip_markers(&marked);
    let d = diagnostics(&text)
        .into_iter()
        .find(|d| d.code == "UN009")
        .expect("UN009 fires on `1. Decides …` alone");
    assert!(
        d.message.contains("is numbered") && !d.message.contains("not numbered"),
        "{}",
        d.message
    );
}

/// In a Markdown draft, `<!-- unlsp-disable-next UN010 -->`
/// before an operative paragraph silences UN010 on that paragraph and adds
/// nothing of its own (it used to be read as the end of the paragraph before
/// it: `operative paragraph ends with '>'`).
#[test]
fn an_inline_suppression_comment_suppresses_and_adds_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let md = std::fs::read_to_string(root.join("tests/fixtures/outline/A_RES_79_163_markdown.md"))
        .unwrap();
    let comment = "<!-- unlsp-disable-next UN010 -->\n";
    assert!(md.contains(comment));
    let without = md.replace(comment, "");
    let codes = |t: &str| code_counts(&diagnostics(t), "");
    // the comment adds nothing
    assert_eq!(codes(&md), codes(&without));
    assert!(
        diagnostics(&md).iter().all(|d| !d.message.contains('>')),
        "{:?}",
        diagnostics(&md)
    );
    // and it silences UN010 on the paragraph after it: the last operative
    // paragraph ending with `;` is flagged without the comment only
    let defect = |t: &str| {
        t.replace(
            "right to self-determination.\n",
            "right to self-determination;\n",
        )
    };
    let un010 = |t: &str| diagnostics(t).iter().filter(|d| d.code == "UN010").count();
    assert_eq!(un010(&defect(&without)), 1);
    assert_eq!(un010(&defect(&md)), 0);
}
