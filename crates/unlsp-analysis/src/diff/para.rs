//! The paragraphs of one version as the comparison sees them: kind and label
//! (the outline's), place, and their own text with wrapped lines joined,
//! the label, sub-paragraphs, footnotes, footnote markers and page furniture
//! left out, so that none of those counts as a change. The title and the
//! section headings are paragraphs of the body; the footnotes are a sequence
//! of their own ([`footnotes`]), since where a page puts them is no change.

use regex::Regex;
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;
use unlsp_syntax::assemble::{join_broken_words, join_wrapped};
use unlsp_syntax::cjk::is_cjk;
use unlsp_syntax::numbers::{chinese_numeral, label_ordinal};
use unlsp_syntax::tree::{Node, NodeKind, Tree};

/// One paragraph of a version.
#[derive(Debug, Clone)]
pub struct Para {
    pub kind: NodeKind,
    /// The outline's label (`5.`, `(a)`), if any.
    pub label: Option<String>,
    /// Place among the paragraphs of its kind under the same parent, from 1
    /// (preambular paragraphs have no label: `preambular 4`).
    pub index: usize,
    /// The label of the paragraph it belongs to (`5.` for its `(a)`).
    pub parent: Option<String>,
    /// The node's range in the version's text.
    pub range: Range<usize>,
    /// Its own words, wrapped lines joined.
    pub text: String,
    pub(super) ord: Option<u32>,
    pub(super) hash: u64,
    /// Sorted hashes of its words (of its character pairs in Chinese and
    /// Japanese): what similarity counts.
    pub(super) tokens: Vec<u64>,
}

/// The kinds of node compared: the ones holding the text that is negotiated.
fn compared(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Title
            | NodeKind::Preambular
            | NodeKind::Operative
            | NodeKind::Subparagraph
            | NodeKind::Paragraph
            | NodeKind::Section
            | NodeKind::Annex
    )
}

/// The paragraphs of a version in text order (the title, headings and
/// paragraphs; not the footnotes).
pub fn paragraphs(text: &str, tree: &Tree) -> Vec<Para> {
    let mut cx = Walk::new(text, tree);
    cx.nodes(&tree.nodes, None);
    cx.out
}

/// The footnotes of a version in text order, their number left out of
/// their text (it is their label).
pub fn footnotes(text: &str, tree: &Tree) -> Vec<Para> {
    let mut cx = Walk::new(text, tree);
    let mut notes = Vec::new();
    tree.walk(|n, _| {
        if n.kind == NodeKind::Footnote {
            notes.push(n);
        }
    });
    for (k, n) in notes.into_iter().enumerate() {
        let own = cx.own_text(n);
        cx.out.push(Para::new(n, own, k + 1, None, false, cx.cjk));
    }
    cx.out
}

struct Walk<'a> {
    text: &'a str,
    cjk: bool,
    markers: Vec<Range<usize>>,
    /// The numbers of the document's footnotes.
    notes: Vec<u32>,
    out: Vec<Para>,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str, tree: &Tree) -> Walk<'a> {
        let mut markers: Vec<Range<usize>> =
            tree.footnote_refs.iter().map(|r| r.range.clone()).collect();
        markers.sort_by_key(|r| r.start);
        let mut notes: Vec<u32> = Vec::new();
        tree.walk(|n, _| {
            if n.kind == NodeKind::Footnote
                && let Some(k) = n.label.as_deref().and_then(|l| l.trim().parse().ok())
            {
                notes.push(k);
            }
        });
        Walk {
            text,
            cjk: tree.lang.is_cjk(),
            markers,
            notes,
            out: Vec::new(),
        }
    }
}

impl Walk<'_> {
    fn nodes(&mut self, nodes: &[Node], parent: Option<&str>) {
        let mut seen: Vec<(NodeKind, usize)> = Vec::new();
        let roman = nodes
            .iter()
            .find(|n| n.kind == NodeKind::Subparagraph)
            .and_then(|n| n.label.as_deref())
            .is_some_and(|l| label_core(l) == "i");
        for n in nodes {
            if matches!(n.kind, NodeKind::Footnote | NodeKind::Furniture) {
                continue;
            }
            if !compared(n.kind) {
                self.nodes(&n.children, parent);
                continue;
            }
            let index = match seen.iter_mut().find(|(k, _)| *k == n.kind) {
                Some((_, i)) => {
                    *i += 1;
                    *i
                }
                None => {
                    seen.push((n.kind, 1));
                    1
                }
            };
            let own = self.own_text(n);
            self.out
                .push(Para::new(n, own, index, parent, roman, self.cjk));
            let label = n.label.as_deref().or(parent);
            self.nodes(&n.children, label);
        }
    }

    /// Where the text of a node whose label the parser gave without its
    /// range starts: past the label when the node opens with it (a section's
    /// `II`), so that a heading renumbered is not a heading reworded.
    fn after_label(&self, n: &Node) -> usize {
        let (Some(l), Some(t)) = (n.label.as_deref(), self.text.get(n.range.clone())) else {
            return n.range.start;
        };
        let (l, body) = (l.trim(), t.trim_start());
        let lead = t.len() - body.len();
        // the label as the parser gives it (`II`), or its number written in
        // Chinese (`一` for `1`)
        let written = l.parse::<u32>().ok().map(chinese_numeral);
        for form in std::iter::once(l).chain(written.as_deref()) {
            match body.strip_prefix(form) {
                Some(rest) if !form.is_empty() && !rest.starts_with(char::is_alphanumeric) => {
                    return n.range.start + lead + form.len();
                }
                _ => {}
            }
        }
        n.range.start
    }

    /// The node's text less its label, children, and footnote markers.
    fn own_text(&self, n: &Node) -> String {
        let start = n
            .label_range
            .as_ref()
            .map_or_else(|| self.after_label(n), |r| r.end);
        let mut pieces = Vec::new();
        let mut pos = start.min(n.range.end);
        for c in &n.children {
            if c.range.start > pos {
                pieces.push(pos..c.range.start);
            }
            pos = pos.max(c.range.end);
        }
        if pos < n.range.end {
            pieces.push(pos..n.range.end);
        }
        let mut s = String::new();
        for p in pieces {
            let at = self.markers.partition_point(|m| m.end <= p.start);
            let mut from = p.start;
            for m in self.markers[at..].iter().take_while(|m| m.start < p.end) {
                if m.start > from {
                    s.push_str(self.text.get(from..m.start).unwrap_or(""));
                }
                s.push(' ');
                from = from.max(m.end);
            }
            if from < p.end {
                s.push_str(self.text.get(from..p.end).unwrap_or(""));
            }
            s.push(' ');
        }
        let s: String = without_star_notes(&s)
            .chars()
            .filter(|&c| c != '\u{AD}')
            .map(|c| match c {
                '\u{2010}' | '\u{2011}' => '-',
                '\u{A0}' | '\u{202F}' | '\u{2007}' => ' ',
                _ => c,
            })
            .collect();
        let joined = join_broken_words(&join_wrapped(&s, self.cjk));
        let body = joined
            .trim_start_matches(['.', ')', '．', ' ', '\t', '-'])
            .trim_end();
        FLAT_MARKER
            .replace_all(body, |c: &regex::Captures| {
                let n: u32 = c[2].parse().unwrap_or(0);
                if self.notes.contains(&n) {
                    format!("{}{}", &c[1], &c[3])
                } else {
                    c[0].to_string()
                }
            })
            .into_owned()
    }
}

/// The text less the asterisk notes of a draft's first page (`* On behalf
/// of the States that are members of …`), which the parser leaves in the
/// paragraph a page break cuts: from a line opening with `* ` to the next
/// blank line.
fn without_star_notes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("* ") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut skipping = false;
    for line in s.split_inclusive('\n') {
        if line.trim_start().starts_with("* ") {
            skipping = true;
        } else if line.trim().is_empty() {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out.into()
}

/// A footnote marker flattened into the text by PDF extraction, which the
/// parser did not take for one: a number of one to three digits of one of
/// the document's footnotes after a punctuation mark, at the end of the
/// paragraph or before a word (`… migration. 11`, `… Rights. 15 We`,
/// `… 1974, 82 to implement`).
static FLAT_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.;:,)”])[ ]?(\d{1,3})(\z|[ ]\pL)").unwrap());

fn label_core(l: &str) -> String {
    l.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | '.' | '-' | '[' | ']' | '．')
    })
    .to_lowercase()
}

fn hash_of(s: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// The words of a text for similarity: lower-case letter and digit runs;
/// in Chinese and Japanese, pairs of consecutive characters.
fn tokens(text: &str, cjk: bool) -> Vec<u64> {
    let mut out = Vec::new();
    if cjk {
        let cs: Vec<char> = text
            .chars()
            .filter(|c| c.is_alphanumeric() || is_cjk(*c))
            .collect();
        out.extend(cs.windows(2).map(hash_of));
        if cs.len() == 1 {
            out.push(hash_of(cs[0]));
        }
    } else {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                out.push(hash_of(w.to_lowercase()));
            }
        }
    }
    out.sort_unstable();
    out
}

impl Para {
    fn new(
        n: &Node,
        text: String,
        index: usize,
        parent: Option<&str>,
        roman: bool,
        cjk: bool,
    ) -> Para {
        let ord = n
            .label
            .as_deref()
            .and_then(|l| label_ordinal(l, roman && n.kind == NodeKind::Subparagraph));
        Para {
            kind: n.kind,
            label: n.label.map(String::from),
            index,
            parent: parent.map(str::to_string),
            range: n.range.clone(),
            ord,
            hash: hash_of((n.kind, squeezed(&text))),
            tokens: tokens(&text, cjk),
            text,
        }
    }

    /// The label compared: `5.` and `5` are one label.
    pub(super) fn label_key(&self) -> Option<String> {
        self.label.as_deref().map(label_core)
    }

    /// A made-up paragraph (a revision fed in from elsewhere).
    pub fn from_text(kind: NodeKind, label: Option<String>, text: &str, cjk: bool) -> Para {
        let text = join_wrapped(text, cjk).trim().to_string();
        Para {
            kind,
            ord: label.as_deref().and_then(|l| label_ordinal(l, false)),
            label,
            index: 0,
            parent: None,
            range: 0..0,
            hash: hash_of((kind, squeezed(&text))),
            tokens: tokens(&text, cjk),
            text,
        }
    }
}

/// The text without its spaces: what sameness compares (a space lost or
/// gained at a line break, `Secretary- General`, is no change).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How many tokens two sorted lists share (as multisets).
pub(super) fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice similarity of two token lists (1.0: the same words).
pub(super) fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Two sorted token lists merged.
pub(super) fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut v = Vec::with_capacity(a.len() + b.len());
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    v.sort_unstable();
    v
}
