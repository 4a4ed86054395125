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

impl FileReport {
    pub fn has_error(&self) -> bool {
        (self.diagnostics.iter()).any(|d| d.severity == unlsp_analysis::Severity::Error)
    }
}

pub fn check_json(reports: &[FileReport]) -> serde_json::Value {
    json!({
        "version": 1,
        "files": reports.iter().map(file_json).collect::<Vec<_>>(),
    })
}

/// One file's entry of `check --format json`.
pub fn file_json(r: &FileReport) -> serde_json::Value {
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
}

/// A pretty-printed JSON document written while one of its arrays is still
/// being filled: the text before the array, each item as it comes, then the
/// text after. Byte for byte what `serde_json::to_string_pretty` prints for
/// the whole document.
pub struct JsonStream {
    /// The items' indentation.
    indent: String,
    /// The document after the array's last item, from the line break
    /// before its `]`.
    tail: String,
    items: usize,
}

impl JsonStream {
    /// The skeleton's placeholder item, the only string of its kind there.
    const SLOT: &'static str = "\u{1}items\u{1}";

    /// Writes `skeleton` up to the array that holds [`JsonStream::slot`].
    pub fn begin(w: &mut impl Write, skeleton: &serde_json::Value) -> std::io::Result<JsonStream> {
        let s = serde_json::to_string_pretty(skeleton).unwrap_or_default();
        let mark = serde_json::to_string(Self::SLOT).unwrap_or_default();
        let at = s.find(&mark).unwrap_or(s.len());
        let line = s[..at].rfind('\n').map_or(0, |k| k + 1);
        // the text up to the array's `[`, without the line break after it
        w.write_all(&s.as_bytes()[..line.saturating_sub(1)])?;
        Ok(JsonStream {
            indent: s[line..at].to_string(),
            tail: s.get(at + mark.len()..).unwrap_or_default().to_string(),
            items: 0,
        })
    }

    /// The placeholder item that marks the streamed array in a skeleton.
    pub fn slot() -> serde_json::Value {
        serde_json::Value::String(Self::SLOT.into())
    }

    pub fn item(&mut self, w: &mut impl Write, v: &serde_json::Value) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(v).unwrap_or_default();
        w.write_all(if self.items == 0 { b"\n" } else { b",\n" })?;
        for (k, line) in text.lines().enumerate() {
            if k > 0 {
                w.write_all(b"\n")?;
            }
            write!(w, "{}{line}", self.indent)?;
        }
        self.items += 1;
        Ok(())
    }

    /// The rest of the document; an array that got no item prints `[]`.
    pub fn end(self, w: &mut impl Write) -> std::io::Result<()> {
        let tail = if self.items == 0 {
            self.tail.trim_start()
        } else {
            &self.tail
        };
        w.write_all(tail.as_bytes())
    }
}

/// `path:line:col: severity[UN010]: message`, the source line and a caret
/// under the span (East Asian wide characters count two columns).
pub fn human(w: &mut impl Write, reports: &[FileReport]) {
    let mut tally = Tally::default();
    for r in reports {
        human_file(w, r, &mut tally);
    }
    tally.summary(w);
}

/// What the human output's last line sums up.
#[derive(Default)]
pub struct Tally {
    files: usize,
    counts: [usize; 4],
    per_rule: std::collections::BTreeMap<&'static str, usize>,
}

/// One file's diagnostics for a person, counted into `tally`.
pub fn human_file(w: &mut impl Write, r: &FileReport, tally: &mut Tally) {
    tally.files += 1;
    let li = LineIndex::new(&r.text);
    for (k, d) in r.diagnostics.iter().enumerate() {
        tally.counts[d.severity as usize] += 1;
        *tally.per_rule.entry(d.code).or_default() += 1;
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

impl Tally {
    /// `3 files checked: 1 error, … (most frequent: UN010 ×2, …)`
    pub fn summary(&self, w: &mut impl Write) {
        let counts = self.counts;
        let total: usize = counts.iter().sum();
        let mut top: Vec<(&&str, &usize)> = self.per_rule.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top
            .iter()
            .take(5)
            .map(|(k, v)| format!("{k} ×{v}"))
            .collect();
        let _ = writeln!(
            w,
            "{} file{} checked: {} error{}, {} warning{}, {} information, {} hint{}{}",
            self.files,
            if self.files == 1 { "" } else { "s" },
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

#[cfg(test)]
mod tests {
    use super::JsonStream;
    use serde_json::json;

    /// A document streamed item by item reads byte for byte as the whole
    /// document printed at once: with no item, one, and several nested ones
    /// (Arabic and Chinese text kept as written).
    #[test]
    fn a_streamed_json_document_is_the_document_printed_at_once() {
        let items = [
            json!({"path": "a.txt", "diagnostics": [{"code": "UN010", "range": {"start": 1}}]}),
            json!({"path": "مشروع.txt", "diagnostics": []}),
            json!({"path": "决议.txt", "kind": "resolution", "diagnostics": [{"message": "“x”\n"}]}),
        ];
        for n in 0..=items.len() {
            let whole = json!({"version": 1, "files": items[..n]});
            let skeleton = json!({"version": 1, "files": [JsonStream::slot()]});
            let mut out = Vec::new();
            let mut stream = JsonStream::begin(&mut out, &skeleton).unwrap();
            for v in &items[..n] {
                stream.item(&mut out, v).unwrap();
            }
            stream.end(&mut out).unwrap();
            let expected = serde_json::to_string_pretty(&whole).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{n} items");
        }
    }
}
