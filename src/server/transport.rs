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
        if read_chunked(&mut r, &mut body).await.is_err() {
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
        for chunk in f.chunks(CHUNK) {
            if out.write_all(chunk).await.is_err() {
                return;
            }
        }
        let _ = out.flush().await;
    }
}

/// The most read from or written to the standard streams at once. tokio's
/// stdin and stdout hand each read and write to a blocking thread through a
/// buffer of the same size (up to 2 MB), which they keep: a 1 MB `didOpen`
/// read whole would leave a 1 MB buffer behind for the server's life.
const CHUNK: usize = 64 * 1024;

/// Fill `body` from `r` in reads of at most [`CHUNK`] bytes.
async fn read_chunked<R: AsyncRead + Unpin>(r: &mut R, body: &mut [u8]) -> std::io::Result<()> {
    for chunk in body.chunks_mut(CHUNK) {
        r.read_exact(chunk).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, check_body, read_chunked};

    /// A body several chunks long arrives whole and in order, read through a
    /// reader that never returns more than it is asked for.
    #[tokio::test]
    async fn a_large_body_is_read_in_chunks() {
        let sent: Vec<u8> = (0..CHUNK * 3 + 17).map(|i| (i % 251) as u8).collect();
        let (mut w, r) = tokio::io::duplex(4096);
        let out = sent.clone();
        let writer = tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            w.write_all(&out).await.unwrap();
        });
        let mut got = vec![0; sent.len()];
        let mut r = tokio::io::BufReader::new(r);
        read_chunked(&mut r, &mut got).await.unwrap();
        writer.await.unwrap();
        assert_eq!(got, sent);
        // and a body cut short is an error, not a hang or a panic
        let (w, r) = tokio::io::duplex(4096);
        drop(w);
        let mut short = vec![0; 10];
        assert!(
            read_chunked(&mut tokio::io::BufReader::new(r), &mut short)
                .await
                .is_err()
        );
    }

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
