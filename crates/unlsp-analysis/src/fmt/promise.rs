//! The promise `unlsp fmt` keeps, checked after every format:
//!
//! 1. **Characters**: the non-space characters, in order, with the furniture
//!    the outline marks left out, are the same before and after (Markdown
//!    markup is no such furniture: it is kept; Chinese half-width `,;:?!`
//!    and their full-width forms count as one character, since `fmt` writes
//!    the full-width ones).
//! 2. **Outline**: the document's kind, language and heading fields, and
//!    every node that is not furniture (depth, kind, label, lead), and the
//!    citations, are the same. A footnote's depth is left out: it floats
//!    into the paragraph its page ended in, which is layout.
//! 3. **Idempotence**: formatting the result changes nothing
//!    (`super::format` checks it with [`Refusal::not_idempotent`]).
//!
//! A format that breaks it is refused: nothing is written.

use std::fmt;
use std::ops::Range;
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::text::LineIndex;
use unlsp_syntax::tree::NodeKind;
use unlsp_syntax::{Document, Lang};

/// Why `fmt` refused a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A character would be lost, added or changed: the first difference,
    /// at `line` of the input.
    Characters {
        line: usize,
        before: String,
        after: String,
    },
    /// The outline would change: the first item that differs.
    Outline { before: String, after: String },
    /// A second format would change the first one's text, at `line` of it.
    NotIdempotent { line: usize },
}

impl Refusal {
    pub fn not_idempotent(once: &str, twice: &str) -> Refusal {
        let at = once
            .bytes()
            .zip(twice.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        Refusal::NotIdempotent {
            line: LineIndex::new(once).position(once, at).line,
        }
    }

    /// The property broken, one word: `characters`, `outline`, `idempotence`.
    pub fn kind(&self) -> &'static str {
        match self {
            Refusal::Characters { .. } => "characters",
            Refusal::Outline { .. } => "outline",
            Refusal::NotIdempotent { .. } => "idempotence",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Characters {
                line,
                before,
                after,
            } => write!(
                f,
                "formatting would change the text at line {line}: `{before}` would become `{after}`"
            ),
            Refusal::Outline { before, after } => write!(
                f,
                "formatting would change the outline: `{before}` would become `{after}`"
            ),
            Refusal::NotIdempotent { line } => write!(
                f,
                "formatting is not stable here: a second pass would change line {line} again"
            ),
        }
    }
}

/// Whether `after`, a format of `before`, keeps the characters and the
/// outline (the first difference otherwise).
pub fn keeps(before: &Document, after: &str, lang: Option<Lang>) -> Result<(), Refusal> {
    let after_doc = Document::with_lang(after, lang);
    same_characters(before, &after_doc)?;
    same_outline(before, &after_doc)
}

/// The non-space characters of `doc` outside the furniture it drops, with
/// their byte offsets.
fn content(doc: &Document) -> Vec<(usize, char)> {
    let text = doc.text();
    let cjk = doc.tree().lang.is_cjk();
    let dropped = dropped_furniture(doc);
    let mut next = dropped.iter().peekable();
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|r| r.end <= i) {
            next.next();
        }
        if is_space(c) || next.peek().is_some_and(|r| r.contains(&i)) {
            continue;
        }
        out.push((i, if cjk { fold_cjk(c) } else { c }));
    }
    out
}

fn fold_cjk(c: char) -> char {
    match c {
        '，' => ',',
        '；' => ';',
        '：' => ':',
        '？' => '?',
        '！' => '!',
        c => c,
    }
}

/// The furniture nodes' ranges, sorted, less the Markdown markup `fmt` keeps.
fn dropped_furniture(doc: &Document) -> Vec<Range<usize>> {
    let kept = super::verbatim::verbatim_ranges(doc);
    let mut out = Vec::new();
    doc.tree().walk(|n, _| {
        if n.kind == NodeKind::Furniture
            && !kept
                .iter()
                .any(|k| k.start < n.range.end && n.range.start < k.end)
        {
            out.push(n.range.clone());
        }
    });
    out.sort_by_key(|r| r.start);
    out
}

pub(super) fn same_characters(before: &Document, after: &Document) -> Result<(), Refusal> {
    let (a, b) = (content(before), content(after));
    let Some(k) =
        (0..a.len().max(b.len())).find(|&k| a.get(k).map(|x| x.1) != b.get(k).map(|x| x.1))
    else {
        return Ok(());
    };
    let text = before.text();
    let around = |v: &[(usize, char)]| -> String {
        v[k.saturating_sub(12).min(v.len())..(k + 12).min(v.len())]
            .iter()
            .map(|x| x.1)
            .collect()
    };
    let at = a.get(k).or(a.last()).map_or(0, |x| x.0);
    Err(Refusal::Characters {
        line: LineIndex::new(text).position(text, at).line,
        before: around(&a),
        after: around(&b),
    })
}

/// The outline as comparable lines: heading fields, then every node that is
/// not furniture, then the citations.
pub fn outline_items(doc: &Document) -> Vec<String> {
    let t = doc.tree();
    let m = &t.meta;
    let mut out = vec![format!(
        "{} {} · symbol {:?} · number {:?} · title {:?} · author {:?}",
        t.lang.code(),
        t.kind.name(),
        m.symbol,
        m.number,
        m.title,
        m.author
    )];
    let text = doc.text();
    let cjk = t.lang.is_cjk();
    t.walk(|n, depth| {
        if n.kind != NodeKind::Furniture {
            // the node's own words, so that text moving from a paragraph
            // into a footnote is a change too
            let own: String = unlsp_syntax::document::own_pieces(n)
                .into_iter()
                .flat_map(|r| text[r].chars())
                .filter(|c| !is_space(*c))
                .map(|c| if cjk { fold_cjk(c) } else { c })
                .collect();
            out.push(format!(
                "{:indent$}{} {} {} «{own}»",
                "",
                n.kind.name(),
                n.label.as_deref().unwrap_or("-"),
                n.lead.as_ref().map_or("-", |l| l.text.as_str()),
                // a footnote sits in whatever paragraph its page ended in:
                // layout, not structure
                indent = if n.kind == NodeKind::Footnote {
                    0
                } else {
                    depth * 2
                }
            ));
        }
    });
    for c in &t.citations {
        out.push(format!("citation {:?} {}", c.kind, c.target));
    }
    out
}

pub(super) fn same_outline(before: &Document, after: &Document) -> Result<(), Refusal> {
    let (a, b) = (outline_items(before), outline_items(after));
    match (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k)) {
        None => Ok(()),
        Some(k) => {
            let (x, y) = (
                a.get(k).map_or("(nothing)", |s| s.trim()),
                b.get(k).map_or("(nothing)", |s| s.trim()),
            );
            // the window around the first difference
            let same = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
            let item = |s: &str| -> String {
                let from = same.saturating_sub(30);
                let w: String = s.chars().skip(from).take(70).collect();
                let head: String = s.chars().take(from.min(24)).collect();
                if from > 24 {
                    format!("{head}…{w}")
                } else {
                    s.chars().take(94).collect()
                }
            };
            Err(Refusal::Outline {
                before: item(x),
                after: item(y),
            })
        }
    }
}
