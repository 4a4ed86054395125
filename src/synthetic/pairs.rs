//! Real pairs of versions: the drafts of GA session 80 and the resolutions
//! adopted from them, by the Secretariat's records (`originating_document`)
//! or, for committee drafts, by the title the resolution bears.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A draft and the resolution adopted from it.
#[derive(Debug, Clone)]
pub struct Pair {
    pub draft: PathBuf,
    pub adopted: PathBuf,
}

fn file_of(texts: &Path, symbol: &str) -> PathBuf {
    texts.join(format!("{}.txt", symbol.replace('/', "_")))
}

fn words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The pairs of `corpus` (`texts/en`, `catalog/akn-data-extract/GA_80.json`),
/// sorted by resolution.
pub fn real_pairs(corpus: &Path) -> Vec<Pair> {
    let texts = corpus.join("texts/en");
    let records = std::fs::read_to_string(corpus.join("catalog/akn-data-extract/GA_80.json"))
        .unwrap_or_default();
    let mut drafts: HashMap<PathBuf, String> = HashMap::new();
    if let Ok(rd) = std::fs::read_dir(&texts) {
        for p in rd.flatten().map(|e| e.path()) {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if name.starts_with("A_C.")
                && name.contains("_80_L.")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                drafts.insert(p, words(&t.chars().take(3000).collect::<String>()));
            }
        }
    }
    let mut out = Vec::new();
    for line in records.lines() {
        let Ok(r) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(symbol), Some(orig)) = (r["symbol"].as_str(), r["originating_document"].as_str())
        else {
            continue;
        };
        let adopted = file_of(&texts, symbol);
        if !adopted.exists() {
            continue;
        }
        let draft = file_of(&texts, orig);
        if draft.exists() {
            out.push(Pair { draft, adopted });
            continue;
        }
        let title = words(r["title"].as_str().unwrap_or(""));
        if title.len() < 20 {
            continue;
        }
        let found: Vec<&PathBuf> = drafts
            .iter()
            .filter(|(_, head)| head.contains(&title))
            .map(|(p, _)| p)
            .collect();
        if let [one] = found.as_slice() {
            out.push(Pair {
                draft: (*one).clone(),
                adopted,
            });
        }
    }
    // a record listed twice, a draft matched by two resolutions' titles:
    // no pair of those is sure
    out.sort_by(|a, b| a.adopted.cmp(&b.adopted));
    out.dedup_by(|a, b| a.adopted == b.adopted);
    let mut uses: HashMap<PathBuf, usize> = HashMap::new();
    for p in &out {
        *uses.entry(p.draft.clone()).or_default() += 1;
    }
    out.retain(|p| uses[&p.draft] == 1);
    out
}
