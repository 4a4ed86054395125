//! A/D. Lead phrases: also/further forms, emphasis, capitalisation.
//!
//! One file per rule; the helpers several of them share are here.

pub(super) mod also_misplaced;
pub(super) mod also_without_base;
pub(super) mod emphasis_span;
pub(super) mod further_before_also;
pub(super) mod lead_capitalisation;
pub(super) mod lead_emphasis_consistency;
pub(super) mod repeated_lead;

use crate::Ctx;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{Lead, Node};

/// The verb a lead repeats, for comparing repeat forms with their base:
/// lower case, adverbs and 又/还/再次 dropped (`Also strongly urges` → `urges`).
fn base_key(l: &Lead) -> String {
    let b = if l.base.is_empty() { &l.text } else { &l.base };
    if l.lang == Lang::Zh {
        return b
            .trim_start_matches(['又', '还'])
            .trim_start_matches("再次")
            .to_string();
    }
    if l.lang == Lang::Ar {
        // the verb after the particles: the first preambular paragraph opens
        // `إذ تشير`, the next `وإذ تشير أيضا` (the conjunction `و` joins them)
        let verb = b
            .split_whitespace()
            .find(|w| !matches!(*w, "وإذ" | "إذ" | "وقد" | "قد" | "و" | "أيضا" | "كذلك"))
            .unwrap_or("");
        return verb
            .strip_prefix('و')
            .filter(|v| v.chars().count() > 2)
            .unwrap_or(verb)
            .to_string();
    }
    let lower = b.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "also"
                    | "further"
                    | "furthermore"
                    | "again"
                    | "once"
                    | "strongly"
                    | "deeply"
                    | "firmly"
                    | "fully"
                    | "urgently"
                    | "warmly"
                    | "sincerely"
                    | "gravely"
                    | "seriously"
                    | "most"
                    | "profoundly"
                    | "reiterating"
                    // Russian `вновь подтверждая` (Reaffirming) is the base of
                    // `подтверждая также` (Reaffirming also), as the UN's
                    // Russian writes it (A/RES/79/190); `еще раз` (once again)
                    | "вновь"
                    | "еще"
                    | "ещё"
                    | "раз"
            )
        })
        .collect();
    words.first().copied().unwrap_or("").to_string()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The emphasis marker written right before the lead (`**`, `*`, `_`).
fn marker_before(cx: &Ctx, p: &Node, l: &Lead) -> Option<(usize, &'static str)> {
    let from = p
        .label_range
        .as_ref()
        .map(|r| r.end)
        .unwrap_or(p.range.start);
    let s = &cx.text[from..l.range.end.max(from)];
    for m in ["**", "*", "__", "_"] {
        if let Some(i) = s.find(m) {
            return Some((from + i, m));
        }
    }
    None
}
