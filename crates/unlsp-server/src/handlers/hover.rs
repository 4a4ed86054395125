//! `textDocument/hover`: a cited resolution (number, date, title, where it
//! lives — workspace or reference folder — and its first operative paragraph
//! when its text is there), a footnote marker (the footnote's text), a lead phrase (preambular or
//! operative, with its "also"/"further" forms), a paragraph reference (the
//! paragraph's first words).

use super::common::{
    body_after_label, catalogue_entry, catalogue_facts, footnote_by_number, operative_by_label,
    plain_text, title_in, touches,
};
use crate::convert::uri_to_path;
use crate::excerpt::first_words;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::path::Path;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_index::reference::{first_operative_in, first_operative_paragraph};
use unlsp_index::workspace::ActKey;
use unlsp_syntax::lexicon::{LeadClass, LeadForm, lexicon};
use unlsp_syntax::tree::{Citation, CitationKind, Lead};

fn markdown(value: String, v: &Snapshot, r: &std::ops::Range<usize>) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range: Some(v.range(r)),
    }
}

fn organ_name(o: Option<&str>) -> &'static str {
    match o {
        Some("GA") => "General Assembly ",
        Some("SC") => "Security Council ",
        Some("ECOSOC") => "Economic and Social Council ",
        Some("HRC") => "Human Rights Council ",
        _ => "",
    }
}

/// Bytes of a cited document read for its first operative paragraph.
const HOVER_READ_CAP: u64 = 512 * 1024;

/// Where a cited act's text is available, and its first operative paragraph.
#[derive(Default)]
struct Sources {
    workspace: Vec<String>,
    reference: Vec<String>,
    first_operative: Option<String>,
}

fn citation_text(c: &Citation, src: &Sources, lang: unlsp_syntax::lang::Lang) -> String {
    let noun = match c.kind {
        CitationKind::Resolution => "resolution ",
        CitationKind::Decision => "decision ",
        CitationKind::Document => "document ",
    };
    let mut s = format!(
        "**{}{noun}{}**\n\n",
        organ_name(c.organ.as_deref()),
        c.target
    );
    match catalogue_entry(c) {
        Some(e) => {
            s.push_str(&catalogue_facts(e));
            // the title as the document's language writes it
            if let Some(t) = title_in(e, lang) {
                s.push_str(&t);
            }
        }
        None => s.push_str("- Not in the catalogue\n"),
    }
    if src.workspace.is_empty() {
        s.push_str("- In the workspace: no\n");
    } else {
        for w in &src.workspace {
            s.push_str(&format!("- In the workspace: `{w}`\n"));
        }
    }
    for r in &src.reference {
        s.push_str(&format!("- In a reference folder: `{r}`\n"));
    }
    if let Some(p) = &src.first_operative {
        s.push_str(&format!(
            "\nFirst operative paragraph:\n\n> 1. {}\n",
            first_words(p, 600)
        ));
    }
    s
}

/// Where the act `target` lives (open documents and workspace, then reference
/// folders) and its first operative paragraph, read now from the first
/// document that has one (never kept in memory). Reads the disk.
fn sources_of(sh: &Shared, v: &Snapshot, target: &str) -> Sources {
    let uri = v.uri();
    let key = ActKey::new(target);
    let ws_ids: Vec<String> = sh
        .index()
        .documents_for(&key)
        .iter()
        .map(|f| f.id.clone())
        .filter(|id| id != uri.as_str())
        .collect();
    let refs = sh.refs();
    let ref_paths: Vec<String> = refs
        .index()
        .documents_for(&key)
        .iter()
        .map(|f| f.id.clone())
        .collect();
    // the first operative paragraph is near the top: parse at most this much
    let cap = v.settings().max_file_size().min(HOVER_READ_CAP);
    let mut first = None;
    for id in &ws_ids {
        let Ok(u) = Uri::from_str(id) else { continue };
        first = match sh
            .documents()
            .with_doc(&u, |d| d.doc().and_then(first_operative_in))
        {
            Some(p) => p,
            None => uri_to_path(&u).and_then(|p| first_operative_paragraph(&p, cap)),
        };
        if first.is_some() {
            break;
        }
    }
    if first.is_none() {
        first = ref_paths
            .iter()
            .find_map(|p| first_operative_paragraph(Path::new(p), cap));
    }
    Sources {
        workspace: ws_ids
            .iter()
            .map(|id| {
                id.parse()
                    .ok()
                    .and_then(|u| uri_to_path(&u))
                    .map(|p| p.display().to_string())
                    .unwrap_or(id.clone())
            })
            .collect(),
        reference: ref_paths,
        first_operative: first,
    }
}

fn lead_text(l: &Lead) -> String {
    let lex = lexicon();
    let class = match l.class {
        LeadClass::Preambular => "preambular",
        LeadClass::Operative => "operative",
    };
    let mut s = format!("**{}** — {class} lead phrase", l.text);
    let entries: Vec<_> = lex
        .entries
        .iter()
        .filter(|e| e.lang == l.lang && e.class == l.class && e.base == l.base)
        .collect();
    if let Some(g) = entries.iter().find(|e| !e.gloss.is_empty()) {
        s.push_str(&format!(" ({})", g.gloss));
    }
    if l.form != LeadForm::Base {
        s.push_str(&format!("; repeat form of *{}*", l.base));
    }
    s.push('\n');
    for (form, name) in [
        (LeadForm::Base, "base"),
        (LeadForm::Also, "also"),
        (LeadForm::Further, "further"),
    ] {
        let mut phrases: Vec<&str> = entries
            .iter()
            .filter(|e| e.form == form)
            .map(|e| e.phrase.as_str())
            .collect();
        phrases.dedup();
        if !phrases.is_empty() {
            s.push_str(&format!("\n- {name}: *{}*", phrases.join("*, *")));
        }
    }
    if l.class_mismatch {
        s.push_str("\n\nThis phrase is listed for the other part of a resolution.");
    }
    s
}

/// The hover at the position of `p` in the document of `v`; reads the
/// disk (a cited act's first operative paragraph): on a blocking thread.
pub(crate) fn run(sh: &Shared, v: &Snapshot, p: lsp::HoverParams) -> Option<lsp::Hover> {
    let mut h = hover_markdown(sh, v, p.text_document_position_params.position)?;
    if !v.client().markdown_hover
        && let lsp::HoverContents::Markup(m) = &mut h.contents
    {
        m.value = plain_text(&m.value);
        m.kind = lsp::MarkupKind::PlainText;
    }
    Some(h)
}

fn hover_markdown(sh: &Shared, v: &Snapshot, pos: lsp::Position) -> Option<lsp::Hover> {
    let o = v.offset(pos);
    let t = v.tree();
    let text = v.text();
    if let Some(r) = t.footnote_refs.iter().find(|r| touches(&r.range, o)) {
        let body = match footnote_by_number(t, r.number, r.range.start) {
            Some(f) => first_words(body_after_label(text, f), 600),
            None => "no footnote with this number".into(),
        };
        return Some(markdown(
            format!("**Footnote {}**\n\n{body}", r.number),
            v,
            &r.range,
        ));
    }
    if let Some(c) = t.citations.iter().find(|c| touches(&c.range, o)) {
        let sources = sources_of(sh, v, &c.target);
        return Some(markdown(citation_text(c, &sources, v.lang()), v, &c.range));
    }
    if let Some(r) = t
        .paragraph_refs
        .iter()
        .find(|r| r.of_citation.is_none() && touches(&r.range, o))
    {
        let n = operative_by_label(t, &r.number.to_string(), r.range.start)?;
        let s = format!(
            "**Paragraph {}**\n\n{}",
            r.number,
            first_words(body_after_label(text, n), 300)
        );
        return Some(markdown(s, v, &r.range));
    }
    let path = t.path_at(o);
    let lead = path
        .iter()
        .rev()
        .filter_map(|n| n.lead.as_ref())
        .find(|l| touches(&l.range, o))?;
    Some(markdown(lead_text(lead), v, &lead.range))
}

#[cfg(test)]
mod tests {
    use super::super::common::plain_text;

    #[test]
    fn markdown_becomes_plain_text() {
        let md = "**General Assembly resolution 61/100**\n\n- Adopted: 2006-12-06\n- Symbol: [A/RES/61/100](https://undocs.org/A/RES/61/100)\n- In the workspace: `/tmp/a.unres`\n\nFirst operative paragraph:\n\n> 1. *Calls upon* all States;";
        assert_eq!(
            plain_text(md),
            "General Assembly resolution 61/100\n\n- Adopted: 2006-12-06\n- Symbol: A/RES/61/100 <https://undocs.org/A/RES/61/100>\n- In the workspace: /tmp/a.unres\n\nFirst operative paragraph:\n\n    1. Calls upon all States;"
        );
    }
}
