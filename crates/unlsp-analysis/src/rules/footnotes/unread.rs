//! Footnote markers an extraction flattened into the line: superscripts
//! that became bare numbers the parser cannot tell from other numbers. The
//! footnote rules do not report a missing marker where such a number stands.

use crate::Ctx;
use crate::pattern::Pattern;
use unlsp_syntax::tree::NodeKind;

/// `n` set off after a word the way an extraction flattens a superscript:
/// two spaces or a line end after it (`protection 5  to`, `71/205 19  and`).
pub(super) fn set_off(s: &str, n: u32) -> bool {
    let digits = n.to_string();
    s.match_indices(&digits).any(|(i, _)| {
        let (before, after) = (&s[..i], &s[i + digits.len()..]);
        let word = before
            .strip_suffix(' ')
            .unwrap_or(before)
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || ",;:.”’)".contains(c));
        let glued_digit = before.ends_with(|c: char| c.is_ascii_digit() || c == '/' || c == '.');
        let glued_to_punct = before.ends_with(|c: char| ",;:”’)".contains(c))
            && after.starts_with(' ')
            && after[1..].starts_with(|c: char| c.is_lowercase());
        (word
            && !glued_digit
            && (after.starts_with("  ") || after.starts_with(" \n") || after.starts_with('\n')))
            || glued_to_punct
    })
}

/// The bare numbers of the running text that may be footnote markers the
/// parser did not take: right after punctuation or a capitalised word (not
/// after the nouns that take a number, `Article 5 of`), before a lower-case
/// word or the end of the line.
pub(super) fn bare_numbers(cx: &Ctx) -> Vec<(u32, std::ops::Range<usize>)> {
    static BARE: Pattern = Pattern::new(|| {
        regex::Regex::new(
            r"(?:[,;:.”’)]|(?-u:\b)(\p{Lu}[\w-]*))\s?(\d{1,3})(?:[ \t]+[a-z]|[ \t]*\r?\n)",
        )
        .unwrap()
    });
    const NUMBERED: &[&str] = &[
        "Article",
        "Chapter",
        "Section",
        "Part",
        "Annex",
        "Protocol",
        "Rule",
        "Principle",
        "Goal",
        "Target",
        "Paragraph",
        "Resolution",
        "Decision",
        "Committee",
        "Phase",
        "Level",
        "Table",
        "Figure",
        "Step",
        "Volume",
        "Book",
        "Item",
        "Recommendation",
        "Category",
        "Regulation",
        "Appendix",
        "Schedule",
        "Title",
        "Class",
        "Group",
        "Tier",
        "Pillar",
    ];
    let paras: Vec<&unlsp_syntax::tree::Node> = cx
        .tree
        .nodes_of(NodeKind::Preambular)
        .into_iter()
        .chain(cx.tree.nodes_of(NodeKind::Operative))
        .collect();
    let mut v = Vec::new();
    for p in &paras {
        // per paragraph, relative to its start: kept while it does not change
        let found = cx.memo.fact("bare numbers", p, || {
            let mut v = Vec::new();
            for piece in unlsp_syntax::paragraph::body_pieces(p) {
                let s = &cx.text[piece.clone()];
                let at = piece.start - p.range.start;
                for c in cx.re(&BARE).captures_iter(s) {
                    // after a capitalised word (`Convention against Corruption 1 is`),
                    // not after the nouns that take a number (`Article 5 of`)
                    if let Some(w) = c.get(1)
                        && NUMBERED.contains(&w.as_str().trim_end_matches('s'))
                    {
                        continue;
                    }
                    let Some(m) = c.get(2) else { continue };
                    if let Ok(n) = m.as_str().parse::<u32>() {
                        v.push((n, at + m.start()..at + m.end()));
                    }
                }
            }
            v
        });
        let base = p.range.start;
        v.extend(
            found
                .iter()
                .map(|(n, r)| (*n, base + r.start..base + r.end)),
        );
    }
    v
}
