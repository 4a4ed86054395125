//! What the server offers (`ServerCapabilities`) and what it takes from the
//! client's capabilities ([`Negotiated`]).

use crate::convert;
use crate::handlers;
use crate::session::Negotiated;
use tower_lsp_server::ls_types as lsp;

/// What the server takes from the client's capabilities.
pub(crate) fn negotiate(caps: &lsp::ClientCapabilities) -> Negotiated {
    let td = caps.text_document.as_ref();
    let ws = caps.workspace.as_ref();
    Negotiated {
        encoding: convert::Encoding::negotiate(caps),
        pull_diagnostics: td.and_then(|t| t.diagnostic.as_ref()).is_some(),
        diagnostic_refresh: ws
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        related_information: td
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false)
            || td.and_then(|t| t.diagnostic.as_ref()).is_some(),
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watched_files_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        hierarchical_symbols: td
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false),
        multiline_tokens: td
            .and_then(|t| t.semantic_tokens.as_ref())
            .and_then(|s| s.multiline_token_support)
            .unwrap_or(false),
        completion_text_edit: completion_text_edit(td),
        markdown_hover: td
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&lsp::MarkupKind::Markdown)),
    }
}

fn completion_text_edit(td: Option<&lsp::TextDocumentClientCapabilities>) -> bool {
    let c = td.and_then(|t| t.completion.as_ref());
    let insert_replace = c
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.insert_replace_support)
        .unwrap_or(false);
    let edit_range = c
        .and_then(|c| c.completion_list.as_ref())
        .and_then(|l| l.item_defaults.as_ref())
        .is_some_and(|d| d.iter().any(|k| k == "editRange"));
    insert_replace || edit_range
}

/// What the server offers this client.
pub(crate) fn capabilities(n: &Negotiated) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(n.encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        diagnostic_provider: n.pull_diagnostics.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some("unlsp".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        }),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(lsp::SelectionRangeProviderCapability::Simple(true)),
        document_link_provider: Some(lsp::DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: handlers::semantic_tokens::legend(),
                    range: Some(true),
                    full: Some(lsp::SemanticTokensFullOptions::Delta { delta: Some(true) }),
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["/".into(), " ".into()]),
            ..Default::default()
        }),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        execute_command_provider: Some(lsp::ExecuteCommandOptions {
            commands: handlers::execute_command::commands(),
            work_done_progress_options: Default::default(),
        }),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(handlers::code_action::kinds()),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}
