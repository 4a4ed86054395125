//! `unlsp check --fix` / `--diff`: apply the safe fixes of a file's diagnostics.
//!
//! The fixed text is re-parsed and re-checked; a fix that makes an error
//! appear (a rule with more errors than before) is dropped; rounds run until
//! no safe fix is left (a fixed point). Writing is atomic: a temporary file in
//! the same folder, then a rename, through symbolic links, never over a
//! read-only file.

use std::collections::HashMap;
use std::path::Path;
use unlsp_analysis::{self as analysis, Config, Diagnostic, Edit, Severity};
use unlsp_syntax::{Document, Lang};

/// Apply non-overlapping edits (sorted by start) to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in edits {
        if e.range.start < pos || e.range.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.text);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

fn errors_per_rule(diags: &[Diagnostic]) -> HashMap<&'static str, usize> {
    let mut m = HashMap::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        *m.entry(d.code).or_insert(0) += 1;
    }
    m
}

fn adds_error(before: &HashMap<&str, usize>, after: &HashMap<&str, usize>) -> bool {
    after
        .iter()
        .any(|(k, v)| *v > before.get(k).copied().unwrap_or(0))
}

/// The safe fixes of `diags` that do not overlap, in text order.
fn safe_fixes(diags: &[Diagnostic]) -> Vec<std::sync::Arc<Vec<Edit>>> {
    let mut fixes: Vec<std::sync::Arc<Vec<Edit>>> = Vec::new();
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for d in diags {
        let Some(f) = &d.fix else { continue };
        if !f.safe
            || f.edits.is_empty()
            || fixes
                .iter()
                .any(|g| std::sync::Arc::ptr_eq(g, &f.edits) || *g == f.edits)
        {
            continue; // a shared fix (renumbering) is applied once
        }
        let overlaps = f.edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.range.start < t.end && t.start < e.range.end
                    || (e.range.start == e.range.end && e.range.start == t.start)
                    || (t.start == t.end && t.start == e.range.start)
            })
        });
        if overlaps {
            continue;
        }
        taken.extend(f.edits.iter().map(|e| e.range.clone()));
        fixes.push(f.edits.clone());
    }
    fixes
}

/// Rounds of fixes at most: a fix that uncovers another is applied in the
/// next round; a text that still changes after this many is cycling.
const MAX_ROUNDS: usize = 16;

/// The text with every safe fix applied, round after round until none is
/// left (a fixed point), and the number of fixes
/// applied. Fixes that would undo one another (a text seen before) stop the
/// rounds at the first text of the cycle.
pub fn fix_text(text: &str, lang: Option<Lang>, cfg: &Config) -> (String, usize) {
    let mut cur = text.to_string();
    let mut applied = 0;
    let mut seen = vec![cur.clone()];
    for _ in 0..MAX_ROUNDS {
        let round = fix_round(&cur, lang, cfg);
        if round.1 == 0 {
            break;
        }
        if seen.contains(&round.0) {
            break;
        }
        applied += round.1;
        cur = round.0;
        seen.push(cur.clone());
    }
    (cur, applied)
}

/// One round: every safe fix at once, or, when together they add an error,
/// the first that adds none.
fn fix_round(cur: &str, lang: Option<Lang>, cfg: &Config) -> (String, usize) {
    let doc = Document::with_lang(cur, lang);
    let diags = analysis::check(&doc, cfg);
    let before = errors_per_rule(&diags);
    let fixes = safe_fixes(&diags);
    if fixes.is_empty() {
        return (cur.to_string(), 0);
    }
    let errors = |t: &str| errors_per_rule(&analysis::check(&Document::with_lang(t, lang), cfg));
    let all: Vec<Edit> = fixes.iter().flat_map(|f| f.iter()).cloned().collect();
    let candidate = apply_edits(cur, &all);
    if !adds_error(&before, &errors(&candidate)) {
        return (candidate, fixes.len());
    }
    // one by one: the first fix that adds no error (offsets change after it:
    // the next round re-checks from the new text)
    fixes
        .iter()
        .map(|f| apply_edits(cur, f))
        .find(|t| !adds_error(&before, &errors(t)))
        .map_or((cur.to_string(), 0), |t| (t, 1))
}

/// Write `text` to `path` atomically: a temporary file in the target's
/// folder, read back and compared, then renamed over the target. A symbolic
/// link is written through (the file it points to gets the text, the link
/// stays a link); a read-only file is refused, never rewritten.
pub fn write_atomic(path: &Path, text: impl AsRef<[u8]>) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind, Write};
    let text = text.as_ref();
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let meta = std::fs::metadata(&target).ok();
    if meta.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(Error::new(
            ErrorKind::PermissionDenied,
            "the file is read-only: not written",
        ));
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".unlsp-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text)?;
    tmp.as_file().sync_all()?;
    if let Some(m) = &meta {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    // never put in place what cannot be read back as written
    if std::fs::read(tmp.path())? != text {
        return Err(Error::other("the text written could not be read back"));
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of two texts (`--- a/path`, `+++ b/path`, hunks with three
/// lines of context), by the `similar` crate's line diff.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let p = path.trim_start_matches('/');
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{p}"), &format!("b/{p}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text with scattered changes: each changed line once, never
    /// the whole file deleted and inserted again.
    #[test]
    fn a_long_diff_shows_only_the_changed_lines() {
        let old: String = (0..3000).map(|i| format!("line {i}\n")).collect();
        let new: String = (0..3000)
            .map(|i| {
                if i % 100 == 7 {
                    format!("line {i} changed\n")
                } else {
                    format!("line {i}\n")
                }
            })
            .collect();
        let d = unified_diff("/drafts/a.txt", &old, &new);
        assert!(
            d.starts_with("--- a/drafts/a.txt\n+++ b/drafts/a.txt\n"),
            "{d}"
        );
        let removed = d.lines().filter(|l| l.starts_with("-line")).count();
        let added = d.lines().filter(|l| l.starts_with("+line")).count();
        assert_eq!((removed, added), (30, 30));
        assert_eq!(d.matches("@@ -").count(), 30);
        assert!(d.contains("@@ -5,7 +5,7 @@\n line 4\n"), "{d}");
        assert_eq!(unified_diff("a.txt", &old, &old), "");
    }
}
