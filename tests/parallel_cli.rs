//! `unlsp parallel` end to end: human and JSON output (snapshots), the JSON
//! valid against `schemas/parallel.schema.json`, exit statuses.
//!
//! Fixtures (`tests/fixtures/parallel/`, real text): GA 62/57 in English and
//! Chinese (seeds 001 and 000), a Chinese copy with planted differences
//! (`61/100` cited as `61/99`; paragraph 12 left out and 13 renumbered 12),
//! and the two bilingual pages of `corpus/pages` (GA 2758 (XXVI) en-zh, the
//! draft A/AC.109/2019/L.18 en-ar, cut by its source inside the third
//! preambular paragraph before the Arabic of that paragraph).

use std::path::Path;
use std::process::Command;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parallel")
}

/// Run in the fixture folder so that paths in the output are stable.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .current_dir(dir())
        .arg("parallel")
        .args(args)
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
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/parallel.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v
        .iter_errors(json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn planted_differences_human() {
    let (code, out, err) = run(&["62-57.en.txt", "62-57.zh-planted.txt"]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("parallel_planted_human", out);
}

#[test]
fn planted_differences_json_matches_schema() {
    let (code, out, err) = run(&["62-57.en.txt", "62-57.zh-planted.txt", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    assert_eq!(json["agree"], false);
    let kinds: Vec<&str> = json["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["citations", "footnotes", "missing_paragraph", "numbering"]
    );
    insta::assert_snapshot!("parallel_planted_json", out);
}

/// `unlsp.toml` sets each code's severity or turns it off, and `--select` /
/// `--ignore` choose codes as they choose rules in `check`.
#[test]
fn unlsp_toml_and_select_set_the_differences_reported() {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["62-57.en.txt", "62-57.zh-planted.txt"] {
        std::fs::copy(dir().join(f), tmp.path().join(f)).unwrap();
    }
    std::fs::write(
        tmp.path().join("unlsp.toml"),
        "[rules]\nUNP05 = \"warning\"\nunp09 = \"off\"\n",
    )
    .unwrap();
    let run_in = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
            .current_dir(tmp.path())
            .args([
                "parallel",
                "62-57.en.txt",
                "62-57.zh-planted.txt",
                "--format",
                "json",
            ])
            .args(extra)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        (out.status.code(), json)
    };
    let (code, json) = run_in(&[]);
    assert_eq!(code, Some(1));
    validate(&json);
    let found: Vec<(&str, &str)> = json["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("UNP05", "warning"),
            ("UNP01", "information"),
            ("UNP03", "information")
        ]
    );
    let (code, json) = run_in(&["--select", "UNP01"]);
    assert_eq!(code, Some(1));
    assert_eq!(json["differences"].as_array().unwrap().len(), 1);
    let (code, _) = run_in(&["--ignore", "UNP"]);
    assert_eq!(code, Some(0));
    let (code, _) = run_in(&["--select", "UNP99"]);
    assert_eq!(code, Some(2));
}

#[test]
fn the_seed_versions_differ_only_by_a_footnote_marker() {
    // seed 001 keeps the PDF's footnote marker 6 (`mines;6`), seed 000 has none
    let (code, out, _) = run(&["62-57.en.txt", "62-57.zh.txt", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    let d = json["differences"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["code"], "UNP09");
    let v = json["versions"].as_array().unwrap();
    for x in v {
        assert_eq!(
            (x["preambular"].as_u64(), x["operative"].as_u64()),
            (Some(6), Some(13))
        );
        assert_eq!(x["cited"], serde_json::json!(["61/100"]));
        assert_eq!(x["number"], "62/57");
    }
}

#[test]
fn bilingual_pages() {
    // en-zh: the two versions agree
    let (code, out, err) = run(&["A_RES_2758_XXVI.bitext-en-zh.txt"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.ends_with("2 versions compared (en, zh): they agree\n"),
        "{out}"
    );
    let (code, out, _) = run(&["A_RES_2758_XXVI.bitext-en-zh.txt", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    validate(&json);
    assert_eq!(json["versions"][1]["part"], "zh");
    // en-ar: the page ends before the Arabic of the third paragraph
    let (code, out, _) = run(&["A_AC.109_2019_L.18.bitext-en-ar.txt"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("parallel_bitext_en_ar_human", out);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (code, _, err) = run(&["62-57.en.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs two versions"), "{err}");
    let (code, _, err) = run(&["62-57.en.txt", "no-such-file.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.txt"), "{err}");
    let (code, _, _) = run(&["62-57.en.txt", "62-57.zh.txt", "--lang", "xx"]);
    assert_eq!(code, 2);
}
