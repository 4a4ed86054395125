//! `unlsp check --format json` output is valid against `schemas/check.schema.json`,
//! sorted as the contract says, and exit codes follow the README.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_json_matches_schema_and_ordering() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/check.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let mut paths = vec![
        root().join("examples"),
        root().join("tests/fixtures/outline"),
    ];
    let seeds = unlsp_corpus::shared_root().join("seeds");
    if seeds.exists() {
        paths.push(seeds);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .arg("check")
        .args(&paths)
        .args(["--format", "json"])
        .output()
        .unwrap();
    // the bundled draft has errors: exit 1, not 2
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let files = json["files"].as_array().unwrap();
    let names: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "files sorted by path");
    for f in files {
        let d = f["diagnostics"].as_array().unwrap();
        let keys: Vec<(u64, String)> = d
            .iter()
            .map(|x| {
                (
                    x["range"]["start"]["offset"].as_u64().unwrap(),
                    x["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let mut s = keys.clone();
        s.sort();
        assert_eq!(
            keys, s,
            "diagnostics sorted by offset then code in {}",
            f["path"]
        );
    }
    let draft = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .ends_with("draft-with-defects.unres")
        })
        .unwrap();
    let codes: Vec<&str> = draft["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for want in [
        "UN001", "UN006", "UN008", "UN010", "UN060", "UN071", "UN073",
    ] {
        assert!(codes.contains(&want), "{want} missing from {codes:?}");
    }
}
