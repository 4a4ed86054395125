//! The fuzz targets' bodies, shared by the libFuzzer binaries
//! (`fuzz_targets/*.rs`, run by `cargo fuzz`) and the plain driver
//! (`src/bin/drive.rs`, run by `cargo run --release --no-default-features`).
//!
//! Each function takes arbitrary bytes and panics on a broken invariant; a
//! panic, an abort or a timeout is a finding.

use std::ops::Range;
use unlsp_syntax::Document;

/// Arbitrary bytes, lossy UTF-8 → parse → every rule. Must not panic; every
/// diagnostic range and fix edit lies on char boundaries inside the text.
pub fn parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new(&text);
    assert_eq!(doc.text(), &*text);
    let diags = unlsp_analysis::check(&doc, &Default::default());
    for d in &diags {
        in_text(&text, &d.range, d.code);
        if let Some(fix) = &d.fix {
            for e in fix.edits.iter() {
                in_text(&text, &e.range, d.code);
            }
        }
    }
}

/// Arbitrary bytes, lossy UTF-8 → `unlsp fmt` (issue 18). Must not panic;
/// a format it writes keeps the promise: the characters (less furniture)
/// and the outline are the input's, and a second pass changes nothing. A
/// refusal is allowed: it writes nothing.
pub fn fmt(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let audit = unlsp_analysis::fmt::promise::Audit::of(&text, None);
    assert!(audit.kept(), "fmt broke its promise: {audit:?}");
}

fn in_text(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what}: range {r:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: range {r:?} splits a character"
    );
}

/// Fragments that make structure: numbering, leads, line ends, CJK, astral.
const PIECES: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "1. ",
    "2. ",
    "12. ",
    "(a) ",
    "(i) ",
    "(b)\t",
    "I\n",
    "A\n",
    "Decides ",
    "Recalling ",
    "Requests ",
    "The General Assembly,\n",
    "Also decides",
    ";\n",
    ", ",
    ".",
    "resolution 61/100 ",
    "A/RES/62/57",
    "paragraph 3 above",
    "大会，",
    "回顾",
    "决定",
    "第61/100号决议",
    "😀",
    "إن الجمعية العامة،",
    "e\u{301}",
    "\u{feff}",
    "*Welcomes*",
    "1\n",
    "5 December 2007",
    "___",
    "-",
    "[",
    "]",
    "\u{3000}",
];

/// A little reader over the fuzzer's bytes; zeros when they run out.
struct Bytes<'a>(&'a [u8]);
impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    fn take(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Random edit sequences through `Document::edit` give the same text and the
/// same tree as a fresh `Document::new` of that text, after every edit.
///
/// Input layout: `[len u16][initial text, lossy UTF-8][ops…]`; each op is
/// `[kind u8][a u16][b u16][n u8][payload]`: kind picks an insertion from
/// `PIECES`, raw bytes, or a deletion; `a`/`b` are offsets modulo the length
/// (floored to char boundaries, as an editor would send).
pub fn incremental(data: &[u8]) {
    let mut r = Bytes(data);
    let n = r.u16() as usize % 4096;
    let init = String::from_utf8_lossy(r.take(n)).into_owned();
    let mut doc = Document::new(&init);
    let mut text = init;
    let mut steps = 0;
    while !r.0.is_empty() && steps < 32 {
        steps += 1;
        let kind = r.u8();
        let a = r.u16() as usize % (text.len() + 1);
        let b = r.u16() as usize % (text.len() + 1);
        let (a, b) = (floor_char(&text, a.min(b)), floor_char(&text, a.max(b)));
        let ins: String = match kind % 4 {
            0 | 1 => {
                let k = r.u8() as usize % 4;
                (0..=k)
                    .map(|_| PIECES[r.u8() as usize % PIECES.len()])
                    .collect()
            }
            2 => {
                let k = r.u8() as usize % 16;
                String::from_utf8_lossy(r.take(k)).into_owned()
            }
            _ => String::new(),
        };
        // an insertion at a point most of the time, a replacement otherwise
        let b = if kind & 4 == 0 && kind % 4 != 3 { a } else { b };
        doc.edit(a..b, &ins);
        text.replace_range(a..b, &ins);
        assert_eq!(doc.text(), text, "text after edit {a}..{b} <- {ins:?}");
        let fresh = Document::new(&text);
        if doc.tree() != fresh.tree() {
            panic!(
                "incremental tree differs from a fresh parse after edit {a}..{b} <- {ins:?}\ntext: {text:?}\nincremental: {:#?}\nfresh: {:#?}",
                doc.tree(),
                fresh.tree()
            );
        }
    }
}

/// Symbol, date and lead recognisers on arbitrary text (and every suffix at a
/// char boundary for the anchored lead matcher): no panic, ranges in bounds.
pub fn recognisers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let s: &str = &text;
    for western in [false, true] {
        for f in unlsp_syntax::symbols::find_symbols(s, western) {
            in_text(s, &(f.start..f.end), "find_symbols");
        }
    }
    for d in unlsp_syntax::dates::find_dates(s) {
        in_text(s, &(d.start..d.end), "find_dates");
        let _ = d.date.iso();
    }
    let lex = unlsp_syntax::lexicon::lexicon();
    for (i, _) in s.char_indices().take(64) {
        if let Some(m) = lex.match_at(&s[i..]) {
            let rest = &s[i..];
            assert!(
                m.len as usize <= rest.len() && rest.is_char_boundary(m.len as usize),
                "match_at len {} in {rest:?}",
                m.len
            );
        }
    }
}

/// The framing guard in front of tower-lsp-server
/// (`unlsp_server::transport::filter_input`, and `check_body` on the raw
/// bytes): no panic, no hang, and every frame it forwards to the server is one
/// the server can decode (`check_body` accepts it).
///
/// Known finding: a `Content-Length` header with a huge value makes
/// `filter_input` allocate that many bytes before reading (see
/// tests/hostile_input.rs, `lsp_content_length_is_bounded`). Lengths above
/// 1 MiB are clamped here so the fuzzer explores past it.
pub fn lsp_message(data: &[u8]) {
    let _ = unlsp_server::transport::check_body(data);
    let input = clamp_lengths(data);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    let mut forwarded: Vec<u8> = Vec::new();
    rt.block_on(unlsp_server::transport::filter_input(
        &input[..],
        &mut forwarded,
        tx.downgrade(),
    ));
    drop(tx);
    while let Ok(reply) = rx.try_recv() {
        assert!(reply.starts_with(b"Content-Length: "), "reply not framed");
    }
    let mut rest = &forwarded[..];
    while !rest.is_empty() {
        let sep = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("forwarded frame without header end");
        let head = std::str::from_utf8(&rest[..sep]).unwrap();
        let len: usize = head
            .strip_prefix("Content-Length: ")
            .unwrap()
            .parse()
            .unwrap();
        let body = &rest[sep + 4..sep + 4 + len];
        assert!(
            unlsp_server::transport::check_body(body).is_none(),
            "forwarded a body the server cannot decode: {:?}",
            String::from_utf8_lossy(body)
        );
        rest = &rest[sep + 4 + len..];
    }
}

/// Rewrite every `Content-Length` value above 1 MiB to 1 MiB (textually,
/// digits only), so the known unbounded allocation does not mask the rest.
fn clamp_lengths(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        out.push(data[i]);
        if data[i] == b':' {
            let mut j = i + 1;
            while j < data.len() && (data[j] == b' ' || data[j] == b'\t') {
                out.push(data[j]);
                j += 1;
            }
            let k = data[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            if k > 0 {
                let digits = &data[j..j + k];
                let big = k > 7
                    || std::str::from_utf8(digits)
                        .unwrap()
                        .parse::<usize>()
                        .unwrap()
                        > 1 << 20;
                if big {
                    out.extend_from_slice(b"1048576");
                } else {
                    out.extend_from_slice(digits);
                }
            }
            i = j + k;
            continue;
        }
        i += 1;
    }
    out
}
