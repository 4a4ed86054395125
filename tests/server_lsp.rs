//! The language server driven through real JSON-RPC messages, in process.
//! Fixtures live in `tests/fixtures/server/` (`$0` marks the cursor); the
//! Chinese seeds come from `../shared/seeds/` and are skipped when absent.

#[path = "server_support.rs"]
mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::*;

const URI: &str = "file:///tmp/unlsp-test/draft.txt";

async fn start() -> TestClient {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    c
}

fn td(uri: &str) -> Value {
    json!({"uri": uri})
}

fn at(uri: &str, text: &str, o: usize) -> Value {
    json!({"textDocument": td(uri), "position": pos(text, o)})
}

/// A workspace folder holding the fixture drafts.
fn workspace(name: &str, files: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unlsp-ws-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in files {
        std::fs::write(dir.join(f), fixture(f)).unwrap();
    }
    dir
}

fn names(symbols: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn go(v: &Value, out: &mut Vec<String>) {
        for s in v.as_array().into_iter().flatten() {
            out.push(s["name"].as_str().unwrap_or("").to_string());
            go(&s["children"], out);
        }
    }
    go(symbols, &mut out);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negotiates_utf8_when_offered_else_utf16() {
    let c = TestClient::in_process().await;
    let mut caps = plain_caps();
    caps["general"] = json!({"positionEncodings": ["utf-8", "utf-16"]});
    let r = c.initialize(caps, json!({}), None).await;
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(r["capabilities"]["textDocumentSync"]["change"], 2);
    c.shutdown().await;

    let c = TestClient::in_process().await;
    let r = c.initialize(plain_caps(), json!({}), None).await;
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-16");
    assert!(r["capabilities"].get("diagnosticProvider").is_none());
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_pushed_with_version_and_cleared_on_close() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let d = c.diagnostics(URI, 1).await;
    let un040 = d
        .iter()
        .find(|d| d["code"] == "UN040")
        .expect("UN040 on 60/93");
    assert_eq!(slice(&text, &un040["range"]), "60/93");
    assert_eq!(un040["source"], "unlsp");

    // edit: give 60/93 its date; the warning goes away in version 2
    let o = text.find("60/93").unwrap() + "60/93".len();
    let p = pos(&text, o);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": p, "end": p}, "text": " of 8 December 2005"}]}),
    )
    .await;
    let d = c.diagnostics(URI, 2).await;
    assert!(d.iter().all(|d| d["code"] != "UN040"), "{d:?}");

    let from = c.message_count();
    c.notify("textDocument/didClose", json!({"textDocument": td(URI)}))
        .await;
    let (_, m) = c
        .wait_message(from, Duration::from_secs(5), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI
        })
        .await
        .expect("diagnostics cleared on close");
    assert_eq!(m["params"]["diagnostics"], json!([]));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn related_information_points_at_the_previous_paragraph() {
    let c = start().await;
    let text = fixture("renumber.txt");
    c.open(URI, &text, 1).await;
    let d = c.diagnostics(URI, 1).await;
    let un008 = d.iter().find(|d| d["code"] == "UN008").expect("UN008");
    let rel = &un008["relatedInformation"][0];
    assert_eq!(rel["location"]["uri"], URI);
    assert_eq!(slice(&text, &rel["location"]["range"]), "2");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_when_the_client_asks_and_no_push() {
    let c = TestClient::in_process().await;
    let mut caps = plain_caps();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let r = c.initialize(caps, json!({"debounceMs": 0}), None).await;
    assert_eq!(
        r["capabilities"]["diagnosticProvider"]["identifier"],
        "unlsp"
    );
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let rep = c
        .call("textDocument/diagnostic", json!({"textDocument": td(URI)}))
        .await;
    assert_eq!(rep["kind"], "full");
    assert!(
        rep["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "UN040")
    );
    let again = c
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": td(URI), "previousResultId": rep["resultId"]}),
        )
        .await;
    assert_eq!(again["kind"], "unchanged");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        c.messages()
            .iter()
            .all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "pushed although the client pulls"
    );
    c.shutdown().await;
}

/// An edit that leaves the text as it was (a letter typed and deleted in one
/// change): `v2`; one that moves every diagnostic a line down: `v3`.
fn no_op_edit(version: i64) -> Value {
    let p = json!({"line": 0, "character": 0});
    let p1 = json!({"line": 0, "character": 1});
    json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [
        {"range": {"start": p, "end": p}, "text": "x"},
        {"range": {"start": p, "end": p1}, "text": ""},
    ]})
}
fn newline_at_top(version: i64) -> Value {
    let p = json!({"line": 0, "character": 0});
    json!({"textDocument": {"uri": URI, "version": version},
           "contentChanges": [{"range": {"start": p, "end": p}, "text": "\n"}]})
}

/// After an edit that moved and changed none of them, the diagnostics are not
/// sent again (issue 25.7: 477 diagnostics re-sent after every keystroke in
/// a 1 MB document); after one that moved them, they are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unchanged_diagnostics_are_not_pushed_again() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    assert!(!c.diagnostics(URI, 1).await.is_empty());
    c.notify("textDocument/didChange", no_op_edit(2)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pushed = |v: i64| {
        c.messages()
            .iter()
            .filter(|m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == v
            })
            .count()
    };
    assert_eq!(pushed(2), 0, "the same diagnostics pushed again");
    c.notify("textDocument/didChange", newline_at_top(3)).await;
    let moved = c.diagnostics(URI, 3).await;
    assert!(!moved.is_empty());
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pull_after_an_edit_that_moved_no_diagnostic_is_unchanged() {
    let c = TestClient::in_process().await;
    let mut caps = plain_caps();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    c.initialize(caps, json!({"debounceMs": 0}), None).await;
    c.open(URI, &fixture("draft.txt"), 1).await;
    let pull = |prev: Value| {
        c.call(
            "textDocument/diagnostic",
            json!({"textDocument": td(URI), "previousResultId": prev}),
        )
    };
    let first = pull(Value::Null).await;
    assert_eq!(first["kind"], "full");
    c.notify("textDocument/didChange", no_op_edit(2)).await;
    let again = pull(first["resultId"].clone()).await;
    assert_eq!(again["kind"], "unchanged", "{again}");
    c.notify("textDocument/didChange", newline_at_top(3)).await;
    let moved = pull(first["resultId"].clone()).await;
    assert_eq!(moved["kind"], "full");
    assert_ne!(moved["resultId"], first["resultId"]);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_symbols_are_the_outline() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let s = c
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": td(URI)}),
        )
        .await;
    let n = names(&s);
    assert!(n[0].starts_with("62/57. Convention on Certain"), "{n:?}");
    assert!(n.contains(&"Preamble".to_string()), "{n:?}");
    assert!(
        n.iter()
            .any(|x| x == "Recalling its resolution 61/100 of 6 December 2006,"),
        "{n:?}"
    );
    assert!(
        n.iter().any(|x| x.starts_with("1. Calls upon all States")),
        "{n:?}"
    );
    assert!(
        n.iter().any(|x| x == "(a) The status of the Convention;"),
        "{n:?}"
    );
    assert!(
        n.iter()
            .any(|x| x.starts_with("Footnote 1: See CCW/CONF.III/11")),
        "{n:?}"
    );
    // paragraph 2 has its sub-paragraphs as children
    let op = s
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Operative part")
        .unwrap();
    let p2 = &op["children"][1];
    assert!(p2["name"].as_str().unwrap().starts_with("2. Requests"));
    assert_eq!(p2["children"].as_array().unwrap().len(), 2);
    assert_eq!(slice(&text, &p2["selectionRange"]), "2");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_references_and_hover_across_the_workspace() {
    let ws = workspace("nav", &["draft.txt", "cited.txt"]);
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    let uri = file_uri(&ws.join("draft.txt"));
    let cited_uri = file_uri(&ws.join("cited.txt"));
    let text = fixture("draft.txt");
    let cited = fixture("cited.txt");
    c.open(&uri, &text, 1).await;
    c.diagnostics(&uri, 1).await;
    // the index is built in the background
    let mut known = false;
    for _ in 0..100 {
        let r = c.call("workspace/symbol", json!({"query": "61/100"})).await;
        if r.as_array().is_some_and(|a| !a.is_empty()) {
            known = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(known, "cited.txt indexed");

    // footnote marker → footnote
    let o = text.find("Conference,1").unwrap() + "Conference,".len();
    let d = c.call("textDocument/definition", at(&uri, &text, o)).await;
    assert!(slice(&text, &d[0]["range"]).starts_with("1 See CCW"), "{d}");

    // paragraph 1 above → paragraph 1
    let o = text.find("paragraph 1 above").unwrap() + "paragraph ".len();
    let d = c.call("textDocument/definition", at(&uri, &text, o)).await;
    assert!(
        slice(&text, &d[0]["range"]).starts_with("1. Calls upon"),
        "{d}"
    );

    // cited resolution → the workspace document that is it
    let o = text.find("61/100").unwrap() + 2;
    let d = c.call("textDocument/definition", at(&uri, &text, o)).await;
    assert_eq!(d[0]["uri"], cited_uri.as_str(), "{d}");
    assert!(slice(&cited, &d[0]["range"]).contains("61/100"), "{d}");

    // paragraph 3 of resolution 61/100 → paragraph 3 there
    let o = text.find("paragraph 3 of").unwrap() + "paragraph ".len();
    let d = c.call("textDocument/definition", at(&uri, &text, o)).await;
    assert_eq!(d[0]["uri"], cited_uri.as_str(), "{d}");
    assert_eq!(slice(&cited, &d[0]["range"]), "3");

    // an act outside the workspace → no location
    let o = text.find("60/93").unwrap() + 1;
    let d = c.call("textDocument/definition", at(&uri, &text, o)).await;
    assert!(d.is_null(), "{d}");

    // references of 61/100: both citations in the draft
    let o = text.find("61/100").unwrap() + 1;
    let r = c
        .call(
            "textDocument/references",
            json!({"textDocument": td(&uri), "position": pos(&text, o), "context": {"includeDeclaration": false}}),
        )
        .await;
    let here: Vec<&Value> = r
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["uri"] == uri.as_str())
        .collect();
    assert_eq!(here.len(), 2, "{r}");
    assert!(here.iter().all(|l| slice(&text, &l["range"]) == "61/100"));
    // from the cited document's own number: the citations of it
    c.open(&cited_uri, &cited, 1).await;
    let o = cited.find("61/100.").unwrap() + 1;
    let r = c
        .call(
            "textDocument/references",
            json!({"textDocument": td(&cited_uri), "position": pos(&cited, o), "context": {"includeDeclaration": false}}),
        )
        .await;
    assert_eq!(
        r.as_array()
            .unwrap()
            .iter()
            .filter(|l| l["uri"] == uri.as_str())
            .count(),
        2,
        "{r}"
    );

    // hover: citation, footnote marker, lead phrase
    let o = text.find("61/100").unwrap() + 1;
    let h = c.call("textDocument/hover", at(&uri, &text, o)).await;
    let v = h["contents"]["value"].as_str().unwrap();
    assert!(v.contains("resolution 61/100"), "{v}");
    // 61/100 is in no catalogue and `cited.txt` gives no date: the date the
    // draft itself writes (`of 6 December 2006`) is never shown as a fact
    assert!(
        !v.contains("2006-12-06") && v.contains("Not in the catalogue"),
        "{v}"
    );
    assert!(v.contains("cited.txt"), "{v}");
    let o = text.find("Conference,1").unwrap() + "Conference,".len();
    let h = c.call("textDocument/hover", at(&uri, &text, o)).await;
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("See CCW/CONF.III/11"),
        "{h}"
    );
    let o = text.find("Recalling also").unwrap() + 2;
    let h = c.call("textDocument/hover", at(&uri, &text, o)).await;
    let v = h["contents"]["value"].as_str().unwrap();
    assert!(v.contains("preambular"), "{v}");
    assert!(v.contains("Recalling further"), "{v}");
    c.shutdown().await;
    let _ = std::fs::remove_dir_all(ws);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folding_selection_links_and_semantic_tokens() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let f = c
        .call(
            "textDocument/foldingRange",
            json!({"textDocument": td(URI)}),
        )
        .await;
    let lines: Vec<(u64, u64)> = f
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["startLine"].as_u64().unwrap(),
                r["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(lines.contains(&(8, 12)), "preamble folds: {lines:?}");
    assert!(
        lines.contains(&(16, 20)),
        "paragraph 2 with its sub-paragraphs: {lines:?}"
    );

    let o = text.find("status of").unwrap();
    let s = c
        .call(
            "textDocument/selectionRange",
            json!({"textDocument": td(URI), "positions": [pos(&text, o)]}),
        )
        .await;
    let mut chain = Vec::new();
    let mut cur = &s[0];
    while cur.is_object() {
        chain.push(slice(&text, &cur["range"]).to_string());
        cur = &cur["parent"];
    }
    assert_eq!(chain[0], "The status of the Convention;", "{chain:?}");
    assert!(chain[1].starts_with("(a) The status"), "{chain:?}");
    assert!(
        chain.iter().any(|x| x.starts_with("2. Requests")),
        "{chain:?}"
    );
    assert_eq!(chain.last().unwrap(), &text, "document last");

    let l = c
        .call(
            "textDocument/documentLink",
            json!({"textDocument": td(URI)}),
        )
        .await;
    let targets: Vec<&str> = l
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["target"].as_str().unwrap())
        .collect();
    assert!(
        targets.contains(&"https://undocs.org/en/A/RES/62/57"),
        "{targets:?}"
    );

    let t = c
        .call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": td(URI)}),
        )
        .await;
    let data: Vec<u64> = t["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect();
    assert_eq!(data.len() % 5, 0);
    // decode and find the lead "Recalling" as a keyword (type 0)
    let (mut line, mut col) = (0u64, 0u64);
    let mut found = Vec::new();
    for tok in data.chunks(5) {
        if tok[0] > 0 {
            col = 0;
        }
        line += tok[0];
        col += tok[1];
        let start = offset(&text, &json!({"line": line, "character": col}));
        let end = offset(&text, &json!({"line": line, "character": col + tok[2]}));
        found.push((text[start..end].to_string(), tok[3]));
    }
    assert!(found.contains(&("Recalling".into(), 0)), "{found:?}");
    assert!(found.contains(&("Calls upon".into(), 0)), "{found:?}");
    assert!(found.contains(&("61/100".into(), 3)), "{found:?}");
    assert!(found.contains(&("(a)".into(), 2)), "{found:?}");
    let r = c
        .call(
            "textDocument/semanticTokens/range",
            json!({"textDocument": td(URI), "range": {"start": {"line": 8, "character": 0}, "end": {"line": 9, "character": 0}}}),
        )
        .await;
    let n = r["data"].as_array().unwrap().len() / 5;
    assert!(n >= 2 && n < found.len(), "{n} tokens in range");
    c.shutdown().await;
}

fn ints(v: &Value) -> Vec<u64> {
    v.as_array()
        .map(|a| a.iter().map(|x| x.as_u64().unwrap()).collect())
        .unwrap_or_default()
}

/// `semanticTokens/full/delta`: after an edit the server sends the
/// edits from the last result, which applied to it give the new full answer;
/// an unknown result id gets the whole array.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_tokens_deltas_carry_only_what_changed() {
    let c = TestClient::in_process().await;
    let init = c
        .initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    assert_eq!(
        init["capabilities"]["semanticTokensProvider"]["full"]["delta"], true,
        "{init}"
    );
    let mut text = String::from("The General Assembly,\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Recalling its resolution 61/{i} of 6 December 2006,\n\n"
        ));
    }
    text.push_str(
        "1. Calls upon all States to act;\n\n2. Decides to remain seized of the matter.\n",
    );
    c.open(URI, &text, 1).await;
    let first = c
        .call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": td(URI)}),
        )
        .await;
    let id = first["resultId"].as_str().expect("a result id").to_string();
    let old = ints(&first["data"]);
    // one citation in the middle changes: 61/20 becomes 61/200
    let edited = text.replace("61/20 of", "61/200 of");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": edited}]}),
    )
    .await;
    let d = c
        .call(
            "textDocument/semanticTokens/full/delta",
            json!({"textDocument": td(URI), "previousResultId": id}),
        )
        .await;
    let edits = d["edits"]
        .as_array()
        .unwrap_or_else(|| panic!("a delta: {d}"));
    assert_eq!(edits.len(), 1, "{d}");
    let mut applied = old.clone();
    let (start, del) = (
        edits[0]["start"].as_u64().unwrap() as usize,
        edits[0]["deleteCount"].as_u64().unwrap() as usize,
    );
    let data = ints(&edits[0]["data"]);
    assert!(data.len() <= 15 && del <= 15, "a few tokens only: {d}");
    applied.splice(start..start + del, data);
    let full = c
        .call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": td(URI)}),
        )
        .await;
    assert_eq!(applied, ints(&full["data"]));
    // an id the server does not hold: the whole array again
    let again = c
        .call(
            "textDocument/semanticTokens/full/delta",
            json!({"textDocument": td(URI), "previousResultId": id}),
        )
        .await;
    assert_eq!(ints(&again["data"]), ints(&full["data"]), "{again}");
    c.shutdown().await;
}

async fn complete(fix: &str) -> Vec<String> {
    let c = start().await;
    let (text, o) = cursor(&fixture(fix));
    c.open(URI, &text, 1).await;
    let r = c.call("textDocument/completion", at(URI, &text, o)).await;
    c.shutdown().await;
    r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_offers_leads_for_the_place_and_numbers_in_citations() {
    let pre = complete("complete_preamble.txt").await;
    assert!(pre.contains(&"Recalling also".to_string()), "{pre:?}");
    assert!(pre.contains(&"Reaffirming".to_string()), "{pre:?}");
    assert!(
        !pre.contains(&"Requests".to_string()),
        "operative lead in the preamble: {pre:?}"
    );
    let op = complete("complete_operative.txt").await;
    assert!(op.contains(&"Also requests".to_string()), "{op:?}");
    assert!(
        !op.contains(&"Requests also".to_string()),
        "misplaced form offered: {op:?}"
    );
    assert!(!op.contains(&"Recalling".to_string()), "{op:?}");
    let cit = complete("complete_citation.txt").await;
    // from the bundled catalogue (no workspace here)
    assert!(cit.contains(&"61/103".to_string()), "{cit:?}");
    assert!(cit.iter().all(|x| x.starts_with("61/1")), "{cit:?}");
}

/// The completion items at a fixture's cursor, with the text and cursor.
async fn complete_items(fix: &str) -> (String, usize, Vec<Value>) {
    let c = start().await;
    let (text, o) = cursor(&fixture(fix));
    c.open(URI, &text, 1).await;
    let r = c.call("textDocument/completion", at(URI, &text, o)).await;
    c.shutdown().await;
    (text, o, r["items"].as_array().cloned().unwrap_or_default())
}

fn item<'a>(items: &'a [Value], label: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["label"] == label)
        .unwrap_or_else(|| panic!("no {label} in {items:?}"))
}

/// After a symbol prefix or an act noun of another language (real lines of
/// S/RES/2719 (2023), A/RES/79/206, French and Arabic GA 80 texts), the
/// catalogue's acts of that session, the typed number replaced (UTF-16 range)
/// by the number with its date in the document's citation form (A/RES/80/89:
/// `sa résolution 79/98 du 4 décembre 2024`, `قرارها 79/98 المؤرخ 4 كانون
/// الأول/ديسمبر 2024`), the number alone before more words (`79/93 باء`), the
/// title in the detail and the catalogue's facts in the documentation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_offers_catalogue_acts_after_symbols_and_nouns_of_six_languages() {
    let cases = [
        (
            "complete_symbol_sc.txt",
            "271",
            "2719 (2023)",
            "2719 (2023)",
        ),
        ("complete_symbol_ga.txt", "79/20", "79/206", "79/206"),
        (
            "complete_fr.txt",
            "79/9",
            "79/98",
            "79/98 du 4 décembre 2024",
        ),
        ("complete_ar.txt", "79/9", "79/93", "79/93"),
        (
            "complete_ar_dated.txt",
            "79/9",
            "79/98",
            "79/98 المؤرخ 4 كانون الأول/ديسمبر 2024",
        ),
    ];
    for (fix, typed, label, new_text) in cases {
        let (text, o, items) = complete_items(fix).await;
        assert!(
            items
                .iter()
                .all(|i| i["label"].as_str().unwrap().starts_with(typed)),
            "{fix}: {items:?}"
        );
        let it = item(&items, label);
        let edit = &it["textEdit"];
        assert_eq!(edit["newText"], new_text, "{fix}: {it}");
        assert_eq!(edit["range"]["start"], pos(&text, o - typed.len()), "{fix}");
        assert_eq!(edit["range"]["end"], pos(&text, o), "{fix}");
        let detail = it["detail"].as_str().unwrap_or_default();
        let doc = it["documentation"].as_str().unwrap_or_default();
        assert!(
            doc.contains("Title: ") && doc.contains("Adopted: "),
            "{fix}: {doc}"
        );
        assert!(doc.contains(&format!("/RES/{label}")), "{fix}: {doc}");
        assert!(detail.len() > 12, "{fix}: a date and a title: {detail}");
    }
    // the Council's acts only after `S/RES/`, never the Assembly's `2710 (XXV)`
    let (_, _, sc) = complete_items("complete_symbol_sc.txt").await;
    assert!(
        sc.iter()
            .all(|i| i["label"].as_str().unwrap().ends_with(")")
                && !i["label"].as_str().unwrap().contains("(X")),
        "{sc:?}"
    );
    let (_, _, fr) = complete_items("complete_fr.txt").await;
    // the documentation also gives the title as the French text writes it
    let doc = item(&fr, "79/98")["documentation"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        doc.contains("Title (fr): Question du Sahara occidental"),
        "{doc}"
    );
    let d = item(&fr, "79/98")["detail"].as_str().unwrap().to_string();
    assert!(
        d.starts_with("2024-12-04 — Question of Western Sahara"),
        "{d}"
    );
}

fn apply(text: &str, edits: &[Value]) -> String {
    let mut e: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    e.sort_by_key(|x| std::cmp::Reverse(x.0));
    let mut t = text.to_string();
    for (s, en, n) in e {
        t.replace_range(s..en, &n);
    }
    t
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_renumbers_and_updates_references() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let o = text.find("1. Calls").unwrap();
    let p = c
        .call("textDocument/prepareRename", at(URI, &text, o))
        .await;
    assert_eq!(p["placeholder"], "1");
    let mut params = at(URI, &text, o);
    params["newName"] = json!("5");
    let e = c.call("textDocument/rename", params).await;
    let out = apply(&text, e["changes"][URI].as_array().unwrap());
    assert!(out.contains("5. Calls upon"), "{out}");
    assert!(out.contains("6. Requests"), "{out}");
    assert!(out.contains("7. Decides"), "{out}");
    assert!(out.contains("paragraph 5 above, on"), "{out}");
    assert!(
        out.contains("paragraph 6 above and paragraph 3 of resolution 61/100"),
        "{out}"
    );
    let mut bad = at(URI, &text, o);
    bad["newName"] = json!("five");
    assert!(
        c.request("textDocument/rename", bad)
            .await
            .get("error")
            .is_some()
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_quick_fix_and_renumber_source_action() {
    let c = start().await;
    let text = fixture("renumber.txt");
    c.open(URI, &text, 1).await;
    c.diagnostics(URI, 1).await;
    let o = text.find("2. Invites").unwrap();
    let r = c
        .call(
            "textDocument/codeAction",
            json!({"textDocument": td(URI), "range": {"start": pos(&text, o), "end": pos(&text, o + 1)},
                   "context": {"diagnostics": []}}),
        )
        .await;
    let acts = r.as_array().unwrap();
    let qf = acts
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("quick fix");
    assert!(qf["title"].as_str().unwrap().contains("Renumber"), "{qf}");
    let fixed = apply(&text, qf["edit"]["changes"][URI].as_array().unwrap());
    assert!(
        fixed.contains("3. Invites") && fixed.contains("4. Decides"),
        "{fixed}"
    );
    let src = acts
        .iter()
        .find(|a| a["kind"] == "source.renumberParagraphs")
        .expect("source action");
    let fixed2 = apply(&text, src["edit"]["changes"][URI].as_array().unwrap());
    assert_eq!(fixed, fixed2);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_give_the_date_of_undated_citations() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let r = c
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": td(URI), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}}}),
        )
        .await;
    let hints = r.as_array().unwrap();
    // 60/93 is undated in the draft; 61/100 (first mention) carries its date
    let o = text.find("60/93").unwrap() + "60/93".len();
    let h = hints.iter().find(|h| h["position"] == pos(&text, o));
    if let Some(h) = h {
        assert!(h["label"].as_str().unwrap().contains("2005"), "{h}");
    } else {
        eprintln!("note: the catalogue does not date 60/93");
    }
    let dated = text.find("61/100").unwrap() + "61/100".len();
    assert!(hints.iter().all(|h| h["position"] != pos(&text, dated)));
    c.shutdown().await;
}

/// The hint writes the date as the document's language writes dates, never ISO
/// inside prose.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hint_dates_are_written_in_the_documents_language() {
    let c = TestClient::in_process().await;
    c.initialize(
        plain_caps(),
        json!({"debounceMs": 0, "language": "auto"}),
        None,
    )
    .await;
    for (name, text, want) in [
        (
            "en",
            "The General Assembly,\n\nRecalling its resolution 1514 (XV),\n\n1. Decides to remain seized of the matter.\n",
            "(14 December 1960",
        ),
        (
            "fr",
            "L'Assemblée générale,\n\nRappelant sa résolution 1514 (XV),\n\n1. Décide de rester saisie de la question.\n",
            "(14 décembre 1960",
        ),
        (
            "zh",
            "大会，\n\n回顾其第1514(XV)号决议，\n\n1. 决定继续处理此案。\n",
            "(1960年12月14日",
        ),
        // with no date of its own, spaced as the text spaces `第 N 号`
        (
            "zh-spaced",
            "大会，\n\n回顾其第 1514 (XV) 号决议，\n\n1. 决定继续处理此案。\n",
            "(1960 年 12 月 14 日",
        ),
    ] {
        let uri = format!("file:///tmp/unlsp-test/hint-{name}.txt");
        c.open(&uri, text, 1).await;
        let r = c
            .call(
                "textDocument/inlayHint",
                json!({"textDocument": td(&uri), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}}),
            )
            .await;
        let labels: Vec<&str> = r
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["label"].as_str())
            .collect();
        assert!(
            labels.iter().any(|l| l.contains(want)),
            "{name}: want {want} in {labels:?}"
        );
    }
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chinese_seed_round_trips_positions() {
    let Some(text) = seed("002_095821b4652e7130.txt") else {
        return;
    };
    for caps_utf8 in [false, true] {
        let c = TestClient::in_process().await;
        let mut caps = plain_caps();
        if caps_utf8 {
            caps["general"] = json!({"positionEncodings": ["utf-8"]});
        }
        c.initialize(caps, json!({"debounceMs": 0}), None).await;
        c.open(URI, &text, 1).await;
        let l = c
            .call(
                "textDocument/documentLink",
                json!({"textDocument": td(URI)}),
            )
            .await;
        assert!(
            l.as_array()
                .unwrap()
                .iter()
                .any(|x| x["target"] == "https://undocs.org/zh/A/RES/75/62"),
            "{l}"
        );
        let s = c
            .call(
                "textDocument/documentSymbol",
                json!({"textDocument": td(URI)}),
            )
            .await;
        assert!(names(&s).iter().any(|n| n.contains("大会")) || !names(&s).is_empty());
        // type a Chinese phrase and an astral character at the end of a line
        // in the middle of the text, in the client's encoding
        let line_no = text.split_inclusive('\n').count() / 2;
        let line_start = text
            .split_inclusive('\n')
            .take(line_no)
            .map(str::len)
            .sum::<usize>();
        let line_end = line_start
            + text[line_start..]
                .find('\n')
                .unwrap_or(text.len() - line_start);
        let line = text[line_start..line_end].trim_end_matches('\r');
        let col = if caps_utf8 {
            line.len()
        } else {
            line.encode_utf16().count()
        };
        let insert = "，又回顾𠀋";
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2},
                   "contentChanges": [{"range": {"start": {"line": line_no, "character": col}, "end": {"line": line_no, "character": col}}, "text": insert}]}),
        )
        .await;
        let mut want = text.clone();
        want.insert_str(line_start + line.len(), insert);
        // the edit applied (diagnostics that did not move are not sent again: no barrier)
        for _ in 0..200 {
            if c.text_of(URI).as_ref() == Some(&want) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(c.text_of(URI).unwrap(), want, "utf8={caps_utf8}");
        c.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlsp_toml_is_read_and_an_invalid_one_is_reported() {
    let ws = workspace("toml", &["draft.txt"]);
    std::fs::write(ws.join("unlsp.toml"), "[rules]\nUN040 = \"off\"\n").unwrap();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    let uri = file_uri(&ws.join("draft.txt"));
    let text = fixture("draft.txt");
    c.open(&uri, &text, 1).await;
    let d = c.diagnostics(&uri, 1).await;
    assert!(d.iter().all(|d| d["code"] != "UN040"), "{d:?}");
    c.shutdown().await;

    std::fs::write(
        ws.join("unlsp.toml"),
        "language = \"en\"\n[rules]\nUN010 = warning\n",
    )
    .unwrap();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    let (_, m) = c
        .wait_message(0, Duration::from_secs(5), |m| {
            m["method"] == "window/showMessage"
        })
        .await
        .expect("a message about unlsp.toml");
    assert!(
        m["params"]["message"].as_str().unwrap().contains("line 3"),
        "{m}"
    );
    c.open(&uri, &text, 1).await;
    let d = c.diagnostics(&uri, 1).await;
    assert!(
        d.iter().any(|d| d["code"] == "UN040"),
        "defaults still apply"
    );
    c.shutdown().await;
    let _ = std::fs::remove_dir_all(ws);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_configuration_overrides_rules() {
    let c = TestClient::in_process().await;
    *c.config.lock().unwrap() = json!({"rules": {"UN040": "off"}, "debounceMs": 0});
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    // the configuration is fetched after `initialized`
    tokio::time::sleep(Duration::from_millis(200)).await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let d = c.diagnostics(URI, 1).await;
    assert!(d.iter().all(|d| d["code"] != "UN040"), "{d:?}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indexing_reports_progress_and_respects_gitignore() {
    let ws = workspace("index", &["draft.txt", "cited.txt"]);
    std::fs::create_dir_all(ws.join("ignored")).unwrap();
    std::fs::write(
        ws.join("ignored/other.txt"),
        fixture("cited.txt").replace("61/100", "61/555"),
    )
    .unwrap();
    std::fs::write(ws.join(".gitignore"), "ignored/\n").unwrap();
    std::fs::write(ws.join("binary.txt"), b"61/777.\0\0\0binary").unwrap();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({}), Some(&ws)).await;
    let (_, end) = c
        .wait_message(0, Duration::from_secs(10), |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .await
        .expect("progress end");
    assert!(
        end["params"]["value"]["message"]
            .as_str()
            .unwrap()
            .contains("2 files indexed"),
        "{end}"
    );
    assert!(
        c.messages()
            .iter()
            .any(|m| m["method"] == "window/workDoneProgress/create")
    );
    let r = c.call("workspace/symbol", json!({"query": "61/555"})).await;
    assert_eq!(r, json!([]));
    // a new file on disk, announced by the client
    let new = ws.join("new.txt");
    std::fs::write(&new, fixture("cited.txt").replace("61/100", "61/999")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&new), "type": 1}]}),
    )
    .await;
    let mut found = false;
    for _ in 0..100 {
        let r = c.call("workspace/symbol", json!({"query": "61/999"})).await;
        if r.as_array().is_some_and(|a| a.len() == 1) {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(found);
    c.shutdown().await;
    let _ = std::fs::remove_dir_all(ws);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_joins_wrapped_lines() {
    let c = start().await;
    let text = "The General Assembly,\n\n1. Calls upon all States\nto take all measures;\n";
    c.open(URI, text, 1).await;
    let r = c
        .call(
            "textDocument/formatting",
            json!({"textDocument": td(URI), "options": {"tabSize": 4, "insertSpaces": true}}),
        )
        .await;
    let out = apply(text, r.as_array().unwrap());
    assert!(
        out.contains("1. Calls upon all States to take all measures;"),
        "{out}"
    );
    c.shutdown().await;
}

#[allow(dead_code)]
fn _unused(_: &Path) {}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configuration_change_asks_pulling_clients_to_pull_again() {
    let c = TestClient::in_process().await;
    let mut caps = plain_caps();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    caps["workspace"]["diagnostics"] = json!({"refreshSupport": true});
    c.initialize(caps, json!({"debounceMs": 0}), None).await;
    c.open(URI, &fixture("draft.txt"), 1).await;
    let rep = c
        .call("textDocument/diagnostic", json!({"textDocument": td(URI)}))
        .await;
    assert!(
        rep["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "UN040")
    );
    let refreshes = |c: &TestClient| {
        c.messages()
            .iter()
            .filter(|m| m["method"] == "workspace/diagnostic/refresh")
            .count()
    };
    // the same configuration again changes nothing: no refresh
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"unlsp": {"debounceMs": 0}}}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(refreshes(&c), 0);
    // turning a rule off does: the client is asked to pull, and the new pull
    // no longer has it
    *c.config.lock().unwrap() = json!({"debounceMs": 0, "rules": {"UN040": "off"}});
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"unlsp": {"debounceMs": 0, "rules": {"UN040": "off"}}}}),
    )
    .await;
    c.wait_message(0, Duration::from_secs(10), |m| {
        m["method"] == "workspace/diagnostic/refresh"
    })
    .await
    .expect("no workspace/diagnostic/refresh");
    let rep = c
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": td(URI), "previousResultId": rep["resultId"]}),
        )
        .await;
    assert_eq!(rep["kind"], "full", "{rep}");
    assert!(
        rep["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "UN040")
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outline_follows_edits_and_is_reused_between_them() {
    let c = start().await;
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let ask = || {
        c.call(
            "textDocument/documentSymbol",
            json!({"textDocument": td(URI)}),
        )
    };
    let first = ask().await;
    assert_eq!(
        first,
        ask().await,
        "the same version gives the same outline"
    );
    let at = text.find("Calls upon").unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": pos(&text, at), "end": pos(&text, at + "Calls upon".len())}, "text": "Urges"}]}),
    )
    .await;
    let n = names(&ask().await);
    assert!(
        n.iter().any(|x| x.starts_with("1. Urges all States")),
        "{n:?}"
    );
    assert!(n.iter().all(|x| !x.starts_with("1. Calls upon")), "{n:?}");
    c.shutdown().await;
}

/// An outline for an editor holds at most 10,000 items (the first ones), so
/// that a document of very many paragraphs stays usable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outline_sent_to_editors_is_capped() {
    let c = start().await;
    let draft = fixture("draft.txt");
    // 12,000 more operative paragraphs before the footnotes
    let at = draft.find("_______________").unwrap();
    let mut text = draft[..at].to_string();
    for n in 4..12_004 {
        text.push_str(&format!("{n}. Decides to remain seized of the matter.\n\n"));
    }
    text.push_str(&draft[at..]);
    c.open(URI, &text, 1).await;
    let n = names(
        &c.call(
            "textDocument/documentSymbol",
            json!({"textDocument": td(URI)}),
        )
        .await,
    );
    assert_eq!(n.len(), 10_000);
    assert!(n.iter().any(|x| x.starts_with("1. ")), "{:?}", &n[..20]);
    c.shutdown().await;
}

/// A Markdown draft: a `[^n]` marker goes to its `[^n]: …`
/// definition, and the inline suppression comment adds no diagnostic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markdown_footnotes_go_to_their_definition() {
    let c = start().await;
    let uri = "file:///tmp/unlsp-test/draft.md";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("tests/fixtures/outline/A_RES_79_163_markdown.md"))
            .unwrap();
    c.open(uri, &text, 1).await;
    let ds = c.diagnostics(uri, 1).await;
    assert!(
        ds.iter()
            .all(|d| !d["message"].as_str().unwrap_or("").contains("'>'")),
        "{ds:?}"
    );
    let o = text.find("Rights,[^1]").unwrap() + "Rights,[^".len();
    let d = c.call("textDocument/definition", at(uri, &text, o)).await;
    assert!(
        slice(&text, &d[0]["range"]).starts_with("[^1]: Resolution 2200"),
        "{d}"
    );
    c.shutdown().await;
}

/// Go to definition on a cited act that no workspace or reference
/// folder holds answers no location (editors asked to open an
/// `https://undocs.org/` URI break); the web link is in the hover and the
/// document links.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_of_an_act_known_only_to_the_catalogue_is_no_location() {
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let uri = "file:///tmp/unlsp-definition/draft.txt";
    let text = "The General Assembly,\n\nRecalling its resolution 1514 (XV) of 14 December 1960,\n\n1. Decides to remain seized of the matter.\n";
    c.open(uri, text, 1).await;
    c.diagnostics(uri, 1).await;
    let o = text.find("1514").unwrap() + 1;
    let d = c.call("textDocument/definition", at(uri, text, o)).await;
    assert!(d.is_null(), "{d}");
    let h = c.call("textDocument/hover", at(uri, text, o)).await;
    assert!(h.to_string().contains("https://undocs.org/"), "{h}");
    let links = c
        .call(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert!(links.to_string().contains("https://undocs.org/"), "{links}");
    c.shutdown().await;
}

/// `workspace/executeCommand` `unlsp.exportAkn` answers the AKN XML of the
/// open document as the editor holds it (here after an edit that deleted
/// operative paragraph 3, never saved anywhere): the XML of `unlsp export`
/// for that text, which reads back with its paragraphs, points and leads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_akn_command_answers_the_xml_of_the_text_in_the_editor() {
    use unlsp_formats::akn::read;
    let c = TestClient::in_process().await;
    let init = c
        .initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!(["unlsp.exportAkn"]),
        "{init}"
    );
    let text = fixture("draft.txt");
    c.open(URI, &text, 1).await;
    let p3 = text.find("3. Decides").unwrap();
    let end = text[p3..].find("\n\n").unwrap() + p3 + 2;
    let edited = format!("{}{}", &text[..p3], &text[end..]);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": edited}]}),
    )
    .await;
    for arg in [json!(URI), json!({"uri": URI})] {
        let xml = c
            .call(
                "workspace/executeCommand",
                json!({"command": "unlsp.exportAkn", "arguments": [arg]}),
            )
            .await;
        let xml = xml.as_str().expect("the XML as a string");
        let doc = unlsp_syntax::Document::new(&edited);
        assert_eq!(xml, unlsp_formats::akn::write(doc.text(), doc.tree()));
        let r = read::parse(xml).unwrap();
        let nums: Vec<_> = r.operative().filter_map(|(n, _, _)| n.clone()).collect();
        assert_eq!(nums, ["1.", "2."]);
        assert_eq!(r.point_count(), 2);
        assert_eq!(
            r.preambular().collect::<Vec<_>>(),
            ["Recalling", "Recalling also", "Welcoming"]
        );
        assert_eq!(r.footnote_count(), 1);
    }
    // a document the server does not hold, no argument, an unknown command
    for params in [
        json!({"command": "unlsp.exportAkn", "arguments": ["file:///tmp/unlsp-test/closed.txt"]}),
        json!({"command": "unlsp.exportAkn", "arguments": []}),
        json!({"command": "unlsp.nothing", "arguments": [URI]}),
    ] {
        let r = c.request("workspace/executeCommand", params.clone()).await;
        assert!(r["error"]["message"].is_string(), "{params} → {r}");
    }
    c.shutdown().await;
}

/// The hover on a citation in a French text gives the act's title as the
/// UN's French text writes it (A/RES/80/89's line, `sa résolution 79/98 du
/// 4 décembre 2024`: « Question du Sahara occidental »), beside the
/// catalogue's facts; an English text gets no such line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_gives_the_title_in_the_documents_language() {
    let (text, _) = cursor(&fixture("complete_fr.txt"));
    let text = text.replace("79/9", "79/98 du 4 décembre 2024,");
    let hover = |text: String| async move {
        let c = start().await;
        c.open(URI, &text, 1).await;
        let o = text.find("79/98").unwrap() + 2;
        let h = c.call("textDocument/hover", at(URI, &text, o)).await;
        c.shutdown().await;
        h["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let v = hover(text.clone()).await;
    assert!(v.contains("Title: Question of Western Sahara"), "{v}");
    assert!(
        v.contains("Title (fr): Question du Sahara occidental"),
        "{v}"
    );
    let en = "The General Assembly,\n\nRecalling its resolution 79/98 of 4 December 2024,\n";
    assert!(!hover(en.to_string()).await.contains("Title (fr)"));
}
