//! Framing guard between the client and tower-lsp-server.
//!
//! tower-lsp-server stops reading its input after the first message it cannot
//! decode (a body that is not JSON, or not a JSON-RPC message, or a header
//! without `Content-Length`): its read loop ends on the `None` that
//! `FramedRead` yields after an error. So the server reads from a pipe fed by
//! [`filter_input`], which forwards well-formed messages and answers the others
//! itself (`-32700` parse error, `-32600` invalid request) through the same
//! output, frame by frame, so nothing interleaves.
//!
//! A broken frame (a `Content-Length` that is missing, not a number, or larger
//! or smaller than the body) is answered with `-32700` and the reader
//! resynchronises on the next `Content-Length` header ([`Frames`]): such a
//! header line can never occur inside a JSON text, where a raw line break is
//! only whitespace between tokens and `Content-Length` only the inside of a
//! string.

use regex::bytes::Regex;
use serde_json::{Value, json};
use std::sync::LazyLock;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, WeakUnboundedSender};
use tower_lsp_server::jsonrpc::{Request, Response};

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
            request_id(body),
            -32700,
            &format!("Parse error: {e}"),
        )),
        Ok(v) => Some(error_reply(
            id_of(&v),
            -32600,
            "Invalid request: not a JSON-RPC 2.0 message",
        )),
    }
}

fn id_of(v: &Value) -> Value {
    match v.get("id") {
        Some(id) if id.is_number() || id.is_string() => id.clone(),
        _ => Value::Null,
    }
}

/// The `id` of a request whose body may be cut short or run on: the value of
/// the first `"id"` member of the outermost object, so that the client's
/// pending request gets its error; `null` when there is none.
pub(crate) fn request_id(body: &[u8]) -> Value {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        return id_of(&v);
    }
    let mut depth = 0i32;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'"' => {
                let end = string_end(body, i);
                if depth == 1 && &body[i..end] == b"\"id\"" {
                    return id_value(&body[end..]);
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    Value::Null
}

/// The end (exclusive) of the JSON string that starts at `start`.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The number or string after `: ` in `rest`, else `null`.
fn id_value(rest: &[u8]) -> Value {
    let rest = rest.trim_ascii_start();
    let Some(rest) = rest.strip_prefix(b":") else {
        return Value::Null;
    };
    let rest = rest.trim_ascii_start();
    let end = match rest.first() {
        Some(b'"') => string_end(rest, 0),
        _ => rest
            .iter()
            .position(|c| !(c.is_ascii_digit() || *c == b'-'))
            .unwrap_or(rest.len()),
    };
    match serde_json::from_slice::<Value>(&rest[..end]) {
        Ok(v) if v.is_number() || v.is_string() => v,
        _ => Value::Null,
    }
}

/// A `Content-Length` header line; it cannot occur inside a JSON text.
static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i-u)content-length:[ \t]*[0-9]+[ \t]*\r?\n").unwrap());

/// How far back a header line may start in bytes already scanned.
const HEADER_SPAN: usize = 64;

/// The longest header block taken for one before it is called garbage.
const MAX_HEADER: usize = 8 * 1024;

/// What the start of the input holds.
#[derive(Debug, PartialEq)]
enum Block {
    /// No blank line yet.
    Incomplete,
    /// Not a header block: a line that is not `Name: value`.
    Garbage,
    /// Headers ending at `end`, with the `Content-Length` value.
    Headers {
        end: usize,
        length: Result<usize, String>,
    },
}

fn header_block(buf: &[u8]) -> Block {
    let mut at = 0;
    let mut length = Err("missing Content-Length".to_string());
    loop {
        let Some(nl) = memchr::memchr(b'\n', &buf[at..]) else {
            return if buf.len() > MAX_HEADER {
                Block::Garbage
            } else {
                Block::Incomplete
            };
        };
        let line = &buf[at..at + nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        at += nl + 1;
        if line.is_empty() {
            return Block::Headers { end: at, length };
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            return Block::Garbage;
        };
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        let token = |c: &u8| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(c);
        if name.is_empty() || !name.iter().all(token) {
            return Block::Garbage;
        }
        if name.eq_ignore_ascii_case(b"content-length") {
            let v = String::from_utf8_lossy(value);
            length = v
                .parse::<usize>()
                .map_err(|_| format!("invalid Content-Length {v:?}"));
        }
    }
}

/// One item read from the client.
enum Frame {
    /// A JSON body its header announced exactly.
    Body(Vec<u8>),
    /// A body over [`MAX_MESSAGE`], dropped unread.
    TooLarge,
    /// A frame that cannot be read as announced; `id` when one can be found.
    Broken { reason: String, id: Value },
}

/// Frames from the client's byte stream, resynchronising after broken ones.
struct Frames<R> {
    r: R,
    buf: Vec<u8>,
    /// After a broken frame: look for the next header from here before
    /// reading on (only then, so that the broken frame is answered at once).
    resync: Option<usize>,
}

impl<R: AsyncRead + Unpin> Frames<R> {
    /// Read up to [`CHUNK`] more bytes; false at the end of the input.
    async fn fill(&mut self) -> bool {
        let n = self.buf.len();
        self.buf.resize(n + CHUNK, 0);
        let got = self.r.read(&mut self.buf[n..]).await;
        self.buf.truncate(n + *got.as_ref().unwrap_or(&0));
        matches!(got, Ok(k) if k > 0)
    }

    /// The next frame; `None` at the end of the input.
    async fn next(&mut self) -> Option<Frame> {
        if let Some(from) = self.resync.take() {
            self.resync(from).await?;
        }
        loop {
            let skip = self.buf.iter().take_while(|c| matches!(c, b'\r' | b'\n'));
            let blank = skip.count();
            self.buf.drain(..blank);
            match header_block(&self.buf) {
                Block::Incomplete => {
                    if !self.fill().await {
                        return None;
                    }
                }
                Block::Garbage => {
                    self.resync = Some(1);
                    return Some(Frame::Broken {
                        reason: "expected a Content-Length header".into(),
                        id: Value::Null,
                    });
                }
                Block::Headers {
                    end,
                    length: Err(e),
                } => {
                    self.buf.drain(..end);
                    self.resync = Some(0);
                    return Some(Frame::Broken {
                        reason: e,
                        id: Value::Null,
                    });
                }
                Block::Headers { end, length: Ok(n) } => {
                    self.buf.drain(..end);
                    return self.body(n).await;
                }
            }
        }
    }

    /// The body of a frame that announced `len` bytes.
    async fn body(&mut self, len: usize) -> Option<Frame> {
        let keep = len <= MAX_MESSAGE;
        if !keep {
            // never allocate what a header claims; drop the body as it comes
            tracing::warn!("message of {len} bytes over the {MAX_MESSAGE}-byte limit: skipped");
        }
        let mut dropped = 0;
        let mut scanned = 0;
        loop {
            let upto = self.buf.len().min(len - dropped);
            if let Some(m) = HEADER.find_at(&self.buf, scanned)
                && m.start() < upto
            {
                // the next message began before the announced length was reached
                let id = request_id(&self.buf[..m.start()]);
                self.buf.drain(..m.start());
                return Some(Frame::Broken {
                    reason: "Content-Length larger than the message".into(),
                    id,
                });
            }
            if dropped + self.buf.len() >= len {
                if !keep {
                    self.buf.drain(..upto);
                    return Some(Frame::TooLarge);
                }
                if serde_json::from_slice::<serde::de::IgnoredAny>(&self.buf[..len]).is_err() {
                    // not JSON: the body was cut short, or ran into the next
                    // message, or is garbage; look for the next header in it
                    let id = request_id(&self.buf[..len]);
                    // (an empty body: the next header may start right here)
                    self.resync = Some(len.min(1));
                    return Some(Frame::Broken {
                        reason:
                            "not a JSON text, or a Content-Length that does not match the message"
                                .into(),
                        id,
                    });
                }
                let rest = self.buf.split_off(len);
                let body = std::mem::replace(&mut self.buf, rest);
                if self.buf.capacity() > 4 * CHUNK {
                    self.buf.shrink_to(CHUNK);
                }
                return Some(Frame::Body(body));
            }
            scanned = self.buf.len().saturating_sub(HEADER_SPAN);
            if !keep && scanned > 0 {
                self.buf.drain(..scanned);
                dropped += scanned;
                scanned = 0;
            }
            if !self.fill().await {
                return None;
            }
        }
    }

    /// Drop bytes up to the next `Content-Length` header at or after `from`.
    async fn resync(&mut self, from: usize) -> Option<()> {
        let mut from = from.min(self.buf.len());
        loop {
            if let Some(m) = HEADER.find_at(&self.buf, from) {
                self.buf.drain(..m.start());
                return Some(());
            }
            let keep_from = self.buf.len().saturating_sub(HEADER_SPAN).max(from);
            self.buf.drain(..keep_from);
            from = 0;
            if !self.fill().await {
                return None;
            }
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
    let reply = |bytes: Vec<u8>| {
        if let Some(tx) = replies.upgrade() {
            let _ = tx.send(bytes);
        }
    };
    let mut frames = Frames {
        r: input,
        buf: Vec::new(),
        resync: None,
    };
    while let Some(f) = frames.next().await {
        match f {
            Frame::Broken { reason, id } => {
                tracing::warn!(
                    "broken message ({reason}): answered, reading on from the next header"
                );
                reply(error_reply(id, -32700, &format!("Parse error: {reason}")));
            }
            Frame::TooLarge => reply(error_reply(
                Value::Null,
                -32600,
                "Invalid Request: message too large",
            )),
            Frame::Body(body) => match check_body(&body) {
                None => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    let _ = to_server.flush().await;
                }
                Some(r) => {
                    tracing::warn!(
                        "malformed message ({} bytes) answered with an error",
                        body.len()
                    );
                    reply(r);
                }
            },
        }
    }
}

/// Largest message body accepted (a 20 MB document fits with room to spare).
pub(crate) const MAX_MESSAGE: usize = 256 << 20;

/// Whole frames from the server's output, in order.
pub(crate) async fn pump_frames<R: AsyncRead + Unpin>(
    from_server: R,
    out: UnboundedSender<Vec<u8>>,
) {
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

pub(crate) async fn write_frames<W: AsyncWrite + Unpin>(
    mut rx: UnboundedReceiver<Vec<u8>>,
    mut out: W,
) {
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

#[cfg(test)]
mod tests {
    use super::{Block, CHUNK, Frame, Frames, check_body, header_block, request_id};
    use serde_json::{Value, json};
    use std::pin::Pin;
    use std::task::{Context, Poll};
    use tokio::io::{AsyncRead, ReadBuf};

    /// A reader that hands out one byte per read: every split of the input.
    struct Trickle<'a>(&'a [u8]);

    impl AsyncRead for Trickle<'_> {
        fn poll_read(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            if let Some((first, rest)) = self.0.split_first() {
                buf.put_slice(&[*first]);
                self.0 = rest;
            }
            Poll::Ready(Ok(()))
        }
    }

    fn msg(id: i64) -> String {
        json!({"jsonrpc": "2.0", "id": id, "method": "shutdown"}).to_string()
    }

    /// What the reader makes of `input`: bodies as text, broken frames as
    /// `broken <id>`, read whole and one byte at a time (the same both ways).
    async fn frames(input: &[u8]) -> Vec<String> {
        async fn all<R: AsyncRead + Unpin>(r: R) -> Vec<String> {
            let mut f = Frames {
                r,
                buf: Vec::new(),
                resync: None,
            };
            let mut out = Vec::new();
            while let Some(x) = f.next().await {
                out.push(match x {
                    Frame::Body(b) => String::from_utf8(b).unwrap(),
                    Frame::TooLarge => "too large".into(),
                    Frame::Broken { id, .. } => format!("broken {id}"),
                });
            }
            out
        }
        let whole = all(input).await;
        assert_eq!(whole, all(Trickle(input)).await);
        whole
    }

    #[tokio::test]
    async fn a_large_body_is_read_whole() {
        let body = json!({"jsonrpc": "2.0", "method": "x", "params": "a".repeat(CHUNK * 3 + 17)})
            .to_string();
        let input = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        assert_eq!(frames(input.as_bytes()).await, [body]);
    }

    /// Each broken frame is answered once, with the request's id when it can
    /// be read, and the next message is read as sent.
    #[tokio::test]
    async fn broken_frames_resynchronise_on_the_next_header() {
        let (one, two) = (msg(1), msg(2));
        let n = one.len();
        let good = format!("Content-Length: {}\r\n\r\n{two}", two.len());
        for (header, id) in [
            (format!("Content-Length: {}", n + 10), "1"),
            (format!("Content-Length: {}", n + 1), "1"),
            (format!("Content-Length: {}", n - 5), "1"),
            ("Content-Length: abc".to_string(), "null"),
            ("Content-Length: -5".to_string(), "null"),
            ("Content-Length: 18446744073709551617".to_string(), "null"),
            ("Content-Type: application/json".to_string(), "null"),
            ("{\"jsonrpc\": \"2.0\"}".to_string(), "null"),
        ] {
            let input = format!("{header}\r\n\r\n{one}{good}");
            assert_eq!(
                frames(input.as_bytes()).await,
                [format!("broken {id}"), two.clone()],
                "{header}"
            );
        }
        // a well-framed body that is not JSON, then the next message
        let input = format!("Content-Length: 5\r\n\r\n{{nope{good}");
        assert_eq!(
            frames(input.as_bytes()).await,
            ["broken null", two.as_str()]
        );
        // an empty body, then the next message
        let input = format!("Content-Length: 0\r\n\r\n{good}");
        assert_eq!(
            frames(input.as_bytes()).await,
            ["broken null", two.as_str()]
        );
        // no header at all: the reader waits for one, then reads on
        let input = format!("{one}{good}");
        assert_eq!(
            frames(input.as_bytes()).await,
            ["broken null", two.as_str()]
        );
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_skipped_up_to_the_next_header() {
        let two = msg(2);
        let input = format!(
            "Content-Length: 99999999999\r\n\r\n{}Content-Length: {}\r\n\r\n{two}",
            "x".repeat(CHUNK * 2),
            two.len()
        );
        assert_eq!(
            frames(input.as_bytes()).await,
            ["broken null", two.as_str()]
        );
    }

    #[test]
    fn header_blocks() {
        assert_eq!(
            header_block(b"Content-Type: x\r\ncontent-length: 12\r\n\r\n{"),
            Block::Headers {
                end: 39,
                length: Ok(12)
            }
        );
        assert_eq!(header_block(b"Content-Length: 12\r\n"), Block::Incomplete);
        assert_eq!(header_block(b"}Content-Length: 12\r\n\r\n"), Block::Garbage);
        assert!(matches!(
            header_block(b"Content-Length: 1e3\n\n"),
            Block::Headers { length: Err(_), .. }
        ));
    }

    #[test]
    fn ids_are_read_from_cut_and_run_on_bodies() {
        assert_eq!(
            request_id(br#"{"jsonrpc":"2.0","id":7,"method":"x"}"#),
            json!(7)
        );
        assert_eq!(
            request_id(br#"{"params":{"id":3},"id":"a\"b","meth"#),
            json!("a\"b")
        );
        assert_eq!(request_id(br#"{"method":"x"}Content-Le"#), Value::Null);
        assert_eq!(request_id(br#"{"id": -4 , "x"#), json!(-4));
        assert_eq!(request_id(b"{nope"), Value::Null);
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
