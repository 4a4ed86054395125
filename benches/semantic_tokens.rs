//! What the server sends after one keystroke in a 1 MB document (built from the
//! English corpus texts, `../shared/corpus/texts/en/`): semantic tokens as a
//! full answer, as a delta from the previous result and for one screen
//! (`range`), and the other answers editors ask again after every edit
//! (diagnostics pushed, the outline, folding ranges, inlay hints). Prints sizes
//! in bytes of JSON; asserts nothing, times nothing.
//!
//! `cargo bench --bench semantic_tokens`

#[path = "../tests/server_support.rs"]
mod support;

use serde_json::{Value, json};
use support::*;

const URI: &str = "file:///bench/big.txt";

fn size(v: &Value) -> usize {
    serde_json::to_string(v).map(|s| s.len()).unwrap_or(0)
}

fn row(what: &str, v: &Value, note: &str) {
    println!("{what:<44} {:>11} bytes  {note}", size(v));
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let text = corpus_text(1 << 20);
    let lines = text.lines().count();
    println!(
        "document: {} bytes, {lines} lines (English corpus resolutions concatenated)\n",
        text.len()
    );
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    c.open(URI, &text, 1).await;
    let diags = c.diagnostics(URI, 1).await;
    let td = json!({"textDocument": {"uri": URI}});
    let full = c.call("textDocument/semanticTokens/full", td.clone()).await;
    let n = full["data"].as_array().map_or(0, |a| a.len());
    row(
        "semanticTokens/full",
        &full,
        &format!("{n} integers, {} tokens", n / 5),
    );

    // one keystroke among the tokens: a space typed at the start of the line
    // of the middle token (the tokens of that line move by one column)
    let data: Vec<u64> = full["data"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    let line: u64 = data.chunks(5).take(n / 10).map(|t| t[0]).sum();
    let at = json!({"line": line, "character": 0});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": at, "end": at}, "text": " "}]}),
    )
    .await;
    // the answers below are for the document as reparsed (its diagnostics came,
    // or, when the keystroke moved none of them, were not sent again)
    let d2 = c
        .wait_message(0, std::time::Duration::from_secs(3), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 2
        })
        .await
        .map(|(_, m)| {
            m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        });
    let id = full["resultId"].clone();
    let delta = c
        .call(
            "textDocument/semanticTokens/full/delta",
            json!({"textDocument": {"uri": URI}, "previousResultId": id}),
        )
        .await;
    let ints: usize = delta["edits"].as_array().map_or(0, |e| {
        e.iter()
            .map(|x| x["data"].as_array().map_or(0, |d| d.len()))
            .sum()
    });
    row(
        "semanticTokens/full/delta after a keystroke",
        &delta,
        &format!(
            "{ints} integers in {} edit(s)",
            delta["edits"].as_array().map_or(0, |e| e.len())
        ),
    );
    let screen = json!({"textDocument": {"uri": URI},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line + 60, "character": 0}}});
    let range = c
        .call("textDocument/semanticTokens/range", screen.clone())
        .await;
    row("semanticTokens/range (60 lines)", &range, "");
    let again = c.call("textDocument/semanticTokens/full", td.clone()).await;
    row(
        "semanticTokens/full after the keystroke",
        &again,
        "what a client without delta gets",
    );

    println!("\nalso sent again after every edit:");
    match &d2 {
        Some(d2) => row(
            "publishDiagnostics (push, whole list)",
            &json!(d2),
            &format!("{} diagnostics (v1: {})", d2.len(), diags.len()),
        ),
        None => row(
            "publishDiagnostics (push)",
            &json!(null),
            &format!("not sent again: none of the {} moved", diags.len()),
        ),
    }
    let sym = c.call("textDocument/documentSymbol", td.clone()).await;
    row("documentSymbol (outline)", &sym, "");
    let fold = c.call("textDocument/foldingRange", td.clone()).await;
    row("foldingRange", &fold, "");
    let hints = c.call("textDocument/inlayHint", screen).await;
    row("inlayHint (60 lines)", &hints, "");
    c.shutdown().await;
}
