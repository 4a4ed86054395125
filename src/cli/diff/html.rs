//! `--format html`: the compilation text as one self-contained page (no
//! script, no external resource) that prints well.

use super::compilation::{Block, blocks, formerly, outline_summary, summary};
use super::report::Report;
use unlsp_analysis::diff::{ChangeKind, Op};
use unlsp_syntax::tree::NodeKind;

const STYLE: &str = r#"
body { font: 12pt/1.5 "Times New Roman", Times, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.3em; margin-bottom: .2em; }
.files { color: #555; font-size: .9em; margin-top: 0; }
table.summary { border-collapse: collapse; margin: 1em 0 2em; font-size: .9em; }
table.summary td, table.summary th { border: 1px solid #bbb; padding: .2em .7em; text-align: right; }
table.summary th { background: #eee; text-align: left; }
.para { display: flex; gap: .8em; margin: .6em 0; padding-left: .5em; border-left: 3px solid transparent; }
.para.changed, .para.added, .para.moved, .para.split, .para.merged { border-left-color: #c60; }
.para.deleted { border-left-color: #b00; color: #666; }
.para.renumbered .margin { color: #a50; }
.para.sub { margin-left: 2.5em; }
.para.heading .text { font-weight: bold; text-align: center; width: 100%; }
.para.title .text { font-size: 1.15em; }
hr.notes { width: 30%; margin: 2em 0 .5em; border: 0; border-top: 1px solid #888; }
.para.footnote { font-size: .85em; margin: .3em 0; }
.para.footnote .margin { flex-basis: 2.5em; }
.outline { font-size: .9em; margin: -1.5em 0 2em; }
.margin { flex: 0 0 4.5em; text-align: right; font-variant-numeric: tabular-nums; color: #333; }
.text { flex: 1; text-align: justify; }
del { color: #b00; text-decoration: line-through; }
ins { color: #064; text-decoration: none; font-weight: bold; }
del + ins, ins + del { margin-left: .25em; }
.note { font-style: italic; color: #a50; font-size: .85em; margin-right: .4em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .para { break-inside: avoid; }
  del, ins, .note, .para { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn class(b: &Block) -> String {
    let mut c = vec!["para"];
    if let Some(k) = b.change {
        c.push(k.name());
    }
    if b.kind == NodeKind::Subparagraph {
        c.push("sub");
    }
    match b.kind {
        NodeKind::Section | NodeKind::Annex => c.push("heading"),
        NodeKind::Title => c.extend(["heading", "title"]),
        NodeKind::Footnote => c.push("footnote"),
        _ => {}
    }
    c.join(" ")
}

fn paragraph(b: &Block, out: &mut String) {
    let title = formerly(&b.margin)
        .filter(|_| b.change != Some(ChangeKind::Deleted))
        .map(|f| format!(" title=\"formerly {}\"", esc(f)))
        .unwrap_or_default();
    out.push_str(&format!(
        "<div class=\"{}\"><div class=\"margin\"{title}>{}</div><div class=\"text\">",
        class(b),
        esc(&b.margin)
    ));
    if let Some(n) = &b.note {
        out.push_str(&format!("<span class=\"note\">({})</span>", esc(n)));
    }
    for (op, t) in &b.segments {
        match op {
            Op::Equal => out.push_str(&esc(t)),
            Op::Delete => out.push_str(&format!("<del>{}</del>", esc(t))),
            Op::Insert => out.push_str(&format!("<ins>{}</ins>", esc(t))),
        }
    }
    out.push_str("</div></div>\n");
}

pub(super) fn render(r: &Report) -> String {
    let mut s = String::from("<!DOCTYPE html>\n<html lang=\"");
    s.push_str(r.new.doc.tree().lang.code());
    s.push_str("\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str(&format!(
        "<title>Compilation: {}</title>\n<style>{STYLE}</style></head><body>\n",
        esc(&r.new.name)
    ));
    // the title itself is the compilation's first block, its changes marked
    let symbol = r.new.doc.tree().meta.symbol.clone();
    s.push_str(&format!(
        "<h1>Compilation text{}</h1>\n<p class=\"files\">{} → {}</p>\n",
        symbol.map(|x| format!(": {}", esc(&x))).unwrap_or_default(),
        esc(&r.old.name),
        esc(&r.new.name)
    ));
    s.push_str("<table class=\"summary\"><tr>");
    let sum = summary(r);
    for (k, _) in &sum {
        s.push_str(&format!("<th>{}</th>", esc(k)));
    }
    s.push_str("</tr><tr>");
    for (_, n) in &sum {
        s.push_str(&format!("<td>{n}</td>"));
    }
    s.push_str("</tr></table>\n");
    let outline = outline_summary(r);
    if !outline.is_empty() {
        s.push_str(&format!(
            "<p class=\"outline\">Of which: {}.</p>\n",
            esc(&outline.join(", "))
        ));
    }
    let mut in_notes = false;
    for b in blocks(r) {
        if b.kind == NodeKind::Footnote && !in_notes {
            s.push_str("<hr class=\"notes\">\n");
            in_notes = true;
        }
        paragraph(&b, &mut s);
    }
    s.push_str("</body></html>\n");
    s
}
