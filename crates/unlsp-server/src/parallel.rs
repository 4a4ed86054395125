//! Other language versions in the workspace: when the index holds a
//! document with the same number or symbol in another language, the
//! differences of [`unlsp_analysis::parallel`] become diagnostics (source
//! `unlsp-parallel`; Information, or what `unlsp.toml` sets for their UNP
//! code), with the other version's paragraph as related information. Reads other versions from disk: called on a
//! blocking thread.

use crate::convert::{self, uri_to_path};
use crate::excerpt::first_words;
use crate::lsp_diagnostics;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis::align::Work;
use unlsp_analysis::parallel::{self, Difference, Version};
use unlsp_syntax::Document;
use unlsp_syntax::tree::Tree;

const SOURCE: &str = "unlsp-parallel";

/// The time the comparison with each other version may take; past it, the
/// version's differences give way to one notice.
pub(crate) const TIME_BUDGET: Duration = Duration::from_secs(2);

/// Ids of the other language versions of `uri` that the workspace index
/// knows (same number or symbol, another language).
fn other_ids(sh: &Shared, uri: &Uri, tree: &Tree) -> Vec<String> {
    let keys =
        unlsp_index::workspace::keys_of(tree.meta.number.as_deref(), tree.meta.symbol.as_deref());
    let mut ids: Vec<String> = Vec::new();
    let index = sh.index();
    for k in keys {
        for f in index.documents_for(&k) {
            if f.id != uri.as_str()
                && f.lang.is_some_and(|l| l != tree.lang)
                && !ids.contains(&f.id)
            {
                ids.push(f.id.clone());
            }
        }
    }
    ids.sort();
    ids
}

/// The other versions of the document of `snap`, parsed: open copies
/// first-hand, others read from disk.
fn other_versions(sh: &Shared, snap: &Snapshot) -> Vec<(Uri, Document)> {
    let (lang, max) = (snap.settings().lang(), snap.settings().max_file_size());
    let tree = snap.tree();
    other_ids(sh, snap.uri(), tree)
        .into_iter()
        .filter_map(|id| {
            let other = Uri::from_str(&id).ok()?;
            // the open copy's text (parsed after the guard is gone), else the file
            let open = sh
                .documents()
                .with_doc(&other, |d| d.doc().map(|doc| doc.text().to_string()))
                .flatten();
            let text = match open {
                Some(t) => t,
                None => unlsp_index::workspace::read_text(&uri_to_path(&other)?)?,
            };
            // like the rules: a document over the size limit is not compared
            if text.len() as u64 > max {
                return None;
            }
            let doc = Document::with_lang(&text, lang);
            (doc.lang() != tree.lang).then_some((other, doc))
        })
        .collect()
}

/// After `uri` was analysed: the open versions of it in other languages get
/// their diagnostics again (their rule diagnostics from the cache, the
/// differences recomputed), so that a fix in one version clears the
/// difference in the other. Nothing is re-analysed, so this does not cascade.
pub(crate) async fn refresh_open_versions(sh: &Arc<Shared>, uri: &Uri) {
    let session = sh.session();
    if session.neg().pull_diagnostics {
        return;
    }
    let Some(Some((_, tree))) = sh
        .documents()
        .with_doc(uri, |d| d.doc().map(|doc| doc.shared()))
    else {
        return;
    };
    let gen_ = session.config_gen();
    for id in other_ids(sh, uri, &tree) {
        let Ok(twin) = Uri::from_str(&id) else {
            continue;
        };
        let Some(snap) = sh.snapshot(&twin) else {
            continue;
        };
        let version = snap.version();
        let Some(rules) = sh.documents().computed(&twin, version, gen_) else {
            continue;
        };
        let me = sh.clone();
        let Ok(items) = tokio::task::spawn_blocking(move || {
            let mut items = lsp_diagnostics::to_lsp(snap.client(), snap.uri(), snap.rope(), &rules);
            items.extend(diagnostics(&me, &snap));
            items
        })
        .await
        else {
            continue;
        };
        let _order = sh.publish_order().await;
        if sh.documents().version_of(&twin) != Some(version) {
            continue;
        }
        session
            .client()
            .publish_diagnostics(twin, items, Some(version))
            .await;
    }
}

/// Differences with each other version, as LSP diagnostics on the document
/// of `snap`.
pub(crate) fn diagnostics(sh: &Shared, snap: &Snapshot) -> Vec<lsp::Diagnostic> {
    if snap.text().len() as u64 > snap.settings().max_file_size() {
        return Vec::new();
    }
    let cfg = snap.settings().rule_config(snap.path());
    let mut out = Vec::new();
    for (other_uri, other) in other_versions(sh, snap) {
        let me = Version {
            name: snap.lang().code(),
            text: snap.text(),
            tree: snap.tree(),
        };
        let them = Version {
            name: other.lang().code(),
            text: other.text(),
            tree: other.tree(),
        };
        match compare_within(&me, &them, TIME_BUDGET) {
            Ok(diffs) => {
                for (d, severity) in parallel::configured(diffs, &cfg) {
                    out.push(difference(snap, &other_uri, &other, &d, severity));
                }
            }
            Err(message) => out.push(budget_notice(message)),
        }
    }
    out
}

/// The differences of `me` with `them`, or, when the comparison took longer
/// than `budget`, why there are none.
fn compare_within(
    me: &Version,
    them: &Version,
    budget: Duration,
) -> Result<Vec<Difference>, String> {
    let (diffs, work) =
        parallel::compare_pair_with(me, them, 0, 1, Work::until(Instant::now() + budget));
    if work.cut_short() {
        return Err(format!(
            "The comparison with the {} version stopped after {} ms, the time allowed for one analysis: its differences are not shown (`unlsp parallel` lists them).",
            them.name,
            budget.as_millis()
        ));
    }
    Ok(diffs)
}

fn budget_notice(message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::INFORMATION),
        code: Some(lsp::NumberOrString::String("time-budget".into())),
        source: Some(SOURCE.into()),
        message,
        ..lsp::Diagnostic::default()
    }
}

/// One difference with the version `other` (at `other_uri`).
fn difference(
    snap: &Snapshot,
    other_uri: &Uri,
    other: &Document,
    d: &parallel::Difference,
    severity: unlsp_analysis::Severity,
) -> lsp::Diagnostic {
    let enc = snap.enc();
    let them = other.lang().code();
    let [here, there] = &d.places;
    let where_ = if there.present {
        format!("the {them} version")
    } else {
        format!("where the {them} version would have it")
    };
    let location = lsp::Location::new(
        other_uri.clone(),
        convert::range(other.rope(), &there.unit, enc),
    );
    let mut message = d.message.clone();
    let related_information = if snap.client().related_information {
        Some(vec![lsp::DiagnosticRelatedInformation {
            location,
            message: format!(
                "{where_}: {}",
                first_words(other.text().get(there.unit.clone()).unwrap_or(""), 60)
            ),
        }])
    } else {
        let p = convert::position(other.rope(), there.unit.start, enc);
        message.push_str(&format!(
            " ({where_} at {} line {})",
            other_uri.as_str(),
            p.line + 1
        ));
        None
    };
    lsp::Diagnostic {
        range: snap.range(&here.range),
        severity: Some(crate::lsp_diagnostics::severity(severity)),
        code: Some(lsp::NumberOrString::String(d.kind.code().to_string())),
        code_description: None,
        source: Some(SOURCE.into()),
        message,
        related_information,
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_gives_a_notice_instead_of_differences() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/parallel");
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
        let (en, zh) = (
            Document::new(&read("62-57.en.txt")),
            Document::new(&read("62-57.zh-planted.txt")),
        );
        fn v(d: &Document) -> Version<'_> {
            Version {
                name: d.lang().code(),
                text: d.text(),
                tree: d.tree(),
            }
        }
        let (a, b) = (v(&en), v(&zh));
        let diffs = compare_within(&a, &b, TIME_BUDGET).unwrap();
        assert!(diffs.iter().any(|d| d.kind.code() == "UNP05"), "{diffs:?}");
        let notice = compare_within(&a, &b, Duration::ZERO).unwrap_err();
        assert!(
            notice.starts_with("The comparison with the zh version stopped after 0 ms"),
            "{notice}"
        );
    }
}
