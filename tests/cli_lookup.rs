//! `unlsp lookup` inside a project consults its reference folders:
//! the entry says where the document lives, and a document the bundled
//! catalogue does not know is found there. Each test builds a temporary project
//! (`unlsp.toml` with `reference_folders = ["refs"]`) and runs the binary from a
//! folder below its root, with its own cache directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Project {
    root: PathBuf,
}

impl Project {
    /// A project whose `refs/` holds `docs` (file name, text).
    fn new(tag: &str, docs: &[(&str, &str)]) -> Project {
        let root = std::env::temp_dir().join(format!("unlsp-lookup-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("refs")).unwrap();
        std::fs::create_dir_all(root.join("drafts/2025")).unwrap();
        std::fs::write(root.join("unlsp.toml"), "reference_folders = [\"refs\"]\n").unwrap();
        for (name, text) in docs {
            std::fs::write(root.join("refs").join(name), text).unwrap();
        }
        Project { root }
    }

    fn lookup_in(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_unlsp"))
            .arg("lookup")
            .args(args)
            .current_dir(dir)
            .env("UNLSP_CACHE_DIR", self.root.join("cache"))
            .output()
            .unwrap()
    }

    /// Run from `drafts/2025`, two levels below the project file.
    fn lookup(&self, args: &[&str]) -> Output {
        self.lookup_in(&self.root.join("drafts/2025"), args)
    }

    fn refs(&self, name: &str) -> String {
        std::fs::canonicalize(self.root.join("refs").join(name))
            .unwrap()
            .display()
            .to_string()
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_catalogued_resolution_says_where_the_reference_copy_lives() {
    // A/RES/78/143 (the passing text of UN022.2)
    let p = Project::new("cat", &[("A_RES_78_143.txt", &fixture("UN022/2.pass.txt"))]);
    let path = p.refs("A_RES_78_143.txt");
    for q in ["78/143", "A/RES/78/143", "resolution 78/143"] {
        let o = p.lookup(&[q]);
        assert!(o.status.success(), "{q}: {o:?}");
        let out = stdout(&o);
        assert!(out.starts_with("A/RES/78/143  "), "{q}: {out}");
        assert!(out.contains(&format!("  local:   {path}\n")), "{q}: {out}");
    }
    // the second run reads the folder's cache: same answer
    assert!(p.root.join("cache").read_dir().unwrap().count() > 0);
    let o = p.lookup(&["--format", "json", "78/143"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["symbol"], "A/RES/78/143");
    assert_eq!(v["in_catalogue"], true);
    assert_eq!(v["local"], serde_json::json!([path]));
    // another catalogued act has no local copy
    let o = p.lookup(&["78/226"]);
    assert!(o.status.success());
    assert!(!stdout(&o).contains("local:"), "{}", stdout(&o));
    // outside the project the same query gives the catalogue entry alone
    let o = p.lookup_in(&std::env::temp_dir(), &["78/143"]);
    assert!(o.status.success());
    assert!(!stdout(&o).contains("local:"));
}

#[test]
fn a_document_absent_from_the_catalogue_is_found_in_the_reference_folder() {
    let Some(src) = unlsp_corpus::shared("corpus/texts/en/A_80_L.13.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&src).unwrap();
    let p = Project::new("draft", &[("A_80_L.13.txt", &text)]);
    let path = p.refs("A_80_L.13.txt");
    // the bundled catalogue does not know the draft
    let o = p.lookup_in(&std::env::temp_dir(), &["A/80/L.13"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let o = p.lookup(&["A/80/L.13"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        format!("A/80/L.13\n  not in the bundled catalogue\n  local:   {path}\n")
    );
    let o = p.lookup(&["--format", "json", "a/80/l.13"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["symbol"], "A/80/L.13");
    assert_eq!(v["organ"], "GA");
    assert_eq!(v["in_catalogue"], false);
    assert_eq!(v["local"], serde_json::json!([path]));
    // still unknown: exit 1
    let o = p.lookup(&["A/80/L.999"]);
    assert_eq!(o.status.code(), Some(1));
}

/// `catalogue_records` in `unlsp.toml`: the records of a session the release lacks (real
/// rows moved to session 81, `tests/fixtures/records/README.md`) are read by `lookup` and
/// by `check` (UN055 no longer calls 81/4 absent from the catalogue); a missing file is
/// named in a warning and the bundled catalogue is used.
#[test]
fn catalogue_records_are_merged_over_the_bundled_catalogue() {
    let p = Project::new("records", &[]);
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/GA_81.json");
    std::fs::copy(&records, p.root.join("GA_81.json")).unwrap();
    // the bundled catalogue alone: unknown
    let o = p.lookup(&["--format", "json", "81/1"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    std::fs::write(
        p.root.join("unlsp.toml"),
        "reference_folders = [\"refs\"]\ncatalogue_records = [\"GA_81.json\"]\n",
    )
    .unwrap();
    let o = p.lookup(&["--format", "json", "81/1"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["title"],
        "Participation by the State of Palestine during the eightieth session"
    );
    assert_eq!(
        (&v["date"], &v["date_source"]),
        (
            &serde_json::json!("2026-09-19"),
            &serde_json::json!("records")
        )
    );
    assert_eq!(v["vote"]["yes"], 145);
    // check: a citation of 81/4 with its records date gives no UN041 and no UN055; the
    // wrong day is caught from the records
    let draft = p.root.join("drafts/2025/draft.txt");
    let check = |p: &Project, day: &str| {
        std::fs::write(
            &draft,
            format!("The General Assembly,\n\nRecalling its resolution 81/4 of {day} October 2026,\n\n1. Decides to remain seized of the matter.\n"),
        )
        .unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_unlsp"))
            .args(["check", "--format", "json"])
            .arg(&draft)
            .current_dir(&p.root)
            .output()
            .unwrap();
        stdout(&o)
    };
    let right = check(&p, "29");
    assert!(
        !right.contains("UN055") && !right.contains("UN041"),
        "{right}"
    );
    let wrong = check(&p, "28");
    assert!(
        wrong.contains("UN041")
            && wrong.contains("adopted on 2026-10-29")
            && wrong.contains("Secretariat's records"),
        "{wrong}"
    );
    std::fs::write(
        p.root.join("unlsp.toml"),
        "catalogue_records = [\"missing.json\"]\n",
    )
    .unwrap();
    let o = p.lookup(&["81/1"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("missing.json") && err.contains("catalogue_records"),
        "{err}"
    );
    // the bundled catalogue knows no day for 81/4
    assert!(!check(&p, "28").contains("UN041"));
}
