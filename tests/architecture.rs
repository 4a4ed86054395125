//! The layers as the crate graph holds them: a dependency that would let a
//! lower layer see a higher one, or a crate other than the server see LSP,
//! fails here (and, for the unlsp crates, fails to compile first).

use std::collections::BTreeMap;
use std::path::Path;

/// Each package's normal dependencies, by name, from its manifest.
fn manifests() -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("Cargo.toml")];
    for e in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        paths.push(e.path().join("Cargo.toml"));
    }
    let names = |t: &toml::Table, k: &str| -> Vec<String> {
        t.get(k)
            .and_then(|d| d.as_table())
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    };
    paths
        .iter()
        .map(|p| {
            let t: toml::Table = std::fs::read_to_string(p).unwrap().parse().unwrap();
            let name = t["package"]["name"].as_str().unwrap().to_string();
            (
                name,
                (names(&t, "dependencies"), names(&t, "dev-dependencies")),
            )
        })
        .collect()
}

/// The crates each layer may use, lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("unlsp-corpus", &[]),
    ("unlsp-syntax", &[]),
    ("unlsp-index", &["unlsp-syntax"]),
    ("unlsp-analysis", &["unlsp-syntax", "unlsp-index"]),
    (
        "unlsp-server",
        &["unlsp-syntax", "unlsp-index", "unlsp-analysis"],
    ),
    (
        "unlsp",
        &[
            "unlsp-syntax",
            "unlsp-index",
            "unlsp-analysis",
            "unlsp-server",
            "unlsp-corpus",
        ],
    ),
];

/// Crates that speak LSP or run the async protocol loop.
const LSP: &[&str] = &[
    "tower-lsp-server",
    "tower-lsp",
    "lsp-types",
    "ls-types",
    "lsp-server",
];
const ASYNC: &[&str] = &["tokio", "tower", "futures", "dashmap"];

#[test]
fn every_crate_uses_only_the_layers_below_it() {
    let m = manifests();
    assert_eq!(
        m.len(),
        LAYERS.len(),
        "a crate without a layer: {:?}",
        m.keys()
    );
    for (name, allowed) in LAYERS {
        let (deps, _) = &m[*name];
        for d in deps.iter().filter(|d| d.starts_with("unlsp")) {
            assert!(allowed.contains(&d.as_str()), "{name} depends on {d}");
        }
    }
}

#[test]
fn only_the_server_knows_lsp_and_the_protocol_loop() {
    for (name, (deps, dev)) in manifests() {
        if name == "unlsp-server" {
            assert!(deps.iter().any(|d| d == "tower-lsp-server"));
            continue;
        }
        for d in deps.iter().chain(&dev) {
            assert!(!LSP.contains(&d.as_str()), "{name} names {d}");
        }
        // the root's tests drive the server over pipes (dev-dependencies)
        for d in deps {
            assert!(!ASYNC.contains(&d.as_str()), "{name} depends on {d}");
        }
    }
    let root =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let shared = root.split("[workspace.dependencies]").nth(1).unwrap_or("");
    assert!(
        !LSP.iter().any(|l| shared.contains(&format!("\n{l} "))),
        "an LSP crate in [workspace.dependencies]"
    );
}
