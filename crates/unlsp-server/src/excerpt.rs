//! Short excerpts of document text for hovers, outlines, completion details
//! and related information.

/// Whitespace collapsed, emphasis markers dropped, cut at about `max` chars on a
/// word boundary with an ellipsis.
pub(crate) fn first_words(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        if c == '*' || c == '_' {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    let out = unlsp_syntax::assemble::join_broken_words(&out);
    if out.chars().count() <= max {
        return out;
    }
    let cut: String = out.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_words_lose_the_pdf_break_after_their_hyphen() {
        assert_eq!(
            super::first_words(
                "the right of peoples to self-\n  determination and to non- discrimination",
                200
            ),
            "the right of peoples to self-determination and to non-discrimination"
        );
    }
}
