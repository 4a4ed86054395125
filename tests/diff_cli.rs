//! `unlsp diff` end to end: exit statuses, the JSON valid against
//! `schemas/diff.schema.json`, the compilation formats, real draft →
//! adopted pairs of GA session 80, and a sample of the synthetic sweep
//! (`src/bin/diff-report.rs` runs it in full): GA 79 resolutions in six
//! languages (the UN's AKN), with planted deletions, insertions, merges,
//! word edits, moves, splits and renumbering.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use unlsp::conformance::{self, Half, render};
use unlsp::synthetic;
use unlsp_analysis::align::Work;
use unlsp_analysis::diff;
use unlsp_formats::akn::read;
use unlsp_syntax::{Document, Lang};

fn run(args: &[&Path], extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .arg("diff")
        .args(args)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn validate(json: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(unlsp_corpus::repo("schemas/diff.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v
        .iter_errors(json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

fn texts() -> Option<PathBuf> {
    unlsp_corpus::shared("corpus/texts/en")
}

#[test]
fn exit_statuses() {
    let a = unlsp_corpus::repo("examples/A_RES_62_57.txt");
    let (code, out, _) = run(&[&a, &a], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("the same in substance"), "{out}");
    let missing = unlsp_corpus::repo("examples/no-such-file.txt");
    let (code, _, err) = run(&[&a, &missing], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.txt"), "{err}");
    let (code, _, err) = run(&[&a], &["--revisions"]);
    assert_eq!(code, 2);
    assert!(err.contains("`--revisions` needs a .docx"), "{err}");
}

/// The tracked changes of a Word document (made by Pandoc from insertion and
/// deletion spans, `scripts/docx-fixtures.py`) reported as a comparison of
/// the text before them with the text after: the two paragraphs they touch,
/// with the words deleted and inserted.
#[test]
fn tracked_changes_of_a_word_document() {
    let f = unlsp_corpus::repo("tests/fixtures/docx/tracked.en.docx");
    let (code, out, err) = run(&[&f], &["--revisions", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{out}");
    assert!(changes.iter().all(|c| c["kind"] == "changed"), "{out}");
    let words = |op: &str| -> Vec<String> {
        changes
            .iter()
            .flat_map(|c| c["words"].as_array().unwrap().iter())
            .filter(|w| w["op"] == op)
            .map(|w| w["text"].as_str().unwrap().trim().to_string())
            .collect()
    };
    assert!(words("delete").contains(&"and".to_string()), "{out}");
    assert!(
        words("insert").iter().any(|w| w.contains("as well as")),
        "{out}"
    );
}

/// A committee draft and the resolution adopted from it: one paragraph
/// added at the end, `Welcoming` become `Noting`, the JSON valid.
#[test]
fn a_real_draft_and_its_resolution() {
    let Some(t) = texts() else { return };
    let (draft, adopted) = (t.join("A_C.2_80_L.10.txt"), t.join("A_RES_80_120.txt"));
    let (code, out, err) = run(&[&draft, &adopted], &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    assert_eq!(json["summary"]["added"], 1);
    assert_eq!(json["summary"]["deleted"], 0);
    let changes = json["changes"].as_array().unwrap();
    let added = changes.iter().find(|c| c["kind"] == "added").unwrap();
    assert_eq!(added["new"][0]["kind"], "operative");
    assert_eq!(
        added["new"][0]["label"]
            .as_str()
            .map(|l| l.trim_end_matches('.')),
        Some("9")
    );
    let welcoming = changes
        .iter()
        .find(|c| {
            c["words"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["op"] == "delete" && w["text"] == "Welcoming")
        })
        .expect("Welcoming deleted");
    assert_eq!(welcoming["kind"], "changed");
    assert_eq!(welcoming["old"][0]["kind"], "preambular");
    assert!(
        welcoming["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["op"] == "insert" && w["text"] == "Noting")
    );
}

/// Drafts adopted without a change of substance: re-wrapped, other page
/// furniture and footnote placement, the same in substance.
#[test]
fn drafts_adopted_as_they_stood_are_the_same() {
    let Some(t) = texts() else { return };
    for (d, r) in [
        ("A_80_L.10", "A_RES_80_8"),
        ("A_80_L.12", "A_RES_80_73"),
        ("A_C.1_80_L.10", "A_RES_80_13"),
    ] {
        let (code, out, err) = run(
            &[&t.join(format!("{d}.txt")), &t.join(format!("{r}.txt"))],
            &[],
        );
        assert_eq!(code, 0, "{d} → {r}: {out}{err}");
    }
}

/// A paragraph deleted, the rest renumbered: one deletion and one
/// `renumbered` entry per paragraph; Markdown and HTML mark them.
#[test]
fn deletion_and_renumbering_in_every_format() {
    let Some(t) = texts() else { return };
    let (draft, adopted) = (t.join("A_C.3_80_L.13.txt"), t.join("A_RES_80_183.txt"));
    let (code, out, _) = run(&[&draft, &adopted], &["--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    assert_eq!(json["summary"]["deleted"], 1);
    assert_eq!(json["summary"]["renumbered"], 19);
    // where the deleted paragraph stood: after operative paragraph 22 of the new text
    // (editors put its diagnostic there)
    let deleted = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "deleted")
        .unwrap();
    assert_eq!(deleted["old"][0]["label"], "23");
    assert_eq!(deleted["after"][0]["kind"], "operative");
    assert_eq!(deleted["after"][0]["label"], "22", "{deleted}");
    let (_, md, _) = run(&[&draft, &adopted], &["--format", "markdown"]);
    assert!(
        md.contains("~~Invites Member States to promote public awareness"),
        "{md}"
    );
    assert!(md.contains("**Invites**"), "{md}");
    assert!(md.contains("24 \\[25\\]"), "renumbering as `new [old]`");
    let (_, html, _) = run(&[&draft, &adopted], &["--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<del>Invites Member States to promote public awareness"));
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "self-contained"
    );
    assert!(html.contains("@media print"));
}

fn akn_text(path: &Path) -> Option<String> {
    let mut xml = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).ok()?)
        .read_to_string(&mut xml)
        .ok()?;
    Some(render::render(
        &read::parse(&xml).ok()?,
        render::Shape::Clean,
    ))
}

/// A sample of the synthetic sweep on the tuned half: at least 99% of the
/// planted changes reported as planted, at most 1% reported beyond them.
#[test]
fn synthetic_versions_in_six_languages() {
    let Some(akn_dir) = unlsp_corpus::shared("corpus/akn") else {
        return;
    };
    let entries: Vec<_> = conformance::corpus(&akn_dir, 12, &[])
        .into_iter()
        .filter(|e| e.half == Half::Tune && e.name.starts_with("A_RES_"))
        .collect();
    let texts: Vec<(String, String, String)> = entries
        .iter()
        .filter_map(|e| Some((e.lang.clone(), e.name.clone(), akn_text(&e.path)?)))
        .collect();
    let (mut expected, mut found, mut spurious, mut langs) =
        (0, 0, 0, std::collections::BTreeSet::new());
    for (lang, name, text) in &texts {
        let same: Vec<&(String, String, String)> = texts.iter().filter(|o| &o.0 == lang).collect();
        let at = same.iter().position(|o| o.1 == *name).unwrap();
        let donor = &same[(at + same.len() / 2) % same.len()].2;
        let l = Lang::from_code(lang);
        let Some(p) = synthetic::plant(text, l, synthetic::seed_of(name), donor) else {
            continue;
        };
        let (a, b) = (
            Document::with_lang(text, l),
            Document::with_lang(&p.text, l),
        );
        let c = diff::compare((a.text(), a.tree()), (b.text(), b.tree()), &mut Work::new());
        let (f, missed, extra) = synthetic::score(&p.expected, &synthetic::reported(&c));
        if !missed.is_empty() || !extra.is_empty() {
            eprintln!("{lang} {name}: missed {missed:?}, spurious {extra:?}");
        }
        expected += p.expected.len();
        found += f;
        spurious += extra.len();
        langs.insert(lang.clone());
    }
    assert_eq!(langs.len(), 6, "{langs:?}");
    assert!(expected > 500, "{expected}");
    assert!(
        found as f64 >= 0.99 * expected as f64,
        "{found} of {expected}"
    );
    assert!(
        spurious as f64 <= 0.01 * expected as f64,
        "{spurious} spurious of {expected}"
    );
}

/// Files LibreOffice made from GA 79/100 in six languages
/// (`scripts/docx-fixtures.py`): its compare (`.uno:CompareDocuments`) with
/// an edited version, and a paragraph mark deleted with Track Changes on.
/// The planted edits come back from the tracked changes: a phrase inserted
/// into operative paragraph 2, words deleted from 3, 4 and 5 merged into
/// 4, the twelve after them renumbered (by Word's numbering: the Arabic
/// files write their numbers as text, which the edits leave as they were).
#[test]
fn tracked_changes_of_libreoffice_files() {
    // the phrase each edited version inserts, as scripts/docx-fixtures.py wrote it
    let table = std::fs::read_to_string(unlsp_corpus::repo(
        "tests/fixtures/docx/libreoffice/inserted.tsv",
    ))
    .unwrap();
    for (lang, phrase) in table.lines().filter_map(|l| l.split_once('\t')) {
        for (file, edits) in [("compared", true), ("joined", false)] {
            let f = unlsp_corpus::repo(&format!(
                "tests/fixtures/docx/libreoffice/{file}.{lang}.docx"
            ));
            let (code, out, err) = run(&[&f], &["--revisions", "--format", "json"]);
            assert_eq!(code, 1, "{file}.{lang}: {err}");
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            validate(&json);
            let changes = json["changes"].as_array().unwrap();
            let of = |kind: &str| -> Vec<&serde_json::Value> {
                changes.iter().filter(|c| c["kind"] == kind).collect()
            };
            let labels = |c: &serde_json::Value, side: &str| -> Vec<String> {
                c[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n["label"].as_str().unwrap_or("").to_string())
                    .collect()
            };
            let merged = of("merged");
            assert_eq!(merged.len(), 1, "{file}.{lang}: {out}");
            assert_eq!(labels(merged[0], "old"), ["4", "5"], "{file}.{lang}");
            assert_eq!(labels(merged[0], "new"), ["4"], "{file}.{lang}");
            let renumbered = if lang == "ar" { 0 } else { 12 };
            assert_eq!(of("renumbered").len(), renumbered, "{file}.{lang}");
            let changed = of("changed");
            if !edits {
                assert!(changed.is_empty(), "{file}.{lang}: {out}");
                continue;
            }
            let words = |c: &serde_json::Value, op: &str| -> String {
                c["words"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|w| w["op"] == op)
                    .map(|w| w["text"].as_str().unwrap())
                    .collect()
            };
            let two = changed.iter().find(|c| labels(c, "new") == ["2"]).unwrap();
            assert!(words(two, "insert").contains(phrase), "{lang}: {two}");
            let three = changed.iter().find(|c| labels(c, "new") == ["3"]).unwrap();
            assert!(
                words(three, "delete").chars().count() > 10,
                "{lang}: {three}"
            );
        }
    }
}

/// A version of `name` (a GA 80 resolution's English text) with `edits`
/// made, each once, written to a temporary file of its own (`tag`: tests
/// run in parallel).
fn edited(name: &str, tag: &str, edits: &[(&str, &str)]) -> Option<(PathBuf, PathBuf)> {
    let old = texts()?.join(name);
    let mut t = std::fs::read_to_string(&old).unwrap();
    for (a, b) in edits {
        assert!(t.contains(a), "{a:?} not in {name}");
        t = t.replacen(a, b, 1);
    }
    let new = std::env::temp_dir().join(format!("unlsp-diff-{}-{tag}-{name}", std::process::id()));
    std::fs::write(&new, t).unwrap();
    Some((old, new))
}

fn json_of(old: &Path, new: &Path) -> serde_json::Value {
    let (code, out, err) = run(&[old, new], &["--format", "json"]);
    assert!(code <= 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    json
}

fn kinds_of(json: &serde_json::Value) -> Vec<(String, String)> {
    json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let side = if c["new"][0].is_null() {
                &c["old"]
            } else {
                &c["new"]
            };
            (
                c["kind"].as_str().unwrap().to_string(),
                side[0]["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The title reworded (with the running headers that repeat it) and a
/// footnote's words changed: a `title` and a `footnote` entry, the words
/// marked in every format; the exit status counts them.
#[test]
fn a_changed_title_and_footnote() {
    let title = "Unilateral economic measures as a means of political";
    let new_title = "Unilateral economic and financial measures as a means of political";
    let Some((old, new)) = edited(
        "A_RES_80_120.txt",
        "title",
        &[
            (&format!("80/120. {title}"), &format!("80/120. {new_title}")),
            (&format!("\n{title}"), &format!("\n{new_title}")),
            (&format!("\n{title}"), &format!("\n{new_title}")),
            (
                "1 Resolution 2625 (XXV), annex.",
                "1 Resolution 2625 (XXV), annex, para. 3.",
            ),
        ],
    ) else {
        return;
    };
    let json = json_of(&old, &new);
    assert_eq!(
        kinds_of(&json),
        [
            ("changed".into(), "title".into()),
            ("changed".into(), "footnote".into())
        ],
        "{json:#}"
    );
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes[0]["message"], "the title changed (2 words)");
    assert_eq!(changes[1]["new"][0]["label"], "1");
    assert!(
        changes[1]["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["op"] == "insert" && w["text"] == ", para. 3"),
        "{json:#}"
    );
    let (code, human, _) = run(&[&old, &new], &[]);
    assert_eq!(code, 1);
    assert!(
        human.contains("(of which the title changed, 1 footnote changed)"),
        "{human}"
    );
    let (_, md, _) = run(&[&old, &new], &["--format", "markdown"]);
    assert!(
        md.contains("## Unilateral economic **and financial** measures"),
        "{md}"
    );
    assert!(
        md.contains("---\n\n1 Resolution 2625 (XXV), annex**, para. 3**."),
        "{md}"
    );
    let (_, html, _) = run(&[&old, &new], &["--format", "html"]);
    assert!(
        html.contains("<div class=\"para changed heading title\">"),
        "{html}"
    );
    assert!(html.contains("<ins>and financial </ins>measures"), "{html}");
    assert!(html.contains("<hr class=\"notes\">"), "{html}");
    assert!(html.contains("annex<ins>, para. 3</ins>."), "{html}");
    let _ = std::fs::remove_file(new);
}

/// The first footnote deleted with its marker, the others renumbered: one
/// deleted footnote, no renumbering reported (footnote numbers are the
/// page's, not the negotiators').
#[test]
fn a_deleted_footnote_renumbers_the_others_silently() {
    let Some((old, new)) = edited(
        "A_RES_80_120.txt",
        "footnote",
        &[
            ("United Nations,1 which", "United Nations, which"),
            ("1 Resolution 2625 (XXV), annex. \n", ""),
            ("Development,2 \n", "Development,1 \n"),
            ("2 Resolution 70/1.", "1 Resolution 70/1."),
            ("Secretary-General;3", "Secretary-General;2"),
            ("3 A/80/415.", "2 A/80/415."),
            ("2021,4 in which", "2021,3 in which"),
            ("4 TD/541/Add.2.", "3 TD/541/Add.2."),
        ],
    ) else {
        return;
    };
    let json = json_of(&old, &new);
    // (the parser reads the `4` of `proclaimed 4 December` as a marker of
    // footnote 4 in the original, which has one: that paragraph differs)
    let notes: Vec<(String, String)> = kinds_of(&json)
        .into_iter()
        .filter(|(k, u)| u == "footnote" || k == "renumbered")
        .collect();
    assert_eq!(notes, [("deleted".into(), "footnote".into())], "{json:#}");
    let deleted = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["old"][0]["kind"] == "footnote")
        .unwrap();
    assert_eq!(deleted["old"][0]["label"], "1");
    let _ = std::fs::remove_file(new);
}

/// Section headings (GA 80 resolution on oceans and the law of the sea):
/// one renamed, one deleted with the paragraphs under it kept, one added;
/// the sections after the deleted one keep their numbers.
#[test]
fn headings_renamed_deleted_and_added() {
    let Some((old, new)) = edited(
        "A_RES_80_110.txt",
        "headings",
        &[
            (
                "II \nCapacity-building \n",
                "II \nCapacity-building and transfer of marine technology \n",
            ),
            ("III \nMeeting of States Parties \n \n", ""),
            ("\n \n360. ", "\n \nXVII \nFollow-up \n \n360. "),
        ],
    ) else {
        return;
    };
    let json = json_of(&old, &new);
    assert_eq!(
        kinds_of(&json),
        [
            ("changed".into(), "section".into()),
            ("deleted".into(), "section".into()),
            ("added".into(), "section".into()),
        ],
        "{json:#}"
    );
    let (_, human, _) = run(&[&old, &new], &[]);
    assert!(human.contains("section II changed (5 words)"), "{human}");
    assert!(human.contains("section III deleted"), "{human}");
    let _ = std::fs::remove_file(new);
}
