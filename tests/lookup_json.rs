//! `unlsp lookup --format json` follows `schemas/lookup.schema.json`, answers
//! with a title and a date for the acts of the Secretariat's records, and says
//! `{"in_catalogue": false, ...}` with exit 1 for an act nobody knows.

use std::path::Path;
use std::process::Command;

fn lookup(query: &str) -> (Option<i32>, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(["lookup", "--format", "json", query])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{query}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), json)
}

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/lookup.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(v: &jsonschema::Validator, query: &str, json: &serde_json::Value) {
    let errors: Vec<String> = v
        .iter_errors(json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{query}: {errors:?}");
}

#[test]
fn facts_with_their_sources() {
    let v = validator();
    let (code, j) = lookup("79/1");
    assert_eq!(code, Some(0));
    assert_valid(&v, "79/1", &j);
    assert_eq!(j["title"], "The Pact for the Future");
    assert_eq!(j["title_source"], "records");
    assert_eq!(
        (&j["date"], &j["date_source"]),
        (&"2024-09-22".into(), &"records".into())
    );
    assert_eq!(j["meeting"], "3rd plenary meeting");
    assert_eq!(j["vote"]["kind"], "without a vote");
    assert_eq!(j["originating_document"], "A/79/L.2");
    // the other languages' titles, from the UN's own texts (GA 79-80)
    assert_eq!(j["titles"]["es"], "El Pacto para el Futuro");
    assert_eq!(j["titles"].as_object().map(|o| o.len()), Some(5), "{j}");
    let (_, j) = lookup("S/RES/2724 (2024)");
    assert_eq!(j["titles"], serde_json::json!({}));
    assert_valid(&v, "S/RES/2724 (2024)", &j);
    assert_eq!(j["title_source"], "records(descriptor)");
    assert_eq!(
        j["title"],
        "cessation of hostilities in Sudan during Ramadan"
    );
    assert_eq!(
        (&j["vote"]["yes"], &j["vote"]["no"], &j["vote"]["abstain"]),
        (&14.into(), &0.into(), &1.into())
    );
}

#[test]
fn unknown_act_is_json_and_exit_1() {
    let (code, j) = lookup("78/999");
    assert_eq!(code, Some(1));
    assert_valid(&validator(), "78/999", &j);
    assert_eq!(
        j,
        serde_json::json!({"in_catalogue": false, "query": "78/999"})
    );
}

/// A sample of the records (one act in 25 of every file): title and date.
#[test]
fn records_answer_with_title_and_date() {
    let dir = unlsp_corpus::shared_root().join("corpus/catalog/akn-data-extract");
    let Ok(files) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let v = validator();
    let mut names: Vec<_> = files
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    let mut checked = 0;
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()).step_by(25) {
            let rec: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: {e}: {line:.80}", path.display()));
            let symbol = rec["symbol"].as_str().unwrap();
            // `A/RES/75/101 A-B`: the act as a whole
            let query = symbol
                .split(' ')
                .take_while(|w| !w.contains('-') || w.contains('/'));
            let query: Vec<&str> = query.collect();
            let query = query.join(" ");
            let (code, j) = lookup(&query);
            assert_eq!(code, Some(0), "{query}");
            assert_valid(&v, &query, &j);
            assert!(j["date"].is_string(), "{query}: {j}");
            let untitled = [
                "S/RES/2783 (2025)",
                "S/RES/2814 (2026)",
                "S/RES/2820 (2026)",
            ];
            if !untitled.contains(&symbol) {
                assert!(j["title"].is_string(), "{query}: {j}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}
