//! Runs of text put together into paragraphs and footnotes: through the
//! structure tree when the PDF is tagged, through the layout when not.

use super::content::{Page, Run};
use super::lines::{Joiner, cover_lines, is_furniture, page_lines};
use super::model::{PdfFootnote, PdfParagraph, PdfText};
use super::structure::Block;
use lopdf::ObjectId;
use std::collections::HashMap;

/// A tagged PDF: each paragraph of the tree with the runs its marked
/// content holds; the artifacts (running headers, job numbers, barcodes,
/// page numbers, the footnote rule) are left out, except the first page's
/// heading (symbol, distribution, date), which the text needs.
pub(super) fn tagged(pages: &[Page], blocks: &[Block]) -> PdfText {
    let page_no: HashMap<ObjectId, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i + 1))
        .collect();
    let mut by_mcid: HashMap<(ObjectId, i64), Vec<&Run>> = HashMap::new();
    for p in pages {
        for r in &p.runs {
            if let (Some(m), false) = (r.mcid, r.artifact) {
                by_mcid.entry((p.id, m)).or_default().push(r);
            }
        }
    }
    let mut out = PdfText {
        pages: pages.len(),
        tagged: true,
        ..PdfText::default()
    };
    if let Some(first) = pages.first() {
        let top = first
            .runs
            .iter()
            .filter(|r| !r.artifact && r.mcid.is_some())
            .map(|r| r.y)
            .fold(f64::MIN, f64::max);
        let heading: Vec<&Run> = first
            .runs
            .iter()
            .filter(|r| r.artifact && r.y > top)
            .collect();
        for text in cover_lines(&heading) {
            push_paragraph(&mut out, text, 1);
        }
    }
    let mut notes: Vec<PdfFootnote> = Vec::new();
    let mut last_body: Option<(usize, f64, f64)> = None;
    for b in blocks {
        let runs = runs_of(&b.parts, &by_mcid);
        let Some(page) = b.parts.first().and_then(|(p, _)| page_no.get(p)).copied() else {
            continue;
        };
        let beside = same_row(last_body.as_ref(), page, &runs);
        match b.note {
            None => {
                let text = if b.cells.is_empty() {
                    Joiner::new(&runs).body()
                } else {
                    row_text(b, &by_mcid)
                };
                if let Some(r) = runs.last() {
                    last_body = Some((page, r.y, r.x1));
                }
                match out.paragraphs.last_mut() {
                    // a table tagged as paragraphs: a cell on the line of the one before
                    Some(prev) if beside && !text.is_empty() && !is_furniture(&text) => {
                        prev.text.push('\t');
                        prev.text.push_str(&text);
                    }
                    _ => push_paragraph(&mut out, text, page),
                }
            }
            Some(n) => {
                // one `Footnote` element may hold several notes, a
                // paragraph each: a new note opens at each label
                let (label, text) = Joiner::new(&runs).note();
                match (label, notes.last_mut()) {
                    (None, Some(last)) => {
                        if !text.is_empty() {
                            last.text.push(' ');
                            last.text.push_str(&text);
                        }
                    }
                    (label, _) => notes.push(PdfFootnote {
                        label: label.unwrap_or_else(|| (n + 1).to_string()),
                        text,
                        page,
                    }),
                }
            }
        }
    }
    out.footnotes = notes.into_iter().filter(|f| !f.text.is_empty()).collect();
    adopt_star_notes(&mut out);
    out
}

/// A `*` note set as a body paragraph (`* Any changes to the list of
/// sponsors …`) whose marker stands in the text becomes a footnote.
fn adopt_star_notes(out: &mut PdfText) {
    let (mut k, mut adopted) = (0, 0);
    while k < out.paragraphs.len() {
        let t = &out.paragraphs[k].text;
        let stars = t.bytes().take_while(|&b| b == b'*').count();
        let label = &t[..stars];
        let wanted = (1..=3).contains(&stars)
            && t[stars..].starts_with(' ')
            && !out.footnotes.iter().any(|f| f.label == label)
            && out.paragraphs[..k]
                .iter()
                .any(|p| p.text.contains(&format!("[^{label}]")));
        if wanted {
            let p = out.paragraphs.remove(k);
            adopted += 1;
            out.footnotes.insert(
                adopted - 1,
                PdfFootnote {
                    label: p.text[..stars].to_string(),
                    text: p.text[stars..].trim().to_string(),
                    page: p.page,
                },
            );
        } else {
            k += 1;
        }
    }
}

/// Does a paragraph start on the line where the last one ended, to its
/// right (a table cell the tree tags as a paragraph)?
fn same_row(last: Option<&(usize, f64, f64)>, page: usize, runs: &[&Run]) -> bool {
    let (Some(&(p, y, x1)), Some(first)) = (last, runs.first()) else {
        return false;
    };
    p == page && (first.y - y).abs() < 1.0 && first.x0 > x1
}

/// The runs of an element's marked content, in order. A table's header
/// row that Word repeats on each page is one element whose content is on
/// every page alike: the first page's is kept.
fn runs_of<'r>(
    parts: &[(ObjectId, i64)],
    by_mcid: &HashMap<(ObjectId, i64), Vec<&'r Run>>,
) -> Vec<&'r Run> {
    let mut pages: Vec<(ObjectId, String, Vec<&Run>)> = Vec::new();
    for k in parts {
        let Some(runs) = by_mcid.get(k) else {
            continue;
        };
        if pages.last().is_none_or(|p| p.0 != k.0) {
            pages.push((k.0, String::new(), Vec::new()));
        }
        if let Some(p) = pages.last_mut() {
            p.1.extend(runs.iter().map(|r| r.text.as_str()));
            p.2.extend(runs.iter().copied());
        }
    }
    let repeated = pages.len() > 1
        && pages.iter().all(|p| p.1.trim() == pages[0].1.trim())
        && !pages[0].1.trim().is_empty();
    if repeated {
        pages.truncate(1);
    }
    pages.into_iter().flat_map(|p| p.2).collect()
}

/// A table row: its cells' text, a tab between.
fn row_text(b: &Block, by_mcid: &HashMap<(ObjectId, i64), Vec<&Run>>) -> String {
    let mut bounds = b.cells.clone();
    bounds.push(b.parts.len());
    let mut cells = Vec::new();
    let mut from = 0;
    for to in bounds {
        let runs = runs_of(&b.parts[from..to.max(from)], by_mcid);
        let text = Joiner::new(&runs).body();
        if !text.is_empty() {
            cells.push(text);
        }
        from = to.max(from);
    }
    cells.join("\t")
}

fn push_paragraph(out: &mut PdfText, text: String, page: usize) {
    if !text.is_empty() && !is_furniture(&text) {
        out.paragraphs.push(PdfParagraph { text, page });
    }
}

/// An untagged PDF: lines from the layout, a paragraph where the gap
/// between lines opens, footnotes under the rule at the page foot.
pub(super) fn untagged(pages: &[Page]) -> PdfText {
    let mut out = PdfText {
        pages: pages.len(),
        tagged: false,
        ..PdfText::default()
    };
    let mut symbol: Option<String> = None;
    for (i, p) in pages.iter().enumerate() {
        let runs: Vec<&Run> = p.runs.iter().collect();
        let (body, notes) = page_lines(&runs);
        for text in body {
            // the symbol the first page shows, repeated at each page top
            if i == 0 && symbol.is_none() && text.starts_with("A/") && !text.contains(' ') {
                symbol = Some(text.clone());
            } else if i > 0 && symbol.as_ref() == Some(&text) {
                continue;
            }
            push_paragraph(&mut out, text, i + 1);
        }
        for (label, text) in notes {
            out.footnotes.push(PdfFootnote {
                label,
                text,
                page: i + 1,
            });
        }
    }
    out
}
