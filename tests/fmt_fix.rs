//! `unlsp fmt` and `unlsp check --fix` keep every word,
//! on real text: `tests/fixtures/fmt/` holds corpus files as they are, and a
//! sample of the corpus (every 20th text) is formatted and fixed whole.

#[path = "corpus_support.rs"]
mod corpus_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use unlsp::cli::fix::{fix_text, write_atomic};
use unlsp_analysis::Config;
use unlsp_analysis::fmt::audit::Audit;
use unlsp_analysis::fmt::promise::outline_items;
use unlsp_analysis::fmt::{Level, format, format_text, format_with_level};
use unlsp_syntax::Document;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(corpus_support::root().join("tests/fixtures/fmt").join(name)).unwrap()
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn unlsp() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unlsp"))
}

/// A folder of its own under the system's temporary folder, removed on drop.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Item 1: a cited resolution number alone on its line is text, not a page
/// number (A/RES/79/81 writes `resolution` / `73/89` / `of 6 December 2018`).
#[test]
fn a_resolution_number_on_its_own_line_is_kept() {
    let t = "The General Assembly,\n\nRecalling its resolution\n73/89\nof 6 December 2018,\n\n2/8\n\n1. Decides to remain seized of the matter.\n";
    let f = format(t, None).unwrap();
    assert_eq!(
        f,
        "The General Assembly,\n\nRecalling its resolution 73/89 of 6 December 2018,\n\n1. Decides to remain seized of the matter.\n",
        "the number stays, the page number between paragraphs goes"
    );
    // the command line
    let mut child = unlsp()
        .args(["fmt", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        "The General Assembly,\n\nRecalling its resolution\n73/89\nof 6 December 2018,\n\n1. Decides to remain seized of the matter.\n".as_bytes(),
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("Recalling its resolution 73/89 of 6 December 2018,"),
        "{out:?}"
    );
    let real = fixture("A_RES_79_81.txt");
    let f = format(&real, None).unwrap();
    assert!(
        non_space(&f).contains("itsresolution73/89of6December2018"),
        "{f}"
    );
}

/// Item 2: nothing is written twice (S/RES/364 (1974) gained 388 words;
/// A/C.1/80/L.54 repeated its heading lines).
#[test]
fn nothing_is_duplicated() {
    for name in ["S_RES_364_1974.txt", "A_C.1_80_L.54.txt"] {
        let t = fixture(name);
        let f = format(&t, None).unwrap();
        assert!(
            non_space(&f).len() <= non_space(&t).len(),
            "{name}: {} non-space characters became {}",
            non_space(&t).len(),
            non_space(&f).len()
        );
        assert_eq!(
            f.matches("Chad:* draft resolution").count(),
            t.matches("Chad:* draft resolution").count(),
            "{name}"
        );
        assert_eq!(
            f.matches("The Security Council,").count(),
            t.matches("The Security Council,").count(),
            "{name}"
        );
    }
}

/// Item 3: the outline is the same after `fmt` (A/RES/78/128 lost its
/// sub-paragraphs (e)–(j) to footnote 7), and `fmt` of `fmt` is `fmt`.
#[test]
fn the_outline_stays_and_a_second_pass_changes_nothing() {
    for name in [
        "A_RES_78_128.txt",
        "S_RES_364_1974.txt",
        "A_C.1_80_L.54.txt",
    ] {
        let t = fixture(name);
        let f = format(&t, None).unwrap();
        assert_eq!(
            outline_items(&Document::new(&t)),
            outline_items(&Document::new(&f)),
            "{name}"
        );
        assert_eq!(format(&f, None).unwrap(), f, "{name}: idempotent");
    }
}

/// Item 3: the masthead stays one block (no blank line between its lines),
/// a title over two lines stays one title, a line-end hyphen is kept and
/// joined (`Two-\nState` → `Two-State`).
#[test]
fn masthead_titles_and_hyphens() {
    let (f, level) = format_with_level(&fixture("A_C.1_80_L.54.txt"), None).unwrap();
    assert_eq!(level, Level::Full);
    assert!(
        f.starts_with("United Nations\nA/C.1/80/L.54\nGeneral Assembly\n"),
        "{f}"
    );
    assert!(
        f.contains("Agenda item 100 (e)\nReview and implementation of the Concluding Document of\nthe Twelfth"),
        "{f}"
    );
    let t = "Resolution 204 (1965)\nof 19 May 1965\n\nThe Security Council,\n\nRecalling the Two-\nState solution,\n\n1. Decides to remain seized of the matter.\n";
    let f = format(t, None).unwrap();
    assert!(
        f.starts_with("Resolution 204 (1965)\nof 19 May 1965\n\n"),
        "{f}"
    );
    assert!(f.contains("Recalling the Two-State solution,"), "{f}");
}

/// Item 3: when the check fails `fmt` refuses: exit 2, a message, nothing
/// written (A/RES/80/186: the full format would move a footnote's words and
/// the cautious one changes the outline).
#[test]
fn a_format_that_breaks_the_promise_is_refused() {
    let t = fixture("A_RES_80_186.txt");
    let why = format(&t, None).unwrap_err();
    assert!(!why.to_string().is_empty());
    assert_eq!(
        format_text(&t, None),
        t,
        "the server changes nothing either"
    );
    let dir = scratch();
    let f = dir.path().join("A_RES_80_186.txt");
    std::fs::write(&f, &t).unwrap();
    let out = unlsp().arg("fmt").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), t);
}

/// Item 3: the pre-commit hook formats UN documents only: a README is left
/// as it is.
#[test]
fn the_hook_leaves_other_texts_alone() {
    let hooks =
        std::fs::read_to_string(corpus_support::root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(
        hooks.contains("entry: unlsp fmt --un-documents-only"),
        "{hooks}"
    );
    let dir = scratch();
    let readme = dir.path().join("README.md");
    let text = "# Drafting notes\n\nKeep each\nsentence on its own line.\n\n- one\n- two\n";
    std::fs::write(&readme, text).unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "The General Assembly,\n\nRecalling its resolution 61/100 of\n6 December 2006,\n\n1. Decides to remain seized of the matter.\n").unwrap();
    let out = unlsp()
        .args(["fmt", "--un-documents-only"])
        .arg(&readme)
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(std::fs::read_to_string(&readme).unwrap(), text);
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("61/100 of 6 December 2006,")
    );
}

/// Item 4: `--fix` on a symbolic link fixes the file it points to and leaves
/// the link a link; a read-only file is refused with a message.
#[cfg(unix)]
#[test]
fn fix_writes_through_links_and_refuses_read_only_files() {
    let draft = "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006 ,\n\n1. Decides to remain seized of the matter.\n";
    let (fixed, n) = fix_text(draft, None, &Config::default());
    assert!(n > 0 && fixed != draft, "{fixed}");
    let dir = scratch();
    let target = dir.path().join("draft.txt");
    let link = dir.path().join("link.txt");
    std::fs::write(&target, draft).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = unlsp()
        .args(["check", "--fix", "--exit-zero"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), fixed);

    let ro = dir.path().join("read-only.txt");
    std::fs::write(&ro, draft).unwrap();
    let mut p = std::fs::metadata(&ro).unwrap().permissions();
    p.set_readonly(true);
    std::fs::set_permissions(&ro, p).unwrap();
    let out = unlsp().args(["check", "--fix"]).arg(&ro).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("read-only"),
        "{out:?}"
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), draft);
    assert!(write_atomic(&ro, "x").is_err());
}

/// Item 4: the renumbering fix of S/RES/366 (1974), whose `4, Demands` the
/// numbering does not see, would make paragraph 5's `paragraph 4 above`
/// point at itself: `--fix` leaves the numbers alone.
#[test]
fn renumbering_never_makes_a_self_reference() {
    let t = fixture("S_RES_366_1974.txt");
    let (fixed, _) = fix_text(&t, None, &Config::default());
    assert!(fixed.contains("5. Further demands that South Africa, pending the\ntransfer of power provided for in paragraph 4 above"), "{fixed}");
}

/// Item 5: an inline suppression comment in a Markdown draft passes through
/// `fmt` and `--fix` untouched, and still silences its rule afterwards.
#[test]
fn suppression_comments_survive_fmt_and_fix() {
    let md = std::fs::read_to_string(
        corpus_support::root().join("tests/fixtures/outline/A_RES_79_163_markdown.md"),
    )
    .unwrap();
    let comment = "<!-- unlsp-disable-next UN010 -->";
    let defect = md.replace(
        "right to self-determination.\n",
        "right to self-determination;\n",
    );
    assert_ne!(defect, md);
    let un010 = |t: &str| {
        unlsp_analysis::check(&Document::new(t), &Config::default())
            .iter()
            .filter(|d| d.code == "UN010")
            .count()
    };
    assert_eq!(un010(&defect), 0);
    let f = format(&defect, None).unwrap();
    assert!(f.lines().any(|l| l == comment), "{f}");
    assert_eq!(un010(&f), 0, "{f}");
    let (fixed, _) = fix_text(&defect, None, &Config::default());
    assert!(fixed.contains(comment));
    assert_eq!(un010(&fixed), 0);
}

fn sample() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["texts", "pages"] {
        corpus_support::files_under(
            &unlsp_corpus::shared_root().join("corpus").join(dir),
            &mut files,
        );
    }
    files.into_iter().step_by(20).collect()
}

/// Item 3, the CI sample of `fmt-sweep`: on every 20th corpus text, `fmt`
/// keeps the characters and the outline and is idempotent; refusals are
/// rare (at most 1 in 50).
#[test]
fn corpus_sample_keeps_the_promise() {
    let files = sample();
    if files.is_empty() {
        return; // no corpus next to the repository
    }
    let audits = corpus_support::par_map(&files, |p: &Path| {
        let t = std::fs::read_to_string(p).unwrap_or_default();
        (p.display().to_string(), Audit::of(&t, None))
    });
    let broken: Vec<String> = audits
        .iter()
        .filter(|(_, a)| !a.kept())
        .map(|(p, a)| format!("{p}: {a:?}"))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    let refused = audits.iter().filter(|(_, a)| a.refused.is_some()).count();
    assert!(
        refused * 50 <= audits.len(),
        "{refused} refusals in {}",
        audits.len()
    );
}

/// Item 4: on every 20th corpus text, one `--fix` reaches a fixed point.
#[test]
fn corpus_sample_fix_reaches_a_fixed_point() {
    let files = sample();
    let cfg = Config::default();
    let moving: Vec<String> = corpus_support::par_map(&files, |p: &Path| {
        let t = std::fs::read_to_string(p).unwrap_or_default();
        let (once, _) = fix_text(&t, None, &cfg);
        let (twice, n) = fix_text(&once, None, &cfg);
        (n > 0 && twice != once).then(|| p.display().to_string())
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(moving.is_empty(), "{moving:#?}");
}
