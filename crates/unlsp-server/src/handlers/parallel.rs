//! Other language versions in the workspace (issue 8): when the index holds a
//! document with the same number or symbol in another language, the
//! differences of [`unlsp_analysis::parallel`] become Information
//! diagnostics (source `unlsp-parallel`), with the other version's paragraph
//! as related information.

use crate::convert;
use crate::state::{Shared, uri_to_path};
use ropey::Rope;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis::parallel::{self, Version};
use unlsp_syntax::Document;
use unlsp_syntax::tree::Tree;

pub const SOURCE: &str = "unlsp-parallel";

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

/// The other versions of the document `uri`, parsed: open copies first-hand,
/// others read from disk.
fn other_versions(sh: &Shared, uri: &Uri, tree: &Tree) -> Vec<(Uri, Document)> {
    let settings = sh.settings();
    let (lang, max) = (settings.lang(), settings.max_file_size());
    other_ids(sh, uri, tree)
        .into_iter()
        .filter_map(|id| {
            let other = Uri::from_str(&id).ok()?;
            // the open copy's text (parsed after the guard is gone), else the file
            let open = sh
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
pub async fn refresh_open_versions(sh: &Arc<Shared>, uri: &Uri) {
    if sh.neg().pull_diagnostics {
        return;
    }
    let Some(Some((_, tree))) = sh.with_doc(uri, |d| d.doc().map(|doc| doc.shared())) else {
        return;
    };
    let gen_ = sh.config_gen.load(Ordering::SeqCst);
    for id in other_ids(sh, uri, &tree) {
        let Ok(twin) = Uri::from_str(&id) else {
            continue;
        };
        let Some(Some((version, text, tree, rope))) = sh.with_doc(&twin, |d| {
            d.doc().map(|doc| {
                let (text, tree) = doc.shared();
                (d.version, text, tree, doc.rope().clone())
            })
        }) else {
            continue;
        };
        let Some(rules) = sh
            .computed
            .get(&twin)
            .filter(|c| c.version == version && c.config_gen == gen_)
            .map(|c| c.diagnostics.clone())
        else {
            continue;
        };
        let (me, t) = (sh.clone(), twin.clone());
        let Ok(items) = tokio::task::spawn_blocking(move || {
            let mut items = super::diagnostics::to_lsp(&me, &t, &rope, &rules);
            items.extend(diagnostics(&me, &t, &text, &tree, &rope));
            items
        })
        .await
        else {
            continue;
        };
        let _order = sh.publish.lock().await;
        if sh.version_of(&twin) != Some(version) {
            continue;
        }
        sh.client
            .publish_diagnostics(twin, items, Some(version))
            .await;
    }
}

/// Differences with each other version, as LSP diagnostics on `uri`.
pub fn diagnostics(
    sh: &Shared,
    uri: &Uri,
    text: &str,
    tree: &Tree,
    rope: &Rope,
) -> Vec<lsp::Diagnostic> {
    if text.len() as u64 > sh.settings().max_file_size() {
        return Vec::new();
    }
    let enc = sh.enc();
    let related = sh.neg().related_information;
    let mut out = Vec::new();
    for (other_uri, other) in other_versions(sh, uri, tree) {
        let me = Version {
            name: tree.lang.code(),
            text,
            tree,
        };
        let them = Version {
            name: other.lang().code(),
            text: other.text(),
            tree: other.tree(),
        };
        for d in parallel::compare_pair(&me, &them, 0, 1) {
            let [here, there] = &d.places;
            let range = convert::range(rope, &here.range, enc);
            let where_ = if there.present {
                format!("the {} version", them.name)
            } else {
                format!("where the {} version would have it", them.name)
            };
            let location = lsp::Location::new(
                other_uri.clone(),
                convert::range(other.rope(), &there.unit, enc),
            );
            let mut message = d.message.clone();
            let related_information = if related {
                Some(vec![lsp::DiagnosticRelatedInformation {
                    location,
                    message: format!(
                        "{where_}: {}",
                        super::first_words(other.text().get(there.unit.clone()).unwrap_or(""), 60)
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
            out.push(lsp::Diagnostic {
                range,
                severity: Some(lsp::DiagnosticSeverity::INFORMATION),
                code: Some(lsp::NumberOrString::String(d.kind.code().to_string())),
                code_description: None,
                source: Some(SOURCE.into()),
                message,
                related_information,
                tags: None,
                data: None,
            });
        }
    }
    out
}
