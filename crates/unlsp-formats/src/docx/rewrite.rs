//! Fixes of the extracted text written back into a .docx: each edit lands
//! in the `w:t` elements whose characters it covers, every other byte of
//! every part is kept, and the package is read again to prove that its
//! text is the fixed text and nothing else changed.

use super::builder::{Part, RunText};
use super::package::Package;
use super::read::read_package;
use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

/// A change of one element's text: the range of its text, the new text.
type Local = (Range<usize>, String);

/// A change of the extracted text: `range` replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub text: String,
}

/// The package with `edits` (non-overlapping, in ranges of the extracted
/// text) written into its runs. An edit that touches text Word writes
/// itself (an automatic number, a footnote marker, the line breaks between
/// paragraphs) refuses the whole rewrite.
pub fn apply(bytes: Vec<u8>, edits: &[TextEdit]) -> Result<Vec<u8>, String> {
    let mut pkg = Package::open(bytes)?;
    let read = read_package(&mut pkg)?;
    // per element (part, XML range of its text): (range in its text, new text)
    let mut changes: BTreeMap<(u8, usize, usize), Vec<Local>> = BTreeMap::new();
    for e in edits {
        for (run, (local, text)) in place(&read.runs, e)? {
            let key = (run.part as u8, run.xml.start, run.xml.end);
            changes.entry(key).or_default().push((local, text));
        }
    }
    let mut document = read.document.clone();
    let mut footnotes = read.footnotes.clone().unwrap_or_default();
    let mut endnotes = read.endnotes.clone().unwrap_or_default();
    for ((part, start, end), mut edits) in changes.into_iter().rev() {
        let xml = if part == Part::Document as u8 {
            &mut document
        } else if part == Part::Footnotes as u8 {
            &mut footnotes
        } else {
            &mut endnotes
        };
        let mut text = unescape(&xml[start..end]);
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (r, t) in edits {
            if r.end > text.len()
                || !text.is_char_boundary(r.start)
                || !text.is_char_boundary(r.end)
            {
                return Err("a fix does not fall on the characters of a run".into());
            }
            text.replace_range(r, &t);
        }
        xml.replace_range(start..end, &escape(&text));
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let zip = pkg.archive();
    for i in 0..zip.len() {
        let name = zip
            .by_index_raw(i)
            .map_err(|e| e.to_string())?
            .name()
            .map_err(|e| e.to_string())?
            .to_string();
        let new = if name == read.document_name && document != read.document {
            Some(&document)
        } else if name == read.footnotes_name && read.footnotes.as_ref() != Some(&footnotes) {
            Some(&footnotes)
        } else if name == read.endnotes_name && read.endnotes.as_ref() != Some(&endnotes) {
            Some(&endnotes)
        } else {
            None
        };
        match new {
            Some(xml) => {
                let opts = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                out.start_file(name, opts).map_err(|e| e.to_string())?;
                out.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
            }
            None => {
                let f = zip.by_index_raw(i).map_err(|e| e.to_string())?;
                out.raw_copy_file(f).map_err(|e| e.to_string())?;
            }
        }
    }
    let bytes = out.finish().map_err(|e| e.to_string())?.into_inner();
    verify(&read.extracted.text, edits, &bytes)?;
    Ok(bytes)
}

/// Where an edit lands: the runs it covers, each with the range of its own
/// text replaced and the replacement (all of it in the first run).
fn place<'r>(runs: &'r [RunText], e: &TextEdit) -> Result<Vec<(&'r RunText, Local)>, String> {
    let refuse = || {
        "a fix changes text Word writes itself (a number, a footnote marker, a paragraph break): not written into the document".to_string()
    };
    if e.range.is_empty() {
        // an insertion: at the end of the run before it, else the start of
        // the run after it
        let run = runs
            .iter()
            .find(|r| r.text.start < e.range.start && e.range.start <= r.text.end)
            .or_else(|| runs.iter().find(|r| r.text.start == e.range.start))
            .ok_or_else(refuse)?;
        let at = run.skip + e.range.start - run.text.start;
        return Ok(vec![(run, (at..at, e.text.clone()))]);
    }
    let mut out = Vec::new();
    let mut pos = e.range.start;
    for r in runs
        .iter()
        .filter(|r| r.text.start < e.range.end && e.range.start < r.text.end)
    {
        if r.text.start > pos {
            return Err(refuse());
        }
        let from = pos - r.text.start + r.skip;
        let to = e.range.end.min(r.text.end) - r.text.start + r.skip;
        let text = if out.is_empty() {
            e.text.clone()
        } else {
            String::new()
        };
        out.push((r, (from..to, text)));
        pos = e.range.end.min(r.text.end);
    }
    if pos < e.range.end || out.is_empty() {
        return Err(refuse());
    }
    Ok(out)
}

/// The rewritten package, read again, must give the old text with the
/// edits applied, character for character.
fn verify(old: &str, edits: &[TextEdit], bytes: &[u8]) -> Result<(), String> {
    let mut expected = String::with_capacity(old.len());
    let mut pos = 0;
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    for e in sorted {
        expected.push_str(&old[pos..e.range.start]);
        expected.push_str(&e.text);
        pos = e.range.end;
    }
    expected.push_str(&old[pos..]);
    let again = super::read::read(bytes.to_vec())?;
    if again.text != expected {
        return Err("the fixed document does not read back as the fixed text: not written".into());
    }
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Character data as text: the five predefined entities and character
/// references (a part has no DTD, so no other entity).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let name = &tail[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out
}
