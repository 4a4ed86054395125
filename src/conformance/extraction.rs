//! A text read from a PDF measured against another extraction of the same
//! PDF: the outline the parser makes of each, and their words compared in
//! order.

use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{HashMap, HashSet};
use unlsp_syntax::Document;
use unlsp_syntax::tree::NodeKind;

/// The outline as the parser reads it: every preambular, operative and
/// subparagraph node with its label, in order, then the footnotes in order
/// (where a footnote floats differs between a page foot and a Markdown
/// definition at the end).
pub fn outline_key(text: &str) -> Vec<String> {
    let doc = Document::new(text);
    let tree = doc.tree();
    let (mut out, mut notes) = (Vec::new(), Vec::new());
    tree.walk(&mut |n: &unlsp_syntax::tree::Node, _| {
        let key = format!("{} {}", n.kind.name(), n.label.as_deref().unwrap_or(""));
        match n.kind {
            NodeKind::Preambular | NodeKind::Operative | NodeKind::Subparagraph => out.push(key),
            NodeKind::Footnote => notes.push(key),
            _ => {}
        }
    });
    out.append(&mut notes);
    out
}

/// Words compared in order: (in both, only in ours, only in theirs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordAgreement {
    pub same: usize,
    pub ours: usize,
    pub theirs: usize,
}

impl WordAgreement {
    /// The words in both over the words of the longer side.
    pub fn rate(&self) -> f64 {
        let n = (self.same + self.ours).max(self.same + self.theirs);
        if n == 0 {
            1.0
        } else {
            self.same as f64 / n as f64
        }
    }

    pub fn add(&mut self, o: &WordAgreement) {
        self.same += o.same;
        self.ours += o.ours;
        self.theirs += o.theirs;
    }
}

/// `ours` (Markdown: footnote definitions at the end; or an extracted
/// document's text: the footnotes after a rule) against `theirs` (a
/// line extraction: footnotes under a rule at each page foot, the page
/// furniture between pages), each split into body and footnotes, the
/// furniture left out, words compared in order per part. A word is a run of
/// letters and digits, so `[^4]` and a glued `2011,4` both give `4`.
pub fn word_agreement(ours: &str, theirs: &str) -> WordAgreement {
    let (ob, on) = split_markdown(ours);
    let (tb, tn) = split_extraction(theirs);
    let mut a = diff_words(&words(&ob), &words(&tb));
    a.add(&diff_words(&words(&on), &words(&tn)));
    a
}

fn diff_words(a: &[&str], b: &[&str]) -> WordAgreement {
    let mut w = WordAgreement::default();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        match op {
            DiffOp::Equal { len, .. } => w.same += len,
            DiffOp::Delete { old_len, .. } => w.ours += old_len,
            DiffOp::Insert { new_len, .. } => w.theirs += new_len,
            DiffOp::Replace {
                old_len, new_len, ..
            } => {
                w.ours += old_len;
                w.theirs += new_len;
            }
        }
    }
    w
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Body and footnotes of Markdown (`[^n]: …` definitions) or of an
/// extracted document's text (the footnotes after the rule).
fn split_markdown(s: &str) -> (String, String) {
    let (mut body, mut notes) = (String::new(), String::new());
    let mut after_rule = false;
    for para in s.split("\n\n") {
        let t = para.trim_start();
        if t.trim_end() == unlsp_formats::extracted::FOOTNOTE_RULE {
            after_rule = true;
            continue;
        }
        let note = after_rule
            || (t.starts_with("[^") && t.split_once("]:").is_some_and(|(l, _)| !l.contains(' ')));
        let out = if note { &mut notes } else { &mut body };
        out.push_str(para);
        out.push('\n');
    }
    (body, notes)
}

/// Page furniture in a line extraction: job numbers, barcodes, page
/// numbers, the rule, the symbol repeated at each page top.
fn furniture(line: &str, symbol: Option<&str>) -> bool {
    let t = line.trim();
    let job = t.len() >= 8
        && t.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && t.as_bytes()[2] == b'-'
        && t.as_bytes()[3..8].iter().all(u8::is_ascii_digit);
    let barcode = t.len() > 2
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit());
    let page = t.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && (a.to_owned() + b).bytes().all(|c| c.is_ascii_digit())
    });
    job || barcode || page || (!t.is_empty() && t.bytes().all(|b| b == b'_')) || symbol == Some(t)
}

/// Body and footnotes of a line extraction: the lines under a rule are
/// notes until the next page's furniture; the running header (the lines a
/// page top repeats beside the job or page number, three times or more) is furniture after its first
/// appearance.
fn split_extraction(s: &str) -> (String, String) {
    let symbol = s
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("A/") && !l.contains(' '));
    let lines: Vec<&str> = s.lines().collect();
    let near_furniture = |i: usize| {
        lines[i.saturating_sub(8)..(i + 9).min(lines.len())]
            .iter()
            .any(|l| furniture(l, symbol))
    };
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let l = l.trim();
        if l.len() >= 10 && near_furniture(i) {
            *count.entry(l).or_default() += 1;
        }
    }
    let (mut body, mut notes) = (String::new(), String::new());
    let mut in_notes = false;
    let mut seen = HashSet::new();
    // the running title under a repeated symbol, up to the blank line
    let mut header = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if header {
            header = !t.is_empty();
            if header {
                continue;
            }
        }
        if !t.is_empty() && t.bytes().all(|b| b == b'_') {
            in_notes = true;
            continue;
        }
        // a sponsors' note (`* On behalf of …`) may stand without a rule
        if t.starts_with("* ") || t.starts_with("** ") {
            in_notes = true;
        }
        let running = count.get(t).is_some_and(|&n| n >= 2) && near_furniture(i);
        if furniture(t, symbol) || running {
            if (symbol == Some(t) || running) && seen.insert(t) {
                body.push_str(t);
                body.push('\n');
            } else if symbol == Some(t) {
                header = true;
            }
            in_notes = false;
            continue;
        }
        let out = if in_notes { &mut notes } else { &mut body };
        out.push_str(line);
        out.push('\n');
    }
    (body, notes)
}

/// The words that differ, a line per stretch (`-ours +theirs`), body then
/// footnotes: what a report lists to show why two extractions disagree.
pub fn word_differences(ours: &str, theirs: &str) -> Vec<String> {
    let (ob, on) = split_markdown(ours);
    let (tb, tn) = split_extraction(theirs);
    let mut out = Vec::new();
    for (a, b) in [(words(&ob), words(&tb)), (words(&on), words(&tn))] {
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            if let DiffOp::Equal { .. } = op {
                continue;
            }
            out.push(format!(
                "-{} +{}",
                a[op.old_range()].join(" "),
                b[op.new_range()].join(" ")
            ));
        }
    }
    out
}
