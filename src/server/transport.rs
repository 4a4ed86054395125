//! Framing guard between the client and tower-lsp-server.
//!
//! tower-lsp-server stops reading its input after the first message it cannot
//! decode (a body that is not JSON, or not a JSON-RPC message, or a header
//! without `Content-Length`): its read loop ends on the `None` that
//! `FramedRead` yields after an error. So the server reads from a pipe fed by
//! [`filter_input`], which forwards well-formed messages and answers the others
//! itself (`-32700` parse error, `-32600` invalid request) through the same
//! output, frame by frame, so nothing interleaves.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, WeakUnboundedSender};
use tower_lsp_server::jsonrpc::{Request, Response};

use super::state::log;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body);
    v
}

fn error_reply(id: Value, code: i64, message: &str) -> Vec<u8> {
    let v = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(v.to_string().as_bytes())
}

/// `None` when the body is a message tower-lsp-server can decode, else the
/// error reply to send instead.
pub fn check_body(body: &[u8]) -> Option<Vec<u8>> {
    if serde_json::from_slice::<Request>(body).is_ok()
        || serde_json::from_slice::<Response>(body).is_ok()
    {
        return None;
    }
    match serde_json::from_slice::<Value>(body) {
        Err(e) => Some(error_reply(
            Value::Null,
            -32700,
            &format!("Parse error: {e}"),
        )),
        Ok(v) => {
            let id = v.get("id").cloned().unwrap_or(Value::Null);
            let id = if id.is_number() || id.is_string() {
                id
            } else {
                Value::Null
            };
            Some(error_reply(
                id,
                -32600,
                "Invalid request: not a JSON-RPC 2.0 message",
            ))
        }
    }
}

/// Headers up to the blank line: `Ok(Some(len))`, `Ok(None)` for a header block
/// without a usable `Content-Length`, `Err(())` at the end of the input.
async fn read_headers<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> Result<Option<usize>, ()> {
    let mut len = None;
    let mut seen = false;
    loop {
        let mut line = Vec::new();
        match r.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Err(()),
            Ok(_) => {}
        }
        let l = String::from_utf8_lossy(&line);
        let t = l.trim();
        if t.is_empty() {
            if seen {
                return Ok(len);
            }
            continue;
        }
        seen = true;
        if let Some((k, v)) = t.split_once(':')
            && k.trim().eq_ignore_ascii_case("content-length")
        {
            len = v.trim().parse::<usize>().ok();
        }
    }
}

/// Forward well-formed messages from `input` to the server; answer the others.
pub async fn filter_input<R, W>(input: R, mut to_server: W, replies: WeakUnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = BufReader::new(input);
    loop {
        let len = match read_headers(&mut r).await {
            Err(()) => return,
            Ok(Some(n)) => n,
            Ok(None) => {
                log!("message without Content-Length: dropped");
                if let Some(tx) = replies.upgrade() {
                    let _ = tx.send(error_reply(
                        Value::Null,
                        -32700,
                        "Parse error: missing Content-Length",
                    ));
                }
                continue;
            }
        };
        if len > MAX_MESSAGE {
            // never allocate what a header claims; skip the body in bounded chunks
            log!("message of {len} bytes over the {MAX_MESSAGE}-byte limit: skipped");
            if let Some(tx) = replies.upgrade() {
                let _ = tx.send(error_reply(
                    Value::Null,
                    -32600,
                    "Invalid Request: message too large",
                ));
            }
            let mut limited = (&mut r).take(len as u64);
            if tokio::io::copy(&mut limited, &mut tokio::io::sink())
                .await
                .is_err()
            {
                return;
            }
            continue;
        }
        let mut body = vec![0; len];
        if r.read_exact(&mut body).await.is_err() {
            return;
        }
        match check_body(&body) {
            None => {
                if to_server.write_all(&frame(&body)).await.is_err() {
                    return;
                }
                let _ = to_server.flush().await;
            }
            Some(reply) => {
                log!(
                    "malformed message ({} bytes) answered with an error",
                    body.len()
                );
                if let Some(tx) = replies.upgrade() {
                    let _ = tx.send(reply);
                }
            }
        }
    }
}

/// Largest message body accepted (a 20 MB document fits with room to spare).
pub const MAX_MESSAGE: usize = 256 << 20;

/// Whole frames from the server's output, in order.
pub async fn pump_frames<R: AsyncRead + Unpin>(from_server: R, out: UnboundedSender<Vec<u8>>) {
    let mut r = BufReader::new(from_server);
    while let Ok(Some(len)) = read_headers(&mut r).await {
        if len > MAX_MESSAGE {
            return;
        }
        let mut body = vec![0; len];
        if r.read_exact(&mut body).await.is_err() {
            return;
        }
        if out.send(frame(&body)).is_err() {
            return;
        }
    }
}

pub async fn write_frames<W: AsyncWrite + Unpin>(mut rx: UnboundedReceiver<Vec<u8>>, mut out: W) {
    while let Some(f) = rx.recv().await {
        if out.write_all(&f).await.is_err() {
            return;
        }
        let _ = out.flush().await;
    }
}

#[cfg(test)]
mod tests {
    use super::check_body;

    #[test]
    fn bodies_are_checked_like_the_server_would() {
        assert!(check_body(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_none());
        assert!(check_body(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_none());
        let e = String::from_utf8(check_body(b"{nope").unwrap()).unwrap();
        assert!(e.contains("-32700"), "{e}");
        let e = String::from_utf8(check_body(br#"{"id":7,"method":3}"#).unwrap()).unwrap();
        assert!(e.contains("-32600") && e.contains("\"id\":7"), "{e}");
        assert!(check_body(&[0xff, 0xfe]).is_some());
    }
}
