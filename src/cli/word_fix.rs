//! `check --fix` on a Word document: the fixed text's changes, found by a
//! character diff against the extracted text, written into the runs they
//! touch (`unlsp_formats::docx::apply`, which reads the result again to
//! prove that nothing else changed), as `NAME.fixed.docx` beside it or over
//! it (`--in-place`).

use std::path::{Path, PathBuf};
use unlsp_formats::Extracted;
use unlsp_formats::docx::{self, TextEdit};

/// The file written and the document read back from it.
pub(super) fn write(
    path: &Path,
    old: &str,
    new: &str,
    in_place: bool,
) -> Result<(PathBuf, Extracted), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let fixed = docx::apply(bytes, &edits(old, new))?;
    let target = if in_place {
        path.to_path_buf()
    } else {
        fixed_name(path)
    };
    super::fix::write_atomic(&target, &fixed).map_err(|e| format!("{}: {e}", target.display()))?;
    let again = docx::read(fixed)?;
    Ok((target, again))
}

/// `draft.docx` → `draft.fixed.docx`.
fn fixed_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map_or("docx".into(), |e| e.to_string_lossy());
    path.with_file_name(format!("{stem}.fixed.{ext}"))
}

/// The changes from `old` to `new` as byte-range edits of `old`, each run
/// of changed characters one edit.
pub(super) fn edits(old: &str, new: &str) -> Vec<TextEdit> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_chars(old, new);
    let old_at: Vec<usize> = old
        .char_indices()
        .map(|(i, _)| i)
        .chain([old.len()])
        .collect();
    let new_at: Vec<usize> = new
        .char_indices()
        .map(|(i, _)| i)
        .chain([new.len()])
        .collect();
    let mut out: Vec<TextEdit> = Vec::new();
    for op in diff.ops() {
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        let range = old_at[o.start]..old_at[o.end];
        let text = &new[new_at[n.start]..new_at[n.end]];
        match out.last_mut() {
            Some(last) if last.range.end == range.start => {
                last.range.end = range.end;
                last.text.push_str(text);
            }
            _ => out.push(TextEdit {
                range,
                text: text.to_string(),
            }),
        }
    }
    out
}
