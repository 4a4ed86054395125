//! The workspace index (every resolution under the root, kept up to date
//! from disk and from the open documents) and the reference folders' index,
//! built off the protocol task with `$/progress` reports.

use crate::convert::path_to_uri;
use crate::state::Shared;
use std::path::Path;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Bounded, NotCancellable, OngoingProgress};
use unlsp_index::workspace::{self, FileFacts};

/// Index one file from disk unless it is open (the open copy wins). Reads
/// the disk: never on the protocol task.
pub(crate) fn index_file(sh: &Shared, path: &Path) {
    let Some(uri) = path_to_uri(path) else { return };
    if sh.documents().is_open(&uri) {
        return;
    }
    let s = sh.session().settings();
    let rel = s.relative(path).unwrap_or_default();
    let too_big = std::fs::metadata(path)
        .map(|m| m.len() > s.max_file_size())
        .unwrap_or(true);
    if too_big || s.project.is_excluded(&rel) {
        sh.index_mut().remove(uri.as_str());
        return;
    }
    match workspace::read_text(path) {
        Some(text) => {
            let doc = unlsp_syntax::Document::with_lang(&text, s.lang());
            let facts = FileFacts::from_tree(uri.as_str(), doc.tree());
            sh.index_mut().insert(facts);
        }
        None => {
            sh.index_mut().remove(uri.as_str());
        }
    }
}

/// [`index_file`] for each path, on a blocking thread (not awaited).
pub(crate) fn index_files_off_task(sh: &Arc<Shared>, paths: Vec<std::path::PathBuf>) {
    let me = sh.clone();
    tokio::task::spawn_blocking(move || {
        for p in paths {
            index_file(&me, &p);
        }
    });
}

type Progress = OngoingProgress<Bounded, NotCancellable>;

/// Start a `$/progress` report when the client takes them.
async fn begin_progress(sh: &Shared, token: lsp::NumberOrString, title: &str) -> Option<Progress> {
    let client = sh.session().client();
    if !sh.session().neg().work_done_progress
        || client
            .create_work_done_progress(token.clone())
            .await
            .is_err()
    {
        return None;
    }
    Some(
        client
            .progress(token, title.to_string())
            .with_percentage(0)
            .begin()
            .await,
    )
}

/// Index the reference folders (from their disk cache when unchanged),
/// reporting `$/progress`; the new index replaces the old one whole. A
/// later call supersedes a running one.
pub(crate) async fn index_references(sh: Arc<Shared>) {
    let gen_ = sh.next_refs_gen();
    let s = sh.session().settings();
    let folders = s.reference_folders();
    if folders.is_empty() {
        if !sh.refs().folders().is_empty() {
            sh.set_refs(Default::default());
        }
        return;
    }
    let token = lsp::NumberOrString::String(format!("unlsp/references/{gen_}"));
    let progress = begin_progress(&sh, token, "unlsp: indexing reference folders").await;
    let opts = unlsp_index::reference::Options {
        cache_dir: unlsp_index::cache::cache_dir(),
        max_file_size: s.max_file_size(),
        threads: 0,
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
    let job = tokio::task::spawn_blocking(move || {
        unlsp_index::reference::ReferenceIndex::build(&folders, &opts, &|_, d, t| {
            let _ = tx.send((d, t));
        })
    });
    while let Some((d, t)) = rx.recv().await {
        if let Some(p) = &progress {
            p.report_with_message(format!("{d}/{t} files"), (d * 100 / t.max(1)) as u32)
                .await;
        }
    }
    let (ix, stats) = match job.await {
        Ok(v) => v,
        Err(e) => {
            tracing::error!("indexing the reference folders failed: {e}");
            return;
        }
    };
    if !sh.refs_gen_is(gen_) {
        return; // superseded by a newer configuration
    }
    let parsed: usize = stats.iter().map(|s| s.parsed).sum();
    let reused: usize = stats.iter().map(|s| s.reused).sum();
    let msg = format!(
        "{} reference documents ({parsed} parsed, {reused} from the cache)",
        ix.len()
    );
    for e in stats.iter().filter_map(|s| s.cache_error.as_ref()) {
        tracing::warn!("cannot write the reference cache: {e}");
    }
    tracing::info!("{msg}");
    sh.set_refs(ix);
    if let Some(p) = progress {
        p.finish_with_message(msg).await;
    }
}

/// Index the workspace at start-up, reporting `$/progress`.
pub(crate) async fn index_workspace(sh: Arc<Shared>) {
    let s = sh.session().settings();
    let Some(root) = s.root.clone() else { return };
    let token = lsp::NumberOrString::String("unlsp/index".into());
    let progress = begin_progress(&sh, token, "unlsp: indexing resolutions").await;
    let s2 = s.clone();
    let scan = tokio::task::spawn_blocking(move || {
        let excl = |rel: &str| s2.project.is_excluded(rel);
        workspace::scan(&root, s2.max_file_size(), &excl)
    })
    .await
    .unwrap_or_default();
    let total = scan.files.len().max(1);
    let mut done = 0;
    for chunk in scan.files.chunks(16) {
        if sh.session().is_shutting_down() {
            break;
        }
        let me = sh.clone();
        let chunk = chunk.to_vec();
        let n = chunk.len();
        let _ = tokio::task::spawn_blocking(move || {
            for p in &chunk {
                index_file(&me, p);
            }
        })
        .await;
        done += n;
        if let Some(p) = &progress {
            p.report_with_message(format!("{done}/{total} files"), (done * 100 / total) as u32)
                .await;
        }
    }
    let msg = format!(
        "{} files indexed, {} too large skipped",
        sh.index().len(),
        scan.skipped_large.len()
    );
    tracing::info!("{msg}");
    if let Some(p) = progress {
        p.finish_with_message(msg).await;
    }
}
