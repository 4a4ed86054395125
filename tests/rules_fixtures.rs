//! Every rule with a fixture: `tests/fixtures/rules/<ID>[.zh].fail.txt` must raise
//! that rule, and the passing texts (`base_en.txt`, an excerpt of GA 62/57;
//! `base_zh.txt`, of GA 62/47 in Chinese — the texts the failing fixtures are
//! mutated from) must not raise it. Seed 004 (a meeting report) is UN085's
//! failing case. Adding a case is adding a file.

use std::collections::BTreeSet;
use std::path::Path;
use unlsp::syntax::Document;

fn codes(text: &str) -> BTreeSet<&'static str> {
    unlsp::analysis::check(&Document::new(text), &Default::default())
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn failing_fixtures_fire_and_passing_texts_stay_quiet() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let base_en = codes(&std::fs::read_to_string(dir.join("base_en.txt")).unwrap());
    let base_zh = codes(&std::fs::read_to_string(dir.join("base_zh.txt")).unwrap());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut covered = 0;
    let mut problems = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let Some(id) = name
            .strip_suffix(".fail.txt")
            .map(|s| s.trim_end_matches(".zh"))
        else {
            continue;
        };
        assert!(unlsp::analysis::rule(id).is_some(), "{name}: no rule {id}");
        covered += 1;
        let got = codes(&std::fs::read_to_string(&f).unwrap());
        if !got.contains(id) {
            problems.push(format!("{name}: {id} did not fire (got {got:?})"));
        }
        let base = if name.contains(".zh.") {
            &base_zh
        } else {
            &base_en
        };
        if base.contains(id) {
            problems.push(format!("{name}: {id} fires on the passing text too"));
        }
    }
    assert!(covered >= 20, "only {covered} failing fixtures");
    assert!(problems.is_empty(), "{problems:#?}");
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
    assert!(codes(&std::fs::read_to_string(p).unwrap()).contains("UN085"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    assert!(!codes(&std::fs::read_to_string(dir.join("base_en.txt")).unwrap()).contains("UN085"));
}
