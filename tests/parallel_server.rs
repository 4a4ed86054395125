//! The server shows the differences with another language version of the
//! open document found in the workspace: seeds 001 (English) and 000
//! (Chinese) of GA 62/57 as two workspace files, the Chinese copy with two
//! planted differences (a changed citation; operative paragraph 12 left out
//! and 13 renumbered 12).

#[path = "server_support.rs"]
mod support;

use serde_json::{Value, json};
use std::time::Duration;
use support::*;

/// GA 62/57 in English and in Chinese with the planted differences
/// (`tests/fixtures/parallel/`, copies of the seeds).
fn versions() -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parallel");
    let en = std::fs::read_to_string(dir.join("62-57.en.txt")).unwrap();
    let zh = std::fs::read_to_string(dir.join("62-57.zh-planted.txt")).unwrap();
    // the planting: 61/100 cited as 61/99, paragraph 12 left out, 13 renumbered
    assert!(zh.contains("第61/99 号") && !zh.contains("12. 又 请") && !zh.contains("13. 决定"));
    (en, zh)
}

fn parallel_diags(d: &[Value]) -> Vec<&Value> {
    d.iter()
        .filter(|d| d["source"] == "unlsp-parallel")
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_language_version_differences_are_information_diagnostics() {
    let (en, zh) = versions();
    let ws = std::env::temp_dir().join(format!("unlsp-ws-parallel-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&ws);
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(ws.join("62-57.en.txt"), &en).unwrap();
    std::fs::write(ws.join("62-57.zh.txt"), &zh).unwrap();
    let en_uri = file_uri(&ws.join("62-57.en.txt"));
    let zh_uri = file_uri(&ws.join("62-57.zh.txt"));

    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    // the workspace is indexed in the background
    let sh = c.shared.clone().unwrap();
    for _ in 0..200 {
        if sh.index().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(sh.index().len() >= 2, "both versions indexed");

    c.open(&zh_uri, &zh, 1).await;
    let d = c.diagnostics(&zh_uri, 1).await;
    let p = parallel_diags(&d);
    let codes: Vec<&str> = p.iter().map(|d| d["code"].as_str().unwrap()).collect();
    // the planted differences, and footnote 6 that only the English has
    assert_eq!(codes, ["UNP05", "UNP09", "UNP01", "UNP03"], "{p:#?}");
    for d in &p {
        assert_eq!(d["severity"], 3, "information");
        assert_eq!(
            d["relatedInformation"][0]["location"]["uri"],
            en_uri.as_str()
        );
    }
    // the changed citation, pointing at the English paragraph that cites 61/100
    let cit = p[0];
    assert_eq!(slice(&zh, &cit["range"]), "61/99");
    assert!(cit["message"].as_str().unwrap().contains("61/100"), "{cit}");
    let rel = &cit["relatedInformation"][0];
    assert!(
        slice(&en, &rel["location"]["range"]).starts_with("Recalling its resolution 61/100"),
        "{rel}"
    );
    // the dropped paragraph: reported on the Chinese paragraph it would follow,
    // related to the English paragraph 12
    let missing = p[2];
    assert_eq!(
        missing["message"],
        "operative paragraph 12: in en but missing in zh"
    );
    assert!(
        slice(&zh, &missing["range"]).starts_with("11. 请"),
        "{missing}"
    );
    let rel = &missing["relatedInformation"][0];
    assert!(
        slice(&en, &rel["location"]["range"]).starts_with("12. Also requests"),
        "{rel}"
    );
    // and the last paragraph is aligned by what it says, not by its number
    let renumbered = p[3];
    assert_eq!(
        renumbered["message"],
        "operative paragraph 12: numbered 12 in zh, 13 in en"
    );
    assert_eq!(slice(&zh, &renumbered["range"]), "12");

    // the English version, opened, sees the same differences from its side
    c.open(&en_uri, &en, 1).await;
    let d = c.diagnostics(&en_uri, 1).await;
    let p = parallel_diags(&d);
    let missing = p
        .iter()
        .find(|d| d["code"] == "UNP01")
        .expect("UNP01 on the English side");
    assert!(slice(&en, &missing["range"]).starts_with("12. Also requests"));
    assert_eq!(
        missing["relatedInformation"][0]["location"]["uri"],
        zh_uri.as_str()
    );
    assert!(p.iter().any(|d| d["code"] == "UNP05"));

    // fixing the citation in the Chinese copy removes that difference, in
    // the Chinese copy and in the open English version
    let from = c.message_count();
    let o = zh.find("61/99").unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": zh_uri, "version": 2},
               "contentChanges": [{"range": {"start": pos(&zh, o), "end": pos(&zh, o + 5)}, "text": "61/100"}]}),
    )
    .await;
    let d = c.diagnostics(&zh_uri, 2).await;
    let codes: Vec<&str> = parallel_diags(&d)
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["UNP09", "UNP01", "UNP03"]);
    let (_, m) = c
        .wait_message(from, Duration::from_secs(5), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == en_uri.as_str()
        })
        .await
        .expect("the English version republished");
    let d = m["params"]["diagnostics"].as_array().unwrap().clone();
    assert_eq!(m["params"]["version"], 1);
    let codes: Vec<&str> = parallel_diags(&d)
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["UNP09", "UNP01", "UNP03"]);
    // the rule diagnostics of the English version are kept
    assert!(d.iter().any(|d| d["source"] == "unlsp"), "{d:#?}");
    c.shutdown().await;
    let _ = std::fs::remove_dir_all(&ws);
}

/// `unlsp.toml` sets the severity of each difference by its code, or turns
/// it off, as it does for the rules.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlsp_toml_sets_the_severity_of_differences() {
    let (en, zh) = versions();
    let ws = std::env::temp_dir().join(format!("unlsp-ws-parallel-toml-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&ws);
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(ws.join("62-57.en.txt"), &en).unwrap();
    std::fs::write(ws.join("62-57.zh.txt"), &zh).unwrap();
    std::fs::write(
        ws.join("unlsp.toml"),
        "[rules]\nUNP05 = \"warning\"\nUNP09 = \"off\"\n",
    )
    .unwrap();
    let zh_uri = file_uri(&ws.join("62-57.zh.txt"));
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    let sh = c.shared.clone().unwrap();
    for _ in 0..200 {
        if sh.index().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    c.open(&zh_uri, &zh, 1).await;
    let d = c.diagnostics(&zh_uri, 1).await;
    let found: Vec<(&str, i64)> = parallel_diags(&d)
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["severity"].as_i64().unwrap()))
        .collect();
    assert_eq!(found, [("UNP05", 2), ("UNP01", 3), ("UNP03", 3)]);
    c.shutdown().await;
    let _ = std::fs::remove_dir_all(&ws);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lone_document_gets_no_parallel_diagnostics() {
    let (en, _) = versions();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    let uri = "file:///tmp/unlsp-parallel-lone/62-57.en.txt";
    c.open(uri, &en, 1).await;
    let d = c.diagnostics(uri, 1).await;
    assert!(parallel_diags(&d).is_empty(), "{d:#?}");
    c.shutdown().await;
}
