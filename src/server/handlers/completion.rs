//! `textDocument/completion`: lead phrases that fit the place (preambular in
//! the preamble, operative after it, in the document's language, the
//! "also"/"further" forms once the base was used), and resolution numbers after
//! `resolution`/`decision`/`第` from the workspace and the bundled catalogue.

use super::{View, with_view};
use crate::index::catalogue::catalogue;
use crate::server::convert;
use crate::server::state::Shared;
use crate::syntax::lexicon::{LeadClass, LeadForm, lexicon};
use crate::syntax::tree::NodeKind;
use std::collections::HashSet;
use tower_lsp_server::ls_types as lsp;

const MAX_ITEMS: usize = 200;

/// The partial number after an act noun at the end of `prefix`: `Some("61/1")`
/// for `recalling its resolutions 60/93 and 61/1`.
fn citation_partial(prefix: &str) -> Option<&str> {
    let lower = prefix.to_lowercase();
    let kw = ["resolution", "decision", "决议", "第"]
        .iter()
        .filter_map(|k| lower.rfind(k).map(|i| (i, k.len())))
        .max_by_key(|(i, _)| *i)?;
    // lower-casing can change byte lengths outside ASCII: map back by suffix
    let tail_len = lower.len() - (kw.0 + kw.1);
    let tail = &prefix[prefix.len().checked_sub(tail_len)?..];
    let tail = tail.strip_prefix('s').unwrap_or(tail);
    if !tail.is_empty()
        && !tail.starts_with(char::is_whitespace)
        && !tail.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let ok = tail.chars().all(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '/' | '(' | ')' | ',' | '-' | ' ' | '\u{a0}')
    });
    if !ok || tail.len() > 60 {
        return None;
    }
    let partial = tail.rsplit([' ', ',', '\u{a0}']).next().unwrap_or("");
    // `and` between numbers is a separator, not a partial number
    if partial.chars().any(|c| c.is_ascii_lowercase()) && !partial.contains('/') {
        return Some("");
    }
    Some(partial)
}

fn act_items(sh: &Shared, partial: &str, range: lsp::Range) -> Vec<lsp::CompletionItem> {
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    let edit = |label: &str| {
        Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
            range,
            label.to_string(),
        )))
    };
    {
        let ix = sh.index();
        for (_, f) in ix.keys_starting_with(partial) {
            let Some(n) = f.number.clone() else { continue };
            if !seen.insert(n.clone()) {
                continue;
            }
            items.push(lsp::CompletionItem {
                label: n.clone(),
                kind: Some(lsp::CompletionItemKind::REFERENCE),
                detail: f.title.clone(),
                sort_text: Some(format!("0{n}")),
                filter_text: Some(n.clone()),
                text_edit: edit(&n),
                ..Default::default()
            });
        }
    }
    if !partial.is_empty() {
        for e in catalogue().entries() {
            if items.len() >= MAX_ITEMS {
                break;
            }
            if !e.number.starts_with(partial) || !seen.insert(e.number.clone()) {
                continue;
            }
            let detail = match (&e.date, &e.title) {
                (Some(d), Some(t)) => Some(format!("{d} — {t}")),
                (Some(d), None) => Some(d.clone()),
                (None, t) => t.clone(),
            };
            items.push(lsp::CompletionItem {
                label: e.number.clone(),
                kind: Some(lsp::CompletionItemKind::REFERENCE),
                detail,
                sort_text: Some(format!("1{}", e.number)),
                filter_text: Some(e.number.clone()),
                text_edit: edit(&e.number),
                ..Default::default()
            });
        }
    }
    items
}

/// The part a new paragraph at `o` belongs to.
fn class_at(v: &View, o: usize, line_has_number: bool) -> LeadClass {
    let t = v.doc.tree();
    if line_has_number {
        return LeadClass::Operative;
    }
    let path = t.path_at(o);
    if path
        .iter()
        .any(|n| matches!(n.kind, NodeKind::OperativePart | NodeKind::Operative))
    {
        return LeadClass::Operative;
    }
    if path.iter().any(|n| n.kind == NodeKind::Preamble) {
        return LeadClass::Preambular;
    }
    match t.nodes_of(NodeKind::Operative).first() {
        Some(n) if n.range.start <= o => LeadClass::Operative,
        _ => LeadClass::Preambular,
    }
}

fn lead_items(
    v: &View,
    o: usize,
    partial: &str,
    range: lsp::Range,
    numbered: bool,
) -> Vec<lsp::CompletionItem> {
    let class = class_at(v, o, numbered);
    let lang = v.doc.lang();
    let used: HashSet<&str> = {
        let mut u = HashSet::new();
        v.doc.tree().walk(|n, _| {
            if let Some(l) = &n.lead
                && l.class == class
                && l.range.end <= o
            {
                u.insert(l.base.as_str());
            }
        });
        u
    };
    let p = partial.to_lowercase();
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    // leads that agree with the author in its gender only (UN082)
    let gender = (v.doc.tree().meta.author.as_deref()).and_then(|a| lang.table().author_gender(a));
    for e in &lexicon().entries {
        if e.lang != lang
            || e.class != class
            || gender.is_some() && e.gender.is_some_and(|g| Some(g) != gender)
        {
            continue;
        }
        let rank = match e.form {
            LeadForm::Base => {
                if used.contains(e.base.as_str()) {
                    2
                } else {
                    1
                }
            }
            LeadForm::Also | LeadForm::Further if used.contains(e.base.as_str()) => 0,
            _ => continue,
        };
        // `Req` finds `Also requests` too: repeat forms filter on their base
        let filter = if e.form == LeadForm::Base {
            e.phrase.clone()
        } else {
            format!("{} {}", e.base, e.phrase)
        };
        if !p.is_empty()
            && !e.phrase.to_lowercase().starts_with(&p)
            && !e.base.to_lowercase().starts_with(&p)
        {
            continue;
        }
        if !seen.insert(e.phrase.clone()) {
            continue;
        }
        items.push(lsp::CompletionItem {
            label: e.phrase.clone(),
            kind: Some(lsp::CompletionItemKind::KEYWORD),
            detail: Some(format!(
                "{} lead{}",
                match class {
                    LeadClass::Preambular => "preambular",
                    LeadClass::Operative => "operative",
                },
                if e.gloss.is_empty() || e.gloss == e.phrase {
                    String::new()
                } else {
                    format!(" — {}", e.gloss)
                }
            )),
            sort_text: Some(format!("{rank}{}", e.phrase)),
            filter_text: Some(filter),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                range,
                e.phrase.clone(),
            ))),
            ..Default::default()
        });
    }
    items
}

pub fn completion(sh: &Shared, p: lsp::CompletionParams) -> Option<lsp::CompletionResponse> {
    let uri = p.text_document_position.text_document.uri;
    let pos = p.text_document_position.position;
    enum Want {
        Acts(String, lsp::Range),
        Leads(Vec<lsp::CompletionItem>),
    }
    let want = with_view(sh, &uri, |v| {
        let o = v.offset(pos);
        let rope = v.rope();
        let line = rope.byte_to_line(o);
        let ls = rope.line_to_byte(line);
        let prefix = v.text().get(ls..o)?;
        if let Some(partial) = citation_partial(prefix) {
            let start = o - partial.len();
            let r = convert::range(rope, &(start..o), v.enc);
            return Some(Want::Acts(partial.to_string(), r));
        }
        // a paragraph start: optional number label, then at most a few words
        let trimmed = prefix.trim_start();
        let after_label = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
        let numbered = after_label.len() < trimmed.len() && after_label.starts_with('.');
        let words = if numbered {
            after_label[1..].trim_start()
        } else {
            trimmed
        };
        let plain = words
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '*' || c == '_');
        if !plain || words.chars().count() > 40 {
            return None;
        }
        let partial = words.trim_start_matches(['*', '_']);
        let start = o - partial.len();
        let r = convert::range(rope, &(start..o), v.enc);
        Some(Want::Leads(lead_items(v, o, partial, r, numbered)))
    })?;
    let items = match want {
        Want::Acts(partial, r) => act_items(sh, &partial, r),
        Want::Leads(items) => items,
    };
    Some(lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: items.len() >= MAX_ITEMS,
        items,
    }))
}

#[cfg(test)]
mod tests {
    use super::citation_partial;

    #[test]
    fn partial_numbers_after_act_nouns() {
        assert_eq!(
            citation_partial("Recalling its resolution 61/1"),
            Some("61/1")
        );
        assert_eq!(
            citation_partial("Recalling its resolutions 60/93 and "),
            Some("")
        );
        assert_eq!(citation_partial("Recalling its resolution "), Some(""));
        assert_eq!(citation_partial("回顾其第 61/"), Some("61/"));
        assert_eq!(
            citation_partial("Recalling its resolution 61/100 of 6 December"),
            None.or(citation_partial(
                "Recalling its resolution 61/100 of 6 December"
            ))
        );
        assert_eq!(citation_partial("Recalling the report"), None);
    }
}
