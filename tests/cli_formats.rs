//! Seed expectations of rules.md (exact, at warning and above) and the CI
//! output formats: SARIF validated against the vendored 2.1.0 schema.

use std::path::Path;
use unlsp_analysis::{self as analysis, Config, Severity};
use unlsp_syntax::Document;

fn seed(prefix: &str) -> Option<String> {
    let dir = unlsp_corpus::shared("seeds")?;
    let f = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(f.path()).ok()
}

fn codes(text: &str) -> Vec<(String, Severity)> {
    analysis::check(&Document::new(text), &Config::default())
        .into_iter()
        .map(|d| (d.code.to_string(), d.severity))
        .collect()
}

#[test]
fn seed_expectations() {
    let Some(s3) = seed("003_") else {
        eprintln!("note: ../shared/seeds not found; skipped");
        return;
    };
    let c = codes(&s3);
    let loud: Vec<_> = c.iter().filter(|(_, s)| *s <= Severity::Warning).collect();
    assert_eq!(loud.len(), 2, "{c:?}");
    assert!(
        loud.iter()
            .all(|(k, s)| k == "UN060" && *s == Severity::Error)
    );
    assert!(c.iter().any(|(k, s)| k == "UN088" && *s == Severity::Hint));
    assert!(!c.iter().any(|(k, _)| k == "UN030" || k == "UN031"));
    for p in ["000_", "001_", "002_", "004_"] {
        let c = codes(&seed(p).unwrap());
        assert!(c.iter().all(|(_, s)| *s > Severity::Warning), "{p}: {c:?}");
        assert!(
            c.iter().filter(|(k, _)| k == "UN075").count() <= 1,
            "{p}: {c:?}"
        );
    }
    assert!(
        !codes(&seed("002_").unwrap())
            .iter()
            .any(|(k, _)| k == "UN087")
    );
    assert!(
        codes(&seed("004_").unwrap())
            .iter()
            .any(|(k, _)| k == "UN085")
    );
}

fn report(path: &str, text: &str) -> unlsp::cli::check::FileReport {
    let doc = Document::new(text);
    let diagnostics = analysis::check(&doc, &Config::default());
    unlsp::cli::check::FileReport {
        path: path.into(),
        text: text.into(),
        lang: doc.lang(),
        kind: doc.tree().kind.name(),
        diagnostics,
        located: None,
    }
}

const DRAFT: &str = "62/57. Convention on Certain Conventional Weapons\n\nThe General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006;\n\n1. Calls upon all States to consider the reports A/CONF. 192/2006/RC/9;\n\n2. Requests the Secretary-General to report.\n";

#[test]
fn sarif_is_valid_against_the_schema() {
    let r = report("drafts/a.txt", DRAFT);
    let sarif = unlsp::cli::sarif::sarif(&[r]);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&sarif).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "UN060" && r["fixes"].is_array())
    );
    assert!(
        sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len()
            >= 73
    );
    insta::assert_snapshot!(
        "github",
        unlsp::cli::sarif::github(&[report("drafts/a.txt", DRAFT)])
    );
}

#[test]
fn fix_and_diff() {
    let cfg = Config::default();
    let (fixed, n) = unlsp::cli::fix::fix_text(DRAFT, None, &cfg);
    assert!(n >= 2, "{fixed}");
    assert!(
        fixed.contains("A/CONF.192/2006/RC/9") && fixed.contains("6 December 2006,"),
        "{fixed}"
    );
    let diff = unlsp::cli::fix::unified_diff("a.txt", DRAFT, &fixed);
    insta::assert_snapshot!("diff", diff);
    let dir = std::env::temp_dir().join(format!("unlsp-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("a.txt");
    unlsp::cli::fix::write_atomic(&f, &fixed).unwrap();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), fixed);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inline_directives_silence() {
    let t = "<!-- unlsp-disable UN060 -->\n\n".to_string() + DRAFT;
    assert!(!codes(&t).iter().any(|(k, _)| k == "UN060"));
}

#[test]
fn fmt_keeps_the_outline() {
    for p in ["001_", "002_", "003_"] {
        let Some(t) = seed(p) else { return };
        let f = unlsp_analysis::fmt::format_text(&t, None);
        let outline = |s: &str| {
            let d = Document::new(s);
            let mut v = Vec::new();
            d.tree().walk(|n, _| {
                if !matches!(n.kind, unlsp_syntax::NodeKind::Furniture) {
                    v.push((
                        n.kind,
                        n.label.map(String::from),
                        n.lead.as_ref().map(|l| l.text.clone()),
                    ));
                }
            });
            v
        };
        let (a, b) = (outline(&t), outline(&f));
        let ops = |v: &Vec<(unlsp_syntax::NodeKind, Option<String>, Option<String>)>| {
            v.iter()
                .filter(|x| x.0 == unlsp_syntax::NodeKind::Operative)
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(ops(&a), ops(&b), "{p}");
        assert_eq!(
            unlsp_analysis::fmt::format_text(&f, None),
            f,
            "{p}: idempotent"
        );
    }
}

/// `unlsp check` on the UN's AKN: the markup's structure against the
/// parser's, as information where they part and nothing where they agree.
/// The expected counts are read off the XML itself.
#[test]
fn akn_input_reports_where_the_markup_and_the_parser_part() {
    use std::io::Read;
    let Some(akn) = unlsp_corpus::shared("corpus/akn") else {
        eprintln!("corpus/akn not found; skipped");
        return;
    };
    let check = |rel: &str| check_un089(&akn.join(rel));
    let xml = |rel: &str| {
        let f = std::fs::File::open(akn.join(rel)).unwrap();
        let mut s = String::new();
        flate2::read::GzDecoder::new(f)
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    for rel in [
        "ga/en/A_RES_79_100.xml.gz",
        "ga/fr/A_RES_79_100.xml.gz",
        "sc/en/S_RES_2618_2022.xml.gz",
    ] {
        let out = check(rel);
        assert!(!out.contains("UN089"), "{rel}: {out}");
    }
    // the Council's 2719 (2023) numbers the points of its paragraph 3 `i.`,
    // `ii.`, which the parser reads as running text
    let rel = "sc/en/S_RES_2719_2023.xml.gz";
    let points = xml(rel).matches("<point ").count();
    assert!(points > 0);
    let out = check(rel);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("information[UN089]"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        lines[at].contains(&format!("markup has {points} points")),
        "{out}"
    );
    assert!(lines[at + 1].contains("| 3. Acknowledges"), "{out}");
    assert_eq!(out.matches("[UN089]").count(), 1, "{out}");
}

/// UN089 also names what is irregular in the UN's markup itself, once per
/// kind on the first line: the slips the reader puts back (S/RES/2631 (2022)
/// in Arabic marks its sub-paragraphs `(أ)` … `(ز)` as paragraphs; read back
/// as points, and its inner `’1‘` items read by the parser, the counts
/// agree), a collection (A/RES/79/252) and what the schema refuses (A/RES/80/242:
/// a `<step>` without `date`).
#[test]
fn akn_in_reports_irregular_markup_as_information() {
    let Some(akn) = unlsp_corpus::shared("corpus/akn") else {
        return;
    };
    let check = |rel: &str| check_un089(&akn.join(rel));
    let out = check("sc/ar/S_RES_2631_2022.xml.gz");
    assert!(
        out.contains(":1:1: information[UN089]: the UN's markup is irregular: 7 sub-paragraph(s) marked as paragraphs"),
        "{out}"
    );
    assert_eq!(out.matches("[UN089]").count(), 1, "{out}");
    let out = check("ga/en/A_RES_79_252.xml.gz");
    assert!(out.contains("irregular: a <documentCollection>"), "{out}");
    let out = check("ga/en/A_RES_80_242.xml.gz");
    assert!(out.contains("irregular: <step> without date"), "{out}");
    // a regular file has none
    assert!(!check("ga/en/A_RES_79_100.xml.gz").contains("irregular"));
}

/// `unlsp check --select UN089` on an AKN file: its standard output.
fn check_un089(path: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(["check", "--select", "UN089"])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", path.display());
    String::from_utf8(out.stdout).unwrap()
}

/// `unlsp outline` writes as it goes: a reader that stops after the first
/// lines (`| head`) ends it quietly with status 0, in text and in JSON.
#[test]
fn outline_to_a_reader_that_stops_early() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines.txt");
    std::fs::write(&path, "1. Decides;\n".repeat(100_000)).unwrap();
    for format in ["text", "json"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unlsp"))
            .args(["outline", "--format", format])
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
