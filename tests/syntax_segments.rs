//! A long text unit is analysed in segments (`document::Splitter`): a keystroke
//! in a 50 KB paragraph then re-analyses one segment. That is only right if the
//! facts of the segments are the facts of the whole unit. Checked here on every
//! text unit of the corpus, the seeds, the examples and the rule fixtures, and on
//! concatenations of corpus texts (where paragraphs the numbering did not accept
//! make units of tens of kilobytes), cut at every place the splitter may cut
//! (no minimum size), which is far more often than the parser ever does.

use std::path::PathBuf;
use unlsp_syntax::Document;
use unlsp_syntax::document::{Splitter, own_pieces};
use unlsp_syntax::inline::{self, UnitFacts, View};
use unlsp_syntax::tree::{Node, NodeKind, Tree};

#[path = "corpus_support.rs"]
mod corpus_support;
use corpus_support::{files_under, par_map, root};

fn analyse(
    text: &str,
    tree: &Tree,
    n: &Node,
    pieces: &[std::ops::Range<usize>],
    list_base: u32,
) -> UnitFacts {
    inline::analyse(
        &View::new(text, pieces),
        tree.lang,
        tree.meta.organ.as_deref(),
        n.kind == NodeKind::Footnote,
        tree.meta.symbol.as_deref(),
        list_base,
    )
}

/// Every unit of `text` cut at every allowed place: (units cut, cuts, the
/// first unit whose segments disagree with the whole).
fn check(text: &str) -> (usize, usize, Option<String>) {
    let doc = Document::new(text);
    let tree = doc.tree();
    let split = Splitter::new(text, doc.blocks(), 0);
    let (mut units, mut cuts) = (0, 0);
    let mut stack: Vec<&Node> = tree.nodes.iter().collect();
    while let Some(n) = stack.pop() {
        stack.extend(n.children.iter());
        if !(n.kind.is_text_unit() || n.kind == NodeKind::Closing) {
            continue;
        }
        let pieces = own_pieces(n);
        let Some(segs) = split.segments(&pieces) else {
            continue;
        };
        units += 1;
        cuts += segs.len() - 1;
        let whole = analyse(text, tree, n, &pieces, 0);
        let mut parts = UnitFacts::default();
        for seg in &segs {
            let base = parts
                .citations
                .iter()
                .map(|c| c.list + 1)
                .max()
                .unwrap_or(0);
            let f = analyse(text, tree, n, seg, base);
            parts.citations.extend(f.citations);
            parts.symbols.extend(f.symbols);
            parts.footnote_refs.extend(f.footnote_refs);
            parts.paragraph_refs.extend(f.paragraph_refs);
            parts.dates.extend(f.dates);
        }
        // list numbers only group citations (a rule compares them for
        // equality): compare the grouping, not the numbers
        let (whole, parts) = (renumber_lists(whole), renumber_lists(parts));
        if parts != whole {
            let at: Vec<_> = segs.iter().map(|s| s[0].start).collect();
            return (
                units,
                cuts,
                Some(format!(
                    "{:?} at {:?} cut at {at:?}: {}",
                    n.kind,
                    n.range,
                    first_difference(&whole, &parts)
                )),
            );
        }
    }
    (units, cuts, None)
}

/// The citations' list numbers replaced by their rank of first appearance.
fn renumber_lists(mut f: UnitFacts) -> UnitFacts {
    let mut seen: Vec<u32> = Vec::new();
    for c in &mut f.citations {
        let k = seen.iter().position(|&l| l == c.list).unwrap_or_else(|| {
            seen.push(c.list);
            seen.len() - 1
        });
        c.list = k as u32;
    }
    f
}

/// The first item where two lists of facts part, for the failure message.
fn first_difference(a: &UnitFacts, b: &UnitFacts) -> String {
    fn first<T: PartialEq + std::fmt::Debug>(what: &str, a: &[T], b: &[T]) -> Option<String> {
        let k = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k))?;
        Some(format!(
            "{what} #{k}: whole {:#?}, segments {:#?}",
            a.get(k),
            b.get(k)
        ))
    }
    first("citation", &a.citations, &b.citations)
        .or_else(|| first("symbol", &a.symbols, &b.symbols))
        .or_else(|| first("footnote marker", &a.footnote_refs, &b.footnote_refs))
        .or_else(|| first("paragraph reference", &a.paragraph_refs, &b.paragraph_refs))
        .or_else(|| first("date", &a.dates, &b.dates))
        .unwrap_or_default()
}

#[test]
fn segments_have_the_facts_of_the_whole() {
    let mut files = Vec::new();
    for d in ["tests/fixtures", "examples"] {
        files_under(&root().join(d), &mut files);
    }
    files_under(&unlsp_corpus::shared_root().join("seeds"), &mut files);
    let mut corpus = Vec::new();
    files_under(
        &unlsp_corpus::shared_root().join("corpus/texts"),
        &mut corpus,
    );
    // every corpus text when asked, else every third (CI's time)
    let stride = if std::env::var("UNLSP_SEGMENTS_ALL").is_ok() {
        1
    } else {
        3
    };
    files.extend(corpus.iter().step_by(stride).cloned());
    let results = par_map(&files, |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        (p.to_path_buf(), check(&text))
    });
    // concatenations: eight texts of one language in a row, the shape the
    // parse bench uses
    let groups: Vec<Vec<PathBuf>> = corpus
        .chunks(8)
        .step_by(stride * 4)
        .map(|c| c.to_vec())
        .collect();
    let joined = std::thread::scope(|s| {
        let hs: Vec<_> = groups
            .iter()
            .map(|g| {
                s.spawn(move || {
                    let text: String = g
                        .iter()
                        .map(|p| std::fs::read_to_string(p).unwrap_or_default() + "\n")
                        .collect();
                    (g[0].clone(), check(&text))
                })
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    let (mut units, mut cuts) = (0, 0);
    for (p, (u, c, bad)) in results.iter().chain(joined.iter()) {
        units += u;
        cuts += c;
        assert!(bad.is_none(), "{}: {}", p.display(), bad.as_ref().unwrap());
    }
    eprintln!("{units} units cut {cuts} times, facts unchanged");
    // the fixtures alone have units the splitter cuts; the corpus many more
    assert!(units > 0 && cuts >= units);
}
