//! What `check` found in a file, and how it is written: JSON, or lines
//! for a person (`path:line:col: severity[UN010]: message`, the source line
//! and a caret under the span; for a Word document `draft.docx: operative
//! paragraph 5: …`, for a PDF `draft.pdf: page 3, operative paragraph 4: …`).

use serde_json::json;
use std::io::Write;
use unicode_width::UnicodeWidthStr;
use unlsp_analysis::Diagnostic;
use unlsp_syntax::Lang;
use unlsp_syntax::text::LineIndex;

/// A checked file: its text and diagnostics, with the language and kind of
/// its document (the parsed tree itself is not kept, so that a folder of
/// many files holds texts, not trees).
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub lang: Lang,
    pub kind: &'static str,
    pub diagnostics: Vec<Diagnostic>,
    /// For a document read out of another format (Word, PDF): the map back to
    /// it and each diagnostic's place.
    pub located: Option<Box<super::located::Located>>,
}

pub fn check_json(reports: &[FileReport]) -> serde_json::Value {
    json!({
        "version": 1,
        "files": reports.iter().map(|r| {
            let li = LineIndex::new(&r.text);
            json!({
                "path": r.path,
                "language": r.lang.code(),
                "kind": r.kind,
                "diagnostics": r.diagnostics.iter().map(|d| {
                    let mut v = json!({
                        "code": d.code,
                        "severity": d.severity.name(),
                        "message": d.message,
                        "range": crate::cli::outline::range_json(&li, &r.text, &d.range),
                    });
                    if let Some(l) = &r.located {
                        v["source"] = l.source_json(d.range.start);
                    }
                    v
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// `path:line:col: severity[UN010]: message`, the source line and a caret
/// under the span (East Asian wide characters count two columns).
pub fn human(w: &mut impl Write, reports: &[FileReport]) {
    let mut counts = [0usize; 4];
    let mut per_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in reports {
        let li = LineIndex::new(&r.text);
        for (k, d) in r.diagnostics.iter().enumerate() {
            counts[d.severity as usize] += 1;
            *per_rule.entry(d.code).or_default() += 1;
            let p = li.position(&r.text, d.range.start);
            // a Word document or a PDF: the place as its reader finds it
            let place = match r.located.as_ref().and_then(|l| l.places.get(k)) {
                Some(place) => format!("{}: {place}", r.path),
                None => format!("{}:{}:{}", r.path, p.line, p.column),
            };
            let _ = writeln!(
                w,
                "{place}: {}[{}]: {}",
                d.severity.name(),
                d.code,
                d.message
            );
            let lr = li.line_range(&r.text, p.line - 1);
            let line = &r.text[lr.clone()];
            let (shown, cut) = clip_line(line, d.range.start - lr.start);
            let _ = writeln!(w, "  | {}", shown.replace('\t', " "));
            let before = &shown[..unlsp_syntax::text::clamp_to_char(&shown, cut)];
            let span_start = unlsp_syntax::text::clamp_to_char(&r.text, d.range.start);
            let span_end =
                unlsp_syntax::text::clamp_to_char(&r.text, d.range.end.min(lr.end).max(span_start));
            let span_text = &r.text[span_start..span_end.max(span_start)];
            let width = UnicodeWidthStr::width(span_text).clamp(1, 80);
            let _ = writeln!(
                w,
                "  | {}{}",
                " ".repeat(UnicodeWidthStr::width(before)),
                "^".repeat(width)
            );
        }
    }
    let total: usize = counts.iter().sum();
    let mut top: Vec<(&&str, &usize)> = per_rule.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top
        .iter()
        .take(5)
        .map(|(k, v)| format!("{k} ×{v}"))
        .collect();
    let _ = writeln!(
        w,
        "{} file{} checked: {} error{}, {} warning{}, {} information, {} hint{}{}",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" },
        counts[0],
        if counts[0] == 1 { "" } else { "s" },
        counts[1],
        if counts[1] == 1 { "" } else { "s" },
        counts[2],
        counts[3],
        if counts[3] == 1 { "" } else { "s" },
        if total > 0 {
            format!(" (most frequent: {})", top.join(", "))
        } else {
            String::new()
        }
    );
}

/// A long line (one-line texts) is shown as a window around the column.
pub fn clip_line(line: &str, col: usize) -> (String, usize) {
    let col = unlsp_syntax::text::clamp_to_char(line, col);
    if line.len() <= 160 {
        return (line.to_string(), col);
    }
    let mut start = col.saturating_sub(60);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (col + 100).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = if start > 0 { "…" } else { "" };
    (
        format!("{prefix}{}", &line[start..end]),
        col - start + prefix.len(),
    )
}
