//! `textDocument/codeAction`: every diagnostic's mechanical fix as a quick fix,
//! and the source action "Renumber operative paragraphs" (the UN008 fix, which
//! also updates `paragraph N above` references).

use crate::analyse;
use crate::convert;
use crate::lsp_diagnostics;
use crate::state::Shared;
use ropey::Rope;
use std::collections::HashMap;
use std::sync::Arc;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use unlsp_analysis::{self as analysis, Config, Edit};

const RENUMBER: &str = "source.renumberParagraphs";

pub(crate) fn kinds() -> Vec<lsp::CodeActionKind> {
    vec![
        lsp::CodeActionKind::QUICKFIX,
        lsp::CodeActionKind::new(RENUMBER),
    ]
}

fn wants(only: &Option<Vec<lsp::CodeActionKind>>, kind: &str) -> bool {
    match only {
        None => true,
        Some(v) => v
            .iter()
            .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str()))),
    }
}

fn workspace_edit(
    uri: &Uri,
    rope: &Rope,
    enc: convert::Encoding,
    edits: &[Edit],
) -> lsp::WorkspaceEdit {
    let te = edits
        .iter()
        .map(|e| lsp::TextEdit::new(convert::range(rope, &e.range, enc), e.text.clone()))
        .collect();
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), te)])),
        ..Default::default()
    }
}

pub(crate) async fn run(
    sh: &Arc<Shared>,
    p: lsp::CodeActionParams,
) -> Option<lsp::CodeActionResponse> {
    let uri = p.text_document.uri;
    let only = p.context.only.clone();
    let n = sh.session().neg();
    let mut out: Vec<lsp::CodeActionOrCommand> = Vec::new();
    if wants(&only, "quickfix") {
        let (_, rope, diags) = analyse::diagnostics_now(sh, &uri).await?;
        let want = convert::byte_range(&rope, p.range, n.encoding);
        for d in diags.iter() {
            let Some(fix) = &d.fix else { continue };
            if d.range.end < want.start || d.range.start > want.end {
                continue;
            }
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("{} ({})", fix.title, d.code),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostics::one(
                    &uri,
                    &rope,
                    n.encoding,
                    n.related_information,
                    d,
                )]),
                edit: Some(workspace_edit(&uri, &rope, n.encoding, &fix.edits)),
                is_preferred: Some(fix.safe),
                ..Default::default()
            }));
        }
    }
    if wants(&only, RENUMBER) {
        let snap = sh.snapshot(&uri)?;
        let edits = tokio::task::spawn_blocking(move || {
            let cfg = Config {
                select: vec!["UN008".into()],
                ..Default::default()
            };
            let d = analysis::check_tree(snap.text(), snap.tree(), &cfg);
            let fix = d
                .iter()
                .filter(|d| d.code == "UN008")
                .filter_map(|d| d.fix.as_ref())
                .find(|f| f.safe)
                .or_else(|| d.iter().filter_map(|d| d.fix.as_ref()).next())
                .map(|f| f.edits.clone());
            (fix, snap)
        })
        .await
        .ok()?;
        if let (Some(edits), snap) = edits
            && !edits.is_empty()
        {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Renumber operative paragraphs".into(),
                kind: Some(lsp::CodeActionKind::new(RENUMBER)),
                edit: Some(workspace_edit(&uri, snap.rope(), n.encoding, &edits)),
                ..Default::default()
            }));
        }
    }
    Some(out)
}
