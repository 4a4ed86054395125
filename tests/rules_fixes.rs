//! Quick fixes on the rule fixtures of `tests/rules_fixtures.rs`.
//!
//! * UN020 and UN022: the fix of each failing fixture gives the real text it was
//!   made from (or, where the rule's guess is not what the real text says, the
//!   text with the guess written in).
//! * Every fix marked safe (`unlsp check --fix` applies those unreviewed), on
//!   every failing fixture: applied alone, it removes its diagnostic and makes
//!   no rule report more errors than before.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unlsp::cli::fix::apply_edits;
use unlsp_analysis::{self as analysis, Config, Diagnostic, Severity};
use unlsp_syntax::Document;

/// Safe fixes that misbehave on real text, in rule files owned elsewhere: the
/// fixing rule, the fixtures where it does, and why. The test checks that each
/// still does, so an entry has to go once its rule is fixed.
const KNOWN_UNSAFE: &[(&str, &[&str], &str)] = &[];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// A fixture without the `⟦…⟧` span markers.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(dir().join(name))
        .unwrap()
        .replace(['⟦', '⟧'], "")
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

fn errors_per_rule(ds: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for d in ds.iter().filter(|d| d.severity == Severity::Error) {
        *m.entry(d.code).or_default() += 1;
    }
    m
}

/// The one `code` diagnostic of a failing fixture, its fix applied.
fn fixed(name: &str, code: &str) -> (Diagnostic, String) {
    let text = fixture(name);
    let mut got: Vec<Diagnostic> = diagnostics(&text)
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(got.len(), 1, "{name}: {got:?}");
    let d = got.remove(0);
    let fix = d
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: no fix ({})", d.message));
    let out = apply_edits(&text, &fix.edits);
    assert!(
        diagnostics(&out).iter().all(|e| e.code != code),
        "{name}: {code} still fires after `{}`",
        fix.title
    );
    (d, out)
}

fn restores(name: &str, code: &str, safe: bool) {
    let (d, out) = fixed(name, code);
    let fix = d.fix.unwrap();
    assert_eq!(fix.safe, safe, "{name}: `{}`", fix.title);
    let pass = dir().join(name.replace("fail.txt", "pass.txt"));
    let pass = if pass.exists() {
        std::fs::read_to_string(pass).unwrap()
    } else {
        fixture(if name.contains("/zh.") {
            "base_zh.txt"
        } else {
            "base_en.txt"
        })
    };
    assert!(
        out == pass,
        "{name}: `{}` does not restore the real text",
        fix.title
    );
}

#[test]
fn un020_number_against_the_masthead_symbol_takes_the_symbol_number_for_review() {
    // A/RES/79/157 with `79/175.` before the title: either may be the typo
    restores("UN020/fail.txt", "UN020", false);
}

#[test]
fn un020_session_line_against_number_and_symbol_is_rewritten_safely() {
    // A/RES/79/157 and `79/157.` against `Seventy-eighth session`
    restores("UN020/2.fail.txt", "UN020", true);
}

#[test]
fn un020_chinese_session_line_against_number_and_adoption_date_is_rewritten() {
    // 62/47 adopted on 5 December 2007 (session 62) under `第六十三届会议`
    restores("UN020/zh.fail.txt", "UN020", true);
}

#[test]
fn un020_number_session_follows_the_line_when_the_adoption_date_backs_it() {
    // GA 62/57 without a masthead: `Sixty-second session` added, the number
    // made `61/57`; adopted on 5 December 2007, which is session 62
    let base = fixture("base_en.txt");
    let text = base.replacen("62/57.", "61/57.", 1).replacen(
        "Resolution adopted",
        "Sixty-second session\n\nResolution adopted",
        1,
    );
    assert_ne!(text, base);
    let d: Vec<Diagnostic> = diagnostics(&text)
        .into_iter()
        .filter(|d| d.code == "UN020")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    let fix = d[0].fix.as_ref().expect("a fix");
    assert!(!fix.safe);
    let out = apply_edits(&text, &fix.edits);
    assert_eq!(out, text.replacen("61/57.", "62/57.", 1));
}

#[test]
fn un022_agenda_of_a_past_session_takes_the_next_one() {
    // 62/57: `provisional agenda of its sixty-first session` → sixty-third
    restores("UN022/fail.txt", "UN022", false);
    restores("UN022/zh.fail.txt", "UN022", false);
}

#[test]
fn un022_keeps_the_line_break_of_a_hyphenated_ordinal() {
    // 78/143: `at its seventy-` / `seventh session` → `seventy-` / `ninth`
    restores("UN022/2.fail.txt", "UN022", false);
}

#[test]
fn un022_report_fix_writes_the_next_session_the_rule_computes() {
    // 78/226 really asks for a report at its seventy-eighth session (a
    // resumed part of the current one); the rule's guess is the next session,
    // which is why the fix is not safe
    let (d, out) = fixed("UN022/3.fail.txt", "UN022");
    assert!(!d.fix.unwrap().safe);
    let pass = fixture("UN022/3.pass.txt");
    assert_eq!(
        out,
        pass.replacen(
            "its seventy-eighth session a report",
            "its seventy-ninth session a report",
            1
        )
    );
}

#[test]
fn every_safe_fix_removes_its_diagnostic_and_adds_no_error() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .flat_map(|d| std::fs::read_dir(d).unwrap().flatten().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("fail.txt"))
        .collect();
    files.sort();
    let (mut tried, mut problems) = (0, Vec::new());
    let mut rules = std::collections::BTreeSet::new();
    let mut known = std::collections::BTreeSet::new();
    for f in &files {
        let name = f.strip_prefix(dir()).unwrap().to_string_lossy().to_string();
        let text = fixture(&name);
        let before = diagnostics(&text);
        let errors = errors_per_rule(&before);
        for d in &before {
            let Some(fix) = d.fix.as_ref().filter(|f| f.safe) else {
                continue;
            };
            tried += 1;
            rules.insert(d.code);
            let out = apply_edits(&text, &fix.edits);
            let after = diagnostics(&out);
            // the same defect, wherever the edit moved it
            let shift = out.len() as isize - text.len() as isize;
            let same = |e: &Diagnostic| {
                e.code == d.code
                    && e.message == d.message
                    && (e.range.start == d.range.start
                        || e.range.start as isize == d.range.start as isize + shift)
            };
            let mut wrong = Vec::new();
            if after.iter().any(same) {
                wrong.push(format!(
                    "{name}: {} `{}` leaves `{}`",
                    d.code, fix.title, d.message
                ));
            }
            for (code, n) in errors_per_rule(&after) {
                let was = errors.get(code).copied().unwrap_or(0);
                if n > was {
                    wrong.push(format!(
                        "{name}: {} `{}` makes {code} report {n} errors (was {was})",
                        d.code, fix.title
                    ));
                }
            }
            if wrong.is_empty() {
                continue;
            }
            match KNOWN_UNSAFE
                .iter()
                .find(|(c, files, _)| *c == d.code && files.contains(&name.as_str()))
            {
                Some(_) => {
                    known.insert((d.code, name.clone()));
                }
                None => problems.extend(wrong),
            }
        }
    }
    eprintln!(
        "{tried} safe fixes of {} rules applied: {rules:?}",
        rules.len()
    );
    for (code, files, why) in KNOWN_UNSAFE {
        for f in *files {
            if known.contains(&(*code, f.to_string())) {
                eprintln!("known: {code} on {f}: {why}");
            } else {
                problems.push(format!(
                    "{code} on {f} is listed in KNOWN_UNSAFE but behaves now: remove the entry"
                ));
            }
        }
    }
    assert!(tried > 0, "no safe fix on any failing fixture");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
