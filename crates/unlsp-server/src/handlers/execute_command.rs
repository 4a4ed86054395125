//! `workspace/executeCommand`: the server's commands, by name.
//!
//! `unlsp.exportAkn` answers the Akoma Ntoso XML (`unlsp_formats::akn::write`,
//! the XML of `unlsp export --to akn`) of an open document as it stands in the
//! editor, saved or not. Its one argument is the document's URI, as a string or
//! as a `TextDocumentIdentifier` (`{"uri": …}`).

use crate::handlers::common::blocking;
use crate::state::Shared;
use serde_json::Value;
use std::str::FromStr;
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};

const EXPORT_AKN: &str = "unlsp.exportAkn";

/// The commands the server executes, advertised at `initialize`.
pub(crate) fn commands() -> Vec<String> {
    vec![EXPORT_AKN.to_string()]
}

pub(crate) async fn run(sh: &Arc<Shared>, p: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
    match p.command.as_str() {
        EXPORT_AKN => export_akn(sh, &p.arguments).await,
        other => Err(Error::invalid_params(format!("unknown command: {other}"))),
    }
}

async fn export_akn(sh: &Arc<Shared>, args: &[Value]) -> Result<Option<Value>> {
    let uri = args.first().and_then(uri_of).ok_or_else(|| {
        Error::invalid_params(format!(
            "{EXPORT_AKN} takes the URI of an open document (a string or {{\"uri\": …}})"
        ))
    })?;
    let snap = sh.snapshot(&uri).ok_or_else(|| {
        Error::invalid_params(format!(
            "{}: not open, or too large for the server to parse",
            uri.as_str()
        ))
    })?;
    // the writer walks the whole document: off the protocol task
    let xml = blocking(move || Some(unlsp_formats::akn::write(snap.text(), snap.tree()))).await;
    Ok(xml.map(Value::String))
}

fn uri_of(v: &Value) -> Option<Uri> {
    let s = v.as_str().or_else(|| v.get("uri")?.as_str())?;
    Uri::from_str(s).ok()
}
