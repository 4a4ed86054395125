//! What several handlers share: tree lookups at an offset, the catalogue
//! entry of a citation, locations in other documents, and running a handler
//! off the protocol task.

use crate::convert::{self, path_to_uri};
use crate::state::Shared;
use std::ops::Range;
use std::str::FromStr;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_index::catalogue::{Entry, source_name};
use unlsp_syntax::tree::{Citation, CitationKind, Node, NodeKind, Tree};

/// `o` inside `r`, end inclusive (a cursor just after a word is on it).
pub(crate) fn touches(r: &Range<usize>, o: usize) -> bool {
    r.start <= o && o <= r.end
}

/// The range without trailing whitespace (a node often ends after its newline).
pub(crate) fn trimmed(text: &str, r: &Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or("");
    let t = s.trim_end();
    r.start..r.start + t.len()
}

/// The text of a node after its label (`1. Calls upon …` → `Calls upon …`).
pub(crate) fn body_after_label<'t>(text: &'t str, n: &Node) -> &'t str {
    n.body_after_label(text)
}

/// The operative paragraph numbered `label` a reference at `at` means: the last
/// one before it, else the first after it.
pub(crate) fn operative_by_label<'t>(tree: &'t Tree, label: &str, at: usize) -> Option<&'t Node> {
    let all: Vec<&Node> = tree
        .nodes_of(NodeKind::Operative)
        .into_iter()
        .filter(|n| n.label.as_deref() == Some(label))
        .collect();
    all.iter()
        .rev()
        .find(|n| n.range.start < at)
        .or(all.first())
        .copied()
}

/// The footnote numbered `n` a marker at `at` means: the first one after it,
/// else the first anywhere.
pub(crate) fn footnote_by_number(tree: &Tree, n: u32, at: usize) -> Option<&Node> {
    let label = n.to_string();
    let all: Vec<&Node> = tree
        .nodes_of(NodeKind::Footnote)
        .into_iter()
        .filter(|f| f.label.as_deref() == Some(label.as_str()))
        .collect();
    all.iter()
        .find(|f| f.range.start >= at)
        .or(all.first())
        .copied()
}

/// Chinese dates spaced (`2006 年 12 月 6 日`) when the document spaces its own:
/// as its first date does, or with no date, as its first `第` does (`第 61/100 号`).
pub(crate) fn cjk_dates_spaced(v: &crate::snapshot::Snapshot) -> bool {
    let text = v.text();
    match v.tree().dates.first() {
        Some(d) => text.get(d.range.clone()).is_some_and(|s| s.contains(' ')),
        None => text
            .find('第')
            .is_some_and(|i| text[i + '第'.len_utf8()..].starts_with(' ')),
    }
}

/// The bundled catalogue's entry for a citation, if any.
pub(crate) fn catalogue_entry(c: &Citation) -> Option<&'static unlsp_index::catalogue::Entry> {
    let noun = match c.kind {
        CitationKind::Resolution => "resolution",
        CitationKind::Decision => "decision",
        CitationKind::Document => "",
    };
    let organ = match c.organ.as_deref() {
        Some("GA") => "general assembly ",
        Some("SC") => "security council ",
        _ => "",
    };
    let q = format!("{organ}{noun} {}", c.target);
    unlsp_index::catalogue::catalogue().find(q.trim())
}

/// A location in another document (open or on disk), converted with that
/// document's own text. Reads the disk: never on the protocol task.
pub(crate) fn location_in(sh: &Shared, id: &str, r: &Range<usize>) -> Option<lsp::Location> {
    let uri = Uri::from_str(id).ok()?;
    let rope = sh.rope_of(&uri)?;
    let enc = sh.session().enc();
    Some(lsp::Location::new(uri, convert::range(&rope, r, enc)))
}

/// A location in a reference-folder document (its id is its path), converted
/// with its text (the open copy when it is open).
pub(crate) fn ref_location(sh: &Shared, path: &str, r: &Range<usize>) -> Option<lsp::Location> {
    let uri = path_to_uri(std::path::Path::new(path))?;
    location_in(sh, uri.as_str(), r)
}

/// Run `f` on a blocking thread (work that reads the disk). A panic in `f`
/// goes on in the caller, so that the request is answered with an error.
pub(crate) async fn blocking<R: Send + 'static>(
    f: impl FnOnce() -> Option<R> + Send + 'static,
) -> Option<R> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => None,
    }
}

/// The act's official title in `lang` when it is not English (the UN's own
/// texts of GA sessions 79–80), as a line of the facts.
pub(crate) fn title_in(e: &Entry, lang: unlsp_syntax::lang::Lang) -> Option<String> {
    unlsp_index::titles::title_of(e, lang)
        .map(|t| format!("- Title ({}): {t} (the UN's own text)\n", lang.code()))
}

/// What the catalogue knows of an act, each fact with its source; never a
/// fact taken from the document under the cursor.
pub(crate) fn catalogue_facts(e: &Entry) -> String {
    let from = |src: &Option<String>| {
        src.as_deref()
            .map(|s| format!(" ({})", source_name(s)))
            .unwrap_or_default()
    };
    let mut s = String::new();
    match (&e.date, &e.month) {
        (Some(d), _) => s.push_str(&format!("- Adopted: {d}{}\n", from(&e.date_source))),
        (None, Some(m)) => s.push_str(&format!("- Adopted: {m} (month only)\n")),
        (None, None) => s.push_str("- Adopted: not known\n"),
    }
    match &e.title {
        Some(t) if e.title_is_official() => {
            s.push_str(&format!("- Title: {t}{}\n", from(&e.title_source)))
        }
        Some(t) => s.push_str(&format!(
            "- Title: {t} (description, not the official title{})\n",
            e.title_source
                .as_deref()
                .map(|x| format!("; {}", source_name(x)))
                .unwrap_or_default()
        )),
        None => s.push_str("- Title: not known\n"),
    }
    let records = " (the Secretariat's records)";
    if let Some(m) = &e.meeting {
        s.push_str(&format!("- Meeting: {m}{records}\n"));
    }
    if let Some(v) = e.vote() {
        let how = match (v.yes, v.no, v.abstain) {
            (Some(y), Some(n), Some(a)) => format!("{} {y}–{n}–{a}", v.kind),
            _ => e.vote.clone().unwrap_or_default(),
        };
        s.push_str(&format!("- How: {how}\n"));
    }
    if let Some(o) = &e.originating_document {
        s.push_str(&format!("- Originating document: {o}{records}\n"));
    }
    if let Some(c) = &e.committee {
        s.push_str(&format!("- Committee: {c}{records}\n"));
    }
    if let Some(n) = e.sponsors_count {
        s.push_str(&format!("- Sponsors: {n}{records}\n"));
    }
    s.push_str(&format!("- Symbol: [{}]({})\n", e.symbol, e.undocs_url()));
    s
}

/// A hover's (or completion item's) Markdown as plain text, for clients that do not declare
/// Markdown in `hover.contentFormat` (eglot without `markdown-mode`): emphasis
/// and code marks dropped, `[A/RES/61/100](https://…)` as `A/RES/61/100
/// <https://…>`, a quote indented.
pub(crate) fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for (i, line) in md.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = match line.strip_prefix("> ") {
            Some(q) => {
                out.push_str("    ");
                q
            }
            None => line,
        };
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            let close = rest[open..].find("](").map(|c| open + c);
            let end = close.and_then(|c| rest[c..].find(')').map(|e| c + e));
            let (Some(c), Some(e)) = (close, end) else {
                break;
            };
            out.push_str(&unmark(&rest[..open]));
            out.push_str(&format!(
                "{} <{}>",
                unmark(&rest[open + 1..c]),
                &rest[c + 2..e]
            ));
            rest = &rest[e + 1..];
        }
        out.push_str(&unmark(rest));
    }
    out
}

fn unmark(s: &str) -> String {
    s.replace("**", "").replace(['*', '`'], "")
}
