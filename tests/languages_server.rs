//! The server on an Arabic Council text (S/RES/381 (1975), with vowel marks
//! added to some words, and the feminine `تقرر` of the UN082 fixture): positions
//! round-trip in UTF-16 and UTF-8 across combining marks, completion offers the
//! Arabic leads in the Council's gender, hover names the Arabic phrase.

#[path = "server_support.rs"]
mod support;

use serde_json::{Value, json};
use support::*;

const URI: &str = "file:///tmp/unlsp-test/ar.txt";

/// The UN082 failing fixture with harakat (U+064E…U+0652, combining marks) on
/// the words of the first paragraph.
fn arabic_text() -> String {
    let t = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules/UN082/fail.txt"),
    )
    .unwrap()
    .replace(['⟦', '⟧'], ""); // the span markers of tests/rules_fixtures.rs
    let marked = t.replacen("تقرير الأمين العام", "تقريرِ الأمينِ العامِّ", 1);
    assert_ne!(marked, t);
    marked
}

/// An LSP position in UTF-8 bytes or UTF-16 units.
fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let ls = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = if utf8 {
        before.len() - ls
    } else {
        before[ls..].encode_utf16().count()
    };
    json!({"line": line, "character": col})
}

async fn client(utf8: bool) -> TestClient {
    let c = TestClient::in_process().await;
    let mut caps = plain_caps();
    if utf8 {
        caps["general"] = json!({"positionEncodings": ["utf-8"]});
    }
    c.initialize(caps, json!({"debounceMs": 0}), None).await;
    c
}

fn un082_start(diags: &[Value]) -> Value {
    diags
        .iter()
        .find(|d| d["code"] == "UN082")
        .unwrap_or_else(|| panic!("no UN082 in {diags:?}"))["range"]["start"]
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_positions_round_trip_with_combining_marks() {
    let text = arabic_text();
    for utf8 in [false, true] {
        let c = client(utf8).await;
        c.open(URI, &text, 1).await;
        let lead = text.find("\nتقرر").unwrap() + 1;
        let first = c.diagnostics(URI, 1).await;
        assert_eq!(un082_start(&first), position(&text, lead, utf8));
        // type a marked word right after the marked `العامِّ`, in the client's units
        let at = text.find("العامِّ").unwrap() + "العامِّ".len();
        let insert = " المُوَقَّر";
        let p = position(&text, at, utf8);
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2},
                   "contentChanges": [{"range": {"start": p, "end": p}, "text": insert}]}),
        )
        .await;
        // the word goes in an earlier line than every diagnostic: none moved, so none is
        // sent again; the code action below reads the positions of version 2
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(
            !c.messages().iter().any(|m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 2
            }),
            "unchanged diagnostics sent again"
        );
        let d = first;
        let mut want = text.clone();
        want.insert_str(at, insert);
        assert_eq!(c.text_of(URI).unwrap(), want, "utf8={utf8}");
        let lead = want.find("\nتقرر").unwrap() + 1;
        assert_eq!(un082_start(&d), position(&want, lead, utf8), "utf8={utf8}");
        // the quick fix writes the masculine form at that position
        let r = c
            .call(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI},
                       "range": {"start": position(&want, lead, utf8), "end": position(&want, lead + "تقرر".len(), utf8)},
                       "context": {"diagnostics": d.iter().filter(|x| x["code"] == "UN082").cloned().collect::<Vec<_>>()}}),
            )
            .await;
        let edit = r
            .as_array()
            .unwrap()
            .iter()
            .find_map(|a| a["edit"]["changes"][URI].as_array().cloned())
            .unwrap_or_else(|| panic!("no UN082 fix in {r}"));
        assert_eq!(edit[0]["newText"], "يقرر");
        assert_eq!(edit[0]["range"]["start"], position(&want, lead, utf8));
        c.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_and_hover_speak_arabic() {
    let text = arabic_text();
    // a new preambular line after the first paragraph
    let at = text.find('\n').unwrap() + 1;
    let at = at + text[at..].find('\n').unwrap() + 1;
    let mut with_line = text.clone();
    with_line.insert_str(at, "وإذ\n");
    let c = client(false).await;
    c.open(URI, &with_line, 1).await;
    let o = at + "وإذ".len();
    let r = c
        .call(
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": pos(&with_line, o)}),
        )
        .await;
    let labels: Vec<String> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect();
    // the Council's masculine `وإذ يشير`, not the Assembly's `وإذ تشير`, no English
    assert!(labels.contains(&"وإذ يشير".to_string()), "{labels:?}");
    assert!(!labels.contains(&"وإذ تشير".to_string()), "{labels:?}");
    assert!(
        !labels.iter().any(|l| l.starts_with("Recalling")),
        "{labels:?}"
    );
    let o = with_line.find("وقد نظر").unwrap() + 2;
    let h = c
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": pos(&with_line, o)}),
        )
        .await;
    let v = h["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(v.contains("وقد نظر") && v.contains("preambular"), "{v}");
    c.shutdown().await;
}
