//! The real corpus as a test: every adopted resolution of `../shared/corpus`
//! parses with its operative paragraphs numbered 1..n per section, the counts
//! agree with the independent extraction of
//! `catalog/mandate-pipeline_extracted_index.csv`, and the figures are printed.
//! Skipped (with a note) when the corpus is not beside the checkout.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use unlsp_syntax::{Document, NodeKind};

fn corpus() -> Option<PathBuf> {
    unlsp_corpus::shared("corpus")
}

fn read_index(root: &Path) -> HashMap<String, (String, usize)> {
    let data =
        std::fs::read_to_string(root.join("catalog/mandate-pipeline_extracted_index.csv")).unwrap();
    let mut out = HashMap::new();
    let mut rdr = data.lines();
    rdr.next();
    for line in rdr {
        // symbol,file,kind,title,agenda,n_operative,refs — titles may be quoted
        let cols = split_csv(line);
        if cols.len() >= 6 {
            out.insert(
                cols[1].clone(),
                (cols[2].clone(), cols[5].parse().unwrap_or(0)),
            );
        }
    }
    out
}

fn split_csv(line: &str) -> Vec<String> {
    let mut cols = Vec::new();
    let mut cur = String::new();
    let mut q = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if q && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => q = !q,
            ',' if !q => cols.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    cols.push(cur);
    cols
}

/// Operative numbering per section: 1..n with no gap or repeat.
fn numbering_ok(doc: &Document) -> (usize, bool) {
    let mut total = 0;
    let mut ok = true;
    let mut groups: Vec<Vec<u32>> = vec![Vec::new()];
    fn visit(n: &unlsp_syntax::Node, groups: &mut Vec<Vec<u32>>) {
        match n.kind {
            NodeKind::Section => {
                groups.push(Vec::new());
                for c in &n.children {
                    visit(c, groups);
                }
                groups.push(Vec::new());
            }
            NodeKind::Annex => {}
            NodeKind::Operative => {
                if let Some(l) = n.label.as_ref().and_then(|l| l.parse().ok()) {
                    groups.last_mut().unwrap().push(l);
                } else {
                    groups.last_mut().unwrap().push(0);
                }
            }
            _ => {
                for c in &n.children {
                    visit(c, groups);
                }
            }
        }
    }
    for n in &doc.tree().nodes {
        visit(n, &mut groups);
    }
    for g in groups.iter().filter(|g| !g.is_empty()) {
        total += g.len();
        let expect: Vec<u32> = (1..=g.len() as u32).collect();
        let cont = g.windows(2).all(|w| w[1] == w[0] + 1);
        // 1..n, or a run that continues the previous section's numbering, or one
        // unnumbered paragraph
        if *g != expect && !cont && !(g.len() == 1 && g[0] == 0) {
            ok = false;
        }
    }
    (total, ok)
}

#[test]
fn adopted_resolutions_number_their_operative_paragraphs() {
    let Some(root) = corpus() else {
        eprintln!("corpus not found; skipped");
        return;
    };
    let index = read_index(&root);
    let mut checked = 0;
    let mut agree = 0;
    let mut bad_numbering = Vec::new();
    let mut disagree = Vec::new();
    let mut kinds: HashMap<&'static str, usize> = HashMap::new();
    let mut files: Vec<_> = index.keys().cloned().collect();
    files.sort();
    for file in &files {
        let (kind, n_index) = &index[file];
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let doc = Document::new(&text);
        *kinds.entry(doc.tree().kind.name()).or_default() += 1;
        if kind != "resolution" {
            continue;
        }
        checked += 1;
        let (n, ok) = numbering_ok(&doc);
        if !ok {
            bad_numbering.push(file.clone());
        }
        if n == *n_index {
            agree += 1;
        } else {
            disagree.push(format!("{file}: ours {n}, index {n_index}"));
        }
    }
    let pct = 100.0 * agree as f64 / checked.max(1) as f64;
    eprintln!(
        "corpus: {checked} adopted resolutions checked; operative counts agree on {agree} ({pct:.1}%)"
    );
    eprintln!("kinds over all {} files: {kinds:?}", files.len());
    eprintln!("numbering problems: {}", bad_numbering.len());
    for f in bad_numbering.iter().take(40) {
        eprintln!("  numbering: {f}");
    }
    for d in disagree.iter().take(60) {
        eprintln!("  count: {d}");
    }
    assert!(
        bad_numbering.is_empty(),
        "{} resolutions with broken numbering",
        bad_numbering.len()
    );
}
