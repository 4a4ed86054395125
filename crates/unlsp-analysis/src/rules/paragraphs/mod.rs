//! A. Structure: the paragraphs themselves (author line, leads, sub-paragraphs,
//! negotiation markers).
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod author_line_punctuation;
pub(super) mod lone_operative_numbered;
pub(super) mod missing_colon;
pub(super) mod negotiation_markers;
pub(super) mod operative_lead;
pub(super) mod paragraph_in_wrong_part;
pub(super) mod subparagraph_label_style;
pub(super) mod subparagraph_punctuation;
pub(super) mod unrecognised_preambular_lead;

use crate::Ctx;
use unlsp_syntax::cjk::is_space;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, lexicon};
use unlsp_syntax::tree::Node;

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest base leads of the lexicon to the start of `text`.
fn closest_leads(text: &str, lang: Lang, class: LeadClass) -> Vec<String> {
    let head: String = if lang.is_cjk() {
        text.chars().filter(|c| !is_space(*c)).take(4).collect()
    } else {
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut scored: Vec<(usize, &str)> = lexicon()
        .base_entries(lang, class)
        .map(|e| {
            let n = e.phrase.chars().count().min(head.chars().count());
            let h: String = head.chars().take(n.max(e.phrase.chars().count())).collect();
            (
                edit_distance(&h.to_lowercase(), &e.phrase.to_lowercase()),
                e.phrase.as_str(),
            )
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, p)| p.to_string())
        .collect()
}

fn first_words(cx: &Ctx, n: &Node) -> (std::ops::Range<usize>, String) {
    let start = n
        .label_range
        .as_ref()
        .map(|r| r.end)
        .unwrap_or(n.range.start);
    let s = &cx.text[start..n.range.end];
    let skip = s.len()
        - s.trim_start_matches(|c: char| is_space(c) || c == '.' || c == '\n')
            .len();
    let s2 = &s[skip..];
    let len = if cx.lang.is_cjk() {
        s2.char_indices().nth(4).map(|(i, _)| i).unwrap_or(s2.len())
    } else {
        let mut words = 0;
        let mut end = s2.len();
        for (i, c) in s2.char_indices() {
            if c.is_whitespace() {
                words += 1;
                if words == 3 {
                    end = i;
                    break;
                }
            }
        }
        end
    };
    let a = start + skip;
    (
        a..a + len,
        s2[..len].split_whitespace().collect::<Vec<_>>().join(" "),
    )
}
