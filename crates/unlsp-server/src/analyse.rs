//! Analysis of open documents: debounced after each change, run on a
//! [`Snapshot`] on a blocking thread, kept per version (code actions and
//! pulls reuse it) and published unless the client pulls or the document
//! moved on.

use crate::logging::TIMING;
use crate::lsp_diagnostics;
use crate::parallel;
use crate::settings::Settings;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use ropey::Rope;
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis as analysis;
use unlsp_index::workspace::FileFacts;

/// The bounds on one analysis: an editor should never wait on, or be flooded
/// by, one document.
const RULE_TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);
const MAX_DIAGNOSTICS: usize = 1000;

/// Debounced analysis of `version` of `uri`.
pub(crate) fn schedule(sh: &Arc<Shared>, uri: Uri, version: i32) {
    let me = sh.clone();
    let delay = sh.session().settings().debounce();
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        analyse(&me, uri, version).await;
    });
}

/// Every open document analysed again (the settings changed).
pub(crate) fn schedule_all(sh: &Arc<Shared>) {
    for (u, v) in sh.documents().versions() {
        schedule(sh, u, v);
    }
}

/// What one analysis produced on its blocking thread.
struct Analysed {
    diags: Vec<analysis::Diagnostic>,
    cache: Option<analysis::LintCache>,
    facts: FileFacts,
    snap: Snapshot,
    parallel: Vec<lsp::Diagnostic>,
}

/// The rules, the index facts and the differences with other language
/// versions of one snapshot (a blocking thread: it reads other versions).
fn analyse_snapshot(sh: &Shared, snap: Snapshot, prev: Option<&analysis::LintCache>) -> Analysed {
    let t = Instant::now();
    let (diags, cache) = rules_or_notice(&snap, prev);
    let t1 = t.elapsed();
    let facts = FileFacts::from_tree(snap.uri().as_str(), snap.tree());
    let t2 = t.elapsed();
    let parallel = parallel::diagnostics(sh, &snap);
    tracing::debug!(
        target: TIMING,
        "rules {t1:?} facts {:?} parallel {:?}",
        t2 - t1,
        t.elapsed() - t2
    );
    Analysed {
        diags,
        cache,
        facts,
        snap,
        parallel,
    }
}

/// Compute diagnostics and index facts for `version` of `uri`, then publish
/// them unless the document moved on.
async fn analyse(sh: &Arc<Shared>, uri: Uri, version: i32) {
    let settings = sh.session().settings();
    let neg = sh.session().neg();
    let Some(work) = sh.documents().with_doc(&uri, |d| {
        if d.version() != version {
            None
        } else if let Some(snap) = d.snapshot(&uri, settings.clone(), neg) {
            Some(Ok(snap))
        } else {
            Some(Err((d.len(), d.rope().clone())))
        }
    }) else {
        return;
    };
    let Some(work) = work else { return };
    let gen_ = sh.session().config_gen();
    let snap = match work {
        Ok(snap) => snap,
        Err((len, rope)) => {
            // too large to parse: say so instead of staying silent
            let diags = vec![size_notice(len, &settings, false)];
            store_and_publish(sh, uri, version, gen_, rope, diags, Vec::new()).await;
            return;
        }
    };
    let me = sh.clone();
    let prev = sh.documents().lint_cache(&uri);
    let t0 = Instant::now();
    let joined =
        tokio::task::spawn_blocking(move || analyse_snapshot(&me, snap, prev.as_deref())).await;
    tracing::debug!(target: TIMING, "blocking part {:?}", t0.elapsed());
    let a = match joined {
        Ok(v) => v,
        Err(e) => {
            tracing::error!("analysis of {} failed: {e}", uri.as_str());
            return;
        }
    };
    if sh.documents().version_of(&uri) != Some(version) {
        return; // stale: a newer version is on its way
    }
    sh.index_mut().insert(a.facts);
    sh.documents().keep_lint(&uri, a.cache);
    tracing::debug!(target: TIMING, "index {:?}", t0.elapsed());
    let rope = a.snap.rope().clone();
    drop(a.snap);
    store_and_publish(sh, uri, version, gen_, rope, a.diags, a.parallel).await;
    tracing::debug!(target: TIMING, "published {:?}", t0.elapsed());
    // The outlines answer the requests that follow an edit (outline view,
    // breadcrumbs) and are rebuilt on demand (tens of ms at 1 MB): not worth their memory
    // once the editor is idle. Nor are the facts and pattern caches the
    // lint caches carry, nor the parser's largest pattern caches (the
    // first parse and analysis after the pause make them again).
    let me = sh.clone();
    sh.idle().after_work(move || {
        let docs = me.documents();
        docs.clear_outlines();
        docs.shed_lint_memos();
        docs.compact();
        unlsp_syntax::patterns::release_caches();
    });
}

/// Keep the diagnostics of `version` for code actions and pulls, and push
/// them unless the client pulls or the document moved on.
async fn store_and_publish(
    sh: &Arc<Shared>,
    uri: Uri,
    version: i32,
    gen_: u64,
    rope: Rope,
    diags: Vec<analysis::Diagnostic>,
    extra: Vec<lsp::Diagnostic>,
) {
    let diags = Arc::new(diags);
    sh.documents()
        .keep_computed(&uri, version, gen_, diags.clone());
    let neg = sh.session().neg();
    if neg.pull_diagnostics {
        return;
    }
    let t = Instant::now();
    let mut lsp_diags = lsp_diagnostics::to_lsp(&neg, &uri, &rope, &diags);
    tracing::debug!(target: TIMING, "to_lsp {:?}", t.elapsed());
    lsp_diags.extend(extra);
    let order = sh.publish_order().await;
    if sh.documents().version_of(&uri) != Some(version) {
        return;
    }
    // the same list as last time (an edit that moved none): nothing to send
    if sh
        .documents()
        .note_pushed(&uri, lsp_diagnostics::fingerprint(&lsp_diags))
    {
        sh.session()
            .client()
            .publish_diagnostics(uri.clone(), lsp_diags, Some(version))
            .await;
    }
    drop(order);
    parallel::refresh_open_versions(sh, &uri).await;
}

/// Diagnostics of the current version of `uri`, computed now when the cache
/// is stale (pull diagnostics, code actions).
pub(crate) async fn diagnostics_now(
    sh: &Arc<Shared>,
    uri: &Uri,
) -> Option<(i32, Rope, Arc<Vec<analysis::Diagnostic>>)> {
    let gen_ = sh.session().config_gen();
    let settings = sh.session().settings();
    let neg = sh.session().neg();
    let docs = sh.documents();
    let (version, rope) = docs.with_doc(uri, |d| (d.version(), d.rope().clone()))?;
    if let Some(diags) = docs.computed(uri, version, gen_) {
        return Some((version, rope, diags));
    }
    let snap = match docs.with_doc(uri, |d| {
        d.snapshot(uri, settings.clone(), neg).ok_or(d.len())
    })? {
        Ok(snap) => snap,
        Err(len) => {
            let notice = vec![size_notice(len, &settings, false)];
            return Some((version, rope, Arc::new(notice)));
        }
    };
    let prev = docs.lint_cache(uri);
    let (diags, cache, snap) = tokio::task::spawn_blocking(move || {
        let (d, cache) = rules_or_notice(&snap, prev.as_deref());
        (d, cache, snap)
    })
    .await
    .ok()?;
    docs.keep_lint(uri, cache);
    let diags = Arc::new(diags);
    if docs.version_of(uri) == Some(snap.version()) {
        docs.keep_computed(uri, snap.version(), gen_, diags.clone());
    }
    Some((snap.version(), snap.rope().clone(), diags))
}

/// The rules over a snapshot, reusing what an earlier analysis of the
/// document left, or, over the size limit, one notice saying why they did
/// not run.
fn rules_or_notice(
    snap: &Snapshot,
    prev: Option<&analysis::LintCache>,
) -> (Vec<analysis::Diagnostic>, Option<analysis::LintCache>) {
    let settings = snap.settings();
    if (snap.text().len() as u64) > settings.max_file_size() {
        return (vec![size_notice(snap.text().len(), settings, true)], None);
    }
    let mut cfg = settings.rule_config(snap.path());
    cfg.time_budget = Some(RULE_TIME_BUDGET);
    cfg.threads = rule_threads();
    let (mut diags, cache) =
        analysis::check_incremental(snap.rope(), snap.text(), snap.tree(), &cfg, prev);
    if diags.len() > MAX_DIAGNOSTICS {
        let more = diags.len() - MAX_DIAGNOSTICS;
        diags.truncate(MAX_DIAGNOSTICS);
        diags.push(analysis::Diagnostic {
            code: "too-many",
            severity: analysis::Severity::Information,
            message: format!(
                "{more} more diagnostics are not shown (at most {MAX_DIAGNOSTICS} per document); `unlsp check` lists them all."
            ),
            range: 0..0,
            related: Vec::new(),
            fix: None,
        });
    }
    (diags, cache)
}

/// Cores the rules of one large document share: the editor waits on one
/// document at a time, so it may have them all.
fn rule_threads() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// An information diagnostic at the top of a document too large to lint
/// (`parsed`: outline and navigation still work) or to parse at all.
fn size_notice(len: usize, settings: &Settings, parsed: bool) -> analysis::Diagnostic {
    let mb = |n: u64| n as f64 / (1024.0 * 1024.0);
    let message = if parsed {
        format!(
            "This document is {:.1} MB, over the {:.1} MB limit (`max_file_size`): outline and navigation work, the drafting rules do not run. Raise `max_file_size` in unlsp.toml or the `maxFileSize` setting to lint it.",
            mb(len as u64),
            mb(settings.max_file_size())
        )
    } else {
        format!(
            "This document is {:.1} MB, over twice the {:.1} MB limit (`max_file_size`): kept as plain text, with no outline and no diagnostics. Raise `max_file_size` in unlsp.toml or the `maxFileSize` setting to parse it.",
            mb(len as u64),
            mb(settings.max_file_size())
        )
    };
    analysis::Diagnostic {
        code: "size-limit",
        severity: analysis::Severity::Information,
        message,
        range: 0..0,
        related: Vec::new(),
        fix: None,
    }
}
