//! Reference folders: indexing, the disk cache (reuse, invalidation by
//! modification time and size, deletion, damage), and the server features
//! that reach into them (definition, hover, completion of a citation).

#[path = "server_support.rs"]
mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::*;
use unlsp_index::cache;
use unlsp_index::reference::{FolderStats, Options, ReferenceIndex, index_folder};
use unlsp_index::workspace::{ActKey, ActSource};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// 61/100 (the cited fixture) and 62/57 (the example, which cites 61/100).
fn texts() -> Vec<(&'static str, String)> {
    vec![
        ("a/61_100.txt", fixture("cited.txt")),
        (
            "62_57.txt",
            std::fs::read_to_string(manifest().join("examples/A_RES_62_57.txt")).unwrap(),
        ),
    ]
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("unlsp-ref-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A reference folder with the two texts, and a cache directory beside it.
fn setup(name: &str) -> (PathBuf, PathBuf, Options) {
    let root = temp(name);
    let folder = root.join("refs");
    for (rel, t) in texts() {
        let p = folder.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    }
    let cache = root.join("cache");
    let opts = Options {
        cache_dir: Some(cache.clone()),
        max_file_size: 4 << 20,
        threads: 2,
    };
    (folder, cache, opts)
}

fn run(folder: &Path, opts: &Options) -> (ReferenceIndex, FolderStats) {
    let (ix, mut st) = ReferenceIndex::build(&[folder.to_path_buf()], opts, &|_, _, _| {});
    (ix, st.remove(0))
}

#[test]
fn cache_round_trip_reuses_every_unchanged_file() {
    let (folder, cache, opts) = setup("roundtrip");
    let (cold, st) = run(&folder, &opts);
    assert_eq!((st.files, st.parsed, st.reused), (2, 2, 0), "{st:?}");
    assert!(!st.cache_loaded && st.cache_written, "{st:?}");
    assert!(cache::cache_file(&cache, &folder).is_file());
    let (warm, st) = run(&folder, &opts);
    assert_eq!((st.parsed, st.reused), (0, 2), "{st:?}");
    assert!(st.cache_loaded && !st.cache_written, "{st:?}");
    // the same facts either way
    let key = ActKey::new("61/100");
    assert_eq!(cold.find_act(&key), warm.find_act(&key));
    let doc = &warm.find_act(&key)[0];
    assert!(doc.id.ends_with("a/61_100.txt"), "{doc:?}");
    let f = warm.index().get(&doc.id).unwrap();
    assert_eq!(f.number.as_deref(), Some("61/100"));
    assert!(f.paragraph("3").is_some());
    // 62/57 cites 61/100: its citation survives the cache
    let cites = warm.citations_of(&key);
    assert!(
        cites.iter().any(|(p, _)| p.ends_with("62_57.txt")),
        "{cites:?}"
    );
    assert_eq!(cites, cold.citations_of(&key));
}

#[test]
fn a_changed_file_is_parsed_again_and_a_deleted_one_dropped() {
    let (folder, _cache, opts) = setup("changed");
    run(&folder, &opts);
    // same size, new modification time: parsed again
    let p = folder.join("a/61_100.txt");
    let t = std::fs::read_to_string(&p)
        .unwrap()
        .replace("61/100", "61/101");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&p, &t).unwrap();
    let (ix, st) = run(&folder, &opts);
    assert_eq!((st.parsed, st.reused), (1, 1), "{st:?}");
    assert!(ix.find_act(&ActKey::new("61/100")).is_empty());
    assert_eq!(ix.find_act(&ActKey::new("61/101")).len(), 1);
    // same modification time, another size: parsed again
    let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
    let f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
    use std::io::Write;
    (&f).write_all(b"\n").unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let (_, st) = run(&folder, &opts);
    assert_eq!((st.parsed, st.reused), (1, 1), "{st:?}");
    // deleted: gone from the index and from the cache
    std::fs::remove_file(&p).unwrap();
    let (ix, st) = run(&folder, &opts);
    assert_eq!((st.files, st.removed, st.parsed), (1, 1, 0), "{st:?}");
    assert!(ix.find_act(&ActKey::new("61/101")).is_empty());
    assert_eq!(ix.len(), 1);
    let (_, st) = run(&folder, &opts);
    assert_eq!((st.removed, st.reused), (0, 1), "{st:?}");
}

#[test]
fn a_corrupt_or_foreign_cache_is_rebuilt() {
    let (folder, cache, opts) = setup("corrupt");
    run(&folder, &opts);
    let file = cache::cache_file(&cache, &folder);
    let good = std::fs::read(&file).unwrap();
    let mut damaged: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"not a cache at all".to_vec(),
        good[..good.len() / 2].to_vec(),
    ];
    let mut flipped = good.clone();
    flipped[8] = flipped[8].wrapping_add(1); // the checksum
    damaged.push(flipped);
    let mut noise = good.clone();
    for (i, b) in noise.iter_mut().enumerate().skip(20) {
        if i % 7 == 0 {
            *b ^= 0x5a;
        }
    }
    damaged.push(noise);
    for bytes in damaged {
        std::fs::write(&file, &bytes).unwrap();
        let (ix, st) = run(&folder, &opts);
        assert!(!st.cache_loaded || st.parsed == 0, "{st:?}");
        assert_eq!(ix.len(), 2, "{st:?}");
        assert_eq!(ix.find_act(&ActKey::new("61/100")).len(), 1);
        // rebuilt: the next run is warm again
        let (_, st) = run(&folder, &opts);
        assert_eq!((st.parsed, st.reused), (0, 2), "{st:?}");
    }
    // an unwritable cache directory: indexed all the same, the error reported
    let blocked = folder.parent().unwrap().join("blocked");
    std::fs::write(&blocked, "a file, not a folder").unwrap();
    let o = Options {
        cache_dir: Some(blocked.join("sub")),
        ..opts.clone()
    };
    let (ix, st) = run(&folder, &o);
    assert_eq!(ix.len(), 2);
    assert!(st.cache_error.is_some(), "{st:?}");
}

#[test]
fn files_vanishing_while_indexing_are_skipped() {
    let (folder, _cache, opts) = setup("vanish");
    for i in 0..200 {
        std::fs::write(
            folder.join(format!("copy{i:03}.txt")),
            fixture("cited.txt").replace("61/100", &format!("61/{}", 200 + i)),
        )
        .unwrap();
    }
    // delete files from another thread while the index reads them
    let f2 = folder.clone();
    let deleter = std::thread::spawn(move || {
        for i in (0..200).rev() {
            let _ = std::fs::remove_file(f2.join(format!("copy{i:03}.txt")));
        }
    });
    let (facts, st) = index_folder(&folder, &opts, &|_, _| {});
    deleter.join().unwrap();
    assert_eq!(facts.len(), st.parsed, "{st:?}");
    assert_eq!(st.parsed + st.skipped, st.files, "{st:?}");
    // what is left is indexed exactly on the next run
    let (ix, st) = run(&folder, &opts);
    assert_eq!(ix.len(), 2, "{st:?}");
    // a binary file and a missing folder
    std::fs::write(folder.join("bin.txt"), b"61/777.\0\0binary").unwrap();
    let (ix, st) = run(&folder, &opts);
    assert_eq!((ix.len(), st.skipped), (2, 1), "{st:?}");
    let (ix, st) = ReferenceIndex::build(&[folder.join("missing")], &opts, &|_, _, _| {});
    assert!(ix.is_empty());
    assert_eq!(st[0], FolderStats::default());
}

// ------------------------------------------------------------------ server

fn at(uri: &str, text: &str, o: usize) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos(text, o)})
}

static CACHE_ENV: std::sync::Once = std::sync::Once::new();

/// The server reads its cache directory from the environment; point it at a
/// temporary one once, before any server starts.
fn server_cache_dir() {
    CACHE_ENV.call_once(|| {
        let d = temp("server-cache");
        // SAFETY: set once, before this binary's server tests start their
        // runtimes; no other thread reads the environment concurrently here.
        unsafe { std::env::set_var("UNLSP_CACHE_DIR", d) };
    });
}

async fn start_with_refs(name: &str) -> (TestClient, PathBuf) {
    server_cache_dir();
    let ws = temp(name);
    let refs = temp(&format!("{name}-refs"));
    std::fs::write(refs.join("61_100.txt"), fixture("cited.txt")).unwrap();
    std::fs::write(
        ws.join("unlsp.toml"),
        format!("reference_folders = [{:?}]\n", refs.display().to_string()),
    )
    .unwrap();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), Some(&ws))
        .await;
    let (_, end) = c
        .wait_message(0, Duration::from_secs(20), |m| {
            m["method"] == "$/progress"
                && m["params"]["value"]["kind"] == "end"
                && m["params"]["value"]["message"]
                    .as_str()
                    .is_some_and(|s| s.contains("reference documents"))
        })
        .await
        .expect("reference indexing ends");
    assert!(
        end["params"]["value"]["message"]
            .as_str()
            .unwrap()
            .starts_with("1 reference documents"),
        "{end}"
    );
    (c, refs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_and_hover_reach_into_reference_folders() {
    let (c, refs) = start_with_refs("srv-nav").await;
    let uri = "file:///tmp/unlsp-ref-draft/draft.txt";
    let text = std::fs::read_to_string(manifest().join("examples/A_RES_62_57.txt")).unwrap();
    c.open(uri, &text, 1).await;
    let o = text.find("61/100").unwrap() + 2;
    let d = c.call("textDocument/definition", at(uri, &text, o)).await;
    let target = file_uri(&refs.join("61_100.txt"));
    assert_eq!(d[0]["uri"], target.as_str(), "{d}");
    let cited = fixture("cited.txt");
    assert!(slice(&cited, &d[0]["range"]).contains("61/100"), "{d}");
    let h = c.call("textDocument/hover", at(uri, &text, o)).await;
    let md = h["contents"]["value"].as_str().unwrap_or("");
    assert!(md.contains("In a reference folder"), "{md}");
    assert!(
        md.contains("Calls upon all States to take all measures"),
        "first operative paragraph: {md}"
    );
    // references include the reference folder's own citations? 61_100 cites
    // 60/93: find references of 60/93 from a document citing it
    let draft2 = "The General Assembly,\n\nRecalling its resolution 60/93 of 8 December 2005,\n\n1. Decides to act.\n";
    let uri2 = "file:///tmp/unlsp-ref-draft/other.txt";
    c.open(uri2, draft2, 1).await;
    let o = draft2.find("60/93").unwrap() + 1;
    let r = c
        .call(
            "textDocument/references",
            json!({"textDocument": {"uri": uri2}, "position": pos(draft2, o), "context": {"includeDeclaration": false}}),
        )
        .await;
    let uris: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["uri"].as_str())
        .collect();
    assert!(uris.contains(&target.as_str()), "{r}");
    assert!(uris.contains(&uri2), "{r}");
    // workspace symbols: the reference document, then catalogue acts
    let s = c.call("workspace/symbol", json!({"query": "61/100"})).await;
    let locs: Vec<&str> = s
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["location"]["uri"].as_str())
        .collect();
    assert_eq!(locs.first(), Some(&target.as_str()), "{s}");
    let s = c
        .call(
            "workspace/symbol",
            json!({"query": "rights of indigenous peoples"}),
        )
        .await;
    assert!(
        s.as_array()
            .unwrap()
            .iter()
            .any(|x| x["location"]["uri"] == "https://undocs.org/A/RES/61/295"),
        "{s}"
    );
    c.shutdown().await;
}

async fn complete_at(c: &TestClient, uri: &str, text: &str) -> Vec<Value> {
    let o = text.len() - text.split_once("$0").map(|(_, b)| b.len()).unwrap_or(0) - 2;
    let text = text.replace("$0", "");
    c.open(uri, &text, 1).await;
    let r = c.call("textDocument/completion", at(uri, &text, o)).await;
    r["items"].as_array().cloned().unwrap_or_default()
}

/// Neovim 0.7 declares neither `insertReplaceSupport` nor the `editRange`
/// default and its omnifunc inserts `textEdit.newText` over the word before the
/// cursor (`61/7` → `61/61/75`): the server sends an `insertText` that is right
/// there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_without_edit_ranges_get_text_right_over_their_word() {
    server_cache_dir();
    let c = TestClient::in_process().await;
    let nvim07 = json!({"textDocument": {"completion": {"completionItem": {
        "snippetSupport": false, "documentationFormat": ["markdown", "plaintext"]}}}});
    c.initialize(nvim07, json!({"debounceMs": 0}), None).await;
    let en = "The General Assembly,\n\nRecalling its resolution 61/2$0\n\n1. Calls upon all States to act;\n";
    let items = complete_at(&c, "file:///tmp/unlsp-cite/en07.txt", en).await;
    let it = items
        .iter()
        .find(|i| i["label"] == "61/295")
        .unwrap_or_else(|| panic!("61/295 offered: {items:?}"));
    assert!(it.get("textEdit").is_none(), "{it}");
    // Vim replaces the keyword `2` before the cursor
    assert_eq!(it["insertText"], "295 of 13 September 2007", "{it}");
    let zh = "大会，\n\n回顾其第 61/$0\n\n1. 吁请所有国家采取行动；\n";
    let items = complete_at(&c, "file:///tmp/unlsp-cite/zh07.txt", zh).await;
    let it = items.iter().find(|i| i["label"] == "61/295").unwrap();
    assert_eq!(it["insertText"], "295 号决议", "{it}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completing_a_citation_writes_the_whole_form() {
    server_cache_dir();
    let c = TestClient::in_process().await;
    c.initialize(plain_caps(), json!({"debounceMs": 0}), None)
        .await;
    // English: `resolution 61/` offers the session, inserts number and date
    let en = "The General Assembly,\n\nRecalling its resolution 61/$0\n\n1. Calls upon all States to act;\n";
    let items = complete_at(&c, "file:///tmp/unlsp-cite/en.txt", en).await;
    let it = items
        .iter()
        .find(|i| i["label"] == "61/295")
        .unwrap_or_else(|| panic!("61/295 offered: {items:?}"));
    assert_eq!(
        it["textEdit"]["newText"], "61/295 of 13 September 2007",
        "{it}"
    );
    assert!(
        it["detail"]
            .as_str()
            .unwrap()
            .contains("Rights of Indigenous Peoples"),
        "{it}"
    );
    assert!(
        items.len() > 50,
        "the session's resolutions: {}",
        items.len()
    );
    assert!(
        items
            .iter()
            .all(|i| i["label"].as_str().unwrap().starts_with("61/"))
    );
    // the edit replaces the typed `61/`
    let r = &it["textEdit"]["range"];
    assert_eq!(
        r["end"]["character"].as_u64().unwrap() - r["start"]["character"].as_u64().unwrap(),
        3
    );
    // Chinese: the whole citation form replaces `第 61/`
    let zh = "大会，\n\n回顾其第 61/$0\n\n1. 吁请所有国家采取行动；\n";
    let items = complete_at(&c, "file:///tmp/unlsp-cite/zh.txt", zh).await;
    let it = items
        .iter()
        .find(|i| i["label"] == "61/295")
        .unwrap_or_else(|| panic!("61/295 offered: {items:?}"));
    assert_eq!(
        it["textEdit"]["newText"], "2007 年 9 月 13 日第 61/295 号决议",
        "{it}"
    );
    let text = zh.replace("$0", "");
    let line = text.lines().nth(2).unwrap();
    let r = &it["textEdit"]["range"];
    let start = r["start"]["character"].as_u64().unwrap() as usize;
    let typed: String = line
        .encode_utf16()
        .skip(start)
        .map(|u| char::from_u32(u as u32).unwrap())
        .collect();
    assert_eq!(typed, "第 61/");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configuration_change_reindexes_the_reference_folders() {
    let (c, _refs) = start_with_refs("srv-conf").await;
    let other = temp("srv-conf-other");
    let t = std::fs::read_to_string(manifest().join("examples/A_RES_62_57.txt")).unwrap();
    std::fs::write(other.join("62_57.txt"), &t).unwrap();
    std::fs::write(other.join("61_100.txt"), fixture("cited.txt")).unwrap();
    *c.config.lock().unwrap() = json!({"referenceFolders": [other.display().to_string()]});
    let from = c.message_count();
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    )
    .await;
    let (_, end) = c
        .wait_message(from, Duration::from_secs(20), |m| {
            m["method"] == "$/progress"
                && m["params"]["value"]["kind"] == "end"
                && m["params"]["value"]["message"]
                    .as_str()
                    .is_some_and(|s| s.contains("reference documents"))
        })
        .await
        .expect("re-indexed after the configuration change");
    assert!(
        end["params"]["value"]["message"]
            .as_str()
            .unwrap()
            .starts_with("2 reference documents"),
        "{end}"
    );
    let s = c.call("workspace/symbol", json!({"query": "62/57"})).await;
    let uri = file_uri(&other.join("62_57.txt"));
    assert!(
        s.as_array()
            .unwrap()
            .iter()
            .any(|x| x["location"]["uri"] == uri.as_str()),
        "{s}"
    );
    c.shutdown().await;
}
