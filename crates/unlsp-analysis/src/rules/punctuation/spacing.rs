//! UN075 `spacing`: No double spaces, no space before punctuation; no spaces between Chinese
//! characters.

use crate::{Ctx, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::cjk::{is_han, is_space};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN075",
    name: "spacing",
    severity: Severity::Hint,
    extraction_tolerant: true,
    reach: Reach::DocumentIn(&[Lang::Zh]),
    summary: "No double spaces, no space before punctuation; no spaces between Chinese characters.",
    explanation: "English: `Decides to include,` not `Decides  to include ,`. Chinese: spaces between characters are word-segmentation artefacts (seed 000); reported once per document.",
    bad: "Decides  to include ,",
    good: "Decides to include,",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    if cx.lang == Lang::Zh {
        // once per document: the first space between two Han characters in a paragraph
        let mut found = None;
        cx.tree.walk(|n, _| {
            if found.is_some() || !paragraph(n.kind) {
                return;
            }
            for r in unlsp_syntax::document::own_pieces(n) {
                let s = &cx.text[r.clone()];
                let mut prev: Option<(usize, char)> = None;
                for (i, c) in s.char_indices() {
                    if let Some((pi, p)) = prev
                        && c == ' '
                        && is_han(p)
                        && s[i + 1..].chars().next().is_some_and(is_han)
                    {
                        let _ = pi;
                        found = Some(r.start + i..r.start + i + 1);
                        return;
                    }
                    if c != ' ' {
                        prev = Some((i, c));
                    } else if prev.is_some_and(|(_, p)| !is_han(p)) {
                        prev = None;
                    }
                }
            }
        });
        if let Some(r) = found {
            out.emit(
                r,
                "spaces between Chinese characters (word segmentation): remove them",
            );
        }
        return;
    }
    let beside = beside_markers(cx);
    cx.tree.walk(|n, _| {
        if !paragraph(n.kind) {
            return;
        }
        for r in unlsp_syntax::document::own_pieces(n) {
            let s = &cx.text[r.clone()];
            for line in s.split('\n') {
                let base = r.start + (line.as_ptr() as usize - s.as_ptr() as usize);
                let t = line.trim_matches(is_space);
                let off = line.len() - line.trim_start_matches(is_space).len();
                // one pass over the spaces of the line: a double space wins
                // over a space before punctuation, the first of each counts
                let tb = t.as_bytes();
                let mut before_punct: Option<usize> = None;
                let mut double: Option<usize> = None;
                for i in memchr::memchr_iter(b' ', tb) {
                    match tb.get(i + 1) {
                        Some(b' ') if !beside.contains(&(base + off + i)) => {
                            double = Some(i);
                            break;
                        }
                        Some(b',' | b';' | b':') if before_punct.is_none() => {
                            before_punct = Some(i)
                        }
                        _ => {}
                    }
                }
                if let Some(i) = double {
                    let at = base + off + i;
                    out.emit(at..at + 2, "double space").fix_one(
                        "Use one space",
                        at..at + 2,
                        " ",
                        true,
                    );
                    return;
                }
                if let Some(i) = before_punct {
                    let at = base + off + i;
                    out.emit(at..at + 2, format!("space before `{}`", &t[i + 1..i + 2]))
                        .fix_one("Remove the space", at..at + 1, "", true);
                    return;
                }
            }
        }
    });
}

/// Where a double space sets off a footnote marker (`Child 10  and`): a
/// superscript flattened into the line, not the author's spacing.
fn beside_markers(cx: &Ctx) -> rustc_hash::FxHashSet<usize> {
    let refs = &cx.tree.footnote_refs;
    refs.iter()
        .flat_map(|f| [f.range.end, f.range.start.saturating_sub(2)])
        .collect()
}

/// The nodes whose own text is checked: paragraphs and sub-paragraphs.
fn paragraph(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Preambular | NodeKind::Operative | NodeKind::Paragraph | NodeKind::Subparagraph
    )
}
