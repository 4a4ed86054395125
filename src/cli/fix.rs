//! `unlsp check --fix` / `--diff`: apply the safe fixes of a file's diagnostics.
//!
//! The fixed text is re-parsed and re-checked; a fix that makes an error
//! appear (a rule with more errors than before) is dropped. Writing is atomic:
//! a temporary file in the same folder, then a rename.

use crate::analysis::{self, Config, Diagnostic, Edit, Severity};
use crate::syntax::{Document, Lang};
use std::collections::HashMap;
use std::path::Path;

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

/// The text with every safe fix applied (up to three rounds, for fixes that
/// uncover others), and the number of fixes applied.
pub fn fix_text(text: &str, lang: Option<Lang>, cfg: &Config) -> (String, usize) {
    let mut cur = text.to_string();
    let mut applied = 0;
    for _ in 0..3 {
        let doc = Document::with_lang(&cur, lang);
        let diags = analysis::check(&doc, cfg);
        let before = errors_per_rule(&diags);
        let fixes = safe_fixes(&diags);
        if fixes.is_empty() {
            break;
        }
        let all: Vec<Edit> = fixes.iter().flat_map(|f| f.iter()).cloned().collect();
        let candidate = apply_edits(&cur, &all);
        let after = errors_per_rule(&analysis::check(
            &Document::with_lang(&candidate, lang),
            cfg,
        ));
        if !adds_error(&before, &after) {
            applied += fixes.len();
            cur = candidate;
            continue;
        }
        // one by one: keep each fix that adds no error
        let mut kept = 0;
        for f in &fixes {
            let t = apply_edits(&cur, f);
            let d = Document::with_lang(&t, lang);
            let a = errors_per_rule(&analysis::check(&d, cfg));
            if !adds_error(&before, &a) {
                cur = t;
                kept += 1;
                break; // offsets changed: re-check from the new text
            }
        }
        if kept == 0 {
            break;
        }
        applied += kept;
    }
    (cur, applied)
}

/// Write `text` to `path` atomically: temporary file in the same folder, then rename.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.unlsp-{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// A unified diff of two texts, one hunk per changed run of lines (3 lines of context).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // longest common subsequence on lines, with the common prefix/suffix cut first
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let (n, m) = (am.len(), bm.len());
    let mut ops: Vec<(char, &str)> = Vec::new();
    if n * m <= 4_000_000 {
        let mut dp = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i][j] = if am[i] == bm[j] {
                    dp[i + 1][j + 1] + 1
                } else {
                    dp[i + 1][j].max(dp[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((' ', am[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || dp[i + 1][j] >= dp[i][j + 1]) {
                ops.push(('-', am[i]));
                i += 1;
            } else {
                ops.push(('+', bm[j]));
                j += 1;
            }
        }
    } else {
        ops.extend(am.iter().map(|l| ('-', *l)));
        ops.extend(bm.iter().map(|l| ('+', *l)));
    }
    let mut all: Vec<(char, &str)> = a[..pre].iter().map(|l| (' ', *l)).collect();
    all.extend(ops);
    all.extend(a[a.len() - suf..].iter().map(|l| (' ', *l)));
    let p = path.trim_start_matches('/');
    let mut out = format!("--- a/{p}\n+++ b/{p}\n");
    let changed: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(i, _)| i)
        .collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(3);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 6 {
            end = changed[k];
            k += 1;
        }
        let end = (end + 4).min(all.len());
        let old_before = all[..start].iter().filter(|o| o.0 != '+').count();
        let new_before = all[..start].iter().filter(|o| o.0 != '-').count();
        let hunk = &all[start..end];
        let ol = hunk.iter().filter(|o| o.0 != '+').count();
        let nl = hunk.iter().filter(|o| o.0 != '-').count();
        out.push_str(&format!(
            "@@ -{},{ol} +{},{nl} @@\n",
            old_before + 1,
            new_before + 1
        ));
        for (c, l) in hunk {
            out.push(*c);
            out.push_str(l);
            if !l.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}
