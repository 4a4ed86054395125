//! The server under pressure: a typing storm, malformed input, huge documents.

#[path = "server_support.rs"]
mod support;

use serde_json::{Value, json};
use std::time::{Duration, Instant};
use support::*;

const URI: &str = "file:///tmp/unlsp-storm/draft.txt";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_storm_keeps_order_and_last_version() {
    let c = TestClient::in_process().await;
    // the default debounce (150 ms)
    c.initialize(plain_caps(), json!({}), None).await;
    let mut text =
        String::from("The General Assembly,\n\nRecalling its resolution 61/100,\n\n1. Decides ");
    c.open(URI, &text, 1).await;
    let typed = "to remain seized of the matter; 大会回顾𠀋 ";
    let mut version = 1;
    let t0 = Instant::now();
    for i in 0..1000 {
        version += 1;
        let ch = typed.chars().nth(i % typed.chars().count()).unwrap();
        // every 100th change replaces a range instead of inserting
        let (start, end, new) = if i % 100 == 99 {
            let s = text.len() - text.chars().last().unwrap().len_utf8();
            (s, text.len(), ch.to_string())
        } else {
            (text.len(), text.len(), ch.to_string())
        };
        let params = json!({
            "textDocument": {"uri": URI, "version": version},
            "contentChanges": [{"range": {"start": pos(&text, start), "end": pos(&text, end)}, "text": new}],
        });
        text.replace_range(start..end, &new);
        c.notify("textDocument/didChange", params).await;
        if i % 250 == 0 {
            // a request in the middle of the storm is answered
            let _ = c
                .send_request(
                    "textDocument/documentSymbol",
                    json!({"textDocument": {"uri": URI}}),
                )
                .await;
        }
    }
    let sent = t0.elapsed();
    let d = c.diagnostics(URI, version).await;
    assert_eq!(c.text_of(URI).unwrap(), text, "server text after the storm");
    let _ = d;
    // no diagnostics for an older version arrive after the last one
    tokio::time::sleep(Duration::from_millis(400)).await;
    let pubs: Vec<i64> = c
        .messages()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI)
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert_eq!(*pubs.last().unwrap(), version, "{pubs:?}");
    assert!(
        pubs.windows(2).all(|w| w[0] < w[1]),
        "versions only grow: {pubs:?}"
    );
    assert!(
        pubs.len() < 100,
        "debounced: {} publishes for 1000 edits",
        pubs.len()
    );
    let took = c.shutdown().await;
    assert!(took < Duration::from_secs(1), "shutdown took {took:?}");
    eprintln!(
        "storm: 1000 changes sent in {sent:?}, {} publishes, shutdown {took:?}",
        pubs.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_and_unknown_changes_are_ignored() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    c.open(URI, "The General Assembly,\n", 5).await;
    // older version: dropped
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": "gone"}]}),
    )
    .await;
    // never opened: dropped
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.txt", "version": 9}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    // a range past the end clamps to the end
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 6},
               "contentChanges": [{"range": {"start": {"line": 99, "character": 9}, "end": {"line": 120, "character": 0}}, "text": "\nRecalling"}]}),
    )
    .await;
    c.diagnostics(URI, 6).await;
    assert_eq!(
        c.text_of(URI).unwrap(),
        "The General Assembly,\n\nRecalling"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_messages_get_error_replies() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    // a body that is not JSON
    c.write_raw(&frame("{this is not json")).await;
    let (_, m) = c
        .wait_message(0, Duration::from_secs(5), |m| m["error"]["code"] == -32700)
        .await
        .expect("parse error reply");
    assert_eq!(m["id"], Value::Null);
    // JSON, but not a JSON-RPC message
    c.write_raw(&frame("[1, 2, 3]")).await;
    c.wait_message(0, Duration::from_secs(5), |m| m["error"]["code"] == -32600)
        .await
        .expect("invalid request reply");
    // a header block without Content-Length
    c.write_raw(b"Content-Type: application/json\r\n\r\n").await;
    c.wait_message(0, Duration::from_secs(5), |m| {
        m["error"]["code"] == -32700
            && m["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Content-Length")
    })
    .await
    .expect("missing Content-Length reply");
    // an unknown method
    let r = c.request("unlsp/noSuchMethod", json!({})).await;
    assert_eq!(r["error"]["code"], -32601);
    // params of the wrong shape
    let r = c
        .request("textDocument/hover", json!({"nonsense": true}))
        .await;
    assert_eq!(r["error"]["code"], -32602);
    // positions past the end of the document
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let far =
        json!({"textDocument": {"uri": URI}, "position": {"line": 100000, "character": 100000}});
    for m in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
        "textDocument/prepareRename",
    ] {
        let r = c.request(m, far.clone()).await;
        assert!(r.get("error").is_none(), "{m}: {r}");
    }
    let mut refs = far.clone();
    refs["context"] = json!({"includeDeclaration": true});
    assert!(
        c.request("textDocument/references", refs)
            .await
            .get("error")
            .is_none()
    );
    let r = c
        .request(
            "textDocument/selectionRange",
            json!({"textDocument": {"uri": URI}, "positions": [{"line": 4000000000u32, "character": 4000000000u32}]}),
        )
        .await;
    assert!(r.get("error").is_none(), "{r}");
    // requests on a document never opened
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///never.txt"}}),
        )
        .await;
    assert_eq!(r["result"], Value::Null);
    // still serving
    let s = c
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert!(s.as_array().is_some_and(|a| !a.is_empty()));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_20_mb_document_does_not_stop_the_server() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let para = "Recalling its resolution 61/100 of 6 December 2006 and the reports of the Secretary-General,\n\n";
    let big: String = std::iter::repeat_n(para, 20 * 1024 * 1024 / para.len() + 1).collect();
    assert!(big.len() > 20 * 1024 * 1024);
    let big_uri = "file:///tmp/unlsp-storm/big.txt";
    let t = Instant::now();
    c.open(big_uri, &big, 1).await;
    c.open(URI, &fixture("draft.txt"), 1).await;
    // the small document is served while the big one is open
    let s = c
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert!(s.as_array().is_some_and(|a| !a.is_empty()));
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": big_uri}, "position": {"line": 2, "character": 3}}),
        )
        .await;
    assert!(r.get("error").is_none(), "{r}");
    // editing the big document still works
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": big_uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "X"}]}),
    )
    .await;
    let r = c
        .request(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": big_uri}}),
        )
        .await;
    assert!(r.get("error").is_none());
    assert!(c.text_of(big_uri).unwrap().starts_with("XRecalling"));
    eprintln!("20 MB document handled in {:?}", t.elapsed());
    let took = c.shutdown().await;
    assert!(took < Duration::from_secs(2), "shutdown took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_ends_the_server() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({}), None).await;
    c.notify("exit", Value::Null).await;
    // the pipe closes: further requests get no answer
    let id = c
        .send_request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert!(c.response(id, Duration::from_secs(2)).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_over_the_size_limit_say_why_they_are_not_linted() {
    let c = TestClient::in_process().await;
    // draft.txt is 703 bytes: over a 500-byte limit it is parsed but not
    // linted; a text over twice the limit is kept as plain text.
    c.initialize(
        plain_caps(),
        json!({"debounceMs": 0, "maxFileSize": 500}),
        None,
    )
    .await;
    let draft = fixture("draft.txt");
    assert!(draft.len() > 500 && draft.len() <= 1000);
    c.open(URI, &draft, 1).await;
    let d = c.diagnostics(URI, 1).await;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "size-limit");
    assert_eq!(d[0]["severity"], 3);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("outline and navigation work")
    );
    // the outline still works
    let s = c
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert!(s.as_array().is_some_and(|a| !a.is_empty()));

    let big_uri = "file:///tmp/unlsp-limit/big.txt";
    let big = draft.repeat(2);
    c.open(big_uri, &big, 1).await;
    let d = c.diagnostics(big_uri, 1).await;
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0]["message"].as_str().unwrap().contains("plain text"),
        "{d:?}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_is_never_flooded_with_diagnostics() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    // 1,500 operative paragraphs, none with its semicolon: one UN010 each
    let mut text = String::from("The General Assembly,\n\n");
    for i in 1..=1500 {
        text.push_str(&format!("{i}. Decides to remain seized of the matter\n\n"));
    }
    c.open(URI, &text, 1).await;
    let d = c.diagnostics(URI, 1).await;
    assert_eq!(d.len(), 1001, "{}", d.len());
    let last = d.last().unwrap();
    assert_eq!(last["code"], "too-many");
    assert!(
        last["message"].as_str().unwrap().starts_with("500 more"),
        "{last}"
    );
    c.shutdown().await;
}

/// After a frame whose `Content-Length` is larger or smaller than
/// its body, not a number, negative, past `u64`, or missing, the server
/// answers the broken request when its id can be read (`-32700`) and every
/// well-framed request after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_answers_after_every_broken_frame() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let params = json!({"textDocument": {"uri": "file:///never.txt"}});
    let body = |id: i64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": params})
            .to_string()
    };
    let n = body(1000).len();
    let cases = [
        (format!("Content-Length: {}", n + 40), true),
        (format!("Content-Length: {}", n + 1), true),
        (format!("Content-Length: {}", n - 7), true),
        ("Content-Length: twelve".to_string(), false),
        ("Content-Length: -5".to_string(), false),
        ("Content-Length: 18446744073709551617".to_string(), false),
        (
            "Content-Type: application/vscode-jsonrpc".to_string(),
            false,
        ),
    ];
    for (i, (header, answers_it)) in cases.into_iter().enumerate() {
        let id = 1000 + i as i64;
        c.write_raw(format!("{header}\r\n\r\n{}", body(id)).as_bytes())
            .await;
        let r = c
            .request("textDocument/documentSymbol", params.clone())
            .await;
        assert_eq!(r["result"], Value::Null, "{header}: {r}");
        if answers_it {
            let e = c
                .response(id, Duration::from_secs(10))
                .await
                .unwrap_or_else(|| panic!("{header}: the broken request is not answered"));
            assert_eq!(e["error"]["code"], -32700, "{header}: {e}");
        }
    }
    // a well-framed body that is not JSON: an error, and the server goes on
    c.write_raw(&frame("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\""))
        .await;
    let e = c.response(77, Duration::from_secs(10)).await.unwrap();
    assert_eq!(e["error"]["code"], -32700);
    let r = c.request("textDocument/documentSymbol", params).await;
    assert_eq!(r["result"], Value::Null);
    c.shutdown().await;
}

/// The server's log lines go through `tracing` to stderr, filtered by
/// `UNLSP_LOG`; stdout carries only protocol frames.
#[test]
fn log_lines_reach_stderr_through_tracing() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |filter: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_unlsp"))
            .arg("serve")
            .env("UNLSP_LOG", filter)
            .env_remove("UNLSP_TIMING")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the unlsp binary starts");
        // a well-framed body that is not JSON, then the end of the input
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(&frame("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\""))
            .unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (stdout, stderr) = run("debug");
    let line = stderr
        .lines()
        .find(|l| l.contains("broken message"))
        .unwrap_or_else(|| panic!("no log line on stderr:\n{stderr}"));
    assert!(line.contains("WARN"), "{line}");
    assert!(stdout.starts_with("Content-Length:"), "{stdout}");
    assert!(!stdout.contains("broken message"), "{stdout}");
    // a filter above the line's level keeps it out
    let (_, quiet) = run("error");
    assert!(!quiet.contains("broken message"), "{quiet}");
}
