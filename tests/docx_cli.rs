//! Word documents through the command line and the parser, on .docx files
//! Pandoc made from the UN's AKN texts (`scripts/docx-fixtures.py`): the
//! counts of the AKN in six languages, `convert` read back to the same
//! structure, `check` on a folder, places and JSON sources, `--fix` written
//! into the runs (the XML diffed before and after), bad inputs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unlsp::conformance::{akn, render, score};
use unlsp_syntax::Document;
use unlsp_syntax::tree::{Node, NodeKind};

const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];
/// (fixture stem, AKN file)
const SAMPLES: [(&str, &str); 2] = [
    ("ga-79-100", "ga/{}/A_RES_79_100.xml.gz"),
    ("sc-2720-2023", "sc/{}/S_RES_2720_2023.xml.gz"),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

fn read(name: &str) -> unlsp_formats::Extracted {
    let bytes = std::fs::read(fixtures().join(name)).unwrap();
    unlsp_formats::docx::read(bytes).unwrap()
}

fn unlsp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(args)
        .output()
        .unwrap()
}

/// Preambular, operative and footnote counts (and the numbers, the first
/// leads) of the text Word shows equal the AKN's, in the files Pandoc made
/// and in the same files saved by LibreOffice.
#[test]
fn counts_equal_the_akn_in_six_languages() {
    let Some(corpus) = unlsp_corpus::shared("corpus/akn") else {
        return;
    };
    let cfg = unlsp_analysis::Config::default();
    let mut misses = Vec::new();
    for dir in ["", "libreoffice/"] {
        for (stem, akn_path) in SAMPLES {
            for lang in LANGS {
                let gold = akn::read_gz(&corpus.join(akn_path.replace("{}", lang))).unwrap();
                let x = read(&format!("{dir}{stem}.{lang}.docx"));
                let o = score::score(&gold, &x.text, &cfg);
                for field in ["preambular", "operative", "footnotes", "first_pre_lead"] {
                    let i = score::FIELDS.iter().position(|f| *f == field).unwrap();
                    if !o.ok[i] {
                        misses.push(format!("{dir}{stem}.{lang} {field}: {:?}", o.seen[i]));
                    }
                }
            }
        }
    }
    // the Pact for the Future (sections, annexes, points Word numbers
    // `(a)`): the .docx reads as the Markdown it was made from
    let gold = akn::read_gz(&corpus.join("ga/en/A_RES_79_1.xml.gz")).unwrap();
    let md = render::render(&gold, render::Shape::Markdown);
    let (from_md, from_docx) = (
        score::score(&gold, &md, &cfg),
        score::score(&gold, &read("long.en.docx").text, &cfg),
    );
    for field in ["preambular", "operative", "subparagraphs", "footnotes"] {
        let i = score::FIELDS.iter().position(|f| *f == field).unwrap();
        if from_md.seen[i].1 != from_docx.seen[i].1 {
            misses.push(format!(
                "long.en {field}: Markdown {:?}, .docx {:?}",
                from_md.seen[i], from_docx.seen[i]
            ));
        }
    }
    assert!(misses.is_empty(), "{misses:#?}");
}

/// The outline as kinds and labels, furniture left out.
fn structure(text: &str) -> Vec<(NodeKind, Option<String>)> {
    fn walk(nodes: &[Node], out: &mut Vec<(NodeKind, Option<String>)>) {
        for n in nodes.iter().filter(|n| n.kind != NodeKind::Furniture) {
            out.push((n.kind, n.label.map(String::from)));
            walk(&n.children, out);
        }
    }
    let doc = Document::new(text);
    let mut out = Vec::new();
    walk(&doc.tree().nodes, &mut out);
    out
}

/// `convert --to txt` and `--to md` parse back to the structure of the
/// document itself, on every generated sample.
#[test]
fn converted_text_parses_back_to_the_same_structure() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    for name in names {
        let x = read(&name);
        let doc = structure(&x.text);
        let md = unlsp_formats::convert::to_markdown(&x, false);
        assert_eq!(structure(&md), doc, "{name}: Markdown\n{md}");
        let txt = unlsp_formats::convert::to_text(&x);
        assert_eq!(structure(&txt), doc, "{name}: text");
        assert_eq!(
            md.matches("\n[^").count(),
            x.footnotes.len(),
            "{name}: footnotes in Markdown"
        );
    }
}

#[test]
fn convert_writes_markdown_with_leads_footnotes_and_revisions() {
    let f = fixtures().join("tracked.en.docx");
    let out = unlsp(&["convert", f.to_str().unwrap(), "--to", "md", "--revisions"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("*Having considered* the question"), "{md}");
    assert!(md.contains("for 2024,[^1]\n"), "{md}");
    assert!(md.contains("\n[^2]: A/AC.109/2024/2.\n"), "{md}");
    assert!(
        md.contains("[and]{.deletion author=\"Delegation of Norway\" date=\"2026-11-02T10:00:00Z\"}[as well as]{.insertion author=\"Delegation of Norway\""),
        "{md}"
    );
    let txt = unlsp(&["convert", f.to_str().unwrap(), "--to", "txt"]);
    assert_eq!(
        String::from_utf8(txt.stdout).unwrap(),
        read("tracked.en.docx").text
    );
}

/// `check DIR` picks up .docx (never .pdf), `exclude` applies, a Word lock
/// file is no draft; the places and JSON sources come from the reader.
#[test]
fn check_reads_word_documents_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(fixtures().join("defects.en.docx"), d.join("draft.docx")).unwrap();
    std::fs::copy(fixtures().join("tracked.en.docx"), d.join("old.docx")).unwrap();
    std::fs::write(d.join("~$draft.docx"), b"lock").unwrap();
    std::fs::write(d.join("published.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(d.join("unlsp.toml"), "exclude = [\"old.docx\"]\n").unwrap();
    let out = unlsp(&["check", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{json}");
    assert!(files[0]["path"].as_str().unwrap().ends_with("draft.docx"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/check.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let x = read("defects.en.docx");
    let d4 = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"] == "space before `;`")
        .unwrap();
    let offset = d4["range"]["start"]["offset"].as_u64().unwrap() as usize;
    let op4 = x.text.find("4. Urges").unwrap();
    let para = x.source(op4).unwrap().paragraph;
    assert_eq!(d4["source"]["paragraph"], para);
    assert_eq!(
        d4["source"]["char"],
        x.text[op4 + 3..offset].chars().count()
    );
    assert!(d4["source"]["page"].is_null());
    let human = unlsp(&["check", d.join("draft.docx").to_str().unwrap()]);
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(
        human.contains("draft.docx: operative paragraph 4: hint[UN075]: space before `;`"),
        "{human}"
    );
}

fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

/// `--fix` writes `NAME.fixed.docx`: every part as it was but
/// document.xml, which differs by exactly the characters fixed.
#[test]
fn fix_changes_exactly_the_fixed_characters() {
    // Pandoc's package and LibreOffice's
    for name in ["defects.en.docx", "libreoffice/defects.en.docx"] {
        fix_changes_exactly_the_fixed_characters_in(name);
    }
}

fn fix_changes_exactly_the_fixed_characters_in(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.docx");
    std::fs::copy(fixtures().join(name), &draft).unwrap();
    let out = unlsp(&["check", "--fix", draft.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 2 problems"));
    let fixed = dir.path().join("draft.fixed.docx");
    let (before, after) = (entries(&draft), entries(&fixed));
    assert_eq!(before.len(), after.len());
    for ((n, a), (m, b)) in before.iter().zip(&after) {
        assert_eq!(n, m);
        if n != "word/document.xml" {
            assert_eq!(a, b, "{n} changed");
        }
    }
    let doc = |e: &[(String, Vec<u8>)]| {
        String::from_utf8(
            e.iter()
                .find(|(n, _)| n == "word/document.xml")
                .unwrap()
                .1
                .clone(),
        )
        .unwrap()
    };
    let (a, b) = (doc(&before), doc(&after));
    let diff = similar::TextDiff::from_chars(&a, &b);
    let changes: Vec<(similar::ChangeTag, String)> = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| (c.tag(), c.value().to_string()))
        .collect();
    assert_eq!(
        changes,
        [
            (similar::ChangeTag::Delete, " ".to_string()),
            (similar::ChangeTag::Delete, " ".to_string())
        ]
    );
    assert!(b.contains("as soon as possible;</w:t>"));
    // --in-place overwrites the document itself
    let out = unlsp(&["check", "--fix", "--in-place", draft.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(entries(&draft), after);
}

/// A clear message naming the file, exit 2, for what is not a Word
/// document.
#[test]
fn bad_inputs_exit_2_naming_the_file() {
    for (name, says) in [
        ("renamed-text.docx", "not a zip package"),
        ("truncated.docx", "truncated or damaged"),
        ("bomb.docx", "larger than 64 MB"),
        ("encrypted.docx", "password-protected"),
        ("zip-password.docx", "password-protected"),
        ("styles.odt", "OpenDocument"),
    ] {
        let p = fixtures().join("bad").join(name);
        for cmd in [
            &["check"][..],
            &["outline"],
            &["convert", "--to", "txt"],
            &["fmt", "--check"],
        ] {
            let mut args = cmd.to_vec();
            args.push(p.to_str().unwrap());
            let out = unlsp(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{cmd:?} {name}: {err}");
            assert!(
                err.contains(name) && err.contains(says),
                "{cmd:?} {name}: {err}"
            );
        }
    }
}

/// `fmt` reports on a Word document and never rewrites it.
#[test]
fn fmt_never_rewrites_a_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.docx");
    std::fs::copy(fixtures().join("ga-79-100.en.docx"), &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    let out = unlsp(&["fmt", draft.to_str().unwrap()]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}
