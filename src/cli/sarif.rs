//! `unlsp check --format sarif` (SARIF 2.1.0) and `--format github` (workflow
//! annotations).

use super::check::report::FileReport;
use serde_json::{Value, json};
use unlsp_analysis::{Severity, catalogue};
use unlsp_syntax::text::LineIndex;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// SARIF region: 1-based line and column (columns in Unicode code points).
fn region(li: &LineIndex, text: &str, r: &std::ops::Range<usize>) -> Value {
    let s = li.position(text, r.start);
    let e = li.position(text, r.end.max(r.start));
    // SARIF columns count the BOM, unlike the JSON contract's
    let col = |p: &unlsp_syntax::text::Position| {
        let bom = p.line == 1 && text.starts_with('\u{feff}') && p.offset > 0;
        p.column + usize::from(bom)
    };
    let start = li.chars_before(text, s.offset);
    let end = li.chars_before(text, e.offset);
    json!({
        "startLine": s.line,
        "startColumn": col(&s),
        "endLine": e.line,
        "endColumn": col(&e),
        "charOffset": start,
        "charLength": end - start,
    })
}

/// A file's URI: `file:///…` for an absolute path; a relative path stays
/// relative (resolved against the run's working folder), each segment
/// percent-encoded (`my draft#2.txt` → `my%20draft%232.txt`).
fn uri(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute()
        && let Ok(u) = url::Url::from_file_path(p)
    {
        return u.to_string();
    }
    let mut u = url::Url::parse("file:///").expect("a valid base");
    if let Ok(mut segments) = u.path_segments_mut() {
        segments.clear().extend(path.split(['/', '\\']));
    }
    u.path().trim_start_matches('/').to_string()
}

/// The whole SARIF log of a run's reports.
pub fn sarif(reports: &[FileReport]) -> Value {
    let mut log = Sarif::default();
    for f in reports {
        log.file(f);
    }
    log.finish()
}

/// A SARIF log built file by file: each file's results and artifact are
/// made as it comes, so its text need not be kept until the end.
#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
    artifacts: Vec<Value>,
}

impl Sarif {
    pub fn file(&mut self, f: &FileReport) {
        let index = rule_index();
        self.artifacts
            .push(json!({ "location": { "uri": uri(&f.path) }, "sourceLanguage": f.lang.code() }));
        let li = LineIndex::new(&f.text);
        for (k, d) in f.diagnostics.iter().enumerate() {
            let mut loc = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&f.path) },
                    "region": region(&li, &f.text, &d.range),
                }
            });
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": index.get(d.code).copied().unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [loc],
                "properties": { "severity": d.severity.name() },
            });
            // a Word document or a PDF: the regions are those of its extracted text
            // (`unlsp convert --to txt`); its own place and paragraph beside
            if let Some(l) = &f.located {
                r["properties"]["source"] = l.source_json(d.range.start);
                if let Some(place) = l.places.get(k) {
                    loc["logicalLocations"] = json!([{ "name": place, "kind": "paragraph" }]);
                    r["locations"] = json!([loc]);
                }
            }
            if !d.related.is_empty() {
                r["relatedLocations"] = Value::Array(
                    d.related
                        .iter()
                        .enumerate()
                        .map(|(i, rel)| {
                            json!({
                                "id": i,
                                "message": { "text": rel.message },
                                "physicalLocation": {
                                    "artifactLocation": { "uri": uri(&f.path) },
                                    "region": region(&li, &f.text, &rel.range),
                                }
                            })
                        })
                        .collect(),
                );
            }
            // a fix of a Word document is written into its runs by `--fix`
            // (a PDF is never fixed),
            // never as text replacements in the package
            if let Some(fix) = d.fix.as_ref().filter(|_| f.located.is_none()) {
                r["fixes"] = json!([{
                    "description": { "text": fix.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&f.path) },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": region(&li, &f.text, &e.range),
                            "insertedContent": { "text": e.text },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            self.results.push(r);
        }
    }

    /// The log: the rules, then every file's artifact and results.
    pub fn finish(self) -> Value {
        let rules: Vec<Value> = catalogue()
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.name,
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.explanation },
                    "help": { "text": format!("{}\n\nBad:\n{}\n\nGood:\n{}", r.explanation, r.bad, r.good) },
                    "defaultConfiguration": { "level": level(r.severity), "enabled": r.default_on },
                    "properties": { "scopes": r.scopes.iter().map(|s| s.name()).collect::<Vec<_>>() },
                })
            })
            .collect();
        json!({
            "$schema": "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "unlsp",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/unlsp/unlsp",
                    "rules": rules,
                }},
                "artifacts": self.artifacts,
                "results": self.results,
                "columnKind": "unicodeCodePoints",
            }],
        })
    }
}

/// Each rule's place in the log's rule list.
fn rule_index() -> &'static std::collections::HashMap<&'static str, usize> {
    static INDEX: std::sync::LazyLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| {
            catalogue()
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id, i))
                .collect()
        });
    &INDEX
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=UN010::message`
pub fn github(reports: &[FileReport]) -> String {
    reports.iter().map(github_file).collect()
}

/// One file's workflow annotations, a line each.
pub fn github_file(f: &FileReport) -> String {
    let esc_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    let li = LineIndex::new(&f.text);
    for d in &f.diagnostics {
        let s = li.position(&f.text, d.range.start);
        let e = li.position(&f.text, d.range.end.max(d.range.start));
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "notice",
        };
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            esc_prop(&f.path),
            s.line,
            s.column,
            e.line,
            e.column,
            esc_prop(&format!("{} ({})", d.code, d.severity.name())),
            esc_data(&d.message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn file_uris_are_percent_encoded() {
        assert_eq!(uri("drafts/a.txt"), "drafts/a.txt");
        assert_eq!(
            uri("my drafts/a#2 (rev).txt"),
            "my%20drafts/a%232%20(rev).txt"
        );
        assert_eq!(uri("drafts\\a.txt"), "drafts/a.txt");
        assert_eq!(
            uri("/tmp/проект/a.txt"),
            "file:///tmp/%D0%BF%D1%80%D0%BE%D0%B5%D0%BA%D1%82/a.txt"
        );
        assert_eq!(uri("/tmp/50%.txt"), "file:///tmp/50%25.txt");
    }
}
