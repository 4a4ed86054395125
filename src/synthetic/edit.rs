//! Edits of one paragraph's text: a word replaced, a cut for a split, the
//! lines re-wrapped, the number of a label changed.

use super::rng::Rng;
use unlsp_syntax::cjk::is_cjk;

/// Words of a text that an edit may replace: letters only, five or more,
/// past the first `skip` words (a paragraph's lead phrase).
fn word_spans(s: &str, skip: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut seen = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_alphabetic() && !is_cjk(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            seen += 1;
            if seen > skip && s[st..i].chars().count() >= 5 {
                out.push((st, i));
            }
        }
    }
    out
}

/// Replaces a word of `body` (two characters in Chinese and Japanese) with
/// one of `donor`'s; `None` when there is none to replace or to take.
pub(super) fn replace_word(body: &str, donor: &str, rng: &mut Rng) -> Option<String> {
    replace_word_after(body, donor, rng, 3)
}

/// [`replace_word`] past the first `skip` words (none in a heading, a
/// title or a footnote, which have no lead phrase).
pub(super) fn replace_word_after(
    body: &str,
    donor: &str,
    rng: &mut Rng,
    skip: usize,
) -> Option<String> {
    if body.chars().filter(|c| is_cjk(*c)).count() > body.len() / 6 {
        return replace_chars(body, donor, rng, skip.min(4));
    }
    let spans = word_spans(body, skip);
    let pool = word_spans(donor, 3);
    if spans.is_empty() || pool.is_empty() {
        return None;
    }
    let (a, b) = spans[rng.below(spans.len())];
    let old = &body[a..b];
    let word = (0..8)
        .map(|_| {
            let (x, y) = pool[rng.below(pool.len())];
            &donor[x..y]
        })
        .find(|w| !w.eq_ignore_ascii_case(old))?;
    Some(format!(
        "{}{}{}",
        &body[..a],
        word.to_lowercase(),
        &body[b..]
    ))
}

fn replace_chars(body: &str, donor: &str, rng: &mut Rng, skip: usize) -> Option<String> {
    let at: Vec<usize> = body
        .char_indices()
        .skip(skip)
        .filter(|(i, c)| is_cjk(*c) && body[*i..].chars().nth(1).is_some_and(is_cjk))
        .map(|(i, _)| i)
        .collect();
    let pool: Vec<char> = donor.chars().filter(|c| is_cjk(*c)).collect();
    if at.is_empty() || pool.len() < 2 {
        return None;
    }
    let i = at[rng.below(at.len())];
    let old: String = body[i..].chars().take(2).collect();
    let k = rng.below(pool.len() - 1);
    let new: String = pool[k..k + 2].iter().collect();
    if new == old {
        return None;
    }
    Some(format!("{}{}{}", &body[..i], new, &body[i + old.len()..]))
}

/// Where to cut a paragraph in two: after a semicolon or comma near the
/// middle, each part at least a third of the whole.
pub(super) fn split_point(body: &str) -> Option<usize> {
    let t = body.trim_end();
    let n = t.len();
    let mut best: Option<usize> = None;
    for (i, c) in t.char_indices() {
        if matches!(c, ';' | ',' | '，' | '；' | '،' | '؛') {
            let at = i + c.len_utf8();
            if at * 3 >= n && at * 3 <= 2 * n {
                let better = best.is_none_or(|b| at.abs_diff(n / 2) < b.abs_diff(n / 2));
                if better {
                    best = Some(at);
                }
            }
        }
    }
    best
}

/// The text on lines of about `width` characters (Chinese and Japanese:
/// one line break added in the middle); no line starts with a digit or a
/// bracket, which could read as a label.
pub(super) fn rewrap(body: &str, width: usize) -> String {
    if body.chars().any(is_cjk) {
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mid = chars.len() / 2;
        return match chars.get(mid) {
            Some(&(i, c)) if is_cjk(c) => format!("{}\n{}", &body[..i], &body[i..]),
            _ => body.to_string(),
        };
    }
    let mut out = String::with_capacity(body.len() + 16);
    let mut line = 0;
    for (k, w) in body.split_whitespace().enumerate() {
        let safe = w.starts_with(|c: char| c.is_alphabetic());
        if k > 0 {
            if line + w.len() > width && safe {
                out.push('\n');
                line = 0;
            } else {
                out.push(' ');
                line += 1;
            }
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

/// A label with its number changed (`5.` → `6.`, `5 -` → `6 -`).
pub(super) fn renumber(label: &str, n: usize) -> String {
    let Some(a) = label.find(|c: char| c.is_ascii_digit()) else {
        return label.to_string();
    };
    let b = label[a..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(label.len(), |k| a + k);
    format!("{}{n}{}", &label[..a], &label[b..])
}
