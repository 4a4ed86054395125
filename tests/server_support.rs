//! A small LSP client for the server tests and the latency benchmark: real
//! JSON-RPC messages with `Content-Length` framing, over an in-process pipe to
//! `unlsp_server::serve` or over a child process's stdio. Server → client
//! requests are answered (configuration from the test, null otherwise) and
//! kept, like notifications, for assertions.
//!
//! Included by the `server*` tests with `#[path = "server_support.rs"] mod support;`.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::Notify;

type Writer = Box<dyn AsyncWrite + Send + Unpin>;

#[derive(Default)]
struct Inbox {
    responses: HashMap<i64, Value>,
    /// Notifications and server requests, in arrival order.
    messages: Vec<Value>,
    closed: bool,
}

pub struct TestClient {
    writer: Arc<tokio::sync::Mutex<Writer>>,
    next_id: AtomicI64,
    inbox: Arc<Mutex<Inbox>>,
    notify: Arc<Notify>,
    /// What `workspace/configuration` answers.
    pub config: Arc<Mutex<Value>>,
    server: Option<tokio::task::JoinHandle<bool>>,
    /// The server's state, for assertions on what it holds (in process only).
    pub shared: Option<Arc<unlsp_server::state::Shared>>,
}

pub fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Capabilities of a plain client (push diagnostics, UTF-16, completion edits
/// applied with their range).
pub fn plain_caps() -> Value {
    json!({
        "textDocument": {
            "completion": {"completionItem": {"insertReplaceSupport": true}},
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
        },
        "window": {"workDoneProgress": true},
        "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}},
    })
}

pub fn file_uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

impl TestClient {
    /// Start the server in process on a pipe.
    pub async fn in_process() -> TestClient {
        let (client_end, server_end) = tokio::io::duplex(1 << 16);
        let (sr, sw) = tokio::io::split(server_end);
        let (svc, socket, shared) = unlsp_server::service();
        let sh = shared.clone();
        let server = tokio::spawn(async move {
            unlsp_server::serve_service(svc, socket, sr, sw).await;
            sh.is_shutting_down()
        });
        let (cr, cw) = tokio::io::split(client_end);
        let mut c = TestClient::connect(cr, Box::new(cw));
        c.server = Some(server);
        c.shared = Some(shared);
        c
    }

    /// Talk to a server over any pair of streams (a child process's stdio).
    pub fn connect(reader: impl AsyncRead + Send + Unpin + 'static, writer: Writer) -> TestClient {
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let notify = Arc::new(Notify::new());
        let config = Arc::new(Mutex::new(json!({})));
        let writer = Arc::new(tokio::sync::Mutex::new(writer));
        let c = TestClient {
            writer: writer.clone(),
            next_id: AtomicI64::new(1),
            inbox: inbox.clone(),
            notify: notify.clone(),
            config: config.clone(),
            server: None,
            shared: None,
        };
        let (reply_tx, mut reply_rx) = tokio::sync::mpsc::unbounded_channel::<Value>();
        tokio::spawn(async move {
            let mut r = BufReader::new(reader);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    match r.read_line(&mut line).await {
                        Ok(0) | Err(_) => {
                            inbox.lock().unwrap().closed = true;
                            notify.notify_waiters();
                            return;
                        }
                        Ok(_) => {}
                    }
                    let l = line.trim();
                    if l.is_empty() {
                        break;
                    }
                    if let Some(v) = l.strip_prefix("Content-Length:") {
                        len = v.trim().parse::<usize>().ok();
                    }
                }
                let Some(n) = len else { continue };
                let mut buf = vec![0; n];
                if r.read_exact(&mut buf).await.is_err() {
                    inbox.lock().unwrap().closed = true;
                    notify.notify_waiters();
                    return;
                }
                let Ok(msg) = serde_json::from_slice::<Value>(&buf) else {
                    continue;
                };
                let is_request = msg.get("method").is_some() && msg.get("id").is_some();
                if is_request {
                    let result = match msg["method"].as_str() {
                        Some("workspace/configuration") => {
                            let n = msg["params"]["items"]
                                .as_array()
                                .map(|a| a.len())
                                .unwrap_or(1);
                            let v = config.lock().unwrap().clone();
                            json!(vec![v; n])
                        }
                        _ => Value::Null,
                    };
                    let _ =
                        reply_tx.send(json!({"jsonrpc": "2.0", "id": msg["id"], "result": result}));
                }
                let mut ib = inbox.lock().unwrap();
                match msg.get("id").and_then(|i| i.as_i64()) {
                    Some(id) if msg.get("method").is_none() => {
                        ib.responses.insert(id, msg);
                    }
                    _ => ib.messages.push(msg),
                }
                drop(ib);
                notify.notify_waiters();
            }
        });
        // replies to server requests go through the shared writer
        tokio::spawn(async move {
            while let Some(v) = reply_rx.recv().await {
                let mut w = writer.lock().await;
                let _ = w.write_all(&frame(&v.to_string())).await;
                let _ = w.flush().await;
            }
        });
        c
    }

    /// The server's copy of an open document's text.
    pub fn text_of(&self, uri: &str) -> Option<String> {
        let sh = self.shared.as_ref()?;
        sh.text_of(uri)
    }

    pub async fn write_raw(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().await;
        let _ = w.write_all(bytes).await;
        let _ = w.flush().await;
    }

    pub async fn notify(&self, method: &str, params: Value) {
        let msg = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.write_raw(&frame(&msg.to_string())).await;
    }

    /// Send a request and return its id without waiting.
    pub async fn send_request(&self, method: &str, params: Value) -> i64 {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let msg = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.write_raw(&frame(&msg.to_string())).await;
        id
    }

    pub async fn response(&self, id: i64, timeout: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let waiter = self.notify.notified();
            {
                let mut ib = self.inbox.lock().unwrap();
                if let Some(v) = ib.responses.remove(&id) {
                    return Some(v);
                }
                if ib.closed {
                    return None;
                }
            }
            if tokio::time::timeout_at(deadline, waiter).await.is_err() {
                return None;
            }
        }
    }

    /// Request and wait (10 s) for the whole response object.
    pub async fn request(&self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params).await;
        self.response(id, Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("no response to {method}"))
    }

    /// Request and return its `result`, panicking on an error.
    pub async fn call(&self, method: &str, params: Value) -> Value {
        let r = self.request(method, params).await;
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// The first message (notification or server request) from `from` on that
    /// satisfies `pred`; returns it and its index.
    pub async fn wait_message(
        &self,
        from: usize,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Option<(usize, Value)> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let waiter = self.notify.notified();
            {
                let ib = self.inbox.lock().unwrap();
                if let Some((i, m)) = ib
                    .messages
                    .iter()
                    .enumerate()
                    .skip(from)
                    .find(|(_, m)| pred(m))
                {
                    return Some((i, m.clone()));
                }
                if ib.closed {
                    return None;
                }
            }
            if tokio::time::timeout_at(deadline, waiter).await.is_err() {
                return None;
            }
        }
    }

    pub fn messages(&self) -> Vec<Value> {
        self.inbox.lock().unwrap().messages.clone()
    }

    pub fn message_count(&self) -> usize {
        self.inbox.lock().unwrap().messages.len()
    }

    /// Diagnostics published for `uri` at `version` (waits up to 10 s).
    pub async fn diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        let (_, m) = self
            .wait_message(0, Duration::from_secs(10), |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == version
            })
            .await
            .unwrap_or_else(|| panic!("no diagnostics for {uri} v{version}"));
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub async fn initialize(&self, caps: Value, options: Value, root: Option<&Path>) -> Value {
        let mut params = json!({
            "processId": null,
            "capabilities": caps,
            "initializationOptions": options,
        });
        if let Some(r) = root {
            params["rootUri"] = json!(file_uri(r));
            params["workspaceFolders"] = json!([{"uri": file_uri(r), "name": "ws"}]);
        }
        let r = self.call("initialize", params).await;
        self.notify("initialized", json!({})).await;
        r
    }

    pub async fn open(&self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "unres", "version": version, "text": text}}),
        )
        .await;
    }

    /// `shutdown` then `exit`; returns how long `shutdown` took to answer.
    pub async fn shutdown(mut self) -> Duration {
        let t = std::time::Instant::now();
        let id = self.send_request("shutdown", Value::Null).await;
        let r = self.response(id, Duration::from_secs(10)).await;
        let took = t.elapsed();
        assert!(
            r.is_some_and(|r| r.get("error").is_none()),
            "shutdown not answered"
        );
        self.notify("exit", Value::Null).await;
        if let Some(s) = self.server.take() {
            let clean = tokio::time::timeout(Duration::from_secs(5), s)
                .await
                .expect("server stops after exit")
                .expect("server task");
            assert!(clean, "exit after shutdown is a clean exit");
        }
        took
    }
}

/// A fixture with a `$0` cursor: the text without the marker and the cursor's
/// byte offset.
pub fn cursor(fixture: &str) -> (String, usize) {
    let at = fixture.find("$0").expect("fixture has a $0 cursor");
    (fixture.replacen("$0", "", 1), at)
}

/// LSP position (UTF-16) of a byte offset.
pub fn pos(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let ls = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col: usize = before[ls..].encode_utf16().count();
    json!({"line": line, "character": col})
}

/// Byte offset of a UTF-16 LSP position.
pub fn offset(text: &str, p: &Value) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let ch = p["character"].as_u64().unwrap() as usize;
    let mut ls = 0;
    for _ in 0..line {
        ls += text[ls..]
            .find('\n')
            .map(|i| i + 1)
            .unwrap_or(text.len() - ls);
    }
    let mut units = 0;
    for (i, c) in text[ls..].char_indices() {
        if units >= ch || c == '\n' {
            return ls + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The text a range covers.
pub fn slice<'t>(text: &'t str, range: &Value) -> &'t str {
    &text[offset(text, &range["start"])..offset(text, &range["end"])]
}

pub fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/server")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A shared seed, or `None` (with a note) when the shared folder is absent.
pub fn seed(name: &str) -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("note: {} absent, case skipped", p.display());
            None
        }
    }
}

/// A small draft with leads, a citation, sub-paragraphs and a footnote.
pub const SEED: &str = "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006,\n\nRecalling also its resolution 60/93,1\n\n1. Calls upon all States to take all measures, in accordance with paragraph 2 below;\n\n2. Requests the Secretary-General to report on the following:\n\n(a) The status of the Convention;\n\n(b) The outcome of the meetings;\n\n3. Decides to remain seized of the matter.\n\n_______________\n1 See CCW/CONF.III/11.\n\n";

/// A document of about `size` bytes from the English corpus texts
/// (`../shared/corpus/texts/en/`, adopted resolutions), else a repeated seed:
/// the large document of the benches.
pub fn corpus_text(size: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/texts/en");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("A_RES_"))
    });
    files.sort();
    let mut out = String::new();
    if files.is_empty() {
        eprintln!("note: {} absent, repeating a seed", dir.display());
    }
    // one resolution of about the right size first, then whole texts appended
    if let Some(p) = files.iter().find(|p| {
        std::fs::metadata(p)
            .is_ok_and(|m| (m.len() as usize) >= size * 8 / 10 && (m.len() as usize) <= size)
    }) {
        out = std::fs::read_to_string(p).unwrap_or_default();
    }
    for p in &files {
        if out.len() >= size {
            break;
        }
        if let Ok(t) = std::fs::read_to_string(p)
            && out.len() + t.len() <= size + size / 10
        {
            out.push_str(&t);
        }
    }
    while out.len() < size {
        out.push_str(SEED);
    }
    out
}
