//! Text helpers of the walk: a paragraph's terminal mark, wrapped lines
//! joined.

use crate::cjk::{SpaceTrim, is_space, superscript_digit};

/// The last punctuation mark of `s`, skipping trailing spaces, emphasis and
/// footnote markers after it (`mines;6`, `2024,1`, `，¹`, `1993,[^4]`).
pub(crate) fn terminal_mark(s: &str) -> Option<char> {
    // the usual end, an ASCII letter or mark that none of the rules below
    // looks past
    if let Some(&last) = s.as_bytes().last()
        && last < 0x80
        && !matches!(
            last,
            0x09..=0x0D | b' ' | b'*' | b'/' | b'0'..=b'9' | b']' | b'>'
        )
    {
        return Some(last as char);
    }
    terminal_mark_in_full(s)
}

/// `s` without the Markdown footnote markers (`[^4]`) and HTML comments
/// (`<!-- … -->`) at its end.
fn strip_markdown_end(mut s: &str) -> &str {
    loop {
        let t = s.trim_end_matches(|c: char| is_space(c) || c == '*');
        let cut = if let Some(u) = t.strip_suffix("-->") {
            u.rfind("<!--")
        } else if t.ends_with(']') {
            t.rfind("[^").filter(|&o| {
                crate::lexer::markdown_footnote_label(&t[o..])
                    .is_some_and(|(_, d)| d.end + 1 == t.len() - o)
            })
        } else {
            None
        };
        match cut {
            Some(o) => s = &t[..o],
            None => return s,
        }
    }
}

/// [`terminal_mark`] without its fast path.
fn terminal_mark_in_full(s: &str) -> Option<char> {
    let s = strip_markdown_end(s);
    let t = s.trim_end_matches(|c: char| is_space(c) || c == '*' || superscript_digit(c).is_some());
    // the old footnote marker `1/` after the mark (`…the United Nations, 1/`,
    // SC 800 and 801 (1993))
    let t = match t.strip_suffix('/') {
        Some(u) if u.ends_with(|c: char| c.is_ascii_digit()) => {
            let v = u.trim_end_matches(|c: char| c.is_ascii_digit());
            if u.len() - v.len() <= 2 && v.ends_with(|c: char| is_space(c) || is_punct(c)) {
                v.trim_space_end()
            } else {
                t
            }
        }
        _ => t,
    };
    let stripped = t.trim_end_matches(|c: char| c.is_ascii_digit() || is_space(c));
    let before = stripped.chars().next_back()?;
    if is_punct(before) && stripped.len() < t.len() {
        // `;6` — digits glued after punctuation are a footnote marker
        return Some(before);
    }
    t.chars().next_back()
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '，' | '；' | '：' | '。' | '،' | '؛' | '、'
    )
}

pub(super) fn is_terminal(c: Option<char>) -> bool {
    c.is_some_and(is_punct)
}

/// Join lines wrapped by PDF extraction: `Two-\nState` keeps the hyphen,
/// whitespace runs become one space (none between CJK characters).
pub fn join_wrapped(s: &str, cjk: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            let prev = out.chars().next_back().unwrap();
            let both_cjk = crate::cjk::is_cjk(prev) && crate::cjk::is_cjk(c);
            if !(cjk && both_cjk) {
                out.push(' ');
            }
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Words a suspended hyphen stands before (`small- and medium-sized`,
/// `pré- et post-natal`): the space after such a hyphen is the author's.
const AFTER_SUSPENDED_HYPHEN: &[&str] = &[
    "and", "or", "nor", "to", "et", "ou", "ni", "y", "e", "o", "u", "и", "или", "а",
];

/// Join words that PDF extraction broke after their hyphen, whether the break
/// was a line end or is left as a space: `self- determination` →
/// `self-determination`; a suspended hyphen (`pre- and post-natal`) stays.
pub fn join_broken_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        if c != '-' || !s[..i].chars().next_back().is_some_and(char::is_alphabetic) {
            continue;
        }
        let rest = &s[i + 1..];
        let next = rest.trim_start_matches(is_space);
        if next.len() == rest.len() || !next.starts_with(char::is_lowercase) {
            continue;
        }
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if AFTER_SUSPENDED_HYPHEN.contains(&word.as_str()) {
            continue;
        }
        while chars.next_if(|(_, c)| is_space(*c)).is_some() {}
    }
    out
}

/// An emphasised lead that runs on past the phrase the lexicon knows
/// (`*Prend note avec satisfaction*`): `rest` follows the phrase; the bytes
/// of the words before the closing marker and of the words and the marker,
/// when it closes within the clause (no punctuation before it, 80 bytes).
pub(super) fn emphasis_runs_on(rest: &str) -> Option<(usize, usize)> {
    if !rest.starts_with([' ', '\u{a0}']) {
        return None;
    }
    let head = &rest[..crate::text::clamp_to_char(rest, 80)];
    let close = head.find(['*', '_'])?;
    if head[..close].contains([',', ';', ':', '.', '،', '(', '“', '"'])
        || head[..close].trim().is_empty()
    {
        return None;
    }
    // emphasis that swallows an article or a preposition is misplaced
    // (`*Requests the* Secretary-General`: UN031), not a longer lead
    let last = head[..close].split_whitespace().next_back().unwrap_or("");
    if matches!(
        last.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "le"
            | "la"
            | "les"
            | "de"
            | "du"
            | "des"
            | "el"
            | "los"
            | "las"
            | "del"
            | "al"
    ) || last.ends_with(['’', '\''])
    {
        return None;
    }
    let marks = head[close..].len() - head[close..].trim_start_matches(['*', '_']).len();
    Some((close, close + marks))
}

/// The title after its number line's separator: `79/100. Title`,
/// `79/100 – Title` (Arabic), `Резолюция 1515 (2003), принятая …`.
pub(super) fn title_after_number(s: &str) -> &str {
    s.trim_start_matches(|c: char| matches!(c, '.' | ',' | '–' | '—' | '-') || is_space(c))
}

#[cfg(test)]
mod join_tests {
    use super::join_broken_words as j;

    #[test]
    fn words_broken_after_their_hyphen_are_joined() {
        assert_eq!(
            j("the right of self- determination,"),
            "the right of self-determination,"
        );
        assert_eq!(j("non-\n   governmental"), "non-governmental");
        assert_eq!(j("small- and medium-sized"), "small- and medium-sized");
        assert_eq!(j("pré- et post-natal"), "pré- et post-natal");
        assert_eq!(j("1960 - 2020 - Decides"), "1960 - 2020 - Decides");
        assert_eq!(j("Two- State"), "Two- State");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path of [`terminal_mark`] says what the full reading says:
    /// every line of the corpus samples and fixtures, and each ASCII end.
    #[test]
    fn terminal_mark_fast_path_agrees() {
        let (texts, _) = crate::text::corpus_samples(&["en", "fr", "es", "ru", "ar", "zh"]);
        let mut lines: Vec<String> = crate::text::outline_fixture_texts()
            .iter()
            .chain(&texts)
            .flat_map(|t| t.lines().map(String::from))
            .collect();
        lines.extend((0u8..0x80).map(|b| format!("mines;6{}", b as char)));
        lines.extend(
            [
                "the United Nations, 1/",
                "mines;6",
                "，¹",
                "a **",
                "",
                "1993,[^4]",
                "1993,[^4][^5]",
                "Palestine; <!-- note -->",
                "a [^x]",
                "a>",
            ]
            .map(String::from),
        );
        assert_eq!(terminal_mark("on 25 June 1993,[^4]"), Some(','));
        assert_eq!(terminal_mark("of Palestine; <!-- x -->"), Some(';'));
        for l in &lines {
            assert_eq!(terminal_mark(l), terminal_mark_in_full(l), "{l:?}");
        }
    }
}
